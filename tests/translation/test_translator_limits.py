"""Translators translate and submit; they never delete, move or publish, by any address.

Wagtail lets the edit right delete and move pages that are not live, and the translation editor's
footer offered "Delete" as a translator's main button: translation.patches refuses both in the
permission tester every path asks."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.actions.delete_page import DeletePageAction, DeletePagePermissionError
from wagtail.actions.move_page import MovePageAction, MovePagePermissionError
from wagtail.actions.publish_page_revision import (
    PublishPagePermissionError,
    PublishPageRevisionAction,
)
from wagtail.models import Page

from .conftest import PASSWORD, on_commit, submit_for_translation, translate_strings

pytestmark = pytest.mark.django_db


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)


def refused(response):
    # Wagtail's admin answers a permission error with a redirect to the dashboard, or a 403.
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


@pytest.fixture
def draft_fr(site_tree, locales):
    """A French translation the translator has worked on, not live."""
    page = submit_for_translation(site_tree["principles"], locales["fr"])
    translate_strings(site_tree["principles"], locales["fr"], lambda text: f"FR {text}")
    assert not page.live and page.is_leaf()
    return page


def editor_props(client, page):
    body = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    editor = BeautifulSoup(body, "html.parser").find(class_="js-translation-editor")
    return json.loads(editor["data-props"])


def test_a_translator_cannot_delete_a_draft_translation_by_any_address(
    client, draft_fr, translator_fr
):
    assert draft_fr.permissions_for_user(translator_fr).can_edit()
    assert not draft_fr.permissions_for_user(translator_fr).can_delete()
    login(client, translator_fr)

    delete_url = reverse("wagtailadmin_pages:delete", args=[draft_fr.pk])
    assert refused(client.get(delete_url))
    assert refused(client.post(delete_url))

    bulk_url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
    response = client.post(f"{bulk_url}?id={draft_fr.pk}")
    assert Page.objects.filter(pk=draft_fr.pk).exists(), response.status_code

    # What any API endpoint calls (Wagtail's API v3 delete goes through this action).
    with pytest.raises(DeletePagePermissionError):
        DeletePageAction(draft_fr, user=translator_fr).execute()
    assert Page.objects.filter(pk=draft_fr.pk).exists()


def test_a_translator_cannot_move_a_translation(client, site_tree, locales, draft_fr,
                                                translator_fr):
    about_fr = submit_for_translation(site_tree["about"], locales["fr"])
    assert not draft_fr.permissions_for_user(translator_fr).can_move()
    login(client, translator_fr)
    assert refused(client.get(reverse("wagtailadmin_pages:move", args=[draft_fr.pk])))
    home_fr = Page.objects.get(depth=2, locale=locales["fr"])
    with pytest.raises(MovePagePermissionError):
        MovePageAction(draft_fr, home_fr, pos="last-child", user=translator_fr).execute()
    assert Page.objects.get(pk=draft_fr.pk).get_parent().pk == about_fr.pk


def test_a_translator_cannot_publish_by_any_address(client, draft_fr, translator_fr):
    login(client, translator_fr)
    edit_url = reverse("wagtailadmin_pages:edit", args=[draft_fr.pk])
    with on_commit():
        # wagtail-localize's translation editor, and Wagtail's own editor action.
        assert refused(client.post(edit_url, {"action": "publish"}))
        client.post(edit_url, {"action-publish": "action-publish", "title": "X", "slug": "x"})
        bulk_url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
        client.post(f"{bulk_url}?id={draft_fr.pk}")
    page = Page.objects.get(pk=draft_fr.pk)
    assert not page.live and page.title != "X"

    revision = page.specific.save_revision(user=translator_fr)
    with pytest.raises(PublishPagePermissionError):
        PublishPageRevisionAction(revision, user=translator_fr).execute()
    assert not Page.objects.get(pk=draft_fr.pk).live


def test_the_translation_editor_offers_a_translator_neither_delete_nor_publish(
    client, draft_fr, translator_fr, editor
):
    login(client, translator_fr)
    props = editor_props(client, draft_fr)
    assert props["perms"]["canDelete"] is False
    assert props["perms"]["canPublish"] is False
    client.logout()
    # An editor (every locale) keeps Wagtail's rule: a draft may be deleted.
    login(client, editor)
    assert editor_props(client, draft_fr)["perms"]["canDelete"] is True


def test_the_page_listing_offers_no_delete_to_a_translator(client, draft_fr, translator_fr):
    login(client, translator_fr)
    parent = draft_fr.get_parent()
    body = client.get(reverse("wagtailadmin_explore", args=[parent.pk])).content.decode()
    assert reverse("wagtailadmin_pages:delete", args=[draft_fr.pk]) not in body
    assert reverse("wagtailadmin_pages:edit", args=[draft_fr.pk]) in body
