from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from .operations import section_choices
from .permissions import target_locales


class SectionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_admin_display_title()


class SubmitSectionForm(forms.Form):
    section = SectionChoiceField(
        label=_("Section"), queryset=Page.objects.none(),
        help_text=_("This page and every page under it."),
    )
    locales = forms.ModelMultipleChoiceField(
        label=_("Translate into"), queryset=Locale.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Sections may be top-level pages or the home page itself.
        self.fields["section"].queryset = Page.objects.filter(
            depth__in=[2, 3], locale=Locale.get_default()
        ).order_by("path")
        self.fields["locales"].queryset = target_locales()
        self.fields["locales"].label_from_instance = lambda locale: locale.get_display_name()


__all__ = ["SubmitSectionForm", "section_choices"]
