"""A visitor reads the site in French, finds a recorded lecture, agrees to load its video, and
finds a publication through the site search."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

VIDEO_HOSTS = re.compile(r"youtube|ytimg|vimeo", re.IGNORECASE)
# The French version of the demo's "Nine Principles in Practice" (publications/demo.py).
PUBLICATION_TITLE = "Les neuf principes à l'épreuve"


def test_visitor_reads_in_french_watches_a_lecture_and_finds_a_publication(page):
    requests = []
    page.on("request", lambda request: requests.append(request.url))

    # The visitor arrives on the English home page and switches to French.
    page.goto("/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_role("navigation", name="Languages").locator("a[hreflang='fr']").click()
    page.wait_for_url(re.compile(r"/fr/$"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")

    # The lecture archive, filtered to the lectures with a recording.
    page.goto("/fr/lectures/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    count = page.locator(".archive-count")
    unfiltered = count.inner_text()
    # Controls are found by their names, not their words: the words depend on whether the
    # French catalogue is compiled (`make messages`), the journey does not.
    filters = page.locator("form.archive-filters")
    filters.locator("select[name='video']").select_option("1")
    filters.locator("button[type='submit']").click()
    page.wait_for_url(re.compile(r"/fr/lectures/\?(.*&)?video=1(&|$)"))
    expect(filters.locator("select[name='video']")).to_have_value("1")
    # The filter is kept: in the address, and in the link that clears it.
    expect(filters.locator("a[href='/fr/lectures/']")).to_be_visible()
    expect(count).not_to_have_text(unfiltered)
    cards = page.locator("article.entry-card")
    expect(cards.first).to_be_visible()
    # Every lecture left in the list is marked as having a recording.
    for card in cards.all():
        expect(card.locator(".entry-card__badge")).to_be_visible()

    # A lecture of the filtered list has a recording behind a click-to-load facade.
    cards.first.locator(".entry-card__title a").click()
    page.wait_for_load_state()
    assert "/fr/lectures/" in page.url
    facade = page.locator("[data-video-facade]")
    expect(facade).to_be_visible()
    expect(facade.locator("[data-video-play]")).to_be_visible()
    expect(facade.locator("iframe")).to_have_count(0)
    assert [url for url in requests if VIDEO_HOSTS.search(url)] == []

    # The visitor accepts "External media" in the cookie notice: the player appears.
    notice = page.locator("#cookie-notice")
    expect(notice).to_be_visible()
    notice.locator("summary").click()
    notice.locator("#consent-video").check()
    notice.locator("button[name='choice'][value='selected']").click()
    player = page.locator("[data-video-facade] iframe")
    expect(player).to_have_attribute(
        "src",
        re.compile(r"^https://(www\.youtube-nocookie\.com/embed/|player\.vimeo\.com/video/)"),
    )

    # The visitor searches the site from the header for a word of a publication's title.
    search = page.locator("form.site-search input[name='q']")
    search.fill("principes")
    search.press("Enter")
    page.wait_for_url(re.compile(r"/fr/search/\?(.*&)?q=principes"))
    results = page.locator(".search-result__title")
    results.get_by_role("link", name=PUBLICATION_TITLE, exact=True).click()
    page.wait_for_url(re.compile(r"/fr/publications/white-papers/nine-principles-in-practice/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(PUBLICATION_TITLE)
    expect(page.locator("a[href$='cite.bib']")).to_be_visible()
    assert page.problems.take() == []
