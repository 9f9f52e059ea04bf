"""Admin views of the publication side (the peer-review admin lives in its own modules)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_GET

from publications import crossref
from publications.models import PublicationPage


@require_GET
def crossref_deposit(request, page_id):
    """Download the Crossref deposit XML of a publication the user may edit (its original's, for
    a translation: the work is deposited once, in its source language)."""
    page = get_object_or_404(PublicationPage, pk=page_id).original
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    try:
        body = crossref.deposit_xml(page, url=page.full_url)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("wagtailadmin_pages:edit", page.pk)
    response = HttpResponse(body, content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="crossref-{page.slug}.xml"'
    return response
