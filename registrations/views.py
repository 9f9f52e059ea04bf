"""Public views: the registration form (served by EventPage's register/ route), the
registrant's own page behind the link in their e-mails, and certificate verification."""

import json

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import payments, privacy, seats
from .certificates import verify_url
from .forms import RegistrationForm
from .models import Certificate, Registration
from .runs import run_of, runs_for


def _private(response):
    """The registrant's pages carry their secret link: never cached, and never sent to another
    site as a referrer. ("no-referrer" would also make browsers send "Origin: null" with the
    page's own forms, which Django's CSRF check rightly refuses.)"""
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "same-origin"
    return response


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def register(request, page, run_id=None):
    runs = runs_for(page)
    if run_id is None:
        open_runs = [run for run in runs if run.accepts_registrations()]
        if len(open_runs) == 1:
            return HttpResponseRedirect(f"{page.url}register/{open_runs[0].pk}/")
        return render(request, "registrations/choose_run.html",
                      {"page": page, "runs": runs, "open_runs": open_runs},
                      status=200 if open_runs else 409)
    run = run_of(page, run_id)
    context = {"page": page, "run": run}
    if not run.accepts_registrations():
        return render(request, "registrations/closed.html", context, status=409)
    form = RegistrationForm(request.POST if request.method == "POST" else None, run=run)
    if request.method == "POST" and form.is_valid():
        user = request.user if request.user.is_authenticated else None
        try:
            registration = seats.register(run.pk, user=user, language=get_language(),
                                          **form.registration_fields())
        except seats.RegistrationClosed:
            return render(request, "registrations/closed.html", context, status=409)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return HttpResponseRedirect(
                reverse("registrations:manage", args=[registration.manage_token]) + "?new=1")
    context.update(form=form, seats_left=run.seats_left())
    status = 400 if request.method == "POST" else 200
    return _private(render(request, "registrations/register.html", context, status=status))


def _registration(token):
    registration = (Registration.objects.select_related("run__event", "fee_category")
                    .filter(manage_token=token, anonymised_at__isnull=True).first())
    if registration is None:
        raise Http404
    return registration


@require_http_methods(["GET", "HEAD"])
def manage(request, token):
    registration = _registration(token)
    certificate = Certificate.objects.filter(registration=registration).first()
    return _private(render(request, "registrations/manage.html", {
        "registration": registration, "run": registration.run,
        "event": registration.run.event.localized, "bank": payments.bank_details(),
        "certificate": certificate, "new": request.GET.get("new") == "1",
    }))


@require_POST
def cancel(request, token):
    registration = _registration(token)
    if registration.status in (Registration.Status.CANCELLED, Registration.Status.ATTENDED):
        return _private(render(request, "registrations/message.html", {
            "message": _("This registration cannot be cancelled any more."),
            "registration": registration}, status=409))
    seats.cancel(registration)
    return HttpResponseRedirect(reverse("registrations:manage", args=[token]))


@require_POST
def accept_offer(request, token):
    registration = _registration(token)
    if not seats.accept_offer(registration):
        return _private(render(request, "registrations/message.html", {
            "message": _("This offer has lapsed or was already answered: the seat has passed "
                         "to the next person on the waiting list."),
            "registration": registration}, status=410))
    return HttpResponseRedirect(reverse("registrations:manage", args=[token]))


@require_GET
def download_data(request, token):
    registration = _registration(token)
    response = HttpResponse(
        json.dumps(privacy.personal_data(registration), cls=DjangoJSONEncoder, indent=2,
                   ensure_ascii=False),
        content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="my-registration.json"'
    return _private(response)


@require_http_methods(["GET", "HEAD", "POST"])
def delete_data(request, token):
    registration = _registration(token)
    if request.method == "POST":
        privacy.erase(registration)
        return _private(render(request, "registrations/message.html", {
            "message": _("Your details have been deleted. Only an anonymous count of the "
                         "registration remains.")}))
    return _private(render(request, "registrations/delete.html",
                           {"registration": registration}))


@require_GET
def invoice(request, token):
    from .pdfs import invoice_pdf

    registration = _registration(token)
    if registration.fee_category is None or registration.status == Registration.Status.WAITING:
        raise Http404
    number = payments.invoice_number(registration)
    response = HttpResponse(invoice_pdf(registration, number, payments.bank_details()),
                            content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="invoice-{number}.pdf"'
    return _private(response)


@require_GET
def certificate_file(request, token):
    from .pdfs import certificate_pdf

    registration = _registration(token)
    certificate = get_object_or_404(Certificate, registration=registration, revoked_at__isnull=True)
    response = HttpResponse(certificate_pdf(certificate, verify_url(certificate)),
                            content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.code}.pdf"'
    return _private(response)


@require_http_methods(["GET", "HEAD"])
def verify_certificate(request, code):
    """Confirms a certificate: course, dates, valid or revoked. Never who holds it: anyone who
    has the code would otherwise learn a name and a course from it."""
    certificate = (Certificate.objects.select_related("registration__run__event")
                   .filter(code=code.upper()[:20]).first())
    if certificate is None:
        return render(request, "registrations/certificate.html", {"code": code[:20]}, status=404)
    run = certificate.registration.run
    return render(request, "registrations/certificate.html", {
        "certificate": certificate, "run": run, "event": run.event.localized,
        "code": certificate.code,
    })
