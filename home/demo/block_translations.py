"""French, German and Arabic for the demo's lists and tables: the accordions' items, the do's
and don'ts, and the tables' captions and cells (content.ABOUT_CHILDREN).

These blocks reach wagtail-localize only since their items carry ids (home/demo ``list_items``)
and the table offers its cells (cms.blocks.TranslatableTableBlock); before, they showed in
English on every translated page. Each English string maps to its (French, German, Arabic).
Acronyms that the network uses as they are (PMESII, ASCOPE, UN-CMCoord) stay as they are.
"""

LANGUAGES = ("fr", "de", "ar")

STRINGS = {
    # Our goals: the five goals' accordion.
    "Strengthen partnerships among CMI actors": (
        "Renforcer les partenariats entre acteurs de la CMI",
        "Partnerschaften zwischen CMI-Akteuren stärken",
        "تعزيز الشراكات بين الفاعلين في التفاعل المدني العسكري",
    ),
    "We bring people together before a crisis, so that they already know whom to call when one "
    "begins.": (
        "Nous réunissons les acteurs avant la crise, pour qu'ils sachent déjà qui appeler "
        "lorsqu'elle éclate.",
        "Wir bringen Menschen vor einer Krise zusammen, damit sie schon wissen, wen sie anrufen "
        "können, wenn sie beginnt.",
        "نجمع الناس قبل وقوع الأزمة، حتى يعرفوا مسبقًا بمن يتصلون حين تبدأ.",
    ),
    "Build international research collaboration": (
        "Développer la coopération internationale en recherche",
        "Internationale Forschungszusammenarbeit aufbauen",
        "بناء التعاون البحثي الدولي",
    ),
    "We connect research teams and share data, methods and findings across national and "
    "institutional borders.": (
        "Nous relions des équipes de recherche et partageons données, méthodes et résultats "
        "par-delà les frontières nationales et institutionnelles.",
        "Wir vernetzen Forschungsteams und teilen Daten, Methoden und Ergebnisse über nationale "
        "und institutionelle Grenzen hinweg.",
        "نربط بين فرق البحث ونتبادل البيانات والمناهج والنتائج عبر الحدود الوطنية والمؤسسية.",
    ),
    "Inform and educate policy-makers": (
        "Informer et former les décideurs",
        "Entscheidungstragende informieren und weiterbilden",
        "إطلاع صانعي السياسات وتثقيفهم",
    ),
    "We turn research into briefings, courses and white papers that busy decision makers can "
    "use.": (
        "Nous traduisons la recherche en notes de synthèse, en formations et en livres blancs "
        "dont des décideurs pressés peuvent se servir.",
        "Wir machen aus Forschung Briefings, Kurse und Weißbücher, mit denen vielbeschäftigte "
        "Entscheidungstragende arbeiten können.",
        "نحوّل البحوث إلى إحاطات ودورات وأوراق بيضاء يستطيع صانعو القرار المنشغلون الإفادة منها.",
    ),
    "Strengthen the trans-Atlantic partnership": (
        "Renforcer le partenariat transatlantique",
        "Die transatlantische Partnerschaft stärken",
        "تعزيز الشراكة عبر الأطلسي",
    ),
    "We keep European and North American practitioners and scholars in dialogue.": (
        "Nous entretenons le dialogue entre praticiens et chercheurs d'Europe et d'Amérique du "
        "Nord.",
        "Wir halten Fachleute aus Praxis und Wissenschaft in Europa und Nordamerika im Gespräch.",
        "نُبقي الحوار قائمًا بين الممارسين والباحثين في أوروبا وأمريكا الشمالية.",
    ),
    "Promote public policy for peacebuilding and humanitarian response": (
        "Promouvoir des politiques publiques au service de la paix et de l'action humanitaire",
        "Politik für Friedensförderung und humanitäre Hilfe voranbringen",
        "الدعوة إلى سياسات عامة لبناء السلام والاستجابة الإنسانية",
    ),
    "We argue for policy that lets civilian and military efforts support rather than hinder "
    "one another.": (
        "Nous plaidons pour des politiques qui permettent aux efforts civils et militaires de se "
        "soutenir plutôt que de se gêner.",
        "Wir setzen uns für eine Politik ein, in der sich zivile und militärische Anstrengungen "
        "gegenseitig stützen statt behindern.",
        "ندعو إلى سياسات تجعل الجهود المدنية والعسكرية يدعم بعضها بعضًا بدلًا من أن يعرقل بعضها "
        "بعضًا.",
    ),
    # Assessment models: the two models' accordion.
    "PMESII": ("PMESII", "PMESII", "PMESII"),
    "Political, Military, Economic, Social, Information and Infrastructure: six systems that "
    "together describe how a society works.": (
        "Politique, Militaire, Économique, Social, Information et Infrastructures : six systèmes "
        "qui, ensemble, décrivent le fonctionnement d'une société.",
        "Politik, Militär, Wirtschaft, Soziales, Information und Infrastruktur: sechs Systeme, "
        "die zusammen beschreiben, wie eine Gesellschaft funktioniert.",
        "السياسة والجيش والاقتصاد والمجتمع والمعلومات والبنية التحتية: ستة أنظمة تصف معًا كيف "
        "يعمل المجتمع.",
    ),
    "ASCOPE": ("ASCOPE", "ASCOPE", "ASCOPE"),
    "Areas, Structures, Capabilities, Organisations, People and Events: six lenses that locate "
    "the civil factors on the ground.": (
        "Zones, Structures, Capacités, Organisations, Population et Événements : six angles "
        "d'analyse qui situent les facteurs civils sur le terrain.",
        "Gebiete, Strukturen, Fähigkeiten, Organisationen, Menschen und Ereignisse: sechs "
        "Blickwinkel, die die zivilen Faktoren vor Ort verorten.",
        "المناطق والهياكل والقدرات والمنظمات والسكان والأحداث: ست زوايا نظر تحدّد مواقع العوامل "
        "المدنية على الأرض.",
    ),
    "Using them together": (
        "Les utiliser ensemble",
        "Beide zusammen nutzen",
        "استخدامهما معًا",
    ),
    "Crossing the two lists gives a grid in which each cell asks a concrete question, for "
    "example which economic structures matter in a given area.": (
        "Croiser les deux listes donne une grille dont chaque case pose une question concrète, "
        "par exemple : quelles structures économiques comptent dans une zone donnée ?",
        "Kreuzt man beide Listen, entsteht ein Raster, in dem jedes Feld eine konkrete Frage "
        "stellt, etwa welche wirtschaftlichen Strukturen in einem bestimmten Gebiet zählen.",
        "يؤدي تقاطع القائمتين إلى شبكة تطرح كل خانة فيها سؤالًا محددًا، مثل: ما الهياكل "
        "الاقتصادية المهمة في منطقة بعينها؟",
    ),
    # Do's and don'ts: what to do (French and German as instructions, Arabic as imperatives).
    "Build personal relationships early": (
        "Nouer tôt des relations personnelles",
        "Früh persönliche Beziehungen aufbauen",
        "ابنِ علاقات شخصية مبكرًا",
    ),
    "Align strategies while you are still planning": (
        "Accorder les stratégies dès la planification",
        "Strategien schon in der Planung abstimmen",
        "نسّق الاستراتيجيات وأنت ما زلت تخطط",
    ),
    "Evaluate results and share what you learned": (
        "Évaluer les résultats et partager les enseignements",
        "Ergebnisse auswerten und Erkenntnisse teilen",
        "قيّم النتائج وشارك ما تعلّمته",
    ),
    "Explain how your organisation operates": (
        "Expliquer le fonctionnement de son organisation",
        "Erklären, wie die eigene Organisation arbeitet",
        "اشرح طريقة عمل مؤسستك",
    ),
    "Describe how the effort will be sustained": (
        "Décrire comment l'action sera pérennisée",
        "Beschreiben, wie die Arbeit auf Dauer weitergeht",
        "بيّن كيف سيستمر الجهد على المدى البعيد",
    ),
    "Respect the decisions of your partners": (
        "Respecter les décisions de ses partenaires",
        "Die Entscheidungen der Partner respektieren",
        "احترم قرارات شركائك",
    ),
    "Communicate time frames clearly": (
        "Annoncer clairement les délais",
        "Zeitrahmen klar kommunizieren",
        "أعلن الأطر الزمنية بوضوح",
    ),
    # ... and what to avoid (Arabic as nouns under the column's title, "تجنّب").
    "Stereotype the other side": (
        "Enfermer l'autre partie dans des stéréotypes",
        "Die andere Seite in Schubladen stecken",
        "تنميط الطرف الآخر",
    ),
    "Put up barriers to contact": (
        "Dresser des obstacles au contact",
        "Hürden für den Kontakt errichten",
        "وضع العوائق أمام التواصل",
    ),
    "Disregard humanitarian principles": (
        "Négliger les principes humanitaires",
        "Humanitäre Grundsätze missachten",
        "تجاهل المبادئ الإنسانية",
    ),
    "Create dependency": (
        "Créer de la dépendance",
        "Abhängigkeiten schaffen",
        "خلق التبعية",
    ),
    "Promise what you cannot deliver": (
        "Promettre ce qu'on ne peut pas tenir",
        "Versprechen, was man nicht halten kann",
        "الوعد بما لا تستطيع الوفاء به",
    ),
    "Underestimate the need to share information": (
        "Sous-estimer le besoin de partager l'information",
        "Den Bedarf an Informationsaustausch unterschätzen",
        "الاستهانة بضرورة تبادل المعلومات",
    ),
    "Plan in isolation": (
        "Planifier en vase clos",
        "Im Alleingang planen",
        "التخطيط بمعزل عن الآخرين",
    ),
    "Build parallel structures": (
        "Bâtir des structures parallèles",
        "Parallelstrukturen aufbauen",
        "إنشاء هياكل موازية",
    ),
    # Nine principles: the table.
    "The nine principles": ("Les neuf principes", "Die neun Grundsätze", "المبادئ التسعة"),
    "Principle": ("Principe", "Grundsatz", "المبدأ"),
    "What it means in practice": (
        "Ce qu'il signifie en pratique",
        "Was er in der Praxis bedeutet",
        "ما يعنيه عمليًا",
    ),
    "Respect autonomy": ("Respecter l'autonomie", "Eigenständigkeit achten", "احترام الاستقلالية"),
    "Understand that non-military actors decide for themselves, and respect it.": (
        "Comprendre que les acteurs non militaires décident par eux-mêmes, et le respecter.",
        "Verstehen, dass nichtmilitärische Akteure selbst entscheiden, und das respektieren.",
        "أن تدرك أن الجهات غير العسكرية تتخذ قراراتها بنفسها، وأن تحترم ذلك.",
    ),
    "Engage early": ("S'engager tôt", "Früh auf andere zugehen", "المبادرة المبكرة"),
    "Reach out proactively instead of waiting for a problem.": (
        "Aller au-devant des autres plutôt qu'attendre qu'un problème surgisse.",
        "Aktiv Kontakt suchen, statt auf ein Problem zu warten.",
        "أن تبادر بالتواصل بدل انتظار وقوع مشكلة.",
    ),
    "Mutual respect, trust and transparency": (
        "Respect mutuel, confiance et transparence",
        "Gegenseitiger Respekt, Vertrauen und Transparenz",
        "الاحترام المتبادل والثقة والشفافية",
    ),
    "Be open about intentions and limits; trust is built before it is needed.": (
        "Être franc sur ses intentions et ses limites : la confiance se construit avant qu'on en "
        "ait besoin.",
        "Offen über Absichten und Grenzen sprechen; Vertrauen entsteht, bevor man es braucht.",
        "أن تكون صريحًا بشأن نواياك وحدودك؛ فالثقة تُبنى قبل الحاجة إليها.",
    ),
    "Listen to experts": ("Écouter les experts", "Auf Fachleute hören", "الإصغاء إلى الخبراء"),
    "Adapt plans to the advice of those who know the ground.": (
        "Adapter les plans aux conseils de ceux qui connaissent le terrain.",
        "Pläne an den Rat derer anpassen, die die Lage vor Ort kennen.",
        "أن تكيّف الخطط وفق نصائح من يعرفون الميدان.",
    ),
    "Local ownership": ("Appropriation locale", "Lokale Eigenverantwortung", "الملكية المحلية"),
    "Let local people and institutions lead wherever possible.": (
        "Laisser la population et les institutions locales prendre la tête partout où c'est "
        "possible.",
        "Menschen und Institutionen vor Ort die Führung überlassen, wo immer es geht.",
        "أن تترك القيادة للسكان والمؤسسات المحلية كلما أمكن ذلك.",
    ),
    "Internal coherence": ("Cohérence interne", "Innere Geschlossenheit", "الاتساق الداخلي"),
    "Speak with one voice and keep the message consistent.": (
        "Parler d'une seule voix et garder un message cohérent.",
        "Mit einer Stimme sprechen und die Botschaft einheitlich halten.",
        "أن تتحدث بصوت واحد وتحافظ على اتساق الرسالة.",
    ),
    "Plan the transition": (
        "Planifier la transition",
        "Den Übergang planen",
        "التخطيط للمرحلة الانتقالية",
    ),
    "Know from day one how and to whom you will hand over.": (
        "Savoir dès le premier jour comment et à qui passer le relais.",
        "Vom ersten Tag an wissen, wie und an wen man übergibt.",
        "أن تعرف منذ اليوم الأول كيف ستسلّم المهام ولمن.",
    ),
    "Share information both ways": (
        "Partager l'information dans les deux sens",
        "Informationen in beide Richtungen teilen",
        "تبادل المعلومات في الاتجاهين",
    ),
    "Exchange information reciprocally and work towards a common purpose.": (
        "Échanger l'information de façon réciproque et œuvrer à un but commun.",
        "Informationen wechselseitig austauschen und auf ein gemeinsames Ziel hinarbeiten.",
        "أن تتبادل المعلومات مع الآخرين وتعمل معهم نحو غاية مشتركة.",
    ),
    "Stay within mandate and law": (
        "Rester dans le mandat et le droit",
        "Mandat und Recht einhalten",
        "الالتزام بالتفويض والقانون",
    ),
    "Act only within the mission's mandate and the applicable law.": (
        "N'agir que dans le cadre du mandat de la mission et du droit applicable.",
        "Nur im Rahmen des Mandats der Mission und des geltenden Rechts handeln.",
        "ألا تتصرف إلا في حدود تفويض البعثة والقانون الساري.",
    ),
    # NATO CMI and UN-CMCoord compared: the table.
    "At a glance": ("En bref", "Auf einen Blick", "لمحة سريعة"),
    "NATO CMI": ("CMI de l'OTAN", "NATO-CMI", "التفاعل المدني العسكري في الناتو"),
    "UN-CMCoord": ("UN-CMCoord", "UN-CMCoord", "التنسيق المدني العسكري الأممي"),
    "Applies to": ("S'applique à", "Gilt für", "مجال التطبيق"),
    "Operations and their preparation": (
        "Les opérations et leur préparation",
        "Einsätze und ihre Vorbereitung",
        "العمليات والإعداد لها",
    ),
    "Humanitarian emergencies only": (
        "Les urgences humanitaires seulement",
        "Nur humanitäre Notlagen",
        "حالات الطوارئ الإنسانية فقط",
    ),
    "Serves": ("Au service de", "Dient", "يخدم"),
    "An effective and efficient crisis response": (
        "Une réponse aux crises efficace et efficiente",
        "einer wirksamen und effizienten Krisenreaktion",
        "استجابة فعّالة وكفؤة للأزمات",
    ),
    "The humanitarian effort": (
        "L'action humanitaire",
        "der humanitären Hilfe",
        "العمل الإنساني",
    ),
    "Led by": ("Piloté par", "Geleitet von", "بقيادة"),
    "Military CIMIC staff (J9)": (
        "Les équipes CIMIC militaires (J9)",
        "militärischem CIMIC-Personal (J9)",
        "فرع التعاون المدني العسكري في القيادة العسكرية (J9)",
    ),
    "Humanitarian coordinators": (
        "Les coordonnateurs humanitaires",
        "humanitären Koordinatorinnen und Koordinatoren",
        "منسّقي الشؤون الإنسانية",
    ),
}


def add_to(tables):
    """Add these translations to ``tables`` ({language: {English: translation}}), leaving what a
    table has already."""
    for english, translations in STRINGS.items():
        for code, text in zip(LANGUAGES, translations, strict=True):
            tables[code].setdefault(english, text)
