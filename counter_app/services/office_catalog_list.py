"""The office's layer over the whole catalogue, as one list (the administration page's table).

``office_catalog.show`` reads one procedure; a table of the 400-odd procedures of a catalogue wants
them all in one read: each with what the office decided (received or not, its published shorter
term, its handling unit) beside the law's term. Reading only; the changes stay in office_catalog.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from counter_app.db.database import Database
from counter_app.db.models import Agency, OfficeProcedure, Procedure, ProcedureVersion
from counter_app.domain.appointment import Term, TermUnit
from counter_app.domain.text import search_key
from counter_app.services.actor import Actor
from counter_app.services.office_catalog import office_term
from counter_app.services.offices import get_office
from counter_app.services.procedure_terms import terms_for, terms_label


@dataclass(frozen=True)
class OfficeProcedureRow:
    code: str
    name: str
    enabled: bool
    legal_term: str  # the catalogue's term(s) for the direct channel, e.g. "7 ngày làm việc"
    # The unit a shorter term must be given in (that of the legal term), e.g. "working_day"; ""
    # when the law states no computable term (then any unit is accepted).
    legal_unit: str
    office_term: str  # the published shorter term, "" when none
    unit_code: str  # "" when none
    unit_name: str
    search_key: str  # folded "code name" (any accents or none)
    legal_terms: tuple[Term, ...] = ()  # legal_term and office_term as values (the desktop words them)
    shorter: Term | None = None


def list_office_procedures(db: Database, actor: Actor) -> list[OfficeProcedureRow]:
    """Every procedure of the catalogue with this office's decisions, by code."""
    with db.read() as session:
        office = get_office(session, actor.office_id)
        settings = {
            row.procedure_id: row
            for row in session.execute(
                select(OfficeProcedure).where(OfficeProcedure.office_id == office.id)
            ).scalars()
        }
        units = {a.id: a for a in session.execute(select(Agency)).scalars()}
        versions = session.execute(
            select(Procedure.id, Procedure.code, ProcedureVersion)
            .join(ProcedureVersion, Procedure.current_version_id == ProcedureVersion.id)
            .options(selectinload(ProcedureVersion.channels))
            .order_by(Procedure.code)
        ).all()
        rows: list[OfficeProcedureRow] = []
        for procedure_id, code, version in versions:
            row = settings.get(procedure_id)
            legal = terms_for(version, "direct")
            units_of_law = {t.unit for t in legal if t.unit is not TermUnit.NONE}
            shorter = office_term(row)
            unit = units.get(row.unit_id) if row is not None and row.unit_id else None
            rows.append(
                OfficeProcedureRow(
                    code=code,
                    name=version.name,
                    enabled=row.enabled if row is not None else True,
                    legal_term=terms_label(legal),
                    legal_unit=str(next(iter(units_of_law))) if len(units_of_law) == 1 else "",
                    office_term=shorter.label if shorter is not None else "",
                    unit_code=unit.code if unit is not None else "",
                    unit_name=unit.name if unit is not None else "",
                    search_key=search_key(f"{code} {version.name}"),
                    legal_terms=legal,
                    shorter=shorter,
                )
            )
        return rows
