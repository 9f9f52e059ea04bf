import pytest
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from wagtail.models import Locale

from translation import demo
from translation.models import SiteText

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_gives_the_translator_every_target_language(locales):
    demo.load(BaseCommand())
    counts = (SiteText.objects.count(), Group.objects.count())
    demo.load(BaseCommand())
    assert (SiteText.objects.count(), Group.objects.count()) == counts == (4, counts[1])

    from home.demo.users import ensure_demo_users

    translator = ensure_demo_users()["translator"]
    names = set(translator.groups.values_list("name", flat=True))
    assert names == {"Translators", "Translators (fr)", "Translators (de)", "Translators (ar)"}

    arabic = SiteText.objects.get(key="main", locale=Locale.objects.get(language_code="ar"))
    assert arabic.cookie_notice_title == "اختيارك لملفات تعريف الارتباط"


def test_reloading_the_demo_keeps_what_editors_and_translators_changed_in_the_site_text(locales):
    """`make run` loads the demo at every start; the footer people edited must survive it."""
    from wagtail_localize.models import StringTranslation, TranslationLog

    english = demo.load_site_text()
    english.footer_text = "<p>Edited by the editors.</p>"
    english.save()
    french = SiteText.objects.get(key="main", locale=locales["fr"])
    french.cookie_notice_title = "Titre revu par la traductrice"
    french.save()
    StringTranslation.objects.filter(locale=locales["fr"]).update(data="Revu")
    logs = TranslationLog.objects.count()

    demo.load(BaseCommand())

    english.refresh_from_db()
    french.refresh_from_db()
    assert english.footer_text == "<p>Edited by the editors.</p>"
    assert french.cookie_notice_title == "Titre revu par la traductrice"
    assert set(StringTranslation.objects.filter(locale=locales["fr"]).values_list("data", flat=True)) == {"Revu"}
    assert TranslationLog.objects.count() == logs
