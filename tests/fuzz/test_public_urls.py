"""Bad input never gets a 500: random query strings, path segments and form bodies thrown at
every public URL and the author portal, with the demo content in place.

The Django test client re-raises any exception a view lets escape, so a crash fails the test
with its traceback; every answer must also be below 500. Example counts stay modest so the
suite keeps to a few minutes on a small machine; the examples are the same on every run.
"""

from urllib.parse import quote, urlencode

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Page

from publications.models import PublicationPage

FUZZ_SETTINGS = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,  # a fixed seed: `make test` runs the same examples every time
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Anything a visitor (or a scanner) could type: unicode, control characters, markup, quotes,
# percent signs, very long values.
nasty_text = st.one_of(
    st.text(max_size=60),
    st.sampled_from([
        "", " ", "%", "%zz", "%00", "\x00", "../../etc/passwd", "<script>alert(1)</script>",
        "' OR 1=1 --", "{{ 7*7 }}", "{% debug %}", "9" * 400, "-1", "0", "1e309", "NaN",
        "[]", "{}", "null", "true", "\u202e", "نص عربي", "x" * 5000,
        # Digits that str.isdigit() accepts and int() or the database do not, and worse.
        "\u00b2", "1\u00b2", "\u0661\u0662", "\U0001d7d7", "\u2167", "9" * 40, "-0", "0x10",
        "\x01\x02\x1b[31m", "\r\n", "\t", "\x7f", "\ud7ff", "\ufeff", "\uffff",
    ]),
)
field_names = st.one_of(
    st.text(min_size=1, max_size=20),
    st.sampled_from([
        "q", "page", "p", "topic", "series", "year", "type", "kind", "sort", "order", "lang",
        "next", "categories", "choice", "username", "password", "password1", "password2",
        "email", "first_name", "last_name", "title", "abstract", "keywords", "topics",
        "message", "name", "csrfmiddlewaretoken", "format", "speaker", "from", "to",
        # OAI-PMH arguments, with a legal verb so that the others are read.
        "verb", "metadataPrefix", "identifier", "until", "set", "resumptionToken",
    ]),
)
oai_verbs = st.sampled_from(["Identify", "ListRecords", "ListIdentifiers", "GetRecord",
                             "ListSets", "ListMetadataFormats"])
query_dicts = st.dictionaries(field_names, st.one_of(nasty_text, st.lists(nasty_text, max_size=3),
                                                     oai_verbs, st.just("oai_dc")),
                              max_size=6)
raw_query_strings = st.one_of(
    st.text(max_size=80).map(lambda text: quote(text, safe="=&%+")),
    st.sampled_from(["%", "%%", "a=%zz", "=", "&&&", "q", "page=99999999999999999999",
                     "page=-1", "q=%00", "q=%ff%fe", "a[]=1&a[b]=2"]),
)


def public_urls():
    urls = [page.url for page in Page.objects.live().public().filter(depth__gt=1).specific()
            if page.url]
    for language in ("en", "ar"):
        for name in ("portal:login", "portal:register", "portal:password_reset"):
            urls.append(reverse(name).replace("/en/", f"/{language}/", 1))
    urls += ["/sitemap.xml", "/sitemap-pages-1.xml", "/sitemap-speakers.xml", "/robots.txt",
             "/en/no-such-page/", "/healthz", "/oai/"]
    # The machine-read outputs: feeds, the calendar and a publication's citation downloads.
    urls += ["/en/publications/feed.xml", "/en/lectures/feed.xml", "/en/lectures/calendar.ics"]
    publication = PublicationPage.objects.live().public().order_by("path").first()
    if publication is not None:
        urls += [publication.url + name for name in ("cite.bib", "cite.ris", "cite.json")]
    # Section URLs whose apps may not have landed yet answer 404, which is fine too.
    urls += ["/en/search/", "/en/search/autocomplete/", "/en/lectures/", "/en/publications/"]
    return sorted(set(urls))


@pytest.fixture
def demo_site(full_demo, db):
    return public_urls()


def test_random_query_strings_never_break_a_public_page(client, demo_site):
    @FUZZ_SETTINGS
    @given(url=st.sampled_from(demo_site), params=query_dicts, raw=raw_query_strings)
    def check(url, params, raw):
        for query in (urlencode(params, doseq=True), raw):
            response = client.get(f"{url}?{query}")
            assert response.status_code < 500, (url, query)

    check()


def test_random_path_segments_never_break_the_site(client, demo_site):
    prefixes = ["/en/", "/ar/", "/fr/", "/"] + demo_site[:8]

    @FUZZ_SETTINGS
    @given(prefix=st.sampled_from(prefixes),
           segments=st.lists(st.one_of(st.text(min_size=1, max_size=30), nasty_text),
                             min_size=1, max_size=3))
    def check(prefix, segments):
        base = prefix if prefix.endswith("/") else prefix + "/"
        path = base + "/".join(quote(segment, safe="") or "x" for segment in segments) + "/"
        response = client.get(path)
        assert response.status_code < 500, path

    check()


def test_random_form_bodies_never_break_a_public_form(client, demo_site):
    forms = [url for url in demo_site if "contact" in url or "/portal/" in url]
    forms.append("/consent/")
    assert any("contact" in url for url in forms)

    @FUZZ_SETTINGS
    @given(url=st.sampled_from(forms), body=query_dicts)
    def check(url, body):
        response = client.post(url, body)
        assert response.status_code < 500, (url, body)
        client.logout()

    check()


def test_random_form_bodies_never_break_the_authors_submission_forms(client, demo_site):
    author = User.objects.get(username="author")
    client.force_login(author)
    new_submission = reverse("portal:submission_new")
    steps = [new_submission, reverse("portal:dashboard")]

    @FUZZ_SETTINGS
    @given(url=st.sampled_from(steps), body=query_dicts)
    def check(url, body):
        response = client.post(url, body)
        assert response.status_code < 500, (url, body)

    check()
