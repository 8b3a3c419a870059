"""Evidence of what works: how the implementation rate and the time to implementation of a dashboard's
projects relate to the way they worked (co-production depth, helix diversity, method tools, external
funding, sustainability balance).

Counted among the projects that have ended: implemented or scaled (implemented) and stopped (not). Each
project is annotated once in SQL with what it did (``annotated``), then each factor is one grouped query
(``GROUP BY`` its group), whatever the number of projects; only the balance classes come from the
sustainability portfolio, which computes them per project. A group of fewer than ``MINIMUM`` ended
projects is shown as "fewer than 5", never with its numbers.

Also here: who may download the anonymised research dataset (``may_download_research``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import median

from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest, NullIf, TruncDate
from django.utils.translation import gettext_lazy as _

from innocities.accounts.roles import roles_of
from innocities.coproduction.models import Activity, Participation
from innocities.core import fragments
from innocities.core.aggregates import DaysBetween, Percentile
from innocities.core.paging import CAP
from innocities.pipeline.figures import ENDED, EXTERNAL, implemented_on
from innocities.pipeline.models import FundingLine, FundingState, ProjectStatus
from innocities.sustainability.profile import BALANCE
from innocities.sustainability.queries import portfolio

from . import dashboard

MINIMUM = 5  # ended projects a group needs before its numbers are shown
Z95 = 1.959963984540054  # the standard normal quantile of 97.5 %: a two-sided 95 % interval
FINISHED = [*ENDED, ProjectStatus.STOPPED]


def wilson(successes: int, n: int, z: float = Z95) -> tuple[float, float] | None:
    """The Wilson score interval (95 % by default) of the proportion ``successes / n``, as (low, high)
    between 0 and 1; None when ``n`` is 0. Unlike the normal approximation it stays inside 0–1 and keeps
    its width for proportions near 0 or 1 (Wilson 1927; Newcombe 1998, method 3)."""
    if n <= 0:
        return None
    if not 0 <= successes <= n:
        raise ValueError("successes must lie between 0 and n")
    p = successes / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z / denominator * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    # at 0 and at n the bounds are exactly 0 and 1: say so rather than trust the rounding
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == n else min(1.0, centre + half)
    return low, high


# --- what each project did, in SQL ------------------------------------------------------------------


def _of_project(queryset):
    return queryset.filter(project=OuterRef("pk")).order_by().values("project")


def per_project(queryset, expression):
    """One value per project from its related rows (``expression`` aggregates them); NULL for none."""
    return Subquery(_of_project(queryset).annotate(v=expression).values("v"))


def _group_per_project(queryset, expression, *whens, default: str):
    """The group of the project's value, decided inside the subquery (its ``whens`` read the value as
    ``v``), so the related rows are read once per project; ``default`` without related rows."""
    inner = _of_project(queryset).annotate(v=expression).annotate(g=_case(*whens, default=default))
    return Coalesce(Subquery(inner.values("g")), Value(default), output_field=CharField())


def _case(*whens, default):
    return Case(*whens, default=Value(default), output_field=CharField())


def _granted_externally():
    return Exists(
        FundingLine.objects.filter(project=OuterRef("pk"), state=FundingState.GRANTED, source__in=EXTERNAL)
    )


def days_to_implementation():
    """Days from the idea's submission (or the project's recording, without an idea) to the decision that
    implemented it; NULL for a project not implemented or dated inconsistently (negative)."""
    since = Coalesce(TruncDate("idea__created_at"), TruncDate("created_at"))
    days = DaysBetween(Subquery(implemented_on()), since)
    # negative days (a decision dated before the idea was recorded) become NULL: max(days, -1), then -1
    known = NullIf(Greatest(days, Value(-1)), Value(-1))
    return Case(When(status__in=ENDED, then=known), default=None, output_field=IntegerField())


def annotated(projects):
    """The projects, each with what it did, as plain values: ``deepest`` participation (IAP2, NULL for
    none), ``sectors`` (distinct helix sectors of its actors), ``tools`` (distinct method tools of its
    activities), ``activity_count``, ``citizens`` (recorded at them), ``external`` (a granted funding line
    from another source than its own budget) and ``days`` to implementation (NULL unless implemented)."""
    participations, activities = Participation.objects.all(), Activity.objects.all()
    return projects.order_by().annotate(
        deepest=per_project(participations, Max("depth")),
        sectors=Coalesce(per_project(participations, Count("actor__sector", distinct=True)), 0),
        tools=Coalesce(per_project(activities.exclude(tool=""), Count("tool", distinct=True)), 0),
        activity_count=Coalesce(per_project(activities, Count("pk")), 0),
        citizens=Coalesce(per_project(activities, Sum("citizens_count")), 0),
        external=_granted_externally(),
        days=days_to_implementation(),
    )


# --- the factors ------------------------------------------------------------------------------------


def _depth_group():
    return _group_per_project(
        Participation.objects.all(),
        Max("depth"),
        When(v__gte=4, then=Value("4-5")),
        When(v=3, then=Value("3")),
        When(v__gte=1, then=Value("1-2")),
        default="none",
    )


def _helix_group():
    return _group_per_project(
        Participation.objects.all(),
        Count("actor__sector", distinct=True),
        When(v__gte=4, then=Value("4-5")),
        When(v__gte=2, then=Value("2-3")),
        default="0-1",
    )


def _tools_group():
    return _group_per_project(
        Activity.objects.exclude(tool=""),
        Count("tool", distinct=True),
        When(v__gte=3, then=Value("3+")),
        When(v__gte=1, then=Value("1-2")),
        default="0",
    )


def _funding_group():
    return _case(When(_granted_externally(), then=Value("yes")), default="no")


@dataclass(frozen=True)
class Factor:
    key: str
    label: object
    grouping: object  # how projects are grouped, in a sentence
    groups: tuple[tuple[str, object], ...]  # (key, label), in the order shown
    group: object = None  # gives the SQL expression of a project's group key; None: grouped in Python

    def label_of(self, key: str):
        return dict(self.groups).get(key, key)


FACTORS = (
    Factor(
        "depth",
        _("Co-production depth"),
        _("The deepest level of the IAP2 spectrum at which any actor takes part in the project."),
        (
            ("none", _("No participation recorded")),
            ("1-2", _("1–2 Inform or consult")),
            ("3", _("3 Involve")),
            ("4-5", _("4–5 Collaborate or empower")),
        ),
        _depth_group,
    ),
    Factor(
        "helix",
        _("Helix diversity"),
        _(
            "How many of the five helix sectors (public sector, business, academia, civil society, "
            "citizens) the project's participating actors come from."
        ),
        (("0-1", _("0–1 sectors")), ("2-3", _("2–3 sectors")), ("4-5", _("4–5 sectors"))),
        _helix_group,
    ),
    Factor(
        "tools",
        _("Method tools used"),
        _("How many different method tools are recorded on the project's workshops and activities."),
        (("0", _("None recorded")), ("1-2", _("1–2 tools")), ("3+", _("3 or more tools"))),
        _tools_group,
    ),
    Factor(
        "funding",
        _("External funding"),
        _("Whether the project has a granted funding line from a source other than its own budget."),
        (("yes", _("External funding granted")), ("no", _("No external funding granted"))),
        _funding_group,
    ),
    Factor(
        "balance",
        _("Sustainability balance"),
        _("The balance class of the project's latest completed sustainability assessment."),
        tuple(BALANCE.items()),
    ),
)
BY_KEY = {f.key: f for f in FACTORS}


# --- the counts -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Group:
    key: str
    ended: int
    implemented: int
    timed: int  # implemented projects whose days to implementation are known
    median_days: float | None

    @property
    def suppressed(self) -> bool:
        return self.ended < MINIMUM

    @property
    def rate(self) -> float | None:
        return self.implemented / self.ended if self.ended else None

    @property
    def interval(self) -> tuple[float, float] | None:
        return wilson(self.implemented, self.ended)


def _ended(scope):
    return scope.projects.filter(status__in=FINISHED).order_by().annotate(days=days_to_implementation())


def _grouped(projects, expression) -> dict[str, Group]:
    rows = (
        projects.annotate(grp=expression)
        .values("grp")
        .annotate(
            ended=Count("pk"),
            implemented=Count("pk", filter=Q(status__in=ENDED)),
            timed=Count("days"),
            median=Percentile(F("days"), 0.5),
        )
        .values_list("grp", "ended", "implemented", "timed", "median")
    )
    return {
        key: Group(key, ended, implemented, timed, median) for key, ended, implemented, timed, median in rows
    }


def balance_classes(scope) -> dict[int, str]:
    """Each project's balance class (its latest completed assessment), from the portfolio."""
    members = portfolio(scope.projects, [])["members"]
    return {pk: key for key, pks in members.items() for pk in pks}


