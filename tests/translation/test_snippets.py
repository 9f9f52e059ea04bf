"""Translators translate snippets (site text, people, partners, series) into their locales only."""

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation

from translation import demo
from translation.models import SiteText

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_texts(locales):
    demo.load_site_text()
    return {code: SiteText.objects.get(key="main", locale=locale)
            for code, locale in locales.items()}


def edit_url(instance):
    return reverse("wagtailsnippets_translation_sitetext:edit", args=[instance.pk])


def test_translator_opens_the_translation_editor_for_their_locale(client, site_texts,
                                                                  translator_fr):
    client.login(username=translator_fr.username, password=PASSWORD)
    response = client.get(edit_url(site_texts["fr"]))
    assert response.status_code == 200
    assert "js-translation-editor" in response.content.decode()


def test_translator_cannot_touch_other_locales_or_the_source(client, site_texts, translator_fr,
                                                             locales):
    client.login(username=translator_fr.username, password=PASSWORD)
    for code in ("de", "en", "ar"):
        response = client.get(edit_url(site_texts[code]))
        assert response.status_code in (302, 403), code
        assert "js-translation-editor" not in response.content.decode()

    response = client.post(edit_url(site_texts["en"]), {"key": "main", "footer_text": "Hacked"})
    assert response.status_code in (302, 403)
    assert SiteText.objects.get(pk=site_texts["en"].pk).footer_text != "Hacked"

    german = Translation.objects.get(source__object_id=site_texts["en"].translation_key,
                                     target_locale=locales["de"])
    segment = german.source.stringsegment_set.first()
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[german.pk, segment.pk]),
        data="value=Gehackt", content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 403
    assert not StringTranslation.objects.filter(data="Gehackt").exists()
    response = client.get(reverse("wagtail_localize:download_pofile", args=[german.pk]))
    assert response.status_code in (302, 403)


def test_editors_keep_every_locale(client, site_texts, editor):
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="change_sitetext"))
    client.login(username=editor.username, password=PASSWORD)
    assert client.get(edit_url(site_texts["de"])).status_code == 200
    assert Locale.objects.count() == 4
