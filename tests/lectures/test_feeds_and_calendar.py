"""Subscribers follow the archive: a feed that real feed readers parse, and calendars whose
times are right across time zones and daylight-saving changes."""

import calendar
import datetime
import zoneinfo

import feedparser
import icalendar
import pytest

from home.factories import site_home
from lectures import factories
from lectures.models import CalendarEntryPage

UTC = datetime.UTC


def last_sunday_of_march(year):
    day = datetime.date(year, 3, 31)
    return day - datetime.timedelta(days=(day.weekday() + 1) % 7)


@pytest.fixture
def programme(index, people):
    """Upcoming lectures on both sides of next year's European clock change, plus one in New York
    in the weeks when America has already changed its clocks and Europe has not."""
    year = datetime.date.today().year + 1
    change = last_sunday_of_march(year)
    series = factories.series(index, "Civil-Military Dialogues")
    return {
        "winter": factories.lecture(series, "Before the clocks change",
                                    when=datetime.datetime.combine(
                                        change - datetime.timedelta(days=2), datetime.time(18, 0)),
                                    speakers=[people["amara"]], venue_name="Peace Palace",
                                    venue_city="The Hague", venue_country="Netherlands",
                                    end_time=datetime.time(19, 30)),
        "summer": factories.lecture(series, "After the clocks change",
                                    when=datetime.datetime.combine(
                                        change + datetime.timedelta(days=1), datetime.time(18, 0)),
                                    speakers=[people["jonas"]], attendance="online",
                                    online_url="https://meet.example.org/jcmi",
                                    video_url="https://youtu.be/dQw4w9WgXcQ"),
        "new_york": factories.lecture(series, "A lecture in New York",
                                      when=datetime.datetime(year, 3, 20, 12, 0), time_zone="America/New_York",
                                      speakers=[people["lea"]], venue_name="UN Headquarters",
                                      venue_city="New York", venue_country="United States",
                                      end_time=datetime.time(13, 0)),
        "course": factories.event(index, "Civil-military coordination course", "training",
                                  datetime.datetime(year, 6, 8, 9, 0), end_date=datetime.date(year, 6, 12),
                                  end_time=datetime.time(17, 0), venue_name="Training Centre",
                                  venue_city="Ulm", venue_country="Germany"),
        "past": factories.lecture(series, "A past lecture", when=datetime.datetime(2024, 2, 1, 18, 0),
                                  video_url="https://vimeo.com/76979871"),
    }


