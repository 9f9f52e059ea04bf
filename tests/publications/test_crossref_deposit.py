"""Deposits go to an endpoint that answers as Crossref's does: a multipart upload, then a
submission log polled by batch id; failures keep Crossref's message and transient trouble is
retried with growing pauses."""

import socket
import threading
from datetime import timedelta
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from lxml import etree
from wagtail.models import Locale

from publications import deposits, factories, schemas
from publications.models import CrossrefDeposit, PublicationPage


def closed_port():
    """A port on which nothing listens: bound, then let go (as a Crossref that is down)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]

RESULT = """<?xml version="1.0" encoding="UTF-8"?>
<doi_batch_diagnostic status="{status}" sp="cr-test">
  <submission_id>1432</submission_id><batch_id>{batch}</batch_id>
  <record_diagnostic status="{record}"><doi>{doi}</doi><msg>{msg}</msg></record_diagnostic>
  <batch_data><record_count>1</record_count><success_count>{ok}</success_count>
  <warning_count>0</warning_count><failure_count>{failed}</failure_count></batch_data>
</doi_batch_diagnostic>"""


class FakeCrossref(BaseHTTPRequestHandler):
    """Crossref's deposit and result servlets, scripted by the test through ``server.script``."""

    def log_message(self, *args):
        pass

    def _answer(self, status, body, content_type="text/html"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        message = BytesParser(policy=HTTP).parsebytes(
            b"Content-Type: " + self.headers["Content-Type"].encode() + b"\r\n\r\n" + body)
        parts = {part.get_param("name", header="content-disposition"): part
                 for part in message.iter_parts()}
        self.server.uploads.append({
            name: part.get_payload(decode=True).decode() for name, part in parts.items()
            if name != "fname"} | {"filename": parts["fname"].get_filename(),
                                   "xml": parts["fname"].get_payload(decode=True)})
        status = self.server.script["deposit"].pop(0)
        self._answer(status, b"<html><body><h2>SUCCESS</h2><p>Your batch submission was "
                             b"successfully received.</p></body></html>" if status == 200
                     else b"<html><body>Unavailable</body></html>")

    def do_GET(self):
        query = parse_qs(urlsplit(self.path).query)
        self.server.polls.append(query)
        status, record, msg = self.server.script["result"].pop(0)
        body = RESULT.format(status=status, batch=query["doi_batch_id"][0], record=record,
                             doi=self.server.doi, msg=msg, ok=int(record == "Success"),
                             failed=int(record == "Failure")).encode()
        self._answer(200, body, "text/xml")


@pytest.fixture
def crossref_server(settings):
    # Port 0: the system picks a free one, so two test runs on one machine never collide.
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeCrossref)
    port = server.server_address[1]
    server.uploads, server.polls, server.script, server.doi = [], [], {}, ""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.CROSSREF_DEPOSIT_URL = f"http://127.0.0.1:{port}/servlet/deposit"
    settings.CROSSREF_RESULT_URL = f"http://127.0.0.1:{port}/servlet/submissionDownload"
    settings.CROSSREF_LOGIN, settings.CROSSREF_PASSWORD = "jcmi", "secret"
    settings.CROSSREF_TIMEOUT = 5
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def work(working_papers):
    _, series_page = working_papers
    page = factories.make_publication(series_page, doi="10.12345/jcmi.wp.11", title="Shared plans")
    translation = page.copy_for_translation(Locale.objects.get(language_code="fr"),
                                            copy_parents=True)
    translation.title = "Plans partagés"
    translation.save_revision().publish()
    return page, PublicationPage.objects.get(pk=translation.pk)


def later(minutes):
    return timezone.now() + timedelta(minutes=minutes)


def test_a_deposit_is_uploaded_polled_and_registered(crossref_server, work):
    page, french = work
    crossref_server.doi = page.doi
    crossref_server.script = {"deposit": [200], "result": [
        ("queued", "Success", ""), ("completed", "Success", "Successfully added")]}

    deposit = deposits.start(french)  # from the translation: the one work is deposited
    (upload,) = crossref_server.uploads
    assert upload["operation"] == "doMDUpload"
    assert (upload["login_id"], upload["login_passwd"]) == ("jcmi", "secret")
    assert upload["filename"] == f"{deposit.batch_id}.xml"
    assert schemas.errors(schemas.crossref(), upload["xml"]) == []
    tree = etree.fromstring(upload["xml"])
    assert tree.findtext(".//{*}doi_data/{*}resource") == page.full_url
    deposit.refresh_from_db()
    assert deposit.page_id == page.pk and deposit.status == "submitted"

    deposits.run_due(later(2))  # Crossref has it queued: asked again later
    deposit.refresh_from_db()
    assert deposit.status == "submitted" and deposit.attempts == 1
    assert timedelta(seconds=50) < deposit.next_attempt_at - timezone.now() <= timedelta(minutes=1)
    deposits.run_due(later(10))
    deposit.refresh_from_db()
    assert deposit.status == "success"
    assert deposit.message == "Successfully added"
    assert [p["doi_batch_id"] for p in crossref_server.polls] == [[deposit.batch_id]] * 2
    assert crossref_server.polls[0]["type"] == ["result"]
    assert len(crossref_server.uploads) == 1


