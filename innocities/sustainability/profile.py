"""A project's sustainability profile: per goal and per dimension, its flags and its balance."""

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml
from django.utils.translation import gettext_lazy as _

DIMENSIONS = {
    "ecological": _("Ecological"),
    "social": _("Social"),
    "economic": _("Economic"),
}
BALANCE = {
    "integrated": _("Integrated"),
    "single_dimension": _("Single dimension"),
    "trade_offs": _("With trade-offs"),
    "neutral": _("No positive contribution"),
    "not_assessed": _("Not assessed"),
}
BALANCE_HELP = {
    "integrated": _("Positive in at least two dimensions, with no negative impact left unaddressed."),
    "single_dimension": _("Positive in one dimension only."),
    "trade_offs": _("A negative impact on some goal that no action addresses yet."),
    "neutral": _("No goal with a positive impact."),
    "not_assessed": _("No completed assessment."),
}


@cache
def default_mapping() -> dict[int, str]:
    data = yaml.safe_load((Path(__file__).resolve().parent / "data" / "dimensions.yaml").read_text())
    return {number: dimension for dimension, numbers in data.items() for number in numbers}


def mapping_for(project) -> dict[int, str]:
    """The dimension of each goal for a project: its networks' own mapping if one has it, else the default."""
    return mappings_for_organisations([project.organisation_id])[project.organisation_id]


def mappings_for_organisations(organisation_ids) -> dict[int, dict[int, str]]:
    """Each organisation's mapping of goals to dimensions, in one query: the first of its networks (by
    name) that keeps its own, else the default."""
    from .models import DimensionMap

    own: dict[int, dict[int, str]] = {}
    rows = (
        DimensionMap.objects.filter(network__members__in=list(organisation_ids))
        .order_by("network__name", "network_id", "pk")
        .values_list("network__members", "mapping")
    )
    for organisation_id, mapping in rows:
        own.setdefault(organisation_id, {int(k): v for k, v in mapping.items()})
    return {o: own.get(o) or default_mapping() for o in organisation_ids}


@dataclass
class GoalRow:
    goal: object
    relevance: str
    impact: int | None
    knowledge_gap: bool
    rationale: str
    dimension: str
    pathway: str = ""  # direct or indirect, for a positive or negative impact
    targets: list = field(default_factory=list)
    addressed: bool = False  # a "reduce" action names this goal

    @property
    def rated(self) -> bool:
        """Rated on the scale: a knowledge gap (or a goal not assessed yet) has no place in the means."""
        return self.impact is not None and not self.knowledge_gap


@dataclass
class Profile:
    rows: list[GoalRow]
    dimensions: dict[str, float | None]
    flags: list[tuple[str, object]]
    balance: str

    @property
    def balance_label(self):
        return BALANCE[self.balance]

    @property
    def balance_help(self):
        return BALANCE_HELP[self.balance]

    def impact_of(self, number):
        """The goal's impact, "gap" for a knowledge gap, or None (not relevant or not assessed)."""
        row = next((r for r in self.rows if r.goal.number == number), None)
        return None if row is None else ("gap" if row.knowledge_gap else row.impact)


def classify(rows, dimensions) -> str:
    unaddressed = any(r.rated and r.impact < 0 and not r.addressed for r in rows)
    positive = [d for d, value in dimensions.items() if value is not None and value > 0]
    if unaddressed:
        return "trade_offs"
    if len(positive) >= 2:
        return "integrated"
    if len(positive) == 1:
        return "single_dimension"
    return "neutral"


def profile(assessment, mapping=None, *, with_targets=True) -> Profile:
    """Compute the profile of a completed or draft assessment (its goals, targets and actions prefetched;
    a portfolio, which shows no targets, asks ``with_targets=False`` and prefetches none)."""
    mapping = mapping or mapping_for(assessment.project)
    reduced = {a.goal_id for a in assessment.actions.all() if a.kind == "reduce"}
    closed = {a.goal_id for a in assessment.actions.all() if a.kind == "close_gap"}
    rows = [
        GoalRow(
            goal=g.goal,
            relevance=g.relevance,
            impact=g.impact,
            knowledge_gap=g.knowledge_gap,
            rationale=g.rationale,
            dimension=mapping.get(g.goal_id, "cross_cutting"),
            pathway=g.pathway,
            targets=list(g.targets.all()) if with_targets else [],
            addressed=g.goal_id in reduced,
        )
        for g in assessment.goals.all()
        if g.relevance != "not_relevant"
    ]
    return summarise(rows, closed)


def summarise(rows: list[GoalRow], closed: set[int]) -> Profile:
    """Means per dimension, flags and balance of a profile's goal rows (``closed``: the goals whose
    knowledge gap an action closes)."""
    dimensions = {}
    for dimension in DIMENSIONS:
        values = [r.impact for r in rows if r.dimension == dimension and r.rated]
        dimensions[dimension] = round(sum(values) / len(values), 1) if values else None
    flags = [("negative", r.goal) for r in rows if r.rated and r.impact < 0 and not r.addressed]
    flags += [("gap", r.goal) for r in rows if r.knowledge_gap and r.goal.number not in closed]
    return Profile(rows=rows, dimensions=dimensions, flags=flags, balance=classify(rows, dimensions))


BOARD = {
    "direct_positive": _("Direct positive impact"),
    "indirect_positive": _("Indirect positive impact"),
    "no_impact": _("No impact"),
    "knowledge_gap": _("Knowledge gap"),
    "indirect_negative": _("Indirect negative impact"),
    "direct_negative": _("Direct negative impact"),
    "not_assessed": _("Not assessed yet"),
    "not_relevant": _("Not relevant"),
}


def place(row) -> str:
    """The row of the result board a goal belongs in, as the tool places it."""
    if row.relevance == "not_relevant":
        return "not_relevant"
    if row.knowledge_gap:
        return "knowledge_gap"
    if row.impact is None:
        return "not_assessed"
    if row.impact == 0:
        return "no_impact"
    side = "positive" if row.impact > 0 else "negative"
    return f"{row.pathway or 'direct'}_{side}"


def board(assessment) -> list[tuple[str, object, list]]:
    """All 17 goals placed in rows by impact, strongest first within a row: (key, label, goal rows).
    Rows left empty are kept (the board has the same shape every time) except "not assessed yet"."""
    placed: dict[str, list] = {key: [] for key in BOARD}
    for row in assessment.goals.all():
        placed[place(row)].append(row)
    for rows in placed.values():
        rows.sort(key=lambda r: (-abs(r.impact or 0), r.goal_id))
    return [(key, BOARD[key], placed[key]) for key in BOARD if placed[key] or key != "not_assessed"]


def changes(earlier, later) -> list[tuple[object, int | None, int | None]]:
    """Goals whose impact differs between two profiles: (goal, before, after), each an impact, "gap"
    for a knowledge gap, or None."""
    before = {r.goal.number: r for r in earlier.rows}
    after = {r.goal.number: r for r in later.rows}

    def shown(row):
        return None if row is None else ("gap" if row.knowledge_gap else row.impact)

    out = []
    for number in sorted(set(before) | set(after)):
        b, a = shown(before.get(number)), shown(after.get(number))
        if a != b:
            out.append(((after.get(number) or before.get(number)).goal, b, a))
    return out


def dimension_map_of_network(network) -> dict[int, str]:
    own = getattr(network, "dimension_map", None)
    return {int(k): v for k, v in own.mapping.items()} if own else default_mapping()
