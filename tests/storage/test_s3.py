"""Media, documents and manuscripts on S3 (moto's server on 127.0.0.1, a real HTTP endpoint)."""

import io
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, Locale

from cms.storage import private_file_response
from publications.models import Series, Submission, SubmissionFile
from tests.review.conftest import make_pdf, make_user
from tests.search.tree import make_document, pdf_bytes
from tests.storage.conftest import MEDIA_BUCKET, PRIVATE_BUCKET

pytestmark = pytest.mark.django_db


def png_bytes(width=640, height=480, colour=(20, 90, 160)):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buffer, "PNG")
    return buffer.getvalue()


def unsigned(url):
    return url.split("?", 1)[0]


def test_an_uploaded_image_and_its_rendition_live_on_s3_and_are_public(s3):
    Image = get_image_model()
    image = Image(title="Liaison meeting", credit="JCMI",
                  file=ImageFile(io.BytesIO(png_bytes()), name="meeting.png"))
    image.save()
    keys = [o["Key"] for o in s3.list_objects_v2(Bucket=MEDIA_BUCKET)["Contents"]]
    assert f"original_images/{image.file.name.rsplit('/', 1)[-1]}" in keys

    rendition = image.get_rendition("fill-200x100")
    assert (rendition.width, rendition.height) == (200, 100)
    keys = [o["Key"] for o in s3.list_objects_v2(Bucket=MEDIA_BUCKET)["Contents"]]
    assert rendition.file.name in keys

    # Public media: a plain, unsigned URL any visitor (or CDN) can fetch.
    assert "Signature" not in rendition.url
    response = requests.get(rendition.url, timeout=10)
    assert response.status_code == 200
    assert PILImage.open(io.BytesIO(response.content)).size == (200, 100)


def test_a_document_in_a_public_collection_is_downloaded_through_wagtail(s3, client):
    document = make_document("Annual report", "The network met four times this year.")
    assert document.extracted_text  # the text was read back from S3 by the task
    response = client.get(document.url)
    assert response.status_code == 302
    download = requests.get(response["Location"], timeout=10)
    assert download.status_code == 200 and download.content.startswith(b"%PDF-")
    # Public collection: the object is readable without a signature too.
    assert requests.get(unsigned(response["Location"]), timeout=10).status_code == 200


def test_a_document_in_a_private_collection_is_not_public_on_s3(s3, client, admin_client):
    root = Collection.get_first_root_node()
    board = root.add_child(name="Board papers")
    CollectionViewRestriction.objects.create(
        collection=board, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = make_document("Budget 2027", "Confidential budget lines.", collection=board)
    key = document.file.name
    direct = f"{s3.endpoint}/{MEDIA_BUCKET}/{key}"
    assert requests.get(direct, timeout=10).status_code == 403

    # Anonymous visitors are sent to log in; Wagtail never hands them a URL.
    anonymous = client.get(document.url)
    assert anonymous.status_code == 302
    assert MEDIA_BUCKET not in anonymous["Location"]

    # A logged-in user gets a signed URL that works.
    signed = admin_client.get(document.url)
    assert signed.status_code == 302 and "X-Amz-Signature" in signed["Location"]
    assert requests.get(signed["Location"], timeout=10).status_code == 200

    # Lifting the restriction opens the object; restricting again closes it.
    CollectionViewRestriction.objects.filter(collection=board).delete()
    assert requests.get(direct, timeout=10).status_code == 200
    CollectionViewRestriction.objects.create(
        collection=board, restriction_type=CollectionViewRestriction.LOGIN
    )
    assert requests.get(direct, timeout=10).status_code == 403


def test_moving_a_collection_under_a_private_one_closes_its_documents_on_s3(
    s3, admin_client, django_capture_on_commit_callbacks
):
    root = Collection.get_first_root_node()
    reports = root.add_child(name="Field reports")
    board = root.add_child(name="Board papers")
    CollectionViewRestriction.objects.create(
        collection=board, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = make_document("Flood report", "Liaison cells met daily.", collection=reports)
    direct = f"{s3.endpoint}/{MEDIA_BUCKET}/{document.file.name}"
    assert requests.get(direct, timeout=10).status_code == 200

    # An editor moves the collection in Wagtail's collection editor.
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/collections/{reports.pk}/",
                                     {"name": "Field reports", "parent": board.pk})
    assert response.status_code == 302
    reports.refresh_from_db()
    assert reports.get_parent(update=True).pk == board.pk
    assert requests.get(direct, timeout=10).status_code == 403

    # And back out: public again.
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"/admin/collections/{reports.pk}/",
                          {"name": "Field reports", "parent": root.pk})
    assert requests.get(direct, timeout=10).status_code == 200


