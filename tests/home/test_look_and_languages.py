"""Arabic and French as first-class languages, and what a visitor's browser is sent: the site's
name in the page's language, text shown untranslated marked with its language, lists joined as
each language joins them, speakers in the sitemap, compressed pages and long-cached static files.
All on the whole demo, in four languages."""

import gzip
import re
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import RequestFactory, override_settings
from django.utils import translation

from cms.languages import join_items, join_list
from cms.middleware import StaticFilesMiddleware
from home.models import Person

XHTML = "{http://www.w3.org/1999/xhtml}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NAMES = {"en": "JCMI Research and Education Network",
         "fr": "Réseau de recherche et d'enseignement JCMI",
         "de": "JCMI-Netzwerk für Forschung und Lehre",
         "ar": "شبكة JCMI للبحث والتعليم"}


@pytest.fixture
def demo(full_demo, db):
    return full_demo


def page(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("code", ["en", "fr", "de", "ar"])
def test_titles_end_with_the_network_name_in_the_page_language(client, demo, code):
    assert page(client, f"/{code}/").title.string == NAMES[code]  # the home page: once
    title = page(client, f"/{code}/publications/").title.string
    assert title.endswith(" · " + NAMES[code])
    assert title.count(NAMES[code]) == 1


@pytest.mark.parametrize("code", ["en", "ar"])
def test_the_footer_names_the_network_once_in_the_page_language(client, demo, code):
    footer = page(client, f"/{code}/").select_one("footer.site-footer")
    text = footer.get_text(" ")
    assert text.count(NAMES[code]) == 1
    if code == "ar":
        assert NAMES["en"] not in text
    assert footer.select_one("address").get_text(" ", strip=True) == "c/o Interacta Global d.o.o. EU"


def test_untranslated_text_on_arabic_pages_says_it_is_english(client, demo):
    home = page(client, "/ar/")
    # The hero image's description (its alt text) is written once, in English.
    hero = home.select_one(".hero__image")
    assert (hero["lang"], hero["dir"]) == ("en", "ltr")
    assert hero.img["alt"]

    # A speaker known only in English (the demo translates its people: this one's Arabic version
    # is taken away): the biography and the position are marked.
    Person.objects.filter(slug="tomas-weber", locale__language_code="ar").delete()
    speaker = page(client, "/ar/lectures/speakers/tomas-weber/")
    bio = speaker.select_one(".speaker-bio")
    assert (bio["lang"], bio["dir"]) == ("en", "ltr")
    assert speaker.select_one(".speaker-header__role")["lang"] == "en"
    # Nothing written in Arabic carries a mark of its own.
    assert speaker.select_one("h2").get("lang") is None

    # An English work shown on the Arabic index (it has no Arabic version) is marked as a whole.
    listing = page(client, "/ar/publications/")
    cards = listing.select(".publication-card")
    english = [c for c in cards if c.get("lang") == "en"]
    assert english and all(c["dir"] == "ltr" for c in english)
    # A translated series name in an Arabic card needs no mark.
    arabic = [c for c in cards if c.get("lang") is None]
    assert arabic
    for card in arabic:
        series = card.select_one(".publication-card__series span")
        assert series.get("lang") is None
        assert re.search("[\u0600-\u06ff]", series.get_text())


def test_the_english_page_marks_nothing(client, demo):
    soup = page(client, "/en/lectures/speakers/tomas-weber/")
    assert soup.select_one(".speaker-bio").get("lang") is None
    assert page(client, "/en/").select_one(".hero__image").get("lang") is None


@pytest.mark.parametrize("code, three, two", [
    ("en", "<bdi>Ana</bdi>, <bdi>Ben</bdi> and <bdi>Cleo</bdi>", "<bdi>Ana</bdi> and <bdi>Ben</bdi>"),
    ("fr", "<bdi>Ana</bdi>, <bdi>Ben</bdi> et <bdi>Cleo</bdi>", "<bdi>Ana</bdi> et <bdi>Ben</bdi>"),
    ("de", "<bdi>Ana</bdi>, <bdi>Ben</bdi> und <bdi>Cleo</bdi>", "<bdi>Ana</bdi> und <bdi>Ben</bdi>"),
    ("ar", "<bdi>Ana</bdi>، <bdi>Ben</bdi> و<bdi>Cleo</bdi>", "<bdi>Ana</bdi> و<bdi>Ben</bdi>"),
])
def test_lists_are_joined_as_each_language_joins_them(code, three, two):
    with translation.override(code):
        assert join_list(["Ana", "Ben", "Cleo"]) == three
        assert join_list(["Ana", "Ben"]) == two
        assert join_list(["Ana"]) == "<bdi>Ana</bdi>"
        assert join_list([]) == ""
        comma = "،" if code == "ar" else ","
        assert join_items(["Ulm", "", None, "Germany"]) == f"<bdi>Ulm</bdi>{comma} <bdi>Germany</bdi>"


def test_joined_items_are_escaped(db):
    with translation.override("en"):
        assert join_list(["<b>A</b>", "B"]) == "<bdi>&lt;b&gt;A&lt;/b&gt;</bdi> and <bdi>B</bdi>"


def test_arabic_cards_join_speakers_with_the_arabic_comma_and_wa(client, demo):
    soup = page(client, "/ar/")
    speakers = [" ".join(p.get_text().split()) for p in soup.select(".entry-card__speakers")]
    three = [text for text in speakers if text.count("،") == 1 and " و" in text]
    assert three, speakers
    assert not any(", " in text for text in speakers)


def test_dates_follow_the_page_language(client, demo):
    en = page(client, "/en/publications/").select_one(".publication-card__date time").get_text()
    ar = page(client, "/ar/publications/").select(".publication-card__date time")
    assert re.match(r"[A-Z][a-z]{2}\.? \d+, \d{4}", en)
    assert any(re.search("[\u0600-\u06ff]", t.get_text()) for t in ar)


def test_speaker_pages_are_in_the_sitemap_with_their_translations(client, demo):
    index = ElementTree.fromstring(client.get("/sitemap.xml").content)
    sitemaps = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert "http://testserver/sitemap-speakers.xml" in sitemaps
    root = ElementTree.fromstring(client.get("/sitemap-speakers.xml").content)
    entries = {
        url.find(f"{SITEMAP}loc").text: {link.get("hreflang"): link.get("href")
                                         for link in url.findall(f"{XHTML}link")}
        for url in root.findall(f"{SITEMAP}url")
    }
    speaker = "http://testserver/ar/lectures/speakers/tomas-weber/"
    assert speaker in entries
    assert entries[speaker]["en"] == "http://testserver/en/lectures/speakers/tomas-weber/"
    assert entries[speaker]["ar"] == speaker
    assert entries[speaker]["x-default"] == "http://testserver/en/lectures/speakers/tomas-weber/"
    assert "http://testserver/en/lectures/speakers/" in entries
    for url in [u for u in entries if "/speakers/" in u]:
        assert client.get(url.removeprefix("http://testserver")).status_code == 200, url


def test_the_arabic_author_registration_form_defaults_to_arabic_e_mails(client, demo):
    soup = page(client, "/ar/portal/register/")
    assert soup.select_one("select[name=preferred_language] option[selected]")["value"] == "ar"
    soup = page(client, "/fr/portal/register/")
    assert soup.select_one("select[name=preferred_language] option[selected]")["value"] == "fr"


# -- compression ------------------------------------------------------------------------------


def test_public_pages_are_sent_gzip_compressed(client, demo):
    response = client.get("/en/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    html = gzip.decompress(response.content).decode()
    assert "<title>" + NAMES["en"] in html
    plain = client.get("/en/")  # a client that did not ask for it gets plain HTML
    assert not plain.has_header("Content-Encoding")


def test_pages_with_a_secret_are_never_compressed(client, demo, django_user_model):
    # A form with its CSRF token (BREACH): the contact page sets the token's cookie.
    response = client.get("/en/contact/", HTTP_ACCEPT_ENCODING="gzip")
    assert "csrftoken" in response.cookies
    assert not response.has_header("Content-Encoding")
    # A signed-in author's pages hold their own data.
    user = django_user_model.objects.create_user("reader@jcmi.example", "reader@jcmi.example",
                                                 "pw-1234567890")
    client.force_login(user)
    response = client.get("/en/", HTTP_ACCEPT_ENCODING="gzip")
    assert not response.has_header("Content-Encoding")


def test_compression_can_be_left_to_a_proxy(client, demo, settings):
    settings.COMPRESS_HTML = False
    response = client.get("/en/", HTTP_ACCEPT_ENCODING="gzip")
    assert not response.has_header("Content-Encoding")


def test_fingerprinted_static_files_are_compressed_and_kept_a_year(tmp_path, settings):
    """As in production: collectstatic with WhiteNoise's manifest storage, then a request for
    the fingerprinted style sheet through the middleware."""
    storages = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=storages, WHITENOISE_USE_FINDERS=False,
                           WHITENOISE_AUTOREFRESH=False,
                           STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"]):
        call_command("collectstatic", interactive=False, verbosity=0)
        css = next(tmp_path.glob("css/site.*.css"))
        assert css.with_name(css.name + ".gz").exists()
        middleware = StaticFilesMiddleware(lambda request: pytest.fail("not a static file"))
        request = RequestFactory().get(f"/static/css/{css.name}", HTTP_ACCEPT_ENCODING="gzip")
        response = middleware(request)
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert response["Cache-Control"] == "max-age=31536000, public, immutable"
    assert "Accept-Encoding" in response["Vary"]
    body = gzip.decompress(b"".join(response.streaming_content)).decode()
    assert "--step-0" in body


def test_every_page_the_menu_leads_to_is_translated(client, demo):
    from wagtail.models import Page

    menu_pages = Page.objects.live().filter(locale__language_code="en", show_in_menus=True)
    assert menu_pages.count() >= 10
    for source in menu_pages:
        codes = set(source.get_translations().live().values_list("locale__language_code",
                                                                 flat=True))
        assert codes >= {"fr", "de", "ar"}, source.url_path
    # And they read in their language: the German education page, in German.
    soup = page(client, "/de/education-and-training/")
    assert soup.h1.get_text(strip=True) == "Lehre und Ausbildung"


def test_text_kept_in_the_source_language_is_escaped_and_marked():
    """A board member's role is typed by editors: in_source_language escapes it, and comma_list
    keeps the marked span whole (no double escaping, nothing unescaped)."""
    from django.template import Context, Template

    template = Template("{% load language_tags %}{% in_source_language role as marked %}"
                       "{% comma_list name marked %}")
    with translation.override("ar"):
        html = template.render(Context({"role": '<b onclick="x">Editor</b>', "name": "<i>A</i>"}))
    assert "<b onclick" not in html and "<i>" not in html
    assert "&lt;b onclick=&quot;x&quot;&gt;Editor&lt;/b&gt;" in html and "&lt;i&gt;A&lt;/i&gt;" in html
    assert '<span lang="en" dir="ltr">' in html and "، " in html
