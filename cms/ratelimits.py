"""Rate limits on the public endpoints that write data or are cheap to call and costly to serve.

Limits are per client address, counted in the default cache (Redis in production, so every
worker shares the counts). Views are limited by URL name in one table, so a limit is visible and
adjustable here rather than scattered over decorators; Wagtail form pages (the contact form) are
limited by a ``before_serve_page`` hook, since every page shares Wagtail's one serving view.
Login forms are throttled per account and address by django-axes (see the AXES_* settings) and
per address across accounts here.
"""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django_ratelimit import ALL, UNSAFE

# _split_rate is how django-ratelimit itself reads a rate; reused for the Retry-After header.
from django_ratelimit.core import _split_rate, is_ratelimited

# URL name → (rate, methods counted). A rate reads "count/period", period s, m, h or d with an
# optional multiplier ("5/10m"). Only names that exist are listed: tests check each one resolves.
VIEW_RATE_LIMITS = {
    # Author portal: accounts and password resets send e-mail; submissions store files.
    "portal:register": ("5/h", UNSAFE),
    "portal:password_reset": ("5/h", UNSAFE),
    # As many as registration allows: each one sends an e-mail.
    "portal:resend_verification": ("5/h", UNSAFE),
    "portal:submission_new": ("20/h", UNSAFE),
    "portal:submission_step": ("60/h", UNSAFE),
    "portal:revise": ("20/h", UNSAFE),
    # Log-in, per address across accounts (django-axes locks one account per address after
    # five failures): one address spraying a password over many accounts is stopped here,
    # before a password is hashed.
    "portal:login": ("20/10m", UNSAFE),
    "wagtailadmin_login": ("20/10m", UNSAFE),
    # Search runs full-text queries; the box asks for suggestions as the visitor types.
    "search:search": ("60/m", ALL),
    "search:autocomplete": ("120/m", ALL),
    # Each check writes, reads and deletes an object in storage (S3 requests cost money): a
    # monitor polls a few times a minute, not hundreds.
    "healthz": ("30/m", ALL),
}

# Every Wagtail form page (FormMixin) accepts this many submissions per address.
FORM_PAGE_RATE = "5/10m"


def _rate_limited_response(request, period_seconds=600):
    if request.headers.get("accept", "").startswith("application/json") or request.path.endswith(
        "/autocomplete/"
    ):
        response = JsonResponse(
            {"error": "Too many requests. Please wait a moment and try again."}, status=429
        )
    else:
        response = TemplateResponse(request, "cms/rate_limited.html", status=429)
    response["Retry-After"] = str(period_seconds)
    return response


def _period_seconds(rate):
    return _split_rate(rate)[1]


def check_view_rate_limit(request, view_name):
    """The 429 response when this request exceeds its view's limit, else None."""
    rule = VIEW_RATE_LIMITS.get(view_name)
    if rule is None:
        return None
    rate, methods = rule
    if is_ratelimited(
        request, group=view_name, key="ip", rate=rate, method=methods, increment=True
    ):
        return _rate_limited_response(request, _period_seconds(rate))
    return None


def check_form_page_rate_limit(request, page):
    if request.method != "POST":
        return None
    if is_ratelimited(
        request,
        group=f"form-page:{page.pk}",
        key="ip",
        rate=FORM_PAGE_RATE,
        method=UNSAFE,
        increment=True,
    ):
        return _rate_limited_response(request, _period_seconds(FORM_PAGE_RATE))
    return None


def rate_limited_view(request, exception=None):
    """RATELIMIT_VIEW: what a view decorated with ``@ratelimit(block=True)`` answers."""
    return _rate_limited_response(request)

