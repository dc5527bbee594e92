"""The report files a user saves: each report as XLSX (one sheet per table) or CSV (its main table).

Kept out of the package's ``__init__`` so that importing ``counter_app.output_files`` (as every CLI
call does) loads neither openpyxl nor reportlab.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from counter_app.documents.slip_data import RegisterData
from counter_app.exports.csvfile import csv_bytes
from counter_app.exports.day_tables import day_tables
from counter_app.exports.list_tables import at_line, lines_table, satisfaction_tables
from counter_app.exports.period_tables import daily_table, period_table
from counter_app.exports.register_tables import register_table
from counter_app.exports.tables import Table
from counter_app.exports.xlsx import workbook_bytes
from counter_app.services.reports import DayReport, DossierLine, PeriodReport, SatisfactionReport
from counter_app.services.reports.per_day import DayCount


def period_xlsx(
    report: PeriodReport, days: Sequence[DayCount] = (), *, office: str = "", created: datetime | None = None
) -> bytes:
    tables = [period_table(report)]
    if days:
        tables.append(daily_table(days, report.date_from, report.date_to))
    return workbook_bytes(tables, office=office, created=created)


def period_csv(report: PeriodReport) -> bytes:
    return csv_bytes(period_table(report))


def day_xlsx(report: DayReport, tz: str, *, office: str = "", created: datetime | None = None) -> bytes:
    return workbook_bytes(day_tables(report, tz), office=office, created=created)


def day_csv(report: DayReport, tz: str) -> bytes:
    return csv_bytes(day_tables(report, tz)[0])


def overdue_tables(
    overdue: Sequence[DossierLine], due_soon: Sequence[DossierLine] | None, at: datetime, tz: str
) -> list[Table]:
    out = [lines_table(overdue, tz, overdue=True, subtitle=at_line(at, tz))]
    if due_soon is not None:
        out.append(lines_table(due_soon, tz, overdue=False, subtitle=at_line(at, tz)))
    return out


def overdue_xlsx(
    overdue: Sequence[DossierLine],
    due_soon: Sequence[DossierLine] | None,
    at: datetime,
    tz: str,
    *,
    office: str = "",
    created: datetime | None = None,
) -> bytes:
    return workbook_bytes(overdue_tables(overdue, due_soon, at, tz), office=office, created=created)


def overdue_csv(overdue: Sequence[DossierLine], at: datetime, tz: str) -> bytes:
    return csv_bytes(overdue_tables(overdue, None, at, tz)[0])


def satisfaction_xlsx(
    report: SatisfactionReport, *, office: str = "", created: datetime | None = None
) -> bytes:
    return workbook_bytes(satisfaction_tables(report), office=office, created=created)


def satisfaction_csv(report: SatisfactionReport) -> bytes:
    return csv_bytes(satisfaction_tables(report)[0])


def register_xlsx(data: RegisterData, *, office: str = "", created: datetime | None = None) -> bytes:
    return workbook_bytes([register_table(data)], office=office, created=created)


def register_csv(data: RegisterData) -> bytes:
    return csv_bytes(register_table(data))
