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


def test_a_404_outside_the_language_prefix_stays_a_404(client, django_user_model):
    """Django's LocaleMiddleware sends an unknown address to /en/<address>, where Wagtail's
    page serving answers with the site's HTML 404 page. The admin's page chooser asks the admin
    API for pages a translator may not see: it must get the API's own JSON 404 to parse."""
    admin = django_user_model.objects.create_superuser("admin", "admin@jcmi.example", "x")
    client.force_login(admin)
    response = client.get("/admin/api/main/pages/999999/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert client.get("/sitemap-pages-999.xml").status_code == 404
    assert client.get("/oai/no-such-thing/").status_code == 404
    # Inside the prefix nothing changed: an address without a language still finds its page.
    assert client.get("/search/").status_code == 302
