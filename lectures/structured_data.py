"""schema.org JSON-LD for lectures and events, and VideoObject for their recordings."""

import json

from django.templatetags.static import static
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

EVENT_STATUS = {
    "scheduled": "EventScheduled",
    "rescheduled": "EventRescheduled",
    "postponed": "EventPostponed",
    "moved_online": "EventMovedOnline",
    "cancelled": "EventCancelled",
}
ATTENDANCE = {
    "in_person": "OfflineEventAttendanceMode",
    "online": "OnlineEventAttendanceMode",
    "mixed": "MixedEventAttendanceMode",
}
KIND_TYPE = {"lecture": "EducationEvent", "training": "EducationEvent"}


def _place(entry):
    return {
        "@type": "Place",
        "name": entry.venue_name or entry.venue_city,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": entry.venue_address,
            "postalCode": entry.venue_postal_code,
            "addressLocality": entry.venue_city,
            "addressCountry": entry.venue_country,
        },
    }


def _iso_duration(delta):
    seconds = int(delta.total_seconds())
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"PT{hours}H{minutes}M{seconds}S"


def video_object(entry, request):
    video = entry.video
    if not video:
        return None
    data = {
        "@type": "VideoObject",
        "name": entry.title,
        "description": strip_tags(entry.abstract or "")[:500] or entry.title,
        "uploadDate": (entry.local_end or entry.local_start).isoformat(),
        "embedUrl": video.embed_url,
        "url": video.watch_url,
    }
    if entry.video_poster_id:
        rendition = entry.video_poster.get_rendition("fill-1280x720")
        data["thumbnailUrl"] = request.build_absolute_uri(rendition.url)
    else:
        # Search engines want a thumbnail for a VideoObject: the local poster the facade shows,
        # never the host's own thumbnail.
        data["thumbnailUrl"] = request.build_absolute_uri(static("img/video-poster.svg"))
    if entry.duration:
        data["duration"] = _iso_duration(entry.duration)
    if entry.transcript:
        data["transcript"] = entry.transcript[:5000]
    return data


def event_data(entry, request, speakers=None):
    speakers = list(entry.speakers.select_related("person")) if speakers is None else speakers
    locations = []
    if entry.is_online:
        locations.append({"@type": "VirtualLocation", "url": entry.online_url or entry.get_full_url(request)})
    if entry.has_venue:
        locations.append(_place(entry))
    data = {
        "@context": "https://schema.org",
        "@type": KIND_TYPE.get(entry.kind, "Event"),
        "name": entry.title,
        "url": entry.get_full_url(request),
        "startDate": entry.local_start.isoformat(),
        "eventStatus": f"https://schema.org/{EVENT_STATUS[entry.status]}",
        "eventAttendanceMode": f"https://schema.org/{ATTENDANCE[entry.attendance]}",
        "location": locations[0] if len(locations) == 1 else locations,
        "inLanguage": entry.locale.language_code,
        "organizer": {"@type": "Organization", "name": "JCMI Research and Education Network"},
    }
    if entry.has_end:
        data["endDate"] = entry.local_end.isoformat()
    if entry.abstract:
        data["description"] = strip_tags(entry.abstract)[:1000]
    if speakers:
        data["performer"] = [
            {"@type": "Person", "name": s.person.name, **(
                {"affiliation": {"@type": "Organization", "name": s.person.affiliation}}
                if s.person.affiliation else {})}
            for s in speakers
        ]
    video = video_object(entry, request)
    if video:
        data["recordedIn"] = video
    offers = getattr(entry, "fees", None)
    if offers:
        data["offers"] = [
            {"@type": "Offer", "name": fee.value["category"], "price": str(fee.value["amount"]),
             "priceCurrency": fee.value["currency"],
             **({"url": entry.registration_url} if entry.registration_url else {})}
            for fee in offers
        ]
    return data


def event_json_ld(entry, request, speakers=None):
    """A <script type="application/ld+json"> block, escaped as Django's json_script escapes."""
    text = json.dumps(event_data(entry, request, speakers), ensure_ascii=False, default=str)
    text = text.replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 -- escaped above
