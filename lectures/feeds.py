"""The archive's Atom feed: newest first, each entry linking to its page and its video."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from wagtail.models import Site

FEED_LENGTH = 30


class VideoLinkAtomFeed(Atom1Feed):
    """Atom with a rel="related" link to the recording, which is a page on the host, not a file."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("video_url"):
            handler.addQuickElement("link", "", {
                "rel": "related", "type": "text/html", "href": item["video_url"],
                "title": _("Video recording"),
            })


class LectureFeed(Feed):
    feed_type = VideoLinkAtomFeed

    def get_object(self, request, index):
        self.request = request
        return index

    def title(self, index):
        # The archive's own title already says "lectures and events" in its language; named
        # like the archive's HTML page (base.html's <title>).
        from home.models import SiteSettings

        organisation = SiteSettings.for_request(self.request).organisation_name or "JCMI"
        return f"{index.title} · {organisation}"

    def link(self, index):
        return index.get_url(self.request)

    def feed_url(self, index):
        return index.feed_url(self.request)

    def subtitle(self, index):
        return strip_tags(index.intro) or _("Lectures, symposia and courses of the JCMI network.")

    def items(self, index):
        from lectures.archive import speakers_in_their_language

        return speakers_in_their_language(list(
            index.entries().order_by("-starts_at", "-pk")
            .prefetch_related("speakers__person")[:FEED_LENGTH]
        ))

    def item_title(self, entry):
        return entry.title

    def item_description(self, entry):
        when = entry.local_start.strftime("%Y-%m-%d %H:%M %Z")
        return f"<p>{entry.get_kind_display()} · {when}</p>{entry.abstract or ''}"

    def item_link(self, entry):
        return entry.get_url(self.request)

    def item_guid(self, entry):
        """A tag URI (RFC 4151) naming the page: each translation is a page of its own, with its
        own id, so the English and French feeds do not share entry ids (their translation_key
        is shared). Unlike the page's address it survives a change of slug."""
        site = Site.find_for_request(self.request)
        authority = (site.hostname if site else "") or self.request.get_host().split(":")[0]
        first = entry.first_published_at or entry.starts_at
        return f"tag:{authority},{first:%Y-%m-%d}:page/{entry.pk}"

    item_guid_is_permalink = False

    # An entry is dated by its publication on the site, as feed readers expect, never by the
    # lecture's start: that may lie months ahead, and "updated" would then precede "published".
    def item_pubdate(self, entry):
        return entry.first_published_at or entry.last_published_at

    def item_updateddate(self, entry):
        return entry.last_published_at or entry.first_published_at

    def item_author_name(self, entry):
        return ", ".join(str(s.person) for s in entry.speakers.all()) or None

    def item_categories(self, entry):
        return [str(entry.get_kind_display())]

    def item_extra_kwargs(self, entry):
        return {"video_url": entry.video.watch_url if entry.video else ""}
