"""Public views of the home app that are not pages."""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.http import HttpResponseBadRequest, HttpResponseForbidden, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from home import consent


def _own_origins(request):
    origins = {f"{request.scheme}://{request.get_host()}"}
    origins.update(o for o in settings.CSRF_TRUSTED_ORIGINS if "*" not in o)
    return {origin.lower() for origin in origins}


def _origin_of(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower() if parts.scheme and parts.netloc else None


def _from_this_site(request):
    """The browser says the form was posted from one of our own pages.

    Sec-Fetch-Site, when sent, must say "same-origin". Origin, when sent, must be ours: "null"
    (a sandboxed frame on any site, a file, a cross-site redirect) never is. Without Origin, an
    absolute Referer of ours will do, or Sec-Fetch-Site alone.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None and fetch_site != "same-origin":
        return False
    origin = request.headers.get("Origin")
    if origin is not None:
        return origin.lower() in _own_origins(request)
    referer = request.headers.get("Referer")
    if referer:
        return _origin_of(referer) in _own_origins(request)
    return fetch_site == "same-origin"


def _page_to_return_to(request, value):
    """``next`` without the notice's reopen marker, if it is a path on this site, else "/".

    Normalised first (urlsplit drops tabs and newlines as browsers do; the marker comes out of
    the query), then checked as the final value that goes into Location.
    """
    parts = urlsplit(value)
    query = urlencode([(key, item) for key, item in parse_qsl(parts.query, keep_blank_values=True)
                       if (key, item) != ("cookies", "settings")])
    target = urlunsplit(("", "", parts.path, query, parts.fragment))
    if (parts.scheme or parts.netloc or not target.startswith("/")
            or not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                   require_https=request.is_secure())):
        return "/"
    return target


# No CSRF token in the notice: a token would set the CSRF cookie on every page and make every
# page uncacheable. Another site must still not be able to record "accept all" for a visitor, so
# the view checks that the post came from this site, more strictly than Django's CSRF check does
# by Origin and Referer (it refuses "Origin: null" and a cross-site Sec-Fetch-Site too).
@csrf_exempt
@require_POST
def cookie_consent(request):
    """The cookie notice's form, for visitors without JavaScript: store the choice, go back."""
    if not _from_this_site(request):
        return HttpResponseForbidden(
            _("Your choice must be made on this site's own cookie notice."),
            content_type="text/plain; charset=utf-8",
        )
    try:
        categories = consent.categories_from_choice(
            request.POST.get("choice", ""), request.POST.getlist("categories")
        )
    except ValueError:
        return HttpResponseBadRequest(
            _("Choose “Accept all”, “Only strictly necessary” or “Save my choices”."),
            content_type="text/plain; charset=utf-8",
        )
    target = _page_to_return_to(request, request.POST.get("next", ""))
    response = HttpResponseRedirect(target)
    return consent.set_consent_cookie(response, categories, secure=request.is_secure())
