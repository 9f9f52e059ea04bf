"""Peer review in the browser, from both sides of it.

A new author registers in the portal, confirms their address from the e-mail the site sends,
logs in, submits a paper through the step-by-step form with its PDFs and follows it on their
dashboard. The managing editor screens it, vouches for the anonymity of the reviewer copy, sends
it to review and invites a reviewer, who accepts and reviews through the link in their e-mail.
The editor decides (minor revisions) and the author reads the decision letter and the review,
which never names its reviewer (the series reviews double-anonymously).

A second journey reads the decisions the demo author already has, across every state.
"""

import datetime
import re
import uuid

import pytest
from playwright.sync_api import expect

from publications.review import review_forms
from tests.e2e.conftest import DEMO_PASSWORD, log_in
from tests.e2e.documents import pdf_upload

pytestmark = pytest.mark.e2e

# What would identify the reviewers (home/demo/users.py names the demo accounts).
REVIEWER_IDENTITIES = [
    "Reviewer Demo", "Reviewer2 Demo", "reviewer@jcmi.example", "reviewer2@jcmi.example",
]
REVIEWER_OPTION = "Reviewer Demo <reviewer@jcmi.example>"

SERIES = "JCMI Working Papers"  # reviews double-anonymously, as every demo series does
TITLE = "Liaison cells in cross-border flood response"
ABSTRACT = (
    "Three flood responses across a border show how liaison cells between relief agencies "
    "and military units decide who does what, and where the hand-over of tasks breaks down."
)
KEYWORDS = "liaison; floods; civil-military coordination"
TOPIC = "Disaster Management and Humanitarian Assistance"
COVER_LETTER = "This paper has not been submitted elsewhere."
COMPETING_INTERESTS = "None"
CO_AUTHOR = {
    "name": "Jonas Berglund", "email": "jonas.berglund@institute.example",
    "affiliation": "Swedish Defence University", "orcid": "https://orcid.org/0000-0002-1825-0097",
}
REVIEW_COMMENT = (
    "The cases are well chosen; please say how the interviews with the liaison officers were "
    "selected."
)
CONFIDENTIAL_COMMENT = "A solid paper; I would be glad to see the revision."
DECISION_NOTE = "Please answer the reviewer's question about the interviews in your revision."


def read_link(body, pattern):
    match = re.search(pattern, body)
    assert match, f"no link matching {pattern!r} in the e-mail:\n{body}"
    return match.group(0)


