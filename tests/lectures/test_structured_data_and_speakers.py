"""Search engines read each lecture and event as schema.org data; visitors find everything a
speaker took part in."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.template import Context, Template
from django.utils import timezone

from home.factories import PersonFactory
from lectures import factories


def json_ld(response):
    soup = BeautifulSoup(response.content, "html.parser")
    (script,) = soup.find_all("script", type="application/ld+json")
    return json.loads(script.string)


@pytest.fixture
def entries(index, people, topics):
    series = factories.series(index, "Civil-Military Dialogues")
    recorded = factories.lecture(
        series, "Humanitarian principles under pressure", when=datetime.datetime(2025, 2, 3, 18, 0),
        speakers=[people["amara"], (people["jonas"], "chair")], venue_name="Leiden University",
        venue_address="Rapenburg 70", venue_postal_code="2311 EZ", venue_city="Leiden",
        venue_country="Netherlands", video_url="https://youtu.be/dQw4w9WgXcQ",
        duration=datetime.timedelta(hours=1, minutes=2, seconds=3), topics=[topics["poc"]],
    )
    online = factories.lecture(
        series, "Coordination cells online", when=datetime.datetime(2025, 6, 3, 18, 0),
        speakers=[people["lea"]], attendance="online", online_url="https://meet.example.org/x",
        status="cancelled",
    )
    symposium = factories.event(
        index, "Symposium on civilian harm", "symposium", datetime.datetime(2024, 10, 1, 9, 0),
        speakers=[people["amara"]], venue_name="Ulm Minster Hall", venue_city="Ulm",
        venue_country="Germany", end_date=datetime.date(2024, 10, 2), end_time=datetime.time(17, 0),
    )
    return {"recorded": recorded, "online": online, "symposium": symposium}


def test_a_recorded_lecture_is_an_event_at_a_place_with_a_video(client, entries):
    data = json_ld(client.get(entries["recorded"].url))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] in {"Event", "EducationEvent"}
    assert data["startDate"] == "2025-02-03T18:00:00+01:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["addressLocality"] == "Leiden"
    assert [p["name"] for p in data["performer"]] == ["Amara Okafor", "Jonas Weber"]
    video = data["recordedIn"]
    assert video["@type"] == "VideoObject"
    assert video["embedUrl"] == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    assert video["duration"] == "PT1H2M3S"


def test_an_online_cancelled_lecture_says_so(client, entries):
    data = json_ld(client.get(entries["online"].url))
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://meet.example.org/x"}
    assert "recordedIn" not in data


def test_json_ld_cannot_break_out_of_its_script(client, index, people):
    series = factories.series(index, "Escapes")
    lecture = factories.lecture(series, "</script><script>alert(1)</script>", slug="escape",
                                speakers=[people["lea"]])
    response = client.get(lecture.url)
    assert b"<script>alert(1)" not in response.content
    assert json_ld(response)["name"] == "</script><script>alert(1)</script>"


def test_the_speaker_page_lists_everything_a_person_spoke_at(client, index, entries, people):
    response = client.get(f"{index.url}speakers/amara-okafor/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text(strip=True) == "Amara Okafor"
    listed = [a.get_text(strip=True) for a in soup.select(".entry-card__title a")]
    assert listed == ["Humanitarian principles under pressure", "Symposium on civilian harm"]
    # Speaker names on the lecture page link to the speaker page.
    lecture = BeautifulSoup(client.get(entries["recorded"].url).content, "html.parser")
    assert lecture.find("a", string="Amara Okafor")["href"] == f"{index.url}speakers/amara-okafor/"
    overview = client.get(f"{index.url}speakers/")
    assert overview.status_code == 200 and "Léa Martin" in overview.content.decode()


def test_unknown_speakers_are_a_404(client, index, entries):
    assert client.get(f"{index.url}speakers/nobody-here/").status_code == 404


def test_event_pages_show_fees_programme_and_certificate(client, index, people):
    from wagtail.blocks import StreamValue

    from lectures.blocks import ProgrammeBlock

    year = timezone.now().year + 1
    course = factories.event(
        index, "Civil-military coordination in peacekeeping", "training",
        datetime.datetime(year, 5, 4, 9, 0), end_date=datetime.date(year, 5, 8),
        end_time=datetime.time(16, 30), venue_name="Training Centre", venue_city="Ulm",
        capacity=24, registration_url="https://forms.example.org/course",
        certificate_note="A certificate of attendance after all eight modules.",
        fees=[("fee", {"category": "Practitioners", "amount": "450.00", "currency": "EUR", "note": ""})],
        programme=StreamValue(ProgrammeBlock(), [
            ("module", {"number": n, "title": f"Module title {n}", "day": (n + 1) // 2,
                        "learning_outcomes": ""}) for n in range(1, 9)
        ]),
        speakers=[(people["jonas"], "trainer")],
    )
    response = client.get(course.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("Module title") == 8
    assert "450 EUR" in html or "450.00 EUR" in html
    assert "Limited to 24 participants." in html
    assert "https://forms.example.org/course" in html
    assert "certificate of attendance" in html
    data = json_ld(response)
    assert data["offers"][0]["price"] == "450.00"
    assert data["endDate"].startswith(f"{year}-05-08T16:30")


def test_home_and_topic_pages_can_list_lectures(rf, index, entries, topics, people, django_assert_max_num_queries):
    year = timezone.now().year + 1
    series = factories.series(index, "Upcoming series")
    factories.lecture(series, "Next year's lecture", when=datetime.datetime(year, 1, 20, 18, 0),
                      speakers=[people["lea"]], topics=[topics["poc"]])
    request = rf.get("/en/")
    with django_assert_max_num_queries(8):
        html = Template("{% load lectures_tags %}{% upcoming_lectures 3 %}").render(
            Context({"request": request}))
    assert "Next year&#x27;s lecture" in html and "Humanitarian principles" not in html
    with django_assert_max_num_queries(8):
        topic_html = Template("{% load lectures_tags %}{% topic_entries topic %}").render(
            Context({"request": request, "topic": topics["poc"]}))
    assert "Humanitarian principles under pressure" in topic_html
    assert "Next year&#x27;s lecture" in topic_html
    assert "Coordination cells online" not in topic_html


def test_a_symposium_shows_its_programme_day_by_day(client, index, people):
    symposium = factories.event(
        index, "Two-day symposium", "symposium", datetime.datetime(2025, 9, 18, 9, 30),
        end_date=datetime.date(2025, 9, 19), end_time=datetime.time(12, 30),
        programme=[("day", {"date": datetime.date(2025, 9, 18), "title": "Understanding harm", "sessions": [
            {"starts": datetime.time(9, 30), "ends": datetime.time(10, 0), "title": "Opening",
             "speakers": "Amara Okafor", "description": "Welcome words."},
        ]})],
        speakers=[(people["amara"], "keynote")],
    )
    response = client.get(symposium.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    day = soup.select_one(".programme-day h3").get_text(" ", strip=True)
    assert day.startswith("Thursday") and "Understanding harm" in day
    assert "09:30–10:00" in soup.select_one(".programme-session__time").get_text()
    assert "(Keynote speaker)" in soup.select_one(".entry-speakers").get_text()


def test_a_lecture_page_costs_the_same_queries_with_one_speaker_or_six(
    client, index, people, django_assert_max_num_queries
):
    series = factories.series(index, "Panels")
    few = factories.lecture(series, "Small panel", speakers=[people["amara"]],
                            video_url="https://youtu.be/dQw4w9WgXcQ")
    many_people = [PersonFactory(name=f"Panellist {n}") for n in range(6)]
    many = factories.lecture(series, "Large panel", speakers=many_people,
                             video_url="https://youtu.be/dQw4w9WgXcQ")
    client.get(few.url)
    with django_assert_max_num_queries(25) as small:
        assert client.get(few.url).status_code == 200
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(many.url).status_code == 200


def test_a_recording_without_a_poster_still_has_a_local_thumbnail(client, entries):
    data = json_ld(client.get(entries["recorded"].url))
    video = data["recordedIn"]
    assert not entries["recorded"].video_poster_id
    # A raster image of the site's own (search engines take no SVG), never the host's thumbnail.
    assert video["thumbnailUrl"] == "http://testserver/static/img/jcmi-share.png"
    assert data["image"] == [video["thumbnailUrl"]]


def test_a_series_image_illustrates_its_lectures_and_events_name_their_organiser(
        client, entries, index, people):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    series = entries["recorded"].get_parent().specific
    series.image = get_image_model().objects.create(title="Dialogues", file=get_test_image_file())
    series.save_revision().publish()
    data = json_ld(client.get(entries["recorded"].url))
    assert data["image"][0].startswith("http://testserver/") and ".fill-1280x720" in data["image"][0]
    assert data["recordedIn"]["thumbnailUrl"] == data["image"][0]
    assert data["organizer"]["url"] == "http://testserver" + index.get_parent().url
    assert data["organizer"]["name"]

    event = factories.event(
        index, "Winter course", "training", datetime.datetime(2030, 1, 7, 9, 0),
        venue_name="Training Centre", venue_city="Ulm", venue_country="Germany",
        fees=[("fee", {"category": "Standard", "amount": "450.00", "currency": "EUR", "note": ""})])
    offer = json_ld(client.get(event.url))["offers"][0]
    assert offer["url"] == "http://testserver" + event.url  # no registration site: its own page
    assert offer["price"] == "450.00" and offer["priceCurrency"] == "EUR" and offer["validFrom"]


def canonical(response):
    soup = BeautifulSoup(response.content, "html.parser")
    (link,) = soup.find_all("link", rel="canonical")
    return link["href"]


def test_speaker_pages_name_themselves_as_canonical(client, index, entries):
    assert canonical(client.get(f"{index.url}speakers/")) == (
        f"http://testserver{index.url}speakers/"
    )
    assert canonical(client.get(f"{index.url}speakers/amara-okafor/")) == (
        f"http://testserver{index.url}speakers/amara-okafor/"
    )


def test_a_course_shows_its_daily_hours_and_a_symposium_its_first_and_last_times(
    client, index, people
):
    from django.utils import formats

    from lectures.templatetags.lectures_tags import entry_when

    def day(date):
        return formats.date_format(date, "DATE_FORMAT")

    may_4, may_8 = datetime.date(2026, 5, 4), datetime.date(2026, 5, 8)
    course = factories.event(
        index, "Five-day course", "training", datetime.datetime.combine(may_4, datetime.time(9)),
        end_date=may_8, end_time=datetime.time(16, 30),
    )
    expected = f"{day(may_4)} – {day(may_8)}, daily 09:00–16:30 CEST"
    assert f">{expected}<" in entry_when(course)
    assert expected in client.get(course.url).content.decode()
    sept_18, sept_19 = datetime.date(2026, 9, 18), datetime.date(2026, 9, 19)
    symposium = factories.event(
        index, "Two days", "symposium", datetime.datetime.combine(sept_18, datetime.time(9, 30)),
        end_date=sept_19, end_time=datetime.time(12, 30),
    )
    assert f">{day(sept_18)}, 09:30 – {day(sept_19)}, 12:30 CEST<" in entry_when(symposium)
    open_ended = factories.event(
        index, "Open end", "workshop", datetime.datetime.combine(sept_18, datetime.time(9, 30)),
        end_date=sept_19,
    )
    assert f">{day(sept_18)} – {day(sept_19)}<" in entry_when(open_ended)


def test_a_shared_speaker_page_is_titled_with_the_speaker_not_the_archive(client, index, entries):
    soup = BeautifulSoup(client.get(f"{index.url}speakers/amara-okafor/").content, "html.parser")

    def meta(**attrs):
        return soup.find("meta", attrs=attrs)["content"]

    assert meta(property="og:title") == meta(name="twitter:title") == "Amara Okafor"
    assert meta(property="og:description") == meta(name="description") == "University of Lagos"
    archive = BeautifulSoup(client.get(index.url).content, "html.parser")
    assert archive.find("meta", property="og:title")["content"] == index.title
    assert archive.find("meta", attrs={"name": "twitter:title"})["content"] == index.title


def test_lectures_and_events_use_only_their_types_properties(client, entries, index, people):
    """Checked against schema.org's own vocabulary (publications/schemas/schemaorg)."""
    from publications import schemas

    course = factories.event(
        index, "Spring course", "training", datetime.datetime(2030, 4, 7, 9, 0),
        venue_name="Training Centre", venue_city="Ulm", venue_country="Germany",
        registration_url="https://forms.example.org/course",
        fees=[("fee", {"category": "Standard", "amount": "450.00", "currency": "EUR", "note": ""})],
        speakers=[(people["jonas"], "trainer")])
    for page in (*entries.values(), course):
        data = json_ld(client.get(page.url))
        problems = schemas.schema_org().problems(data)
        assert problems == [], f"{page.title}:\n" + "\n".join(problems)
    assert json_ld(client.get(entries["recorded"].url))["recordedIn"]["@type"] == "VideoObject"
