from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.widgets import Button
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.sections import HOME_SECTIONS_HOOK, TOPIC_SECTIONS_HOOK, Section

# The peer-review admin (Submissions, My reviews, reminder rules) registers its hooks on import.
from publications import moderation, views  # noqa: F401
from publications.models import PublicationPage, Series
from publications.review import wagtail_hooks as review_hooks  # noqa: F401
from publications.review.permissions import is_managing_editor


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
        path(
            "publications/<int:page_id>/crossref/deposits/",
            views.crossref_deposits,
            name="publications_crossref_deposits",
        ),
    ]


@hooks.register("register_page_header_buttons")
def crossref_button(page, user, view_name, next_url=None):
    # Translations are the same work: only the original is deposited, from its own page.
    specific = page.specific_deferred
    if (isinstance(specific, PublicationPage) and specific.is_original
            and page.permissions_for_user(user).can_edit()):
        yield Button(
            _("Crossref deposit XML"),
            reverse("publications_crossref_deposit", args=[page.pk]),
            icon_name="download",
            priority=80,
        )
        if page.permissions_for_user(user).can_publish():
            yield Button(
                _("Crossref deposits"),
                reverse("publications_crossref_deposits", args=[page.pk]),
                icon_name="upload",
                priority=81,
            )


@hooks.register("construct_page_action_menu")
def hide_publish_without_sign_off(menu_items, request, context):
    page = context.get("page")
    if page is not None and not moderation.may_publish_directly(request.user, page.specific_deferred):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


SIGN_OFF_MESSAGE = _(
    "Publications go live after the managing editor's sign-off: submit this page to "
    "“Publication review” instead."
)


def _asks_to_publish(request):
    # Wagtail's page editor sends "action-publish"; wagtail-localize's translation editor posts
    # "action=publish" to the same edit URL.
    return request.method == "POST" and (
        request.POST.get("action-publish") or request.POST.get("action") == "publish"
    )


def _refuse_publish_without_sign_off(request, page):
    if _asks_to_publish(request) and not moderation.may_publish_directly(request.user, page):
        messages.error(request, SIGN_OFF_MESSAGE)
        return redirect(request.get_full_path())
    return None


# Before wagtail-localize's own before_edit_page hook (default order 0), which takes over the
# edit view of translated pages and publishes them itself; ours must get the request first
# whatever the order of INSTALLED_APPS.
@hooks.register("before_edit_page", order=-100)
def refuse_publish_on_edit(request, page):
    return _refuse_publish_without_sign_off(request, page.specific_deferred)


@hooks.register("before_create_page")
def refuse_publish_on_create(request, parent_page, page_class):
    from publications.models import PublicationPage

    if issubclass(page_class, PublicationPage):
        return _refuse_publish_without_sign_off(request, page_class())
    return None


@hooks.register("after_edit_page")
def after_sign_off_go_where_the_approver_may(request, page):
    """After a workflow action Wagtail sends the approver to the parent page's listing. Managing
    editors sign publications off without any page rights of their own, so they would land on
    "permission denied" just after publishing; they go back to the submission instead (or to
    the dashboard for a page made by hand)."""
    if request.method != "POST" or not request.POST.get("action-workflow-action"):
        return None
    if get_valid_next_url_from_request(request):
        return None
    root = PagePermissionPolicy().explorable_root_instance(request.user)
    parent = page.get_parent()
    if root is not None and (parent.pk == root.pk or parent.is_descendant_of(root)):
        return None
    from publications.models import Submission

    submission = Submission.objects.filter(publication_page_id=page.pk).only("pk").first()
    if submission is not None and is_managing_editor(request.user):
        return redirect("review_admin:submission", pk=submission.pk)
    return redirect("wagtailadmin_home")


@hooks.register("before_bulk_action")
def refuse_bulk_publish_without_sign_off(request, action_type, objects, action_class_instance):
    # Bulk publish checks only the page publish permission, which moderators hold everywhere.
    if action_type != "publish" or not all(isinstance(obj, Page) for obj in objects):
        return None
    form = getattr(action_class_instance, "cleaned_form", None)
    with_descendants = bool(form and form.cleaned_data.get("include_descendants"))
    if moderation.publications_needing_sign_off(
        request.user, objects, with_descendants=with_descendants
    ).exists():
        messages.error(request, SIGN_OFF_MESSAGE)
        return redirect(action_class_instance.next_url)
    return None


@hooks.register("before_copy_page")
def refuse_publishing_copies_without_sign_off(request, page):
    # "Publish copies" keeps the copies live: for a publication that is publishing a new one.
    if request.method != "POST" or not request.POST.get("publish_copies"):
        return None
    if moderation.publications_needing_sign_off(
        request.user, [page], with_descendants=bool(request.POST.get("copy_subpages"))
    ).exists():
        messages.error(request, SIGN_OFF_MESSAGE)
        return redirect(request.get_full_path())
    return None


@hooks.register(HOME_SECTIONS_HOOK)
def home_latest_publications(page, request):
    return Section("publications/sections/home.html", order=10)


@hooks.register(TOPIC_SECTIONS_HOOK)
def topic_publications(page, request):
    return Section("publications/sections/topic.html", order=10)


# Before Wagtail's own check (default order 0), which would answer a log-in prompt or a
# permission page and so tell anyone that an embargoed document exists under that address.
@hooks.register("before_serve_document", order=-100)
def embargoed_documents_are_not_found(document, request):
    from publications.embargo import is_embargoed

    restrictions = document.collection.get_view_restrictions()
    if is_embargoed(document) and not all(r.accept_request(request) for r in restrictions):
        raise Http404
    return None
