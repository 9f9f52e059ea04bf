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


# Work an editor makes: starting translations and syncing them --------------------------------

def login(client, user):
    from .conftest import PASSWORD

    assert client.login(username=user.username, password=PASSWORD)


def test_translate_this_page_tells_that_languages_translators(client, site_tree, locales, editor,
                                                              translator_fr, translator_de):
    from django.urls import reverse

    with on_commit():
        # The home page first: a translation lands under its translated parent.
        translate_and_publish(site_tree["home"], locales["fr"])
    mail.outbox.clear()
    login(client, editor)
    with on_commit():
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[site_tree["about"].pk]),
            {"locales": [locales["fr"].pk]},
        )
    assert response.status_code == 302
    [message] = mails_to(translator_fr)
    assert message.subject == "To translate into Français: “About the network”"
    assert mails_to(translator_de) == []


def test_a_section_sent_for_translation_makes_one_digest(client, site_tree, locales, editor,
                                                        translator_fr):
    from django.urls import reverse

    mail.outbox.clear()
    login(client, editor)
    with on_commit():
        response = client.post(reverse("translation:submit_section"), {
            "section": site_tree["home"].pk, "locales": [locales["fr"].pk]})
    assert response.status_code == 302
    [message] = mails_to(translator_fr)
    assert message.subject == "4 pages wait for your translation"
    for title in ("Home", "About the network", "Principles", "Education"):
        assert f"- {title} (Français): not translated yet" in message.body


def test_an_editors_sync_asks_the_translators_for_the_new_text(client, site_tree, locales, editor,
                                                               translator_fr):
    from django.urls import reverse
    from wagtail_localize.models import TranslationSource

    translate_and_publish(site_tree["home"], locales["fr"])
    translate_and_publish(site_tree["about"], locales["fr"])
    about = StandardPage.objects.get(pk=site_tree["about"].pk)
    about.intro = "An open network since 2013, for everyone."
    about.save_revision().publish()  # not committed: the publishing notice waits
    TranslatorNotice.objects.all().delete()
    mail.outbox.clear()

    source = TranslationSource.objects.get(object_id=about.translation_key, locale=locales["en"])
    login(client, editor)
    with on_commit():
        response = client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]), {})
    assert response.status_code == 302
    [message] = mails_to(translator_fr)
    assert message.subject == "To bring up to date in Français: “About the network”"


def test_the_translator_who_starts_a_translation_is_not_told_but_colleagues_are(
        client, site_tree, locales, translator_fr):
    from django.urls import reverse

    colleague = make_user("colleague-fr", "Translators", "Translators (fr)")
    with on_commit():
        translate_and_publish(site_tree["home"], locales["fr"])
    mail.outbox.clear()
    login(client, translator_fr)
    with on_commit():
        response = client.post(reverse("translation:start", args=[site_tree["about"].pk]),
                               {"locale": "fr"})
    assert response.status_code == 302
    assert mails_to(translator_fr) == []
    [message] = mails_to(colleague)
    assert "About the network" in message.subject


def test_work_done_before_the_mail_goes_out_is_not_told(site_tree, locales, translator_fr):
    # The editor starts and finishes the French translation in one go (nothing left to do).
    mail.outbox.clear()
    with on_commit():
        translate_and_publish(site_tree["home"], locales["fr"])
    assert mails_to(translator_fr) == []
    assert not TranslatorNotice.objects.filter(user=translator_fr).exists()


@pytest.mark.usefixtures("compiled_catalogues")
def test_the_mail_is_in_the_language_the_translator_works_in(site_tree, translator_fr):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(translator_fr)
    profile.preferred_language = "fr"
    profile.save()
    mail.outbox.clear()
    page = site_tree["education"].add_child(instance=StandardPage(
        title="Winter school 2027", slug="winter-school", intro="Two weeks in Sarajevo."))
    publish(page)
    [message] = mails_to(translator_fr)
    assert message.subject == "À traduire en Français : « Winter school 2027 »"
    assert message.body.startswith("Bonjour")
