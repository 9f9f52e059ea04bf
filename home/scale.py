"""Scale corpus for the home app: the home page and topics in every locale, people, mission pages.

Called by ``manage.py seed_scale`` (see cms/scale.py for the contract of these modules).
"""

import random

from django.utils.text import slugify
from wagtail.models import Page, Site

from cms.scale import days_ago, stable_uuid

from .demo import HOME_SLUG, ensure_site
from .factories import PersonFactory
from .models import HomePage, Person, StandardPage, TopicIndexPage, TopicPage

# Share of the corpus's pages that are mission pages, relative to the other apps' shares.
SHARE = 2

FOCUS_AREAS = [
    "Protection of Civilians", "Reduction of Civilian Casualties", "Non-Lethal Capability",
    "Cultural Property Protection", "Religion", "Civil and Homeland Security",
    "Critical Infrastructure Protection", "Risk Reduction",
    "Disaster Management and Humanitarian Assistance", "Joint Medical Stability Operations",
    "Good Governance", "Rule of Law", "Women, Peace and Security", "Children and Armed Conflict",
    "Building Integrity", "Gender",
]
FIRST_NAMES = [
    "Amina", "Bruno", "Carla", "Dmitri", "Elif", "Farah", "Gunnar", "Hana", "Idris", "Julia",
    "Kofi", "Lena", "Marek", "Nadia", "Oskar", "Priya", "Rania", "Sven", "Tomás", "Ulla",
]
LAST_NAMES = [
    "Achterberg", "Benali", "Costa", "Dubois", "Eriksen", "Fischer", "Gallo", "Haddad",
    "Ivanova", "Jansen", "Kowalski", "Lindqvist", "Mensah", "Novak", "Okafor", "Petrov",
    "Quintero", "Rossi", "Schneider", "Tanaka", "Urban", "Vasquez", "Weber", "Yilmaz",
]
AFFILIATIONS = [
    "CIMIC Centre of Excellence", "Multinational Joint Headquarters Ulm", "NATO ACT",
    "University of Zagreb", "Leiden University", "Geneva Centre for Humanitarian Studies",
    "an international NGO", "a UN agency", "King's College London", "Sciences Po",
]
HONORIFICS = ["Dr", "Prof.", "Col.", "Lt Col.", "", "", ""]
# A real main menu has a handful of sections, however large the site grows.
MENU_SECTIONS = 6


def ensure_home(corpus):
    """The site's root HomePage and its translations: reused when the demo made them."""
    site = Site.objects.filter(is_default_site=True).first()
    root = site.root_page.specific if site else None
    if not isinstance(root, HomePage):
        tree_root = Page.get_first_root_node()
        root = HomePage(
            title="JCMI Research and Education Network", slug=HOME_SLUG,
            hero_title="Civil and military actors, learning from each other",
            hero_text="Research, teaching and dialogue on civil-military interaction.",
            locale=corpus.locales["en"], live=True,
            first_published_at=days_ago(900), last_published_at=days_ago(10),
            translation_key=stable_uuid(corpus.seed, "home"),
        )
        corpus.writer.add(tree_root, root)
        # As the demo does: the site serves the new home and Wagtail's welcome page goes (left
        # in place it would be a second live page at the top of the tree).
        ensure_site(root)
        Site.clear_site_root_paths_cache()
    corpus.homes["en"] = root
    for code in corpus.target_locales:
        translation = root.get_translation_or_none(corpus.locales[code])
        if translation is None:
            text = corpus.text(code, random.Random(f"{corpus.seed}:home:{code}"))
            # Its own slug, as wagtail-localize gives a translated root ("home-1"): siblings
            # with one url_path would all get the first locale's URLs from Wagtail.
            translation = corpus.translate(root, code, {"hero_title": text.title(),
                                                        "slug": f"{root.slug}-{code}"},
                                           parent=root.get_parent())
        corpus.homes[code] = translation.specific
    return root


