"""Build the demo through the same actions the pages use, so every row is one a person could have made.

``load_demo()`` reads its content from the YAML files in ``data/`` and is deterministic (seeded random
generators, dates fixed in the data): it loads once, and when the demo's marker organisation exists it
returns without writing. It sends no notifications and queues no tasks. The data's dates move forward
by whole years to the day of loading (``data.read``), so nothing lies in the future and what is running
has not ended. Co-production and citizen engagement are built in ``coproduction.py``; the open calls
there are dated from the real day of loading, so that they are open.
"""

import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from django.db import transaction

from innocities.accounts.models import Role, User
from innocities.accounts.security import DEMO_PASSWORD
from innocities.core.events import muted
from innocities.learning.actions import record_lesson
from innocities.learning.forms import tool_catalogue
from innocities.learning.models import Lesson
from innocities.organisations.actions import (
    add_strategic_goal,
    create_network,
    create_organisation,
    import_municipalities,
    set_membership,
)
from innocities.organisations.models import Municipality, Network, Organisation
from innocities.pipeline import actions as pipeline
from innocities.pipeline.models import (
    Challenge,
    Decision,
    Facet,
    FundingState,
    GateDecision,
    Idea,
    IdeaStatus,
    ProgressUpdate,
    Project,
    ProjectStatus,
    TeamRole,
    Visibility,
)
from innocities.programmes.actions import load_shipped_methods, record_evaluation
from innocities.programmes.models import AnnualEvaluation, FocusArea, Programme, ProgrammeTarget
from innocities.sustainability.catalogue import load_catalogue

from . import capability, coproduction, data, indicators
from .sustainability import _Sustainability

NAMES = {
    **{email: person["name"] for email, person in data.PEOPLE.items()},
    **{email: citizen["name"] for email, citizen in data.CITIZENS.items()},
    data.EXPERT_EMAIL: data.EXPERT_NAME,
}
# (email, name, who they are), for the login table the load-demo command prints.
PERSONAS = [(p["email"], NAMES[p["email"]], p["who"]) for p in data.PERSONAS]

SEED = 2026
TODAY = data.DEMO_TODAY
ZONE = ZoneInfo("Europe/Oslo")

GOING = (Decision.GO, Decision.GO_WITH_CONDITIONS)
# Days spent in the phase before the gate after it, by gate order.
STEP_DAYS = {1: (35, 100), 2: (40, 110), 3: (45, 120), 4: (90, 200), 5: (60, 150)}
# Days between the last decision and the demo's today, by final status.
TAIL_DAYS = {
    ProjectStatus.ACTIVE: (5, 150),
    ProjectStatus.ON_HOLD: (10, 200),
    ProjectStatus.STOPPED: (20, 400),
    ProjectStatus.IMPLEMENTED: (20, 300),
    ProjectStatus.SCALED: (120, 420),
}
TRL_BY_PHASE = {1: (2, 3), 2: (3, 4), 3: (4, 5), 4: (5, 7), 5: (7, 8), 6: (8, 9)}
TECHNICAL_AREAS = {"energy", "mobility", "water", "buildings", "arctic-logistics"}
FACETS = [Facet.ENHANCEMENT, Facet.MISSION, Facet.ADAPTIVE, Facet.ANTICIPATORY, ""]
FACET_WEIGHTS = [45, 25, 13, 12, 5]
CURRENCY = {"NO": "NOK", "SE": "SEK"}


def demo_loaded() -> bool:
    return Organisation.objects.filter(slug=data.MARKER_SLUG).exists()


def load_demo() -> dict:
    """Load the demo organisations, people, programmes, challenges, ideas and projects, once.

    Returns ``{"created": False}`` when the demo is already there, otherwise ``created`` and the counts.
    Needs the municipality lists and the shipped methods, and loads them if they are missing.
    """
    if demo_loaded():
        return {"created": False}
    with muted(), transaction.atomic():
        return _Demo().build()


@dataclass
class _Spec:
    """One planned project, decided in full before anything is written."""

    programme: dict
    org: dict
    phase: int
    status: str
    lang: str = ""
    kind: str = ""
    area: str = ""
    entry: dict = field(default_factory=dict)  # the project's texts: title, summary, problem, benefits
    visibility: str = Visibility.PRIVATE
    events: list = field(default_factory=list)  # [(decision, gate order)]
    dates: list = field(default_factory=list)  # the decided_on of each event
    segments: list = field(default_factory=list)  # [(phase order, entered, left or None, how it was left)]
    start: date | None = None
    ends_on: date | None = None
    scaled_on: date | None = None
    lead: str = ""
    members: list = field(default_factory=list)
    partner: str = ""
    sponsor: str = ""
    unit: str = ""
    trl: int | None = None
    evidence: int | None = None
    facet: str = ""
    funding: list = field(default_factory=list)
    milestones: list = field(default_factory=list)  # [(title, due, done)]
    updates: list = field(default_factory=list)  # [(written_on, text, author email)]
    idea: dict | None = None  # {"submitter", "date", "challenge"} when the project comes from an idea

    @property
    def method(self) -> str:
        return self.programme["method"]

    @property
    def passes(self) -> int:
        """How many gates the project has passed for good."""
        return 5 if self.status in (ProjectStatus.IMPLEMENTED, ProjectStatus.SCALED) else self.phase - 1


def _at(day: date, hour: int = 9, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=ZONE)


