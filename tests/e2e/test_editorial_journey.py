"""An editor drafts a page and submits it for moderation; a moderator approves it; it goes live,
and the visitors who were reading cached pages see it at once (the site runs with its page
cache on, as in production: tests/e2e/site_settings.py)."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import log_in

pytestmark = pytest.mark.e2e

NEW_PATH = "/en/working-with-humanitarian-partners/"


def cached_twice(page, path):
    """Read a page twice as an anonymous visitor: the second answer comes from the page cache.
    Returns its HTML."""
    page.request.get(path)
    response = page.request.get(path)
    assert response.status == 200
    assert response.headers.get("x-page-cache") == "hit", (
        f"{path} was not served from the page cache: {response.headers}")
    return response.text()


def test_editor_drafts_and_submits_a_page_that_a_moderator_approves(site, new_page):
    home_id = site.page_id(site.page_url("en", "home.homepage"))
    title = "Working with humanitarian partners"

    # Visitors have been reading the site: the menu, the home page and the sitemap are in the
    # page cache, none of them with the new page.
    visitor = new_page()
    for path in ("/en/about/", "/en/", "/sitemap-pages-1.xml"):
        assert "working-with-humanitarian-partners" not in cached_twice(visitor, path)

    # The editor drafts a standard page with an introduction and a paragraph block, and puts it
    # in the main menu.
    editor = new_page()
    log_in(editor, "editor")
    editor.goto(f"/admin/pages/{home_id}/add_subpage/")
    editor.get_by_role("link", name="Standard page", exact=True).click()
    editor.get_by_role("textbox", name="Title*").fill(title)
    editor.get_by_role("textbox", name="Introduction").fill(
        "How members of the network coordinate with humanitarian organisations in a crisis."
    )
    editor.get_by_role("button", name="Insert a block").first.click()
    editor.get_by_role("option", name="Paragraph").click()
    paragraph = editor.get_by_role("region", name="Paragraph *").get_by_role("textbox")
    paragraph.click()
    editor.keyboard.type(
        "Coordination starts long before a crisis, with shared planning and trust."
    )
    # Draftail stores what was typed in the block's hidden field after a short pause; a person
    # is never that quick, a script is, so wait for it as a person's pause would.
    expect(editor.locator("input[name='body-0-value']")).to_have_value(
        re.compile("Coordination starts long before a crisis")
    )
    editor.get_by_role("tab", name="Promote").click()
    editor.get_by_label("Show in menus").check()
    editor.get_by_role("button", name="Save draft").click()
    editor.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    page_id = re.search(r"/admin/pages/(\d+)/edit/", editor.url).group(1)

    # Still a draft: the public does not see it.
    response = visitor.request.get(NEW_PATH)
    assert response.status == 404
    assert title not in cached_twice(visitor, "/en/about/")

    # The editor submits it to the moderation workflow.
    editor.get_by_role("button", name="More actions").click()
    editor.get_by_role("button", name=re.compile("Submit to (Editorial review|.*approval)")).click()
    expect(editor.get_by_text(re.compile("has been submitted for moderation"))).to_be_visible()
    assert editor.problems.take() == []

    # The moderator finds it awaiting review and approves it, which publishes it.
    moderator = new_page()
    log_in(moderator, "moderator")
    expect(moderator.get_by_role("link", name=title)).to_be_visible()
    moderator.goto(f"/admin/pages/{page_id}/edit/")
    moderator.get_by_role("button", name="More actions").click()
    moderator.get_by_role("button", name="Approve and Publish", exact=True).click()
    moderator.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    assert moderator.problems.take() == []

    # The visitor now reads the live page, and finds it in the menu of the page they had read
    # (the cached copies died with the publication) and in the sitemap.
    menu = visitor.get_by_role("navigation", name="Main")
    visitor.goto("/en/about/")
    expect(menu.get_by_role("link", name=title)).to_have_attribute("href", NEW_PATH)
    menu.get_by_role("link", name=title).click()
    visitor.wait_for_url(f"**{NEW_PATH}")
    expect(visitor.get_by_role("heading", level=1)).to_have_text(title)
    expect(visitor.get_by_text("Coordination starts long before a crisis")).to_be_visible()
    assert "working-with-humanitarian-partners" in visitor.request.get("/sitemap-pages-1.xml").text()
    # Read again, the new page comes from the cache too.
    cached_twice(visitor, NEW_PATH)
    assert visitor.problems.take() == []
