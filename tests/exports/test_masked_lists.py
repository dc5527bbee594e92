"""The overdue and due-soon lists (and the day's lists, built by the same ``lines_table``) show the
applicant's phone masked in every format: the table, the CSV and the XLSX; the phone is never in them
whole, whatever way it was typed. (The PDFs: test_report_pdf_numbers.py and test_report_cli.py.)"""

from __future__ import annotations

import io
from datetime import datetime, timedelta

from openpyxl import load_workbook
from testdata import TZ

from counter_app.exports import report_formats
from counter_app.exports.list_tables import lines_table
from counter_app.services.reports.dossier_lines import DossierLine

AT = datetime(2026, 12, 9, 12, 0, tzinfo=TZ)
PHONES = ("0912345678", "+84 987 654 321", None, "02438521234")
MASKED = ("0912****78", "0987****21", "", "0243*****34")
WHOLE = ("0912345678", "987 654 321", "0987654321", "02438521234")


def _lines() -> tuple[DossierLine, ...]:
    start = datetime(2026, 11, 23, 9, 0, tzinfo=TZ)
    return tuple(
        DossierLine(
            f"000.00.31.H56-261123-{i:04d}",
            "in_progress",
            "Đang giải quyết",
            f"Người nộp {i}",
            phone,
            "2.001955",
            "Đăng ký nội quy lao động của doanh nghiệp",
            "Lao động, tiền lương",
            "Sở Nội vụ",
            start,
            start + timedelta(days=10),
            start + timedelta(days=10),
            0,
            1.5,
        )
        for i, phone in enumerate(PHONES, 1)
    )


def test_the_lists_phone_column_is_masked_and_the_compact_list_has_none() -> None:
    for overdue in (True, False):
        table = lines_table(_lines(), "Asia/Ho_Chi_Minh", overdue=overdue)
        column = [c.path[0] for c in table.columns].index("Điện thoại")
        assert tuple(row[column] for row in table.rows) == MASKED
    compact = lines_table(_lines(), "Asia/Ho_Chi_Minh", overdue=True, compact=True)  # the day's PDF
    assert "Điện thoại" not in [c.path[0] for c in compact.columns]


def test_the_overdue_csv_and_xlsx_hold_no_whole_phone() -> None:
    csv_text = report_formats.overdue_csv(_lines(), AT, "Asia/Ho_Chi_Minh").decode("utf-8-sig")
    book = load_workbook(io.BytesIO(report_formats.overdue_xlsx(_lines(), _lines(), AT, "Asia/Ho_Chi_Minh")))
    assert book.sheetnames == ["Quá hạn", "Sắp đến hạn"]
    cells = "\n".join(
        str(v)
        for ws in book.worksheets
        for row in ws.iter_rows(values_only=True)
        for v in row
        if v is not None
    )
    for text in (csv_text, cells):
        assert all(m in text for m in MASKED if m)
        assert not any(w in text for w in WHOLE), text
