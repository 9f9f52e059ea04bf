"""Depositing a work with Crossref: send the batch, then ask for its result, with retries.

Crossref takes a deposit as a multipart upload to its deposit servlet (operation doMDUpload) and
works through it later; its submission log (``doi_batch_diagnostic``) is fetched by batch id
from the result servlet, and says ``queued`` or ``in_process`` until it is ``completed``, with a
success and failure count and Crossref's message for each DOI. Transient trouble (no answer,
a 5xx, 429) is retried with growing pauses; a refusal is a failure, with Crossref's words.

The steps are plain functions (``start``, ``send``, ``poll``) called by background tasks; each
schedules the next step on the task backend when it can wait (the database worker in
production), and ``run_due`` catches up on what is due when it cannot (the immediate backend).
"""

import logging
from datetime import timedelta

import requests
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import default_task_backend, task
from lxml import etree

from publications import crossref, schemas
from publications.models import CrossrefDeposit

logger = logging.getLogger(__name__)

MAX_SEND_ATTEMPTS = 5
MAX_POLLS = 12
FIRST_PAUSE = timedelta(minutes=1)
RETRY_STATUSES = {429, 500, 502, 503, 504}


def pause(attempt):
    """1, 2, 4, 8 … minutes, at most a day."""
    return min(FIRST_PAUSE * 2 ** max(attempt - 1, 0), timedelta(days=1))


def start(page):
    """Make and record a deposit of ``page``'s work and queue it. Raises ValidationError when the
    work cannot be deposited (no DOI) or the batch would not pass Crossref's schema."""
    page = page.original
    xml = crossref.deposit_xml(page)
    problems = schemas.errors(schemas.crossref(), xml)
    if problems:
        raise ValidationError(_("The deposit does not pass Crossref's schema: %(problem)s")
                              % {"problem": problems[0]})
    batch_id = etree.fromstring(xml).findtext(f"{{{crossref.CROSSREF_NS}}}head/"
                                              f"{{{crossref.CROSSREF_NS}}}doi_batch_id")
    deposit = CrossrefDeposit.objects.create(page=page, batch_id=batch_id, xml=xml.decode())
    _schedule(send_task, deposit, timedelta(0))
    return deposit


def _credentials():
    return settings.CROSSREF_LOGIN, settings.CROSSREF_PASSWORD


def send(deposit):
    login, password = _credentials()
    try:
        response = requests.post(
            settings.CROSSREF_DEPOSIT_URL,
            data={"operation": "doMDUpload", "login_id": login, "login_passwd": password},
            files={"fname": (f"{deposit.batch_id}.xml", deposit.xml.encode(), "application/xml")},
            timeout=settings.CROSSREF_TIMEOUT,
        )
    except requests.RequestException as error:
        return _retry(deposit, send_task, MAX_SEND_ATTEMPTS, f"Crossref did not answer: {error}")
    if response.status_code in RETRY_STATUSES:
        return _retry(deposit, send_task, MAX_SEND_ATTEMPTS,
                      f"Crossref answered {response.status_code}.")
    if response.status_code != 200:
        return _finish(deposit, CrossrefDeposit.Status.FAILURE,
                       f"Crossref refused the deposit ({response.status_code}): "
                       f"{_text(response)}")
    deposit.status, deposit.attempts = CrossrefDeposit.Status.SUBMITTED, 0
    deposit.message = _text(response)
    _schedule(poll_task, deposit, pause(1))
    return deposit


def poll(deposit):
    login, password = _credentials()
    try:
        response = requests.get(
            settings.CROSSREF_RESULT_URL,
            params={"usr": login, "pwd": password, "doi_batch_id": deposit.batch_id,
                    "type": "result"},
            timeout=settings.CROSSREF_TIMEOUT,
        )
        response.raise_for_status()
        diagnostic = etree.fromstring(response.content, etree.XMLParser(no_network=True,
                                                                        resolve_entities=False))
    except (requests.RequestException, etree.XMLSyntaxError) as error:
        return _retry(deposit, poll_task, MAX_POLLS, f"No result from Crossref yet: {error}")
    if diagnostic.get("status") != "completed":
        return _retry(deposit, poll_task, MAX_POLLS,
                      f"Crossref has the batch {diagnostic.get('status') or 'queued'}.")
    failures = int(diagnostic.findtext("batch_data/failure_count") or 0)
    messages = [(d.get("status"), d.findtext("msg") or "")
                for d in diagnostic.iter("record_diagnostic")]
    if failures or not messages or any(status != "Success" for status, _msg in messages):
        return _finish(deposit, CrossrefDeposit.Status.FAILURE,
                       " ".join(msg for status, msg in messages if status != "Success")
                       or _("Crossref registered nothing from this batch."))
    return _finish(deposit, CrossrefDeposit.Status.SUCCESS, " ".join(msg for _s, msg in messages))


def _text(response):
    return " ".join(response.text.split())[:1000]


def _retry(deposit, next_task, limit, message):
    deposit.attempts += 1
    deposit.message = message
    if deposit.attempts >= limit:
        return _finish(deposit, CrossrefDeposit.Status.FAILURE, message)
    _schedule(next_task, deposit, pause(deposit.attempts))
    return deposit


def _finish(deposit, status, message):
    deposit.status, deposit.message, deposit.next_attempt_at = status, message, None
    deposit.save()
    return deposit


def _schedule(next_task, deposit, delay):
    """Record when the next step is due, and queue it then when the task backend can wait."""
    deposit.next_attempt_at = timezone.now() + delay
    deposit.save()
    if not delay or default_task_backend.supports_defer:
        when = deposit.next_attempt_at if delay else None
        (next_task.using(run_after=when) if when else next_task).enqueue(deposit.pk)


def run_due(now=None):
    """Take every deposit whose next step is due (for backends that cannot wait)."""
    now = now or timezone.now()
    due = CrossrefDeposit.objects.filter(next_attempt_at__lte=now).exclude(
        status__in=[CrossrefDeposit.Status.SUCCESS, CrossrefDeposit.Status.FAILURE])
    for deposit in due:
        (send if deposit.status == CrossrefDeposit.Status.PENDING else poll)(deposit)


@task()
def send_task(deposit_id):
    deposit = CrossrefDeposit.objects.filter(pk=deposit_id, status="pending").first()
    return send(deposit).status if deposit else None


@task()
def poll_task(deposit_id):
    deposit = CrossrefDeposit.objects.filter(pk=deposit_id, status="submitted").first()
    return poll(deposit).status if deposit else None
