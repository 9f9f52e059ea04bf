"""Public views of the home app that are not pages."""

from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from home import consent


@require_POST
def cookie_consent(request):
    """The cookie notice's form, for visitors without JavaScript: store the choice, go back."""
    try:
        categories = consent.categories_from_choice(
            request.POST.get("choice", ""), request.POST.getlist("categories")
        )
    except ValueError:
        return HttpResponseBadRequest(
            _("Choose “Accept all”, “Only strictly necessary” or “Save my choices”."),
            content_type="text/plain; charset=utf-8",
        )
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    # Drop the "reopen the notice" marker so the visitor lands on the page without it.
    target = target.replace("?cookies=settings", "").replace("&cookies=settings", "")
    response = HttpResponseRedirect(target)
    return consent.set_consent_cookie(response, categories, secure=request.is_secure())
