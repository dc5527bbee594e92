"""Finding dossiers: by code (a scan), and by applicant name, ID number, phone or code prefix."""

from __future__ import annotations

import logging
import re
import uuid
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, bindparam, or_, select

from counter_app.db.database import Database
from counter_app.db.prepared import PreparedSelect, ReadCursor, read_cursor
from counter_app.db.tables import (
    agencies,
    applicants,
    dossier_documents,
    dossiers,
    events,
    procedure_versions,
    procedures,
)
from counter_app.domain.dossier_code import parse_code
from counter_app.domain.errors import NotFoundError
from counter_app.domain.masking import mask_search
from counter_app.domain.text import search_key
from counter_app.services.actor import Actor
from counter_app.services.audit_trail import audit
from counter_app.services.dossier_query import named_dossiers

# Who looked at whose personal data (Luật 91/2025/QH15): one line per view or search.
log = logging.getLogger("counter_app.audit")


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


# One joined row per dossier: what every screen that opens a dossier needs.
_DOSSIER_ROW = named_dossiers(
    dossiers.c.id,
    dossiers.c.code,
    dossiers.c.status,
    dossiers.c.channel,
    procedures.c.code.label("procedure_code"),
    procedure_versions.c.name.label("procedure_name"),
    procedure_versions.c.version_no,
    applicants.c.full_name,
    applicants.c.id_number,
    applicants.c.phone,
    applicants.c.address,
    dossiers.c.received_at,
    dossiers.c.appointment_at,
    dossiers.c.legal_due_at,
    dossiers.c.resolved_at,
    dossiers.c.returned_at,
    dossiers.c.outcome,
    dossiers.c.apology_count,
    agencies.c.name.label("unit_name"),
    dossiers.c.return_method,
    dossiers.c.postal_address,
    dossiers.c.satisfaction,
)


# Compiled once: a scan must open the dossier in a blink, so these run on the DBAPI cursor with
# SQLAlchemy's own type conversion but without its per-statement execution overhead (db/prepared.py).
_BY_CODE = PreparedSelect(_DOSSIER_ROW.where(dossiers.c.code == bindparam("code")), "DossierRow")
_DOCUMENTS = PreparedSelect(
    select(
        dossier_documents.c.ordinal,
        dossier_documents.c.name,
        dossier_documents.c.original_qty,
        dossier_documents.c.copy_qty,
        dossier_documents.c.kind,
    )
    .where(dossier_documents.c.dossier_id == bindparam("dossier_id"))
    .order_by(dossier_documents.c.ordinal),
    "DocumentRow",
)
_EVENTS = PreparedSelect(
    select(
        events.c.seq, events.c.node_id, events.c.kind, events.c.actor, events.c.occurred_at, events.c.payload
    )
    .where(events.c.dossier_id == bindparam("dossier_id"))
    .order_by(events.c.occurred_at, events.c.seq),
    "EventRow",
)


def _load(reader: ReadCursor, code: str, with_events: bool) -> DossierView:
    parsed = str(parse_code(code))
    found = _BY_CODE.rows(reader, code=parsed)
    if not found:
        raise NotFoundError("Không tìm thấy hồ sơ mã «{code}».", code=parsed, field="code")
    row = found[0]
    documents = [row._asdict() for row in _DOCUMENTS.rows(reader, dossier_id=row.id)]
    events = [EventView(*e) for e in _EVENTS.rows(reader, dossier_id=row.id)] if with_events else []
    return DossierView(
        id=row.id,
        code=row.code,
        status=row.status,
        channel=row.channel,
        procedure_code=row.procedure_code,
        procedure_name=row.procedure_name,
        procedure_version=row.version_no,
        applicant_name=row.full_name,
        applicant_id_number=row.id_number,
        applicant_phone=row.phone,
        applicant_address=row.address,
        received_at=row.received_at,
        appointment_at=row.appointment_at,
        legal_due_at=row.legal_due_at,
        resolved_at=row.resolved_at,
        returned_at=row.returned_at,
        outcome=row.outcome,
        apology_count=row.apology_count,
        current_unit=row.unit_name,
        return_method=row.return_method,
        postal_address=row.postal_address,
        satisfaction=row.satisfaction,
        documents=documents,
        events=events,
    )


