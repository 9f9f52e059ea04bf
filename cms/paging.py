"""The one paging policy of every public listing (archives, series, authors, publications, search).

- No ``page`` (or an empty one): the first page.
- A ``page`` that is not a whole number from 1 up (``abc``, ``0``, ``-1``, ``1.5``, ``²``): the
  visitor's mistake. The listing answers 400, shows its first page and says why, so a mistyped
  link still lands somewhere useful but is not indexed or cached as a page of its own.
- A whole number past the last page: the address names nothing, so 404 (as for any other page
  that does not exist). Page 1 of an empty listing is not out of range.

``paginate`` is the only place that reads ``page``; listings render ``Paging.page`` and pass
``Paging.status`` on as their response status (``PagedListing`` does that for page types whose
listing is built in ``get_context``).
"""

import re
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.http import Http404
from django.utils.translation import gettext as _

PAGE_PARAMETER = "page"
# ASCII digits only: str.isdigit() also accepts "²" and other digits that int() refuses.
WHOLE_NUMBER = re.compile(r"[0-9]{1,9}")


@dataclass
class Paging:
    page: Page
    # The message shown above the listing when the page number was not one; None when it was.
    error: str | None = None

    @property
    def status(self):
        return 400 if self.error else 200

    @property
    def errors(self):
        """For includes/listing_errors.html."""
        return [self.error] if self.error else []


def paginate(rows, request, per_page):
    """One page of ``rows`` (a list or a queryset) by the request's ``page`` parameter."""
    paginator = Paginator(rows, per_page)
    raw = request.GET.get(PAGE_PARAMETER, "").strip()
    if not raw:
        return Paging(paginator.page(1))
    if not WHOLE_NUMBER.fullmatch(raw) or int(raw) < 1:
        return Paging(paginator.page(1),
                      error=_("The page number must be a whole number; showing the first page."))
    number = int(raw)
    if number > paginator.num_pages:
        raise Http404(_("There is no page %(page)s in this list.") % {"page": number})
    return Paging(paginator.page(number))


class PagedListing:
    """For page types that page a listing in ``get_context``: the response carries the paging's
    status (400 for a malformed page number). ``get_context`` puts the Paging in
    ``context["paging"]``."""

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        paging = getattr(response, "context_data", None) and response.context_data.get("paging")
        if paging is not None:
            response.status_code = paging.status
        return response


def query_without_page(request):
    """The request's other parameters, URL-encoded, for the pager's links."""
    query = request.GET.copy()
    query.pop(PAGE_PARAMETER, None)
    return query.urlencode()
