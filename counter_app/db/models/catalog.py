"""The procedure catalogue: fields, procedures and their immutable versions.

A dossier pins the ProcedureVersion it was received under, so later catalogue edits
never re-time or re-word old dossiers.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from sqlalchemy.orm import Mapped, relationship

from counter_app.db.base import Base
from counter_app.db.tables.catalog import (
    channel_terms,
    field_names,
    fields,
    procedure_cases,
    procedure_versions,
    procedures,
    required_documents,
)


class Field(Base):
    """Lĩnh vực (e.g. G09-NV23 Lao động, tiền lương).

    ``name`` is the current name; what it was called at an earlier instant is in FieldName, so a
    rename never rewrites the lists and reports of dossiers received before it (docs/domain-rules.md §3).
    """

    __table__ = fields
    id: Mapped[uuid.UUID]
    code: Mapped[str]
    name: Mapped[str]


class FieldName(Base):
    """A field's name from ``valid_from`` (None: from the start) until its next FieldName."""

    __table__ = field_names
    id: Mapped[uuid.UUID]
    field_id: Mapped[uuid.UUID]
    name: Mapped[str]
    valid_from: Mapped[datetime | None]


class Procedure(Base):
    __table__ = procedures
    id: Mapped[uuid.UUID]
    code: Mapped[str]
    current_version_id: Mapped[uuid.UUID | None]
    search_key: Mapped[str]

    current_version: Mapped[ProcedureVersion | None] = relationship(
        foreign_keys=[procedures.c.current_version_id], post_update=True
    )


class ProcedureVersion(Base):
    __table__ = procedure_versions
    id: Mapped[uuid.UUID]
    procedure_id: Mapped[uuid.UUID]
    version_no: Mapped[int]
    name: Mapped[str]
    field_id: Mapped[uuid.UUID | None]
    level: Mapped[str]
    full_online: Mapped[bool]
    supplement_rule: Mapped[str]
    legal_bases: Mapped[list[dict[str, str]]]
    results: Mapped[list[dict[str, str]]]
    requirements: Mapped[str]
    case_terms: Mapped[list[dict[str, str]]]
    source: Mapped[str]
    content_hash: Mapped[str]
    imported_at: Mapped[datetime]

    procedure: Mapped[Procedure] = relationship(foreign_keys=[procedure_versions.c.procedure_id])
    field: Mapped[Field | None] = relationship()
    cases: Mapped[list[ProcedureCase]] = relationship(
        order_by="ProcedureCase.ordinal", cascade="all, delete-orphan"
    )
    channels: Mapped[list[ChannelTerm]] = relationship(
        order_by="ChannelTerm.channel", cascade="all, delete-orphan"
    )


class ProcedureCase(Base):
    """Trường hợp: a variant of the procedure with its own document list."""

    __table__ = procedure_cases
    id: Mapped[uuid.UUID]
    version_id: Mapped[uuid.UUID]
    ordinal: Mapped[int]
    name: Mapped[str]

    documents: Mapped[list[RequiredDocument]] = relationship(
        order_by="RequiredDocument.ordinal", cascade="all, delete-orphan"
    )


class RequiredDocument(Base):
    """Thành phần hồ sơ."""

    __table__ = required_documents
    id: Mapped[uuid.UUID]
    case_id: Mapped[uuid.UUID]
    ordinal: Mapped[int]
    name: Mapped[str]
    code: Mapped[str]
    original_qty: Mapped[int]
    copy_qty: Mapped[int]
    required: Mapped[bool]
    kind: Mapped[str]
    part: Mapped[str]


class ChannelTerm(Base):
    """Processing term and fees for one submission channel (direct / online / postal)."""

    __table__ = channel_terms
    id: Mapped[uuid.UUID]
    version_id: Mapped[uuid.UUID]
    channel: Mapped[str]
    amount: Mapped[Decimal]
    unit: Mapped[str]
    description: Mapped[str]
    fees: Mapped[list[dict[str, object]]]
