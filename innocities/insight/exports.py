"""A dashboard as a workbook (one sheet per figure, the rows behind it and the counting rule) and as a
CSV per figure: the numbers of the page, taken from the same computed dashboard."""

import csv
import io
import re
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from innocities.core.tables import Cell, spreadsheet_safe

from .dashboard import SECTIONS, Dashboard, Result


def _number(cell: Cell):
    value = spreadsheet_safe(cell.value)
    if isinstance(value, Decimal):
        return float(value)
    if cell.kind == "share" and isinstance(value, float):
        return round(value, 4)
    return value


def header(board: Dashboard, result: Result) -> list:
    columns = [_("Row")]
    for label in result.table.columns:
        columns.append(spreadsheet_safe(str(label)))
        if result.figure.compares:
            columns.append(spreadsheet_safe(_("%(column)s, previous period") % {"column": label}))
    return columns


def rows(board: Dashboard, result: Result):
    for row in result.table.rows:
        out = [spreadsheet_safe(str(row.label))]
        for cell in row.cells:
            out.append(_number(cell))
            if result.figure.compares:
                out.append(_number(Cell(cell.previous, kind=cell.kind)))
        yield out


def _sheet_title(text: str, taken: set[str]) -> str:
    title = re.sub(r"[\[\]\*\?/\\:]", " ", text)[:28].strip() or "Sheet"
    candidate, n = title, 2
    while candidate.lower() in taken:
        candidate, n = f"{title[:25]} {n}", n + 1
    taken.add(candidate.lower())
    return candidate


def workbook(board: Dashboard) -> bytes:
    buffer = io.BytesIO()
    book(board).save(buffer)
    return buffer.getvalue()


def book(board: Dashboard):
    """The workbook as an openpyxl object, for a report that adds its own sheets."""
    import openpyxl
    from openpyxl.styles import Font

    workbook_ = openpyxl.Workbook()
    about = workbook_.active
    about.title = _sheet_title(pgettext("the first sheet of a workbook", "About"), set())
    taken = {about.title.lower()}
    about.append([spreadsheet_safe(str(board.scope.owner)) if board.scope else ""])
    about["A1"].font = Font(bold=True, size=14)
    about.append([_("Period"), board.period.start, board.period.end, board.period.label])
    about.append([_("Previous period"), board.previous.start, board.previous.end, board.previous.label])
    about.append([])
    about.append([_("Figure"), _("Section"), _("How it is counted")])
    for result in board.results:
        fig = result.figure
        about.append([str(fig.label), str(SECTIONS.get(fig.section, fig.section)), str(fig.rule)])
    for result in board.results:
        sheet = workbook_.create_sheet(_sheet_title(str(result.figure.label), taken))
        sheet.append([str(result.figure.label)])
        sheet["A1"].font = Font(bold=True)
        sheet.append([str(result.figure.rule)])
        sheet.append([])
        sheet.append(header(board, result))
        for row in rows(board, result):
            sheet.append(row)
        for note in result.table.notes:
            sheet.append([str(note)])
    return workbook_


def figure_csv(board: Dashboard, result: Result) -> bytes:
    """One figure as CSV for Excel: a BOM, semicolons, decimal commas, formulas defused."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(header(board, result))
    for row in rows(board, result):
        writer.writerow([str(v).replace(".", ",") if isinstance(v, float) else v for v in row])
    return buffer.getvalue().encode("utf-8")
