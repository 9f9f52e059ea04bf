"""Demo content for the translation workflow: translator rights per locale and the site text
(footer, cookie notice) in every language, made through wagtail-localize so it stays linked to
its English source. Idempotent."""

from django.contrib.auth.models import Group
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from home.demo.users import ensure_demo_users

from ..models import SiteText
from ..permissions import sync_translator_permissions, translator_group_name

# The demo translator works into every target language, Arabic (right to left) included.
DEMO_TRANSLATOR_LOCALES = ["fr", "de", "ar"]

SITE_TEXT = {
    "site_name": "JCMI Research and Education Network",
    "footer_text": "<p>An open network where civil society, government, the armed forces and "
                   "scholars learn how to work together in crises.</p>",
    "operator_notice": "This site is run for the network by Interacta Global d.o.o.",
    "cookie_notice_title": "Your choice of cookies",
    "cookie_notice_text": "<p>The site needs a few cookies to work. Others, for statistics, "
                          "preferences, advertising or video players from other sites, are set "
                          "only if you allow them.</p>",
}

TRANSLATIONS = {
    "fr": {
        "JCMI Research and Education Network": "Réseau de recherche et d'enseignement JCMI",
        "An open network where civil society, government, the armed forces and scholars learn how to work together in crises.":
            "Un réseau ouvert où société civile, administrations, forces armées et chercheurs "
            "apprennent à travailler ensemble dans les crises.",
        "This site is run for the network by Interacta Global d.o.o.":
            "Ce site est exploité pour le réseau par Interacta Global d.o.o.",
        "Your choice of cookies": "Vos choix en matière de cookies",
        "The site needs a few cookies to work. Others, for statistics, preferences, advertising or video players from other sites, are set only if you allow them.":
            "Le site a besoin de quelques cookies pour fonctionner. Les autres (statistiques, "
            "préférences, publicité ou lecteurs vidéo d'autres sites) ne sont déposés qu'avec "
            "votre accord.",
    },
    "de": {
        "JCMI Research and Education Network": "JCMI-Netzwerk für Forschung und Lehre",
        "An open network where civil society, government, the armed forces and scholars learn how to work together in crises.":
            "Ein offenes Netzwerk, in dem Zivilgesellschaft, Behörden, Streitkräfte und "
            "Wissenschaft lernen, in Krisen zusammenzuarbeiten.",
        "This site is run for the network by Interacta Global d.o.o.":
            "Diese Website betreibt Interacta Global d.o.o. für das Netzwerk.",
        "Your choice of cookies": "Ihre Cookie-Auswahl",
        "The site needs a few cookies to work. Others, for statistics, preferences, advertising or video players from other sites, are set only if you allow them.":
            "Die Website braucht einige Cookies, um zu funktionieren. Andere – für Statistik, "
            "Einstellungen, Werbung oder Videoplayer anderer Anbieter – setzen wir nur mit Ihrer "
            "Zustimmung.",
    },
    "ar": {
        "JCMI Research and Education Network": "شبكة JCMI للبحث والتعليم",
        "An open network where civil society, government, the armed forces and scholars learn how to work together in crises.":
            "شبكة مفتوحة يتعلّم فيها المجتمع المدني والجهات الحكومية والقوات المسلحة والباحثون "
            "كيف يعملون معًا في الأزمات.",
        "This site is run for the network by Interacta Global d.o.o.":
            "تدير شركة Interacta Global d.o.o. هذا الموقع نيابةً عن الشبكة.",
        "Your choice of cookies": "اختيارك لملفات تعريف الارتباط",
        "The site needs a few cookies to work. Others, for statistics, preferences, advertising or video players from other sites, are set only if you allow them.":
            "يحتاج الموقع إلى بعض ملفات تعريف الارتباط كي يعمل. أمّا الملفات الأخرى، للإحصاءات "
            "أو التفضيلات أو الإعلانات أو مشغّلات الفيديو من مواقع أخرى، فلا تُستخدم إلا بموافقتك.",
    },
}


def load_site_text():
    """The site text in English and its demo translations, made once.

    `make run` loads the demo at every start: what editors and translators have since changed
    in the footer or the cookie notice must survive it, so nothing here overwrites.
    """
    english, _created = SiteText.objects.get_or_create(
        key="main", locale=Locale.get_default(), defaults=SITE_TEXT
    )
    source, _created = TranslationSource.get_or_create_from_instance(english)
    # The site name came after the first demo: a site text made before has none yet (the only
    # field filled in here when empty; nothing an editor wrote is replaced).
    added_name = not english.site_name
    if added_name:
        english.site_name = SITE_TEXT["site_name"]
        english.save(update_fields=["site_name"])
        source.update_from_db()
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for code, strings in TRANSLATIONS.items():
        locale = Locale.objects.get(language_code=code)
        for segment in segments:
            if segment.string.data in strings:
                StringTranslation.objects.get_or_create(
                    translation_of=segment.string, locale=locale, context=segment.context,
                    defaults={"data": strings[segment.string.data]},
                )
        # A Translation record, so translators get wagtail-localize's editor for this text.
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale
        )
        target = SiteText.objects.filter(translation_key=english.translation_key,
                                         locale=locale).first()
        if target is None or (added_name and not target.site_name):
            translation.save_target(publish=True)
    return english


def load(command):
    users = ensure_demo_users()
    sync_translator_permissions()
    translator = users["translator"]
    translator.groups.add(*Group.objects.filter(
        name__in=[translator_group_name(code) for code in DEMO_TRANSLATOR_LOCALES]
    ))
    load_site_text()
    command.stdout.write("Translation: translator groups, rights and site text in place.")
