"""In a real browser (Debian's Chromium), the lecture page asks nothing of the video host until
the visitor presses play or a chapter, or has accepted video cookies.

The page is rendered by Django's test client and handed to Chromium through request
interception, with the site's static files read from disk: no server thread and no
transactional database (which would empty the reusable test database), and nothing leaves
the machine.
"""

import datetime
import mimetypes
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.staticfiles import finders

from lectures import factories
from lectures.blocks import ChaptersBlock

playwright = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.e2e

ORIGIN = "http://jcmi.test"
VIDEO_HOSTS = ("youtube", "ytimg", "vimeo", "googlevideo", "doubleclick")


@pytest.fixture
def lecture_page(client, index, people):
    series = factories.series(index, "Civil-Military Dialogues")
    lecture = factories.lecture(
        series, "Coordination after the floods", when=datetime.datetime(2025, 3, 4, 18, 0),
        speakers=[people["amara"]],
        video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        chapters=ChaptersBlock().to_python([
            {"type": "chapter", "value": {"time": "0:00", "title": "Welcome"}},
            {"type": "chapter", "value": {"time": "4:05", "title": "The floods"}},
        ]),
        transcript="The floods tested every coordination cell.\n\nThank you for coming.",
    )
    response = client.get(lecture.url)
    assert response.status_code == 200
    return lecture.url, response.content


# A stand-in for the video host's player page: it records the messages the site sends it.
PLAYER_STUB = (
    "<!doctype html><title>player</title><script>window.received = [];"
    "addEventListener('message', function (event) { window.received.push(event.data); });"
    "</script>"
)


def open_browser(path, html, stub_players=False):
    """Chromium with the page at ``path``; requests to video hosts are recorded in
    ``page.third_party`` and refused, or answered by PLAYER_STUB when ``stub_players``."""
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page()
        third_party = []

        def serve(route):
            url = route.request.url
            parts = urlsplit(url)
            if any(host in (parts.hostname or "") for host in VIDEO_HOSTS):
                third_party.append(url)
                if stub_players:
                    route.fulfill(status=200, body=PLAYER_STUB, content_type="text/html")
                else:
                    route.abort()  # a test never reaches the host
            elif url.startswith(ORIGIN) and parts.path == path:
                route.fulfill(status=200, body=html, content_type="text/html; charset=utf-8")
            elif url.startswith(ORIGIN + "/static/") and finders.find(parts.path[len("/static/"):]):
                file = Path(finders.find(parts.path[len("/static/"):]))
                route.fulfill(status=200, body=file.read_bytes(),
                              content_type=mimetypes.guess_type(file.name)[0] or "application/octet-stream")
            else:
                if not url.startswith(ORIGIN):
                    third_party.append(url)
                route.fulfill(status=404, body="")

        page.route("**/*", serve)
        page.third_party = third_party
        page.lecture_url = ORIGIN + path
        yield page
        browser.close()


@pytest.fixture
def browser_page(lecture_page):
    # The content is made first: Django refuses ORM calls once Playwright's event loop runs.
    yield from open_browser(*lecture_page)


