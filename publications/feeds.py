"""RSS 2.0 feed of the latest publications in one language: /<lang>/publications/feed.xml."""

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _

from publications import citations
from publications.models import PublicationPage
from publications.models.pages import with_card_data


class LatestPublicationsFeed(Feed):
    limit = 20

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index_page

    def title(self, index_page):
        return _("%(site)s: latest publications") % {"site": citations.publisher_name()}

    def link(self, index_page):
        return index_page.get_url(self.request)

    def description(self, index_page):
        return _("New monographs, white papers and working papers of the network.")

    def items(self, index_page):
        return with_card_data(
            PublicationPage.objects.live().public().filter(locale=index_page.locale_id)
        ).order_by("-publication_date", "-pk")[: self.limit]

    def item_title(self, item):
        return citations.full_title(item)

    def item_description(self, item):
        # An RSS description is HTML (feed readers render it): the author's text goes in escaped.
        return escape(citations.plain_abstract(item))

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return citations.absolute_url(item, self.request)

    def item_author_name(self, item):
        return ", ".join(c.full_name for c in item.contributors.all()) or None

    def item_pubdate(self, item):
        date = item.publication_date
        return timezone.make_aware(timezone.datetime(date.year, date.month, date.day))

    def item_categories(self, item):
        return [item.series.name] + item.keyword_list if item.series_id else item.keyword_list

    def item_enclosure_url(self, item):
        return citations.pdf_url(item, self.request) or None

    def item_enclosure_length(self, item):
        # The stored size avoids reading the file back from storage (S3) for every item.
        return item.pdf.file_size if item.pdf_id and item.pdf.file_size else 0

    def item_enclosure_mime_type(self, item):
        return "application/pdf" if item.pdf_id else None
