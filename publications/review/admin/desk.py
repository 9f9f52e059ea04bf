"""The managing editor's desk: the reviewer database, ranked suggestions for a submission, and
changes to assignments; and the reviewer's own certificates.

Views read forms and call ``assignments`` (the transitions); which actions exist for an
assignment is ``workflow.available_assignment_actions``' answer.
"""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from cms.paging import paginate, query_without_page
from publications.models import Profile, ReviewAssignment, Submission

from .. import assignments, recognition, suggestions, workflow
from ..notifications import language_of
from ..reviewers import days, record_for, reviewers, search, with_figures
from . import desk_forms
from .forms import InviteReviewerForm
from .views import _editor_only, _header, _submitted_submission

AState = ReviewAssignment.State
PER_PAGE = 50


# The reviewer database ------------------------------------------------------------------------

def reviewer_list(request):
    _editor_only(request)
    form = desk_forms.ReviewerSearchForm(request.GET or None)
    status = 200
    criteria = {}
    if form.is_bound and not form.is_valid():
        status = 400
    elif form.is_bound:
        data = form.cleaned_data
        criteria = {"text": data["q"], "topic": data["topic"], "language": data["language"],
                    "available_only": data["available"]}
    paging = paginate(search(**criteria), request, PER_PAGE)
    for person in paging.page:
        person.response_days, person.review_days = (days(person.mean_response),
                                                     days(person.mean_review))
    return TemplateResponse(request, "publications/admin/reviewers.html", {
        "form": form, "paging": paging, "people": paging.page, "query": query_without_page(
            request), "today": timezone.localdate(),
        **_header(_("Reviewers"), "group"),
    }, status=status if status != 200 else paging.status)


@require_http_methods(["GET", "POST"])
def reviewer_detail(request, user_pk):
    _editor_only(request)
    person = get_object_or_404(reviewers(), pk=user_pk)
    record = record_for(person)
    profile, _created = Profile.objects.get_or_create(user=person)
    form = desk_forms.ReviewerRecordForm(request.POST or None, instance=record, profile=profile)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("The reviewer's record is saved."))
            return redirect("review_admin:reviewer", user_pk=person.pk)
        status = 400
    else:
        status = 200
    figures = with_figures(reviewers().filter(pk=person.pk)).get()
    history = (ReviewAssignment.objects.filter(reviewer=person)
               .select_related("round__submission__series", "editor_rating")
               .prefetch_related("changes").order_by("-invited_at"))
    return TemplateResponse(request, "publications/admin/reviewer.html", {
        "person": person, "record": record, "form": form, "figures": figures,
        "response_days": days(figures.mean_response), "review_days": days(figures.mean_review),
        "history": history,
        **_header(person.get_full_name() or person.email, "user"),
    }, status=status)


# Suggestions on the invite screen --------------------------------------------------------------

def suggest(request, pk):
    _editor_only(request)
    submission = _submitted_submission(
        pk, Submission.objects.select_related("series", "submitter"))
    actions = workflow.available_actions(submission, request.user)
    if "suggest_reviewers" not in actions:
        raise PermissionDenied
    ranked = suggestions.rank(submission)
    for row in ranked:
        row.response_days, row.review_days = suggestions.mean_days(row)
    return TemplateResponse(request, "publications/admin/suggestions.html", {
        "submission": submission, "ranked": ranked, "actions": actions,
        "invite_form": InviteReviewerForm(submission=submission),
        "authors": submission.authors.all(),
        "preferences": submission.reviewer_preferences.all(),
        **_header(_("Reviewers for “%(title)s”") % {"title": submission.title}, "group"),
    })


# Changes to an assignment ---------------------------------------------------------------------

def _assignment(request, pk, assignment_pk, action):
    """The assignment of this submission, if ``action`` is open to the editor on it now."""
    _editor_only(request)
    submission = _submitted_submission(pk)
    assignment = get_object_or_404(
        ReviewAssignment.objects.select_related("round__submission", "reviewer"),
        pk=assignment_pk, round__submission=submission)
    return submission, assignment, action in workflow.available_assignment_actions(
        assignment, request.user)


def _action_page(request, pk, assignment_pk, action, form_class, perform, *, title, intro,
                 initial=None, button):
    """GET: the form (a confirmation step); POST: do it. A refusal or bad input is a 400 that
    changes nothing."""
    submission, assignment, allowed = _assignment(request, pk, assignment_pk, action)
    if callable(initial):
        initial = initial(assignment)
    form = form_class(request.POST if request.method == "POST" else None, initial=initial)
    status = 200
    error = None
    if not allowed:
        error = _("This cannot be done to this assignment now.")
        status = 400
    elif request.method == "POST":
        if form.is_valid():
            try:
                perform(assignment, form.cleaned_data)
            except workflow.TransitionNotAllowed:
                raise PermissionDenied from None
            except workflow.TransitionError as refusal:
                error = str(refusal)
            else:
                messages.success(request, _("Done."))
                return redirect("review_admin:submission", pk=submission.pk)
        status = 400
    return TemplateResponse(request, "publications/admin/assignment_action.html", {
        "submission": submission, "assignment": assignment, "form": form, "error": error,
        "allowed": allowed, "intro": intro, "button": button,
        **_header(title, "doc-full"),
    }, status=status)