def test_the_feed_parses_newest_first_with_links_to_the_videos(client, index, programme):
    response = client.get(f"{index.url}feed.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    titles = [entry.title for entry in feed.entries]
    starts = [CalendarEntryPage.objects.get(title=title).starts_at for title in titles]
    assert starts == sorted(starts, reverse=True)
    assert titles[-1] == "A past lecture"
    past = feed.entries[-1]
    assert past.link.endswith("/en/lectures/civil-military-dialogues/a-past-lecture/")
    related = [link.href for link in past.links if link.rel == "related"]
    assert related == ["https://vimeo.com/76979871"]
    summer = next(e for e in feed.entries if e.title == "After the clocks change")
    assert summer.author == "Jonas Weber"


def test_the_calendar_parses_with_zones_and_correct_times_across_daylight_saving(client, index, programme):
    response = client.get(f"{index.url}calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert "A past lecture" not in events  # only what is still to come
    assert set(events) == {"Before the clocks change", "After the clocks change",
                           "A lecture in New York", "Civil-military coordination course"}
    zones = {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")}
    assert {"Europe/Berlin", "America/New_York"} <= zones

    winter, summer = events["Before the clocks change"], events["After the clocks change"]
    assert winter["DTSTART"].params["TZID"] == "Europe/Berlin"
    # 18:00 in Berlin is 17:00 UTC in winter time and 16:00 UTC in summer time.
    assert winter.start.astimezone(UTC).time() == datetime.time(17, 0)
    assert summer.start.astimezone(UTC).time() == datetime.time(16, 0)
    assert winter.end - winter.start == datetime.timedelta(minutes=90)
    new_york = events["A lecture in New York"]
    assert new_york["DTSTART"].params["TZID"] == "America/New_York"
    assert new_york.start.astimezone(UTC).time() == datetime.time(16, 0)  # EDT, UTC-4
    assert new_york.start.astimezone(zoneinfo.ZoneInfo("Europe/Berlin")).time() == datetime.time(17, 0)
    assert "UN Headquarters" in str(new_york["LOCATION"]) and "New York" in str(new_york["LOCATION"])
    assert "meet.example.org" in str(summer["LOCATION"])
    course = events["Civil-military coordination course"]
    assert (course.end.date() - course.start.date()).days == 4
    assert str(course["CATEGORIES"].cats[0]) == "Training course"


def test_calendar_uids_are_stable_and_each_entry_offers_its_own_file(client, index, programme):
    lecture = programme["winter"]

    def uid_of(url):
        calendar = icalendar.Calendar.from_ical(client.get(url).content)
        (event,) = calendar.walk("VEVENT")
        return str(event["UID"]), event

    single = f"{lecture.url}event.ics"
    before, event = uid_of(single)
    assert str(event["SUMMARY"]) == "Before the clocks change"
    lecture.title = "Before the clocks change (new room)"
    lecture.start_time = datetime.time(18, 30)
    lecture.save_revision().publish()
    after, event = uid_of(single)
    assert before == after
    assert event.start.time() == datetime.time(18, 30)
    listed = icalendar.Calendar.from_ical(client.get(f"{index.url}calendar.ics").content)
    assert before in {str(e["UID"]) for e in listed.walk("VEVENT")}


def test_a_page_that_names_a_time_the_clocks_skip_is_refused(index):
    from django.core.exceptions import ValidationError

    change = last_sunday_of_march(datetime.date.today().year + 1)
    series = factories.series(index, "Clock checks")
    lecture = factories.lecture(series, "Fine", when=datetime.datetime.combine(change, datetime.time(12, 0)))
    lecture.start_time = datetime.time(2, 30)  # never happens in Berlin that night
    with pytest.raises(ValidationError) as error:
        lecture.full_clean()
    assert "start_time" in error.value.message_dict
    lecture.start_time, lecture.end_time = datetime.time(12, 0), datetime.time(11, 0)
    with pytest.raises(ValidationError):
        lecture.full_clean()


def test_files_are_only_served_by_pages_that_offer_them(client, index, programme):
    series_url = programme["winter"].get_parent().url
    assert client.get(f"{series_url}feed.xml").status_code == 404  # a series has no feed
    assert client.get(f"{index.url}event.ics").status_code == 404
    assert client.get(f"{index.url}nothing.ics").status_code == 404
    assert client.get("/en/no-such-page/feed.xml").status_code == 404
    assert client.post(f"{index.url}calendar.ics").status_code == 405


def test_private_archives_do_not_leak_through_their_files(client, index, programme):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=index, restriction_type="password", password="x")
    # Wagtail answers a private page (and its routes) with its password form, never the file.
    for name in ("calendar.ics", "feed.xml"):
        response = client.get(f"{index.url}{name}")
        assert response.status_code in (200, 302, 401, 403, 404), name
        assert not response.get("Content-Type", "").startswith(("text/calendar", "application/atom")), name
        assert b"BEGIN:VCALENDAR" not in response.content and b"<feed" not in response.content, name


def test_the_feed_title_names_the_archive_once(client, index, programme):
    feed = feedparser.parse(client.get(f"{index.url}feed.xml").content)
    # Named like the archive's HTML page, not "Lectures and events: lectures and events".
    assert feed.feed.title == "Lectures and events · JCMI Research and Education Network"


def test_each_language_feed_has_its_own_entry_ids(
    client, index, programme, django_capture_on_commit_callbacks
):
    from wagtail.models import Locale

    from translation.localize import translate_page

    french = Locale.objects.get(language_code="fr")
    site_home("fr")
    lecture = programme["past"]
    with django_capture_on_commit_callbacks(execute=True):
        translate_page(index, french, {"Lectures and events": "Conférences et événements"})
        translate_page(lecture.get_parent(), french, {})
        translate_page(lecture, french, {"A past lecture": "Une conférence passée"})

    def ids(url):
        feed = feedparser.parse(client.get(url).content)
        assert not feed.bozo, feed.bozo_exception
        return {entry.title: entry.id for entry in feed.entries}

    english, french_ids = ids(f"{index.url}feed.xml"), ids("/fr/lectures/feed.xml")
    assert french_ids["Une conférence passée"] != english["A past lecture"]
    assert english["A past lecture"].startswith("tag:")
    assert english["A past lecture"].endswith(f":page/{lecture.pk}")
    # The same entry keeps its id when its title changes (feed readers mark nothing as new).
    lecture.title = "A past lecture (renamed)"
    lecture.slug = "a-past-lecture-renamed"
    lecture.save_revision().publish()
    assert ids(f"{index.url}feed.xml")["A past lecture (renamed)"] == english["A past lecture"]


def test_feed_entries_are_dated_by_publication_never_in_the_future(client, index, programme):
    from django.utils import timezone

    from lectures.models import CalendarEntryPage

    feed = feedparser.parse(client.get(f"{index.url}feed.xml").content)
    now = timezone.now().timestamp()
    assert calendar.timegm(feed.feed.updated_parsed) <= now
    for entry in feed.entries:
        page = CalendarEntryPage.objects.get(title=entry.title)
        published = calendar.timegm(entry.published_parsed)
        updated = calendar.timegm(entry.updated_parsed)
        assert published <= updated <= now
        assert published == int(page.first_published_at.timestamp())
        assert updated == int(page.last_published_at.timestamp())
