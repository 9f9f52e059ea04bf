"""Demo publications: three series, a dozen works with real PDFs, translations of some.

The index and the series pages exist in French, German and Arabic; a few works are translated
into each (the Monographs series fills from the peer-review demo, publications.review.demo).

Idempotent: everything is found by slug (or title, for documents) before it is made, and an
existing page is left as it is, so a second run changes nothing. Runs after home.demo, whose home
page, topics and people it reuses; on a database without them it makes the few it needs.
"""

from datetime import date

from django.core.files.base import ContentFile
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, Site

from cms import pdfs
from cms.covers import needs_cover, render_cover
from home.models import HomePage, Person, TopicIndexPage, TopicPage
from publications.models import (
    PublicationContributor,
    PublicationIndexPage,
    PublicationPage,
    Series,
    SeriesEditor,
    SeriesIndexPage,
)

PEOPLE = [
    # slug, name, honorific, affiliation, ORCID
    ("helena-varga", "Helena Varga", "Dr", "JCMI Research and Education Network", "0000-0003-4120-7780"),
    ("tomas-lindqvist", "Tomas Lindqvist", "Col. (ret.)", "Multinational Joint Headquarters Ulm", ""),
    ("amina-diallo", "Amina Diallo", "Prof.", "University of Dakar", "0000-0002-9931-440X"),
    ("pieter-de-wit", "Pieter de Wit", "", "CIMIC Centre of Excellence", ""),
    ("nadia-haddad", "Nadia Haddad", "Dr", "American University of Beirut", "0000-0001-7342-0151"),
]

SERIES = [
    {
        "slug": "white-papers", "name": "JCMI White Papers", "kind": Series.Kind.WHITE_PAPER,
        "issn": "2941-1203", "number_prefix": "WhP",
        "doi_prefix": "10.99999", "doi_series_code": "jcmi.whp",
        "description": "Short, practice-oriented papers that turn the network's research into "
                       "advice for planners, commanders and humanitarian staff.",
        "fr_name": "Livres blancs du JCMI",
        "board": [("helena-varga", "Series editor"), ("pieter-de-wit", "Board member")],
    },
    {
        "slug": "working-papers", "name": "JCMI Working Papers", "kind": Series.Kind.WORKING_PAPER,
        "issn": "2941-122X", "number_prefix": "WP",
        "doi_prefix": "10.99999", "doi_series_code": "jcmi.wp",
        "description": "Work in progress from the network's researchers and practitioners, "
                       "published early to invite comment.",
        "fr_name": "Documents de travail du JCMI",
        "board": [("amina-diallo", "Series editor"), ("nadia-haddad", "Board member")],
    },
    {
        # No demo publication of its own yet: the accepted and in-production demo submissions
        # (publications.review.demo) become its first pages through "Create publication page".
        "slug": "monographs", "name": "JCMI Monographs", "kind": Series.Kind.MONOGRAPH,
        "issn": "", "number_prefix": "M",
        "doi_prefix": "10.99999", "doi_series_code": "jcmi.m",
        "description": "Book-length studies of civil-military interaction, peer reviewed and "
                       "free to read.",
        "fr_name": "Monographies du JCMI",
        "board": [("helena-varga", "Series editor"), ("amina-diallo", "Board member")],
    },
]

