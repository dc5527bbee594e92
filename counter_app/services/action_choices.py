"""Small queries the tracking and return screens need besides the list itself.

Kept headless (no Qt) so the rules stay testable and the widgets only show what these return.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy import select

from counter_app.db.database import Database
from counter_app.db.models import Agency, User
from counter_app.domain.errors import PermissionDenied
from counter_app.services.actor import Actor, Role, require_role
from counter_app.services.offices import calendar_for, get_office


@dataclass(frozen=True)
class Unit:
    code: str
    name: str


def transfer_units(db: Database) -> list[Unit]:
    """The specialist units a dossier can be handed to (``transfer`` takes the unit's code); a
    retired unit is not one of them (services/units.py)."""
    with db.read() as session:
        rows = session.execute(
            select(Agency.code, Agency.name).where(Agency.retired_at.is_(None)).order_by(Agency.name)
        )
        return [Unit(code, name) for code, name in rows]


def user_names(db: Database) -> dict[str, str]:
    """Username → full name: events name their actor by username, slips by full name."""
    with db.read() as session:
        return dict(session.execute(select(User.username, User.full_name)).all())  # type: ignore[arg-type]


@dataclass(frozen=True)
class DueWindow:
    """Instants that colour the list: before ``now`` is overdue, before ``soon_until`` is due soon."""

    now: datetime
    soon_until: datetime


def due_window(db: Database, now: datetime) -> DueWindow:
    """Same bounds as the «đến hạn trong 2 ngày» filter: up to the end of the second next working day."""
    with db.read() as session:
        office = get_office(session)
        calendar = calendar_for(session, office)
    today = calendar.to_local(now).date()
    last_day = calendar.next_working_day(calendar.next_working_day(today))
    return DueWindow(now, datetime.combine(last_day + timedelta(days=1), time(0), calendar.tz))


def suggested_new_appointment(db: Database, current: datetime | None, now: datetime) -> datetime:
    """A starting value for an apology's new appointment: closing time of the next working day
    after the current appointment (or after today if that is already past)."""
    with db.read() as session:
        office = get_office(session)
        calendar = calendar_for(session, office)
    base = max(current, now) if current is not None else now
    return calendar.closing_time(calendar.next_working_day(calendar.to_local(base).date()))


def may(actor: Actor, minimum: Role) -> bool:
    """True if ``actor``'s role allows what ``minimum`` allows (to hide what they cannot do)."""
    try:
        require_role(actor, minimum, "")
    except PermissionDenied:
        return False
    return True
