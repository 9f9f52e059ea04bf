"""No 5xx from input: the inputs that once crashed the site are refused before any query."""

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from lxml import etree
from wagtail.images import get_image_model

from publications.oai import repository_identifier
from tests.search.tree import build_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def strict_client():
    """Answers what a visitor would get, rather than re-raising a view's exception."""
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("path", ["/en/%00/", "/en/about/%00/", "/fr/a%00b/", "/ar/x/%00/y/",
                                  "/de/%01%7f/", "/en/about/%00"])
def test_a_nul_byte_in_a_page_address_is_the_full_404_page(strict_client, path, caplog):
    build_tree()
    response = strict_client.get(path)
    assert response.status_code == 404
    # The page with the language switcher, not the plain fallback that needs no database.
    assert "language-switcher" in response.content.decode()
    assert not [record for record in caplog.records if record.exc_info]


def test_a_log_in_name_longer_than_any_account_is_a_400(strict_client, settings):
    settings.AXES_ENABLED = True
    response = strict_client.post("/en/portal/login/", {"username": "a" * 300 + "@example.org",
                                                         "password": "whatever"})
    assert response.status_code == 400
    assert "at most 254 characters" in response.content.decode()


@pytest.mark.parametrize("suffix", ["1\u00b2", "\u0661\u0662", "9" * 40, "-1", "1 "])
def test_an_oai_identifier_that_is_not_a_page_id_is_id_does_not_exist(strict_client, suffix):
    identifier = f"oai:{repository_identifier()}:publication/{suffix}"
    for arguments in ({"verb": "GetRecord", "metadataPrefix": "oai_dc"},
                      {"verb": "ListMetadataFormats"}):
        response = strict_client.get("/oai/", {**arguments, "identifier": identifier})
        assert response.status_code == 200
        tree = etree.fromstring(response.content)
        errors = tree.findall("{http://www.openarchives.org/OAI/2.0/}error")
        assert [error.get("code") for error in errors] == ["idDoesNotExist"], response.content


@pytest.mark.parametrize("content", [b"GIF89a", b"GIF89a" + b"\x00" * 40, b"GIF87a\x01\x00\x01\x00"])
def test_a_gif_header_with_no_image_is_refused_with_a_message(client, content):
    client.force_login(User.objects.create_superuser("uploader", "uploader@jcmi.example", "pw"))
    single = client.post("/admin/images/add/", {
        "title": "logo", "file": SimpleUploadedFile("logo.gif", content), "collection": 1,
        "description": "The logo"})
    assert single.status_code == 200
    assert "Upload a valid image" in single.content.decode()
    multiple = client.post("/admin/images/multiple/add/", {
        "files[]": SimpleUploadedFile("logo.gif", content), "collection": 1})
    assert multiple.status_code == 200 and multiple.json()["success"] is False
    assert not get_image_model().objects.exists()
