"""Sustainability (SDG) impact assessments in the demo, written through the same actions the pages use.

A gate whose must-meet criteria include ``sdg_assessment`` lets a project through only with an assessment
completed in its current phase, so the loader asks ``_Sustainability`` before each gate decision
(``before_decision``). Every assessment is planned before anything is written (``plan``): one before
each go at such a gate, some before a hold, stop or recycle there, and a first assessment in about ten
projects still in their first two phases. A project's later assessments grow out of its earlier one,
changing a few impacts, so "what changed since the last gate" shows something.

Across the demo, the latest assessment of exactly ``TRADE_OFFS`` projects leaves a negative impact with
no action to reduce it, that of ``OPEN_GAPS`` projects a knowledge gap with no action to close it, and
that of ``SINGLE`` projects is positive in one dimension only; the others are integrated.

The generator has its own seed, so adding here never reshuffles the projects or the co-production.
"""

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from innocities.coproduction.models import Participation
from innocities.pipeline.models import Decision, Project, ProjectStatus
from innocities.sustainability import actions as sdg
from innocities.sustainability.models import Assessment, Goal, Pathway, Relevance, Target
from innocities.sustainability.profile import DIMENSIONS, default_mapping

from . import data

SEED = 2029
TODAY = data.DEMO_TODAY
ZONE = ZoneInfo("Europe/Oslo")
GOING = (Decision.GO, Decision.GO_WITH_CONDITIONS)

TRADE_OFFS = 12  # latest assessment: a negative impact that no "reduce" action addresses
OPEN_GAPS = 10  # latest assessment: a knowledge gap that no "close_gap" action closes
SINGLE = 14  # latest assessment: positive in one dimension only
EARLY = 10  # projects in phase 1–2, not yet at an SDG gate, with a first assessment
MOST = 7  # relevant goals in one assessment, at most

# The goals a project in a focus area touches: (core goals, the most relevant first; other candidates).
AREA_GOALS = {
    "energy": ([7, 13, 9, 11, 12], [8, 17, 3]),
    "mobility": ([11, 13, 9, 3], [7, 10, 8, 17]),
    "health": ([3, 10, 5, 8], [4, 11, 16, 1]),
    "buildings": ([7, 11, 13, 12, 9], [8, 3, 15]),
    "water": ([6, 14, 11, 13, 15], [3, 9, 12]),
    "public-services": ([16, 10, 4, 8, 11], [5, 9, 17]),
    "arctic-logistics": ([9, 11, 13, 17], [14, 8, 7]),
    "circular-economy": ([12, 9, 11, 13, 17], [8, 4]),
}
OTHER_GOALS = ([9, 11, 13, 17], [8, 12])
# Goals a project in the area can harm: the trade-offs a workshop finds.
NEGATIVE_GOALS = {
    "energy": [15, 12, 11],
    "mobility": [10, 12, 16, 7],
    "health": [16, 10, 3, 5],
    "buildings": [12, 13, 15, 11],
    "water": [15, 11, 13],
    "public-services": [10, 16, 8],
    "arctic-logistics": [14, 13, 15],
    "circular-economy": [13, 8, 7],
}
OTHER_NEGATIVES = [13, 12, 10]
# The targets a municipal project usually names under each goal.
TARGETS = {
    1: ["1.4"],
    2: ["2.4"],
    3: ["3.4", "3.6", "3.8", "3.9"],
    4: ["4.4", "4.7"],
    5: ["5.4", "5.5", "5.b"],
    6: ["6.3", "6.4", "6.6", "6.b"],
    7: ["7.2", "7.3", "7.b"],
    8: ["8.2", "8.4", "8.5"],
    9: ["9.1", "9.4", "9.5"],
    10: ["10.2", "10.3"],
    11: ["11.2", "11.3", "11.6", "11.7", "11.b"],
    12: ["12.2", "12.5", "12.7"],
    13: ["13.1", "13.2", "13.3"],
    14: ["14.1", "14.2"],
    15: ["15.1", "15.5", "15.9"],
    16: ["16.6", "16.7", "16.10"],
    17: ["17.16", "17.17"],
}

# --- texts, in the organisation's language -----------------------------------------------------------

