"""Reports as XLSX workbooks (openpyxl): one sheet per ``Table``.

Each sheet: the office, the title and the period on the first rows; the (merged, multi-level) header
frozen with the label columns; real number cells (counts with "#,##0", shares as fractions with a
percentage format, working days with two decimals, office-local dates as Excel dates); column widths
from the text; printed landscape when wide, one page wide, header rows repeated on every page.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Sequence
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from counter_app.exports.tables import LABEL_KINDS, Column, Table

FORMATS = {
    "seq": "0",
    "int": "#,##0",
    "percent": "0.0%",
    "decimal": "0.00",
    "datetime": "dd/mm/yyyy hh:mm",
    "date": "dd/mm/yyyy",
}
# Display width (characters) of a formatted value of each kind.
_KIND_WIDTH = {"percent": 7, "decimal": 6, "datetime": 16, "date": 10}
MAX_WIDTH = 60  # wider text wraps
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="DDE4EE")
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
LINE_HEIGHT = 15.0  # points per line of 11 pt text


def sheet_name(name: str, taken: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", "-", name)[:31] or "Sheet"
    out, n = base, 2
    while out.lower() in taken:
        suffix = f" ({n})"
        out, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(out.lower())
    return out


def _text_width(value: object, column: Column) -> float:
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int | float | datetime | date):
        return max((len(line) for line in str(value).split("\n")), default=0)
    if isinstance(value, int) and column.kind == "int":
        return len(f"{value:,}")
    return _KIND_WIDTH.get(column.kind, len(str(value)))


def _widths(table: Table) -> list[float]:
    out = []
    for i, column in enumerate(table.columns):
        data = max((_text_width(row[i], column) for row in table.body), default=0)
        # The leaf header wraps at spaces: its longest word must fit; bold runs ~10 % wider.
        leaf = column.path[-1]
        word = max(len(w) for w in leaf.split()) * 1.1
        head = min(len(leaf) * 1.1, max(word, 12))
        out.append(min(MAX_WIDTH, max(6.0, data + 2, head + 2)))
    return out


def _value(cell: Cell, value: object, column: Column) -> None:
    if isinstance(value, datetime):
        cell.value = value.replace(tzinfo=None)  # office-local already: Excel has no time zones
    elif value == "":
        return
    else:
        # A Table's cells are typed ``object``; openpyxl refuses a value it cannot write (ValueError).
        cell.value = value  # type: ignore[assignment]
    if isinstance(value, str):
        cell.data_type = "s"  # text starting with "=" stays text, never a formula
    elif isinstance(value, int | float | date):
        cell.number_format = FORMATS.get(column.kind, "General")
        if isinstance(value, float) and column.kind == "int":
            cell.number_format = "0.00"


def _header(ws: Worksheet, table: Table, top: int, widths: list[float]) -> None:
    font = Font(bold=True)
    align = Alignment(horizontal="center", vertical="center", wrap_text=True)
    lines = [1.0] * table.header_rows
    for h in table.header_cells():
        row, col = top + h.row, 1 + h.col
        if h.rowspan > 1 or h.colspan > 1:
            ws.merge_cells(
                start_row=row, start_column=col, end_row=row + h.rowspan - 1, end_column=col + h.colspan - 1
            )
        cell: Cell | MergedCell = ws.cell(row=row, column=col, value=h.text)
        cell.font, cell.alignment = font, align
        width = sum(widths[h.col : h.col + h.colspan])
        needed = math.ceil(len(h.text) * 1.1 / max(width - 1, 1)) / h.rowspan
        lines[h.row] = max(lines[h.row], needed)
    for r in range(table.header_rows):
        for c in range(len(table.columns)):
            cell = ws.cell(row=top + r, column=1 + c)
            cell.border, cell.fill = BOX, HEAD_FILL
    if table.numbered:
        for c, text in enumerate(table.column_numbers()):
            cell = ws.cell(row=top + table.depth, column=1 + c, value=text)
            cell.font, cell.alignment = Font(italic=True), Alignment(horizontal="center")
    for r in range(table.depth):
        ws.row_dimensions[top + r].height = LINE_HEIGHT * max(1.0, lines[r]) + 2


def write_sheet(ws: Worksheet, table: Table, office: str = "") -> None:
    width = len(table.columns)
    heading = [(office, Font(bold=True, size=11)), (table.title, Font(bold=True, size=14))]
    heading.append((table.subtitle, Font(italic=True, size=11)))
    row = 1
    for text, font in heading:
        if text:
            ws.cell(row=row, column=1, value=text).font = font
            row += 1
    top = row + 1
    widths = _widths(table)
    _header(ws, table, top, widths)
    first = top + table.header_rows
    bold = Font(bold=True)
    for i, values in enumerate(table.body):
        is_total = table.total is not None and i == len(table.rows)
        for c, (value, column) in enumerate(zip(values, table.columns, strict=True)):
            cell = ws.cell(row=first + i, column=1 + c)
            assert isinstance(cell, Cell)  # only header cells are merged
            _value(cell, value, column)
            cell.border = BOX
            wrap = column.kind == "text" and widths[c] >= MAX_WIDTH
            centre = "center" if column.kind == "seq" else None
            cell.alignment = Alignment(horizontal=centre, vertical="center", wrap_text=wrap)
            if is_total:
                cell.font, cell.fill = bold, TOTAL_FILL
    end = first + len(table.body)
    if not table.rows:
        ws.cell(row=end, column=1, value=table.empty).font = Font(italic=True)
        end += 1
    for note in table.notes:
        ws.cell(row=end + 1, column=1, value=note).font = Font(italic=True, size=10)
        end += 1
    for c, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(c)].width = round(w, 1)
    leading = 0
    while leading < min(2, width - 1) and table.columns[leading].kind in LABEL_KINDS:
        leading += 1
    ws.freeze_panes = ws.cell(row=first, column=1 + leading).coordinate
    ws.print_title_rows = f"{top}:{first - 1}"
    ws.page_setup.orientation = "landscape" if sum(widths) > 100 else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    fit = ws.sheet_properties.pageSetUpPr
    assert fit is not None  # made with the sheet's properties
    fit.fitToPage = True


def workbook_bytes(tables: Sequence[Table], *, office: str = "", created: datetime | None = None) -> bytes:
    """The tables as one workbook, a sheet each, in order (the first is the active one)."""
    wb = Workbook()
    blank = wb.active  # the sheet a new workbook comes with
    assert blank is not None
    wb.remove(blank)
    taken: set[str] = set()
    for table in tables:
        write_sheet(wb.create_sheet(sheet_name(table.name, taken)), table, office)
    wb.properties.creator = "counter_app"
    if created is not None:
        wb.properties.created = wb.properties.modified = created.replace(tzinfo=None)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
