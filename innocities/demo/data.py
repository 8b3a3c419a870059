"""The static content of the demo: organisations, people, programmes, and the texts projects are made of.

Everything here is fictional but written the way Norwegian and Swedish municipalities, ports and energy
companies describe their work. Texts are in the organisation's own language: Norwegian bokmål (``nb``)
for Norway, Swedish (``sv``) for Sweden; texts of the cross-border network are in English.
"""

from datetime import date

# The organisation whose presence means the demo is already loaded.
MARKER_SLUG = "halden"

# The demo's "today": no decision, update or completed milestone is dated after it.
DEMO_TODAY = date(2026, 11, 1)

LANGUAGE = {"NO": "nb", "SE": "sv"}

# --- focus areas -----------------------------------------------------------------------------------

FOCUS_AREAS = [
    ("energy", {"en": "Energy", "sv": "Energi", "nb": "Energi"}),
    ("mobility", {"en": "Mobility", "sv": "Mobilitet", "nb": "Mobilitet"}),
    ("health", {"en": "Health and care", "sv": "Hälsa och omsorg", "nb": "Helse og omsorg"}),
    ("buildings", {"en": "Buildings and housing", "sv": "Byggnader och boende", "nb": "Bygg og bolig"}),
    ("water", {"en": "Water and wastewater", "sv": "Vatten och avlopp", "nb": "Vann og avløp"}),
    ("public-services", {"en": "Public services", "sv": "Offentliga tjänster", "nb": "Offentlige tjenester"}),
]

# Focus areas of one organisation only: (organisation slug, key, names).
OWN_FOCUS_AREAS = [
    (
        "narvik",
        "arctic-logistics",
        {"en": "Arctic logistics", "sv": "Arktisk logistik", "nb": "Arktisk logistikk"},
    ),
    (
        "eskilstuna",
        "circular-economy",
        {"en": "Circular economy", "sv": "Cirkulär ekonomi", "nb": "Sirkulær økonomi"},
    ),
]

# --- people ----------------------------------------------------------------------------------------
# email -> (name, job title). Memberships are listed with each organisation below.

PEOPLE = {
    # platform and network
    "operator@innocities.example": ("Anders Lindqvist", "Programme operator, InnoCities"),
    "staff@innocities.example": ("Erik Sandberg", "Platform support, InnoCities"),
    # Halden
    "admin@halden.example": ("Kari Nordby", "Seksjonsleder digitalisering"),
    "coordinator@halden.example": ("Ingrid Halvorsen", "Innovasjonskoordinator"),
    "lead@halden.example": ("Lars Berntsen", "Prosjektleder, samfunn og teknikk"),
    "member@halden.example": ("Sofie Andreassen", "Sykepleier, hjemmetjenesten"),
    "leader@halden.example": ("Bjørn Rødsand", "Kommunedirektør"),
    "partner@halden.example": ("Marte Solheim", "Førsteamanuensis, Høgskolen i Østfold"),
    "henrik.aas@halden.example": ("Henrik Aas", "Fagleder vann og avløp"),
    "camilla.strand@halden.example": ("Camilla Strand", "Enhetsleder, helse og mestring"),
    "ole.martin.lie@halden.example": ("Ole Martin Lie", "Driftsingeniør, eiendom"),
    "nina.pettersen@halden.example": ("Nina Pettersen", "Rådgiver, klima og miljø"),
    "randi.skaug@halden.example": ("Randi Skaug", "Kommunalsjef helse og velferd"),
    "knut.aasheim@halden.example": ("Knut Aasheim", "Kommunalsjef samfunn og teknikk"),
    "jonas.eriksen@smartinnovation.example": ("Jonas Eriksen", "Seniorrådgiver, Smart Innovation Norway"),
    "eva.nilsen@frivilligsentral.example": ("Eva Nilsen", "Daglig leder, Halden frivilligsentral"),
    # Sarpsborg
    "hanne.moen@sarpsborg.example": ("Hanne Moen", "IKT-sjef"),
    "even.kristiansen@sarpsborg.example": ("Even Kristiansen", "Innovasjonsrådgiver"),
    "silje.hagen@sarpsborg.example": ("Silje Hagen", "Prosjektleder, helse og omsorg"),
    "morten.olsen@sarpsborg.example": ("Morten Olsen", "Prosjektleder, eiendom"),
    "aud.jacobsen@sarpsborg.example": ("Aud Jacobsen", "Miljørådgiver"),
    "petter.svendsen@sarpsborg.example": ("Petter Svendsen", "Saksbehandler, byggesak"),
    "randi.aasland@sarpsborg.example": ("Randi Aasland", "Kommunedirektør"),
    "geir.bakke@sarpsborg.example": ("Geir Bakke", "Kommunalsjef teknisk"),
    "tove.lie@sarpsborg.example": ("Tove Lie", "Økonomisjef"),
    "thomas.lund@sintef.example": ("Thomas Lund", "Forsker, SINTEF"),
    "guro.wold@pensjonistforbundet.example": ("Guro Wold", "Leder, Pensjonistforbundet Sarpsborg"),
    # Fredrikstad
    "per.martinsen@fredrikstad.example": ("Per Martinsen", "Digitaliseringssjef"),
    "line.haugen@fredrikstad.example": ("Line Haugen", "Innovasjonsleder"),
    "kjetil.sorensen@fredrikstad.example": ("Kjetil Sørensen", "Prosjektleder, vann og avløp"),
    "maja.evensen@fredrikstad.example": ("Maja Evensen", "Ingeniør, vann og avløp"),
    "anne.grete.holm@fredrikstad.example": ("Anne Grete Holm", "Kommunedirektør"),
    "ingvild.moe@niva.example": ("Ingvild Moe", "Forsker, NIVA"),
    # Moss
    "trond.eide@moss.example": ("Trond Eide", "IKT-leder"),
    "marianne.dahl@moss.example": ("Marianne Dahl", "Innovasjonsrådgiver"),
    "espen.strand@moss.example": ("Espen Strand", "Prosjektleder, eiendom"),
    "hege.solberg@moss.example": ("Hege Solberg", "Kommunedirektør"),
    "sindre.bakken@nmbu.example": ("Sindre Bakken", "Forsker, NMBU"),
    # Narvik
    "rune.pedersen@narvik.example": ("Rune Pedersen", "IKT-leder"),
    "siri.johansen@narvik.example": ("Siri Johansen", "Innovasjonsrådgiver"),
    "hakon.nilsen@narvik.example": ("Håkon Nilsen", "Prosjektleder, teknisk drift"),
    "ida.karlsen@narvik.example": ("Ida Karlsen", "Prosjektleder, helse og omsorg"),
    "magnus.eliassen@narvik.example": ("Magnus Eliassen", "Næringsrådgiver"),
    "linn.isaksen@narvik.example": ("Linn Isaksen", "Rådgiver, samfunnsutvikling"),
    "eirik.mathisen@narvik.example": ("Eirik Mathisen", "Kommunedirektør"),
    "hilde.berg@narvik.example": ("Hilde Berg", "Kommunalsjef helse og omsorg"),
    "kristoffer.haug@uit.example": ("Kristoffer Haug", "Førsteamanuensis, UiT Norges arktiske universitet"),
    # Bodø
    "gunnar.aune@bodo.example": ("Gunnar Aune", "IKT-sjef"),
    "elin.sivertsen@bodo.example": ("Elin Sivertsen", "Smartby-rådgiver"),
    "petter.nordvik@bodo.example": ("Petter Nordvik", "Kommunedirektør"),
    # Narvikhavn
    "tone.larsen@narvikhavn.example": ("Tone Larsen", "Økonomi- og administrasjonssjef"),
    "vegard.hansen@narvikhavn.example": ("Vegard Hansen", "Havnedirektør"),
    # Hålogaland Kraft
    "stian.olsen@hlk.example": ("Stian Olsen", "IT-leder"),
    "mari.jakobsen@hlk.example": ("Mari Jakobsen", "Prosjektleder, fornybar energi"),
    # Borg Havn
    "jan.petter.lunde@borghavn.example": ("Jan Petter Lunde", "IT- og sikkerhetsleder"),
    "kristin.brathen@borghavn.example": ("Kristin Bråthen", "Miljø- og utviklingssjef"),
    "roy.andersen@borghavn.example": ("Roy Andersen", "Havnedirektør"),
    "oystein.kvam@sintef.example": ("Øystein Kvam", "Forsker, SINTEF Ocean"),
    # Eskilstuna
    "johan.eriksson@eskilstuna.example": ("Johan Eriksson", "IT-strateg"),
    "coordinator@eskilstuna.example": ("Maria Lindström", "Innovationsstrateg"),
    "karin.nystrom@eskilstuna.example": ("Karin Nyström", "Projektledare, vård och omsorg"),
    "oskar.bergqvist@eskilstuna.example": ("Oskar Bergqvist", "Projektledare, stadsbyggnad"),
    "fatima.hassan@eskilstuna.example": ("Fatima Hassan", "Verksamhetsutvecklare"),
    "emil.sjoberg@eskilstuna.example": ("Emil Sjöberg", "Enhetschef, hemtjänsten"),
    "lena.aberg@eskilstuna.example": ("Lena Åberg", "Kommundirektör"),
    "peter.holmgren@eskilstuna.example": (
        "Peter Holmgren",
        "Förvaltningschef, vård- och omsorgsförvaltningen",
    ),
    "annika.rosen@eskilstuna.example": ("Annika Rosén", "Digitaliseringschef"),
    "sara.wikstrom@mdu.example": ("Sara Wikström", "Forskare, Mälardalens universitet"),
    "ahmed.yusuf@ri.example": ("Ahmed Yusuf", "Forskare, RISE"),
    "birgitta.holm@pro.example": ("Birgitta Holm", "Ordförande, PRO Eskilstuna"),
    # Västerås
    "anna.forsberg@vasteras.example": ("Anna Forsberg", "IT-chef"),
    "mikael.lundgren@vasteras.example": ("Mikael Lundgren", "Innovationsledare"),
    "elin.engstrom@vasteras.example": ("Elin Engström", "Projektledare, energi och klimat"),
    "karl.wester@vasteras.example": ("Karl Wester", "Stadsdirektör"),
    "johanna.berglund@mdu.example": ("Johanna Berglund", "Forskare, Mälardalens universitet"),
    # Strängnäs
    "henrik.dahlberg@strangnas.example": ("Henrik Dahlberg", "IT-samordnare"),
    "sofia.ek@strangnas.example": ("Sofia Ek", "Utvecklingsledare"),
    "jonas.blom@strangnas.example": ("Jonas Blom", "Projektledare, VA"),
    "niklas.strom@ri.example": ("Niklas Ström", "Forskare, RISE"),
    # Örebro
    "helena.nord@orebro.example": ("Helena Nord", "Digitaliseringsstrateg"),
    "daniel.axelsson@orebro.example": ("Daniel Axelsson", "Innovationssamordnare"),
    "amira.karimi@orebro.example": ("Amira Karimi", "Projektledare, tekniska förvaltningen"),
    "lina.ekstrom@oru.example": ("Lina Ekström", "Forskare, Örebro universitet"),
    # Nyköping
    "gustav.lindh@nykoping.example": ("Gustav Lindh", "IT-chef"),
    "malin.sundberg@nykoping.example": ("Malin Sundberg", "Utvecklingsstrateg"),
    "patrik.oberg@nykoping.example": ("Patrik Öberg", "Projektledare, samhällsbyggnad"),
    # Eskilstuna Energi och Miljö
    "bjorn.ahlgren@eem.example": ("Björn Ahlgren", "IT-chef"),
    "therese.wallin@eem.example": ("Therese Wallin", "Projektledare, fjärrvärme och VA"),
    "ulf.persson@eem.example": ("Ulf Persson", "VD"),
    "asa.lind@ri.example": ("Åsa Lind", "Forskare, RISE"),
}

# One named persona per role, each with the demo password: (email, who they are).
PERSONAS = [
    ("admin@halden.example", "Administrator of Halden kommune"),
    ("coordinator@halden.example", "Innovation coordinator, Halden; coordinates InnoCities Halden"),
    ("lead@halden.example", "Project lead in Halden; leads several projects"),
    ("member@halden.example", "Member in Halden; on the team of some projects"),
    ("leader@halden.example", "Kommunedirektør of Halden; steering group of InnoCities Halden"),
    ("partner@halden.example", "Researcher, Høgskolen i Østfold; partner on two Halden projects"),
    ("operator@innocities.example", "Programme operator; runs the Østfold–Mälardalen cluster"),
    ("coordinator@eskilstuna.example", "Innovation coordinator, Eskilstuna; coordinates its programme"),
    ("citizen@example.com", "Engaged citizen of Halden; has sent ideas to Halden's open call on water leaks"),
    ("expert@hiof.example", "Outside expert evaluating Halden's open call"),
    ("staff@innocities.example", "Platform staff (superuser) for the Django admin"),
]
STAFF_EMAIL = "staff@innocities.example"
OPERATOR_EMAIL = "operator@innocities.example"
HALDEN_PARTNER_EMAIL = "partner@halden.example"

# How much more often someone is picked as lead or team member than the others of their organisation.
LEAD_WEIGHT = {"lead@halden.example": 2}
MEMBER_WEIGHT = {"member@halden.example": 1}

# --- organisations ---------------------------------------------------------------------------------
# The first member is the administrator create_organisation makes. Goals: (title, description, areas).

ORGANISATIONS = [
    {
        "slug": "halden",
        "name": "Halden kommune",
        "kind": "municipality",
        "country": "NO",
        "code": "3101",
        "region": "Østfold fylkeskommune",
        "description": "Grensekommune i Østfold med om lag 32 000 innbyggere, ved Iddefjorden og Tista.",
        "members": [
            ("admin@halden.example", "admin"),
            ("coordinator@halden.example", "coordinator"),
            ("lead@halden.example", "project_lead"),
            ("henrik.aas@halden.example", "project_lead"),
            ("camilla.strand@halden.example", "project_lead"),
            ("member@halden.example", "member"),
            ("ole.martin.lie@halden.example", "project_lead"),
            ("nina.pettersen@halden.example", "project_lead"),
            ("leader@halden.example", "leadership"),
            ("randi.skaug@halden.example", "leadership"),
            ("knut.aasheim@halden.example", "leadership"),
            ("partner@halden.example", "partner"),
            ("jonas.eriksen@smartinnovation.example", "partner"),
            ("eva.nilsen@frivilligsentral.example", "partner"),
        ],
        "goals": [
            (
                "Klimanøytral kommune 2030",
                "Kommunens egen virksomhet skal være klimanøytral innen 2030, "
                "med fossilfri bygg- og anleggsdrift og utslippsfri kjøretøypark.",
                ["energy", "mobility", "buildings"],
            ),
            (
                "Trygg og god eldreomsorg",
                "Flere eldre skal kunne bo trygt hjemme lenger, med tjenester som "
                "bygger på mestring og velferdsteknologi.",
                ["health"],
            ),
            (
                "Bærekraftig vann- og avløpsforvaltning",
                "Halvere vanntapet i ledningsnettet og ruste Tista-"
                "vassdraget og avløpsnettet for mer ekstremvær.",
                ["water"],
            ),
            (
                "Enklere hverdag med digitale tjenester",
                "Innbyggere og næringsliv skal få svar raskt og kunne "
                "bruke kommunens tjenester digitalt når de vil.",
                ["public-services"],
            ),
        ],
    },
    {
        "slug": "sarpsborg",
        "name": "Sarpsborg kommune",
        "kind": "municipality",
        "country": "NO",
        "code": "3105",
        "region": "Østfold fylkeskommune",
        "description": "Industri- og handelsby ved Glomma med om lag 59 000 innbyggere.",
        "members": [
            ("hanne.moen@sarpsborg.example", "admin"),
            ("even.kristiansen@sarpsborg.example", "coordinator"),
            ("silje.hagen@sarpsborg.example", "project_lead"),
            ("morten.olsen@sarpsborg.example", "project_lead"),
            ("aud.jacobsen@sarpsborg.example", "member"),
            ("petter.svendsen@sarpsborg.example", "member"),
            ("randi.aasland@sarpsborg.example", "leadership"),
            ("geir.bakke@sarpsborg.example", "leadership"),
            ("tove.lie@sarpsborg.example", "leadership"),
            ("thomas.lund@sintef.example", "partner"),
            ("guro.wold@pensjonistforbundet.example", "partner"),
        ],
        "goals": [
            (
                "Halvere klimagassutslippene innen 2030",
                "Kutte de direkte utslippene fra kommunens virksomhet med minst 50 % fra 2015-nivå.",
                ["energy", "buildings", "mobility"],
            ),
            (
                "Mestring og livskvalitet for alle innbyggere",
                "Tjenestene skal bygge opp under innbyggernes egne "
                "ressurser og forebygge framfor å reparere.",
                ["health"],
            ),
            (
                "Robust infrastruktur i et endret klima",
                "Vann-, avløps- og overvannssystemene skal tåle mer nedbør og lengre tørkeperioder.",
                ["water"],
            ),
            (
                "Raskere og bedre saksbehandling",
                "Digitale og automatiserte prosesser skal gi innbyggerne svar raskere.",
                ["public-services"],
            ),
        ],
    },
    {
        "slug": "fredrikstad",
        "name": "Fredrikstad kommune",
        "kind": "municipality",
        "country": "NO",
        "code": "3107",
        "region": "Østfold fylkeskommune",
        "description": "Østfolds største kommune, ved utløpet av Glomma.",
        "members": [
            ("per.martinsen@fredrikstad.example", "admin"),
            ("line.haugen@fredrikstad.example", "coordinator"),
            ("kjetil.sorensen@fredrikstad.example", "project_lead"),
            ("maja.evensen@fredrikstad.example", "member"),
            ("anne.grete.holm@fredrikstad.example", "leadership"),
            ("ingvild.moe@niva.example", "partner"),
        ],
        "goals": [
            (
                "Fossilfri kommune 2030",
                "All kommunal drift skal være fossilfri innen 2030.",
                ["energy", "mobility", "buildings"],
            ),
            (
                "Klimatilpasning langs Glomma og kysten",
                "Bygge robust overvanns- og flomsikring der klimaendringene rammer hardest.",
                ["water"],
            ),
            (
                "Levende byliv og grønn mobilitet",
                "Flere reiser skal skje til fots, på sykkel og med kollektiv.",
                ["mobility"],
            ),
        ],
    },
    {
        "slug": "moss",
        "name": "Moss kommune",
        "kind": "municipality",
        "country": "NO",
        "code": "3103",
        "region": "Østfold fylkeskommune",
        "description": "Kystkommune ved Oslofjorden med ferjeforbindelse til Horten.",
        "members": [
            ("trond.eide@moss.example", "admin"),
            ("marianne.dahl@moss.example", "coordinator"),
            ("espen.strand@moss.example", "project_lead"),
            ("hege.solberg@moss.example", "leadership"),
            ("sindre.bakken@nmbu.example", "partner"),
        ],
        "goals": [
            (
                "Klimanøytral kommune 2030",
                "Kommunen skal kutte egne utslipp og bruke innkjøpsmakten til å "
                "drive fram utslippsfrie løsninger.",
                ["energy", "mobility", "buildings"],
            ),
            (
                "Bærekraftige kommunale bygg",
                "Nye og rehabiliterte bygg skal ha lave utslipp gjennom hele livsløpet.",
                ["buildings"],
            ),
        ],
    },
    {
        "slug": "narvik",
        "name": "Narvik kommune",
        "kind": "municipality",
        "country": "NO",
        "code": "1806",
        "region": "Nordland fylkeskommune",
        "description": "Arktisk logistikknutepunkt ved Ofotfjorden, med isfri havn og malmbanen til Kiruna.",
        "members": [
            ("rune.pedersen@narvik.example", "admin"),
            ("siri.johansen@narvik.example", "coordinator"),
            ("hakon.nilsen@narvik.example", "project_lead"),
            ("ida.karlsen@narvik.example", "project_lead"),
            ("magnus.eliassen@narvik.example", "project_lead"),
            ("linn.isaksen@narvik.example", "member"),
            ("eirik.mathisen@narvik.example", "leadership"),
            ("hilde.berg@narvik.example", "leadership"),
            ("kristoffer.haug@uit.example", "partner"),
            ("mari.jakobsen@hlk.example", "partner"),
            ("vegard.hansen@narvikhavn.example", "partner"),
        ],
        "goals": [
            (
                "Grønn industri- og logistikkhub i nord",
                "Narvik skal være et foretrukket, utslippsfritt knutepunkt for gods mellom hav, bane og vei.",
                ["arctic-logistics", "energy"],
            ),
            (
                "Gode tjenester i hele kommunen",
                "Innbyggerne i bygdene skal ha like god tilgang til helse- og "
                "omsorgstjenester som i sentrum.",
                ["health", "public-services"],
            ),
            (
                "Utslippsfri kommunal drift 2030",
                "Kommunens kjøretøy, maskiner og bygg skal være utslippsfrie innen 2030.",
                ["energy", "mobility"],
            ),
        ],
    },
    {
        "slug": "bodo",
        "name": "Bodø kommune",
        "kind": "municipality",
        "country": "NO",
        "code": "1804",
        "region": "Nordland fylkeskommune",
        "description": "Nordlands største by og europeisk kulturhovedstad 2024.",
        "members": [
            ("gunnar.aune@bodo.example", "admin"),
            ("elin.sivertsen@bodo.example", "coordinator"),
            ("petter.nordvik@bodo.example", "leadership"),
        ],
        "goals": [
            (
                "Smart og bærekraftig by",
                "Data og ny teknologi skal gi bedre tjenester og lavere utslipp.",
                ["energy", "mobility", "public-services"],
            ),
            (
                "Trygg eldreomsorg i distriktene",
                "Eldre i hele kommunen skal få trygge tjenester der de bor.",
                ["health"],
            ),
        ],
    },
    {
        "slug": "eskilstuna",
        "name": "Eskilstuna kommun",
        "kind": "municipality",
        "country": "SE",
        "code": "0484",
        "region": "Region Sörmland",
        "description": "Industristad vid Mälaren med drygt 107 000 invånare och världens första "
        "återbruksgalleria.",
        "members": [
            ("johan.eriksson@eskilstuna.example", "admin"),
            ("coordinator@eskilstuna.example", "coordinator"),
            ("karin.nystrom@eskilstuna.example", "project_lead"),
            ("oskar.bergqvist@eskilstuna.example", "project_lead"),
            ("fatima.hassan@eskilstuna.example", "project_lead"),
            ("emil.sjoberg@eskilstuna.example", "member"),
            ("lena.aberg@eskilstuna.example", "leadership"),
            ("peter.holmgren@eskilstuna.example", "leadership"),
            ("annika.rosen@eskilstuna.example", "leadership"),
            ("sara.wikstrom@mdu.example", "partner"),
            ("ahmed.yusuf@ri.example", "partner"),
            ("birgitta.holm@pro.example", "partner"),
        ],
        "goals": [
            (
                "Fossilfri kommunal verksamhet 2030",
                "Kommunkoncernens transporter, fastigheter och energiförsörjning ska vara fossilfria 2030.",
                ["energy", "mobility", "buildings"],
            ),
            (
                "Trygg och jämlik äldreomsorg",
                "Äldre ska kunna leva ett självständigt liv med trygghet, oavsett var i kommunen de bor.",
                ["health"],
            ),
            (
                "Ledande inom cirkulär ekonomi",
                "Resurser ska användas om och om igen, i kommunens verksamheter "
                "och i samarbete med näringslivet.",
                ["circular-economy"],
            ),
            (
                "Enkel och tillgänglig service",
                "Invånare och företag ska få snabb och begriplig service, digitalt och på plats.",
                ["public-services"],
            ),
        ],
    },
    {
        "slug": "vasteras",
        "name": "Västerås stad",
        "kind": "municipality",
        "country": "SE",
        "code": "1980",
        "region": "Region Västmanland",
        "description": "Mälardalens största stad, med stark energi- och industrisektor.",
        "members": [
            ("anna.forsberg@vasteras.example", "admin"),
            ("mikael.lundgren@vasteras.example", "coordinator"),
            ("elin.engstrom@vasteras.example", "project_lead"),
            ("karl.wester@vasteras.example", "leadership"),
            ("johanna.berglund@mdu.example", "partner"),
        ],
        "goals": [
            (
                "Klimatpositiv stad 2030",
                "Staden ska ta bort mer växthusgaser än den släpper ut.",
                ["energy", "mobility", "buildings"],
            ),
            (
                "En jämlik och hälsosam stad",
                "Skillnaderna i hälsa mellan stadsdelarna ska minska.",
                ["health"],
            ),
        ],
    },
    {
        "slug": "strangnas",
        "name": "Strängnäs kommun",
        "kind": "municipality",
        "country": "SE",
        "code": "0486",
        "region": "Region Sörmland",
        "description": "Växande kommun vid Mälaren med stark befolkningsökning.",
        "members": [
            ("henrik.dahlberg@strangnas.example", "admin"),
            ("sofia.ek@strangnas.example", "coordinator"),
            ("jonas.blom@strangnas.example", "project_lead"),
            ("niklas.strom@ri.example", "partner"),
        ],
        "goals": [
            (
                "Hållbar tillväxt vid Mälaren",
                "Kommunen ska växa utan att äventyra vattenkvaliteten i Mälaren.",
                ["water", "buildings"],
            ),
            (
                "Trygg omsorg i hela kommunen",
                "Omsorgen ska vara trygg och nära, även på landsbygden.",
                ["health"],
            ),
        ],
    },
    {
        "slug": "orebro",
        "name": "Örebro kommun",
        "kind": "municipality",
        "country": "SE",
        "code": "1880",
        "region": "Region Örebro län",
        "description": "Sveriges sjunde största kommun, med universitet och logistiknav.",
        "members": [
            ("helena.nord@orebro.example", "admin"),
            ("daniel.axelsson@orebro.example", "coordinator"),
            ("amira.karimi@orebro.example", "project_lead"),
            ("lina.ekstrom@oru.example", "partner"),
        ],
        "goals": [
            (
                "Klimatneutral organisation 2030",
                "Kommunkoncernen ska vara klimatneutral 2030.",
                ["energy", "mobility", "buildings"],
            ),
            (
                "Digitalt först i kommunens service",
                "Digitala tjänster ska vara förstahandsvalet för invånarna.",
                ["public-services"],
            ),
            (
                "Rent vatten för kommande generationer",
                "Vattenförsörjningen ska vara säker och resurssnål.",
                ["water"],
            ),
        ],
    },
    {
        "slug": "nykoping",
        "name": "Nyköpings kommun",
        "kind": "municipality",
        "country": "SE",
        "code": "0480",
        "region": "Region Sörmland",
        "description": "Residensstad i Sörmland vid Östersjökusten.",
        "members": [
            ("gustav.lindh@nykoping.example", "admin"),
            ("malin.sundberg@nykoping.example", "coordinator"),
            ("patrik.oberg@nykoping.example", "project_lead"),
        ],
        "goals": [
            (
                "Fossilfri kommun 2035",
                "Kommunen ska vara fossilfri som geografiskt område 2035.",
                ["energy", "mobility"],
            ),
            (
                "Rent vatten och hållbar VA-försörjning",
                "Östersjön och kommunens sjöar ska ha god vattenstatus.",
                ["water", "buildings"],
            ),
        ],
    },
    {
        "slug": "borg-havn",
        "name": "Borg Havn IKS",
        "kind": "port",
        "country": "NO",
        "code": None,
        "region": "Østfold fylkeskommune",
        "description": "Interkommunal havn for Fredrikstad og Hvaler ved Glommas utløp, med container- og "
        "bulkterminaler.",
        "members": [
            ("jan.petter.lunde@borghavn.example", "admin"),
            ("kristin.brathen@borghavn.example", "project_lead"),
            ("roy.andersen@borghavn.example", "leadership"),
            ("oystein.kvam@sintef.example", "partner"),
        ],
        "goals": [
            (
                "Utslippsfri havn 2030",
                "Havneoperasjonene og skip ved kai skal være utslippsfrie innen 2030.",
                ["energy", "mobility"],
            ),
            (
                "Effektiv og sikker godshåndtering",
                "Godset skal flyte raskt mellom sjø, bane og vei.",
                ["mobility", "water"],
            ),
        ],
    },
    {
        "slug": "narvikhavn",
        "name": "Narvikhavn KF",
        "kind": "port",
        "country": "NO",
        "code": None,
        "region": "Nordland fylkeskommune",
        "description": "Kommunalt foretak som driver den isfrie havna i Narvik (Port of Narvik).",
        "members": [
            ("tone.larsen@narvikhavn.example", "admin"),
            ("vegard.hansen@narvikhavn.example", "leadership"),
        ],
        "goals": [
            (
                "Grønn korridor for arktisk logistikk",
                "Utvikle utslippsfrie transportkjeder mellom Ofotbanen og sjøen.",
                ["arctic-logistics"],
            ),
            ("Utslippsfrie havneoperasjoner", "Landstrøm og elektriske maskiner i hele havna.", ["energy"]),
        ],
    },
    {
        "slug": "eskilstuna-energi",
        "name": "Eskilstuna Energi och Miljö",
        "kind": "energy",
        "country": "SE",
        "code": None,
        "region": "Region Sörmland",
        "description": "Kommunägt bolag för el, fjärrvärme, vatten, avlopp och avfall i Eskilstuna.",
        "members": [
            ("bjorn.ahlgren@eem.example", "admin"),
            ("therese.wallin@eem.example", "project_lead"),
            ("ulf.persson@eem.example", "leadership"),
            ("asa.lind@ri.example", "partner"),
        ],
        "goals": [
            (
                "Fossilfri energiproduktion 2030",
                "All fjärrvärme och el som bolaget producerar ska vara fossilfri.",
                ["energy"],
            ),
            (
                "Cirkulära resursflöden",
                "Vatten, näring och material ska tas tillvara i kretsloppet.",
                ["water"],
            ),
        ],
    },
    {
        "slug": "halogaland-kraft",
        "name": "Hålogaland Kraft",
        "kind": "energy",
        "country": "NO",
        "code": None,
        "region": "Nordland fylkeskommune",
        "description": "Regionalt kraft- og nettselskap i Ofoten og Sør-Troms.",
        "members": [
            ("stian.olsen@hlk.example", "admin"),
            ("mari.jakobsen@hlk.example", "project_lead"),
        ],
        "goals": [
            (
                "Fornybar kraft for ny industri i nord",
                "Sikre nok fornybar kraft og nettkapasitet for grønn industri i regionen.",
                ["energy"],
            ),
            (
                "Smart og robust strømnett",
                "Bruke data og fleksibilitet for å få mer ut av dagens nett.",
                ["energy"],
            ),
        ],
    },
]

