"""Building blocks for `manage.py seed_scale`: deterministic text, fast page creation, media.

Each app that owns page types offers ``<app>/scale.py`` with ``seed(n, rng, corpus)``; this module
holds what they share. Everything here is deterministic for a given seed: text comes from the
caller's ``random.Random``, translation keys are UUIDv5 of the seed and a stable name, and dates
count from a fixed day rather than from "now".

Pages are written in bulk (``TreeWriter``) rather than by ``add_child`` (a ``get_last_child``, a
``full_clean`` with a query per foreign key and one INSERT per table, for every page), because a
50,000-page corpus must build in minutes on a shared two-core machine. The tree it writes is the
one ``add_child`` would write: ``Page.find_problems`` finds nothing in it (tests/perf checks this).
"""

import datetime
import io
import uuid
from contextlib import contextmanager

from django.core.files.images import ImageFile
from django.core.management.color import no_style
from django.db import connection, models
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import get_all_child_relations
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from cms.pdfs import simple_pdf

# Corpus dates count back from this fixed day, so that a seed always gives the same content.
EPOCH = datetime.datetime(2026, 6, 1, 9, 0, tzinfo=datetime.UTC)
NAMESPACE = uuid.UUID("6f1c1c4e-3a53-4d0b-9a39-6a0f5a3f2c11")
TARGET_LOCALES = ("fr", "de", "ar")
# Share of source pages that get a translation into each locale.
TRANSLATION_SHARE = {"fr": 0.45, "de": 0.3, "ar": 0.15}


def stable_uuid(seed, *parts):
    return uuid.uuid5(NAMESPACE, ":".join([str(seed), *map(str, parts)]))


def stable_pick(items, draw, number, first=5):
    """One of ``items`` for the ``number``-th page, from ``draw`` (a random number in [0, 1)).

    Page number i picks among the first ``first + i`` items only, so the pages the benchmark
    samples (the first ones of each type) name the same people and works at every corpus size:
    picking among all of them would tie a page's speakers, and so its query count, to N."""
    return items[int(draw * min(len(items), first + number))]


def days_ago(days, hours=0):
    return EPOCH - datetime.timedelta(days=days, hours=hours)


