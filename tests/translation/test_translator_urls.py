"""A translator cannot delete, unpublish, move or publish a page by any admin address.

Each address of Wagtail's page admin, wagtail-localize and the translation app that could take a
page away or put text live is tried with a translator's session, on a live translation and on a
draft one; afterwards the French tree is exactly as it was. Every other address of those apps is
listed with the reason it cannot (the last test fails when an upgrade adds one unlisted)."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone
from wagtail.models import Page, Revision, TaskState
from wagtail_localize.models import Translation, TranslationSource

from home.models import Person, StandardPage

from .conftest import (
    PASSWORD,
    on_commit,
    submit_for_translation,
    translate_and_publish,
    translate_strings,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(site_tree, locales):
    """French home (with a publication a moderator scheduled) and About live; Principles
    translated as a draft under About; Education a draft translation no longer synced (edited in
    Wagtail's own page editor)."""
    fr = locales["fr"]
    home_fr = translate_and_publish(site_tree["home"], fr, lambda text: f"FR {text}")
    about_fr = translate_and_publish(site_tree["about"], fr, lambda text: f"FR {text}")
    scheduled = home_fr.save_revision()
    scheduled.approved_go_live_at = timezone.now() + datetime.timedelta(days=3)
    scheduled.save()
    draft_fr = submit_for_translation(site_tree["principles"], fr)
    translate_strings(site_tree["principles"], fr, lambda text: f"FR {text}")
    manual_fr = submit_for_translation(site_tree["education"], fr)
    # Not translated yet: an editor would "Translate this page".
    courses = site_tree["education"].add_child(instance=StandardPage(
        title="Courses", slug="courses", intro="Five days, eight modules."))
    courses.save_revision().publish()
    Translation.objects.filter(source__object_id=site_tree["education"].translation_key,
                               target_locale=fr).update(enabled=False)
    return {"home": home_fr, "live": about_fr, "scheduled": scheduled, "draft": draft_fr,
            "manual": manual_fr, "courses": courses, "fr": fr, **site_tree}


def snapshot(locale):
    """What the public and the tree show in ``locale``: every page, where it is, what is live
    (a draft's own title may change: translators save drafts), what is scheduled to go live,
    and which translations follow their source."""
    pages = [
        (pk, path, live, live_revision_id, title if live else None, alias_of_id)
        for pk, path, live, live_revision_id, title, alias_of_id in Page.objects.filter(
            locale=locale).order_by("pk").values_list(
            "pk", "path", "live", "live_revision_id", "title", "alias_of_id")
    ]
    scheduled = sorted(Revision.page_revisions.filter(approved_go_live_at__isnull=False)
                       .values_list("pk", flat=True))
    synced = sorted(Translation.objects.filter(target_locale=locale)
                    .values_list("pk", "enabled"))
    return pages, scheduled, synced


def editor_form(client, page, **changes):
    """The fields of Wagtail's page editor as the browser would send them, with ``changes``."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    form = BeautifulSoup(response.content, "html.parser").find("form", id="page-edit-form")
    data = {"body-count": "0"}  # the StreamField's widget is drawn by JavaScript
    for field in form.find_all(["input", "textarea", "select"]) if form else []:
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button", "file") or (
                field.get("type") in ("checkbox", "radio") and not field.has_attr("checked")):
            continue
        if field.name == "textarea":
            data[name] = field.text.lstrip("\n")
        elif field.name == "select":
            option = field.find("option", selected=True)
            data[name] = option["value"] if option else ""
        else:
            data[name] = field.get("value", "")
    return {**data, **changes}


def bulk(action, *pages):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
    return url + "?" + "&".join(f"id={page.pk}" for page in pages)


def future():
    return (timezone.now() + datetime.timedelta(days=2)).strftime("%Y-%m-%d %H:%M")


def _sync_url(tree):
    source = TranslationSource.objects.get(object_id=tree["about"].translation_key,
                                           locale__language_code="en")
    return reverse("wagtail_localize:update_translations", args=[source.pk])


def _translation(tree, key):
    return Translation.objects.get(source__object_id=tree[key].translation_key,
                                   target_locale=tree["fr"])


# (what is tried, the addresses it covers, how: a function of the client and the tree)
ATTEMPTS = {
    "delete a draft": (["wagtailadmin_pages:delete"], lambda c, t: [
        c.get(reverse("wagtailadmin_pages:delete", args=[t["draft"].pk])),
        c.post(reverse("wagtailadmin_pages:delete", args=[t["draft"].pk]))]),
    "delete a live page": (["wagtailadmin_pages:delete"], lambda c, t: [
        c.post(reverse("wagtailadmin_pages:delete", args=[t["live"].pk]))]),
    "bulk delete": (["wagtail_bulk_action"], lambda c, t: [
        c.post(bulk("delete", t["draft"])), c.post(bulk("delete", t["live"]))]),
    "unpublish": (["wagtailadmin_pages:unpublish"], lambda c, t: [
        c.get(reverse("wagtailadmin_pages:unpublish", args=[t["live"].pk])),
        c.post(reverse("wagtailadmin_pages:unpublish", args=[t["live"].pk]),
               {"include_descendants": "on"})]),
    "bulk unpublish": (["wagtail_bulk_action"], lambda c, t: [
        c.post(bulk("unpublish", t["live"]), {"include_descendants": "on"})]),
    "bulk publish": (["wagtail_bulk_action"], lambda c, t: [
        c.post(bulk("publish", t["draft"]), {"include_descendants": "on"})]),
    "copy and publish the copy": (["wagtailadmin_pages:copy"], lambda c, t: [
        c.post(reverse("wagtailadmin_pages:copy", args=[t["live"].pk]), {
            "new_title": "Copie", "new_slug": "copie", "new_parent_page": t["home"].pk,
            "copy_subpages": "on", "publish_copies": "on"})]),
    "add a page and publish it": (["wagtailadmin_pages:add", "wagtailadmin_pages:add_subpage"],
                                  lambda c, t: [
        c.get(reverse("wagtailadmin_pages:add_subpage", args=[t["live"].pk])),
        c.post(reverse("wagtailadmin_pages:add", args=["home", "standardpage", t["live"].pk]), {
            "title": "Nouvelle", "slug": "nouvelle", "intro": "x", "body-count": "0",
            "action-publish": "action-publish"})]),
    "publish from the page editor": (["wagtailadmin_pages:edit"], lambda c, t: [
        c.post(reverse("wagtailadmin_pages:edit", args=[t["manual"].pk]), editor_form(
            c, t["manual"], title="X", **{"action-publish": "action-publish"}))]),
    "publish from the translation editor": (["wagtailadmin_pages:edit"], lambda c, t: [
        c.post(reverse("wagtailadmin_pages:edit", args=[t["draft"].pk]), {"action": "publish"}),
        c.post(reverse("wagtailadmin_pages:edit", args=[t["live"].pk]), {"action": "publish"})]),
    "schedule publishing": (["wagtailadmin_pages:edit"], lambda c, t: [
        c.post(reverse("wagtailadmin_pages:edit", args=[t["manual"].pk]), editor_form(
            c, t["manual"], go_live_at=future(), **{"action-publish": "action-publish"}))]),
    "revert to a revision and publish it": (["wagtailadmin_pages:revisions_revert"],
                                            lambda c, t: [
        c.post(reverse("wagtailadmin_pages:revisions_revert",
                       args=[t["manual"].pk, t["manual"].latest_revision_id]),
               editor_form(c, t["manual"], title="Y",
                           **{"revision": t["manual"].latest_revision_id,
                              "action-publish": "action-publish"}))]),
    "convert to an alias of the English page": (["wagtail_localize:convert_to_alias"],
                                                lambda c, t: [
        c.post(reverse("wagtail_localize:convert_to_alias", args=[t["live"].pk])),
        c.post(reverse("wagtail_localize:convert_to_alias", args=[t["draft"].pk]))]),
    "stop syncing the translation": (["wagtail_localize:stop_translation"], lambda c, t: [
        c.post(reverse("wagtail_localize:stop_translation",
                       args=[_translation(t, "principles").pk]))]),
    "sync and publish immediately": (["wagtail_localize:update_translations"], lambda c, t: [
        c.post(_sync_url(t), {"publish_translations": "on"})]),
    "translate this page (and its subtree)": (["wagtail_localize:submit_page_translation"],
                                              lambda c, t: [
        c.post(reverse("wagtail_localize:submit_page_translation", args=[t["courses"].pk]),
               {"locales": [t["fr"].pk], "include_subtree": "on"})]),
}


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)


@pytest.mark.parametrize("attempt", ATTEMPTS)
def test_a_translator_cannot_delete_or_publish_by_this_address(client, tree, translator_fr,
                                                               attempt):
    before = snapshot(tree["fr"])
    login(client, translator_fr)
    _names, run = ATTEMPTS[attempt]
    with on_commit():
        responses = run(client, tree)
    assert all(response.status_code < 500 for response in responses)
    assert snapshot(tree["fr"]) == before


def test_a_translator_cannot_approve_their_own_translation(client, tree, translator_fr):
    login(client, translator_fr)
    draft = tree["draft"]
    client.post(reverse("translation:submit_for_moderation", args=[draft.pk]))
    state = Page.objects.get(pk=draft.pk).current_workflow_state
    task_state = state.current_task_state
    before = snapshot(tree["fr"])
    with on_commit():
        client.post(reverse("wagtailadmin_pages:workflow_action",
                            args=[draft.pk, "approve", task_state.pk]), {"comment": ""})
        client.get(reverse("wagtailadmin_pages:collect_workflow_action_data",
                           args=[draft.pk, "approve", task_state.pk]))
        client.post(reverse("translation:review", args=[draft.pk]),
                    {"action": "approve", "task_state": task_state.pk})
    assert snapshot(tree["fr"]) == before
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_IN_PROGRESS


def test_a_translator_cannot_delete_a_translated_snippet(client, tree, translator_fr, locales):
    person = Person.objects.create(name="Ana Horvat", locale=locales["en"])
    person_fr = person.copy_for_translation(locales["fr"])
    person_fr.save()
    login(client, translator_fr)
    url = reverse(f"wagtailsnippets_{Person._meta.app_label}_{Person._meta.model_name}:delete",
                  args=[person_fr.pk])
    client.post(url)
    assert Person.objects.filter(pk=person_fr.pk).exists()


# What each remaining address does, and why it cannot delete or publish a page.
HARMLESS = {
    "wagtailadmin_pages:choose_parent": "chooses where to add, adds nothing",
    "wagtailadmin_pages:collect_workflow_action_data": "the form of a workflow action (tried)",
    "wagtailadmin_pages:confirm_workflow_cancellation": "cancels a review, publishes nothing",
    "wagtailadmin_pages:convert_alias": "an alias is already live with the same content",
    "wagtailadmin_pages:history": "read only", "wagtailadmin_pages:history_results": "read only",
    "wagtailadmin_pages:lock": "locking", "wagtailadmin_pages:unlock": "locking",
    "wagtailadmin_pages:move": "test_translator_limits.test_a_translator_cannot_move_a_translation",
    "wagtailadmin_pages:move_confirm": "test_translator_limits (the same permission tester)",
    "wagtailadmin_pages:set_page_position": "orders siblings; needs the publish right on the "
                                            "parent (Wagtail's can_reorder_children)",
    "wagtailadmin_pages:preview_on_add": "preview", "wagtailadmin_pages:preview_on_edit": "preview",
    "wagtailadmin_pages:revisions_compare": "read only",
    "wagtailadmin_pages:revisions_index": "read only",
    "wagtailadmin_pages:revisions_view": "read only",
    "wagtailadmin_pages:revisions_unschedule": "cancels a scheduled publication, publishes "
                                               "nothing; Wagtail asks can_unschedule",
    "wagtailadmin_pages:search": "read only", "wagtailadmin_pages:search_results": "read only",
    "wagtailadmin_pages:set_privacy": "who may view, not whether it is live",
    "wagtailadmin_pages:type_use": "read only", "wagtailadmin_pages:type_use_results": "read only",
    "wagtailadmin_pages:usage": "read only", "wagtailadmin_pages:view_draft": "preview",
    "wagtailadmin_pages:workflow_action": "tried in test_a_translator_cannot_approve_their_own_translation",
    "wagtailadmin_pages:workflow_history": "read only",
    "wagtailadmin_pages:workflow_history_detail": "read only",
    "wagtailadmin_pages:workflow_preview": "preview",
    "wagtail_localize:download_pofile": "read only",
    "wagtail_localize:edit_override": "edits a string of the draft translation",
    "wagtail_localize:edit_string_translation": "edits a string of the draft translation",
    "wagtail_localize:upload_pofile": "edits strings of the draft translation",
    "wagtail_localize:machine_translate": "edits strings of the draft translation",
    "wagtail_localize:javascript_catalog": "read only",
    "wagtail_localize:preview_translation": "preview",
    "wagtail_localize:snippets_api_detail": "read only",
    "wagtail_localize:snippets_api_listing": "read only",
    "wagtail_localize:submit_snippet_translation": "snippets, not pages",
    "wagtail_localize:translations_report": "read only",
    "wagtail_localize:translations_report_results": "read only",
    "translation:queue": "read only", "translation:report": "read only",
    "translation:report_results": "read only",
    "translation:review": "tried in test_a_translator_cannot_approve_their_own_translation",
    "translation:start": "makes a draft translation (translation.work.start_translation)",
    "translation:submit_for_moderation": "starts the review, publishes nothing",
    "translation:submit_section": "editors only; makes drafts",
    "translation:sync": "updates the draft translation's source text",
}


def _url_names(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
            yield from _url_names(pattern.url_patterns, inner)
        elif pattern.name:
            yield namespace + pattern.name


def test_every_page_address_is_tried_or_cannot_delete_or_publish():
    names = {
        name for name in _url_names(get_resolver().url_patterns)
        if name.split(":")[0] in ("wagtailadmin_pages", "wagtail_localize", "translation")
        or name == "wagtail_bulk_action"
    }
    tried = {name for covered, _run in ATTEMPTS.values() for name in covered}
    assert names - tried - set(HARMLESS) == set()


@pytest.mark.parametrize("attempt", ATTEMPTS)
def test_each_attempt_is_real_a_superuser_making_it_changes_the_tree(client, tree, attempt):
    # So that the translator's attempts above are refused for their rights, not for bad input.
    from .conftest import make_user

    before = snapshot(tree["fr"])
    login(client, make_user("admin", superuser=True))
    _names, run = ATTEMPTS[attempt]
    with on_commit():
        run(client, tree)
    assert snapshot(tree["fr"]) != before
