"""The author portal and the reviewer's link pages. Rules live in ``publications.review.workflow``."""

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.contrib.auth.views import LoginView
from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from cms.stored_files import atomic_with_files
from publications.models import Decision, ReviewAssignment, Submission, SubmissionFile

from .. import assignments, review_forms, workflow
from .. import files as submission_files
from ..decisions import reviewer_numbers
from ..permissions import AUTHORS, can_download, is_author_of
from ..tokens import read_assignment_token
from . import forms

STEPS = [
    ("details", gettext_lazy("Details")),
    ("authors", gettext_lazy("Authors")),
    ("statements", gettext_lazy("Statements")),
    ("files", gettext_lazy("Files")),
    ("confirm", gettext_lazy("Check and submit")),
]
STEP_NAMES = [name for name, _label in STEPS]


def _bad_request(request, template, context):
    """Re-render a form with its errors, as a 400, so nothing looks saved that is not."""
    return render(request, template, context, status=400)


# Accounts -------------------------------------------------------------------------------------

class InvalidFormIs400:
    """Django's auth views answer an invalid form with 200; the site's rule is a 4xx."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class PortalLoginView(InvalidFormIs400, LoginView):
    template_name = "publications/portal/login.html"
    form_class = forms.PortalLoginForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        return reverse("portal:dashboard")


@require_http_methods(["GET", "POST"])
def register(request):
    if request.user.is_authenticated:
        return redirect("portal:dashboard")
    form = forms.RegistrationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not form.is_valid():
            return _bad_request(request, "publications/portal/register.html", {"form": form})
        if form.existing_account is not None:
            # The same answer as for a new account; only the address's owner learns more.
            _tell_owner_of_existing_account(request, form.existing_account)
            return redirect("portal:registration_sent")
        with transaction.atomic():
            user = form.save()
            user.groups.add(Group.objects.get(name=AUTHORS))
        _send_verification(request, user)
        return redirect("portal:registration_sent")
    return render(request, "publications/portal/register.html", {"form": form})


def _send_verification(request, user):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    with translation.override(user.jcmi_profile.preferred_language):
        url = request.build_absolute_uri(reverse("portal:verify", args=[uid, token]))
        body = render_to_string("publications/portal/verify_email.txt",
                                {"user": user, "url": url})
        subject, _sep, text = body.strip().partition("\n")
    from django.core.mail import send_mail

    send_mail(subject.strip(), text.strip() + "\n", None, [user.email])


def _tell_owner_of_existing_account(request, user):
    """Someone registered with an address that has an account: a new confirmation link if the
    account never confirmed its address, else a note with the ways back in."""
    if forms.awaiting_verification([user]):
        _send_verification(request, user)
        return
    profile = getattr(user, "jcmi_profile", None)
    with translation.override(getattr(profile, "preferred_language", None) or
                              translation.get_language()):
        body = render_to_string("publications/portal/account_exists_email.txt", {
            "user": user,
            "login_url": request.build_absolute_uri(reverse("portal:login")),
            "reset_url": request.build_absolute_uri(reverse("portal:password_reset")),
        })
        subject, _sep, text = body.strip().partition("\n")
    from django.core.mail import send_mail

    send_mail(subject.strip(), text.strip() + "\n", None, [user.email])


@require_http_methods(["GET", "POST"])
def resend_verification(request):
    """A new confirmation link for an account that never confirmed its address.

    The answer is the same whether or not such an account exists, so that nobody learns which
    addresses have one; only the address's owner, who reads the e-mail, finds out.
    """
    if request.user.is_authenticated:
        return redirect("portal:dashboard")
    template = "publications/portal/resend_verification.html"
    if request.method == "GET":
        form = forms.ResendVerificationForm(initial={"email": request.GET.get("email", "")})
        return render(request, template, {"form": form})
    form = forms.ResendVerificationForm(request.POST)
    if not form.is_valid():
        return _bad_request(request, template, {"form": form})
    for user in forms.unverified_accounts(form.cleaned_data["email"]):
        _send_verification(request, user)
    return render(request, "publications/portal/message.html",
                  {"message_key": "verify_resent"})


def registration_sent(request):
    return render(request, "publications/portal/message.html", {"message_key": "verify_sent"})


def verify_email(request, uidb64, token):
    User = get_user_model()
    try:
        user = User.objects.get(pk=force_str(urlsafe_base64_decode(uidb64)))
    except (User.DoesNotExist, ValueError, TypeError, OverflowError):
        user = None
    if user is None or not default_token_generator.check_token(user, token):
        return render(request, "publications/portal/message.html",
                      {"message_key": "verify_invalid"}, status=400)
    user.is_active = True
    user.save(update_fields=["is_active"])
    user.jcmi_profile.email_verified = True
    user.jcmi_profile.save(update_fields=["email_verified"])
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, _("Your e-mail address is confirmed. Welcome!"))
    return redirect("portal:dashboard")


# Author: dashboard and submissions ------------------------------------------------------------

@login_required
def dashboard(request):
    submissions = (Submission.objects.filter(submitter=request.user)
                   .select_related("series").order_by("-updated_at"))
    rows = [(s, workflow.author_next_step(s)) for s in submissions]
    reviews = (ReviewAssignment.objects.filter(reviewer=request.user)
               .exclude(state=ReviewAssignment.State.CANCELLED).count())
    from registrations.runs import registrations_of

    return render(request, "publications/portal/dashboard.html",
                  {"rows": rows, "has_reviews": bool(reviews),
                   "course_registrations": registrations_of(request.user)})


def _own_submission(request, pk, lock=False):
    """The requester's own submission; anybody else's is simply not there (404).

    With ``lock``, the row is locked until the end of the transaction.
    """
    submissions = Submission.objects.select_related("series")
    if lock:
        submissions = submissions.select_for_update(of=("self",))
    submission = get_object_or_404(submissions, pk=pk)
    if not is_author_of(request.user, submission):
        raise Http404
    return submission


@login_required
@require_http_methods(["GET", "POST"])
def submission_step(request, step, pk=None):
    if request.method == "GET":
        return _submission_step(request, step, pk)
    # A save runs whole under a lock on its submission (a new one: on the author's account), so
    # two saves sent at once are served one after the other and leave one result. A failed write
    # of one file (the store is down) removes the files written before it and rolls back the rows;
    # the storage error then answers 503 (cms.storage.StorageErrorMiddleware).
    with atomic_with_files():
        return _submission_step(request, step, pk)


def _submission_step(request, step, pk):
    if step not in STEP_NAMES:
        raise Http404
    posted = request.method == "POST"
    submission = _own_submission(request, pk, lock=posted) if pk else None
    if submission is None and posted and step == "details":
        # "New submission" sent twice (a double click, a resent form) saves into the draft the
        # first one started instead of starting another.
        submission = workflow.draft_just_started(request.user)
    if submission and "submit" not in workflow.available_actions(submission, request.user):
        messages.info(request, _("This submission has been sent and can no longer be edited."))
        return redirect("portal:submission", pk=submission.pk)
    if submission is None and step != "details":
        raise Http404
    template = "publications/portal/submission_step.html"
    context = {"submission": submission, "step": step, "steps": STEPS}
    form = formset = None
    data = request.POST if request.method == "POST" else None
    files = request.FILES if request.method == "POST" else None
    draft = data is not None and "save_draft" in data

    if step == "details":
        form = forms.DetailsForm(data, instance=submission, draft=draft)
    elif step == "authors":
        formset = forms.AuthorFormSet(data, instance=submission, prefix="authors")
        if request.method == "GET" and not submission.authors.exists():
            profile = getattr(request.user, "jcmi_profile", None)
            formset = forms.AuthorFormSet(instance=submission, prefix="authors", initial=[{
                "name": request.user.get_full_name(), "email": request.user.email,
                "affiliation": profile.affiliation if profile else "",
                "orcid": profile.orcid if profile else "", "is_corresponding": True,
            }])
    elif step == "statements":
        form = forms.StatementsForm(data, instance=submission, draft=draft)
        # The reviewers the authors suggest or oppose; a post without this list (an older form)
        # leaves the list as it is.
        sends_preferences = data is not None and "reviewers-TOTAL_FORMS" in data
        context["preferences"] = forms.ReviewerPreferenceFormSet(
            data if sends_preferences else None, instance=submission, prefix="reviewers")
    elif step == "files":
        form = forms.FilesForm(data, files, submission=submission, draft=draft)
    else:
        # Everything the author is about to send, so that they can check it first.
        context["missing"] = workflow.missing_for_submission(submission)
        context["authors"] = submission.authors.all()
        context["topics"] = submission.topics.order_by("title")
        context["reviewer_preferences"] = submission.reviewer_preferences.all()
    if step in ("files", "confirm"):
        context["current_files"] = submission.files.filter(round_number=1).exclude(
            kind=SubmissionFile.Kind.REVIEWER_COPY)
    context.update(form=form, formset=formset)

    if request.method == "GET":
        return render(request, template, context)

    if step == "confirm":
        try:
            workflow.submit(submission, request.user)
        except workflow.TransitionError as error:
            context["error"] = str(error)
            return _bad_request(request, template, context)
        messages.success(request, _("Thank you: your submission has been received."))
        return redirect("portal:submission", pk=submission.pk)

    valid = formset.is_valid() if formset is not None else form.is_valid()
    preferences = context.get("preferences")
    if preferences is not None and preferences.is_bound:
        valid = preferences.is_valid() and valid
    if not valid:
        return _bad_request(request, template, context)
    if step == "details":
        is_new = submission is None
        submission = form.save(commit=False)
        if is_new:
            submission.submitter = request.user
        submission.save()
        form.save_m2m()
        if is_new:
            workflow.log(submission, request.user, "draft_created",
                         from_state=submission.state)
    elif step == "authors":
        formset.save()
    elif step == "statements":
        form.save()
        if preferences is not None and preferences.is_bound:
            preferences.save()
    elif step == "files":
        for kind in ("manuscript", "anonymised", "supplementary"):
            checked = form.cleaned_data.get(kind)
            if checked:
                submission_files.store(submission, kind, checked, round_number=1,
                                       user=request.user)
    if "add_author" in request.POST:
        return redirect("portal:submission_step", pk=submission.pk, step="authors")
    if "save_draft" in request.POST:
        messages.success(request, _("Your draft is saved. You can come back to it at any time."))
        return redirect("portal:dashboard")
    next_step = STEP_NAMES[STEP_NAMES.index(step) + 1]
    return redirect("portal:submission_step", pk=submission.pk, step=next_step)


@login_required
def submission_detail(request, pk):
    submission = _own_submission(request, pk)
    rounds = submission.rounds.select_related("submission__series").prefetch_related(
        Prefetch("assignments", queryset=ReviewAssignment.objects.filter(
            state=ReviewAssignment.State.SUBMITTED).select_related(
                "author_response", "round__submission__series")
            .prefetch_related("attachments", "answers"), to_attr="reviews"),
        Prefetch("decisions", queryset=Decision.objects.all(), to_attr="round_decisions"),
    )
    rounds = [r for r in rounds if r.round_decisions]
    numbers = reviewer_numbers(submission.pk)
    for review_round in rounds:
        for review in review_round.reviews:
            review.label_number = numbers[review.reviewer_id]
    author_files = submission.files.exclude(
        kind__in=[SubmissionFile.Kind.REVIEWER_COPY, SubmissionFile.Kind.REVIEW_ATTACHMENT])
    return render(request, "publications/portal/submission_detail.html", {
        "submission": submission,
        "next_step": workflow.author_next_step(submission),
        "authors": submission.authors.all(),
        "files": author_files,
        "rounds": rounds,
        "desk_decisions": submission.decisions.filter(round__isnull=True),
        "actions": workflow.available_actions(submission, request.user),
    })


@login_required
@require_http_methods(["GET", "POST"])
def withdraw(request, pk):
    submission = _own_submission(request, pk)
    form = forms.WithdrawForm(request.POST if request.method == "POST" else None)
    context = {"submission": submission, "form": form}
    if request.method == "POST":
        if not form.is_valid():
            return _bad_request(request, "publications/portal/withdraw.html", context)
        try:
            workflow.withdraw(submission, request.user, form.cleaned_data["reason"])
        except workflow.TransitionError as error:
            context["error"] = str(error)
            return _bad_request(request, "publications/portal/withdraw.html", context)
        messages.success(request, _("Your submission has been withdrawn."))
        return redirect("portal:submission", pk=submission.pk)
    return render(request, "publications/portal/withdraw.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def revise(request, pk):
    submission = _own_submission(request, pk)
    if "submit_revision" not in workflow.available_actions(submission, request.user):
        messages.info(request, _("No revision is requested for this submission."))
        return redirect("portal:submission", pk=submission.pk)
    last_round = submission.rounds.order_by("-number").first()
    reviews = list(last_round.assignments.filter(state=ReviewAssignment.State.SUBMITTED))
    bound = (request.POST, request.FILES) if request.method == "POST" else ()
    form = forms.RevisionForm(*bound, submission=submission, reviews=reviews)
    context = {"submission": submission, "form": form,
               "decision": last_round.decisions.last()}
    if request.method == "POST":
        if not form.is_valid():
            return _bad_request(request, "publications/portal/revise.html", context)
        try:
            workflow.submit_revision(
                submission, request.user,
                manuscript=form.cleaned_data["manuscript"],
                anonymised=form.cleaned_data.get("anonymised"),
                response_file=form.cleaned_data.get("response_file"),
                responses=form.responses(), note=form.cleaned_data["note"],
            )
        except workflow.TransitionError as error:
            context["error"] = str(error)
            return _bad_request(request, "publications/portal/revise.html", context)
        messages.success(request, _("Thank you: your revision has been received."))
        return redirect("portal:submission", pk=submission.pk)
    return render(request, "publications/portal/revise.html", context)


@login_required
def download(request, pk):
    submission_file = get_object_or_404(
        SubmissionFile.objects.select_related("submission__series", "assignment__round"), pk=pk)
    if not can_download(request.user, submission_file):
        raise Http404
    return submission_files.serve(request, submission_file)


# Reviewers, through their signed link ----------------------------------------------------------

def _assignment_from(request, token):
    assignment = read_assignment_token(token)
    if assignment is None:
        raise Http404(_("This review link is invalid or has expired."))
    return assignment


def _reviewer_context(assignment, token):
    submission = assignment.round.submission
    return {
        "assignment": assignment,
        "submission": submission,
        "token": token,
        "reviewer_copy": assignment.round.reviewer_copy,
        "can_review": assignment.state == ReviewAssignment.State.ACCEPTED
        and submission.state == Submission.State.IN_REVIEW,
        "answered_reviews": workflow.answered_reviews_for_reviewer(assignment),
    }


def _review_form(request, assignment, questions, draft=False):
    if request.method == "POST":
        return forms.ReviewForm(request.POST, request.FILES, questions=questions, draft=draft,
                                assignment=assignment)
    # The review saved so far (a draft, or a review the editors reopened) fills the form.
    return forms.ReviewForm(questions=questions, assignment=assignment, initial={
        "recommendation": assignment.recommendation,
        "comments_for_authors": assignment.comments_for_authors,
        "confidential_comments": assignment.confidential_comments})


@require_http_methods(["GET", "POST"])
def review(request, token):
    assignment = _assignment_from(request, token)
    context = _reviewer_context(assignment, token)
    questions = review_forms.questions_for(assignment) if context["can_review"] else []
    saving_draft = request.method == "POST" and "save_draft" in request.POST
    form = _review_form(request, assignment, questions, draft=saving_draft)
    context["form"] = form
    context["review_form"] = review_forms.review_form_for(assignment.round.submission)
    context["own_answers"] = list(assignment.answers.all())
    template = "publications/portal/review.html"
    if request.method == "POST":
        if not context["can_review"]:
            context["error"] = _("This assignment does not take a review now.")
            return _bad_request(request, template, context)
        if not form.is_valid():
            return _bad_request(request, template, context)
        try:
            if saving_draft:
                workflow.save_review_draft(
                    assignment,
                    recommendation=form.cleaned_data["recommendation"],
                    comments_for_authors=form.cleaned_data["comments_for_authors"],
                    confidential_comments=form.cleaned_data["confidential_comments"],
                    answers=form.answers(),
                )
            else:
                workflow.submit_review(
                    assignment,
                    recommendation=form.cleaned_data["recommendation"],
                    comments_for_authors=form.cleaned_data["comments_for_authors"],
                    confidential_comments=form.cleaned_data["confidential_comments"],
                    attachment=form.cleaned_data.get("attachment"),
                    answers=form.answers(),
                )
        except workflow.TransitionError as error:
            context["error"] = str(error)
            return _bad_request(request, template, context)
        if saving_draft:
            messages.success(request, _("Your draft is saved. Come back to it through this "
                                        "link, or from “My reviews”, and send it when ready."))
        else:
            messages.success(request, _("Thank you: your review has been sent to the editors."))
        return redirect("portal:review", token=token)
    return render(request, template, context)


@require_http_methods(["GET", "POST"])
def review_answer(request, token, accept):
    """Accept or decline an invitation. A GET only asks, so that a link preview changes nothing."""
    assignment = _assignment_from(request, token)
    context = _reviewer_context(assignment, token)
    context["accept"] = accept
    decline_form = None
    if not accept:
        decline_form = forms.DeclineForm(request.POST if request.method == "POST" else None)
        context["decline_form"] = decline_form
    if request.method == "POST":
        if decline_form is not None and not decline_form.is_valid():
            return _bad_request(request, "publications/portal/review_answer.html", context)
        try:
            with transaction.atomic():
                workflow.respond_to_invitation(assignment, accept=accept)
                if decline_form is not None and decline_form.says_something():
                    data = decline_form.cleaned_data
                    assignments.reviewer_declined_with(
                        assignment, reason=data["reason"] or "other", note=data["note"],
                        suggested_name=data["suggested_name"],
                        suggested_email=data["suggested_email"])
        except workflow.TransitionError as error:
            context["error"] = str(error)
            return _bad_request(request, "publications/portal/review_answer.html", context)
        if accept:
            messages.success(request, _("Thank you for accepting. The manuscript is below."))
        else:
            messages.success(request, _("Thank you for letting us know."))
        return redirect("portal:review", token=token)
    return render(request, "publications/portal/review_answer.html", context)


def review_file(request, token):
    assignment = _assignment_from(request, token)
    copy = assignment.round.reviewer_copy
    if copy is None or not can_download(None, copy, assignment=assignment):
        raise Http404
    return submission_files.serve(request, copy)


class PasswordResetView(InvalidFormIs400, auth_views.PasswordResetView):
    form_class = forms.PortalPasswordResetForm

    def form_valid(self, form):
        # Django sends nothing to an inactive account. One that never confirmed its address gets
        # the confirmation link instead: that is what it lacks, and it proves the address just as
        # well. The page says the same either way.
        for user in forms.unverified_accounts(form.cleaned_data["email"]):
            _send_verification(self.request, user)
        return super().form_valid(form)


class PasswordResetConfirmView(InvalidFormIs400, auth_views.PasswordResetConfirmView):
    pass
