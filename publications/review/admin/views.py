"""The editors' and reviewers' workspace in the Wagtail admin.

Views only read forms and call ``publications.review.workflow``; they never decide what is allowed.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.paging import paginate, query_without_page
from publications.models import Profile, ReviewAssignment, Series, Submission, SubmissionFile

from .. import files as submission_files
from .. import production, workflow
from .. import queue as submission_queue
from ..decisions import DECISION_KINDS, reviews_for_pending_decision
from ..letters import draft_letter
from ..permissions import REVIEWERS, is_managing_editor
from ..tokens import make_assignment_token
from .forms import (
    DecisionForm,
    DeskRejectForm,
    HandlingEditorForm,
    InviteReviewerForm,
    OverrideHitsForm,
    QueueFilterForm,
)

State = Submission.State
OPEN_ASSIGNMENT = [ReviewAssignment.State.INVITED, ReviewAssignment.State.ACCEPTED]


def _editor_only(request):
    if not is_managing_editor(request.user):
        raise PermissionDenied


def _submitted_submission(pk, queryset=None):
    """A submission an editor may open: any but a draft, which is the author's own until it is
    submitted. Every editor view of one submission (page, decision, files) refuses a draft
    alike."""
    submission = get_object_or_404(queryset if queryset is not None else Submission, pk=pk)
    if submission.state == State.DRAFT:
        raise PermissionDenied
    return submission


def _header(title, icon):
    """Wagtail's generic base shows ``page_title`` in the page header (when there are no
    breadcrumbs) and puts ``header_title`` in the window title: a view gives both."""
    return {"page_title": title, "header_title": title, "header_icon": icon}


def queue(request):
    """Every submission but drafts: searched, filtered and paged (publications.review.queue)."""
    _editor_only(request)
    form = QueueFilterForm(request.GET or None)
    filters, status = {}, 200
    if form.is_bound:
        if form.is_valid():
            filters = form.cleaned_data
        else:
            status = 400
    rows = submission_queue.submissions_for_queue(filters)
    if status == 400:
        rows = rows.none()
    paging = paginate(rows, request, submission_queue.PER_PAGE)
    return TemplateResponse(request, "publications/admin/queue.html", {
        "form": form, "paging": paging,
        "submissions": submission_queue.describe_page(paging.page.object_list),
        "query_without_page": query_without_page(request),
        **_header(_("Submissions"), "doc-full"),
    }, status=max(status, paging.status))


def _detail_context(request, submission):
    rounds = list(submission.rounds.prefetch_related(
        "assignments__reviewer", "assignments__attachments", "assignments__author_response",
        "assignments__answers", "assignments__changes", "assignments__editor_rating",
        "decisions"))
    actions = workflow.available_actions(submission, request.user)
    files = list(submission.files.select_related("uploaded_by", "hits_overridden_by"))
    for review_round in rounds:
        review_round.round_files = [f for f in files if f.round_number == review_round.number]
        copy = max((f for f in review_round.round_files if f.kind == "reviewer_copy"),
                   key=lambda f: f.version, default=None)
        review_round.copy = copy
        # Files checked before the identity check existed are checked on first sight.
        for checked in [copy] + [f for a in review_round.assignments.all()
                                 for f in a.attachments.all()]:
            if checked is not None:
                workflow.identity_hits(checked)
        # The open round's annotated files go to the author with its decision.
        review_round.attachments_pending = (review_round is rounds[-1]
                                            and submission.state == State.IN_REVIEW)
        # The desk's buttons on each assignment (desk.py), as the state machine allows them.
        for assignment in review_round.assignments.all():
            assignment.in_latest_round = review_round is rounds[-1]
            assignment.desk_actions = workflow.available_assignment_actions(
                assignment, request.user, actions)
    current = rounds[-1] if rounds else None
    return {
        "submission": submission,
        "authors": submission.authors.all(),
        "rounds": rounds,
        "current_round": current,
        "draft_files": [f for f in files if not rounds or f.round_number > rounds[-1].number],
        "events": submission.events.select_related("actor"),
        "desk_decisions": submission.decisions.filter(round__isnull=True),
        "actions": actions,
        "next_step": workflow.editor_next_step(submission),
        "invite_form": InviteReviewerForm(submission=submission),
        "handling_form": HandlingEditorForm(initial={"editor": submission.handling_editor_id}),
        # Under single-anonymous and open review the reviewers know the authors; under open
        # review the authors know the reviewers: there is then nobody to look for.
        "copy_checked": submission.is_double_anonymous,
        "attachments_checked": submission.anonymity != Series.Anonymity.OPEN,
        "desk_reject_form": DeskRejectForm(
            initial={"letter": draft_letter(submission, "desk_reject", request.user)}),
        **_header(submission.title, "doc-full"),
        "today": timezone.localdate(),
        "can_edit_page": bool(submission.publication_page) and submission.publication_page
        .permissions_for_user(request.user).can_edit(),
    }


def detail(request, pk, status=200, **extra):
    _editor_only(request)
    submission = _submitted_submission(
        pk, Submission.objects.select_related("series", "submitter", "handling_editor"))
    context = _detail_context(request, submission)
    context.update(extra)
    return TemplateResponse(request, "publications/admin/detail.html", context, status=status)


def _run(request, pk, action, *args, **kwargs):
    """Call one transition; report its refusal on the detail page as a 400."""
    submission = get_object_or_404(Submission, pk=pk)
    try:
        action(submission, request.user, *args, **kwargs)
    except workflow.TransitionNotAllowed:
        raise PermissionDenied from None
    except workflow.TransitionError as error:
        return detail(request, pk, status=400, error=str(error))
    messages.success(request, _("Done."))
    return redirect("review_admin:submission", pk=pk)


@require_POST
def create_publication_page(request, pk):
    """Accepted work becomes a draft publication page; the editor continues in the page editor."""
    _editor_only(request)
    submission = get_object_or_404(Submission, pk=pk)
    try:
        page = production.create_page_for_submission(submission, request.user)
    except workflow.TransitionNotAllowed:
        raise PermissionDenied from None
    except (workflow.TransitionError, ValidationError) as error:
        message = error.messages[0] if isinstance(error, ValidationError) else str(error)
        return detail(request, pk, status=400, error=message)
    if page.permissions_for_user(request.user).can_edit():
        messages.success(request, _("Draft publication page created; submit it for moderation."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    # A managing editor without page rights would land on "permission denied": the page's
    # editors submit it, and the managing editors see it again at the sign-off step.
    messages.success(request, _("Draft publication page created. An editor submits it for "
                                "moderation; the managing editors sign it off after the editorial "
                                "review."))
    return redirect("review_admin:submission", pk=pk)


@require_POST
def assign_handling_editor(request, pk):
    """Hand the submission to another managing editor, who is told by e-mail."""
    _editor_only(request)
    form = HandlingEditorForm(request.POST)
    if not form.is_valid():
        return detail(request, pk, status=400, handling_form=form,
                      error=_("The submission was not handed over: please correct the form."))
    return _run(request, pk, workflow.assign_handling_editor, form.cleaned_data["editor"],
                form.cleaned_data["note"])


@require_POST
def start_screening(request, pk):
    _editor_only(request)
    return _run(request, pk, workflow.start_screening)


@require_POST
def confirm_anonymity(request, pk):
    _editor_only(request)
    return _run(request, pk, workflow.confirm_anonymity)


@require_POST
def send_to_review(request, pk):
    _editor_only(request)
    return _run(request, pk, workflow.send_to_review, note=request.POST.get("note", "")[:2000])


@require_POST
def override_hits(request, pk, file_pk):
    """Pass a reviewer copy or an annotated file on despite the identity check, with a reason."""
    _editor_only(request)
    submission_file = get_object_or_404(SubmissionFile, pk=file_pk, submission_id=pk)
    form = OverrideHitsForm(request.POST)
    if not form.is_valid():
        return detail(request, pk, status=400, error=_(
            "The check was not overridden: give the reason (at most 2000 characters)."))
    return _run(request, pk, workflow.override_identity_hits, submission_file,
                form.cleaned_data["reason"])


@require_POST
def withhold_attachment(request, pk, file_pk):
    """Keep a reviewer's annotated file from the author."""
    _editor_only(request)
    submission_file = get_object_or_404(SubmissionFile, pk=file_pk, submission_id=pk)
    return _run(request, pk, workflow.withhold_attachment, submission_file)


