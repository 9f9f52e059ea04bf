"""An author logs in to the portal, follows their submissions and reads a decision with its
reviews, which never name the reviewers (the demo series review double-anonymously)."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import DEMO_PASSWORD

pytestmark = pytest.mark.e2e

# The demo author's submissions and the states they reach (publications/demo_review.py).
AUTHOR_SUBMISSIONS = {
    "Liaison officers in flood response: lessons from three deployments": "draft",
    "Cultural property protection in urban operations": "screening",
    "Local ownership in stabilisation programmes": "revisions_requested",
    "Reducing civilian harm through better information sharing": "accepted",
    "Critical infrastructure protection and the private sector": "published",
    "Children and armed conflict: monitoring in camps": "rejected",
}
WITH_DECISION = "Local ownership in stabilisation programmes"
# What would identify the reviewers (home/demo_users.py names the demo accounts).
REVIEWER_IDENTITIES = [
    "Reviewer Demo", "Reviewer2 Demo", "reviewer@jcmi.example", "reviewer2@jcmi.example",
]


def test_author_reads_the_decision_and_anonymous_reviews_of_a_submission(page):
    page.goto("/en/portal/login/")
    page.get_by_label("Username").fill("author")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()
    page.wait_for_url(re.compile(r"/en/portal/$"))

    # The dashboard lists every submission of theirs with its state, and only theirs.
    expect(page.get_by_role("heading", level=1)).to_have_text("My submissions")
    table = page.locator("table.submissions")
    for title, state in AUTHOR_SUBMISSIONS.items():
        row = table.locator("tbody tr").filter(has=page.get_by_role("link", name=title, exact=True))
        expect(row).to_have_count(1)
        expect(row.locator(f".state-{state}")).to_be_visible()
    expect(table.get_by_text("Humanitarian principles and shared logistics hubs")).to_have_count(0)

    # The submission with a decision: the letter and both reviews, signed "Reviewer n" only.
    table.get_by_role("link", name=WITH_DECISION, exact=True).click()
    page.wait_for_url(re.compile(r"/en/portal/.+"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(WITH_DECISION)
    expect(page.get_by_text("Please revise along the reviewers' comments below.")).to_be_visible()
    reviews = page.locator("article.review")
    expect(reviews).to_have_count(2)
    for comment in ("the method section should say how the interviews were chosen",
                    "Please compare them with the published NATO doctrine"):
        expect(reviews.filter(has_text=comment)).to_have_count(1)
    for heading in reviews.locator("h3").all():
        expect(heading).to_have_text(re.compile(r"^Reviewer \d+ — "))
    text = page.locator("main").inner_text()
    for identity in REVIEWER_IDENTITIES:
        assert identity.lower() not in text.lower()
    # The reviewers' confidential comments to the editors stay with the editors.
    assert "Sound overall; see my comments." not in text
    assert page.problems.take() == []
