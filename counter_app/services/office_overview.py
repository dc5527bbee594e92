"""What the start screen shows: the office, the database and the catalogue size."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from counter_app.db.database import Database
from counter_app.db.models import Dossier, Procedure
from counter_app.services.offices import get_office


@dataclass(frozen=True)
class OfficeOverview:
    office_name: str
    identifier_code: str
    address: str
    time_policy: str
    procedures: int
    dossiers: int
    database: str


def office_overview(db: Database) -> OfficeOverview:
    with db.read() as session:
        office = get_office(session)
        procedures = session.execute(select(func.count()).select_from(Procedure)).scalar_one()
        dossiers = session.execute(select(func.count()).select_from(Dossier)).scalar_one()
        return OfficeOverview(
            office.name,
            office.identifier_code,
            office.address,
            office.time_policy,
            procedures,
            dossiers,
            db.label,
        )
