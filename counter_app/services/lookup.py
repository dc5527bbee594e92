"""Finding dossiers: by code (a scan), and by applicant name, ID number, phone or code prefix."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.db.database import Database
from counter_app.db.models import Agency, Applicant, Dossier, Event, ProcedureVersion
from counter_app.domain.dossier_code import CODE_PATTERN
from counter_app.domain.text import search_key
from counter_app.services.processing import load_dossier


@dataclass(frozen=True)
class EventView:
    seq: int
    node_id: str
    kind: str
    actor: str
    occurred_at: datetime
    payload: dict[str, object]


@dataclass(frozen=True)
class DossierView:
    id: uuid.UUID
    code: str
    status: str
    channel: str
    procedure_code: str
    procedure_name: str
    procedure_version: int
    applicant_name: str
    applicant_id_number: str | None
    applicant_phone: str | None
    applicant_address: str
    received_at: datetime
    appointment_at: datetime | None
    legal_due_at: datetime | None
    resolved_at: datetime | None
    returned_at: datetime | None
    outcome: str | None
    apology_count: int
    current_unit: str | None
    return_method: str
    postal_address: str | None
    satisfaction: int | None
    documents: list[dict[str, object]]
    events: list[EventView]

    def to_json(self) -> dict[str, object]:
        def convert(value: object) -> object:
            if isinstance(value, datetime):
                return value.isoformat()
            if isinstance(value, uuid.UUID):
                return str(value)
            if isinstance(value, list):
                return [convert(v) for v in value]
            if isinstance(value, dict):
                return {k: convert(v) for k, v in value.items()}
            return value

        return {k: convert(v) for k, v in asdict(self).items()}


def _view(session: Session, dossier: Dossier, with_events: bool) -> DossierView:
    version = session.get(ProcedureVersion, dossier.procedure_version_id)
    assert version is not None
    unit = session.get(Agency, dossier.current_unit_id) if dossier.current_unit_id else None
    events = []
    if with_events:
        events = [
            EventView(e.seq, e.node_id, e.kind, e.actor, e.occurred_at, e.payload)
            for e in session.execute(
                select(Event).where(Event.dossier_id == dossier.id).order_by(Event.occurred_at, Event.seq)
            ).scalars()
        ]
    applicant = dossier.applicant
    return DossierView(
        id=dossier.id,
        code=dossier.code,
        status=dossier.status,
        channel=dossier.channel,
        procedure_code=version.procedure.code,
        procedure_name=version.name,
        procedure_version=version.version_no,
        applicant_name=applicant.full_name,
        applicant_id_number=applicant.id_number,
        applicant_phone=applicant.phone,
        applicant_address=applicant.address,
        received_at=dossier.received_at,
        appointment_at=dossier.appointment_at,
        legal_due_at=dossier.legal_due_at,
        resolved_at=dossier.resolved_at,
        returned_at=dossier.returned_at,
        outcome=dossier.outcome,
        apology_count=dossier.apology_count,
        current_unit=unit.name if unit else None,
        return_method=dossier.return_method,
        postal_address=dossier.postal_address,
        satisfaction=dossier.satisfaction,
        documents=[
            {"ordinal": d.ordinal, "name": d.name, "original_qty": d.original_qty, "copy_qty": d.copy_qty}
            for d in dossier.documents
        ],
        events=events,
    )


def lookup(db: Database, code: str, with_events: bool = True) -> DossierView:
    """The dossier with this code and its events (NotFoundError / ValidationError otherwise)."""
    with db.read() as session:
        return _view(session, load_dossier(session, code), with_events)


@dataclass(frozen=True)
class SearchHit:
    code: str
    applicant_name: str
    status: str
    received_at: datetime
    appointment_at: datetime | None


def search(db: Database, text: str, limit: int = 50) -> list[SearchHit]:
    """Search by code prefix, CCCD/CMND, phone, or applicant name (any accents or none).

    A name matches when the folded full name starts with the folded query, so it stays an
    index range scan at a million dossiers; newest dossiers first.
    """
    query = text.strip()
    if not query:
        return []
    stmt = select(
        Dossier.code, Applicant.full_name, Dossier.status, Dossier.received_at, Dossier.appointment_at
    ).join(Applicant, Dossier.applicant_id == Applicant.id)
    compact = query.replace(" ", "").replace(".", "")
    upper = query.upper()
    if CODE_PATTERN.match(upper) or ("-" in upper and upper[:1].isdigit() and "." in upper):
        stmt = stmt.where(Dossier.code.startswith(upper, autoescape=True)).order_by(Dossier.code)
    elif compact.isdigit() and len(compact) in (9, 12):
        stmt = stmt.where(Applicant.id_number == compact).order_by(Dossier.received_at.desc())
    elif compact.lstrip("+").isdigit() and len(compact) >= 9:
        phone = "0" + compact[-9:]
        stmt = stmt.where(Applicant.phone == phone).order_by(Dossier.received_at.desc())
    else:
        key = search_key(query)
        upper_bound = key[:-1] + chr(ord(key[-1]) + 1)
        applicants = (
            select(Applicant.id)
            .where(Applicant.search_key >= key, Applicant.search_key < upper_bound)
            .order_by(Applicant.search_key)
            .limit(limit)
        )
        stmt = stmt.where(Dossier.applicant_id.in_(applicants)).order_by(Dossier.received_at.desc())
    with db.read() as session:
        return [SearchHit(*row) for row in session.execute(stmt.limit(limit))]