# series slug, slug, title, date, authors (person slugs or (given, family, affiliation)), topics,
# keywords, abstract
PUBLICATIONS = [
    ("white-papers", "nine-principles-in-practice", "Nine Principles in Practice",
     date(2025, 2, 10), ["helena-varga", "tomas-lindqvist"], ["Protection of Civilians"],
     "civil-military interaction; principles; NATO",
     "The nine principles of civil-military interaction are easy to list and hard to live by. "
     "This paper follows each principle through a planning cycle and shows where staff most "
     "often lose sight of it."),
    ("white-papers", "assessing-the-civil-environment", "Assessing the Civil Environment",
     date(2025, 5, 21), ["pieter-de-wit"], ["Critical Infrastructure Protection"],
     "PMESII; ASCOPE; assessment",
     "PMESII and ASCOPE give staff two lenses on the same ground. We compare what each lens "
     "shows and propose a joint worksheet that CIMIC branches can fill in with their partners."),
    ("white-papers", "coordination-is-not-command", "Coordination Is Not Command",
     date(2025, 9, 3), ["nadia-haddad", ("Marc", "Olivier", "Université de Genève")],
     ["Disaster Management and Humanitarian Assistance"],
     "UN-CMCoord; humanitarian principles",
     "Humanitarian civil-military coordination protects neutrality, impartiality and "
     "independence. The paper explains to military readers why dialogue, not direction, is what "
     "humanitarian organisations expect."),
    ("white-papers", "cultural-property-in-operations", "Cultural Property in Operations",
     date(2025, 11, 17), ["helena-varga", ("Giulia", "Ferraro", "Sapienza University of Rome")],
     ["Cultural Property Protection"],
     "cultural property; heritage; targeting",
     "Museums, archives and places of worship are part of the civil environment. We show how "
     "cultural property can be mapped, protected and respected from the first planning "
     "conference onwards."),
    ("white-papers", "gender-perspectives-in-cimic", "Gender Perspectives in CIMIC",
     date(2026, 3, 8), ["amina-diallo", "nadia-haddad"], ["Women, Peace and Security", "Gender"],
     "gender; women, peace and security",
     "Assessments that do not ask women miss half of the population. The paper collects "
     "practical ways to bring gender perspectives into CIMIC assessments and liaison."),
    ("white-papers", "building-integrity-with-partners", "Building Integrity with Partners",
     date(2026, 6, 30), ["tomas-lindqvist"], ["Building Integrity", "Good Governance"],
     "integrity; corruption; governance",
     "Corruption undermines every effort to stabilise a region. We describe how military staff "
     "can support local integrity efforts without building parallel structures."),
    ("working-papers", "dos-and-donts-revisited", "Do's and Don'ts Revisited",
     date(2025, 1, 27), ["pieter-de-wit", "helena-varga"], ["Protection of Civilians"],
     "relationships; trust; liaison",
     "Practitioners agree on the do's and don'ts of civil-military interaction. This working "
     "paper asks twenty liaison officers which of them they found hardest to keep, and why."),
    ("working-papers", "shared-situational-awareness", "Shared Situational Awareness after Disasters",
     date(2025, 6, 12), ["nadia-haddad"], ["Disaster Management and Humanitarian Assistance",
                                             "Risk Reduction"],
     "information sharing; disaster response",
     "After an earthquake many actors collect the same data at once. We study how reciprocal "
     "information sharing between responders and armed forces worked in three recent disasters."),
    ("working-papers", "medical-stability-operations", "Joint Medical Stability Operations",
     date(2025, 10, 1), [("Jonas", "Becker", "Bundeswehr Medical Academy"), "amina-diallo"],
     ["Joint Medical Stability Operations"],
     "health; stability; medical support",
     "Medical support can build trust or create dependency. This paper reviews medical "
     "stability operations and proposes questions to ask before a clinic opens its doors."),
    ("working-papers", "children-and-armed-conflict", "Children and Armed Conflict: A Planner's View",
     date(2026, 1, 19), ["amina-diallo"], ["Children and Armed Conflict", "Protection of Civilians"],
     "children; protection; planning",
     "Grave violations against children demand attention in every phase of an operation. We "
     "outline what planners can do to prevent harm and to report what they see."),
    ("working-papers", "transition-from-the-outset", "Planning the Transition from the Outset",
     date(2026, 4, 2), ["tomas-lindqvist", "pieter-de-wit"], ["Good Governance", "Rule of Law"],
     "transition; local ownership; sustainability",
     "Missions end, and what they leave behind matters. This working paper argues that a "
     "transition plan belongs in the first order, and shows what such a plan contains."),
    ("working-papers", "religion-and-engagement", "Religious Leaders as Partners",
     date(2026, 8, 14), ["nadia-haddad", "helena-varga"], ["Religion"],
     "religion; key leader engagement",
     "Religious leaders often hold trust that no outsider can earn quickly. We examine when "
     "engaging them helps a mission and when it risks their standing in the community."),
]

