"""The demo's people in French, German and Arabic: honorifics, positions, affiliations and
biographies translated, names kept in French and German and written in Arabic script in Arabic.

Every app's demo makes its own people (home: staff; publications: authors and editors;
lectures: speakers), so this runs after them (home/management/commands/load_demo.py) and
translates every English person whose strings are all here, through wagtail-localize
(translation.localize.translate_snippet): the translations stay linked to their source.
Positions are written for the person who holds them (French and German say "coordinatrice",
"Koordinatorin" for a woman), which is why they are keyed by English text and listed per person.
"""

from django.conf import settings
from wagtail.models import Locale

from home.models import Person
from translation.localize import MissingTranslation, translate_snippet

LANGUAGES = ("fr", "de", "ar")

# English → (French, German, Arabic). Names: the same in French and German.
NAMES_IN_ARABIC = {
    "Mira Halvorsen": "ميرا هالفورسن",
    "Tomas Weber": "توماس فيبر",
    "Leila Haddad": "ليلى حداد",
    "Jean Moreau": "جان مورو",
    "Amara Okafor": "أمارا أوكافور",
    "Hanna Lindqvist": "هانا ليندكفيست",
    "Rafael Ortega": "رافائيل أورتيغا",
    "Sophie Keller": "صوفي كيلر",
    "Helena Varga": "هيلينا فارغا",
    "Tomas Lindqvist": "توماس ليندكفيست",
    "Amina Diallo": "أمينة ديالو",
    "Pieter de Wit": "بيتر دي فيت",
    "Nadia Haddad": "نادية حداد",
}

