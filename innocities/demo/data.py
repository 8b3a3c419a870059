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
    ("narvik", "arctic-logistics", {"en": "Arctic logistics", "sv": "Arktisk logistik", "nb": "Arktisk logistikk"}),
    ("eskilstuna", "circular-economy",
     {"en": "Circular economy", "sv": "Cirkulär ekonomi", "nb": "Sirkulær økonomi"}),
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
    "peter.holmgren@eskilstuna.example": ("Peter Holmgren", "Förvaltningschef, vård- och omsorgsförvaltningen"),
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
    ("staff@innocities.example", "Platform staff (superuser) for the Django admin"),
]
STAFF_EMAIL = "staff@innocities.example"
OPERATOR_EMAIL = "operator@innocities.example"
HALDEN_PARTNER_EMAIL = "partner@halden.example"

# How much more often someone is picked as lead or team member than the others of their organisation.
LEAD_WEIGHT = {"lead@halden.example": 4}
MEMBER_WEIGHT = {"member@halden.example": 2}

# --- organisations ---------------------------------------------------------------------------------
# The first member is the administrator create_organisation makes. Goals: (title, description, areas).

ORGANISATIONS = [
    {
        "slug": "halden", "name": "Halden kommune", "kind": "municipality", "country": "NO", "code": "3101",
        "region": "Østfold fylkeskommune",
        "description": "Grensekommune i Østfold med om lag 32 000 innbyggere, ved Iddefjorden og Tista.",
        "members": [
            ("admin@halden.example", "admin"), ("coordinator@halden.example", "coordinator"),
            ("lead@halden.example", "project_lead"), ("henrik.aas@halden.example", "project_lead"),
            ("camilla.strand@halden.example", "project_lead"), ("member@halden.example", "member"),
            ("ole.martin.lie@halden.example", "member"), ("nina.pettersen@halden.example", "member"),
            ("leader@halden.example", "leadership"), ("randi.skaug@halden.example", "leadership"),
            ("knut.aasheim@halden.example", "leadership"), ("partner@halden.example", "partner"),
            ("jonas.eriksen@smartinnovation.example", "partner"), ("eva.nilsen@frivilligsentral.example", "partner"),
        ],
        "goals": [
            ("Klimanøytral kommune 2030", "Kommunens egen virksomhet skal være klimanøytral innen 2030, "
             "med fossilfri bygg- og anleggsdrift og utslippsfri kjøretøypark.", ["energy", "mobility", "buildings"]),
            ("Trygg og god eldreomsorg", "Flere eldre skal kunne bo trygt hjemme lenger, med tjenester som "
             "bygger på mestring og velferdsteknologi.", ["health"]),
            ("Bærekraftig vann- og avløpsforvaltning", "Halvere vanntapet i ledningsnettet og ruste Tista-"
             "vassdraget og avløpsnettet for mer ekstremvær.", ["water"]),
            ("Enklere hverdag med digitale tjenester", "Innbyggere og næringsliv skal få svar raskt og kunne "
             "bruke kommunens tjenester digitalt når de vil.", ["public-services"]),
        ],
    },
    {
        "slug": "sarpsborg", "name": "Sarpsborg kommune", "kind": "municipality", "country": "NO", "code": "3105",
        "region": "Østfold fylkeskommune",
        "description": "Industri- og handelsby ved Glomma med om lag 59 000 innbyggere.",
        "members": [
            ("hanne.moen@sarpsborg.example", "admin"), ("even.kristiansen@sarpsborg.example", "coordinator"),
            ("silje.hagen@sarpsborg.example", "project_lead"), ("morten.olsen@sarpsborg.example", "project_lead"),
            ("aud.jacobsen@sarpsborg.example", "member"), ("petter.svendsen@sarpsborg.example", "member"),
            ("randi.aasland@sarpsborg.example", "leadership"), ("geir.bakke@sarpsborg.example", "leadership"),
            ("tove.lie@sarpsborg.example", "leadership"), ("thomas.lund@sintef.example", "partner"),
            ("guro.wold@pensjonistforbundet.example", "partner"),
        ],
        "goals": [
            ("Halvere klimagassutslippene innen 2030", "Kutte de direkte utslippene fra kommunens virksomhet "
             "med minst 50 % fra 2015-nivå.", ["energy", "buildings", "mobility"]),
            ("Mestring og livskvalitet for alle innbyggere", "Tjenestene skal bygge opp under innbyggernes egne "
             "ressurser og forebygge framfor å reparere.", ["health"]),
            ("Robust infrastruktur i et endret klima", "Vann-, avløps- og overvannssystemene skal tåle mer "
             "nedbør og lengre tørkeperioder.", ["water"]),
            ("Raskere og bedre saksbehandling", "Digitale og automatiserte prosesser skal gi innbyggerne svar "
             "raskere.", ["public-services"]),
        ],
    },
    {
        "slug": "fredrikstad", "name": "Fredrikstad kommune", "kind": "municipality", "country": "NO",
        "code": "3107", "region": "Østfold fylkeskommune",
        "description": "Østfolds største kommune, ved utløpet av Glomma.",
        "members": [
            ("per.martinsen@fredrikstad.example", "admin"), ("line.haugen@fredrikstad.example", "coordinator"),
            ("kjetil.sorensen@fredrikstad.example", "project_lead"), ("maja.evensen@fredrikstad.example", "member"),
            ("anne.grete.holm@fredrikstad.example", "leadership"), ("ingvild.moe@niva.example", "partner"),
        ],
        "goals": [
            ("Fossilfri kommune 2030", "All kommunal drift skal være fossilfri innen 2030.",
             ["energy", "mobility", "buildings"]),
            ("Klimatilpasning langs Glomma og kysten", "Bygge robust overvanns- og flomsikring der klimaendringene "
             "rammer hardest.", ["water"]),
            ("Levende byliv og grønn mobilitet", "Flere reiser skal skje til fots, på sykkel og med kollektiv.",
             ["mobility"]),
        ],
    },
    {
        "slug": "moss", "name": "Moss kommune", "kind": "municipality", "country": "NO", "code": "3103",
        "region": "Østfold fylkeskommune",
        "description": "Kystkommune ved Oslofjorden med ferjeforbindelse til Horten.",
        "members": [
            ("trond.eide@moss.example", "admin"), ("marianne.dahl@moss.example", "coordinator"),
            ("espen.strand@moss.example", "project_lead"), ("hege.solberg@moss.example", "leadership"),
            ("sindre.bakken@nmbu.example", "partner"),
        ],
        "goals": [
            ("Klimanøytral kommune 2030", "Kommunen skal kutte egne utslipp og bruke innkjøpsmakten til å "
             "drive fram utslippsfrie løsninger.", ["energy", "mobility", "buildings"]),
            ("Bærekraftige kommunale bygg", "Nye og rehabiliterte bygg skal ha lave utslipp gjennom hele "
             "livsløpet.", ["buildings"]),
        ],
    },
    {
        "slug": "narvik", "name": "Narvik kommune", "kind": "municipality", "country": "NO", "code": "1806",
        "region": "Nordland fylkeskommune",
        "description": "Arktisk logistikknutepunkt ved Ofotfjorden, med isfri havn og malmbanen til Kiruna.",
        "members": [
            ("rune.pedersen@narvik.example", "admin"), ("siri.johansen@narvik.example", "coordinator"),
            ("hakon.nilsen@narvik.example", "project_lead"), ("ida.karlsen@narvik.example", "project_lead"),
            ("magnus.eliassen@narvik.example", "project_lead"), ("linn.isaksen@narvik.example", "member"),
            ("eirik.mathisen@narvik.example", "leadership"), ("hilde.berg@narvik.example", "leadership"),
            ("kristoffer.haug@uit.example", "partner"), ("mari.jakobsen@hlk.example", "partner"),
            ("vegard.hansen@narvikhavn.example", "partner"),
        ],
        "goals": [
            ("Grønn industri- og logistikkhub i nord", "Narvik skal være et foretrukket, utslippsfritt "
             "knutepunkt for gods mellom hav, bane og vei.", ["arctic-logistics", "energy"]),
            ("Gode tjenester i hele kommunen", "Innbyggerne i bygdene skal ha like god tilgang til helse- og "
             "omsorgstjenester som i sentrum.", ["health", "public-services"]),
            ("Utslippsfri kommunal drift 2030", "Kommunens kjøretøy, maskiner og bygg skal være utslippsfrie "
             "innen 2030.", ["energy", "mobility"]),
        ],
    },
    {
        "slug": "bodo", "name": "Bodø kommune", "kind": "municipality", "country": "NO", "code": "1804",
        "region": "Nordland fylkeskommune",
        "description": "Nordlands største by og europeisk kulturhovedstad 2024.",
        "members": [
            ("gunnar.aune@bodo.example", "admin"), ("elin.sivertsen@bodo.example", "coordinator"),
            ("petter.nordvik@bodo.example", "leadership"),
        ],
        "goals": [
            ("Smart og bærekraftig by", "Data og ny teknologi skal gi bedre tjenester og lavere utslipp.",
             ["energy", "mobility", "public-services"]),
            ("Trygg eldreomsorg i distriktene", "Eldre i hele kommunen skal få trygge tjenester der de bor.",
             ["health"]),
        ],
    },
    {
        "slug": "eskilstuna", "name": "Eskilstuna kommun", "kind": "municipality", "country": "SE", "code": "0484",
        "region": "Region Sörmland",
        "description": "Industristad vid Mälaren med drygt 107 000 invånare och världens första "
                       "återbruksgalleria.",
        "members": [
            ("johan.eriksson@eskilstuna.example", "admin"), ("coordinator@eskilstuna.example", "coordinator"),
            ("karin.nystrom@eskilstuna.example", "project_lead"),
            ("oskar.bergqvist@eskilstuna.example", "project_lead"),
            ("fatima.hassan@eskilstuna.example", "project_lead"), ("emil.sjoberg@eskilstuna.example", "member"),
            ("lena.aberg@eskilstuna.example", "leadership"), ("peter.holmgren@eskilstuna.example", "leadership"),
            ("annika.rosen@eskilstuna.example", "leadership"), ("sara.wikstrom@mdu.example", "partner"),
            ("ahmed.yusuf@ri.example", "partner"), ("birgitta.holm@pro.example", "partner"),
        ],
        "goals": [
            ("Fossilfri kommunal verksamhet 2030", "Kommunkoncernens transporter, fastigheter och "
             "energiförsörjning ska vara fossilfria 2030.", ["energy", "mobility", "buildings"]),
            ("Trygg och jämlik äldreomsorg", "Äldre ska kunna leva ett självständigt liv med trygghet, "
             "oavsett var i kommunen de bor.", ["health"]),
            ("Ledande inom cirkulär ekonomi", "Resurser ska användas om och om igen, i kommunens verksamheter "
             "och i samarbete med näringslivet.", ["circular-economy"]),
            ("Enkel och tillgänglig service", "Invånare och företag ska få snabb och begriplig service, "
             "digitalt och på plats.", ["public-services"]),
        ],
    },
    {
        "slug": "vasteras", "name": "Västerås stad", "kind": "municipality", "country": "SE", "code": "1980",
        "region": "Region Västmanland",
        "description": "Mälardalens största stad, med stark energi- och industrisektor.",
        "members": [
            ("anna.forsberg@vasteras.example", "admin"), ("mikael.lundgren@vasteras.example", "coordinator"),
            ("elin.engstrom@vasteras.example", "project_lead"), ("karl.wester@vasteras.example", "leadership"),
            ("johanna.berglund@mdu.example", "partner"),
        ],
        "goals": [
            ("Klimatpositiv stad 2030", "Staden ska ta bort mer växthusgaser än den släpper ut.",
             ["energy", "mobility", "buildings"]),
            ("En jämlik och hälsosam stad", "Skillnaderna i hälsa mellan stadsdelarna ska minska.", ["health"]),
        ],
    },
    {
        "slug": "strangnas", "name": "Strängnäs kommun", "kind": "municipality", "country": "SE", "code": "0486",
        "region": "Region Sörmland",
        "description": "Växande kommun vid Mälaren med stark befolkningsökning.",
        "members": [
            ("henrik.dahlberg@strangnas.example", "admin"), ("sofia.ek@strangnas.example", "coordinator"),
            ("jonas.blom@strangnas.example", "project_lead"), ("niklas.strom@ri.example", "partner"),
        ],
        "goals": [
            ("Hållbar tillväxt vid Mälaren", "Kommunen ska växa utan att äventyra vattenkvaliteten i Mälaren.",
             ["water", "buildings"]),
            ("Trygg omsorg i hela kommunen", "Omsorgen ska vara trygg och nära, även på landsbygden.", ["health"]),
        ],
    },
    {
        "slug": "orebro", "name": "Örebro kommun", "kind": "municipality", "country": "SE", "code": "1880",
        "region": "Region Örebro län",
        "description": "Sveriges sjunde största kommun, med universitet och logistiknav.",
        "members": [
            ("helena.nord@orebro.example", "admin"), ("daniel.axelsson@orebro.example", "coordinator"),
            ("amira.karimi@orebro.example", "project_lead"), ("lina.ekstrom@oru.example", "partner"),
        ],
        "goals": [
            ("Klimatneutral organisation 2030", "Kommunkoncernen ska vara klimatneutral 2030.",
             ["energy", "mobility", "buildings"]),
            ("Digitalt först i kommunens service", "Digitala tjänster ska vara förstahandsvalet för invånarna.",
             ["public-services"]),
            ("Rent vatten för kommande generationer", "Vattenförsörjningen ska vara säker och resurssnål.",
             ["water"]),
        ],
    },
    {
        "slug": "nykoping", "name": "Nyköpings kommun", "kind": "municipality", "country": "SE", "code": "0480",
        "region": "Region Sörmland",
        "description": "Residensstad i Sörmland vid Östersjökusten.",
        "members": [
            ("gustav.lindh@nykoping.example", "admin"), ("malin.sundberg@nykoping.example", "coordinator"),
            ("patrik.oberg@nykoping.example", "project_lead"),
        ],
        "goals": [
            ("Fossilfri kommun 2035", "Kommunen ska vara fossilfri som geografiskt område 2035.",
             ["energy", "mobility"]),
            ("Rent vatten och hållbar VA-försörjning", "Östersjön och kommunens sjöar ska ha god vattenstatus.",
             ["water", "buildings"]),
        ],
    },
    {
        "slug": "borg-havn", "name": "Borg Havn IKS", "kind": "port", "country": "NO", "code": None,
        "region": "Østfold fylkeskommune",
        "description": "Interkommunal havn for Fredrikstad og Hvaler ved Glommas utløp, med container- og "
                       "bulkterminaler.",
        "members": [
            ("jan.petter.lunde@borghavn.example", "admin"), ("kristin.brathen@borghavn.example", "project_lead"),
            ("roy.andersen@borghavn.example", "leadership"), ("oystein.kvam@sintef.example", "partner"),
        ],
        "goals": [
            ("Utslippsfri havn 2030", "Havneoperasjonene og skip ved kai skal være utslippsfrie innen 2030.",
             ["energy", "mobility"]),
            ("Effektiv og sikker godshåndtering", "Godset skal flyte raskt mellom sjø, bane og vei.",
             ["mobility", "water"]),
        ],
    },
    {
        "slug": "narvikhavn", "name": "Narvikhavn KF", "kind": "port", "country": "NO", "code": None,
        "region": "Nordland fylkeskommune",
        "description": "Kommunalt foretak som driver den isfrie havna i Narvik (Port of Narvik).",
        "members": [
            ("tone.larsen@narvikhavn.example", "admin"), ("vegard.hansen@narvikhavn.example", "leadership"),
        ],
        "goals": [
            ("Grønn korridor for arktisk logistikk", "Utvikle utslippsfrie transportkjeder mellom Ofotbanen og "
             "sjøen.", ["arctic-logistics"]),
            ("Utslippsfrie havneoperasjoner", "Landstrøm og elektriske maskiner i hele havna.", ["energy"]),
        ],
    },
    {
        "slug": "eskilstuna-energi", "name": "Eskilstuna Energi och Miljö", "kind": "energy", "country": "SE",
        "code": None, "region": "Region Sörmland",
        "description": "Kommunägt bolag för el, fjärrvärme, vatten, avlopp och avfall i Eskilstuna.",
        "members": [
            ("bjorn.ahlgren@eem.example", "admin"), ("therese.wallin@eem.example", "project_lead"),
            ("ulf.persson@eem.example", "leadership"), ("asa.lind@ri.example", "partner"),
        ],
        "goals": [
            ("Fossilfri energiproduktion 2030", "All fjärrvärme och el som bolaget producerar ska vara fossilfri.",
             ["energy"]),
            ("Cirkulära resursflöden", "Vatten, näring och material ska tas tillvara i kretsloppet.",
             ["water"]),
        ],
    },
    {
        "slug": "halogaland-kraft", "name": "Hålogaland Kraft", "kind": "energy", "country": "NO", "code": None,
        "region": "Nordland fylkeskommune",
        "description": "Regionalt kraft- og nettselskap i Ofoten og Sør-Troms.",
        "members": [
            ("stian.olsen@hlk.example", "admin"), ("mari.jakobsen@hlk.example", "project_lead"),
        ],
        "goals": [
            ("Fornybar kraft for ny industri i nord", "Sikre nok fornybar kraft og nettkapasitet for grønn "
             "industri i regionen.", ["energy"]),
            ("Smart og robust strømnett", "Bruke data og fleksibilitet for å få mer ut av dagens nett.",
             ["energy"]),
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
    "members": ["halden", "sarpsborg", "fredrikstad", "moss", "borg-havn", "eskilstuna", "vasteras", "strangnas",
                "orebro", "nykoping", "eskilstuna-energi"],
}

# Who runs the cluster programme's projects: one entry per project, shuffled at load.
CLUSTER_PROJECT_ORGS = [
    "borg-havn", "borg-havn", "borg-havn", "fredrikstad", "fredrikstad", "fredrikstad", "moss", "moss",
    "vasteras", "vasteras", "vasteras", "eskilstuna-energi", "eskilstuna-energi", "orebro", "orebro",
    "strangnas", "nykoping", "halden", "sarpsborg", "eskilstuna",
]

# --- programmes ------------------------------------------------------------------------------------

PROGRAMMES = [
    {
        "key": "halden", "slug": "innocities-halden", "name": "InnoCities Halden 2024–2026",
        "organisation": "halden", "method": "innocities", "lang": "nb",
        "starts_on": date(2024, 1, 1), "ends_on": date(2026, 12, 31), "projects": 34, "promoted": 5,
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
            (date(2024, 12, 10),
             "Første programår har gitt god forankring i kommunedirektørens ledergruppe og en portefølje som dekker "
             "alle fokusområdene. Målet om seks piloter på seks måneder ble nådd i august, to måneder for sent. "
             "Helse og energi har flest prosjekter; vann og avløp kom senere i gang. Samarbeidet med Høgskolen i "
             "Østfold har gitt bedre gevinstberegninger.",
             "Programmet videreføres i 2025 med uendret ramme. Vann og avløp prioriteres ved neste utlysning. "
             "SDG-vurdering gjennomføres ved alle porter fra og med gate 2."),
            (date(2025, 12, 9),
             "Andre programår: flere prosjekter er i pilotfase, og de første løsningene er overført til drift i "
             "hjemmetjenesten og eiendom. Styringsgruppen har stoppet prosjekter som ikke viste effekt, og "
             "begrunnelsene er delt med de ansatte. Porteføljen heller mot forbedringsinnovasjon; det er få "
             "utforskende prosjekter.",
             "Minst ett nytt utforskende (antisiperende) prosjekt skal startes i 2026. Gevinstrealisering følges "
             "opp i tertialrapportene. Erfaringer deles i Østfold–Mälardalen-klyngen."),
        ],
    },
    {
        "key": "sarpsborg", "slug": "innovasjonsprogram-sarpsborg", "name": "Innovasjonsprogram Sarpsborg 2025–2027",
        "organisation": "sarpsborg", "method": "innocities", "lang": "nb",
        "starts_on": date(2025, 1, 1), "ends_on": date(2027, 12, 31), "projects": 18, "promoted": 2,
        "description": "Sarpsborgs innovasjonsprogram bygger på erfaringene fra Halden og konsentrerer seg om "
                       "energi i formålsbygg, helse og omsorg og overvann.",
        "focus": ["energy", "health", "buildings", "water", "public-services"],
        "coordinators": ["even.kristiansen@sarpsborg.example"],
        "steering": ["randi.aasland@sarpsborg.example", "geir.bakke@sarpsborg.example", "tove.lie@sarpsborg.example"],
        "targets": [
            ("Seks piloter på seks måneder", date(2025, 6, 30)),
            ("Tre prosjekter med ekstern finansiering", date(2026, 12, 31)),
            ("Halvert saksbehandlingstid for enkle byggesaker", date(2027, 6, 30)),
        ],
        "evaluations": [
            (date(2025, 12, 4),
             "Første år har gitt en bred portefølje og god deltakelse fra enhetene. Energiprosjektene har kommet "
             "raskest i gang takket være Enova-støtte; helseprosjektene trenger mer tid til innsikt. "
             "Innbyggerpanelet har bidratt i tre prosjekter.",
             "Programmet fortsetter i 2026. Styringsgruppen ber om tydeligere gevinstkart før gate 3 og om at "
             "Pensjonistforbundet inviteres inn i flere helseprosjekter."),
        ],
    },
    {
        "key": "narvik", "slug": "innovasjonsprogram-narvik", "name": "Innovasjonsprogram Narvik 2023–2026",
        "organisation": "narvik", "method": "innocities", "lang": "nb",
        "starts_on": date(2023, 6, 1), "ends_on": date(2026, 12, 31), "projects": 22, "promoted": 2,
        "description": "Narviks program for grønn omstilling og gode tjenester i en arktisk kommune, med særlig "
                       "vekt på logistikk mellom havn, bane og vei.",
        "focus": ["energy", "mobility", "health", "public-services", "arctic-logistics"],
        "coordinators": ["siri.johansen@narvik.example"],
        "steering": ["eirik.mathisen@narvik.example", "hilde.berg@narvik.example", "vegard.hansen@narvikhavn.example"],
        "targets": [
            ("Tre piloter innen arktisk logistikk", date(2024, 12, 31)),
            ("Minst to prosjekter med støtte fra Enova eller Innovasjon Norge", date(2025, 12, 31)),
            ("Landstrøm i drift ved Narvik havn", date(2026, 6, 30)),
        ],
        "evaluations": [
            (date(2024, 6, 12),
             "Det første året har vist at samarbeidet med Narvikhavn, Hålogaland Kraft og UiT gir prosjekter med "
             "stor regional betydning. Helseprosjektene i distriktet har gitt gode resultater med enkle midler.",
             "Logistikkprosjektene får egen oppfølging i styringsgruppen. Søknad til Enova om landstrøm prioriteres."),
            (date(2025, 6, 11),
             "Flere løsninger er tatt i bruk i drift, og to er delt med andre kommuner i Nordland. Kapasiteten i "
             "teknisk drift er en flaskehals for nye piloter.",
             "Programmet forlenges ut 2026. Teknisk drift får en egen innovasjonsressurs i 50 % stilling."),
        ],
    },
    {
        "key": "eskilstuna", "slug": "innovationsprogram-eskilstuna",
        "name": "Innovationsprogram Eskilstuna 2025–2027",
        "organisation": "eskilstuna", "method": "innovationsguiden", "lang": "sv",
        "starts_on": date(2025, 1, 1), "ends_on": date(2027, 12, 31), "projects": 26, "promoted": 4,
        "description": "Eskilstunas innovationsprogram arbetar enligt Innovationsguiden: vi ringar in "
                       "utmaningar, undersöker behoven tillsammans med invånarna och testar idéer innan vi "
                       "förverkligar dem.",
        "focus": ["energy", "mobility", "health", "buildings", "public-services", "circular-economy"],
        "coordinators": ["coordinator@eskilstuna.example"],
        "steering": ["lena.aberg@eskilstuna.example", "peter.holmgren@eskilstuna.example",
                     "annika.rosen@eskilstuna.example"],
        "targets": [
            ("Sex piloter på sex månader", date(2025, 6, 30)),
            ("Alla förvaltningar har minst ett projekt", date(2026, 6, 30)),
            ("Fem lösningar överlämnade till ordinarie verksamhet", date(2027, 12, 31)),
        ],
        "evaluations": [
            (date(2025, 12, 16),
             "Första året har gett en bred portfölj med tydlig koppling till målen om fossilfrihet, trygg "
             "äldreomsorg och cirkulär ekonomi. Insiktsfasen har tagit längre tid än planerat men gett bättre "
             "underlag. Samarbetet med Mälardalens universitet och PRO har fördjupat brukarperspektivet.",
             "Programmet fortsätter 2026. Vård- och omsorgsförvaltningen får stöd av en tjänstedesigner. "
             "Erfarenheterna från Innovationsguiden delas i klustret."),
        ],
    },
    {
        "key": "cluster", "slug": "innocities-cluster-2025", "network": True,
        "name": "InnoCities cluster programme Østfold–Mälardalen 2025–2027",
        "method": "innocities", "lang": "en",
        "starts_on": date(2025, 3, 1), "ends_on": date(2027, 12, 31), "projects": 20, "promoted": 2,
        "description": "The cluster's shared programme: members bring projects on needs they have in common — "
                       "shore power, smart water networks, energy in public buildings and zero-emission work "
                       "vehicles — and decide at the gates together.",
        "focus": ["energy", "mobility", "water", "buildings"],
        "coordinators": ["operator@innocities.example", "line.haugen@fredrikstad.example"],
        "steering": ["leader@halden.example", "lena.aberg@eskilstuna.example", "roy.andersen@borghavn.example",
                     "ulf.persson@eem.example", "anne.grete.holm@fredrikstad.example"],
        "targets": [
            ("One joint Horizon Europe application", date(2026, 3, 31)),
            ("Three shared pilots across the Norwegian–Swedish border", date(2026, 6, 30)),
            ("Results of every implemented project shared at the annual network conference", date(2027, 11, 30)),
        ],
        "evaluations": [
            (date(2026, 3, 5),
             "The first year of the cluster brought eleven members together around shared needs. Shore power and "
             "water leakage gave the strongest joint work; Norwegian and Swedish members use different funding "
             "routes, which slows joint pilots. The steering group met six times.",
             "Keep the programme's four focus areas. Prepare a joint Horizon Europe application on water networks. "
             "Hold the network conference in Eskilstuna in November 2026."),
        ],
    },
]

# Projects by final phase and status: (phase order, status, how many). 120 in all.
PROJECT_MIX = [
    (1, "active", 14), (1, "on_hold", 3), (1, "stopped", 2),
    (2, "active", 16), (2, "on_hold", 3), (2, "stopped", 4),
    (3, "active", 16), (3, "on_hold", 3), (3, "stopped", 4),
    (4, "active", 15), (4, "on_hold", 2), (4, "stopped", 4),
    (5, "active", 12), (5, "on_hold", 1), (5, "stopped", 2),
    (6, "implemented", 12), (6, "scaled", 7),
]
PUBLIC_PROJECTS = 20

# --- challenges ------------------------------------------------------------------------------------
# programme key -> [(organisation slug, area, status, visibility, title, description, evidence)]

CHALLENGES = {
    "halden": [
        ("halden", "health", "open", "public", "Flere eldre skal kunne bo trygt hjemme lenger",
         "Antallet innbyggere over 80 år vil øke kraftig fram mot 2040, mens antallet i arbeidsfør alder står "
         "stille. Hvordan kan vi gi trygghet og mestring hjemme uten å øke bemanningen tilsvarende?",
         "Befolkningsframskrivinger fra SSB, ventelister til sykehjemsplass og intervjuer med 18 brukere og "
         "pårørende høsten 2023."),
        ("halden", "energy", "open", "network", "Lavere energibruk i kommunale bygg",
         "Energikostnadene i formålsbyggene er mer enn doblet siden 2021. Vi trenger løsninger som kutter "
         "forbruk og effekttopper uten å gå ut over inneklimaet.",
         "Energioppfølgingssystemet viser store forskjeller mellom like bygg; tre bygg står for en tredjedel av "
         "forbruket."),
        ("halden", "water", "open", "private", "Vanntap i ledningsnettet",
         "Rundt en tredjedel av vannet som produseres, lekker ut før det når abonnentene. Hvordan finner og "
         "prioriterer vi lekkasjene raskere?",
         "Vannbalanse fra vannverket 2023 og nattforbruksmålinger i fem soner."),
        ("halden", "mobility", "closed", "public", "Utslippsfri transport i kommunal drift",
         "Kommunens kjøretøy og arbeidsbåter skal være utslippsfrie innen 2030. Hvilke løsninger fungerer i "
         "hjemmetjenesten, teknisk drift og på sjøen?",
         "Kjøretøyoversikt og drivstoffstatistikk 2023; klimabudsjettet."),
        ("halden", "buildings", "open", "network", "Bedre inneklima i skolene",
         "Elever og lærere melder om tung luft og hodepine. Vi vil vite hvor problemene er størst og hva som "
         "virker.",
         "Elevundersøkelsen, avviksmeldinger og stikkprøver av CO₂-nivå i ti klasserom."),
        ("halden", "public-services", "draft", "private", "Enklere digital kontakt med kommunen",
         "Innbyggerne ringer servicetorget om de samme spørsmålene igjen og igjen. Hvordan kan de finne svar "
         "selv, når det passer dem?",
         "Henvendelsesstatistikk fra servicetorget 2024."),
        ("halden", "water", "draft", "private", "Flomsikring langs Tista",
         "Kraftigere nedbør gir raskere flom i Tista og bekkene i byen. Hvordan kan vi varsle tidligere og "
         "fordrøye vannet lenger opp i vassdraget?",
         "Flomsonekart og hendelsesrapporter fra 2023 og 2024."),
    ],
    "sarpsborg": [
        ("sarpsborg", "energy", "open", "public", "Lavere energikostnader i idrettshaller og bad",
         "Idrettshallene og badeanleggene er de mest energikrevende byggene kommunen har. Hvordan kan vi kutte "
         "energibruk og effekttopper?",
         "Energiattester og månedlige målerdata for 2023–2024."),
        ("sarpsborg", "health", "open", "private", "Rekruttering og kompetanse i helse og omsorg",
         "Det blir stadig vanskeligere å rekruttere sykepleiere og helsefagarbeidere. Hvordan kan teknologi og "
         "nye arbeidsformer frigjøre tid til brukerne?",
         "Turnover- og sykefraværstall; arbeidstidsstudie i to soner i hjemmetjenesten."),
        ("sarpsborg", "water", "closed", "network", "Overvann ved kraftig nedbør i sentrum",
         "Styrtregn gir oversvømte kjellere og overløp fra fellesledninger i sentrum.",
         "Skademeldinger fra forsikringsselskapene og overløpsregistreringer 2022–2024."),
        ("sarpsborg", "public-services", "draft", "private", "Raskere byggesaksbehandling",
         "Mange byggesøknader er mangelfulle når de kommer inn, og saksbehandlingstiden øker.",
         "Saksbehandlingsstatistikk og mangelbrev fra byggesak 2024."),
    ],
    "narvik": [
        ("narvik", "arctic-logistics", "open", "public", "Grønn omlasting i Narvik havn",
         "Gods mellom Ofotbanen, skip og bil skal håndteres utslippsfritt og raskere. Hvilke løsninger kan "
         "havna, jernbanen og kommunen utvikle sammen?",
         "Godsstatistikk fra Narvikhavn og Bane NOR; klimaregnskap for havna."),
        ("narvik", "mobility", "open", "private", "Vinterdrift med mindre salt og diesel",
         "Vinterdriften av kommunale veier og fortau er kostbar og gir utslipp. Hvordan kan vi drive smartere "
         "med data om vær og føre?",
         "Driftsregnskap for vinterdrift og klager fra innbyggere 2022–2024."),
        ("narvik", "health", "open", "public", "Helsetjenester i spredt bebygde områder",
         "Innbyggere i bygdene har lang reisevei til helse- og omsorgstjenester. Hvordan kan vi gi god "
         "oppfølging der folk bor?",
         "Kjørestatistikk fra hjemmetjenesten og intervjuer med brukere i Ballangen og Bjerkvik."),
        ("narvik", "energy", "closed", "private", "Energiforsyning til ny industri",
         "Nye industrietableringer krever mer kraft enn nettet kan levere i dag. Hvordan kan kommunen bidra til "
         "smartere bruk av eksisterende kapasitet?",
         "Nettkapasitetskart fra Hålogaland Kraft og henvendelser fra næringslivet."),
    ],
    "eskilstuna": [
        ("eskilstuna", "health", "open", "public", "Fler äldre ska kunna bo kvar hemma med trygghet",
         "Andelen invånare över 80 år ökar snabbt samtidigt som det blir svårare att rekrytera personal. Hur kan "
         "vi skapa trygghet och självständighet i hemmet?",
         "Befolkningsprognos, Kolada-nyckeltal för hemtjänsten och intervjuer med brukare och anhöriga."),
        ("eskilstuna", "circular-economy", "open", "public", "Minska avfallet från kommunens verksamheter",
         "Kommunens verksamheter slänger möbler, material och mat som kunde användas igen. Hur blir återbruk det "
         "självklara valet?",
         "Avfallsstatistik från Eskilstuna Energi och Miljö och inköpsdata 2024."),
        ("eskilstuna", "mobility", "closed", "network", "Fossilfria transporter i kommunens verksamheter",
         "Kommunens fordon och arbetsmaskiner ska vara fossilfria 2030.",
         "Fordonsregister och drivmedelsstatistik 2024."),
        ("eskilstuna", "buildings", "open", "private", "Energieffektiva och hälsosamma skollokaler",
         "Skolornas energianvändning är hög och inomhusklimatet får kritik. Hur förbättrar vi båda samtidigt?",
         "Energistatistik och enkät till elever och personal i tolv skolor."),
        ("eskilstuna", "public-services", "draft", "private", "Snabbare och enklare kontakt med kommunen",
         "Invånarna får vänta länge på svar och slussas mellan förvaltningar.",
         "Statistik från kontaktcenter och klagomålshantering 2024."),
        ("eskilstuna", "health", "open", "public", "Ofrivillig ensamhet bland äldre",
         "Många äldre i Eskilstuna uppger att de ofta känner sig ensamma. Hur kan kommunen och civilsamhället "
         "skapa fler mötesplatser?",
         "Folkhälsoenkäten och dialog med PRO och Röda Korset."),
    ],
    "cluster": [
        ("borg-havn", "energy", "open", "network", "Landstrøm og utslippsfrie havneoperasjoner",
         "Skip ved kai og maskiner i havna står for store lokale utslipp. Hvordan kan havner og kommuner i "
         "klyngen bygge ut landstrøm og elektrifisere driften sammen?",
         "Utslippsberegninger for skip ved kai 2023 og dialog med rederier."),
        ("vasteras", "energy", "open", "network", "Effektbrist i elnätet – flexibilitet i kommunala fastigheter",
         "Elnäten i Mälardalen har kapacitetsbrist. Kan kommunernas fastigheter bidra med flexibilitet?",
         "Kapacitetskartor från nätbolagen och effektdata från kommunala fastigheter."),
        ("fredrikstad", "water", "closed", "public", "Lekkasjer og vanntap i eldre ledningsnett",
         "Kommunene i klyngen taper mye vann i gamle ledninger. Felles metoder for lekkasjesøk og prioritering "
         "kan gi store gevinster.",
         "Vannbalanser fra fire av kommunene i klyngen."),
        ("nykoping", "mobility", "draft", "network", "Hållbara tjänsteresor och arbetsfordon",
         "Hur kan kommunerna i klustret elektrifiera arbetsfordon och tjänsteresor på ett kostnadseffektivt sätt?",
         "Fordonsinventering i tre kommuner."),
    ],
}

# --- ideas -----------------------------------------------------------------------------------------
# programme key -> [(organisation slug, area, status, title, description, reason)]

IDEAS = {
    "halden": [
        ("halden", "mobility", "new", "Ladepunkter for elsykler ved skolene",
         "Elever og ansatte som sykler med elsykkel, har ingen steder å lade ved skolene. Enkle ladeskap i "
         "sykkelstativene kan få flere til å sykle.", ""),
        ("halden", "energy", "under_review", "Varmekamera fra drone for å finne varmetap",
         "Bruke drone med varmekamera om vinteren for å finne hvor varmen lekker ut av kommunale bygg.", ""),
        ("halden", "mobility", "selected", "Felles bilpool for hjemmetjenesten og psykisk helse",
         "Tjenestene har bilbehov på ulike tider av døgnet og kan dele en felles elbilpool.", ""),
        ("halden", "health", "parked", "Besøksvenn-app for sykehjemmene",
         "En app der pårørende og frivillige kan avtale besøk og aktiviteter med beboerne.",
         "Parkert til vi har sett resultatene fra prosjektet om digitale møteplasser; ideen vurderes igjen høsten "
         "2026."),
        ("halden", "water", "rejected", "Regnvannstønner til alle borettslag",
         "Kommunen deler ut regnvannstønner for å redusere overvann fra takene.",
         "Effekten på overvannet er liten sammenlignet med kostnaden. Vi tar heller ideen med i arbeidet med "
         "naturbasert overvannshåndtering."),
        ("halden", "public-services", "new", "Varsel om glatte fortau",
         "Sensorer og værdata kan varsle hjemmetjenesten og innbyggerne når fortauene blir glatte.", ""),
        ("halden", "energy", "parked", "Solceller og sanntidsskjerm på busslommer",
         "Busslommer med egen solstrøm til lys og sanntidsinformasjon.",
         "Holdeplassene eies av fylkeskommunen. Ideen er sendt videre til Østfold kollektivtrafikk og parkeres "
         "her."),
        ("halden", "health", "under_review", "Digitalt vaktbytte for turnusansatte",
         "Ansatte i turnus kan bytte vakter i en app, med godkjenning fra leder og kontroll mot arbeidstidsreglene.",
         ""),
        ("halden", "public-services", "selected", "Gjenbruksbod ved gjenvinningsstasjonen",
         "En bod der innbyggerne kan levere og hente brukbare ting gratis i stedet for å kaste dem.", ""),
        ("halden", "water", "new", "Vannmålere i idrettsanlegg",
         "Måle vannforbruket i idrettsanleggene for å finne lekkasjer og dusjer som står og renner.", ""),
        ("halden", "mobility", "rejected", "Gratis buss for pensjonister på dagtid",
         "La pensjonister reise gratis med buss utenom rushtiden.",
         "Takstene bestemmes av fylkeskommunen og ligger utenfor kommunens innovasjonsprogram."),
        ("halden", "buildings", "under_review", "CO₂-målere som elevene bygger selv",
         "Elevene bygger enkle CO₂-målere i naturfag og bruker dataene i undervisningen og i dialog med "
         "vaktmesteren.", ""),
    ],
    "sarpsborg": [
        ("sarpsborg", "energy", "new", "Solceller på parkeringshuset",
         "Taket på parkeringshuset i sentrum kan dekkes med solceller som lader kommunens elbiler.", ""),
        ("sarpsborg", "health", "selected", "Visningsleilighet for velferdsteknologi",
         "En leilighet der innbyggere og pårørende kan prøve velferdsteknologi før de søker om det.", ""),
        ("sarpsborg", "public-services", "under_review", "Status på byggesaken på SMS",
         "Søkere får automatisk SMS når byggesaken skifter status, så de slipper å ringe.", ""),
        ("sarpsborg", "water", "parked", "Grønne tak på busskur",
         "Sedumtak på busskurene fordrøyer regnvann og gir mer liv i bybildet.",
         "Parkert til erfaringene fra grønne tak på kommunale bygg foreligger."),
        ("sarpsborg", "public-services", "rejected", "Matsvinn-app for skolekantinene",
         "En app som viser dagens rester i kantinene til halv pris.",
         "Løses allerede gjennom bransjeavtalen om matsvinn som kantineleverandøren er med i."),
        ("sarpsborg", "water", "new", "Lekkasjevarsling i kommunale boliger",
         "Vannstoppere med varsling i kommunale utleieboliger for å unngå vannskader.", ""),
    ],
    "narvik": [
        ("narvik", "energy", "under_review", "Varme i fortau med overskuddsvarme",
         "Bruke overskuddsvarme fra industrien til å holde fortauene i sentrum isfrie.", ""),
        ("narvik", "arctic-logistics", "new", "Felles hentepunkt for netthandel",
         "Et felles, oppvarmet hentepunkt for pakker ved knutepunktet, så færre kjører til flere utleveringssteder.",
         ""),
        ("narvik", "health", "parked", "Digital legevaktveiledning på flere språk",
         "Chat med legevakten på norsk, nordsamisk og engelsk.",
         "Parkert til den interkommunale legevakten har valgt ny plattform."),
        ("narvik", "mobility", "rejected", "Elektrisk skyttelbuss til alpinanlegget",
         "En elektrisk buss i pendel mellom sentrum og Narvikfjellet i sesongen.",
         "Reiselivsaktørene har allerede et tilbud under utvikling; kommunen bidrar heller med holdeplass."),
        ("narvik", "energy", "new", "Snøsmelting med spillvarme fra datasenter",
         "Bruke varmen fra et planlagt datasenter til snøsmelting på kommunale plasser.", ""),
        ("narvik", "public-services", "selected", "Digital feilmelding på kommunal vei",
         "Innbyggere melder hull i veien, manglende brøyting og lys som ikke virker, med bilde og kartpunkt.", ""),
    ],
    "eskilstuna": [
        ("eskilstuna", "mobility", "new", "Lånecyklar för nyanlända",
         "Renoverade cyklar från återbruket lånas ut till nyanlända tillsammans med cykelkurs.", ""),
        ("eskilstuna", "circular-economy", "under_review", "Reparationskafé på biblioteket",
         "Frivilliga hjälper invånare att laga kläder, elektronik och cyklar en kväll i månaden.", ""),
        ("eskilstuna", "health", "selected", "Digital fixartjänst för äldre",
         "Äldre bokar fixartjänsten digitalt eller via anhöriga, med påminnelser inför besöket.", ""),
        ("eskilstuna", "energy", "new", "Solceller på idrottshallarnas tak",
         "Idrottshallarna har stora tak som kan ge solel till hallarnas ventilation och belysning.", ""),
        ("eskilstuna", "circular-economy", "rejected", "Återbruk av kontorsmaterial mellan förvaltningar",
         "En intern marknadsplats för pärmar, skrivbordslampor och annat kontorsmaterial.",
         "Ingår redan i projektet om cirkulära möbler i kommunens verksamheter; idén har förts vidare dit."),
        ("eskilstuna", "public-services", "under_review", "Chatt på flera språk i kontaktcenter",
         "Invånare kan chatta med kontaktcenter på arabiska, somaliska och finska med hjälp av maskinöversättning.",
         ""),
        ("eskilstuna", "buildings", "parked", "Sensorer för trängsel i simhallen",
         "Visa hur många som är i simhallen just nu, så att besökare kan välja lugnare tider.",
         "Parkerad i väntan på ombyggnaden av simhallen; tas upp igen 2027."),
        ("eskilstuna", "health", "new", "Promenadgrupper med digital anmälan",
         "Promenadgrupper för äldre som anmäls digitalt och leds av frivilliga.", ""),
        ("eskilstuna", "mobility", "rejected", "Elsparkcyklar i kommunens regi",
         "Kommunen driver egna elsparkcyklar i centrum.",
         "Marknaden erbjuder redan elsparkcyklar; kommunen reglerar i stället uppställningen genom lokala "
         "trafikföreskrifter."),
        ("eskilstuna", "energy", "parked", "Värmekameror för att hitta energiläckor i skolor",
         "Fotografera skolorna med värmekamera vintertid och prioritera tätning och isolering.",
         "Parkerad till nästa budgetår då fastighetsförvaltningen upphandlar ny energitjänst."),
    ],
    "cluster": [
        ("fredrikstad", "water", "under_review", "Felles lekkasjekart for kommunene i klyngen",
         "Samle lekkasjedata fra alle kommunene i ett kart, så vi lærer hvilke rørtyper og områder som lekker mest.",
         ""),
        ("fredrikstad", "water", "new", "Deling av overvannsmodeller mellom kommunene",
         "Kommunene bruker samme typer modeller for overvann og kan dele oppsett og kalibreringsdata.", ""),
        ("moss", "mobility", "selected", "Felles innkjøp av elektriske arbeidsbåter",
         "Flere kommuner og havner i klyngen trenger nye arbeidsbåter og kan kjøpe elektriske sammen.", ""),
        ("moss", "energy", "parked", "Energideling mellom skole og idrettshall",
         "Solstrøm fra skolen brukes i idrettshallen på kveldstid.",
         "Parkert til nettselskapet har avklart regelverket for deling av strøm mellom bygg."),
        ("borg-havn", "energy", "rejected", "Landstrøm for fritidsbåter i gjestehavnene",
         "Ladepunkter for elektriske fritidsbåter i gjestehavnene langs Hvaler.",
         "Effekten er liten sammenlignet med landstrøm for store skip, som prioriteres i klyngen."),
        ("vasteras", "energy", "under_review", "Gemensam flexibilitetsmarknad för kommunala fastigheter",
         "Kommunerna i klustret erbjuder flexibilitet från sina fastigheter på en gemensam lokal marknad.", ""),
        ("vasteras", "mobility", "new", "Cykelgarage med laddning vid stationerna",
         "Låsbara cykelgarage med laddning för elcyklar vid tågstationerna i Mälardalen.", ""),
        ("strangnas", "water", "new", "Gemensam metod för mätning av vattenläckor",
         "En gemensam metod för vattenbalans och nattförbrukning så att kommunerna kan jämföra sig.", ""),
        ("orebro", "water", "selected", "Gemensam upphandling av smarta vattenmätare",
         "Kommunerna i klustret upphandlar fjärravlästa vattenmätare tillsammans för bättre pris och villkor.", ""),
        ("orebro", "energy", "rejected", "Delning av solel mellan kommunala bolag",
         "Solel från ett kommunalt bolags tak används av ett annat bolags verksamhet i grannfastigheten.",
         "Regelverket för delning av el gör idén svår att genomföra i dag; vi följer frågan i nätverket."),
        ("nykoping", "mobility", "parked", "Klimatsmarta tjänsteresor med tåg",
         "Tåg som förstahandsval för tjänsteresor mellan kommunerna i Mälardalen, med gemensamt resekonto.",
         "Parkerad tills den regionala trafikförsörjningsplanen är klar."),
    ],
}
