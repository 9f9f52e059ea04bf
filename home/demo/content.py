"""The words of the demo site, kept apart from the code that builds it (home/demo.py).

Written for this project from the facts in DOMAIN.md. Rich text is one paragraph per string, so
that each string is one wagtail-localize segment and the translations below can match it.
"""

HOME = {
    "title": "Home",
    "hero_title": "Where civilian and military actors learn to work together",
    "hero_text": (
        "The JCMI Research and Education Network connects civil society, government agencies, "
        "armed forces and scholars who study how conflicts are prevented, managed and resolved."
    ),
    "hero_cta_text": "Find out who we are",
    "mission_title": "Our mission",
    "mission": [
        "We study and teach civil-military interaction before, during and after violent "
        "conflict, and in humanitarian emergencies and disaster response.",
        "Anyone with an interest in civil-military interaction and co-operation is welcome to "
        "take part: practitioners, students, researchers and policy-makers alike.",
    ],
    "goals_title": "What we work towards",
    "goals": [
        ("Stronger partnerships",
         "Help civilian and military actors know, trust and rely on one another."),
        ("Shared research",
         "Connect researchers across borders so that evidence travels with the people who use it."),
        ("Informed decisions",
         "Give policy-makers clear, independent knowledge about civil-military interaction."),
        ("A trans-Atlantic bond",
         "Strengthen the partnership between Europe and North America in crisis response."),
        ("Better public policy",
         "Promote policy that makes peacebuilding and humanitarian response more effective."),
    ],
}

ABOUT = {
    "title": "About the network",
    "intro": (
        "A meeting place for everyone who works where the civilian and the military worlds "
        "meet: in the field, in headquarters and in the classroom."
    ),
    "body": [
        ("heading", "How it began"),
        ("paragraph",
         "The network grew out of an experiment in 2013, when a small group of officers and "
         "researchers from the land, sea and air domains began to compare notes. That group "
         "became known as the JCMI Group."),
        ("paragraph",
         "Today the network works with NATO Headquarters and both strategic commands, with the "
         "NATO-accredited Centres of Excellence, with non-governmental and international "
         "organisations, and with universities on several continents."),
        ("heading", "Who we work with"),
        ("paragraph",
         "The Multinational Joint Headquarters Ulm is one of our closest partners, and the CIMIC "
         "Centre of Excellence in The Hague shares its doctrine and training expertise with us."),
        ("quote", "Nobody resolves a crisis alone. Civilians and soldiers who understand each "
                  "other's limits make fewer promises and keep more of them."),
        ("callout", "Open to everyone",
         "You do not need a uniform or a university post to join: an interest in civil-military "
         "interaction is enough.",
         "Join the network"),
    ],
}

