"""The mission pages: home, standard content pages, focus-area topic hubs and contact."""

from django.conf import settings
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.blocks import BodyBlock
from cms.jsonld import json_ld_script
from home.locales import one_per_translation_key
from home.sections import HOME_SECTIONS_HOOK, TOPIC_SECTIONS_HOOK, collect_sections


class GoalBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Goal"))
    text = blocks.TextBlock(required=False, label=_("Explanation"))

    class Meta:
        icon = "tick"


class HomePage(Page):
    hero_title = models.CharField(_("hero title"), max_length=255)
    hero_text = models.TextField(_("hero text"), blank=True)
    hero_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_cta_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("hero link"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_cta_text = models.CharField(_("hero link text"), max_length=100, blank=True)
    mission_title = models.CharField(_("mission heading"), max_length=255, blank=True)
    mission_statement = RichTextField(_("mission statement"), blank=True)
    goals_title = models.CharField(_("goals heading"), max_length=255, blank=True)
    goals = StreamField([("goal", GoalBlock())], blank=True, verbose_name=_("goals"))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_text"), FieldPanel("hero_image"),
             FieldPanel("hero_cta_page"), FieldPanel("hero_cta_text")],
            heading=_("Hero"),
        ),
        MultiFieldPanel(
            [FieldPanel("mission_title"), FieldPanel("mission_statement")],
            heading=_("Mission"),
        ),
        MultiFieldPanel([FieldPanel("goals_title"), FieldPanel("goals")], heading=_("Goals")),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("hero_text"),
        index.SearchField("mission_statement"),
    ]

    # Every field is classified on purpose (tests/translation/test_coverage.py checks it): words
    # are translated; images are shared but a locale may swap in its own; page links follow the
    # source (they resolve to the visitor's locale when rendered).
    override_translatable_fields = [
        TranslatableField("hero_title"),
        TranslatableField("hero_text"),
        SynchronizedField("hero_image", overridable=True),
        SynchronizedField("hero_cta_page", overridable=False),
        TranslatableField("hero_cta_text"),
        TranslatableField("mission_title"),
        TranslatableField("mission_statement"),
        TranslatableField("goals_title"),
        TranslatableField("goals"),
    ]

    max_count_per_parent = 1
    # Each section app adds its index page type here when it lands.
    subpage_types = [
        "home.StandardPage", "home.TopicIndexPage", "home.ContactPage",
        "publications.PublicationIndexPage", "lectures.LectureIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")

    @property
    def social_image(self):
        return self.hero_image

    @staticmethod
    def organisation_json_ld(request):
        """schema.org's Organization for the network, from the site settings."""
        from home.models.settings import SiteSettings

        site_settings = SiteSettings.for_request(request)
        organisation = {"@context": "https://schema.org", "@type": "Organization",
                        "name": site_settings.organisation_name,
                        "url": request.build_absolute_uri()}
        if site_settings.email:
            organisation["email"] = site_settings.email
        return json_ld_script(organisation)

    def get_context(self, request, *args, **kwargs):
        from home.models.snippets import Partner

        context = super().get_context(request, *args, **kwargs)
        partners = list(Partner.objects.filter(locale_id=self.locale_id).select_related("logo"))
        if not partners:
            # Partners not yet translated into this language: names are proper nouns, so the
            # source-language entries are better than an empty section.
            partners = list(
                Partner.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
                .select_related("logo")
            )
        context["partners"] = partners
        context["json_ld"] = self.organisation_json_ld(request)
        context["topic_index"] = (
            TopicIndexPage.objects.live().public().child_of(self).first()
        )
        context["focus_areas"] = (
            TopicPage.objects.live().public().descendant_of(self).order_by("title")
        )
        context["sections"] = collect_sections(HOME_SECTIONS_HOOK, self, request)
        return context


class StandardPage(Page):
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    # The body's text is translated block by block; its images, documents and videos are
    # synchronised but overridable, so a locale can show its own (a dubbed video, say).
    override_translatable_fields = [TranslatableField("intro"), TranslatableField("body")]
    subpage_types = ["home.StandardPage", "home.ContactPage"]

    class Meta:
        verbose_name = _("standard page")