def lookup(
    db: Database, actor: Actor, code: str, with_events: bool = True, *, audited: bool = True
) -> DossierView:
    """The dossier with this code, its documents and events (NotFoundError / ValidationError otherwise).

    Personal data: who opened which dossier goes to the audit trail, before the view is returned
    (``audited=False``: the page reading back a dossier the officer has just acted on, not opening it).
    """
    with read_cursor(db.engine) as reader:
        view = _load(reader, code, with_events)
    log.info("%s viewed dossier %s", actor.username, view.code)
    if audited:
        audit(db, actor, "dossier_viewed", subject=view.code)
    return view


# The start of a dossier code: the unit identifier (000.00.31.H56), then -YYMMDD, then -NNNN.
_CODE_PREFIX = re.compile(r"^[0-9][0-9A-Z.]*(-[0-9]{0,6})?(-[0-9]*)?$")


@dataclass(frozen=True)
class SearchHit:
    code: str
    applicant_name: str
    status: str
    received_at: datetime
    appointment_at: datetime | None


def search(db: Database, actor: Actor, text: str, limit: int = 50) -> list[SearchHit]:
    """Search by code prefix, CCCD/CMND, phone, or applicant name (any accents or none).

    A name matches when the folded full name starts with the folded query, so it stays an
    index range scan at a million dossiers; newest dossiers first.
    """
    query = text.strip()
    if not query:
        return []
    # The log keeps who searched, never whose number or name (a code whole, a number masked).
    log.info("%s searched dossiers for %r", actor.username, mask_search(query))
    hits = _search(db, query, limit)
    # The trail keeps the codes the search returned, not the personal data it matched.
    audit(db, actor, "search", subject=mask_search(query), details={"codes": [hit.code for hit in hits]})
    return hits


def _search(db: Database, query: str, limit: int) -> list[SearchHit]:
    stmt = select(
        dossiers.c.code,
        applicants.c.full_name,
        dossiers.c.status,
        dossiers.c.received_at,
        dossiers.c.appointment_at,
    ).join(applicants, dossiers.c.applicant_id == applicants.c.id)
    compact = query.replace(" ", "").replace(".", "")
    upper = query.upper()
    newest = dossiers.c.received_at.desc()
    if "." in upper and _CODE_PREFIX.match(upper) and not compact.isdigit():  # not a phone with dots
        stmt = stmt.where(dossiers.c.code.startswith(upper, autoescape=True)).order_by(dossiers.c.code)
    elif compact.isdigit() and len(compact) == 9:
        # Nine digits: a legacy CMND, or a phone number typed without its leading 0.
        stmt = stmt.where(
            or_(applicants.c.id_number == compact, applicants.c.phone == "0" + compact)
        ).order_by(newest)
    elif compact.isdigit() and len(compact) == 12:
        stmt = stmt.where(applicants.c.id_number == compact).order_by(newest)
    elif compact.lstrip("+").isdigit() and len(compact) >= 9:
        stmt = stmt.where(applicants.c.phone == "0" + compact[-9:]).order_by(newest)
    else:
        return _search_name(db, stmt, search_key(query), limit)
    with db.engine.connect() as conn:
        return [SearchHit(*row) for row in conn.execute(stmt.limit(limit))]


def _search_name(db: Database, stmt: Select[Any], key: str, limit: int) -> list[SearchHit]:
    """Full names starting with the query (an index range), else names with a word starting with it."""
    upper_bound = key[:-1] + chr(ord(key[-1]) + 1)
    by_prefix = select(applicants.c.id).where(
        applicants.c.search_key >= key, applicants.c.search_key < upper_bound
    )
    # The fallback scans the names; it runs only when no full name starts with the query.
    by_word = select(applicants.c.id).where(applicants.c.search_key.contains(" " + key, autoescape=True))
    with db.engine.connect() as conn:
        for matching in (by_prefix, by_word):
            query = stmt.where(
                dossiers.c.applicant_id.in_(matching.order_by(applicants.c.search_key).limit(limit))
            )
            rows = [
                SearchHit(*row)
                for row in conn.execute(query.order_by(dossiers.c.received_at.desc()).limit(limit))
            ]
            if rows:
                return rows
    return []
