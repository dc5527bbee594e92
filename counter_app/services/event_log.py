"""Record an event from a service, with the office-local date and this node's id."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from counter_app.db.database import Database
from counter_app.db.event_log import append_event
from counter_app.db.models import Dossier, Event, Office
from counter_app.domain.timezones import DEFAULT_TZ  # its home (light); still importable from here
from counter_app.services.actor import Actor


def record(
    session: Session,
    db: Database,
    actor: Actor,
    kind: str,
    now: datetime,
    *,
    office: Office | None = None,
    dossier: Dossier | None = None,
    payload: dict[str, object] | None = None,
) -> Event:
    tz = ZoneInfo(office.timezone if office is not None else DEFAULT_TZ)
    local: date = now.astimezone(tz).date()
    return append_event(
        session,
        node_id=db.node_id,
        kind=kind,
        actor=actor.as_event_actor(),
        occurred_at=now,
        local_date=local,
        office_id=office.id if office is not None else (dossier.office_id if dossier is not None else None),
        dossier_id=dossier.id if dossier is not None else None,
        payload=payload,
    )
