"""People and submissions of the peer-review pipeline, for the tests and the demo
(factory_boy). A submission is made as a draft; later states are reached through the real
state machine (``workflow``), never by setting ``state``."""

import factory

from cms.factories import UserFactory
from publications.models import Profile, Submission, SubmissionAuthor


class AccountFactory(UserFactory):
    """An account with the portal's profile; ``profile__preferred_language`` sets the language
    its e-mails are written in."""

    class Meta:
        skip_postgeneration_save = True

    profile = factory.RelatedFactory(
        "publications.review.factories.ProfileFactory", factory_related_name="user")


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Profile
        django_get_or_create = ("user",)

    preferred_language = "en"


class SubmissionAuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SubmissionAuthor

    name = factory.LazyAttribute(
        lambda author: author.submission.submitter.get_full_name() or author.submission.submitter.username)
    email = factory.LazyAttribute(lambda author: author.submission.submitter.email)
    is_corresponding = True


class SubmissionFactory(factory.django.DjangoModelFactory):
    """A draft with its corresponding author (the submitter); files are stored separately, as
    the wizard does (``files.store``)."""

    class Meta:
        model = Submission
        skip_postgeneration_save = True

    submitter = factory.SubFactory(AccountFactory)
    title = factory.Sequence(lambda n: f"Liaison cells in flood response {n + 1}")
    abstract = "How liaison cells shared information between relief agencies and units."
    keywords = "liaison, floods, CIMIC"
    competing_interests = "None"
    licence_agreed = True
    corresponding_author = factory.RelatedFactory(SubmissionAuthorFactory, "submission")