# --- network ---------------------------------------------------------------------------------------

NETWORK = {
    "slug": "innocities-cluster",
    "name": "InnoCities Østfold–Mälardalen cluster",
    "description": "Municipalities, a port and an energy company around the Oslofjord and Lake Mälaren that "
    "share needs in energy, water and mobility. They run joint pilots, share results and "
    "apply for funding together, while each keeps its own programme.",
    "members": [
        "halden",
        "sarpsborg",
        "fredrikstad",
        "moss",
        "borg-havn",
        "eskilstuna",
        "vasteras",
        "strangnas",
        "orebro",
        "nykoping",
        "eskilstuna-energi",
    ],
}

# Who runs the cluster programme's projects: one entry per project, shuffled at load.
CLUSTER_PROJECT_ORGS = [
    "borg-havn",
    "borg-havn",
    "borg-havn",
    "fredrikstad",
    "fredrikstad",
    "fredrikstad",
    "moss",
    "moss",
    "vasteras",
    "vasteras",
    "vasteras",
    "eskilstuna-energi",
    "eskilstuna-energi",
    "orebro",
    "orebro",
    "strangnas",
    "nykoping",
    "halden",
    "sarpsborg",
    "eskilstuna",
]

# --- programmes ------------------------------------------------------------------------------------

PROGRAMMES = [
    {
        "key": "halden",
        "slug": "innocities-halden",
        "name": "InnoCities Halden 2024–2026",
        "organisation": "halden",
        "method": "innocities",
        "lang": "nb",
        "starts_on": date(2024, 1, 1),
        "ends_on": date(2026, 12, 31),
        "projects": 33,
        "promoted": 5,
        "description": "Treårig innovasjonsprogram mellom Halden kommune og InnoCities. Kommunen sitter i "
        "førersetet, innbyggernes behov i sentrum. Programmet er forankret i kommunestyret og "
        "kommunedirektørens ledergruppe.",
        "focus": ["energy", "mobility", "health", "buildings", "water", "public-services"],
        "coordinators": ["coordinator@halden.example"],
        "steering": ["leader@halden.example", "randi.skaug@halden.example", "knut.aasheim@halden.example"],
        "targets": [
            ("Seks piloter i gang i løpet av seks måneder", date(2024, 6, 30)),
            ("Alle prosjekter SDG-vurdert ved gate 2", date(2024, 12, 31)),
            ("Innovasjonsbarometeret gjennomført hvert år", date(2025, 1, 31)),
            ("Minst fire løsninger overført til ordinær drift", date(2026, 12, 31)),
        ],
        "evaluations": [
            (
                date(2024, 12, 10),
                "Første programår har gitt god forankring i kommunedirektørens ledergruppe og en portefølje "
                "som dekker "
                "alle fokusområdene. Målet om seks piloter på seks måneder ble nådd i august, to måneder for "
                "sent. "
                "Helse og energi har flest prosjekter; vann og avløp kom senere i gang. Samarbeidet med "
                "Høgskolen i "
                "Østfold har gitt bedre gevinstberegninger.",
                "Programmet videreføres i 2025 med uendret ramme. Vann og avløp prioriteres ved neste "
                "utlysning. "
                "SDG-vurdering gjennomføres ved alle porter fra og med gate 2.",
            ),
            (
                date(2025, 12, 9),
                "Andre programår: flere prosjekter er i pilotfase, og de første løsningene er overført til "
                "drift i "
                "hjemmetjenesten og eiendom. Styringsgruppen har stoppet prosjekter som ikke viste effekt, "
                "og "
                "begrunnelsene er delt med de ansatte. Porteføljen heller mot forbedringsinnovasjon; det er "
                "få "
                "utforskende prosjekter.",
                "Minst ett nytt utforskende (antisiperende) prosjekt skal startes i 2026. Gevinstrealisering "
                "følges "
                "opp i tertialrapportene. Erfaringer deles i Østfold–Mälardalen-klyngen.",
            ),
        ],
    },
    {
        "key": "sarpsborg",
        "slug": "innovasjonsprogram-sarpsborg",
        "name": "Innovasjonsprogram Sarpsborg 2025–2027",
        "organisation": "sarpsborg",
        "method": "innocities",
        "lang": "nb",
        "starts_on": date(2025, 1, 1),
        "ends_on": date(2027, 12, 31),
        "projects": 18,
        "promoted": 2,
        "description": "Sarpsborgs innovasjonsprogram bygger på erfaringene fra Halden og konsentrerer seg "
        "om energi i formålsbygg, helse og omsorg og overvann.",
        "focus": ["energy", "health", "buildings", "water", "public-services"],
        "coordinators": ["even.kristiansen@sarpsborg.example"],
        "steering": [
            "randi.aasland@sarpsborg.example",
            "geir.bakke@sarpsborg.example",
            "tove.lie@sarpsborg.example",
        ],
        "targets": [
            ("Seks piloter på seks måneder", date(2025, 6, 30)),
            ("Tre prosjekter med ekstern finansiering", date(2026, 12, 31)),
            ("Halvert saksbehandlingstid for enkle byggesaker", date(2027, 6, 30)),
        ],
        "evaluations": [
            (
                date(2025, 12, 4),
                "Første år har gitt en bred portefølje og god deltakelse fra enhetene. Energiprosjektene har "
                "kommet "
                "raskest i gang takket være Enova-støtte; helseprosjektene trenger mer tid til innsikt. "
                "Innbyggerpanelet har bidratt i tre prosjekter.",
                "Programmet fortsetter i 2026. Styringsgruppen ber om tydeligere gevinstkart før gate 3 og "
                "om at "
                "Pensjonistforbundet inviteres inn i flere helseprosjekter.",
            ),
        ],
    },
    {
        "key": "narvik",
        "slug": "innovasjonsprogram-narvik",
        "name": "Innovasjonsprogram Narvik 2023–2026",
        "organisation": "narvik",
        "method": "innocities",
        "lang": "nb",
        "starts_on": date(2023, 6, 1),
        "ends_on": date(2026, 12, 31),
        "projects": 22,
        "promoted": 2,
        "description": "Narviks program for grønn omstilling og gode tjenester i en arktisk kommune, med "
        "særlig vekt på logistikk mellom havn, bane og vei.",
        "focus": ["energy", "mobility", "health", "public-services", "arctic-logistics"],
        "coordinators": ["siri.johansen@narvik.example"],
        "steering": [
            "eirik.mathisen@narvik.example",
            "hilde.berg@narvik.example",
            "vegard.hansen@narvikhavn.example",
        ],
        "targets": [
            ("Tre piloter innen arktisk logistikk", date(2024, 12, 31)),
            ("Minst to prosjekter med støtte fra Enova eller Innovasjon Norge", date(2025, 12, 31)),
            ("Landstrøm i drift ved Narvik havn", date(2026, 6, 30)),
        ],
        "evaluations": [
            (
                date(2024, 6, 12),
                "Det første året har vist at samarbeidet med Narvikhavn, Hålogaland Kraft og UiT gir "
                "prosjekter med "
                "stor regional betydning. Helseprosjektene i distriktet har gitt gode resultater med enkle "
                "midler.",
                "Logistikkprosjektene får egen oppfølging i styringsgruppen. Søknad til Enova om landstrøm "
                "prioriteres.",
            ),
            (
                date(2025, 6, 11),
                "Flere løsninger er tatt i bruk i drift, og to er delt med andre kommuner i Nordland. "
                "Kapasiteten i "
                "teknisk drift er en flaskehals for nye piloter.",
                "Programmet forlenges ut 2026. Teknisk drift får en egen innovasjonsressurs i 50 % stilling.",
            ),
        ],
    },
    {
        "key": "eskilstuna",
        "slug": "innovationsprogram-eskilstuna",
        "name": "Innovationsprogram Eskilstuna 2025–2027",
        "organisation": "eskilstuna",
        "method": "innovationsguiden",
        "lang": "sv",
        "starts_on": date(2025, 1, 1),
        "ends_on": date(2027, 12, 31),
        "projects": 25,
        "promoted": 4,
        "description": "Eskilstunas innovationsprogram arbetar enligt Innovationsguiden: vi ringar in "
        "utmaningar, undersöker behoven tillsammans med invånarna och testar idéer innan vi "
        "förverkligar dem.",
        "focus": ["energy", "mobility", "health", "buildings", "public-services", "circular-economy"],
        "coordinators": ["coordinator@eskilstuna.example"],
        "steering": [
            "lena.aberg@eskilstuna.example",
            "peter.holmgren@eskilstuna.example",
            "annika.rosen@eskilstuna.example",
        ],
        "targets": [
            ("Sex piloter på sex månader", date(2025, 6, 30)),
            ("Alla förvaltningar har minst ett projekt", date(2026, 6, 30)),
            ("Fem lösningar överlämnade till ordinarie verksamhet", date(2027, 12, 31)),
        ],
        "evaluations": [
            (
                date(2025, 12, 16),
                "Första året har gett en bred portfölj med tydlig koppling till målen om fossilfrihet, trygg "
                "äldreomsorg och cirkulär ekonomi. Insiktsfasen har tagit längre tid än planerat men gett "
                "bättre "
                "underlag. Samarbetet med Mälardalens universitet och PRO har fördjupat brukarperspektivet.",
                "Programmet fortsätter 2026. Vård- och omsorgsförvaltningen får stöd av en tjänstedesigner. "
                "Erfarenheterna från Innovationsguiden delas i klustret.",
            ),
        ],
    },
    {
        "key": "cluster",
        "slug": "innocities-cluster-2025",
        "network": True,
        "name": "InnoCities cluster programme Østfold–Mälardalen 2025–2027",
        "method": "innocities",
        "lang": "en",
        "starts_on": date(2025, 3, 1),
        "ends_on": date(2027, 12, 31),
        "projects": 20,
        "promoted": 2,
        "description": "The cluster's shared programme: members bring projects on needs they have in "
        "common — shore power, smart water networks, energy in public buildings and zero-emission work "
        "vehicles — and decide at the gates together.",
        "focus": ["energy", "mobility", "water", "buildings"],
        "coordinators": ["operator@innocities.example", "line.haugen@fredrikstad.example"],
        "steering": [
            "leader@halden.example",
            "lena.aberg@eskilstuna.example",
            "roy.andersen@borghavn.example",
            "ulf.persson@eem.example",
            "anne.grete.holm@fredrikstad.example",
        ],
        "targets": [
            ("One joint Horizon Europe application", date(2026, 3, 31)),
            ("Three shared pilots across the Norwegian–Swedish border", date(2026, 6, 30)),
            (
                "Results of every implemented project shared at the annual network conference",
                date(2027, 11, 30),
            ),
        ],
        "evaluations": [
            (
                date(2026, 3, 5),
                "The first year of the cluster brought eleven members together around shared needs. Shore "
                "power and "
                "water leakage gave the strongest joint work; Norwegian and Swedish members use different "
                "funding "
                "routes, which slows joint pilots. The steering group met six times.",
                "Keep the programme's four focus areas. Prepare a joint Horizon Europe application on water "
                "networks. "
                "Hold the network conference in Eskilstuna in November 2026.",
            ),
        ],
    },
]

# Projects by final phase and status: (phase order, status, how many). 118 planned here; two more are promoted
# from citizens' ideas in the open calls (phase 1, active), 120 in all.
PROJECT_MIX = [
    (1, "active", 12),
    (1, "on_hold", 3),
    (1, "stopped", 2),
    (2, "active", 16),
    (2, "on_hold", 3),
    (2, "stopped", 4),
    (3, "active", 16),
    (3, "on_hold", 3),
    (3, "stopped", 4),
    (4, "active", 15),
    (4, "on_hold", 2),
    (4, "stopped", 4),
    (5, "active", 12),
    (5, "on_hold", 1),
    (5, "stopped", 2),
    (6, "implemented", 12),
    (6, "scaled", 7),
]
PUBLIC_PROJECTS = 20

# --- challenges ------------------------------------------------------------------------------------
# programme key -> [(organisation slug, area, status, visibility, title, description, evidence)]

CHALLENGES = {
    "halden": [
        (
            "halden",
            "health",
            "open",
            "public",
            "Flere eldre skal kunne bo trygt hjemme lenger",
            "Antallet innbyggere over 80 år vil øke kraftig fram mot 2040, mens antallet i arbeidsfør alder "
            "står "
            "stille. Hvordan kan vi gi trygghet og mestring hjemme uten å øke bemanningen tilsvarende?",
            "Befolkningsframskrivinger fra SSB, ventelister til sykehjemsplass og intervjuer med 18 brukere "
            "og "
            "pårørende høsten 2023.",
        ),
        (
            "halden",
            "energy",
            "open",
            "network",
            "Lavere energibruk i kommunale bygg",
            "Energikostnadene i formålsbyggene er mer enn doblet siden 2021. Vi trenger løsninger som kutter "
            "forbruk og effekttopper uten å gå ut over inneklimaet.",
            "Energioppfølgingssystemet viser store forskjeller mellom like bygg; tre bygg står for en "
            "tredjedel av "
            "forbruket.",
        ),
        (
            "halden",
            "water",
            "open",
            "private",
            "Vanntap i ledningsnettet",
            "Rundt en tredjedel av vannet som produseres, lekker ut før det når abonnentene. Hvordan finner "
            "og "
            "prioriterer vi lekkasjene raskere?",
            "Vannbalanse fra vannverket 2023 og nattforbruksmålinger i fem soner.",
        ),
        (
            "halden",
            "mobility",
            "closed",
            "public",
            "Utslippsfri transport i kommunal drift",
            "Kommunens kjøretøy og arbeidsbåter skal være utslippsfrie innen 2030. Hvilke løsninger fungerer "
            "i "
            "hjemmetjenesten, teknisk drift og på sjøen?",
            "Kjøretøyoversikt og drivstoffstatistikk 2023; klimabudsjettet.",
        ),
        (
            "halden",
            "buildings",
            "open",
            "network",
            "Bedre inneklima i skolene",
            "Elever og lærere melder om tung luft og hodepine. Vi vil vite hvor problemene er størst og hva "
            "som "
            "virker.",
            "Elevundersøkelsen, avviksmeldinger og stikkprøver av CO₂-nivå i ti klasserom.",
        ),
        (
            "halden",
            "public-services",
            "draft",
            "private",
            "Enklere digital kontakt med kommunen",
            "Innbyggerne ringer servicetorget om de samme spørsmålene igjen og igjen. Hvordan kan de finne "
            "svar "
            "selv, når det passer dem?",
            "Henvendelsesstatistikk fra servicetorget 2024.",
        ),
        (
            "halden",
            "water",
            "draft",
            "private",
            "Flomsikring langs Tista",
            "Kraftigere nedbør gir raskere flom i Tista og bekkene i byen. Hvordan kan vi varsle tidligere "
            "og "
            "fordrøye vannet lenger opp i vassdraget?",
            "Flomsonekart og hendelsesrapporter fra 2023 og 2024.",
        ),
    ],
    "sarpsborg": [
        (
            "sarpsborg",
            "energy",
            "open",
            "public",
            "Lavere energikostnader i idrettshaller og bad",
            "Idrettshallene og badeanleggene er de mest energikrevende byggene kommunen har. Hvordan kan vi "
            "kutte "
            "energibruk og effekttopper?",
            "Energiattester og månedlige målerdata for 2023–2024.",
        ),
        (
            "sarpsborg",
            "health",
            "open",
            "private",
            "Rekruttering og kompetanse i helse og omsorg",
            "Det blir stadig vanskeligere å rekruttere sykepleiere og helsefagarbeidere. Hvordan kan "
            "teknologi og "
            "nye arbeidsformer frigjøre tid til brukerne?",
            "Turnover- og sykefraværstall; arbeidstidsstudie i to soner i hjemmetjenesten.",
        ),
        (
            "sarpsborg",
            "water",
            "closed",
            "network",
            "Overvann ved kraftig nedbør i sentrum",
            "Styrtregn gir oversvømte kjellere og overløp fra fellesledninger i sentrum.",
            "Skademeldinger fra forsikringsselskapene og overløpsregistreringer 2022–2024.",
        ),
        (
            "sarpsborg",
            "public-services",
            "draft",
            "private",
            "Raskere byggesaksbehandling",
            "Mange byggesøknader er mangelfulle når de kommer inn, og saksbehandlingstiden øker.",
            "Saksbehandlingsstatistikk og mangelbrev fra byggesak 2024.",
        ),
    ],
    "narvik": [
        (
            "narvik",
            "arctic-logistics",
            "open",
            "public",
            "Grønn omlasting i Narvik havn",
            "Gods mellom Ofotbanen, skip og bil skal håndteres utslippsfritt og raskere. Hvilke løsninger "
            "kan "
            "havna, jernbanen og kommunen utvikle sammen?",
            "Godsstatistikk fra Narvikhavn og Bane NOR; klimaregnskap for havna.",
        ),
        (
            "narvik",
            "mobility",
            "open",
            "private",
            "Vinterdrift med mindre salt og diesel",
            "Vinterdriften av kommunale veier og fortau er kostbar og gir utslipp. Hvordan kan vi drive "
            "smartere "
            "med data om vær og føre?",
            "Driftsregnskap for vinterdrift og klager fra innbyggere 2022–2024.",
        ),
        (
            "narvik",
            "health",
            "open",
            "public",
            "Helsetjenester i spredt bebygde områder",
            "Innbyggere i bygdene har lang reisevei til helse- og omsorgstjenester. Hvordan kan vi gi god "
            "oppfølging der folk bor?",
            "Kjørestatistikk fra hjemmetjenesten og intervjuer med brukere i Ballangen og Bjerkvik.",
        ),
        (
            "narvik",
            "energy",
            "closed",
            "private",
            "Energiforsyning til ny industri",
            "Nye industrietableringer krever mer kraft enn nettet kan levere i dag. Hvordan kan kommunen "
            "bidra til "
            "smartere bruk av eksisterende kapasitet?",
            "Nettkapasitetskart fra Hålogaland Kraft og henvendelser fra næringslivet.",
        ),
    ],
    "eskilstuna": [
        (
            "eskilstuna",
            "health",
            "open",
            "public",
            "Fler äldre ska kunna bo kvar hemma med trygghet",
            "Andelen invånare över 80 år ökar snabbt samtidigt som det blir svårare att rekrytera personal. "
            "Hur kan "
            "vi skapa trygghet och självständighet i hemmet?",
            "Befolkningsprognos, Kolada-nyckeltal för hemtjänsten och intervjuer med brukare och anhöriga.",
        ),
        (
            "eskilstuna",
            "circular-economy",
            "open",
            "public",
            "Minska avfallet från kommunens verksamheter",
            "Kommunens verksamheter slänger möbler, material och mat som kunde användas igen. Hur blir "
            "återbruk det "
            "självklara valet?",
            "Avfallsstatistik från Eskilstuna Energi och Miljö och inköpsdata 2024.",
        ),
        (
            "eskilstuna",
            "mobility",
            "closed",
            "network",
            "Fossilfria transporter i kommunens verksamheter",
            "Kommunens fordon och arbetsmaskiner ska vara fossilfria 2030.",
            "Fordonsregister och drivmedelsstatistik 2024.",
        ),
        (
            "eskilstuna",
            "buildings",
            "open",
            "private",
            "Energieffektiva och hälsosamma skollokaler",
            "Skolornas energianvändning är hög och inomhusklimatet får kritik. Hur förbättrar vi båda "
            "samtidigt?",
            "Energistatistik och enkät till elever och personal i tolv skolor.",
        ),
        (
            "eskilstuna",
            "public-services",
            "draft",
            "private",
            "Snabbare och enklare kontakt med kommunen",
            "Invånarna får vänta länge på svar och slussas mellan förvaltningar.",
            "Statistik från kontaktcenter och klagomålshantering 2024.",
        ),
        (
            "eskilstuna",
            "health",
            "open",
            "public",
            "Ofrivillig ensamhet bland äldre",
            "Många äldre i Eskilstuna uppger att de ofta känner sig ensamma. Hur kan kommunen och "
            "civilsamhället "
            "skapa fler mötesplatser?",
            "Folkhälsoenkäten och dialog med PRO och Röda Korset.",
        ),
    ],
    "cluster": [
        (
            "borg-havn",
            "energy",
            "open",
            "network",
            "Landstrøm og utslippsfrie havneoperasjoner",
            "Skip ved kai og maskiner i havna står for store lokale utslipp. Hvordan kan havner og kommuner "
            "i "
            "klyngen bygge ut landstrøm og elektrifisere driften sammen?",
            "Utslippsberegninger for skip ved kai 2023 og dialog med rederier.",
        ),
        (
            "vasteras",
            "energy",
            "open",
            "network",
            "Effektbrist i elnätet – flexibilitet i kommunala fastigheter",
            "Elnäten i Mälardalen har kapacitetsbrist. Kan kommunernas fastigheter bidra med flexibilitet?",
            "Kapacitetskartor från nätbolagen och effektdata från kommunala fastigheter.",
        ),
        (
            "fredrikstad",
            "water",
            "closed",
            "public",
            "Lekkasjer og vanntap i eldre ledningsnett",
            "Kommunene i klyngen taper mye vann i gamle ledninger. Felles metoder for lekkasjesøk og "
            "prioritering "
            "kan gi store gevinster.",
            "Vannbalanser fra fire av kommunene i klyngen.",
        ),
        (
            "nykoping",
            "mobility",
            "draft",
            "network",
            "Hållbara tjänsteresor och arbetsfordon",
            "Hur kan kommunerna i klustret elektrifiera arbetsfordon och tjänsteresor på ett "
            "kostnadseffektivt sätt?",
            "Fordonsinventering i tre kommuner.",
        ),
    ],
}

