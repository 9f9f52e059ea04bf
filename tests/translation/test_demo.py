import pytest
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from wagtail.models import Locale

from translation import demo
from translation.models import SiteText

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_gives_the_translator_french_and_german(locales):
    demo.load(BaseCommand())
    counts = (SiteText.objects.count(), Group.objects.count())
    demo.load(BaseCommand())
    assert (SiteText.objects.count(), Group.objects.count()) == counts == (4, counts[1])

    from home.demo_users import ensure_demo_users

    translator = ensure_demo_users()["translator"]
    names = set(translator.groups.values_list("name", flat=True))
    assert names == {"Translators", "Translators (fr)", "Translators (de)"}

    arabic = SiteText.objects.get(key="main", locale=Locale.objects.get(language_code="ar"))
    assert arabic.cookie_notice_title == "اختيارك لملفات تعريف الارتباط"
