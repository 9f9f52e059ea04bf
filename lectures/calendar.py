"""iCalendar files: the archive's upcoming lectures and events, and each entry on its own.

Times are written in the entry's own zone (DTSTART;TZID=…) with a VTIMEZONE for every zone used,
so calendar programs show them right across daylight-saving changes. UIDs come from the page's
translation key: they stay the same when a page is edited, moved or translated.
"""

import icalendar
from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language

STATUS = {"cancelled": "CANCELLED", "postponed": "TENTATIVE"}


def entry_uid(entry):
    return f"{entry.translation_key}@lectures.jcmi"


def entry_event(entry, request):
    speakers = ", ".join(str(s.person) for s in entry.speakers.all())
    description = Truncator(strip_tags(entry.abstract or "")).words(120)
    if speakers:
        description = f"{speakers}\n\n{description}".strip()
    event = icalendar.Event.new(
        uid=entry_uid(entry),
        summary=entry.title,
        start=entry.local_start,
        end=entry.local_end if entry.has_end else None,
        stamp=timezone.now(),
        last_modified=entry.last_published_at or None,
        description=description or None,
        location=entry.location_text or None,
        url=entry.get_full_url(request),
        status=STATUS.get(entry.status, "CONFIRMED"),
        categories=[str(entry.get_kind_display())],
    )
    return event


def build_calendar(entries, request, name):
    from lectures.archive import speakers_in_their_language

    entries = speakers_in_their_language(list(entries))
    calendar = icalendar.Calendar.new(
        prodid="-//JCMI Research and Education Network//Lectures and events//EN",
        name=name,
        language=get_language(),
    )
    for entry in entries:
        calendar.add_component(entry_event(entry, request))
    calendar.add_missing_timezones()
    return calendar


def calendar_response(entries, request, filename, name):
    calendar = build_calendar(entries, request, name)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
