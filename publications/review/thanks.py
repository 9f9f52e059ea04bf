"""The public yearly list of reviewers who agreed to be thanked by name (in every language of the
site, under its language prefix). It names people and their affiliation, never what they
reviewed."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from .recognition import thanked_reviewers, years_with_reviews


@require_http_methods(["GET", "HEAD"])
def latest(request):
    years = years_with_reviews()
    if not years:
        raise Http404
    return redirect("reviewer_thanks", year=years[0])


@require_http_methods(["GET", "HEAD"])
def thanks(request, year):
    if not 2000 <= year <= timezone.localdate().year:
        raise Http404
    return render(request, "publications/reviewer_thanks.html", {
        "year": year, "people": thanked_reviewers(year), "years": years_with_reviews(),
    })
