"""The archive at /<lang>/lectures/, with its feed, calendar and speaker pages."""

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail_localize.fields import TranslatableField

from .entries import CalendarEntryPage


class LectureIndexPage(RoutablePageMixin, Page):
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    override_translatable_fields = [TranslatableField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["lectures.LectureSeriesPage", "lectures.LecturePage", "lectures.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("lecture and event archive")

    def entries(self):
        """Everything published in this archive, in this archive's language."""
        return CalendarEntryPage.objects.live().public().descendant_of(self)

    @path("")
    def archive(self, request):
        from lectures.archive import ArchiveView

        return ArchiveView(self).render(request)

    def feed_url(self, request=None):
        return self.get_url(request) + "feed.xml"

    def calendar_url(self, request=None):
        return self.get_url(request) + "calendar.ics"

    @path("feed.xml/", name="feed")
    def feed_response(self, request):
        if request.method not in ("GET", "HEAD"):
            from django.http import HttpResponseNotAllowed

            return HttpResponseNotAllowed(["GET", "HEAD"])
        from lectures.feeds import LectureFeed

        return LectureFeed()(request, index=self)

    @path("calendar.ics/", name="calendar")
    def calendar_response(self, request):
        if request.method not in ("GET", "HEAD"):
            from django.http import HttpResponseNotAllowed

            return HttpResponseNotAllowed(["GET", "HEAD"])
        from django.utils import timezone

        from lectures.calendar import calendar_response

        upcoming = (
            self.entries().filter(ends_at__gte=timezone.now())
            .order_by("starts_at").prefetch_related("speakers__person")
        )
        return calendar_response(
            upcoming, request, filename="jcmi-lectures.ics",
            name=self.title,
        )

    @path("speakers/", name="speakers")
    def speakers(self, request):
        from lectures.archive import speakers_of

        url = self.get_url(request) + self.reverse_subpage("speakers")
        return render(request, "lectures/speaker_list.html", {
            "page": self, "self": self, "lecture_index": self,
            "speakers": speakers_of(self.entries(), self.locale_id),
            # The route's own address: without it base.html names the archive as canonical.
            "canonical_url": request.build_absolute_uri(url),
        })

    @path("speakers/<slug:slug>/", name="speaker")
    def speaker(self, request, slug):
        from lectures.archive import speaker_view

        return speaker_view(self, request, slug)

    def speaker_url(self, person, request=None):
        # Called for every speaker on every card: the index's address is worked out once per
        # request (an address without a request may differ: it has no site to be relative to).
        cached = self.__dict__.get("_own_url")
        if cached is None or cached[0] is not request:
            cached = self._own_url = (request, self.get_url(request))
        return cached[1] + self.reverse_subpage("speaker", kwargs={"slug": person.slug})
