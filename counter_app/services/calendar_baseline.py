"""The province's calendar baseline: days off and working days decided for every office (issue 15).

At the province an admin edits it (``set_day`` / ``clear_day``), each change an event; it travels
to the offices in the province's baseline bundle (services/exchange/downward.py), where
``replace_from`` makes the office's copy what the bundle says. Either way a day already past is
never changed: dossiers were timed and judged with the calendar of their day. An office's own
overrides (services/calendar_admin.py) still win over the baseline (services/offices.py
``calendar_decisions``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.db.database import Database
from counter_app.db.models import CalendarBaseline
from counter_app.db.office_day import local_today
from counter_app.services.actor import Actor, Role, require_role
from counter_app.services.calendar_admin import checked_note, refuse_past
from counter_app.services.event_log import record

EDIT = "sửa lịch làm việc chung của tỉnh"


@dataclass(frozen=True)
class BaselineDay:
    day: date
    kind: str  # "off" | "work"
    note: str


@dataclass(frozen=True)
class BaselineChange:
    day: date
    before: BaselineDay | None
    after: BaselineDay | None


def list_days(db: Database, *, from_day: date | None = None) -> list[BaselineDay]:
    with db.read() as session:
        return days_in(session, from_day)


def days_in(session: Session, from_day: date | None = None) -> list[BaselineDay]:
    stmt = select(CalendarBaseline).order_by(CalendarBaseline.day)
    if from_day is not None:
        stmt = stmt.where(CalendarBaseline.day >= from_day)
    return [BaselineDay(r.day, r.kind, r.note) for r in session.execute(stmt).scalars()]


def checked_day(day: date, kind: str, note: str) -> BaselineDay:
    return BaselineDay(day, kind, checked_note(kind, note))


def set_day(db: Database, actor: Actor, day: date, kind: str, note: str, *, now: datetime) -> bool:
    """The province gives every office ``day`` off ("off") or makes it a working day ("work");
    False (nothing written) when the baseline already says so."""
    require_role(actor, Role.ADMIN, EDIT)
    wanted = checked_day(day, kind, note)
    with db.write() as session:
        _not_past(session, day, now)
        row = session.get(CalendarBaseline, day)
        if row is not None and (row.kind, row.note) == (wanted.kind, wanted.note):
            return False
        change = BaselineChange(day, None if row is None else BaselineDay(day, row.kind, row.note), wanted)
        _write(session, row, wanted, now)
        record(session, db, actor, "calendar_baseline_changed", now, payload=change_payload(change))
    return True


def clear_day(db: Database, actor: Actor, day: date, *, now: datetime) -> bool:
    """The day follows the national calendar again (for offices without their own decision)."""
    require_role(actor, Role.ADMIN, EDIT)
    with db.write() as session:
        _not_past(session, day, now)
        row = session.get(CalendarBaseline, day)
        if row is None:
            return False
        change = BaselineChange(day, BaselineDay(day, row.kind, row.note), None)
        session.delete(row)
        record(session, db, actor, "calendar_baseline_changed", now, payload=change_payload(change))
    return True


def replace_from(
    session: Session, today: date, days: list[BaselineDay], now: datetime
) -> list[BaselineChange]:
    """Make the baseline from ``today`` on exactly ``days`` (those before ``today`` are ignored:
    a past day keeps the calendar it was worked with); the changes, by day."""
    wanted = {d.day: d for d in days if d.day >= today}
    rows = {
        r.day: r
        for r in session.execute(select(CalendarBaseline).where(CalendarBaseline.day >= today)).scalars()
    }
    changes: list[BaselineChange] = []
    for day in sorted(set(wanted) | set(rows)):
        row, after = rows.get(day), wanted.get(day)
        before = None if row is None else BaselineDay(day, row.kind, row.note)
        if before == after:
            continue
        changes.append(BaselineChange(day, before, after))
        if after is None:
            session.delete(row)
        else:
            _write(session, row, after, now)
    return changes


def change_payload(change: BaselineChange) -> dict[str, object]:
    def part(value: BaselineDay | None) -> dict[str, str] | None:
        return None if value is None else {"kind": value.kind, "note": value.note}

    return {"day": change.day.isoformat(), "before": part(change.before), "after": part(change.after)}


def _write(session: Session, row: CalendarBaseline | None, wanted: BaselineDay, now: datetime) -> None:
    if row is None:
        session.add(CalendarBaseline(day=wanted.day, kind=wanted.kind, note=wanted.note, changed_at=now))
    else:
        row.kind, row.note, row.changed_at = wanted.kind, wanted.note, now


def _not_past(session: Session, day: date, now: datetime) -> None:
    refuse_past(day, local_today(session, now))
