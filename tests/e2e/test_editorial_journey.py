"""An editor drafts a page and submits it for moderation; a moderator approves it; it goes live."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import log_in

pytestmark = pytest.mark.e2e


def test_editor_drafts_and_submits_a_page_that_a_moderator_approves(site, new_page):
    home_id = site.page_id(site.page_url("en", "home.homepage"))
    title = "Working with humanitarian partners"

    # The editor drafts a standard page with an introduction and a paragraph block.
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
    editor.get_by_role("button", name="Save draft").click()
    editor.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    page_id = re.search(r"/admin/pages/(\d+)/edit/", editor.url).group(1)

    # Still a draft: the public does not see it.
    response = editor.request.get("/en/working-with-humanitarian-partners/")
    assert response.status == 404

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

    # A visitor now reads the live page.
    visitor = new_page()
    visitor.goto("/en/working-with-humanitarian-partners/")
    expect(visitor.get_by_role("heading", level=1)).to_have_text(title)
    expect(visitor.get_by_text("Coordination starts long before a crisis")).to_be_visible()
    assert visitor.problems.take() == []
