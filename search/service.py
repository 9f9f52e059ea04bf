"""The site search: one function the view calls, independent of the search back end.

The back end ranks the live, public pages of the visitor's language; everything after that
(facet counts, facet filters, pagination) works on the ranked list of page ids, so it behaves
the same on the database back end and on Elasticsearch.
"""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

from cms.paging import Paging, paginate

from .facets import count_facets, filter_hits
from .snippets import highlight, summary_text

# How many ranked hits facets and pagination work on. Past this, a visitor refines the query.
MAX_HITS = 500
PAGE_SIZE = 10
AUTOCOMPLETE_SIZE = 8


def searchable_pages(locale):
    """Live, public pages in one language, without the tree's invisible root."""
    return Page.objects.live().public().filter(locale=locale, depth__gt=1)


@dataclass
class SearchResult:
    page: object
    snippet: str

    @property
    def type_label(self):
        return str(self.page._meta.verbose_name).capitalize()


@dataclass
class SearchOutcome:
    query: object
    results: list = field(default_factory=list)
    page_obj: object = None
    paging: object = None
    facets: list = field(default_factory=list)
    promotions: list = field(default_factory=list)
    total: int = 0
    capped: bool = False


def promotions_for(query_text, locale):
    """Editors' picks for this query whose page is live, public and in the visitor's language.

    SearchPromotion has no language of its own, so the promoted page's locale decides; external
    links are shown in every language.
    """
    if not query_text:
        return []
    promotions = (
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query_text))
        .select_related("page")
        .order_by("sort_order")
    )
    live_public_ids = set(
        searchable_pages(locale)
        .filter(pk__in=[p.page_id for p in promotions if p.page_id])
        .values_list("pk", flat=True)
    )
    return [
        promotion
        for promotion in promotions
        if (promotion.page_id is None and promotion.external_link_url)
        or promotion.page_id in live_public_ids
    ]


def _ranked_hits(query, locale):
    # Only the ids and types: the facets and the result page load what they show themselves.
    fields = ("id", "content_type_id", "last_published_at")
    results = searchable_pages(locale).only(*fields).search(
        query.to_search_query(), order_by_relevance=True
    )[: MAX_HITS + 1]
    ranked_queryset = getattr(results, "get_queryset", None)
    if ranked_queryset is not None:
        # The database back ends rank in SQL: read the columns of the ranked rows instead of
        # building up to 500 Page instances (costly ones: modelcluster) that nothing shows.
        hits = list(ranked_queryset().values_list(*fields))
    else:
        hits = [tuple(getattr(page, name) for name in fields) for page in results]
    return hits[:MAX_HITS], len(hits) > MAX_HITS


def _specific_in_order(page_ids):
    pages = Page.objects.filter(pk__in=page_ids).specific().defer_streamfields()
    by_id = {page.pk: page for page in pages}
    return [by_id[pk] for pk in page_ids if pk in by_id]


def run_search(query, selection, request=None, locale=None):
    """Search, filter by the selected facets, count facets and return one page of results: the
    page the request asks for (cms.paging's policy), or the first."""
    locale = locale or Locale.get_active()
    outcome = SearchOutcome(query=query)
    if not query:
        return outcome
    hits, outcome.capped = _ranked_hits(query, locale)
    filtered = filter_hits(hits, selection)
    outcome.facets = count_facets(filtered, selection)
    outcome.total = len(filtered)
    if request is None:
        outcome.paging = Paging(Paginator(filtered, PAGE_SIZE).page(1))
    else:
        outcome.paging = paginate(filtered, request, PAGE_SIZE)
    outcome.page_obj = outcome.paging.page
    pages = _specific_in_order([hit[0] for hit in outcome.page_obj.object_list])
    outcome.results = [
        SearchResult(page=page, snippet=highlight(summary_text(page), query.terms))
        for page in pages
    ]
    outcome.promotions = promotions_for(query.text, locale)
    return outcome


def autocomplete(query, locale=None, limit=AUTOCOMPLETE_SIZE):
    """Titles that start with what the visitor is typing, in their language."""
    locale = locale or Locale.get_active()
    if not query:
        return []
    results = searchable_pages(locale).autocomplete(query.text.replace('"', " "), operator="and")
    return list(results[:limit])