# --- ideas -----------------------------------------------------------------------------------------
# programme key -> [(organisation slug, area, status, title, description, reason)]

IDEAS = {
    "halden": [
        (
            "halden",
            "mobility",
            "new",
            "Ladepunkter for elsykler ved skolene",
            "Elever og ansatte som sykler med elsykkel, har ingen steder å lade ved skolene. Enkle ladeskap "
            "i "
            "sykkelstativene kan få flere til å sykle.",
            "",
        ),
        (
            "halden",
            "energy",
            "under_review",
            "Varmekamera fra drone for å finne varmetap",
            "Bruke drone med varmekamera om vinteren for å finne hvor varmen lekker ut av kommunale bygg.",
            "",
        ),
        (
            "halden",
            "mobility",
            "selected",
            "Felles bilpool for hjemmetjenesten og psykisk helse",
            "Tjenestene har bilbehov på ulike tider av døgnet og kan dele en felles elbilpool.",
            "",
        ),
        (
            "halden",
            "health",
            "parked",
            "Besøksvenn-app for sykehjemmene",
            "En app der pårørende og frivillige kan avtale besøk og aktiviteter med beboerne.",
            "Parkert til vi har sett resultatene fra prosjektet om digitale møteplasser; ideen vurderes "
            "igjen høsten "
            "2026.",
        ),
        (
            "halden",
            "water",
            "rejected",
            "Regnvannstønner til alle borettslag",
            "Kommunen deler ut regnvannstønner for å redusere overvann fra takene.",
            "Effekten på overvannet er liten sammenlignet med kostnaden. Vi tar heller ideen med i arbeidet "
            "med "
            "naturbasert overvannshåndtering.",
        ),
        (
            "halden",
            "public-services",
            "new",
            "Varsel om glatte fortau",
            "Sensorer og værdata kan varsle hjemmetjenesten og innbyggerne når fortauene blir glatte.",
            "",
        ),
        (
            "halden",
            "energy",
            "parked",
            "Solceller og sanntidsskjerm på busslommer",
            "Busslommer med egen solstrøm til lys og sanntidsinformasjon.",
            "Holdeplassene eies av fylkeskommunen. Ideen er sendt videre til Østfold kollektivtrafikk og "
            "parkeres "
            "her.",
        ),
        (
            "halden",
            "health",
            "under_review",
            "Digitalt vaktbytte for turnusansatte",
            "Ansatte i turnus kan bytte vakter i en app, med godkjenning fra leder og kontroll mot "
            "arbeidstidsreglene.",
            "",
        ),
        (
            "halden",
            "public-services",
            "selected",
            "Gjenbruksbod ved gjenvinningsstasjonen",
            "En bod der innbyggerne kan levere og hente brukbare ting gratis i stedet for å kaste dem.",
            "",
        ),
        (
            "halden",
            "water",
            "new",
            "Vannmålere i idrettsanlegg",
            "Måle vannforbruket i idrettsanleggene for å finne lekkasjer og dusjer som står og renner.",
            "",
        ),
        (
            "halden",
            "mobility",
            "rejected",
            "Gratis buss for pensjonister på dagtid",
            "La pensjonister reise gratis med buss utenom rushtiden.",
            "Takstene bestemmes av fylkeskommunen og ligger utenfor kommunens innovasjonsprogram.",
        ),
        (
            "halden",
            "buildings",
            "under_review",
            "CO₂-målere som elevene bygger selv",
            "Elevene bygger enkle CO₂-målere i naturfag og bruker dataene i undervisningen og i dialog med "
            "vaktmesteren.",
            "",
        ),
    ],
    "sarpsborg": [
        (
            "sarpsborg",
            "energy",
            "new",
            "Solceller på parkeringshuset",
            "Taket på parkeringshuset i sentrum kan dekkes med solceller som lader kommunens elbiler.",
            "",
        ),
        (
            "sarpsborg",
            "health",
            "selected",
            "Visningsleilighet for velferdsteknologi",
            "En leilighet der innbyggere og pårørende kan prøve velferdsteknologi før de søker om det.",
            "",
        ),
        (
            "sarpsborg",
            "public-services",
            "under_review",
            "Status på byggesaken på SMS",
            "Søkere får automatisk SMS når byggesaken skifter status, så de slipper å ringe.",
            "",
        ),
        (
            "sarpsborg",
            "water",
            "parked",
            "Grønne tak på busskur",
            "Sedumtak på busskurene fordrøyer regnvann og gir mer liv i bybildet.",
            "Parkert til erfaringene fra grønne tak på kommunale bygg foreligger.",
        ),
        (
            "sarpsborg",
            "public-services",
            "rejected",
            "Matsvinn-app for skolekantinene",
            "En app som viser dagens rester i kantinene til halv pris.",
            "Løses allerede gjennom bransjeavtalen om matsvinn som kantineleverandøren er med i.",
        ),
        (
            "sarpsborg",
            "water",
            "new",
            "Lekkasjevarsling i kommunale boliger",
            "Vannstoppere med varsling i kommunale utleieboliger for å unngå vannskader.",
            "",
        ),
    ],
    "narvik": [
        (
            "narvik",
            "energy",
            "under_review",
            "Varme i fortau med overskuddsvarme",
            "Bruke overskuddsvarme fra industrien til å holde fortauene i sentrum isfrie.",
            "",
        ),
        (
            "narvik",
            "arctic-logistics",
            "new",
            "Felles hentepunkt for netthandel",
            "Et felles, oppvarmet hentepunkt for pakker ved knutepunktet, så færre kjører til flere "
            "utleveringssteder.",
            "",
        ),
        (
            "narvik",
            "health",
            "parked",
            "Digital legevaktveiledning på flere språk",
            "Chat med legevakten på norsk, nordsamisk og engelsk.",
            "Parkert til den interkommunale legevakten har valgt ny plattform.",
        ),
        (
            "narvik",
            "mobility",
            "rejected",
            "Elektrisk skyttelbuss til alpinanlegget",
            "En elektrisk buss i pendel mellom sentrum og Narvikfjellet i sesongen.",
            "Reiselivsaktørene har allerede et tilbud under utvikling; kommunen bidrar heller med "
            "holdeplass.",
        ),
        (
            "narvik",
            "energy",
            "new",
            "Snøsmelting med spillvarme fra datasenter",
            "Bruke varmen fra et planlagt datasenter til snøsmelting på kommunale plasser.",
            "",
        ),
        (
            "narvik",
            "public-services",
            "selected",
            "Digital feilmelding på kommunal vei",
            "Innbyggere melder hull i veien, manglende brøyting og lys som ikke virker, med bilde og "
            "kartpunkt.",
            "",
        ),
    ],
    "eskilstuna": [
        (
            "eskilstuna",
            "mobility",
            "new",
            "Lånecyklar för nyanlända",
            "Renoverade cyklar från återbruket lånas ut till nyanlända tillsammans med cykelkurs.",
            "",
        ),
        (
            "eskilstuna",
            "circular-economy",
            "under_review",
            "Reparationskafé på biblioteket",
            "Frivilliga hjälper invånare att laga kläder, elektronik och cyklar en kväll i månaden.",
            "",
        ),
        (
            "eskilstuna",
            "health",
            "selected",
            "Digital fixartjänst för äldre",
            "Äldre bokar fixartjänsten digitalt eller via anhöriga, med påminnelser inför besöket.",
            "",
        ),
        (
            "eskilstuna",
            "energy",
            "new",
            "Solceller på idrottshallarnas tak",
            "Idrottshallarna har stora tak som kan ge solel till hallarnas ventilation och belysning.",
            "",
        ),
        (
            "eskilstuna",
            "circular-economy",
            "rejected",
            "Återbruk av kontorsmaterial mellan förvaltningar",
            "En intern marknadsplats för pärmar, skrivbordslampor och annat kontorsmaterial.",
            "Ingår redan i projektet om cirkulära möbler i kommunens verksamheter; idén har förts vidare "
            "dit.",
        ),
        (
            "eskilstuna",
            "public-services",
            "under_review",
            "Chatt på flera språk i kontaktcenter",
            "Invånare kan chatta med kontaktcenter på arabiska, somaliska och finska med hjälp av "
            "maskinöversättning.",
            "",
        ),
        (
            "eskilstuna",
            "buildings",
            "parked",
            "Sensorer för trängsel i simhallen",
            "Visa hur många som är i simhallen just nu, så att besökare kan välja lugnare tider.",
            "Parkerad i väntan på ombyggnaden av simhallen; tas upp igen 2027.",
        ),
        (
            "eskilstuna",
            "health",
            "new",
            "Promenadgrupper med digital anmälan",
            "Promenadgrupper för äldre som anmäls digitalt och leds av frivilliga.",
            "",
        ),
        (
            "eskilstuna",
            "mobility",
            "rejected",
            "Elsparkcyklar i kommunens regi",
            "Kommunen driver egna elsparkcyklar i centrum.",
            "Marknaden erbjuder redan elsparkcyklar; kommunen reglerar i stället uppställningen genom lokala "
            "trafikföreskrifter.",
        ),
        (
            "eskilstuna",
            "energy",
            "parked",
            "Värmekameror för att hitta energiläckor i skolor",
            "Fotografera skolorna med värmekamera vintertid och prioritera tätning och isolering.",
            "Parkerad till nästa budgetår då fastighetsförvaltningen upphandlar ny energitjänst.",
        ),
    ],
    "cluster": [
        (
            "fredrikstad",
            "water",
            "under_review",
            "Felles lekkasjekart for kommunene i klyngen",
            "Samle lekkasjedata fra alle kommunene i ett kart, så vi lærer hvilke rørtyper og områder som "
            "lekker mest.",
            "",
        ),
        (
            "fredrikstad",
            "water",
            "new",
            "Deling av overvannsmodeller mellom kommunene",
            "Kommunene bruker samme typer modeller for overvann og kan dele oppsett og kalibreringsdata.",
            "",
        ),
        (
            "moss",
            "mobility",
            "selected",
            "Felles innkjøp av elektriske arbeidsbåter",
            "Flere kommuner og havner i klyngen trenger nye arbeidsbåter og kan kjøpe elektriske sammen.",
            "",
        ),
        (
            "moss",
            "energy",
            "parked",
            "Energideling mellom skole og idrettshall",
            "Solstrøm fra skolen brukes i idrettshallen på kveldstid.",
            "Parkert til nettselskapet har avklart regelverket for deling av strøm mellom bygg.",
        ),
        (
            "borg-havn",
            "energy",
            "rejected",
            "Landstrøm for fritidsbåter i gjestehavnene",
            "Ladepunkter for elektriske fritidsbåter i gjestehavnene langs Hvaler.",
            "Effekten er liten sammenlignet med landstrøm for store skip, som prioriteres i klyngen.",
        ),
        (
            "vasteras",
            "energy",
            "under_review",
            "Gemensam flexibilitetsmarknad för kommunala fastigheter",
            "Kommunerna i klustret erbjuder flexibilitet från sina fastigheter på en gemensam lokal marknad.",
            "",
        ),
        (
            "vasteras",
            "mobility",
            "new",
            "Cykelgarage med laddning vid stationerna",
            "Låsbara cykelgarage med laddning för elcyklar vid tågstationerna i Mälardalen.",
            "",
        ),
        (
            "strangnas",
            "water",
            "new",
            "Gemensam metod för mätning av vattenläckor",
            "En gemensam metod för vattenbalans och nattförbrukning så att kommunerna kan jämföra sig.",
            "",
        ),
        (
            "orebro",
            "water",
            "selected",
            "Gemensam upphandling av smarta vattenmätare",
            "Kommunerna i klustret upphandlar fjärravlästa vattenmätare tillsammans för bättre pris och "
            "villkor.",
            "",
        ),
        (
            "orebro",
            "energy",
            "rejected",
            "Delning av solel mellan kommunala bolag",
            "Solel från ett kommunalt bolags tak används av ett annat bolags verksamhet i grannfastigheten.",
            "Regelverket för delning av el gör idén svår att genomföra i dag; vi följer frågan i nätverket.",
        ),
        (
            "nykoping",
            "mobility",
            "parked",
            "Klimatsmarta tjänsteresor med tåg",
            "Tåg som förstahandsval för tjänsteresor mellan kommunerna i Mälardalen, med gemensamt "
            "resekonto.",
            "Parkerad tills den regionala trafikförsörjningsplanen är klar.",
        ),
    ],
}

# --- project catalogue -----------------------------------------------------------------------------
# (language, organisation kind) -> area -> [(title, summary, problem addressed, expected benefits)]