# Vocabulary for synthetic copy, per locale. Written for this corpus from the network's focus areas
# (DOMAIN.md); the sentences it makes are plausible, not meaningful.
VOCABULARY = {
    "en": {
        "subjects": [
            "civil-military interaction", "the protection of civilians", "humanitarian access",
            "disaster response", "cultural property protection", "critical infrastructure",
            "local ownership", "the rule of law", "good governance", "building integrity",
            "women, peace and security", "children in armed conflict", "risk reduction",
            "stabilisation planning", "information sharing", "liaison with NGOs",
        ],
        "frames": [
            "Lessons on {s} from {p}", "Rethinking {s} in {p}", "{S}: a field report from {p}",
            "Coordinating {s} after the crisis in {p}", "What {p} teaches about {s}",
            "{S} and {t}: notes from {p}",
        ],
        "places": [
            "the Sahel", "the Western Balkans", "the Eastern Mediterranean", "the Horn of Africa",
            "the Baltic region", "Central Asia", "the Lake Chad basin", "coastal flood zones",
            "mountain villages", "a divided city", "a refugee corridor", "an earthquake zone",
        ],
        "sentences": [
            "Practitioners from both sides described how early contact with {s} changed the plan.",
            "The study compares three headquarters and the way each one handled {s}.",
            "Civil actors asked that {t} be discussed before any deployment decision.",
            "Field teams in {p} recorded which assessments were shared and which stayed closed.",
            "A liaison officer explains how trust grew once time frames were communicated openly.",
            "The authors argue that {s} needs a transition plan from the very first day.",
            "Interviews with aid workers show where parallel structures crept in unnoticed.",
            "The chapter sets out do's and don'ts for joint planning around {t}.",
            "Humanitarian principles framed every meeting, from neutrality to independence.",
            "An ASCOPE overview of {p} helps newcomers see who holds influence locally.",
        ],
    },
    "fr": {
        "subjects": [
            "l'interaction civilo-militaire", "la protection des civils", "l'accès humanitaire",
            "la réponse aux catastrophes", "la protection des biens culturels",
            "les infrastructures critiques", "l'appropriation locale", "l'état de droit",
            "la bonne gouvernance", "l'intégrité", "les femmes, la paix et la sécurité",
            "les enfants dans les conflits armés", "la réduction des risques",
        ],
        "frames": [
            "Leçons sur {s} au départ de {p}", "Repenser {s} : le cas de {p}",
            "{S} : rapport de terrain, {p}", "Ce que {p} enseigne sur {s}",
            "{S} et {t} : notes de {p}",
        ],
        "places": [
            "le Sahel", "les Balkans occidentaux", "la Méditerranée orientale",
            "la Corne de l'Afrique", "la région balte", "l'Asie centrale", "le bassin du lac Tchad",
            "une ville divisée", "un couloir de réfugiés", "une zone sismique",
        ],
        "sentences": [
            "Les praticiens des deux bords racontent comment un contact précoce a changé le plan.",
            "L'étude compare trois états-majors et leur manière de traiter {s}.",
            "Les acteurs civils ont demandé que {t} soit abordé avant tout déploiement.",
            "Les équipes de terrain ont noté quelles évaluations étaient partagées.",
            "Un officier de liaison explique comment la confiance s'est installée.",
            "Les auteurs plaident pour un plan de transition dès le premier jour.",
            "Les principes humanitaires ont cadré chaque réunion, de la neutralité à l'indépendance.",
        ],
    },
    "de": {
        "subjects": [
            "zivil-militärische Zusammenarbeit", "den Schutz von Zivilpersonen",
            "den humanitären Zugang", "die Katastrophenhilfe", "den Kulturgüterschutz",
            "kritische Infrastruktur", "lokale Eigenverantwortung", "die Rechtsstaatlichkeit",
            "gute Regierungsführung", "Integrität", "Frauen, Frieden und Sicherheit",
            "Kinder in bewaffneten Konflikten", "Risikominderung",
        ],
        "frames": [
            "Lehren über {s} aus {p}", "{S} neu denken: {p}", "{S}: ein Feldbericht aus {p}",
            "Was {p} über {s} lehrt", "{S} und {t}: Notizen aus {p}",
        ],
        "places": [
            "der Sahelzone", "dem westlichen Balkan", "dem östlichen Mittelmeer",
            "dem Horn von Afrika", "dem Baltikum", "Zentralasien", "dem Tschadseebecken",
            "einer geteilten Stadt", "einem Fluchtkorridor", "einem Erdbebengebiet",
        ],
        "sentences": [
            "Fachleute beider Seiten schildern, wie früher Kontakt den Plan verändert hat.",
            "Die Studie vergleicht drei Hauptquartiere und ihren Umgang mit {s}.",
            "Zivile Akteure baten darum, {t} vor jeder Entsendung zu besprechen.",
            "Teams vor Ort hielten fest, welche Lagebilder geteilt wurden.",
            "Ein Verbindungsoffizier erklärt, wie Vertrauen gewachsen ist.",
            "Die Autorinnen fordern einen Übergangsplan vom ersten Tag an.",
            "Humanitäre Grundsätze prägten jedes Treffen, von Neutralität bis Unabhängigkeit.",
        ],
    },
    "ar": {
        "subjects": [
            "التفاعل المدني العسكري", "حماية المدنيين", "الوصول الإنساني", "الاستجابة للكوارث",
            "حماية الممتلكات الثقافية", "البنية التحتية الحيوية", "الملكية المحلية",
            "سيادة القانون", "الحكم الرشيد", "النزاهة", "المرأة والسلام والأمن",
            "الأطفال في النزاعات المسلحة", "الحد من المخاطر",
        ],
        "frames": [
            "دروس حول {s} من {p}", "إعادة التفكير في {s}: حالة {p}", "{S}: تقرير ميداني من {p}",
            "ما تعلمنا إياه {p} عن {s}", "{S} و{t}: ملاحظات من {p}",
        ],
        "places": [
            "منطقة الساحل", "غرب البلقان", "شرق المتوسط", "القرن الأفريقي", "منطقة البلطيق",
            "آسيا الوسطى", "حوض بحيرة تشاد", "مدينة مقسمة", "ممر للاجئين", "منطقة زلزال",
        ],
        "sentences": [
            "يروي ممارسون من الجانبين كيف غيّر التواصل المبكر الخطة.",
            "تقارن الدراسة ثلاث قيادات وطريقة تعامل كل منها مع {s}.",
            "طلبت الجهات المدنية مناقشة {t} قبل أي قرار بالانتشار.",
            "سجلت الفرق الميدانية التقييمات التي جرى تبادلها.",
            "يشرح ضابط اتصال كيف نمت الثقة بعد توضيح الجداول الزمنية.",
            "يدعو المؤلفون إلى خطة انتقال منذ اليوم الأول.",
            "أطّرت المبادئ الإنسانية كل اجتماع، من الحياد إلى الاستقلال.",
        ],
    },
}


