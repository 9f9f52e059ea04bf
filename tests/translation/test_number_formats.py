"""Counts a visitor reads are grouped as their language groups digits: 1,234 in English,
1 234 in French (a no-break space), 1.234 in German; Django's Arabic format groups none.
Identifiers and page numbers in addresses are never grouped (cms/settings/base.py says why)."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.paginator import Paginator
from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils import translation

GROUPED = {"en": "1,234,567", "fr": "1\xa0234\xa0567", "de": "1.234.567", "ar": "1234567"}
PUBLICATIONS = {"en": "publications", "fr": "publications", "de": "Publikationen", "ar": "منشور"}


def render(source, language, **context):
    with translation.override(language):
        return Template("{% load i18n humanize %}" + source).render(Context(context))


@pytest.mark.parametrize("language", list(GROUPED))
def test_a_count_sentence_groups_its_number_in_each_language(language):
    # The sentence as publications/publication_index_page.html writes it, with its catalogue.
    text = render(
        "{% blocktranslate count counter=n with number=n|intcomma %}{{ number }} publication"
        "{% plural %}{{ number }} publications{% endblocktranslate %}", language, n=1234567)
    assert GROUPED[language] in text and PUBLICATIONS[language] in text


@pytest.mark.parametrize("language", list(GROUPED))
def test_fees_and_page_numbers_are_grouped_but_page_links_are_not(language):
    fee = render('{{ amount|floatformat:"-2g" }}', language, amount=1234567)
    assert fee == GROUPED[language]
    paged = Paginator(range(1234567), 1).page(1000)
    with translation.override(language):
        html = render_to_string("includes/pagination.html", {"paged": paged})
    assert GROUPED[language] in html  # "Page 1,000 of 1,234,567"
    assert "page=1001" in html and "page=999" in html


def test_numbers_are_not_grouped_site_wide():
    """Grouping everywhere would put "1,234" into ids in addresses, ``?page=`` links and the
    OAI-PMH and Crossref XML."""
    assert not settings.USE_THOUSAND_SEPARATOR
    with translation.override("en"):
        assert Template("{{ pk }}").render(Context({"pk": 12345})) == "12345"


def test_no_public_template_shows_a_count_ungrouped():
    """Every count sentence a visitor reads shows ``number`` (grouped with intcomma), not the
    raw ``counter`` that only chooses the plural form. The admin's own screens are left out."""
    base = Path(settings.BASE_DIR)
    offenders = [
        str(path.relative_to(base)) for path in base.glob("*/templates/**/*.html")
        if "/admin/" not in str(path) and "{{ counter }}" in path.read_text()
    ]
    assert offenders == []
