"""French, German and Arabic versions of the demo's pages, by English source string: every page
the menu leads to (home, about and its sections, focus areas' index, education and training,
joining, contact) in every language, and a few topic pages in Arabic.

home/demo/__init__.py feeds them to wagtail-localize segment by segment, so the translated pages stay
linked to their source and show up in the translation editor like any other translation. The about page's sections, education and training, joining and the
focus areas' index are in section_translations.py; the accordions, do's and don'ts and tables of
the about page's sections in block_translations.py.
"""

from . import block_translations, section_translations

# Slugs stay English in every language: the URL contracts are /<lang>/about/ and so on.
_SHARED = {"jcmi": "jcmi", "about": "about", "contact": "contact", "topics": "topics"}

# The topic pages translated into Arabic (home/demo/__init__.py), and the sentence every topic page's
# body adds to its summary (demo.content.TOPICS, home/demo/__init__.py ``ensure_sections``).
ARABIC_TOPICS = [
    "protection-of-civilians",
    "disaster-management-and-humanitarian-assistance",
    "women-peace-and-security",
]
_GATHERED = " The network's lectures, courses and publications on this theme are gathered on " \
    "this page."
_GATHERED_AR = " تُجمع في هذه الصفحة محاضرات الشبكة ودوراتها ومنشوراتها في هذا الموضوع."

FR = {
    **_SHARED,
    "Home": "Accueil",
    "JCMI Research and Education Network": "Réseau de recherche et d'enseignement JCMI",
    "Where civilian and military actors learn to work together":
        "Là où acteurs civils et militaires apprennent à travailler ensemble",
    "The JCMI Research and Education Network connects civil society, government agencies, "
    "armed forces and scholars who study how conflicts are prevented, managed and resolved.":
        "Le réseau JCMI relie la société civile, les administrations, les forces armées et les "
        "chercheurs qui étudient comment prévenir, gérer et résoudre les conflits.",
    "Find out who we are": "Découvrir qui nous sommes",
    "Our mission": "Notre mission",
    "We study and teach civil-military interaction before, during and after violent "
    "conflict, and in humanitarian emergencies and disaster response.":
        "Nous étudions et enseignons l'interaction civilo-militaire avant, pendant et après les "
        "conflits violents, ainsi que dans les urgences humanitaires et la réponse aux "
        "catastrophes.",
    "Anyone with an interest in civil-military interaction and co-operation is welcome to "
    "take part: practitioners, students, researchers and policy-makers alike.":
        "Toute personne qui s'intéresse à l'interaction et à la coopération civilo-militaires "
        "peut y participer : praticiens, étudiants, chercheurs comme décideurs.",
    "What we work towards": "Ce que nous visons",
    "Stronger partnerships": "Des partenariats plus solides",
    "Help civilian and military actors know, trust and rely on one another.":
        "Aider acteurs civils et militaires à se connaître, à se faire confiance et à compter "
        "les uns sur les autres.",
    "Shared research": "Une recherche partagée",
    "Connect researchers across borders so that evidence travels with the people who use it.":
        "Relier les chercheurs par-delà les frontières pour que les connaissances circulent avec "
        "ceux qui s'en servent.",
    "Informed decisions": "Des décisions éclairées",
    "Give policy-makers clear, independent knowledge about civil-military interaction.":
        "Offrir aux décideurs un savoir clair et indépendant sur l'interaction civilo-militaire.",
    "A trans-Atlantic bond": "Un lien transatlantique",
    "Strengthen the partnership between Europe and North America in crisis response.":
        "Renforcer le partenariat entre l'Europe et l'Amérique du Nord dans la réponse aux "
        "crises.",
    "Better public policy": "De meilleures politiques publiques",
    "Promote policy that makes peacebuilding and humanitarian response more effective.":
        "Promouvoir des politiques qui rendent la consolidation de la paix et l'action "
        "humanitaire plus efficaces.",
    # About
    "About the network": "À propos du réseau",
    "A meeting place for everyone who works where the civilian and the military worlds "
    "meet: in the field, in headquarters and in the classroom.":
        "Un lieu de rencontre pour tous ceux qui travaillent là où mondes civil et militaire se "
        "croisent : sur le terrain, dans les états-majors et en salle de cours.",
    "How it began": "Les débuts",
    "The network grew out of an experiment in 2013, when a small group of officers and "
    "researchers from the land, sea and air domains began to compare notes. That group "
    "became known as the JCMI Group.":
        "Le réseau est né d'une expérience lancée en 2013 : un petit groupe d'officiers et de "
        "chercheurs des domaines terrestre, maritime et aérien a commencé à échanger ses "
        "observations. Ce groupe a pris le nom de JCMI Group.",
    "Today the network works with NATO Headquarters and both strategic commands, with the "
    "NATO-accredited Centres of Excellence, with non-governmental and international "
    "organisations, and with universities on several continents.":
        "Aujourd'hui, le réseau travaille avec le siège de l'OTAN et ses deux commandements "
        "stratégiques, avec les centres d'excellence accrédités par l'OTAN, avec des "
        "organisations non gouvernementales et internationales, et avec des universités sur "
        "plusieurs continents.",
    "Partners from civilian and military organisations plan together (illustration).":
        "Des partenaires civils et militaires planifient ensemble (illustration).",
    "Who we work with": "Nos partenaires",
    "The Multinational Joint Headquarters Ulm is one of our closest partners, and the CIMIC "
    "Centre of Excellence in The Hague shares its doctrine and training expertise with us.":
        "Le quartier général interarmées multinational d'Ulm compte parmi nos partenaires les "
        "plus proches, et le centre d'excellence CIMIC de La Haye partage avec nous son "
        "expertise en doctrine et en formation.",
    "Nobody resolves a crisis alone. Civilians and soldiers who understand each "
    "other's limits make fewer promises and keep more of them.":
        "Personne ne règle une crise seul. Civils et militaires qui comprennent les limites de "
        "l'autre promettent moins et tiennent davantage.",
    "Open to everyone": "Ouvert à tous",
    "You do not need a uniform or a university post to join: an interest in civil-military "
    "interaction is enough.":
        "Nul besoin d'un uniforme ou d'un poste universitaire pour nous rejoindre : l'intérêt "
        "pour l'interaction civilo-militaire suffit.",
    "Join the network": "Rejoindre le réseau",
    # Contact
    "Contact": "Contact",
    "Questions about the network, our courses or our publications? Write to the editors and "
    "we will answer within a few working days.":
        "Des questions sur le réseau, nos formations ou nos publications ? Écrivez à la "
        "rédaction : nous vous répondrons sous quelques jours ouvrés.",
    "Thank you for writing. The editors have your message and will reply soon.":
        "Merci de votre message. La rédaction l'a bien reçu et vous répondra bientôt.",
    "Message from the JCMI website": "Message envoyé depuis le site du JCMI",
    "Your name": "Votre nom",
    "Your e-mail address": "Votre adresse e-mail",
    "We only use it to answer you.": "Nous ne l'utilisons que pour vous répondre.",
    "Organisation": "Organisation",
    "Topic": "Sujet",
    # wagtail-localize keeps the line breaks of a plain-text field as <br/> in its strings.
    "General question<br/>Joining the network<br/>Publications<br/>Lectures and training":
        "Question générale<br/>Adhésion au réseau<br/>Publications<br/>Conférences et formations",
    "Message": "Message",
    "I agree that the network stores my message to answer it":
        "J'accepte que le réseau conserve mon message pour y répondre",
}

