"""At the province: the offices' dossiers as their exchanged events establish them, read-only.

Each import replays the dossiers its applied events touch (``project``) into ``exchange_dossiers``
with the same rules as the offices' own verification (``domain/projection.py``): code, status,
channel, appointment, outcome, unit — and every other column the reports read, as the office's own
row holds it (``domain/report_projection.py``) — plus what the intake's event keeps of the applicant as
received (name, CCCD), the procedure, and when it was received and resolved. The hotline looks a
dossier up by its code or the citizen's CCCD (``find``, written to the audit trail like any search);
``offices`` says, for each enrolled office, the date its data runs to («dữ liệu đến …»), so an
office a week offline is read as of that date, not as a week late.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, insert, or_, select
from sqlalchemy.orm import Session

from counter_app.db.database import Database
from counter_app.db.models import (
    ExchangeChain,
    ExchangeDossier,
    ExchangeEvent,
    ExchangeFork,
    ExchangePeer,
    ExchangePending,
    Field,
    Procedure,
    ProcedureVersion,
)
from counter_app.domain.errors import NotFoundError, ValidationError
from counter_app.domain.lifecycle import OPEN_STATUSES, WAITING_STATUSES, Status
from counter_app.domain.masking import mask_search
from counter_app.domain.projection import CREATING_KINDS, DossierFacts, apply_event
from counter_app.domain.report_projection import report_columns
from counter_app.services.actor import Actor, Role, require_reader
from counter_app.services.audit_trail import audit
from counter_app.services.reports.common import not_waiting

BATCH = 500
RESOLVED_STATUSES = (str(Status.RESOLVED), str(Status.RETURNED))


def project(session: Session, dossier_ids: Iterable[uuid.UUID], fingerprint: str) -> int:
    """Replay ``dossier_ids`` from the exchanged events into ``exchange_dossiers`` (inside the
    import's transaction); the number of dossiers written."""
    ids = sorted(set(dossier_ids))
    written = 0
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        rows = session.execute(
            select(
                ExchangeEvent.dossier_id,
                ExchangeEvent.kind,
                ExchangeEvent.payload,
                ExchangeEvent.occurred_at,
                ExchangeEvent.local_date,
                ExchangeEvent.office_id,
            )
            .where(ExchangeEvent.dossier_id.in_(chunk))
            .order_by(
                ExchangeEvent.dossier_id, ExchangeEvent.occurred_at, ExchangeEvent.node_id, ExchangeEvent.seq
            )
        )
        by_dossier: dict[uuid.UUID, list[tuple[Any, ...]]] = {}
        for dossier_id, *event in rows:
            by_dossier.setdefault(dossier_id, []).append(tuple(event))
        projected = [
            p
            for dossier_id, events in by_dossier.items()
            if (p := _replayed(dossier_id, events, fingerprint))
        ]
        _fill_fields(session, projected)
        session.execute(delete(ExchangeDossier).where(ExchangeDossier.dossier_id.in_(chunk)))
        if projected:
            session.execute(insert(ExchangeDossier.__table__), projected)
        written += len(projected)
    return written


def _replayed(
    dossier_id: uuid.UUID, events: list[tuple[Any, ...]], fingerprint: str
) -> dict[str, object] | None:
    facts = DossierFacts()
    row: dict[str, object] = {"dossier_id": dossier_id, "peer_fingerprint": fingerprint, "resolved_at": None}
    for kind, payload, at, day, office in events:
        facts = apply_event(facts, kind, payload)
        report_columns(row, kind, payload, at, day, office)
        if kind in CREATING_KINDS:
            applicant = payload.get("applicant")
            applicant = applicant if isinstance(applicant, dict) else {}
            row.update(
                received_at=at,
                # None: the intake stated no field (the office counts it unassigned); absent: an
                # event written before intakes stated it (the catalogue's, ``_fill_fields``).
                field_code=str(payload["field"] or "") if "field" in payload else None,
                procedure_code=str(payload.get("procedure") or ""),
                applicant_name=str(applicant.get("full_name") or ""),
                applicant_id_number=str(applicant.get("id_number") or ""),
            )
        elif kind == "resolve":
            row["resolved_at"] = at
        row["last_event_at"] = at
    if not facts.created:  # its creation event has not come yet
        return None
    values = facts.values
    row.update(
        code=str(values.get("code") or ""),
        status=str(values.get("status") or ""),
        channel=str(values.get("channel") or ""),
        appointment_at=values.get("appointment_at"),
        outcome=values.get("outcome"),
        current_unit=values.get("current_unit"),
    )
    return row


def _fill_fields(session: Session, rows: list[dict[str, object]]) -> None:
    """The field of each row whose intake event did not state one: its procedure's in the
    province's catalogue (the field of the current version), else none."""
    codes = {str(r["procedure_code"]) for r in rows if r.get("field_code") is None}
    known: dict[str, str] = {}
    if codes:
        known = dict(
            session.execute(
                select(Procedure.code, Field.code)
                .join(ProcedureVersion, ProcedureVersion.id == Procedure.current_version_id)
                .join(Field, Field.id == ProcedureVersion.field_id)
                .where(Procedure.code.in_(codes))
            ).all()
        )
    for row in rows:
        if row.get("field_code") is None:
            row["field_code"] = known.get(str(row["procedure_code"]), "")


@dataclass(frozen=True)
class OfficeDossier:
    code: str
    office_code: str
    office_name: str
    procedure_code: str
    status: str
    applicant_name: str
    applicant_id_number: str
    received_at: datetime
    appointment_at: datetime | None
    resolved_at: datetime | None
    outcome: str | None
    data_until: datetime | None  # the office's data runs to this instant


def find(db: Database, actor: Actor, text: str, limit: int = 50) -> list[OfficeDossier]:
    """The offices' dossiers with this code or this applicant's CCCD (the provincial hotline)."""
    require_reader(actor, Role.OFFICER, "tra cứu hồ sơ của các văn phòng")
    wanted = text.strip()
    until = _data_until(db)
    with db.read() as session:
        rows = session.execute(
            select(ExchangeDossier, ExchangePeer.office_code, ExchangePeer.office_name)
            .join(ExchangePeer, ExchangePeer.fingerprint == ExchangeDossier.peer_fingerprint)
            .where(or_(ExchangeDossier.code == wanted.upper(), ExchangeDossier.applicant_id_number == wanted))
            .order_by(ExchangeDossier.received_at.desc())
            .limit(limit)
        ).all()
    found = [
        _found(d, office_code, office_name, until.get(d.peer_fingerprint))
        for d, office_code, office_name in rows
    ]
    audit(
        db,
        actor,
        "search",
        subject=mask_search(wanted),
        details={"codes": [d.code for d in found], "province": True},
    )
    return found


@dataclass(frozen=True)
class OfficeState:
    fingerprint: str
    office_code: str
    office_name: str
    data_until: datetime | None  # the newest event applied: «dữ liệu đến …»
    events: int
    dossiers: int
    waiting: int  # events that came before the ones they follow
    open_forks: int


def offices(db: Database, actor: Actor) -> list[OfficeState]:
    """Each enrolled office: how far its data runs, what waits, whether a fork alarm is open."""
    require_reader(actor, Role.OFFICER, "xem tình trạng dữ liệu các văn phòng")
    until = _data_until(db)
    with db.read() as session:
        peers = session.execute(select(ExchangePeer).order_by(ExchangePeer.office_code)).scalars().all()
        nodes = dict(session.execute(select(ExchangeChain.node_id, ExchangeChain.peer_fingerprint)).all())
        events = dict(
            session.execute(
                select(ExchangeChain.peer_fingerprint, func.sum(ExchangeChain.last_seq)).group_by(
                    ExchangeChain.peer_fingerprint
                )
            ).all()
        )
        dossiers = dict(
            session.execute(
                select(ExchangeDossier.peer_fingerprint, func.count()).group_by(
                    ExchangeDossier.peer_fingerprint
                )
            ).all()
        )
        waiting: dict[str, int] = {}
        for node, count in session.execute(
            select(ExchangePending.node_id, func.count()).group_by(ExchangePending.node_id)
        ).all():
            waiting[nodes.get(node, "")] = waiting.get(nodes.get(node, ""), 0) + count
        forks: dict[str, int] = {}
        for (node,) in session.execute(
            select(ExchangeFork.node_id).where(ExchangeFork.resolved_at.is_(None))
        ).all():
            forks[nodes.get(node, "")] = forks.get(nodes.get(node, ""), 0) + 1
    return [
        OfficeState(
            p.fingerprint,
            p.office_code,
            p.office_name,
            until.get(p.fingerprint),
            int(events.get(p.fingerprint) or 0),
            int(dossiers.get(p.fingerprint) or 0),
            waiting.get(p.fingerprint, 0),
            forks.get(p.fingerprint, 0),
        )
        for p in peers
    ]


# What the list of an office's dossiers shows (``office_dossiers``); overdue as of its data.
DOSSIER_STATES = ("all", "open", "overdue", "waiting", "resolved")
LIST_LIMIT = 500


@dataclass(frozen=True)
class OfficeDossiers:
    dossiers: tuple[OfficeDossier, ...]  # the newest first, up to the limit
    total: int  # how many match
    data_until: datetime | None


def office_dossiers(
    db: Database, actor: Actor, fingerprint: str, state: str = "all", *, limit: int = LIST_LIMIT
) -> OfficeDossiers:
    """One office's dossiers (tracking filtered by office), newest first: all of them, those open,
    those overdue as of the office's data («dữ liệu đến»: not a week late for a week offline),
    those waiting for the citizen, or those resolved (returned or not)."""
    require_reader(actor, Role.OFFICER, "xem hồ sơ của các văn phòng")
    if state not in DOSSIER_STATES:
        raise ValidationError("Không có bộ lọc «{state}».", state=state, field="state")
    with db.read() as session:
        peer = session.get(ExchangePeer, fingerprint)
        if peer is None:
            raise NotFoundError("Không có văn phòng nào đăng ký với dấu vân tay «{fp}».", fp=fingerprint)
        until = data_until(session).get(fingerprint)
        d = ExchangeDossier
        where = [d.peer_fingerprint == fingerprint]
        if state in ("open", "overdue"):
            where.append(d.status.in_(OPEN_STATUSES))
        if state == "overdue":  # as of its data (none: nothing of it to be late)
            judged = as_of_data(until) if until is not None else d.received_at
            where += [d.legal_due_at < judged, not_waiting(judged, d)]
        elif state == "waiting":
            where.append(d.status.in_(WAITING_STATUSES))
        elif state == "resolved":
            where.append(d.status.in_(RESOLVED_STATUSES))
        total = session.execute(select(func.count()).select_from(d).where(*where)).scalar_one()
        rows = session.execute(
            select(d).where(*where).order_by(d.received_at.desc(), d.code.desc()).limit(limit)
        ).scalars()
        found = tuple(_found(r, peer.office_code, peer.office_name, until) for r in rows)
    return OfficeDossiers(found, total, until)


def _found(d: ExchangeDossier, office_code: str, office_name: str, until: datetime | None) -> OfficeDossier:
    return OfficeDossier(
        d.code,
        office_code,
        office_name,
        d.procedure_code,
        d.status,
        d.applicant_name,
        d.applicant_id_number,
        d.received_at,
        d.appointment_at,
        d.resolved_at,
        d.outcome,
        until,
    )


def has_offices(db: Database) -> bool:
    """Whether offices are enrolled here: this database is a province's (its reports across them)."""
    with db.read() as session:
        return session.execute(select(ExchangePeer.fingerprint).limit(1)).first() is not None


def as_of_data(until: datetime) -> datetime:
    """Just after an office's newest event: a dossier resolved (withdrawn, stopped) by that very
    event is resolved as of its data, as the office's own report run then shows it."""
    return until + timedelta(microseconds=1)


def _data_until(db: Database) -> dict[str, datetime]:
    with db.read() as session:
        return data_until(session)


def data_until(session: Session) -> dict[str, datetime]:
    """Per office, the time of the newest event applied: its chains' heads («dữ liệu đến …»)."""
    rows = session.execute(
        select(ExchangeChain.peer_fingerprint, func.max(ExchangeEvent.occurred_at))
        .join(
            ExchangeEvent,
            (ExchangeEvent.node_id == ExchangeChain.node_id) & (ExchangeEvent.seq == ExchangeChain.last_seq),
        )
        .group_by(ExchangeChain.peer_fingerprint)
    ).all()
    return {fingerprint: at for fingerprint, at in rows}
