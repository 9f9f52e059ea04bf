"""Saves of the submission wizard sent at the same moment (a double click, two tabs) leave one
result: one author list, one new draft. Real requests from threads against a live server on
PostgreSQL, logged in with the session cookie and sending the CSRF token, as a browser does."""

import re
import threading

import pytest
import requests
from django.conf import settings
from django.db import connection

from publications.models import AuditEvent, Submission, SubmissionAuthor

TIMEOUT = 30  # seconds for any one request
SAVES = 4

# serialized_rollback: the flush after this test must leave the migrations' data (locales, groups,
# workflows) for the tests after it.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def browser_of(live_server, client):
    """A function giving ``user`` a requests session logged in as a browser would be."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL: set DATABASE_URL")

    def browser(user):
        client.force_login(user)
        session = requests.Session()
        session.cookies.set(settings.SESSION_COOKIE_NAME,
                            client.cookies[settings.SESSION_COOKIE_NAME].value)
        return session

    return browser


def csrf_token(session, url):
    response = session.get(url, timeout=TIMEOUT)
    assert response.status_code == 200
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text).group(1)


def post_at_once(session, url, payloads):
    """POST each payload from its own thread, all released together; the status codes."""
    start = threading.Barrier(len(payloads))
    statuses = [None] * len(payloads)

    def send(i):
        start.wait(timeout=TIMEOUT)
        statuses[i] = session.post(url, data=payloads[i], allow_redirects=False,
                                   timeout=TIMEOUT).status_code

    threads = [threading.Thread(target=send, args=(i,)) for i in range(len(payloads))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=TIMEOUT * 2)
    return statuses


def author_list(name, email, token):
    return {"csrfmiddlewaretoken": token,
            "authors-TOTAL_FORMS": "1", "authors-INITIAL_FORMS": "0",
            "authors-MIN_NUM_FORMS": "0", "authors-MAX_NUM_FORMS": "30",
            "authors-0-name": name, "authors-0-email": email,
            "authors-0-is_corresponding": "on", "authors-0-ORDER": "1"}


def test_concurrent_saves_of_the_authors_step_leave_one_author_list(live_server, browser_of,
                                                                   author, series):
    submission = Submission.objects.create(submitter=author, series=series, title="T")
    session = browser_of(author)
    url = f"{live_server.url}/en/portal/submissions/{submission.pk}/edit/authors/"
    token = csrf_token(session, url)
    # The same list sent twice (a double click), and two other lists from two other tabs.
    payloads = [author_list("Amira Haddad", "amira@example.org", token)] * 2 + [
        author_list(f"Co-author {i}", f"co{i}@example.org", token) for i in range(SAVES - 2)]

    statuses = post_at_once(session, url, payloads)

    assert statuses == [302] * SAVES
    authors = list(SubmissionAuthor.objects.filter(submission=submission))
    assert len(authors) == 1  # one save's list, whole: not rows of several
    assert authors[0].sort_order == 0 and authors[0].is_corresponding


def test_a_new_submission_sent_several_times_at_once_makes_one_draft(live_server, browser_of,
                                                                     author, series):
    session = browser_of(author)
    url = f"{live_server.url}/en/portal/submissions/new/"
    data = {"csrfmiddlewaretoken": csrf_token(session, url), "series": series.pk,
            "title": "Liaison cells in flood response", "abstract": "How liaison cells work."}

    statuses = post_at_once(session, url, [data] * SAVES)

    assert statuses == [302] * SAVES
    (draft,) = Submission.objects.filter(submitter=author)
    assert draft.title == "Liaison cells in flood response"
    assert AuditEvent.objects.filter(submission=draft, action="draft_created").count() == 1

