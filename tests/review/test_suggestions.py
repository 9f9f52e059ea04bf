"""The invite screen ranks the reviewer database for a submission: the person whose expertise
matches and who has room comes first; each kind of conflict of interest is flagged; nobody the
authors opposed is hidden; a review of the previous version counts for, not against."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from publications.models import ReviewAssignment
from publications.review import suggestions

from .desk_people import Seeded, reviewer

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(django_user_model, author, series, editor):
    return Seeded(django_user_model, author, series, editor)


def by_key(seeded, ranked):
    keys = {user.pk: key for key, user in seeded.people.items()}
    return [keys.get(row.person.pk) for row in ranked]


def test_the_matching_available_person_comes_first(seeded):
    ranked = suggestions.rank(seeded.submission)
    order = by_key(seeded, ranked)
    assert order[0] == "best"
    best = ranked[0]
    assert {t.title for t in best.topics} == {"Protection of Civilians", "Gender"}
    assert best.keywords == ["floods", "liaison"]
    assert best.conflicts == [] and best.available
    # The same expertise with reviews in progress, or not available yet, ranks lower.
    assert order.index("best") < order.index("busy") < order.index("unavailable")
    assert ranked[order.index("busy")].in_progress == 2
    assert not ranked[order.index("unavailable")].available
    # Expertise outranks no expertise.
    assert order.index("busy") < order.index("no_match")


def test_each_kind_of_conflict_is_flagged_and_nobody_is_hidden(seeded):
    ranked = suggestions.rank(seeded.submission)
    order = by_key(seeded, ranked)
    conflicts = {key: {c.kind for c in row.conflicts} for key, row in zip(order, ranked, strict=True)}
    assert conflicts["same_affiliation"] == {"affiliation"}
    assert conflicts["same_domain"] == {"email_domain"}
    assert conflicts["coauthor"] == {"coauthor"}
    assert conflicts["opposed"] == {"opposed"}
    for clean in ("best", "busy", "unavailable", "previous", "no_match"):
        assert conflicts[clean] == set(), clean
    # Everyone of the seeded set is on the list, the opposed person included, each conflicted
    # person below the clean person with the same expertise.
    assert set(order) >= set(seeded.people) - {"previous"}
    for key in ("same_affiliation", "same_domain", "coauthor", "opposed"):
        assert order.index(key) > order.index("busy"), key


def test_a_review_of_the_previous_version_is_a_plus_not_a_conflict(seeded):
    ranked = suggestions.rank(seeded.submission)
    order = by_key(seeded, ranked)
    previous = ranked[order.index("previous")]
    assert previous.reviewed_previous_version and previous.conflicts == []
    # Both have one unrelated topic; the earlier reviewer ranks above the one who has not.
    assert order.index("previous") < order.index("no_match")
    assert ranked[order.index("no_match")].suggested_by_authors


def test_people_already_assigned_to_the_round_and_the_authors_are_left_out(seeded, editor):
    from publications.review import workflow

    from .builders import in_days

    workflow.invite_reviewer(seeded.submission, editor, seeded.people["best"],
                             response_due=in_days(3), review_due=in_days(20))
    order = by_key(seeded, suggestions.rank(seeded.submission))
    assert "best" not in order
    assert seeded.submission.submitter_id not in [row.person.pk for row in
                                                  suggestions.rank(seeded.submission)]


def test_the_invite_screen_shows_flags_and_costs_the_same_queries_for_more_people(
        client, seeded, editor, django_user_model):
    client.force_login(editor)
    url = f"/admin/submissions/{seeded.submission.pk}/suggestions/"
    client.get(url)  # the admin's first-visit work (session, site settings) aside
    with CaptureQueriesContext(connection) as few:
        response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    for text in ("Same affiliation as an author", "Same e-mail domain as an author",
                 "Co-authored a publication with an author",
                 "The authors asked not to invite this person", "Reviewed the previous version",
                 "A public dispute over our earlier paper."):
        assert text in html, text
    for n in range(15):
        reviewer(django_user_model, f"extra{n}", "Extra", f"Person {n}",
                 topics=[seeded.gender], keywords="floods")
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few), [q["sql"][:120] for q in many.captured_queries]
    assert len(few) <= 30


def test_inviting_from_the_ranked_list_uses_the_invitation(client, seeded, editor, mailoutbox):
    client.force_login(editor)
    best = seeded.people["best"]
    response = client.get(f"/admin/submissions/{seeded.submission.pk}/suggestions/")
    import re

    form = re.search(r'<form method="post" action="(/admin/submissions/\d+/invite/)">(.*?)</form>',
                     response.content.decode(), re.S)
    fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', form.group(2)))
    assert fields["reviewer"] == str(best.pk)
    mailoutbox.clear()
    assert client.post(form.group(1), fields).status_code == 302
    assignment = ReviewAssignment.objects.get(reviewer=best)
    assert assignment.round.number == 2
    assert [m.to for m in mailoutbox] == [[best.email]]


def test_only_managing_editors_see_suggestions(client, seeded, author):
    client.force_login(author)
    response = client.get(f"/admin/submissions/{seeded.submission.pk}/suggestions/")
    assert response.status_code in (302, 403)


def test_what_authors_and_reviewers_typed_is_escaped_on_the_desk(client, seeded, editor):
    from publications.models import ReviewerPreference

    ReviewerPreference.objects.filter(kind="opposed").update(
        reason='<script>alert("x")</script>', name="<b>Olga</b> Petrova")
    client.force_login(editor)
    html = client.get(f"/admin/submissions/{seeded.submission.pk}/suggestions/").content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "<b>Olga</b>" not in html
