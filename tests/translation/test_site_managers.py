"""Site managers keep redirects, site settings, the footer, search promotions and the navigation
without being superusers; the group comes from a migration, so every fresh database has it."""

import json

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, Site

from home.demo.users import DEMO_PASSWORD, ensure_demo_users
from home.models import SiteSettings
from translation import demo

from .conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_manager(db):
    return make_user("site-manager-test", "Site managers")


def draftail(text):
    """A rich text field's value as the admin's editor posts it."""
    return json.dumps({"blocks": [{"key": "a", "type": "unstyled", "text": text, "depth": 0,
                                   "inlineStyleRanges": [], "entityRanges": []}],
                       "entityMap": {}})


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)


def test_the_demo_site_manager_signs_in_with_the_demo_password(client, locales):
    manager = ensure_demo_users()["site-manager"]
    assert set(manager.groups.values_list("name", flat=True)) == {"Site managers"}
    assert not manager.is_superuser
    assert client.login(username="site-manager", password=DEMO_PASSWORD)
    assert client.get(reverse("wagtailredirects:index")).status_code == 200


def test_a_site_manager_adds_and_edits_a_redirect(client, site_tree, site_manager):
    login(client, site_manager)
    site = Site.objects.get(is_default_site=True)
    response = client.post(reverse("wagtailredirects:add"), {
        "old_path": "/old-about", "site": site.pk, "is_permanent": "on",
        "redirect_link": "https://jcmi.example/en/about/",
    })
    assert response.status_code == 302
    redirect = Redirect.objects.get(old_path="/old-about")
    response = client.post(reverse("wagtailredirects:edit", args=[redirect.pk]), {
        "old_path": "/old-about", "site": site.pk,
        "redirect_link": "https://jcmi.example/en/about/principles/",
    })
    assert response.status_code == 302
    redirect.refresh_from_db()
    assert redirect.redirect_link.endswith("/principles/")
    assert redirect.is_permanent is False


def test_a_bad_redirect_changes_nothing(client, site_tree, site_manager):
    login(client, site_manager)
    response = client.post(reverse("wagtailredirects:add"), {"old_path": "", "redirect_link": "x"})
    assert response.status_code in (200, 400)  # the form again, with its errors
    assert "error" in response.content.decode()
    assert not Redirect.objects.exists()


def test_a_site_manager_edits_the_site_settings_and_the_footer(client, site_tree, site_manager):
    login(client, site_manager)
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["home", "sitesettings", site.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {
        "organisation_name": "JCMI", "email": "office@jcmi.example",
        "linkedin_url": "https://www.linkedin.com/company/jcmi", "cookie_notice_text": "",
        "operator": "", "phone": "", "address": "", "twitter_url": "", "facebook_url": "",
        "vimeo_url": "", "youtube_url": "",
    })
    assert response.status_code == 302
    assert SiteSettings.for_site(site).linkedin_url == "https://www.linkedin.com/company/jcmi"

    english = demo.load_site_text()
    url = reverse("wagtailsnippets_translation_sitetext:edit", args=[english.pk])
    response = client.post(url, {
        "key": "main", "footer_text": draftail("A network of practitioners."),
        "operator_notice": english.operator_notice, "cookie_notice_title": "Cookies",
        "cookie_notice_text": draftail("We use few cookies."),
    })
    assert response.status_code == 302
    english.refresh_from_db()
    assert "A network of practitioners." in english.footer_text
    assert english.cookie_notice_title == "Cookies"


def test_a_site_manager_promotes_a_page_in_search(client, site_tree, site_manager):
    login(client, site_manager)
    response = client.post(reverse("wagtailsearchpromotions:add"), {
        "query_string": "principles",
        "editors_picks-TOTAL_FORMS": "1", "editors_picks-INITIAL_FORMS": "0",
        "editors_picks-MIN_NUM_FORMS": "0", "editors_picks-MAX_NUM_FORMS": "1000",
        "editors_picks-0-page": site_tree["principles"].pk,
        "editors_picks-0-description": "The nine principles",
        "editors_picks-0-ORDER": "0", "editors_picks-0-DELETE": "",
    })
    assert response.status_code == 302
    assert SearchPromotion.objects.get().page_id == site_tree["principles"].pk


def test_a_site_manager_orders_the_navigation(site_tree, site_manager):
    # The menu is the pages with "Show in menus", in tree order: reordering is a publish right.
    for page in (site_tree["home"], site_tree["about"]):
        perms = Page.objects.get(pk=page.pk).permissions_for_user(site_manager)
        assert perms.can_edit() and perms.can_publish() and perms.can_reorder_children()


@pytest.mark.parametrize("group", ["Editors", "Moderators", "Managing Editors", "Translators"])
def test_other_roles_still_cannot_touch_redirects_or_settings(client, site_tree, group):
    user = make_user(f"user-{group}".replace(" ", "-").lower(), group)
    login(client, user)
    site = Site.objects.get(is_default_site=True)
    for url in (reverse("wagtailredirects:index"),
                reverse("wagtailsettings:edit", args=["home", "sitesettings", site.pk])):
        response = client.get(url)
        assert response.status_code in (302, 403), (group, url)
        assert response.get("Location", "/admin/") == "/admin/"


def test_the_group_is_made_by_a_migration():
    group = Group.objects.get(name="Site managers")
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"access_admin", "add_redirect", "change_redirect", "delete_redirect",
            "change_sitesettings", "change_sitetext", "add_searchpromotion",
            "change_searchpromotion", "delete_searchpromotion"} <= codenames