class Text:
    """Synthetic titles and paragraphs in one locale, drawn from the caller's random generator."""

    def __init__(self, rng, language="en"):
        self.rng = rng
        self.words = VOCABULARY[language]

    def _fill(self, frame):
        subject = self.rng.choice(self.words["subjects"])
        other = self.rng.choice(self.words["subjects"])
        place = self.rng.choice(self.words["places"])
        text = frame.replace("{S}", subject[:1].upper() + subject[1:])
        return text.format(s=subject, t=other, p=place)

    def title(self):
        return self._fill(self.rng.choice(self.words["frames"]))

    def sentence(self):
        return self._fill(self.rng.choice(self.words["sentences"]))

    def paragraph(self, sentences=4):
        return " ".join(self.sentence() for _ in range(sentences))

    def subject(self):
        return self.rng.choice(self.words["subjects"])


class TreeWriter:
    """Adds pages under parents as treebeard's ``add_child`` would, and writes them in bulk.

    ``add`` gives the page its id, tree path, depth, URL path and locale at once, so the caller
    can link to it, hang children under it and translate it before anything is written; ``finish``
    writes every page added since the last call with one multi-row INSERT per table and batch,
    then their inline rows (speakers, contributors) and many-to-many links (topics), and sets
    ``numchild`` of every parent.

    Django's ``bulk_create`` refuses models with multi-table inheritance, which every Wagtail page
    type is: ``wagtailcore_page`` plus one table per concrete model down to the specific class.
    The writer therefore inserts each table's own columns itself, with ``QuerySet._insert``: the
    call ``bulk_create`` makes for a single table, and the one ``Model.save`` makes for each table
    of a multi-table child (``Model._do_insert``), here with many rows at once. The ids are given
    by the writer (above the largest existing one; the sequence is moved past them in
    ``finish``), so every table's row carries the page's id in its parent link.

    What ``save`` would add and a scale corpus does without: validation (the content is made by
    code), revisions (the pages are published as they are written, ``live_revision`` stays empty
    as for pages made by ``add_child``), and the ``post_save`` handlers. Pages up to depth 3
    (locale roots and the section pages under them) are saved one by one for the sake of those
    handlers: translators' rights on a locale root and workflows on a section root
    (translation/signals.py, publications/signals.py).
    """

    SAVED_ONE_BY_ONE_UP_TO_DEPTH = 3

    def __init__(self):
        self._last_step = {}  # parent path -> number of the last child step
        self._children_added = {}  # parent path -> children added since the last finish
        self._parent_ids = {}  # parent path -> parent's id
        self._new_paths = set()  # paths of the pages this writer made (no children in the db)
        self._pending = []  # pages added, not yet written
        self._rows = {}  # model -> rows to write after the pages (inline rows, m2m links)
        self._next_id = None
        self.by_path = {}  # every page added, by tree path

    def _allocate_id(self):
        if self._next_id is None:
            from django.db.models import Max

            self._next_id = (Page.objects.aggregate(top=Max("id"))["top"] or 0) + 1
        self._next_id += 1
        return self._next_id - 1

    def add(self, parent, page):
        if parent.path not in self._last_step:
            last = None if parent.path in self._new_paths else parent.get_last_child()
            self._last_step[parent.path] = Page._str2int(last.path[-Page.steplen:]) if last else 0
        self._last_step[parent.path] += 1
        self._children_added[parent.path] = self._children_added.get(parent.path, 0) + 1
        self._parent_ids[parent.path] = parent.pk
        page.id = self._allocate_id()
        for field in type(page)._meta.concrete_fields:  # every table's link to the page row
            if field.remote_field and field.remote_field.parent_link:
                setattr(page, field.attname, page.id)
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, self._last_step[parent.path])
        page.numchild = 0
        page.draft_title = page.title
        page.has_unpublished_changes = not page.live
        if page.locale_id is None:
            page.locale_id = parent.locale_id
        page._cached_parent_obj = parent
        page._is_site_root = False
        page.set_url_path(parent)
        self._new_paths.add(page.path)
        self.by_path[page.path] = page
        if page.depth <= self.SAVED_ONE_BY_ONE_UP_TO_DEPTH:
            # Django's own save (Wagtail's would look the page up by its id to compare slugs):
            # every table's row and the post_save signal; the inline rows go with the bulk ones.
            models.Model.save(page)
            self._collect_related_rows(page)
            self._children_added[parent.path] -= 1
            Page.objects.filter(pk=parent.pk).update(numchild=models.F("numchild") + 1)
        else:
            self._pending.append(page)
        return page

    def add_rows(self, rows):
        """Rows that refer to pages added (speakers of a translation, say): written by ``finish``
        after the pages."""
        for row in rows:
            self._rows.setdefault(type(row), []).append(row)

    def finish(self):
        pending, self._pending = self._pending, []
        for page in pending:
            page.numchild = self._children_added.pop(page.path, 0)
            self._collect_related_rows(page)
        for path, count in self._children_added.items():
            if count:
                Page.objects.filter(pk=self._parent_ids[path]).update(
                    numchild=models.F("numchild") + count)
        self._children_added = {}
        by_model = {}
        for page in pending:
            by_model.setdefault(type(page), []).append(page)
        for model, pages in by_model.items():
            tables = [*reversed(model._meta.get_parent_list()), model]
            for table in tables:
                insert_rows(table, pages, table._meta.local_concrete_fields)
        rows, self._rows = self._rows, {}
        for model, objects in rows.items():
            model.objects.bulk_create(objects, batch_size=1000)
        if self._next_id is not None:
            # The ids were given here, so the table's sequence still points below them: moved
            # past the largest, or the next page saved the usual way would take a used id.
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), [Page]):
                    cursor.execute(sql)
            self._next_id = None

    def _collect_related_rows(self, page):
        """The inline rows and many-to-many links set on the page in memory (modelcluster keeps
        them until the page is saved; here they are written in bulk instead)."""
        related = page.__dict__.get("_cluster_related_objects") or {}
        if not related:
            return
        model = type(page)
        for relation in get_all_child_relations(model):
            items = related.get(relation.get_accessor_name())
            for item in items or ():
                setattr(item, relation.field.attname, page.pk)
                self._rows.setdefault(type(item), []).append(item)
        for field in model._meta.get_fields():
            if isinstance(field, ParentalManyToManyField) and related.get(field.name):
                through = field.remote_field.through
                self.add_rows(
                    through(**{f"{field.m2m_field_name()}_id": page.pk,
                               f"{field.m2m_reverse_field_name()}_id": target.pk})
                    for target in related[field.name]
                )