DE = {
    **_SHARED,
    "Home": "Startseite",
    "JCMI Research and Education Network": "JCMI-Netzwerk für Forschung und Lehre",
    "Where civilian and military actors learn to work together":
        "Wo zivile und militärische Akteure lernen, zusammenzuarbeiten",
    "The JCMI Research and Education Network connects civil society, government agencies, "
    "armed forces and scholars who study how conflicts are prevented, managed and resolved.":
        "Das JCMI-Netzwerk verbindet Zivilgesellschaft, Behörden, Streitkräfte und "
        "Wissenschaft – alle, die erforschen, wie Konflikte verhindert, bewältigt und gelöst "
        "werden.",
    "Find out who we are": "Wer wir sind",
    "Our mission": "Unser Auftrag",
    "We study and teach civil-military interaction before, during and after violent "
    "conflict, and in humanitarian emergencies and disaster response.":
        "Wir erforschen und lehren zivil-militärische Interaktion vor, während und nach "
        "gewaltsamen Konflikten sowie in humanitären Notlagen und im Katastrophenschutz.",
    "Anyone with an interest in civil-military interaction and co-operation is welcome to "
    "take part: practitioners, students, researchers and policy-makers alike.":
        "Wer sich für zivil-militärische Interaktion und Zusammenarbeit interessiert, ist "
        "willkommen: Praktikerinnen und Praktiker, Studierende, Forschende und "
        "Entscheidungstragende.",
    "What we work towards": "Worauf wir hinarbeiten",
    "Stronger partnerships": "Stärkere Partnerschaften",
    "Help civilian and military actors know, trust and rely on one another.":
        "Zivile und militärische Akteure sollen einander kennen, vertrauen und sich "
        "aufeinander verlassen können.",
    "Shared research": "Gemeinsame Forschung",
    "Connect researchers across borders so that evidence travels with the people who use it.":
        "Wir vernetzen Forschende über Grenzen hinweg, damit Wissen dort ankommt, wo es "
        "gebraucht wird.",
    "Informed decisions": "Fundierte Entscheidungen",
    "Give policy-makers clear, independent knowledge about civil-military interaction.":
        "Wir geben Entscheidungstragenden klares, unabhängiges Wissen über zivil-militärische "
        "Interaktion an die Hand.",
    "A trans-Atlantic bond": "Eine transatlantische Verbindung",
    "Strengthen the partnership between Europe and North America in crisis response.":
        "Wir stärken die Partnerschaft zwischen Europa und Nordamerika in der "
        "Krisenbewältigung.",
    "Better public policy": "Bessere Politik",
    "Promote policy that makes peacebuilding and humanitarian response more effective.":
        "Wir setzen uns für eine Politik ein, die Friedensförderung und humanitäre Hilfe "
        "wirksamer macht.",
    # About
    "About the network": "Über das Netzwerk",
    "A meeting place for everyone who works where the civilian and the military worlds "
    "meet: in the field, in headquarters and in the classroom.":
        "Ein Treffpunkt für alle, die dort arbeiten, wo sich ziviler und militärischer Bereich "
        "begegnen: im Einsatz, in Hauptquartieren und im Hörsaal.",
    "How it began": "Wie alles begann",
    "The network grew out of an experiment in 2013, when a small group of officers and "
    "researchers from the land, sea and air domains began to compare notes. That group "
    "became known as the JCMI Group.":
        "Das Netzwerk entstand 2013 aus einem Experiment: Eine kleine Gruppe von Offizieren "
        "und Forschenden aus Land-, See- und Luftstreitkräften begann, ihre Erfahrungen "
        "auszutauschen. Daraus wurde die JCMI Group.",
    "Today the network works with NATO Headquarters and both strategic commands, with the "
    "NATO-accredited Centres of Excellence, with non-governmental and international "
    "organisations, and with universities on several continents.":
        "Heute arbeitet das Netzwerk mit dem NATO-Hauptquartier und beiden strategischen "
        "Kommandos, mit den von der NATO akkreditierten Exzellenzzentren, mit Nichtregierungs- "
        "und internationalen Organisationen sowie mit Universitäten auf mehreren Kontinenten.",
    "Partners from civilian and military organisations plan together (illustration).":
        "Partner aus zivilen und militärischen Organisationen planen gemeinsam (Illustration).",
    "Who we work with": "Mit wem wir arbeiten",
    "The Multinational Joint Headquarters Ulm is one of our closest partners, and the CIMIC "
    "Centre of Excellence in The Hague shares its doctrine and training expertise with us.":
        "Das Multinationale Kommando Operative Führung in Ulm gehört zu unseren engsten "
        "Partnern, und das CIMIC Centre of Excellence in Den Haag teilt seine Erfahrung in "
        "Doktrin und Ausbildung mit uns.",
    "Nobody resolves a crisis alone. Civilians and soldiers who understand each "
    "other's limits make fewer promises and keep more of them.":
        "Niemand löst eine Krise allein. Wer die Grenzen des anderen kennt, verspricht weniger "
        "und hält mehr.",
    "Open to everyone": "Offen für alle",
    "You do not need a uniform or a university post to join: an interest in civil-military "
    "interaction is enough.":
        "Sie brauchen weder Uniform noch Lehrstuhl, um mitzumachen: Interesse an "
        "zivil-militärischer Interaktion genügt.",
    "Join the network": "Mitglied werden",
}

