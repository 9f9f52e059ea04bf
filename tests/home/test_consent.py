"""The cookie notice asks first, remembers the choice and can be reopened."""

from urllib.parse import urljoin, urlsplit

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


SAME_SITE = {"Origin": "http://testserver"}


def test_another_site_cannot_record_a_choice_for_the_visitor(client, demo_site):
    for headers in ({}, {"Origin": "https://evil.example"},
                    {"Referer": "https://evil.example/page"}):
        response = client.post("/consent/", {"choice": "all", "next": "/en/"}, headers=headers)
        assert response.status_code == 403
        assert COOKIE_NAME not in response.cookies


def test_a_choice_is_remembered_without_javascript(client, demo_site):
    response = client.post("/consent/", {"choice": "selected", "categories": ["video"],
                                         "next": "/en/about/"}, headers=SAME_SITE)
    assert response.status_code == 302
    assert response["Location"] == "/en/about/"
    assert response.cookies[COOKIE_NAME].value == "necessary,video"
    html = client.get("/en/about/").content.decode()
    assert not notice_is_open(html)
    assert 'value="video" checked' in html
    # The footer link reopens it.
    assert notice_is_open(client.get("/en/about/?cookies=settings").content.decode())


def test_consent_rejects_unknown_choices_and_foreign_redirects(client, demo_site):
    assert client.post("/consent/", {"choice": "everything"}, headers=SAME_SITE).status_code == 400
    response = client.post("/consent/", {"choice": "necessary", "next": "https://evil.example/"},
                           headers=SAME_SITE)
    assert response["Location"] == "/"
    assert response.cookies[COOKIE_NAME].value == "necessary"
    assert client.get("/consent/").status_code == 405


# The consent view needs no pages: these posts run without the demo site.
@pytest.mark.parametrize("headers", [
    {"Origin": "null"},  # a sandboxed frame on any site
    {"Origin": "null", "Referer": "http://testserver/en/"},
    {"Origin": "https://evil.example"},
    {"Origin": "http://testserver.evil.example"},
    {"Origin": "http://testserver:8080"},
    {"Origin": ""},
    {"Origin": "http://testserver", "Sec-Fetch-Site": "cross-site"},
    {"Sec-Fetch-Site": "cross-site", "Referer": "http://testserver/en/"},
    {"Sec-Fetch-Site": "same-site"},
    {"Sec-Fetch-Site": "none"},
    {"Referer": "/en/"},  # not a URL of any site
    {"Referer": "null"},
    {"Referer": "https://testserver.evil.example/en/"},
])
def test_consent_is_refused_from_other_and_unknown_origins(client, headers):
    response = client.post("/consent/", {"choice": "all", "next": "/en/"}, headers=headers)
    assert response.status_code == 403
    assert COOKIE_NAME not in response.cookies


@pytest.mark.parametrize("headers", [
    {"Origin": "http://testserver"},
    {"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"},
    {"Referer": "http://testserver/en/about/"},
    {"Sec-Fetch-Site": "same-origin"},
])
def test_consent_is_taken_from_this_sites_own_pages(client, headers):
    response = client.post("/consent/", {"choice": "all", "next": "/en/"}, headers=headers)
    assert response.status_code == 302
    assert response.cookies[COOKIE_NAME].value


def lands_on_this_site(location):
    """Where a browser goes: it drops tabs and newlines, and reads a backslash as a slash."""
    for char in "\t\n\r":
        location = location.replace(char, "")
    assert location.startswith("/") and not location.startswith(("//", "/\\"))
    resolved = urljoin("http://testserver/en/", location.replace("\\", "/"))
    return urlsplit(resolved).netloc == "testserver"


NASTY_NEXT = [
    "//evil.example", "///evil.example", "/\\evil.example", "\\\\evil.example",
    "\\/evil.example", "https:evil.example", "https://evil.example/", "http:/evil.example",
    "/%2F%2Fevil.example", "/?cookies=settings/evil.example", "/?cookies=settings//evil.example",
    "?cookies=settings//evil.example", "/\t/evil.example", "/\n/evil.example", "\t//evil.example",
    "/\r\n/evil.example", " //evil.example", "\x00//evil.example", "javascript:alert(1)",
    "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "data:text/html,<script>x</script>",
    "//testserver@evil.example", "http://testserver@evil.example/",
    "//evil.example/?cookies=settings",
    "/en/\n\rSet-Cookie: x=1",
]


@pytest.mark.parametrize("next_value", NASTY_NEXT)
def test_no_next_value_leaves_the_site(client, next_value):
    response = client.post("/consent/", {"choice": "necessary", "next": next_value},
                           headers=SAME_SITE)
    assert response.status_code == 302
    assert lands_on_this_site(response["Location"]), response["Location"]
    assert "\n" not in response["Location"] and "\r" not in response["Location"]


def test_the_reopen_marker_is_dropped_and_the_rest_of_the_address_kept(client):
    for next_value, expected in [
        ("/en/about/?cookies=settings", "/en/about/"),
        ("/en/search/?q=cimic&cookies=settings", "/en/search/?q=cimic"),
        ("/en/search/?cookies=settings&q=cimic#results", "/en/search/?q=cimic#results"),
    ]:
        response = client.post("/consent/", {"choice": "necessary", "next": next_value},
                               headers=SAME_SITE)
        assert response["Location"] == expected
