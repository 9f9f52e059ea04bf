"""Nothing reaches the public site in another language without someone who may publish it:
not by converting a translation back to an alias, and not by syncing with "Publish
immediately"."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import Page, WorkflowState

from home.models import StandardPage

from .conftest import (
    PASSWORD,
    on_commit,
    submit_for_translation,
    translate_and_publish,
    translate_strings,
)

pytestmark = pytest.mark.django_db


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)


def assert_refused(response):
    # Wagtail's admin answers a permission error with a redirect to the dashboard and a message.
    assert response.status_code in (302, 403)
    assert response.get("Location", "/admin/") == "/admin/"


def fresh(page):
    return Page.objects.get(pk=page.pk).specific


@pytest.fixture
def about_fr(site_tree, locales):
    translate_and_publish(site_tree["home"], locales["fr"], lambda text: f"FR {text}")
    return translate_and_publish(site_tree["about"], locales["fr"], lambda text: f"FR {text}")


# Convert to alias ------------------------------------------------------------------------------

def test_translator_cannot_turn_a_live_translation_into_the_english_page(
    client, site_tree, about_fr, translator_fr
):
    login(client, translator_fr)
    url = reverse("wagtail_localize:convert_to_alias", args=[about_fr.pk])
    assert_refused(client.get(url))
    with on_commit():
        assert_refused(client.post(url))

    about_fr = fresh(about_fr)
    assert about_fr.alias_of_id is None
    assert about_fr.title == "FR About the network"
    assert "FR About the network" in client.get(about_fr.url).content.decode()


def test_translator_cannot_make_a_draft_translation_live_as_an_alias(
    client, site_tree, locales, translator_fr
):
    draft_fr = submit_for_translation(site_tree["about"], locales["fr"])
    assert draft_fr.live is False
    login(client, translator_fr)
    with on_commit():
        assert_refused(
            client.post(reverse("wagtail_localize:convert_to_alias", args=[draft_fr.pk]))
        )
    draft_fr = fresh(draft_fr)
    assert draft_fr.alias_of_id is None
    assert draft_fr.live is False


def test_the_translation_editor_offers_convert_to_alias_only_to_publishers(
    client, site_tree, about_fr, translator_fr, moderator
):
    url = reverse("wagtail_localize:convert_to_alias", args=[about_fr.pk])
    edit_url = reverse("wagtailadmin_pages:edit", args=[about_fr.pk])
    login(client, translator_fr)
    body = client.get(edit_url).content.decode()
    assert "js-translation-editor" in body
    assert url not in body
    client.logout()
    login(client, moderator)
    assert url in client.get(edit_url).content.decode()


def test_a_moderator_can_still_convert_a_translation_to_an_alias(
    client, site_tree, about_fr, moderator
):
    login(client, moderator)
    with on_commit():
        response = client.post(reverse("wagtail_localize:convert_to_alias", args=[about_fr.pk]))
    assert response.status_code == 302
    about_fr = fresh(about_fr)
    assert about_fr.alias_of_id == site_tree["about"].pk
    assert about_fr.title == "About the network"


def test_the_page_editor_menu_hides_convert_to_alias_from_non_publishers(
    rf, about_fr, translator_fr, moderator
):
    from wagtail_localize.wagtail_hooks import ConvertToAliasPageActionMenuItem

    from translation.wagtail_hooks import hide_convert_to_alias_from_non_publishers

    for user, shown in ((translator_fr, False), (moderator, True)):
        request = rf.get("/admin/")
        request.user = user
        items = [ConvertToAliasPageActionMenuItem(order=0)]
        hide_convert_to_alias_from_non_publishers(items, request, {"page": about_fr})
        assert bool(items) is shown


# Sync with "Publish immediately" --------------------------------------------------------------

@pytest.fixture
def changed_source(site_tree, locales, about_fr):
    """The English page changed and was published; the French translator has started on the
    new sentence but nobody has reviewed it."""
    about = StandardPage.objects.get(pk=site_tree["about"].pk)
    about.intro = "An open network since 2013, for everyone."
    about.save_revision().publish()
    from wagtail_localize.models import TranslationSource

    source = TranslationSource.objects.get(object_id=about.translation_key, locale=locales["en"])
    source.update_from_db()
    translate_strings(about, locales["fr"], lambda text: f"UNREVIEWED {text}", only=["intro"])
    return source


def sync_and_publish(client, source):
    """Post the sync form with "Publish immediately"; the messages it leaves, as text."""
    with on_commit():
        response = client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"publish_translations": "on"},
        )
    assert response.status_code == 302
    return " ".join(str(message) for message in get_messages(response.wsgi_request))


def test_an_editor_who_cannot_publish_sends_synced_translations_to_moderation(
    client, site_tree, about_fr, changed_source, editor
):
    assert not about_fr.permissions_for_user(editor).can_publish()
    login(client, editor)
    assert "Submitted for moderation in Français" in sync_and_publish(client, changed_source)

    about_fr = fresh(about_fr)
    # The public French page is as the moderator last approved it...
    assert about_fr.intro == "FR An open network since 2013."
    assert "UNREVIEWED" not in client.get(about_fr.url).content.decode()
    # ...and the synced translation waits for review.
    state = about_fr.current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert about_fr.get_latest_revision_as_object().intro.startswith("UNREVIEWED")


def test_a_moderator_publishes_synced_translations_directly(
    client, site_tree, about_fr, changed_source, moderator
):
    login(client, moderator)
    assert "Published in Français" in sync_and_publish(client, changed_source)
    about_fr = fresh(about_fr)
    assert about_fr.intro == "UNREVIEWED An open network since 2013, for everyone."
    assert about_fr.current_workflow_state is None


def test_syncing_without_publishing_changes_nothing_public_for_anyone(
    client, site_tree, about_fr, changed_source, editor
):
    login(client, editor)
    url = reverse("wagtail_localize:update_translations", args=[changed_source.pk])
    # The form says what "Publish immediately" does for someone who may not publish.
    assert "submitted for moderation instead" in client.get(url).content.decode()
    with on_commit():
        response = client.post(url, {})
    assert response.status_code == 302
    about_fr = fresh(about_fr)
    assert about_fr.intro == "FR An open network since 2013."
    assert about_fr.current_workflow_state is None


# Stop Synced translation -----------------------------------------------------------------------

def _stop_url(page, locale):
    from wagtail_localize.models import Translation

    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale)
    return translation, reverse("wagtail_localize:stop_translation", args=[translation.pk])


def test_translator_cannot_stop_a_synced_translation(
    client, site_tree, locales, about_fr, translator_fr
):
    translation, url = _stop_url(about_fr, locales["fr"])
    login(client, translator_fr)
    edit_url = reverse("wagtailadmin_pages:edit", args=[about_fr.pk])
    response = client.post(url, {"next": edit_url})
    assert response.status_code == 403
    translation.refresh_from_db()
    assert translation.enabled is True
    # Still the translation editor, not the ordinary page editor.
    assert "js-translation-editor" in client.get(edit_url).content.decode()


def test_the_translation_editor_hides_stop_synced_translation_from_non_publishers(
    client, site_tree, locales, about_fr, translator_fr, moderator
):
    _translation, url = _stop_url(about_fr, locales["fr"])
    hidden = f'[data-w-action-url-value="{url}"],'
    edit_url = reverse("wagtailadmin_pages:edit", args=[about_fr.pk])
    login(client, translator_fr)
    body = client.get(edit_url).content.decode()
    assert "js-translation-editor" in body
    assert hidden in body
    client.logout()
    login(client, moderator)
    body = client.get(edit_url).content.decode()
    assert "js-translation-editor" in body
    assert hidden not in body


def test_a_moderator_can_still_stop_a_synced_translation(
    client, site_tree, locales, about_fr, moderator
):
    translation, url = _stop_url(about_fr, locales["fr"])
    login(client, moderator)
    edit_url = reverse("wagtailadmin_pages:edit", args=[about_fr.pk])
    response = client.post(url, {"next": edit_url})
    assert response.status_code == 302 and response["Location"] == edit_url
    translation.refresh_from_db()
    assert translation.enabled is False