def test_manuscripts_go_to_the_private_bucket_and_are_never_public(s3, settings):
    private = storages["private"]
    name = private.save("manuscripts/draft.pdf", ContentFile(pdf_bytes("Anonymised draft.")))
    keys = [o["Key"] for o in s3.list_objects_v2(Bucket=PRIVATE_BUCKET)["Contents"]]
    assert name in keys
    assert "Contents" not in s3.list_objects_v2(Bucket=MEDIA_BUCKET)

    plain = f"{s3.endpoint}/{PRIVATE_BUCKET}/{name}"
    assert requests.get(plain, timeout=10).status_code == 403

    url = private.url(name)
    query = parse_qs(urlsplit(url).query)
    # moto does not enforce expiry, so check what the signature promises.
    assert query["X-Amz-Expires"] == [str(settings.PRIVATE_URL_EXPIRY)]
    assert settings.PRIVATE_URL_EXPIRY <= 900
    assert "X-Amz-Signature" in query
    assert requests.get(url, timeout=10).content.startswith(b"%PDF-")


def test_the_private_prefix_is_used_when_there_is_no_second_bucket(s3, settings, moto_endpoint):
    from cms.settings.s3 import s3_storages

    settings.STORAGES = {**settings.STORAGES,
                         **s3_storages(bucket=MEDIA_BUCKET, endpoint_url=moto_endpoint,
                                       region_name="us-east-1")}
    name = storages["private"].save("review/report.txt", ContentFile(b"Reviewer 2 says"))
    keys = [o["Key"] for o in s3.list_objects_v2(Bucket=MEDIA_BUCKET)["Contents"]]
    assert f"private/{name}" in keys
    assert requests.get(f"{moto_endpoint}/{MEDIA_BUCKET}/private/{name}",
                        timeout=10).status_code == 403


def test_a_private_file_is_signed_only_after_the_permission_check(s3, rf, monkeypatch):
    from django.contrib.auth.models import AnonymousUser
    from django.core.exceptions import PermissionDenied

    private = storages["private"]
    name = private.save("manuscripts/m.pdf", ContentFile(pdf_bytes("Manuscript.")))
    fieldfile = get_document_model()._meta.get_field("file").attr_class(
        None, get_document_model()._meta.get_field("file"), name
    )
    fieldfile.storage = private
    signed = []
    original_url = type(private).url
    monkeypatch.setattr(type(private), "url",
                        lambda self, *a, **k: signed.append(a) or original_url(self, *a, **k))

    def download(request):  # what a reviewer's download view does
        if not request.user.is_authenticated:
            raise PermissionDenied
        return private_file_response(fieldfile)

    request = rf.get("/")
    request.user = AnonymousUser()
    with pytest.raises(PermissionDenied):
        download(request)
    assert signed == []

    request.user = type("Reviewer", (), {"is_authenticated": True})()
    response = download(request)
    assert response.status_code == 302 and signed
    assert response["Cache-Control"] == "private, no-store"
    assert parse_qs(urlsplit(response["Location"]).query)["X-Amz-Expires"] == ["300"]


