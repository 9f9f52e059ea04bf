"""Demo content for the lecture and event archive: `manage.py load_demo` runs ``load(command)``.

Idempotent: every page is looked up by slug under its parent and made only when missing, so a
second run changes nothing. Dates are set relative to the first run, so the archive has a past
and a future. Some pages are translated into French, German and Arabic through wagtail-localize.
Two lectures have slides (a small real PDF) and related demo publications.
"""

import datetime

from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import slugify
from wagtail.blocks import StreamValue
from wagtail.models import Locale

from home.factories import PersonFactory, site_home, topic
from lectures import factories
from lectures.blocks import ChaptersBlock, ProgrammeBlock
from lectures.models import EventPage, LecturePage, LectureSeriesPage, RelatedPublication
from translation.localize import translate_page

# (slug, honorific, name, position, affiliation)
SPEAKERS = [
    ("mira-halvorsen", "Dr", "Mira Halvorsen", "Network coordinator", "JCMI Research and Education Network"),
    ("tomas-weber", "Col. (ret.)", "Tomas Weber", "Senior fellow, CIMIC practice", "JCMI Research and Education Network"),
    ("leila-haddad", "Prof.", "Leila Haddad", "Chair of the editorial board", "Institute for Conflict Resolution Studies (demo)"),
    ("jean-moreau", "", "Jean Moreau", "Humanitarian adviser", "Humanitarian Field Dialogue (demo)"),
    ("amara-okafor", "Dr", "Amara Okafor", "Lecturer in peace studies", "University of the Sahel Coast (demo)"),
    ("hanna-lindqvist", "Lt Col.", "Hanna Lindqvist", "J9 branch chief", "Multinational headquarters (demo)"),
    ("rafael-ortega", "", "Rafael Ortega", "Disaster response coordinator", "Regional relief agency (demo)"),
    ("sophie-keller", "Dr", "Sophie Keller", "Researcher, cultural heritage", "Heritage Protection Institute (demo)"),
]

SERIES = [
    ("civil-military-dialogues", "Civil-Military Dialogues",
     "A monthly evening lecture: a practitioner and a scholar look at one question of "
     "civil-military interaction from both sides.",
     "18:00", "Europe/Berlin"),
    ("field-notes", "Field Notes: Practitioners' Forum",
     "Short online talks by people who have worked in coordination cells, relief operations "
     "and headquarters, followed by questions from the audience.",
     "15:00", "Europe/Brussels"),
]

