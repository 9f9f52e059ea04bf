from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Locale

from publications.widgets import SuggestedTextInput


class PublicationPageForm(WagtailAdminPageForm):
    """Offers only the topics of the publication's own language, and suggests a DOI from the
    series' pattern while the DOI field is empty."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "topics" in self.fields:
            from home.models import TopicPage

            locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
            self.fields["topics"].queryset = TopicPage.objects.filter(
                locale_id=locale_id
            ).order_by("title")
        if "doi" in self.fields:
            self._suggest_doi()

    def _suggest_doi(self):
        """The DOI the series' pattern gives this work (prefix, series code, number), as the
        field's suggestion, when the work has none yet. Only the original is registered with
        Crossref: a translation keeps the original's DOI, so it gets no suggestion."""
        suggestion = self.suggested_doi()
        if not suggestion:
            return
        field = self.fields["doi"]
        field.widget = SuggestedTextInput(attrs={**field.widget.attrs, "placeholder": suggestion},
                                          suggestions=[suggestion])
        field.help_text = _("Suggested from the series’ DOI pattern: %(doi)s. Register it with "
                            "Crossref before you publish it.") % {"doi": suggestion}

    def suggested_doi(self):
        if self.instance.doi:
            return ""
        parent = getattr(self, "parent_page", None)
        series = getattr(parent.specific, "series", None) if parent is not None else None
        if series is None:
            return ""
        locale_id = self.instance.locale_id or parent.locale_id
        if locale_id != Locale.get_default().pk:
            return ""
        number = self.instance.series_number or parent.specific.next_series_number()
        return series.suggested_doi(number)