@require_http_methods(["GET", "POST"])
def change_dates(request, pk, assignment_pk):
    def perform(assignment, data):
        assignments.change_due_dates(
            assignment, request.user, response_due=data["response_due"],
            review_due=data["review_due"], tell_reviewer=data["tell_reviewer"],
            note=data["note"])

    return _action_page(
        request, pk, assignment_pk, "change_due_dates", desk_forms.DueDatesForm, perform,
        title=_("Change the due dates"), button=_("Change the dates"),
        intro=_("Choose whether the reviewer hears of it: the timeline records it either way."),
        initial=lambda assignment: {"response_due": assignment.response_due,
                                    "review_due": assignment.review_due, "tell_reviewer": "yes"})


@require_http_methods(["GET", "POST"])
def reopen(request, pk, assignment_pk):
    def perform(assignment, data):
        assignments.reopen_review(assignment, request.user, reason=data["reason"],
                                  review_due=data["review_due"])

    return _action_page(
        request, pk, assignment_pk, "reopen_review", desk_forms.ReopenForm, perform,
        title=_("Reopen the review"), button=_("Reopen the review"),
        intro=_("The reviewer gets the review back to amend it, with your reason, and sends it "
                "again by the new date."),
        initial={"review_due": timezone.localdate() + datetime.timedelta(days=14)})


@require_http_methods(["GET", "POST"])
def record_decline(request, pk, assignment_pk):
    def perform(assignment, data):
        assignments.record_decline(
            assignment, request.user, reason=data["reason"], note=data["note"],
            suggested_name=data["suggested_name"], suggested_email=data["suggested_email"])

    return _action_page(
        request, pk, assignment_pk, "record_decline", desk_forms.DeclineForm, perform,
        title=_("Record a decline"), button=_("Record the decline"),
        intro=_("For an answer that came by other means, or to add the reason and a suggestion "
                "to a decline."))


@require_http_methods(["GET", "POST"])
def cancel(request, pk, assignment_pk):
    def perform(assignment, data):
        assignments.cancel_with_reason(assignment, request.user, reason=data["reason"])

    return _action_page(
        request, pk, assignment_pk, "cancel_assignment", desk_forms.CancelForm, perform,
        title=_("Cancel the assignment"), button=_("Cancel the assignment"),
        intro=_("The reviewer is told by e-mail that the review is no longer needed. The reason "
                "stays with the editors."))


@require_POST
def rate(request, pk, assignment_pk):
    submission, assignment, allowed = _assignment(request, pk, assignment_pk, "rate_review")
    form = desk_forms.RatingForm(request.POST)
    if not allowed or not form.is_valid():
        from .views import detail

        return detail(request, submission.pk, status=400,
                      error=_("The rating was not saved: choose a rating from 1 to 5."))
    assignments.rate_review(assignment, request.user, score=form.cleaned_data["score"],
                            note=form.cleaned_data["note"])
    messages.success(request, _("Rating saved."))
    return redirect("review_admin:submission", pk=submission.pk)


# The reviewer's own: certificates and consent ---------------------------------------------------

def _pdf(content, filename):
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def certificate(request, assignment_pk):
    """Only the reviewer, only for a completed review; anybody else finds nothing."""
    assignment = get_object_or_404(
        ReviewAssignment.objects.select_related("reviewer", "round__submission__series"),
        pk=assignment_pk, reviewer_id=request.user.pk, state=AState.SUBMITTED)
    # In the language the reviewer reads their e-mails in, as the rest of what they receive.
    with translation.override(language_of(request.user)):
        content = recognition.certificate_pdf(assignment)
    return _pdf(content, f"review-certificate-{assignment.pk}.pdf")


def my_certificates(request):
    """The reviewer's completed reviews, each with its certificate, the years with a summary,
    and their choice about the public thanks."""
    done = (ReviewAssignment.objects.filter(reviewer=request.user, state=AState.SUBMITTED)
            .select_related("round__submission__series").order_by("-submitted_at"))
    record = getattr(request.user, "reviewer_record", None)
    return TemplateResponse(request, "publications/admin/my_certificates.html", {
        "reviews": done,
        "years": sorted({a.submitted_at.year for a in done if a.submitted_at}, reverse=True),
        "consent_form": desk_forms.ThanksConsentForm(
            initial={"thank_publicly": bool(record and record.thank_publicly)}),
        "has_assignments": ReviewAssignment.objects.filter(reviewer=request.user).exists(),
        **_header(_("My certificates of review"), "doc-full"),
    })


def yearly_summary(request, year):
    if not 2000 <= year <= timezone.localdate().year:
        raise Http404
    with translation.override(language_of(request.user)):
        content = recognition.yearly_summary_pdf(request.user, year)
    if content is None:
        raise Http404
    return _pdf(content, f"reviews-{year}.pdf")


@require_POST
def thanks_consent(request):
    if not ReviewAssignment.objects.filter(reviewer=request.user).exists():
        raise PermissionDenied
    form = desk_forms.ThanksConsentForm(request.POST)
    if not form.is_valid():  # a checkbox is always valid; kept for the rule
        return HttpResponse(status=400)
    record = record_for(request.user)
    record.thank_publicly = form.cleaned_data["thank_publicly"]
    record.save(update_fields=["thank_publicly", "updated_at"])
    messages.success(request, _("Your choice is saved."))
    return redirect("review_admin:my_certificates")
