"""A visitor can open every page in every language it exists in, in the right direction."""

import re

import pytest

from home.models import ContactPage, HomePage, StandardPage, TopicIndexPage, TopicPage
from tests.home.conftest import live_pages

pytestmark = pytest.mark.django_db

EXPECTED_DIR = {"en": "ltr", "fr": "ltr", "de": "ltr", "ar": "rtl"}


def test_every_live_page_renders_in_its_language_and_direction(client, demo_site):
    rendered = set()
    for page in live_pages():
        url = page.get_url()
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        code = page.locale.language_code
        assert f'<html lang="{code}" dir="{EXPECTED_DIR[code]}">' in html, url
        assert f"<title>{page.seo_title or page.title}" in html.replace("&#x27;", "'"), url
        # Landmarks every page needs, and a skip link that lands on the main region.
        assert 'href="#main"' in html and '<main id="main"' in html
        assert "<header" in html and "<footer" in html and 'class="main-nav"' in html
        # Link previews: OpenGraph and Twitter on every page.
        for tag in ['property="og:title"', 'property="og:url"', 'property="og:image"',
                    f'property="og:locale" content="{code}"', 'name="twitter:card"']:
            assert tag in html, (url, tag)
        # No inline scripts or handlers: a strict Content-Security-Policy must stay possible.
        for attributes in re.findall(r"<script([^>]*)>", html):
            assert "src=" in attributes or "application/ld+json" in attributes, url
        assert not re.search(r"<[^>]+\son[a-z]+=", html), url
        rendered.add((type(page), code))
    for page_type in [HomePage, StandardPage, TopicIndexPage, TopicPage, ContactPage]:
        assert (page_type, "en") in rendered
    for code in ["fr", "de", "ar"]:
        assert (HomePage, code) in rendered and (StandardPage, code) in rendered


def test_home_page_in_english_french_and_arabic(client, demo_site):
    html = client.get("/en/").content.decode()
    assert "Where civilian and military actors learn to work together" in html
    assert "Our mission" in html and "Stronger partnerships" in html
    assert 'href="/en/topics/protection-of-civilians/"' in html
    assert "CIMIC Centre of Excellence" in html and "NATO body or Centre of Excellence" in html
    assert 'href="/en/about/"' in html  # the hero's call to action

    menu = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    for slug in ["about", "topics", "education-and-training", "join", "contact"]:
        assert f'href="/en/{slug}/"' in menu

    french = client.get("/fr/").content.decode()
    assert "Là où acteurs civils et militaires apprennent à travailler ensemble" in french
    french_menu = re.search(r'<nav class="main-nav".*?</nav>', french, re.S).group(0)
    assert 'href="/fr/about/"' in french_menu and "À propos du réseau" in french_menu
    assert "/en/" not in french_menu  # untranslated sections stay out of the French menu

    arabic = client.get("/ar/").content.decode()
    assert '<html lang="ar" dir="rtl">' in arabic
    assert "حيث يتعلّم الفاعلون المدنيون والعسكريون العمل معًا" in arabic
    # Partners have no Arabic entries yet: the English ones stand in rather than none.
    assert "CIMIC Centre of Excellence" in arabic


def test_content_blocks_and_focus_areas_render(client, demo_site):
    principles = client.get("/en/about/cmi-principles/").content.decode()
    assert "<table" in principles and 'scope="col"' in principles
    dos = client.get("/en/about/dos-and-donts/").content.decode()
    assert "dos-donts__column--do" in dos and "Plan in isolation" in dos
    about = client.get("/en/about/").content.decode()
    # Images carry their description as alt text, and a credit.
    assert 'alt="Eight people, half civilian and half military, around a planning table."' in about
    assert "JCMI demo illustration" in about
    assert "<blockquote>" in about
    assert 'class="callout"' in about and 'href="/en/join/"' in about
    goals = client.get("/en/about/goals/").content.decode()
    assert "<details" in goals and "<summary>" in goals

    topics = client.get("/en/topics/").content.decode()
    assert topics.count('class="card"') == 16
    for title in ["Protection of Civilians", "Women, Peace and Security", "Building Integrity",
                  "Gender", "Joint Medical Stability Operations"]:
        assert title in topics
