"""Scale corpus for the lecture archive: series of lectures with speakers, video, transcripts,
and events; past and upcoming.

Called by ``manage.py seed_scale`` (see cms/scale.py for the contract of these modules).
"""

import datetime
import random
import string

from django.utils.text import slugify

from cms.scale import days_ago, stable_pick, stable_uuid

from .factories import EventPageFactory, LecturePageFactory
from .models import (
    CalendarEntryPage,
    LectureIndexPage,
    LectureSeriesPage,
    RelatedPublication,
    Speaker,
)

# Share of the corpus's pages that are lectures and events, relative to the other apps' shares.
SHARE = 4

SERIES = [
    ("scale-cmi-lectures", "Civil-Military Interaction Lectures (scale corpus)"),
    ("scale-field-practice", "Voices from the Field (scale corpus)"),
    ("scale-policy-seminars", "Policy Seminars (scale corpus)"),
]
CITIES = [("The Hague", "Netherlands"), ("Ulm", "Germany"), ("Zagreb", "Croatia"),
          ("Geneva", "Switzerland"), ("Brussels", "Belgium"), ("Norfolk", "United States")]
ZONES = ["Europe/Berlin", "Europe/Amsterdam", "Europe/Zagreb", "America/New_York", "UTC"]


def lecture_index(corpus):
    home = corpus.homes["en"]
    index = LectureIndexPage.objects.child_of(home).filter(locale=home.locale).first()
    if index is None:
        index = corpus.add(home, LectureIndexPage(
            title="Lectures and events", slug="lectures", live=True,
            intro="<p>The lecture series, symposia, workshops and training courses.</p>",
            first_published_at=days_ago(900), last_published_at=days_ago(900),
            translation_key=stable_uuid(corpus.seed, "lectures"),
        ))
        corpus.pages_for_translation.append(index)
        corpus.always_translate.add(index.pk)
    else:
        corpus.pages.append(index)
    return index


def seed(n, rng, corpus):
    """``n`` entries: four in five are lectures in a series, the rest events in the archive."""
    index = lecture_index(corpus)
    series_pages = []
    for slug, name in SERIES:
        text = corpus.text("en", random.Random(f"{corpus.seed}:{slug}"))
        page = corpus.add(index, LectureSeriesPage(
            title=name, slug=slug, live=True, intro=text.sentence(),
            description=f"<p>{text.paragraph(3)}</p>",
            image=corpus.images[len(series_pages)],
            first_published_at=days_ago(1500), last_published_at=days_ago(100),
            translation_key=stable_uuid(corpus.seed, "lecture-series", slug),
        ))
        corpus.pages_for_translation.append(page)
        corpus.always_translate.add(page.pk)
        series_pages.append(page)

    publications = getattr(corpus, "publications", [])
    created = []
    for number in range(n):
        page_rng = random.Random(f"{corpus.seed}:lecture:{number}")
        place = page_rng.random()
        text = corpus.text("en", page_rng)
        title = text.title()
        start = days_ago(page_rng.randrange(-300, 2500)).date()
        zone = page_rng.choice(ZONES)
        city, country = page_rng.choice(CITIES)
        common = {
            "title": title, "slug": f"scale-{number:05d}-{slugify(title)[:40]}", "live": True,
            "start_date": start, "start_time": datetime.time(page_rng.randrange(9, 18), 0),
            "end_time": datetime.time(19, 30), "time_zone": zone,
            "attendance": page_rng.choice(["in_person", "online", "mixed"]),
            "venue_name": f"{city} conference centre", "venue_city": city, "venue_country": country,
            "abstract": "".join(f"<p>{text.paragraph(4)}</p>" for _ in range(2)),
            "search_description": text.sentence()[:255],
            "first_published_at": days_ago(page_rng.randrange(3000)),
            "last_published_at": days_ago(page_rng.randrange(30)),
            "translation_key": stable_uuid(corpus.seed, "lecture", number),
        }
        if place < 0.8:
            recorded = page_rng.random() < 0.5
            video_id = "".join(page_rng.choice(string.ascii_letters + string.digits)
                               for _ in range(11))
            page = LecturePageFactory.build(
                **common,
                video_url=f"https://www.youtube.com/watch?v={video_id}" if recorded else "",
                video_poster=page_rng.choice(corpus.images) if recorded else None,
                duration=datetime.timedelta(minutes=page_rng.randrange(40, 110)) if recorded
                else None,
                chapters=[
                    {"type": "chapter", "id": str(stable_uuid(corpus.seed, "ch", number, i)),
                     "value": {"time": f"{i * 9}:00", "title": text.title()[:200]}}
                    for i in range(page_rng.randrange(3, 7))
                ] if recorded else [],
                transcript="\n\n".join(text.paragraph(6) for _ in range(8)) if recorded else "",
            )
            parent = series_pages[int(page_rng.random() * len(series_pages))]
        else:
            page = EventPageFactory.build(
                **common, kind=page_rng.choice(["symposium", "seminar", "workshop", "training"]),
                intro=text.sentence(), capacity=page_rng.randrange(20, 200),
                registration_url="https://jcmi.example/register",
                certificate_note="Participants receive a certificate of attendance.",
            )
            parent = index
        for position in range(page_rng.choice((1, 1, 2, 3))):
            person = stable_pick(corpus.people, page_rng.random(), number)
            page.speakers.add(Speaker(person=person, sort_order=position))
        if publications and page_rng.random() < 0.3:
            related = stable_pick(publications, page_rng.random(), number)
            page.related_publications.add(RelatedPublication(publication=related, sort_order=0))
        page.topics = page_rng.sample(corpus.topics, k=page_rng.choice((1, 2)))
        # What CalendarEntryPage.save works out, since the corpus writer inserts rows in bulk.
        page.starts_at, page.ends_at = page.compute_moments()
        corpus.add(parent, page)
        created.append(page)
    corpus.pages_for_translation.extend(created)
    return created


def translated_fields(page, text, rng):
    specific = page.specific
    fields = {"title": text.title(), "search_description": text.sentence()[:255]}
    if isinstance(specific, CalendarEntryPage):
        fields["abstract"] = "".join(f"<p>{text.paragraph(4)}</p>" for _ in range(2))
        if getattr(specific, "transcript", ""):
            fields["transcript"] = "\n\n".join(text.paragraph(6) for _ in range(8))
    elif isinstance(specific, LectureSeriesPage):
        fields.update(title=specific.title, intro=text.sentence(),
                      description=f"<p>{text.paragraph(3)}</p>")
    elif isinstance(specific, LectureIndexPage):
        fields.update(title=specific.title, intro=f"<p>{text.sentence()}</p>")
    return fields


def after_translation(source, translation, corpus):
    """Speakers and related publications are the same people and works in every language.

    The rows are written with the pages, in bulk (``corpus.writer.add_rows``).
    """
    if not isinstance(source, CalendarEntryPage):
        return
    corpus.writer.add_rows(
        Speaker(page_id=translation.pk, person_id=s.person_id, role=s.role,
                sort_order=s.sort_order)
        for s in source.speakers.all()
    )
    corpus.writer.add_rows(
        RelatedPublication(page_id=translation.pk, publication_id=r.publication_id,
                           sort_order=r.sort_order)
        for r in source.related_publications.all()
    )
    topics = corpus.localized_topics(source.topics.all(), translation.locale_id)
    corpus.writer.add_rows(
        CalendarEntryPage.topics.through(calendarentrypage_id=translation.pk,
                                         topicpage_id=topic.pk)
        for topic in topics
    )
