"""Office identity, its working calendar and overrides (users and log-in: services/users.py, login.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.db.database import Database
from counter_app.db.models import Office
from counter_app.domain.dossier_code import UNIT_PATTERN
from counter_app.domain.errors import NotFoundError, ValidationError
from counter_app.services.actor import Actor, Role, require_role
from counter_app.services.event_log import record

# The calendar's reads are Core (services/office_calendar.py), for the commands that map no object;
# these import paths are kept for the callers that use them.
from counter_app.services.office_calendar import (  # noqa: F401
    NO_OFFICE,
    PROVINCE_NOTE,
    DayDecision,
    calendar_decisions,
    calendar_for,
    calendar_from_spec,
    calendar_spec,
    office_timezone,
)
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
        raise NotFoundError(NO_OFFICE)
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


@dataclass(frozen=True)
class OfficeChoice:
    identifier_code: str
    name: str


def office_choices(db: Database) -> list[OfficeChoice]:
    """Every receiving unit of this database (report filters)."""
    with db.read() as session:
        rows = session.execute(select(Office.identifier_code, Office.name).order_by(Office.name))
        return [OfficeChoice(code, name) for code, name in rows]
