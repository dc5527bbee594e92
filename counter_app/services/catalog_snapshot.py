"""Immutable snapshots of procedure versions, cached per process.

A ProcedureVersion never changes once imported (a change makes a new version), so its plain
snapshot can be cached by id: receiving a dossier then costs one indexed query for the current
version id instead of loading cases, documents and channels every time.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from counter_app.db.models import Procedure, ProcedureCase, ProcedureVersion
from counter_app.domain.errors import NotFoundError

_CACHE_LIMIT = 1024
_cache: dict[uuid.UUID, VersionSnapshot] = {}


@dataclass(frozen=True)
class DocumentSnapshot:
    id: uuid.UUID
    ordinal: int
    name: str
    original_qty: int
    copy_qty: int
    required: bool
    kind: str = "submit"  # submit | show | heading | note
    part: str = ""

    @property
    def tickable(self) -> bool:
        """Handed in or shown: a line the officer ticks (headings and notes are only read)."""
        return self.kind in ("submit", "show")


@dataclass(frozen=True)
class CaseSnapshot:
    id: uuid.UUID
    ordinal: int
    name: str
    documents: tuple[DocumentSnapshot, ...]


@dataclass(frozen=True)
class ChannelSnapshot:
    channel: str
    amount: Decimal
    unit: str
    description: str
    fees: tuple[dict[str, object], ...]


@dataclass(frozen=True)
class VersionSnapshot:
    id: uuid.UUID
    procedure_code: str
    version_no: int
    name: str
    field_id: uuid.UUID | None
    supplement_rule: str
    cases: tuple[CaseSnapshot, ...]
    channels: tuple[ChannelSnapshot, ...]
    case_terms: tuple[dict[str, str], ...] = ()
    field_code: str | None = None  # the field's code, stated in the intake event (issue 15)


def current_version_id(session: Session, code: str) -> uuid.UUID:
    version_id = session.execute(
        select(Procedure.current_version_id).where(Procedure.code == code.strip())
    ).scalar_one_or_none()
    if version_id is None:
        raise NotFoundError(
            "Không có thủ tục mã «{code}» trong danh mục.", code=code.strip(), field="procedure"
        )
    return version_id


def snapshot_of(session: Session, version_id: uuid.UUID) -> VersionSnapshot:
    """The snapshot of a version (from the cache, or loaded once)."""
    cached = _cache.get(version_id)
    if cached is not None:
        return cached
    version = session.execute(
        select(ProcedureVersion)
        .where(ProcedureVersion.id == version_id)
        .options(
            selectinload(ProcedureVersion.cases).selectinload(ProcedureCase.documents),
            selectinload(ProcedureVersion.channels),
            selectinload(ProcedureVersion.procedure),
        )
    ).scalar_one()
    snapshot = VersionSnapshot(
        id=version.id,
        procedure_code=version.procedure.code,
        version_no=version.version_no,
        name=version.name,
        field_id=version.field_id,
        supplement_rule=version.supplement_rule,
        cases=tuple(
            CaseSnapshot(
                c.id,
                c.ordinal,
                c.name,
                tuple(
                    DocumentSnapshot(
                        d.id, d.ordinal, d.name, d.original_qty, d.copy_qty, d.required, d.kind, d.part
                    )
                    for d in c.documents
                ),
            )
            for c in version.cases
        ),
        channels=tuple(
            ChannelSnapshot(t.channel, Decimal(t.amount), t.unit, t.description, tuple(t.fees))
            for t in version.channels
        ),
        case_terms=tuple(dict(t) for t in version.case_terms),
        field_code=version.field.code if version.field is not None else None,
    )
    if len(_cache) >= _CACHE_LIMIT:
        _cache.clear()
    _cache[version_id] = snapshot
    return snapshot


def current_snapshot(session: Session, code: str) -> VersionSnapshot:
    return snapshot_of(session, current_version_id(session, code))