def test_nothing_loads_from_the_host_until_the_visitor_presses_play(browser_page):
    page = browser_page
    page.goto(page.lecture_url, wait_until="networkidle")
    assert page.third_party == []
    assert page.locator("iframe").count() == 0
    page.get_by_role("button", name="Play “Coordination after the floods”").click()
    frame = page.locator("iframe[data-video-frame]")
    playwright.expect(frame).to_have_attribute(
        "src", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0&autoplay=1"
    )
    page.wait_for_timeout(300)
    assert all("youtube-nocookie.com" in url for url in page.third_party)
    # A chapter reloads the player at its timestamp.
    page.get_by_role("button", name="4:05 The floods").click()
    playwright.expect(frame).to_have_attribute("src", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0&autoplay=1&start=245")


def test_accepted_video_cookies_load_the_player_without_a_click(browser_page):
    page = browser_page
    # The base template now loads the real consent API (consent.js), which replaces any stub:
    # give it a stored consent cookie that accepts the video category.
    page.add_init_script("document.cookie = 'jcmi_consent=necessary,video; path=/';")
    page.goto(page.lecture_url)
    playwright.expect(page.locator("iframe[data-video-frame]")).to_have_attribute(
        "src", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0"
    )


def test_accepting_video_cookies_in_the_notice_loads_the_player(browser_page):
    page = browser_page
    page.goto(page.lecture_url, wait_until="networkidle")
    page.evaluate("document.dispatchEvent(new CustomEvent('jcmi:consent', {detail: {categories: ['performance']}}))")
    page.wait_for_timeout(200)
    assert page.locator("iframe").count() == 0 and page.third_party == []
    page.evaluate("document.dispatchEvent(new CustomEvent('jcmi:consent', {detail: {categories: ['video']}}))")
    playwright.expect(page.locator("iframe[data-video-frame]")).to_have_count(1)


def test_the_transcript_can_be_searched_on_the_page(browser_page):
    page = browser_page
    page.goto(page.lecture_url)
    page.get_by_label("Find in the transcript").fill("coordination cell")
    playwright.expect(page.get_by_text("The floods tested every coordination cell.")).to_be_visible()
    playwright.expect(page.get_by_text("Thank you for coming.")).to_be_hidden()


@pytest.fixture
def vimeo_page(client, index, people):
    series = factories.series(index, "Vimeo series")
    lecture = factories.lecture(
        series, "Vimeo talk", speakers=[people["lea"]], video_url="https://vimeo.com/76979871",
        chapters=ChaptersBlock().to_python([
            {"type": "chapter", "value": {"time": "0:00", "title": "Welcome"}},
            {"type": "chapter", "value": {"time": "2:00", "title": "Start"}},
        ]),
    )
    response = client.get(lecture.url)
    assert response.status_code == 200
    yield from open_browser(lecture.url, response.content, stub_players=True)


def test_a_vimeo_chapter_seeks_the_loaded_player(vimeo_page):
    page = vimeo_page
    page.goto(page.lecture_url, wait_until="networkidle")
    assert page.third_party == []
    page.get_by_role("button", name="Play “Vimeo talk”").click()
    frame = page.locator("iframe[data-video-frame]")
    playwright.expect(frame).to_have_attribute(
        "src", "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1"
    )
    playwright.expect(frame).to_have_attribute("data-video-ready", "")
    # Only the #t= fragment would change, which reloads nothing: the player is told to seek.
    page.get_by_role("button", name="2:00 Start").click()
    (player,) = [f for f in page.frames if f.url.startswith("https://player.vimeo.com/")]
    player.wait_for_function("window.received.length >= 2", timeout=5000)
    assert player.evaluate("window.received") == [
        {"method": "setCurrentTime", "value": 120}, {"method": "play"},
    ]
    assert page.third_party == ["https://player.vimeo.com/video/76979871?dnt=1&autoplay=1"]


def test_a_vimeo_chapter_before_play_loads_the_player_at_the_chapter(vimeo_page):
    page = vimeo_page
    page.goto(page.lecture_url, wait_until="networkidle")
    page.get_by_role("button", name="2:00 Start").click()
    playwright.expect(page.locator("iframe[data-video-frame]")).to_have_attribute(
        "src", "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1#t=120s"
    )


@pytest.fixture
def body_video_page(client, video_page):
    """A StandardPage, not a lecture, with a video block in its body."""
    page = video_page("https://www.youtube.com/watch?v=dQw4w9WgXcQ", title="Our film on the floods")
    response = client.get(page.url)
    assert response.status_code == 200
    yield from open_browser(page.url, response.content)


def test_a_video_block_in_a_page_body_plays_after_load_the_video(body_video_page):
    page = body_video_page
    page.goto(page.lecture_url, wait_until="networkidle")
    assert page.third_party == [] and page.locator("iframe").count() == 0
    page.get_by_role("button", name="Load the video").click()
    # One click asked for the video: the player loads, no second (inert) button is left.
    frame = page.locator("iframe[data-video-frame]")
    playwright.expect(frame).to_have_attribute(
        "src", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0&autoplay=1"
    )
    playwright.expect(frame).to_have_attribute("title", "Our film on the floods")
    playwright.expect(page.locator("[data-video-play]")).to_have_count(0)
    page.wait_for_timeout(300)
    assert all("youtube-nocookie.com" in url for url in page.third_party)


def test_a_video_block_loads_without_a_click_once_video_cookies_are_accepted(body_video_page):
    page = body_video_page
    page.add_init_script("document.cookie = 'jcmi_consent=necessary,video; path=/';")
    page.goto(page.lecture_url)
    playwright.expect(page.locator("iframe[data-video-frame]")).to_have_attribute(
        "src", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0"
    )
