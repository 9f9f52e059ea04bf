"""Admin widgets of the publications app."""

from django import forms


class SuggestedTextInput(forms.TextInput):
    """A text input that offers values the editor may pick (a <datalist>, which browsers show
    as the field's suggestions): a suggestion, never a value filled in behind their back."""

    template_name = "publications/widgets/suggested_text_input.html"

    def __init__(self, attrs=None, suggestions=()):
        super().__init__(attrs)
        self.suggestions = list(suggestions)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if self.suggestions:
            list_id = f"{context['widget']['attrs'].get('id') or name}-suggestions"
            context["widget"]["attrs"]["list"] = list_id
            context["widget"]["suggestions"] = self.suggestions
            context["widget"]["list_id"] = list_id
        return context