PROJECTS = {
    ("nb", "municipality"): {
        "energy": [
            (
                "Solceller på kommunale bygg",
                "Kartlegge takflater og installere solcelleanlegg på skoler, sykehjem og idrettshaller, med "
                "felles "
                "overvåking av produksjonen.",
                "Kommunen kjøper all strøm fra nettet, og store takflater på formålsbyggene står ubrukt.",
                "Lavere strømkostnader, egenprodusert fornybar energi og et synlig klimatiltak elevene kan "
                "lære av.",
            ),
            (
                "Energioppfølging i formålsbygg med sanntidsdata",
                "Koble energimålerne i kommunale bygg til et felles energioppfølgingssystem med varsler om "
                "avvik.",
                "Energibruken følges opp manuelt én gang i måneden, og feil i tekniske anlegg oppdages sent.",
                "10–15 % lavere energibruk gjennom raskere avviksretting og bedre driftsrutiner.",
            ),
            (
                "Batterilager for kommunale solcelleanlegg",
                "Teste stasjonære batterier ved to skoler for å flytte solstrøm til ettermiddagen og kappe "
                "effekttopper.",
                "Nettleien øker med effekttoppene, og overskuddsstrøm fra solcellene selges billig midt på "
                "dagen.",
                "Lavere effektkostnader og erfaring med lokal lagring før større investeringer.",
            ),
            (
                "Spillvarme fra industrien til fjernvarme",
                "Utrede og pilotere uttak av overskuddsvarme fra lokal industri til fjernvarmenettet sammen "
                "med "
                "energiselskapet.",
                "Store mengder spillvarme slippes ut mens fjernvarmen delvis produseres med fossil "
                "spisslast.",
                "Fossilfri fjernvarme, lavere varmekostnader og tettere samarbeid med næringslivet.",
            ),
            (
                "Lokalt energisamfunn i nytt boligområde",
                "Etablere deling av solstrøm og batteri mellom boliger, barnehage og nærbutikk i et nytt "
                "boligfelt.",
                "Nye boligområder bygges ut uten å utnytte muligheten for lokal produksjon og deling av "
                "energi.",
                "Lavere strømregning for beboerne, mindre belastning på nettet og en modell for andre felt.",
            ),
            (
                "Smart gatelys med behovsstyrt dimming",
                "Bytte til LED-armaturer med sensorer som demper lyset når det ikke er trafikk, styrt fra én "
                "plattform.",
                "Gatelyset står for en stor del av kommunens strømforbruk og lyser like sterkt hele natten.",
                "Inntil 60 % lavere energibruk til gatelys og færre driftsbesøk takket være feilmeldinger.",
            ),
            (
                "Effektstyring i skolebygg",
                "Styre ventilasjon, varme og elbillading i skolebygg etter timeplan og strømpris.",
                "Skolene har høye effekttopper om morgenen når alle anlegg starter samtidig.",
                "Lavere nettleie og bedre inneklima når anleggene styres etter faktisk bruk.",
            ),
            (
                "Varmegjenvinning i svømmehallen",
                "Installere varmepumpe som gjenvinner varme fra ventilasjonsluft og gråvann i svømmehallen.",
                "Svømmehallen er kommunens mest energikrevende bygg, og varmen går rett ut med avkastluften.",
                "Om lag halvert energibruk til oppvarming av bassengvann og luft.",
            ),
            (
                "Lading med laststyring for kommunens bilpark",
                "Bygge ladeanlegg med dynamisk laststyring ved rådhuset og driftsstasjonen.",
                "Kommunens elbiler lades ukoordinert, og nye ladepunkter krever dyre nettforsterkninger.",
                "Flere ladepunkter uten økt effektuttak og grunnlag for å elektrifisere hele bilparken.",
            ),
            (
                "Solcellepark på nedlagt deponi",
                "Utrede bakkemontert solcellepark på kommunens avsluttede avfallsdeponi.",
                "Arealet på det gamle deponiet kan ikke brukes til bygg eller landbruk.",
                "Fornybar strøm tilsvarende forbruket til flere hundre husstander uten nye naturinngrep.",
            ),
            (
                "Energiportal for innbyggere",
                "En digital portal der innbyggerne ser eget forbruk mot sammenlignbare hushold og får råd om "
                "sparetiltak.",
                "Mange husholdninger ønsker å spare strøm, men mangler oversikt og uavhengige råd.",
                "Lavere forbruk i husholdningene og færre henvendelser om strømstøtte og energiråd.",
            ),
            (
                "Sjøvannsvarmepumpe for sentrumsbygg",
                "Utrede et felles varmepumpeanlegg med sjøvann som varmekilde for kommunale bygg i sentrum.",
                "Flere sentrumsbygg har gamle varmeanlegg som må byttes i løpet av få år.",
                "Fornybar oppvarming og kjøling med lang levetid og lave driftskostnader.",
            ),
        ],
        "mobility": [
            (
                "Elektriske arbeidsbåter for kommunal drift",
                "Teste en elektrisk arbeidsbåt for tilsyn med havner, fortøyninger og badeplasser.",
                "Kommunens arbeidsbåter går på diesel og har høye drifts- og vedlikeholdskostnader.",
                "Utslippsfri drift på sjøen, mindre støy og lavere drivstoffkostnader.",
            ),
            (
                "Bysykkelordning med elsykler",
                "Etablere bysykler med elmotor og stasjoner ved kollektivknutepunkter, skoler og sykehus.",
                "Korte reiser i sentrum gjøres med bil fordi bakkene avskrekker mange syklister.",
                "Færre bilturer i sentrum, bedre folkehelse og et tilbud også for dem uten egen sykkel.",
            ),
            (
                "Bestillingstransport i distriktet",
                "Pilotere app-basert bestillingstransport som kobler grendene til bussruter og tjenester i "
                "sentrum.",
                "Faste bussruter i distriktet går nesten tomme, samtidig som eldre uten bil blir isolert.",
                "Bedre tilgjengelighet for innbyggerne i distriktet til lavere kostnad per reise.",
            ),
            (
                "Utslippsfri byggeplass",
                "Stille krav om elektriske anleggsmaskiner i kommunale byggeprosjekter og teste midlertidig "
                "nettilknytning med batteribank.",
                "Anleggsmaskiner på kommunale byggeplasser gir lokale utslipp, støy og dårlig luftkvalitet.",
                "Lavere utslipp, mindre støy for naboene og et marked for utslippsfrie maskiner.",
            ),
            (
                "Samkjøring for ansatte i turnus",
                "Innføre en samkjøringsløsning for ansatte med turnusarbeid, med belønning for delte turer.",
                "Mange ansatte pendler alene i bil, og parkeringsplassene ved sykehjemmene er fulle.",
                "Færre bilturer, lavere reisekostnader for ansatte og frigjort parkeringsareal.",
            ),
            (
                "Elbiler i hjemmetjenesten med smart lading",
                "Erstatte fossilbiler i hjemmetjenesten med elbiler og planlegge ladingen etter turnus og "
                "ruter.",
                "Hjemmetjenesten kjører lange distanser hver dag med dieselbiler.",
                "Lavere utslipp og driftskostnader uten at tjenesten mister fleksibilitet.",
            ),
            (
                "Digital parkeringsveiledning i sentrum",
                "Sensorer på parkeringsplassene og skilt som viser ledige plasser i sanntid.",
                "Leting etter parkering gir unødvendig trafikk og utslipp i sentrum.",
                "Mindre søketrafikk, bedre utnyttelse av parkeringsarealet og data til arealplanleggingen.",
            ),
            (
                "Trygg skolevei med trafikkdata",
                "Bruke trafikktellinger og barnas egne registreringer til å prioritere tiltak langs "
                "skoleveiene.",
                "Foreldre kjører barna til skolen fordi skoleveien oppleves utrygg.",
                "Flere barn som går og sykler til skolen, og tiltak der risikoen faktisk er størst.",
            ),
            (
                "Selvkjørende minibuss i sentrum",
                "Teste en selvkjørende minibuss på en fast rute mellom sentrum, sykehuset og "
                "kollektivknutepunktet.",
                "Det mangler et lavterskeltilbud for korte reiser for eldre og personer med nedsatt "
                "bevegelighet.",
                "Kunnskap om selvkjørende kollektivtransport og et bedre tilbud på korte strekninger.",
            ),
            (
                "Varelevering med elektriske lastesykler",
                "Samordnet varelevering til kommunale enheter i sentrum med lastesykler fra en felles "
                "mikroterminal.",
                "Mange små leveranser med varebil skaper trafikk og utslipp i sentrumsgatene.",
                "Færre varebiler i sentrum, lavere utslipp og mer effektiv logistikk.",
            ),
            (
                "Bildeling for ansatte og innbyggere",
                "Dele kommunens elbiler med innbyggerne på kveldstid og i helger gjennom en "
                "bildelingsordning.",
                "Kommunens biler står stille store deler av døgnet.",
                "Bedre utnyttelse av bilparken, inntekter og et alternativ til egen bil for innbyggerne.",
            ),
            (
                "Hurtiglading for tunge kjøretøy",
                "Etablere hurtiglading for renovasjonsbiler og busser ved kommunens driftsstasjon.",
                "Elektrifiseringen av tunge kjøretøy stopper opp fordi ladeinfrastrukturen mangler.",
                "Utslippsfri renovasjon og et ladepunkt næringslivet også kan bruke.",
            ),
        ],
        "health": [
            (
                "Digital hjemmetjeneste",
                "Erstatte utvalgte fysiske besøk med digitalt tilsyn over nettbrett, etter ønske fra "
                "brukeren.",
                "Hjemmetjenesten bruker mye tid på kjøring og korte tilsynsbesøk, og det blir vanskeligere å "
                "rekruttere nok personell.",
                "Mer tid til brukerne som trenger fysisk hjelp, færre kjørte kilometer og økt trygghet.",
            ),
            (
                "Medisindispensere med påminnelse",
                "Ta i bruk elektroniske medisindispensere som varsler brukeren og hjemmetjenesten ved glemt "
                "dose.",
                "Feil og glemt medisinering er en hyppig årsak til innleggelser blant eldre hjemmeboende.",
                "Riktigere medisinering, færre besøk bare for medisinutdeling og mer selvstendige brukere.",
            ),
            (
                "Fallsensorer i omsorgsboliger",
                "Teste kamerafrie sensorer som oppdager fall og uvanlig inaktivitet i omsorgsboliger.",
                "Fall om natten oppdages ofte sent, og nattevaktene må gå mange runder for å sjekke "
                "beboerne.",
                "Raskere hjelp ved fall, bedre nattesøvn for beboerne og mer målrettede nattevakter.",
            ),
            (
                "Digital hjemmeoppfølging av kronisk syke",
                "Følge opp innbyggere med kols, hjertesvikt og diabetes med egenmålinger og en "
                "oppfølgingssentral.",
                "Kronisk syke har mange reinnleggelser som kunne vært unngått med tettere oppfølging.",
                "Færre akutte innleggelser, økt mestring og bedre samarbeid med fastleger og sykehus.",
            ),
            (
                "Hverdagsrehabilitering med videoveiledning",
                "Kombinere hjemmebesøk med videoveiledning fra fysioterapeut og ergoterapeut.",
                "Ventetiden på rehabilitering er lang, og terapeutene bruker mye tid på reise.",
                "Flere får rehabilitering raskere, og flere klarer seg uten varige tjenester.",
            ),
            (
                "Digitale møteplasser mot ensomhet blant eldre",
                "Sammen med frivillige tilby videosamtaler og digitale aktivitetsgrupper for eldre som bor "
                "alene.",
                "Mange eldre opplever ensomhet, særlig etter å ha mistet ektefellen eller sluttet å kjøre "
                "bil.",
                "Mindre ensomhet, mer aktivitet og et tettere samarbeid med frivilligheten.",
            ),
            (
                "Smart ruteplanlegging i hjemmetjenesten",
                "Bruke et optimeringsverktøy for å planlegge rutene ut fra vedtak, kompetanse og kjøretid.",
                "Ruteplanleggingen gjøres manuelt hver morgen og tar mye tid fra fagpersonene.",
                "Kortere kjøretid, mer kontinuitet for brukerne og frigjort tid for koordinatorene.",
            ),
            (
                "Lokaliseringsteknologi for personer med demens",
                "Tilby trygghetsalarm med GPS og avtalte varslingssoner for hjemmeboende med demens.",
                "Pårørende og ansatte bruker mye tid på leting, og frykten for å gå seg bort holder mange "
                "inne.",
                "Mer frihet og bevegelse for brukerne og tryggere pårørende.",
            ),
            (
                "Tale til tekst i helsedokumentasjonen",
                "Teste talegjenkjenning for dokumentasjon i pasientjournalen på sykehjem.",
                "Ansatte bruker mye av vakta foran PC-en, og dokumentasjonen blir ofte mangelfull.",
                "Mer tid med beboerne og bedre kvalitet i dokumentasjonen.",
            ),
            (
                "Chat med helsesykepleier for ungdom",
                "Åpne en anonym chat med helsesykepleier for ungdom på kveldstid.",
                "Mange ungdommer tar ikke kontakt med helsestasjonen før problemene har vokst seg store.",
                "Lavere terskel for å be om hjelp og tidligere innsats for psykisk helse.",
            ),
            (
                "Aktivitetsvenn for eldre",
                "Koble frivillige aktivitetsvenner med eldre på sykehjem og i omsorgsboliger via en "
                "matchetjeneste.",
                "Beboerne har få meningsfulle aktiviteter, og frivillige vet ikke hvor de trengs.",
                "Mer aktivitet og livsglede for beboerne og bedre rekruttering av frivillige.",
            ),
            (
                "Elektronisk legemiddelhåndtering på sykehjem",
                "Innføre elektronisk legemiddelkurve med strekkodeskanning ved utdeling.",
                "Papirbaserte legemiddelkurver gir risiko for feil og dobbeltarbeid.",
                "Færre legemiddelfeil og sikrere overganger mellom sykehus og sykehjem.",
            ),
        ],
        "buildings": [
            (
                "Sensorer for inneklima i skolebygg",
                "Montere sensorer for CO₂, temperatur og fukt i klasserommene og styre ventilasjonen etter "
                "målingene.",
                "Elever og lærere klager på tung luft og hodepine, og ventilasjonen går med faste "
                "innstillinger.",
                "Bedre læringsmiljø, færre klager og lavere energibruk til ventilasjon.",
            ),
            (
                "Ombruk av byggematerialer",
                "Kartlegge materialer i bygg som skal rives, og bruke dem om igjen i nye kommunale "
                "prosjekter.",
                "Brukbare materialer fra riving blir avfall, mens nye materialer gir store klimagassutslipp.",
                "Mindre avfall, lavere klimafotavtrykk og et lokalt marked for brukte byggevarer.",
            ),
            (
                "Massivtre i ny barnehage",
                "Bygge ny barnehage i massivtre med klimagassberegning gjennom hele prosjektet.",
                "Kommunens byggeprosjekter har høye utslipp fra betong og stål.",
                "Lavere klimagassutslipp og erfaring med trebygg til senere prosjekter.",
            ),
            (
                "Digital tvilling av kommunale bygg",
                "Bygge en digital tvilling av formålsbyggene med tegninger, tekniske anlegg og sensordata.",
                "Informasjon om byggene ligger spredt i permer, fagsystemer og hos enkeltpersoner.",
                "Bedre vedlikeholdsplanlegging, raskere feilsøking og grunnlag for arealeffektivisering.",
            ),
            (
                "Prediktivt vedlikehold av tekniske anlegg",
                "Bruke driftsdata fra pumper, vifter og varmeanlegg til å forutsi feil før de skjer.",
                "Uplanlagte driftsstanser fører til stengte lokaler og dyre hastereparasjoner.",
                "Færre driftsstanser, lengre levetid og bedre planlagt vedlikehold.",
            ),
            (
                "Arealeffektivisering med sensordata",
                "Måle faktisk bruk av møterom og arbeidsplasser i rådhuset for å planlegge arealbehovet.",
                "Kommunen planlegger nye lokaler uten å vite hvor mye dagens arealer faktisk brukes.",
                "Mindre behov for nye arealer og lavere husleie- og driftskostnader.",
            ),
            (
                "Plusshus-barnehage",
                "Prosjektere en barnehage som produserer mer energi enn den bruker over året.",
                "Nye formålsbygg låser energibruken i mange tiår framover.",
                "Netto energiproduksjon, lave driftskostnader og læring for barn og ansatte.",
            ),
            (
                "Grønne tak på kommunale bygg",
                "Etablere grønne tak for å fordrøye overvann og øke det biologiske mangfoldet.",
                "Store tette flater gir rask avrenning og overbelastet avløpsnett ved kraftig regn.",
                "Mindre overvann, bedre lokalklima og flere pollinerende insekter i sentrum.",
            ),
            (
                "Fuktovervåking i eldre bygg",
                "Trådløse fuktsensorer i utsatte konstruksjoner i eldre skoler og barnehager.",
                "Fuktskader oppdages sent og fører til kostbare rehabiliteringer og dårlig inneklima.",
                "Tidlig varsling av fukt, lavere rehabiliteringskostnader og sunnere bygg.",
            ),
            (
                "Fossilfri anleggsplass ved skolebygging",
                "Bygge ny skole med krav om fossilfri og helst elektrisk anleggsdrift.",
                "Byggeplassene står for en stor andel av kommunens direkte utslipp.",
                "Kutt i klimagassutslipp og mindre støy og forurensning rundt skolen.",
            ),
            (
                "Klimagassregnskap i byggeprosjekter",
                "Innføre et felles verktøy for klimagassberegning i alle kommunale byggeprosjekter fra "
                "tidligfase.",
                "Utslippene fra byggeprosjekter blir kjent først når valgene allerede er tatt.",
                "Bedre klimavalg tidlig og data til kommunens klimabudsjett.",
            ),
            (
                "Digital kartlegging av universell utforming",
                "Kartlegge tilgjengeligheten i kommunale bygg digitalt og publisere informasjonen for "
                "innbyggerne.",
                "Innbyggere med funksjonsnedsettelser vet ikke på forhånd om bygget er tilgjengelig.",
                "Bedre tilgjengelighet, prioriterte tiltak og informasjon innbyggerne kan stole på.",
            ),
        ],
        "water": [
            (
                "Smarte vannmålere",
                "Installere fjernavleste vannmålere i husholdninger og næringsbygg med varsling av unormalt "
                "forbruk.",
                "Vannforbruket faktureres etter stipulerte verdier, og lekkasjer hos abonnentene oppdages "
                "sent.",
                "Riktigere fakturering, raskere oppdagelse av lekkasjer og bedre data for planlegging.",
            ),
            (
                "Lekkasjesøk med akustiske sensorer",
                "Plassere akustiske sensorer på ledningsnettet som lytter etter lekkasjer om natten.",
                "En stor andel av vannet som produseres, lekker ut før det når abonnentene.",
                "Lavere vanntap, lavere kostnader til vannbehandling og mer målrettet fornyelse av nettet.",
            ),
            (
                "Naturbasert overvannshåndtering",
                "Etablere regnbed, åpne vannveier og fordrøyningsområder i et utsatt boligområde.",
                "Kraftig nedbør gir oversvømte kjellere og overløp fra avløpsnettet.",
                "Mindre skader ved styrtregn, renere vassdrag og grønnere nærmiljø.",
            ),
            (
                "Badevannskvalitet i sanntid",
                "Sensorer ved badeplassene måler vannkvalitet og temperatur og viser resultatet på nett.",
                "Badevannsprøver tas ukentlig, og svarene kommer flere dager etter at folk har badet.",
                "Tryggere bading, raskere varsling ved forurensning og færre henvendelser.",
            ),
            (
                "Biogass fra avløpsslam",
                "Utrede biogassproduksjon fra slam ved renseanlegget og bruk av gassen i kommunens kjøretøy.",
                "Slammet fra renseanlegget transporteres bort som avfall.",
                "Fornybart drivstoff, mindre transport og et mer sirkulært renseanlegg.",
            ),
            (
                "Digital tvilling av vannnettet",
                "Modellere vann- og avløpsnettet digitalt med sanntidsdata fra pumpestasjoner og målere.",
                "Planlegging av fornyelse og beredskap bygger på gamle kart og erfaringer hos "
                "enkeltpersoner.",
                "Bedre prioritering av investeringer og raskere håndtering av avvik.",
            ),
            (
                "Varsling av overløp fra avløpsnettet",
                "Måle og varsle overløp fra avløpsnettet automatisk til kommunen og publikum.",
                "Overløp av urenset avløpsvann til sjø og vassdrag registreres mangelfullt.",
                "Bedre kontroll med utslipp, tryggere badevann og grunnlag for tiltak.",
            ),
            (
                "Flomvarsling med sensorer i bekker",
                "Sensorer for vannstand i utsatte bekker og elver kobles til kommunens beredskapssystem.",
                "Flom i mindre vassdrag kommer raskt og gir lite tid til å varsle innbyggerne.",
                "Tidligere varsling, bedre beredskap og færre skader på boliger og infrastruktur.",
            ),
            (
                "Tilsyn med private avløpsanlegg",
                "Digitalt tilsyn med private avløpsanlegg med sensorer og innrapportering fra tømmefirma.",
                "Mange private avløpsanlegg fungerer dårlig og forurenser bekker og drikkevannskilder.",
                "Mer effektivt tilsyn og renere vassdrag.",
            ),
            (
                "Gjenbruk av gråvann i kommunale bygg",
                "Teste gjenbruk av gråvann til toalettspyling i en ny skole.",
                "Rent drikkevann brukes til toalettspyling i store kommunale bygg.",
                "Lavere vannforbruk og erfaring med sirkulære vannløsninger.",
            ),
            (
                "Droner for inspeksjon av ledningsnett",
                "Bruke droner og bildeanalyse for å inspisere vanskelig tilgjengelige vannledninger og "
                "dammer.",
                "Inspeksjon av ledninger i ulendt terreng er tidkrevende og risikabelt.",
                "Raskere og tryggere inspeksjoner og bedre dokumentasjon av tilstanden.",
            ),
            (
                "Mikroplastfilter på renseanlegget",
                "Pilotere et filtertrinn som fjerner mikroplast fra renset avløpsvann.",
                "Mikroplast fra avløpsvann havner i fjorden og vassdragene.",
                "Mindre mikroplast i miljøet og kunnskap om kostnadene ved fullskala rensing.",
            ),
        ],
        "public-services": [
            (
                "Chatbot for innbyggerhenvendelser",
                "En chatbot på kommunens nettsider som svarer på vanlige spørsmål døgnet rundt og sender "
                "videre til "
                "saksbehandler ved behov.",
                "Servicetorget får mange gjentakende henvendelser om de samme temaene.",
                "Raskere svar for innbyggerne og mer tid til komplekse saker i servicetorget.",
            ),
            (
                "Digital byggesøknad med automatisk kontroll",
                "Innføre digital byggesøknad som kontrollerer søknaden automatisk mot reguleringsplanen.",
                "Mange byggesøknader er mangelfulle og må sendes i retur, og saksbehandlingstiden blir lang.",
                "Kortere saksbehandlingstid, færre mangelbrev og mer fornøyde søkere.",
            ),
            (
                "Programvareroboter i lønn og fakturamottak",
                "Automatisere rutineoppgaver i lønn og fakturamottak med programvareroboter (RPA).",
                "Ansatte i økonomi og lønn bruker mye tid på manuell registrering og kontroll.",
                "Færre feil, frigjort tid og raskere behandling av fakturaer.",
            ),
            (
                "Innbyggerpanel for tjenesteutvikling",
                "Etablere et fast digitalt innbyggerpanel som spørres når tjenester skal utvikles.",
                "Tjenester utvikles ofte uten at innbyggerne blir spurt før de er ferdige.",
                "Tjenester som treffer behovene bedre og høyere tillit til kommunen.",
            ),
            (
                "Digital søknad om startlån",
                "En veiledende digital søknad om startlån med automatisk innhenting av inntektsopplysninger.",
                "Søknadene om startlån er tunge å fylle ut og krever mye dokumentasjon.",
                "Enklere søknad for innbyggerne og raskere vedtak.",
            ),
            (
                "Meråpent bibliotek som innbyggertorg",
                "Utvide åpningstiden i biblioteket med selvbetjening og tilby veiledning i digitale "
                "tjenester.",
                "Innbyggere som trenger hjelp med digitale tjenester, vet ikke hvor de kan få den.",
                "Lengre åpningstider, mindre digitalt utenforskap og en levende møteplass.",
            ),
            (
                "Klarspråk i vedtaksbrev med språkmodell",
                "Teste en språkmodell som foreslår klarere formuleringer i vedtaksbrev, med saksbehandleren "
                "som "
                "ansvarlig.",
                "Vedtaksbrev er vanskelige å forstå og fører til mange oppfølgingsspørsmål og klager.",
                "Brev som blir forstått, færre klager og mindre tid til oppklaringer.",
            ),
            (
                "Datadrevet brøyting",
                "Bruke værdata og GPS fra brøytebilene til å planlegge og dokumentere vinterdriften.",
                "Innbyggerne klager på sen brøyting, og kommunen mangler data om hva som faktisk er gjort.",
                "Bedre prioritering, mindre saltbruk og dokumentasjon til innbyggerne.",
            ),
            (
                "Digital søknad om TT-kort",
                "Digitalisere søknad og vedtak om tilrettelagt transport (TT) i samarbeid med "
                "fylkeskommunen.",
                "Søknadsprosessen for TT-kort er papirbasert og tar lang tid.",
                "Raskere vedtak og en enklere prosess for søkerne.",
            ),
            (
                "Felles digitalt postmottak",
                "Samle inngående post i ett digitalt mottak med automatisk fordeling til riktig enhet.",
                "Post blir liggende eller sendt feil mellom enhetene.",
                "Raskere saksbehandling og bedre arkivering.",
            ),
            (
                "Medvirkningsapp for ungdom",
                "En app der ungdom kan foreslå og stemme på tiltak i nærmiljøet, sammen med ungdomsrådet.",
                "Ungdom deltar lite i ordinære høringer og medvirkningsprosesser.",
                "Flere unge stemmer i planarbeidet og tiltak ungdommen selv har valgt.",
            ),
            (
                "Sensorer for fyllingsgrad i avfallsbeholdere",
                "Montere fyllingssensorer i offentlige avfallsbeholdere og tømme etter behov.",
                "Avfallsbeholderne tømmes etter fast rute, enten de er fulle eller tomme.",
                "Færre tømmeturer, renere byrom og lavere kostnader.",
            ),
        ],
        "arctic-logistics": [
            (
                "Datadeling i den grønne korridoren Narvik–Kiruna",
                "Felles datadeling mellom havn, jernbane og vareeiere for bedre planlegging av "
                "godsstrømmene.",
                "Godset mellom havn og bane planlegges i separate systemer, og tog og skip venter på "
                "hverandre.",
                "Kortere ventetid, mindre tomkjøring og grunnlag for å flytte mer gods fra vei til bane.",
            ),
            (
                "Landstrøm i Narvik havn",
                "Bygge landstrøm ved kaiene for fartøy som ligger lenge ved kai, sammen med Narvikhavn og "
                "nettselskapet.",
                "Skip ved kai bruker dieselaggregater som gir utslipp og støy nær byen.",
                "Lavere utslipp av CO₂ og NOx, mindre støy og et konkurransefortrinn for havna.",
            ),
            (
                "Prediktiv vinterdrift på hovedvegene",
                "Bruke vær- og veidata til å forutsi glatte veier og planlegge brøyting og strøing.",
                "Vinterforholdene skifter raskt og gir stengte veier og forsinkelser for godstransporten.",
                "Mer pålitelig framkommelighet, færre ulykker og mindre bruk av salt og grus.",
            ),
            (
                "Utslippsfri terminaltraktor i arktisk klima",
                "Teste en elektrisk terminaltraktor i havneterminalen gjennom en hel vinter.",
                "Terminaldriften bruker dieseldrevne kjøretøy med høyt forbruk i kulde.",
                "Utslippsfri terminaldrift og dokumentert ytelse for batteridrift i kulde.",
            ),
            (
                "Digital timebestilling for lastebiler",
                "Innføre digital timebestilling for lastebiler som skal levere eller hente gods ved "
                "terminalen.",
                "Lastebiler står i kø ved terminalen i rushperiodene.",
                "Kortere ventetid, mindre tomgangskjøring og jevnere belastning på terminalen.",
            ),
            (
                "Hydrogen for tungtransport i nord",
                "Utrede produksjon og fylling av hydrogen for tungtransport sammen med kraftselskapet.",
                "Det finnes ingen fossilfrie alternativer for de lange godsrutene i nord.",
                "Grunnlag for fossilfri tungtransport og ny industri i regionen.",
            ),
        ],
    },
    ("nb", "port"): {
        "energy": [
            (
                "Landstrøm for skip ved kai",
                "Bygge ut landstrøm for container- og bulkskip ved havnas hovedkaier.",
                "Skip ved kai kjører hjelpemotorer på diesel med utslipp og støy mot nabolaget.",
                "Betydelig lavere utslipp fra skip ved kai og mindre støy for naboene.",
            ),
            (
                "Solceller på lagerbygg i havna",
                "Installere solcelleanlegg på havnas lager- og terminalbygg og bruke strømmen til kraner og "
                "lading.",
                "Havna har store takflater og et økende strømbehov når driften elektrifiseres.",
                "Lokal fornybar strøm og lavere energikostnader.",
            ),
            (
                "Batteribank for elektriske kraner",
                "Teste en batteribank som tar toppene når flere elektriske kraner går samtidig.",
                "Elektrifiseringen av kranene krever mer effekt enn nettet kan levere i perioder.",
                "Elektriske kraner uten kostbar nettforsterkning.",
            ),
        ],
        "mobility": [
            (
                "Elektriske terminaltraktorer",
                "Erstatte dieseldrevne terminaltraktorer med elektriske og planlegge ladingen etter "
                "skipsanløpene.",
                "Terminaltraktorene er havnas største kilde til lokale utslipp.",
                "Utslippsfri terminaldrift og lavere driftskostnader.",
            ),
            (
                "Digital anløpsplanlegging",
                "Dele anløpsdata med rederiene slik at skipene kan justere farten og ankomme akkurat i tide.",
                "Skip seiler for fort og venter så på ankerplass før de får kaiplass.",
                "Lavere drivstofforbruk og utslipp og bedre utnyttelse av kaiene.",
            ),
            (
                "Elektrisk arbeidsbåt for havnedriften",
                "Teste en elektrisk arbeidsbåt for fortøyning og tilsyn i havnebassenget.",
                "Havnebåten går på diesel og brukes til mange korte turer hver dag.",
                "Utslippsfri havnedrift på sjøen og mindre støy.",
            ),
        ],
        "water": [
            (
                "Overvannsrensing på havneområdet",
                "Rense overvann fra containerterminalen for mikroplast og olje før det går til sjøen.",
                "Overvann fra havneområdet renner urenset ut i elva og fjorden.",
                "Renere vann i havnebassenget og dokumentasjon til miljømyndighetene.",
            ),
        ],
    },
    ("sv", "municipality"): {
        "energy": [
            (
                "Solceller på kommunala byggnader",
                "Installera solceller på skolor, förskolor och äldreboenden och följa produktionen i ett "
                "gemensamt "
                "system.",
                "Kommunens stora takytor används inte och elkostnaderna har ökat kraftigt.",
                "Lägre elkostnader, lokal förnybar el och ett synligt klimatarbete.",
            ),
            (
                "AI-styrd energieffektivisering i skolor",
                "Låta en AI-tjänst styra värme och ventilation i skolorna utifrån väderprognos och schema.",
                "Skolornas värme och ventilation går efter fasta tider oavsett hur lokalerna används.",
                "10–20 % lägre energianvändning och bättre inomhusklimat.",
            ),
            (
                "Lokal energigemenskap i nytt bostadsområde",
                "Låta bostäder, förskola och handel dela solel och batterilager i ett nytt område.",
                "Nya områden byggs utan att möjligheten till lokal energidelning tas tillvara.",
                "Lägre energikostnader för de boende och mindre belastning på elnätet.",
            ),
            (
                "Effektstyrning i kommunens fastigheter",
                "Styra laddning, ventilation och värmepumpar för att kapa effekttopparna.",
                "Effektavgifterna ökar och elnätet har begränsad kapacitet.",
                "Lägre effektkostnader och plats för fler elektrifierade verksamheter.",
            ),
            (
                "Batterilager i förskolor",
                "Testa batterilager kopplade till solceller i två förskolor.",
                "Solelen produceras mitt på dagen men behovet är störst morgon och eftermiddag.",
                "Högre egenanvändning av solel och lägre effekttoppar.",
            ),
            (
                "Smart gatubelysning",
                "Byta till LED-armaturer som dimras efter trafiken och rapporterar fel automatiskt.",
                "Gatubelysningen står för en stor del av kommunens elanvändning.",
                "Kraftigt minskad energianvändning och effektivare underhåll.",
            ),
            (
                "Laddinfrastruktur för kommunens fordon",
                "Bygga laddplatser med lastbalansering vid kommunens förvaltningsbyggnader.",
                "Elektrifieringen av fordonsflottan bromsas av brist på laddplatser.",
                "Fossilfri fordonsflotta och lägre drivmedelskostnader.",
            ),
            (
                "Energicoacher för hushåll",
                "Erbjuda hushåll med höga energikostnader personlig rådgivning tillsammans med energi- och "
                "klimatrådgivningen.",
                "Många hushåll har svårt att hantera höga energikostnader.",
                "Lägre energikostnader för utsatta hushåll och minskad energianvändning.",
            ),
        ],
        "mobility": [
            (
                "Delade elcyklar",
                "Införa delade elcyklar med stationer vid resecentrum, sjukhus och högskola.",
                "Många korta resor görs med bil trots att avstånden passar för cykel.",
                "Färre bilresor, bättre folkhälsa och minskade utsläpp.",
            ),
            (
                "Anropsstyrd kollektivtrafik på landsbygden",
                "Testa anropsstyrd trafik som bokas via app eller telefon och ansluter till stomlinjerna.",
                "Fasta busslinjer på landsbygden går nästan tomma och är dyra.",
                "Bättre tillgänglighet för landsbygdsbor till lägre kostnad.",
            ),
            (
                "Mobilitetshubbar i nya bostadsområden",
                "Samla bilpool, lådcyklar och paketskåp i mobilitetshubbar i nya bostadsområden.",
                "Nya områden planeras med många parkeringsplatser som driver upp byggkostnaderna.",
                "Lägre parkeringstal, färre bilar och en smidigare vardag för de boende.",
            ),
            (
                "Elektrifierade arbetsfordon",
                "Ersätta dieseldrivna arbetsmaskiner i park- och gatudriften med eldrivna.",
                "Arbetsmaskinerna i park- och gatudriften ger utsläpp och buller i stadsmiljön.",
                "Fossilfri drift, mindre buller och bättre arbetsmiljö.",
            ),
            (
                "Trygga skolvägar",
                "Kartlägga skolvägarna tillsammans med elever och föräldrar och prioritera åtgärder utifrån "
                "data.",
                "Många barn skjutsas till skolan eftersom vägen upplevs som otrygg.",
                "Fler barn som går och cyklar och tryggare trafikmiljöer.",
            ),
            (
                "Bilpool för kommunanställda",
                "Ersätta privata bilar i tjänsten med en gemensam elbilpool med bokningssystem.",
                "Anställda använder egna bilar i tjänsten, vilket ger höga milersättningar och utsläpp.",
                "Lägre kostnader, färre utsläpp och bättre överblick över tjänsteresorna.",
            ),
            (
                "Samordnad varudistribution",
                "Samordna leveranserna till kommunens verksamheter via en gemensam omlastningscentral.",
                "Hundratals leveranser i veckan med halvfulla bilar till kommunens enheter.",
                "Färre transporter, lägre utsläpp och tryggare trafikmiljö kring skolorna.",
            ),
            (
                "Digital parkeringsinformation",
                "Visa lediga parkeringsplatser i realtid med sensorer och skyltning.",
                "Sökandet efter parkering ger onödig trafik i centrum.",
                "Mindre söktrafik och bättre underlag för stadsplaneringen.",
            ),
        ],
        "health": [
            (
                "Digital hemtjänst",
                "Erbjuda digital tillsyn via surfplatta som komplement till fysiska besök, efter brukarens "
                "önskemål.",
                "Hemtjänsten lägger mycket tid på resor och korta tillsynsbesök, och det blir svårare att "
                "rekrytera.",
                "Mer tid för brukare som behöver fysiska insatser, färre resor och ökad trygghet.",
            ),
            (
                "Läkemedelsrobotar i hemtjänsten",
                "Införa läkemedelsrobotar som påminner brukaren och larmar vid missad dos.",
                "Läkemedelsbesök tar en stor del av hemtjänstens tid och missade doser leder till "
                "inläggningar.",
                "Säkrare läkemedelshantering och ökad självständighet.",
            ),
            (
                "Trygghetslarm med GPS",
                "Erbjuda trygghetslarm med positionering för personer med demenssjukdom som bor hemma.",
                "Anhöriga och personal lägger mycket tid på att leta, och oron gör att många hålls inomhus.",
                "Större frihet för brukarna och tryggare anhöriga.",
            ),
            (
                "Fallsensorer på särskilda boenden",
                "Testa kamerafria sensorer som upptäcker fall och larmar personalen.",
                "Fall nattetid upptäcks ofta sent och nattpersonalen gör många tillsynsrundor.",
                "Snabbare hjälp vid fall och bättre nattsömn för de boende.",
            ),
            (
                "Digitala mötesplatser mot ofrivillig ensamhet",
                "Tillsammans med civilsamhället erbjuda digitala träffar och aktiviteter för äldre som bor "
                "ensamma.",
                "Många äldre upplever ofrivillig ensamhet, särskilt på landsbygden.",
                "Minskad ensamhet och stärkt samverkan med föreningslivet.",
            ),
            (
                "Samordnad individuell plan via videomöte",
                "Genomföra samordnad individuell planering (SIP) via video med region, kommun och anhöriga.",
                "Det är svårt att samla alla parter till fysiska planeringsmöten.",
                "Snabbare planering och bättre delaktighet för brukare och anhöriga.",
            ),
            (
                "Ruttoptimering i hemtjänsten",
                "Använda ett optimeringsverktyg för att planera hemtjänstens turer.",
                "Planeringen görs manuellt varje dag och ger långa körsträckor.",
                "Kortare restid, bättre kontinuitet och frigjord tid för planerarna.",
            ),
            (
                "Taligenkänning för dokumentation i omsorgen",
                "Testa taligenkänning för social dokumentation på särskilda boenden.",
                "Personalen lägger mycket tid på dokumentation vid datorn.",
                "Mer tid för de boende och bättre kvalitet i dokumentationen.",
            ),
        ],
        "buildings": [
            (
                "Sensorer för inomhusklimat i skolor",
                "Mäta koldioxid, temperatur och fukt i klassrummen och styra ventilationen efter behov.",
                "Elever och lärare upplever dålig luft och ventilationen går på fasta tider.",
                "Bättre lärmiljö och lägre energianvändning.",
            ),
            (
                "Återbruk av byggmaterial",
                "Inventera material i byggnader som ska rivas och återbruka dem i kommunens nya projekt.",
                "Användbart material blir avfall samtidigt som nyproduktion ger stora utsläpp.",
                "Mindre avfall och lägre klimatpåverkan.",
            ),
            (
                "Digital tvilling av kommunala fastigheter",
                "Samla ritningar, installationer och sensordata i en digital tvilling.",
                "Informationen om fastigheterna är utspridd och svår att hitta.",
                "Bättre underhållsplanering och snabbare felsökning.",
            ),
            (
                "Förebyggande underhåll med IoT",
                "Använda driftdata från fläktar och pumpar för att förutse fel.",
                "Oplanerade driftstopp leder till stängda lokaler och dyra akuta reparationer.",
                "Färre driftstopp och längre livslängd på installationerna.",
            ),
            (
                "Klimatsmart förskola i trä",
                "Bygga en ny förskola i massivträ med klimatberäkning genom hela projektet.",
                "Kommunens byggprojekt har höga utsläpp från betong och stål.",
                "Lägre klimatpåverkan och erfarenheter för kommande projekt.",
            ),
            (
                "Gröna tak för dagvattenhantering",
                "Anlägga gröna tak på kommunala byggnader för att fördröja dagvatten och öka den biologiska "
                "mångfalden.",
                "Hårdgjorda ytor ger snabb avrinning och översvämningar vid skyfall.",
                "Mindre översvämningsrisk och bättre lokalklimat.",
            ),
            (
                "Lokalbokning med närvarosensorer",
                "Mäta hur mötesrum och lokaler faktiskt används och frigöra bokade men tomma rum.",
                "Lokalerna är fullbokade på papperet men står ofta tomma.",
                "Bättre lokalutnyttjande och mindre behov av nya lokaler.",
            ),
            (
                "Klimatkalkyler i byggprojekt",
                "Ett gemensamt verktyg för klimatkalkyler från tidigt skede i kommunens byggprojekt.",
                "Klimatpåverkan blir känd först när de viktiga valen redan är gjorda.",
                "Bättre klimatval tidigt och underlag för kommunens klimatbudget.",
            ),
        ],
        "water": [
            (
                "Smarta vattenmätare",
                "Installera fjärravlästa vattenmätare med larm vid onormal förbrukning.",
                "Läckor hos abonnenterna upptäcks sent och debiteringen bygger på uppskattningar.",
                "Rättare debitering, snabbare upptäckt av läckor och bättre planeringsunderlag.",
            ),
            (
                "Läcksökning med akustiska sensorer",
                "Placera akustiska sensorer på ledningsnätet som lyssnar efter läckor nattetid.",
                "En betydande del av dricksvattnet läcker ut innan det når kunderna.",
                "Minskat vattensvinn och bättre prioriterad förnyelse av ledningsnätet.",
            ),
            (
                "Naturbaserad dagvattenhantering",
                "Anlägga regnbäddar och öppna dagvattenlösningar i ett utsatt bostadsområde.",
                "Skyfall ger översvämmade källare och bräddning från avloppsnätet.",
                "Mindre skador vid skyfall och renare sjöar och vattendrag.",
            ),
            (
                "Badvattenkvalitet i realtid",
                "Sensorer vid badplatserna visar vattenkvalitet och temperatur på webben.",
                "Badvattenprover tas varje vecka och svaren kommer först efter flera dagar.",
                "Tryggare bad och snabbare varning vid föroreningar.",
            ),
            (
                "Biogas från avloppsslam",
                "Öka biogasproduktionen från avloppsslam och använda gasen i kommunens fordon.",
                "Slammets energiinnehåll tas inte tillvara fullt ut.",
                "Förnybart drivmedel och mindre slam att transportera.",
            ),
            (
                "Varning för bräddning",
                "Mäta och automatiskt rapportera bräddningar från avloppsnätet.",
                "Bräddningar av orenat avloppsvatten registreras bristfälligt.",
                "Bättre kontroll över utsläppen och tryggare badvatten.",
            ),
            (
                "Digital tvilling av VA-nätet",
                "Modellera vatten- och avloppsnätet digitalt med realtidsdata från pumpstationerna.",
                "Planeringen av förnyelse bygger på gamla kartor och enskilda medarbetares kunskap.",
                "Bättre prioriterade investeringar och snabbare hantering av störningar.",
            ),
            (
                "Bevattning med renat avloppsvatten",
                "Testa att använda renat avloppsvatten för bevattning av parker och idrottsplatser.",
                "Dricksvatten används för bevattning under torra somrar med bevattningsförbud.",
                "Minskat uttag av dricksvatten och grönare parker under torka.",
            ),
        ],
        "public-services": [
            (
                "Chattbot för kontaktcenter",
                "En chattbot som besvarar vanliga frågor dygnet runt och lämnar över till handläggare vid "
                "behov.",
                "Kontaktcenter får många återkommande frågor om samma ämnen.",
                "Snabbare svar för invånarna och mer tid för komplexa ärenden.",
            ),
            (
                "Automatiserad handläggning av försörjningsstöd",
                "Automatisera kontroller och beräkningar i ansökningar om försörjningsstöd, med beslutet "
                "kvar hos "
                "handläggaren.",
                "Handläggarna lägger mycket tid på manuella kontroller och hinner mindre med stödjande "
                "samtal.",
                "Snabbare beslut och mer tid för att hjälpa människor till egen försörjning.",
            ),
            (
                "Digitalt bygglov",
                "Införa en digital bygglovsprocess med automatisk kontroll mot detaljplanen.",
                "Många bygglovsansökningar är ofullständiga och handläggningstiden är lång.",
                "Kortare handläggningstid och nöjdare sökande.",
            ),
            (
                "Medborgarpanel för tjänsteutveckling",
                "Starta en digital medborgarpanel som tillfrågas när tjänster utvecklas.",
                "Tjänster utvecklas ofta utan att invånarna tillfrågas i tidigt skede.",
                "Tjänster som bättre motsvarar behoven och ökat förtroende.",
            ),
            (
                "Meröppet bibliotek med digital vägledning",
                "Utöka öppettiderna med självservice och erbjuda hjälp med digitala tjänster.",
                "Invånare som behöver hjälp med digitala tjänster vet inte vart de ska vända sig.",
                "Längre öppettider och minskat digitalt utanförskap.",
            ),
            (
                "Klarspråk med AI i myndighetsbeslut",
                "Testa en språkmodell som föreslår tydligare formuleringar i beslutsbrev, med handläggaren "
                "som "
                "ansvarig.",
                "Beslutsbrev är svåra att förstå och leder till många frågor och överklaganden.",
                "Begripliga beslut och färre följdfrågor.",
            ),
            (
                "Datadriven snöröjning",
                "Använda väderdata och GPS från plogbilarna för att planera och redovisa snöröjningen.",
                "Invånarna upplever snöröjningen som oförutsägbar och kommunen saknar data om utfört arbete.",
                "Bättre prioritering, mindre saltning och öppen redovisning.",
            ),
            (
                "Papperskorgar med fyllnadsgradssensorer",
                "Montera sensorer i offentliga papperskorgar och tömma efter behov.",
                "Papperskorgarna töms efter fast schema oavsett fyllnadsgrad.",
                "Färre tömningsturer och renare offentliga miljöer.",
            ),
        ],
        "circular-economy": [
            (
                "Återbruksgalleria för företag",
                "Utveckla ett återbrukscentrum för företag och byggbranschen efter modellen från ReTuna.",
                "Företag och byggprojekt slänger material och inventarier som kunde användas igen.",
                "Mindre avfall, nya affärer inom återbruk och lokala jobb.",
            ),
            (
                "Cirkulära möbler i kommunens verksamheter",
                "En intern möbelbank där möbler renoveras och återanvänds mellan förvaltningarna.",
                "Kommunen köper nya möbler samtidigt som fungerande möbler kasseras.",
                "Lägre inköpskostnader och minskad klimatpåverkan.",
            ),
            (
                "Minskat matsvinn i skolköken",
                "Mäta matsvinnet i skolköken och testa åtgärder tillsammans med elever och kockar.",
                "En stor del av maten som lagas i skolköken slängs.",
                "Mindre matsvinn, lägre kostnader och elever som lär sig om hållbarhet.",
            ),
            (
                "Textilåtervinning med civilsamhället",
                "Samla in och sortera textil tillsammans med ideella organisationer och "
                "arbetsmarknadsinsatser.",
                "Textilier hamnar i restavfallet trots att mycket kan återanvändas.",
                "Mer återanvänd textil och arbetstillfällen för personer långt från arbetsmarknaden.",
            ),
            (
                "Fritidsbank för utlåning av utrustning",
                "Öppna en fritidsbank där barn och vuxna lånar sport- och fritidsutrustning gratis.",
                "Många barn saknar utrustning för att delta i fritidsaktiviteter.",
                "Ökad delaktighet i fritidsaktiviteter och mindre konsumtion.",
            ),
        ],
    },
    ("sv", "energy"): {
        "energy": [
            (
                "Spillvärme från reningsverket till fjärrvärmenätet",
                "Ta tillvara värme ur renat avloppsvatten med värmepumpar och leverera den till "
                "fjärrvärmenätet.",
                "Stora mängder lågtempererad värme lämnar reningsverket utan att användas.",
                "Fossilfri fjärrvärme och lägre produktionskostnader.",
            ),
            (
                "Flexibilitetsmarknad i det lokala elnätet",
                "Testa en lokal marknad där fastighetsägare får betalt för att sänka sitt effektuttak vid "
                "toppar.",
                "Elnätet närmar sig kapacitetstaket när fler fordon och industrier elektrifieras.",
                "Fler anslutningar utan dyra nätförstärkningar och nya intäkter för kunderna.",
            ),
            (
                "Vätgas från solel för tunga fordon",
                "Utreda produktion av vätgas från lokal solel för sopbilar och bussar.",
                "Tunga fordon i kommunen saknar fossilfria alternativ för längre körningar.",
                "Fossilfria tunga transporter och lokal energiproduktion.",
            ),
        ],
        "water": [
            (
                "Smart vattenmätning i hela nätet",
                "Installera fjärravlästa vattenmätare och analysera förbrukningen för att hitta läckor.",
                "Läckor hos kunderna och i nätet upptäcks sent.",
                "Minskat vattensvinn och korrektare fakturering.",
            ),
            (
                "Fosforåtervinning ur avloppsslam",
                "Pilotera en anläggning som återvinner fosfor ur avloppsslam till gödsel.",
                "Fosfor är en ändlig resurs som i dag går förlorad med slammet.",
                "Återvunnen näring till jordbruket och mindre slam att transportera.",
            ),
        ],
    },
}

