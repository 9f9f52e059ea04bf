"""The admin's words read well in all four admin languages: block labels are written, not derived
from Python names ("Dos and donts"), and buttons are proper phrases."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from cms.blocks import BodyBlock

pytestmark = pytest.mark.usefixtures("compiled_catalogues")


def test_every_body_block_has_a_written_label():
    for name, block in BodyBlock().child_blocks.items():
        assert block.meta.label or block.label != name.replace("_", " ").capitalize(), name


@pytest.mark.parametrize("code, label", [
    ("en", "Do's and don'ts"), ("fr", "À faire, à éviter"),
    ("de", "Was zu tun und zu lassen ist"), ("ar", "ما يُستحسن وما يُتجنَّب"),
])
def test_the_dos_and_donts_block_label(code, label):
    with translation.override(code):
        assert str(BodyBlock().child_blocks["dos_and_donts"].label) == label


@pytest.mark.parametrize("code", ["fr", "de", "ar"])
def test_body_block_labels_are_translated(code):
    with translation.override(code):
        labels = {name: str(block.label) for name, block in BodyBlock().child_blocks.items()}
    with translation.override("en"):
        english = {name: str(block.label) for name, block in BodyBlock().child_blocks.items()}
    # Words that are the same in English: "Image" and "Documents" in French, "Video" in German.
    same_word = {"fr": {"image", "documents"}, "de": {"embed"}, "ar": set()}[code]
    same = {name for name in labels if labels[name] == english[name]}
    assert same <= same_word, same


def test_the_french_video_button_says_what_it_does():
    with translation.override("fr"):
        label = gettext("Watch it on the host's website")
    assert label == "Regarder la vidéo sur le site de l'hébergeur"