@require_POST
def desk_reject(request, pk):
    _editor_only(request)
    form = DeskRejectForm(request.POST)
    if not form.is_valid():
        return detail(request, pk, status=400, desk_reject_form=form,
                      error=_("Please correct the letter."))
    return _run(request, pk, workflow.desk_reject, form.cleaned_data["letter"])


def _reviewer_for(form):
    """The chosen reviewer, or a new reviewer account made from the e-mail address."""
    if form.cleaned_data.get("reviewer"):
        return form.cleaned_data["reviewer"]
    User = get_user_model()
    email = form.cleaned_data["new_email"].lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        first, _sep, last = form.cleaned_data["new_name"].partition(" ")
        # No password: a new reviewer works through the signed link, and can set one later.
        user = User(username=email, email=email, first_name=first[:150], last_name=last[:150])
        user.set_unusable_password()
        user.save()
        Profile.objects.create(user=user)
    user.groups.add(Group.objects.get(name=REVIEWERS))
    return user


@require_POST
def invite(request, pk):
    _editor_only(request)
    submission = get_object_or_404(Submission, pk=pk)
    form = InviteReviewerForm(request.POST, submission=submission)
    if not form.is_valid():
        return detail(request, pk, status=400, invite_form=form,
                      error=_("The invitation was not sent: please correct the form."))
    try:
        with transaction.atomic():
            reviewer = _reviewer_for(form)
            workflow.invite_reviewer(submission, request.user, reviewer,
                                     response_due=form.cleaned_data["response_due"],
                                     review_due=form.cleaned_data["review_due"])
    except workflow.TransitionNotAllowed:
        raise PermissionDenied from None
    except workflow.TransitionError as error:
        return detail(request, pk, status=400, invite_form=form, error=str(error))
    messages.success(request, _("Invitation sent to %(email)s.") % {"email": reviewer.email})
    return redirect("review_admin:submission", pk=pk)


