"""Form widgets of the public site."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe


class QuickSelect(forms.Select):
    """A ``<select>`` built in Python, with the same HTML as Django's ``Select``.

    Django renders every ``<option>`` through its own template; the archive filters list every
    author, speaker and topic, and at a few hundred options that template work was half of the
    publications index page's server time (benchmarks, N=5000).
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [format_html('<select name="{}"{}>', widget["name"], flatatt(widget["attrs"]))]
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(format_html('<optgroup label="{}">', group_name))
            for option in options:
                value = "" if option["value"] is None else option["value"]
                parts.append(f'<option value="{escape(value)}"{flatatt(option["attrs"])}>'
                             f'{escape(option["label"])}</option>')
            if group_name:
                parts.append("</optgroup>")
        parts.append("</select>")
        return mark_safe("".join(parts))
