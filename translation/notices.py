"""Translators hear of work when it appears in their languages:

- a source page is published with no translation in their language yet, or with one that the
  change leaves out of date (``record_work``, on Wagtail's ``page_published``);
- an editor starts a translation into their language, with wagtail-localize's "Translate this
  page" or a whole section at once (``record_started``, when the Translation row is made);
- an editor syncs a translation, so new source text waits in it (``record_synced``).

Each records a notice per translator, page and language; once the transaction commits, a
background task e-mails each translator, in their own language, everything pending for them:
one page, or a digest when many pages appeared together (a section published or sent for
translation at once). A translator is not told of the work they made themselves (starting or
syncing a translation from their queue), nor of work that is gone by the time the e-mail goes out
(the translation finished and published meanwhile).
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
from wagtail.users.models import UserProfile

from publications.review.notifications import absolute, language_of

from .models import TranslatorNotice
from .permissions import target_locales, translator_group_name
from .status import MISSING, OUT_OF_DATE, translation_statuses


def translators_of(locale):
    return get_user_model().objects.filter(
        groups__name=translator_group_name(locale.language_code), is_active=True,
    ).exclude(email="").distinct()


def language_for(user):
    """The language a translator reads e-mail in: the one they chose for the admin, where
    they work (as Wagtail's own workflow e-mails do), else the site's own rule."""
    profile = UserProfile.objects.filter(user=user).only("preferred_language").first()
    if profile is not None and profile.preferred_language:
        return profile.preferred_language
    return language_of(user)


def _note(page_id, locale, kind, exclude_user=None):
    """A pending notice of ``kind`` for every translator of ``locale``; returns their ids.

    A notice still pending for the same page and language takes the newer kind (a page started
    and then changed before the e-mail went out needs bringing up to date, not starting).
    """
    told = set()
    for user in translators_of(locale):
        if exclude_user is not None and user.pk == exclude_user.pk:
            continue
        notice, created = TranslatorNotice.objects.get_or_create(
            user=user, page_id=page_id, locale=locale, sent_at=None, defaults={"kind": kind}
        )
        if not created and notice.kind != kind:
            notice.kind = kind
            notice.save(update_fields=["kind"])
        told.add(user.pk)
    return told


def _send_after_commit(user_ids):
    for user_id in user_ids:
        transaction.on_commit(partial(send_translator_notices.enqueue, user_id))


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
        told |= _note(page.pk, locale, kind)
    _send_after_commit(told)


def _source_page_id(source):
    """The source page of a wagtail-localize TranslationSource, or None for a snippet."""
    model = source.specific_content_type.model_class()
    if model is None or not issubclass(model, Page):
        return None
    return (
        Page.objects.filter(translation_key=source.object_id, locale_id=source.locale_id)
        .values_list("pk", flat=True).first()
    )


def record_started(translation_):
    """A translation of a page was started (by an editor, or by wagtail-localize's sync of a
    section): its language's translators have a page to translate."""
    page_id = _source_page_id(translation_.source)
    if page_id is None:
        return
    _send_after_commit(_note(page_id, translation_.target_locale, TranslatorNotice.Kind.NEW))


def record_synced(translations, actor):
    """``actor`` brought these translations up to date with their source: the translators of
    each language (``actor`` aside) have the changed text to translate."""
    told = set()
    for translation_ in translations:
        page_id = _source_page_id(translation_.source)
        if page_id is not None:
            told |= _note(page_id, translation_.target_locale, TranslatorNotice.Kind.CHANGED,
                          exclude_user=actor)
    _send_after_commit(told)


def forget(user, page, locale):
    """``user`` took this work up themselves: nothing to tell them about it."""
    TranslatorNotice.objects.filter(user=user, page_id=page.pk, locale=locale,
                                     sent_at__isnull=True).delete()


def _work_left(notices):
    """The notices whose page still waits in its language: missing, out of date, or with
    strings left to translate (not finished and published, nor only waiting for moderation)."""
    pages = {notice.page_id: notice.page for notice in notices}
    locales = {notice.locale_id: notice.locale for notice in notices}
    statuses = translation_statuses(pages.values(), locales.values())
    left = []
    for notice in notices:
        status = statuses[notice.page_id][notice.locale_id]
        if status.state in (MISSING, OUT_OF_DATE) or status.unfinished:
            left.append(notice)
    return left


@task()
def send_translator_notices(user_id):
    """E-mail ``user_id`` the work noted for them and not yet told; returns how many notices."""
    with transaction.atomic():
        pending = list(
            TranslatorNotice.objects.select_for_update()
            .filter(user_id=user_id, sent_at__isnull=True)
            .select_related("user", "page", "locale").order_by("page__path", "locale_id")
        )
        notices = _work_left(pending)
        # Work done meanwhile is not worth an e-mail.
        TranslatorNotice.objects.filter(
            pk__in={notice.pk for notice in pending} - {notice.pk for notice in notices}
        ).delete()
        if not notices:  # told already, with others of the same transaction, or nothing left
            return 0
        user = notices[0].user
        with translation.override(language_for(user)):
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