class _Demo:
    def __init__(self):
        self.rng = random.Random(SEED)
        self.users: dict[str, User] = {}
        self.orgs: dict[str, Organisation] = {}
        self.org_data = {o["slug"]: o for o in data.ORGANISATIONS}
        self.goals: dict[str, list] = defaultdict(list)  # org slug -> [(goal, areas)]
        self.focus: dict[str, FocusArea] = {}
        self.programmes: dict[str, Programme] = {}
        self.methods = {}
        self.phases = {}  # (method key, order) -> Phase
        self.gates = {}  # (method key, phase order) -> ([(must id, requires)], [should id])
        self.challenges = defaultdict(list)  # (programme key, org slug) -> [(challenge, area, status, date)]
        self.pools: dict[tuple, list] = {}
        self.used_titles: dict[str, set] = defaultdict(set)
        self.stamps = defaultdict(list)  # model -> [(obj, created, updated)]
        self.counts = Counter()
        self.built: list[tuple[_Spec, Project]] = []
        self.coproduction = coproduction._Coproduction(self)
        self.sustainability = _Sustainability(self)

    # --- the whole build ---------------------------------------------------------------------------

    def build(self) -> dict:
        import_municipalities(countries=("NO", "SE"))
        load_catalogue()
        self._read_methods()
        self._people()
        self._organisations()
        self._network()
        self._focus_areas()
        self._programmes()
        self._challenges()
        specs = self._plan_projects()
        self._ideas()
        # Actors, and each project's participations, come before its gate decisions: the sustainability
        # assessment a gate asks for names the actors taking part.
        self.coproduction.prepare(specs)
        self.sustainability.plan(specs)
        for spec in sorted(specs, key=lambda s: s.start):
            self._project(spec)
        coproduction.build(self, password=DEMO_PASSWORD)
        self.counts["capability responses"] = capability.build(self.orgs, self.users.get(data.STAFF_EMAIL))
        self.counts["measurements"] = indicators.build(self.orgs)
        self._backdate()
        self.sustainability.backdate()
        self._lessons()
        return {"created": True, **self.counts}

    def _lessons(self):
        """Lessons learned at the latest gate decision: the shore-power projects by name, and for each
        programme its first implemented and first stopped project, in the language of its texts."""
        chosen = []
        for entry in data.LESSONS["named"]:
            chosen += [(project, entry) for spec, project in self.built if project.title == entry["project"]]
        for pd in data.PROGRAMMES:
            for status in ("implemented", "stopped"):
                built = [
                    (s, p) for s, p in self.built if s.programme["key"] == pd["key"] and s.status == status
                ]
                if built:
                    spec, project = built[0]
                    chosen.append(
                        (project, {**data.LESSONS["by_language"][spec.lang][status], "language": spec.lang})
                    )
        for project, entry in chosen:
            project.refresh_from_db()
            decision = project.gate_decisions.filter(annulled_at__isnull=True).first()
            lead = project.team.filter(role=TeamRole.LEAD).select_related("user").first()
            if lead is None or (decision is not None and Lesson.objects.filter(decision=decision).exists()):
                continue  # (a lesson named for a project still in its first phase has no decision yet)
            catalogue = tool_catalogue(project)
            lesson = record_lesson(
                project=project,
                actor=lead.user,
                decision=decision,
                tools={k: v for k, v in entry["tools"].items() if k in catalogue},
                catalogue=catalogue,
                what_worked=entry["what_worked"],
                what_did_not=entry["what_did_not"],
                advice=entry["advice"],
                language=entry["language"],
                visibility=project.visibility,
            )
            if decision is not None:
                Lesson.objects.filter(pk=lesson.pk).update(recorded_on=decision.decided_on)
            self.counts["lessons"] += 1

    def _read_methods(self):
        self.methods = {method.key: method for method in load_shipped_methods()}
        for key, method in self.methods.items():
            phases = list(method.phases.select_related("gate").prefetch_related("gate__criteria"))
            if [p.order for p in phases] != [1, 2, 3, 4, 5, 6]:
                raise RuntimeError(f"The demo expects six phases in the method {key}.")
            for phase in phases:
                self.phases[(key, phase.order)] = phase
                gate = getattr(phase, "gate", None)
                if gate is not None:
                    criteria = list(gate.criteria.all())
                    self.gates[(key, phase.order)] = (
                        [(c.pk, c.requires) for c in criteria if c.kind == "must"],
                        [c.pk for c in criteria if c.kind == "should"],
                    )

    # --- people, organisations, network ------------------------------------------------------------

    def _people(self):
        known = set(User.objects.filter(email__in=list(data.PEOPLE)).values_list("email", flat=True))
        new = []
        for email, person in data.PEOPLE.items():
            if email not in known:
                user = User(email=email, full_name=person["name"], title=person["title"])
                user.set_unusable_password()
                new.append(user)
        User.objects.bulk_create(new)
        self.users = {user.email: user for user in User.objects.filter(email__in=list(data.PEOPLE))}
        for email, _name, _who in PERSONAS:
            if email not in self.users:
                continue  # the citizen and the outside expert come with the open calls
            user = self.users[email]
            user.set_password(DEMO_PASSWORD)
            # Demo personas have confirmed their address, so two-factor authentication can be tried.
            EmailAddress.objects.update_or_create(
                user=user, email=user.email, defaults={"verified": True, "primary": True}
            )
            if email == data.STAFF_EMAIL:
                user.is_staff = user.is_superuser = True
            user.save()
        self.counts["people"] = len(self.users)

    def _organisations(self):
        codes = [(o["country"], o["code"]) for o in data.ORGANISATIONS if o["code"]]
        municipalities = {}
        for municipality in Municipality.objects.filter(
            country__in=[c for c, _ in codes], code__in=[code for _, code in codes]
        ).order_by("valid_from"):
            municipalities[(municipality.country, municipality.code)] = municipality  # the newest period wins
        operator = self.users[data.OPERATOR_EMAIL]
        for od in data.ORGANISATIONS:
            admin_email = od["members"][0]["email"]
            organisation = create_organisation(
                name=od["name"],
                kind=od["kind"],
                country=od["country"],
                actor=operator,
                municipality=municipalities[(od["country"], od["code"])] if od["code"] else None,
                admin_email=admin_email,
                admin_name=data.PEOPLE[admin_email]["name"],
                description=od["description"],
            )
            if organisation.slug != od["slug"]:
                Organisation.objects.filter(pk=organisation.pk).update(slug=od["slug"])
                organisation.slug = od["slug"]
            self.orgs[od["slug"]] = organisation
            for member in od["members"][1:]:
                set_membership(
                    organisation=organisation,
                    email=member["email"],
                    full_name=data.PEOPLE[member["email"]]["name"],
                    role=member["role"],
                    actor=operator,
                )
            admin = self.users[admin_email]
            for gd in od["goals"]:
                goal = add_strategic_goal(
                    organisation=organisation, title=gd["title"], description=gd["description"], actor=admin
                )
                self.goals[od["slug"]].append((goal, gd["areas"]))
        self.counts["organisations"] = len(self.orgs)

    def _network(self):
        nd = data.NETWORK
        network = create_network(
            name=nd["name"],
            description=nd["description"],
            operators=[self.users[data.OPERATOR_EMAIL]],
            members=[self.orgs[slug] for slug in nd["members"]],
            actor=self.users[data.OPERATOR_EMAIL],
        )
        if network.slug != nd["slug"]:
            Network.objects.filter(pk=network.pk).update(slug=nd["slug"])
            network.slug = nd["slug"]
        self.network = network
        self.counts["networks"] = 1

    def _people_of(self, slug: str, *roles: str, weights: dict | None = None, exclude=()) -> list[str]:
        """Emails of an organisation's people in these roles, repeated by weight for weighted picks."""
        found = []
        for member in self.org_data[slug]["members"]:
            email = member["email"]
            if member["role"] in roles and email not in exclude:
                found += [email] * (weights or {}).get(email, 1)
        return found

    # --- focus areas and programmes ----------------------------------------------------------------

    def _focus_areas(self):
        for area in data.FOCUS_AREAS:
            self.focus[area["key"]], _created = FocusArea.objects.get_or_create(
                organisation=None, key=area["key"], defaults={"name": area["name"]}
            )
        for area in data.OWN_FOCUS_AREAS:
            self.focus[area["key"]] = FocusArea.objects.create(
                organisation=self.orgs[area["organisation"]], key=area["key"], name=area["name"]
            )

    def _programmes(self):
        self.coordinators, self.steering = {}, {}
        for pd in data.PROGRAMMES:
            programme = Programme.objects.create(
                organisation=None if pd.get("network") else self.orgs[pd["organisation"]],
                network=self.network if pd.get("network") else None,
                name=pd["name"],
                slug=pd["slug"],
                description=pd["description"],
                starts_on=pd["starts_on"],
                ends_on=pd["ends_on"],
                method=self.methods[pd["method"]],
            )
            programme.focus_areas.set([self.focus[key] for key in pd["focus"]])
            self.coordinators[pd["key"]] = [self.users[email] for email in pd["coordinators"]]
            self.steering[pd["key"]] = [self.users[email] for email in pd["steering"]]
            programme.coordinators.set(self.coordinators[pd["key"]])
            programme.steering_group.set(self.steering[pd["key"]])
            ProgrammeTarget.objects.bulk_create(
                ProgrammeTarget(programme=programme, text=target["text"], due_on=target["due_on"])
                for target in pd["targets"]
            )
            for ed in pd["evaluations"]:
                evaluation = record_evaluation(
                    programme=programme,
                    held_on=ed["held_on"],
                    summary=ed["summary"],
                    decisions=ed["decisions"],
                    actor=self.coordinators[pd["key"]][0],
                )
                self.stamps[AnnualEvaluation].append((evaluation, _at(ed["held_on"], 14), None))
            self.programmes[pd["key"]] = programme
        self.counts["programmes"] = len(self.programmes)

    def _goals_for(self, slug: str, area: str) -> list:
        goals = self.goals[slug]
        return [goal for goal, areas in goals if area in areas] or [goals[0][0]]

    def _coordinator_of(self, slug: str) -> User:
        emails = self._people_of(slug, Role.COORDINATOR) or self._people_of(slug, Role.ADMIN)
        return self.users[emails[0]]

    # --- challenges and ideas ----------------------------------------------------------------------

    def _challenges(self):
        rng = self.rng
        for pd in data.PROGRAMMES:
            programme = self.programmes[pd["key"]]
            for cd in data.CHALLENGES[pd["key"]]:
                slug, area, status = cd["organisation"], cd["area"], cd["status"]
                if status == "draft":
                    created = TODAY - timedelta(days=rng.randint(10, 120))
                else:
                    created = pd["starts_on"] + timedelta(days=rng.randint(5, 200))
                challenge = pipeline.create_challenge(
                    organisation=self.orgs[slug],
                    actor=self._coordinator_of(slug),
                    programme=programme,
                    focus_area=self.focus[area],
                    title=cd["title"],
                    description=cd["description"],
                    evidence=cd["evidence"],
                    strategic_goal=self._goals_for(slug, area)[0],
                    status=status,
                    visibility=cd["visibility"],
                )
                self.challenges[(pd["key"], slug)].append((challenge, area, status, created))
                updated = created
                if status != "draft":
                    updated = min(TODAY, created + timedelta(days=rng.randint(1, 60)))
                self.stamps[Challenge].append((challenge, _at(created, 10), _at(updated, 11)))
                self.counts["challenges"] += 1

    def _challenge_for(self, pkey: str, slug: str, area: str, on: date):
        for challenge, c_area, status, created in self.challenges[(pkey, slug)]:
            if c_area == area and status != "draft" and created < on:
                return challenge, created
        return None, None

    def _submitters(self, slug: str) -> list[str]:
        return self._people_of(slug, Role.MEMBER, Role.PROJECT_LEAD, Role.COORDINATOR, Role.ADMIN)

    def _ideas(self):
        """The ideas that did not become projects, in every status."""
        rng = self.rng
        for pd in data.PROGRAMMES:
            programme = self.programmes[pd["key"]]
            for idd in data.IDEAS[pd["key"]]:
                slug, area, status = idd["organisation"], idd["area"], idd["status"]
                organisation = self.orgs[slug]
                span = (TODAY - pd["starts_on"]).days - 20
                submitted = pd["starts_on"] + timedelta(days=rng.randint(10, span))
                challenge, created = self._challenge_for(pd["key"], slug, area, submitted)
                in_network = slug in data.NETWORK["members"]
                visibility = rng.choices(
                    [Visibility.PUBLIC, Visibility.NETWORK, Visibility.PRIVATE],
                    [35, 15 if in_network else 0, 50],
                )[0]
                idea = pipeline.submit_idea(
                    organisation=organisation,
                    actor=self.users[rng.choice(self._submitters(slug))],
                    programme=programme,
                    challenge=challenge,
                    title=idd["title"],
                    description=idd["description"],
                    visibility=visibility,
                )
                decided = submitted
                if status != IdeaStatus.NEW:
                    decided = min(TODAY, submitted + timedelta(days=rng.randint(7, 90)))
                    pipeline.set_idea_status(
                        idea=idea, status=status, reason=idd["reason"], actor=self.coordinators[pd["key"]][0]
                    )
                self.stamps[Idea].append(
                    (idea, _at(submitted, rng.randint(8, 21), rng.randint(0, 59)), _at(decided, 13))
                )
                self.counts["ideas"] += 1

    # --- planning projects -------------------------------------------------------------------------

    def _plan_projects(self) -> list[_Spec]:
        rng = self.rng
        cards = [(mix["phase"], mix["status"]) for mix in data.PROJECT_MIX for _ in range(mix["count"])]
        weights = [(pd["key"], pd["projects"]) for pd in data.PROGRAMMES]
        total = sum(n for _key, n in weights)
        dealt, given = defaultdict(list), Counter()
        # Deal the cards, sorted by phase, in proportion, so every programme gets every stage of work.
        for i, card in enumerate(cards):
            key = max(weights, key=lambda w: (w[1] * (i + 1) / total - given[w[0]], w[1]))[0]
            given[key] += 1
            dealt[key].append(card)
        specs = []
        for pd in data.PROGRAMMES:
            programme_cards = dealt[pd["key"]]
            rng.shuffle(programme_cards)
            if pd.get("network"):
                owners = list(data.CLUSTER_PROJECT_ORGS)
                rng.shuffle(owners)
            else:
                owners = [pd["organisation"]]
            areas = list(pd["focus"])
            rng.shuffle(areas)
            for i, (phase, status) in enumerate(programme_cards):
                owner = self.org_data[owners[i % len(owners)]]
                spec = _Spec(programme=pd, org=owner, phase=phase, status=status)
                self._plan_content(spec, areas, i)
                self._plan_history(spec)
                self._plan_fields(spec)
                self._plan_team(spec)
                self._plan_funding(spec)
                self._plan_milestones(spec)
                self._plan_updates(spec)
                specs.append(spec)
        self._plan_visibility(specs)
        self._plan_halden_partner(specs)
        self._plan_promotions(specs)
        return specs

    def _plan_content(self, spec: _Spec, areas: list[str], i: int):
        spec.lang = data.LANGUAGE[spec.org["country"]]
        spec.kind = spec.org["kind"]
        catalogue = data.PROJECTS[spec.lang][spec.kind]
        candidates = [area for area in areas if area in catalogue]
        for offset in range(len(candidates)):
            area = candidates[(i + offset) % len(candidates)]
            entry = self._take(spec.lang, spec.kind, area, spec.org["slug"])
            if entry:
                spec.area, spec.entry = area, entry
                return
        raise RuntimeError(f"No project text left for {spec.org['slug']}.")

    def _take(self, lang: str, kind: str, area: str, slug: str):
        """A project text not yet used by this organisation; texts are shared only when a list runs out."""
        key, used = (lang, kind, area), self.used_titles[slug]
        for refill in (False, True):
            pool = self.pools.get(key)
            if pool is None or refill:
                pool = list(data.PROJECTS[lang][kind].get(area, []))
                self.rng.shuffle(pool)
                self.pools[key] = pool
            # Texts marked public (the shore-power story) are taken first, so the demo always has them.
            order = sorted(range(len(pool)), key=lambda n: not pool[n].get("public"))
            for n in order:
                entry = pool[n]
                if entry["title"] not in used:
                    used.add(entry["title"])
                    return pool.pop(n)
        return None

    def _go(self) -> str:
        return Decision.GO_WITH_CONDITIONS if self.rng.random() < 0.3 else Decision.GO

    def _plan_history(self, spec: _Spec):
        """The gate decisions that bring the project where it is, and their dates."""
        rng = self.rng
        events, recycled = [], False
        for k in range(1, spec.passes + 1):
            if rng.random() < 0.1:
                events.append((Decision.HOLD, k))
            if k >= 2 and not recycled and rng.random() < 0.08:
                recycled = True
                events += [(Decision.RECYCLE, k), (self._go(), k - 1)]
            events.append((self._go(), k))
        if spec.status == ProjectStatus.ON_HOLD:
            events.append((Decision.HOLD, spec.phase))
        elif spec.status == ProjectStatus.STOPPED:
            events.append((Decision.STOP, spec.phase))
        spec.events = events

        earliest = spec.programme["starts_on"] + timedelta(days=rng.randint(10, 45))
        if not events:
            spec.start = max(earliest, TODAY - timedelta(days=rng.randint(15, 260)))
        else:
            steps, previous = [], None
            for decision, k in events:
                low, high = {Decision.HOLD: (30, 120), Decision.RECYCLE: (30, 90)}.get(previous, STEP_DAYS[k])
                steps.append(rng.randint(low, high))
                previous = decision
            tail = rng.randint(*TAIL_DAYS[spec.status])
            spec.start = TODAY - timedelta(days=tail + sum(steps))
            if spec.start < earliest:
                spec.start = earliest
                room = (TODAY - earliest).days - 3
                if sum(steps) > room:
                    steps = [max(10, step * room // sum(steps)) for step in steps]
            day = spec.start
            for step in steps:
                day += timedelta(days=step)
                spec.dates.append(day)
            if spec.dates[-1] > TODAY:
                raise RuntimeError("A demo gate decision would lie in the future.")

        cur, entered = 1, spec.start
        for (decision, k), day in zip(spec.events, spec.dates, strict=True):
            if decision in GOING:
                spec.segments.append((cur, entered, day, "go"))
                cur, entered = k + 1, day
            elif decision == Decision.RECYCLE:
                spec.segments.append((cur, entered, day, "recycle"))
                cur, entered = k - 1, day
            elif decision == Decision.STOP:
                spec.segments.append((cur, entered, day, "stop"))
                cur = None
        if cur is not None:
            spec.segments.append((cur, entered, None, None))

        if spec.status in (ProjectStatus.IMPLEMENTED, ProjectStatus.SCALED, ProjectStatus.STOPPED):
            spec.ends_on = spec.dates[-1]
        else:
            planned = spec.start + timedelta(days=rng.randint(300, 900))
            # Running work is still planned to run on any day the demo may be loaded (up to a year after
            # its today, see data.read), and within its programme.
            spec.ends_on = min(max(planned, TODAY + timedelta(days=400)), spec.programme["ends_on"])
        if spec.status == ProjectStatus.SCALED:
            last = spec.dates[-1]
            scaled_on = min(TODAY - timedelta(days=2), last + timedelta(days=rng.randint(60, 200)))
            spec.scaled_on = max(scaled_on, last + timedelta(days=1))

    def _requires(self, spec: _Spec) -> set[str]:
        """What the must-meet criteria of the gates the project passes ask of it."""
        return {
            requires
            for k in range(1, spec.passes + 1)
            for _id, requires in self.gates[(spec.method, k)][0]
            if requires
        }

    def _plan_fields(self, spec: _Spec):
        rng, phase = self.rng, spec.phase
        units = data.RECEIVING_UNITS[spec.lang][spec.kind].get(spec.area) or [data.DEFAULT_UNIT[spec.lang]]
        named_from = 4 if spec.method == "innocities" else 5
        if phase >= named_from or (phase == named_from - 1 and rng.random() < 0.4):
            spec.unit = rng.choice(units)
        if rng.random() < (0.75 if spec.area in TECHNICAL_AREAS else 0.3):
            spec.trl = rng.randint(*TRL_BY_PHASE[phase])
        if spec.status == ProjectStatus.SCALED:
            spec.evidence = rng.choice([3, 4])
        elif phase >= 5:
            spec.evidence = rng.choice([2, 3, 3])
        elif phase == 4 and rng.random() < 0.5:
            spec.evidence = rng.choice([1, 2])
        elif phase in (2, 3) and rng.random() < 0.3:
            spec.evidence = 1
        spec.facet = rng.choices(FACETS, FACET_WEIGHTS)[0]
        requires = self._requires(spec)
        if "receiving_unit" in requires and not spec.unit:
            spec.unit = rng.choice(units)
        if "evidence_level_2" in requires:
            spec.evidence = max(2, spec.evidence or 0)

    def _plan_team(self, spec: _Spec):
        rng, slug = self.rng, spec.org["slug"]
        leads = self._people_of(slug, Role.PROJECT_LEAD, weights=data.LEAD_WEIGHT) or self._people_of(
            slug, Role.COORDINATOR, Role.ADMIN
        )
        spec.lead = rng.choice(leads)
        pool = self._people_of(
            slug,
            Role.MEMBER,
            Role.PROJECT_LEAD,
            Role.COORDINATOR,
            weights=data.MEMBER_WEIGHT,
            exclude={spec.lead},
        )
        wanted = rng.randint(0, 1) if spec.phase == 1 else rng.randint(1, 3)
        while pool and len(spec.members) < wanted:
            email = rng.choice(pool)
            spec.members.append(email)
            pool = [e for e in pool if e != email]
        partners = self._people_of(slug, Role.PARTNER, exclude={data.HALDEN_PARTNER_EMAIL})
        needs_partner = "partners" in self._requires(spec)
        if partners and (needs_partner or (spec.phase >= 2 and rng.random() < 0.7)):
            spec.partner = rng.choice(partners)
        leadership = self._people_of(slug, Role.LEADERSHIP)
        if leadership and rng.random() < 0.25:
            spec.sponsor = rng.choice(leadership)

    def _plan_funding(self, spec: _Spec):
        rng, lang, country = self.rng, spec.lang, spec.org["country"]
        currency = CURRENCY[country]
        stage, passes = spec.phase, spec.passes

        def line(source, state, amount, currency=currency):
            note = data.FUNDING_NOTES[lang][source].format(region=spec.org["region"])
            spec.funding.append(
                {
                    "source": source,
                    "state": state,
                    "amount": Decimal(amount),
                    "currency": currency,
                    "note": note,
                }
            )

        if country == "NO":
            if spec.area in ("health", "public-services"):
                sources = ["innovation_norway", "regional", "other", "other"]
            else:
                sources = ["enova", "enova", "innovation_norway", "regional", "other"]
        else:
            sources = (
                ["vinnova", "vinnova", "regional", "other"]
                if spec.area == "energy"
                else ["vinnova", "vinnova", "regional"]
            )
        amounts = {
            "enova": (6, 80),
            "innovation_norway": (4, 40),
            "other": (2, 30),
            "regional": (2, 16),
            "vinnova": (6, 60),
        }

        if stage >= 3 or (stage == 2 and rng.random() < 0.4):
            line(
                "own",
                FundingState.GRANTED if passes >= 3 else FundingState.PLANNED,
                rng.randint(10, 150) * 10_000,
            )
        if stage >= 3:
            source = rng.choice(sources)
            if passes >= 3:
                state = FundingState.GRANTED if rng.random() < 0.7 else FundingState.APPLIED
            elif spec.status == ProjectStatus.STOPPED and rng.random() < 0.5:
                state = FundingState.REJECTED
            else:
                state = rng.choice([FundingState.PLANNED, FundingState.APPLIED])
            line(source, state, rng.randint(*amounts[source]) * 50_000)
        if passes >= 4 and rng.random() < 0.3:
            state = rng.choice([FundingState.GRANTED, FundingState.APPLIED, FundingState.REJECTED])
            line("horizon", state, rng.randint(15, 120) * 10_000, currency="EUR")
        elif passes >= 3 and rng.random() < 0.2:
            line(
                "regional",
                rng.choice([FundingState.GRANTED, FundingState.REJECTED]),
                rng.randint(*amounts["regional"]) * 50_000,
            )
        if "funding_route" in self._requires(spec) and not any(
            f["state"] != FundingState.REJECTED for f in spec.funding
        ):
            line("own", FundingState.GRANTED, rng.randint(10, 150) * 10_000)

    def _plan_milestones(self, spec: _Spec):
        rng = self.rng
        catalogue = data.MILESTONES[spec.method][spec.lang]
        options, seen = [], set()
        for phase, entered, left, how in spec.segments:
            for title in catalogue[phase]:
                if title not in seen:
                    seen.add(title)
                    options.append((phase, entered, left, how, title))
        wanted = min(len(options), rng.choice([0, 1, 2, 2, 3, 3, 4]))
        for _phase, entered, left, how, title in sorted(rng.sample(options, wanted), key=lambda o: o[1]):
            if left is not None:
                span = max(1, (left - entered).days)
                due = entered + timedelta(days=rng.randint(span // 3, span))
                done = how == "go" or (how == "recycle" and rng.random() < 0.5)
            else:
                due = entered + timedelta(days=rng.randint(20, 240))
                done = (
                    due <= TODAY - timedelta(days=7)
                    and rng.random() < 0.6
                    and spec.status != ProjectStatus.STOPPED
                )
            done_on = None
            if done:
                done_on = min(TODAY, max(entered, due - timedelta(days=rng.randint(0, 6))))
            spec.milestones.append((title, due, done_on))

    def _phase_on(self, spec: _Spec, day: date) -> int:
        for phase, entered, left, _how in spec.segments:
            if entered <= day and (left is None or day < left):
                return phase
        return spec.segments[-1][0]

    def _plan_updates(self, spec: _Spec):
        rng = self.rng
        if spec.status == ProjectStatus.SCALED:
            wanted, latest = rng.randint(1, 3), spec.scaled_on - timedelta(days=1)
        elif spec.status == ProjectStatus.STOPPED:
            wanted, latest = rng.randint(1, 4), spec.dates[-1]
        elif spec.status == ProjectStatus.ON_HOLD:
            wanted, latest = rng.randint(1, 4), min(TODAY, spec.dates[-1] + timedelta(days=10))
        else:
            wanted, latest = rng.randint(1, 4), TODAY - timedelta(days=1)
        earliest = spec.start + timedelta(days=7)
        if earliest > latest:
            earliest = latest = max(spec.start, latest)
        span = (latest - earliest).days
        days = sorted(rng.sample(range(span + 1), min(wanted, span + 1)))
        catalogue = data.UPDATES[spec.method][spec.lang]
        used = set()
        team = [spec.lead] * 3 + spec.members
        for offset in days:
            day = earliest + timedelta(days=offset)
            texts = [t for t in catalogue[self._phase_on(spec, day)] if t not in used] or catalogue[
                self._phase_on(spec, day)
            ]
            text = rng.choice(texts)
            used.add(text)
            spec.updates.append((day, text, rng.choice(team)))

    def _plan_visibility(self, specs: list[_Spec]):
        """Most work is private, cluster work is shared with the network; exactly 20 projects are public."""
        rng = self.rng
        for spec in specs:
            if spec.programme.get("network"):
                spec.visibility = rng.choices([Visibility.NETWORK, Visibility.PRIVATE], [80, 20])[0]
            elif spec.org["slug"] in data.NETWORK["members"]:
                spec.visibility = rng.choices([Visibility.PRIVATE, Visibility.NETWORK], [80, 20])[0]
            else:
                spec.visibility = Visibility.PRIVATE

        def weight(spec):
            if spec.status in (ProjectStatus.IMPLEMENTED, ProjectStatus.SCALED):
                return 5
            return 2 if spec.phase >= 4 else 1

        ranked = sorted(specs, key=lambda s: rng.random() ** (1 / weight(s)), reverse=True)
        # Texts marked public (the shore-power story the catalogue's search shows) are among the 20.
        pinned = [s for s in specs if s.entry.get("public")]
        for spec in (pinned + [s for s in ranked if s not in pinned])[: data.PUBLIC_PROJECTS]:
            spec.visibility = Visibility.PUBLIC

    def _plan_halden_partner(self, specs: list[_Spec]):
        """The Halden partner persona works on exactly two Halden projects, one of them private."""
        halden = [
            s for s in specs if s.org["slug"] == "halden" and s.programme["key"] == "halden" and s.phase >= 2
        ]
        private = [s for s in halden if s.visibility == Visibility.PRIVATE]
        shared = [s for s in halden if s.visibility != Visibility.PRIVATE]
        first = self.rng.choice(private)
        if not shared:
            second = self.rng.choice([s for s in private if s is not first])
            second.visibility = Visibility.NETWORK
        else:
            second = self.rng.choice(shared)
        for spec in (first, second):
            spec.partner = data.HALDEN_PARTNER_EMAIL

    def _plan_promotions(self, specs: list[_Spec]):
        """Some projects began as ideas, many of them answering a challenge."""
        rng = self.rng
        for pd in data.PROGRAMMES:
            mine = [s for s in specs if s.programme["key"] == pd["key"]]
            for spec in rng.sample(mine, pd["promoted"]):
                slug = spec.org["slug"]
                submitted = max(pd["starts_on"], spec.start - timedelta(days=rng.randint(10, 60)))
                challenge, _created = self._challenge_for(pd["key"], slug, spec.area, submitted)
                submitters = [e for e in self._submitters(slug) if e != spec.lead] or self._submitters(slug)
                spec.idea = {"submitter": rng.choice(submitters), "date": submitted, "challenge": challenge}

    # --- writing a project -------------------------------------------------------------------------

    def _project(self, spec: _Spec):
        rng = self.rng
        pkey, slug = spec.programme["key"], spec.org["slug"]
        organisation, programme = self.orgs[slug], self.programmes[pkey]
        coordinator, lead = self.coordinators[pkey][0], self.users[spec.lead]
        title, summary = spec.entry["title"], spec.entry["summary"]
        goals = self._goals_for(slug, spec.area)
        fields = {
            "title": title,
            "summary": summary,
            "language": spec.entry.get("language", spec.lang),  # a port may write for its EU partners
            "problem": spec.entry["problem"],
            "expected_benefits": spec.entry["benefits"],
            "focus_area": self.focus[spec.area],
            "facet": spec.facet,
            "trl": spec.trl,
            "evidence_level": spec.evidence,
            "receiving_unit": spec.unit,
            "starts_on": spec.start,
            "ends_on": spec.ends_on,
            "strategic_goals": rng.sample(goals, min(len(goals), rng.randint(1, 2))),
        }
        on_team = {lead.pk}
        if spec.idea:
            submitter = self.users[spec.idea["submitter"]]
            idea = pipeline.submit_idea(
                organisation=organisation,
                actor=submitter,
                programme=programme,
                challenge=spec.idea["challenge"],
                title=title,
                description=summary,
                visibility=spec.visibility,
                language=spec.entry.get("language", spec.lang),
            )
            pipeline.set_idea_status(idea=idea, status=IdeaStatus.UNDER_REVIEW, reason="", actor=coordinator)
            project = pipeline.promote_idea(idea=idea, actor=coordinator, lead=lead, **fields)
            on_team.add(submitter.pk)
            self.stamps[Idea].append((idea, _at(spec.idea["date"], 19, 30), _at(spec.start, 9)))
            self.counts["ideas"] += 1
        else:
            project = pipeline.create_project(
                organisation=organisation,
                programme=programme,
                actor=lead,
                lead=lead,
                visibility=spec.visibility,
                **fields,
            )
        self.counts["projects"] += 1

        for email, role in [(m, TeamRole.MEMBER) for m in spec.members] + [
            (spec.partner, TeamRole.PARTNER),
            (spec.sponsor, TeamRole.SPONSOR),
        ]:
            if email and self.users[email].pk not in on_team:
                pipeline.set_team_member(project=project, user=self.users[email], role=role, actor=lead)
                on_team.add(self.users[email].pk)
        for line in spec.funding:
            pipeline.add_funding_line(project=project, actor=lead, **line)
        for milestone_title, due, done_on in spec.milestones:
            milestone = pipeline.add_milestone(project=project, title=milestone_title, due_on=due, actor=lead)
            if done_on:
                pipeline.complete_milestone(milestone=milestone, done_on=done_on, actor=lead)

        self.coproduction.participate(spec, project)
        record, held = None, None
        for index, ((decision, k), day) in enumerate(zip(spec.events, spec.dates, strict=True)):
            self.sustainability.before_decision(spec, project, index)
            record, held = self._decide(spec, project, decision, k, day, held, coordinator)
        self.sustainability.after_history(spec, project)
        last_activity = spec.dates[-1] if spec.dates else spec.start
        if spec.status == ProjectStatus.SCALED:
            pipeline.mark_scaled(
                project=record.project, note=rng.choice(data.SCALED_NOTES[spec.lang]), actor=lead
            )
            note = ProgressUpdate.objects.filter(project=project).order_by("-pk").first()
            note.written_on = spec.scaled_on
            note.save(update_fields=["written_on"])
            self.stamps[ProgressUpdate].append((note, _at(spec.scaled_on, 12), None))
            last_activity = spec.scaled_on
        for day, text, author in spec.updates:
            update = pipeline.add_progress_update(
                project=project, text=text, written_on=day, actor=self.users[author]
            )
            written = _at(day, rng.randint(8, 16), rng.randint(0, 59))
            self.stamps[ProgressUpdate].append((update, written, None))
            last_activity = max(last_activity, day)
        self.stamps[Project].append((project, _at(spec.start, 9), _at(last_activity, 15)))
        self.built.append((spec, project))

    def _satisfied(self, spec: _Spec, requires: str) -> bool:
        """Whether the project can show what a must-meet criterion asks (mirrors the pipeline's check)."""
        return {
            "receiving_unit": bool(spec.unit),
            "funding_route": any(f["state"] != FundingState.REJECTED for f in spec.funding),
            "evidence_level_2": (spec.evidence or 0) >= 2,
            "partners": bool(spec.partner),
        }.get(requires, True)

    def _decide(
        self,
        spec: _Spec,
        project: Project,
        decision: str,
        k: int,
        day: date,
        held: dict | None,
        coordinator: User,
    ) -> tuple[GateDecision, dict | None]:
        """Record one gate decision, its reasoning written for this gate; ``held`` is the hold it ends.

        Returns the decision and, when it puts the project on hold, why (the next decision resumes it).
        """
        rng, lang = self.rng, spec.lang
        musts, shoulds = self.gates[(spec.method, k)]
        hold = None
        if decision in GOING:
            met = [pk for pk, _requires in musts]
            scale = [3, 4, 4, 5] if decision == Decision.GO else [3, 3, 4, 4]
            unit = spec.unit or data.DEFAULT_UNIT[lang]
            reasoning = rng.choice(data.GO_REASONS[spec.method][lang][k]).format(unit=unit)
            if held:
                reasoning = held["resume"] + reasoning
        else:
            met = [pk for pk, requires in musts if self._satisfied(spec, requires)]
            if decision == Decision.STOP:
                met = rng.sample(met, len(met) // 2)
                scale = [1, 2, 2, 3]
                reasoning = rng.choice(data.STOP_REASONS[spec.method][lang][k])
            else:
                if met:
                    met.remove(rng.choice(met))
                if decision == Decision.HOLD:
                    hold = rng.choice(data.HOLD_REASONS[lang])
                    scale, reasoning = [2, 3, 3, 4], hold["reason"]
                else:
                    scale, reasoning = [2, 2, 3, 3], rng.choice(data.RECYCLE_REASONS[spec.method][lang][k])
            # A sustainability assessment is ticked only when one was completed in this phase.
            sdg = {pk for pk, requires in musts if requires == "sdg_assessment"}
            if not self.sustainability.assessed_in(project, k):
                met = [pk for pk in met if pk not in sdg]
        steering = self.steering[spec.programme["key"]]
        makers = [steering[0], *rng.sample(steering[1:], rng.randint(1, len(steering) - 1))]
        record = pipeline.decide_gate(
            project=project,
            decision=decision,
            reasoning=reasoning,
            decided_on=day,
            decision_makers=makers,
            met=set(met),
            scores={pk: rng.choice(scale) for pk in shoulds},
            conditions=self._conditions(spec, k) if decision == Decision.GO_WITH_CONDITIONS else "",
            recycle_to=self.phases[(spec.method, k - 1)] if decision == Decision.RECYCLE else None,
            actor=coordinator,
        )
        self.stamps[GateDecision].append((record, _at(day, 15, rng.randint(0, 59)), None))
        self.counts["gate_decisions"] += 1
        return record, hold

    def _conditions(self, spec: _Spec, k: int) -> str:
        """A condition that fits the gate: what the next phase must take care of."""
        written = data.CONDITIONS[spec.method][spec.lang]
        return self.rng.choice([c["text"] for c in written if k in c["gates"]])

    # --- dates -------------------------------------------------------------------------------------

    def _backdate(self):
        """Give rows the dates they would have had, not the moment of loading."""
        for model, rows in self.stamps.items():
            names = ["created_at"] + (["updated_at"] if rows[0][2] is not None else [])
            for obj, created, updated in rows:
                obj.created_at = created
                if updated is not None:
                    obj.updated_at = updated
            model.objects.bulk_update([obj for obj, _c, _u in rows], names, batch_size=500)
        # a project that no gate has decided on waits since it was created (now backdated)
        decided = GateDecision.objects.filter(annulled_at__isnull=True).values_list("project_id", flat=True)
        decided = set(decided)
        stamped = self.stamps.get(Project, [])
        waiting = [(p, created) for p, created, _updated in stamped if p.pk not in decided]
        for project, created in waiting:
            project.in_phase_since = created.date()
        Project.objects.bulk_update([p for p, _created in waiting], ["in_phase_since"], batch_size=500)
