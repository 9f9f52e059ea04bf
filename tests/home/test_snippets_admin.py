"""Editors keep the people and partners that pages, publications and lectures name, in the
admin, in each language."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale

from home.models import Partner, Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    editor = django_user_model.objects.create_user("editor", "editor@jcmi.example", "pw-12345")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    return client


def test_an_editor_adds_a_person_and_finds_them_in_the_list(editor_client):
    response = editor_client.post("/admin/snippets/home/person/add/?locale=en", {
        "name": "Amara Okafor", "slug": "amara-okafor", "honorific": "Dr",
        "position": "Civil-military liaison adviser", "affiliation": "CIMIC Centre of Excellence",
        "bio": '{"blocks": [], "entityMap": {}}', "orcid": "", "website": "",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    person = Person.objects.get(slug="amara-okafor")
    assert person.locale == Locale.get_default()
    listing = editor_client.get("/admin/snippets/home/person/")
    assert listing.status_code == 200 and "Amara Okafor" in listing.content.decode()


def test_an_editor_adds_a_partner_with_its_type(editor_client):
    response = editor_client.post("/admin/snippets/home/partner/add/?locale=en", {
        "name": "Multinational Joint Headquarters Ulm", "partner_type": "nato",
        "description": "", "website": "", "sort_order": "1",
    })
    assert response.status_code == 302
    assert Partner.objects.get(name="Multinational Joint Headquarters Ulm").partner_type == "nato"
    listing = editor_client.get("/admin/snippets/home/partner/?partner_type=nato")
    assert "Multinational Joint Headquarters Ulm" in listing.content.decode()


def test_a_partner_without_a_type_is_refused_and_nothing_is_saved(editor_client):
    response = editor_client.post("/admin/snippets/home/partner/add/?locale=en", {
        "name": "Unnamed partner", "partner_type": "", "sort_order": "1",
    })
    assert response.status_code == 200  # the form again, with its error
    assert "This field is required" in response.content.decode()
    assert not Partner.objects.filter(name="Unnamed partner").exists()


def test_authors_cannot_reach_the_people_list(client, django_user_model):
    author = django_user_model.objects.create_user("author", "author@jcmi.example", "pw-12345")
    author.groups.add(Group.objects.get(name="Authors"))
    client.force_login(author)
    assert client.get("/admin/snippets/home/person/").status_code in (302, 403)
