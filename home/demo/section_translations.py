"""Demo translations of the pages under the menu that the first demo left in English: the about
page's sections, education and training, joining, the focus areas' index. The English text
(``ENGLISH``) is the copy in content.py, named by key, so each language below lists the same keys;
``add_to`` files each translation under its English text, as translations.py does.
"""

# The pages under the menu that the first demo left in English: the about page's sections,
# education and training, joining, the focus areas' index (French, German) and the contact page
# (German). Slugs stay English, as above.
SLUGS = {slug: slug for slug in (
    "goals", "cmi-principles", "dos-and-donts", "nato-cmi-and-un-cmcoord", "assessment-models",
    "education-and-training", "join")}

ENGLISH = {
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

BY_LANGUAGE = {
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



def add_to(tables):
    """Add these translations to ``tables`` ({language: {English: translation}}), leaving
    what a table has already."""
    for code, table in tables.items():
        table.update(SLUGS)
        for key, text in BY_LANGUAGE[code].items():
            table.setdefault(ENGLISH[key], text)
