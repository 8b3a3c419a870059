"""Measurements in and out of CSV and XLSX files.

Imports are validated row by row first and written whole or not at all. Files are bounded in size,
rows and cell length; XLSX is read with defusedxml (openpyxl uses it when installed) after its zip
directory has been checked against bombs, and formula cells and control characters are refused. CSV may
be UTF-8, UTF-16 (Excel's "Unicode text") or Windows-1252, with any line endings. Exports are safe to
open in Excel: text that a spreadsheet would run as a formula is prefixed with an apostrophe, which the
import takes off again, so an exported file, edited and imported, gives the same data.
"""

import csv
import io
import re
import zipfile
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from innocities.core import audit
from innocities.core.tables import FORMULA_START, spreadsheet_safe

from .indicators import CONTROL_CHARACTERS
from .models import Measurement

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 50_000
MAX_CELL = 300
MAX_UNZIPPED = 100 * 1024 * 1024
COLUMNS = ["indicator", "year", "value", "source"]
EXPORT_COLUMNS = ["indicator", "name", "unit", "year", "value", "source"]


class ImportRefused(ValidationError):
    """The file was refused; ``errors`` lists (row number, message)."""

    def __init__(self, errors):
        super().__init__([f"{row}: {message}" if row else message for row, message in errors])
        self.errors = errors


def _decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as error:
            raise ImportRefused([(None, _("Save the file as UTF-8 or Windows-1252 text."))]) from error
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252", errors="strict")
    except UnicodeDecodeError as error:
        raise ImportRefused([(None, _("Save the file as UTF-8 or Windows-1252 text."))]) from error


def _csv_rows(raw: bytes):
    text = _decode(raw)
    sample = text[:4096]
    delimiter = max((",", ";", "\t"), key=sample.count)  # comma on a tie (a one-column file)
    # newline="" lets the csv module see \r\n, \n and a bare \r (old Mac Excel) as line ends.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    try:
        for row in reader:
            rows.append(row)
            if len(rows) > MAX_ROWS + 1:
                break
    except csv.Error as error:
        raise ImportRefused(
            [
                (
                    reader.line_num or None,
                    _("This row cannot be read as CSV: a cell is far too long or a quote is not closed."),
                )
            ]
        ) from error
    return rows


def _xlsx_rows(raw: bytes):
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNZIPPED:
                raise ImportRefused(
                    [(None, _("The file unpacks to far more than a measurement file can hold."))]
                )
    except zipfile.BadZipFile as error:
        raise ImportRefused([(None, _("This is not a readable XLSX file."))]) from error
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=False)
    except Exception as error:  # noqa: BLE001 - any broken workbook is one clear message
        raise ImportRefused([(None, _("This is not a readable XLSX file."))]) from error
    rows = []
    for row in workbook.worksheets[0].iter_rows(values_only=True):
        if len(rows) > MAX_ROWS + 1:
            break
        rows.append(["" if cell is None else cell for cell in row])
    workbook.close()
    return rows


def _number(cell) -> Decimal:
    if isinstance(cell, (int, float, Decimal)) and not isinstance(cell, bool):
        return Decimal(str(cell))
    text = str(cell).strip().replace("\u00a0", "").replace(" ", "")
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+,\d+", text):  # 1.234,5
        text = text.replace(".", "").replace(",", ".")
    elif "," in text and "." not in text:  # decimal comma
        text = text.replace(",", ".")
    return Decimal(text)


def _columns(header_row) -> dict[str, int]:
    """Where each known column is, by its name in the first row: the import's four or the export's six."""
    header = [str(cell).strip().lower() for cell in header_row]
    positions: dict[str, int] = {}
    for i, name in enumerate(header):
        if name in COLUMNS:
            positions.setdefault(name, i)
    if not {"indicator", "year", "value"} <= positions.keys():
        raise ImportRefused([(1, _("The first row must name the columns: indicator, year, value, source."))])
    return positions  # other columns, such as the export's name and unit, are ignored


def _unescape(text: str) -> str:
    """Take off the apostrophe the export puts before formula-like text, so a round trip changes nothing."""
    if text.startswith("'") and text[1:].startswith(FORMULA_START):
        return text[1:]
    return text


