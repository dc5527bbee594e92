"""Shared by the report PDF, export and CLI tests: the reports of report_fixture.py's history and the
numbers a supervisor must read in every file, written out by hand (from tests/services/reports).

Period 1–11/12/2026 by field (see report_fixture.py and test_reports_period.py for each dossier):
columns in the order of Biểu 06 — to process, carried over, received (total, online, direct + postal),
resolved (total, early, on time, late, late with apology), in progress (total, within term,
overdue), withdrawn, stopped, refused, cancelled — then the on-time rate and the average days.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date

from pypdf import PdfReader
from report_fixture import History, at, build

from counter_app.db.database import Database
from counter_app.documents.reports import ReportHead
from counter_app.services.offices import get_office
from counter_app.services.reports import (
    DayReport,
    PeriodReport,
    SatisfactionReport,
    due_soon_list,
    end_of_day,
    overdue_list,
    period_report,
    register,
    satisfaction_report,
)
from counter_app.services.reports.per_day import DayCount, daily_counts
from counter_app.services.slips.common import office_info

FIRST, LAST = date(2026, 12, 1), date(2026, 12, 11)
THURSDAY = date(2026, 12, 3)
WEDNESDAY_NOON = at(9, 12)
TZ_NAME = "Asia/Ho_Chi_Minh"

# (label, 17 counts, on-time rate, average working days) — by hand, not from the code.
LABOUR = (
    "Lao động, tiền lương",
    (7, 4, 3, 1, 2, 2, 1, 0, 1, 1, 4, 2, 2, 0, 1, 0, 1),
    0.5,
    (62 + 11.5) / 2 / 7.5,
)
CIVIL = ("Hộ tịch", (5, 1, 4, 0, 4, 1, 0, 1, 0, 0, 2, 2, 0, 2, 0, 1, 0), 1.0, 66.5 / 7.5)
TOTAL = ("Tổng cộng", (12, 5, 7, 1, 6, 3, 1, 1, 1, 1, 6, 4, 2, 2, 1, 1, 1), 2 / 3, 140 / 3 / 7.5)
# As printed in the PDF (Vietnamese decimal comma).
PDF_LINES = (
    "1 Lao động, tiền lương 7 4 3 1 2 2 1 0 1 1 4 2 2 0 1 0 1 50,0% 4,90",
    "2 Hộ tịch 5 1 4 0 4 1 0 1 0 0 2 2 0 2 0 1 0 100,0% 8,87",
    "Tổng cộng 12 5 7 1 6 3 1 1 1 1 6 4 2 2 1 1 1 66,7% 6,22",
)
# Received / resolved per day (day of December): D3 1/12 (06:30, 30/11 in UTC), D4, D5 (D6 cancelled,
# D8 refused), D7, D9, D14, D10; resolved D4 3/12, D2 7/12, D3 11/12.
DAYS = {1: (1, 0), 2: (1, 0), 3: (1, 1), 7: (1, 1), 8: (1, 0), 9: (1, 0), 10: (1, 0), 11: (0, 1)}


@dataclass
class Reports:
    history: History
    head: ReportHead
    period: PeriodReport
    days: tuple[DayCount, ...]
    day: DayReport
    satisfaction: SatisfactionReport


def head_for(db: Database, history: History) -> ReportHead:
    with db.read() as session:
        office = office_info(get_office(session))
    return ReportHead(office, at(14, 8), preparer=history.supervisor.full_name)


def build_reports(db: Database) -> Reports:
    h = build(db)
    sup = h.supervisor
    return Reports(
        h,
        head_for(db, h),
        period_report(db, sup, FIRST, LAST),
        daily_counts(db, sup, FIRST, LAST),
        end_of_day(db, sup, THURSDAY),
        satisfaction_report(db, sup, FIRST, LAST),
    )


def lists(db: Database, history: History):  # type: ignore[no-untyped-def]
    sup = history.supervisor
    return overdue_list(db, sup, WEDNESDAY_NOON), due_soon_list(db, sup, WEDNESDAY_NOON, 3)


def register_rows(db: Database, history: History):  # type: ignore[no-untyped-def]
    return register(db, history.supervisor, FIRST, date(2026, 12, 3))


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def page_texts(pdf: bytes) -> list[str]:
    return [squash(p.extract_text()) for p in PdfReader(io.BytesIO(pdf)).pages]


def page_size_mm(pdf: bytes, page: int = 0) -> tuple[int, int]:
    box = PdfReader(io.BytesIO(pdf)).pages[page].mediabox
    return round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)
