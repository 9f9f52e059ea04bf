"""Admin views of the publication side (the peer-review admin lives in its own modules)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from publications import crossref, deposits
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


@require_http_methods(["GET", "POST"])
def crossref_deposits(request, page_id):
    """The work's deposits with their status and Crossref's message; POST sends a new one.
    Registering a DOI's metadata is publishing it: for those who may publish the page."""
    page = get_object_or_404(PublicationPage, pk=page_id).original
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    if request.method == "POST":
        try:
            deposits.start(page)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The deposit is on its way to Crossref."))
        return redirect("publications_crossref_deposits", page.pk)
    title = _("Crossref deposits of “%(title)s”") % {"title": page.title}
    return TemplateResponse(request, "publications/admin/crossref_deposits.html", {
        "page": page, "deposits": page.crossref_deposits.all()[:20],
        "page_title": title, "header_title": title, "header_icon": "upload",
    })
