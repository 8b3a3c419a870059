"""A dashboard: every figure the modules contribute, computed once for the period and the period before,
and kept per reader and language until the projects change. The page, the workbook, the CSV files and
the annual report all draw this one result, so they show the same numbers."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from innocities.core import fragments, registry
from innocities.core.tables import Table

from .periods import Period
from .scope import Scope

SECTIONS = {
    "pipeline": _("Pipeline flow"),
    "outcomes": _("Implementation and lead time"),
    "benefits": _("Benefits"),
    "money": _("Money"),
    "coproduction": _("Co-production"),
    "sustainability": _("Sustainability"),
    "methods": _("Innovation facets and evidence"),
    "benchmark": _("Network benchmark"),
}
TIMEOUT = 600  # ideas in a network's open calls touch no name the dashboard hears: ten minutes at most


@dataclass
class Result:
    key: str
    table: Table

    @property
    def figure(self) -> registry.Figure:
        return next(f for f in registry.figures("dashboard") if f.key == self.key)


@dataclass
class Dashboard:
    scope: Scope
    period: Period
    previous: Period
    results: list[Result] = field(default_factory=list)

    def sections(self):
        for key, label in SECTIONS.items():
            results = [r for r in self.results if r.figure.section == key]
            if results:
                yield key, label, results

    def result(self, key: str) -> Result | None:
        return next((r for r in self.results if r.key == key), None)


def figures_for(scope: Scope) -> list[registry.Figure]:
    return [f for f in registry.figures("dashboard") if scope.kind in f.scopes]


def figure(scope: Scope, key: str) -> registry.Figure | None:
    return next((f for f in figures_for(scope) if f.key == key), None)


def compute(scope: Scope, period: Period) -> Dashboard:
    previous = period.previous()
    now, before = scope.within(period.start, period.end), scope.within(previous.start, previous.end)
    board = Dashboard(scope=now, period=period, previous=previous)
    for fig in figures_for(scope):
        table = fig.compute(now)
        if fig.compares:
            _compare(table, fig.compute(before))
        board.results.append(Result(fig.key, table))
    return board


def _compare(table: Table, earlier: Table) -> None:
    earlier_rows = {row.key: row for row in earlier.rows}
    for row in table.rows:
        other = earlier_rows.get(row.key)
        if other is None:
            continue
        for cell, before in zip(row.cells, other.cells, strict=False):
            if cell.compare:
                cell.previous = before.value


def cache_key(scope: Scope, period: Period, what: str = "dashboard") -> str:
    """The key of what is kept of one reader's dashboard for a period (the language is added)."""
    before = period.previous()  # a quarter and the same days as custom dates compare differently
    return (
        f"{what}:{scope.kind}:{scope.owner.pk}:{scope.reader.pk}:{period.code}:{period.start}:{period.end}"
        f":{before.start}:{before.end}"
    )


def depends_on(scope: Scope) -> list[str]:
    """What makes a kept dashboard stale: any project's change (and the rows of projects the modules
    watch, and actors), the owner renamed, a network's grouping of the goals (balance classes), the
    reader's roles."""
    owner = scope.owner
    return [
        "projects",
        "dimension-maps",
        f"{owner._meta.model_name}:{owner.pk}",
        *fragments.readers(scope.reader),
    ]


def cached(scope: Scope, period: Period) -> Dashboard:
    """The dashboard, kept per reader, language and period until the owner's projects change."""
    board = fragments.cached(
        f"{cache_key(scope, period)}:{get_language()}",
        depends_on(scope),
        lambda: _detached(compute(scope, period)),
        timeout=TIMEOUT,
    )
    board.scope = scope.within(period.start, period.end)  # the live scope: querysets are not kept
    return board


def _detached(board: Dashboard) -> Dashboard:
    """What the cache keeps: the tables, with the querysets of the scope left behind."""
    board.scope = None
    return board