def test_a_refused_record_keeps_crossrefs_message(crossref_server, work):
    page, _french = work
    crossref_server.doi = page.doi
    crossref_server.script = {"deposit": [200], "result": [
        ("completed", "Failure", ("Record not processed because submitted version: 2026 is "
                                  "less or equal to previously submitted version"))]}
    deposit = deposits.start(page)
    deposits.run_due(later(2))
    deposit.refresh_from_db()
    assert deposit.status == "failure"
    assert deposit.message.startswith("Record not processed because submitted version")


def test_an_unavailable_endpoint_is_retried_with_growing_pauses(crossref_server, work):
    page, _french = work
    crossref_server.doi = page.doi
    crossref_server.script = {"deposit": [503, 503, 200],
                              "result": [("completed", "Success", "Successfully updated")]}
    deposit = deposits.start(page)
    deposit.refresh_from_db()
    assert deposit.status == "pending" and deposit.attempts == 1
    first_pause = deposit.next_attempt_at - timezone.now()
    deposits.run_due(later(1.5))
    deposit.refresh_from_db()
    assert deposit.status == "pending" and deposit.attempts == 2
    assert deposit.next_attempt_at - timezone.now() > first_pause + timedelta(seconds=30)  # grew
    deposits.run_due(later(10))
    deposits.run_due(later(20))
    deposit.refresh_from_db()
    assert deposit.status == "success" and len(crossref_server.uploads) == 3
    # Each retry sent the very same batch.
    assert len({u["xml"] for u in crossref_server.uploads}) == 1


def test_a_dead_endpoint_ends_in_a_failure_not_an_endless_loop(settings, work):
    page, _french = work
    settings.CROSSREF_DEPOSIT_URL = f"http://127.0.0.1:{closed_port()}/servlet/deposit"
    settings.CROSSREF_TIMEOUT = 2
    deposit = deposits.start(page)
    for minutes in (2, 5, 10, 20, 40, 80):
        deposits.run_due(later(minutes))
    deposit.refresh_from_db()
    assert deposit.status == "failure" and deposit.attempts == deposits.MAX_SEND_ATTEMPTS
    assert "Crossref did not answer" in deposit.message
    assert deposit.next_attempt_at is None


def test_a_work_without_doi_is_not_deposited(working_papers):
    _, series_page = working_papers
    page = factories.make_publication(series_page)
    with pytest.raises(ValidationError):
        deposits.start(page)
    assert not CrossrefDeposit.objects.exists()


def test_those_who_may_publish_send_a_deposit_and_see_its_status(
        client, crossref_server, work, django_user_model):
    from django.contrib.auth.models import Group

    page, french = work
    crossref_server.doi = page.doi
    crossref_server.script = {"deposit": [200], "result": []}
    editor = django_user_model.objects.create_user("editor", "e@jcmi.example", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    url = f"/admin/publications/{page.pk}/crossref/deposits/"
    assert client.get(url).status_code in (302, 403)
    assert client.post(url).status_code in (302, 403) and not CrossrefDeposit.objects.exists()

    admin = django_user_model.objects.create_superuser("admin", "a@jcmi.example", "pw")
    client.force_login(admin)
    assert url in client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "not been sent to Crossref yet" in client.get(url).content.decode()
    # Asked from the translation, the work's original is deposited.
    response = client.post(f"/admin/publications/{french.pk}/crossref/deposits/")
    assert response.status_code == 302 and response["Location"] == url
    (deposit,) = CrossrefDeposit.objects.all()
    assert deposit.page_id == page.pk
    html = client.get(url).content.decode()
    assert deposit.batch_id in html and "waiting for Crossref" in html


def test_publishing_the_original_deposits_it_when_configured(
        crossref_server, working_papers, settings, django_capture_on_commit_callbacks):
    settings.CROSSREF_DEPOSIT_ON_PUBLISH = True
    crossref_server.script = {"deposit": [200], "result": []}
    _, series_page = working_papers
    with django_capture_on_commit_callbacks(execute=True):
        page = factories.make_publication(series_page, doi="10.12345/jcmi.wp.12")
    (deposit,) = CrossrefDeposit.objects.all()
    assert deposit.page_id == page.pk and deposit.status == "submitted"
    with django_capture_on_commit_callbacks(execute=True):
        factories.make_publication(series_page)  # no DOI: nothing to deposit
        french = page.copy_for_translation(Locale.objects.get(language_code="fr"),
                                           copy_parents=True)
        french.save_revision().publish()  # a translation: nothing new for Crossref
    assert CrossrefDeposit.objects.count() == 1 and len(crossref_server.uploads) == 1
