"""Accessibility: axe-core finds no serious or critical WCAG 2.1 A/AA problem on any public
template in English and Arabic, and the keyboard alone reaches everything a visitor uses."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import run_axe, write_report

pytestmark = pytest.mark.e2e

# Public views that are not Wagtail pages. Those whose app has not landed answer 404 and are
# left out by the check below; any other answer is tested.
NON_PAGE_PATHS = [
    "/{lang}/portal/login/",
    "/{lang}/portal/register/",
    "/{lang}/portal/password-reset/",
    "/{lang}/search/?q=civil",
    "/{lang}/lectures/",
    "/{lang}/publications/",
    "/{lang}/no-such-page-here/",  # the 404 page is a template too
]
LANGUAGES = ["en", "ar"]


def public_urls(site, page):
    pages = site.inventory()["pages"]
    urls = {}
    for language in LANGUAGES:
        for page_type, url in pages.get(language, {}).items():
            urls[url] = page_type
        for path in NON_PAGE_PATHS:
            url = path.format(lang=language)
            status = page.request.get(url).status
            if status != 404 or "no-such-page" in url:
                urls[url] = "view"
    return urls


def test_no_serious_or_critical_axe_violation_on_any_public_template(site, page):
    results = {}
    problems = []
    for url, page_type in public_urls(site, page).items():
        page.goto(url)
        violations = run_axe(page)
        results[url] = {"template": page_type, "violations": violations}
        for violation in violations:
            if violation["impact"] in {"serious", "critical"}:
                problems.append(f"{url} ({page_type}): {violation['id']} [{violation['impact']}] "
                                f"{violation['help']} at {violation['targets']}")
        # Every public page keeps to its Content-Security-Policy and runs without errors.
        problems.extend(f"{url}: {item}" for item in page.problems.take())
    write_report("axe.json", results)
    assert len(results) >= 6
    assert any(url.startswith("/ar/") for url in results)
    assert problems == [], "\n".join(problems)


def test_arabic_pages_render_right_to_left(site, page):
    page.goto("/ar/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")


def focused(page):
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            return {
                tag: el.tagName.toLowerCase(),
                id: el.id,
                text: (el.innerText || el.value || "").trim().slice(0, 40),
                where: el.closest("nav, form, header, footer, section, main")?.className || "",
                name: el.getAttribute("name") || "",
            };
        }"""
    )


def tab_through(page, presses=120):
    stops = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        stops.append(focused(page))
    return stops


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_keyboard_alone_reaches_menu_language_switcher_search_and_cookie_choices(
    site, page, language
):
    page.goto(f"/{language}/")
    stops = tab_through(page)
    assert "skip-link" in page.evaluate("() => document.querySelector('.skip-link').className")
    assert stops[0]["text"] and stops[0]["tag"] == "a"  # the skip link comes first
    assert any(stop["id"] == "site-search-q" for stop in stops), "search box not reached"
    assert any("main-nav" in stop["where"] and stop["tag"] == "a" for stop in stops), (
        "main menu not reached"
    )
    assert any("language-switcher" in stop["where"] for stop in stops), (
        "language switcher not reached"
    )
    assert any(stop["tag"] == "button" and "consent" in stop["where"] for stop in stops), (
        "cookie choices not reached"
    )

    # The skip link really skips: Enter on it moves focus into the main content.
    page.goto(f"/{language}/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"


def test_the_keyboard_alone_fills_and_sends_the_contact_form(site, page):
    page.goto(site.page_url("en", "home.contactpage"))
    stops = tab_through(page)
    form_fields = [stop for stop in stops if stop["name"] and stop["tag"] in
                   {"input", "textarea", "select"} and stop["id"] != "site-search-q"]
    assert form_fields, "no form field reached by keyboard"
    assert any(stop["tag"] == "button" and "form" in stop["where"] for stop in stops)


def test_the_axe_check_does_catch_a_problem(site, page):
    """Guards the gate itself: an image without alt text added to a page is reported."""
    page.goto("/en/")
    page.evaluate(
        "() => { const img = document.createElement('img'); img.src = '/static/img/logo.svg';"
        " document.querySelector('main').appendChild(img); }"
    )
    violations = {violation["id"]: violation["impact"] for violation in run_axe(page)}
    assert violations.get("image-alt") == "critical"