INDEX_INTRO = ("Monographs, white papers and working papers of the network, free to read and to "
               "cite.")

# The index page and the series in each demo language (title, intro; series slug → name).
INDEX_TRANSLATIONS = {
    "fr": ("Publications", "Monographies, livres blancs et documents de travail du réseau, en "
                           "libre accès et à citer librement."),
    "de": ("Publikationen", "Monografien, Weißbücher und Arbeitspapiere des Netzwerks, frei "
                            "zugänglich und frei zitierbar."),
    "ar": ("المنشورات", "دراسات وأوراق بيضاء وأوراق عمل صادرة عن الشبكة، متاحة للقراءة "
                        "والاستشهاد مجانًا."),
}
SERIES_NAMES = {
    "fr": {data["slug"]: data["fr_name"] for data in SERIES},
    "de": {"white-papers": "JCMI-Weißbücher", "working-papers": "JCMI-Arbeitspapiere",
           "monographs": "JCMI-Monografien"},
    "ar": {"white-papers": "الأوراق البيضاء للشبكة", "working-papers": "أوراق عمل الشبكة",
           "monographs": "دراسات الشبكة"},
}
# The series' descriptions in each language (the series pages and the cards show them).
SERIES_DESCRIPTIONS = {
    "fr": {
        "white-papers": "Des textes courts et pratiques qui traduisent les recherches du réseau "
                        "en conseils pour les planificateurs, les commandants et le personnel "
                        "humanitaire.",
        "working-papers": "Des travaux en cours des chercheurs et praticiens du réseau, publiés "
                          "tôt pour recueillir des commentaires.",
        "monographs": "Des études de la longueur d'un livre sur l'interaction civilo-militaire, "
                      "évaluées par des pairs et en libre accès.",
    },
    "de": {
        "white-papers": "Kurze, praxisnahe Texte, die die Forschung des Netzwerks in Ratschläge "
                        "für Planer, Kommandeure und humanitäres Personal übersetzen.",
        "working-papers": "Laufende Arbeiten der Forschenden und Praktiker des Netzwerks, früh "
                          "veröffentlicht, um Kommentare einzuholen.",
        "monographs": "Studien in Buchlänge zur zivil-militärischen Interaktion, begutachtet "
                      "und frei lesbar.",
    },
    "ar": {
        "white-papers": "أوراق قصيرة عملية تحوّل أبحاث الشبكة إلى نصائح للمخططين والقادة "
                        "والعاملين في المجال الإنساني.",
        "working-papers": "أعمال قيد الإنجاز من باحثي الشبكة وممارسيها، تُنشر مبكرًا لاستقبال "
                          "الملاحظات.",
        "monographs": "دراسات بطول كتاب عن التفاعل المدني العسكري، محكّمة ومتاحة للقراءة مجانًا.",
    },
}