class TopicIndexPage(Page):
    """The list of the network's focus areas, at /<lang>/topics/."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    override_translatable_fields = [TranslatableField("intro")]
    max_count_per_parent = 1
    subpage_types = ["home.TopicPage"]

    class Meta:
        verbose_name = _("topic index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = self.get_children().live().public().specific().order_by("title")
        return context


class TopicPage(Page):
    """A focus-area hub: explains the topic and lists everything tagged with it."""

    summary = models.TextField(_("summary"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    override_translatable_fields = [TranslatableField("summary"), TranslatableField("body")]
    parent_page_types = ["home.TopicIndexPage"]
    subpage_types = []

    @classmethod
    def choices_for(cls, locale_id, used_topic_ids):
        """This language's topics, plus the topics in ``used_topic_ids`` (a queryset of ids of
        what a listing shows) not yet translated into it: one per topic, by title.

        Topic pages are often translated later than the work tagged with them, or never:
        without the fallback a visitor could neither see nor use a topic that the listing's
        cards show, and a shared ?topic= link would answer 400.
        """
        candidates = cls.objects.live().filter(
            models.Q(locale=locale_id) | models.Q(pk__in=used_topic_ids)
        ).only("id", "title", "slug", "translation_key", "locale_id")
        return sorted(one_per_translation_key(candidates, locale_id), key=lambda t: t.title)

    @classmethod
    def in_locale(cls, topics, locale_id):
        """``topics`` (the topics a page is tagged with), each in the language ``locale_id``
        where it has a live translation there, else as it is: in one query.

        Pages keep their topic relation synchronised, so a translated page still points at the
        English topics; its readers should land on the topic hub in their own language.
        """
        topics = list(topics)
        keys = [topic.translation_key for topic in topics]
        if not keys:
            return []
        translated = {
            t.translation_key: t
            for t in cls.objects.live().filter(translation_key__in=keys, locale=locale_id)
        }
        return [translated.get(topic.translation_key, topic) for topic in topics]

    class Meta:
        verbose_name = _("topic page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Publications and lectures tagged with this topic, from the apps that define them.
        context["sections"] = collect_sections(TOPIC_SECTIONS_HOOK, self, request)
        return context


class ContactFormField(TranslatableMixin, AbstractFormField):
    """One field of the contact form, translated with its page.

    Each translation of the page has its own rows, linked to the source's by translation_key,
    so visitors read the labels, help texts and choices in their language. The field's name
    (``clean_name``) is what a submission is stored under: it is synchronised, so the French
    and English forms file their answers under the same keys.
    """

    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")

    override_translatable_fields = [
        SynchronizedField("clean_name", overridable=False),
        TranslatableField("label"),
        TranslatableField("help_text"),
        # One choice per line: a translation keeps the lines (and so the choices) in order.
        TranslatableField("choices"),
        TranslatableField("default_value"),
        SynchronizedField("field_type", overridable=False),
        SynchronizedField("required", overridable=False),
        SynchronizedField("sort_order", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        unique_together = [("translation_key", "locale")]


class ContactPage(AbstractEmailForm):
    """Wagtail's form builder: stores every submission and e-mails the editors."""

    intro = RichTextField(_("introduction"), blank=True)
    thank_you_text = RichTextField(_("thank-you text"), blank=True)

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("E-mail"),
        ),
    ]
    # The form's fields are translated with the page (see ContactFormField); addresses never
    # change between languages.
    override_translatable_fields = [
        TranslatableField("intro"),
        TranslatableField("thank_you_text"),
        TranslatableField("form_fields"),
        SynchronizedField("to_address", overridable=False),
        SynchronizedField("from_address", overridable=False),
        TranslatableField("subject"),
    ]
    subpage_types = []

    class Meta:
        verbose_name = _("contact page")

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # An invalid submission re-renders the form with its messages: say so with a 400, so
        # clients and tests can tell it from a page view. Nothing was stored.
        if (
            request.method == "POST"
            and isinstance(response, TemplateResponse)
            and response.context_data.get("form") is not None
            and response.context_data["form"].errors
        ):
            response.status_code = 400
        return response
