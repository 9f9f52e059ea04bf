"""The hand-off from peer review to the site's editors, on the admin dashboard.

An accepted submission becomes a draft publication page (production.py); this panel shows the
editors each such page that is not live yet, and who acts next on it, until it is published.
"""

from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component

from cms.moderation import changes_requested, reviewing_step
from publications.models import Submission


def page_next_step(page):
    """Who acts next on a publication page made from a submission, as a sentence."""
    if changes_requested(page):
        return _("Next: an editor makes the changes the moderators asked for and submits the "
                 "page again.")
    step = reviewing_step(page)
    if step is None:
        return _("Next: an editor completes the page and submits it for moderation.")
    name, reviewers = step
    return _("Next: %(reviewers)s review it in the “%(step)s” step.") % {
        "reviewers": reviewers or name, "step": name}


def pages_to_prepare(user):
    """Draft publication pages made from accepted submissions that ``user`` may edit."""
    submissions = (
        Submission.objects.filter(state=Submission.State.IN_PRODUCTION,
                                  publication_page__isnull=False, publication_page__live=False)
        .select_related("publication_page", "series")
        .order_by("-updated_at")
    )
    rows = []
    for submission in submissions:
        page = submission.publication_page
        if page.permissions_for_user(user).can_edit():
            rows.append({"submission": submission, "page": page, "next_step": page_next_step(page)})
    return rows


class PublicationPagesToPreparePanel(Component):
    name = "publication_pages_to_prepare"
    template_name = "publications/admin/dashboard_pages_to_prepare.html"
    order = 105  # above Wagtail's own moderation panels: it is where new work comes from

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["rows"] = pages_to_prepare(parent_context["request"].user)
        return context
