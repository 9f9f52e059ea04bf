"""Uploads are judged by their content, not their name: an editor (or an attacker with an
editor's password) cannot slip a program or a scripted SVG onto the site."""

import io
import zipfile

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

# The first bytes of a Windows program: what a renamed .exe starts with.
WINDOWS_PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + (
    b"PE\x00\x00L\x01\x03\x00" + b"\x00" * 200
)
LINUX_PROGRAM = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 200
SCRIPTED_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b'<script>alert(document.cookie)</script><rect width="10" height="10"/></svg>'
)
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "navy").save(buffer, "PNG")
    return buffer.getvalue()


def docx_bytes(real=True):
    """The same bytes whenever it is called: the parameters' ids show them, and pytest-xdist's
    workers must collect the same ids (a zip member's time would differ across a second)."""
    parts = [("[Content_Types].xml", "<Types/>"),
             ("word/document.xml", "<w:document/>") if real else ("payload.js", "alert(1)")]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in parts:
            archive.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), text)
    return buffer.getvalue()


@pytest.fixture
def editor_client(client, db):
    user = User.objects.create_superuser("uploader", "uploader@jcmi.example", "pw")
    client.force_login(user)
    return client


def upload_document(client, name, content):
    return client.post(
        "/admin/documents/add/",
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": 1},
    )


def upload_image(client, name, content):
    return client.post(
        "/admin/images/add/",
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": 1,
         "description": "An upload test"},
    )


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("annual-report.pdf", WINDOWS_PROGRAM, "is a program"),
        ("field-notes.txt", LINUX_PROGRAM, "is a program"),
        ("minutes.docx", WINDOWS_PROGRAM, "is a program"),
        ("budget.pdf", b"just some words, not a PDF at all", "not a valid .pdf"),
        ("programme.docx", docx_bytes(real=False), "not a valid .docx"),
        ("notes.txt", b"<html><script>alert(1)</script></html>", "HTML or script"),
        ("participants.csv", b"name,comment\nA,<img src=x onerror=alert(1)>\n", "HTML or script"),
        ("logo.svg", SCRIPTED_SVG, "“svg”"),
    ],
)
def test_documents_whose_content_lies_are_refused_with_a_clear_message(
    editor_client, name, content, message
):
    response = upload_document(editor_client, name, content)
    assert response.status_code == 200  # the form again, with the error beside the field
    page = response.content.decode()
    assert message in page
    # Only the reason: not also Wagtail's extension check of the file that was never kept.
    assert "File extension “”" not in page
    assert not get_document_model().objects.exists()


def test_an_oversized_document_is_refused_with_its_size_and_the_limit(editor_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = len(PDF) - 1
    for response in (
        upload_document(editor_client, "annual-report.pdf", PDF),
        editor_client.post("/admin/documents/multiple/add/", {
            "files[]": SimpleUploadedFile("annual-report.pdf", PDF), "collection": 1,
        }),
    ):
        assert response.status_code == 200
        page = response.content.decode("unicode_escape")
        assert "This file is too big" in page
        assert "File extension “”" not in page
    assert not get_document_model().objects.exists()


@pytest.mark.parametrize(
    "name, content",
    [("annual-report.pdf", PDF), ("minutes.docx", docx_bytes()), ("list.csv", b"a,b\n1,2\n")],
)
def test_genuine_documents_are_accepted(editor_client, name, content):
    response = upload_document(editor_client, name, content)
    assert response.status_code == 302
    assert get_document_model().objects.get().title == name


def test_the_multiple_upload_refuses_a_renamed_program_too(editor_client):
    response = editor_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("report.pdf", WINDOWS_PROGRAM), "collection": 1},
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert not get_document_model().objects.exists()


@pytest.mark.parametrize(
    "name, content",
    [
        ("portrait.png", WINDOWS_PROGRAM),
        ("banner.jpg", LINUX_PROGRAM),
        ("logo.svg", SCRIPTED_SVG),
        ("logo.png", SCRIPTED_SVG),
    ],
)
def test_images_that_are_not_images_are_refused(editor_client, name, content):
    response = upload_image(editor_client, name, content)
    assert response.status_code == 200
    page = response.content.decode()
    assert any(
        message in page
        for message in (
            "Not a supported image format",
            "Upload a valid image",
            "The extension does not match the file format",
        )
    )
    assert not get_image_model().objects.exists()


def test_a_genuine_image_is_accepted(editor_client):
    response = upload_image(editor_client, "portrait.png", png_bytes())
    assert response.status_code == 302
    assert get_image_model().objects.get().title == "portrait.png"