POSITIVE = {
    "nb": {
        1: [
            "lavere bokostnader for husholdninger med lav inntekt",
            "mindre energifattigdom blant leietakere",
        ],
        2: ["mer lokal matproduksjon"],
        3: [
            "bedre helse og mestring for brukerne",
            "færre fallulykker og mer trygghet i hverdagen",
            "bedre luftkvalitet og mindre støy i nærmiljøet",
        ],
        4: ["ny kompetanse hos ansatte og innbyggere", "bedre digitale ferdigheter hos brukerne"],
        5: ["mindre belastning i et kvinnedominert yrke", "likere tilgang til tjenesten for kvinner og menn"],
        6: ["mindre vanntap og tryggere drikkevann", "renere vassdrag og færre overløp"],
        7: ["lavere energibruk og mer fornybar energi", "bedre utnyttelse av lokal fornybar energi"],
        8: ["mer produktiv drift og nye oppdrag for lokale leverandører", "nye arbeidsplasser i regionen"],
        9: ["mer robust og moderne infrastruktur", "innovasjon sammen med lokalt næringsliv og forskning"],
        10: [
            "bedre tilgang til tjenester for grupper som ofte faller utenfor",
            "mindre forskjeller mellom bydeler",
        ],
        11: ["et tryggere og mer tilgjengelig lokalsamfunn", "bedre bymiljø og mer bærekraftig transport"],
        12: ["mindre ressursbruk og avfall", "mer gjenbruk av materialer og utstyr"],
        13: ["lavere klimagassutslipp", "bedre tilpasning til mer ekstremvær"],
        14: ["mindre utslipp til fjorden", "mindre forurensning fra havneaktiviteten"],
        15: ["mindre press på natur og matjord", "bedre vern av grøntområder og naturmangfold"],
        16: ["mer åpne og tillitsskapende tjenester", "bedre innsyn og medvirkning for innbyggerne"],
        17: [
            "samarbeid på tvers av kommuner, forskning og næringsliv",
            "erfaringsdeling i nettverket som andre kan bygge videre på",
        ],
    },
    "sv": {
        1: ["lägre boendekostnader för hushåll med låg inkomst", "mindre energifattigdom bland hyresgäster"],
        2: ["mer lokal livsmedelsproduktion"],
        3: [
            "bättre hälsa och självständighet för brukarna",
            "färre fallolyckor och mer trygghet i vardagen",
            "bättre luftkvalitet och mindre buller i närmiljön",
        ],
        4: ["ny kompetens hos medarbetare och invånare", "bättre digitala färdigheter hos brukarna"],
        5: [
            "mindre belastning i ett kvinnodominerat yrke",
            "mer jämlik tillgång till tjänsten för kvinnor och män",
        ],
        6: ["mindre vattenförluster och säkrare dricksvatten", "renare vattendrag och färre bräddningar"],
        7: ["lägre energianvändning och mer förnybar energi", "bättre användning av lokal förnybar energi"],
        8: [
            "effektivare verksamhet och nya uppdrag för lokala leverantörer",
            "nya arbetstillfällen i regionen",
        ],
        9: [
            "robustare och modernare infrastruktur",
            "innovation tillsammans med lokalt näringsliv och forskning",
        ],
        10: [
            "bättre tillgång till tjänster för grupper som ofta hamnar utanför",
            "mindre skillnader mellan stadsdelar",
        ],
        11: ["ett tryggare och mer tillgängligt samhälle", "bättre stadsmiljö och mer hållbara transporter"],
        12: ["mindre resursanvändning och avfall", "mer återbruk av material och utrustning"],
        13: ["lägre växthusgasutsläpp", "bättre anpassning till ett förändrat klimat"],
        14: ["mindre utsläpp till sjöar och hav", "mindre föroreningar från hamnverksamheten"],
        15: ["mindre tryck på natur och åkermark", "bättre skydd av grönområden och biologisk mångfald"],
        16: ["mer öppna och förtroendeskapande tjänster", "bättre insyn och delaktighet för invånarna"],
        17: [
            "samarbete mellan kommuner, forskning och näringsliv",
            "erfarenhetsutbyte i nätverket som andra kan bygga vidare på",
        ],
    },
}
NEGATIVE = {
    "nb": {
        3: "mindre menneskelig kontakt for brukere som bor alene",
        5: "mer ubetalt omsorgsarbeid for pårørende, oftest kvinner",
        7: "økt strømforbruk til sensorer, servere og lading",
        8: "færre oppgaver for enkelte yrkesgrupper i driften",
        10: "risiko for at eldre og personer uten digital erfaring faller utenfor",
        11: "anleggsarbeid og mer tungtransport i nærmiljøet i byggeperioden",
        12: "økt bruk av elektronikk og batterier med kort levetid",
        13: "økte utslipp fra transport og anleggsarbeid i byggefasen",
        14: "mer skipstrafikk og risiko for utslipp til sjø",
        15: "arealbeslag og inngrep i natur",
        16: "personvernrisiko ved innsamling av data om innbyggerne",
    },
    "sv": {
        3: "mindre mänsklig kontakt för brukare som bor ensamma",
        5: "mer obetalt omsorgsarbete för anhöriga, oftast kvinnor",
        7: "ökad elanvändning för sensorer, servrar och laddning",
        8: "färre arbetsuppgifter för vissa yrkesgrupper i driften",
        10: "risk att äldre och personer utan digital vana hamnar utanför",
        11: "byggarbeten och mer tung trafik i närmiljön under byggtiden",
        12: "ökad användning av elektronik och batterier med kort livslängd",
        13: "ökade utsläpp från transporter och byggarbeten under byggskedet",
        14: "mer fartygstrafik och risk för utsläpp till havet",
        15: "markanspråk och ingrepp i naturen",
        16: "integritetsrisker när data om invånarna samlas in",
    },
}
FRAMES = {
    "nb": {
        2: [
            "Tydelig positivt: {p}. Dette er en av hovedgevinstene i prosjektet.",
            "Klart bidrag gjennom {p}, og effekten kan måles i pilotområdet.",
            "Stor positiv effekt: løsningen gir {p} i hele driftsområdet.",
        ],
        1: [
            "Noe positivt: vi forventer {p}, men omfanget er foreløpig begrenset.",
            "Positivt på sikt: {p} når løsningen tas i bruk i flere enheter.",
        ],
        0: [
            "Ingen påvirkning: prosjektet berører «{g}», men vi ser ingen effekt i noen retning.",
            "Ingen merkbar effekt på «{g}»: løsningen endrer ikke hvordan dette fungerer i dag.",
        ],
        -1: ["Noe negativt: {n}.", "En ulempe vi må følge med på: {n}."],
        -2: ["Tydelig negativt: {n}. Dette må veies mot gevinstene.", "Klart negativt: {n}."],
    },
    "sv": {
        2: [
            "Tydligt positivt: {p}. Det är en av projektets huvudnyttor.",
            "Klart bidrag genom {p}, och effekten går att mäta i pilotområdet.",
            "Stor positiv effekt: lösningen ger {p} i hela verksamheten.",
        ],
        1: [
            "Något positivt: vi förväntar oss {p}, men omfattningen är än så länge begränsad.",
            "Positivt på sikt: {p} när lösningen används i fler enheter.",
        ],
        0: [
            "Ingen påverkan: projektet berör ”{g}”, men vi ser ingen effekt åt något håll.",
            "Ingen märkbar effekt på ”{g}”: lösningen ändrar inte hur detta fungerar i dag.",
        ],
        -1: ["Något negativt: {n}.", "En nackdel vi behöver följa: {n}."],
        -2: ["Tydligt negativt: {n}. Det måste vägas mot nyttorna.", "Klart negativt: {n}."],
    },
}
# Added to the frames of a goal sorted as indirectly relevant, by impact.
INDIRECT = {
    "nb": {1: "Et indirekte bidrag til {p}.", 2: "Et sterkt, men indirekte bidrag til {p}."},
    "sv": {1: "Ett indirekt bidrag till {p}.", 2: "Ett starkt men indirekt bidrag till {p}."},
}
# The rationale of a knowledge gap: what the team does not know, and why.
GAP_FRAMES = {
    "nb": [
        "Kunnskapshull: vi vet ennå ikke hvordan prosjektet påvirker «{g}».",
        "Vi kan ikke vurdere effekten på «{g}» før piloten har gitt data.",
        "Effekten på «{g}» kan gå begge veier, avhengig av hvordan løsningen tas i bruk.",
    ],
    "sv": [
        "Kunskapslucka: vi vet ännu inte hur projektet påverkar ”{g}”.",
        "Vi kan inte bedöma effekten på ”{g}” förrän piloten har gett data.",
        "Effekten på ”{g}” kan gå åt båda hållen, beroende på hur lösningen används.",
    ],
}
GAP = {
    "nb": [
        "Vi mangler data for å vurdere dette sikkert.",
        "Her trenger vi mer kunnskap før neste beslutningspunkt.",
        "Vurderingen bygger på antakelser som ikke er testet.",
    ],
    "sv": [
        "Vi saknar data för att bedöma detta säkert.",
        "Här behöver vi mer kunskap före nästa beslutspunkt.",
        "Bedömningen bygger på antaganden som inte är testade.",
    ],
}
# What a reassessment says about a goal whose assessment changed since the last one.
NOTES = {
    "nb": {
        "resolved": "Kunnskapshullet fra forrige vurdering er lukket med data fra piloten.",
        "raised": "Vurderingen er hevet etter erfaringene fra piloten.",
        "lowered": "Vurderingen er senket: gevinsten ble mindre enn vi antok ved forrige beslutningspunkt.",
        "mitigated": "Tiltakene fra forrige vurdering har tatt bort det meste av ulempen.",
        "found": "Ulempen kom fram i denne vurderingen, etter innspill fra brukerne.",
        "new": "Kom med i denne vurderingen etter innspill fra samarbeidspartnerne.",
    },
    "sv": {
        "resolved": "Kunskapsluckan från förra bedömningen är stängd med data från piloten.",
        "raised": "Bedömningen är höjd efter erfarenheterna från piloten.",
        "lowered": "Bedömningen är sänkt: nyttan blev mindre än vi antog vid förra beslutspunkten.",
        "mitigated": "Åtgärderna från förra bedömningen har tagit bort det mesta av nackdelen.",
        "found": "Nackdelen kom fram i den här bedömningen, efter synpunkter från brukarna.",
        "new": "Kom med i den här bedömningen efter synpunkter från samarbetsparterna.",
    },
}
REDUCE = {
    "nb": {
        3: "Sikre at løsningen kommer i tillegg til, ikke i stedet for, fysiske besøk",
        5: "Kartlegge belastningen på pårørende og tilby avlastning",
        7: "Velge lavenergiutstyr og styre ladingen utenom topplast",
        8: "Lage en plan for omstilling og kompetanseheving for berørte ansatte",
        10: "Tilby opplæring og en ikke-digital kanal for dem som trenger det",
        11: "Varsle naboene og begrense anleggsarbeidet til dagtid",
        12: "Stille krav om reparerbarhet og retur av utstyr i anskaffelsen",
        13: "Stille krav om utslippsfri anleggsplass og samlasting",
        14: "Avtale landstrøm og rutiner for avfall og utslipp med rederiene",
        15: "Velge areal med minst mulig naturinngrep og kartlegge naturmangfoldet først",
        16: "Gjennomføre en personvernkonsekvensvurdering (DPIA) og samle inn minst mulig data",
    },
    "sv": {
        3: "Säkerställa att lösningen kompletterar, inte ersätter, fysiska besök",
        5: "Kartlägga belastningen på anhöriga och erbjuda avlastning",
        7: "Välja lågenergiutrustning och styra laddningen bort från topplast",
        8: "Ta fram en plan för omställning och kompetensutveckling för berörda medarbetare",
        10: "Erbjuda utbildning och en icke-digital kanal för dem som behöver det",
        11: "Informera grannarna och begränsa byggarbetena till dagtid",
        12: "Ställa krav på reparerbarhet och återtag av utrustning i upphandlingen",
        13: "Ställa krav på fossilfri byggarbetsplats och samlastning",
        14: "Avtala om landström och rutiner för avfall och utsläpp med rederierna",
        15: "Välja mark med minsta möjliga ingrepp och inventera naturvärdena först",
        16: "Genomföra en konsekvensbedömning (DPIA) och samla in så lite data som möjligt",
    },
}
STRENGTHEN = {
    "nb": [
        "Ta gevinsten for «{g}» inn i gevinstrealiseringsplanen",
        "Dele erfaringene om «{g}» med de andre kommunene i nettverket",
        "Måle effekten på «{g}» før og etter, og rapportere til styringsgruppen",
        "Utvide piloten til flere enheter for å øke bidraget til «{g}»",
    ],
    "sv": [
        "Ta in nyttan för ”{g}” i nyttorealiseringsplanen",
        "Dela erfarenheterna om ”{g}” med de andra kommunerna i nätverket",
        "Mäta effekten på ”{g}” före och efter, och rapportera till styrgruppen",
        "Skala upp piloten till fler enheter för att öka bidraget till ”{g}”",
    ],
}
CLOSE_GAP = {
    "nb": [
        "Samle måledata om «{g}» gjennom pilotperioden",
        "Be forskningspartneren om en faglig vurdering av effekten på «{g}»",
        "Hente inn erfaringer fra andre kommuner om «{g}»",
    ],
    "sv": [
        "Samla in mätdata om ”{g}” under pilotperioden",
        "Be forskningspartnern om en vetenskaplig bedömning av effekten på ”{g}”",
        "Hämta in erfarenheter från andra kommuner om ”{g}”",
    ],
}
SCOPE = {
    "nb": [
        "{title}: løsningen slik den er beskrevet i fasen «{phase}», med pilot og gevinster.",
        "Hele prosjektet {title} – konseptet, piloten og tjenesten slik den skal driftes.",
        "Løsningen i {title} slik den står før neste beslutningspunkt.",
    ],
    "sv": [
        "{title}: lösningen så som den beskrivs i fasen ”{phase}”, med pilot och nyttor.",
        "Hela projektet {title} – konceptet, piloten och tjänsten så som den ska förvaltas.",
        "Lösningen i {title} så som den står inför nästa beslutspunkt.",
    ],
}


