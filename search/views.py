"""The search page and the JSON autocomplete the search box uses."""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from cms.paging import query_without_page

from .facets import clean_selection
from .query import MAX_QUERY_LENGTH, clean_query
from .service import autocomplete, run_search


@require_GET
def search(request):
    query = clean_query(request.GET.get("q", ""))
    selection = clean_selection(request.GET)
    outcome = run_search(query, selection, request)

    # Each facet value links to the same search with that value toggled and the page reset.
    for group in outcome.facets:
        for value in group.values:
            params = request.GET.copy()
            params.pop("page", None)
            if value.selected:
                params.pop(group.key, None)
            else:
                params[group.key] = value.value
            value.url = "?" + params.urlencode()
    context = {
        "search_query": query.text,
        "query_truncated": query.truncated,
        "max_query_length": MAX_QUERY_LENGTH,
        "outcome": outcome,
        "selection": selection,
        "query_without_page": query_without_page(request),
    }
    status = outcome.paging.status if outcome.paging else 200
    return TemplateResponse(request, "search/search.html", context, status=status)


@require_GET
@vary_on_headers("Accept-Language")
def autocomplete_view(request):
    query = clean_query(request.GET.get("q", ""))
    pages = autocomplete(query)
    specific = {page.pk: page for page in pages}
    return JsonResponse(
        {
            "query": query.text,
            "results": [
                {
                    "title": page.title,
                    "url": page.get_url(request),
                    "type": str(page.specific_class._meta.verbose_name).capitalize()
                    if page.specific_class else _("Page"),
                }
                for page in specific.values()
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )
