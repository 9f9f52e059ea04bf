"""Embargo on S3 (moto's server): the publication PDF is a private object until its page is
published, then public; a failed release is retried until it is done."""

from datetime import timedelta

import pytest
import requests
from django.core.management import call_command
from django.utils import timezone
from django_tasks import task_backends

from publications import factories
from publications.embargo import is_embargoed, release_publication_task
from publications.review import workflow
from publications.review.production import create_page_for_submission
from tests.review.builders import reviewed
from tests.review.conftest import author, editor, reviewers  # noqa: F401 -- fixtures
from tests.storage.conftest import MEDIA_BUCKET

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_production(s3, author, editor, reviewers):  # noqa: F811
    _home, index, _topics = factories.make_site()
    series, _series_page = factories.make_series(index)
    submission, _assignment = reviewed(author, series, editor, reviewers[0])
    workflow.record_decision(submission, editor, outcome="accept", letter="Accepted.")
    page = create_page_for_submission(submission, editor)
    return page, page.pdf


def direct_url(s3, document):
    """The object's plain address in the bucket: what anyone could try without a signature."""
    return f"{s3.endpoint}/{MEDIA_BUCKET}/{document.file.name}"


def test_the_pdf_is_private_on_s3_until_the_page_is_published(
        s3, client, in_production, django_capture_on_commit_callbacks):
    page, document = in_production
    assert requests.get(direct_url(s3, document), timeout=10).status_code == 403
    acl = s3.get_object_acl(Bucket=MEDIA_BUCKET, Key=document.file.name)
    assert not [g for g in acl["Grants"] if g["Grantee"].get("URI", "").endswith("AllUsers")]
    # Wagtail's document view signs no URL for an anonymous visitor: the document is not there.
    assert client.get(document.url).status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        page.get_latest_revision().publish()

    document.refresh_from_db()
    assert not is_embargoed(document)
    public = requests.get(direct_url(s3, document), timeout=10)
    assert public.status_code == 200 and public.content.startswith(b"%PDF-")
    response = client.get(document.url)
    assert response.status_code == 302
    assert requests.get(response["Location"], timeout=10).status_code == 200


def test_a_failed_release_leaves_it_embargoed_and_the_sweep_finishes_it(
        s3, client, in_production, django_capture_on_commit_callbacks, capsys):
    page, document = in_production
    key = document.file.name
    content = s3.get_object(Bucket=MEDIA_BUCKET, Key=key)["Body"].read()
    # The object cannot be opened (here: it is missing) when the page goes live.
    s3.delete_object(Bucket=MEDIA_BUCKET, Key=key)
    with django_capture_on_commit_callbacks(execute=True):
        page.get_latest_revision().publish()
    page.refresh_from_db()
    assert page.live
    document.refresh_from_db()
    assert is_embargoed(document), "nothing moves until the object is public"
    assert client.get(document.url).status_code == 404

    # The store is back; the sweep (cron) finishes the job.
    s3.put_object(Bucket=MEDIA_BUCKET, Key=key, Body=content, ACL="private")
    call_command("release_embargoed_publications")
    assert "Released 1 PDF(s); 0 still embargoed." in capsys.readouterr().out
    document.refresh_from_db()
    assert not is_embargoed(document)
    assert requests.get(direct_url(s3, document), timeout=10).status_code == 200


def test_a_failed_release_task_enqueues_itself_again_later(s3, in_production, settings):
    """On a backend that can defer (the database worker), a failure is retried with back-off."""
    page, document = in_production
    page.get_latest_revision().publish()
    s3.delete_object(Bucket=MEDIA_BUCKET, Key=document.file.name)
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    backend = task_backends["default"]

    for attempt, delay in [(0, 60), (1, 120), (6, 3600)]:
        backend.clear()
        before = timezone.now()
        with pytest.raises(Exception, match="NoSuchKey|Not Found|404"):
            release_publication_task.call(page.pk, attempt)
        [retry] = backend.results
        assert retry.args == [page.pk, attempt + 1]
        wait = retry.task.run_after - before
        assert timedelta(seconds=delay) <= wait < timedelta(seconds=delay + 30)
    document.refresh_from_db()
    assert is_embargoed(document)
