"""The demo's accordions, do's and don'ts and tables are translated like the rest of their pages.

Their items used to be saved without ids and tables were not offered to wagtail-localize at all,
so French, German and Arabic visitors read them in English, unmarked."""

import html
import re

import pytest
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from cms.blocks import TranslatableTableBlock
from home.demo.block_translations import STRINGS
from home.models import StandardPage

pytestmark = pytest.mark.django_db

PAGES = ["goals", "cmi-principles", "dos-and-donts", "nato-cmi-and-un-cmcoord",
         "assessment-models"]
LISTS_AND_TABLES = {"accordion", "dos_and_donts", "table"}


def block_strings(page):
    """{block id: the English strings of the page's accordions, lists and tables}."""
    found = {}
    for block in page.body:
        if block.block_type not in LISTS_AND_TABLES:
            continue
        value = block.value
        if block.block_type == "accordion":
            texts = [text for item in value["items"]
                     for text in (item["title"], re.sub(r"<[^>]+>", "", item["body"].source))]
        elif block.block_type == "dos_and_donts":
            texts = [*value["dos"], *value["donts"]]
        else:
            texts = [value["table_caption"], *(cell for row in value["data"] for cell in row)]
        found[block.id] = [text for text in texts if text]
    return found


def visible_text(response):
    main = response.content.decode().split("<main", 1)[1].split("</main>", 1)[0]
    return html.unescape(re.sub(r"<[^>]+>", " ", main))


@pytest.mark.parametrize("slug", PAGES)
def test_lists_and_tables_are_offered_to_translators(demo_site, slug):
    english = StandardPage.objects.get(locale__language_code="en", slug=slug)
    strings = block_strings(english)
    assert strings, f"{slug} has no accordion, list or table"
    source = TranslationSource.objects.get_for_instance(english)
    segments = {}
    for segment in source.stringsegment_set.select_related("string", "context"):
        field, _dot, rest = segment.context.path.partition(".")
        if field == "body":
            segments.setdefault(rest.split(".")[0], []).append(segment.string.data)
    for block_id, texts in strings.items():
        offered = [html.unescape(text) for text in segments.get(block_id, [])]
        assert set(texts) <= set(offered), f"{slug}: not offered: {set(texts) - set(offered)}"


@pytest.mark.parametrize("language", ["fr", "de", "ar"])
def test_no_english_is_left_in_translated_lists_and_tables(client, demo_site, language):
    for slug in PAGES:
        english = StandardPage.objects.get(locale__language_code="en", slug=slug)
        translated = english.get_translation(Locale.objects.get(language_code=language))
        response = client.get(translated.url)
        assert response.status_code == 200
        text = visible_text(response)
        for texts in block_strings(english).values():
            for source in texts:
                if STRINGS[source][("fr", "de", "ar").index(language)] == source:
                    continue  # an acronym kept as it is (PMESII, UN-CMCoord)
                assert source not in text, f"{translated.url} shows in English: {source!r}"


def test_a_table_gives_its_caption_and_cells_and_takes_their_translations():
    block = TranslatableTableBlock()
    value = {"table_caption": "Fees", "first_row_is_table_header": True,
             "first_col_is_header": False,
             "data": [["Who", "Fee"], ["NGO staff", None], ["", "<b>€ 300</b>"]]}
    segments = block.get_translatable_segments(value)
    assert {segment.path: segment.render_text() for segment in segments} == {
        "caption": "Fees", "r0c0": "Who", "r0c1": "Fee", "r1c0": "NGO staff",
        "r2c1": "<b>€ 300</b>",
    }
    french = {"Fees": "Tarifs", "Who": "Qui", "Fee": "Tarif", "NGO staff": "Personnel d'ONG",
              "<b>€ 300</b>": "<b>300 €</b>"}
    for segment in segments:
        segment.string = segment.string.__class__.from_plaintext(french[segment.render_text()])
    restored = block.restore_translated_segments(value, segments)
    assert restored["table_caption"] == "Tarifs"
    assert restored["data"] == [["Qui", "Tarif"], ["Personnel d'ONG", None], ["", "<b>300 €</b>"]]
    # The source's value is left as it was.
    assert value["data"][0] == ["Who", "Fee"]