def parse(raw: bytes, filename: str, indicators: dict[str, object]) -> list[dict]:
    """Validated rows of a measurement file; raises ImportRefused naming every bad row."""
    if len(raw) > MAX_BYTES:
        raise ImportRefused([(None, _("The file is larger than 5 MB."))])
    rows = (
        _xlsx_rows(raw) if filename.lower().endswith(".xlsx") or raw[:4] == b"PK\x03\x04" else _csv_rows(raw)
    )
    if not rows:
        raise ImportRefused([(None, _("The file is empty."))])
    positions = _columns(rows[0])
    if len(rows) - 1 > MAX_ROWS:
        raise ImportRefused([(None, _("The file has more than %(n)s rows.") % {"n": MAX_ROWS})])
    errors, parsed, seen = [], [], set()
    for number, row in enumerate(rows[1:], start=2):
        if all(str(cell).strip() == "" for cell in row):
            continue
        if any(isinstance(cell, str) and len(cell) > MAX_CELL for cell in row):
            errors.append((number, _("A cell is longer than %(n)s characters.") % {"n": MAX_CELL}))
            continue
        if any(isinstance(cell, str) and CONTROL_CHARACTERS.search(cell) for cell in row):
            errors.append((number, _("Control characters are not accepted; write plain text.")))
            continue
        if any(isinstance(cell, str) and cell.startswith("=") for cell in row):
            errors.append((number, _("Formulas are not accepted; write the value itself.")))
            continue
        cells = {name: (row[i] if i < len(row) else "") for name, i in positions.items()}
        code, year, value = _unescape(str(cells["indicator"]).strip()), cells["year"], cells["value"]
        source = _unescape(str(cells.get("source", "")).strip())
        indicator = indicators.get(code)
        if indicator is None:
            errors.append((number, _("No indicator “%(code)s” in the library.") % {"code": code[:40]}))
            continue
        try:
            year = int(str(year).strip().split(".")[0])
            if not 1900 <= year <= 2100:
                raise ValueError
        except ValueError:
            errors.append((number, _("The year must be a year, such as 2024.")))
            continue
        try:
            value = _number(value)
            if not value.is_finite() or abs(value) >= Decimal("1e12"):
                raise InvalidOperation
        except (InvalidOperation, ValueError):
            errors.append((number, _("The value must be a number (decimal comma or point).")))
            continue
        if source.startswith(FORMULA_START) and not str(cells.get("source", "")).strip().startswith("'"):
            errors.append((number, _("Formulas are not accepted; write the value itself.")))
            continue
        if (code, year) in seen:
            errors.append((number, _("The same indicator and year appear twice.")))
            continue
        seen.add((code, year))
        parsed.append({"indicator": indicator, "year": year, "value": value, "source": source})
    if errors:
        raise ImportRefused(errors)
    return parsed


@transaction.atomic
def import_measurements(*, organisation, raw: bytes, filename: str, actor) -> int:
    """Import a measurement file whole, or not at all. Returns the number of rows written."""
    indicators = {i.code: i for i in organisation.indicators.all()}
    rows = parse(raw, filename, indicators)
    existing = {
        (m.indicator_id, m.year): m
        for m in Measurement.objects.filter(indicator__organisation=organisation, project__isnull=True)
    }
    new, changed = [], []
    for row in rows:
        current = existing.get((row["indicator"].pk, row["year"]))
        if current is None:
            new.append(
                Measurement(
                    indicator=row["indicator"], year=row["year"], value=row["value"], source=row["source"]
                )
            )
        else:
            current.value, current.source = row["value"], row["source"]
            changed.append(current)
    Measurement.objects.bulk_create(new, batch_size=2000)
    Measurement.objects.bulk_update(changed, ["value", "source"], batch_size=2000)
    audit.record(
        actor=actor, verb="import_measurements", obj=organisation, organisation=organisation, rows=len(rows)
    )
    return len(rows)


def export_rows(organisation):
    """The header, then one row per measurement: plain tuples read in chunks, never model objects."""
    yield EXPORT_COLUMNS
    rows = (
        Measurement.objects.filter(indicator__organisation=organisation, project__isnull=True)
        .order_by("indicator__code", "indicator__kind", "indicator_id", "year", "pk")
        .values_list("indicator__code", "indicator__name", "indicator__unit", "year", "value", "source")
    )
    for code, name, unit, year, value, source in rows.iterator(chunk_size=2000):
        yield [
            spreadsheet_safe(code),
            spreadsheet_safe(name),
            spreadsheet_safe(unit),
            year,
            value,
            spreadsheet_safe(source),
        ]


def export_csv(organisation):
    """The CSV in chunks of about 64 kB, for a streamed response (Excel's BOM and decimal comma)."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";")
    for row in export_rows(organisation):
        writer.writerow([str(cell).replace(".", ",") if isinstance(cell, Decimal) else cell for cell in row])
        if buffer.tell() > 65536:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def export_xlsx(organisation) -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Measurements")
    for row in export_rows(organisation):
        sheet.append([float(cell) if isinstance(cell, Decimal) else cell for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
