from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationConfig(AppConfig):
    """The translation workflow built on wagtail-localize: translator rights per locale, the
    "submit for moderation" path from the translation editor, the status report, site text."""

    name = "translation"
    verbose_name = _("Translation workflow")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401 -- connects the locale-root permission handler
        from .patches import (
            keep_child_counts_after_translations_publish,
            limit_snippet_translation_to_own_locales,
            refuse_page_deletion_to_translators,
        )

        keep_child_counts_after_translations_publish()
        limit_snippet_translation_to_own_locales()
        refuse_page_deletion_to_translators()
