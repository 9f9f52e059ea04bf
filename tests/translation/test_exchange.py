"""External translators work with PO files; machine translation fills in drafts."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail_localize.models import StringTranslation

from .conftest import PASSWORD, submit_for_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def fr_translation(site_tree, locales):
    from wagtail_localize.models import Translation

    submit_for_translation(site_tree["about"], locales["fr"])
    return Translation.objects.get(source__object_id=site_tree["about"].translation_key,
                                   target_locale=locales["fr"])


def test_translator_exports_a_po_file_translates_it_offline_and_imports_it(
    client, fr_translation, locales, translator_fr
):
    client.login(username=translator_fr.username, password=PASSWORD)
    response = client.get(reverse("wagtail_localize:download_pofile", args=[fr_translation.pk]))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    po = polib.pofile(response.content.decode())
    msgids = {entry.msgid for entry in po}
    assert {"About the network", "An open network since 2013."} <= msgids

    # The external translator fills in every entry...
    for entry in po:
        entry.msgstr = f"(fr) {entry.msgid}"
    upload = SimpleUploadedFile("about-fr.po", str(po).encode(), content_type="text/x-gettext")
    edit_url = reverse("wagtailadmin_pages:edit",
                       args=[fr_translation.get_target_instance().pk])
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[fr_translation.pk]),
        {"file": upload, "next": edit_url},
    )
    assert response.status_code == 302
    assert response["Location"] == edit_url

    # ...and every string is now translated in the editor.
    total, translated = fr_translation.get_progress()
    assert total == translated > 0
    assert StringTranslation.objects.filter(locale=locales["fr"],
                                            data="(fr) About the network").exists()


def test_a_po_file_for_another_translation_or_garbage_is_refused_clearly(
    client, fr_translation, translator_fr
):
    client.login(username=translator_fr.username, password=PASSWORD)
    url = reverse("wagtail_localize:upload_pofile", args=[fr_translation.pk])
    foreign = polib.POFile()
    foreign.metadata = {"X-WagtailLocalize-TranslationID": "00000000-0000-0000-0000-000000000000"}
    foreign.append(polib.POEntry(msgid="About the network", msgstr="Pirate"))
    for payload in (str(foreign).encode(), b"\xff\xfe not a po file", b'msgid "x"\nmsgstr "y"\n'):
        response = client.post(url, {"file": SimpleUploadedFile("x.po", payload)}, follow=True)
        assert response.status_code in (200, 400)
        assert not StringTranslation.objects.filter(data="Pirate").exists()
    # No file at all is a 400 with a message, not a server error.
    response = client.post(url, {})
    assert response.status_code == 400
    assert fr_translation.get_progress()[1] == 0


def test_translators_cannot_download_or_upload_another_locales_po_file(
    client, site_tree, locales, translator_de, fr_translation
):
    client.login(username=translator_de.username, password=PASSWORD)
    response = client.get(reverse("wagtail_localize:download_pofile", args=[fr_translation.pk]))
    assert response.status_code in (302, 403)
    assert "msgid" not in response.content.decode()


def test_machine_translation_fills_in_untranslated_strings(client, fr_translation, translator_fr):
    client.login(username=translator_fr.username, password=PASSWORD)
    response = client.post(
        reverse("wagtail_localize:machine_translate", args=[fr_translation.pk]),
        {"next": "/admin/"},
    )
    assert response.status_code == 302
    total, translated = fr_translation.get_progress()
    assert total == translated > 0
    # wagtail-localize's dummy translator (configured for tests) reverses the words.
    assert StringTranslation.objects.filter(data="network the About").exists()


def test_machine_translator_is_deepl_when_a_key_is_set(monkeypatch):
    import importlib

    from cms import env
    from cms.settings import base

    monkeypatch.setattr(env, "DEEPL_API_KEY", "test-key")
    try:
        reloaded = importlib.reload(base)
        assert reloaded.WAGTAILLOCALIZE_MACHINE_TRANSLATOR["CLASS"].endswith("DeepLTranslator")
        assert reloaded.WAGTAILLOCALIZE_MACHINE_TRANSLATOR["OPTIONS"]["AUTH_KEY"] == "test-key"
    finally:
        monkeypatch.undo()
        importlib.reload(base)
    assert base.WAGTAILLOCALIZE_MACHINE_TRANSLATOR is None
