"""Every translatable model is translatable on purpose, field by field.

wagtail-localize guesses a rule for each field; a guess is wrong often enough (a slug translated,
a DOI sent to translators, a many-to-many relation silently not copied) that each model lists its
own fields in ``override_translatable_fields``. This test fails when a new field is not listed.
"""

import pytest
from django.apps import apps
from django.db import models
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.fields import SynchronizedField, get_translatable_fields

PROJECT_APPS = {"cms", "home", "publications", "lectures", "search", "translation"}
# Fields every page or translatable object has, which wagtail-localize already handles.
INHERITED = {field.name for field in Page._meta.get_fields()} | {"translation_key", "locale"}
# Snippets that only staff see (configuration, not content): no translation needed. A new snippet
# is either translatable or listed here on purpose.
# Admin-only snippets the public never sees: reminder rules, and the review forms that reviewers
# answer in the series' own working language.
INTERNAL_SNIPPETS = {"publications.ReminderRule", "publications.SeriesReviewForm"}


def project_models():
    return [model for model in apps.get_models()
            if model._meta.app_label in PROJECT_APPS and not model._meta.abstract]


def own_field_names(model):
    names = {field.field_name for field in get_translatable_fields(model)}
    # wagtail-localize skips many-to-many fields (topics, say) unless they are declared.
    names |= {field.name for field in model._meta.get_fields()
              if isinstance(field, models.ManyToManyField)}
    return names - INHERITED


def test_every_public_page_type_and_snippet_is_translatable():
    public = [model for model in project_models()
              if issubclass(model, Page) and model is not Page]
    public += [model for model in get_snippet_models()
               if model._meta.app_label in PROJECT_APPS
               and model._meta.label not in INTERNAL_SNIPPETS]
    # The snippets the public sees, whether or not their admin is registered yet.
    public += [apps.get_model(label) for label in
               ("home.Person", "home.Partner", "publications.Series", "translation.SiteText")]
    for model in public:
        assert issubclass(model, TranslatableMixin), f"{model.__name__} is not translatable"
    names = {model.__name__ for model in public}
    assert {"HomePage", "StandardPage", "TopicIndexPage", "TopicPage", "ContactPage"} <= names


@pytest.mark.parametrize(
    "model",
    [m for m in project_models() if issubclass(m, TranslatableMixin)],
    ids=lambda model: model._meta.label,
)
def test_each_field_is_marked_translatable_or_synchronised(model):
    declared = {field.field_name for field in getattr(model, "override_translatable_fields", [])}
    missing = own_field_names(model) - declared
    assert not missing, (
        f"{model._meta.label}: mark {sorted(missing)} as TranslatableField or "
        "SynchronizedField(…, overridable=…) in override_translatable_fields"
    )


@pytest.mark.parametrize(
    "label, field_name",
    [
        ("home.Person", "orcid"),
        ("home.Person", "slug"),
        ("home.Partner", "partner_type"),
        ("publications.Series", "issn"),
        ("publications.Series", "slug"),
        ("publications.Series", "review_anonymity"),
        ("publications.PublicationPage", "doi"),
        ("publications.PublicationPage", "isbn"),
        ("publications.PublicationPage", "series_number"),
        ("publications.PublicationPage", "publication_date"),
    ],
)
def test_identifiers_and_numbers_are_synchronised_and_locked(label, field_name):
    model = apps.get_model(label)
    field = {f.field_name: f for f in get_translatable_fields(model)}[field_name]
    assert isinstance(field, SynchronizedField)
    assert not field.overridable


@pytest.mark.parametrize(
    "label, field_name",
    [("home.HomePage", "hero_image"), ("home.Person", "photo"), ("home.Partner", "logo"),
     # A translation links the original's PDF until it has a translated full text of its own.
     ("publications.PublicationPage", "pdf")],
)
def test_images_are_synchronised_but_a_locale_may_override_them(label, field_name):
    model = apps.get_model(label)
    field = {f.field_name: f for f in get_translatable_fields(model)}[field_name]
    assert isinstance(field, SynchronizedField) and field.overridable


def test_site_settings_text_lives_in_a_translatable_snippet():
    # Site settings are one row per site; their words (footer, cookie notice) are in SiteText.
    site_text = apps.get_model("translation.SiteText")
    translated = {f.field_name for f in get_translatable_fields(site_text)
                  if not isinstance(f, SynchronizedField)}
    assert {"footer_text", "cookie_notice_title", "cookie_notice_text"} <= translated
    for model in project_models():
        if issubclass(model, BaseSiteSetting):
            assert not issubclass(model, TranslatableMixin)