def seed_topics(corpus):
    """The sixteen focus areas, under /<lang>/topics/, in every locale: reused if present."""
    home = corpus.homes["en"]
    index = TopicIndexPage.objects.child_of(home).filter(locale=home.locale).first()
    if index is None:
        index = corpus.add(home, TopicIndexPage(
            title="Focus areas", slug="topics", live=True,
            intro="<p>The themes the network researches and teaches.</p>",
            first_published_at=days_ago(800), last_published_at=days_ago(800),
            translation_key=stable_uuid(corpus.seed, "topics"),
        ))
    else:
        corpus.pages.append(index)
    corpus.pages_for_translation.append(index)
    corpus.always_translate.add(index.pk)
    existing = {page.slug: page for page in TopicPage.objects.child_of(index)}
    topics = []
    for number, name in enumerate(FOCUS_AREAS):
        slug = slugify(name)
        topic = existing.get(slug)
        if topic is None:
            text = corpus.text("en", random.Random(f"{corpus.seed}:topic:{number}"))
            topic = corpus.add(index, TopicPage(
                title=name, slug=slug, live=True, summary=text.paragraph(2),
                body=corpus.body(text, random.Random(f"{corpus.seed}:topic-body:{number}")),
                first_published_at=days_ago(800), last_published_at=days_ago(400),
                translation_key=stable_uuid(corpus.seed, "topic", slug),
            ))
        else:
            corpus.pages.append(topic)  # link targets are the same on a rerun
        topics.append(topic)
        corpus.pages_for_translation.append(topic)
        corpus.always_translate.add(topic.pk)
    corpus.topics = topics
    return topics


def seed_people(corpus, count):
    """People (speakers, authors, staff) as snippets; the corpus's slugs start with "scale-"."""
    rng = random.Random(f"{corpus.seed}:people")
    people = []
    for number in range(count):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        people.append(PersonFactory.build(
            name=f"{first} {last}", slug=f"scale-person-{number:05d}",
            honorific=rng.choice(HONORIFICS), position="Researcher",
            affiliation=rng.choice(AFFILIATIONS),
            bio=f"<p>{corpus.text('en', rng).paragraph(2)}</p>",
            photo=rng.choice(corpus.images) if rng.random() < 0.7 else None,
            orcid=f"0000-0002-{number // 10000 % 10000:04d}-{number % 10000:04d}"[:19],
            locale=corpus.locales["en"],
            translation_key=stable_uuid(corpus.seed, "person", number),
        ))
    Person.objects.bulk_create(people, batch_size=500)
    corpus.people = list(Person.objects.filter(slug__startswith="scale-person-").order_by("slug"))
    corpus.indexed.setdefault(Person, []).extend(person.pk for person in corpus.people)
    return corpus.people


def seed(n, rng, corpus):
    """``n`` mission pages: sections under the home page, each with a few levels of pages."""
    home = corpus.homes["en"]
    sections = max(1, n // 25)
    created = []
    parents = []
    for number in range(n):
        page_rng = random.Random(f"{corpus.seed}:standard:{number}")
        # Drawn for every page, so that page number i has the same content at every corpus size.
        place = page_rng.random()
        text = corpus.text("en", page_rng)
        title = text.title()
        if number < sections:
            parent = home
        else:
            # Later pages hang under a section or under an earlier page of that section, so that
            # the corpus has the deep trees (breadcrumbs, menus) a real site grows.
            parent = parents[int(place * len(parents))]
        page = corpus.add(parent, StandardPage(
            title=title, slug=f"scale-{number:05d}-{slugify(title)[:40]}", live=True,
            intro=text.paragraph(2), search_description=text.sentence()[:255],
            body=corpus.body(text, page_rng), show_in_menus=number < MENU_SECTIONS,
            first_published_at=days_ago(page_rng.randrange(2000)),
            last_published_at=days_ago(page_rng.randrange(30)),
            translation_key=stable_uuid(corpus.seed, "standard", number),
        ))
        created.append(page)
        if number < sections:
            corpus.always_translate.add(page.pk)
        if number < sections or page.depth < home.depth + 3:
            parents.append(page)
    corpus.pages_for_translation.extend(created)
    return created


def translated_fields(page, text, rng):
    """Field values for a translation of ``page`` written in ``text``'s language."""
    specific = page.specific
    fields = {"title": text.title(), "search_description": text.sentence()[:255]}
    if isinstance(specific, StandardPage):
        fields.update(intro=text.paragraph(2), body=_translated_body(specific, text))
    elif isinstance(specific, TopicPage):
        fields.update(title=specific.title, summary=text.paragraph(2),
                      body=_translated_body(specific, text))
    elif isinstance(specific, TopicIndexPage):
        fields.update(title=specific.title, intro=f"<p>{text.sentence()}</p>")
    return fields


def _translated_body(page, text):
    """The source's blocks in the same order, with their words in the target language."""
    blocks = []
    for block in page.body.raw_data:
        value = block["value"]
        if block["type"] == "paragraph":
            value = f"<p>{text.paragraph(3)}</p>"
        elif block["type"] == "heading":
            value = {**value, "text": text.title()[:200]}
        elif block["type"] == "quote":
            value = {**value, "quote": text.sentence()}
        blocks.append({**block, "value": value})
    return blocks
