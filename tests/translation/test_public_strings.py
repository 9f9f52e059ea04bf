"""No public page in French, German or Arabic shows a template string that its catalogue lacks.

With the whole demo loaded (shared, tests/conftest.py), every live page in each target locale is rendered while Django's
translation lookups are watched: any string looked up in that language and not found in the
compiled catalogues is recorded, with the page it appeared on.
"""

import pytest
from django.conf import settings
from django.utils.translation import trans_real
from wagtail.models import Locale, Page

TARGETS = ["fr", "de", "ar"]
# Language names are shown in their own language everywhere ("Deutsch" on the French site too),
# so {% get_available_languages %} looking them up finds nothing, on purpose.
ENDONYMS = {name for _code, name in settings.LANGUAGES}


@pytest.fixture
def missing_strings(monkeypatch):
    """Records (language, string) for every lookup the active catalogue cannot answer."""
    misses = []
    gettext, ngettext = trans_real.DjangoTranslation.gettext, trans_real.DjangoTranslation.ngettext

    def watched_gettext(self, message):
        if (self.language() in TARGETS and message and message not in ENDONYMS
                and message not in self._catalog):
            misses.append((self.language(), message.split(trans_real.CONTEXT_SEPARATOR)[-1]))
        return gettext(self, message)

    def watched_ngettext(self, singular, plural, number):
        if self.language() in TARGETS and (singular, 0) not in self._catalog:
            misses.append((self.language(), singular))
        return ngettext(self, singular, plural, number)

    monkeypatch.setattr(trans_real.DjangoTranslation, "gettext", watched_gettext)
    monkeypatch.setattr(trans_real.DjangoTranslation, "ngettext", watched_ngettext)
    return misses


@pytest.mark.django_db
def test_no_public_page_shows_an_untranslated_template_string(
    client, full_demo, compiled_catalogues, missing_strings
):
    pages = Page.objects.live().public().filter(
        locale__in=Locale.objects.filter(language_code__in=TARGETS), depth__gt=1
    ).specific()
    assert pages, "the demo has no live translated pages"
    seen = []
    for page in pages:
        before = len(missing_strings)
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        seen += [(page.url, language, text) for language, text in missing_strings[before:]]
    for code in TARGETS:
        before = len(missing_strings)
        client.get(f"/{code}/no-such-page/")
        seen += [(f"/{code}/404", language, text) for language, text in missing_strings[before:]]
    unique = sorted(set(seen))
    assert not unique, "untranslated strings on public pages:\n  " + "\n  ".join(
        f"{url} [{language}] {text!r}" for url, language, text in unique[:40]
    )
