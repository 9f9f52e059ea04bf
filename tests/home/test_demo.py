"""`make run` loads the demo on every start: the second time it must change nothing."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page, Revision
from wagtail_localize.models import Translation

from home.demo.users import DEMO_PASSWORD
from home.models import ContactFormField, Partner, Person, StandardPage
from tests.home.conftest import load_demo

pytestmark = pytest.mark.django_db


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "partners": Partner.objects.count(),
        "people": Person.objects.count(),
        "users": get_user_model().objects.count(),
        "form fields": ContactFormField.objects.count(),
        "translations": Translation.objects.count(),
        "tree": list(Page.objects.order_by("path").values_list("path", "numchild", "live")),
    }


def test_loading_the_demo_twice_changes_nothing(full_demo, django_capture_on_commit_callbacks):
    output = full_demo  # the first run's output; the shared demo is that run
    first = counts()
    assert first["pages"] > 30
    load_demo(django_capture_on_commit_callbacks)
    assert counts() == first
    # The accounts table `make run` prints names every role and the password.
    for username in ["admin", "editor", "moderator", "managing-editor", "reviewer", "author",
                     "translator"]:
        assert username in output
    assert DEMO_PASSWORD in output


def test_demo_accounts_exist_for_every_role_and_can_log_in(client, demo_site):
    User = get_user_model()
    expected = {
        "editor": "Editors", "moderator": "Moderators", "managing-editor": "Managing Editors",
        "reviewer": "Reviewers", "reviewer2": "Reviewers", "author": "Authors",
        "author2": "Authors", "translator": "Translators",
    }
    for username, group in expected.items():
        user = User.objects.get(username=username)
        assert user.groups.filter(name=group).exists()
        assert user.email == f"{username}@jcmi.example"
        assert user.check_password(DEMO_PASSWORD)
    assert User.objects.get(username="admin").is_superuser
    assert client.login(username="editor", password=DEMO_PASSWORD)
    assert client.get("/admin/").status_code == 200


def test_demo_translations_stay_linked_to_their_source(demo_site):
    about = StandardPage.objects.get(locale__language_code="en", slug="about")
    translations = {page.locale.language_code: page for page in about.get_translations()}
    assert set(translations) == {"fr", "de", "ar"}
    assert translations["de"].title == "Über das Netzwerk"
    assert translations["ar"].title == "عن الشبكة"
    # Made through wagtail-localize, so its translation editor knows them.
    for code in ["fr", "de", "ar"]:
        assert Translation.objects.filter(
            source__object_id=about.translation_key, target_locale__language_code=code
        ).exists()


def test_focus_areas_and_the_contact_form_exist_in_arabic(client, demo_site):
    from home.demo.translations import ARABIC_TOPICS
    from home.models import ContactPage, TopicIndexPage, TopicPage

    index = TopicIndexPage.objects.get(locale__language_code="ar")
    assert index.live and index.alias_of_id is None and index.title == "مجالات التركيز"
    assert client.get("/ar/topics/").status_code == 200
    topics = TopicPage.objects.filter(locale__language_code="ar", alias_of__isnull=True)
    assert set(topics.values_list("slug", flat=True)) == set(ARABIC_TOPICS)
    response = client.get("/ar/topics/protection-of-civilians/")
    assert response.status_code == 200
    assert "حماية المدنيين" in response.content.decode()
    assert "حماية المدنيين" in client.get("/ar/topics/").content.decode()
    for code in ("fr", "ar"):
        contact = ContactPage.objects.get(locale__language_code=code)
        assert contact.live and contact.alias_of_id is None
        # The form's fields are the translation's own rows, in its locale.
        assert {field.locale_id for field in contact.form_fields.all()} == {contact.locale_id}
