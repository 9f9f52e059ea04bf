"""A visitor reaches every page by following links from the home page, in every language: the
main menu lists each section's pages, the section's pages link each other ("In this section"),
and breadcrumbs lead back up."""

import re
from collections import deque
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

pytestmark = pytest.mark.django_db

# Not pages: feeds, calendars, citation files, documents. Addresses with a query string are
# filtered or paged views of a listing, whose pages the listing's first page already links.
NOT_PAGES = re.compile(r"\.(xml|ics|bib|ris|json|pdf)$|/documents/|/media/")


@pytest.fixture
def demo(full_demo, db):
    return full_demo


def sitemap_paths(client):
    """Every address the sitemaps list (the index names them)."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    paths = set()
    for sitemap in re.findall(r"<loc>([^<]+)</loc>", response.content.decode()):
        content = client.get(urlsplit(sitemap).path).content.decode()
        paths |= {urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", content)}
    return paths


def crawl(client, language):
    """Every address under /<language>/ reached by following links from the home page."""
    start = f"/{language}/"
    seen = {start}
    queue = deque([start])
    while queue:
        path = queue.popleft()
        response = client.get(path)
        assert response.status_code == 200, f"{path}: {response.status_code}"
        soup = BeautifulSoup(response.content, "html.parser")
        for link in soup.select("a[href]"):
            href = urlsplit(link["href"])
            if href.netloc not in {"", "testserver"} or href.query or not href.path:
                continue
            target = href.path
            if (not target.startswith(start) or NOT_PAGES.search(target)
                    or "/portal/" in target or target in seen):
                continue
            seen.add(target)
            queue.append(target)
    return seen


def test_every_page_in_the_sitemap_is_reached_from_the_home_page_in_every_language(client, demo):
    in_sitemap = sitemap_paths(client)
    assert len(in_sitemap) > 100
    unreachable = {}
    for language, _name in settings.LANGUAGES:
        expected = {path for path in in_sitemap if path.startswith(f"/{language}/")}
        assert expected, f"no {language} page in the sitemap"
        missing = expected - crawl(client, language)
        if missing:
            unreachable[language] = sorted(missing)
    assert unreachable == {}


def test_the_menu_lists_each_sections_pages_and_a_section_lists_its_own(client, demo):
    html = client.get("/en/").content.decode()
    menu = BeautifulSoup(html, "html.parser").select_one("nav.main-nav")
    about = menu.select_one('a[href="/en/about/"]').find_parent("li")
    assert about.select_one("details summary").get_text(strip=True) == "Pages in About the network"
    children = [a["href"] for a in about.select(".main-nav__children a")]
    assert "/en/about/goals/" in children and "/en/about/cmi-principles/" in children
    publications = menu.select_one('a[href="/en/publications/"]').find_parent("li")
    assert "/en/publications/monographs/" in [
        a["href"] for a in publications.select(".main-nav__children a")]

    # The parent page and each of its pages list the whole section, the page shown marked.
    for path in ["/en/about/", "/en/about/goals/"]:
        soup = BeautifulSoup(client.get(path).content, "html.parser")
        section = soup.select_one("nav.section-nav")
        links = {a["href"]: a.get("aria-current") for a in section.select("a")}
        assert links["/en/about/"] == ("page" if path == "/en/about/" else None)
        assert links["/en/about/goals/"] == ("page" if path == "/en/about/goals/" else None)
        assert "/en/about/dos-and-donts/" in links
    # The home page is in no section.
    assert 'class="section-nav"' not in html


def test_breadcrumbs_lead_back_up_to_the_home_page(client, demo):
    soup = BeautifulSoup(client.get("/en/lectures/civil-military-dialogues/").content,
                         "html.parser")
    crumbs = soup.select("nav.breadcrumbs li")
    assert [li.a["href"] for li in crumbs[:-1]] == ["/en/", "/en/lectures/"]
    assert crumbs[-1].select_one('[aria-current="page"]').get_text(strip=True)
    arabic = BeautifulSoup(client.get("/ar/about/").content, "html.parser")
    assert arabic.select_one("nav.breadcrumbs a")["href"] == "/ar/"
    # Below a routable page (a speaker of the archive), the archive is a link and the route ends it.
    speakers = client.get("/en/lectures/speakers/").content
    trail = BeautifulSoup(speakers, "html.parser").select("nav.breadcrumbs a")
    assert [a["href"] for a in trail] == ["/en/", "/en/lectures/"]
    assert 'class="breadcrumbs"' not in client.get("/en/").content.decode()


@pytest.mark.django_db
def test_the_menu_costs_the_same_queries_however_many_pages_the_sections_hold(rf):
    """Each menu section lists its first MENU_SECTION_PAGES pages, in the same queries however
    many it holds (at 50,000 pages the menu read every section's pages, 2,800 a build)."""
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Page

    from home.models import StandardPage
    from home.templatetags.navigation_tags import MENU_SECTION_PAGES, _menu_items

    call_command("seed_scale", pages=150, seed=7, verbosity=0)
    home = Page.objects.get(depth=2, locale__language_code="en")
    in_menu = home.get_children().filter(show_in_menus=True).first()
    outside = home.add_child(instance=StandardPage(title="Not in the menu", slug="not-in-menu"))

    def build():
        request = rf.get("/en/", HTTP_HOST="localhost")
        with CaptureQueriesContext(connection) as captured:
            items = _menu_items(request, home)
        return len(captured), {item["page_id"]: item["children"] for item in items}

    build()  # a first visit fills the caches a running site keeps warm (site root paths)
    few, _menu = build()
    for number in range(MENU_SECTION_PAGES + 3):
        for section in (in_menu, outside):
            section.add_child(instance=StandardPage(title=f"Page {number}",
                                                    slug=f"page-{number}-{section.pk}"))
    many, menu = build()
    assert many == few
    assert len(menu[in_menu.pk]) == MENU_SECTION_PAGES
    assert outside.pk not in menu

    # The pages past the menu's share are still a link away, in their section's navigation.
    from django.template import Context, Template

    last = in_menu.get_children().live().order_by("-path").first()
    request = rf.get(last.url, HTTP_HOST="localhost")
    html = Template("{% load navigation_tags %}{% section_navigation page as section %}"
                    "{% for child in section.children %}[{{ child.url }}]{% endfor %}").render(
        Context({"request": request, "page": last}))
    assert f"[{last.url}]" in html
    assert html.count("[") == in_menu.get_children().live().public().count()