ABOUT_CHILDREN = [
    {
        "slug": "goals",
        "title": "Our goals",
        "intro": "Five goals shape everything the network does, from a single lecture to a "
                 "multi-year research project.",
        "body": [
            ("paragraph",
             "Each goal answers a gap we have seen in practice: actors who meet for the first "
             "time in the middle of a crisis, research that never reaches the people who plan "
             "operations, and policy written without the voice of those who carry it out."),
            ("accordion", "Our five goals", [
                ("Strengthen partnerships among CMI actors",
                 "We bring people together before a crisis, so that they already know whom to "
                 "call when one begins."),
                ("Build international research collaboration",
                 "We connect research teams and share data, methods and findings across "
                 "national and institutional borders."),
                ("Inform and educate policy-makers",
                 "We turn research into briefings, courses and white papers that busy decision "
                 "makers can use."),
                ("Strengthen the trans-Atlantic partnership",
                 "We keep European and North American practitioners and scholars in dialogue."),
                ("Promote public policy for peacebuilding and humanitarian response",
                 "We argue for policy that lets civilian and military efforts support rather "
                 "than hinder one another."),
            ]),
        ],
    },
    {
        "slug": "cmi-principles",
        "title": "Nine principles of civil-military interaction",
        "intro": "Good interaction between military and non-military actors follows a small set "
                 "of principles. We teach them in every course we run.",
        "body": [
            ("table", "The nine principles", ["Principle", "What it means in practice"], [
                ["Respect autonomy",
                 "Understand that non-military actors decide for themselves, and respect it."],
                ["Engage early", "Reach out proactively instead of waiting for a problem."],
                ["Mutual respect, trust and transparency",
                 "Be open about intentions and limits; trust is built before it is needed."],
                ["Listen to experts", "Adapt plans to the advice of those who know the ground."],
                ["Local ownership", "Let local people and institutions lead wherever possible."],
                ["Internal coherence", "Speak with one voice and keep the message consistent."],
                ["Plan the transition", "Know from day one how and to whom you will hand over."],
                ["Share information both ways",
                 "Exchange information reciprocally and work towards a common purpose."],
                ["Stay within mandate and law",
                 "Act only within the mission's mandate and the applicable law."],
            ]),
        ],
    },
    {
        "slug": "dos-and-donts",
        "title": "Do's and don'ts",
        "intro": "A practical checklist for anyone about to work alongside actors from the other "
                 "side of the civil-military divide.",
        "body": [
            ("dos_and_donts", [
                "Build personal relationships early",
                "Align strategies while you are still planning",
                "Evaluate results and share what you learned",
                "Explain how your organisation operates",
                "Describe how the effort will be sustained",
                "Respect the decisions of your partners",
                "Communicate time frames clearly",
            ], [
                "Stereotype the other side",
                "Put up barriers to contact",
                "Disregard humanitarian principles",
                "Create dependency",
                "Promise what you cannot deliver",
                "Underestimate the need to share information",
                "Plan in isolation",
                "Build parallel structures",
            ]),
        ],
    },
    {
        "slug": "nato-cmi-and-un-cmcoord",
        "title": "NATO CMI and UN-CMCoord compared",
        "intro": "Two frameworks govern most of the contact between armed forces and civilian "
                 "actors. They share vocabulary but not purpose.",
        "body": [
            ("heading", "NATO civil-military interaction"),
            ("paragraph",
             "For NATO, CMI is the communication, planning and coordination that its military "
             "bodies share with international and local non-military actors, both in operations "
             "and while preparing for them. The aim is a more effective and efficient response "
             "to a crisis on every side."),
            ("paragraph",
             "At a headquarters the CIMIC staff, the J9 branch, make this happen: they assess the "
             "non-military actors present, bring the right people together and keep the "
             "military's message coherent."),
            ("heading", "UN Humanitarian Civil-Military Coordination"),
            ("paragraph",
             "UN-CMCoord applies only to humanitarian emergencies and exists to serve the "
             "humanitarian effort. It protects the principles of humanity, neutrality, "
             "impartiality and independence, avoids competition, keeps inconsistency to a "
             "minimum and pursues common goals where that is appropriate."),
            ("table", "At a glance", ["", "NATO CMI", "UN-CMCoord"], [
                ["Applies to", "Operations and their preparation", "Humanitarian emergencies only"],
                ["Serves", "An effective and efficient crisis response",
                 "The humanitarian effort"],
                ["Led by", "Military CIMIC staff (J9)", "Humanitarian coordinators"],
            ]),
            ("callout", "Policy background",
             "A 2008 humanitarian policy brief described coordination as the dialogue needed to "
             "protect humanitarian principles, and noted that it differs for national forces, "
             "multinational forces, UN peacekeepers, observers and occupying forces.",
             ""),
        ],
    },
    {
        "slug": "assessment-models",
        "title": "Assessment models: PMESII and ASCOPE",
        "intro": "Two checklists help planners describe the civil environment before they act "
                 "in it.",
        "body": [
            ("accordion", "The two models", [
                ("PMESII",
                 "Political, Military, Economic, Social, Information and Infrastructure: six "
                 "systems that together describe how a society works."),
                ("ASCOPE",
                 "Areas, Structures, Capabilities, Organisations, People and Events: six lenses "
                 "that locate the civil factors on the ground."),
                ("Using them together",
                 "Crossing the two lists gives a grid in which each cell asks a concrete "
                 "question, for example which economic structures matter in a given area."),
            ]),
        ],
    },
]

EDUCATION = {
    "slug": "education-and-training",
    "title": "Education and training",
    "intro": "Lectures, symposia, training courses and university classes for practitioners "
             "and students.",
    "body": [
        ("heading", "Lecture series"),
        ("paragraph",
         "An ongoing series of lectures brings practitioners and researchers to universities "
         "and online audiences. Recordings stay available in the lecture archive."),
        ("heading", "Training courses"),
        ("paragraph",
         "Our flagship course on civil-military coordination in peacekeeping runs over five "
         "days in eight modules and ends with a certificate. Each run lists its dates, venue "
         "and fees."),
        ("heading", "University classes"),
        ("paragraph",
         "Partner universities teach CMI classes and certificate programmes designed with the "
         "network, and host symposia, seminars and workshops."),
    ],
}

JOIN = {
    "slug": "join",
    "title": "Join the network",
    "intro": "Membership is open and free to anyone interested in civil-military interaction.",
    "body": [
        ("paragraph",
         "Tell us a little about yourself and your work through the contact form. We will add "
         "you to our mailing list and invite you to lectures, courses and research projects "
         "that match your interests."),
        ("callout", "Ready to take part?",
         "Write to the editors and say which focus areas interest you most.",
         "Contact us"),
    ],
}

TOPIC_INDEX = {
    "title": "Focus areas",
    "intro": "Sixteen themes organise our research, teaching and publications. Each hub "
             "gathers everything the network has produced on its theme.",
}

