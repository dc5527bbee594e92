"""Two fields of one name ("Hộ tịch": G15-TP07 and G08-NG07) in the period report's files: each row
says which field it is — the table, the CSV, the XLSX and the PDF (SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook
from report_fixture import twin_fields
from report_samples import build_reports, page_texts

from counter_app.db.database import Database
from counter_app.documents.reports import render_period_report
from counter_app.exports import report_formats
from counter_app.exports.period_tables import period_table

TWINS = ["Hộ tịch (G08-NG07)", "Hộ tịch (G15-TP07)"]


def test_period_files_tell_two_fields_of_one_name_apart(db: Database) -> None:
    twin_fields(db)
    r = build_reports(db)

    table = period_table(r.period)
    assert [row[:3] for row in table.rows] == [(1, TWINS[0], 7), (2, TWINS[1], 5)]  # STT, label, to process
    rows = list(csv.reader(io.StringIO(report_formats.period_csv(r.period).decode("utf-8-sig"), newline="")))
    assert [row[1] for row in rows[1:]] == [*TWINS, "Tổng cộng"]
    sheet = load_workbook(io.BytesIO(report_formats.period_xlsx(r.period, r.days)))["Báo cáo"]
    labels = [sheet.cell(row, 2).value for row in range(1, sheet.max_row + 1)]
    assert labels[labels.index(TWINS[0]) : labels.index(TWINS[0]) + 3] == [*TWINS, "Tổng cộng"]
    text = " ".join(page_texts(render_period_report(r.period, r.head, r.days)))
    assert all(f"{n} {label}" in text for n, label in enumerate(TWINS, 1))
