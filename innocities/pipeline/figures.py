"""The pipeline's figures for the dashboards: where projects are, how they flow, what the gates decide,
how long projects stay and wait, where they end, what they cost and what they carry.

Counting rules shared by every figure here (each figure's ``rule`` states its own):
- a project counts in the programme and organisation it belongs to today, with its whole history;
- annulled decisions never count; a decision counts in the period holding its date of decision;
- phases are grouped by their key, so a programme's adapted copy of a method counts with the original;
- a move is a decision that takes a project into another phase (go, go with conditions, recycle).

Every figure is a fixed number of aggregate queries, whatever the number of projects.
"""

from django.db import connections
from django.db.models import BooleanField, Count, ExpressionWrapper, F, Max, Min, OuterRef, Q, Sum, Window
from django.db.models.functions import Coalesce, Lag, TruncDate
from django.utils.translation import gettext_lazy as _

from innocities.core.aggregates import DaysBetween, Percentile
from innocities.core.tables import Cell, Row, Table

from .models import Decision, Facet, FundingLine, FundingSource, FundingState, GateDecision, ProjectStatus

EXTERNAL = [s for s in FundingSource.values if s != FundingSource.OWN]
ENDED = [ProjectStatus.IMPLEMENTED, ProjectStatus.SCALED]
WAITING = [ProjectStatus.ACTIVE, ProjectStatus.ON_HOLD]


def _project_ids(scope):
    return scope.projects.order_by().values("pk")


def _live(scope):
    """The decisions that count: not annulled, on the scope's projects."""
    return GateDecision.objects.filter(project__in=_project_ids(scope), annulled_at__isnull=True)


def _in_period(scope):
    return _live(scope).filter(decided_on__gte=scope.start, decided_on__lte=scope.end)


MOVED = ~Q(to_phase__key=F("from_phase__key"))
IMPLEMENTING = Q(decision__in=[Decision.GO, Decision.GO_WITH_CONDITIONS], to_phase__gate__isnull=True)
ENDING = MOVED | Q(decision=Decision.STOP)  # a stay in a phase ends with a move or a stop


def implemented_on():
    """For ``Subquery`` over a project (``OuterRef("pk")``): the day of the decision that implemented it,
    a go past the last gate not annulled (the latest, if one was annulled and taken again)."""
    return (
        GateDecision.objects.filter(IMPLEMENTING, project=OuterRef("pk"), annulled_at__isnull=True)
        .order_by()
        .values("project")
        .annotate(last=Max("decided_on"))
        .values("last")
    )


def _counts(queryset, *fields) -> dict:
    return {row[:-1]: row[-1] for row in queryset.order_by().values_list(*fields).annotate(n=Count("pk"))}


# --- where projects are now --------------------------------------------------------------------------


def phases_now(scope) -> Table:
    counts = _counts(scope.projects, "phase__key", "status")
    rows = [
        Row(
            key=p.key,
            label=p.label,
            cells=[
                Cell(sum(counts.get((p.key, s), 0) for s in WAITING), f"phase:{p.key}"),
                Cell(counts.get((p.key, ProjectStatus.ON_HOLD), 0), f"hold:{p.key}"),
            ],
        )
        for p in scope.phases
    ]
    for status in (ProjectStatus.IMPLEMENTED, ProjectStatus.SCALED, ProjectStatus.STOPPED):
        total = sum(n for (_key, s), n in counts.items() if s == status)
        rows.append(Row(key=status, label=status.label, cells=[Cell(total, f"status:{status}"), Cell(None)]))
    return Table(columns=[_("Projects now"), _("of which on hold")], rows=rows)


# --- flow in the period --------------------------------------------------------------------------


def _decision_counts(scope) -> dict:
    """Decisions in the period by (phase left, phase entered, decision): one query shared by the flow,
    the gates and the journey (kept in the scope's memo when it has one)."""
    memo = getattr(scope, "memo", {})
    if "decisions" not in memo:
        memo["decisions"] = _counts(_in_period(scope), "from_phase__key", "to_phase__key", "decision")
    return memo["decisions"]


def flow(scope) -> Table:
    entered: dict[tuple, int] = {}
    left: dict[tuple, int] = {}
    stopped: dict[tuple, int] = {}
    for (origin, destination, decision), n in _decision_counts(scope).items():
        if origin != destination:
            entered[(destination,)] = entered.get((destination,), 0) + n
        if origin != destination or decision == Decision.STOP:
            left[(origin,)] = left.get((origin,), 0) + n
        if decision == Decision.STOP:
            stopped[(origin,)] = stopped.get((origin,), 0) + n
    started = (
        scope.projects.filter(created_at__date__gte=scope.start, created_at__date__lte=scope.end)
        .order_by()
        .count()
    )
    rows = [
        Row(
            key=p.key,
            label=p.label,
            cells=[
                Cell(entered.get((p.key,), 0), f"in:{p.key}"),
                Cell(left.get((p.key,), 0), f"out:{p.key}"),
                Cell(stopped.get((p.key,), 0), f"stop:{p.key}"),
            ],
        )
        for p in scope.phases
    ]
    rows.append(
        Row(key="new", label=_("New projects recorded"), cells=[Cell(started, "new"), Cell(None), Cell(None)])
    )
    return Table(columns=[_("Entered"), _("Left"), _("of which stopped")], rows=rows)


