"""Today at this database's office, for code that has the session but not the office."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.db.models import Office
from counter_app.domain.timezones import DEFAULT_TZ


def local_today(session: Session, now: datetime) -> date:
    """The date of ``now`` at this database's office (the first one), or in Vietnam without one."""
    office = session.execute(select(Office).order_by(Office.identifier_code).limit(1)).scalar_one_or_none()
    return now.astimezone(ZoneInfo(office.timezone if office else DEFAULT_TZ)).date()
