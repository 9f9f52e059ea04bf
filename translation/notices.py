"""Translators hear of work when it appears: a source page published with no translation in
their language yet, or with one that the change leaves out of date.

Publishing records a notice per translator, page and language; once the publishing transaction
commits, a background task e-mails each translator everything pending for them: one page, or a
digest when many pages appeared together (a section published at once, the demo loaded).
"""

from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task
from wagtail.models import Locale, Page

from publications.review.notifications import absolute, language_of

from .models import TranslatorNotice
from .permissions import target_locales, translator_group_name


def translators_of(locale):
    return get_user_model().objects.filter(
        groups__name=translator_group_name(locale.language_code), is_active=True,
    ).exclude(email="").distinct()


def record_work(page):
    """Note for each translator the work that publishing the source ``page`` makes for them."""
    if page.locale_id != Locale.get_default().pk or page.depth < 2:
        return
    targets = {
        row["locale_id"]: row
        for row in Page.objects.filter(translation_key=page.translation_key)
        .exclude(pk=page.pk).values("locale_id", "alias_of_id")
    }
    told = set()
    for locale in target_locales():
        target = targets.get(locale.pk)
        translated = target is not None and target["alias_of_id"] is None
        kind = TranslatorNotice.Kind.CHANGED if translated else TranslatorNotice.Kind.NEW
        for user in translators_of(locale):
            TranslatorNotice.objects.get_or_create(
                user=user, page_id=page.pk, locale=locale, sent_at=None, defaults={"kind": kind}
            )
            told.add(user.pk)
    for user_id in told:
        transaction.on_commit(partial(send_translator_notices.enqueue, user_id))


@task()
def send_translator_notices(user_id):
    """E-mail ``user_id`` the work noted for them and not yet told; returns how many notices."""
    with transaction.atomic():
        notices = list(
            TranslatorNotice.objects.select_for_update()
            .filter(user_id=user_id, sent_at__isnull=True)
            .select_related("user", "page", "locale").order_by("page__path", "locale_id")
        )
        if not notices:  # told already, with others of the same transaction
            return 0
        user = notices[0].user
        with translation.override(language_of(user)):
            context = {"recipient": user, "notices": notices,
                       "queue_url": absolute(reverse("translation:queue"))}
            rendered = render_to_string("translation/email/translator_notices.txt",
                                        context).strip()
            subject, _, body = rendered.partition("\n")
        message = EmailMultiAlternatives(" ".join(subject.split()), body.strip() + "\n",
                                         settings.DEFAULT_FROM_EMAIL, [user.email])
        message.send()
        TranslatorNotice.objects.filter(pk__in=[notice.pk for notice in notices]).update(
            sent_at=timezone.now())
    return len(notices)
