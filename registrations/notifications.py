"""E-mails to registrants, in the language they registered in.

Each e-mail is one template ``registrations/email/<name>.txt`` whose first line is the subject.
They are handed to the mail backend at once, inside the caller's transaction: the site's backend
queues a task (cms/mail.py), so the message leaves only if the change it announces is saved.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

# Which e-mails carry the run's calendar file: those that give the registrant a seat.
WITH_CALENDAR = {"registered", "offer_taken"}


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def manage_url(registration):
    with translation.override(registration.language):
        return absolute(reverse("registrations:manage", args=[registration.manage_token]))


def render(registration, name, **extra):
    from .payments import bank_details

    with translation.override(registration.language):
        context = {
            "registration": registration,
            "run": registration.run,
            "event": registration.run.event.localized,
            "manage_url": manage_url(registration),
            "bank": bank_details(),
            **extra,
        }
        text = render_to_string(f"registrations/email/{name}.txt", context).strip()
    subject, _, body = text.partition("\n")
    return subject.strip(), body.strip() + "\n"


def queue(registration, name, attachments=(), **extra):
    from .calendar import run_calendar_bytes

    subject, body = render(registration, name, **extra)
    message = EmailMessage(subject=subject, body=body, to=[registration.email])
    if name in WITH_CALENDAR and registration.status == registration.Status.CONFIRMED:
        message.attach(f"run-{registration.run_id}.ics", run_calendar_bytes(registration.run),
                       "text/calendar")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    message.send()