# (series slug, months from the first run, title, speakers, topics, video, abstract)
LECTURES = [
    ("civil-military-dialogues", -27, "Who speaks for civilians in a planning cell?",
     ["mira-halvorsen", "tomas-weber"], ["protection-of-civilians"], "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
     "Planning staffs model terrain, logistics and threats in detail, but the people living in an "
     "area of operations often appear only as a line on a slide. This lecture asks how their "
     "concerns can reach the planning table early enough to matter."),
    ("civil-military-dialogues", -25, "Humanitarian principles meet military timelines",
     ["jean-moreau", "hanna-lindqvist"], ["disaster-management-and-humanitarian-assistance"], "https://vimeo.com/76979871",
     "Humanity, neutrality, impartiality and independence are not negotiable for humanitarian "
     "organisations. The speakers compare how relief agencies and headquarters plan, and where "
     "the differences in tempo create friction."),
    ("civil-military-dialogues", -23, "Mapping actors with PMESII and ASCOPE",
     ["tomas-weber"], ["good-governance"], "",
     "An introduction to the two assessment models used by CIMIC staff, with an exercise on a "
     "fictional district: who holds power, who provides services, and who is left out."),
    ("civil-military-dialogues", -21, "Protecting heritage when the front line moves",
     ["sophie-keller"], ["cultural-property-protection"], "https://www.youtube.com/watch?v=ScMzIvxBSi4",
     "Museums, archives and places of worship are often damaged within days of fighting reaching "
     "a town. The lecture reviews what military planners can do beforehand and what they must "
     "avoid afterwards."),
    ("civil-military-dialogues", -19, "Gender analysis in operational planning",
     ["amara-okafor", "hanna-lindqvist"], ["gender", "women-peace-and-security"], "",
     "How a gender perspective changes an assessment of needs and risks, illustrated with "
     "examples from training exercises."),
    ("civil-military-dialogues", -17, "Children in the line of fire",
     ["leila-haddad"], ["children-and-armed-conflict"], "https://vimeo.com/148751763",
     "Recruitment, attacks on schools and the loss of care: what the six grave violations "
     "against children mean for forces that deploy where they happen."),
    ("civil-military-dialogues", -15, "Trust, transparency and local ownership",
     ["mira-halvorsen", "rafael-ortega"], ["good-governance"], "",
     "Three of the nine CMI principles in practice: why relationships built before a crisis "
     "count for more than any coordination mechanism built during one."),
    ("civil-military-dialogues", -13, "Critical infrastructure after the storm",
     ["rafael-ortega"], ["critical-infrastructure-protection", "disaster-management-and-humanitarian-assistance"],
     "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
     "Power, water and roads decide how fast relief reaches people. A look at who repairs what, "
     "and how military engineers can help without building parallel structures."),
    ("civil-military-dialogues", -11, "Integrity in defence institutions",
     ["leila-haddad"], ["building-integrity"], "",
     "Corruption undermines the legitimacy of any mission. The lecture outlines risk areas and "
     "the tools partners use to reduce them."),
    ("civil-military-dialogues", -9, "Medical support as a bridge to communities",
     ["hanna-lindqvist", "amara-okafor"], ["joint-medical-stability-operations"], "https://vimeo.com/76979871",
     "When military medical teams work alongside civilian health services, who is responsible "
     "for continuity of care once the mission leaves?"),
    ("civil-military-dialogues", -7, "Religion as part of the civil environment",
     ["sophie-keller", "jean-moreau"], ["religion"], "",
     "Religious leaders are often the most trusted voices in a community. Engaging them requires "
     "knowledge, respect and a clear idea of what the mission can offer."),
    ("civil-military-dialogues", -5, "Reducing civilian casualties: learning from data",
     ["tomas-weber", "leila-haddad"], ["reduction-of-civilian-casualties", "protection-of-civilians"],
     "https://www.youtube.com/watch?v=ScMzIvxBSi4",
     "Harm tracking cells collect reports of civilian harm. The speakers discuss what the data "
     "can show and how lessons reach the next operation."),
    ("civil-military-dialogues", -3, "Rule of law after the ceasefire",
     ["amara-okafor"], ["rule-of-law"], "",
     "Police, courts and prisons: the first months after a ceasefire decide whether people trust "
     "the new institutions."),
    ("civil-military-dialogues", -1, "Risk reduction before disaster strikes",
     ["rafael-ortega", "mira-halvorsen"], ["risk-reduction"], "https://vimeo.com/148751763",
     "Prevention is cheaper than response. Examples of joint civil-military preparedness "
     "exercises and what they changed."),
    ("civil-military-dialogues", 1, "Non-lethal capabilities and the protection of civilians",
     ["tomas-weber"], ["non-lethal-capability", "protection-of-civilians"], "",
     "What non-lethal means can and cannot do in crowded urban settings."),
    ("civil-military-dialogues", 3, "Homeland security and military support to civil authorities",
     ["hanna-lindqvist"], ["civil-and-homeland-security"], "",
     "When armed forces support civil authorities at home, who is in charge and under what law?"),
    ("field-notes", -26, "Six months in a coordination cell",
     ["jean-moreau"], ["disaster-management-and-humanitarian-assistance"], "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
     "A humanitarian adviser describes daily work in a joint coordination cell after an "
     "earthquake: meetings, maps and misunderstandings."),
    ("field-notes", -20, "Liaison officers: the people in between",
     ["hanna-lindqvist"], ["good-governance"], "",
     "Liaison officers carry messages both ways. What makes a good one, and what happens "
     "when the role is left empty?"),
    ("field-notes", -14, "Sharing information without sharing too much",
     ["rafael-ortega", "jean-moreau"], ["disaster-management-and-humanitarian-assistance"], "https://vimeo.com/76979871",
     "Reciprocal information sharing is a CMI principle, but humanitarian organisations must "
     "also protect their independence. Practical ways to strike the balance."),
    ("field-notes", -8, "Women mediators in local peace processes",
     ["amara-okafor"], ["women-peace-and-security"], "",
     "Stories from community mediation and what international partners can do to support it."),
    ("field-notes", -2, "Handing over: planning the transition from day one",
     ["mira-halvorsen"], ["good-governance"], "https://www.youtube.com/watch?v=ScMzIvxBSi4",
     "Every mission ends. Why the transition plan belongs in the first planning conference, "
     "not the last."),
    ("field-notes", 2, "Cultural property protection in disaster response",
     ["sophie-keller", "rafael-ortega"], ["cultural-property-protection"], "",
     "Floods and earthquakes threaten heritage as much as conflict does. What first responders "
     "need to know."),
]

CHAPTERS = [("0:00", "Welcome and introduction"), ("3:40", "The problem in practice"),
            ("21:15", "What research tells us"), ("44:30", "Questions from the audience")]

TRANSCRIPT = (
    "Good evening, and welcome to this lecture of the network.\n\n"
    "Tonight's question is simple to ask and hard to answer: how do civilian and military "
    "actors coordinate without losing sight of the people they are there to help?\n\n"
    "We will start with a case from practice, look at what research tells us, and leave time "
    "for your questions at the end.\n\n"
    "Thank you all for joining us, in the room and online."
)

# Strings kept as they are in every language, so that the translated pages count as fully
# translated in the Translations report: the slugs (the archive is at /<lang>/lectures/) and the
# chapters' timestamps.
KEPT = {
    **{text: text for text in (
        "lectures", "civil-military-dialogues", "who-speaks-for-civilians-in-a-planning-cell",
        "humanitarian-principles-meet-military-timelines", "rule-of-law-after-the-ceasefire",
        "civil-military-coordination-in-peacekeeping",
    )},
    **{time: time for time, _title in CHAPTERS},
}

