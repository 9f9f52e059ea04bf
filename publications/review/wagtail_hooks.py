"""The peer-review workspace in the Wagtail admin: editors' queue, reviewers' assignments.

Imported by wagtail_hooks.py, which Wagtail loads; kept apart from the publication pages' hooks.
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from publications.models import ReminderRule, ReviewAssignment, SeriesReviewForm

from .admin import urls as admin_urls
from .dashboard import PublicationPagesToPreparePanel
from .permissions import is_managing_editor


@hooks.register("register_admin_urls")
def register_review_urls():
    return [path("submissions/", include(admin_urls, namespace="review_admin"))]


class SubmissionsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_managing_editor(request.user)


class MyReviewsMenuItem(MenuItem):
    def is_shown(self, request):
        return ReviewAssignment.objects.filter(reviewer=request.user).exists()


@hooks.register("register_admin_menu_item")
def register_submissions_menu_item():
    return SubmissionsMenuItem(_("Submissions"), reverse("review_admin:queue"),
                               icon_name="doc-full", order=250)


@hooks.register("register_admin_menu_item")
def register_statistics_menu_item():
    return SubmissionsMenuItem(_("Editorial statistics"), reverse("review_admin:statistics"),
                               icon_name="table", order=256)


@hooks.register("register_admin_menu_item")
def register_reviewers_menu_item():
    # The desk's reviewer database (admin/desk.py); managing editors only, as the queue.
    return SubmissionsMenuItem(_("Reviewers"), reverse("review_admin:reviewers"),
                               icon_name="group", order=255)


@hooks.register("register_admin_menu_item")
def register_my_reviews_menu_item():
    return MyReviewsMenuItem(_("My reviews"), reverse("review_admin:my_reviews"),
                             icon_name="clipboard-list", order=260)


@hooks.register("construct_homepage_panels")
def add_publication_pages_to_prepare(request, panels):
    panels.append(PublicationPagesToPreparePanel())


class ReminderRuleViewSet(SnippetViewSet):
    model = ReminderRule
    icon = "time"
    menu_label = _("Reminder rules")
    list_display = ["name", "target", "days_offset", "active"]


register_snippet(ReminderRuleViewSet)


class InvalidFormIs400:
    """Wagtail shows an invalid form again with 200; the site's rule for bad input is a 4xx."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if response.status_code == 200:
            response.status_code = 400
        return response


class ReviewFormCreateView(InvalidFormIs400, snippet_views.CreateView):
    pass


class ReviewFormEditView(InvalidFormIs400, snippet_views.EditView):
    pass


class SeriesReviewFormViewSet(SnippetViewSet):
    """The questions each series asks its reviewers (publications.review.review_forms)."""

    model = SeriesReviewForm
    add_view_class = ReviewFormCreateView
    edit_view_class = ReviewFormEditView
    icon = "form"
    menu_label = _("Review forms")
    list_display = ["series", "active"]


register_snippet(SeriesReviewFormViewSet)
