"""Staff pages beside the Registrations listing: record a payment, cancel, take attendance
(a printable list per run, which also issues the certificates), e-mail a run's registrants."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.permission_policies import ModelPermissionPolicy

from . import payments, seats
from .certificates import issue_certificates, meets_rule
from .models import Attendance, Payment, Registration, Run

policy = ModelPermissionPolicy(Registration)


def _require(request, action="change"):
    if not policy.user_has_permission(request.user, action):
        raise PermissionDenied


class PaymentForm(forms.ModelForm):
    class Meta:
        model = Payment
        fields = ["kind", "date", "amount", "note"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"})}


def record_payment(request, pk):
    _require(request)
    registration = get_object_or_404(Registration.objects.select_related("run__event",
                                                                         "fee_category"), pk=pk)
    form = PaymentForm(request.POST if request.method == "POST" else None,
                       initial={"date": timezone.localdate(), "amount": registration.fee})
    if request.method == "POST" and form.is_valid():
        payments.record_payment(registration, user=request.user, **form.cleaned_data)
        messages.success(request, _("Payment recorded for %(name)s.") % {"name": registration.name})
        return redirect(reverse("registrations_registration:index") + f"?run={registration.run_id}")
    return TemplateResponse(request, "registrations/admin/payment.html", {
        "registration": registration, "form": form,
        "records": registration.payments.all(),
    }, status=400 if request.method == "POST" else 200)


def cancel_registration(request, pk):
    _require(request)
    registration = get_object_or_404(Registration.objects.select_related("run__event"), pk=pk)
    if request.method == "POST":
        seats.cancel(registration)
        messages.success(request, _("Registration of %(name)s cancelled.") % {"name": registration.name})
        return redirect(reverse("registrations_registration:index") + f"?run={registration.run_id}")
    return TemplateResponse(request, "registrations/admin/cancel.html",
                            {"registration": registration})


def attendance(request, run_id):
    _require(request)
    run = get_object_or_404(Run.objects.select_related("event"), pk=run_id)
    sessions = run.sessions()
    participants = list(run.registrations.filter(
        status__in=[Registration.Status.CONFIRMED, Registration.Status.ATTENDED],
        anonymised_at__isnull=True).order_by("name").prefetch_related("attendance"))
    if request.method == "POST":
        keys = {key for key, _label in sessions}
        with transaction.atomic():
            for registration in participants:
                for key in keys:
                    present = f"present-{registration.pk}-{key}" in request.POST
                    Attendance.objects.update_or_create(
                        registration=registration, session=key,
                        defaults={"present": present, "marked_by": request.user})
        messages.success(request, _("Attendance saved."))
        if "issue" in request.POST:
            issued = issue_certificates(run)
            messages.success(request, _("%(count)s certificates issued.") % {"count": len(issued)})
        return redirect("registrations_admin:attendance", run_id=run.pk)
    rows = []
    for registration in participants:
        present = {a.session for a in registration.attendance.all() if a.present}
        rows.append({"registration": registration,
                     "cells": [(key, key in present) for key, _label in sessions],
                     "meets_rule": meets_rule(registration),
                     "certificate": getattr(registration, "certificate", None)})
    return TemplateResponse(request, "registrations/admin/attendance.html", {
        "run": run, "sessions": sessions, "rows": rows, "needed": run.sessions_needed(),
    })


class RunEmailForm(forms.Form):
    subject = forms.CharField(label=gettext_lazy("Subject"), max_length=200)
    body = forms.CharField(label=gettext_lazy("Message"), widget=forms.Textarea, max_length=10000)
    include_waiting = forms.BooleanField(label=gettext_lazy("Also write to the waiting list"),
                                         required=False)


def email_run(request, run_id):
    _require(request)
    run = get_object_or_404(Run.objects.select_related("event"), pk=run_id)
    form = RunEmailForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        statuses = list(Registration.HOLDS_SEAT)
        if form.cleaned_data["include_waiting"]:
            statuses.append(Registration.Status.WAITING)
        recipients = list(run.registrations.filter(status__in=statuses, anonymised_at__isnull=True)
                          .values_list("email", flat=True))
        for address in recipients:  # one message each: registrants never see each other
            EmailMessage(subject=form.cleaned_data["subject"], body=form.cleaned_data["body"],
                         to=[address]).send()
        messages.success(request, _("%(count)s e-mails sent.") % {"count": len(recipients)})
        return redirect(reverse("registrations_registration:index") + f"?run={run.pk}")
    return TemplateResponse(request, "registrations/admin/email.html", {"run": run, "form": form},
                            status=400 if request.method == "POST" else 200)
