"""The "Translations" report: every page's state in every locale, and what editors do from it."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Page

from home.models import StandardPage

from .conftest import (
    PASSWORD,
    make_user,
    on_commit,
    submit_for_translation,
    translate_and_publish,
    translate_strings,
)

pytestmark = pytest.mark.django_db


def report_states(client, **params):
    """{page title: {language code: cell text}} as the report shows it."""
    response = client.get(reverse("translation:report"), params)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    states = {}
    for row in soup.select("table.translation-report tbody tr"):
        title = row.find("th").get_text(strip=True)
        states[title] = {
            cell["data-locale"]: " ".join(cell.get_text(" ", strip=True).split())
            for cell in row.find_all("td")
        }
    return states


@pytest.fixture
def admin_client_logged_in(client, db):
    admin = make_user("admin", superuser=True)
    client.login(username=admin.username, password=PASSWORD)
    client.user = admin
    return client


def test_report_shows_missing_in_progress_and_up_to_date(admin_client_logged_in, site_tree, locales):
    client = admin_client_logged_in
    translate_and_publish(site_tree["home"], locales["fr"])
    submit_for_translation(site_tree["about"], locales["fr"])
    translate_strings(site_tree["about"], locales["fr"], only=["title"])

    states = report_states(client)
    assert states["Home"]["fr"] == "Up to date"
    assert states["About the network"]["fr"].startswith("In progress")
    assert "% translated" in states["About the network"]["fr"]
    assert states["About the network"]["de"] == "Missing"
    assert states["Principles"]["fr"] == "Missing"
    assert set(states["Home"]) == {"fr", "de", "ar"}


def test_a_source_edit_marks_its_translations_out_of_date(admin_client_logged_in, site_tree, locales):
    client = admin_client_logged_in
    translate_and_publish(site_tree["about"].get_parent(), locales["de"])
    translate_and_publish(site_tree["about"], locales["de"])
    assert report_states(client)["About the network"]["de"] == "Up to date"

    about = StandardPage.objects.get(pk=site_tree["about"].pk)
    about.intro = "An open network since 2013, for everyone."
    about.save_revision().publish()

    # A draft edit alone does not: translators only ever get published source content.
    home = site_tree["home"].specific.__class__.objects.get(pk=site_tree["home"].pk)
    home.hero_text = "A draft nobody has approved."
    home.save_revision()

    states = report_states(client)
    assert states["About the network"]["de"] == "Out of date · Sync"  # the editor can sync
    assert states["Home"]["de"] == "Up to date"


def test_syncing_updates_synchronised_fields_at_once_and_leaves_new_text_for_translators(
    admin_client_logged_in, site_tree, locales
):
    client = admin_client_logged_in
    home = site_tree["home"]
    about = site_tree["about"]
    translate_and_publish(home, locales["fr"], lambda text: f"FR {text}")
    about_fr = translate_and_publish(about, locales["fr"], lambda text: f"FR {text}")

    # The editor changes a synchronised field (a page link) and a sentence, and publishes.
    home = home.specific.__class__.objects.get(pk=home.pk)
    home.hero_cta_page = site_tree["education"]
    home.hero_text = "Civil and military actors learn from each other, everywhere."
    home.save_revision().publish()

    from wagtail_localize.models import TranslationSource
    source = TranslationSource.objects.get(object_id=home.translation_key, locale=locales["en"])
    with on_commit():
        response = client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"publish_translations": "on"},
        )
    assert response.status_code == 302

    home_fr = Page.objects.get(translation_key=home.translation_key, locale=locales["fr"]).specific
    assert home_fr.hero_cta_page_id == site_tree["education"].pk  # synchronised at once
    assert home_fr.hero_title == "FR Working together in crises"  # unchanged text kept
    # The changed sentence waits for its translator: shown in English meanwhile, and the
    # report says the translation is in progress.
    assert home_fr.hero_text == "Civil and military actors learn from each other, everywhere."
    cell = report_states(client)["Home"]["fr"]
    assert cell.startswith("In progress") and "100%" not in cell
    assert report_states(client)["About the network"]["fr"] == "Up to date"
    assert about_fr.pk  # untouched by the home page's sync


def test_report_filters_by_locale_and_section(admin_client_logged_in, site_tree, locales):
    client = admin_client_logged_in
    states = report_states(client, locale="de", section=site_tree["about"].pk)
    assert set(states) == {"About the network", "Principles"}
    assert all(set(cells) == {"de"} for cells in states.values())


def test_bad_filter_values_do_not_break_the_report(admin_client_logged_in, site_tree):
    response = admin_client_logged_in.get(reverse("translation:report"),
                                          {"locale": "xx", "section": "nope"})
    assert response.status_code == 200


def test_a_bad_section_value_leaves_the_locale_filter_in_force(
    admin_client_logged_in, site_tree, locales
):
    client = admin_client_logged_in
    not_a_section = site_tree["principles"].pk  # a page, but not a section
    response = client.get(reverse("translation:report"),
                          {"locale": "de", "section": not_a_section})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    # The error is on the section field, and only there.
    form = response.context["filters"].form
    assert set(form.errors) == {"section"}
    assert "Select a valid choice" in soup.get_text()
    # The locale filter still applies; the section filter falls back to the whole site.
    states = report_states(client, locale="de", section=not_a_section)
    assert {"Home", "About the network", "Principles", "Education"} <= set(states)
    assert all(set(cells) == {"de"} for cells in states.values())
    # And the bulk-submission link keeps the valid locale.
    assert f"locales={locales['de'].pk}" in response.content.decode()


def test_editor_submits_a_whole_section_into_a_locale(admin_client_logged_in, site_tree, locales):
    client = admin_client_logged_in
    editor = make_user("editor", "Editors")
    client.logout()
    client.login(username=editor.username, password=PASSWORD)
    form = client.get(reverse("translation:submit_section"),
                      {"section": site_tree["about"].pk, "locales": locales["ar"].pk})
    assert form.status_code == 200

    response = client.post(reverse("translation:submit_section"),
                           {"section": site_tree["about"].pk, "locales": [locales["ar"].pk]},
                           follow=True)
    assert response.status_code == 200
    assert "Started 2 translations" in response.content.decode()
    for key in ("about", "principles"):
        page_ar = site_tree[key].get_translation(locales["ar"])
        assert page_ar.live is False  # drafts for the translators, not English on /ar/
        assert page_ar.alias_of_id is None
    assert not site_tree["education"].has_translation(locales["ar"]) or (
        site_tree["education"].get_translation(locales["ar"]).alias_of_id is not None
    )
    states = report_states(client, locale="ar", section=site_tree["about"].pk)
    assert states["About the network"]["ar"].startswith("In progress")

    # Submitting again starts nothing new and keeps the translators' work.
    response = client.post(reverse("translation:submit_section"),
                           {"section": site_tree["about"].pk, "locales": [locales["ar"].pk]},
                           follow=True)
    assert "Started 0 translations" in response.content.decode()


def test_bulk_submission_rejects_bad_input_and_unauthorised_users(client, site_tree, locales,
                                                                  translator_fr):
    admin = make_user("admin", superuser=True)
    client.login(username=admin.username, password=PASSWORD)
    response = client.post(reverse("translation:submit_section"),
                           {"section": "999999", "locales": ["x"]})
    assert response.status_code == 400
    assert not Page.objects.filter(locale=locales["fr"], depth__gt=2).exists()

    client.logout()
    client.login(username=translator_fr.username, password=PASSWORD)
    response = client.post(reverse("translation:submit_section"),
                           {"section": site_tree["about"].pk, "locales": [locales["fr"].pk]})
    assert response.status_code in (302, 403)
    assert not site_tree["about"].has_translation(locales["fr"])


def test_report_query_count_does_not_grow_with_pages(
    admin_client_logged_in, site_tree, locales, django_assert_max_num_queries
):
    client = admin_client_logged_in
    translate_and_publish(site_tree["about"].get_parent(), locales["fr"])
    client.get(reverse("translation:report"))  # warm caches (locales, content types)
    with django_assert_max_num_queries(40) as small:
        client.get(reverse("translation:report"))
    for number in range(20):
        page = site_tree["education"].add_child(instance=StandardPage(
            title=f"Course {number}", slug=f"course-{number}", intro="A course."))
        page.save_revision().publish()
        if number % 2:
            submit_for_translation(page, locales["fr"])
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse("translation:report"))


def test_only_editors_and_translators_see_the_report(client, site_tree, translator_fr):
    reviewer = make_user("reviewer", "Reviewers")
    client.login(username=reviewer.username, password=PASSWORD)
    response = client.get(reverse("translation:report"))
    assert response.status_code in (302, 403)
    assert "translation-report" not in response.content.decode()
    client.logout()
    client.login(username=translator_fr.username, password=PASSWORD)
    states = report_states(client)
    assert states["About the network"]["fr"] == "Missing"
    # Translators cannot send pages for translation themselves.
    assert "Submit a section for translation" not in client.get(
        reverse("translation:report")).content.decode()


def test_page_titles_line_up_under_the_page_column_and_indent_by_depth(
        admin_client_logged_in, site_tree):
    """The row headers keep the listing's own padding (an inline padding replaced it and pushed
    the top-level titles out to the left of the column heading); depth indents inside them."""
    soup = BeautifulSoup(admin_client_logged_in.get(reverse("translation:report")).content,
                         "html.parser")
    indents = {}
    for header in soup.select("table.translation-report tbody th"):
        assert not header.get("style")
        title = header.select_one(".translation-report__title")
        indents[title.get_text(strip=True)] = title["style"]
    assert indents["Home"] == "padding-inline-start: 0em"
    assert indents["About the network"] == "padding-inline-start: 1em"