def _at(day: date, hour: int = 9, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=ZONE)


@dataclass
class _Row:
    """One relevant goal as the team assesses it; carried from one assessment of a project to the next."""

    pathway: str  # direct or indirect, should the impact be positive or negative
    impact: int  # for a knowledge gap: what the team will find once it is closed
    phrase: int  # which of the goal's phrases the project's rationale uses
    targets: list = field(default_factory=list)
    gap: bool = False  # a knowledge gap instead of a rating
    unsure: bool = False  # sorted "don't know" rather than relevant
    addressed: bool = False  # a "reduce" action names the goal (when its impact is negative)
    closing: bool = False  # a "close_gap" action names the goal (when it has a knowledge gap)
    note: str = ""  # what changed since the project's last assessment
    rationale: str = ""  # kept while the finding stays the same; the note is added to it

    @property
    def shown(self):
        """What the assessment records: the rating, or "gap" for a knowledge gap."""
        return "gap" if self.gap else self.impact


def _sorted_as(row: "_Row | None") -> str:
    if row is None:
        return Relevance.NOT_RELEVANT
    return Relevance.DONT_KNOW if row.unsure else Relevance.RELEVANT


@dataclass
class _Plan:
    events: list = field(default_factory=list)  # indexes of the gate events an assessment comes before
    early: bool = False  # a first assessment after the project's history, in phase 1 or 2
    traits: set = field(default_factory=set)  # of its latest assessment: trade_off, open_gap, single

    @property
    def count(self) -> int:
        return len(self.events) + self.early


