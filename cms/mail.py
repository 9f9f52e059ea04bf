"""An e-mail backend that hands every message to a background task.

Set ``EMAIL_BACKEND = "cms.mail.TaskEmailBackend"`` and ``EMAIL_DELIVERY_BACKEND`` to the backend
that really sends (SMTP in production). A request that sends mail (a workflow notice, a contact
form, a review invitation) then never waits for, or fails because of, the mail server: the task
worker delivers and retries.
"""

import base64

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend


def serialise_message(message):
    """A JSON-safe dict for send_email_task, or None when the message cannot be carried."""
    attachments = []
    for attachment in message.attachments:
        if not isinstance(attachment, tuple):  # a prebuilt MIME part: send it in the request
            return None
        filename, content, mimetype = attachment
        if isinstance(content, bytes):
            content = {"base64": base64.b64encode(content).decode("ascii")}
        attachments.append([filename, content, mimetype])
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {str(k): str(v) for k, v in message.extra_headers.items()},
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": attachments,
        "backend": delivery_backend(),
    }


def deserialise_attachment(content):
    if isinstance(content, dict) and "base64" in content:
        return base64.b64decode(content["base64"])
    return content


def delivery_backend():
    return getattr(
        settings, "EMAIL_DELIVERY_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
    )


class TaskEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        from cms.tasks import send_email_task

        sent = 0
        for message in email_messages:
            if not message.recipients():
                continue
            payload = serialise_message(message)
            if payload is None:
                sent += get_connection(delivery_backend()).send_messages([message])
            else:
                send_email_task.enqueue(payload)
                sent += 1
        return sent
