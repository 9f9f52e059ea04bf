"""Demo peer review: submissions in every state, with reviews, decisions and a timeline.

Everything goes through ``publications.review.workflow``, as real use would, so the audit trail and the
reviewer copies are genuine. Idempotent: a submission whose title the author already has is
left alone.
"""

import datetime

from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Locale

from cms.pdfs import simple_pdf
from home.demo.users import ensure_demo_users
from publications.models import Profile, ReviewAssignment, Series, Submission

from .. import files as submission_files
from .. import production, workflow
from ..factories import SubmissionFactory
from . import desk

SERIES = [
    ("working-papers", "JCMI Working Papers", Series.Kind.WORKING_PAPER, Series.Anonymity.DOUBLE),
    ("white-papers", "JCMI White Papers", Series.Kind.WHITE_PAPER, Series.Anonymity.SINGLE),
    ("monographs", "JCMI Monographs", Series.Kind.MONOGRAPH, Series.Anonymity.DOUBLE),
]

# title, series slug, author username, the state to reach, abstract
SUBMISSIONS = [
    ("Liaison officers in flood response: lessons from three deployments", "working-papers",
     "author", "draft",
     "Compares how liaison officers linked relief agencies and armed forces in three floods."),
    ("Assessing civil infrastructure with PMESII before a deployment", "working-papers",
     "author2", "submitted",
     "Tests whether a PMESII assessment made before deployment predicted later needs."),
    ("Cultural property protection in urban operations", "monographs", "author", "screening",
     "Reviews how planners listed and protected heritage sites during operations in cities."),
    ("Humanitarian principles and shared logistics hubs", "white-papers", "author2",
     "in_review",
     "Asks when humanitarian organisations can share logistics hubs with military units "
     "without losing their independence."),
    ("Local ownership in stabilisation programmes", "working-papers", "author",
     "revisions_requested",
     "Follows three programmes to see how local actors kept ownership of decisions."),
    ("Gender advisers at operational headquarters", "working-papers", "author2", "resubmitted",
     "Describes the work of gender advisers and how commanders used their advice."),
    ("Reducing civilian harm through better information sharing", "monographs", "author",
     "accepted",
     "Argues that reciprocal information sharing lowers civilian casualties, with cases."),
    ("Joint medical stability operations: a field guide", "monographs", "author2",
     "in_production",
     "A practical guide to planning medical support that local health services can take over."),
    ("Critical infrastructure protection and the private sector", "white-papers", "author",
     "published",
     "Shows how private operators and armed forces planned together to keep power running."),
    ("A theory of everything in civil-military relations", "working-papers", "author2",
     "desk_rejected", "A broad essay that the editors found out of scope."),
    ("Children and armed conflict: monitoring in camps", "working-papers", "author",
     "rejected", "Examines monitoring and reporting of grave violations in displacement camps."),
    ("Building integrity in security sector reform", "white-papers", "author2", "withdrawn",
     "Looks at integrity-building programmes and how they were measured."),
]


def demo_pdf(title):
    """A small real PDF with the title on its page and the author's name in its metadata (which
    the reviewer's copy loses)."""
    return simple_pdf(title, author="Demo Author")


