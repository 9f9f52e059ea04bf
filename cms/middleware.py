"""Security middleware: the Content-Security-Policy per area, per-view rate limits, and the
compression of pages that carry no secret; and the language middleware, which leaves the
unprefixed part of the site alone."""

from functools import lru_cache

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.middleware.gzip import GZipMiddleware
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import LocalePrefixPattern, get_resolver
from django.utils import translation
from django.utils.cache import patch_vary_headers
from whitenoise.middleware import WhiteNoiseMiddleware

from cms.ratelimits import check_view_rate_limit


class SiteCSPMiddleware(CSPMiddleware):
    """Public pages get CONTENT_SECURITY_POLICY (scripts only from our origin or with the
    request's nonce); the Wagtail admin gets ADMIN_CONTENT_SECURITY_POLICY, because its editing
    widgets still ship inline scripts. Both only allow framing by our own origin, which is
    what Wagtail's live preview needs.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(settings.ADMIN_CSP_URL_PREFIXES)
        ):
            return PolicyParts(
                config=dict(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]),
                update=parts.update,
                replace=parts.replace,
                nonce=parts.nonce,
            )
        return parts


class RateLimitMiddleware:
    """Applies cms.ratelimits.VIEW_RATE_LIMITS to the view each request resolves to."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None:
            return None
        return check_view_rate_limit(request, match.view_name)


class PageCompressionMiddleware(GZipMiddleware):
    """Pages gzip-compressed when settings.COMPRESS_HTML is on and the browser accepts it.

    BREACH (Django's GZipMiddleware docs): a compressed response that holds a secret next to
    text an attacker can put in the request leaks the secret byte by byte. Django's answer is
    "Heal The Breach" (random bytes in every gzip header, kept here) and masked CSRF tokens; on
    top of that, nothing is compressed that holds a secret at all: a response that sets the
    CSRF cookie (it rendered a form's token) or that is made for a signed-in user (their
    submissions, registrations, the admin). Public pages, the bulk of the traffic, hold none.
    Static files never reach this: WhiteNoise, earlier in the chain, serves its own compressed
    copies.
    """

    def process_response(self, request, response):
        if not getattr(settings, "COMPRESS_HTML", False):
            return response
        if settings.CSRF_COOKIE_NAME in response.cookies:
            return response
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return response
        return super().process_response(request, response)


class StaticFilesMiddleware(WhiteNoiseMiddleware):
    """WhiteNoise, with fingerprinted files kept a year rather than its ten: a year is the
    longest lifetime HTTP caches are asked to honour (RFC 9111 keeps RFC 2616's advice), and a
    changed file has a new name anyway."""

    FOREVER = 60 * 60 * 24 * 365


@lru_cache(maxsize=1)
def unprefixed_paths():
    """The start of each address outside the language prefix (cms/urls.py): the admin and its
    API, documents, the sitemaps, OAI-PMH, the health checks."""
    starts = []
    for pattern in get_resolver().url_patterns:
        if not isinstance(pattern.pattern, LocalePrefixPattern):
            route = str(pattern.pattern).lstrip("^").split("<", 1)[0].split("(", 1)[0]
            if route:
                starts.append("/" + route)
    return tuple(starts)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a 404 outside the language prefix stays a 404. Django would send
    it to /en/<address>, where Wagtail's page serving answers with the site's HTML 404 page: a
    JSON client (the admin's page chooser asking for a page the user may not see) then fails to
    parse it, and a missing sitemap page becomes a redirect."""

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(unprefixed_paths()):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)