# (slug, title, summary)
TOPICS = [
    ("protection-of-civilians", "Protection of Civilians",
     "How armed forces and civilian actors keep people out of harm's way during conflict."),
    ("reduction-of-civilian-casualties", "Reduction of Civilian Casualties",
     "Tracking, analysing and preventing harm to civilians caused by military operations."),
    ("non-lethal-capability", "Non-Lethal Capability",
     "Means that influence behaviour or stop a threat without causing lasting injury."),
    ("cultural-property-protection", "Cultural Property Protection",
     "Safeguarding monuments, archives and heritage sites in armed conflict and disaster."),
    ("religion", "Religion",
     "Understanding religious actors and beliefs as part of the civil environment."),
    ("civil-and-homeland-security", "Civil and Homeland Security",
     "How states protect their populations at home and how militaries support that effort."),
    ("critical-infrastructure-protection", "Critical Infrastructure Protection",
     "Keeping power, water, transport and communications running when crises strike."),
    ("risk-reduction", "Risk Reduction",
     "Lowering the likelihood and the impact of crises before they happen."),
    ("disaster-management-and-humanitarian-assistance",
     "Disaster Management and Humanitarian Assistance",
     "Civil-military coordination when natural or man-made disasters overwhelm local means."),
    ("joint-medical-stability-operations", "Joint Medical Stability Operations",
     "Health services as a bridge between military missions and civilian populations."),
    ("good-governance", "Good Governance",
     "Accountable, transparent institutions as the basis of lasting stability."),
    ("rule-of-law", "Rule of Law",
     "Courts, police and legal frameworks that people can trust after conflict."),
    ("women-peace-and-security", "Women, Peace and Security",
     "The roles of women in preventing conflict, building peace and shaping security."),
    ("children-and-armed-conflict", "Children and Armed Conflict",
     "Protecting children from recruitment, violence and the loss of schooling and care."),
    ("building-integrity", "Building Integrity",
     "Reducing corruption risks in defence and security institutions."),
    ("gender", "Gender",
     "How gender shapes needs, risks and opportunities in crisis and conflict."),
]

CONTACT = {
    "slug": "contact",
    "title": "Contact",
    "intro": "Questions about the network, our courses or our publications? Write to the "
             "editors and we will answer within a few working days.",
    "thank_you": "Thank you for writing. The editors have your message and will reply soon.",
    "subject": "Message from the JCMI website",
    # (label, field_type, required, choices, help_text)
    "fields": [
        ("Your name", "singleline", True, "", ""),
        ("Your e-mail address", "email", True, "", "We only use it to answer you."),
        ("Organisation", "singleline", False, "", ""),
        ("Topic", "dropdown", True,
         "General question\nJoining the network\nPublications\nLectures and training", ""),
        ("Message", "multiline", True, "", ""),
        ("I agree that the network stores my message to answer it", "checkbox", True, "", ""),
    ],
}

PARTNERS = [
    ("CIMIC Centre of Excellence", "nato",
     "NATO-accredited centre in The Hague that develops civil-military co-operation doctrine "
     "and training.", "https://www.cimic-coe.org/"),
    ("Multinational Joint Headquarters Ulm", "nato",
     "NATO Joint Support and Enabling Command and a key partner of the network.", ""),
    ("NATO Allied Command Transformation", "nato",
     "NATO's strategic command for the future of the Alliance's forces and concepts.", ""),
    ("Humanitarian Field Dialogue (demo)", "ngo",
     "An example non-governmental organisation that coordinates relief agencies in the field.",
     ""),
    ("Institute for Conflict Resolution Studies (demo)", "university",
     "An example university institute that co-teaches the network's certificate programme.",
     ""),
    ("Regional Civil Protection Agency (demo)", "government",
     "An example government agency that plans disaster response with military partners.", ""),
    ("International Coordination Office (demo)", "international",
     "An example international organisation office for humanitarian coordination.", ""),
]

# (slug, honorific, name, position, affiliation, bio, listed)
PEOPLE = [
    ("mira-halvorsen", "Dr", "Mira Halvorsen", "Network coordinator",
     "JCMI Research and Education Network",
     "Mira coordinates the network's research projects and its lecture series.", True),
    ("tomas-weber", "Col. (ret.)", "Tomas Weber", "Senior fellow, CIMIC practice",
     "JCMI Research and Education Network",
     "Tomas served in CIMIC posts at several headquarters before joining the network.", True),
    ("leila-haddad", "Prof.", "Leila Haddad", "Chair of the editorial board",
     "Institute for Conflict Resolution Studies (demo)",
     "Leila researches humanitarian negotiation and edits the monograph series.", True),
    ("jean-moreau", "", "Jean Moreau", "Humanitarian adviser",
     "Humanitarian Field Dialogue (demo)",
     "Jean has worked on civil-military coordination in several humanitarian emergencies.",
     False),
]

SITE_SETTINGS = {
    "organisation_name": "JCMI Research and Education Network",
    "operator": "Interacta Global d.o.o.",
    "email": "info@jcmi.example",
    "phone": "+386 1 000 0000",
    "address": "c/o Interacta Global d.o.o.\nEU",
    "twitter_url": "https://x.com/jcmi_network_demo",
    "facebook_url": "https://www.facebook.com/jcmi.network.demo",
    "linkedin_url": "https://www.linkedin.com/company/jcmi-network-demo",
    "vimeo_url": "https://vimeo.com/jcminetworkdemo",
    "youtube_url": "https://www.youtube.com/@jcmi-network-demo",
}
