"""The one way to translate a page through wagtail-localize (translation/localize.py), and the
dated work-around for wagtail-localize#773 (translation/patches.py) it relies on."""

import pytest
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation

from translation.localize import MissingTranslation, translate_page

pytestmark = pytest.mark.django_db

FRENCH = {
    "About the network": "À propos du réseau",
    "An open network since 2013.": "Un réseau ouvert depuis 2013.",
    "Scholars and practitioners meet here.": "Chercheurs et praticiens s'y rencontrent.",
    "Principles": "Principes",
    "Nine principles guide the work.": "Neuf principes guident le travail.",
}


def test_a_section_and_its_child_translated_in_one_transaction_keep_their_tree(
    site_tree, locales, django_capture_on_commit_callbacks
):
    # wagtail-localize publishes on commit from the revisions made before the child existed:
    # without the patch the French section would say it has no children.
    with django_capture_on_commit_callbacks(execute=True):
        about = translate_page(site_tree["about"], locales["fr"], FRENCH)
        principles = translate_page(site_tree["principles"], locales["fr"], FRENCH)
    about = Page.objects.get(pk=about.pk)
    assert about.live and about.title == "À propos du réseau"
    assert about.numchild == 1
    assert list(about.get_children().live()) == [Page.objects.get(pk=principles.pk)]
    assert Page.find_problems() == ([], [], [], [], [])


def test_every_string_required_names_the_missing_ones_and_saves_nothing(site_tree, locales):
    with pytest.raises(MissingTranslation, match="Nine principles guide the work"):
        translate_page(site_tree["principles"], locales["de"], {"Principles": "Grundsätze"},
                       require_all=True)
    assert site_tree["principles"].get_translation_or_none(locales["de"]) is None
    assert not StringTranslation.objects.filter(locale=locales["de"]).exists()
    assert not Translation.objects.filter(target_locale=locales["de"]).exists()


def test_a_second_run_keeps_a_translators_edit_and_adds_only_what_was_missing(
    site_tree, locales, translator_fr, django_capture_on_commit_callbacks
):
    about = site_tree["about"]
    first = {"About the network": "À propos du réseau"}
    with django_capture_on_commit_callbacks(execute=True):
        translate_page(about, locales["fr"], first)
    edited = StringTranslation.objects.get(locale=locales["fr"], data="À propos du réseau")
    # As the translation editor saves a translator's change.
    edited.data, edited.last_translated_by = "Le réseau en bref", translator_fr
    edited.save()

    with django_capture_on_commit_callbacks(execute=True):
        again = translate_page(about, locales["fr"], FRENCH)
    # A translator changed a string: nothing goes live behind their back.
    assert again is None
    assert StringTranslation.objects.get(pk=edited.pk).data == "Le réseau en bref"
    assert StringTranslation.objects.filter(
        locale=locales["fr"], data="Un réseau ouvert depuis 2013.").exists()


def test_a_translation_made_by_hand_is_left_alone(site_tree, locales):
    french = site_tree["about"].copy_for_translation(locales["fr"], copy_parents=True)
    assert translate_page(site_tree["about"], locales["fr"], FRENCH) is None
    assert Page.objects.get(pk=french.pk).title == "About the network"
