"""French, German and Arabic versions of the demo's pages, by English source string: every page
the menu leads to (home, about and its sections, focus areas' index, education and training,
joining, contact) in every language, and a few topic pages in Arabic.

home/demo/__init__.py feeds them to wagtail-localize segment by segment, so the translated pages stay
linked to their source and show up in the translation editor like any other translation.
"""

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

# The pages under the menu that the first demo left in English: the about page's sections,
# education and training, joining, the focus areas' index (French, German) and the contact page
# (German). Slugs stay English, as above.
_SECTION_SLUGS = {slug: slug for slug in (
    "goals", "cmi-principles", "dos-and-donts", "nato-cmi-and-un-cmcoord", "assessment-models",
    "education-and-training", "join")}

_EN = {
    "goals_title": "Our goals",
    "goals_intro": "Five goals shape everything the network does, from a single lecture to a "
                   "multi-year research project.",
    "goals_body": "Each goal answers a gap we have seen in practice: actors who meet for the "
                  "first time in the middle of a crisis, research that never reaches the people "
                  "who plan operations, and policy written without the voice of those who carry "
                  "it out.",
    "goals_list": "Our five goals",
    "principles_title": "Nine principles of civil-military interaction",
    "principles_intro": "Good interaction between military and non-military actors follows a "
                        "small set of principles. We teach them in every course we run.",
    "dos_title": "Do's and don'ts",
    "dos_intro": "A practical checklist for anyone about to work alongside actors from the other "
                 "side of the civil-military divide.",
    "do": "Do",
    "dont": "Don't",
    "compare_title": "NATO CMI and UN-CMCoord compared",
    "compare_intro": "Two frameworks govern most of the contact between armed forces and civilian "
                     "actors. They share vocabulary but not purpose.",
    "nato_heading": "NATO civil-military interaction",
    "nato_text": "For NATO, CMI is the communication, planning and coordination that its military "
                 "bodies share with international and local non-military actors, both in "
                 "operations and while preparing for them. The aim is a more effective and "
                 "efficient response to a crisis on every side.",
    "j9_text": "At a headquarters the CIMIC staff, the J9 branch, make this happen: they assess "
               "the non-military actors present, bring the right people together and keep the "
               "military's message coherent.",
    "un_heading": "UN Humanitarian Civil-Military Coordination",
    "un_text": "UN-CMCoord applies only to humanitarian emergencies and exists to serve the "
               "humanitarian effort. It protects the principles of humanity, neutrality, "
               "impartiality and independence, avoids competition, keeps inconsistency to a "
               "minimum and pursues common goals where that is appropriate.",
    "policy_title": "Policy background",
    "policy_text": "A 2008 humanitarian policy brief described coordination as the dialogue "
                   "needed to protect humanitarian principles, and noted that it differs for "
                   "national forces, multinational forces, UN peacekeepers, observers and "
                   "occupying forces.",
    "models_title": "Assessment models: PMESII and ASCOPE",
    "models_intro": "Two checklists help planners describe the civil environment before they "
                    "act in it.",
    "models_list": "The two models",
    "topics_title": "Focus areas",
    "topics_intro": "Sixteen themes organise our research, teaching and publications. Each hub "
                    "gathers everything the network has produced on its theme.",
    "education_title": "Education and training",
    "education_intro": "Lectures, symposia, training courses and university classes for "
                       "practitioners and students.",
    "lectures_heading": "Lecture series",
    "lectures_text": "An ongoing series of lectures brings practitioners and researchers to "
                     "universities and online audiences. Recordings stay available in the "
                     "lecture archive.",
    "courses_heading": "Training courses",
    "courses_text": "Our flagship course on civil-military coordination in peacekeeping runs "
                    "over five days in eight modules and ends with a certificate. Each run lists "
                    "its dates, venue and fees.",
    "classes_heading": "University classes",
    "classes_text": "Partner universities teach CMI classes and certificate programmes designed "
                    "with the network, and host symposia, seminars and workshops.",
    "join_intro": "Membership is open and free to anyone interested in civil-military "
                  "interaction.",
    "join_text": "Tell us a little about yourself and your work through the contact form. We "
                 "will add you to our mailing list and invite you to lectures, courses and "
                 "research projects that match your interests.",
    "join_callout": "Ready to take part?",
    "join_callout_text": "Write to the editors and say which focus areas interest you most.",
    "contact_us": "Contact us",
}

