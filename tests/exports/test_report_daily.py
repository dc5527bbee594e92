"""services/reports/per_day.py: received and resolved per office-local day (the period charts and the
"Theo ngày" sheet) add up to the period report, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from report_samples import DAYS, FIRST, LAST, build_reports

from counter_app.db.database import Database
from counter_app.domain.errors import PermissionDenied, ValidationError
from counter_app.services.reports import ReportFilters, period_report
from counter_app.services.reports.per_day import daily_counts


def test_days_are_office_local_and_add_up_to_the_period(db: Database) -> None:
    r = build_reports(db)
    days = r.days
    assert [d.day for d in days] == [date(2026, 12, i) for i in range(1, 12)]  # every day, empty ones too
    assert {d.day.day: (d.received, d.resolved) for d in days if d.received or d.resolved} == DAYS
    assert sum(d.received for d in days) == r.period.total.received == 7
    assert sum(d.resolved for d in days) == r.period.total.resolved == 3
    # D3, received Tuesday 1/12 06:30 local (Monday 30/11 in UTC), is a day of the period; D12 (Saturday
    # 12/12 06:45 local, Friday 11/12 in UTC) is not.
    sup = r.history.supervisor
    assert [
        (d.received, d.resolved) for d in daily_counts(db, sup, date(2026, 11, 30), date(2026, 11, 30))
    ] == [(0, 0)]
    assert [
        (d.received, d.resolved) for d in daily_counts(db, sup, date(2026, 12, 12), date(2026, 12, 14))
    ] == [
        (1, 0),
        (0, 0),
        (0, 1),  # D15 resolved Monday 14/12 10:00
    ]
    # The same filters as the period report: one field.
    labour = r.period.rows[0].id
    mine = daily_counts(db, sup, FIRST, LAST, filters=ReportFilters(field_ids=(labour,)))
    only = period_report(db, sup, FIRST, LAST, filters=ReportFilters(field_ids=(labour,)))
    assert (
        (sum(d.received for d in mine), sum(d.resolved for d in mine))
        == (
            only.total.received,
            only.total.resolved,
        )
        == (3, 2)
    )


def test_bad_inputs(db: Database, officer, supervisor) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        daily_counts(db, officer, FIRST, LAST)
    with pytest.raises(ValidationError, match="^Khoảng thời gian không hợp lệ"):
        daily_counts(db, supervisor, LAST, FIRST)
    with pytest.raises(ValidationError, match="tối đa 366 ngày"):
        daily_counts(db, supervisor, date(2025, 1, 1), date(2026, 1, 2))  # 367 days
    assert len(daily_counts(db, supervisor, date(2024, 1, 1), date(2024, 12, 31))) == 366
