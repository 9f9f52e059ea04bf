"""Form widgets of the public site."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe


class QuickSelect(forms.Select):
    """A ``<select>`` built in Python, with the same HTML as Django's ``Select``.

    Django renders every ``<option>`` through its own template, from a dictionary of context per
    option; the archive filters list every author, speaker and topic, and at a few hundred
    options that work was the largest part of the index pages' server time (benchmarks,
    N=5000). This walks the choices once and writes the options directly.
    """

    def render(self, name, value, attrs=None, renderer=None):
        selected_values = set(self.format_value(value))
        has_selected = False

        def option(option_value, label):
            nonlocal has_selected
            option_value = "" if option_value is None else str(option_value)
            # As Django: a single select marks only the first matching option.
            selected = (not has_selected or self.allow_multiple_selected) and (
                option_value in selected_values)
            has_selected |= selected
            return (f'<option value="{escape(option_value)}"{" selected" if selected else ""}>'
                    f"{escape(label)}</option>")

        attrs = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            attrs["multiple"] = True
        parts = [format_html('<select name="{}"{}>', name, flatatt(attrs))]
        for group_value, label in self.choices:
            if isinstance(label, (list, tuple)):
                if group_value:
                    parts.append(format_html('<optgroup label="{}">', group_value))
                parts.extend(option(v, sub_label) for v, sub_label in label)
                if group_value:
                    parts.append("</optgroup>")
            else:
                parts.append(option(group_value, label))
        parts.append("</select>")
        return mark_safe("".join(parts))
