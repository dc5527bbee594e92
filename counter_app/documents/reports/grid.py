"""A report ``Table`` (``counter_app.exports.tables``) drawn as a ruled platypus table.

Grouped header cells are merged (SPAN) as in the official forms; the header rows (and the column
numbers) repeat on every page; counts are centred, text left, the total row bold. Every cell goes
through ``para`` (NFC, escaped, glyph-checked).
"""

from __future__ import annotations

from dataclasses import replace

from reportlab.lib.colors import Color, black
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from counter_app.documents.fonts import BOLD, ITALIC, REGULAR
from counter_app.documents.formkit import PageProbe
from counter_app.documents.layout import PageSpec, para, plain_table, styles_for
from counter_app.documents.reports.page import fmt
from counter_app.exports.tables import Table

HEAD_SHADE = Color(0.9, 0.92, 0.95)
TOTAL_SHADE = Color(0.95, 0.95, 0.95)
_ALIGN = {"text": TA_LEFT, "int": TA_CENTER, "percent": TA_CENTER, "decimal": TA_CENTER}


def _styles(spec: PageSpec, size: float | None) -> dict[str, ParagraphStyle]:
    cell = styles_for(spec).cell
    body = size or cell.fontSize
    head = body - 0.5

    def style(name: str, font: str, align: int, fs: float) -> ParagraphStyle:
        return ParagraphStyle(name, cell, fontName=font, fontSize=fs, leading=fs * 1.18, alignment=align)

    return {
        "head": style("grid_head", BOLD, TA_CENTER, head),
        "number": style("grid_number", ITALIC, TA_CENTER, head - 0.5),
        "empty": style("grid_empty", ITALIC, TA_CENTER, body),
        **{k: style(f"grid_{k}", REGULAR, a, body) for k, a in _ALIGN.items()},
        **{f"{k}_bold": style(f"grid_{k}_b", BOLD, a, body) for k, a in _ALIGN.items()},
        "center": style("grid_center", REGULAR, TA_CENTER, body),
        "center_bold": style("grid_center_b", BOLD, TA_CENTER, body),
    }


def widths_for(table: Table, room: float, fill: bool) -> list[float]:
    """The columns' mm widths in points, scaled down to ``room`` (and up to it when ``fill``)."""
    natural = [c.width * mm for c in table.columns]
    scale = room / sum(natural)
    return [w * scale for w in natural] if fill or scale < 1 else natural


def grid(
    table: Table,
    spec: PageSpec,
    *,
    fill: bool = True,
    size: float | None = None,
    width: float | None = None,
) -> Flowable:
    """The table in ``width`` (default: the frame), or its "(Không có …)" line when it has no rows."""
    st = _styles(spec, size)
    if not table.rows and table.total is None:
        return para(table.empty, st["empty"])
    header_rows = table.header_rows
    cols = len(table.columns)
    data: list[list[object]] = [["" for _ in range(cols)] for _ in range(header_rows)]
    spans = []
    for h in table.header_cells():
        data[h.row][h.col] = para(h.text, st["head"])
        if h.rowspan > 1 or h.colspan > 1:
            spans.append(("SPAN", (h.col, h.row), (h.col + h.colspan - 1, h.row + h.rowspan - 1)))
    if table.numbered:
        data[table.depth] = [para(n, st["number"]) for n in table.column_numbers()]
    for i, row in enumerate(table.body):
        bold = "_bold" if table.total is not None and i == len(table.rows) else ""
        cells: list[object] = []
        for value, column in zip(row, table.columns, strict=True):
            kind = column.kind
            centred = kind in ("seq", "datetime", "date")
            key = "center" if centred else kind if kind in _ALIGN else "text"
            cells.append(para(fmt(value, kind), st[key + bold]))
        data.append(cells)
    if not table.rows:  # the "(Không có …)" line above the total row
        data.insert(header_rows, [para(table.empty, st["empty"])] + [""] * (cols - 1))
        spans.append(("SPAN", (0, header_rows), (-1, header_rows)))
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_SHADE),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        *spans,
    ]
    if table.total is not None:
        style.append(("BACKGROUND", (0, -1), (-1, -1), TOTAL_SHADE))
    widths = widths_for(table, width or spec.frame_width, fill)
    return plain_table(data, widths, style, repeatRows=header_rows, hAlign="LEFT")


def heading(table: Table, spec: PageSpec) -> list[Paragraph]:
    """The table's title (bold, centred) and subtitle (italic), for tables drawn as their own page."""
    st = styles_for(spec)
    out = [para(table.title, st.title)]
    if table.subtitle:
        out.append(para(table.subtitle, st.italic_center))
    return out


def split_last(
    table: Table, spec: PageSpec, k: int, closing: list[Flowable], **kw: object
) -> tuple[list[Flowable], PageProbe, PageProbe]:
    """The table without its last ``k`` rows, then one block kept on a page: those rows (under the
    header again) and ``closing``; with probes after the first part and at the block's start."""
    k = min(k, len(table.rows))
    end, start = PageProbe(), PageProbe()
    out: list[Flowable] = []
    if k < len(table.rows) or not table.rows:
        first = replace(table, rows=table.rows[: len(table.rows) - k], total=None if k else table.total)
        out.append(grid(first, spec, **kw))  # type: ignore[arg-type]
    out.append(end)
    block: list[Flowable] = [start]
    if k:
        block.append(grid(replace(table, rows=table.rows[-k:]), spec, **kw))  # type: ignore[arg-type]
    out.append(KeepTogether(block + closing))
    return out, end, start
