"""Scale corpus for publications: series pages and publications with contributors, topics, PDFs.

Called by ``manage.py seed_scale`` (see cms/scale.py for the contract of these modules).
"""

import random

from django.utils.text import slugify

from cms.scale import (
    TRANSLATION_SHARE,
    days_ago,
    ensure_pdf_pool,
    pdf_documents,
    stable_pick,
    stable_uuid,
)

from .factories import PublicationPageFactory
from .models import (
    PublicationContributor,
    PublicationIndexPage,
    PublicationPage,
    Series,
    SeriesIndexPage,
)

# Share of the corpus's pages that are publications, relative to the other apps' shares.
SHARE = 7

# The series and the share of publications in each. A network's working papers pile up where
# its monographs do not: the working-paper series is the corpus's largest section, about 0.4 × N
# children (20,000 at N = 50,000), which the page explorer, the series listing and the sitemap
# measure at size.
SERIES = [
    ("scale-monographs", "JCMI Monographs (scale corpus)", Series.Kind.MONOGRAPH, "MON", 0.05),
    ("scale-white-papers", "JCMI White Papers (scale corpus)", Series.Kind.WHITE_PAPER, "WhP",
     0.07),
    ("scale-working-papers", "JCMI Working Papers (scale corpus)", Series.Kind.WORKING_PAPER, "WP",
     0.88),
]
# Working papers are seldom translated: one in ten is offered for translation (and then gets the
# usual share of translations, TRANSLATION_SHARE), every other publication is.
WORKING_PAPERS_TRANSLATED = 0.1
# Live pages each publication brings on average, itself and its translations: what seed_scale
# divides this module's share of the pages by to know how many publications to make.
PAGES_PER_SOURCE = (
    (1 - SERIES[2][4]) * (0.95 + sum(TRANSLATION_SHARE.values()))
    + SERIES[2][4] * (1 + WORKING_PAPERS_TRANSLATED * (sum(TRANSLATION_SHARE.values()) - 0.05))
)
LICENCES = [choice for choice, _label in PublicationPage.Licence.choices]


def publication_index(corpus):
    """/<lang>/publications/: the demo's index when there is one."""
    home = corpus.homes["en"]
    index = PublicationIndexPage.objects.child_of(home).filter(locale=home.locale).first()
    if index is None:
        index = corpus.add(home, PublicationIndexPage(
            title="Publications", slug="publications", live=True,
            intro="<p>The network's monographs, white papers and working papers.</p>",
            first_published_at=days_ago(900), last_published_at=days_ago(900),
            translation_key=stable_uuid(corpus.seed, "publications"),
        ))
        corpus.pages_for_translation.append(index)
        corpus.always_translate.add(index.pk)
    else:
        corpus.pages.append(index)
    return index


def seed(n, rng, corpus):
    """``n`` publications spread over three series (``SERIES``' shares), newest numbered last."""
    index = publication_index(corpus)
    series_pages = []
    for slug, name, kind, prefix, _share in SERIES:
        series, _ = Series.objects.get_or_create(
            slug=slug, locale=corpus.locales["en"],
            defaults={"name": name, "kind": kind, "number_prefix": prefix,
                      "description": "Synthetic series for the benchmarks.",
                      "translation_key": stable_uuid(corpus.seed, "series", slug)},
        )
        page = corpus.add(index, SeriesIndexPage(
            title=name, slug=slug, series=series, live=True,
            intro="<p>Every work of the series, newest first.</p>",
            first_published_at=days_ago(900), last_published_at=days_ago(900),
            translation_key=stable_uuid(corpus.seed, "series-page", slug),
        ))
        corpus.pages_for_translation.append(page)
        corpus.always_translate.add(page.pk)
        series_pages.append(page)

    pool = ensure_pdf_pool(corpus, min(24, max(3, n // 50)))
    documents = pdf_documents(corpus, pool, n, prefix="scale-publication")
    numbers = {page.pk: 0 for page in series_pages}
    created = []
    for number in range(n):
        page_rng = random.Random(f"{corpus.seed}:publication:{number}")
        draw = page_rng.random()
        parent = series_pages[0 if draw < SERIES[0][4] else
                              1 if draw < SERIES[0][4] + SERIES[1][4] else 2]
        numbers[parent.pk] += 1
        text = corpus.text("en", page_rng)
        title = text.title()
        published = days_ago(page_rng.randrange(3650))
        page = PublicationPageFactory.build(
            title=title, slug=f"scale-{number:05d}-{slugify(title)[:40]}", live=True,
            subtitle=text.sentence()[:255],
            abstract="".join(f"<p>{text.paragraph(4)}</p>" for _ in range(2)),
            keywords="; ".join(text.subject() for _ in range(4)),
            publication_date=published.date(), series_number=numbers[parent.pk],
            series_id=parent.series_id,
            doi=f"10.99999/jcmi.scale.{number}", licence=page_rng.choice(LICENCES),
            page_count=page_rng.randrange(12, 320), pdf=documents[number],
            search_description=text.sentence()[:255],
            first_published_at=published, last_published_at=published,
            translation_key=stable_uuid(corpus.seed, "publication", number),
        )
        for position in range(page_rng.choice((1, 1, 2, 3, 4))):
            person = stable_pick(corpus.people, page_rng.random(), number)
            given, _, family = person.name.partition(" ")
            page.contributors.add(PublicationContributor(
                person=person if page_rng.random() < 0.8 else None, given_names=given,
                family_name=family, affiliation=person.affiliation, sort_order=position,
            ))
        page.topics = page_rng.sample(corpus.topics, k=page_rng.choice((1, 2, 3)))
        corpus.add(parent, page)
        created.append(page)
        if parent is not series_pages[2] or page_rng.random() < WORKING_PAPERS_TRANSLATED:
            corpus.pages_for_translation.append(page)
    corpus.publications = created
    return created


def translated_fields(page, text, rng):
    specific = page.specific
    fields = {"title": text.title(), "search_description": text.sentence()[:255]}
    if isinstance(specific, PublicationPage):
        fields.update(
            subtitle=text.sentence()[:255],
            abstract="".join(f"<p>{text.paragraph(4)}</p>" for _ in range(2)),
            keywords="; ".join(text.subject() for _ in range(4)),
        )
    elif isinstance(specific, SeriesIndexPage | PublicationIndexPage):
        fields.update(title=specific.title, intro=f"<p>{text.sentence()}</p>")
    return fields


def after_translation(source, translation, corpus):
    """A translated publication lists the same contributors and the topics of its own locale.

    The rows are written with the pages, in bulk (``corpus.writer.add_rows``).
    """
    if not isinstance(source, PublicationPage):
        return
    corpus.writer.add_rows(
        PublicationContributor(
            page_id=translation.pk, person_id=c.person_id, given_names=c.given_names,
            family_name=c.family_name, affiliation=c.affiliation, orcid=c.orcid, role=c.role,
            sort_order=c.sort_order,
        )
        for c in source.contributors.all()
    )
    topics = corpus.localized_topics(source.topics.all(), translation.locale_id)
    corpus.writer.add_rows(
        PublicationPage.topics.through(publicationpage_id=translation.pk, topicpage_id=topic.pk)
        for topic in topics
    )