# French and German: the archive, one series, three lectures (two recorded, with their chapters
# and transcript) and the five-day course, all their translatable text.
FRENCH_TRANSCRIPT = (
    "Bonsoir, et bienvenue à cette conférence du réseau.\n\n"
    "La question de ce soir est simple à poser et difficile à trancher : comment les acteurs "
    "civils et militaires peuvent-ils se coordonner sans perdre de vue les personnes qu'ils sont "
    "venus aider ?\n\n"
    "Nous partirons d'un cas concret, nous verrons ce que nous apprend la recherche, et nous "
    "garderons du temps pour vos questions à la fin.\n\n"
    "Merci à toutes et à tous d'être avec nous, dans la salle comme en ligne."
)
FRENCH = {
    **KEPT,
    "Lectures and events": "Conférences et événements",
    "Our lecture series, symposia, workshops and training courses: what is coming up, and "
    "recordings of what has passed.":
        "Nos cycles de conférences, symposiums, ateliers et formations : les rendez-vous à venir "
        "et les enregistrements des séances passées.",
    "Civil-Military Dialogues": "Dialogues civilo-militaires",
    "A monthly evening lecture: a practitioner and a scholar look at one question of "
    "civil-military interaction from both sides.":
        "Une conférence mensuelle en soirée : un praticien et un universitaire abordent une même "
        "question d'interaction civilo-militaire, chacun de son point de vue.",
    "Who speaks for civilians in a planning cell?": "Qui parle pour les civils dans une cellule de planification ?",
    LECTURES[0][6]:
        "Les états-majors modélisent en détail le terrain, la logistique et les menaces, mais la "
        "population de la zone d'opérations n'y figure souvent que sous la forme d'une ligne sur "
        "une diapositive. Cette conférence cherche comment ses préoccupations peuvent parvenir à "
        "la table de planification assez tôt pour peser sur les décisions.",
    "Humanitarian principles meet military timelines": "Principes humanitaires et calendriers militaires",
    LECTURES[1][6]:
        "Pour les organisations humanitaires, l'humanité, la neutralité, l'impartialité et "
        "l'indépendance ne se négocient pas. Les intervenants comparent la façon dont planifient "
        "les agences de secours et les états-majors, et montrent où les écarts de rythme créent "
        "des frictions.",
    "Rule of law after the ceasefire": "L'État de droit après le cessez-le-feu",
    LECTURES[12][6]:
        "Police, tribunaux et prisons : les premiers mois qui suivent un cessez-le-feu décident "
        "de la confiance que la population accordera aux nouvelles institutions.",
    "Welcome and introduction": "Accueil et introduction",
    "The problem in practice": "Le problème sur le terrain",
    "What research tells us": "Ce que nous apprend la recherche",
    "Questions from the audience": "Questions du public",
    # wagtail-localize keeps a text field's line breaks as <br/> in its segment.
    TRANSCRIPT.replace("\n", "<br/>"): FRENCH_TRANSCRIPT.replace("\n", "<br/>"),
    "Network lecture hall (demo)": "Salle de conférences du réseau (démo)",
    "Training centre of the network (demo)": "Centre de formation du réseau (démo)",
    "Ulm": "Ulm",
    "Germany": "Allemagne",
    "Civil-military coordination in peacekeeping: five-day course": "Coordination civilo-militaire dans le maintien de la paix : cours de cinq jours",
    "Five days and eight modules for officers, civil servants and humanitarian staff who will "
    "work side by side in peace operations.":
        "Cinq jours et huit modules pour les officiers, les fonctionnaires et le personnel "
        "humanitaire appelés à travailler côte à côte dans les opérations de paix.",
    "The course combines short lectures, case studies and a final exercise. Participants leave "
    "with a shared vocabulary and a network of peers from the other side of the civil-military "
    "divide.":
        "Le cours associe de courts exposés, des études de cas et un exercice final. Les "
        "participants repartent avec un vocabulaire commun et des contacts parmi leurs pairs de "
        "l'autre côté de la frontière entre civils et militaires.",
    "Foundations of civil-military interaction": "Les fondements de l'interaction civilo-militaire",
    "Explain CMI, CIMIC and UN-CMCoord and how they differ.":
        "Expliquer la CMI, la CIMIC et l'UN-CMCoord, et ce qui les distingue.",
    "The actors in a crisis": "Les acteurs d'une crise",
    "Describe the mandates of humanitarian, development and military actors.":
        "Décrire les mandats des acteurs humanitaires, du développement et des forces armées.",
    "Humanitarian principles and their limits": "Les principes humanitaires et leurs limites",
    "Apply the four principles to coordination dilemmas.":
        "Appliquer les quatre principes à des dilemmes de coordination.",
    "Assessment with PMESII and ASCOPE": "L'analyse avec PMESII et ASCOPE",
    "Build an actor map of a fictional district.":
        "Dresser la cartographie des acteurs d'un district fictif.",
    "Coordination mechanisms in peacekeeping": "Les mécanismes de coordination dans le maintien de la paix",
    "Compare coordination cells, liaison and information sharing.":
        "Comparer les cellules de coordination, la liaison et le partage d'informations.",
    "Protection of civilians": "La protection des civils",
    "Plan protective measures together with civilian partners.":
        "Planifier des mesures de protection avec des partenaires civils.",
    "Transition and local ownership": "Transition et appropriation locale",
    "Draft a transition plan from the first day of a mission.":
        "Rédiger un plan de transition dès le premier jour d'une mission.",
    "Final exercise and review": "Exercice final et bilan",
    "Work through a full scenario in mixed civilian and military teams.":
        "Traiter un scénario complet en équipes mixtes, civiles et militaires.",
    "Staff of governments and armed forces": "Personnel des administrations et des forces armées",
    "NGO staff and students": "Personnel d'ONG et étudiants",
    "A few fee waivers are available.": "Quelques exonérations de frais sont possibles.",
    "Fees cover tuition, course materials, lunches and coffee breaks; travel and accommodation "
    "are not included.":
        "Les frais comprennent l'enseignement, les supports de cours, les déjeuners et les "
        "pauses-café ; le voyage et l'hébergement restent à la charge des participants.",
    "Participants who attend all eight modules and take part in the final exercise receive a "
    "certificate of completion from the network.":
        "Les participants qui suivent les huit modules et prennent part à l'exercice final "
        "reçoivent du réseau un certificat de fin de formation.",
}
GERMAN_TRANSCRIPT = (
    "Guten Abend und herzlich willkommen zu diesem Vortrag des Netzwerks.\n\n"
    "Die Frage des heutigen Abends ist leicht gestellt und schwer beantwortet: Wie stimmen sich "
    "zivile und militärische Akteure ab, ohne die Menschen aus dem Blick zu verlieren, denen sie "
    "helfen sollen?\n\n"
    "Wir beginnen mit einem Fall aus der Praxis, sehen uns an, was die Forschung dazu sagt, und "
    "lassen am Ende Zeit für Ihre Fragen.\n\n"
    "Vielen Dank, dass Sie dabei sind, hier im Saal und online."
)
GERMAN = {
    **KEPT,
    "Lectures and events": "Vorträge und Veranstaltungen",
    "Our lecture series, symposia, workshops and training courses: what is coming up, and "
    "recordings of what has passed.":
        "Unsere Vortragsreihen, Symposien, Workshops und Lehrgänge: was demnächst ansteht, und "
        "Aufzeichnungen vergangener Veranstaltungen.",
    "Civil-Military Dialogues": "Zivil-militärische Dialoge",
    "A monthly evening lecture: a practitioner and a scholar look at one question of "
    "civil-military interaction from both sides.":
        "Ein monatlicher Abendvortrag, in dem Praxis und Wissenschaft eine Frage der "
        "zivil-militärischen Interaktion aus beiden Blickwinkeln beleuchten.",
    "Who speaks for civilians in a planning cell?": "Wer spricht in der Planungszelle für die Zivilbevölkerung?",
    LECTURES[0][6]:
        "Planungsstäbe bilden Gelände, Logistik und Bedrohungen bis ins Detail ab, doch die "
        "Menschen im Einsatzgebiet tauchen oft nur als eine Zeile auf einer Folie auf. Der "
        "Vortrag fragt, wie ihre Anliegen früh genug an den Planungstisch gelangen, um noch "
        "etwas zu bewirken.",
    "Humanitarian principles meet military timelines": "Humanitäre Prinzipien treffen auf militärische Zeitpläne",
    LECTURES[1][6]:
        "Menschlichkeit, Neutralität, Unparteilichkeit und Unabhängigkeit sind für humanitäre "
        "Organisationen nicht verhandelbar. Die Vortragenden vergleichen, wie Hilfsorganisationen "
        "und Hauptquartiere planen und wo unterschiedliche Geschwindigkeiten zu Reibungen führen.",
    "Rule of law after the ceasefire": "Rechtsstaatlichkeit nach dem Waffenstillstand",
    LECTURES[12][6]:
        "Polizei, Gerichte und Gefängnisse: In den ersten Monaten nach einem Waffenstillstand "
        "entscheidet sich, ob die Menschen den neuen Institutionen vertrauen.",
    "Welcome and introduction": "Begrüßung und Einführung",
    "The problem in practice": "Das Problem in der Praxis",
    "What research tells us": "Was die Forschung dazu sagt",
    "Questions from the audience": "Fragen aus dem Publikum",
    TRANSCRIPT.replace("\n", "<br/>"): GERMAN_TRANSCRIPT.replace("\n", "<br/>"),
    "Network lecture hall (demo)": "Vortragssaal des Netzwerks (Demo)",
    "Training centre of the network (demo)": "Ausbildungszentrum des Netzwerks (Demo)",
    "Ulm": "Ulm",
    "Germany": "Deutschland",
    "Civil-military coordination in peacekeeping: five-day course": "Zivil-militärische Koordinierung in Friedenseinsätzen: Fünftägiger Kurs",
    "Five days and eight modules for officers, civil servants and humanitarian staff who will "
    "work side by side in peace operations.":
        "Fünf Tage, acht Module: für Offiziere, Verwaltungsbeschäftigte und humanitäre "
        "Fachkräfte, die in Friedenseinsätzen Seite an Seite arbeiten werden.",
    "The course combines short lectures, case studies and a final exercise. Participants leave "
    "with a shared vocabulary and a network of peers from the other side of the civil-military "
    "divide.":
        "Der Kurs verbindet kurze Vorträge, Fallstudien und eine Abschlussübung. Die "
        "Teilnehmenden gehen mit einem gemeinsamen Vokabular und mit Kontakten zu Fachleuten "
        "von der jeweils anderen Seite der zivil-militärischen Trennlinie.",
    "Foundations of civil-military interaction": "Grundlagen der zivil-militärischen Interaktion",
    "Explain CMI, CIMIC and UN-CMCoord and how they differ.":
        "CMI, CIMIC und UN-CMCoord erklären und voneinander abgrenzen.",
    "The actors in a crisis": "Die Akteure in einer Krise",
    "Describe the mandates of humanitarian, development and military actors.":
        "Die Mandate humanitärer, entwicklungspolitischer und militärischer Akteure beschreiben.",
    "Humanitarian principles and their limits": "Humanitäre Prinzipien und ihre Grenzen",
    "Apply the four principles to coordination dilemmas.":
        "Die vier Prinzipien auf Dilemmata der Koordinierung anwenden.",
    "Assessment with PMESII and ASCOPE": "Lagebeurteilung mit PMESII und ASCOPE",
    "Build an actor map of a fictional district.":
        "Eine Akteurslandkarte für einen fiktiven Bezirk erstellen.",
    "Coordination mechanisms in peacekeeping": "Koordinierungsmechanismen in Friedenseinsätzen",
    "Compare coordination cells, liaison and information sharing.":
        "Koordinierungszellen, Verbindungsarbeit und Informationsaustausch vergleichen.",
    "Protection of civilians": "Schutz der Zivilbevölkerung",
    "Plan protective measures together with civilian partners.":
        "Schutzmaßnahmen gemeinsam mit zivilen Partnern planen.",
    "Transition and local ownership": "Übergang und lokale Eigenverantwortung",
    "Draft a transition plan from the first day of a mission.":
        "Vom ersten Tag einer Mission an einen Übergangsplan entwerfen.",
    "Final exercise and review": "Abschlussübung und Auswertung",
    "Work through a full scenario in mixed civilian and military teams.":
        "Ein vollständiges Szenario in gemischten zivil-militärischen Teams durchspielen.",
    "Staff of governments and armed forces": "Beschäftigte von Regierungen und Streitkräften",
    "NGO staff and students": "Mitarbeitende von NGOs und Studierende",
    "A few fee waivers are available.": "Einige Gebührenbefreiungen sind möglich.",
    "Fees cover tuition, course materials, lunches and coffee breaks; travel and accommodation "
    "are not included.":
        "Die Gebühren umfassen Unterricht, Kursunterlagen, Mittagessen und Kaffeepausen; Reise "
        "und Unterkunft sind nicht enthalten.",
    "Participants who attend all eight modules and take part in the final exercise receive a "
    "certificate of completion from the network.":
        "Wer alle acht Module besucht und an der Abschlussübung teilnimmt, erhält vom Netzwerk "
        "ein Abschlusszertifikat.",
}