# French versions: titles and abstracts, translated through wagtail-localize.
FRENCH = {
    "nine-principles-in-practice": (
        "Les neuf principes à l'épreuve",
        "Les neuf principes de l'interaction civilo-militaire se citent facilement et "
        "s'appliquent difficilement. Ce livre blanc suit chaque principe au fil d'un cycle de "
        "planification et montre où les états-majors le perdent le plus souvent de vue."),
    "coordination-is-not-command": (
        "Coordonner n'est pas commander",
        "La coordination civilo-militaire humanitaire protège la neutralité, l'impartialité et "
        "l'indépendance. Ce livre blanc explique aux lecteurs militaires pourquoi les "
        "organisations humanitaires attendent un dialogue et non des directives."),
    "dos-and-donts-revisited": (
        "Ce qu'il faut faire et ne pas faire, revu",
        "Les praticiens s'accordent sur les bonnes et mauvaises pratiques de l'interaction "
        "civilo-militaire. Ce document de travail demande à vingt officiers de liaison "
        "lesquelles ont été les plus difficiles à respecter, et pourquoi."),
    "children-and-armed-conflict": (
        "Enfants et conflits armés : le point de vue du planificateur",
        "Les violations graves commises contre les enfants exigent une attention à chaque phase "
        "d'une opération. Nous décrivons ce que les planificateurs peuvent faire pour prévenir "
        "les atteintes et signaler ce qu'ils constatent."),
}


GERMAN = {
    "nine-principles-in-practice": (
        "Neun Prinzipien in der Praxis",
        "Die neun Prinzipien der zivil-militärischen Interaktion sind leicht aufgezählt und "
        "schwer gelebt. Dieses Weißbuch folgt jedem Prinzip durch einen Planungszyklus und "
        "zeigt, wo Stäbe es am häufigsten aus den Augen verlieren."),
    "coordination-is-not-command": (
        "Koordinieren heißt nicht befehlen",
        "Die humanitäre zivil-militärische Koordinierung schützt Neutralität, Unparteilichkeit "
        "und Unabhängigkeit. Das Weißbuch erklärt militärischen Lesern, warum humanitäre "
        "Organisationen Dialog und keine Weisungen erwarten."),
}

ARABIC = {
    "coordination-is-not-command": (
        "التنسيق ليس قيادة",
        "يحمي التنسيق المدني العسكري في العمل الإنساني مبادئ الحياد وعدم التحيز والاستقلال. "
        "تشرح هذه الورقة للقراء العسكريين لماذا تنتظر المنظمات الإنسانية حوارًا لا أوامر."),
    "religion-and-engagement": (
        "القادة الدينيون شركاءً",
        "كثيرًا ما يحظى القادة الدينيون بثقة لا يكسبها الغرباء بسرعة. ندرس متى يفيد التواصل "
        "معهم البعثة ومتى يعرّض مكانتهم في مجتمعاتهم للخطر."),
    "shared-situational-awareness": (
        "الوعي المشترك بالموقف بعد الكوارث",
        "بعد الزلزال تجمع جهات كثيرة البيانات نفسها في وقت واحد. ندرس كيف جرى تبادل "
        "المعلومات بين المستجيبين والقوات المسلحة في ثلاث كوارث حديثة."),
}

# language code → slug → (title, abstract)
PUBLICATION_TRANSLATIONS = {"fr": FRENCH, "de": GERMAN, "ar": ARABIC}

# The translated works' keywords, as a reader of each language searches for them (separated by
# semicolons in every language: PublicationPage.keyword_list splits on them).
KEYWORD_TRANSLATIONS = {
    "fr": {
        "civil-military interaction; principles; NATO":
            "interaction civilo-militaire ; principes ; OTAN",
        "UN-CMCoord; humanitarian principles": "UN-CMCoord ; principes humanitaires",
        "relationships; trust; liaison": "relations ; confiance ; liaison",
        "children; protection; planning": "enfants ; protection ; planification",
    },
    "de": {
        "civil-military interaction; principles; NATO":
            "zivil-militärische Interaktion; Prinzipien; NATO",
        "UN-CMCoord; humanitarian principles": "UN-CMCoord; humanitäre Grundsätze",
    },
    "ar": {
        "UN-CMCoord; humanitarian principles": "تنسيق الأمم المتحدة المدني العسكري; المبادئ الإنسانية",
        "religion; key leader engagement": "الدين; التواصل مع القادة الرئيسيين",
        "information sharing; disaster response": "تبادل المعلومات; الاستجابة للكوارث",
    },
}