class _Sustainability:
    def __init__(self, demo):
        self.demo = demo
        self.rng = random.Random(SEED)
        self.plans: dict[int, _Plan] = {}  # id(spec) -> plan
        self.states: dict[int, dict[int, _Row]] = {}  # id(spec) -> goal number -> row
        self.done: dict[int, int] = {}  # id(spec) -> assessments written
        self.assessed: dict[int, set] = {}  # project pk -> phase orders with a completed assessment
        self.participations: dict[int, list] = {}
        self.stamps = []  # [(assessment, created, completed)]
        self.mapping = default_mapping()

    # --- planning ------------------------------------------------------------------------------------

    def _sdg_gate(self, method: str, k: int) -> bool:
        return any(requires == "sdg_assessment" for _pk, requires in self.demo.gates[(method, k)][0])

    def plan(self, specs):
        """Decide every assessment and the balance of each project's latest one, before writing."""
        rng = self.rng
        self.goals = {goal.number: goal for goal in Goal.objects.all()}
        self.targets = {
            target.code: target for target in Target.objects.filter(code__in=sum(TARGETS.values(), []))
        }
        ordered = sorted(specs, key=lambda s: s.start)
        for spec in ordered:
            plan, phases = _Plan(), {}  # phase order -> "go" (assessed before a go) or "pending"
            for i, (decision, k) in enumerate(spec.events):
                if not self._sdg_gate(spec.method, k):
                    continue
                if decision in GOING:
                    if phases.get(k) != "go":
                        plan.events.append(i)
                    phases[k] = "go"
                elif k not in phases and rng.random() < 0.5:
                    plan.events.append(i)
                    phases[k] = "pending"
            self.plans[id(spec)] = plan
        early = [
            s
            for s in ordered
            if not self.plans[id(s)].count
            and s.status == ProjectStatus.ACTIVE
            and s.phase <= 2
            and s.segments[-1][1] <= TODAY - timedelta(days=14)
        ]
        for spec in rng.sample(early, min(EARLY, len(early))):
            self.plans[id(spec)].early = True
        assessed = [s for s in ordered if self.plans[id(s)].count]
        shuffled = rng.sample(assessed, len(assessed))
        for spec in shuffled[:TRADE_OFFS]:
            self.plans[id(spec)].traits.add("trade_off")
        for spec in shuffled[TRADE_OFFS : TRADE_OFFS + SINGLE]:
            self.plans[id(spec)].traits.add("single")
        for spec in rng.sample(assessed, min(OPEN_GAPS, len(assessed))):
            self.plans[id(spec)].traits.add("open_gap")

    def assessed_in(self, project, phase_order: int) -> bool:
        """Whether the project has a completed assessment made in this phase."""
        return phase_order in self.assessed.get(project.pk, set())

    # --- writing -------------------------------------------------------------------------------------

    def before_decision(self, spec, project, index: int):
        """Assess the project before the gate decision at ``spec.events[index]`` when the plan says so."""
        plan = self.plans[id(spec)]
        if index not in plan.events:
            return
        day = spec.dates[index]
        previous = spec.dates[index - 1] if index else spec.start
        assessed_on = day - timedelta(days=self.rng.randint(3, 12))
        assessed_on = max(assessed_on, min(day, previous + timedelta(days=1)))
        completed_on = min(
            max(assessed_on, day - timedelta(days=1)), assessed_on + timedelta(days=self.rng.randint(0, 2))
        )
        self._assess(spec, project, assessed_on, completed_on)

    def after_history(self, spec, project):
        """The first assessment of a project still in phase 1 or 2, after its history."""
        if not self.plans[id(spec)].early:
            return
        entered = spec.segments[-1][1]
        low = max(entered + timedelta(days=7), TODAY - timedelta(days=150))
        high = TODAY - timedelta(days=3)
        assessed_on = low + timedelta(days=self.rng.randint(0, max(0, (high - low).days)))
        completed_on = min(TODAY - timedelta(days=1), assessed_on + timedelta(days=self.rng.randint(0, 3)))
        self._assess(spec, project, assessed_on, completed_on)

    def _assess(self, spec, project, assessed_on: date, completed_on: date):
        rng, demo, lang = self.rng, self.demo, spec.lang
        plan = self.plans[id(spec)]
        number = self.done.get(id(spec), 0) + 1
        self.done[id(spec)] = number
        previous = self.states.get(id(spec))
        state = self._first_state(spec) if previous is None else self._evolve(spec, previous)
        if number == plan.count:
            self._settle(spec, state, plan.traits)
        if number == 1:
            for row in state.values():
                row.note = ""  # nothing to compare with yet
        else:
            self._show_change(previous, state)
        self.states[id(spec)] = state

        project = Project.objects.select_related("phase").get(pk=project.pk)
        lead = demo.users[spec.lead]
        user = lead if rng.random() < 0.7 else demo._coordinator_of(spec.org["slug"])
        team = [lead] + [demo.users[e] for e in spec.members]
        if spec.partner and rng.random() < 0.5:
            team.append(demo.users[spec.partner])
        if user not in team:
            team.append(user)
        if project.pk not in self.participations:
            self.participations[project.pk] = list(
                Participation.objects.filter(project=project).select_related("actor").order_by("pk")
            )
        taking_part = [
            p.actor
            for p in self.participations[project.pk]
            if (p.starts_on is None or p.starts_on <= assessed_on)
            and (p.ends_on is None or p.ends_on >= assessed_on)
        ]
        actors = rng.sample(taking_part, min(len(taking_part), rng.randint(1, 3)))
        scope = rng.choice(SCOPE[lang]).format(
            title=project.title, phase=project.phase.name.get(lang, project.phase.label)
        )

        assessment = sdg.start_assessment(
            project=project,
            scope=scope,
            assessed_on=assessed_on,
            participants=team,
            actors=actors,
            user=user,
        )
        sdg.sort_goals(
            assessment=assessment,
            relevance={n: _sorted_as(state.get(n)) for n in range(1, 18)},
            user=user,
        )
        for n, row in sorted(state.items()):
            before = (previous or {}).get(n)
            if not row.rationale or (before.impact, before.gap) != (row.impact, row.gap):
                row.rationale = self._rationale(n, row, lang)
            sdg.assess_goal(
                assessment=assessment,
                goal_number=n,
                impact=None if row.gap else row.impact,
                pathway=row.pathway,
                rationale=f"{row.rationale} {NOTES[lang][row.note]}" if row.note else row.rationale,
                knowledge_gap=row.gap,
                targets=[self.targets[code] for code in row.targets],
                user=user,
            )
        owners = [p.full_name for p in team] + [a.name for a in actors]
        for n, row in sorted(state.items()):
            goal = self.goals[n]
            if row.impact < 0 and row.addressed:
                text = REDUCE[lang][n]
                sdg.add_action(
                    assessment=assessment,
                    kind="reduce",
                    text=text,
                    owner=rng.choice(owners),
                    goal=goal,
                    user=user,
                )
            if row.gap and row.closing:
                text = rng.choice(CLOSE_GAP[lang]).format(g=goal.short[lang])
                sdg.add_action(
                    assessment=assessment,
                    kind="close_gap",
                    text=text,
                    owner=rng.choice(owners),
                    goal=goal,
                    user=user,
                )
        best = [n for n, row in sorted(state.items()) if row.impact == 2 and not row.gap]
        for n in rng.sample(best, min(len(best), rng.choice([0, 1, 1, 2]))):
            goal = self.goals[n]
            text = rng.choice(STRENGTHEN[lang]).format(g=goal.short[lang])
            sdg.add_action(
                assessment=assessment,
                kind="strengthen",
                text=text,
                owner=rng.choice(owners),
                goal=goal,
                user=user,
            )
        sdg.complete_assessment(assessment=assessment, user=user)

        self.assessed.setdefault(project.pk, set()).add(project.phase.order)
        created = _at(assessed_on, rng.choice([8, 9, 12, 13]), rng.randint(0, 59))
        completed = _at(
            completed_on,
            rng.randint(14, 16) if completed_on == assessed_on else rng.randint(8, 12),
            rng.randint(0, 59),
        )
        self.stamps.append((assessment, created, completed))
        demo.counts["assessments"] += 1

    def _rationale(self, n: int, row: _Row, lang: str) -> str:
        rng, goal = self.rng, self.goals[n]
        if row.gap:  # a knowledge gap instead of a rating: say what is not known
            return rng.choice(GAP_FRAMES[lang]).format(g=goal.short[lang]) + " " + rng.choice(GAP[lang])
        frames = FRAMES[lang][row.impact]
        if row.pathway == Pathway.INDIRECT and row.impact in INDIRECT[lang]:
            frames = [*frames, INDIRECT[lang][row.impact]]
        frame = rng.choice(frames)
        phrases = POSITIVE[lang][n]
        text = frame.format(
            p=phrases[row.phrase % len(phrases)], n=NEGATIVE[lang].get(n, ""), g=goal.short[lang]
        )
        return text

    # --- what the team finds -------------------------------------------------------------------------

    def _area(self, spec):
        core, extra = AREA_GOALS.get(spec.area, OTHER_GOALS)
        return core, extra, NEGATIVE_GOALS.get(spec.area, OTHER_NEGATIVES)

    def _row(self, n: int, pathway: str, impact: int) -> _Row:
        rng = self.rng
        codes = TARGETS[n]
        return _Row(
            pathway=pathway,
            impact=impact,
            phrase=rng.randrange(len(POSITIVE["nb"][n])),
            targets=sorted(rng.sample(codes, min(len(codes), rng.choice([1, 1, 2, 2, 3])))),
        )

    def _first_state(self, spec) -> dict[int, _Row]:
        rng = self.rng
        core, extra, negatives = self._area(spec)
        wanted = rng.randint(3, min(5, len(core) + len(extra)))
        chosen = core[: min(len(core), max(2, wanted - rng.randint(0, 1)))]
        chosen += rng.sample([n for n in core + extra if n not in chosen], max(0, wanted - len(chosen)))
        state = {}
        for position, n in enumerate(chosen):
            direct = position < 2 or (position < 4 and rng.random() < 0.5)
            if direct:
                state[n] = self._row(n, Pathway.DIRECT, rng.choice([2, 2, 1, 1, 1]))
            else:
                state[n] = self._row(n, Pathway.INDIRECT, rng.choice([1, 1, 1, 0]))
        if rng.random() < 0.35:
            n = rng.choice(chosen[1:])
            state[n].gap, state[n].impact, state[n].closing = True, rng.choice([0, 1]), rng.random() < 0.5
            state[n].unsure = rng.random() < 0.6  # sorted "don't know", then found to be a knowledge gap
        if rng.random() < 0.3:
            self._add_negative(spec, state, addressed=rng.random() < 0.6)
        return state

    def _add_negative(self, spec, state, *, addressed: bool, note: str = "") -> int:
        rng = self.rng
        _core, _extra, negatives = self._area(spec)
        options = [n for n in negatives if n not in state or state[n].impact <= 0]
        if len(state) >= MOST:  # no room for another goal: the harm is to a goal already assessed
            options = [n for n in options if n in state] or [
                n for n in sorted(state) if n in NEGATIVE["nb"] and state[n].pathway == Pathway.INDIRECT
            ]
        n = rng.choice(options or negatives)
        if n not in state:
            state[n] = self._row(n, Pathway.INDIRECT, -1)
        state[n].impact = -2 if rng.random() < 0.15 else -1
        state[n].gap, state[n].closing, state[n].addressed, state[n].note = False, False, addressed, note
        state[n].unsure = False
        return n

    def _evolve(self, spec, previous: dict[int, _Row]) -> dict[int, _Row]:
        """The next assessment: the same goals, with one to three findings changed since the last one."""
        rng = self.rng
        state = {
            n: _Row(**{**vars(row), "targets": list(row.targets), "note": ""}) for n, row in previous.items()
        }
        core, extra, _negatives = self._area(spec)
        changed = set()
        for _ in range(rng.choice([1, 1, 2, 2, 3])):
            options = []
            options += [("resolve", n) for n, r in state.items() if r.gap] * 3
            options += [("raise", n) for n, r in state.items() if 0 <= r.impact < 2 and not r.gap] * 2
            options += [("lower", n) for n, r in state.items() if r.impact == 2]
            options += [("mitigate", n) for n, r in state.items() if r.impact < 0 and r.addressed] * 3
            if len(state) < MOST - 1:
                options += [("add", n) for n in core + extra if n not in state][:1]
            options = [(kind, n) for kind, n in options if n not in changed]
            if not options:
                break
            kind, n = rng.choice(options)
            changed.add(n)
            if kind == "resolve":
                row = state[n]
                row.gap, row.closing, row.impact, row.note = False, False, min(2, row.impact + 1), "resolved"
                row.unsure = False
            elif kind == "raise":
                state[n].impact, state[n].note = state[n].impact + 1, "raised"
            elif kind == "lower":
                state[n].impact, state[n].note = 1, "lowered"
            elif kind == "mitigate":
                row = state[n]
                row.impact, row.note = row.impact + 1, "mitigated"
                row.addressed = row.impact < 0
            else:
                state[n] = self._row(n, Pathway.INDIRECT, 1)
                state[n].note = "new"
        if rng.random() < 0.12:
            self._add_negative(spec, state, addressed=rng.random() < 0.5, note="found")
        return state

    def _show_change(self, previous, state):
        """A reassessment changes at least one impact: raise one where it cannot upset the balance."""
        if any(n not in previous or previous[n].shown != row.shown for n, row in state.items()):
            return
        positive = self._positive_dimensions(state) | {"cross_cutting"}
        options = [
            n
            for n, r in sorted(state.items())
            if 0 <= r.impact < 2 and not r.gap and self.mapping.get(n) in positive
        ]
        if options:
            n = self.rng.choice(options)
            state[n].impact, state[n].note = state[n].impact + 1, "raised"

    def _dimensions(self, state) -> dict[str, float]:
        out = {}
        for dimension in DIMENSIONS:
            values = [r.impact for n, r in state.items() if self.mapping.get(n) == dimension and not r.gap]
            out[dimension] = sum(values) / len(values) if values else None
        return out

    def _settle(self, spec, state, traits: set):
        """Make the project's latest assessment show its planned balance and flags."""
        rng = self.rng
        core, extra, _negatives = self._area(spec)
        negative = [n for n, r in state.items() if r.impact < 0]
        if "trade_off" in traits:
            if negative:
                state[rng.choice(negative)].addressed = False
            else:
                self._add_negative(spec, state, addressed=False, note="found")
        else:
            for n in negative:
                state[n].addressed = True
        gaps = [n for n, r in state.items() if r.gap]
        if "open_gap" in traits:
            if gaps:
                state[rng.choice(gaps)].closing = False
            else:
                options = [
                    n
                    for n, r in sorted(state.items())
                    if 0 <= r.impact <= 1 and r.pathway == Pathway.INDIRECT
                ]
                options = options or [n for n, r in sorted(state.items()) if r.impact >= 0]
                row = state[rng.choice(options)]
                row.gap, row.closing, row.impact = True, False, min(row.impact, 1)
                row.unsure = rng.random() < 0.5
        else:
            for n in gaps:
                state[n].closing = True
        if "single" in traits:
            self._one_dimension(spec, state)
        else:
            self._two_dimensions(spec, state)

    def _average(self, state, dimension: str):
        value = self._dimensions(state)[dimension]
        return 0 if value is None else value  # only knowledge gaps there: nothing positive yet

    def _positive_dimensions(self, state) -> set:
        return {d for d, value in self._dimensions(state).items() if value is not None and value > 0}

    def _lift(self, state, n: int):
        """Make goal n's dimension positive on average, easing the negatives there that have an action."""
        dimension = self.mapping[n]
        for m, row in sorted(state.items()):
            if self._average(state, dimension) > 0:
                return
            if self.mapping.get(m) == dimension and row.impact < 0 and row.addressed:
                row.impact, row.note = 0, "mitigated"
        if self._average(state, dimension) <= 0:
            state[n].impact = 2
            state[n].gap = state[n].unsure = state[n].closing = False  # rated now, no longer a gap

    def _one_dimension(self, spec, state):
        core, _extra, _negatives = self._area(spec)
        positive = [
            n for n, r in state.items() if r.impact > 0 and not r.gap and self.mapping.get(n) in DIMENSIONS
        ]
        if positive:
            best = max(positive, key=lambda n: (state[n].impact, state[n].pathway == Pathway.DIRECT, -n))
        else:
            best = next((n for n in core if n not in state or not state[n].gap), core[0])
            if best not in state:
                state[best] = self._row(best, Pathway.DIRECT, 2)
            state[best].impact = max(1, state[best].impact)
        keep = self.mapping[best]
        for n, row in state.items():
            if self.mapping.get(n) in DIMENSIONS and self.mapping[n] != keep and row.impact > 0:
                row.impact, row.note = 0, "lowered"
        self._lift(state, best)

    def _two_dimensions(self, spec, state):
        core, extra, _negatives = self._area(spec)
        for _ in range(3):
            have = self._positive_dimensions(state)
            if len(have) >= 2:
                return
            options = sorted(
                (
                    n
                    for n in core + extra
                    if self.mapping.get(n) in DIMENSIONS
                    and self.mapping[n] not in have
                    and (n not in state or (state[n].impact >= 0 and not state[n].gap))
                ),
                key=lambda n: n not in state,  # a goal already assessed first, then a new one
            )
            if not options:
                return
            n = options[0]
            if n in state:
                state[n].impact, state[n].note = max(1, state[n].impact), "raised"
            else:
                state[n] = self._row(n, Pathway.INDIRECT, 1)
                state[n].note = "new"
            self._lift(state, n)

    # --- dates ---------------------------------------------------------------------------------------

    def backdate(self):
        for assessment, created, completed in self.stamps:
            assessment.created_at, assessment.completed_at = created, completed
        Assessment.objects.bulk_update(
            [a for a, _c, _d in self.stamps], ["created_at", "completed_at"], batch_size=500
        )