AR = {
    **_SHARED,
    "Home": "الصفحة الرئيسية",
    "JCMI Research and Education Network": "شبكة JCMI للبحث والتعليم",
    "Where civilian and military actors learn to work together":
        "حيث يتعلّم الفاعلون المدنيون والعسكريون العمل معًا",
    "The JCMI Research and Education Network connects civil society, government agencies, "
    "armed forces and scholars who study how conflicts are prevented, managed and resolved.":
        "تربط شبكة JCMI بين المجتمع المدني والجهات الحكومية والقوات المسلحة والباحثين الذين "
        "يدرسون سبل منع النزاعات وإدارتها وحلّها.",
    "Find out who we are": "تعرّف علينا",
    "Our mission": "رسالتنا",
    "We study and teach civil-military interaction before, during and after violent "
    "conflict, and in humanitarian emergencies and disaster response.":
        "ندرس التفاعل المدني العسكري ونعلّمه قبل النزاعات العنيفة وأثناءها وبعدها، وفي حالات "
        "الطوارئ الإنسانية والاستجابة للكوارث.",
    "Anyone with an interest in civil-military interaction and co-operation is welcome to "
    "take part: practitioners, students, researchers and policy-makers alike.":
        "المشاركة مفتوحة لكل من يهتم بالتفاعل والتعاون المدني العسكري: من الممارسين والطلاب "
        "والباحثين وصانعي القرار على حدّ سواء.",
    "What we work towards": "ما نسعى إليه",
    "Stronger partnerships": "شراكات أقوى",
    "Help civilian and military actors know, trust and rely on one another.":
        "مساعدة الفاعلين المدنيين والعسكريين على التعارف والثقة والاعتماد بعضهم على بعض.",
    "Shared research": "بحث مشترك",
    "Connect researchers across borders so that evidence travels with the people who use it.":
        "ربط الباحثين عبر الحدود لتصل المعرفة إلى من يستخدمونها.",
    "Informed decisions": "قرارات مستنيرة",
    "Give policy-makers clear, independent knowledge about civil-military interaction.":
        "تزويد صانعي السياسات بمعرفة واضحة ومستقلة عن التفاعل المدني العسكري.",
    "A trans-Atlantic bond": "رابطة عبر الأطلسي",
    "Strengthen the partnership between Europe and North America in crisis response.":
        "تعزيز الشراكة بين أوروبا وأمريكا الشمالية في الاستجابة للأزمات.",
    "Better public policy": "سياسات عامة أفضل",
    "Promote policy that makes peacebuilding and humanitarian response more effective.":
        "الدعوة إلى سياسات تجعل بناء السلام والاستجابة الإنسانية أكثر فعالية.",
    # About
    "About the network": "عن الشبكة",
    "A meeting place for everyone who works where the civilian and the military worlds "
    "meet: in the field, in headquarters and in the classroom.":
        "ملتقى لكل من يعمل حيث يلتقي العالمان المدني والعسكري: في الميدان وفي مقرات القيادة "
        "وفي قاعات الدرس.",
    "How it began": "البدايات",
    "The network grew out of an experiment in 2013, when a small group of officers and "
    "researchers from the land, sea and air domains began to compare notes. That group "
    "became known as the JCMI Group.":
        "نشأت الشبكة من تجربة بدأت عام 2013، حين أخذت مجموعة صغيرة من الضباط والباحثين في "
        "المجالات البرية والبحرية والجوية تتبادل الخبرات. وعُرفت هذه المجموعة باسم مجموعة JCMI.",
    "Today the network works with NATO Headquarters and both strategic commands, with the "
    "NATO-accredited Centres of Excellence, with non-governmental and international "
    "organisations, and with universities on several continents.":
        "تعمل الشبكة اليوم مع مقر حلف الناتو وقيادتيه الاستراتيجيتين، ومع مراكز التميّز "
        "المعتمدة لدى الحلف، ومع منظمات غير حكومية ودولية، ومع جامعات في عدة قارات.",
    "Partners from civilian and military organisations plan together (illustration).":
        "شركاء من منظمات مدنية وعسكرية يخططون معًا (رسم توضيحي).",
    "Who we work with": "شركاؤنا",
    "The Multinational Joint Headquarters Ulm is one of our closest partners, and the CIMIC "
    "Centre of Excellence in The Hague shares its doctrine and training expertise with us.":
        "تُعدّ القيادة المشتركة متعددة الجنسيات في أولم من أقرب شركائنا، ويشاركنا مركز التميّز "
        "للتعاون المدني العسكري في لاهاي خبرته في العقيدة والتدريب.",
    "Nobody resolves a crisis alone. Civilians and soldiers who understand each "
    "other's limits make fewer promises and keep more of them.":
        "لا أحد يحلّ أزمة بمفرده. المدنيون والعسكريون الذين يفهم كلٌّ منهم حدود الآخر يَعِدون "
        "أقل ويَفون أكثر.",
    "Open to everyone": "مفتوحة للجميع",
    "You do not need a uniform or a university post to join: an interest in civil-military "
    "interaction is enough.":
        "لا تحتاج إلى زيّ عسكري أو منصب جامعي للانضمام: يكفي اهتمامك بالتفاعل المدني العسكري.",
    "Join the network": "انضم إلى الشبكة",
    # Contact
    "Contact": "اتصل بنا",
    "Questions about the network, our courses or our publications? Write to the editors and "
    "we will answer within a few working days.":
        "هل لديك أسئلة عن الشبكة أو دوراتنا أو منشوراتنا؟ اكتب إلى هيئة التحرير وسنجيبك خلال "
        "بضعة أيام عمل.",
    "Thank you for writing. The editors have your message and will reply soon.":
        "شكرًا لرسالتك. وصلت رسالتك إلى هيئة التحرير وسنردّ عليك قريبًا.",
    "Message from the JCMI website": "رسالة من موقع JCMI",
    "Your name": "اسمك",
    "Your e-mail address": "بريدك الإلكتروني",
    "We only use it to answer you.": "لا نستخدمه إلا للرد عليك.",
    "Organisation": "المؤسسة",
    "Topic": "الموضوع",
    "General question<br/>Joining the network<br/>Publications<br/>Lectures and training":
        "سؤال عام<br/>الانضمام إلى الشبكة<br/>المنشورات<br/>المحاضرات والتدريب",
    "Message": "الرسالة",
    "I agree that the network stores my message to answer it":
        "أوافق على أن تحتفظ الشبكة برسالتي للرد عليها",
    # Focus areas
    "Focus areas": "مجالات التركيز",
    "Sixteen themes organise our research, teaching and publications. Each hub gathers "
    "everything the network has produced on its theme.":
        "ستة عشر موضوعًا تنظّم أبحاثنا وتعليمنا ومنشوراتنا، ويجمع كل محور كل ما أنتجته الشبكة "
        "في موضوعه.",
    "Why it matters": "لماذا يهمّ ذلك",
    **{slug: slug for slug in ARABIC_TOPICS},
}

