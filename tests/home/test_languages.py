"""The language switcher, hreflang alternates, the sitemap and error pages speak each language."""

import re
from xml.etree import ElementTree

import pytest

pytestmark = pytest.mark.django_db

XHTML = "{http://www.w3.org/1999/xhtml}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def switcher(html):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    links = {lang: href for href, lang in re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', nav)}
    return links, nav


def test_switcher_and_hreflang_link_each_page_to_its_own_translation(client, demo_site):
    html = client.get("/fr/about/").content.decode()
    links, _nav = switcher(html)
    assert links == {"en": "/en/about/", "fr": "/fr/about/", "de": "/de/about/",
                     "ar": "/ar/about/"}
    alternates = dict(re.findall(
        r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html))
    assert alternates == {
        "en": "http://testserver/en/about/", "fr": "http://testserver/fr/about/",
        "de": "http://testserver/de/about/", "ar": "http://testserver/ar/about/",
        "x-default": "http://testserver/en/about/",
    }
    assert '<link rel="canonical" href="http://testserver/fr/about/">' in html


def test_switcher_offers_only_live_translations_and_says_what_is_missing(client, demo_site):
    html = client.get("/en/topics/gender/").content.decode()
    links, nav = switcher(html)
    assert links == {"en": "/en/topics/gender/"}
    assert "Not yet translated into:" in nav
    assert "Français" in nav and "Deutsch" in nav
    hreflangs = re.findall(r'<link rel="alternate" hreflang="([^"]+)"', html)
    assert hreflangs == ["en", "x-default"]


def test_sitemap_lists_every_locale_with_alternates(client, demo_site):
    index = ElementTree.fromstring(client.get("/sitemap.xml").content)
    locations = [node.find(f"{SITEMAP}loc").text for node in index.findall(f"{SITEMAP}sitemap")]
    # The demo's pages fit on one sitemap page; the speakers have theirs (lectures/sitemaps.py).
    assert locations == ["http://testserver/sitemap-pages-1.xml",
                         "http://testserver/sitemap-speakers.xml"]
    response = client.get("/sitemap-pages-1.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    entries = {}
    for url in root.findall(f"{SITEMAP}url"):
        loc = url.find(f"{SITEMAP}loc").text
        entries[loc] = {link.get("hreflang"): link.get("href")
                        for link in url.findall(f"{XHTML}link")}
    for code in ["en", "fr", "de", "ar"]:
        assert f"http://testserver/{code}/" in entries
        assert f"http://testserver/{code}/about/" in entries
    assert "http://testserver/en/topics/gender/" in entries
    assert entries["http://testserver/de/about/"] == {
        "en": "http://testserver/en/about/", "fr": "http://testserver/fr/about/",
        "de": "http://testserver/de/about/", "ar": "http://testserver/ar/about/",
        "x-default": "http://testserver/en/about/",
    }
    assert entries["http://testserver/en/topics/gender/"] == {}


def test_missing_page_answers_404_in_the_visitors_language(client, db):
    response = client.get("/fr/nope/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="fr" dir="ltr">' in html
    assert "Page introuvable" in html

    arabic = client.get("/ar/nope/")
    assert arabic.status_code == 404
    assert '<html lang="ar" dir="rtl">' in arabic.content.decode()


def test_a_page_not_yet_translated_answers_404_with_a_link_to_the_versions_that_exist(
        client, demo_site):
    """A French visitor who swaps the prefix of an English link is not left at a dead end."""
    response = client.get("/fr/topics/gender/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Cette page n'est pas encore traduite dans cette langue." in html
    assert '<a href="/en/topics/gender/" hreflang="en" lang="en">Gender</a> (English)' in html
    # Where nothing exists at the address, the plain message stays.
    assert "pas encore traduite" not in client.get("/fr/topics/no-such-topic/").content.decode()


def test_server_error_page_needs_no_database(db, django_assert_num_queries):
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override("de"), django_assert_num_queries(0):
        html = render_to_string("500.html")
    assert '<html lang="de" dir="ltr">' in html
    assert "Etwas ist schiefgelaufen" in html