def insert_rows(model, objects, fields):
    """One table's columns of ``objects`` in multi-row INSERTs (see ``TreeWriter``)."""
    fields = list(fields)
    size = connection.ops.bulk_batch_size(fields, objects) or len(objects)
    size = max(1, min(size, 1000))
    for start in range(0, len(objects), size):
        model._base_manager._insert(objects[start:start + size], fields=fields,
                                    using=connection.alias)


def translate_page(writer, source, locale, translated_parent, **fields):
    """A live translation of ``source`` in ``locale`` under ``translated_parent``.

    It is the row ``Page.copy_for_translation`` would make (same translation key, the locale's
    parent), published at once and with the given translated field values, without copying
    revisions and logs, so thousands of translations take seconds.
    """
    source = source.specific
    model = source.specific_class
    # The fields of every model between Page and the specific class (LecturePage extends a
    # concrete CalendarEntryPage, say), without the links between their tables.
    values = {
        field.attname: getattr(source, field.attname)
        for field in model._meta.concrete_fields
        if not field.primary_key and field.model is not Page
        and not (field.remote_field and field.remote_field.parent_link)
    }
    values.update(
        title=source.title,
        slug=source.slug,
        locale=locale,
        translation_key=source.translation_key,
        live=True,
        first_published_at=source.first_published_at,
        last_published_at=source.last_published_at,
        owner=source.owner,
        show_in_menus=source.show_in_menus,
        search_description=source.search_description,
    )
    values.update(fields)
    page = model(**values)
    return writer.add(translated_parent, page)