STRINGS = {
    # Honorifics
    "Dr": ("Dr", "Dr.", "د."),
    "Prof.": ("Pr", "Prof.", "أ. د."),
    "Col. (ret.)": ("Col. (ER)", "Oberst a. D.", "العقيد المتقاعد"),
    "Lt Col.": ("Lcl", "Oberstlt.", "المقدّم"),
    # Positions, as their holders hold them
    "Network coordinator": (  # Mira Halvorsen
        "Coordinatrice du réseau", "Koordinatorin des Netzwerks", "منسّقة الشبكة"),
    "Senior fellow, CIMIC practice": (  # Tomas Weber
        "Chercheur principal, pratique CIMIC", "Senior Fellow, CIMIC-Praxis",
        "زميل أول، ممارسة التعاون المدني العسكري"),
    "Chair of the editorial board": (  # Leila Haddad
        "Présidente du comité de rédaction", "Vorsitzende des Redaktionsbeirats",
        "رئيسة هيئة التحرير"),
    "Humanitarian adviser": (  # Jean Moreau
        "Conseiller humanitaire", "Berater für humanitäre Fragen", "مستشار للشؤون الإنسانية"),
    "Lecturer in peace studies": (  # Amara Okafor
        "Enseignante-chercheuse en études de la paix", "Dozentin für Friedensforschung",
        "محاضِرة في دراسات السلام"),
    "J9 branch chief": (  # Hanna Lindqvist
        "Cheffe de la division J9", "Leiterin der Abteilung J9", "رئيسة الفرع J9"),
    "Disaster response coordinator": (  # Rafael Ortega
        "Coordinateur de la réponse aux catastrophes", "Koordinator für Katastrophenhilfe",
        "منسّق الاستجابة للكوارث"),
    "Researcher, cultural heritage": (  # Sophie Keller
        "Chercheuse, patrimoine culturel", "Forscherin, Kulturerbe",
        "باحثة في التراث الثقافي"),
    # Affiliations
    "JCMI Research and Education Network": (
        "Réseau de recherche et d'enseignement JCMI", "JCMI-Netzwerk für Forschung und Lehre",
        "شبكة JCMI للبحث والتعليم"),
    "Institute for Conflict Resolution Studies (demo)": (
        "Institut d'études sur la résolution des conflits (démo)",
        "Institut für Konfliktlösungsforschung (Demo)", "معهد دراسات حل النزاعات (تجريبي)"),
    "Humanitarian Field Dialogue (demo)": (
        "Dialogue humanitaire de terrain (démo)", "Humanitärer Felddialog (Demo)",
        "الحوار الإنساني الميداني (تجريبي)"),
    "University of the Sahel Coast (demo)": (
        "Université de la côte sahélienne (démo)", "Universität der Sahelküste (Demo)",
        "جامعة ساحل منطقة الساحل (تجريبية)"),
    "Multinational headquarters (demo)": (
        "Quartier général multinational (démo)", "Multinationales Hauptquartier (Demo)",
        "مقر قيادة متعدد الجنسيات (تجريبي)"),
    "Regional relief agency (demo)": (
        "Agence régionale de secours (démo)", "Regionale Hilfsorganisation (Demo)",
        "وكالة إغاثة إقليمية (تجريبية)"),
    "Heritage Protection Institute (demo)": (
        "Institut de protection du patrimoine (démo)", "Institut für Kulturgüterschutz (Demo)",
        "معهد حماية التراث (تجريبي)"),
    "Multinational Joint Headquarters Ulm": (
        "Quartier général interarmées multinational d'Ulm",
        "Multinationales Kommando Operative Führung Ulm",
        "القيادة المشتركة متعددة الجنسيات في أولم"),
    "University of Dakar": ("Université de Dakar", "Universität Dakar", "جامعة داكار"),
    "CIMIC Centre of Excellence": (
        "Centre d'excellence CIMIC", "CIMIC Centre of Excellence",
        "مركز التميّز للتعاون المدني العسكري"),
    "American University of Beirut": (
        "Université américaine de Beyrouth", "Amerikanische Universität Beirut",
        "الجامعة الأميركية في بيروت"),
    # Biographies
    "Mira coordinates the network's research projects and its lecture series.": (
        "Mira coordonne les projets de recherche du réseau et son cycle de conférences.",
        "Mira koordiniert die Forschungsprojekte und die Vortragsreihe des Netzwerks.",
        "تنسّق ميرا المشاريع البحثية للشبكة وسلسلة محاضراتها."),
    "Tomas served in CIMIC posts at several headquarters before joining the network.": (
        "Tomas a occupé des postes CIMIC dans plusieurs états-majors avant de rejoindre le "
        "réseau.",
        "Tomas war in mehreren Hauptquartieren im CIMIC-Bereich tätig, bevor er zum Netzwerk "
        "kam.",
        "شغل توماس مناصب في التعاون المدني العسكري في عدة مقرات قيادة قبل انضمامه إلى الشبكة."),
    "Leila researches humanitarian negotiation and edits the monograph series.": (
        "Leila étudie la négociation humanitaire et dirige la collection de monographies.",
        "Leila forscht zu humanitären Verhandlungen und gibt die Monografienreihe heraus.",
        "تبحث ليلى في التفاوض الإنساني وتحرّر سلسلة الدراسات."),
    "Jean has worked on civil-military coordination in several humanitarian emergencies.": (
        "Jean a travaillé à la coordination civilo-militaire lors de plusieurs urgences "
        "humanitaires.",
        "Jean hat in mehreren humanitären Notlagen an der zivil-militärischen Koordinierung "
        "gearbeitet.",
        "عمل جان على التنسيق المدني العسكري في عدة حالات طوارئ إنسانية."),
}


def table(code):
    """{English: translation} for one language."""
    index = LANGUAGES.index(code)
    strings = {english: texts[index] for english, texts in STRINGS.items()}
    for name, arabic in NAMES_IN_ARABIC.items():
        strings[name] = arabic if code == "ar" else name
    return strings


def load(command):
    translate_people()


def translate_people(user=None):
    """Every English person the demo made, in French, German and Arabic. A person with a string
    not listed here (one an editor added) is left for translators."""
    english = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    tables = {code: table(code) for code in LANGUAGES}
    locales = {locale.language_code: locale
               for locale in Locale.objects.filter(language_code__in=LANGUAGES)}
    for person in Person.objects.filter(locale=english, name__in=NAMES_IN_ARABIC):
        for code, locale in locales.items():
            try:
                translate_snippet(person, locale, tables[code], user=user, require_all=True)
            except MissingTranslation:
                break
