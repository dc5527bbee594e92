"""The office's working calendar and time zone, read with Core statements (``db/tables``).

Every receipt computes its appointment on this calendar, and ``counter-cli due`` does nothing else:
so it reads the office's row and the days decided against the national calendar without the ORM
(docs/performance.md). An ORM ``Office`` and a Core row of ``offices`` both serve as the office.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, time
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import Row, select

from counter_app.db.tables import calendar_baseline, calendar_overrides, offices
from counter_app.domain.calendar import CalendarOverrides, OfficeHours, WorkingCalendar
from counter_app.domain.calendar import Session as WorkSession
from counter_app.domain.errors import NotFoundError

if TYPE_CHECKING:
    import uuid

    from sqlalchemy import Connection
    from sqlalchemy.orm import Session

    from counter_app.db.database import Database

    Reader = Connection | Session


class OfficeCalendarFields(Protocol):
    """What the calendar reads of an office: its ORM object or its row of ``offices``."""

    @property
    def id(self) -> uuid.UUID: ...
    @property
    def identifier_code(self) -> str: ...
    @property
    def timezone(self) -> str: ...
    @property
    def sessions(self) -> dict[str, list[list[str]]] | None: ...


NO_OFFICE = "Chưa có đơn vị tiếp nhận nào. Hãy chạy «counter-cli init» hoặc «demo»."


def office_row(connection: Reader, office_id: object | None = None) -> Row[Any, Any]:
    """The office's row of ``offices`` (``office_id``, or the first by code, as ``get_office``)."""
    stmt = select(offices)
    stmt = (
        stmt.where(offices.c.id == office_id)
        if office_id is not None
        else stmt.order_by(offices.c.identifier_code)
    )
    row = connection.execute(stmt.limit(1)).first()
    if row is None:
        raise NotFoundError(NO_OFFICE)
    return row


def office_timezone(db: Database, office_id: object | None = None) -> str:
    with db.connect() as conn:
        return str(office_row(conn, office_id).timezone)


PROVINCE_NOTE = "Theo lịch của tỉnh"


@dataclass(frozen=True)
class DayDecision:
    kind: str  # "off" | "work"
    note: str
    by_province: bool  # the province's baseline, not the office's own decision


def calendar_decisions(connection: Reader, office: OfficeCalendarFields) -> dict[date, DayDecision]:
    """The days decided against the national calendar: the province's baseline, then the office's
    own overrides over it (an office may still work a day the province gives off, and the reverse)."""
    decisions = {
        day: DayDecision(kind, f"{PROVINCE_NOTE}: {note}" if note else PROVINCE_NOTE, True)
        for day, kind, note in connection.execute(
            select(calendar_baseline.c.day, calendar_baseline.c.kind, calendar_baseline.c.note)
        )
    }
    overrides = calendar_overrides.c
    for day, kind, note in connection.execute(
        select(overrides.day, overrides.kind, overrides.note).where(overrides.office_id == office.id)
    ):
        decisions[day] = DayDecision(kind, note, False)
    return decisions


def calendar_for(connection: Reader, office: OfficeCalendarFields) -> WorkingCalendar:
    """The office's working calendar: national holidays + its sessions + the province's baseline +
    its own overrides."""
    return calendar_from_spec(calendar_spec(connection, office))


def calendar_spec(connection: Reader, office: OfficeCalendarFields) -> dict[str, object]:
    """The office's working calendar as plain data: its code, time zone, weekly sessions (None:
    the standard hours) and the days decided against the national calendar. An office's upward
    bundle carries it, so the province measures and judges each office on its own calendar."""
    decisions = calendar_decisions(connection, office)
    return {
        "code": office.identifier_code,
        "timezone": office.timezone,
        "sessions": office.sessions or None,
        "off": sorted(d.isoformat() for d, c in decisions.items() if c.kind == "off"),
        "work": sorted(d.isoformat() for d, c in decisions.items() if c.kind == "work"),
    }


def calendar_from_spec(spec: Mapping[str, Any]) -> WorkingCalendar:
    """The calendar ``calendar_spec`` describes (ValueError, KeyError or TypeError when malformed)."""
    hours = None
    if spec["sessions"]:
        hours = {
            int(weekday): tuple(WorkSession(time.fromisoformat(a), time.fromisoformat(b)) for a, b in spans)
            for weekday, spans in spec["sessions"].items()
        }
    return WorkingCalendar(
        hours=OfficeHours(hours) if hours is not None else None,
        overrides=CalendarOverrides(
            days_off=frozenset(date.fromisoformat(d) for d in spec["off"]),
            working_days=frozenset(date.fromisoformat(d) for d in spec["work"]),
        ),
        tz=str(spec["timezone"]),
    )
