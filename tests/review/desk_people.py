"""A seeded set of reviewers and publications for the desk's tests: one person for each thing
the ranking weighs and each kind of conflict it must flag."""

import datetime

from django.contrib.auth.models import Group
from django.utils import timezone

from publications.factories import make_publication, make_series, make_site, make_topic
from publications.models import Profile, ReviewerPreference, ReviewerRecord
from publications.review import workflow

from .builders import in_days, in_review
from .conftest import PASSWORD


def reviewer(django_user_model, username, first, last, *, email=None, affiliation="",
             topics=(), keywords="", languages="en", not_before=None, language="en"):
    user = django_user_model.objects.create_user(
        username=username, email=email or f"{username}@reviewers.example", password=PASSWORD,
        first_name=first, last_name=last)
    Profile.objects.create(user=user, affiliation=affiliation, preferred_language=language)
    user.groups.add(Group.objects.get(name="Reviewers"))
    record = ReviewerRecord.objects.create(user=user, keywords=keywords, languages=languages,
                                           not_before=not_before)
    record.topics.set(topics)
    return user


class Seeded:
    """The submission (in review, with topics and keywords) and the people around it."""

    def __init__(self, django_user_model, author, series, editor):
        _home, index, topics_index = make_site()
        self.protection = make_topic(topics_index, "Protection of Civilians")
        self.gender = make_topic(topics_index, "Gender")
        self.rule_of_law = make_topic(topics_index, "Rule of Law")
        expert = {"topics": [self.protection, self.gender], "keywords": "liaison; floods"}
        people = {}

        def add(key, first, last, **kwargs):
            people[key] = reviewer(django_user_model, key, first, last, **kwargs)

        add("best", "Claire", "Dubois", affiliation="Sciences Po", language="fr", **expert)
        add("busy", "Bruno", "Keller", affiliation="Universität Bonn", **expert)
        add("unavailable", "Ursula", "Vogt", affiliation="King's College London",
            not_before=timezone.localdate() + datetime.timedelta(days=60), **expert)
        add("same_affiliation", "Sami", "Ben Ali", affiliation="university of  TUNIS", **expert)
        add("same_domain", "Dana", "Roth", email="dana.roth@university.example", **expert)
        add("coauthor", "Karim", "Saleh", affiliation="Leiden University", **expert)
        add("opposed", "Olga", "Petrova", affiliation="Geneva Centre", **expert)
        add("previous", "Pieter", "Jansen", affiliation="Utrecht University",
            topics=[self.rule_of_law])
        add("no_match", "Nora", "Lind", affiliation="Lund University",
            topics=[self.rule_of_law], keywords="maritime security")
        self.people = people

        # A publication on the site by the submission's author and one reviewer.
        _series, series_page = make_series(index, name="JCMI Monographs", slug="monographs",
                                           kind="monograph", issn="", number_prefix="M")
        make_publication(series_page, title="Shelter and protection in flood camps", contributors=[
            {"given_names": "Amira", "family_name": "Haddad", "affiliation": "University of Tunis"},
            {"given_names": "Karim", "family_name": "Saleh", "affiliation": "Leiden University"},
        ])
        # The busy reviewer has two reviews in progress elsewhere.
        for title in ("Maritime liaison", "Port security cooperation"):
            other = in_review(author, series, editor, title)
            workflow.invite_reviewer(other, editor, people["busy"], response_due=in_days(5),
                                     review_due=in_days(30))

        # The submission: reviewed once by "previous", revised, and in its second round.
        self.submission = in_review(author, series, editor)
        self.submission.topics.set([self.protection, self.gender])
        first = workflow.invite_reviewer(self.submission, editor, people["previous"],
                                         response_due=in_days(5), review_due=in_days(20))
        workflow.respond_to_invitation(first, accept=True)
        workflow.submit_review(first, recommendation="minor",
                               comments_for_authors="Say more about the camps.")
        workflow.record_decision(self.submission, editor, outcome="minor",
                                 letter="Please revise.", revision_due=in_days(30))
        from .builders import checked_pdf

        workflow.submit_revision(self.submission, author, manuscript=checked_pdf(),
                                 anonymised=checked_pdf("anon.pdf"),
                                 responses={first.pk: "Done: a new section on the camps."})
        workflow.confirm_anonymity(self.submission, editor)
        workflow.send_to_review(self.submission, editor)
        ReviewerPreference.objects.create(
            submission=self.submission, kind=ReviewerPreference.Kind.OPPOSED,
            name="Olga Petrova", email="olga.petrova@elsewhere.example",
            reason="A public dispute over our earlier paper.")
        ReviewerPreference.objects.create(
            submission=self.submission, kind=ReviewerPreference.Kind.SUGGESTED,
            name="Nora Lind", email="no_match@reviewers.example")
