"""Translators translate into their own locales only, and their work goes live through the same
moderation workflow as the source page."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Page, WorkflowState

from .conftest import PASSWORD, on_commit, submit_for_translation, translate_strings

pytestmark = pytest.mark.django_db


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)


def test_every_locale_tree_is_under_the_same_workflow_as_the_source(site_tree, locales):
    about_fr = submit_for_translation(site_tree["about"], locales["fr"])
    source_workflow = site_tree["about"].get_workflow()
    assert source_workflow is not None
    assert about_fr.get_workflow() == source_workflow
    # The translated locale root exists (as an alias or a translation) and its translators
    # were given edit rights on it when it was made.
    fr_root = Page.objects.get(depth=2, locale=locales["fr"])
    assert fr_root.group_permissions.filter(group__name="Translators (fr)",
                                            permission__codename="change_page").exists()
    assert not fr_root.group_permissions.filter(permission__codename="publish_page").exists()


def test_submitting_a_section_makes_drafts_not_live_english_copies(site_tree, locales):
    about_fr = submit_for_translation(site_tree["about"], locales["fr"])
    assert about_fr.live is False
    assert about_fr.locale == locales["fr"]


def test_translator_works_in_the_editor_of_their_locale_and_sees_submit_for_moderation(
    client, site_tree, locales, translator_fr
):
    about_fr = submit_for_translation(site_tree["about"], locales["fr"])
    login(client, translator_fr)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[about_fr.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "js-translation-editor" in body  # wagtail-localize's editor, not the plain one
    assert reverse("translation:submit_for_moderation", args=[about_fr.pk]) in body
    assert "Submit for moderation" in body
    # The editor's action bar sticks to the bottom of the window: the section ends with room
    # for it (padding plus margin, 4.5rem) so the button is never hidden under the bar.
    section = BeautifulSoup(body, "html.parser").find("section", class_="translation-moderation")
    assert {"w-py-6", "w-mb-12"} <= set(section["class"])


def test_translator_cannot_edit_another_locale_or_the_source(
    client, site_tree, locales, translator_fr
):
    about_de = submit_for_translation(site_tree["about"], locales["de"])
    login(client, translator_fr)
    for page in (about_de, site_tree["about"]):
        response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code in (302, 403)
        assert not page.permissions_for_user(translator_fr).can_edit()
    # Nor through wagtail-localize's string API or the moderation path.
    translation = translate_strings(site_tree["about"], locales["de"], only=[])
    segment = translation.source.stringsegment_set.first()
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        data="value=Hallo", content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 403
    # (Wagtail's admin answers a permission error with a redirect and a message.)
    response = client.post(reverse("translation:submit_for_moderation", args=[about_de.pk]))
    assert response.status_code in (302, 403)
    assert response.get("Location", "/admin/") == "/admin/"
    assert about_de.current_workflow_state is None


def test_translator_cannot_publish_from_the_translation_editor(
    client, site_tree, locales, translator_fr
):
    about_fr = submit_for_translation(site_tree["about"], locales["fr"])
    translate_strings(site_tree["about"], locales["fr"], lambda text: f"FR {text}")
    login(client, translator_fr)
    with on_commit():
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[about_fr.pk]), {"action": "publish"}
        )
    assert response.status_code in (302, 403)
    about_fr.refresh_from_db()
    assert about_fr.live is False
    assert not about_fr.title.startswith("FR")


def test_translation_goes_live_only_after_a_moderator_approves_it(
    client, site_tree, locales, translator_fr, moderator
):
    # The French page is live with an earlier translation; the translator revises it.
    about_fr = submit_for_translation(site_tree["about"], locales["fr"])
    translate_strings(site_tree["about"], locales["fr"], lambda text: f"FR1 {text}")
    translation = translate_strings(site_tree["about"], locales["fr"], lambda text: f"FR1 {text}")
    with on_commit():
        translation.save_target(publish=True)
    about_fr.refresh_from_db()
    assert about_fr.live and about_fr.title == "FR1 About the network"

    translate_strings(site_tree["about"], locales["fr"], lambda text: f"FR2 {text}")
    login(client, translator_fr)
    response = client.post(reverse("translation:submit_for_moderation", args=[about_fr.pk]),
                           follow=True)
    assert response.status_code == 200
    assert "submitted for moderation" in response.content.decode()

    about_fr = Page.objects.get(pk=about_fr.pk).specific
    state = about_fr.current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    # Nothing changed on the public site yet...
    assert about_fr.title == "FR1 About the network"
    assert about_fr.intro == "FR1 An open network since 2013."
    public = client.get(about_fr.url)
    assert "FR1 About the network" in public.content.decode()
    # ...but the revision under review carries the new translation.
    assert about_fr.get_latest_revision_as_object().title == "FR2 About the network"

    # The moderator reads the translation before approving it.
    client.logout()
    login(client, moderator)
    task = state.current_task_state.task
    preview = client.get(reverse("wagtailadmin_pages:workflow_preview",
                                 args=[about_fr.pk, task.pk]))
    assert preview.status_code == 200
    assert "FR2 An open network since 2013." in preview.content.decode()

    with on_commit():
        response = client.post(
            reverse("wagtailadmin_pages:workflow_action",
                    args=[about_fr.pk, "approve", state.current_task_state.pk]),
            {"comment": ""},
        )
    assert response.status_code in (200, 302)
    about_fr.refresh_from_db()
    assert about_fr.title == "FR2 About the network"
    assert about_fr.live
    assert Page.objects.get(pk=about_fr.pk).specific.intro == "FR2 An open network since 2013."


def test_submitting_twice_explains_that_it_is_already_waiting(
    client, site_tree, locales, translator_fr
):
    about_fr = submit_for_translation(site_tree["about"], locales["fr"])
    translate_strings(site_tree["about"], locales["fr"])
    login(client, translator_fr)
    url = reverse("translation:submit_for_moderation", args=[about_fr.pk])
    client.post(url)
    response = client.post(url, follow=True)
    assert "already waiting for moderation" in response.content.decode()
    assert WorkflowState.objects.filter(object_id=str(about_fr.pk)).count() == 1


def test_submit_for_moderation_needs_post(client, site_tree, locales, translator_fr):
    about_fr = submit_for_translation(site_tree["about"], locales["fr"])
    login(client, translator_fr)
    response = client.get(reverse("translation:submit_for_moderation", args=[about_fr.pk]))
    assert response.status_code == 405


def test_a_workflow_assigned_to_a_section_also_governs_its_translations(site_tree, locales):
    from wagtail.models import Task, Workflow, WorkflowPage, WorkflowTask

    from translation.workflows import workflow_mismatches

    education_fr = submit_for_translation(site_tree["education"], locales["fr"])
    special = Workflow.objects.create(name="Education sign-off")
    WorkflowTask.objects.create(workflow=special, task=Task.objects.first(), sort_order=0)
    WorkflowPage.objects.create(page=site_tree["education"], workflow=special)

    assert education_fr.get_workflow() == special  # mirrored onto the existing translation
    education_de = submit_for_translation(site_tree["education"], locales["de"])
    assert education_de.get_workflow() == special  # inherited by a new one
    assert workflow_mismatches() == []
