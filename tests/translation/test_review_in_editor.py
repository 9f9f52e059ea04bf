"""Moderators review a translation where it lands, in the translation editor: approve it or ask
for changes with a comment the translator then reads there. Nobody publishes around the review."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Page, WorkflowState

from .conftest import PASSWORD, on_commit, submit_for_translation, translate_strings

pytestmark = pytest.mark.django_db


def login(client, user):
    client.logout()
    assert client.login(username=user.username, password=PASSWORD)


def edit_page(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def moderation_section(soup):
    return soup.find("section", class_="translation-moderation")


@pytest.fixture
def submitted_fr(client, site_tree, locales, translator_fr):
    page = submit_for_translation(site_tree["about"], locales["fr"])
    translate_strings(site_tree["about"], locales["fr"], lambda text: f"FR {text}")
    login(client, translator_fr)
    client.post(reverse("translation:submit_for_moderation", args=[page.pk]))
    page = Page.objects.get(pk=page.pk)
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    return page


def review(client, page, action, comment="", task_state=None):
    state = page.current_workflow_state
    with on_commit():
        return client.post(reverse("translation:review", args=[page.pk]), {
            "action": action, "comment": comment,
            "task_state": task_state or state.current_task_state_id,
        })


def test_the_moderator_asks_for_changes_and_the_translator_reads_the_comment_and_resubmits(
    client, submitted_fr, translator_fr, moderator
):
    login(client, moderator)
    section = moderation_section(edit_page(client, submitted_fr))
    assert section.find("form", action=reverse("translation:review", args=[submitted_fr.pk]))
    assert "Moderators" in section.get_text()  # who acts next

    response = review(client, submitted_fr, "reject", "Use “réseau” <not> “filet”.")
    assert response.status_code == 302
    state = Page.objects.get(pk=submitted_fr.pk).current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES

    login(client, translator_fr)
    soup = edit_page(client, submitted_fr)
    section = moderation_section(soup)
    comment = section.find("blockquote", class_="translation-review-comment")
    assert "Use “réseau” <not> “filet”." in comment.get_text()  # shown, and escaped
    assert "<not>" not in str(comment)
    assert "the translator makes the changes" in section.get_text()

    client.post(reverse("translation:submit_for_moderation", args=[submitted_fr.pk]))
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    login(client, moderator)
    assert review(client, submitted_fr, "approve").status_code == 302
    page = Page.objects.get(pk=submitted_fr.pk)
    assert page.live and page.title == "FR About the network"


def test_asking_for_changes_needs_a_comment(client, submitted_fr, moderator):
    login(client, moderator)
    response = review(client, submitted_fr, "reject", "   ")
    assert response.status_code == 400
    assert "Say what the translator should change." in response.content.decode()
    state = Page.objects.get(pk=submitted_fr.pk).current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


@pytest.mark.parametrize("data", [
    {"action": "publish"}, {"action": "approve", "task_state": "x"}, {"action": "approve"},
    {"action": "approve", "comment": "x" * 5000},
])
def test_bad_review_input_is_refused_and_changes_nothing(client, submitted_fr, moderator, data):
    login(client, moderator)
    with on_commit():
        response = client.post(reverse("translation:review", args=[submitted_fr.pk]), data)
    assert response.status_code == 400
    page = Page.objects.get(pk=submitted_fr.pk)
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_a_review_of_a_step_already_decided_is_refused(client, submitted_fr, moderator):
    login(client, moderator)
    task_state = submitted_fr.current_workflow_state.current_task_state_id
    assert review(client, submitted_fr, "approve", task_state=task_state).status_code == 302
    response = review(client, submitted_fr, "reject", "late", task_state=task_state)
    assert response.status_code == 400
    assert Page.objects.get(pk=submitted_fr.pk).live


def test_the_translator_cannot_review_their_own_translation(client, submitted_fr, translator_fr):
    login(client, translator_fr)
    assert review(client, submitted_fr, "approve").status_code == 403
    page = Page.objects.get(pk=submitted_fr.pk)
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert moderation_section(edit_page(client, page)).find("form") is None


def test_nobody_publishes_a_translation_in_moderation_from_the_editor(
    client, submitted_fr, moderator
):
    login(client, moderator)
    soup = edit_page(client, submitted_fr)
    props = json.loads(soup.find(class_="js-translation-editor")["data-props"])
    assert props["perms"]["canPublish"] is False
    with on_commit():
        response = client.post(reverse("wagtailadmin_pages:edit", args=[submitted_fr.pk]),
                               {"action": "publish"})
    assert response.status_code == 403
    page = Page.objects.get(pk=submitted_fr.pk)
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_outside_moderation_a_moderator_may_still_publish_from_the_editor(
    client, site_tree, locales, moderator
):
    page = submit_for_translation(site_tree["about"], locales["de"])
    login(client, moderator)
    props = json.loads(edit_page(client, page).find(class_="js-translation-editor")["data-props"])
    assert props["perms"]["canPublish"] is True


# Publishing around the review is offered nowhere else either -----------------------------------

def still_in_review(page):
    page = Page.objects.get(pk=page.pk)
    return not page.live and page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_nobody_publishes_a_translation_in_review_from_wagtails_page_editor(
    client, site_tree, locales, translator_fr, moderator
):
    # A translation no longer synced is edited in Wagtail's own page editor.
    from wagtail_localize.models import Translation

    page = submit_for_translation(site_tree["about"], locales["fr"])
    Translation.objects.filter(source__object_id=page.translation_key,
                               target_locale=locales["fr"]).update(enabled=False)
    page.save_revision(user=translator_fr)
    page.get_workflow().start(page, translator_fr)
    login(client, moderator)
    soup = edit_page(client, page)
    assert soup.find(attrs={"name": "action-publish"}) is None
    # Approving the step is still there.
    assert "approve" in soup.decode()
    with on_commit():
        response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {
            "title": "FR", "slug": "about", "intro": "x", "body-count": "0",
            "action-publish": "action-publish"})
    assert response.status_code == 403
    assert still_in_review(page)


def test_nobody_bulk_publishes_a_translation_in_review(client, submitted_fr, moderator):
    login(client, moderator)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    with on_commit():
        client.post(f"{url}?id={submitted_fr.pk}", {"include_descendants": "on"})
    assert still_in_review(submitted_fr)


def test_syncing_with_publish_immediately_joins_the_review_instead(
    client, site_tree, locales, submitted_fr, moderator
):
    from django.contrib.messages import get_messages
    from wagtail_localize.models import TranslationSource

    about = site_tree["about"].specific
    about.intro = "An open network since 2013, for everyone."
    about.save_revision().publish()
    source = TranslationSource.objects.get(object_id=about.translation_key, locale=locales["en"])
    login(client, moderator)
    with on_commit():
        response = client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"publish_translations": "on"})
    assert response.status_code == 302
    said = " ".join(str(message) for message in get_messages(response.wsgi_request))
    assert "Submitted for moderation in Français" in said
    assert still_in_review(submitted_fr)
