"""Accessibility: axe-core finds no serious or critical WCAG 2.1 A/AA problem on any public
template in English and Arabic, and the keyboard alone reaches everything a visitor uses."""

import re
from urllib.parse import quote_plus

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import run_axe, write_report

pytestmark = pytest.mark.e2e

LANGUAGES = ["en", "ar"]
# Every public template the English site has must exist in Arabic too, so that axe checks it
# right to left. tests/e2e/page_inventory.py finds them in the demo database: each live page
# type, and the views that are not pages (speakers, an author's publications, search results,
# the portal's account forms, the 404 page). A template the Arabic demo lacks fails the gate by
# name. Should one ever have to wait for its translation, list it here, with the reason, until
# the page exists: the gate then reports it, checks everything else, and fails again as soon as
# the page arrives so that the entry is removed. Today the Arabic demo has every template.
EXPECTED_MISSING_IN_ARABIC = set()


def templates_to_check(site):
    """{language: {template: url}} for the languages the gate covers."""
    templates = site.inventory()["templates"]
    return {language: templates.get(language, {}) for language in LANGUAGES}


def test_every_public_template_in_english_exists_in_arabic(site):
    templates = templates_to_check(site)
    missing = set(templates["en"]) - set(templates["ar"])
    unexpected = sorted(missing - EXPECTED_MISSING_IN_ARABIC)
    arrived = sorted(EXPECTED_MISSING_IN_ARABIC - missing)
    assert not unexpected and not arrived, (
        f"English templates without an Arabic page in the demo: {unexpected or 'none new'}; "
        f"now in Arabic, remove from EXPECTED_MISSING_IN_ARABIC: {arrived or 'none'}. "
        f"Still missing as expected: {sorted(missing & EXPECTED_MISSING_IN_ARABIC)}"
    )


def test_no_serious_or_critical_axe_violation_on_any_public_template(site, page):
    templates = templates_to_check(site)
    # Every English template is checked in Arabic too, apart from the documented gaps.
    for template in set(templates["en"]) - EXPECTED_MISSING_IN_ARABIC:
        assert template in templates["ar"], f"{template} has no Arabic page to check"
    results = {}
    problems = []
    for language, urls in templates.items():
        for template, url in sorted(urls.items()):
            response = page.goto(url)
            expected_status = 404 if template == "404" else 200
            if response.status != expected_status:
                problems.append(f"{url} ({template}): answered {response.status}")
            expect(page.locator("html")).to_have_attribute("lang", language)
            if template == "search.results":
                expect(page.locator(".search-result__title").first).to_be_visible()
            violations = run_axe(page)
            results[f"{language} {template}"] = {
                "url": url,
                "violations": len(violations),
                "serious_or_critical": sum(
                    v["impact"] in {"serious", "critical"} for v in violations),
                "details": violations,
            }
            for violation in violations:
                if violation["impact"] in {"serious", "critical"}:
                    problems.append(
                        f"{url} ({template}): {violation['id']} [{violation['impact']}] "
                        f"{violation['help']} at {violation['targets']}")
            # Every public page keeps to its Content-Security-Policy and runs without errors.
            problems.extend(f"{url}: {item}" for item in page.problems.take())
    write_report("axe.json", results)
    assert len(results) >= len(templates["en"]) * 2 - len(EXPECTED_MISSING_IN_ARABIC)
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


def tab_to(page, selector, presses=200):
    """Press Tab until the focus is on an element matching ``selector``; fail if it never is."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("(selector) => document.activeElement.matches(selector)", selector):
            return
    raise AssertionError(f"{presses} presses of Tab never reached {selector} on {page.url}")


def choose_and_submit_a_filter_by_keyboard(page, form, name):
    """Tab to the filter, pick its next choice with the arrow key, Tab on to the form's submit
    button and press Enter: the filtered page's address carries the choice."""
    select = f"{form} select[name='{name}']"
    tab_to(page, select)
    before = page.locator(select).input_value()
    page.keyboard.press("ArrowDown")
    chosen = page.locator(select).input_value()
    assert chosen and chosen != before, f"the arrow key did not change {select}"
    tab_to(page, f"{form} button[type='submit']")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"[?&]{name}={re.escape(quote_plus(chosen))}(&|$)"))
    expect(page.locator(select)).to_have_value(chosen)


def test_the_keyboard_alone_filters_the_lecture_archive(site, page):
    page.goto(site.page_url("en", "lectures.lectureindexpage"))
    choose_and_submit_a_filter_by_keyboard(page, "form.archive-filters", "series")
    expect(page.locator("article.entry-card").first).to_be_visible()
    assert page.problems.take() == []


def test_the_keyboard_alone_filters_the_publications(site, page):
    page.goto(site.page_url("en", "publications.publicationindexpage"))
    choose_and_submit_a_filter_by_keyboard(page, "form.filters", "series")
    assert page.problems.take() == []


def test_the_keyboard_alone_refines_a_search_by_a_facet(site, page):
    page.goto(site.inventory()["templates"]["en"]["search.results"])
    facet = ".search-facets a.facet__value"
    tab_to(page, facet)
    href = page.evaluate("() => document.activeElement.getAttribute('href')")
    key, value = href.rsplit("&", 1)[-1].split("=", 1)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/en/search/\?(.*&)?{re.escape(key)}={re.escape(value)}"))
    expect(page.locator(".search-result__title").first).to_be_visible()
    assert page.problems.take() == []


def test_the_axe_check_does_catch_a_problem(site, page):
    """Guards the gate itself: an image without alt text added to a page is reported."""
    page.goto("/en/")
    page.evaluate(
        "() => { const img = document.createElement('img'); img.src = '/static/img/logo.svg';"
        " document.querySelector('main').appendChild(img); }"
    )
    violations = {violation["id"]: violation["impact"] for violation in run_axe(page)}
    assert violations.get("image-alt") == "critical"