def _balance_groups(scope, projects) -> dict[str, Group]:
    """The one factor grouped in Python: the portfolio classifies each project from its goal rows."""
    classes = balance_classes(scope)
    sums: dict[str, list] = {}
    for pk, status, days in projects.values_list("pk", "status", "days"):
        entry = sums.setdefault(classes.get(pk, "not_assessed"), [0, 0, []])
        entry[0] += 1
        entry[1] += status in ENDED
        if days is not None:
            entry[2].append(days)
    return {
        key: Group(key, ended, implemented, len(days), median(days) if days else None)
        for key, (ended, implemented, days) in sums.items()
    }


@dataclass(frozen=True)
class Evidence:
    overall: Group
    factors: dict[str, dict[str, Group]]  # factor key → group key → counts

    def groups(self, factor: Factor) -> list[Group]:
        found = self.factors.get(factor.key, {})
        return [found.get(key) or Group(key, 0, 0, 0, None) for key, _label in factor.groups]


def cached(scope) -> Evidence:
    """The evidence of the scope, kept per reader until what a dashboard depends on changes (at most
    ten minutes)."""
    owner = scope.owner
    return fragments.cached(
        f"evidence:{scope.kind}:{owner.pk}:{scope.reader.pk}",
        dashboard.depends_on(scope),
        lambda: compute(scope),
        timeout=600,
    )


