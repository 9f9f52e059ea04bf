"""Embargo: nothing of an accepted submission is reachable before its publication page is live.

The PDF made from the accepted manuscript sits in the embargo collection under a name nobody can
guess; nobody outside Managing Editors and Moderators finds it in any chooser or listing of the
admin, and its address answers 404 until the page is published and the release task ran.
"""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Collection

from publications import factories
from publications.embargo import (
    EMBARGO_COLLECTION,
    is_embargoed,
    pending_publications,
    stored_name,
)
from publications.review import workflow
from publications.review.production import create_page_for_submission
from tests.review.builders import reviewed
from tests.review.conftest import make_user
from tests.search.tree import make_document

pytestmark = pytest.mark.django_db

TITLE = "Liaison cells in flood response"
TOKEN = re.compile(r"-[0-9a-f]{32}\.pdf$")


@pytest.fixture
def in_production(author, editor, reviewers):
    _home, index, _topics = factories.make_site()
    series, _series_page = factories.make_series(index)
    submission, _assignment = reviewed(author, series, editor, reviewers[0], title=TITLE)
    workflow.record_decision(submission, editor, outcome="accept", letter="Accepted.")
    page = create_page_for_submission(submission, editor)
    return page, page.pdf


@pytest.fixture
def onlookers(django_user_model, author, reviewers):
    """Everyone who has no business with the PDF before publication, with an editor who may
    choose every other document of the site."""
    return {
        "reviewer": reviewers[0],
        "author": author,
        "editor": make_user(django_user_model, "page-editor", "Editors"),
        "translator": make_user(django_user_model, "translator", "Translators"),
    }


def test_the_accepted_manuscript_is_embargoed_under_a_name_nobody_can_guess(in_production):
    page, document = in_production
    assert document.collection.name == EMBARGO_COLLECTION
    assert is_embargoed(document)
    restriction = document.collection.get_view_restrictions().get()
    assert restriction.restriction_type == restriction.GROUPS
    assert sorted(restriction.groups.values_list("name", flat=True)) == [
        "Managing Editors", "Moderators"]
    assert TOKEN.search(document.file.name), document.file.name
    assert "manuscript" not in document.filename
    assert not page.live
    # The same title never gives the same name twice.
    assert stored_name(TITLE) != stored_name(TITLE)


def admin_views(document):
    """Every place of the admin that lists, searches, chooses or shows documents."""
    words = TITLE.split()[0]
    return [
        reverse("wagtaildocs:index"),
        reverse("wagtaildocs:index") + f"?q={words}",
        reverse("wagtaildocs:index_results") + f"?q={words}",
        reverse("wagtaildocs:index") + f"?collection_id={document.collection_id}",
        reverse("wagtaildocs_chooser:choose"),
        reverse("wagtaildocs_chooser:choose_results") + f"?q={words}",
        reverse("wagtaildocs_chooser:choose_results") + f"?collection_id={document.collection_id}",
        reverse("wagtaildocs_chooser:chosen", args=[document.pk]),
        reverse("wagtaildocs:edit", args=[document.pk]),
        reverse("wagtaildocs:document_usage", args=[document.pk]),
        reverse("wagtaildocs:add_multiple"),
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_pages:search") + f"?q={words}",
    ]


def shows(response, document):
    """Any trace of the document itself: its file name, its address, its admin links. (The
    draft page's title is another matter: editors see the page tree.)"""
    body = response.content.decode()
    return any(trace in body for trace in [
        document.filename, f"/documents/{document.pk}/",
        reverse("wagtaildocs:edit", args=[document.pk]),
        reverse("wagtaildocs_chooser:chosen", args=[document.pk]),
    ])


def test_no_onlooker_finds_the_embargoed_pdf_anywhere_in_the_admin(client, in_production,
                                                                   onlookers):
    _page, document = in_production
    public = make_document("Annual report", "The network met four times this year.")
    for role, user in onlookers.items():
        client.force_login(user)
        for url in admin_views(document):
            response = client.get(url)
            assert response.status_code in (200, 302, 403, 404), (role, url)
            assert not shows(response, document), (role, url)
        # The editor still chooses the site's ordinary documents.
        if role == "editor":
            listing = client.get(reverse("wagtaildocs_chooser:choose_results") + "?q=Annual")
            assert public.title in listing.content.decode()
        assert client.get(document.url).status_code == 404, role


@pytest.mark.parametrize("group", ["Managing Editors", "Moderators"])
def test_managing_editors_and_moderators_see_and_choose_it(client, in_production,
                                                            django_user_model, group):
    _page, document = in_production
    client.force_login(make_user(django_user_model, "insider", group))
    assert shows(client.get(reverse("wagtaildocs:index") + "?q=Liaison"), document)
    assert shows(client.get(reverse("wagtaildocs_chooser:choose_results") + "?q=Liaison"),
                 document)
    assert client.get(reverse("wagtaildocs:edit", args=[document.pk])).status_code == 200
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_publishing_the_page_releases_the_pdf_to_everyone(
        client, in_production, django_capture_on_commit_callbacks):
    page, document = in_production
    assert client.get(document.url).status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        page.get_latest_revision().publish()

    document.refresh_from_db()
    assert not is_embargoed(document)
    assert document.collection_id == Collection.get_first_root_node().pk
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert not pending_publications().exists()


def test_the_sweep_releases_what_no_task_did(client, in_production, capsys):
    page, document = in_production
    # Published, but the release task never ran (lost, or failed and not yet retried).
    page.get_latest_revision().publish()
    page.refresh_from_db()
    assert list(pending_publications()) == [page]
    assert client.get(document.url).status_code == 404

    call_command("release_embargoed_publications")
    assert "Released 1 PDF(s); 0 still embargoed." in capsys.readouterr().out
    document.refresh_from_db()
    assert not is_embargoed(document)
    assert client.get(document.url).status_code == 200
    # A second run finds nothing left to do.
    call_command("release_embargoed_publications")
    assert "Released 0 PDF(s)" in capsys.readouterr().out


def test_a_draft_publication_stays_embargoed_when_the_sweep_runs(in_production):
    _page, document = in_production
    call_command("release_embargoed_publications")
    document.refresh_from_db()
    assert is_embargoed(document)


def test_rights_given_above_the_embargo_do_not_reach_into_it(client, in_production,
                                                             django_user_model):
    """A group given every document right on the root collection (as Wagtail gives Editors)
    still sees nothing of the embargo collection; a right given on it opens it."""
    from django.contrib.auth.models import Permission
    from wagtail.models import GroupCollectionPermission

    _page, document = in_production
    archivists = Group.objects.create(name="Archivists")
    archivists.permissions.add(Permission.objects.get(codename="access_admin"))
    choose = Permission.objects.get(content_type__app_label="wagtaildocs",
                                    codename="choose_document")
    GroupCollectionPermission.objects.create(
        group=archivists, collection=Collection.get_first_root_node(), permission=choose)
    archivist = make_user(django_user_model, "archivist", "Archivists")
    client.force_login(archivist)
    results = reverse("wagtaildocs_chooser:choose_results") + "?q=Liaison"
    assert not shows(client.get(results), document)

    GroupCollectionPermission.objects.create(
        group=archivists, collection=document.collection, permission=choose)
    client.force_login(django_user_model.objects.get(pk=archivist.pk))  # fresh permission cache
    assert shows(client.get(results), document)

