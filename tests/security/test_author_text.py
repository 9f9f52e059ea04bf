"""Author text is text: a corpus of hostile strings typed into every field of a submission comes
out, all the way to the published page, as the text that was typed and never as markup.

The journey is the real one: the author's portal wizard, the reviewer's link, the editor's
decision and the "create the publication page" button, then the page's preview, the admin's
revision view, the published page, its feed and its citation files, and every e-mail sent on the
way. HTML is read with html5lib, the parser browsers follow, so what counts is what a browser
would build from it; the machine-read files are read by their own parsers.
"""

import json

import bibtexparser
import html5lib
import pytest
import rispy
from bibtexparser import middlewares
from django.contrib.auth.models import User
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from lxml import etree

from publications import citations, factories
from publications.models import PublicationPage, ReviewAssignment, Series, Submission
from publications.review import workflow
from publications.review.tokens import make_assignment_token
from tests.review.builders import in_days
from tests.review.conftest import (  # noqa: F401 -- fixtures
    _no_task_fails_quietly,
    author,
    editor,
    make_pdf,
    reviewers,
)

SCRIPT = '<script>alert("jcmi-xss")</script>'
IMG = "<img src=x onerror=alert(1)>"
DOUBLE_QUOTE_BREAKOUT = '" onmouseover="alert(2)" data-x="'
SINGLE_QUOTE_BREAKOUT = "' onfocus='alert(3)' autofocus='"
JS_LINK = '<a href="javascript:alert(4)">read more</a>'
JS_URL = "javascript:alert(5)"
ENTITY = "&lt;script&gt;alert(6)&lt;/script&gt;"
DOUBLE_ENTITY = "&amp;#x3C;script&amp;#x3E;alert(7)"
RTL_OVERRIDE = "report\u202efdp.exe"
CLOSERS = "</textarea></title></script><svg onload=alert(8)>"
HOSTILE = [SCRIPT, IMG, DOUBLE_QUOTE_BREAKOUT, SINGLE_QUOTE_BREAKOUT, JS_LINK, JS_URL, ENTITY,
           DOUBLE_ENTITY, RTL_OVERRIDE, CLOSERS]

TITLE = f"Liaison {SCRIPT} {IMG} {DOUBLE_QUOTE_BREAKOUT} {JS_LINK} {DOUBLE_ENTITY} {RTL_OVERRIDE}"
# Keywords are separated by commas in the portal and by semicolons on the page.
KEYWORDS = [k for k in HOSTILE if "," not in k and ";" not in k]
ABSTRACT = "\n\n".join(HOSTILE)
AUTHOR = f"Amira {IMG}Haddad"
CO_AUTHOR = f"Ben {SINGLE_QUOTE_BREAKOUT}Okafor"
AFFILIATION = f"{CLOSERS} {ENTITY} {JS_URL}"
LETTER = "\n".join(HOSTILE)
COMMENTS = "\n".join(reversed(HOSTILE))

EXECUTABLE_SCRIPT_TYPES = {"", "text/javascript", "module", "application/javascript"}


def parse(html):
    return html5lib.parse(html, treebuilder="lxml", namespaceHTMLElements=False)


def words(text):
    return " ".join(text.split())


def assert_no_live_markup(tree, where):
    """Nothing a browser builds from the document runs or links anything of the corpus."""
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            assert not (name.lower().startswith("on") and "alert" in value), (where, name, value)
            if name.lower() in {"href", "src", "action", "formaction"}:
                assert not value.strip().lower().startswith("javascript:"), (where, value)
        assert not (element.tag == "img" and element.get("src") == "x"), where
        assert element.tag != "svg" or "alert" not in etree.tostring(element).decode(), where
        if element.tag == "script" and element.get("type", "").lower() in EXECUTABLE_SCRIPT_TYPES:
            assert "alert(" not in (element.text or ""), (where, element.text)


def assert_shown_as_text(html, *literals, where=""):
    """The document builds no markup from the corpus, and shows each literal as typed."""
    tree = parse(html)
    assert_no_live_markup(tree, where)
    text = words("".join(tree.getroot().itertext()))
    for literal in literals:
        assert words(literal) in text, (where, literal)
    return tree


def get(client, url, *literals):
    response = client.get(url)
    assert response.status_code == 200, url
    return assert_shown_as_text(response.content.decode(), *literals, where=url)


def post(client, url, data, status=302):
    response = client.post(url, data)
    assert response.status_code == status, (url, response.content.decode()[:3000])
    return response


@pytest.fixture
def site(db):
    _home, index, _topics = factories.make_site()
    series, series_page = factories.make_series(index)
    return series, series_page


