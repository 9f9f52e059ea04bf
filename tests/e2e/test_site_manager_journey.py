"""A site manager, not a superuser, adds a redirect and a social link in the footer; visitors
get both at once."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import log_in

pytestmark = pytest.mark.e2e

LINKEDIN = "https://www.linkedin.com/company/jcmi-network"


def test_a_site_manager_edits_a_redirect_and_the_footer(site, new_page):
    manager = new_page()
    log_in(manager, "site-manager")

    manager.goto("/admin/redirects/add/")
    manager.get_by_label("Redirect from").fill("/old-about")
    manager.get_by_label("Redirect to any URL").fill(f"{site.base_url}/en/about/")
    manager.get_by_role("button", name="Create").click()
    expect(manager.get_by_text(re.compile("Redirect '/old-about' added"))).to_be_visible()

    manager.goto("/admin/settings/home/sitesettings/")
    manager.get_by_label("LinkedIn").fill(LINKEDIN)
    manager.get_by_role("button", name="Save").click()
    expect(manager.get_by_text(re.compile("updated"))).to_be_visible()
    assert manager.problems.take() == []

    visitor = new_page()
    response = visitor.request.get("/old-about", max_redirects=0)
    assert response.status in (301, 302)
    assert response.headers["location"].endswith("/en/about/")
    visitor.goto("/en/")
    expect(visitor.locator(f"footer a[href='{LINKEDIN}']")).to_be_visible()
