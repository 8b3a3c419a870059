"""A deterministic data set at the Nordics' scale, for the benchmark (`innocities load-scale --factor F`).

Factor 1 is about the Nordics' real innovation work (≈110 organisations, 10,000 projects); factor 10 is
what `innocities bench` is judged at. Everything scales with the factor:

    organisations 110 · networks 4 · programmes 250 · challenges 2,000 · ideas 15,000
    projects 10,000 (60 % private, 25 % network, 15 % public) · gate decisions ≈30,000
    assessments 5,000 · measurements ≈100,000 · eight people per organisation

plus one large organisation with a programme of 300 projects per factor and a board of 40 per factor.
Rows go in with bulk inserts that keep every database constraint; the demo's own data is not touched
(every slug and address here starts with "s-" or ends in "@scale.example"). Loading twice does nothing.
"""

import random
import sys
import time
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import DateField, Max, OuterRef, Subquery
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone

from innocities.accounts.models import Membership, Role, User
from innocities.catalogue import index, opendata, thesaurus
from innocities.organisations.actions import import_municipalities
from innocities.organisations.models import Municipality, Network, Organisation, OrganisationKind
from innocities.pipeline.models import (
    Challenge,
    Decision,
    GateDecision,
    Idea,
    Project,
    ProjectMember,
    ProjectStatus,
    TeamRole,
)
from innocities.programmes.actions import load_shipped_methods
from innocities.programmes.models import FocusArea, Programme
from innocities.sustainability.catalogue import load_catalogue
from innocities.sustainability.models import Assessment, Goal, GoalAssessment, Measurement, TrackedIndicator

BATCH = 2000
SEED = 20261202
PEOPLE = [  # (role in the organisation, how many)
    (Role.ADMIN, 1),
    (Role.COORDINATOR, 1),
    (Role.PROJECT_LEAD, 2),
    (Role.MEMBER, 3),
    (Role.LEADERSHIP, 1),
]
WORDS = (
    "landstrøm vannmåler hemtjänst solceller batteri ladestasjon sensor lekkasje avfall sykkel buss "
    "skole velferd energi klima havn fjernvarme digital tvilling medborgare innbygger trygghet mobilitet "
    "sirkulær gjenbruk matsvinn overvann flom belysning parkering bibliotek eldreomsorg helse"
).split()


@dataclass(frozen=True)
class Sizes:
    organisations: int
    networks: int
    programmes: int
    challenges: int
    ideas: int
    projects: int
    assessments: int
    indicators_per_organisation: int
    big_programme: int
    board: int

    @classmethod
    def for_factor(cls, factor: float) -> "Sizes":
        def n(x):
            return max(1, round(x * factor))

        return cls(
            organisations=max(3, n(110)),
            networks=n(4),
            programmes=max(3, n(250)),
            challenges=n(2000),
            ideas=n(15000),
            projects=max(10, n(10000)),
            assessments=n(5000),
            indicators_per_organisation=90,  # ten years of values each: ≈100,000 measurements
            big_programme=n(300),
            board=n(40),
        )


def _progress(label: str, done: int, total: int, started: float) -> None:
    width = 30
    filled = int(width * done / max(total, 1))
    rate = done / max(time.monotonic() - started, 1e-6)
    sys.stdout.write(
        f"\r{label:<14} [{'#' * filled}{'.' * (width - filled)}] {done:>9,}/{total:,} {rate:>8,.0f}/s"
    )
    if done >= total:
        sys.stdout.write("\n")
    sys.stdout.flush()


def _bulk(model, rows, label, *, total=None):
    """Insert rows (an iterable) in batches with a progress bar; returns the objects with primary keys."""
    started, done, batch, created = time.monotonic(), 0, [], []
    total = total if total is not None else len(rows)
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            created += model.objects.bulk_create(batch)
            done += len(batch)
            batch = []
            _progress(label, done, total, started)
    if batch or not done:
        created += model.objects.bulk_create(batch)
        done += len(batch)
        _progress(label, done, total, started)
    return created


def _title(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(3)).capitalize() + f" {n}"


def already_loaded(prefix: str = "s") -> bool:
    return Organisation.objects.filter(slug=f"{prefix}-00001").exists()


