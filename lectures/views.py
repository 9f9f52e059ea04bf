from django.http import Http404
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site

from .models import CalendarEntryPage, LectureIndexPage


def page_at(request, page_path, model):
    """The live, public page of ``model`` at ``page_path`` under this language's site root."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    root = site.root_page.localized
    components = [part for part in page_path.split("/") if part]
    page = root
    for slug in components:
        page = Page.objects.child_of(page).filter(slug=slug).live().first()
        if page is None:
            raise Http404
    page = page.specific
    if not isinstance(page, model) or page.get_view_restrictions().exists():
        raise Http404
    return page


@require_GET
def archive_feed(request, page_path):
    return page_at(request, page_path, LectureIndexPage).feed_response(request)


@require_GET
def archive_calendar(request, page_path):
    return page_at(request, page_path, LectureIndexPage).calendar_response(request)


@require_GET
def entry_calendar(request, page_path):
    return page_at(request, page_path, CalendarEntryPage).ical_response(request)