# A real transaction per request, as in production: the failed save rolls back on its own.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_s3_failure_during_upload_gives_a_clear_error_and_saves_nothing(
    s3, admin_client, settings, moto_endpoint
):
    from cms.settings.s3 import s3_storages

    # The bucket is gone: every write fails the way an outage or a wrong setting does.
    settings.STORAGES = {**settings.STORAGES,
                         **s3_storages(bucket="no-such-bucket", endpoint_url=moto_endpoint,
                                       region_name="us-east-1")}
    Document = get_document_model()
    Image = get_image_model()
    before = (Document.objects.count(), Image.objects.count())

    response = admin_client.post("/admin/documents/multiple/add/", {
        "files[]": SimpleUploadedFile("report.pdf", pdf_bytes("Lost?"), "application/pdf"),
    }, headers={"X-Requested-With": "XMLHttpRequest"})
    assert response.status_code == 503
    assert "nothing was saved" in response.json()["error_message"]

    response = admin_client.post("/admin/images/add/", {
        "title": "Photo", "description": "A photo of the harbour",
        "collection": Collection.get_first_root_node().pk,
        "file": SimpleUploadedFile("photo.png", png_bytes(), "image/png"),
    })
    assert response.status_code == 503
    assert b"nothing was saved" in response.content
    assert (Document.objects.count(), Image.objects.count()) == before


def draft_submission(django_user_model):
    author = make_user(django_user_model, "author", "Authors", first="Amira", last="Haddad")
    series = Series.objects.create(name="Working Papers", slug="working-papers",
                                   kind=Series.Kind.WORKING_PAPER, locale=Locale.get_default())
    submission = Submission.objects.create(submitter=author, series=series,
                                           title="Liaison cells in flood response")
    return author, submission


def upload_manuscripts(client, submission):
    return client.post(f"/en/portal/submissions/{submission.pk}/edit/files/", {
        "manuscript": SimpleUploadedFile("paper.pdf", make_pdf(), "application/pdf"),
        "anonymised": SimpleUploadedFile("anonymised.pdf", make_pdf(), "application/pdf"),
    })


def test_a_manuscript_sent_through_the_portal_is_private_on_s3_and_signed_for_its_author(
    s3, client, django_user_model, settings
):
    author, submission = draft_submission(django_user_model)
    client.force_login(author)
    assert upload_manuscripts(client, submission).status_code == 302

    manuscript = SubmissionFile.objects.get(submission=submission, kind="manuscript")
    keys = [o["Key"] for o in s3.list_objects_v2(Bucket=PRIVATE_BUCKET)["Contents"]]
    assert manuscript.file.name in keys
    assert "Contents" not in s3.list_objects_v2(Bucket=MEDIA_BUCKET)
    assert requests.get(f"{s3.endpoint}/{PRIVATE_BUCKET}/{manuscript.file.name}",
                        timeout=10).status_code == 403

    # Somebody else is told nothing, and gets no URL.
    client.force_login(make_user(django_user_model, "someone-else", "Authors"))
    assert client.get(f"/en/portal/files/{manuscript.pk}/").status_code == 404

    client.force_login(author)
    response = client.get(f"/en/portal/files/{manuscript.pk}/")
    assert response.status_code == 302
    assert response["Cache-Control"] == "private, no-store"
    query = parse_qs(urlsplit(response["Location"]).query)
    assert query["X-Amz-Expires"] == [str(settings.PRIVATE_URL_EXPIRY)]
    download = requests.get(response["Location"], timeout=10)
    assert download.status_code == 200 and download.content.startswith(b"%PDF-")


def test_an_s3_failure_during_a_portal_upload_saves_no_file_record(
    s3, client, django_user_model, settings, moto_endpoint
):
    from cms.settings.s3 import s3_storages

    author, submission = draft_submission(django_user_model)
    settings.STORAGES = {**settings.STORAGES,
                         **s3_storages(bucket=MEDIA_BUCKET, private_bucket="no-such-bucket",
                                       endpoint_url=moto_endpoint, region_name="us-east-1")}
    client.force_login(author)
    response = upload_manuscripts(client, submission)
    assert response.status_code == 503
    assert b"nothing was saved" in response.content
    assert not SubmissionFile.objects.filter(submission=submission).exists()
    submission.refresh_from_db()
    assert submission.state == Submission.State.DRAFT
