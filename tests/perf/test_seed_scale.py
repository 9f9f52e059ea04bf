"""The scale corpus behind the benchmarks: built by one command, the same every time for a seed."""

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Locale, Page

from home.models import Person, StandardPage, TopicPage


def corpus_snapshot():
    """What a visitor could see of the corpus, without database ids (which differ per run)."""
    pages = Page.objects.filter(live=True).order_by("locale__language_code", "url_path")
    return [
        (page.locale.language_code, page.url_path, page.title, str(page.translation_key),
         page.first_published_at, page.content_type.model, page.search_description)
        for page in pages.select_related("locale", "content_type")
    ]


@pytest.mark.django_db
def test_seed_scale_builds_a_multilingual_corpus_the_same_way_each_time():
    call_command("seed_scale", pages=150, seed=7, verbosity=0)
    first = corpus_snapshot()

    # About the number of pages asked for, in every locale, on a consistent page tree.
    # (the section index pages of every app exist in every locale on top of that)
    assert 120 <= len(first) <= 210
    assert {entry[0] for entry in first} == {"en", "fr", "de", "ar"}
    assert Page.find_problems() == ([], [], [], [], [])
    assert TopicPage.objects.filter(locale__language_code="ar").count() == 16
    assert StandardPage.objects.filter(locale__language_code="en").count() >= 5
    assert Person.objects.filter(slug__startswith="scale-person-").count() >= 10

    # Translations are linked to their source, so the language switcher can find them.
    french = StandardPage.objects.filter(locale__language_code="fr").first()
    english = french.get_translation(Locale.objects.get(language_code="en"))
    assert english.url_path.endswith(french.slug + "/")
    assert english.title != french.title

    # The same seed after a reset gives exactly the same corpus.
    call_command("seed_scale", pages=150, seed=7, reset=True, verbosity=0)
    assert corpus_snapshot() == first

    # A different seed gives different content.
    call_command("seed_scale", pages=150, seed=8, reset=True, verbosity=0)
    assert corpus_snapshot() != first


@pytest.mark.django_db
def test_seed_scale_pages_are_searchable_in_their_own_language():
    call_command("seed_scale", pages=50, seed=7, verbosity=0)
    german = StandardPage.objects.filter(locale__language_code="de").first()
    # The title's longest word: short ones ("Was", "aus") are stop words to PostgreSQL.
    word = max(german.title.replace(":", " ").split(), key=len)

    results = StandardPage.objects.live().filter(locale=german.locale).search(word)
    assert german.pk in [page.pk for page in results]


@pytest.mark.django_db
def test_seed_scale_refuses_to_pile_a_second_corpus_on_the_first():
    call_command("seed_scale", pages=20, seed=7, verbosity=0)
    with pytest.raises(CommandError, match="--reset"):
        call_command("seed_scale", pages=20, seed=7, verbosity=0)
    with pytest.raises(CommandError, match="at least 1"):
        call_command("seed_scale", pages=0, reset=True, verbosity=0)


@pytest.mark.django_db
def test_seed_scale_adds_the_private_records_the_admin_lists_at_size():
    from publications.models import Submission
    from registrations.models import Registration

    call_command("seed_scale", pages=300, seed=7, verbosity=0)
    # Submissions in every state of the pipeline and registrations in every state, in
    # proportion to the pages (0.1 and 0.2 a page), for the queue and the listing at size.
    assert set(Submission.objects.values_list("state", flat=True)) == set(Submission.State.values)
    assert set(Registration.objects.values_list("status", flat=True)) == set(
        Registration.Status.values)
    assert Submission.objects.count() == 30
    assert Registration.objects.count() == 60
    # The working papers are the largest section (0.4 × N children at any size).
    biggest = Page.objects.order_by("-numchild").first()
    assert biggest.slug == "scale-working-papers"
    assert biggest.numchild == biggest.get_children().count() >= 80

    # --reset removes them with the pages (runs and registrations protect their events).
    call_command("seed_scale", pages=300, seed=7, reset=True, verbosity=0)
    assert Submission.objects.count() == 30
    assert Registration.objects.count() == 60
    assert Page.find_problems() == ([], [], [], [], [])


@pytest.mark.django_db
def test_the_first_pages_of_each_type_are_the_same_at_every_size():
    """The benchmark samples the first pages of each type by slug and compares their query
    counts across sizes: their speakers, authors and related works must not depend on N."""
    from lectures.models import LecturePage
    from publications.models import PublicationPage

    def first_pages():
        lectures = LecturePage.objects.filter(locale__language_code="en").order_by("slug")[:3]
        works = PublicationPage.objects.filter(locale__language_code="en").order_by("slug")[:3]
        return (
            [(p.slug, [s.person.slug for s in p.speakers.all()],
              [r.publication.slug for r in p.related_publications.all()]) for p in lectures],
            [(p.slug, [c.person.slug if c.person else c.family_name for c in p.contributors.all()])
             for p in works],
        )

    call_command("seed_scale", pages=150, seed=7, verbosity=0)
    small = first_pages()
    call_command("seed_scale", pages=400, seed=7, reset=True, verbosity=0)
    assert first_pages() == small
