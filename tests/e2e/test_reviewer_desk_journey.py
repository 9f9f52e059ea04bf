"""The managing editor opens the ranked reviewer suggestions of a submission in review, reads
the flags (the authors' opposed reviewer is there, flagged), and invites the suggested reviewer
who comes first; the invitation goes out and the reviewer appears on the submission's page."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import log_in

pytestmark = pytest.mark.e2e

TITLE = "Humanitarian principles and shared logistics hubs"


def test_the_managing_editor_invites_a_suggested_reviewer_from_the_ranked_list(site, page):
    log_in(page, "managing-editor", next_path="/admin/submissions/")
    page.get_by_role("link", name=TITLE).click()
    page.wait_for_url(re.compile(r"/admin/submissions/\d+/$"))
    page.get_by_role("link", name=re.compile("Find reviewers")).click()
    page.wait_for_url(re.compile(r"/admin/submissions/\d+/suggestions/$"))

    rows = page.locator("table.suggestions tbody tr")
    first = rows.first
    # The best match: the authors' own suggestion, whose expertise fits and who has room.
    expect(first).to_contain_text("Tomas Lindqvist")
    expect(first).to_contain_text("Suggested by the authors")
    # The person the authors opposed is listed, flagged, not hidden.
    opposed = rows.filter(has_text="Grace Mwangi")
    expect(opposed).to_contain_text("The authors asked not to invite this person")
    # Not yet available: flagged with the date.
    expect(rows.filter(has_text="Leila Mansour")).to_contain_text("Not available before")

    first.get_by_role("button", name="Invite Tomas Lindqvist").click()
    page.wait_for_url(re.compile(r"/admin/submissions/\d+/$"))
    expect(page.get_by_text("Invitation sent to t.lindqvist@fhs.example")).to_be_visible()
    expect(page.locator("table.listing").filter(has_text="Tomas Lindqvist").first
           ).to_contain_text("Invited")
    subject, body = site.wait_for_mail("t.lindqvist@fhs.example", "review")
    assert "/portal/review/" in body
    # Once invited, the list no longer offers them for this round.
    page.get_by_role("link", name=re.compile("Find reviewers")).click()
    expect(page.locator("table.suggestions")).not_to_contain_text("Tomas Lindqvist")
    assert page.problems.take() == []


def test_the_yearly_thanks_page_passes_axe_in_both_directions(site, page):
    from tests.e2e.conftest import run_axe

    for language in ("en", "ar"):
        page.goto(f"/{language}/reviewers/thanks/")
        page.wait_for_url(re.compile(rf"/{language}/reviewers/thanks/\d{{4}}/$"))
        # The demo reviewer who agreed to be thanked by name.
        expect(page.locator("ul.thanked-reviewers")).to_contain_text("Reviewer Demo")
        assert run_axe(page) == [], language
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