# Short texts written for the demo, so that the Arabic pages read right to left from top to bottom:
# the archive, one series, two lectures (one with its video's chapters and transcript) and the
# course. Slugs stay as they are: the archive is at /ar/lectures/.
ARABIC_TRANSCRIPT = (
    "مساء الخير، ومرحبًا بكم في هذه المحاضرة من محاضرات الشبكة.\n\n"
    "سؤال الليلة سهل الطرح وصعب الإجابة: كيف تنسّق الجهات المدنية والعسكرية عملها من دون أن "
    "تغفل عن الناس الذين جاءت لمساعدتهم؟\n\n"
    "سنبدأ بحالة من الواقع العملي، ثم ننظر فيما تخبرنا به الأبحاث، ونترك وقتًا لأسئلتكم في "
    "النهاية.\n\n"
    "شكرًا لكم جميعًا على انضمامكم إلينا، في القاعة وعبر الإنترنت."
)
ARABIC = {
    **KEPT,
    "Lectures and events": "المحاضرات والفعاليات",
    "Our lecture series, symposia, workshops and training courses: what is coming up, and "
    "recordings of what has passed.":
        "سلاسل محاضراتنا وندواتنا وورش العمل والدورات التدريبية: ما هو قادم، وتسجيلات ما مضى.",
    "Civil-Military Dialogues": "حوارات مدنية عسكرية",
    "A monthly evening lecture: a practitioner and a scholar look at one question of "
    "civil-military interaction from both sides.":
        "محاضرة مسائية شهرية يتناول فيها ممارس وباحث مسألة واحدة من مسائل التفاعل المدني "
        "العسكري من الجانبين.",
    "Who speaks for civilians in a planning cell?": "من يتحدث باسم المدنيين في خلية التخطيط؟",
    LECTURES[0][6]:
        "تضع هيئات التخطيط نماذج مفصّلة للتضاريس والإمداد والتهديدات، لكن السكان الذين يعيشون "
        "في منطقة العمليات لا يظهرون غالبًا إلا سطرًا على شريحة عرض. تسأل هذه المحاضرة كيف "
        "يمكن أن تصل مخاوفهم إلى طاولة التخطيط في وقت مبكر يكفي لإحداث فرق.",
    "Welcome and introduction": "ترحيب وتقديم",
    "The problem in practice": "المشكلة في الواقع العملي",
    "What research tells us": "ما تخبرنا به الأبحاث",
    "Questions from the audience": "أسئلة الحضور",
    # wagtail-localize keeps a text field's line breaks as <br/> in its segment.
    TRANSCRIPT.replace("\n", "<br/>"): ARABIC_TRANSCRIPT.replace("\n", "<br/>"),
    "Rule of law after the ceasefire": "سيادة القانون بعد وقف إطلاق النار",
    "Police, courts and prisons: the first months after a ceasefire decide whether people trust "
    "the new institutions.":
        "الشرطة والمحاكم والسجون: تحدد الأشهر الأولى بعد وقف إطلاق النار ما إذا كان الناس "
        "سيثقون بالمؤسسات الجديدة.",
    "Network lecture hall (demo)": "قاعة محاضرات الشبكة (تجريبية)",
    "Training centre of the network (demo)": "مركز التدريب التابع للشبكة (تجريبي)",
    "Ulm": "أولم",
    "Germany": "ألمانيا",
    "Civil-military coordination in peacekeeping: five-day course":
        "التنسيق المدني العسكري في حفظ السلام: دورة مدتها خمسة أيام",
    "Five days and eight modules for officers, civil servants and humanitarian staff who will "
    "work side by side in peace operations.":
        "خمسة أيام وثماني وحدات للضباط وموظفي الخدمة المدنية والعاملين في المجال الإنساني "
        "الذين سيعملون جنبًا إلى جنب في عمليات السلام.",
    "The course combines short lectures, case studies and a final exercise. Participants leave "
    "with a shared vocabulary and a network of peers from the other side of the civil-military "
    "divide.":
        "تجمع الدورة بين محاضرات قصيرة ودراسات حالة وتمرين ختامي، ويغادر المشاركون بلغة "
        "مشتركة وشبكة من الزملاء من الجانب الآخر من الفجوة المدنية العسكرية.",
    "Foundations of civil-military interaction": "أسس التفاعل المدني العسكري",
    "The actors in a crisis": "الجهات الفاعلة في الأزمة",
    "Humanitarian principles and their limits": "المبادئ الإنسانية وحدودها",
    "Assessment with PMESII and ASCOPE": "التقييم باستخدام PMESII وASCOPE",
    "Coordination mechanisms in peacekeeping": "آليات التنسيق في حفظ السلام",
    "Protection of civilians": "حماية المدنيين",
    "Transition and local ownership": "المرحلة الانتقالية والملكية المحلية",
    "Final exercise and review": "التمرين الختامي والمراجعة",
    # What each module teaches (its learning outcomes), so the Arabic course reads in Arabic.
    "Explain CMI, CIMIC and UN-CMCoord and how they differ.":
        "شرح التفاعل المدني العسكري والتعاون المدني العسكري وتنسيق الأمم المتحدة، وما يميّز كلًّا منها.",
    "Describe the mandates of humanitarian, development and military actors.":
        "وصف ولايات الجهات الإنسانية والإنمائية والعسكرية.",
    "Apply the four principles to coordination dilemmas.":
        "تطبيق المبادئ الأربعة على معضلات التنسيق.",
    "Build an actor map of a fictional district.": "رسم خريطة للجهات الفاعلة في منطقة افتراضية.",
    "Compare coordination cells, liaison and information sharing.":
        "المقارنة بين خلايا التنسيق والارتباط وتبادل المعلومات.",
    "Plan protective measures together with civilian partners.":
        "التخطيط لتدابير الحماية بالتعاون مع الشركاء المدنيين.",
    "Draft a transition plan from the first day of a mission.":
        "إعداد خطة انتقالية منذ اليوم الأول للبعثة.",
    "Work through a full scenario in mixed civilian and military teams.":
        "العمل على سيناريو كامل ضمن فرق مختلطة من المدنيين والعسكريين.",
    "Staff of governments and armed forces": "موظفو الحكومات والقوات المسلحة",
    "NGO staff and students": "موظفو المنظمات غير الحكومية والطلاب",
    "A few fee waivers are available.": "يتوفر عدد محدود من الإعفاءات من الرسوم.",
    "Fees cover tuition, course materials, lunches and coffee breaks; travel and accommodation "
    "are not included.":
        "تشمل الرسوم التدريس والمواد الدراسية ووجبات الغداء واستراحات القهوة، ولا تشمل السفر "
        "والإقامة.",
    "Participants who attend all eight modules and take part in the final exercise receive a "
    "certificate of completion from the network.":
        "يحصل المشاركون الذين يحضرون الوحدات الثماني كلها ويشاركون في التمرين الختامي على "
        "شهادة إتمام من الشبكة.",
}

