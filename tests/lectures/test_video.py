"""Videos play privately: players are built offline, and nothing loads from the host before the
visitor clicks or has accepted video cookies."""

import datetime
import socket
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.embeds import embeds
from wagtail.embeds.exceptions import EmbedUnsupportedProviderException

from lectures import factories
from lectures.blocks import ChaptersBlock
from lectures.video import parse_video_url

# Elements whose address a browser fetches as soon as the HTML arrives.
LOADING_ATTRIBUTES = {
    "iframe": ["src"], "img": ["src", "srcset"], "script": ["src"], "link": ["href"],
    "source": ["src", "srcset"], "video": ["src", "poster"], "audio": ["src"],
    "embed": ["src"], "object": ["data"], "track": ["src"],
}
VIDEO_HOSTS = ("youtube", "ytimg", "vimeo", "vimeocdn", "googlevideo")


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a socket fails the test: rendering must work offline."""

    def refuse(*args, **kwargs):
        raise AssertionError("tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.mark.parametrize("url, provider, video_id", [
    ("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42", "youtube", "dQw4w9WgXcQ"),
    ("https://youtu.be/dQw4w9WgXcQ?si=abc", "youtube", "dQw4w9WgXcQ"),
    ("https://www.youtube.com/embed/dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ"),
    ("https://www.youtube.com/shorts/dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ"),
    ("https://vimeo.com/76979871", "vimeo", "76979871"),
    ("https://player.vimeo.com/video/76979871?h=abc", "vimeo", "76979871"),
    ("https://vimeo.com/channels/staffpicks/76979871", "vimeo", "76979871"),
])
def test_video_addresses_are_read_without_the_network(no_network, url, provider, video_id):
    source = parse_video_url(url)
    assert (source.provider, source.video_id) == (provider, video_id)
    host = urlsplit(source.embed_url).hostname
    assert host == {"youtube": "www.youtube-nocookie.com", "vimeo": "player.vimeo.com"}[provider]


@pytest.mark.parametrize("url", [
    "https://example.org/watch?v=dQw4w9WgXcQ", "https://www.youtube.com/watch?v=short",
    "javascript:alert(1)", "https://vimeo.com/about", "", "not a url",
])
def test_other_addresses_are_not_taken_for_videos(url):
    assert parse_video_url(url) is None


def test_the_project_finder_builds_the_embed_offline_as_a_facade(db, no_network):
    embed = embeds.get_embed("https://vimeo.com/76979871")
    assert embed.provider_name == "Vimeo"
    assert embed.thumbnail_url == ""  # never the host's thumbnail
    soup = BeautifulSoup(embed.html, "html.parser")
    assert soup.find("iframe") is None
    facade = soup.select_one("[data-video-facade]")
    assert facade["data-embed-src"] == "https://player.vimeo.com/video/76979871?dnt=1"
    assert facade["data-play-src"] == "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1"


def test_unknown_providers_are_not_fetched_when_offline(db, settings):
    settings.WAGTAILEMBEDS_FINDERS = [{"class": "lectures.embeds.PrivacyVideoFinder"}]
    from wagtail.embeds.finders import get_finders

    get_finders.cache_clear()
    try:
        with pytest.raises(EmbedUnsupportedProviderException):
            embeds.get_embed("https://example.org/some-video")
    finally:
        get_finders.cache_clear()


@pytest.fixture
def recorded_lecture(index, people, topics):
    series = factories.series(index, "Civil-Military Dialogues")
    return factories.lecture(
        series, "Coordination in disaster response", when=datetime.datetime(2025, 11, 4, 18, 0),
        speakers=[people["amara"]], topics=[topics["poc"]],
        video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        duration=datetime.timedelta(minutes=58, seconds=12),
        chapters=ChaptersBlock().to_python([
            {"type": "chapter", "value": {"time": "0:00", "title": "Welcome"}},
            {"type": "chapter", "value": {"time": "4:05", "title": "The case of the 2023 floods"}},
            {"type": "chapter", "value": {"time": "1:02:30", "title": "Questions"}},
        ]),
        transcript="Good evening and welcome.\n\nThe floods tested every coordination cell.",
    )


def test_the_lecture_page_loads_nothing_from_the_video_host_before_consent(
    client, recorded_lecture, no_network
):
    response = client.get(recorded_lecture.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("iframe") is None
    assert_nothing_loads_from_a_video_host(soup)
    # Host addresses appear only in the facade's data attributes and the JSON-LD data block.
    for ld in soup.find_all("script", type="application/ld+json"):
        ld.decompose()
    # ...and in the link to the video on the host's site, for visitors without JavaScript: a
    # link asks nothing of the host until it is followed.
    fallback = soup.select_one(".video-facade__link a")
    assert fallback["href"] == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    fallback.decompose()
    for element in soup.find_all(True):
        for attribute, value in element.attrs.items():
            text = " ".join(value) if isinstance(value, list) else value
            if any(host in text for host in VIDEO_HOSTS):
                assert attribute.startswith("data-"), f"{element.name} {attribute}={text}"
    assert not any(host in soup.get_text() for host in ("youtube.com", "vimeo.com"))
    facade = soup.select_one("[data-video-facade]")
    assert facade["data-embed-src"].startswith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
    assert "autoplay=1" in facade["data-play-src"]
    assert soup.select_one("[data-video-play]").get_text(strip=True).endswith(
        "“Coordination in disaster response”"
    )
    poster = facade.select_one("img.video-facade__poster")
    assert poster["src"].startswith("/static/")
    # The base template loads its own local scripts (consent, search) too; the facade's is one of them.
    scripts = soup.find_all("script", src=True)
    assert all(urlsplit(s["src"]).hostname in (None, "testserver", "localhost") for s in scripts)
    facade_script = [s for s in scripts if s["src"].endswith("js/video-facade.js")]
    assert len(facade_script) == 1 and not facade_script[0].string


def assert_nothing_loads_from_a_video_host(soup):
    for tag, attributes in LOADING_ATTRIBUTES.items():
        for element in soup.find_all(tag):
            for attribute in attributes:
                value = element.get(attribute) or ""
                host = urlsplit(value.split()[0]).hostname if value else None
                assert host in (None, "testserver", "localhost"), f"<{tag} {attribute}={value}>"


@pytest.mark.parametrize("title, expected", [("Our film on the floods", "Our film on the floods"),
                                             ("", "Video")])
def test_a_video_block_in_a_page_body_has_a_title_a_local_poster_and_its_script(
    client, video_page, no_network, title, expected
):
    page = video_page("https://vimeo.com/76979871", title=title)
    response = client.get(page.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert_nothing_loads_from_a_video_host(soup)
    # The player's facade waits in the consent template until "Load the video" or consent.
    template = soup.select_one("[data-consent-holder] template[data-consent-category=video]")
    facade = BeautifulSoup(template.decode_contents(), "html.parser").select_one(
        "[data-video-facade]")
    assert facade["data-title"] == expected  # the player iframe's title
    assert facade["data-play-src"] == "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1"
    assert facade.select_one("[data-video-play]").get_text(strip=True) == f"▶ {expected}"
    assert facade.select_one("img.video-facade__poster")["src"].startswith("/static/")
    assert soup.select_one("img.video-embed__poster")["src"].startswith("/static/")
    # The script that turns the facade into the player is on every page, once.
    scripts = [s["src"] for s in soup.find_all("script", src=True)]
    assert len([src for src in scripts if src.endswith("js/video-facade.js")]) == 1


def test_the_video_word_of_an_untitled_block_is_in_the_page_language(home, no_network):
    from django.utils import translation

    from cms.blocks import VideoEmbedBlock

    block = VideoEmbedBlock()
    value = block.to_python({"video": "https://youtu.be/dQw4w9WgXcQ", "title": ""})
    with translation.override("fr"):
        expected = translation.gettext("Video")
        html = block.render(value)
    assert f'data-title="{expected}"' in html


def test_chapters_jump_to_their_timestamp(client, recorded_lecture):
    soup = BeautifulSoup(client.get(recorded_lecture.url).content, "html.parser")
    jumps = soup.select("[data-video-seek]")
    assert [j["data-video-seek"] for j in jumps] == ["0", "245", "3750"]
    assert "start=245" in jumps[1]["data-play-src"]
    assert jumps[2].select_one(".entry-chapters__time").get_text() == "1:02:30"


def test_vimeo_chapters_use_the_time_fragment_and_do_not_track(index):
    series = factories.series(index, "Vimeo series")
    lecture = factories.lecture(
        series, "Vimeo talk", video_url="https://vimeo.com/76979871",
        chapters=ChaptersBlock().to_python([
            {"type": "chapter", "value": {"time": "2:00", "title": "Start"}},
        ]),
    )
    context = lecture.get_context(_request(lecture))
    assert context["chapters"][0]["play_src"] == (
        "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1#t=120s"
    )


def _request(page):
    from django.test import RequestFactory

    request = RequestFactory().get(page.url)
    return request


def test_the_transcript_is_on_the_page_and_in_search(client, recorded_lecture):
    html = client.get(recorded_lecture.url).content.decode()
    assert "The floods tested every coordination cell." in html
    from lectures.models import CalendarEntryPage

    found = CalendarEntryPage.objects.live().search("floods coordination")
    assert recorded_lecture.pk in [page.pk for page in found]


def test_editors_get_a_clear_error_for_a_video_address_we_cannot_play(index, no_network, settings):
    settings.WAGTAILEMBEDS_FINDERS = [{"class": "lectures.embeds.PrivacyVideoFinder"}]
    from wagtail.embeds.finders import get_finders

    get_finders.cache_clear()
    series = factories.series(index, "Checks")
    lecture = factories.lecture(series, "A talk")
    lecture.video_url = "https://example.org/not-a-video"
    try:
        with pytest.raises(ValidationError) as error:
            lecture.full_clean()
    finally:
        get_finders.cache_clear()
    assert "video_url" in error.value.message_dict


def test_chapters_must_be_valid_times_in_order():
    block = ChaptersBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python([{"type": "chapter", "value": {"time": "soon", "title": "x"}}]))
    with pytest.raises(ValidationError):
        block.clean(block.to_python([
            {"type": "chapter", "value": {"time": "5:00", "title": "b"}},
            {"type": "chapter", "value": {"time": "1:00", "title": "a"}},
        ]))
