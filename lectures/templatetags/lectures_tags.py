from django import template
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


def _date(value):
    return formats.date_format(value, "DATE_FORMAT")


def _time(value):
    return formats.time_format(value, "H:i")


def _on(date, time):
    # The joint between a day and a time is the language's own: Arabic writes "،", not ",".
    return _("%(date)s, %(time)s") % {"date": date, "time": time}


@register.simple_tag
def entry_when(entry):
    """The entry's date and time in its own zone, e.g. "12 March 2026, 18:00–19:30 CET"."""
    start, end = entry.local_start, entry.local_end
    zone = start.strftime("%Z")
    if entry.is_multi_day:
        text = _("%(start)s – %(end)s") % {"start": _date(start), "end": _date(end)}
        if entry.end_time and entry.kind == "training":
            # A course's start and end times are its hours on every day, not just the first
            # and the last: "4 May 2026 – 8 May 2026, daily 09:00–16:30 CEST".
            text = _("%(dates)s, daily %(from)s–%(to)s %(zone)s") % {
                "dates": text, "from": _time(start), "to": _time(end), "zone": zone,
            }
        elif entry.end_time:
            end_zone = end.strftime("%Z")
            text = _on(_date(start), _time(start)) + ("" if end_zone == zone else " " + zone)
            text += f" – {_on(_date(end), _time(end))} {end_zone}"
    elif entry.has_end:
        text = f"{_on(_date(start), f'{_time(start)}–{_time(end)}')} {zone}"
    else:
        text = f"{_on(_date(start), _time(start))} {zone}"
    return format_html('<time datetime="{}">{}</time>', start.isoformat(), text)


@register.simple_tag(takes_context=True)
def speaker_url(context, person):
    index = context.get("lecture_index")
    if index is None:
        return ""
    return index.speaker_url(person, context.get("request"))


@register.simple_tag(takes_context=True)
def speaker_links(context, speakers):
    """The speakers' names, each linked to their page in the archive, joined as the page's
    language writes a list ("A, B and C"; "A، B وC")."""
    from cms.languages import join_list

    names = []
    for speaker in speakers:
        url = speaker_url(context, speaker.person)
        names.append(format_html('<a href="{}">{}</a>', url, speaker.person) if url
                     else str(speaker.person))
    return join_list(names)


@register.inclusion_tag("lectures/includes/upcoming.html", takes_context=True)
def upcoming_lectures(context, limit=3):
    """Upcoming lectures and events in the page's language, for the home page."""
    from django.utils import timezone
    from django.utils.translation import get_language
    from wagtail.models import Locale

    from lectures.archive import speakers_in_their_language, with_card_data
    from lectures.models import CalendarEntryPage, LectureIndexPage

    request = context.get("request")
    try:
        locale = Locale.objects.get(language_code=get_language())
    except Locale.DoesNotExist:
        locale = Locale.get_default()
    entries = with_card_data(
        CalendarEntryPage.objects.live().public().filter(locale=locale, ends_at__gte=timezone.now())
        .order_by("starts_at")
    )[: int(limit)]
    index = LectureIndexPage.objects.live().filter(locale=locale).first()
    return {"request": request, "cards": speakers_in_their_language(list(entries)),
            "lecture_index": index}


@register.inclusion_tag("lectures/includes/topic_entries.html", takes_context=True)
def topic_entries(context, topic, limit=6):
    """The lectures and events tagged with a topic page, newest first, for the topic's hub."""
    from lectures.archive import archive_order, speakers_in_their_language, with_card_data
    from lectures.models import CalendarEntryPage, LectureIndexPage

    through = CalendarEntryPage.topics.through
    tagged = through.objects.filter(topicpage__translation_key=topic.translation_key)
    entries = with_card_data(archive_order(
        CalendarEntryPage.objects.live().public().filter(
            locale_id=topic.locale_id, pk__in=tagged.values("calendarentrypage_id")
        )
    ))[: int(limit)]
    index = LectureIndexPage.objects.live().filter(locale_id=topic.locale_id).first()
    return {"request": context.get("request"), "cards": speakers_in_their_language(list(entries)),
            "lecture_index": index, "topic": topic}