def submit_through_the_portal(client, submitter, series):
    client.force_login(submitter)
    post(client, "/en/portal/submissions/new/", {
        "series": series.pk, "title": TITLE, "abstract": ABSTRACT, "keywords": ", ".join(KEYWORDS),
    })
    submission = Submission.objects.get(submitter=submitter)
    assert submission.title == TITLE and submission.abstract == ABSTRACT  # stored as typed
    steps = f"/en/portal/submissions/{submission.pk}/edit/"
    post(client, steps + "authors/", {
        "authors-TOTAL_FORMS": "2", "authors-INITIAL_FORMS": "0",
        "authors-MIN_NUM_FORMS": "0", "authors-MAX_NUM_FORMS": "30",
        "authors-0-name": AUTHOR, "authors-0-email": "amira@jcmi.example",
        "authors-0-affiliation": AFFILIATION, "authors-0-is_corresponding": "on",
        "authors-0-ORDER": "1",
        "authors-1-name": CO_AUTHOR, "authors-1-email": "ben@jcmi.example",
        "authors-1-affiliation": SCRIPT, "authors-1-ORDER": "2",
    })
    post(client, steps + "statements/", {"cover_letter": LETTER, "competing_interests": LETTER,
                                          "licence_agreed": "on"})
    post(client, steps + "files/", {
        "manuscript": SimpleUploadedFile("manuscript.pdf", make_pdf(text="Liaison")),
        "anonymised": SimpleUploadedFile("anonymised.pdf", make_pdf(text="Liaison", author="")),
    })
    get(client, steps + "confirm/", TITLE, *HOSTILE, AUTHOR, AFFILIATION)
    post(client, steps + "confirm/", {})
    submission.refresh_from_db()
    assert submission.state == Submission.State.SUBMITTED
    return submission


def test_hostile_text_in_every_field_stays_text_from_the_portal_to_the_published_page(
        client, site, author, editor, reviewers):  # noqa: F811 -- the review fixtures
    series, _series_page = site
    reviewer = reviewers[0]
    superuser = User.objects.create_superuser("admin", "admin@jcmi.example", "x")
    submission = submit_through_the_portal(client, author, series)
    get(client, "/en/portal/", TITLE)
    get(client, f"/en/portal/submissions/{submission.pk}/", TITLE, *HOSTILE, AUTHOR)

    # The managing editor screens it and reads everything the author typed.
    client.force_login(editor)
    get(client, "/admin/submissions/", TITLE)
    get(client, f"/admin/submissions/{submission.pk}/", TITLE, *HOSTILE, AUTHOR, CO_AUTHOR,
        AFFILIATION)
    workflow.start_screening(submission, editor)
    workflow.confirm_anonymity(submission, editor)
    workflow.send_to_review(submission, editor)
    assignment = workflow.invite_reviewer(submission, editor, reviewer,
                                          response_due=in_days(7), review_due=in_days(30))

    # The reviewer reads it through their link and answers with hostile comments of their own.
    client.logout()
    review = f"/en/portal/review/{make_assignment_token(assignment)}/"
    post(client, review + "accept/", {})
    get(client, review, TITLE, *HOSTILE)
    post(client, review, {"recommendation": "accept", "comments_for_authors": COMMENTS,
                          "confidential_comments": COMMENTS})
    assert ReviewAssignment.objects.get(pk=assignment.pk).comments_for_authors == COMMENTS

    # The editor's decision letter quotes the review; the author reads it in the portal.
    client.force_login(editor)
    decide = f"/admin/submissions/{submission.pk}/decide/"
    letter = client.get(decide + "?outcome=accept").context["form"].initial["letter"]
    assert SCRIPT in letter  # the review is quoted as it was written …
    get(client, decide + "?outcome=accept", TITLE, *HOSTILE)  # … and shown as text
    post(client, decide, {"outcome": "accept", "letter": letter})
    client.force_login(author)
    get(client, f"/en/portal/submissions/{submission.pk}/", TITLE, *HOSTILE)

    # Production: the page's rich text holds the author's paragraphs, escaped.
    client.force_login(editor)
    post(client, f"/admin/submissions/{submission.pk}/publication-page/", {})
    submission.refresh_from_db()
    page = PublicationPage.objects.get(pk=submission.publication_page_id)
    assert page.title == TITLE
    abstract = parse(f"<div>{page.abstract}</div>")
    assert_no_live_markup(abstract, "stored abstract")
    paragraphs = abstract.findall(".//p")
    assert ["".join(p.itertext()) for p in paragraphs] == HOSTILE  # one paragraph each, as typed
    assert [e.tag for e in abstract.iter() if isinstance(e.tag, str)
            and e.tag not in {"html", "head", "body", "div"}] == ["p"] * len(HOSTILE)
    assert [c.full_name for c in page.contributors.all()] == [AUTHOR, CO_AUTHOR]
    assert page.keyword_list == KEYWORDS

    # The preview, the revision view and the editor of the draft, for someone with page rights.
    shown = [TITLE, *HOSTILE, AUTHOR, CO_AUTHOR, AFFILIATION]
    client.force_login(superuser)
    revision = page.get_latest_revision()
    get(client, f"/admin/pages/{page.pk}/view_draft/", *shown)
    get(client, f"/admin/pages/{page.pk}/revisions/{revision.pk}/view/", *shown)
    get(client, f"/admin/pages/{page.pk}/edit/")

    # Published: the public page, its scholarly data, the feed and the citation files.
    revision.publish()
    client.logout()
    page = PublicationPage.objects.get(pk=page.pk)
    public = get(client, page.url, *shown)
    assert public.findtext(".//h1") == TITLE
    cite = public.find(".//div[@class='how-to-cite__reference']")
    assert TITLE in "".join(cite.itertext())  # the reference quotes the title as text
    assert_no_live_markup(cite, "how to cite")
    (ld,) = public.findall(".//script[@type='application/ld+json']")
    assert json.loads(ld.text)["name"] == TITLE
    meta = {m.get("name"): m.get("content") for m in public.iter("meta") if m.get("name")}
    assert meta["citation_title"] == TITLE
    # The description for search engines and link previews: the abstract's text, as typed.
    assert meta["description"].startswith(f"{SCRIPT} {IMG}")
    # The site's search shows an excerpt of the abstract, as text.
    get(client, "/en/search/?q=Liaison", TITLE, f"{SCRIPT} {IMG}")

    feed = etree.fromstring(client.get("/en/publications/feed.xml").content)
    (item,) = feed.findall("channel/item")
    assert item.findtext("title") == TITLE
    # The description is HTML for the feed reader: it must read as the text, with no markup.
    assert_shown_as_text(item.findtext("description"), *HOSTILE, where="feed description")

    (csl,) = json.loads(client.get(page.url + "cite.json").content)
    assert csl["title"] == TITLE
    assert words(csl["abstract"]) == words(" ".join(HOSTILE))
    assert csl["keyword"] == "; ".join(KEYWORDS)
    (ris,) = rispy.loads(client.get(page.url + "cite.ris").content.decode())
    assert ris["title"] == TITLE
    assert ris["abstract"] == csl["abstract"]
    assert ris["keywords"] == KEYWORDS
    library = bibtexparser.parse_string(client.get(page.url + "cite.bib").content.decode(),
                                        append_middleware=[middlewares.LatexDecodingMiddleware()])
    (entry,) = library.entries
    # The LaTeX encoding writes a straight double quote as a closing quote (''): the rest comes
    # back as typed, and nothing is HTML-escaped.
    assert words(entry["title"]).replace("\u201d", '"') == words(TITLE)

    # Every e-mail on the way: plain text says what was typed; the HTML part shows it as text.
    sent = mail.outbox
    assert sent
    about_it = [m for m in sent if "Liaison" in m.subject]
    assert about_it
    for message in about_it:
        assert TITLE in message.subject or words(TITLE) in words(message.body), message.subject
    for message in sent:
        (html, mimetype), = message.alternatives
        assert mimetype == "text/html"
        assert_shown_as_text(html, where=message.subject)
        # Both parts say the same (line breaks aside).
        html_text = "".join(parse(html).getroot().itertext())
        assert "".join(message.body.split()) in "".join(html_text.split()), message.subject
    decisions = [m for m in sent if m.to == [author.email] and COMMENTS.split("\n")[0] in m.body]
    assert decisions, "the decision letter quotes the review"


