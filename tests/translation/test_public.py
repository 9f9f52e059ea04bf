"""What visitors see in their language: localised dates, translated site text."""

import datetime

import pytest
from django.utils import timezone
from django.utils.translation import override
from wagtail.models import Page

from home.factories import site_home
from translation.models import SiteText

from .conftest import translate_and_publish

pytestmark = pytest.mark.django_db


def test_a_german_visitor_sees_german_dates_and_strings(client, site_tree, locales,
                                                       compiled_catalogues):
    translate_and_publish(site_tree["home"], locales["de"])
    about_de = translate_and_publish(site_tree["about"], locales["de"])
    published = timezone.make_aware(datetime.datetime(2026, 3, 5, 12, 0))
    Page.objects.filter(pk__in=[about_de.pk, site_tree["about"].pk]).update(
        last_published_at=published
    )

    german = client.get(about_de.url).content.decode()
    assert 'lang="de"' in german
    assert "Zuletzt aktualisiert" in german and "5. März 2026" in german
    assert "Zum Hauptinhalt springen" in german and "Skip to main content" not in german
    english = client.get(site_tree["about"].url).content.decode()
    assert "Last updated" in english and "March 5, 2026" in english


def test_footer_and_cookie_notice_text_come_in_the_visitors_language(client, site_tree, locales):
    from translation import demo

    demo.load_site_text()
    about_fr = translate_and_publish(site_tree["about"], locales["fr"])
    html = client.get(about_fr.url).content.decode()
    assert "Vos choix en matière de cookies" in html
    assert "Un réseau ouvert où société civile" in html
    # German has its own; a locale without site text falls back to English.
    SiteText.objects.filter(locale=locales["de"]).delete()
    about_de = translate_and_publish(site_tree["about"], locales["de"])
    html = client.get(about_de.url).content.decode()
    assert "Your choice of cookies" in html


def test_arabic_pages_are_right_to_left(client, site_tree, locales):
    translate_and_publish(site_tree["home"], locales["ar"])
    about_ar = translate_and_publish(site_tree["about"], locales["ar"])
    html = client.get(about_ar.url).content.decode()
    assert 'lang="ar"' in html and 'dir="rtl"' in html


def test_site_text_follows_the_visitors_language_and_falls_back_to_english(locales):
    from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

    english = SiteText.objects.create(
        locale=locales["en"], footer_text="<p>An open network.</p>",
        cookie_notice_title="Cookies", cookie_notice_text="<p>We ask first.</p>",
    )
    source, _created = TranslationSource.get_or_create_from_instance(english)
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        StringTranslation.objects.create(
            translation_of=segment.string, locale=locales["fr"], context=segment.context,
            data={"Cookies": "Témoins", "We ask first.": "Nous demandons d’abord.",
                  "An open network.": "Un réseau ouvert."}[segment.string.data],
        )
    source.create_or_update_translation(locales["fr"])

    with override("fr"):
        french = SiteText.objects.filter(key="main").for_language()
    assert french.locale == locales["fr"]
    assert french.cookie_notice_title == "Témoins"
    assert "Un réseau ouvert." in french.footer_text
    with override("de"):
        assert SiteText.objects.filter(key="main").for_language() == english



