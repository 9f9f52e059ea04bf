"""JSON-LD in a page: the one way to put structured data into a <script> element."""

import json

from django.utils.safestring import mark_safe

# As Django's json_script escapes: once these are JSON unicode escapes, no text can close the
# script element or open an HTML comment inside it.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld_script(data):
    """A <script type="application/ld+json"> element holding ``data`` (JSON-serialisable; dates
    and lazy strings become their text)."""
    text = json.dumps(data, ensure_ascii=False, default=str).translate(_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # escaped above