# Lectures with slides and related publications (demo publications, by slug, when
# publications.demo has made them: load_demo runs it first).
LECTURE_EXTRAS = [
    ("protecting-heritage-when-the-front-line-moves", ["cultural-property-in-operations"]),
    ("mapping-actors-with-pmesii-and-ascope",
     ["assessing-the-civil-environment", "nine-principles-in-practice"]),
]


def load(command):
    home = site_home()
    index = factories.lecture_index(
        home, title="Lectures and events", show_in_menus=True,
        intro="<p>Our lecture series, symposia, workshops and training courses: what is coming "
              "up, and recordings of what has passed.</p>",
    )
    people = ensure_speakers()
    topics = {slug: topic(title, home) for slug, title in topic_titles().items()}
    series = {
        slug: factories.series(index, title, intro=intro)
        for slug, title, intro, _time, _zone in SERIES
    }
    anchor = timezone.localdate().replace(day=15)
    made = 0
    for number, (series_slug, months, title, speakers, topic_slugs, video, abstract) in enumerate(LECTURES):
        parent = series[series_slug]
        if LecturePage.objects.child_of(parent).filter(slug=slugify(title)).exists():
            continue
        _slug, _title, _intro, clock, zone = next(s for s in SERIES if s[0] == series_slug)
        day = add_months(anchor, months)
        hour, minute = (int(part) for part in clock.split(":"))
        online = series_slug == "field-notes"
        fields = {
            "abstract": f"<p>{abstract}</p>",
            "end_time": datetime.time(hour + 1, minute + 30),
            "video_url": video,
        }
        if online:
            fields.update(attendance="online", online_url="https://meet.jcmi.example/field-notes")
        else:
            fields.update(venue_name="Network lecture hall (demo)", venue_address="Example Street 12",
                          venue_postal_code="89073", venue_city="Ulm", venue_country="Germany",
                          attendance="mixed", online_url="https://meet.jcmi.example/dialogues")
        if video:
            fields.update(
                duration=datetime.timedelta(minutes=52 + number % 7, seconds=number * 7 % 60),
                chapters=ChaptersBlock().to_python([
                    {"type": "chapter", "value": {"time": t, "title": c}} for t, c in CHAPTERS
                ]),
                transcript=TRANSCRIPT,
            )
        factories.lecture(
            parent, title, when=datetime.datetime.combine(day, datetime.time(hour, minute)),
            time_zone=zone, speakers=[people[s] for s in speakers],
            topics=[topics[t] for t in topic_slugs if t in topics], **fields,
        )
        made += 1
    ensure_course(index, people, topics, anchor)
    ensure_symposium(index, people, topics, anchor)
    # Before the translations, so that new ones copy the slides and publications too.
    ensure_slides_and_publications(series["civil-military-dialogues"])
    translated = translate_archive(index)
    command.stdout.write(f"Lectures: {made} new lectures, {len(translated)} translations made or completed.")