def load(command):
    en = Locale.objects.get(language_code="en")
    home = _home(en)
    topics = _topics(home, en)
    people = _people(en)
    index = _child(home, PublicationIndexPage, "publications", title="Publications",
                   show_in_menus=True,
                   intro=f"<p>{INDEX_INTRO}</p>")
    series_pages = {}
    for data in SERIES:
        series, _ = Series.objects.get_or_create(
            slug=data["slug"], locale=en,
            defaults={key: data[key] for key in ("name", "kind", "issn", "number_prefix",
                                                  "doi_prefix", "doi_series_code", "description")},
        )
        for position, (person_slug, role) in enumerate(data["board"]):
            SeriesEditor.objects.get_or_create(
                series=series, person=people[person_slug], defaults={"role": role, "sort_order": position}
            )
        series_pages[data["slug"]] = _child(index, SeriesIndexPage, data["slug"], title=data["name"],
                                            series=series)

    made = 0
    for series_slug, slug, title, when, authors, topic_titles, keywords, abstract in PUBLICATIONS:
        parent = series_pages[series_slug]
        if PublicationPage.objects.filter(slug=slug, locale=en).exists():
            continue
        contributors = [_contributor(author, people) for author in authors]
        page = PublicationPage(
            title=title, slug=slug, abstract=f"<p>{abstract}</p>", keywords=keywords,
            publication_date=when, series_number=parent.next_series_number(),
            doi=f"10.99999/jcmi.{slug}", licence=PublicationPage.Licence.CC_BY,
            pdf=_pdf(title, contributors, abstract, parent.title),
        )
        for position, contributor in enumerate(contributors):
            contributor.sort_order = position
            page.contributors.add(contributor)
        page.topics.set([topics[t] for t in topic_titles if t in topics])
        parent.add_child(instance=page)
        page.save_revision().publish()
        made += 1

    translated = _translated_versions(index, series_pages)
    covers = _covers()
    command.stdout.write(
        f"Publications: {made} new, {PublicationPage.objects.filter(locale=en).count()} in English, "
        f"{translated} new translated version(s) (fr, de, ar), {covers} cover(s) drawn."
    )


def _covers():
    """Covers for the publications' PDFs that have none yet (a demo loaded before covers
    existed; a new upload gets its cover when it is saved)."""
    documents = get_document_model().objects.filter(
        pk__in=PublicationPage.objects.exclude(pdf=None).values("pdf"))
    drawn = 0
    for document in documents:
        if needs_cover(document) and render_cover(document) is not None:
            drawn += 1
    return drawn


# -- structure ------------------------------------------------------------------------------


def _home(en):
    home = HomePage.objects.filter(locale=en).first()
    if home is None:
        # Only on a database without home.demo: the smallest home page the site can serve.
        root = Page.get_first_root_node()
        home = HomePage(title="JCMI Network", slug="jcmi-home", hero_title="JCMI Network", locale=en)
        root.add_child(instance=home)
        home.save_revision().publish()
        Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home,
                                                                      "hostname": "localhost"})
    return home


def _child(parent, model, slug, **fields):
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
    return page


def _topics(home, en):
    titles = {t for p in PUBLICATIONS for t in p[5]}
    existing = {t.title: t for t in TopicPage.objects.filter(locale=en, title__in=titles)}
    missing = titles - existing.keys()
    if missing:
        topic_index = TopicIndexPage.objects.filter(locale=en).first() or _child(
            home, TopicIndexPage, "topics", title="Topics")
        for title in sorted(missing):
            existing[title] = _child(topic_index, TopicPage, slugify(title), title=title)
    return existing


def _people(en):
    people = {}
    for slug, name, honorific, affiliation, orcid in PEOPLE:
        people[slug], _ = Person.objects.get_or_create(
            slug=slug, locale=en,
            defaults={"name": name, "honorific": honorific, "affiliation": affiliation, "orcid": orcid},
        )
    return people


