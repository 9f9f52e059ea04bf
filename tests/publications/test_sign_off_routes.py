"""Every admin route that can publish a publication waits for the managing editor's sign-off.

A moderator's approval is only the first step of "Publication review": bulk publish, the
translation editor's "Publish" and "Publish copies" must not let them skip the second.
"""

from django.urls import reverse
from wagtail.models import Locale, WorkflowState

from publications import factories
from publications.models import PublicationPage


def in_review(page, people, client):
    """The editor submits the page and the moderator gives the editorial approval."""
    state = page.get_workflow().start(page, people["editor"])
    client.force_login(people["moderator"])
    task_state = state.current_task_state
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
        {"comment": "Fine."},
    )
    state.refresh_from_db()
    assert state.current_task_state.task.name == "Managing editor sign-off"
    return state


def assert_waits_for_sign_off(page, state):
    page.refresh_from_db()
    state.refresh_from_db()
    assert not page.live
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == "Managing editor sign-off"


def sign_off(client, people, page, state):
    client.force_login(people["managing"])
    task_state = WorkflowState.objects.get(pk=state.pk).current_task_state
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
        {"comment": "Signed off."},
    )
    page.refresh_from_db()
    state.refresh_from_db()
    assert page.live
    assert state.status == WorkflowState.STATUS_APPROVED


def test_bulk_publish_waits_for_the_sign_off(client, people, working_papers):
    series, series_page = working_papers
    page = factories.make_publication(series_page, publish=False, title="Bulk candidate")
    state = in_review(page, people, client)

    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    explore = reverse("wagtailadmin_explore", args=[series_page.pk])
    response = client.post(f"{url}?id={page.pk}&next={explore}", {}, follow=True)
    assert response.status_code == 200
    assert "managing editor" in response.content.decode()
    assert_waits_for_sign_off(page, state)

    # Nor can a publication ride along below its series page.
    client.post(f"{url}?id={series_page.pk}", {"include_descendants": "on"})
    assert_waits_for_sign_off(page, state)

    sign_off(client, people, page, state)


def test_bulk_publish_of_ordinary_pages_is_still_the_moderators_call(client, people, site):
    from home.models import StandardPage

    about = StandardPage(title="About", slug="about", live=False)
    site["home"].add_child(instance=about)
    about.save_revision()
    client.force_login(people["moderator"])
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    client.post(f"{url}?id={about.pk}", {})
    about.refresh_from_db()
    assert about.live


def french_translation(page):
    """As a translator's work arrives: a French draft made by wagtail-localize."""
    from wagtail_localize.models import Translation, TranslationSource

    fr = Locale.objects.get(language_code="fr")
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=fr, enabled=True)
    source.create_or_update_translation(fr, publish=False, copy_parent_pages=True, fallback=True)
    return translation, PublicationPage.objects.get(translation_key=page.translation_key,
                                                    locale=fr)


def test_the_translation_editors_publish_waits_for_the_sign_off(client, people, working_papers):
    series, series_page = working_papers
    english = factories.make_publication(series_page, title="Translated work")
    translation, french = french_translation(english)
    assert not french.live
    state = in_review(french, people, client)

    edit_url = reverse("wagtailadmin_pages:edit", args=[french.pk])
    # The translation editor is what a moderator gets for this page...
    templates = [t.name for t in client.get(edit_url).templates]
    assert "wagtail_localize/admin/edit_translation.html" in templates
    # ...and its "Publish" button posts action=publish to the page's edit URL.
    response = client.post(edit_url, {"action": "publish"}, follow=True)
    assert response.status_code == 200
    assert "managing editor" in response.content.decode()
    assert_waits_for_sign_off(french, state)

    sign_off(client, people, french, state)


def copy_form(page, **extra):
    return {"new_title": f"{page.title} (copy)", "new_slug": f"{page.slug}-copy",
            "new_parent_page": page.get_parent().pk, **extra}


def test_publish_copies_waits_for_the_sign_off(client, people, working_papers, django_user_model):
    series, series_page = working_papers
    page = factories.make_publication(series_page, title="Copied work", doi="10.99999/jcmi.c1")
    draft = factories.make_publication(series_page, publish=False, title="Draft in series")
    state = in_review(draft, people, client)
    before = PublicationPage.objects.count()

    copy_url = reverse("wagtailadmin_pages:copy", args=[page.pk])
    response = client.post(copy_url, copy_form(page, publish_copies="on"), follow=True)
    assert "managing editor" in response.content.decode()
    assert PublicationPage.objects.count() == before

    # Copying the whole series with its publications, live, is refused as well.
    series_url = reverse("wagtailadmin_pages:copy", args=[series_page.pk])
    client.post(series_url, copy_form(series_page, copy_subpages="on", publish_copies="on"))
    assert PublicationPage.objects.count() == before
    assert_waits_for_sign_off(draft, state)

    # A draft copy is fine: it goes through the workflow like any new publication.
    client.post(copy_url, copy_form(page))
    copy = PublicationPage.objects.get(slug=f"{page.slug}-copy")
    assert not copy.live

    # Someone who gives the sign-off and may copy pages (here a superuser) may publish copies.
    client.force_login(django_user_model.objects.create_superuser("chief", "c@jcmi.example", "pw"))
    response = client.post(copy_url, copy_form(page, new_slug="copied-live", publish_copies="on"))
    assert response.status_code == 302
    assert PublicationPage.objects.get(slug="copied-live").live
