"""Reports as CSV: UTF-8 with a byte-order mark (so that Excel reads the Vietnamese correctly).

One table per file: one header row (a grouped header is flattened to "Group - Column"), then the rows
and the total row. Numbers are plain ("1234", decimals with a dot: "66.67"); shares are written as
percentages (column names end with "(%)"); office-local dates as "2026-12-03 09:00". RFC 4180 quoting,
CRLF line ends. Text that a spreadsheet would run as a formula (starting with "=", "@", or "+"/"-"
followed by something other than a digit) gets a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

from counter_app.exports.tables import Column, Table

BOM = "\ufeff"


def plain(value: object, column: Column) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if column.kind == "percent":
            return _number(value * 100)
        return _number(value)
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    risky = text[:1] in ("=", "@") or (text[:1] in ("+", "-") and not text[1:2].isdigit())
    return "'" + text if risky else text


def _number(value: float) -> str:
    """Two decimals at most, no trailing zeros: 66.67, 50, 4.9."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def csv_text(table: Table) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([c.flat_name for c in table.columns])
    for row in table.body:
        writer.writerow([plain(v, c) for v, c in zip(row, table.columns, strict=True)])
    return buf.getvalue()


def csv_bytes(table: Table) -> bytes:
    return (BOM + csv_text(table)).encode("utf-8")
