"""Demo reviewer database: expertise, languages, affiliations, availability, ratings and the
authors' wishes, so that the desk and the ranked suggestions show something real.

Idempotent: records are updated in place, people are made once, ratings and wishes only where
there are none.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Locale

from home.models import TopicPage
from publications.models import (
    Profile,
    ReviewAssignment,
    ReviewerPreference,
    ReviewerRecord,
    ReviewRating,
    Submission,
)

from ..permissions import REVIEWERS

# username or e-mail -> (first, last, affiliation, topic slugs, keywords, languages,
#                        days until available (None: now), availability note, thanked by name)
PEOPLE = {
    "reviewer": ("", "", "Sciences Po Paris",
                 ["protection-of-civilians", "disaster-management-and-humanitarian-assistance"],
                 "humanitarian principles, CIMIC, protection", "fr,en", None,
                 "Prefers working papers in French or English.", True),
    "reviewer2": ("", "", "Bundeswehr University Munich",
                  ["critical-infrastructure-protection", "civil-and-homeland-security"],
                  "infrastructure, logistics, resilience", "de,en", None, "", False),
    "t.lindqvist@fhs.example": (
        "Tomas", "Lindqvist", "Swedish Defence University",
        ["disaster-management-and-humanitarian-assistance", "protection-of-civilians"],
        "CIMIC, logistics, civil-military interaction", "en,sv", None,
        "Two reviews a term at most.", True),
    "l.mansour@aub.example": (
        "Leila", "Mansour", "American University of Beirut",
        ["disaster-management-and-humanitarian-assistance", "gender"],
        "humanitarian principles, logistics, refugees", "ar,en,fr", 75,
        "On fieldwork; back in the spring.", True),
    "k.becker@partner-university.example": (
        "Karl", "Becker", "JCMI partner university",
        ["disaster-management-and-humanitarian-assistance"],
        "CIMIC, logistics", "de,en", None, "", False),
    "g.mwangi@uonbi.example": (
        "Grace", "Mwangi", "University of Nairobi",
        ["protection-of-civilians", "disaster-management-and-humanitarian-assistance"],
        "civil-military interaction, humanitarian principles", "en,sw", None, "", False),
    "a.rossi@unibo.example": (
        "Alessandro", "Rossi", "University of Bologna",
        ["cultural-property-protection", "rule-of-law"],
        "heritage, international humanitarian law", "it,en,fr", None, "", False),
}

# The demo submission in review: what it is about, and the authors' wishes about reviewers.
IN_REVIEW_TITLE = "Humanitarian principles and shared logistics hubs"
IN_REVIEW_TOPICS = ["disaster-management-and-humanitarian-assistance", "protection-of-civilians"]
IN_REVIEW_KEYWORDS = "civil-military interaction, CIMIC, logistics, humanitarian principles"
WISHES = [
    (ReviewerPreference.Kind.OPPOSED, "Grace Mwangi", "g.mwangi@uonbi.example",
     "University of Nairobi", "She reviewed a competing funding proposal of ours."),
    (ReviewerPreference.Kind.SUGGESTED, "Tomas Lindqvist", "t.lindqvist@fhs.example",
     "Swedish Defence University", "Has written on shared logistics in disaster response."),
]
RATINGS = [(4, "Thorough and constructive."), (3, "Useful, if brief.")]


def _topics(slugs):
    return list(TopicPage.objects.filter(slug__in=slugs, locale=Locale.get_default()))


def _person(key, first, last, affiliation):
    User = get_user_model()
    user = User.objects.filter(username=key).first()
    if user is None:
        user = User.objects.filter(email__iexact=key).first()
    if user is None:
        user = User(username=key, email=key, first_name=first, last_name=last)
        # Demo reviewers beyond the documented accounts work through their e-mailed links.
        user.set_unusable_password()
        user.save()
    user.groups.add(Group.objects.get(name=REVIEWERS))
    profile, _created = Profile.objects.get_or_create(user=user)
    if not profile.affiliation:
        profile.affiliation = affiliation
        profile.save(update_fields=["affiliation"])
    return user


def load(command):
    today = timezone.localdate()
    for key, (first, last, affiliation, slugs, keywords, languages, wait, note, thanked) in (
            PEOPLE.items()):
        user = _person(key, first, last, affiliation)
        record, _created = ReviewerRecord.objects.update_or_create(user=user, defaults={
            "keywords": keywords, "languages": languages, "availability_note": note,
            "not_before": today + datetime.timedelta(days=wait) if wait else None,
            "thank_publicly": thanked})
        record.topics.set(_topics(slugs))

    submission = Submission.objects.filter(title=IN_REVIEW_TITLE).first()
    if submission is not None:
        if not submission.topics.exists():
            submission.topics.set(_topics(IN_REVIEW_TOPICS))
            Submission.objects.filter(pk=submission.pk).update(keywords=IN_REVIEW_KEYWORDS)
        if not submission.reviewer_preferences.exists():
            for kind, name, email, affiliation, reason in WISHES:
                ReviewerPreference.objects.create(submission=submission, kind=kind, name=name,
                                                  email=email, affiliation=affiliation,
                                                  reason=reason)

    rated = 0
    done = ReviewAssignment.objects.filter(state=ReviewAssignment.State.SUBMITTED,
                                           editor_rating__isnull=True).order_by("pk")
    editor = get_user_model().objects.filter(username="managing-editor").first()
    for n, assignment in enumerate(done):
        score, note = RATINGS[n % len(RATINGS)]
        ReviewRating.objects.create(assignment=assignment, score=score, note=note,
                                    rated_by=editor)
        rated += 1
    command.stdout.write(f"Reviewer database: {len(PEOPLE)} people, {rated} rating(s) added.")