# Who receives the solution in ordinary operations: (language, kind) -> area -> [unit]
RECEIVING_UNITS = {
    ("nb", "municipality"): {
        "energy": ["Eiendomsavdelingen", "Teknisk drift, energi"],
        "mobility": ["Teknisk drift", "Vei og park", "Innkjøp og logistikk"],
        "health": ["Hjemmetjenesten", "Helse og mestring", "Sykehjemmene"],
        "buildings": ["Eiendomsforvaltning", "Eiendomsavdelingen"],
        "water": ["Vann og avløp", "VA-drift"],
        "public-services": ["Servicetorget", "Digitaliseringsenheten", "Økonomiavdelingen"],
        "arctic-logistics": ["Narvikhavn, terminaldrift", "Teknisk drift", "Næringsavdelingen"],
    },
    ("nb", "port"): {
        "energy": ["Havnedrift, teknisk"],
        "mobility": ["Terminaldrift"],
        "water": ["Havnedrift, miljø"],
    },
    ("sv", "municipality"): {
        "energy": ["Fastighetsförvaltningen", "Energienheten"],
        "mobility": ["Gatu- och parkenheten", "Fordonsenheten"],
        "health": ["Hemtjänsten", "Vård- och omsorgsförvaltningen", "Särskilt boende"],
        "buildings": ["Fastighetsförvaltningen", "Lokalförsörjningen"],
        "water": ["VA-avdelningen"],
        "public-services": ["Kontaktcenter", "Digitaliseringsenheten", "Bygglovsenheten"],
        "circular-economy": ["Återbruksenheten", "Kostenheten", "Inköpsavdelningen"],
    },
    ("sv", "energy"): {"energy": ["Affärsområde värme", "Elnät"], "water": ["Affärsområde vatten"]},
}

DEFAULT_UNIT = {"nb": "driftsenheten", "sv": "den mottagande enheten"}

# --- milestones and progress updates ---------------------------------------------------------------
# (method key, language) -> phase order -> [text]

MILESTONES = {
    ("innocities", "nb"): {
        1: [
            "Innsiktsarbeid med brukere gjennomført",
            "Behovet dokumentert med data",
            "Behovsverksted med ansatte",
        ],
        2: ["Idéverksted med partnere", "SDG-vurdering gjennomført", "Konsept valgt"],
        3: [
            "Prosjektplan og gevinstkart godkjent",
            "Søknad om ekstern finansiering sendt",
            "Anskaffelsesstrategi avklart",
        ],
        4: ["Pilot i drift", "Midtveisevaluering av piloten", "Sluttrapport fra piloten"],
        5: [
            "Investeringsbeslutning fattet",
            "Overlevering til drift",
            "Opplæring av ansatte i driftsenheten",
        ],
        6: ["Erfaringsdeling i nettverket", "Veileder for gjenbruk publisert"],
    },
    ("innocities", "sv"): {
        1: [
            "Insiktsarbete med brukare genomfört",
            "Behovet dokumenterat med data",
            "Behovsworkshop med medarbetare",
        ],
        2: ["Idéworkshop med partner", "SDG-bedömning genomförd", "Koncept valt"],
        3: [
            "Projektplan och nyttokalkyl godkänd",
            "Ansökan om extern finansiering inskickad",
            "Upphandlingsstrategi klar",
        ],
        4: ["Pilot i drift", "Halvtidsutvärdering av piloten", "Slutrapport från piloten"],
        5: ["Investeringsbeslut fattat", "Överlämning till ordinarie verksamhet", "Utbildning av personalen"],
        6: ["Erfarenhetsutbyte i nätverket", "Vägledning för återanvändning publicerad"],
    },
    ("innovationsguiden", "sv"): {
        1: ["Utmaningen formulerad och förankrad", "Uppdragsbeskrivning godkänd"],
        2: ["Intervjuer med brukare genomförda", "Observationer i verksamheten", "Insiktsrapport klar"],
        3: ["Prioriterade behov och fokusfrågor beslutade", "SDG-bedömning genomförd"],
        4: ["Idéworkshop med brukare och medarbetare", "Koncept beskrivna för test"],
        5: ["Prototyp testad med brukare", "Testresultat dokumenterade", "Ansökan om finansiering inskickad"],
        6: ["Överlämning till ordinarie verksamhet", "Spridning till andra förvaltningar"],
    },
}

UPDATES = {
    ("innocities", "nb"): {
        1: [
            "Vi har intervjuet ansatte og brukere, og behovet bekreftes av tallene fra fagsystemet.",
            "Innsiktsarbeidet er i gang. Vi har hatt to verksteder og kartlagt aktørene rundt utfordringen.",
            "Datagrunnlaget er hentet inn og gått gjennom med fagenheten; neste steg er å teste funnene med "
            "brukerne.",
        ],
        2: [
            "Idéverkstedet samlet deltakere fra kommunen, næringslivet, høgskolen og en brukerorganisasjon. "
            "Tre "
            "konsepter går videre.",
            "SDG-vurderingen er gjennomført i et verksted på tre timer. Størst positiv effekt på mål 11 og "
            "13; "
            "mål 12 trenger mer kunnskap.",
            "Vi har valgt konsept etter dialog med leverandører og brukere, og begrunnelsen er dokumentert.",
        ],
        3: [
            "Prosjektplanen med gevinstkart er klar og behandlet i ledergruppen.",
            "Søknaden om ekstern finansiering er sendt. Svar ventes i løpet av kvartalet.",
            "Anskaffelsesformen er avklart med innkjøp; markedsdialog er gjennomført med fem leverandører.",
        ],
        4: [
            "Piloten har vært i drift i to måneder. Brukerne er positive, men de ansatte trenger mer "
            "opplæring.",
            "Midtveisevalueringen viser at vi er på vei mot målene for de fleste indikatorene.",
            "Sluttrapporten fra piloten er ferdig. Resultatene er sammenlignet med utgangspunktet og lagt "
            "fram "
            "for styringsgruppen.",
        ],
        5: [
            "Driftsenheten har overtatt ansvaret, og løsningen rulles ut i hele kommunen.",
            "Investeringen er vedtatt i budsjettet, og opplæringen av de ansatte pågår.",
            "Gevinstene følges opp hvert kvartal etter gevinstrealiseringsplanen.",
        ],
        6: [
            "Løsningen og erfaringene ble presentert på nettverkssamlingen, og to kommuner vurderer å ta den "
            "i bruk.",
            "Vi har publisert en veileder med maler og erfaringer, slik at andre kan gjenbruke løsningen.",
            "Løsningen er i ordinær drift, og gevinstene rapporteres i årsrapporten.",
        ],
    },
    ("innocities", "sv"): {
        1: [
            "Vi har intervjuat medarbetare och brukare, och behovet bekräftas av statistiken från "
            "verksamhetssystemet.",
            "Insiktsarbetet är igång. Vi har hållit två workshoppar och kartlagt aktörerna kring utmaningen.",
            "Underlaget är insamlat och genomgånget med verksamheten; nästa steg är att pröva slutsatserna "
            "med "
            "brukarna.",
        ],
        2: [
            "Idéworkshoppen samlade deltagare från kommunen, näringslivet, universitetet och en "
            "brukarorganisation. "
            "Tre koncept går vidare.",
            "SDG-bedömningen är gjord i en workshop på tre timmar. Störst positiv effekt på mål 11 och 13; "
            "för mål "
            "12 saknas kunskap.",
            "Vi har valt koncept efter dialog med leverantörer och brukare, och motiveringen är "
            "dokumenterad.",
        ],
        3: [
            "Projektplanen med nyttokalkyl är klar och behandlad i ledningsgruppen.",
            "Ansökan om extern finansiering är inskickad. Besked väntas under kvartalet.",
            "Upphandlingsformen är klar med inköp; marknadsdialog har hållits med fem leverantörer.",
        ],
        4: [
            "Piloten har varit i drift i två månader. Brukarna är positiva, men personalen behöver mer "
            "utbildning.",
            "Halvtidsutvärderingen visar att vi är på väg mot målen för de flesta indikatorerna.",
            "Slutrapporten från piloten är klar. Resultaten är jämförda med utgångsläget och redovisade för "
            "styrgruppen.",
        ],
        5: [
            "Den mottagande enheten har tagit över ansvaret och lösningen införs i hela organisationen.",
            "Investeringen är beslutad i budgeten och personalen utbildas.",
            "Nyttan följs upp varje kvartal enligt nyttorealiseringsplanen.",
        ],
        6: [
            "Lösningen och erfarenheterna presenterades på nätverksträffen, och två kommuner överväger att "
            "införa den.",
            "Vi har publicerat en vägledning med mallar och erfarenheter så att andra kan återanvända "
            "lösningen.",
            "Lösningen är i ordinarie drift och nyttan redovisas i årsredovisningen.",
        ],
    },
    ("innovationsguiden", "sv"): {
        1: [
            "Utmaningen är formulerad tillsammans med beställande chef och förankrad i ledningsgruppen.",
            "Vi har kartlagt intressenterna och bjudit in brukare, medarbetare och civilsamhället.",
        ],
        2: [
            "Vi har genomfört tolv intervjuer med brukare och två dagars observationer i verksamheten.",
            "Insikterna är sammanställda och visar att behovet delvis är ett annat än vi trodde.",
            "Statistiken från verksamhetssystemet bekräftar det brukarna berättar.",
        ],
        3: [
            "Vi har prioriterat tre behov och formulerat fokusfrågor som beställaren står bakom.",
            "SDG-bedömningen är gjord i en workshop; störst potential för mål 3 och 11.",
        ],
        4: [
            "Idéworkshoppen med brukare och medarbetare gav 40 idéer; fyra är beskrivna som koncept.",
            "Koncepten är granskade mot behoven och mot vad vi kan testa inom befintliga resurser.",
        ],
        5: [
            "Prototypen har testats med tio brukare i tre veckor. Resultaten är dokumenterade.",
            "Testerna visar mätbar förbättring; personalen vill fortsätta arbeta på det nya sättet.",
            "Vi har justerat lösningen efter testerna och gör en andra testomgång.",
        ],
        6: [
            "Lösningen har lämnats över till ordinarie verksamhet och används nu i alla hemtjänstgrupper.",
            "Erfarenheterna är delade med två andra förvaltningar som vill införa lösningen.",
            "Nyttan följs upp i verksamhetsplanen och redovisas för nämnden.",
        ],
    },
}