def _assignment_action(request, pk, assignment_pk, action):
    _editor_only(request)
    assignment = get_object_or_404(ReviewAssignment, pk=assignment_pk, round__submission_id=pk)
    try:
        action(assignment, request.user)
    except workflow.TransitionError as error:
        return detail(request, pk, status=400, error=str(error))
    messages.success(request, _("Done."))
    return redirect("review_admin:submission", pk=pk)


@require_POST
def remind(request, pk, assignment_pk):
    return _assignment_action(request, pk, assignment_pk, workflow.remind_reviewer)


@require_POST
def remind_author(request, pk):
    _editor_only(request)
    return _run(request, pk, workflow.remind_author)


def decide(request, pk):
    """GET: the decision form with a letter drafted for the chosen outcome; POST: record it."""
    _editor_only(request)
    submission = _submitted_submission(
        pk, Submission.objects.select_related("series", "submitter"))
    if request.method == "POST":
        form = DecisionForm(request.POST)
        if form.is_valid():
            try:
                workflow.record_decision(submission, request.user,
                                         outcome=form.cleaned_data["outcome"],
                                         letter=form.cleaned_data["letter"],
                                         revision_due=form.cleaned_data["revision_due"])
            except workflow.TransitionError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("The decision has been sent."))
                return redirect("review_admin:submission", pk=pk)
        status = 400
    else:
        outcome = request.GET.get("outcome", "minor")
        if outcome not in DECISION_KINDS or not DECISION_KINDS[outcome].closes_round:
            outcome = "minor"
        form = DecisionForm(initial={"outcome": outcome,
                                     "letter": draft_letter(submission, outcome, request.user)})
        status = 200
    return TemplateResponse(request, "publications/admin/decide.html", {
        "submission": submission, "form": form,
        "reviews": reviews_for_pending_decision(submission),
        "actions": workflow.available_actions(submission, request.user),
        "held_back": workflow.attachments_held_back(submission),
        **_header(_("Decision on “%(title)s”") % {"title": submission.title}, "doc-full"),
    }, status=status)


def download(request, pk, file_pk):
    _editor_only(request)
    submission = _submitted_submission(pk)
    submission_file = get_object_or_404(SubmissionFile, pk=file_pk, submission=submission)
    return submission_files.serve(request, submission_file)


def my_reviews(request):
    """A reviewer's own assignments, each opening through its signed link."""
    assignments = (ReviewAssignment.objects.filter(reviewer=request.user)
                   .select_related("round__submission__series").order_by("-invited_at"))
    rows = [(a, reverse("portal:review", args=[make_assignment_token(a)])) for a in assignments]
    return TemplateResponse(request, "publications/admin/my_reviews.html", {
        "rows": rows, "today": timezone.localdate(),
        **_header(_("My reviews"), "clipboard-list"),
    })
