"""schema.org JSON-LD for lectures and events, and VideoObject for their recordings."""

from django.utils.html import strip_tags

from cms.jsonld import json_ld_script

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


def _series_image(entry):
    """The lecture series' image, for lectures (events have no series)."""
    from lectures.models import LectureSeriesPage

    parent = entry.get_parent() if entry.path else None
    parent = parent.specific if parent is not None else None
    return parent.image if isinstance(parent, LectureSeriesPage) else None


def image_url(entry, request):
    """A raster image for search results: the recording's poster, else the series' image, else
    the site's share image (as link previews use; never the video host's thumbnail)."""
    from home.templatetags.meta_tags import share_image

    image = entry.video_poster if entry.video_poster_id else _series_image(entry)
    if image is not None:
        return request.build_absolute_uri(image.get_rendition("fill-1280x720").url)
    return share_image({"request": request}, entry)["url"]


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
    # Search engines want a raster thumbnail for a VideoObject (not the facade's SVG poster).
    data["thumbnailUrl"] = image_url(entry, request)
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
        "organizer": _organizer(entry, request),
        "image": [image_url(entry, request)],
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
        # Where to register (the registration site, else the event's own page, which has the
        # form), and since when the offer stands.
        url = (getattr(entry, "registration_url", "")
               or request.build_absolute_uri(entry.get_url(request)))
        data["offers"] = [
            {"@type": "Offer", "name": fee.value["category"], "price": str(fee.value["amount"]),
             "priceCurrency": fee.value["currency"], "url": url,
             **({"validFrom": entry.first_published_at.isoformat()}
                if entry.first_published_at else {})}
            for fee in offers
        ]
    return data


def _organizer(entry, request):
    from home.models import SiteSettings

    settings = SiteSettings.for_request(request)
    site = entry.get_site() if entry.path else None
    home = None
    if site is not None:  # the home page in the entry's language
        home = site.root_page.get_translation_or_none(entry.locale_id) or site.root_page
    organizer = {"@type": "Organization",
                 "name": settings.organisation_name or "JCMI Research and Education Network"}
    if home is not None:
        organizer["url"] = request.build_absolute_uri(home.get_url(request))
    return organizer


def event_json_ld(entry, request, speakers=None):
    """The entry's <script type="application/ld+json"> element."""
    return json_ld_script(event_data(entry, request, speakers))
