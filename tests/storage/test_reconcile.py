"""manage.py reconcile_storage: objects no record names, records whose object is gone, in the
public media bucket and the private one (moto's S3 server)."""

import io

import pytest
from django.core.files.images import ImageFile
from django.core.management import call_command
from wagtail.images import get_image_model

from tests.review.builders import draft
from tests.review.conftest import author, series  # noqa: F401 -- fixtures
from tests.search.tree import make_document
from tests.storage.conftest import MEDIA_BUCKET, PRIVATE_BUCKET, object_keys
from tests.storage.test_s3 import png_bytes

pytestmark = pytest.mark.django_db


def reconcile(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("reconcile_storage", *args, stdout=out, stderr=err)
    lines = [line.split("\t") for line in out.getvalue().splitlines()]
    return lines, err.getvalue()


@pytest.fixture
def stored(s3, author, series):
    """A document, an image with a rendition, and a submission's files, all on S3."""
    document = make_document("Annual report", "The network met four times this year.")
    image = get_image_model()(title="Liaison meeting",
                              file=ImageFile(io.BytesIO(png_bytes()), name="meeting.png"))
    image.save()
    rendition = image.get_rendition("fill-200x100")
    submission = draft(author, series)
    return document, image, rendition, submission


def test_a_consistent_store_has_nothing_to_report(stored):
    lines, summary = reconcile()
    assert lines == []
    assert summary.strip() == "0 orphaned object(s), 0 record(s) without their object"


def test_orphans_and_missing_objects_are_listed_in_both_buckets_and_only_deleted_on_request(
        s3, stored):
    document, image, rendition, submission = stored
    s3.put_object(Bucket=PRIVATE_BUCKET, Key="submissions/lost/manuscript-v9.pdf", Body=b"%PDF-")
    s3.put_object(Bucket=MEDIA_BUCKET, Key="documents/left-behind.pdf", Body=b"%PDF-")
    manuscript = submission.files.get(kind="manuscript")
    s3.delete_object(Bucket=PRIVATE_BUCKET, Key=manuscript.file.name)
    s3.delete_object(Bucket=MEDIA_BUCKET, Key=rendition.file.name)
    keys_before = object_keys(s3, MEDIA_BUCKET) | object_keys(s3, PRIVATE_BUCKET)

    lines, summary = reconcile()
    assert sorted(line for line in lines if line[0] == "orphan") == [
        ["orphan", "default", "documents/left-behind.pdf"],
        ["orphan", "private", "submissions/lost/manuscript-v9.pdf"],
    ]
    assert sorted(line for line in lines if line[0] == "missing") == sorted([
        ["missing", "private", manuscript.file.name, "publications.SubmissionFile",
         str(manuscript.pk)],
        ["missing", "default", rendition.file.name, "cms.Rendition", str(rendition.pk)],
    ])
    assert len(lines) == 4
    assert "2 orphaned object(s), 2 record(s) without their object" in summary
    # Read-only by default.
    assert object_keys(s3, MEDIA_BUCKET) | object_keys(s3, PRIVATE_BUCKET) == keys_before

    # --delete spares orphans young enough to be an upload whose record is not committed yet.
    lines, summary = reconcile("--delete")
    assert not [line for line in lines if line[0] == "deleted"]
    assert "submissions/lost/manuscript-v9.pdf" in object_keys(s3, PRIVATE_BUCKET)

    lines, summary = reconcile("--delete", "--min-age", "0")
    assert sorted(line for line in lines if line[0] == "deleted") == [
        ["deleted", "default", "documents/left-behind.pdf"],
        ["deleted", "private", "submissions/lost/manuscript-v9.pdf"],
    ]
    assert "documents/left-behind.pdf" not in object_keys(s3, MEDIA_BUCKET)
    assert "submissions/lost/manuscript-v9.pdf" not in object_keys(s3, PRIVATE_BUCKET)
    # Everything a record names is still there, and records are never deleted.
    assert document.file.name in object_keys(s3, MEDIA_BUCKET)
    assert image.file.name in object_keys(s3, MEDIA_BUCKET)
    assert submission.files.filter(pk=manuscript.pk).exists()
    lines, _summary = reconcile()
    assert [line[0] for line in lines] == ["missing", "missing"]


def test_the_private_prefix_of_a_shared_bucket_is_not_taken_for_orphaned_media(
        s3, settings, moto_endpoint, author, series):
    from cms.settings.s3 import s3_storages

    settings.STORAGES = {**settings.STORAGES,
                         **s3_storages(bucket=MEDIA_BUCKET, endpoint_url=moto_endpoint,
                                       region_name="us-east-1")}
    submission = draft(author, series)
    make_document("Annual report", "The network met four times this year.")
    assert any(key.startswith("private/") for key in object_keys(s3, MEDIA_BUCKET))
    assert reconcile()[0] == []
    s3.put_object(Bucket=MEDIA_BUCKET, Key="private/submissions/x/stray.pdf", Body=b"%PDF-")
    assert reconcile()[0] == [["orphan", "private", "submissions/x/stray.pdf"]]
    assert submission.files.count() == 2


def test_files_on_disk_are_reconciled_too(author, series, settings):
    submission = draft(author, series)
    stray = settings.MEDIA_ROOT / "documents" / "stray.pdf"
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"%PDF-")
    lines, _summary = reconcile()
    assert lines == [["orphan", "default", "documents/stray.pdf"]]
    assert submission.files.count() == 2


def test_a_fresh_install_with_nothing_stored_reports_nothing(settings, tmp_path):
    settings.STORAGES = {**settings.STORAGES, "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(tmp_path / "never-made"), "base_url": None}}}
    assert reconcile() == ([], "0 orphaned object(s), 0 record(s) without their object\n")