SCALED_NOTES = {
    "nb": [
        "Løsningen er tatt i bruk av to andre kommuner i klyngen etter erfaringsdeling på "
        "nettverkssamlingen.",
        "Løsningen er spredt til alle enhetene i kommunen og delt med KS sitt nettverk for innovasjon.",
        "Veilederen er brukt av tre andre kommuner i regionen, og en felles anskaffelse er under "
        "planlegging.",
    ],
    "sv": [
        "Lösningen har införts i två andra kommuner i klustret efter erfarenhetsutbytet på nätverksträffen.",
        "Lösningen används nu i alla förvaltningar och är delad med SKR:s nätverk för innovation.",
        "Vägledningen har använts av tre kommuner i regionen och en gemensam upphandling planeras.",
    ],
}

# --- gate decisions --------------------------------------------------------------------------------
# (method key, language) -> gate order -> [reasoning for go]. "{unit}" is the receiving unit.

GO_REASONS = {
    ("innocities", "nb"): {
        1: [
            "Behovet er godt dokumentert gjennom intervjuer og data fra fagsystemet, og fagenheten stiller "
            "seg bak "
            "arbeidet.",
            "Styringsgruppen ser et tydelig og vedvarende behov som treffer kommunens strategiske mål.",
            "Behovet er bekreftet av brukerne selv og gjelder flere enheter; en prosjektleder er utpekt.",
        ],
        2: [
            "Konseptet er valgt etter et grundig idéverksted, og SDG-vurderingen viser positive bidrag uten "
            "uhåndterte negative effekter.",
            "Partnerne har bidratt aktivt, og det valgte konseptet er realistisk å gjennomføre.",
            "Konseptet har god støtte blant brukerne og et tydelig bidrag til klimamålene.",
        ],
        3: [
            "Prosjektplan og gevinstkart er godkjent, finansieringen av piloten er avklart, og {unit} er "
            "klar til å "
            "ta imot løsningen.",
            "Gevinstene forsvarer kostnadene, og risikoen er håndterbar. {unit} er navngitt som mottaker i "
            "drift.",
            "Finansieringssøknad er sendt og egenandelen sikret i budsjettet; indikatorer og utgangspunkt er "
            "definert.",
        ],
        4: [
            "Pilotresultatene viser målbar forbedring mot utgangspunktet, og evidensen holder minst nivå 2.",
            "Brukerne og de ansatte opplevde tydelig nytte, og kostnadene ved full utrulling er kjent.",
            "Piloten nådde målene for de viktigste indikatorene; læringspunktene er dokumentert.",
        ],
        5: [
            "Løsningen er formelt overlevert til {unit}, og driften er finansiert i budsjettet.",
            "Investeringen er vedtatt og {unit} har tatt over ansvaret. Gevinstene følges opp.",
            "Overleveringen til {unit} er gjennomført med opplæring og driftsavtale.",
        ],
    },
    ("innocities", "sv"): {
        1: [
            "Behovet är väl dokumenterat genom intervjuer och data från verksamhetssystemet, och "
            "verksamheten står "
            "bakom arbetet.",
            "Styrgruppen ser ett tydligt och bestående behov som stämmer med organisationens strategiska "
            "mål.",
            "Behovet är bekräftat av brukarna själva och gäller flera enheter; en projektledare är utsedd.",
        ],
        2: [
            "Konceptet är valt efter en grundlig idéworkshop, och SDG-bedömningen visar positiva bidrag utan "
            "ohanterade negativa effekter.",
            "Partnerna har bidragit aktivt, och det valda konceptet är realistiskt att genomföra.",
            "Konceptet har starkt stöd bland brukarna och ett tydligt bidrag till klimatmålen.",
        ],
        3: [
            "Projektplan och nyttokalkyl är godkända, finansieringen av piloten är klar och {unit} är redo "
            "att ta "
            "emot lösningen.",
            "Nyttan motiverar kostnaderna och riskerna är hanterbara. {unit} är utsedd som mottagare.",
            "Ansökan om finansiering är inskickad och egeninsatsen säkrad i budgeten; indikatorer och "
            "utgångsläge "
            "är definierade.",
        ],
        4: [
            "Pilotresultaten visar mätbar förbättring mot utgångsläget, och evidensen når minst nivå 2.",
            "Brukare och medarbetare upplevde tydlig nytta, och kostnaderna för fullt införande är kända.",
            "Piloten nådde målen för de viktigaste indikatorerna; lärdomarna är dokumenterade.",
        ],
        5: [
            "Lösningen är formellt överlämnad till {unit}, och driften är finansierad i budgeten.",
            "Investeringen är beslutad och {unit} har tagit över ansvaret. Nyttan följs upp.",
            "Överlämningen till {unit} är genomförd med utbildning och driftsavtal.",
        ],
    },
    ("innovationsguiden", "sv"): {
        1: [
            "Utmaningen är tydligt formulerad och förankrad hos beställande chef; en ansvarig är utsedd.",
            "Utmaningen har stark koppling till kommunens mål och invånarnas vardag.",
            "Uppdraget är förankrat i ledningsgruppen och intressenterna är kartlagda.",
        ],
        2: [
            "Insikterna bygger på intervjuer och observationer med brukare och stöds av statistik från "
            "verksamhetssystemet.",
            "Vi har nått brukargrupper som sällan hörs, och insikterna visar underliggande behov.",
            "Insiktsarbetet ger en ny förståelse av behoven, bekräftad av data.",
        ],
        3: [
            "Fokusfrågorna är prioriterade och förankrade, och hållbarhetsbedömningen är gjord.",
            "Fokus har stor potential att bidra till målen i Agenda 2030 och till kommunens prioriteringar.",
            "Beställaren står bakom de valda fokusfrågorna och har avsatt tid för idéarbetet.",
        ],
        4: [
            "De utvalda idéerna är beskrivna som testbara koncept och hållbarhetsbedömningen är uppdaterad.",
            "Koncepten svarar tydligt mot brukarnas behov och kan testas inom befintliga resurser.",
            "Externa aktörer har bidragit till idéerna och koncepten är realistiska att testa.",
        ],
        5: [
            "Lösningen har testats med brukare med dokumenterat resultat, och {unit} har åtagit sig att ta "
            "över.",
            "Testerna visar mätbar förbättring och {unit} är redo att förverkliga lösningen.",
            "Nyttan överstiger kostnaderna och {unit} har avsatt resurser för förverkligandet.",
        ],
    },
}

# language -> [text]
CONDITIONS = {
    "nb": [
        "Gevinstkartet skal oppdateres med tall fra økonomiavdelingen før neste styringsgruppemøte.",
        "Personvernkonsekvensvurdering (DPIA) må være godkjent før piloten starter.",
        "Tillitsvalgte og verneombud skal involveres før utrulling.",
        "Brukerrepresentanter skal delta i evalueringen av piloten.",
        "Avtalen med partneren om deling av data må være signert innen én måned.",
        "Budsjettet skal reduseres med 15 %, eller ekstern finansiering må dokumenteres.",
    ],
    "sv": [
        "Nyttokalkylen ska uppdateras med siffror från ekonomiavdelningen före nästa styrgruppsmöte.",
        "En konsekvensbedömning avseende dataskydd (DPIA) ska vara godkänd innan piloten startar.",
        "Fackliga företrädare och skyddsombud ska involveras före införandet.",
        "Brukarrepresentanter ska delta i utvärderingen av piloten.",
        "Avtalet med partnern om datadelning ska vara undertecknat inom en månad.",
        "Budgeten ska minskas med 15 %, eller extern finansiering ska styrkas.",
    ],
}
HOLD_REASONS = {
    "nb": [
        "Satt på vent til budsjettbehandlingen er ferdig; det er ikke rom for egenandelen i år.",
        "Venter på svar på finansieringssøknaden før vi går videre.",
        "Fagenheten har ikke kapasitet før omorganiseringen er gjennomført. Tas opp igjen om seks måneder.",
        "Avventer avklaring om personvern og informasjonssikkerhet fra personvernombudet.",
        "Prosjektlederen er i permisjon; prosjektet settes på vent til ny leder er på plass.",
    ],
    "sv": [
        "Vilande tills budgetbeslutet är fattat; det finns inget utrymme för egeninsatsen i år.",
        "Vi inväntar besked om finansieringsansökan innan vi går vidare.",
        "Verksamheten saknar kapacitet under omorganisationen. Tas upp igen om sex månader.",
        "Vi inväntar dataskyddsombudets bedömning av personuppgiftsbehandlingen.",
        "Projektledaren är föräldraledig; projektet vilar tills en ny ledare är på plats.",
    ],
}
RESUME_PREFIX = {
    "nb": [
        "Finansieringen er nå på plass. ",
        "Kapasiteten i fagenheten er avklart. ",
        "Personvernombudet har godkjent løsningen. ",
    ],
    "sv": [
        "Finansieringen är nu klar. ",
        "Verksamhetens kapacitet är säkrad. ",
        "Dataskyddsombudet har godkänt lösningen. ",
    ],
}
# language -> "early" (gates 1–2) or "late" (gates 3–5) -> [text]
STOP_REASONS = {
    "nb": {
        "early": [
            "Behovet er ikke godt nok dokumentert, og fagenheten prioriterer andre oppgaver.",
            "Behovet dekkes nå av en nasjonal løsning som kommunen tar i bruk i stedet.",
            "Prosjektet overlapper med et regionalt initiativ; ressursene samles der.",
            "Ingen av konseptene ga nok verdi for brukerne til å forsvare videre arbeid.",
        ],
        "late": [
            "Piloten ga ikke målbar effekt, og kostnadene ved full utrulling står ikke i forhold til "
            "gevinstene.",
            "Leverandørmarkedet kan ikke levere en løsning som oppfyller kravene til informasjonssikkerhet.",
            "Søknaden om ekstern finansiering ble avslått, og kommunen kan ikke finansiere prosjektet alene.",
            "Brukerne opplevde løsningen som mer belastende enn nyttig. Læringen er dokumentert og deles.",
        ],
    },
    "sv": {
        "early": [
            "Behovet är inte tillräckligt belagt och verksamheten prioriterar andra uppgifter.",
            "Behovet täcks nu av en nationell lösning som kommunen inför i stället.",
            "Projektet överlappar ett regionalt initiativ; resurserna samlas där.",
            "Inget av koncepten gav tillräcklig nytta för brukarna för att motivera fortsatt arbete.",
        ],
        "late": [
            "Piloten gav ingen mätbar effekt, och kostnaderna för fullt införande står inte i proportion "
            "till "
            "nyttan.",
            "Marknaden kan inte leverera en lösning som uppfyller kraven på informationssäkerhet.",
            "Ansökan om extern finansiering fick avslag och organisationen kan inte finansiera projektet "
            "själv.",
            "Brukarna upplevde lösningen som mer betungande än till nytta. Lärdomarna är dokumenterade och "
            "delas.",
        ],
    },
}
RECYCLE_REASONS = {
    "nb": [
        "Konseptet må bearbeides: brukertestene viste at behovet er et annet enn vi antok.",
        "Vi går tilbake for å involvere flere brukergrupper før konseptet låses.",
        "Gevinstkartet holdt ikke; vi må tilbake og se på alternative løsninger.",
    ],
    "sv": [
        "Konceptet behöver omarbetas: brukartesterna visade att behovet är ett annat än vi trodde.",
        "Vi går tillbaka för att involvera fler brukargrupper innan konceptet låses.",
        "Nyttokalkylen höll inte; vi behöver gå tillbaka och pröva andra lösningar.",
    ],
}

# --- funding ---------------------------------------------------------------------------------------
# language -> source -> note; "{region}" is the organisation's county or region.
FUNDING_NOTES = {
    "nb": {
        "own": "Egen driftsramme",
        "enova": "Enova – støtte til energi- og klimatiltak",
        "innovation_norway": "Innovasjon Norge – innovasjonskontrakt",
        "regional": "{region} – regionale utviklingsmidler",
        "other": "Statsforvalteren – skjønnsmidler til fornying og innovasjon",
        "horizon": "Horizon Europe – EU Mission: Climate-Neutral and Smart Cities",
    },
    "sv": {
        "own": "Egen budget",
        "vinnova": "Vinnova – Utmaningsdriven innovation",
        "regional": "{region} – regionala utvecklingsmedel",
        "other": "Energimyndigheten – stöd till energieffektivisering",
        "horizon": "Horizon Europe – EU Mission: Climate-Neutral and Smart Cities",
    },
}

# --- co-production: actors -------------------------------------------------------------------------
# Outside organisations and groups each organisation with projects works with. "number" is the
# organisation number without its check digit (8 digits in Norway, 9 in Sweden); the loader appends it.
# "areas" are the focus areas the actor is picked for (empty: any). "contact" is kept only with a
# recorded consent: (name, email, consent date, purpose). "person" is a partner with a login who works
# on the organisation's projects for this actor.

