from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from publications import views
from publications.models import PublicationPage, Series


class SeriesViewSet(SnippetViewSet):
    model = Series
    icon = "list-ul"
    menu_label = _("Series")
    list_display = ["name", "kind", "issn", "review_anonymity"]
    list_filter = ["kind"]


register_snippet(SeriesViewSet)


@hooks.register("register_admin_urls")
def register_publication_admin_urls():
    return [
        path(
            "publications/<int:page_id>/crossref.xml",
            views.crossref_deposit,
            name="publications_crossref_deposit",
        ),
    ]


@hooks.register("register_page_header_buttons")
def crossref_button(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, PublicationPage) and page.permissions_for_user(
        user
    ).can_edit():
        yield Button(
            _("Crossref deposit XML"),
            reverse("publications_crossref_deposit", args=[page.pk]),
            icon_name="download",
            priority=80,
        )