# (English title, summary) → Arabic, for the topic pages in ARABIC_TOPICS.
_AR_TOPICS = {
    "Protection of Civilians": (
        "حماية المدنيين",
        "How armed forces and civilian actors keep people out of harm's way during conflict.",
        "كيف تُبعد القوات المسلحة والجهات المدنية الناسَ عن الأذى في أثناء النزاعات.",
    ),
    "Disaster Management and Humanitarian Assistance": (
        "إدارة الكوارث والمساعدة الإنسانية",
        "Civil-military coordination when natural or man-made disasters overwhelm local means.",
        "التنسيق المدني العسكري حين تتجاوز الكوارث الطبيعية أو البشرية قدرات الاستجابة المحلية.",
    ),
    "Women, Peace and Security": (
        "المرأة والسلام والأمن",
        "The roles of women in preventing conflict, building peace and shaping security.",
        "أدوار المرأة في منع النزاعات وبناء السلام وصياغة الأمن.",
    ),
}
for _title, (_title_ar, _summary, _summary_ar) in _AR_TOPICS.items():
    AR[_title] = _title_ar
    AR[_summary] = _summary_ar
    AR[_summary + _GATHERED] = _summary_ar + _GATHERED_AR

section_translations.add_to({"fr": FR, "de": DE, "ar": AR})
block_translations.add_to({"fr": FR, "de": DE, "ar": AR})

