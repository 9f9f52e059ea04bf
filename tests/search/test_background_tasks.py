"""Search indexing, PDF text extraction and e-mail run as django-tasks tasks.

Here a recording task backend stands in for the production database queue, so each test can see
what was queued and then run it the way the worker would.
"""

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail
from django.core.management import call_command
from django_tasks import default_task_backend

from tests.search.tree import add_report, make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()
    return default_task_backend


def queued(queue, name):
    return [r for r in queue.results if r.task.name == name]


def run(results):
    for result in results:
        result.task.call(*result.args, **result.kwargs)


def test_saving_a_page_queues_its_search_indexing(tree, client, queue):
    report = add_report(tree, "Mine action in Angola", abstract="demining")
    indexing = queued(queue, "insert_or_update_object_task")
    assert ["search_testapp", "reportpage", str(report.pk)] in [r.args for r in indexing]
    # Not indexed until the worker runs the task.
    assert client.get("/en/search/", {"q": "demining"}).context["outcome"].total == 0
    run(indexing)
    assert client.get("/en/search/", {"q": "demining"}).context["outcome"].total == 1


def test_saving_a_document_queues_text_extraction(tree, queue):
    document = make_document("Brief", "Sahel logistics corridor.")
    assert document.extracted_text == ""
    extraction = queued(queue, "extract_document_text_task")
    assert [r.args for r in extraction] == [[document.pk]]
    run(extraction)
    document.refresh_from_db()
    assert "Sahel logistics corridor." in document.extracted_text


def test_a_damaged_or_non_pdf_file_leaves_the_text_empty(tree):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    Document = get_document_model()
    for name, content in (("broken.pdf", b"%PDF-1.7\n garbage without objects"),
                          ("notes.txt", b"plain notes"), ("fake.pdf", b"MZ\x90\x00 not a pdf")):
        document = Document(title=name)
        document.file.save(name, ContentFile(content), save=False)
        document.save()
        document.refresh_from_db()
        assert document.extracted_text == "", name


def test_e_mail_is_handed_to_a_task_and_delivered_by_it(settings, queue):
    settings.EMAIL_BACKEND = "cms.mail.TaskEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    message = EmailMultiAlternatives(
        "Review invitation", "Would you review a manuscript?", "editors@jcmi.example",
        ["reviewer@jcmi.example"], reply_to=["managing-editor@jcmi.example"],
    )
    message.attach_alternative("<p>Would you review a manuscript?</p>", "text/html")
    message.attach("terms.txt", b"Reviewer terms \xe2\x9c\x93", "text/plain")
    assert message.send() == 1
    assert mail.outbox == []  # nothing leaves inside the request

    sending = queued(queue, "send_email_task")
    assert len(sending) == 1
    run(sending)
    [delivered] = mail.outbox
    assert delivered.subject == "Review invitation"
    assert delivered.to == ["reviewer@jcmi.example"]
    assert delivered.reply_to == ["managing-editor@jcmi.example"]
    assert delivered.alternatives[0][1] == "text/html"
    assert delivered.attachments[0][1] == "Reviewer terms ✓"


def test_with_the_immediate_backend_mail_arrives_at_once(settings):
    settings.EMAIL_BACKEND = "cms.mail.TaskEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    send_mail("Hello", "Body", "a@jcmi.example", ["b@jcmi.example"])
    assert [m.subject for m in mail.outbox] == ["Hello"]


def test_update_index_rebuilds_the_database_index(tree, client):
    from wagtail.search.models import IndexEntry

    add_report(tree, "Cholera response", abstract="water purification")
    IndexEntry.objects.all().delete()
    assert client.get("/en/search/", {"q": "purification"}).context["outcome"].total == 0
    call_command("update_index", verbosity=0)
    assert client.get("/en/search/", {"q": "purification"}).context["outcome"].total == 1