@transaction.atomic
def load_scale(*, factor: float, seed: int = SEED, prefix: str = "s") -> dict:
    """Load the benchmark's data set at ``factor`` (deterministic for a seed); returns the counts.

    ``prefix`` names a second, independent set beside the first (the query-count test grows the data).
    """
    if already_loaded(prefix):
        return {"loaded": False}
    rng = random.Random(seed)
    sizes = Sizes.for_factor(factor)
    import_municipalities()
    method = load_shipped_methods()[0]
    load_catalogue()
    phases = list(method.phases.select_related("gate").order_by("order"))
    focus_areas = list(FocusArea.objects.all()) or [
        FocusArea.objects.create(key="s-energy", name={"en": "Energy", "sv": "Energi", "nb": "Energi"})
    ]
    today = date.today()

    # --- organisations, people, networks -----------------------------------------------------------
    municipalities = list(Municipality.objects.filter(valid_to__isnull=True).order_by("country", "code"))
    rng.shuffle(municipalities)
    organisations = []
    for i in range(sizes.organisations):
        number = i + 1
        if i < len(municipalities) and i < sizes.organisations * 0.96:
            m = municipalities[i]
            name, country, kind, code = m.name, m.country, OrganisationKind.MUNICIPALITY, m.code
        else:
            country = rng.choice(["SE", "NO", "DK", "FI"])
            kind = rng.choice([OrganisationKind.PORT, OrganisationKind.ENERGY])
            name, code = f"{'Port' if kind == OrganisationKind.PORT else 'Energi'} {number}", ""
        organisations.append(
            Organisation(
                name=name if number > 1 else f"{name} (large)",
                slug=f"{prefix}-{number:05d}",
                kind=kind,
                country=country,
                official_code=code,
            )
        )
    organisations = _bulk(Organisation, organisations, "organisations")
    password = make_password(None)
    users, roles = [], []
    for org in organisations:
        for role, count in PEOPLE:
            for k in range(count):
                users.append(
                    User(
                        email=f"{role}{k}.{org.slug}@scale.example",
                        full_name=f"{role.label} {k + 1} {org.name}",
                        password=password,
                    )
                )
                roles.append((org, role))
    users = _bulk(User, users, "people")
    _bulk(
        Membership,
        [
            Membership(user=u, organisation=org, role=role)
            for u, (org, role) in zip(users, roles, strict=True)
        ],
        "memberships",
    )
    staff = {}  # (org id, role) -> [users]
    for u, (org, role) in zip(users, roles, strict=True):
        staff.setdefault((org.pk, role), []).append(u)
    networks = _bulk(
        Network,
        [
            Network(name=f"Scale network {i + 1}", slug=f"{prefix}-net-{i + 1:03d}")
            for i in range(sizes.networks)
        ],
        "networks",
    )
    operators = _bulk(
        User,
        [
            User(
                email=f"operator{i + 1}.{prefix}@scale.example",
                full_name=f"Operator {i + 1}",
                password=password,
            )
            for i in range(len(networks))
        ],
        "operators",
    )
    Network.operators.through.objects.bulk_create(
        [Network.operators.through(network=n, user=u) for n, u in zip(networks, operators, strict=True)]
    )
    # About a third of the organisations belong to a network (round robin), the large one to the first.
    Network.members.through.objects.bulk_create(
        [
            Network.members.through(network=networks[i % len(networks)], organisation=org)
            for i, org in enumerate(organisations)
            if i % 3 == 0
        ]
    )

    # --- programmes ---------------------------------------------------------------------------------
    big = organisations[0]
    programmes = [
        Programme(
            organisation=big,
            name="Scale: large programme",
            slug=f"{prefix}-big",
            starts_on=today - timedelta(days=900),
            ends_on=today + timedelta(days=500),
            method=method,
        ),
        Programme(
            organisation=big,
            name="Scale: board programme",
            slug=f"{prefix}-board",
            starts_on=today - timedelta(days=600),
            ends_on=today + timedelta(days=500),
            method=method,
        ),
    ]
    for i in range(sizes.programmes - 2):
        org = organisations[i % len(organisations)]
        programmes.append(
            Programme(
                organisation=org,
                name=f"Programme {i + 1} {org.name}",
                slug=f"{prefix}-prog-{i + 1:05d}",
                starts_on=today - timedelta(days=rng.randint(100, 1000)),
                ends_on=today + timedelta(days=rng.randint(100, 1000)),
                method=method,
            )
        )
    programmes = _bulk(Programme, programmes, "programmes")
    Programme.coordinators.through.objects.bulk_create(
        [
            Programme.coordinators.through(programme=p, user=staff[(p.organisation_id, Role.COORDINATOR)][0])
            for p in programmes
        ]
    )
    Programme.steering_group.through.objects.bulk_create(
        [
            Programme.steering_group.through(programme=p, user=staff[(p.organisation_id, Role.LEADERSHIP)][0])
            for p in programmes
        ]
    )
    by_org = {}
    for p in programmes[2:]:
        by_org.setdefault(p.organisation_id, []).append(p)

    # --- challenges and ideas -------------------------------------------------------------------------
    challenges = _bulk(
        Challenge,
        (
            Challenge(
                organisation_id=p.organisation_id,
                programme=p,
                title=_title(rng, i),
                description="Behov dokumentert med data fra driften.",
                status=rng.choice(["draft", "open", "open", "closed"]),
                visibility=rng.choices(["private", "network", "public"], [60, 25, 15])[0],
                focus_area=rng.choice(focus_areas),
                created_by=staff[(p.organisation_id, Role.COORDINATOR)][0],
            )
            for i, p in ((i, rng.choice(programmes)) for i in range(sizes.challenges))
        ),
        "challenges",
        total=sizes.challenges,
    )
    challenges_of = {}
    for c in challenges:
        challenges_of.setdefault(c.programme_id, []).append(c)

    def idea(i):
        p = rng.choice(programmes)
        members = staff[(p.organisation_id, Role.MEMBER)]
        status = rng.choices(["new", "under_review", "selected", "parked", "rejected"], [40, 20, 15, 15, 10])[
            0
        ]
        return Idea(
            organisation_id=p.organisation_id,
            programme=p,
            challenge=rng.choice(challenges_of[p.pk])
            if p.pk in challenges_of and rng.random() < 0.7
            else None,
            title=_title(rng, i),
            description="En idé fra de ansatte.",
            submitted_by=rng.choice(members),
            status=status,
            status_reason="Vurdert i styringsgruppen." if status in {"parked", "rejected"} or i % 2 else "",
            visibility=rng.choices(["private", "network", "public"], [60, 25, 15])[0],
        )

    _bulk(Idea, (idea(i) for i in range(sizes.ideas)), "ideas", total=sizes.ideas)

    # --- projects, teams, decisions ---------------------------------------------------------------
    def programme_for(i):
        if i < sizes.big_programme:
            return programmes[0]
        if i < sizes.big_programme + sizes.board:
            return programmes[1]
        return programmes[2 + (i % (len(programmes) - 2))] if len(programmes) > 2 else programmes[0]

    plan = []  # (project, phase order reached, status)
    for i in range(sizes.projects):
        p = programme_for(i)
        order = rng.choices(range(1, len(phases) + 1), [25, 25, 20, 15, 10, 5])[0]
        status = rng.choices(
            [ProjectStatus.ACTIVE, ProjectStatus.ON_HOLD, ProjectStatus.STOPPED], [80, 8, 12]
        )[0]
        if order == len(phases):
            status = rng.choice([ProjectStatus.IMPLEMENTED, ProjectStatus.SCALED])
        started = today - timedelta(days=rng.randint(30, 1500))
        plan.append(
            (
                Project(
                    organisation_id=p.organisation_id,
                    programme=p,
                    title=_title(rng, i),
                    summary="Et prosjekt i skala-datasettet.",
                    method=method,
                    phase=phases[order - 1],
                    status=status,
                    starts_on=started,
                    visibility=rng.choices(["private", "network", "public"], [60, 25, 15])[0],
                    focus_area=rng.choice(focus_areas),
                    created_by=staff[(p.organisation_id, Role.PROJECT_LEAD)][0],
                    trl=rng.choice([None, 3, 5, 7]),
                    evidence_level=rng.choice([None, 1, 2, 3]),
                ),
                order,
                started,
            )
        )
    projects = _bulk(Project, [row[0] for row in plan], "projects")
    team = []
    for project in projects:
        leads = staff[(project.organisation_id, Role.PROJECT_LEAD)]
        members = staff[(project.organisation_id, Role.MEMBER)]
        team.append(ProjectMember(project=project, user=rng.choice(leads), role=TeamRole.LEAD))
        team.append(ProjectMember(project=project, user=rng.choice(members), role=TeamRole.MEMBER))
    _bulk(ProjectMember, team, "team seats")

    def decision(project, at, to, kind, reasoning, day, previous=ProjectStatus.ACTIVE):
        """A gate decision at the gate after phase ``at`` (1-based) taking the project to phase ``to``."""
        return GateDecision(
            organisation_id=project.organisation_id,
            project=project,
            gate=phases[at - 1].gate,
            method_name=method.name,
            from_phase=phases[at - 1],
            to_phase=phases[to - 1],
            decision=kind,
            reasoning=reasoning,
            decided_on=min(day, today),
            previous_status=previous,
            recorded_by=staff[(project.organisation_id, Role.COORDINATOR)][0],
        )

    decisions = []
    for project, (_p, order, started) in zip(projects, plan, strict=True):
        day = started
        for k in range(1, order):  # a "go" at every gate the project has passed, often after a hold
            day += timedelta(days=rng.randint(20, 120))
            held = rng.random() < 0.45
            if held:
                decisions.append(decision(project, k, k, Decision.HOLD, "Mer dokumentasjon trengs.", day))
                day += timedelta(days=rng.randint(10, 60))
            previous = ProjectStatus.ON_HOLD if held else ProjectStatus.ACTIVE
            decisions.append(
                decision(project, k, k + 1, Decision.GO, "Kriteriene er oppfylt.", day, previous)
            )
        if project.status == ProjectStatus.ON_HOLD and order < len(phases):
            decisions.append(decision(project, order, order, Decision.HOLD, "Venter på finansiering.", today))
        elif project.status == ProjectStatus.STOPPED and order < len(phases):
            decisions.append(decision(project, order, order, Decision.STOP, "Stoppet.", today))
    decisions = _bulk(GateDecision, decisions, "gate decisions")
    last_decision = (
        GateDecision.objects.filter(project=OuterRef("pk"))
        .order_by()
        .values("project")
        .annotate(d=Max("decided_on"))
    )
    Project.objects.filter(pk__in=[p.pk for p in projects]).update(
        in_phase_since=Coalesce(Subquery(last_decision.values("d")), Cast("created_at", DateField()))
    )
    _bulk(
        GateDecision.decision_makers.through,
        [
            GateDecision.decision_makers.through(
                gatedecision=d, user=staff[(d.organisation_id, Role.LEADERSHIP)][0]
            )
            for d in decisions
        ],
        "decision makers",
    )

    # --- sustainability -------------------------------------------------------------------------------
    goals = list(Goal.objects.order_by("number"))
    assessed = rng.sample(projects, min(sizes.assessments, len(projects)))
    assessments = _bulk(
        Assessment,
        [
            Assessment(
                organisation_id=p.organisation_id,
                project=p,
                phase=p.phase,
                assessed_on=today - timedelta(days=rng.randint(1, 300)),
                scope="Workshop med prosjektgruppen.",
                completed_at=None,
                created_by=staff[(p.organisation_id, Role.COORDINATOR)][0],
            )
            for p in assessed
        ],
        "assessments",
    )
    rows = []
    for a in assessments:
        for goal in rng.sample(goals, 4):
            impact = rng.choice([-2, -1, 0, 1, 1, 2, 2, None])
            rows.append(
                GoalAssessment(
                    assessment=a,
                    goal=goal,
                    relevance="relevant",
                    impact=impact,
                    pathway="" if impact in (None, 0) else rng.choice(["direct", "indirect"]),
                    knowledge_gap=impact is None,
                    rationale="Vurdert i verkstedet.",
                )
            )
    _bulk(GoalAssessment, rows, "goal ratings")
    Assessment.objects.filter(pk__in=[a.pk for a in assessments]).update(completed_at=timezone.now())

    # --- indicators and measurements ---------------------------------------------------------------
    indicators = []
    for org in organisations:
        count = 400 if org.pk == big.pk else sizes.indicators_per_organisation
        for k in range(count):
            indicators.append(
                TrackedIndicator(
                    organisation=org,
                    kind="own",
                    code=f"S{k + 1:04d}",
                    name=f"Indikator {k + 1}",
                    unit="%",
                    direction=rng.choice(["higher", "lower"]),
                    dimension=rng.choice(["ecological", "social", "economic"]),
                )
            )
    indicators = _bulk(TrackedIndicator, indicators, "indicators")
    years = range(today.year - 10, today.year)
    _bulk(
        Measurement,
        (
            Measurement(indicator=i, year=y, value=Decimal(rng.randint(0, 10000)) / 100, source="Egen")
            for i in indicators
            for y in years
        ),
        "measurements",
        total=len(indicators) * len(years),
    )
    thesaurus.load()
    documents = index.reindex()  # the bulk inserts above send no signals
    opendata.generate()
    return {
        "loaded": True,
        "organisations": len(organisations),
        "people": len(users) + len(operators),
        "programmes": len(programmes),
        "challenges": len(challenges),
        "ideas": sizes.ideas,
        "projects": len(projects),
        "gate_decisions": len(decisions),
        "assessments": len(assessments),
        "measurements": len(indicators) * len(years),
        "search_documents": sum(documents.values()),
    }