ACTORS = {
    "halden": [
        {
            "name": "Høgskolen i Østfold",
            "sector": "academia",
            "number": "97156737",
            "areas": [],
            "description": "Forskning og utdanning i helse og velferd, ingeniørfag og IT. Bidrar med "
            "gevinstberegninger og følgeevaluering av pilotene.",
            "contact": (
                "Marte Solheim",
                "marte.solheim@hiof.example",
                date(2024, 2, 12),
                "Kontakt om felles innovasjonsprosjekter i InnoCities Halden",
            ),
            "person": "partner@halden.example",
        },
        {
            "name": "Smart Innovation Norway",
            "sector": "business",
            "number": "91535284",
            "areas": ["energy", "buildings", "water", "mobility"],
            "description": "Ikke-kommersielt selskap i Halden med test- og utviklingsarenaer for smarte "
            "byer og energi.",
            "contact": (
                "Jonas Eriksen",
                "jonas.eriksen@smartinnovation.example",
                date(2024, 3, 4),
                "Samarbeid om testarenaer og søknader om ekstern finansiering",
            ),
            "person": "jonas.eriksen@smartinnovation.example",
        },
        {
            "name": "Halden frivilligsentral",
            "sector": "civil_society",
            "number": "99152034",
            "areas": ["health", "public-services"],
            "description": "Møteplass og formidling av frivillig innsats; når mange eldre, pårørende og "
            "nye innbyggere.",
            "contact": (
                "Eva Nilsen",
                "eva.nilsen@frivilligsentral.example",
                date(2024, 2, 20),
                "Rekruttering av frivillige og testbrukere til piloter i helse og omsorg",
            ),
            "person": "eva.nilsen@frivilligsentral.example",
        },
        {
            "name": "Pensjonistforbundet Halden",
            "sector": "civil_society",
            "number": "",
            "areas": ["health", "public-services", "mobility"],
            "description": "Lokallag med om lag 900 medlemmer. Representert i eldrerådet.",
            "contact": (
                "Arne Kristiansen",
                "leder@pensjonistforbundet-halden.example",
                date(2024, 4, 8),
                "Invitasjon til brukermedvirkning i helse- og velferdsprosjekter",
            ),
        },
        {
            "name": "Naturvernforbundet i Halden",
            "sector": "civil_society",
            "number": "98110425",
            "areas": ["water", "energy", "mobility"],
            "description": "Lokallag opptatt av Tista, Iddefjorden og naturmangfoldet i kommunen.",
        },
        {
            "name": "Innbyggerpanel Halden",
            "sector": "citizens",
            "number": "",
            "areas": [],
            "description": "Om lag 60 innbyggere i alle aldre som kommunen spør om nye tjenester fire til "
            "seks ganger i året.",
        },
        {
            "name": "Halden Rør og Energi AS",
            "sector": "business",
            "number": "92466132",
            "areas": ["water", "energy", "buildings"],
            "description": "Lokal rørleggerbedrift med service på vann- og avløpsanlegg og varmepumper.",
        },
        {
            "name": "Tista Elektro AS",
            "sector": "business",
            "number": "",
            "areas": ["energy", "buildings", "mobility"],
            "description": "Elektroinstallatør med solceller, ladeanlegg og styringssystemer for bygg.",
        },
        {
            "name": "Sykehuset Østfold HF",
            "sector": "public",
            "number": "98386418",
            "areas": ["health"],
            "description": "Helseforetaket i Østfold; samarbeid om utskrivning og digital hjemmeoppfølging.",
        },
        {
            "name": "Østfold fylkeskommune",
            "sector": "public",
            "number": "81772131",
            "areas": ["mobility", "public-services", "energy", "water"],
            "description": "Regional utviklingsaktør og ansvarlig for kollektivtrafikken i Østfold.",
        },
    ],
    "sarpsborg": [
        {
            "name": "SINTEF",
            "sector": "academia",
            "number": "94818420",
            "areas": ["energy", "buildings", "water", "public-services"],
            "description": "Uavhengig forskningsinstitutt; bidrar med energianalyser og følgeforskning.",
            "contact": (
                "Thomas Lund",
                "thomas.lund@sintef.example",
                date(2025, 2, 3),
                "Kontakt om forskningssamarbeid i Innovasjonsprogram Sarpsborg",
            ),
            "person": "thomas.lund@sintef.example",
        },
        {
            "name": "Pensjonistforbundet Sarpsborg",
            "sector": "civil_society",
            "number": "",
            "areas": ["health", "public-services"],
            "description": "Lokallag som representerer eldre i brukerråd og eldreråd.",
            "person": "guro.wold@pensjonistforbundet.example",
        },
        {
            "name": "Innbyggerpanelet i Sarpsborg",
            "sector": "citizens",
            "number": "",
            "areas": [],
            "description": "Innbyggere som har sagt ja til å teste og gi innspill på kommunale tjenester.",
        },
        {
            "name": "Borg Havn IKS",
            "sector": "public",
            "number": "97475732",
            "areas": ["energy", "water"],
            "description": "Interkommunal havn eid av Fredrikstad og Sarpsborg.",
        },
        {
            "name": "Glomma Fjernvarme AS",
            "sector": "business",
            "number": "99433126",
            "areas": ["energy", "buildings"],
            "description": "Lokal leverandør av fjernvarme basert på energigjenvinning fra industrien.",
        },
        {
            "name": "Østfold Bygg og Anlegg AS",
            "sector": "business",
            "number": "",
            "areas": ["buildings", "water"],
            "description": "Entreprenør med rehabilitering av formålsbygg og overvannsanlegg.",
        },
    ],
    "fredrikstad": [
        {
            "name": "NIVA – Norsk institutt for vannforskning",
            "sector": "academia",
            "number": "85513402",
            "areas": ["water", "buildings"],
            "description": "Forskningsinstitutt for vann og miljø; ekspertise på lekkasjesøk og overvann.",
            "person": "ingvild.moe@niva.example",
        },
        {
            "name": "Borg Havn IKS",
            "sector": "public",
            "number": "97475732",
            "areas": ["energy", "mobility", "water"],
            "description": "Interkommunal havn eid av Fredrikstad og Sarpsborg; partner i landstrøm og "
            "utslippsfrie havneoperasjoner.",
        },
        {
            "name": "Glommen Rørinspeksjon AS",
            "sector": "business",
            "number": "92617740",
            "areas": ["water"],
            "description": "Rørinspeksjon med kamera og akustisk lekkasjesøk.",
        },
        {
            "name": "Gressvik Vel",
            "sector": "civil_society",
            "number": "",
            "areas": ["water", "mobility", "buildings"],
            "description": "Velforening på østsiden av Glomma med engasjement for nærmiljø og overvann.",
        },
        {
            "name": "Innbyggerpanel Fredrikstad",
            "sector": "citizens",
            "number": "",
            "areas": [],
            "description": "Innbyggere som gir innspill på kommunale tjenester i digitale "
            "spørreundersøkelser og verksteder.",
        },
    ],
    "moss": [
        {
            "name": "NMBU – Norges miljø- og biovitenskapelige universitet",
            "sector": "academia",
            "number": "96769122",
            "areas": [],
            "description": "Universitet på Ås med fagmiljøer i vann, bygg og energi.",
            "person": "sindre.bakken@nmbu.example",
        },
        {
            "name": "Vannområde Morsa",
            "sector": "public",
            "number": "",
            "areas": ["water"],
            "description": "Interkommunalt samarbeid om vannkvaliteten i Vansjø-Hobølvassdraget.",
        },
        {
            "name": "Moss Industri- og Næringsforening",
            "sector": "business",
            "number": "97102231",
            "areas": ["energy", "mobility", "buildings"],
            "description": "Nettverk for næringslivet i Moss-regionen.",
        },
        {
            "name": "Naturvernforbundet Moss og omegn",
            "sector": "civil_society",
            "number": "",
            "areas": ["water", "energy", "mobility"],
            "description": "Lokallag med engasjement for Vansjø, Mossesundet og sykkelveier.",
            "contact": (
                "Tor Henriksen",
                "moss@naturvernforbundet.example",
                date(2025, 5, 14),
                "Invitasjon til medvirkning i miljø- og vannprosjekter",
            ),
        },
        {
            "name": "Beboerpanel Jeløy",
            "sector": "citizens",
            "number": "",
            "areas": [],
            "description": "Beboere på Jeløy som følger kommunens prosjekter i nærområdet.",
        },
    ],
    "narvik": [
        {
            "name": "UiT Norges arktiske universitet",
            "sector": "academia",
            "number": "97061872",
            "areas": [],
            "description": "Campus Narvik med ingeniørfag, logistikk og helsefag.",
            "contact": (
                "Kristoffer Haug",
                "kristoffer.haug@uit.example",
                date(2023, 8, 21),
                "Kontakt om forskning og studentoppgaver i Innovasjonsprogram Narvik",
            ),
            "person": "kristoffer.haug@uit.example",
        },
        {
            "name": "Hålogaland Kraft AS",
            "sector": "business",
            "number": "98215237",
            "areas": ["energy", "arctic-logistics", "mobility"],
            "description": "Regionalt kraftselskap med nett og fornybar produksjon i Ofoten.",
            "person": "mari.jakobsen@hlk.example",
        },
        {
            "name": "Narvikhavn KF",
            "sector": "public",
            "number": "97454760",
            "areas": ["arctic-logistics", "energy", "mobility"],
            "description": "Kommunalt foretak som driver havna i Narvik.",
            "person": "vegard.hansen@narvikhavn.example",
        },
        {
            "name": "Nordland fylkeskommune",
            "sector": "public",
            "number": "96459305",
            "areas": ["mobility", "arctic-logistics", "public-services"],
            "description": "Regional utviklingsaktør, samferdsel og tannhelse.",
        },
        {
            "name": "Pensjonistforbundet Narvik",
            "sector": "civil_society",
            "number": "",
            "areas": ["health", "public-services"],
            "description": "Lokallag som er opptatt av helsetilbudet i distriktene.",
        },
        {
            "name": "Ofoten Næringsforening",
            "sector": "business",
            "number": "98012245",
            "areas": ["arctic-logistics", "energy", "mobility"],
            "description": "Næringsforening for bedriftene i Ofoten.",
        },
        {
            "name": "Ungdomsrådet i Narvik",
            "sector": "citizens",
            "number": "",
            "areas": ["mobility", "public-services", "health"],
            "description": "Valgt ungdomsråd som gir innspill til kommunens planer og tjenester.",
        },
    ],
    "borg-havn": [
        {
            "name": "SINTEF Ocean",
            "sector": "academia",
            "number": "93726634",
            "areas": [],
            "description": "Forskning på maritim logistikk, landstrøm og utslippsfrie havneoperasjoner.",
            "person": "oystein.kvam@sintef.example",
        },
        {
            "name": "Kystverket Sørøst",
            "sector": "public",
            "number": "",
            "areas": ["mobility", "water", "energy"],
            "description": "Statlig etat for sjøsikkerhet og farleder i Oslofjorden.",
        },
        {
            "name": "Østfold Terminaldrift AS",
            "sector": "business",
            "number": "92801325",
            "areas": ["energy", "mobility"],
            "description": "Stuveri- og terminalselskap med elektriske maskiner på kaia.",
        },
        {
            "name": "Øra Vel",
            "sector": "civil_society",
            "number": "",
            "areas": [],
            "description": "Naboer til havna som er opptatt av støy, luft og trafikk.",
        },
    ],
    "eskilstuna": [
        {
            "name": "Mälardalens universitet",
            "sector": "academia",
            "number": "202100452",
            "areas": [],
            "description": "Universitet i Eskilstuna och Västerås med forskning inom vård, innovation och "
            "hållbar energi.",
            "contact": (
                "Sara Wikström",
                "sara.wikstrom@mdu.example",
                date(2025, 1, 22),
                "Kontakt om forskningssamarbete i Innovationsprogram Eskilstuna",
            ),
            "person": "sara.wikstrom@mdu.example",
        },
        {
            "name": "RISE Research Institutes of Sweden",
            "sector": "academia",
            "number": "556464687",
            "areas": ["energy", "buildings", "circular-economy", "mobility"],
            "description": "Statligt forskningsinstitut; bidrar med testbäddar och mätningar.",
            "person": "ahmed.yusuf@ri.example",
        },
        {
            "name": "PRO Eskilstuna",
            "sector": "civil_society",
            "number": "802413652",
            "areas": ["health", "public-services"],
            "description": "Pensionärsföreningen med flest medlemmar i kommunen.",
            "contact": (
                "Birgitta Holm",
                "birgitta.holm@pro.example",
                date(2025, 2, 10),
                "Inbjudan till brukarmedverkan i vård- och omsorgsprojekt",
            ),
            "person": "birgitta.holm@pro.example",
        },
        {
            "name": "Hyresgästföreningen region Mälardalen",
            "sector": "civil_society",
            "number": "802003189",
            "areas": ["buildings", "energy", "circular-economy", "public-services"],
            "description": "Hyresgästernas organisation; lokala föreningar i flera bostadsområden.",
        },
        {
            "name": "Eskilstuna Energi och Miljö AB",
            "sector": "business",
            "number": "556486420",
            "areas": ["energy", "circular-economy", "mobility"],
            "description": "Kommunens energi- och miljöbolag: el, fjärrvärme, vatten och återvinning.",
        },
        {
            "name": "Eskilstunahem AB",
            "sector": "business",
            "number": "556133512",
            "areas": ["buildings", "energy", "health"],
            "description": "Kommunens bostadsbolag med drygt 8 000 lägenheter.",
        },
        {
            "name": "ReTuna Återbruksgalleria",
            "sector": "business",
            "number": "",
            "areas": ["circular-economy"],
            "description": "Galleria för återbruk och reparation, med butiker och utbildning.",
        },
        {
            "name": "Medborgarpanelen Eskilstuna",
            "sector": "citizens",
            "number": "",
            "areas": [],
            "description": "Invånare som svarar på enkäter och deltar i workshops om kommunens tjänster.",
        },
        {
            "name": "Region Sörmland",
            "sector": "public",
            "number": "232100017",
            "areas": ["health", "mobility", "public-services"],
            "description": "Regionen ansvarar för hälso- och sjukvård och kollektivtrafik i Sörmland.",
        },
        {
            "name": "Företagarna Eskilstuna",
            "sector": "business",
            "number": "",
            "areas": ["circular-economy", "public-services", "mobility"],
            "description": "Lokal förening för småföretagare.",
        },
    ],
    "vasteras": [
        {
            "name": "Mälardalens universitet",
            "sector": "academia",
            "number": "202100452",
            "areas": [],
            "description": "Forskning inom energi, hållbar stadsutveckling och innovation.",
            "person": "johanna.berglund@mdu.example",
        },
        {
            "name": "Mälarenergi AB",
            "sector": "business",
            "number": "556448852",
            "areas": ["energy", "water", "buildings"],
            "description": "Stadens energibolag: elnät, fjärrvärme och vatten.",
        },
        {
            "name": "Hyresgästföreningen Västerås",
            "sector": "civil_society",
            "number": "",
            "areas": ["buildings", "energy"],
            "description": "Lokala hyresgästföreningar i stadens bostadsområden.",
        },
        {
            "name": "Västerås medborgarpanel",
            "sector": "citizens",
            "number": "",
            "areas": [],
            "description": "Invånare som tycker till om stadens planer och tjänster.",
        },
        {
            "name": "Region Västmanland",
            "sector": "public",
            "number": "232100016",
            "areas": ["mobility", "energy"],
            "description": "Regionalt utvecklingsansvar och kollektivtrafik i Västmanland.",
        },
    ],
    "strangnas": [
        {
            "name": "RISE Research Institutes of Sweden",
            "sector": "academia",
            "number": "556464687",
            "areas": [],
            "description": "Forskningsinstitut; stöd med mätningar i VA-nätet och fastigheter.",
            "person": "niklas.strom@ri.example",
        },
        {
            "name": "Strängnäs Energi AB",
            "sector": "business",
            "number": "556032412",
            "areas": ["energy", "water", "buildings"],
            "description": "Kommunens energibolag med fjärrvärme, elnät och vatten.",
        },
        {
            "name": "Naturskyddsföreningen Strängnäs",
            "sector": "civil_society",
            "number": "",
            "areas": ["water", "energy", "mobility"],
            "description": "Lokal krets engagerad i Mälarens vatten och stränder.",
        },
    ],
    "orebro": [
        {
            "name": "Örebro universitet",
            "sector": "academia",
            "number": "202100162",
            "areas": [],
            "description": "Forskning inom teknik, hälsa och samhällsplanering.",
            "person": "lina.ekstrom@oru.example",
        },
        {
            "name": "Örebrobostäder AB",
            "sector": "business",
            "number": "556016214",
            "areas": ["buildings", "energy"],
            "description": "Kommunens bostadsbolag.",
        },
        {
            "name": "Naturskyddsföreningen Örebro",
            "sector": "civil_society",
            "number": "802411891",
            "areas": ["energy", "mobility", "water"],
            "description": "Lokal krets som arbetar med klimat, natur och hållbara resor.",
            "contact": (
                "Elsa Bergström",
                "orebro@naturskyddsforeningen.example",
                date(2025, 4, 2),
                "Inbjudan till medborgardialog om klimat och resor",
            ),
        },
        {
            "name": "Region Örebro län",
            "sector": "public",
            "number": "232100164",
            "areas": ["mobility", "energy"],
            "description": "Regionalt utvecklingsansvar och kollektivtrafik i länet.",
        },
    ],
    "nykoping": [
        {
            "name": "Cykelfrämjandet Nyköping",
            "sector": "civil_society",
            "number": "",
            "areas": ["mobility"],
            "description": "Lokal förening som verkar för säker och enkel cykling.",
        },
        {
            "name": "Region Sörmland",
            "sector": "public",
            "number": "232100017",
            "areas": [],
            "description": "Regionen ansvarar för kollektivtrafik och regional utveckling i Sörmland.",
        },
        {
            "name": "Sörmländska Laddföretaget AB",
            "sector": "business",
            "number": "559187342",
            "areas": ["energy", "mobility"],
            "description": "Installerar och driver laddinfrastruktur för fordon.",
        },
    ],
    "eskilstuna-energi": [
        {
            "name": "RISE Research Institutes of Sweden",
            "sector": "academia",
            "number": "556464687",
            "areas": [],
            "description": "Forskningsinstitut; testbädd för energilager och fjärrvärme.",
            "person": "asa.lind@ri.example",
        },
        {
            "name": "Eskilstuna kommun",
            "sector": "public",
            "number": "212000031",
            "areas": [],
            "description": "Ägare och största kund; samarbete om fastigheter, fordon och avfall.",
        },
        {
            "name": "Villaägarna Eskilstuna",
            "sector": "civil_society",
            "number": "",
            "areas": ["energy", "water"],
            "description": "Lokal förening för villaägare, intresserad av solel och smarta mätare.",
        },
        {
            "name": "Mälarhamnar AB",
            "sector": "business",
            "number": "556700432",
            "areas": ["energy", "mobility"],
            "description": "Hamnbolag i Köping och Västerås med intresse för förnybar energi i hamnen.",
        },
    ],
}

# Roles an actor of each sector takes in a project.
ACTOR_ROLES = {
    "public": ["future_owner", "future_owner", "funder", "co_creator", "test_arena"],
    "business": ["supplier", "supplier", "co_creator", "funder"],
    "academia": ["expert", "expert", "co_creator"],
    "civil_society": ["test_arena", "co_creator", "co_creator", "expert"],
    "citizens": ["test_arena", "test_arena", "co_creator"],
}

# --- co-production: activities ---------------------------------------------------------------------
# method tool key -> (activity kind, who takes part). Who takes part sets the participants per sector
# (ACTIVITY_PEOPLE: sector -> (least, most)) and the end of the activity's title (ACTIVITY_AUDIENCE).

ACTIVITY_TOOLS = {
    # innocities
    "actor-map": ("workshop", "helix"),
    "user-interviews": ("interview", "users"),
    "needs-analysis": ("meeting", "staff"),
    "iap2-engagement-plan": ("workshop", "civil"),
    "challenge-brief": ("meeting", "staff"),
    "brainwriting": ("workshop", "helix"),
    "co-creation-workshop": ("co_creation", "helix"),
    "service-journey": ("co_creation", "users"),
    "sdg-impact-workshop": ("workshop", "research"),
    "concept-matrix": ("meeting", "partners"),
    "business-model-canvas": ("workshop", "partners"),
    "cost-benefit-analysis": ("meeting", "research"),
    "funding-plan": ("meeting", "staff"),
    "risk-legal-review": ("meeting", "staff"),
    "project-plan": ("meeting", "partners"),
    "pilot-plan": ("workshop", "partners"),
    "evaluation-plan": ("meeting", "research"),
    "user-testing": ("interview", "users"),
    "learning-log": ("meeting", "partners"),
    "sdg-follow-up": ("meeting", "research"),
    "benefit-realisation-plan": ("meeting", "staff"),
    "handover-plan": ("meeting", "staff"),
    "investment-basis": ("meeting", "staff"),
    "change-training-plan": ("workshop", "staff"),
    "procurement-plan": ("workshop", "suppliers"),
    "lessons-learned-report": ("workshop", "partners"),
    "reuse-package": ("meeting", "network"),
    "network-sharing": ("other", "network"),
    "scaling-plan": ("meeting", "network"),
    # innovationsguiden
    "challenge-definition": ("workshop", "staff"),
    "stakeholder-map": ("workshop", "helix"),
    "project-frame": ("meeting", "staff"),
    "interviews": ("interview", "users"),
    "observation": ("other", "users"),
    "self-documentation": ("other", "users"),
    "existing-knowledge": ("meeting", "research"),
    "insight-clustering": ("workshop", "partners"),
    "personas": ("workshop", "civil"),
    "user-journey": ("co_creation", "users"),
    "how-might-we": ("workshop", "helix"),
    "brainstorming": ("workshop", "helix"),
    "idea-prioritisation": ("meeting", "partners"),
    "sdg-impact-assessment": ("workshop", "research"),
    "prototype": ("co_creation", "civil"),
    "test-plan": ("meeting", "partners"),
    "user-test": ("interview", "users"),
    "test-evaluation": ("meeting", "research"),
    "implementation-plan": ("meeting", "staff"),
    "benefit-realisation": ("meeting", "staff"),
    "handover": ("meeting", "staff"),
    "sharing-results": ("other", "network"),
}

ACTIVITY_PEOPLE = {
    "users": {"public": (1, 3), "citizens": (5, 12)},
    "staff": {"public": (4, 10), "academia": (0, 1)},
    "partners": {"public": (3, 7), "business": (1, 3), "academia": (1, 2)},
    "helix": {
        "public": (3, 8),
        "business": (1, 3),
        "academia": (1, 2),
        "civil_society": (1, 3),
        "citizens": (2, 8),
    },
    "network": {"public": (6, 20), "academia": (0, 2)},
    "research": {"public": (2, 5), "academia": (1, 3)},
    "suppliers": {"public": (2, 5), "business": (2, 6)},
    "civil": {"public": (1, 3), "civil_society": (2, 5), "citizens": (2, 6)},
}

ACTIVITY_AUDIENCE = {
    "nb": {
        "users": "med innbyggere og brukere",
        "staff": "med fagenheten",
        "partners": "med partnerne",
        "helix": "med aktører fra alle sektorer",
        "network": "i klyngen",
        "research": "med forskningspartneren",
        "suppliers": "med leverandører",
        "civil": "med brukerorganisasjoner",
    },
    "sv": {
        "users": "med invånare och brukare",
        "staff": "med verksamheten",
        "partners": "med partnerna",
        "helix": "med aktörer från alla sektorer",
        "network": "i klustret",
        "research": "med forskningspartnern",
        "suppliers": "med leverantörer",
        "civil": "med brukarorganisationer",
    },
}

# How a title is made of the tool's name and the audience, by activity kind.
ACTIVITY_TITLES = {
    "nb": {
        "workshop": "{tool} – workshop {audience}",
        "co_creation": "{tool} – samskaping {audience}",
        "interview": "{tool} {audience}",
        "meeting": "{tool} – arbeidsmøte {audience}",
        "other": "{tool} {audience}",
    },
    "sv": {
        "workshop": "{tool} – workshop {audience}",
        "co_creation": "{tool} – samskapande session {audience}",
        "interview": "{tool} {audience}",
        "meeting": "{tool} – arbetsmöte {audience}",
        "other": "{tool} {audience}",
    },
}

# (method key, language) -> tool key -> what came out of the activity.
ACTIVITY_OUTCOMES = {
    ("innocities", "nb"): {
        "actor-map": "Aktørkartet viser hvem som berøres, hvem som kan endre noe og hvem vi manglet – særlig "
        "innbyggere og lokale bedrifter.",
        "user-interviews": "Intervjuene bekreftet behovet: de fleste beskrev de samme tre tungvinte stegene, "
        "og flere hadde laget egne løsninger for å komme rundt dem.",
        "needs-analysis": "Driftsdata fra de siste tre årene viser at problemet er størst i vinterhalvåret "
        "og konsentrert til noen få enheter.",
        "iap2-engagement-plan": "Vi ble enige om hvem som skal informeres, konsulteres og involveres, og at "
        "brukerrepresentantene skal samarbeide tett i idéfasen.",
        "challenge-brief": "Utfordringsbeskrivelsen ble kortet ned til én side, og vi avgrenset bort det som "
        "hører hjemme i ordinær drift.",
        "brainwriting": "Skriftlig idémyldring ga over 40 ideer; etter gruppering står vi igjen med åtte vi "
        "vil undersøke videre.",
        "co-creation-workshop": "Deltakerne skisserte tre konsepter sammen. Brukerne la stor vekt på at "
        "løsningen må kunne brukes uten opplæring.",
        "service-journey": "Tjenestereisen viste fire overleveringer mellom enheter der informasjon "
        "forsvinner; to av dem kan fjernes uten ny teknologi.",
        "sdg-impact-workshop": "Bærekraftsvurderingen viser positiv effekt på bærekraftsmål 11 og 13; vi må "
        "følge med på strømbruk og personvern.",
        "concept-matrix": "Vurderingsmatrisen pekte ut ett konsept med høy nytte og moderat kostnad; de to "
        "andre legges til side.",
        "business-model-canvas": "Forretningsmodellen er tydeligere: enheten som får gevinsten, bør også eie "
        "løsningen etter piloten.",
        "cost-benefit-analysis": "Nytte-kostnadsanalysen viser at investeringen er tjent inn på under fire "
        "år i forventet scenario.",
        "funding-plan": "Finansieringsplanen kombinerer egne midler med en søknad om ekstern støtte; "
        "søknadsfristen er lagt inn i prosjektplanen.",
        "risk-legal-review": "Personvernkonsekvensvurderingen er startet, og anskaffelsen kan gjøres som "
        "innovasjonspartnerskap eller konkurranse med forhandling.",
        "project-plan": "Prosjektplanen med milepæler, roller og budsjett er klar for behandling i "
        "styringsgruppen.",
        "pilot-plan": "Vi valgte fem indikatorer og målte utgangspunktet før piloten startet, slik at "
        "effekten kan dokumenteres.",
        "evaluation-plan": "Evalueringsplanen er avklart med forskningspartneren: før- og etter-måling og "
        "intervjuer etter tre måneder.",
        "user-testing": "Testbrukerne klarte de viktigste oppgavene, men tre av fem stoppet opp ved "
        "innloggingen; den forenkles før neste runde.",
        "learning-log": "Læringsloggen ble gått gjennom: tett oppfølging de første ukene virker, "
        "papirskjemaene gjør det ikke.",
        "sdg-follow-up": "Oppfølgingen viser lavere energibruk og færre kjøreturer, men effekten på "
        "brukertilfredsheten er ennå usikker.",
        "benefit-realisation-plan": "Gevinstene er fordelt på ansvarlige ledere, med måltall og tidspunkt "
        "for når de tas ut i budsjettet.",
        "handover-plan": "Mottakende enhet har godkjent overleveringsplanen; drift og brukerstøtte går over "
        "etter en periode med dobbeltdrift.",
        "investment-basis": "Investeringsgrunnlaget er klart for budsjettbehandlingen, med "
        "livsløpskostnader for ti år.",
        "change-training-plan": "Superbrukere på hver enhet får opplæring først og lærer opp kollegene; "
        "lederne følger opp i personalmøtene.",
        "procurement-plan": "Markedsdialogen viste at flere leverandører kan levere; vi går videre med en "
        "åpen anbudskonkurranse med funksjonskrav.",
        "lessons-learned-report": "Erfaringsrapporten oppsummerer hva som ga gevinst, hva vi ville gjort "
        "annerledes og hva andre må ha på plass.",
        "reuse-package": "Gjenbrukspakken med kravspesifikasjon, maler og opplæringsmateriell er delt med "
        "kommunene i nettverket.",
        "network-sharing": "Vi presenterte resultatene for klyngen; to kommuner vil prøve løsningen og ba om "
        "et oppfølgingsmøte.",
        "scaling-plan": "Skaleringsplanen beskriver utrulling til alle enheter i løpet av ett år, med en "
        "felles avtale for kommunene som blir med.",
    },
    ("innocities", "sv"): {
        "actor-map": "Aktörskartan visar vilka som berörs, vilka som kan påverka och vilka som saknades – "
        "framför allt invånare och lokala företag.",
        "user-interviews": "Intervjuerna bekräftade behovet: de flesta beskrev samma tre krångliga steg, och "
        "flera hade hittat egna sätt att ta sig runt dem.",
        "needs-analysis": "Verksamhetsdata från de senaste tre åren visar att problemet är störst under "
        "vinterhalvåret och koncentrerat till ett fåtal enheter.",
        "iap2-engagement-plan": "Vi kom överens om vilka som ska informeras, konsulteras och involveras, och "
        "att brukarrepresentanterna ska samarbeta nära i idéfasen.",
        "challenge-brief": "Utmaningsbeskrivningen kortades ned till en sida, och vi avgränsade bort det som "
        "hör hemma i ordinarie verksamhet.",
        "brainwriting": "Brainwriting gav över 40 idéer; efter gruppering återstår åtta att undersöka "
        "vidare.",
        "co-creation-workshop": "Deltagarna skissade fram tre koncept tillsammans. Användarna betonade att "
        "lösningen måste gå att använda utan utbildning.",
        "service-journey": "Användarresan visade fyra överlämningar mellan enheter där information "
        "försvinner; två av dem kan tas bort utan ny teknik.",
        "sdg-impact-workshop": "Hållbarhetsbedömningen visar positiv effekt på mål 11 och 13; vi behöver "
        "hålla ögonen på elanvändning och integritet.",
        "concept-matrix": "Bedömningsmatrisen pekade ut ett koncept med hög nytta och måttlig kostnad; de "
        "två andra läggs åt sidan.",
        "business-model-canvas": "Affärsmodellen är tydligare: den enhet som får nyttan bör också äga "
        "lösningen efter piloten.",
        "cost-benefit-analysis": "Kostnads-nyttoanalysen visar att investeringen är intjänad på under fyra "
        "år i det förväntade scenariot.",
        "funding-plan": "Finansieringsplanen kombinerar egna medel med en ansökan om externt stöd; "
        "ansökningstiden är inlagd i projektplanen.",
        "risk-legal-review": "Konsekvensbedömningen enligt dataskyddsförordningen är påbörjad, och "
        "upphandlingen kan göras som innovationspartnerskap eller konkurrenspräglad dialog.",
        "project-plan": "Projektplanen med milstolpar, roller och budget är klar för beslut i styrgruppen.",
        "pilot-plan": "Vi valde fem indikatorer och mätte utgångsläget innan piloten startade, så att "
        "effekten kan visas.",
        "evaluation-plan": "Utvärderingsplanen är klar med forskningspartnern: för- och eftermätning och "
        "intervjuer efter tre månader.",
        "user-testing": "Testanvändarna klarade de viktigaste uppgifterna, men tre av fem fastnade vid "
        "inloggningen; den förenklas före nästa omgång.",
        "learning-log": "Lärloggen gicks igenom: tät uppföljning de första veckorna fungerar, "
        "pappersblanketterna gör det inte.",
        "sdg-follow-up": "Uppföljningen visar minskad energianvändning och färre resor, men effekten på "
        "nöjdheten är ännu osäker.",
        "benefit-realisation-plan": "Nyttan är fördelad på ansvariga chefer, med mål och tidpunkt för när "
        "den räknas hem i budgeten.",
        "handover-plan": "Mottagande enhet har godkänt överlämningsplanen; drift och support tas över efter "
        "en period med parallell drift.",
        "investment-basis": "Investeringsunderlaget är klart för budgetarbetet, med livscykelkostnader för "
        "tio år.",
        "change-training-plan": "Superanvändare på varje enhet utbildas först och lär sedan upp kollegorna; "
        "cheferna följer upp på arbetsplatsträffarna.",
        "procurement-plan": "Marknadsdialogen visade att flera leverantörer kan leverera; vi går vidare med "
        "en öppen upphandling med funktionskrav.",
        "lessons-learned-report": "Erfarenhetsrapporten sammanfattar vad som gav nytta, vad vi skulle ha "
        "gjort annorlunda och vad andra behöver ha på plats.",
        "reuse-package": "Återanvändningspaketet med kravspecifikation, mallar och utbildningsmaterial är "
        "delat med kommunerna i nätverket.",
        "network-sharing": "Vi presenterade resultaten för klustret; två kommuner vill prova lösningen och "
        "bad om ett uppföljningsmöte.",
        "scaling-plan": "Spridningsplanen beskriver införande i alla enheter inom ett år, med ett gemensamt "
        "avtal för kommunerna som ansluter.",
    },
    ("innovationsguiden", "sv"): {
        "challenge-definition": "Utmaningen omformulerades till en öppen fråga om hur vi kan göra det "
        "enklare för dem som berörs, i stället för att utgå från en färdig lösning.",
        "stakeholder-map": "Intressentkartan visade att civilsamhället och de anhöriga saknades i arbetet; "
        "de bjuds in till nästa steg.",
        "project-frame": "Projektramen är klar: uppdrag, budget, tidplan och vem som fattar besluten.",
        "interviews": "Intervjuerna gav en tydlig bild av vardagen: det som tar tid är inte själva tjänsten "
        "utan allt runt omkring.",
        "observation": "Observationen visade moment som ingen nämnt i intervjuerna, bland annat mycket "
        "väntan och dubbelarbete.",
        "self-documentation": "Deltagarna dokumenterade sin vardag i en vecka med foton och korta "
        "anteckningar; materialet ger nya insikter om kvällar och helger.",
        "existing-knowledge": "Genomgången av forskning och statistik visar att andra kommuner sett samma "
        "mönster; vi kan bygga vidare på deras erfarenheter.",
        "insight-clustering": "Insikterna klustrades i fem teman; två av dem – trygghet och tillgänglighet – "
        "blir fokus för det fortsatta arbetet.",
        "personas": "Vi tog fram fyra personor som hjälper oss att hålla användarnas olika behov levande i "
        "arbetet.",
        "user-journey": "Användarresan visade var det skaver mest: vid första kontakten och när ärendet går "
        "mellan förvaltningar.",
        "how-might-we": "Vi formulerade sex ”Hur kan vi”-frågor och valde två att ta med till idéarbetet.",
        "brainstorming": "Brainstormingen gav drygt 50 idéer som sorterades efter nytta och genomförbarhet.",
        "co-creation-workshop": "Tillsammans med användarna vidareutvecklades tre idéer till enkla skisser "
        "som kan testas.",
        "idea-prioritisation": "Prioriteringsmatrisen pekade ut två idéer att testa; övriga sparas i "
        "idébanken.",
        "sdg-impact-assessment": "Hållbarhetsbedömningen visar tydliga vinster för social hållbarhet; "
        "miljöeffekterna är små men positiva.",
        "prototype": "En enkel prototyp byggdes i papper och som klickbar skiss och visades för användarna.",
        "test-plan": "Testplanen anger vad vi vill lära oss, vilka som testar och hur vi mäter om idén "
        "fungerar.",
        "user-test": "Användartesterna visade att idén fungerar, men att instruktionerna måste bli kortare "
        "och tydligare.",
        "test-evaluation": "Utvärderingen av testerna talar för att gå vidare med en förbättrad version; en "
        "idé avslutas.",
        "implementation-plan": "Implementeringsplanen är förankrad hos den mottagande verksamheten, med "
        "tidplan och ansvar.",
        "benefit-realisation": "Nyttorealiseringen följs upp kvartalsvis; de första mätningarna visar "
        "minskad tidsåtgång.",
        "handover": "Verksamheten har tagit över ansvaret, och projektgruppen finns kvar som stöd under en "
        "övergångsperiod.",
        "sharing-results": "Resultaten delades med andra kommuner i nätverket och på Sörmlands "
        "innovationsdag.",
    },
}

