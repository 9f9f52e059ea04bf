"""What the lecture and event archive lists: every entry happens at a time, somewhere, with people.

``CalendarEntryPage`` holds what lectures and events share, so the archive, the feeds and the
calendar query one table; LecturePage and EventPage add their own fields on top of it.
"""

import datetime
import zoneinfo
from functools import cached_property

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.page_cache import cached_fragment
from home.locales import show_people_in_locale
from lectures.blocks import ChaptersBlock
from lectures.video import video_for_url

UTC = datetime.UTC


TIME_ZONE_CHOICES = [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


def local_datetime(date, time, time_zone):
    """The aware moment a local wall-clock time names, refusing times that do not exist.

    On the night clocks go forward (02:30 in Berlin on the last Sunday of March) the wall-clock
    time never happens; on the night they go back, the first of the two moments is taken.
    """
    zone = zoneinfo.ZoneInfo(time_zone)
    naive = datetime.datetime.combine(date, time)
    aware = naive.replace(tzinfo=zone)
    if aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != naive:
        raise ValidationError(
            _("%(time)s does not exist on %(date)s in %(zone)s (the clocks change that night)."),
            params={"time": time.strftime("%H:%M"), "date": date.isoformat(), "zone": time_zone},
        )
    return aware


class CalendarEntryPage(RoutablePageMixin, Page):
    class Kind(models.TextChoices):
        LECTURE = "lecture", _("Lecture")
        SYMPOSIUM = "symposium", _("Symposium")
        CONFERENCE = "conference", _("Conference")
        SEMINAR = "seminar", _("Seminar")
        WORKSHOP = "workshop", _("Workshop")
        TRAINING = "training", _("Training course")

    class Status(models.TextChoices):
        # The schema.org EventStatusType values, so search engines show cancellations.
        SCHEDULED = "scheduled", _("Scheduled")
        RESCHEDULED = "rescheduled", _("Rescheduled")
        POSTPONED = "postponed", _("Postponed")
        MOVED_ONLINE = "moved_online", _("Moved online")
        CANCELLED = "cancelled", _("Cancelled")

    class Attendance(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        MIXED = "mixed", _("In person and online")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.LECTURE)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SCHEDULED
    )
    start_date = models.DateField(_("start date"))
    start_time = models.TimeField(_("start time"))
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Leave empty for a one-day event.")
    )
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Europe/Berlin", validators=[validate_time_zone],
        help_text=_("Dates and times above are wall-clock times in this zone."),
    )
    # The same moments in UTC, derived on save: the archive, feeds and calendar sort and filter on them.
    starts_at = models.DateTimeField(_("starts at"), editable=False, db_index=True)
    ends_at = models.DateTimeField(_("ends at"), editable=False, db_index=True)

    attendance = models.CharField(
        _("attendance"), max_length=20, choices=Attendance.choices, default=Attendance.IN_PERSON
    )
    venue_name = models.CharField(_("venue"), max_length=255, blank=True)
    venue_address = models.CharField(_("street address"), max_length=255, blank=True)
    venue_postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    venue_city = models.CharField(_("city"), max_length=120, blank=True)
    venue_country = models.CharField(_("country"), max_length=120, blank=True)
    online_url = models.URLField(
        _("online address"), blank=True, help_text=_("Where to join online, if it is public.")
    )

    abstract = RichTextField(
        _("abstract"), blank=True, features=["bold", "italic", "link", "ul", "ol"]
    )
    video_url = models.URLField(
        _("video"), blank=True,
        help_text=_("A YouTube or Vimeo address. Visitors see a local poster until they choose to play."),
    )
    video_poster = models.ForeignKey(
        get_image_model_string(), verbose_name=_("video poster"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("Shown before the video loads; the host's own thumbnail is never used."),
    )
    duration = models.DurationField(
        _("recording length"), null=True, blank=True, help_text=_("hh:mm:ss")
    )
    chapters = StreamField(ChaptersBlock(), blank=True, verbose_name=_("chapters"))
    transcript = models.TextField(_("transcript"), blank=True)
    slides = models.ForeignKey(
        get_document_model_string(), verbose_name=_("slides"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    topics = ParentalManyToManyField(
        "home.TopicPage", blank=True, related_name="calendar_entries", verbose_name=_("topics")
    )

    is_creatable = False

    # Every field classified on purpose (tests/translation/test_coverage.py). When and how the
    # event happens is the same in every language; words are translated; the video, its poster,
    # the slides and the links may be swapped per locale (a dubbed recording, translated slides).
    # wagtail-localize skips many-to-many fields unless they are listed as synchronised.
    override_translatable_fields = [
        SynchronizedField("kind", overridable=False),
        SynchronizedField("status", overridable=False),
        SynchronizedField("start_date", overridable=False),
        SynchronizedField("start_time", overridable=False),
        SynchronizedField("end_date", overridable=False),
        SynchronizedField("end_time", overridable=False),
        SynchronizedField("time_zone", overridable=False),
        SynchronizedField("attendance", overridable=False),
        TranslatableField("venue_name"),
        SynchronizedField("venue_address", overridable=True),
        SynchronizedField("venue_postal_code", overridable=False),
        TranslatableField("venue_city"),
        TranslatableField("venue_country"),
        SynchronizedField("online_url", overridable=True),
        TranslatableField("abstract"),
        SynchronizedField("video_url", overridable=True),
        SynchronizedField("video_poster", overridable=True),
        SynchronizedField("duration", overridable=False),
        TranslatableField("chapters"),
        TranslatableField("transcript"),
        SynchronizedField("slides", overridable=True),
        SynchronizedField("topics", overridable=False),
        SynchronizedField("speakers", overridable=False),
        SynchronizedField("related_publications", overridable=False),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("abstract"),
        index.SearchField("transcript"),
        index.SearchField("venue_city"),
        index.RelatedFields("speakers", [
            index.RelatedFields("person", [index.SearchField("name")]),
        ]),
        index.FilterField("kind"),
        index.FilterField("starts_at"),
    ]
    search_facets = {"topic": "topics", "year": "starts_at"}

    @classmethod
    def get_indexed_objects(cls):
        # The speakers' people with the speakers (modelsearch prefetches one level only): one
        # query per batch instead of one per speaker when the index is built (update_index).
        return super().get_indexed_objects().prefetch_related("speakers__person")

    schedule_panels = [
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
        FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
        # A select in the form only: choices on the field would tie migrations to tzdata releases.
        FieldPanel("time_zone", widget=forms.Select(choices=TIME_ZONE_CHOICES)),
        FieldPanel("status"),
    ]
    place_panels = [
        FieldPanel("attendance"),
        FieldPanel("venue_name"),
        FieldPanel("venue_address"),
        FieldRowPanel([FieldPanel("venue_postal_code"), FieldPanel("venue_city")]),
        FieldPanel("venue_country"),
        FieldPanel("online_url"),
    ]
    recording_panels = [
        FieldPanel("video_url"),
        FieldPanel("video_poster"),
        FieldPanel("duration"),
        FieldPanel("chapters"),
        FieldPanel("transcript"),
        FieldPanel("slides"),
    ]

    class Meta:
        verbose_name = _("lecture or event")
        verbose_name_plural = _("lectures and events")

    # Times -------------------------------------------------------------------------------------

    def compute_moments(self):
        start = local_datetime(self.start_date, self.start_time, self.time_zone)
        end_date = self.end_date or self.start_date
        if self.end_time:
            end = local_datetime(end_date, self.end_time, self.time_zone)
        elif self.end_date:
            # A multi-day event without an end time lasts until the end of its last day.
            end = local_datetime(end_date, datetime.time(23, 59), self.time_zone)
        else:
            end = start
        if end < start:
            raise ValidationError({"end_time": _("The event cannot end before it starts.")})
        return start.astimezone(UTC), end.astimezone(UTC)

    def clean(self):
        super().clean()
        if self.time_zone:
            validate_time_zone(self.time_zone)
        if self.start_date and self.start_time and self.time_zone:
            if self.end_date and self.end_date < self.start_date:
                raise ValidationError({"end_date": _("The end date is before the start date.")})
            try:
                self.starts_at, self.ends_at = self.compute_moments()
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    raise
                raise ValidationError({"start_time": error.messages}) from error
        if self.video_url and video_for_url(self.video_url) is None:
            raise ValidationError(
                {"video_url": _("This address is not a video we can play: use YouTube or Vimeo.")}
            )

    def save(self, *args, **kwargs):
        if self.start_date and self.start_time:
            self.starts_at, self.ends_at = self.compute_moments()
        super().save(*args, **kwargs)

    @cached_property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_start(self):
        return self.starts_at.astimezone(self.zone)

    @property
    def local_end(self):
        return self.ends_at.astimezone(self.zone)

    @property
    def has_end(self):
        return self.ends_at != self.starts_at

    @property
    def is_multi_day(self):
        return self.local_end.date() != self.local_start.date()

    def is_upcoming(self, now=None):
        from django.utils import timezone

        return self.ends_at >= (now or timezone.now())

    # Place -------------------------------------------------------------------------------------

    @property
    def is_online(self):
        return self.attendance in {self.Attendance.ONLINE, self.Attendance.MIXED} or (
            self.status == self.Status.MOVED_ONLINE
        )

    @property
    def has_venue(self):
        return bool(self.venue_name or self.venue_city) and self.status != self.Status.MOVED_ONLINE

    @property
    def location_text(self):
        """One line for calendars and cards."""
        parts = []
        if self.has_venue:
            parts = [self.venue_name, self.venue_address,
                     " ".join(p for p in [self.venue_postal_code, self.venue_city] if p),
                     self.venue_country]
        if self.is_online:
            parts.append(self.online_url or str(_("Online")))
        return ", ".join(p for p in parts if p)

    # Video -------------------------------------------------------------------------------------

    @cached_property
    def video(self):
        return video_for_url(self.video_url) if self.video_url else None

    @property
    def has_video(self):
        return bool(self.video_url)

    # Routes ------------------------------------------------------------------------------------

    @path("event.ics/", name="ical")
    def ical_response(self, request):
        if request.method not in ("GET", "HEAD"):
            from django.http import HttpResponseNotAllowed

            return HttpResponseNotAllowed(["GET", "HEAD"])
        from lectures.calendar import calendar_response

        return calendar_response([self], request, filename=f"{self.slug}.ics", name=self.title)

    def ical_url(self, request=None):
        return self.get_url(request) + "event.ics"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Kept as a page-cache fragment: rebuilt when the page, a page it links to or a snippet
        # it shows (a speaker) changes.
        context.update(cached_fragment(request, "calendar-entry",
                                       lambda: self.entry_context(request), page=self))
        context["ical_url"] = self.ical_url(request)
        video = self.video
        if video:
            context["video_src"] = video.player_url(autoplay=False)
            context["video_play_src"] = video.player_url(autoplay=True)
            context["chapters"] = [
                {"seconds": c.value.seconds, "label": c.value.label, "title": c.value["title"],
                 "play_src": video.player_url(start=c.value.seconds, autoplay=True)}
                for c in self.chapters
            ]
        return context

    def entry_context(self, request):
        """What the page shows from other rows than its own: people, links, structured data."""
        from home.models import TopicPage
        from lectures.structured_data import event_json_ld

        # Only methods that modelcluster's in-memory querysets also have: previews render
        # unsaved relations.
        # Each speaker as the page's language writes them (their translation, if any).
        speakers = show_people_in_locale(
            self.speakers.select_related("person", "person__photo", "person__locale")
            .prefetch_related("person__photo__renditions"), self.locale_id)
        return {
            "speakers": speakers,
            "json_ld": event_json_ld(self, request, speakers),
            "related_pages": [
                rel.publication
                for rel in self.related_publications.select_related("publication")
                if rel.publication.live
            ],
            "topics": sorted(
                (topic for topic in TopicPage.in_locale(self.topics.all(), self.locale_id)
                 if topic.live),
                key=lambda topic: topic.title,
            ),
            "lecture_index": self.lecture_index(),
        }

    def lecture_index(self):
        from .index import LectureIndexPage

        if not self.path:  # a new page in preview
            return LectureIndexPage.objects.live().filter(locale_id=self.locale_id).first()
        return LectureIndexPage.objects.ancestor_of(self).live().first()


class Speaker(Orderable):
    class Role(models.TextChoices):
        SPEAKER = "speaker", _("Speaker")
        KEYNOTE = "keynote", _("Keynote speaker")
        PANELLIST = "panellist", _("Panellist")
        DISCUSSANT = "discussant", _("Discussant")
        CHAIR = "chair", _("Chair")
        MODERATOR = "moderator", _("Moderator")
        TRAINER = "trainer", _("Trainer")

    page = ParentalKey(CalendarEntryPage, on_delete=models.CASCADE, related_name="speakers")
    person = models.ForeignKey(
        "home.Person", verbose_name=_("person"), on_delete=models.CASCADE,
        related_name="speaking_roles",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.SPEAKER)

    panels = [FieldPanel("person"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("speaker")


class RelatedPublication(Orderable):
    page = ParentalKey(
        CalendarEntryPage, on_delete=models.CASCADE, related_name="related_publications"
    )
    # Any page for now; narrowed to publications.PublicationPage once that app lands.
    publication = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("publication"), on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("publication")]

    class Meta(Orderable.Meta):
        verbose_name = _("related publication")
