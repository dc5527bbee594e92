"""Office identity, its working calendar and overrides (users and log-in: services/users.py, login.py)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.db.database import Database
from counter_app.db.models import CalendarBaseline, CalendarOverride, Office
from counter_app.domain.calendar import CalendarOverrides, OfficeHours, WorkingCalendar
from counter_app.domain.calendar import Session as WorkSession
from counter_app.domain.dossier_code import UNIT_PATTERN
from counter_app.domain.errors import NotFoundError, ValidationError
from counter_app.services.actor import Actor, Role, require_role
from counter_app.services.event_log import record
from counter_app.services.office_history import add_profile_record

# Moved to services/users.py; this import path is kept for the callers that use it.
from counter_app.services.users import find_actor as find_actor


@dataclass(frozen=True)
class OfficeInput:
    name: str
    identifier_code: str
    governing_body: str = ""
    place: str = ""
    address: str = ""
    hotline: str = ""
    signatory_name: str = ""
    signatory_title: str = ""
    time_policy: str = "hours"


PROVINCE_NOTE = "Theo lịch của tỉnh"


@dataclass(frozen=True)
class DayDecision:
    kind: str  # "off" | "work"
    note: str
    by_province: bool  # the province's baseline, not the office's own decision


def calendar_decisions(session: Session, office: Office) -> dict[date, DayDecision]:
    """The days decided against the national calendar: the province's baseline, then the office's
    own overrides over it (an office may still work a day the province gives off, and the reverse)."""
    decisions = {
        day: DayDecision(kind, f"{PROVINCE_NOTE}: {note}" if note else PROVINCE_NOTE, True)
        for day, kind, note in session.execute(
            select(CalendarBaseline.day, CalendarBaseline.kind, CalendarBaseline.note)
        )
    }
    for day, kind, note in session.execute(
        select(CalendarOverride.day, CalendarOverride.kind, CalendarOverride.note).where(
            CalendarOverride.office_id == office.id
        )
    ):
        decisions[day] = DayDecision(kind, note, False)
    return decisions


def calendar_for(session: Session, office: Office) -> WorkingCalendar:
    """The office's working calendar: national holidays + its sessions + the province's baseline +
    its own overrides."""
    return calendar_from_spec(calendar_spec(session, office))


def calendar_spec(session: Session, office: Office) -> dict[str, object]:
    """The office's working calendar as plain data: its code, time zone, weekly sessions (None:
    the standard hours) and the days decided against the national calendar. An office's upward
    bundle carries it, so the province measures and judges each office on its own calendar."""
    decisions = calendar_decisions(session, office)
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


def local_date(office: Office, instant: datetime) -> date:
    """Office-local date of an instant (00:00–06:59 local is still the previous UTC day)."""
    return instant.astimezone(ZoneInfo(office.timezone)).date()


def get_office(session: Session, office_id: object | None = None) -> Office:
    """The actor's office, or the only/first office of this database."""
    if office_id is not None:
        office = session.get(Office, office_id)
    else:
        office = session.execute(
            select(Office).order_by(Office.identifier_code).limit(1)
        ).scalar_one_or_none()
    if office is None:
        raise NotFoundError("Chưa có đơn vị tiếp nhận nào. Hãy chạy «counter-cli init» hoặc «demo».")
    return office


def check_office_input(data: OfficeInput) -> None:
    """The checks that need no database (a command line makes them before opening one)."""
    if not data.name.strip():
        raise ValidationError("Tên đơn vị không được để trống.", field="name")
    if not UNIT_PATTERN.match(data.identifier_code):
        raise ValidationError(
            "Mã định danh «{identifier_code}» không hợp lệ (ví dụ: 000.17.22.H56).",
            identifier_code=data.identifier_code,
            field="identifier_code",
        )
    if data.time_policy not in ("hours", "days"):
        raise ValidationError("Cách tính thời hạn phải là «hours» hoặc «days».", field="time_policy")


def create_office(db: Database, actor: Actor, data: OfficeInput, *, now: datetime) -> Office:
    require_role(actor, Role.ADMIN, "thiết lập đơn vị")
    check_office_input(data)
    with db.write() as session:
        taken = select(Office.id).where(Office.identifier_code == data.identifier_code)
        if session.execute(taken).first() is not None:
            raise ValidationError(
                "Đã có đơn vị mã định danh «{identifier_code}».",
                identifier_code=data.identifier_code,
                field="identifier_code",
            )
        office = Office(**data.__dict__)
        session.add(office)
        session.flush()
        add_profile_record(session, office, None)  # its printed identity counts from the start
        record(session, db, actor, "office_created", now, office=office, payload=dict(data.__dict__))
    return office


def add_calendar_override(
    db: Database, actor: Actor, office_id: object, day: date, kind: str, note: str, *, now: datetime
) -> None:
    """An extra day off ("off") or working day ("work") for one office (services/calendar_admin.py)."""
    # Imported here: calendar_admin builds on this module (get_office, calendar_for).
    from counter_app.services.calendar_admin import set_override

    set_override(db, actor, day, kind, note, now=now, office_id=office_id)


def office_timezone(db: Database, office_id: object | None = None) -> str:
    with db.read() as session:
        return get_office(session, office_id).timezone


@dataclass(frozen=True)
class OfficeChoice:
    identifier_code: str
    name: str


def office_choices(db: Database) -> list[OfficeChoice]:
    """Every receiving unit of this database (report filters)."""
    with db.read() as session:
        rows = session.execute(select(Office.identifier_code, Office.name).order_by(Office.name))
        return [OfficeChoice(code, name) for code, name in rows]