def _in_days(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def _draft(title, series, author, abstract):
    submission = SubmissionFactory(
        submitter=author, series=series, title=title, abstract=abstract,
        keywords="civil-military interaction, CIMIC", competing_interests="None declared.",
        cover_letter="Submitted for the editors' consideration.",
        corresponding_author__affiliation="JCMI partner university",
    )
    pdf = submission_files.CheckedUpload(demo_pdf(title), submission_files.PDF, "manuscript.pdf")
    submission_files.store(submission, "manuscript", pdf, round_number=1, user=author)
    if submission.is_double_anonymous:
        anon = submission_files.CheckedUpload(demo_pdf(title), submission_files.PDF, "anon.pdf")
        submission_files.store(submission, "anonymised", anon, round_number=1, user=author)
    workflow.log(submission, author, "draft_created", from_state="draft")
    return submission


def _open_round(submission, editor):
    workflow.confirm_anonymity(submission, editor)
    workflow.send_to_review(submission, editor)


def _review(submission, editor, reviewer, recommendation, comments):
    assignment = workflow.invite_reviewer(submission, editor, reviewer,
                                          response_due=_in_days(7), review_due=_in_days(30))
    workflow.respond_to_invitation(assignment, accept=True)
    workflow.submit_review(assignment, recommendation=recommendation,
                           comments_for_authors=comments,
                           confidential_comments="Sound overall; see my comments.",
                           answers=desk.answers_for(assignment))
    return assignment


def _revise(submission, author, title):
    last = submission.rounds.order_by("-number").first()
    pdf = submission_files.CheckedUpload(demo_pdf(title + " (revised)"), submission_files.PDF,
                                         "revised.pdf")
    responses = {a.pk: "We have addressed this point in the revised text."
                 for a in last.assignments.filter(state="submitted")}
    workflow.submit_revision(submission, author, manuscript=pdf,
                             anonymised=pdf if submission.is_double_anonymous else None,
                             responses=responses)


def _advance(submission, target, users):
    author, editor = submission.submitter, users["managing-editor"]
    r1, r2 = users["reviewer"], users["reviewer2"]
    if target == "draft":
        return
    workflow.submit(submission, author)
    if target == "submitted":
        return
    workflow.start_screening(submission, editor)
    if target == "screening":
        return
    if target == "desk_rejected":
        workflow.desk_reject(submission, editor,
                             "Thank you for the essay; it falls outside the series' scope.")
        return
    if target == "withdrawn":
        _open_round(submission, editor)
        workflow.invite_reviewer(submission, editor, r1, response_due=_in_days(5),
                                 review_due=_in_days(25))
        workflow.withdraw(submission, author, "The paper will appear in a report instead.")
        return
    _open_round(submission, editor)
    if target == "in_review":
        accepted = workflow.invite_reviewer(submission, editor, r1, response_due=_in_days(1),
                                            review_due=_in_days(21))
        workflow.respond_to_invitation(accepted, accept=True)
        # Backdate this review's due date, so that the queue's "overdue" filter has work to show.
        ReviewAssignment.objects.filter(pk=accepted.pk).update(review_due=_in_days(-2))
        declined = workflow.invite_reviewer(submission, editor, r2, response_due=_in_days(4),
                                            review_due=_in_days(30))
        workflow.respond_to_invitation(declined, accept=False)
        return
    _review(submission, editor, r1, "minor", "The argument is clear; the method section "
            "should say how the interviews were chosen.")
    _review(submission, editor, r2, "major" if target == "rejected" else "minor",
            "Useful cases. Please compare them with the published NATO doctrine.")
    if target == "rejected":
        workflow.record_decision(submission, editor, outcome="reject",
                                 letter="Thank you; after review we cannot publish this work.")
        return
    workflow.record_decision(submission, editor, outcome="minor",
                             letter="Please revise along the reviewers' comments below.",
                             revision_due=_in_days(30))
    if target == "revisions_requested":
        return
    _revise(submission, author, submission.title)
    if target == "resubmitted":
        return
    _open_round(submission, editor)
    _review(submission, editor, r1, "accept", "The revision answers my points.")
    workflow.record_decision(submission, editor, outcome="accept",
                             letter="We are glad to accept your work for publication.")
    if target == "accepted":
        return
    # The real production path, as "Create publication page" takes it: a draft page in the
    # series with the final manuscript as its PDF, linked to the submission.
    page = production.create_page_for_submission(submission, editor, "en")
    if target == "in_production":
        return
    # Going live moves the submission to "published" (publications.signals), as in real use.
    # The managing editor's sign-off is the authority to publish (publications.moderation),
    # whatever page permissions the account holds.
    page.get_latest_revision().publish(user=editor, skip_permission_checks=True)


def load(command):
    users = ensure_demo_users()
    for username in ("author", "author2", "reviewer", "reviewer2", "managing-editor",
                     "managing-editor2"):
        Profile.objects.get_or_create(user=users[username],
                                      defaults={"email_verified": True})
    Profile.objects.filter(user=users["reviewer"]).update(preferred_language="fr")
    locale = Locale.get_default()
    series = {}
    for slug, name, kind, anonymity in SERIES:
        series[slug], _created = Series.objects.get_or_create(
            slug=slug, locale=locale,
            defaults={"name": name, "kind": kind, "review_anonymity": anonymity})
    desk.set_up(series, users)
    made = 0
    # The demo's e-mails are kept in memory (and listed in each timeline), not printed.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        for title, slug, username, target, abstract in SUBMISSIONS:
            author = users[username]
            if Submission.objects.filter(submitter=author, title=title).exists():
                continue
            with transaction.atomic():
                submission = _draft(title, series[slug], author, abstract)
                _advance(submission, target, users)
            made += 1
        desk.hand_out(users)
    command.stdout.write(f"Peer review: {made} demo submission(s) added.")
    # The managing editor's desk: the reviewer database around these submissions.
    from . import reviewers

    reviewers.load(command)
