import pytest


@pytest.mark.django_db
def test_healthz_reports_database_and_cache(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"] == {"ok": True}
    assert body["checks"]["cache"] == {"ok": True}


@pytest.mark.django_db
def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


@pytest.mark.django_db
def test_every_role_group_exists_on_a_fresh_database():
    from django.contrib.auth.models import Group
    from wagtail.models import Locale

    names = set(Group.objects.values_list("name", flat=True))
    assert {"Editors", "Moderators", "Managing Editors", "Reviewers", "Authors", "Translators"} <= names
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"en", "fr", "de", "ar"}
