"""E-mails about submissions: queued through django-tasks, written in the recipient's language.

Each e-mail is one template ``publications/email/<name>.txt`` whose first line is the subject; the
HTML part wraps the same text, so both parts always say the same thing. Every e-mail sent is
written to the submission's timeline.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tasks import task

# Wagtail's own group of people who draft pages and submit them for moderation.
PAGE_EDITORS = "Editors"


def language_of(user):
    profile = getattr(user, "jcmi_profile", None) if user is not None else None
    try:
        return profile.preferred_language if profile else settings.LANGUAGE_CODE
    except Exception:  # no profile row yet
        return settings.LANGUAGE_CODE


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def set_password_url(user):
    """A link for an account made by invitation to choose its first password.

    A reviewer invited by e-mail gets an account without a password: the signed link opens the
    one assignment, but the reviewer dashboard is behind a log-in. This is the portal's
    password-reset link (the token is Django's and stops working once a password is set).
    """
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return absolute(reverse("portal:password_reset_confirm", args=[uid, token]))


def queue(submission, name, recipients, **context_ids):
    """Queue one e-mail per recipient (users), after the transition's own writes."""
    for user in recipients:
        if user is not None and user.email:
            send_notification.enqueue(name, submission.pk, user.pk, None, context_ids)


def queue_editors(submission, name, **context_ids):
    """Queue an editors' notice: to the submission's handling editor alone, or to every managing
    editor while nobody handles it (editors.notice_recipients), or to the editors' address."""
    from .editors import notice_recipients

    editors = notice_recipients(submission)
    if editors:
        queue(submission, name, editors, **context_ids)
    else:
        send_notification.enqueue(name, submission.pk, None, settings.EDITORS_EMAIL, context_ids)


def queue_page_editors(submission, name, **context_ids):
    """Queue an e-mail to the site's editors, who prepare pages (DESIGN.md "Roles"), or to the
    editors' address when the group has nobody with an e-mail address."""
    User = get_user_model()
    editors = list(User.objects.filter(groups__name=PAGE_EDITORS, is_active=True)
                   .exclude(email="").distinct())
    if editors:
        queue(submission, name, editors, **context_ids)
    else:
        send_notification.enqueue(name, submission.pk, None, settings.EDITORS_EMAIL, context_ids)


def build_context(submission, recipient, context_ids):
    from publications.models import Decision, ReviewAssignment

    from .decisions import reviews_for_decision
    from .tokens import make_assignment_token

    context = {"submission": submission, "recipient": recipient,
               "portal_url": absolute(reverse("portal:submission", args=[submission.pk])),
               "admin_url": absolute(reverse("review_admin:submission", args=[submission.pk]))}
    if "assignment_id" in context_ids:
        assignment = ReviewAssignment.objects.select_related("round", "reviewer").get(
            pk=context_ids["assignment_id"])
        token = make_assignment_token(assignment)
        context.update(
            assignment=assignment,
            review_url=absolute(reverse("portal:review", args=[token])),
            accept_url=absolute(reverse("portal:review_accept", args=[token])),
            decline_url=absolute(reverse("portal:review_decline", args=[token])),
        )
        if not assignment.reviewer.has_usable_password():
            context["set_password_url"] = set_password_url(assignment.reviewer)
    if "decision_id" in context_ids:
        decision = Decision.objects.select_related("round").get(pk=context_ids["decision_id"])
        context.update(decision=decision, reviews=reviews_for_decision(decision))
    context.update({k: v for k, v in context_ids.items() if not k.endswith("_id")})
    return context


@task()
def send_notification(name, submission_id, user_id, email, context_ids):
    from publications.models import AuditEvent, Submission

    submission = Submission.objects.select_related("series", "submitter").get(pk=submission_id)
    recipient = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    address = recipient.email if recipient else email
    with translation.override(language_of(recipient)):
        context = build_context(submission, recipient, context_ids)
        rendered = render_to_string(f"publications/email/{name}.txt", context).strip()
        subject, _, body = rendered.partition("\n")
        subject = " ".join(subject.split())
        html = render_to_string("publications/email/base.html",
                                {"subject": subject, "body": body.strip()})
    message = EmailMultiAlternatives(subject, body.strip() + "\n", settings.DEFAULT_FROM_EMAIL,
                                     [address])
    message.attach_alternative(html, "text/html")
    message.send()
    AuditEvent.objects.create(submission=submission, action="email_sent",
                              from_state=submission.state, to_state=submission.state,
                              note=f"{name} → {address}: {subject}")
    return address
