"""The public side of the publication pipeline: the index, one page per series, publications.

URL shape (DESIGN.md): /<lang>/publications/ is the PublicationIndexPage, each series is a
SeriesIndexPage child at /<lang>/publications/<series-slug>/, and a publication lives under its
series at /<lang>/publications/<series-slug>/<slug>/.
"""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.template.loader import get_template
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.page_cache import cached_fragment, cached_fragments
from cms.paging import PagedListing, paginate, query_without_page
from home.locales import show_people_in_locale
from publications.forms import PublicationPageForm
from publications.validators import (
    normalise_doi,
    normalise_isbn,
    normalise_orcid,
    validate_doi,
    validate_isbn,
    validate_orcid,
)


class PublicationIndexPage(RoutablePageMixin, Page):
    """Every publication of the network, newest first, with filters kept in the query string."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    override_translatable_fields = [TranslatableField("intro")]
    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["publications.SeriesIndexPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("publication index page")

    @path("")
    def listing(self, request):
        from publications.listing import PublicationFilter, filter_choices

        # The choices change only when a publication under this index does (or a snippet).
        choices = cached_fragment(request, "publication-filters", lambda: filter_choices(self),
                                  page=self)
        publication_filter = PublicationFilter(request.GET, index_page=self, choices=choices)
        if not publication_filter.is_valid():
            response = TemplateResponse(
                request,
                "publications/publication_index_page.html",
                self.get_context(request) | {"filter": publication_filter, "page_obj": None},
                status=400,
            )
            return response
        context = self.get_context(request)
        context["filter"] = publication_filter
        # The works a filter state selects, in order, change only when a publication does: kept
        # as a page-cache fragment per state (the states are the validated choices).
        state = sorted((k, str(v)) for k, v in publication_filter.form.cleaned_data.items() if v)
        rows = cached_fragment(
            request, f"publication-rows:{state}",
            lambda: list(publication_filter.qs.values_list("pk", "url_path")), page=self,
        )
        paging = page_of_cards(request, publication_filter.qs, per_page=10, rows=rows)
        context.update(paging=paging, page_obj=paging.page,
                       query_without_page=query_without_page(request))
        return TemplateResponse(request, "publications/publication_index_page.html", context,
                                status=paging.status)

    @path("feed.xml/", name="feed")
    def feed(self, request):
        from publications.feeds import LatestPublicationsFeed

        return LatestPublicationsFeed(self)(request)

    @path("authors/<slug:person_slug>/", name="author")
    def author(self, request, person_slug):
        """All publications one person contributed to, in any of the site's languages.

        Each work appears once, in the visitor's language when it has been translated, as on
        the index itself.
        """
        from home.models import Person
        from publications.listing import one_version_per_work

        person = Person.objects.filter(slug=person_slug).order_by(
            models.Case(models.When(locale=self.locale_id, then=0), default=1)
        ).first()
        if person is None:
            raise Http404
        publications = one_version_per_work(
            PublicationPage.objects.live().public()
            .filter(contributors__person__translation_key=person.translation_key),
            self.locale_id,
        ).distinct()
        context = self.get_context(request)
        context["person"] = person
        paging = page_of_cards(
            request, with_card_data(publications).order_by("-publication_date", "-pk"), 10
        )
        context.update(paging=paging, page_obj=paging.page)
        # The route's own address (on the site's own host, as base.html gives pages): without it
        # base.html names the index as canonical, telling search engines to drop this listing.
        canonical = self.get_full_url(request) + self.reverse_subpage(
            "author", kwargs={"person_slug": person_slug}
        )
        if context["page_obj"].number > 1:
            canonical += f"?page={context['page_obj'].number}"
        context["canonical_url"] = canonical
        return TemplateResponse(request, "publications/author_page.html", context,
                                status=paging.status)

    @property
    def feed_url(self):
        return self.url + "feed.xml"


class SeriesIndexPage(PagedListing, Page):
    """One series' publications and its editorial board, at /<lang>/publications/<series>/."""

    series = models.ForeignKey(
        "publications.Series", verbose_name=_("series"), on_delete=models.PROTECT,
        related_name="index_pages",
    )
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("series"), FieldPanel("intro")]
    # The series snippet is shared between locales; templates show its translation when it has one.
    override_translatable_fields = [TranslatableField("intro"), SynchronizedField("series")]
    parent_page_types = ["publications.PublicationIndexPage"]
    subpage_types = ["publications.PublicationPage"]

    class Meta:
        verbose_name = _("series page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        publications = PublicationPage.objects.child_of(self).live().public()
        context["series"] = self.series.localized
        # The board as the page's language writes its people (their translations, if any).
        context["editors"] = show_people_in_locale(
            self.series.editors.select_related("person", "person__locale"), self.locale_id)
        paging = page_of_cards(
            request, with_card_data(publications).order_by("-publication_date", "-pk"), 10
        )
        context.update(paging=paging, page_obj=paging.page)
        return context

    def next_series_number(self):
        """One past the highest number used in this series, in any language."""
        highest = PublicationPage.objects.filter(series=self.series_id).aggregate(
            highest=models.Max("series_number")
        )["highest"]
        return (highest or 0) + 1


class PublicationPage(RoutablePageMixin, Page):
    """A published work: its metadata drives the page, Scholar tags, JSON-LD and citations."""

    class Licence(models.TextChoices):
        CC_BY = "cc-by-4.0", "CC BY 4.0"
        CC_BY_SA = "cc-by-sa-4.0", "CC BY-SA 4.0"
        CC_BY_NC = "cc-by-nc-4.0", "CC BY-NC 4.0"
        CC_BY_NC_ND = "cc-by-nc-nd-4.0", "CC BY-NC-ND 4.0"
        ALL_RIGHTS = "all-rights-reserved", _("All rights reserved")

    LICENCE_URLS = {
        "cc-by-4.0": "https://creativecommons.org/licenses/by/4.0/",
        "cc-by-sa-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
        "cc-by-nc-4.0": "https://creativecommons.org/licenses/by-nc/4.0/",
        "cc-by-nc-nd-4.0": "https://creativecommons.org/licenses/by-nc-nd/4.0/",
    }

    # Filled from the parent series page on save: listings filter and show it without a join
    # through the tree.
    series = models.ForeignKey(
        "publications.Series", verbose_name=_("series"), on_delete=models.PROTECT,
        related_name="publications", editable=False, null=True,
    )
    subtitle = models.CharField(_("subtitle"), max_length=255, blank=True)
    abstract = RichTextField(_("abstract"), features=["bold", "italic", "link", "ul", "ol"])
    keywords = models.CharField(
        _("keywords"), max_length=500, blank=True,
        help_text=_("Separate keywords with semicolons."),
    )
    topics = ParentalManyToManyField(
        "home.TopicPage", blank=True, related_name="publications", verbose_name=_("topics")
    )
    publication_date = models.DateField(_("publication date"))
    series_number = models.PositiveIntegerField(_("number in series"), null=True, blank=True)
    doi = models.CharField(_("DOI"), max_length=255, blank=True, validators=[validate_doi])
    isbn = models.CharField(_("ISBN"), max_length=20, blank=True, validators=[validate_isbn])
    page_count = models.PositiveIntegerField(_("number of pages"), null=True, blank=True)
    licence = models.CharField(
        _("licence"), max_length=30, choices=Licence.choices, default=Licence.CC_BY
    )
    pdf = models.ForeignKey(
        get_document_model_string(), verbose_name=_("PDF"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("subtitle"),
        InlinePanel("contributors", label=_("Contributors"), min_num=1),
        FieldPanel("abstract"),
        FieldPanel("keywords"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("publication_date"), FieldPanel("series_number")]),
                FieldRowPanel([FieldPanel("doi"), FieldPanel("isbn")]),
                FieldRowPanel([FieldPanel("page_count"), FieldPanel("licence")]),
                FieldPanel("pdf"),
            ],
            heading=_("Bibliographic details"),
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("subtitle"),
        index.SearchField("abstract"),
        index.SearchField("keywords"),
        index.AutocompleteField("subtitle"),
        index.FilterField("publication_date"),
        index.FilterField("series"),
        index.RelatedFields("contributors", [index.SearchField("family_name"),
                                             index.SearchField("given_names")]),
        # The words of the PDF itself, extracted in the background when the document is saved.
        index.SearchField("pdf_text"),
    ]
    search_facets = {"topic": "topics", "year": "publication_date", "series": "series"}

    @classmethod
    def get_indexed_objects(cls):
        # pdf_text reads the document: with the page, not one query per page (update_index).
        return super().get_indexed_objects().select_related("pdf")

    def pdf_text(self):
        # A method on the model itself (not a mixin): Elasticsearch names the field after it.
        from search.indexing import documents_text

        return documents_text(self.pdf)

    # Dates, numbers and identifiers are the same work in every language: locked, so that a
    # translation cannot cite another DOI or number. The PDF is the original's unless a
    # translation has its own, translated full text (see ``fulltext_version``).
    override_translatable_fields = [
        TranslatableField("subtitle"),
        TranslatableField("abstract"),
        TranslatableField("keywords"),
        # Names, affiliations and ORCID iDs are the same in every language.
        SynchronizedField("contributors", overridable=False),
        SynchronizedField("publication_date", overridable=False),
        SynchronizedField("series_number", overridable=False),
        SynchronizedField("doi", overridable=False),
        SynchronizedField("isbn", overridable=False),
        SynchronizedField("page_count", overridable=False),
        SynchronizedField("licence"),
        SynchronizedField("pdf"),
        SynchronizedField("topics"),
    ]

    # A copy is a new work: it gets its own number, DOI and ISBN once an editor assigns them,
    # rather than a second claim on the original's (which the series-number check refuses).
    # A translation is the same work and keeps them: see copy_for_translation.
    exclude_fields_in_copy = ["series_number", "doi", "isbn"]

    base_form_class = PublicationPageForm
    parent_page_types = ["publications.SeriesIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    # -- domain helpers -------------------------------------------------------------------

    def clean_fields(self, exclude=None):
        # Stored as registered, whatever form was typed; the validators then check that form.
        self.doi = normalise_doi(self.doi)
        self.isbn = normalise_isbn(self.isbn)
        super().clean_fields(exclude)

    def clean(self):
        super().clean()
        parent = self.get_parent() if self.path else None
        series_id = self.series_id
        if parent is not None and hasattr(parent.specific, "series_id"):
            series_id = parent.specific.series_id
        if self.series_number and series_id:
            clash = (
                PublicationPage.objects.filter(
                    series=series_id, series_number=self.series_number, locale=self.locale_id
                )
                .exclude(pk=self.pk)
                .exclude(translation_key=self.translation_key)
            )
            if clash.exists():
                raise ValidationError(
                    {"series_number": _("Another publication in this series has this number.")}
                )

    def copy_for_translation(self, locale, copy_parents=False, alias=False, exclude_fields=None):
        """As Wagtail's, but the translation keeps the work's identifiers.

        Wagtail applies ``exclude_fields_in_copy`` to translations too; wagtail-localize copies
        synchronised fields back afterwards, but any other caller would get a translation with
        no number or DOI.
        """
        translation = super().copy_for_translation(
            locale, copy_parents=copy_parents, alias=alias, exclude_fields=exclude_fields
        )
        if alias:
            return translation  # aliases mirror every field of their original
        source = self if self.live else self.get_latest_revision_as_object()
        kept = {
            name: getattr(source, name)
            for name in self.exclude_fields_in_copy
            if name not in (exclude_fields or ())
        }
        PublicationPage.objects.filter(pk=translation.pk).update(**kept)
        for name, value in kept.items():
            setattr(translation, name, value)
        revision = translation.latest_revision
        if revision is not None:
            revision.content.update(kept)
            revision.save(update_fields=["content"])
        return translation

    def save(self, *args, **kwargs):
        if self.path and self.depth and self.depth > 1:
            parent = self.get_parent()
            if parent is not None:
                series_id = getattr(parent.specific, "series_id", None)
                if series_id:
                    self.series_id = series_id
        return super().save(*args, **kwargs)

    @property
    def keyword_list(self):
        return [word.strip() for word in self.keywords.split(";") if word.strip()]

    @cached_property
    def ordered_contributors(self):
        return list(self.contributors.all())

    @property
    def authors(self):
        return [c for c in self.ordered_contributors if c.role == PublicationContributor.Role.AUTHOR]

    @property
    def editors(self):
        return [c for c in self.ordered_contributors if c.role == PublicationContributor.Role.EDITOR]

    @property
    def number_label(self):
        """The series number as printed, e.g. "WP 3"."""
        if not self.series_number:
            return ""
        prefix = self.series.number_prefix if self.series_id else ""
        return f"{prefix} {self.series_number}".strip()

    @cached_property
    def series_in_page_language(self):
        """The series as named in this page's language when the series is translated into it.

        Not ``Series.localized``, which follows the active language: citation files and OAI
        records describe a page whatever language the request runs in.
        """
        if not self.series_id:
            return None
        if self.series.locale_id == self.locale_id:
            return self.series
        return self.series.get_translation_or_none(self.locale_id) or self.series

    @cached_property
    def original(self):
        """The work in its source language (the site's default locale), else this version.

        Identifiers are registered for the original: it alone is deposited with Crossref, and
        the other languages are its translations, not works of their own.
        """
        from django.conf import settings
        from wagtail.coreutils import get_supported_content_language_variant

        # By language code: listings load each page's locale with it, so this asks nothing more.
        default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        if self.locale.language_code == default:
            return self
        return (PublicationPage.objects.filter(translation_key=self.translation_key,
                                               locale__language_code=default).first() or self)

    @property
    def is_original(self):
        return self.original.pk == self.pk

    @cached_property
    def fulltext_version(self):
        """The version whose PDF a reader of this one gets: this one when it has a full text of
        its own (the original's, or a translated one), else the original; None without PDF."""
        original = self.original
        if self.pdf_id and (original.pk == self.pk or self.pdf_id != original.pdf_id):
            return self
        return original if original.pdf_id else None

    @property
    def fulltext_path(self):
        """The full text's stable address on the site, relative to the page."""
        return self.reverse_subpage("fulltext").rstrip("/")

    @property
    def licence_url(self):
        return self.LICENCE_URLS.get(self.licence, "")

    @property
    def kind(self):
        return self.series.kind if self.series_id else ""

    def get_context(self, request, *args, **kwargs):
        from home.models import TopicPage
        from publications import citations

        def scholarly_context():
            # The citation processor alone costs more than the rest of the page: kept as a
            # page-cache fragment, rebuilt when the page (or a snippet it shows) changes.
            index_page = PublicationIndexPage.objects.ancestor_of(self).first()
            return {
                "series": self.series_in_page_language,
                "scholar_meta": citations.scholar_meta(self, request),
                "json_ld": citations.json_ld(self, request),
                "how_to_cite": citations.how_to_cite(self, request),
                "fulltext": citations.fulltext_link(self, request),
                "topics": TopicPage.in_locale(self.topics.all(), self.locale_id),
                "translations": list(self.get_translations().live().select_related("locale")),
                "index_url": index_page.get_url(request) if index_page else "",
                "cover_id": self.cover_id(),
            }

        context = super().get_context(request, *args, **kwargs)
        context.update(cached_fragment(request, "publication", scholarly_context, page=self))
        context["cover"] = self.cover_image(context.pop("cover_id", None))
        return context

    def cover_id(self):
        """The id of the cover of the PDF a reader of this version gets (cms.covers), or None."""
        version = self.fulltext_version
        return version.pdf.cover_id if version is not None else None

    @staticmethod
    def cover_image(cover_id):
        """The cover with its renditions (two queries; none without a cover)."""
        if not cover_id:
            return None
        from wagtail.images import get_image_model

        return get_image_model().objects.prefetch_renditions().filter(pk=cover_id).first()

    # -- citation downloads ---------------------------------------------------------------

    @path("cite.bib/", name="cite_bib")
    def cite_bib(self, request):
        from publications import citations

        return citations.download(self, request, "bib")

    @path("cite.ris/", name="cite_ris")
    def cite_ris(self, request):
        from publications import citations

        return citations.download(self, request, "ris")

    @path("fulltext.pdf/", name="fulltext")
    def fulltext(self, request):
        """The PDF, streamed from storage at an address on the site that never expires (unlike
        a signed storage URL), for readers, Scholar's crawler, feeds and reference managers."""
        from django.http import FileResponse

        document = self.pdf
        if document is None:
            raise Http404
        # The document's collection may be private (Wagtail's document view checks the same).
        for restriction in document.collection.get_view_restrictions():
            if not restriction.accept_request(request):
                raise Http404
        response = FileResponse(document.file.open("rb"), content_type="application/pdf",
                                filename=f"{self.slug}.pdf")
        if document.file_size:
            response["Content-Length"] = str(document.file_size)
        return response

    @path("cite.json/", name="cite_json")
    def cite_json(self, request):
        from publications import citations

        return citations.download(self, request, "json")


class PublicationContributor(Orderable):
    """An author or editor of a publication, in the order printed on the title page."""

    class Role(models.TextChoices):
        AUTHOR = "author", _("Author")
        EDITOR = "editor", _("Editor")

    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="contributors")
    person = models.ForeignKey(
        "home.Person", verbose_name=_("person"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="publication_contributions",
        help_text=_("Optional: link a person known to the site to list the work on their page."),
    )
    given_names = models.CharField(_("given names"), max_length=255, blank=True)
    family_name = models.CharField(_("family name"), max_length=255)
    affiliation = models.CharField(_("affiliation"), max_length=255, blank=True)
    orcid = models.CharField(
        _("ORCID iD"), max_length=19, blank=True, validators=[validate_orcid]
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.AUTHOR)

    panels = [
        FieldPanel("person"),
        FieldRowPanel([FieldPanel("given_names"), FieldPanel("family_name")]),
        FieldRowPanel([FieldPanel("affiliation"), FieldPanel("orcid")]),
        FieldPanel("role"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("contributor")
        verbose_name_plural = _("contributors")

    def __str__(self):
        return self.full_name

    def clean_fields(self, exclude=None):
        self.orcid = normalise_orcid(self.orcid)
        super().clean_fields(exclude)

    @property
    def full_name(self):
        return f"{self.given_names} {self.family_name}".strip()

    @property
    def orcid_url(self):
        return f"https://orcid.org/{self.orcid}" if self.orcid else ""


# -- helpers shared by the listings ---------------------------------------------------------


def with_card_data(queryset):
    """What a publication card shows, loaded in a fixed number of queries: its series, authors,
    and the cover of its PDF with the cover's renditions."""
    return queryset.select_related("series__locale", "locale", "pdf", "pdf__cover").prefetch_related(
        models.Prefetch(
            "contributors",
            queryset=PublicationContributor.objects.select_related("person").order_by("sort_order"),
        ),
        "pdf__cover__renditions",
    )


def with_series_shown(publications, language_code=None):
    """``publications`` (a list), each with ``series_shown``: its series as named in the active
    language when the series has been translated into it, else as it is (in one query).

    A publication points at its series in the source language (the link is synchronised);
    a card on a French page names the series in French, and marks an untranslated name with
    its language (publication_card.html)."""
    from publications.models import Series

    language_code = language_code or get_language()
    keys = {p.series.translation_key for p in publications if p.series_id}
    translated = {
        series.translation_key: series
        for series in Series.objects.filter(translation_key__in=keys,
                                            locale__language_code=language_code)
        .select_related("locale")
    } if keys else {}
    for publication in publications:
        if publication.series_id:
            publication.series_shown = translated.get(publication.series.translation_key,
                                                      publication.series)
    return publications


def page_of_cards(request, queryset, per_page, rows=None):
    """The Paging (cms.paging's policy) of ``queryset``'s cards (its ordered ``(pk, url_path)``
    rows may be given). The paginator counts and sorts narrow rows; only the page's own
    publications are then loaded, with everything their cards show, when their cards are not
    kept (``card_html``)."""
    if rows is None:
        rows = queryset.prefetch_related(None).values_list("pk", "url_path")
    paging = paginate(rows, request, per_page)
    rows = list(paging.page.object_list)
    html = card_html(request, queryset, rows)
    paging.page.object_list = [PublicationCard(pk, mark_safe(html[pk])) for pk, _path in rows
                               if pk in html]
    return paging


@dataclass
class PublicationCard:
    pk: int
    html: str


def card_html(request, queryset, rows):
    """{publication id: its card's HTML}, for ``(pk, url_path)`` rows. A card is kept between
    requests as a fragment of its publication (cms.page_cache): publishing the work, or a new
    address for it, redraws it; a series' or person's change (snippets) redraws them all."""

    def build(missing):
        template = get_template("publications/includes/publication_card.html")
        language = get_language()
        return {
            publication.pk: template.render({
                "publication": publication, "request": request, "LANGUAGE_CODE": language,
            })
            for publication in with_series_shown(list(queryset.filter(pk__in=missing)), language)
        }

    return cached_fragments(request, "publication-card", [pk for pk, _path in rows], build,
                            versions=dict(rows))