def add_months(day, months):
    month = day.month - 1 + months
    return day.replace(year=day.year + month // 12, month=month % 12 + 1)


def topic_titles():
    return {
        "protection-of-civilians": "Protection of Civilians",
        "reduction-of-civilian-casualties": "Reduction of Civilian Casualties",
        "non-lethal-capability": "Non-Lethal Capability",
        "cultural-property-protection": "Cultural Property Protection",
        "religion": "Religion",
        "civil-and-homeland-security": "Civil and Homeland Security",
        "critical-infrastructure-protection": "Critical Infrastructure Protection",
        "risk-reduction": "Risk Reduction",
        "disaster-management-and-humanitarian-assistance": "Disaster Management and Humanitarian Assistance",
        "joint-medical-stability-operations": "Joint Medical Stability Operations",
        "good-governance": "Good Governance",
        "rule-of-law": "Rule of Law",
        "women-peace-and-security": "Women, Peace and Security",
        "children-and-armed-conflict": "Children and Armed Conflict",
        "building-integrity": "Building Integrity",
        "gender": "Gender",
    }


def ensure_speakers():
    return {
        slug: PersonFactory(name=name, honorific=honorific, position=position, affiliation=affiliation)
        for slug, honorific, name, position, affiliation in SPEAKERS
    }


def ensure_course(index, people, topics, anchor):
    slug = "civil-military-coordination-in-peacekeeping"
    if EventPage.objects.child_of(index).filter(slug=slug).exists():
        return
    start = add_months(anchor, 2)
    start = start + datetime.timedelta(days=(7 - start.weekday()) % 7)  # a Monday
    modules = [
        (1, 1, "Foundations of civil-military interaction", "Explain CMI, CIMIC and UN-CMCoord and how they differ."),
        (2, 1, "The actors in a crisis", "Describe the mandates of humanitarian, development and military actors."),
        (3, 2, "Humanitarian principles and their limits", "Apply the four principles to coordination dilemmas."),
        (4, 2, "Assessment with PMESII and ASCOPE", "Build an actor map of a fictional district."),
        (5, 3, "Coordination mechanisms in peacekeeping", "Compare coordination cells, liaison and information sharing."),
        (6, 3, "Protection of civilians", "Plan protective measures together with civilian partners."),
        (7, 4, "Transition and local ownership", "Draft a transition plan from the first day of a mission."),
        (8, 5, "Final exercise and review", "Work through a full scenario in mixed civilian and military teams."),
    ]
    factories.event(
        index, "Civil-military coordination in peacekeeping: five-day course", "training",
        datetime.datetime.combine(start, datetime.time(9, 0)), time_zone="Europe/Berlin",
        end_date=start + datetime.timedelta(days=4), end_time=datetime.time(16, 30),
        slug=slug,
        intro="Five days and eight modules for officers, civil servants and humanitarian staff "
              "who will work side by side in peace operations.",
        abstract="<p>The course combines short lectures, case studies and a final exercise. "
                 "Participants leave with a shared vocabulary and a network of peers from "
                 "the other side of the civil-military divide.</p>",
        venue_name="Training centre of the network (demo)", venue_address="Example Street 12",
        venue_postal_code="89073", venue_city="Ulm", venue_country="Germany",
        # Seats, deadlines and registration are per run (registrations.demo makes them).
        fees=[
            ("fee", {"category": "Staff of governments and armed forces", "amount": "650.00", "currency": "EUR", "note": ""}),
            ("fee", {"category": "NGO staff and students", "amount": "250.00", "currency": "EUR", "note": "A few fee waivers are available."}),
        ],
        fees_note="Fees cover tuition, course materials, lunches and coffee breaks; travel and accommodation are not included.",
        certificate_note="Participants who attend all eight modules and take part in the final exercise receive a certificate of completion from the network.",
        programme=StreamValue(ProgrammeBlock(), [
            ("module", {"number": n, "day": d, "title": t, "learning_outcomes": o}) for n, d, t, o in modules
        ]),
        speakers=[(people["tomas-weber"], "trainer"), (people["jean-moreau"], "trainer"),
                  (people["hanna-lindqvist"], "trainer")],
        topics=[topics["protection-of-civilians"], topics["good-governance"]],
    )


def ensure_symposium(index, people, topics, anchor):
    slug = "symposium-protection-of-civilians"
    if EventPage.objects.child_of(index).filter(slug=slug).exists():
        return
    day = add_months(anchor, -6)
    second = day + datetime.timedelta(days=1)
    programme = [
        ("day", {"date": day, "title": "Understanding harm", "sessions": [
            {"starts": datetime.time(9, 30), "ends": datetime.time(10, 0), "title": "Opening", "speakers": "Mira Halvorsen", "description": ""},
            {"starts": datetime.time(10, 0), "ends": datetime.time(11, 30), "title": "Keynote: civilians at the centre of planning", "speakers": "Leila Haddad", "description": "Why protection has to be planned, not improvised."},
            {"starts": datetime.time(13, 0), "ends": datetime.time(15, 0), "title": "Panel: harm tracking in practice", "speakers": "Tomas Weber, Amara Okafor", "description": ""},
        ]}),
        ("day", {"date": second, "title": "Working together", "sessions": [
            {"starts": datetime.time(9, 30), "ends": datetime.time(11, 0), "title": "Workshop: shared situational awareness", "speakers": "Hanna Lindqvist", "description": ""},
            {"starts": datetime.time(11, 30), "ends": datetime.time(12, 30), "title": "Closing discussion", "speakers": "Jean Moreau", "description": ""},
        ]}),
    ]
    factories.event(
        index, "Symposium on the protection of civilians", "symposium",
        datetime.datetime.combine(day, datetime.time(9, 30)), time_zone="Europe/Amsterdam",
        end_date=second, end_time=datetime.time(12, 30), slug=slug,
        intro="Two days of talks and workshops on keeping civilians out of harm's way.",
        abstract="<p>Researchers, humanitarian staff and military planners compared how they "
                 "assess and reduce harm to civilians, and where their methods could meet.</p>",
        venue_name="Conference centre (demo)", venue_address="Example Lane 5",
        venue_postal_code="2511", venue_city="The Hague", venue_country="Netherlands",
        attendance="mixed", online_url="https://meet.jcmi.example/symposium",
        programme=StreamValue(ProgrammeBlock(), programme),
        speakers=[(people["leila-haddad"], "keynote"), (people["tomas-weber"], "panellist"),
                  (people["amara-okafor"], "panellist"), (people["mira-halvorsen"], "chair")],
        topics=[topics["protection-of-civilians"], topics["reduction-of-civilian-casualties"]],
        video_url="https://www.youtube.com/watch?v=aqz-KE-bpKQ",
        duration=datetime.timedelta(hours=1, minutes=28),
    )


def translate_archive(index):
    """French, German and Arabic versions of the archive, one series, a few lectures and the
    course: the lectures and events whose title the language's strings translate."""
    series = LectureSeriesPage.objects.child_of(index).get(slug="civil-military-dialogues")
    made = []
    for code, strings in (("fr", FRENCH), ("de", GERMAN), ("ar", ARABIC)):
        locale = Locale.objects.get(language_code=code)
        pages = [index, series]
        pages += list(
            LecturePage.objects.child_of(series).filter(title__in=list(strings)).order_by("path")
        )
        pages += list(EventPage.objects.child_of(index).filter(title__in=list(strings)))
        for page in pages:
            translated = translate_page(page, locale, strings)
            if translated is not None:
                made.append(translated)
    return made


def ensure_slides_and_publications(series):
    """Slides (a small real PDF) and related publications for the LECTURE_EXTRAS lectures, each
    added only when missing, so that a second run changes nothing."""
    for slug, publication_slugs in LECTURE_EXTRAS:
        lecture = LecturePage.objects.child_of(series).filter(slug=slug).first()
        if lecture is None:
            continue
        changed = False
        if lecture.slides_id is None:
            lecture.slides = slides_document(lecture)
            changed = True
        if not lecture.related_publications.exists():
            publications = demo_publications(lecture.locale, publication_slugs)
            found = {page.slug: page for page in publications}
            related = [RelatedPublication(publication=found[s]) for s in publication_slugs
                       if s in found]
            if related:
                lecture.related_publications = related
                changed = True
        if changed:
            lecture.save_revision().publish()


def demo_publications(locale, slugs):
    """The live publication pages with these slugs; none when the publications app is absent."""
    from django.apps import apps

    if not apps.is_installed("publications"):
        return []
    PublicationPage = apps.get_model("publications", "PublicationPage")
    return PublicationPage.objects.live().filter(locale=locale, slug__in=slugs)


def slides_document(lecture):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from cms.pdfs import simple_pdf

    Document = get_document_model()
    title = f"{lecture.title} (slides)"
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    text = "\n\n".join([
        strip_tags(lecture.abstract),
        "These demonstration slides stand in for the speaker's own. The lecture's recording, "
        "chapters and transcript are on its page in the JCMI lecture archive.",
    ])
    document = Document(title=title)
    document.file.save(f"{lecture.slug}-slides.pdf", ContentFile(simple_pdf(lecture.title, text)),
                       save=False)
    document._set_document_file_metadata()
    document.save()
    return document


