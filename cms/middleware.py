"""Security middleware: the Content-Security-Policy per area, and per-view rate limits."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

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
