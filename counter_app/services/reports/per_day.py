"""Received and resolved dossiers per office-local day of a period (the period report's day chart).

Counted as ``period.py`` counts its "received" and "resolved" columns, so that the days add up to the
report's totals for the same filters:

* **received** on a day = population dossiers (``common.py``) whose office-local receipt date is that day;
* **resolved** on a day = population dossiers whose resolution instant (``resolved_at``) falls in that
  office-local day, whatever happened to them since (returned, …).

Each office time-zone group is counted with its own local-day boundaries; the resolution day is found
in SQL by a binary search of CASEs over the day boundaries (exact across daylight-saving changes).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import ColumnElement, case, func, literal, select

from counter_app.db.database import Database
from counter_app.db.models import Dossier
from counter_app.domain.errors import ValidationError
from counter_app.services.actor import Actor
from counter_app.services.reports.common import (
    EXCLUDED,
    NO_FILTERS,
    ReportFilters,
    all_offices,
    build_filters,
    check_range,
    local_midnight,
    report_session,
    require_supervisor,
    tz_groups,
)
from counter_app.services.reports.sqlkit import no_index

# One bucket per day: a year and a leap day at most (a chart of longer periods is unreadable anyway).
MAX_DAYS = 366


@dataclass(frozen=True)
class DayCount:
    day: date
    received: int
    resolved: int


def _day_index(
    column: ColumnElement[datetime], bounds: list[datetime], offset: int = 0
) -> ColumnElement[int]:
    """Index of the day ``bounds[i] <= column < bounds[i + 1]`` (column inside the bounds)."""
    if len(bounds) <= 2:
        return literal(offset)
    mid = len(bounds) // 2
    return case(
        (column < bounds[mid], _day_index(column, bounds[: mid + 1], offset)),
        else_=_day_index(column, bounds[mid:], offset + mid),
    )


def daily_counts(
    db: Database,
    actor: Actor,
    date_from: date,
    date_to: date,
    *,
    filters: ReportFilters = NO_FILTERS,
) -> tuple[DayCount, ...]:
    """One ``DayCount`` per day ``date_from``..``date_to`` (days without dossiers included), counting
    the dossiers ``filters`` choose, as the period report with the same filters does."""
    require_supervisor(actor)
    first, last = check_range(date_from, date_to)
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    if len(days) > MAX_DAYS:
        raise ValidationError("Số liệu theo ngày chỉ lập cho tối đa 366 ngày.", field="date_to")
    received: Counter[date] = Counter()
    resolved: Counter[date] = Counter()
    with report_session(db) as session:
        flt = build_filters(session, filters)
        offices = all_offices(session, flt.office_ids)
        for tz, ids in tz_groups(offices, flt.office_ids is not None):
            where = [Dossier.status.not_in(EXCLUDED), *flt.conditions()]
            if ids is not None:
                where.append(no_index(Dossier.office_id).in_(ids))
            # Receipts: a range of the (office, receipt date) index per office (every office of the
            # group, so that the days of the period are read, not the whole table).
            group = ids or tuple(o.id for o in offices)
            query = (
                select(Dossier.received_local_date, func.count())
                .where(
                    *where,
                    Dossier.office_id.in_(group),
                    Dossier.received_local_date >= first,
                    Dossier.received_local_date <= last,
                )
                .group_by(Dossier.received_local_date)
                .with_hint(Dossier, "INDEXED BY ix_dossiers_office_local_date", "sqlite")
            )
            received.update(dict(session.execute(query).all()))
            bounds = [local_midnight(d, tz) for d in days] + [local_midnight(last + timedelta(days=1), tz)]
            index = _day_index(Dossier.resolved_at, bounds).label("day")
            inner = select(index).where(
                *where, Dossier.resolved_at >= bounds[0], Dossier.resolved_at < bounds[-1]
            )
            inner = inner.with_hint(Dossier, "INDEXED BY ix_dossiers_resolved_at", "sqlite")
            sub = inner.subquery()
            rows = session.execute(select(sub.c.day, func.count()).group_by(sub.c.day)).all()
            resolved.update({days[int(i)]: n for i, n in rows})
    return tuple(DayCount(d, received[d], resolved[d]) for d in days)


__all__ = ["MAX_DAYS", "DayCount", "daily_counts"]