def test_a_title_with_markup_is_text_in_how_to_cite(client, site):
    """citeproc writes CSL variables into its HTML as they come: the page escapes them first."""
    _series, series_page = site
    page = factories.make_publication(
        series_page, title=TITLE, contributors=[{"given_names": SINGLE_QUOTE_BREAKOUT,
                                                  "family_name": IMG}])
    public = get(client, page.url, TITLE)
    cite = public.find(".//div[@class='how-to-cite__reference']")
    text = "".join(cite.itertext())
    assert TITLE in text and IMG in text
    assert_no_live_markup(cite, "how to cite")
    # citeproc's own markup (the italic title) is still there.
    assert cite.find(".//i") is not None


@pytest.mark.parametrize("kind", list(Series.Kind))
def test_every_kind_of_reference_quotes_markup_as_text(db, kind):
    """Each CSL type is formatted differently (italics, text case): none turns an escaped
    title back into markup or breaks its character references."""
    _home, index, _topics = factories.make_site()
    _series, series_page = factories.make_series(index, kind=kind, slug=f"series-{kind}")
    title = "<em>war</em> & peace &lt;b&gt; " + IMG
    page = factories.make_publication(series_page, title=title, contributors=[
        {"given_names": "<b>Ana</b>", "family_name": "&amp; Müller"}])
    reference = parse(f"<div>{citations.how_to_cite(page)}</div>")
    assert_no_live_markup(reference, kind)
    text = "".join(reference.getroot().itertext())
    assert title in text and "&amp; Müller" in text and "<b>" in text
    assert not reference.findall(".//em") and not reference.findall(".//b")


def test_the_abstract_keeps_its_paragraphs_and_line_breaks():
    from publications.review.production import text_as_rich_text

    assert text_as_rich_text("First <b>one</b>.\r\n\r\n  Second,\nwith a break.\n\n\n") == (
        "<p>First &lt;b&gt;one&lt;/b&gt;.</p><p>Second,<br/>with a break.</p>")
    assert text_as_rich_text("") == ""