def register_and_confirm(site, page, person):
    page.goto("/en/portal/register/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Create an author account")
    form = page.locator("main form").filter(has=page.locator("input[name='password1']"))
    form.get_by_label(re.compile(r"^E-mail")).fill(person["email"])
    form.get_by_label("First name").fill(person["first_name"])
    form.get_by_label("Last name").fill(person["last_name"])
    form.get_by_label("Affiliation").fill(person["affiliation"])
    form.locator("input[name='password1']").fill(person["password"])
    form.locator("input[name='password2']").fill(person["password"])
    form.get_by_role("button", name="Register").click()
    page.wait_for_url(re.compile(r"/en/portal/register/sent/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your e-mail")

    # The account does not work before the address is confirmed.
    log_in_to_portal(page, person["email"], person["password"], expect_success=False)

    # The e-mail holds the confirmation link; opening it activates the account and logs in.
    _subject, body = site.wait_for_mail(person["email"], "Confirm your e-mail address")
    link = read_link(body, r"https?://\S+/portal/verify/\S+/")
    assert link.startswith(site.base_url), link
    page.goto(link)
    page.wait_for_url(re.compile(r"/en/portal/$"))
    expect(page.get_by_text("Your e-mail address is confirmed.")).to_be_visible()
    expect(page.get_by_text("You have no submissions yet.")).to_be_visible()

    # Log out, and in again with the new password, as the author will next time.
    page.get_by_role("navigation", name="Author portal").get_by_role(
        "button", name="Log out").click()
    page.wait_for_url(re.compile(r"/en/portal/login/$"))
    log_in_to_portal(page, person["email"], person["password"])


def log_in_to_portal(page, username, password, expect_success=True):
    page.goto("/en/portal/login/")
    page.get_by_label("E-mail address").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in", exact=True).click()
    if expect_success:
        page.wait_for_url(re.compile(r"/en/portal/$"))
        expect(page.get_by_role("heading", level=1)).to_have_text("My submissions")
    else:
        page.wait_for_load_state()
        assert re.search(r"/en/portal/login/", page.url)
        expect(page.locator("main form .errorlist, main [role='alert']").first).to_be_visible()


def save_and_continue(page, next_step):
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_url(re.compile(rf"/en/portal/submissions/\d+/edit/{next_step}/$"))
    expect(page.locator("ol.steps [aria-current='step']")).to_be_visible()


def submit_a_paper(page, person):
    """The step-by-step form, from the dashboard to "Submit for review"; returns its id."""
    page.get_by_role("link", name="Start a new submission").click()
    page.wait_for_url(re.compile(r"/en/portal/submissions/new/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("New submission")

    # 1. Details.
    form = page.locator("main form[enctype='multipart/form-data']")
    form.get_by_label("Series").select_option(label=SERIES)
    form.get_by_label("Title").fill(TITLE)
    form.get_by_label("Abstract").fill(ABSTRACT)
    form.get_by_label("Keywords").fill(KEYWORDS)
    form.get_by_label(TOPIC).check()
    save_and_continue(page, "authors")
    submission_id = int(re.search(r"/submissions/(\d+)/", page.url).group(1))

    # 2. Authors: the author themself comes filled in from their account, as corresponding
    # author; they add a co-author with an ORCID iD, pasted as the address orcid.org shows.
    first = page.locator("fieldset.author").nth(0)
    expect(first.get_by_label("Name")).to_have_value(
        f"{person['first_name']} {person['last_name']}")
    expect(first.get_by_label("E-mail")).to_have_value(person["email"])
    expect(first.get_by_label("Corresponding author")).to_be_checked()
    page.get_by_role("button", name="Save and add another author").click()
    page.wait_for_url(re.compile(rf"/en/portal/submissions/{submission_id}/edit/authors/$"))
    second = page.locator("fieldset.author").nth(1)
    second.get_by_label("Name").fill(CO_AUTHOR["name"])
    second.get_by_label("E-mail").fill(CO_AUTHOR["email"])
    second.get_by_label("Affiliation").fill(CO_AUTHOR["affiliation"])
    second.get_by_label("ORCID iD").fill(CO_AUTHOR["orcid"])
    expect(second.get_by_label("Corresponding author")).not_to_be_checked()
    save_and_continue(page, "statements")

    # 3. Statements: cover letter, competing interests, the licence.
    page.get_by_label("Cover letter").fill(COVER_LETTER)
    page.get_by_label("Competing interests").fill(COMPETING_INTERESTS)
    page.get_by_label(re.compile("published under the series' open licence")).check()
    save_and_continue(page, "files")

    # 4. Files: the manuscript, and (the series reviews double-anonymously) an anonymised
    # copy. Both carry the author's name in their metadata, as a word processor leaves it.
    name = f"{person['first_name']} {person['last_name']}"
    page.get_by_label(re.compile(r"^Manuscript")).set_input_files(pdf_upload(
        "liaison-cells.pdf", [TITLE, f"{name}, {person['affiliation']}", ABSTRACT[:80]], name))
    anonymised = pdf_upload("liaison-cells-anonymised.pdf", [TITLE, ABSTRACT[:80]], name)
    assert person["last_name"].encode() in anonymised["buffer"]  # the reviewer's copy must not
    page.get_by_label(re.compile(r"^Anonymised manuscript")).set_input_files(anonymised)
    save_and_continue(page, "confirm")

    # 5. Check and submit: everything is there, nothing is missing.
    summary = page.locator("main dl")
    expect(summary).to_contain_text(SERIES)
    expect(summary).to_contain_text(TITLE)
    authors = summary.locator("ol.authors > li")
    expect(authors.nth(0)).to_contain_text(f"{name} <{person['email']}>")
    expect(authors.nth(0)).to_contain_text("(corresponding)")
    expect(authors.nth(1)).to_contain_text(CO_AUTHOR["name"])
    # The keywords as the summary lists them: typed with semicolons, shown one by one.
    keywords_shown = ", ".join(k.strip() for k in KEYWORDS.split(";"))
    for shown in (keywords_shown, TOPIC, COVER_LETTER, COMPETING_INTERESTS, "Agreed"):
        expect(summary).to_contain_text(shown)
    for file_name in ("liaison-cells.pdf", "liaison-cells-anonymised.pdf"):
        expect(summary.get_by_role("link", name=file_name)).to_be_visible()
    expect(page.get_by_text("Before you can submit, please add:")).to_have_count(0)
    page.get_by_role("button", name="Submit for review").click()
    page.wait_for_url(re.compile(rf"/en/portal/submissions/{submission_id}/$"))
    expect(page.get_by_text("Thank you: your submission has been received.")).to_be_visible()
    expect(page.locator(".state-submitted").first).to_be_visible()
    files = page.get_by_role("heading", name="Your files").locator("xpath=following-sibling::ul[1]")
    expect(files.get_by_role("link", name="liaison-cells.pdf")).to_be_visible()
    expect(files.get_by_role("link", name="liaison-cells-anonymised.pdf")).to_be_visible()
    return submission_id


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_step_list_keeps_each_number_beside_its_own_label(page, language):
    log_in_to_portal(page, "author", DEMO_PASSWORD)
    page.goto(f"/{language}/portal/submissions/new/")
    steps = page.evaluate("""() => [...document.querySelectorAll("ol.steps > li")].map(li => {
        const box = li.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(li);
        const label = range.getBoundingClientRect();
        const rtl = getComputedStyle(li).direction === "rtl";
        // The room the item keeps for its number, on the side where the number is drawn.
        return {room: rtl ? box.right - label.right : label.left - box.left,
                start: rtl ? box.right : box.left, end: rtl ? box.left : box.right, rtl};
    })""")
    assert len(steps) == 5
    assert all(step["rtl"] == (language == "ar") for step in steps)
    for step in steps:
        assert step["room"] >= 10, steps  # "1. " is drawn inside the item, not over its neighbour
    for before, after in zip(steps, steps[1:], strict=False):
        if before["rtl"]:
            assert after["start"] < before["end"], steps
        else:
            assert after["start"] > before["end"], steps


def dashboard_row(page, title):
    page.goto("/en/portal/")
    expect(page.get_by_role("heading", level=1)).to_have_text("My submissions")
    rows = page.locator("table.submissions tbody tr")
    # The new author sees their own submission, and nobody else's.
    expect(rows).to_have_count(1)
    row = rows.filter(has=page.get_by_role("link", name=title, exact=True))
    expect(row).to_have_count(1)
    return row


def editor_sends_to_review(editor, submission_id, author_name):
    detail_path = f"/admin/submissions/{submission_id}/"
    log_in(editor, "managing-editor", next_path="/admin/submissions/")
    # The new submission is in the queue.
    editor.locator(f"a[href='{detail_path}']").click()
    editor.wait_for_url(f"**{detail_path}")
    expect(editor.get_by_role("heading", level=1)).to_contain_text(TITLE)
    main = editor.locator("main")
    expect(main).to_contain_text(f"ORCID {CO_AUTHOR['orcid'].rsplit('/', 1)[1]}")
    expect(main).to_contain_text(COVER_LETTER)

    def act(button):
        editor.get_by_role("button", name=button).click()
        editor.wait_for_url(f"**{detail_path}")
        expect(editor.get_by_text("Done.")).to_be_visible()

    act("Start screening")
    # The reviewer copy is made from the anonymised file, with its metadata stripped.
    expect(main).to_contain_text("The identity check found no name")
    assert author_name not in main.locator("p", has_text="Reviewer copy of round 1").inner_text()
    act("I have checked the reviewer copy: it is anonymous")
    act("Send to review")

    editor.locator("select[name='reviewer']").select_option(label=REVIEWER_OPTION)
    editor.get_by_role("button", name="Send the invitation").click()
    editor.wait_for_url(f"**{detail_path}")
    expect(editor.get_by_text("Invitation sent to reviewer@jcmi.example.")).to_be_visible()
    assert editor.problems.take() == []


def answer_the_series_questions(form):
    """The series' review form (issue 20) beside the recommendation: the first option of each
    choice or scale, a sentence for each text question."""
    prefix = review_forms.FIELD_PREFIX
    for name in sorted({radio.get_attribute("name") for radio in
                        form.locator(f"input[type='radio'][name^='{prefix}']").all()}):
        form.locator(f"input[type='radio'][name='{name}']").first.check()
    for text in form.locator(f"textarea[name^='{prefix}']").all():
        text.fill("The argument holds; the case material could be fuller.")


def reviewer_reviews(site, reviewer, author_name):
    """The reviewer works from the link in their e-mail, without logging in, in the language of
    their profile (French for the demo reviewer): controls are found by their names here, as
    the words depend on whether the French catalogue is compiled."""
    _subject, body = site.wait_for_mail("reviewer@jcmi.example", re.escape(TITLE))
    link = read_link(body, r"https?://\S+/portal/review/\S+/accept/")
    assert link.startswith(site.base_url + "/fr/"), link
    assert author_name not in body  # double-anonymous: the invitation names no author
    reviewer.goto(link)
    expect(reviewer.locator("html")).to_have_attribute("lang", "fr")
    expect(reviewer.locator("main")).to_contain_text(TITLE)
    # Opening the link only asks; the reviewer's answer is a button.
    reviewer.locator("main form button[type='submit']").click()
    reviewer.wait_for_url(re.compile(r"/fr/portal/review/[^/]+/$"))
    expect(reviewer.locator(".messages .success")).to_be_visible()
    assert author_name not in reviewer.locator("main").inner_text()

    # The manuscript the reviewer gets is the anonymised one, without the author's name.
    download = reviewer.locator("main a[href$='/manuscript/']")
    response = reviewer.request.get(download.get_attribute("href"))
    assert response.status == 200
    assert response.body().startswith(b"%PDF")
    assert author_name.split()[-1].encode() not in response.body()

    form = reviewer.locator("main form[enctype='multipart/form-data']")
    form.locator("input[name='recommendation'][value='minor']").check()
    form.locator("textarea[name='comments_for_authors']").fill(REVIEW_COMMENT)
    form.locator("textarea[name='confidential_comments']").fill(CONFIDENTIAL_COMMENT)
    answer_the_series_questions(form)
    form.locator("button[type='submit']:not([name='save_draft'])").click()
    reviewer.wait_for_url(re.compile(r"/fr/portal/review/[^/]+/$"))
    expect(reviewer.locator(".messages .success")).to_be_visible()
    expect(reviewer.locator("main form[enctype='multipart/form-data']")).to_have_count(0)
    assert reviewer.problems.take() == []


def editor_decides(editor, submission_id):
    detail_path = f"/admin/submissions/{submission_id}/"
    editor.goto(detail_path)
    expect(editor.locator("main")).to_contain_text(REVIEW_COMMENT)
    editor.get_by_role("link", name="Record a decision").click()
    editor.wait_for_url(f"**{detail_path}decide/")
    expect(editor.locator("select[name='outcome']")).to_have_value("minor")
    letter = editor.get_by_label("Letter to the author")
    # The drafted letter quotes the review; the editor adds a word of their own.
    expect(letter).to_have_value(re.compile(re.escape(REVIEW_COMMENT[:40])))
    letter.fill(DECISION_NOTE + "\n\n" + letter.input_value())
    due = datetime.date.today() + datetime.timedelta(days=30)
    editor.get_by_label("Revision due").fill(due.isoformat())
    editor.get_by_role("button", name="Send the decision").click()
    editor.wait_for_url(f"**{detail_path}")
    expect(editor.get_by_text("The decision has been sent.")).to_be_visible()
    assert editor.problems.take() == []


def test_a_new_author_registers_submits_and_reads_the_decision(site, new_page):
    tag = uuid.uuid4().hex[:8]
    person = {
        "first_name": "Samira", "last_name": "Nasser",
        "email": f"samira.nasser.{tag}@university.example",
        "affiliation": "University of Jordan", "password": "flood-liaison-2026-passphrase",
    }
    author_name = f"{person['first_name']} {person['last_name']}"

    author = new_page()
    register_and_confirm(site, author, person)
    submission_id = submit_a_paper(author, person)
    row = dashboard_row(author, TITLE)
    expect(row.locator(".state-submitted")).to_be_visible()
    expect(row).to_contain_text(SERIES)
    _subject, _body = site.wait_for_mail(person["email"], re.escape(TITLE))
    assert author.problems.take() == []

    editor = new_page()
    editor_sends_to_review(editor, submission_id, author_name)
    expect(dashboard_row(author, TITLE).locator(".state-in_review")).to_be_visible()

    reviewer_reviews(site, new_page(), author_name)
    editor_decides(editor, submission_id)

    # The author hears of the decision by e-mail and reads it in the portal.
    subject, body = site.wait_for_mail(person["email"], r"Decision on")
    assert TITLE in subject and "Minor revisions" in subject
    assert DECISION_NOTE in body
    row = dashboard_row(author, TITLE)
    expect(row.locator(".state-revisions_requested")).to_be_visible()
    row.get_by_role("link", name=TITLE, exact=True).click()
    author.wait_for_url(re.compile(rf"/en/portal/submissions/{submission_id}/$"))
    expect(author.get_by_role("heading", level=1)).to_have_text(TITLE)
    decision = author.locator("section.round")
    expect(decision.get_by_role("heading", name=re.compile("Decision: Minor revisions"))
           ).to_be_visible()
    expect(decision.locator(".letter")).to_contain_text(DECISION_NOTE)
    reviews = author.locator("article.review")
    expect(reviews).to_have_count(1)
    expect(reviews.locator("h3")).to_have_text("Reviewer 1 — Minor revisions")
    expect(reviews).to_contain_text(REVIEW_COMMENT)
    expect(author.get_by_role("link", name="Upload your revision")).to_be_visible()
    text = author.locator("main").inner_text()
    for identity in REVIEWER_IDENTITIES:
        assert identity.lower() not in text.lower()
    # The reviewer's confidential comment to the editors stays with the editors.
    assert CONFIDENTIAL_COMMENT not in text
    assert author.problems.take() == []


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


def test_the_demo_author_reads_decisions_and_anonymous_reviews(page):
    log_in_to_portal(page, "author", DEMO_PASSWORD)

    # The dashboard lists every submission of theirs with its state, and only theirs.
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
