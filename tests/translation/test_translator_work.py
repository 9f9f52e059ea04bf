"""A translator's day: the queue of what waits for them, starting a translation from the report,
bringing an outdated one up to date without losing their edits, and seeing what changed."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation

from home.models import StandardPage
from translation.status import IN_PROGRESS, OUT_OF_DATE, translation_statuses

from .conftest import (
    PASSWORD,
    make_user,
    on_commit,
    submit_for_translation,
    translate_and_publish,
    translate_strings,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def translator_ar(db):
    return make_user("translator-ar", "Translators", "Translators (ar)")


def login(client, user):
    client.logout()
    assert client.login(username=user.username, password=PASSWORD)


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def report_cell(client, title, code):
    page = soup(client.get(reverse("translation:report")))
    for row in page.select("table.translation-report tbody tr"):
        if row.find("th").get_text(strip=True) == title:
            return row.find("td", attrs={"data-locale": code})
    raise AssertionError(title)


def publish_source_change(site_tree, intro):
    about = StandardPage.objects.get(pk=site_tree["about"].pk)
    about.intro = intro
    about.save_revision().publish()
    return StandardPage.objects.get(pk=about.pk)


def test_a_translator_starts_an_arabic_translation_from_the_report(
    client, site_tree, locales, translator_ar
):
    login(client, translator_ar)
    cell = report_cell(client, "About the network", "ar")
    form = cell.find("form", action=reverse("translation:start", args=[site_tree["about"].pk]))
    assert form.find("button").get_text(strip=True) == "Missing"
    assert form.find("input", attrs={"name": "locale"})["value"] == "ar"
    # Not into a locale that is not theirs.
    assert report_cell(client, "About the network", "de").find("form") is None

    response = client.post(form["action"], {"locale": "ar"})
    about_ar = Page.objects.get(translation_key=site_tree["about"].translation_key,
                                locale=locales["ar"])
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[about_ar.pk])
    assert about_ar.alias_of_id is None and not about_ar.live
    assert "js-translation-editor" in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize("locale, status", [("de", 403), ("en", 400), ("xx", 400), ("", 400)])
def test_starting_a_translation_refuses_other_locales_and_bad_input(
    client, site_tree, translator_ar, locale, status
):
    login(client, translator_ar)
    before = Page.objects.count()
    response = client.post(reverse("translation:start", args=[site_tree["about"].pk]),
                           {"locale": locale})
    assert response.status_code == status
    assert Page.objects.count() == before


def test_starting_twice_or_from_a_translation_is_refused(client, site_tree, locales,
                                                         translator_ar):
    about_ar = submit_for_translation(site_tree["about"], locales["ar"])
    login(client, translator_ar)
    before = Page.objects.count()
    for page in (site_tree["about"], about_ar):
        response = client.post(reverse("translation:start", args=[page.pk]), {"locale": "ar"})
        assert response.status_code == 400
    assert Page.objects.count() == before


def test_report_titles_lead_translators_to_a_page_they_may_open(client, site_tree, translator_fr):
    login(client, translator_fr)
    cell_row = soup(client.get(reverse("translation:report"))).find(
        "a", string="About the network")
    href = cell_row["href"]
    assert href != reverse("wagtailadmin_pages:edit", args=[site_tree["about"].pk])
    assert client.get(href).status_code == 200  # the English page as visitors see it


def test_a_translator_syncs_an_outdated_translation_and_keeps_their_edits(
    client, site_tree, locales, translator_fr
):
    translate_and_publish(site_tree["home"], locales["fr"], lambda text: f"FR {text}")
    about_fr = translate_and_publish(site_tree["about"], locales["fr"], lambda text: f"FR {text}")
    # The translator had reworded the title by hand.
    title = StringTranslation.objects.get(locale=locales["fr"], context__path="title",
                                          translation_of__data="About the network")
    title.data = "À propos du réseau"
    title.save()
    publish_source_change(site_tree, "An open network since 2013, for everyone.")

    login(client, translator_fr)
    cell = report_cell(client, "About the network", "fr")
    assert cell["data-state"] == OUT_OF_DATE
    form = cell.find("form", action=lambda url: url and url.endswith("/sync/"))
    assert form is not None
    page = soup(client.post(form["action"], {"next": reverse("translation:report")}))
    added = [li.get_text() for li in page.select(".translation-sync-added li")]
    removed = [li.get_text() for li in page.select(".translation-sync-removed li")]
    assert added == ["An open network since 2013, for everyone."]
    assert removed == ["An open network since 2013."]

    title.refresh_from_db()
    assert title.data == "À propos du réseau"
    assert report_cell(client, "About the network", "fr")["data-state"] == IN_PROGRESS
    assert Page.objects.get(pk=about_fr.pk).live  # syncing publishes nothing


def test_a_translator_cannot_sync_another_locale(client, site_tree, locales, translator_fr):
    translate_and_publish(site_tree["home"], locales["de"])
    translate_and_publish(site_tree["about"], locales["de"])
    publish_source_change(site_tree, "Changed.")
    translation = Translation.objects.get(source__object_id=site_tree["about"].translation_key,
                                          target_locale=locales["de"])
    before = translation.source.last_updated_at
    login(client, translator_fr)
    assert client.post(reverse("translation:sync", args=[translation.pk])).status_code == 403
    translation.source.refresh_from_db()
    assert translation.source.last_updated_at == before


def test_a_draft_with_nothing_translated_is_in_progress_not_out_of_date(
    site_tree, locales
):
    submit_for_translation(site_tree["about"], locales["ar"])
    about = publish_source_change(site_tree, "Republished after the Arabic draft was made.")
    status = translation_statuses([about], [locales["ar"]])[about.pk][locales["ar"].pk]
    assert status.translated_segments == 0
    assert status.state == IN_PROGRESS
    assert status.source_changed  # the translator is still offered a sync


def test_the_queue_lists_missing_outdated_and_sent_back_work_with_the_comment(
    client, site_tree, locales, translator_fr, moderator
):
    translate_and_publish(site_tree["home"], locales["fr"])
    # Sent back by a moderator with a comment.
    education_fr = submit_for_translation(site_tree["education"], locales["fr"])
    translate_strings(site_tree["education"], locales["fr"])
    login(client, translator_fr)
    client.post(reverse("translation:submit_for_moderation", args=[education_fr.pk]))
    login(client, moderator)
    state = Page.objects.get(pk=education_fr.pk).current_workflow_state
    with on_commit():
        client.post(reverse("translation:review", args=[education_fr.pk]), {
            "action": "reject", "comment": "Say “formation”, not “éducation”.",
            "task_state": state.current_task_state_id})

    login(client, translator_fr)
    page = soup(client.get(reverse("translation:queue")))
    rows = {row.find("th").get_text(strip=True): row
            for row in page.select("table.translation-queue tbody tr")}
    assert set(rows) == {"About the network", "Principles", "Education"}  # Home is done
    assert rows["About the network"]["data-state"] == "missing"
    assert rows["Education"]["data-state"] == "changes_requested"
    assert "Say “formation”, not “éducation”." in rows["Education"].get_text()
    assert {row["data-locale"] for row in rows.values()} == {"fr"}


def test_only_translators_have_a_queue(client, site_tree, editor):
    login(client, editor)
    response = client.get(reverse("translation:queue"))
    assert response.status_code in (302, 403)
