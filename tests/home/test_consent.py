"""The cookie notice asks first, remembers the choice and can be reopened."""

import pytest

from home.consent import COOKIE_NAME

pytestmark = pytest.mark.django_db


def notice_is_open(html):
    start = html.index('id="cookie-notice"')
    tag = html[start:html.index(">", start)]
    return " hidden" not in tag


def test_first_visit_shows_the_notice_with_every_category(client, demo_site):
    html = client.get("/en/").content.decode()
    assert notice_is_open(html)
    for key in ["necessary", "performance", "functionality", "targeting", "video"]:
        assert f'value="{key}"' in html
    assert 'id="consent-necessary" name="categories" value="necessary" checked disabled' in html
    assert "/static/js/consent.js" in html
    assert client.cookies.get(COOKIE_NAME) is None


def test_a_choice_is_remembered_without_javascript(client, demo_site):
    response = client.post("/consent/", {"choice": "selected", "categories": ["video"],
                                         "next": "/en/about/"})
    assert response.status_code == 302
    assert response["Location"] == "/en/about/"
    assert response.cookies[COOKIE_NAME].value == "necessary,video"
    html = client.get("/en/about/").content.decode()
    assert not notice_is_open(html)
    assert 'value="video" checked' in html
    # The footer link reopens it.
    assert notice_is_open(client.get("/en/about/?cookies=settings").content.decode())


def test_consent_rejects_unknown_choices_and_foreign_redirects(client, demo_site):
    assert client.post("/consent/", {"choice": "everything"}).status_code == 400
    response = client.post("/consent/", {"choice": "necessary", "next": "https://evil.example/"})
    assert response["Location"] == "/"
    assert response.cookies[COOKIE_NAME].value == "necessary"
    assert client.get("/consent/").status_code == 405
