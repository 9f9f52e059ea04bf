"""Sign-up for online lectures: visitors leave a name and address, and the join link reaches
them by e-mail shortly before the start (``send_join_links``, from cron or as a task)."""

import datetime

from django import forms
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.http import HttpResponseNotAllowed
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django_tasks import task

from .models import LectureSignup

# The join link goes out this long before a lecture starts (minutes).
DEFAULT_JOIN_LINK_LEAD = 60


class LectureSignupForm(forms.ModelForm):
    consent = forms.BooleanField(
        label=_("I agree that the network keeps my name and address to send me the join link."))

    class Meta:
        model = LectureSignup
        fields = ["name", "email"]


@never_cache
def signup(request, lecture):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    context = {"page": lecture}
    if not lecture.signup_required or not lecture.is_upcoming():
        return render(request, "registrations/lecture_signup_closed.html", context, status=409)
    form = LectureSignupForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                LectureSignup.objects.create(
                    lecture=lecture, name=form.cleaned_data["name"],
                    email=form.cleaned_data["email"], consent_at=timezone.now(),
                    language=get_language())
        except IntegrityError:
            pass  # already signed up: the same answer, so nobody learns who else has
        return render(request, "registrations/lecture_signup_done.html", context)
    context["form"] = form
    return render(request, "registrations/lecture_signup.html", context,
                  status=400 if request.method == "POST" else 200)


def lead_time():
    return datetime.timedelta(minutes=getattr(settings, "LECTURE_JOIN_LINK_LEAD_MINUTES",
                                              DEFAULT_JOIN_LINK_LEAD))


def send_join_links(now=None):
    """E-mail the join link to everyone signed up for a lecture starting within the lead time;
    each person once. Returns how many went out."""
    now = now or timezone.now()
    due = (LectureSignup.objects.filter(
        join_link_sent_at__isnull=True, lecture__signup_required=True,
        lecture__starts_at__gt=now, lecture__starts_at__lte=now + lead_time())
        .exclude(lecture__join_url="").select_related("lecture"))
    sent = 0
    for signup_row in due:
        with transaction.atomic():
            claimed = LectureSignup.objects.filter(pk=signup_row.pk,
                                                   join_link_sent_at__isnull=True
                                                   ).update(join_link_sent_at=timezone.now())
            if not claimed:
                continue
            with translation.override(signup_row.language):
                lecture = signup_row.lecture.localized
                text = render_to_string("registrations/email/join_link.txt", {
                    "signup": signup_row, "lecture": lecture,
                    "join_url": signup_row.lecture.join_url}).strip()
            subject, _nl, body = text.partition("\n")
            EmailMessage(subject=subject.strip(), body=body.strip() + "\n",
                         to=[signup_row.email]).send()
            sent += 1
    return sent


@task()
def send_join_links_task():
    return send_join_links()