# The contact page in German (French and Arabic have theirs above).
DE.update({
    "Contact": "Kontakt",
    "Questions about the network, our courses or our publications? Write to the editors and "
    "we will answer within a few working days.":
        "Fragen zum Netzwerk, zu unseren Kursen oder Publikationen? Schreiben Sie der Redaktion; "
        "wir antworten innerhalb weniger Werktage.",
    "Thank you for writing. The editors have your message and will reply soon.":
        "Danke für Ihre Nachricht. Die Redaktion hat sie erhalten und antwortet bald.",
    "Message from the JCMI website": "Nachricht über die JCMI-Website",
    "Your name": "Ihr Name",
    "Your e-mail address": "Ihre E-Mail-Adresse",
    "We only use it to answer you.": "Wir verwenden sie nur für unsere Antwort.",
    "Organisation": "Organisation",
    "Topic": "Thema",
    "General question<br/>Joining the network<br/>Publications<br/>Lectures and training":
        "Allgemeine Frage<br/>Mitgliedschaft im Netzwerk<br/>Publikationen<br/>Vorträge und "
        "Ausbildung",
    "Message": "Nachricht",
    "I agree that the network stores my message to answer it":
        "Ich bin einverstanden, dass das Netzwerk meine Nachricht speichert, um sie zu "
        "beantworten",
})

TRANSLATIONS = {"fr": FR, "de": DE, "ar": AR}