_SECTIONS = {
    "fr": {
        "goals_title": "Nos objectifs",
        "goals_intro": "Cinq objectifs orientent tout ce que fait le réseau, d'une simple "
                       "conférence à un projet de recherche de plusieurs années.",
        "goals_body": "Chacun répond à un manque constaté sur le terrain : des acteurs qui se "
                      "rencontrent pour la première fois en pleine crise, une recherche qui "
                      "n'atteint jamais ceux qui planifient les opérations, des politiques "
                      "rédigées sans entendre ceux qui les appliquent.",
        "goals_list": "Nos cinq objectifs",
        "principles_title": "Neuf principes de l'interaction civilo-militaire",
        "principles_intro": "Une bonne interaction entre acteurs militaires et non militaires "
                            "repose sur quelques principes. Nous les enseignons dans chacune de "
                            "nos formations.",
        "dos_title": "À faire, à éviter",
        "dos_intro": "Une liste pratique pour qui s'apprête à travailler avec des acteurs de "
                     "l'autre côté de la frontière civilo-militaire.",
        "do": "À faire",
        "dont": "À éviter",
        "compare_title": "La CMI de l'OTAN et l'UN-CMCoord comparées",
        "compare_intro": "Deux cadres régissent l'essentiel des contacts entre forces armées et "
                         "acteurs civils. Ils partagent un vocabulaire, pas une finalité.",
        "nato_heading": "L'interaction civilo-militaire à l'OTAN",
        "nato_text": "Pour l'OTAN, la CMI désigne la communication, la planification et la "
                     "coordination que ses organes militaires partagent avec les acteurs non "
                     "militaires, internationaux et locaux, en opération comme pendant leur "
                     "préparation. Le but : une réponse à la crise plus efficace et plus "
                     "efficiente pour chacun.",
        "j9_text": "Dans un quartier général, ce sont les équipes CIMIC, la branche J9, qui s'en "
                   "chargent : elles évaluent les acteurs non militaires présents, réunissent "
                   "les bonnes personnes et veillent à la cohérence du discours militaire.",
        "un_heading": "La coordination civilo-militaire humanitaire des Nations unies",
        "un_text": "L'UN-CMCoord ne s'applique qu'aux urgences humanitaires et sert l'action "
                   "humanitaire. Elle préserve les principes d'humanité, de neutralité, "
                   "d'impartialité et d'indépendance, évite la concurrence, réduit les "
                   "incohérences au minimum et poursuit des objectifs communs lorsque c'est "
                   "approprié.",
        "policy_title": "Contexte politique",
        "policy_text": "Une note de politique humanitaire de 2008 voyait dans la coordination le "
                       "dialogue nécessaire pour protéger les principes humanitaires, et "
                       "soulignait qu'elle varie selon qu'il s'agit de forces nationales, de "
                       "forces multinationales, de Casques bleus, d'observateurs ou de forces "
                       "d'occupation.",
        "models_title": "Modèles d'évaluation : PMESII et ASCOPE",
        "models_intro": "Deux grilles aident les planificateurs à décrire l'environnement civil "
                        "avant d'y agir.",
        "models_list": "Les deux modèles",
        "topics_title": "Domaines d'action",
        "topics_intro": "Seize thèmes structurent nos recherches, nos formations et nos "
                        "publications. Chaque page thématique rassemble tout ce que le réseau a "
                        "produit sur son sujet.",
        "education_title": "Enseignement et formation",
        "education_intro": "Conférences, symposiums, stages de formation et cours universitaires "
                           "pour praticiens et étudiants.",
        "lectures_heading": "Cycle de conférences",
        "lectures_text": "Un cycle permanent de conférences fait venir praticiens et chercheurs "
                         "dans les universités et en ligne. Les enregistrements restent "
                         "disponibles dans les archives.",
        "courses_heading": "Stages de formation",
        "courses_text": "Notre stage phare sur la coordination civilo-militaire dans le maintien "
                        "de la paix dure cinq jours, compte huit modules et se conclut par un "
                        "certificat. Chaque session indique ses dates, son lieu et ses tarifs.",
        "classes_heading": "Cours universitaires",
        "classes_text": "Des universités partenaires dispensent des cours et des certificats sur "
                        "la CMI conçus avec le réseau, et accueillent symposiums, séminaires et "
                        "ateliers.",
        "join_intro": "L'adhésion est libre et gratuite pour toute personne qui s'intéresse à "
                      "l'interaction civilo-militaire.",
        "join_text": "Présentez-vous en quelques mots, ainsi que votre travail, via le "
                     "formulaire de contact. Nous vous inscrirons à notre liste de diffusion et "
                     "vous inviterons aux conférences, formations et projets de recherche qui "
                     "correspondent à vos centres d'intérêt.",
        "join_callout": "Prêt à participer ?",
        "join_callout_text": "Écrivez à la rédaction en indiquant les domaines qui vous "
                             "intéressent le plus.",
        "contact_us": "Nous écrire",
    },
    "de": {
        "goals_title": "Unsere Ziele",
        "goals_intro": "Fünf Ziele prägen alles, was das Netzwerk tut – vom einzelnen Vortrag "
                       "bis zum mehrjährigen Forschungsprojekt.",
        "goals_body": "Jedes Ziel antwortet auf eine Lücke aus der Praxis: Akteure, die sich "
                      "mitten in einer Krise zum ersten Mal begegnen, Forschung, die nie bei den "
                      "Planern von Einsätzen ankommt, und Politik, die ohne die Stimme derer "
                      "entsteht, die sie umsetzen.",
        "goals_list": "Unsere fünf Ziele",
        "principles_title": "Neun Grundsätze der zivil-militärischen Interaktion",
        "principles_intro": "Gute Zusammenarbeit zwischen militärischen und nichtmilitärischen "
                            "Akteuren folgt wenigen Grundsätzen. Wir vermitteln sie in jedem "
                            "unserer Kurse.",
        "dos_title": "Was man tun und lassen sollte",
        "dos_intro": "Eine praktische Checkliste für alle, die bald mit Akteuren von der "
                     "anderen Seite der zivil-militärischen Grenze arbeiten.",
        "do": "Tun",
        "dont": "Lassen",
        "compare_title": "NATO-CMI und UN-CMCoord im Vergleich",
        "compare_intro": "Zwei Rahmenwerke regeln den Großteil der Kontakte zwischen "
                         "Streitkräften und zivilen Akteuren. Sie teilen das Vokabular, nicht "
                         "den Zweck.",
        "nato_heading": "Zivil-militärische Interaktion der NATO",
        "nato_text": "Für die NATO ist CMI die Kommunikation, Planung und Koordinierung, die "
                     "ihre militärischen Stellen mit internationalen und lokalen "
                     "nichtmilitärischen Akteuren teilen – im Einsatz und bei seiner "
                     "Vorbereitung. Ziel ist eine wirksamere und effizientere Krisenreaktion "
                     "auf allen Seiten.",
        "j9_text": "In einem Hauptquartier sorgt das CIMIC-Personal, die Abteilung J9, dafür: Es "
                   "bewertet die anwesenden nichtmilitärischen Akteure, bringt die richtigen "
                   "Leute zusammen und hält die Botschaft des Militärs stimmig.",
        "un_heading": "Humanitäre zivil-militärische Koordinierung der Vereinten Nationen",
        "un_text": "UN-CMCoord gilt nur in humanitären Notlagen und dient der humanitären "
                   "Hilfe. Sie schützt die Grundsätze der Menschlichkeit, Neutralität, "
                   "Unparteilichkeit und Unabhängigkeit, vermeidet Konkurrenz, hält "
                   "Widersprüche gering und verfolgt gemeinsame Ziele, wo das angebracht ist.",
        "policy_title": "Politischer Hintergrund",
        "policy_text": "Ein humanitäres Positionspapier von 2008 beschrieb Koordinierung als den "
                       "Dialog, der zum Schutz der humanitären Grundsätze nötig ist, und hielt "
                       "fest, dass sie sich je nach nationalen oder multinationalen Streitkräften, "
                       "UN-Friedenstruppen, Beobachtern oder Besatzungstruppen unterscheidet.",
        "models_title": "Analysemodelle: PMESII und ASCOPE",
        "models_intro": "Zwei Checklisten helfen Planern, das zivile Umfeld zu beschreiben, "
                        "bevor sie darin handeln.",
        "models_list": "Die beiden Modelle",
        "topics_title": "Schwerpunkte",
        "topics_intro": "Sechzehn Themen gliedern unsere Forschung, Lehre und Publikationen. "
                        "Jede Themenseite bündelt, was das Netzwerk dazu erarbeitet hat.",
        "education_title": "Lehre und Ausbildung",
        "education_intro": "Vorträge, Symposien, Lehrgänge und Hochschulkurse für Praktiker und "
                           "Studierende.",
        "lectures_heading": "Vortragsreihe",
        "lectures_text": "Eine fortlaufende Vortragsreihe bringt Praktiker und Forschende an "
                         "Hochschulen und zu Online-Publikum. Die Aufzeichnungen bleiben im "
                         "Vortragsarchiv abrufbar.",
        "courses_heading": "Lehrgänge",
        "courses_text": "Unser wichtigster Lehrgang zur zivil-militärischen Koordinierung in "
                        "Friedenseinsätzen dauert fünf Tage, umfasst acht Module und endet mit "
                        "einem Zertifikat. Jeder Termin nennt Daten, Ort und Gebühren.",
        "classes_heading": "Hochschulkurse",
        "classes_text": "Partnerhochschulen bieten gemeinsam mit dem Netzwerk entwickelte "
                        "CMI-Kurse und Zertifikatsprogramme an und richten Symposien, Seminare "
                        "und Workshops aus.",
        "join_intro": "Die Mitgliedschaft ist offen und kostenlos für alle, die sich für "
                      "zivil-militärische Interaktion interessieren.",
        "join_text": "Erzählen Sie uns über das Kontaktformular kurz von sich und Ihrer Arbeit. "
                     "Wir nehmen Sie in unseren Verteiler auf und laden Sie zu Vorträgen, Kursen "
                     "und Forschungsprojekten ein, die zu Ihren Interessen passen.",
        "join_callout": "Möchten Sie mitmachen?",
        "join_callout_text": "Schreiben Sie der Redaktion, welche Schwerpunkte Sie am meisten "
                             "interessieren.",
        "contact_us": "Schreiben Sie uns",
    },
    "ar": {
        "goals_title": "أهدافنا",
        "goals_intro": "خمسة أهداف توجّه كل ما تقوم به الشبكة، من محاضرة واحدة إلى مشروع بحثي "
                       "يمتد لسنوات.",
        "goals_body": "يسدّ كل هدف ثغرة لمسناها في الميدان: جهات تلتقي للمرة الأولى في خضمّ "
                      "الأزمة، وأبحاث لا تصل أبدًا إلى من يخططون للعمليات، وسياسات تُكتب دون "
                      "الاستماع إلى من ينفّذونها.",
        "goals_list": "أهدافنا الخمسة",
        "principles_title": "تسعة مبادئ للتفاعل المدني العسكري",
        "principles_intro": "يقوم التفاعل الجيد بين الجهات العسكرية وغير العسكرية على عدد قليل "
                            "من المبادئ، ندرّسها في كل دورة ننظمها.",
        "dos_title": "ما ينبغي فعله وما ينبغي تجنّبه",
        "dos_intro": "قائمة عملية لكل من يستعد للعمل إلى جانب جهات من الطرف الآخر في العلاقة "
                     "المدنية العسكرية.",
        "do": "افعل",
        "dont": "تجنّب",
        "compare_title": "مقارنة بين التفاعل المدني العسكري في الناتو وتنسيق الأمم المتحدة",
        "compare_intro": "يحكم إطاران معظم الاتصالات بين القوات المسلحة والجهات المدنية. "
                         "يشتركان في المفردات لا في الغاية.",
        "nato_heading": "التفاعل المدني العسكري في حلف الناتو",
        "nato_text": "يعني التفاعل المدني العسكري لدى الناتو التواصل والتخطيط والتنسيق الذي "
                     "تتقاسمه هيئاته العسكرية مع الجهات غير العسكرية الدولية والمحلية، في "
                     "العمليات وفي الإعداد لها، بهدف استجابة أنجع وأكفأ للأزمة من جميع الأطراف.",
        "j9_text": "في مقر القيادة يتولى ذلك موظفو التعاون المدني العسكري، أي الفرع J9: "
                   "يقيّمون الجهات غير العسكرية الموجودة، ويجمعون الأشخاص المناسبين، ويحافظون "
                   "على اتساق الرسالة العسكرية.",
        "un_heading": "التنسيق المدني العسكري الإنساني للأمم المتحدة",
        "un_text": "لا ينطبق هذا التنسيق إلا على حالات الطوارئ الإنسانية، وغايته خدمة العمل "
                   "الإنساني. فهو يصون مبادئ الإنسانية والحياد وعدم التحيز والاستقلال، ويتجنب "
                   "التنافس، ويقلّل التضارب إلى أدنى حد، ويسعى إلى أهداف مشتركة حين يكون ذلك "
                   "مناسبًا.",
        "policy_title": "خلفية السياسات",
        "policy_text": "وصفت ورقة سياسات إنسانية صدرت عام 2008 التنسيق بأنه الحوار اللازم لحماية "
                       "المبادئ الإنسانية، ولاحظت أنه يختلف بحسب القوات: وطنية أو متعددة "
                       "الجنسيات، أو قوات حفظ سلام أممية، أو مراقبين، أو قوات احتلال.",
        "models_title": "نماذج التقييم: PMESII وASCOPE",
        "models_intro": "قائمتا تحقق تساعدان المخططين على وصف البيئة المدنية قبل العمل فيها.",
        "models_list": "النموذجان",
        "education_title": "التعليم والتدريب",
        "education_intro": "محاضرات وندوات ودورات تدريبية ومقررات جامعية للممارسين والطلاب.",
        "lectures_heading": "سلسلة المحاضرات",
        "lectures_text": "تستضيف سلسلة محاضرات مستمرة ممارسين وباحثين في الجامعات وعبر الإنترنت، "
                         "وتبقى التسجيلات متاحة في أرشيف المحاضرات.",
        "courses_heading": "الدورات التدريبية",
        "courses_text": "تمتد دورتنا الرئيسية في التنسيق المدني العسكري في حفظ السلام خمسة أيام "
                        "في ثماني وحدات، وتُختتم بشهادة. ويذكر كل موعد تواريخه ومكانه ورسومه.",
        "classes_heading": "المقررات الجامعية",
        "classes_text": "تدرّس جامعات شريكة مقررات وبرامج شهادات في التفاعل المدني العسكري "
                        "صُممت مع الشبكة، وتستضيف ندوات وحلقات نقاش وورش عمل.",
        "join_intro": "العضوية مفتوحة ومجانية لكل من يهتم بالتفاعل المدني العسكري.",
        "join_text": "عرّفنا بنفسك وبعملك في بضع كلمات عبر نموذج الاتصال، وسنضيفك إلى قائمتنا "
                     "البريدية وندعوك إلى المحاضرات والدورات والمشاريع البحثية التي تناسب "
                     "اهتماماتك.",
        "join_callout": "هل أنت مستعد للمشاركة؟",
        "join_callout_text": "اكتب إلى هيئة التحرير واذكر مجالات التركيز التي تهمّك أكثر.",
        "contact_us": "راسلنا",
    },
}

for _code, _table in (("fr", FR), ("de", DE), ("ar", AR)):
    _table.update(_SECTION_SLUGS)
    for _key, _text in _SECTIONS[_code].items():
        _table.setdefault(_EN[_key], _text)

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