def gates(scope) -> Table:
    counts: dict[tuple, int] = {}
    for (origin, _destination, decision), n in _decision_counts(scope).items():
        counts[(origin, decision)] = counts.get((origin, decision), 0) + n
    kinds = list(Decision)
    rows = []
    for p in scope.phases:
        if not p.has_gate:
            continue
        by_kind = [counts.get((p.key, d.value), 0) for d in kinds]
        total = sum(by_kind)
        passed = by_kind[0] + by_kind[1]
        rows.append(
            Row(
                key=p.key,
                label=p.gate_label,
                cells=[Cell(total, f"gate:{p.key}")]
                + [Cell(n, f"gate:{p.key}:{d.value}") for d, n in zip(kinds, by_kind, strict=True)]
                + [Cell(passed / total if total else None, f"gate:{p.key}:passed", kind="share")],
            )
        )
    return Table(columns=[_("Decisions"), *[d.label for d in kinds], _("Conversion")], rows=rows)


def journey(scope) -> Table:
    moves: dict[tuple[str, str], int] = {}
    for (origin, destination, decision), n in _decision_counts(scope).items():
        if origin == destination and decision != Decision.STOP:
            continue  # a hold: no move
        to = "stop" if decision == Decision.STOP else destination
        moves[(origin, to)] = moves.get((origin, to), 0) + n
    targets = [*scope.phases, None]
    rows = [
        Row(
            key=p.key,
            label=p.label,
            cells=[
                Cell(
                    moves.get((p.key, t.key if t else "stop"), 0) or None,
                    f"move:{p.key}:{t.key if t else 'stop'}",
                )
                for t in targets
            ],
        )
        for p in scope.phases
    ]
    return Table(columns=[*[p.label for p in scope.phases], _("Stopped")], rows=rows, chart=None)


# --- time --------------------------------------------------------------------------------------------


def _durations(inner, group: str, start, end) -> dict:
    """Per group: how many rows, and the median and upper quartile of their days from ``since`` to
    ``day``, for the rows whose ``day`` lies in the period. Computed in the database: the window behind
    ``since`` must see every decision, so the inner query is wrapped rather than aggregated."""
    connection = connections[inner.db]  # the replica, when a dashboard reads from one
    sql, params = inner.query.sql_with_params()
    since = "COALESCE(x.previous, x.born)"
    if connection.vendor == "postgresql":
        days = f"(x.day - {since})"
        pct = "percentile_cont({f}) WITHIN GROUP (ORDER BY {d})"
    else:
        days = f"CAST(julianday(x.day) - julianday({since}) AS INTEGER)"
        pct = "innocities_percentile({d}, {f})"
    query = (
        f"SELECT x.{group}, COUNT(*), {pct.format(f=0.5, d=days)}, {pct.format(f=0.75, d=days)} "
        f"FROM ({sql}) x WHERE x.day >= %s AND x.day <= %s AND {days} >= 0 GROUP BY x.{group}"
    )
    with connection.cursor() as cursor:
        cursor.execute(query, (*params, start, end))
        return {row[0]: (row[1], row[2], row[3]) for row in cursor.fetchall()}


def _stays(scope) -> dict:
    """Stays in a phase that ended in the period: from the move into the phase (or the day the project
    was recorded) to the move out of it or the stop. A hold does not end a stay."""
    inner = (
        _live(scope)
        .filter(ENDING)
        .annotate(
            grp=F("from_phase__key"),
            day=F("decided_on"),
            previous=Window(
                Lag("decided_on"), partition_by=[F("project_id")], order_by=[F("decided_on"), F("pk")]
            ),
            born=TruncDate("project__created_at"),
        )
        .values("grp", "day", "previous", "born")
        .order_by()
    )
    return _durations(inner, "grp", scope.start, scope.end)