ACTIVITY_FOLLOW_UPS = {
    "nb": [
        "Neste steg: prosjektleder oppsummerer og legger det fram for styringsgruppen.",
        "Innspillene er lagt inn i prosjektets læringslogg.",
        "Vi avtalte et oppfølgingsmøte om fire uker.",
        "Flere av deltakerne vil gjerne være med videre.",
        "Referat er sendt til alle deltakerne.",
        "Resultatet tas med til neste portbehandling.",
    ],
    "sv": [
        "Nästa steg: projektledaren sammanfattar och tar upp det i styrgruppen.",
        "Synpunkterna är inlagda i projektets lärlogg.",
        "Vi bokade ett uppföljningsmöte om fyra veckor.",
        "Flera av deltagarna vill gärna vara med i det fortsatta arbetet.",
        "Minnesanteckningar är skickade till alla deltagare.",
        "Resultatet tas med till nästa grindbeslut.",
    ],
}

# --- citizens, open calls and their evaluation -----------------------------------------------------
# The calls are open around the real date the demo is loaded: they opened CALL_OPENED_DAYS_AGO days
# before and close CALL_OPEN_DAYS days after opening. Everything in them is dated by days after opening.

CITIZEN_PERSONA_EMAIL = "citizen@example.com"
EXPERT_EMAIL = "expert@hiof.example"
EXPERT_NAME = "Eva Eksperten"
EXPERT_TITLE = "Professor i vann- og miljøteknikk, Høgskolen i Østfold"
CALL_OPENED_DAYS_AGO = 20
CALL_OPEN_DAYS = 60

# email -> (name, language)
CITIZENS = {
    "citizen@example.com": ("Kari Nordmann", "nb"),
    "ola.hansen@example.com": ("Ola Hansen", "nb"),
    "astrid.bakken@example.com": ("Astrid Bakken", "nb"),
    "mohammed.ali@example.com": ("Mohammed Ali", "nb"),
    "per.olsen@example.com": ("Per Olsen", "nb"),
    "terje.moen@example.com": ("Terje Moen", "nb"),
    "anna.svensson@example.com": ("Anna Svensson", "sv"),
    "erik.johansson@example.com": ("Erik Johansson", "sv"),
    "yasmin.ahmed@example.com": ("Yasmin Ahmed", "sv"),
    "gunnar.persson@example.com": ("Gunnar Persson", "sv"),
    "lena.karlsson@example.com": ("Lena Karlsson", "sv"),
}

# An idea: key, author, day, title, description, supporters wanted, status changes [(status, day, reason)];
# the status "promote" makes the idea a project (see "promote"). Comments: (idea key, author or
# "coordinator", day, text); a comment may be "reported" (by whom, why) or "hidden" (why).
OPEN_CALLS = [
    {
        "key": "halden-water",
        "organisation": "halden",
        "programme": "halden",
        "area": "water",
        "lang": "nb",
        "title": "Mindre vannlekkasje i Halden – hvordan kan innbyggerne hjelpe?",
        "description": "Nesten en tredjedel av drikkevannet som produseres i Halden, forsvinner i "
        "lekkasjer før det når springen. Kommunen fornyer ledningsnettet, men det tar flere tiår. Hvordan "
        "kan innbyggere, borettslag og næringsliv hjelpe oss å oppdage, melde og forebygge lekkasjer – "
        "både i det offentlige nettet og hjemme?",
        "evidence": "Vannbalansen for 2025 viser et lekkasjetap på 31 %. Fire av ti lekkasjemeldinger kom "
        "fra innbyggere, men i snitt først tre dager etter at vannet var synlig.",
        "invitation": "Har du sett vann som pipler opp i asfalten, eller har du en idé til hvordan vi kan "
        "miste mindre vann? Send inn ideen din før fristen. Fagfolk i vann og avløp leser alle ideene, og "
        "du får svar med begrunnelse på ideens side. De beste ideene kan bli et pilotprosjekt i InnoCities "
        "Halden.",
        "ideas": [
            {
                "key": "h-app",
                "author": "citizen@example.com",
                "day": 1,
                "title": "Meld lekkasje med bilde og kartpunkt i kommunens app",
                "description": "Når jeg ser vann som renner i veien, vet jeg ikke hvem jeg skal ringe. En "
                "enkel knapp i appen der jeg tar et bilde og appen sender posisjonen, ville gjort det lett. "
                "Da kan vakta rykke ut raskere, og jeg kan følge med på saken til lekkasjen er tettet.",
                "supporters": 5,
                "quality": 5,
                "changes": [
                    (
                        "under_review",
                        3,
                        "Takk for ideen! Fagfolkene i vann og avløp ser nå på hvordan en slik "
                        "meldetjeneste kan kobles til vaktordningen.",
                    ),
                    ("promote", 14, ""),
                ],
            },
            {
                "key": "h-toilets",
                "author": "citizen@example.com",
                "day": 2,
                "title": "Lekkasjesjekk-uke for toaletter og varmtvannsberedere",
                "description": "Mange toaletter står og renner i månedsvis uten at noen merker det. "
                "Kommunen kan dele ut fargetabletter til sisternen og arrangere en uke der alle sjekker "
                "hjemme. Borettslagene kan konkurrere om å finne flest lekkasjer.",
                "supporters": 3,
                "quality": 4,
                "changes": [
                    (
                        "under_review",
                        9,
                        "Vi vurderer en lekkasjesjekk-uke sammen med Halden frivilligsentral og "
                        "borettslagene.",
                    ),
                ],
            },
            {
                "key": "h-meters",
                "author": "ola.hansen@example.com",
                "day": 2,
                "title": "Smarte vannmålere som varsler når forbruket aldri går til null",
                "description": "Hvis måleren ser at det renner vann hele natten, er det nesten alltid en "
                "lekkasje. Da bør huseieren få en SMS, slik strømselskapene varsler om uvanlig forbruk.",
                "supporters": 3,
                "quality": 4,
                "changes": [
                    ("under_review", 4, "Vi ser på ideen sammen med planene for nye vannmålere."),
                    (
                        "selected",
                        15,
                        "Ideen er valgt ut: krav om varsel ved stadig nattforbruk tas med i "
                        "anskaffelsen av nye vannmålere i 2027.",
                    ),
                ],
            },
            {
                "key": "h-drone",
                "author": "astrid.bakken@example.com",
                "day": 4,
                "title": "Drone med varmekamera over ledningsnettet om vinteren",
                "description": "Vann fra en lekkasje er varmere enn frossen bakke. En drone med "
                "varmekamera kan fly over ledningstraseene en kald vintermorgen og finne flekker der snøen "
                "smelter.",
                "supporters": 1,
                "quality": 3,
                "changes": [
                    (
                        "under_review",
                        6,
                        "Vi undersøker hva en drone med varmekamera kan finne i vårt ledningsnett.",
                    ),
                    (
                        "parked",
                        16,
                        "God idé, men varmekamera virker best når ledningene ligger grunt og "
                        "temperaturforskjellen er stor. Vi prøver akustisk lekkasjesøk først og tar opp "
                        "ideen igjen høsten 2027.",
                    ),
                ],
            },
            {
                "key": "h-wardens",
                "author": "mohammed.ali@example.com",
                "day": 5,
                "title": "Frivillige vannvoktere i hver bydel",
                "description": "Noen i hver bydel kan ta ansvar for å melde fra om vann i veien, kummer "
                "som renner og rare lyder fra brannkummer. Frivilligsentralen kan lage en liten ordning med "
                "kurs og en felles chat med kommunen.",
                "supporters": 2,
                "quality": 3,
                "changes": [],
            },
            {
                "key": "h-bonus",
                "author": "per.olsen@example.com",
                "day": 6,
                "title": "Rabatt på vann- og avløpsgebyret for dem som melder lekkasjer",
                "description": "De som melder en lekkasje som blir funnet, bør få noen hundrelapper i rabatt "
                "på gebyret. Da blir det lønnsomt å si fra.",
                "supporters": 2,
                "quality": 2,
                "changes": [
                    (
                        "rejected",
                        12,
                        "Vann- og avløpsgebyret skal etter loven bare dekke kommunens kostnader "
                        "(selvkost), så det kan ikke brukes til premier. Vi vil heller gi en synlig takk i "
                        "appen når en melding fører til at en lekkasje blir tettet.",
                    ),
                ],
            },
            {
                "key": "h-live",
                "author": "ola.hansen@example.com",
                "day": 10,
                "title": "Vis vanntapet i sanntid på kommunens nettside",
                "description": "Hvis alle kunne se hvor mange liter som lekker ut hver dag, tror jeg flere "
                "ville brydd seg – og sett at det nytter når tallet går ned.",
                "supporters": 1,
                "quality": 3,
                "changes": [],
            },
        ],
        "comments": [
            (
                "h-app",
                "ola.hansen@example.com",
                2,
                "Veldig bra! I fjor ringte jeg tre ganger før jeg fant riktig nummer.",
            ),
            (
                "h-app",
                "coordinator",
                4,
                "Takk, Kari! Vi har sendt ideen til fagleder for vann og avløp, som "
                "ser på hvordan en melding i appen kan gå rett til vaktordningen.",
            ),
            (
                "h-app",
                "astrid.bakken@example.com",
                6,
                "Kanskje appen også kan vise hvilke lekkasjer som "
                "allerede er meldt? Da slipper vi å melde det samme mange ganger.",
            ),
            (
                "h-app",
                "citizen@example.com",
                7,
                "God tanke, Astrid! Da ser man også at kommunen faktisk gjør noe med det.",
            ),
            (
                "h-toilets",
                "per.olsen@example.com",
                7,
                "Fargetabletter virker! Vi fant to rennende toaletter i borettslaget vårt på den måten.",
            ),
            (
                "h-toilets",
                "coordinator",
                8,
                "Vi undersøker om frivilligsentralen kan dele ut tabletter på "
                "biblioteket og servicetorget i vinter.",
            ),
            (
                "h-meters",
                "coordinator",
                5,
                "Har du selv erfaring med slike målere, Ola? Vi vil gjerne høre hvordan varslene fungerte.",
            ),
            (
                "h-meters",
                "ola.hansen@example.com",
                6,
                "Ja, hytta vår har en måler som sender SMS. Den varslet "
                "da et rør sprakk i fjor vinter – det sparte oss for mye.",
            ),
            (
                "h-drone",
                "mohammed.ali@example.com",
                8,
                "Kan man ikke bruke lyttesensorer i stedet? Det har visst Fredrikstad prøvd.",
            ),
            ("h-wardens", "citizen@example.com", 9, "Jeg melder meg gjerne som vannvokter i Tistedal!"),
            (
                "h-wardens",
                "per.olsen@example.com",
                10,
                "Dette er bare enda et forsøk på å få gratis arbeidskraft. Betal folk for jobben!",
                {
                    "reported": (
                        "mohammed.ali@example.com",
                        "Usaklig. De som vil være frivillige, gjør det fordi de vil – ingen blir tvunget.",
                    )
                },
            ),
            (
                "h-bonus",
                "terje.moen@example.com",
                10,
                "Typisk Halden kommune. Folkene på teknisk er noen "
                "udugelige idioter som ikke finner en lekkasje om de står midt i den.",
                {
                    "hidden": "Skjult fordi kommentaren går på personer og ikke på saken. Kritikk av "
                    "kommunens arbeid er velkommen, men hold en saklig tone – se retningslinjene for åpne "
                    "utlysninger."
                },
            ),
            (
                "h-bonus",
                "ola.hansen@example.com",
                11,
                "Belønning eller ikke: det viktigste er å få vite hva som skjedde med meldingen.",
            ),
            (
                "h-live",
                "astrid.bakken@example.com",
                13,
                "Enig! Gjerne med en graf som viser utviklingen år for år.",
            ),
        ],
        "promote": {
            "idea": "h-app",
            "lead": "lead@halden.example",
            "visibility": "public",
            "summary": "Innbyggerne skal kunne melde synlige vannlekkasjer med bilde og posisjon i "
            "kommunens app. Meldingen går rett til vaktordningen i vann og avløp, og innbyggeren kan følge "
            "saken til lekkasjen er tettet. Ideen kom fra den åpne utlysningen om mindre vannlekkasje.",
            "expected_benefits": "Kortere tid fra en lekkasje blir sett til den er reparert, færre "
            "dobbeltmeldinger og bedre dialog med innbyggerne.",
        },
        "evaluation": {
            # Ideas the coordinator and the expert have scored; the rest are still to do.
            "coordinator": ["h-app", "h-toilets", "h-meters", "h-drone", "h-wardens"],
            "expert": ["h-app", "h-toilets", "h-meters", "h-drone"],
            "invited_day": 12,
        },
    },
    {
        "key": "eskilstuna-school-routes",
        "organisation": "eskilstuna",
        "programme": "eskilstuna",
        "area": "mobility",
        "lang": "sv",
        "title": "Tryggare skolvägar i Eskilstuna",
        "description": "Allt fler barn skjutsas till skolan med bil, och trafiken runt skolorna blir då "
        "mer otrygg för dem som går eller cyklar. Hur kan vi tillsammans med elever, föräldrar och grannar "
        "göra skolvägarna så trygga att fler barn kan ta sig till skolan på egen hand?",
        "evidence": "Resvaneundersökningen 2025 bland elever i årskurs 4–6: 38 % skjutsas med bil minst tre "
        "dagar i veckan. Föräldrarna anger trafiken vid lämning som det främsta skälet.",
        "invitation": "Har du barn i skolan, går du förbi en skola varje morgon eller har du en idé om hur "
        "barn kan ta sig tryggt till skolan? Skicka in din idé! Stadsbyggnadsförvaltningen läser alla idéer, "
        "och du får ett svar med motivering på idéns sida.",
        "ideas": [
            {
                "key": "e-walkingbus",
                "author": "anna.svensson@example.com",
                "day": 1,
                "title": "Gående skolbuss med föräldrar som turas om",
                "description": "Föräldrar turas om att gå med en grupp barn längs en fast rutt med "
                "”hållplatser”. Barnen får röra på sig, och det blir färre bilar vid skolan.",
                "supporters": 3,
                "quality": 4,
                "changes": [
                    (
                        "under_review",
                        6,
                        "Vi undersöker idén tillsammans med skolorna och föräldraföreningarna.",
                    ),
                ],
            },
            {
                "key": "e-schoolstreet",
                "author": "erik.johansson@example.com",
                "day": 2,
                "title": "Skolgata: stäng gatan utanför skolan vid lämning och hämtning",
                "description": "Stäng gatan närmast skolan för biltrafik en halvtimme på morgonen och "
                "eftermiddagen. Det görs i London och Malmö, och barnen får en trygg sista bit till skolan.",
                "supporters": 4,
                "quality": 5,
                "changes": [
                    (
                        "under_review",
                        5,
                        "Trafikenheten utreder var skolgator kan prövas och vilka lokala "
                        "trafikföreskrifter som behövs.",
                    ),
                    ("promote", 13, ""),
                ],
            },
            {
                "key": "e-mapping",
                "author": "yasmin.ahmed@example.com",
                "day": 3,
                "title": "Låt eleverna kartlägga otrygga platser på skolvägen",
                "description": "Eleverna vet bäst var det känns otryggt. Låt varje klass rita in farliga "
                "korsningar och mörka passager på en karta, och låt kommunen svara på vad som ska åtgärdas.",
                "supporters": 3,
                "quality": 4,
                "changes": [
                    ("under_review", 7, "Vi pratar med elevråden om hur en kartläggning kan gå till."),
                    (
                        "selected",
                        11,
                        "Idén är vald: elevråden på tre skolor kartlägger otrygga platser i vår, och "
                        "resultatet används i kommunens trafiksäkerhetsarbete.",
                    ),
                ],
            },
            {
                "key": "e-lighting",
                "author": "gunnar.persson@example.com",
                "day": 5,
                "title": "Bättre belysning på gång- och cykelvägen genom skogen vid Årby",
                "description": "Vägen är mörk från november till februari, och många barn väljer att bli "
                "skjutsade i stället. Fler lampor skulle göra stor skillnad.",
                "supporters": 2,
                "quality": 3,
                "changes": [
                    (
                        "parked",
                        12,
                        "Belysningen på sträckan finns med i gatukontorets belysningsplan för 2027. Vi "
                        "parkerar idén tills budgeten är beslutad och återkommer här.",
                    ),
                ],
            },
            {
                "key": "e-app",
                "author": "lena.karlsson@example.com",
                "day": 6,
                "title": "Ny app där föräldrar rapporterar farliga korsningar",
                "description": "En egen app för skolvägar där föräldrar kan markera farliga platser och "
                "se vad andra har rapporterat.",
                "supporters": 1,
                "quality": 2,
                "changes": [
                    (
                        "rejected",
                        10,
                        "Det finns redan felanmälan i kommunens app och på webben, och vi vill inte bygga "
                        "en ny app för samma sak. Vi gör i stället farliga korsningar till en egen kategori "
                        "i felanmälan.",
                    ),
                ],
            },
            {
                "key": "e-cycling",
                "author": "anna.svensson@example.com",
                "day": 11,
                "title": "Cykelskola för alla fjärdeklassare",
                "description": "En vecka med cykelträning på skolgården och en guidad tur längs skolvägen, "
                "så att barnen känner sig säkra i trafiken.",
                "supporters": 2,
                "quality": 4,
                "changes": [],
            },
        ],
        "comments": [
            (
                "e-walkingbus",
                "lena.karlsson@example.com",
                3,
                "Vi har provat det på vår skola – det fungerade "
                "bra så länge det fanns ett schema för föräldrarna.",
            ),
            (
                "e-walkingbus",
                "coordinator",
                5,
                "Tack för idén! Vi undersöker om skolorna kan hjälpa till "
                "med schemat och om det kan kopplas till skolornas trafikveckor.",
            ),
            (
                "e-schoolstreet",
                "gunnar.persson@example.com",
                4,
                "Bra, men tänk på oss som bor på gatan – vi måste kunna ta oss ut med bilen.",
            ),
            (
                "e-schoolstreet",
                "coordinator",
                6,
                "Viktig synpunkt! En skolgata stängs bara en halvtimme "
                "morgon och eftermiddag, och boende kan få dispens. De boende bjuds in innan något prövas.",
            ),
            (
                "e-schoolstreet",
                "yasmin.ahmed@example.com",
                7,
                "Mina barn går i skolan i Fröslunda och vill gärna vara med och testa.",
            ),
            ("e-mapping", "erik.johansson@example.com", 6, "Barnen vet bäst var det känns otryggt. Toppen!"),
            (
                "e-app",
                "anna.svensson@example.com",
                8,
                "Det finns ju redan felanmälan i kommunens app – räcker inte den?",
            ),
            (
                "e-lighting",
                "lena.karlsson@example.com",
                9,
                "Håller med, det är mörkt som i en säck där på vintern.",
            ),
        ],
        "promote": {
            "idea": "e-schoolstreet",
            "lead": "oskar.bergqvist@eskilstuna.example",
            "visibility": "private",
            "summary": "Pröva skolgator – gator som stängs för biltrafik en halvtimme vid lämning och "
            "hämtning – vid tre skolor under vårterminen, tillsammans med elever, föräldrar och boende. "
            "Idén kom från den öppna utlysningen om tryggare skolvägar.",
            "expected_benefits": "Färre bilar vid skolorna, tryggare skolvägar och fler barn som går eller "
            "cyklar till skolan.",
        },
    },
]

# Comments on scores in the evaluation round (Norwegian): criterion order -> (when high, when low).
SCORE_COMMENTS = {
    0: ("Løser et problem innbyggerne selv har pekt på.", "Uklart hvem som får nytte av dette i praksis."),
    1: ("Kan gi merkbart mindre vanntap.", "Liten effekt på vanntapet i det offentlige nettet."),
    2: ("Kan prøves ut med systemer vi allerede har.", "Krever utstyr og kompetanse vi ikke har i dag."),
    3: (
        "Passer rett inn i målet om å halvere vanntapet.",
        "Ligger på siden av hovedplanen for vann og avløp.",
    ),
    4: ("Lav kostnad å prøve ut i liten skala.", "Kostbart i full skala; bør prøves i én sone først."),
}
# The expert's own remark on feasibility, by idea.
EXPERT_NOTES = {
    "h-app": "Tilsvarende meldetjenester i svenske kommuner har kortet tiden fra observasjon til reparasjon "
    "med flere dager. Koble meldingen direkte til driftssystemet, ikke til en e-postkasse.",
    "h-toilets": "Husholdningslekkasjer er en liten del av totalen, men kampanjen er billig og gir "
    "bevissthet. Mål effekten med nattforbruket i sonene.",
    "h-meters": "Smarte målere gir gode data, men personvern og lagringstid må avklares før det varsles "
    "per husstand.",
    "h-drone": "Termografi fra drone fungerer dårlig på dype ledninger; akustiske loggere er et tryggere "
    "førstevalg.",
}
