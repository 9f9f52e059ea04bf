"""Security middleware: the Content-Security-Policy per area, per-view rate limits, and the
compression of pages that carry no secret."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.middleware.gzip import GZipMiddleware
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
