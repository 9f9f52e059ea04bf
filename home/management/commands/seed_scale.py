"""Build a large synthetic corpus for the benchmarks: ``manage.py seed_scale --pages 5000``.

The corpus has about ``--pages`` live pages across all locales: mission pages, topics, and each
section app's page types (publications, lectures) as far as they exist, with people, images and
documents, and translations into French, German and Arabic. The same ``--seed`` always gives the
same content. Its pages carry slugs starting with "scale-" (topics and the home page excepted,
which it shares with the demo content) and ``--reset`` removes them before seeding again.
"""

import random
import time
from importlib import import_module

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Q
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.signal_handlers import disable_reference_index_auto_update

from cms.scale import TRANSLATION_SHARE, Corpus, index_in_bulk, search_index_paused, vacuum_analyze

# Each module offers SHARE (its weight among the page types), seed(n, rng, corpus),
# translated_fields(page, text, rng) and optionally after_translation(source, translation,
# corpus). They run in this order; later ones link to earlier content.
SCALE_MODULES = [
    "home.scale",
    "publications.scale",
    "lectures.scale",
]
# Records that are not pages, sized by the number of pages: each module offers
# seed(pages, rng, corpus) and reset(). Submissions in every state for the managing editors'
# queue, runs and registrations for the event managers' listing.
RECORD_MODULES = [
    "publications.review.scale",
    "registrations.scale",
]


class Command(BaseCommand):
    help = "Create a large, deterministic synthetic corpus of pages in every locale (benchmarks)."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, required=True,
                            help="About how many live pages to create, translations included.")
        parser.add_argument("--seed", type=int, default=2026, help="Random seed (default 2026).")
        parser.add_argument("--reset", action="store_true",
                            help="Delete a previous scale corpus first.")

    def handle(self, *args, pages, seed, reset, **options):
        if pages < 1:
            raise CommandError("--pages must be at least 1.")
        started = time.monotonic()
        if Page.objects.filter(slug__startswith="scale-").exists():
            if not reset:
                raise CommandError("A scale corpus exists already; pass --reset to rebuild it.")
            self._reset()

        modules = [import_module(name) for name in SCALE_MODULES]
        from django.apps import apps

        indexed_models = [model for model in apps.get_models() if hasattr(model, "search_fields")]
        # The admin's reference index ("usage" counts) is left out: it doubles the seeding time
        # and no public page reads it. `manage.py rebuild_references_index` fills it if needed.
        with transaction.atomic(), search_index_paused(indexed_models), \
                disable_reference_index_auto_update():
            corpus = self._build(modules, pages, seed)
            for name in RECORD_MODULES:
                records = import_module(name).seed(
                    pages, random.Random(f"{seed}:{name}"), corpus)
                self.stdout.write(f"  {name}: {len(records)} records")
        written = time.monotonic()
        self.stdout.write(f"  written in {written - started:.0f} s")
        with transaction.atomic():
            for model, pks in corpus.indexed.items():
                index_in_bulk(model, pks)
        self.stdout.write(f"  search index in {time.monotonic() - written:.0f} s")
        vacuum_analyze()
        total = Page.objects.filter(live=True).count()
        self.stdout.write(self.style.SUCCESS(
            f"Scale corpus ready: {total} live pages in {time.monotonic() - started:.0f} s."
        ))

    def _build(self, modules, pages, seed):
        corpus = Corpus(seed)
        from cms.scale import ensure_images
        from home import scale as home_scale

        corpus.images = ensure_images(seed)
        home_scale.ensure_home(corpus)
        home_scale.seed_topics(corpus)
        home_scale.seed_people(corpus, max(10, pages // 25))

        # The home page and topics in every locale count towards the total; the rest is shared
        # among the modules by their SHARE, and each module makes as many source pages as fill
        # its part once translated: a source page gets on average about sum(TRANSLATION_SHARE)
        # - 0.05 translations (a page whose parent section is not translated waits for it), unless
        # the module says otherwise (PAGES_PER_SOURCE). Measured: see benchmarks/README.md.
        structure = (2 + len(corpus.topics)) * (1 + len(corpus.target_locales))
        budget = max(0, pages - structure)
        total_share = sum(module.SHARE for module in modules)
        default_per_source = 0.95 + sum(TRANSLATION_SHARE.values())
        translators = {}
        for module in modules:
            per_source = getattr(module, "PAGES_PER_SOURCE", default_per_source)
            count = max(5, round(budget * module.SHARE / total_share / per_source))
            before = len(corpus.pages_for_translation)
            module.seed(count, random.Random(f"{seed}:{module.__name__}"), corpus)
            for page in corpus.pages_for_translation[before:]:
                translators[page.pk] = module
            self.stdout.write(f"  {module.__name__}: {count} pages")
        for page in corpus.pages_for_translation:
            translators.setdefault(page.pk, import_module("home.scale"))
        corpus.writer.finish()
        self._translate(corpus, translators)
        corpus.writer.finish()
        return corpus

    def _translate(self, corpus, translators):
        """Translations of a deterministic share of the pages, with their parents first.

        Whole sections get translated in real life, so a page chosen for a locale brings its
        untranslated ancestors along (as ``copy_for_translation(copy_parents=True)`` does).
        """
        # Translations that exist already: of the locale roots and sections, and of the pages the
        # corpus reuses (the demo's topics); the pages the writer made have none yet.
        reused = {page.translation_key for page in corpus.pages_for_translation
                  if page.path not in corpus.writer.by_path}
        existing = list(Page.objects.filter(Q(depth__lte=3) | Q(translation_key__in=reused)))
        translations = {(page.translation_key, page.locale_id): page for page in existing}
        known = {page.path: page for page in [*existing, *corpus.pages]}

        def parent_of(page):
            path = page.path[:-Page.steplen]
            found = corpus.writer.by_path.get(path) or known.get(path)
            return found if found is not None else Page.objects.get(path=path)

        made = []

        def translated(source, code):
            locale = corpus.locales[code]
            existing = translations.get((source.translation_key, locale.pk))
            if existing is not None or source.pk not in translators:
                return existing
            parent = translated(parent_of(source), code)
            if parent is None:
                return None
            rng = random.Random(f"{corpus.seed}:translate:{source.translation_key}:{code}")
            module = translators[source.pk]
            fields = module.translated_fields(source, corpus.text(code, rng), rng)
            page = corpus.translate(source, code, fields, parent)
            if hasattr(module, "after_translation"):
                # Child rows (contributors, speakers) belong to each translation separately.
                module.after_translation(source.specific, page, corpus)
            translations[(page.translation_key, locale.pk)] = page
            made.append(page)
            return page

        for source in sorted(corpus.pages_for_translation, key=lambda page: page.path):
            for code in corpus.target_locales:
                rng = random.Random(f"{corpus.seed}:choose:{source.translation_key}:{code}")
                if source.pk in corpus.always_translate or (
                    rng.random() < TRANSLATION_SHARE.get(code, 0)
                ):
                    translated(source, code)
        self.stdout.write(f"  translations: {len(made)} pages")

    def _reset(self):
        self.stdout.write("Removing the previous scale corpus…")
        from home.models import Person

        with transaction.atomic(), disable_reference_index_auto_update():
            for name in reversed(RECORD_MODULES):
                import_module(name).reset()
            # treebeard deletes each top-most match with its descendants in one go.
            Page.objects.filter(slug__startswith="scale-").delete()
            Person.objects.filter(slug__startswith="scale-person-").delete()
            # Pool files and the records that share them go together (deleting a record deletes
            # its file).
            get_document_model().objects.filter(title__startswith="scale-").delete()
