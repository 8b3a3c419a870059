"""The figures of dashboards and reports as plain data: computed once, then drawn as a page, a PDF, a
workbook or a CSV, so all of them show the same numbers.

A module's figure (``registry.Figure``) returns a ``Table``: labelled rows of cells. A cell may name the
projects behind it with ``ref``, a short key the figure's own ``drill(scope, ref)`` understands; the
dashboard links the number to that list. ``previous`` is filled by the dashboard from the same figure
computed for the period before, when the figure compares periods.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

# A cell that starts like this is read as a formula by spreadsheet programs (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def total_order(queryset, *fields):
    """The queryset ordered by ``fields`` (or by its own order: the one asked for, else the model's
    ``Meta.ordering``) and then by primary key, so rows that tie on every other column still come in one
    order: an export made twice over the same data gives the same bytes (PostgreSQL returns ties in
    whatever order its rows lie on disk, which a restore or a VACUUM changes)."""
    query = queryset.query
    order = (
        list(fields)
        or list(query.order_by)
        or (list(queryset.model._meta.ordering) if query.default_ordering else [])
    )
    names = {queryset.model._meta.pk.name, "pk"}
    if not any(isinstance(o, str) and o.lstrip("-") in names for o in order):
        order.append("pk")
    return queryset.order_by(*order)


def spreadsheet_safe(value):
    """A text cell a spreadsheet shows as text, never runs: a leading apostrophe before a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


@dataclass
class Cell:
    value: Any = None
    ref: str = ""  # the projects behind the number: understood by the figure's drill()
    previous: Any = None
    kind: str = "count"  # count, days, share (0..1), amount, ratio, mean, text
    compare: bool = True  # False for a cell that tells today's state in a figure that compares periods

    @property
    def change(self):
        """The change against the previous period, where both are numbers (shares in points)."""
        if self.kind == "text" or not isinstance(self.value, int | float | Decimal):
            return None
        if not isinstance(self.previous, int | float | Decimal):
            return None
        return self.value - self.previous


@dataclass
class Row:
    key: str
    label: Any
    cells: list[Cell]
    note: Any = ""


@dataclass
class Table:
    columns: list[Any]  # the labels of the value columns
    rows: list[Row] = field(default_factory=list)
    chart: int | None = 0  # the column drawn as bars, or None for a table alone
    notes: list[Any] = field(default_factory=list)  # caveats shown under the table (suppressed groups…)
    links: list[tuple[Any, str]] = field(default_factory=list)  # (label, URL) of pages that go further

    def cell(self, row_key: str, column: int) -> Cell | None:
        for row in self.rows:
            if row.key == row_key:
                return row.cells[column]
        return None
