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


class StartTranslationForm(forms.Form):
    locale = forms.ModelChoiceField(
        queryset=Locale.objects.none(), to_field_name="language_code",
        error_messages={"invalid_choice": _("Choose a language to translate into."),
                        "required": _("Choose a language to translate into.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["locale"].queryset = target_locales()


class ReviewTranslationForm(forms.Form):
    """A moderator's decision on a translation, taken in the translation editor."""

    action = forms.ChoiceField(choices=[("approve", _("Approve")),
                                        ("reject", _("Request changes"))])
    # The review step the moderator saw: the decision applies to that step only.
    task_state = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    comment = forms.CharField(
        label=_("Comment"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you ask for changes: the translator reads it in the editor."),
    )


__all__ = ["ReviewTranslationForm", "StartTranslationForm", "SubmitSectionForm", "section_choices"]
