"""A small English site with French, German and Arabic locales, the roles that work on it, and
helpers to translate pages through wagtail-localize as an editor would."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import TestCase
from django.utils.translation import trans_real
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from cms.factories import SuperuserFactory, UserFactory
from home.factories import HomePageFactory, StandardPageFactory

PASSWORD = "jcmi-test-pass"


def make_user(username, *groups, superuser=False):
    factory = SuperuserFactory if superuser else UserFactory
    return factory(username=username, password=PASSWORD, groups=groups)


@pytest.fixture
def locales(db):
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def site_tree(locales):
    """en home → about → principles, and home → topics-like section "education"."""
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    root.refresh_from_db()
    home = HomePageFactory(
        parent=root, title="Home", slug="home", hero_title="Working together in crises",
        hero_text="Civil and military actors learn from each other.", locale=locales["en"],
    )
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home,
                                        "site_name": "JCMI"},
    )
    about = StandardPageFactory(
        parent=home, title="About the network", slug="about", intro="An open network since 2013.",
        body=[("paragraph", "<p>Scholars and practitioners meet here.</p>")],
    )
    principles = StandardPageFactory(parent=about, title="Principles", slug="principles",
                                     intro="Nine principles guide the work.")
    education = StandardPageFactory(parent=home, title="Education", slug="education",
                                    intro="Courses and classes.")
    for page in (home, about, principles, education):
        page.save_revision().publish()
    return {"home": home, "about": about, "principles": principles, "education": education}


@pytest.fixture
def editor(db):
    return make_user("editor", "Editors")


@pytest.fixture
def moderator(db):
    return make_user("moderator", "Moderators")


@pytest.fixture
def translator_fr(db):
    return make_user("translator-fr", "Translators", "Translators (fr)")


@pytest.fixture
def translator_de(db):
    return make_user("translator-de", "Translators", "Translators (de)")


def submit_for_translation(page, locale, user=None):
    """What an editor's "Translate this page" does: a draft copy in the target locale."""
    TranslationCreator(user, [locale]).create_translations(page)
    return page.get_translation(locale).specific


def translate_strings(page, locale, translate=lambda text: f"[{text}]", only=None):
    """Enter translations for the page's strings, as a translator does in the editor."""
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale
    )
    segments = StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    )
    for segment in segments:
        if only is not None and segment.context.path not in only:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string, locale=locale, context=segment.context,
            defaults={"data": translate(segment.string.data)},
        )
    return translation


def translate_and_publish(page, locale, translate=lambda text: f"[{text}]"):
    submit_for_translation(page, locale)
    translation = translate_strings(page, locale, translate)
    with on_commit():
        translation.save_target(publish=True)
    return page.get_translation(locale).specific


def on_commit():
    """Run on-commit callbacks inside the test transaction: wagtail-localize publishes in them."""
    return TestCase.captureOnCommitCallbacks(execute=True)


@pytest.fixture
def compiled_catalogues():
    """The project's .po catalogues compiled, as `make` does before serving or testing."""
    cwd = Path.cwd()
    os.chdir(Path(settings.BASE_DIR) / "locale")
    try:
        call_command("compilemessages", locale=["fr", "de", "ar"], verbosity=0)
    finally:
        os.chdir(cwd)
    trans_real._translations.clear()
    trans_real._default = None
    yield
    trans_real._translations.clear()
    trans_real._default = None
