"""The audit trail as a table (XLSX, CSV): who looked at what, when (services/audit_trail.py)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from counter_app.exports.tables import Column, Table, local
from counter_app.services.audit_trail import ACTION_LABELS, AuditRow, detail_parts

AUDIT_TITLE = "NHẬT KÝ TRUY CẬP DỮ LIỆU"


def audit_table(rows: Sequence[AuditRow], tz: str, subtitle: str = "") -> Table:
    columns = (
        Column(("STT",), "seq", 10),
        Column(("Thời điểm",), "datetime", 30),
        Column(("Người dùng",), "text", 25),
        Column(("Việc",), "text", 40),
        Column(("Đối tượng",), "text", 45),
        Column(("Chi tiết",), "text", 60),
        Column(("Máy (nút), số",), "text", 40),
    )
    body = tuple(
        (
            i,
            local(row.at, tz),
            row.actor,
            ACTION_LABELS.get(row.action, row.action),
            row.subject,
            _details(row),
            f"{row.node_id} #{row.seq}",
        )
        for i, row in enumerate(rows, 1)
    )
    return Table("Nhật ký truy cập", AUDIT_TITLE, columns, body, subtitle=subtitle)


def span_line(first: date | None, last: date | None) -> str:
    """«Từ ngày 01/12/2026 đến ngày 06/12/2026» (either end may be open)."""
    if first is None and last is None:
        return ""
    shown = [f"{day:%d/%m/%Y}" if day is not None else "…" for day in (first, last)]
    return f"Từ ngày {shown[0]} đến ngày {shown[1]}"


def audit_file(
    rows: Sequence[AuditRow], tz: str, fmt: str, first: date | None = None, last: date | None = None
) -> bytes:
    """The trail as an .xlsx or .csv file's bytes (the spreadsheet stack loads only here)."""
    table = audit_table(rows, tz, span_line(first, last))
    if fmt == "xlsx":
        from counter_app.exports.xlsx import workbook_bytes

        return workbook_bytes([table])
    from counter_app.exports.csvfile import csv_bytes

    return csv_bytes(table)


def _details(row: AuditRow) -> str:
    codes = row.details.get("codes")
    found = [f"{len(codes)} hồ sơ: {', '.join(map(str, codes))}"] if isinstance(codes, list) else []
    return "; ".join(found + detail_parts(row.details, row.subject))