@contextmanager
def search_index_paused(models):
    """Stops per-save search indexing for ``models``; the caller indexes in bulk afterwards."""
    from modelsearch.signal_handlers import post_delete_signal_handler, post_save_signal_handler

    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
        post_delete.disconnect(post_delete_signal_handler, sender=model)
    try:
        yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)
            post_delete.connect(post_delete_signal_handler, sender=model)


def index_in_bulk(model, pks, chunk=500):
    """Adds the given objects of ``model`` to every search backend, a chunk at a time."""
    from wagtail.search.backends import get_search_backends

    pks = list(pks)
    backends = list(get_search_backends(with_auto_update=True))
    for start in range(0, len(pks), chunk):
        objects = list(model.get_indexed_objects().filter(pk__in=pks[start:start + chunk]))
        for backend in backends:
            index = backend.get_index_for_model(model)
            index.add_items(model, objects)


def ensure_images(seed, count=24):
    """A small library of generated photos (JPEG, 1600×1000) that seeded content shares.

    Reused when present, by title, so a second run does not upload them again.
    """
    import random

    Image = get_image_model()
    images = []
    for number in range(count):
        title = f"Scale corpus photo {number + 1:02d}"
        image = Image.objects.filter(title=title).first()
        if image is None:
            rng = random.Random(f"{seed}:image:{number}")
            canvas = PILImage.new("RGB", (1600, 1000), _colour(rng))
            draw = ImageDraw.Draw(canvas)
            for _ in range(12):
                x, y = rng.randrange(1600), rng.randrange(1000)
                r = rng.randrange(60, 400)
                draw.ellipse((x - r, y - r, x + r, y + r), fill=_colour(rng))
            buffer = io.BytesIO()
            canvas.save(buffer, "JPEG", quality=82)
            image = Image(title=title, credit="JCMI scale corpus")
            image.file = ImageFile(buffer, name=f"scale-photo-{number + 1:02d}.jpg")
            image.save()
        images.append(image)
    return images


def _colour(rng):
    return (rng.randrange(40, 220), rng.randrange(40, 220), rng.randrange(40, 220))


def locales():
    return {locale.language_code: locale for locale in Locale.objects.all()}


def now():
    return timezone.now()