def compute(scope) -> Evidence:
    """Every factor's groups for the scope's ended projects: one grouped query a factor, the overall
    counts in one more, and the portfolio's fixed number of queries for the balance classes."""
    projects = _ended(scope)
    overall = _grouped(projects, Value("all", output_field=CharField())).get("all") or Group(
        "all", 0, 0, 0, None
    )
    factors = {f.key: _grouped(projects, f.group()) for f in FACTORS if f.group is not None}
    factors["balance"] = _balance_groups(scope, projects)
    return Evidence(overall=overall, factors=factors)


def projects_in(scope, factor_key: str, group_key: str):
    """The ended projects of one group of a factor (the projects behind its count), or None for a factor
    or group that does not exist."""
    factor = BY_KEY.get(factor_key)
    if factor is None or group_key not in dict(factor.groups):
        return None
    if cached(scope).factors.get(factor_key, {}).get(group_key, Group(group_key, 0, 0, 0, None)).suppressed:
        return None  # a group shown as "fewer than 5" lists no projects either
    ended = scope.projects.filter(status__in=FINISHED)
    if factor.group is None:
        # the class is known in Python only: name at most as many projects as a list can page through
        # (``core.paging.CAP``, in the list's order), never a parameter per project of a large portfolio
        members = set(portfolio(scope.projects, [])["members"].get(group_key, []))
        ordered = ended.order_by("title", "pk").values_list("pk", flat=True)
        return ended.filter(
            pk__in=[pk for pk in ordered.iterator(chunk_size=2000) if pk in members][: CAP + 1]
        )
    return ended.alias(grp=factor.group()).filter(grp=group_key)


# --- who may download the research dataset ----------------------------------------------------------


def may_download_research(user, scope) -> bool:
    """Platform staff, and the operators of the network whose dashboard it is (or which owns the
    programme): the anonymised dataset is for the programme's researchers, through its operators."""
    if not getattr(user, "is_authenticated", False):
        return False
    roles = roles_of(user)
    if roles.is_staff:
        return True
    if scope.kind == "network":
        return scope.owner.pk in roles.operated_network_ids
    if scope.kind == "programme":
        return scope.owner.network_id is not None and scope.owner.network_id in roles.operated_network_ids
    return False


# --- drawn: each factor's chart and table -----------------------------------------------------------

LABEL_END, PLOT_X, PLOT_W, TOP, ROW_H = 212, 224, 320, 34, 32


def _x(share: float) -> float:
    return round(PLOT_X + share * PLOT_W, 1)


def _percent(share: float | None) -> int | None:
    return None if share is None else round(share * 100)


@dataclass(frozen=True)
class Shown:
    """One group as the page shows it: its numbers (none when suppressed) and its place in the chart."""

    key: str
    label: object
    group: Group
    y: int

    @property
    def percent(self) -> int | None:
        return None if self.group.suppressed else _percent(self.group.rate)

    @property
    def low(self) -> int | None:
        return None if self.group.suppressed else _percent(self.group.interval[0])

    @property
    def high(self) -> int | None:
        return None if self.group.suppressed else _percent(self.group.interval[1])

    @property
    def x(self) -> float | None:
        return None if self.group.suppressed else _x(self.group.rate)

    @property
    def low_x(self) -> float | None:
        return None if self.group.suppressed else _x(self.group.interval[0])

    @property
    def high_x(self) -> float | None:
        return None if self.group.suppressed else _x(self.group.interval[1])


@dataclass(frozen=True)
class Drawn:
    factor: Factor
    rows: list[Shown]
    height: int
    overall_x: float | None
    ticks: tuple[tuple[int, float], ...]  # (per cent, x)

    label_x = LABEL_END
    plot_x = PLOT_X
    value_x = PLOT_X + PLOT_W + 14
    tick_y = TOP - 14
    grid_top = TOP - 8

    @property
    def grid_bottom(self) -> int:
        return self.height - 8


def drawn(data: Evidence) -> list[Drawn]:
    """Each factor with its groups in order, laid out for a chart of 0–100 %: a dot for the rate and a
    line for its 95 % interval, one row per group; the rate of all ended projects as a reference line."""
    ticks = tuple((p, _x(p / 100)) for p in (0, 25, 50, 75, 100))
    overall = None if data.overall.suppressed else _x(data.overall.rate)
    out = []
    for factor in FACTORS:
        rows = [
            Shown(group.key, factor.label_of(group.key), group, TOP + i * ROW_H + ROW_H // 2)
            for i, group in enumerate(data.groups(factor))
        ]
        out.append(Drawn(factor, rows, TOP + len(rows) * ROW_H + 8, overall, ticks))
    return out


def overall_shown(data: Evidence) -> Shown:
    return Shown("all", _("All ended projects"), data.overall, 0)
