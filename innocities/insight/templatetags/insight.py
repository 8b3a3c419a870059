from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

register = template.Library()


def _show(value, kind):
    if value is None:
        return "–"
    if kind == "share":
        return f"{number_format(round(value * 100))} %"
    if kind == "ratio":
        return number_format(value, 2)
    if kind == "mean":
        return number_format(value, 1)
    if isinstance(value, float | Decimal):
        return number_format(round(value), force_grouping=True)
    if isinstance(value, int):
        return number_format(value, force_grouping=True)
    return str(value)


@register.filter
def shown(cell):
    """A cell's value as people read it: shares in per cent, amounts grouped, nothing as a dash."""
    return _show(cell.value, cell.kind)


@register.filter
def shown_previous(cell):
    return _show(cell.previous, cell.kind)


@register.filter
def change(cell):
    """The change against the previous period: +3, −2 or ± 0; shares in percentage points."""
    delta = cell.change
    if delta is None:
        return ""
    if cell.kind == "share":
        delta, unit = round(delta * 100), " " + _("pp")
    else:
        delta, unit = round(delta, 2) if isinstance(delta, float) else delta, ""
    if not delta:
        return "± 0" + unit
    sign = "+" if delta > 0 else "−"
    return f"{sign}{number_format(abs(delta), force_grouping=True)}{unit}"


@register.filter
def bar(cell, maximum):
    """The bar's length in a chart of 100 units, for the chart's column."""
    value = cell.value
    if not isinstance(value, int | float | Decimal) or not maximum:
        return 0
    return max(round(float(value) / float(maximum) * 100, 1), 0.5 if value else 0)


@register.filter
def bars(table):
    """The bar chart of a table's chart column: a row of 28 units each, the label left of the bar, the
    value after it. Only rows of the first row's kind (no share among counts); None when nothing is above
    zero."""
    rows = [row for row in table.rows if table.chart is not None and len(row.cells) > table.chart]
    if not rows:
        return None
    kind = rows[0].cells[table.chart].kind
    cells = [(row, row.cells[table.chart]) for row in rows]
    cells = [
        (row, cell)
        for row, cell in cells
        if cell.kind == kind and isinstance(cell.value, int | float | Decimal)
    ]
    maximum = max((cell.value for _row, cell in cells), default=0)
    if not maximum:
        return None
    out = []
    for i, (row, cell) in enumerate(cells):
        label = str(row.label)
        out.append(
            {
                "y": i * 28,
                "label": label if len(label) <= 34 else label[:33] + "…",
                "width": bar(cell, maximum) * 2.6,
                "value": shown(cell),
            }
        )
    return {"rows": out, "height": len(out) * 28 + 4}