def vacuum_analyze():
    """Fresh statistics, so the benchmark measures plans the database would use in production."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


class Corpus:
    """What the apps' ``seed`` functions share while one corpus is built."""

    def __init__(self, seed):
        self.seed = seed
        self.writer = TreeWriter()
        self.locales = locales()
        self.target_locales = [code for code in TARGET_LOCALES if code in self.locales]
        self.homes = {}
        self.topics = []
        self.people = []
        self.images = []
        self.pages = []  # every page added, for linking and for search indexing
        self.pages_for_translation = []
        self.always_translate = set()  # pks of section pages that exist in every locale
        self.indexed = {}  # model -> primary keys to add to the search index at the end
        self.translations = {}  # (translation key, locale id) -> translation made by translate

    def text(self, language, rng):
        return Text(rng, language)

    def add(self, parent, page):
        self.writer.add(parent, page)
        self.pages.append(page)
        self.indexed.setdefault(type(page), []).append(page.pk)
        return page

    def translate(self, source, code, fields, parent):
        page = translate_page(self.writer, source, self.locales[code], parent, **fields)
        self.indexed.setdefault(type(page), []).append(page.pk)
        self.translations[(page.translation_key, page.locale_id)] = page
        return page

    def body(self, text, rng, blocks=6):
        """A StreamField body in BodyBlock's raw form: headings, linked paragraphs, images…"""
        body = []

        def block(kind, value):
            body.append({"type": kind, "value": value, "id": str(stable_uuid(
                self.seed, "block", rng.random()))})

        for position in range(blocks):
            choice = rng.random()
            if position == 0 or choice < 0.15:
                block("heading", {"text": text.title()[:200], "level": "h2"})
            if choice < 0.55:
                link = ""
                if self.pages and rng.random() < 0.5:
                    target = rng.choice(self.pages)
                    link = f' <a linktype="page" id="{target.pk}">{text.subject()}</a>'
                block("paragraph", f"<p>{text.paragraph(3)}{link}</p>")
            elif choice < 0.7 and self.images:
                block("image", {"image": rng.choice(self.images).pk,
                                "caption": text.sentence()[:200], "credit": ""})
            elif choice < 0.8:
                block("quote", {"quote": text.sentence(), "attribution": "Field practitioner"})
            elif choice < 0.9 and self.pages:
                block("callout", {"title": text.title()[:200],
                                  "text": f"<p>{text.sentence()}</p>",
                                  "link_page": rng.choice(self.pages).pk, "link_text": ""})
            else:
                block("accordion", {"heading": text.title()[:200], "items": [
                    {"type": "item", "value": {"title": text.sentence(),
                                               "body": f"<p>{text.paragraph(2)}</p>"},
                     "id": str(stable_uuid(self.seed, "item", rng.random()))}
                    for _ in range(3)
                ]})
        return body

    def localized_topics(self, topics, locale_id):
        """The given topic pages' translations in a locale (the source where none exists)."""
        topics = list(topics)
        if not hasattr(self, "_topic_translations"):
            from home.models import TopicPage

            self._topic_translations = {
                (topic.translation_key, topic.locale_id): topic
                for topic in TopicPage.objects.filter(
                    translation_key__in=[t.translation_key for t in self.topics])
            }

        def localized(topic):
            key = (topic.translation_key, locale_id)
            return self.translations.get(key) or self._topic_translations.get(key, topic)

        return [localized(topic) for topic in topics]


def ensure_pdf_pool(corpus, count):
    """A few real PDFs whose files the corpus's many document records share."""
    import random

    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    Document = get_document_model()
    pool = []
    for number in range(count):
        title = f"scale-pool-{number:03d}.pdf"
        document = Document.objects.filter(title=title).first()
        if document is None:
            text = Text(random.Random(f"{corpus.seed}:pdf:{number}"))
            body = "\n\n".join(text.paragraph(6) for _ in range(6))
            document = Document(title=title)
            document.file.save(title, ContentFile(simple_pdf(text.title(), body)), save=False)
            document._set_document_file_metadata()
            document.extracted_text = body
            document.save()
        pool.append(document)
    return pool


def pdf_documents(corpus, pool, count, prefix):
    """``count`` document records (one per publication), each pointing at a file of the pool.

    Made with bulk_create, so no upload and no text extraction runs per record; their extracted
    text is their pool file's, as extraction would find it.
    """
    from wagtail.documents import get_document_model

    Document = get_document_model()
    documents = [
        Document(title=f"{prefix}-{number:05d}.pdf", file=pool[number % len(pool)].file.name,
                 file_size=pool[number % len(pool)].file_size,
                 file_hash=pool[number % len(pool)].file_hash,
                 extracted_text=getattr(pool[number % len(pool)], "extracted_text", ""),
                 collection_id=pool[number % len(pool)].collection_id)
        for number in range(count)
    ]
    Document.objects.bulk_create(documents, batch_size=500)
    corpus.indexed.setdefault(Document, []).extend(document.pk for document in documents)
    return documents
