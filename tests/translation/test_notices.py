"""Translators hear of work when it appears: an e-mail when a page needs translating or its
source changed, and one digest when many pages appear together."""

import pytest
from django.core import mail
from wagtail.models import Page

from home.models import StandardPage
from translation.models import TranslatorNotice

from .conftest import make_user, on_commit, translate_and_publish

pytestmark = pytest.mark.django_db


def mails_to(user):
    return [message for message in mail.outbox if message.to == [user.email]]


def publish(page):
    with on_commit():
        page.save_revision().publish()


def test_a_new_page_tells_each_translator_once(site_tree, translator_fr, translator_de):
    mail.outbox.clear()
    page = site_tree["education"].add_child(instance=StandardPage(
        title="Winter school 2027", slug="winter-school", intro="Two weeks in Sarajevo."))
    publish(page)

    [message] = mails_to(translator_fr)
    assert message.subject == "To translate into Français: “Winter school 2027”"
    assert "/admin/translation/queue/" in message.body
    [message] = mails_to(translator_de)
    assert "Deutsch" in message.subject
    assert not TranslatorNotice.objects.filter(sent_at__isnull=True).exists()


def test_a_changed_source_asks_for_an_update(site_tree, locales, translator_fr):
    translate_and_publish(site_tree["home"], locales["fr"])
    translate_and_publish(site_tree["about"], locales["fr"])
    mail.outbox.clear()
    about = StandardPage.objects.get(pk=site_tree["about"].pk)
    about.intro = "An open network since 2013, for everyone."
    publish(about)
    [message] = mails_to(translator_fr)
    assert message.subject == "To bring up to date in Français: “About the network”"
    assert "the source changed" in message.body


def test_many_pages_at_once_make_one_digest(site_tree, translator_fr):
    mail.outbox.clear()
    with on_commit():
        for number in range(5):
            page = site_tree["education"].add_child(instance=StandardPage(
                title=f"Course {number}", slug=f"course-{number}", intro="A course."))
            page.save_revision().publish()
    [message] = mails_to(translator_fr)
    assert message.subject == "5 pages wait for your translation"
    for number in range(5):
        assert f"Course {number} (Français)" in message.body


def test_translations_and_translators_without_an_address_make_no_mail(site_tree, locales,
                                                                     translator_fr):
    silent = make_user("silent", "Translators", "Translators (fr)")
    silent.email = ""
    silent.save()
    translate_and_publish(site_tree["home"], locales["fr"])
    mail.outbox.clear()
    # Publishing a translation is not new work for translators.
    home_fr = Page.objects.get(depth=2, locale=locales["fr"]).specific
    publish(home_fr)
    assert mail.outbox == []
    assert not TranslatorNotice.objects.filter(user=silent).exists()