def time_in_phase(scope) -> Table:
    stays = _stays(scope)
    waiting = {
        key: (n, since)
        for key, n, since in scope.projects.filter(status__in=WAITING)
        .order_by()
        .values("phase__key")
        .annotate(n=Count("pk"), since=Min("in_phase_since"))
        .values_list("phase__key", "n", "since")
    }
    rows = []
    for p in scope.phases:
        n, median, upper = stays.get(p.key, (0, None, None))
        count, since = waiting.get(p.key, (0, None))
        rows.append(
            Row(
                key=p.key,
                label=p.label,
                cells=[
                    Cell(n, f"out:{p.key}"),
                    Cell(_round(median), f"out:{p.key}", kind="days"),
                    Cell(_round(upper), f"out:{p.key}", kind="days"),
                    Cell(count, f"phase:{p.key}", compare=False),
                    Cell(
                        (scope.today - since).days if since else None,
                        f"oldest:{p.key}",
                        kind="days",
                        compare=False,
                    ),
                ],
            )
        )
    return Table(
        columns=[
            _("Stays ended"),
            _("Median days"),
            _("Upper quartile, days"),
            _("Waiting now"),
            _("Oldest waiting, days"),
        ],
        rows=rows,
        chart=1,
    )


def _round(value):
    return None if value is None else round(value)


def outcomes(scope) -> Table:
    decisions = _in_period(scope)
    ended = decisions.filter(IMPLEMENTING | Q(decision=Decision.STOP)).aggregate(
        implemented=Count("pk", filter=IMPLEMENTING), stopped=Count("pk", filter=Q(decision=Decision.STOP))
    )
    implemented, stopped = ended["implemented"], ended["stopped"]
    # lead time: from the idea's submission, or the project's recording, to the implementing decision
    days = DaysBetween(
        F("decided_on"), Coalesce(TruncDate("project__idea__created_at"), TruncDate("project__created_at"))
    )
    lead = (
        decisions.filter(IMPLEMENTING)
        .annotate(days=days)
        .filter(days__gte=0)
        .aggregate(n=Count("pk"), median=Percentile("days", 0.5), upper=Percentile("days", 0.75))
    )
    n, median, upper = lead["n"], lead["median"], lead["upper"]
    now = _counts(scope.projects.filter(status__in=ENDED), "status")
    scaled, live = now.get((ProjectStatus.SCALED,), 0), sum(now.values())
    rows = [
        Row("implemented", _("Implemented in the period"), [Cell(implemented, "implemented")]),
        Row("stopped", _("Stopped in the period"), [Cell(stopped, "stopped")]),
        Row(
            "implementation_rate",
            _("Implementation rate"),
            [
                Cell(
                    implemented / (implemented + stopped) if implemented + stopped else None,
                    "ended",
                    kind="share",
                )
            ],
        ),
        Row(
            "lead_median",
            _("Lead time from idea to implemented, median days"),
            [Cell(_round(median), "implemented", kind="days")],
        ),
        Row(
            "lead_upper",
            _("Lead time, upper quartile days"),
            [Cell(_round(upper), "implemented", kind="days")],
        ),
        Row("lead_counted", _("Implemented projects with a known start"), [Cell(n, "implemented")]),
        Row(
            "in_operation",
            _("Implemented or scaled, today"),
            [Cell(live, "status:implemented_or_scaled", compare=False)],
        ),
        Row(
            "scaling_rate",
            _("Scaling rate, today"),
            [Cell(scaled / live if live else None, "status:scaled", kind="share", compare=False)],
        ),
    ]
    return Table(columns=[_("Value")], rows=rows, chart=None)


# --- money -------------------------------------------------------------------------------------------


def _lines(scope):
    return FundingLine.objects.filter(project__in=_project_ids(scope)).exclude(state=FundingState.REJECTED)


def money(scope) -> Table:
    sums = {
        (source, currency, granted): total
        for source, currency, granted, total in _lines(scope)
        .order_by()
        .annotate(granted=ExpressionWrapper(Q(state=FundingState.GRANTED), output_field=BooleanField()))
        .values_list("source", "currency", "granted")
        .annotate(total=Sum("amount"))
        .values_list("source", "currency", "granted", "total")
    }
    currencies = sorted({c for _s, c, _g in sums})
    if not currencies:
        return Table(columns=[_("Granted")], rows=[])
    columns, rows = [], []
    for c in currencies:
        columns += [
            _("Granted, %(currency)s") % {"currency": c},
            _("Planned or applied, %(currency)s") % {"currency": c},
        ]
    for source in FundingSource:
        cells = []
        for c in currencies:
            cells += [
                Cell(sums.get((source.value, c, True), 0), f"money:{source.value}", kind="amount"),
                Cell(sums.get((source.value, c, False), 0), f"money:{source.value}", kind="amount"),
            ]
        rows.append(Row(source.value, source.label, cells))
    leverage = []
    for c in currencies:
        own = sums.get((FundingSource.OWN.value, c, True), 0)
        external = sum(sums.get((s, c, True), 0) for s in EXTERNAL)
        leverage += [
            Cell(round(external / own, 2) if own else None, "money:external", kind="ratio"),
            Cell(None),
        ]
    if currencies:
        rows.append(Row("leverage", _("Leverage: external granted per unit of own granted"), leverage))
    return Table(columns=columns, rows=rows)