def test_previews_of_an_arabic_translation_are_right_to_left(client, site_tree, locales):
    from django.urls import reverse
    from wagtail_localize.models import Translation

    from translation.moderation import submit_translation_for_moderation

    from .conftest import PASSWORD, make_user, submit_for_translation, translate_strings

    translate_and_publish(site_tree["home"], locales["ar"])
    about_ar = submit_for_translation(site_tree["about"], locales["ar"])
    translate_strings(site_tree["about"], locales["ar"], lambda text: f"عربي {text}")
    translator = make_user("translator-ar", "Translators", "Translators (ar)")
    moderator = make_user("moderator", "Moderators")

    # The translator's preview in the translation editor...
    client.login(username=translator.username, password=PASSWORD)
    translation = Translation.objects.get(source__object_id=about_ar.translation_key,
                                          target_locale=locales["ar"])
    response = client.get(reverse("wagtail_localize:preview_translation", args=[translation.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'dir="rtl"' in html and "عربي About the network" in html

    # ...and the moderator's preview of the revision under review.
    state = submit_translation_for_moderation(about_ar, translator)
    client.logout()
    client.login(username=moderator.username, password=PASSWORD)
    response = client.get(reverse("wagtailadmin_pages:workflow_preview",
                                  args=[about_ar.pk, state.current_task_state.task_id]))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'lang="ar"' in html and 'dir="rtl"' in html and "عربي An open network" in html


def test_hreflang_switcher_and_sitemap_list_only_live_translations(client, site_tree, locales):
    from .conftest import submit_for_translation

    translate_and_publish(site_tree["home"], locales["fr"])
    translate_and_publish(site_tree["home"], locales["de"])
    about_fr = translate_and_publish(site_tree["about"], locales["fr"])
    about_de = submit_for_translation(site_tree["about"], locales["de"])  # a draft, not live
    assert not about_de.live

    import re

    english = client.get(site_tree["about"].url).content.decode()
    assert re.search(rf'rel="alternate" hreflang="fr" href="[^"]*{about_fr.url}"', english)
    assert 'hreflang="de"' not in english
    assert "Not yet translated into:" in english  # the switcher says so instead of linking

    assert "/sitemap-pages-1.xml" in client.get("/sitemap.xml").content.decode()
    sitemap = client.get("/sitemap-pages-1.xml").content.decode()
    assert about_fr.url in sitemap
    assert "/de/" in sitemap  # the German home page is live...
    assert f"/de/{about_de.slug}/" not in sitemap  # ...its draft about page is not listed


def test_the_cookie_notice_text_in_site_settings_is_only_a_fallback_and_says_so(
    client, site_tree, locales
):
    from wagtail.models import Site

    from home.models import SiteSettings
    from translation import demo

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.cookie_notice_text = "Settings text, in one language."
    site_settings.save()
    # No site text yet: the settings' text is what the notice shows, in every language.
    assert "Settings text, in one language." in client.get(site_tree["about"].url).content.decode()

    # With site text, the translatable site text wins, as the field's help says.
    demo.load_site_text()
    html = client.get(site_tree["about"].url).content.decode()
    assert "The site needs a few cookies to work." in html
    assert "Settings text, in one language." not in html
    help_text = str(SiteSettings._meta.get_field("cookie_notice_text").help_text)
    assert "Shown only when the site text" in help_text
    assert "Replaces" not in help_text


@pytest.mark.parametrize("code, label, account_label", [
    # The author portal's "Register" opens an account; a course's registration link signs up.
    ("ar", "سجّل الآن", "إنشاء حساب"),
    ("de", "Jetzt anmelden", "Registrieren"),
])
def test_a_course_page_invites_visitors_to_sign_up_not_to_open_an_account(
        client, locales, compiled_catalogues, code, label, account_label):
    from bs4 import BeautifulSoup

    from lectures import factories

    year = timezone.now().year + 1
    index = factories.lecture_index(site_home())
    course = factories.event(
        index, "Coordination course", "training", datetime.datetime(year, 5, 4, 9, 0),
        registration_url="https://forms.example.org/course",
    )
    site_home(code)
    translated = course.copy_for_translation(locales[code], copy_parents=True)
    translated.save_revision().publish()

    html = client.get(translated.url).content.decode()
    button = BeautifulSoup(html, "html.parser").find("a", href="https://forms.example.org/course")
    assert button.get_text(strip=True) == label != account_label


def test_an_arabic_visitor_reads_lecture_times_with_the_arabic_comma(locales, compiled_catalogues):
    from lectures import factories
    from lectures.templatetags.lectures_tags import entry_when

    index = factories.lecture_index(site_home())
    lecture = factories.lecture(index, "Evening talk", when=datetime.datetime(2026, 9, 15, 18, 0),
                                end_time=datetime.time(19, 30))
    symposium = factories.event(
        index, "Two days", "symposium", datetime.datetime(2026, 9, 18, 9, 30),
        end_date=datetime.date(2026, 9, 19), end_time=datetime.time(12, 30),
    )
    with override("ar"):
        talk, two_days = entry_when(lecture), entry_when(symposium)
    assert ">15 سبتمبر، 2026، 18:00–19:30 CEST<" in talk
    assert ">18 سبتمبر، 2026، 09:30 – 19 سبتمبر، 2026، 12:30 CEST<" in two_days
    with override("de"):
        assert ">15. September 2026, 18:00–19:30 CEST<" in entry_when(lecture)
