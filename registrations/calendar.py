"""A run's iCalendar file: one event per day of the run, at that day's hours in the run's zone.

One VEVENT per day (rather than one spanning the week) so that calendars show the course hours,
not a block across the nights; each has its own UID, stable across edits.
"""

import icalendar
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language


def run_calendar(run, url=None):
    event_page = run.event
    calendar = icalendar.Calendar.new(
        prodid="-//JCMI Research and Education Network//Courses and events//EN",
        name=event_page.title,
        language=get_language(),
    )
    total = len(run.days)
    for number, day in enumerate(run.days, start=1):
        start, end = run.day_moments(day)
        summary = event_page.title if total == 1 else f"{event_page.title} ({number}/{total})"
        calendar.add_component(icalendar.Event.new(
            uid=f"run-{run.pk}-{day.isoformat()}@registrations.jcmi",
            summary=summary,
            start=start,
            end=end,
            stamp=timezone.now(),
            location=run.location or None,
            url=url,
        ))
    calendar.add_missing_timezones()
    return calendar


def run_calendar_bytes(run, url=None):
    return run_calendar(run, url).to_ical()


def run_calendar_response(run, url=None):
    response = HttpResponse(run_calendar_bytes(run, url), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="run-{run.pk}.ics"'
    return response
