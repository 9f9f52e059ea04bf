"""Publications need editorial review AND managing editor sign-off before they go live."""

from django.urls import reverse
from wagtail.models import Workflow, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from publications import factories


def edit_form(page, **extra):
    contributors = [
        {"id": c.pk, "person": "", "given_names": c.given_names, "family_name": c.family_name,
         "affiliation": c.affiliation, "orcid": c.orcid, "role": c.role}
        for c in page.contributors.all()
    ]
    data = nested_form_data({
        "title": page.title, "slug": page.slug, "subtitle": "", "abstract": rich_text("A new abstract."),
        "keywords": page.keywords, "publication_date": page.publication_date.isoformat(),
        "series_number": page.series_number, "doi": "", "isbn": "", "page_count": "",
        "licence": page.licence, "pdf": page.pdf_id or "",
        "contributors": inline_formset(contributors, initial=len(contributors)),
        "comments": inline_formset([]),
    })
    data.update(extra)
    return data


def test_every_page_and_publication_has_its_workflow(site, publication):
    assert site["home"].get_workflow().name == "Editorial review"
    flow = publication.get_workflow()
    assert flow.name == "Publication review"
    assert [t.name for t in flow.tasks] == ["Editorial review", "Managing editor sign-off"]
    assert [list(t.specific.groups.values_list("name", flat=True)) for t in flow.tasks] == [
        ["Moderators"], ["Managing Editors"]]
    assert not Workflow.objects.get(name="Moderators approval").active


def test_editor_cannot_publish_and_the_page_goes_live_only_after_sign_off(client, people, working_papers):
    series, series_page = working_papers
    page = factories.make_publication(series_page, publish=False, title="Draft on civil protection")
    assert not page.permissions_for_user(people["editor"]).can_publish()

    client.force_login(people["editor"])
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(edit_url, edit_form(page, **{"action-publish": "1"}))
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live, "an editor's publish click only saves a draft"

    response = client.post(edit_url, edit_form(page, **{"action-submit": "1"}))
    assert response.status_code == 302
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.workflow.name == "Publication review"
    assert state.current_task_state.task.name == "Editorial review"

    def approve(user):
        client.force_login(user)
        task_state = WorkflowState.objects.get(pk=state.pk).current_task_state
        return client.post(
            reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
            {"comment": "Fine."},
        )

    # A managing editor cannot skip the editorial review: Wagtail refuses and nothing moves.
    approve(people["managing"])
    state.refresh_from_db()
    assert state.current_task_state.task.name == "Editorial review"
    approve(people["moderator"])
    state.refresh_from_db()
    assert state.current_task_state.task.name == "Managing editor sign-off"
    page.refresh_from_db()
    assert not page.live, "editorial approval alone does not publish a publication"

    # The moderator cannot give the sign-off too.
    approve(people["moderator"])
    page.refresh_from_db()
    state.refresh_from_db()
    assert not page.live
    assert state.current_task_state.task.name == "Managing editor sign-off"

    response = approve(people["managing"])
    page.refresh_from_db()
    state.refresh_from_db()
    assert page.live
    assert state.status == WorkflowState.STATUS_APPROVED


def test_ordinary_pages_need_only_the_editorial_review(people, site):
    from home.models import StandardPage

    page = StandardPage(title="About the network", slug="about", live=False)
    site["home"].add_child(instance=page)
    assert not page.permissions_for_user(people["editor"]).can_publish()
    flow = page.get_workflow()
    assert [t.name for t in flow.tasks] == ["Editorial review"]


def test_a_french_publication_index_gets_the_publication_workflow(site):
    from wagtail.models import Locale

    fr = Locale.objects.get(language_code="fr")
    fr_home = site["home"].copy_for_translation(fr)
    fr_index = site["index"].copy_for_translation(fr)
    assert fr_home.get_workflow().name == "Editorial review"
    assert fr_index.get_workflow().name == "Publication review"


def test_a_moderator_cannot_publish_a_publication_past_the_sign_off(client, people, working_papers):
    series, series_page = working_papers
    page = factories.make_publication(series_page, publish=False, title="Needs sign-off")
    client.force_login(people["moderator"])
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    editor_html = client.get(edit_url).content.decode()
    assert 'name="action-publish"' not in editor_html
    assert 'name="action-submit"' in editor_html
    response = client.post(edit_url, edit_form(page, **{"action-publish": "1"}), follow=True)
    page.refresh_from_db()
    assert not page.live
    assert "managing editor" in response.content.decode()

    # Ordinary pages: the moderator still publishes directly.
    from home.models import StandardPage
    about = StandardPage(title="About", slug="about", live=False)
    series_page.get_parent().get_parent().add_child(instance=about)
    assert about.permissions_for_user(people["moderator"]).can_publish()


def test_after_the_sign_off_the_managing_editor_lands_where_they_may_go(client, people,
                                                                       working_papers):
    series, series_page = working_papers
    page = factories.make_publication(series_page, publish=False, title="Signed off in the editor")
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    client.force_login(people["editor"])
    client.post(edit_url, edit_form(page, **{"action-submit": "1"}))

    def approve_in_the_editor(user):
        client.force_login(user)
        return client.post(edit_url, edit_form(page, **{
            "action-workflow-action": "true", "workflow-action-name": "approve"}))

    # The moderator may explore the section: Wagtail's own redirect to it stays.
    response = approve_in_the_editor(people["moderator"])
    assert response["Location"] == reverse("wagtailadmin_explore", args=[series_page.pk])

    # The managing editor has no page rights: the section's listing would refuse them.
    response = approve_in_the_editor(people["managing"])
    page.refresh_from_db()
    assert page.live
    assert response["Location"] == reverse("wagtailadmin_home")
    landing = client.get(response["Location"])
    assert landing.status_code == 200
    assert "do not have permission" not in landing.content.decode()