def _contributor(author, people):
    if isinstance(author, str):
        person = people[author]
        given, family = person.name.rsplit(" ", 1)
        if given.endswith(" de"):  # "Pieter de Wit": the particle belongs to the family name
            given, family = given[:-3], f"de {family}"
        return PublicationContributor(person=person, given_names=given, family_name=family,
                                      affiliation=person.affiliation, orcid=person.orcid)
    given, family, affiliation = author
    return PublicationContributor(given_names=given, family_name=family, affiliation=affiliation)


# -- PDFs -----------------------------------------------------------------------------------


def _pdf(title, contributors, abstract, series_title):
    Document = get_document_model()
    existing = Document.objects.filter(title=f"{title} (PDF)").first()
    if existing is not None:
        return existing
    document = Document(title=f"{title} (PDF)")
    document.file.save(f"{slugify(title)}.pdf", ContentFile(render_pdf(title, contributors, abstract,
                                                                       series_title)), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def render_pdf(title, contributors, abstract, series_title):
    """A real, readable PDF: title page with authors and abstract, then a page of text."""
    return pdfs.render(pdfs.PdfDocument(
        title=title, kicker=series_title,
        author=", ".join(c.full_name for c in contributors),
        byline=[c.full_name + (f", {c.affiliation}" if c.affiliation else "")
                for c in contributors],
        sections=[
            pdfs.Section("Abstract", abstract),
            pdfs.Section("1. Introduction",
                         "This demonstration text stands in for the full paper. The JCMI Research "
                         "and Education Network brings civil society, government agencies, "
                         "military practitioners and scholars together to study civil-military "
                         "interaction before, during and after conflict, and in humanitarian "
                         "assistance and disaster response."),
        ],
    ))


# -- Translated versions through wagtail-localize ----------------------------------------


def _translated_versions(index, series_pages):
    """The index, every series and its page, and some publications in fr, de and ar."""
    made = 0
    for code, works in PUBLICATION_TRANSLATIONS.items():
        locale = Locale.objects.get(language_code=code)
        index_title, index_intro = INDEX_TRANSLATIONS[code]
        _translate(index, locale, {"Publications": index_title, INDEX_INTRO: index_intro})
        for data in SERIES:
            name = SERIES_NAMES[code][data["slug"]]
            series = series_pages[data["slug"]].series
            description = SERIES_DESCRIPTIONS[code][data["slug"]]
            translated_series = series.get_translation_or_none(locale)
            if translated_series is None:
                translated_series = series.copy_for_translation(locale)
                translated_series.name = name
                translated_series.description = description
                translated_series.save()
            elif translated_series.description == series.description:
                # Made by an earlier demo with the English description: give it its own.
                translated_series.description = description
                translated_series.save(update_fields=["description"])
            _translate(series_pages[data["slug"]], locale, {data["name"]: name})
        for _series, slug, title, _when, _authors, _topics, keywords, abstract in PUBLICATIONS:
            if slug not in works:
                continue
            page = PublicationPage.objects.get(slug=slug, locale=Locale.get_default())
            translated_title, translated_abstract = works[slug]
            strings = {title: translated_title, abstract: translated_abstract}
            if keywords in KEYWORD_TRANSLATIONS[code]:
                strings[keywords] = KEYWORD_TRANSLATIONS[code][keywords]
            made += _translate(page, locale, strings)
    return made


def _translate(page, locale, strings):
    """Translate a page with the given strings (others fall back to English); 1 if made."""
    from translation.localize import translate_page

    translated = translate_page(page, locale, strings, publish=False)
    if translated is None:
        return 0
    # Live at once rather than when load_demo's transaction commits (wagtail-localize's
    # publish=True): the demos that run next link to the translated works.
    translated.get_latest_revision().publish()
    return 1