def money_by_phase(scope) -> Table:
    sums = {
        (key, currency): total
        for key, currency, total in _lines(scope)
        .order_by()
        .values_list("project__phase__key", "currency")
        .annotate(total=Sum("amount"))
    }
    currencies = sorted({c for _k, c in sums})
    if not currencies:
        return Table(columns=[_("Budget")], rows=[])
    rows = [
        Row(
            p.key,
            p.label,
            [Cell(sums.get((p.key, c), 0), f"phase-money:{p.key}", kind="amount") for c in currencies],
        )
        for p in scope.phases
    ]
    return Table(columns=[_("Budget, %(currency)s") % {"currency": c} for c in currencies], rows=rows)


# --- what projects carry -----------------------------------------------------------------------------


def facets(scope) -> Table:
    by_facet = _counts(scope.projects, "facet")
    by_level = _counts(scope.projects, "evidence_level")
    rows = [
        Row(f"facet:{f.value}", f.label, [Cell(by_facet.get((f.value,), 0), f"facet:{f.value}")])
        for f in Facet
    ]
    rows.append(Row("facet:", _("No facet chosen"), [Cell(by_facet.get(("",), 0), "facet:")]))
    for level in range(1, 6):
        rows.append(
            Row(
                f"evidence:{level}",
                _("Nesta evidence level %(level)s") % {"level": level},
                [Cell(by_level.get((level,), 0), f"evidence:{level}")],
            )
        )
    rows.append(Row("evidence:", _("No evidence level yet"), [Cell(by_level.get((None,), 0), "evidence:")]))
    return Table(columns=[_("Projects")], rows=rows)


# --- the projects behind a number ------------------------------------------------------------------


def drill(scope, ref: str):
    """The projects behind a cell of these figures, or None for a reference they do not know."""
    kind, _sep, rest = ref.partition(":")
    projects, decided = scope.projects, _in_period(scope)

    def having(decisions):
        return projects.filter(pk__in=decisions.values("project_id"))

    if kind == "phase":
        return projects.filter(phase__key=rest, status__in=WAITING)
    if kind == "hold":
        return projects.filter(phase__key=rest, status=ProjectStatus.ON_HOLD)
    if kind == "oldest":
        return projects.filter(phase__key=rest, status__in=WAITING)
    if kind == "status":
        wanted = ENDED if rest == "implemented_or_scaled" else [rest]
        return projects.filter(status__in=wanted)
    if kind == "in":
        return having(decided.filter(MOVED, to_phase__key=rest))
    if kind == "out":
        return having(decided.filter(ENDING, from_phase__key=rest))
    if kind == "stop":
        return having(decided.filter(decision=Decision.STOP, from_phase__key=rest))
    if kind == "new":
        return projects.filter(created_at__date__gte=scope.start, created_at__date__lte=scope.end)
    if kind == "gate":
        key, _sep, decision = rest.partition(":")
        chosen = decided.filter(from_phase__key=key)
        if decision == "passed":
            chosen = chosen.filter(decision__in=[Decision.GO, Decision.GO_WITH_CONDITIONS])
        elif decision:
            chosen = chosen.filter(decision=decision)
        return having(chosen)
    if kind == "move":
        origin, _sep, to = rest.partition(":")
        chosen = decided.filter(ENDING, from_phase__key=origin)
        chosen = (
            chosen.filter(decision=Decision.STOP) if to == "stop" else chosen.filter(MOVED, to_phase__key=to)
        )
        return having(chosen)
    if kind == "implemented":
        return having(decided.filter(IMPLEMENTING))
    if kind == "stopped":
        return having(decided.filter(decision=Decision.STOP))
    if kind == "ended":
        return having(decided.filter(IMPLEMENTING | Q(decision=Decision.STOP)))
    if kind == "money":
        lines = _lines(scope)
        lines = lines.filter(source__in=EXTERNAL) if rest == "external" else lines.filter(source=rest)
        return projects.filter(pk__in=lines.values("project_id"))
    if kind == "phase-money":
        return projects.filter(phase__key=rest, pk__in=_lines(scope).values("project_id"))
    if kind == "facet":
        return projects.filter(facet=rest)
    if kind == "evidence":
        return (
            projects.filter(evidence_level=int(rest))
            if (rest.isascii() and rest.isdigit() and len(rest) < 10)
            else projects.filter(evidence_level=None)
        )
    return None
