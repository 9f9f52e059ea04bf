from django.http import Http404
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site

# File name → the page method that answers it. A page without that method gives a 404.
PAGE_FILES = {
    "feed.xml": "feed_response",
    "calendar.ics": "calendar_response",
    "event.ics": "ical_response",
}


def page_at(request, page_path):
    """The live page at ``page_path`` under this language's site root, or 404."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    page = site.root_page.localized
    for slug in (part for part in page_path.split("/") if part):
        page = Page.objects.child_of(page).filter(slug=slug).live().first()
        if page is None:
            raise Http404
    return page.specific


@require_GET
def page_file(request, page_path, filename):
    method = PAGE_FILES.get(filename)
    if method is None:
        raise Http404
    page = page_at(request, page_path)
    handler = getattr(page, method, None)
    # Files of private pages are not served: the feed and calendar would leak their content.
    if handler is None or page.get_view_restrictions().exists():
        raise Http404
    return handler(request)
