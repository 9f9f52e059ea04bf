from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

# The peer-review admin (Submissions, My reviews, reminder rules) registers its hooks on import.
from publications import moderation, review_admin_hooks, views  # noqa: F401
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


@hooks.register("construct_page_action_menu")
def hide_publish_without_sign_off(menu_items, request, context):
    page = context.get("page")
    if page is not None and not moderation.may_publish_directly(request.user, page.specific_deferred):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


def _refuse_publish_without_sign_off(request, page):
    if (
        request.method == "POST"
        and request.POST.get("action-publish")
        and not moderation.may_publish_directly(request.user, page)
    ):
        messages.error(
            request,
            _("Publications go live after the managing editor's sign-off: submit this page to "
              "“Publication review” instead."),
        )
        return redirect(request.get_full_path())
    return None


@hooks.register("before_edit_page")
def refuse_publish_on_edit(request, page):
    return _refuse_publish_without_sign_off(request, page.specific_deferred)


@hooks.register("before_create_page")
def refuse_publish_on_create(request, parent_page, page_class):
    from publications.models import PublicationPage

    if issubclass(page_class, PublicationPage):
        return _refuse_publish_without_sign_off(request, page_class())
    return None
