"""The procedure catalogue: fields, procedures and their immutable versions.

A dossier pins the ProcedureVersion it was received under, so later catalogue edits
never re-time or re-word old dossiers.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from counter_app.db.base import Base, IdMixin, UTCDateTime


class Field(IdMixin, Base):
    """Lĩnh vực (e.g. G09-NV23 Lao động, tiền lương).

    ``name`` is the current name; what it was called at an earlier instant is in FieldName, so a
    rename never rewrites the lists and reports of dossiers received before it (docs/domain-rules.md §3).
    """

    __tablename__ = "fields"

    code: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(300))


class FieldName(IdMixin, Base):
    """A field's name from ``valid_from`` (None: from the start) until its next FieldName."""

    __tablename__ = "field_names"

    field_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("fields.id"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    valid_from: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class Procedure(IdMixin, Base):
    __tablename__ = "procedures"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    current_version_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("procedure_versions.id", use_alter=True), nullable=True
    )
    # Folded name + code for accent-insensitive search.
    search_key: Mapped[str] = mapped_column(Text, default="", index=True)

    current_version: Mapped[ProcedureVersion | None] = relationship(
        foreign_keys=[current_version_id], post_update=True
    )


class ProcedureVersion(IdMixin, Base):
    __tablename__ = "procedure_versions"
    __table_args__ = (UniqueConstraint("procedure_id", "version_no"),)

    procedure_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("procedures.id"))
    version_no: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    field_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("fields.id"), nullable=True)
    # "province", "ward", "province,ward" …
    level: Mapped[str] = mapped_column(String(60), default="")
    full_online: Mapped[bool] = mapped_column(Boolean, default=False)
    # restart | pause: what a supplement during processing does to the clock.
    supplement_rule: Mapped[str] = mapped_column(String(10), default="restart")
    legal_bases: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    results: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    requirements: Mapped[str] = mapped_column(Text, default="")
    # Terms the portal states per named case (its "cases[]"), used where a channel's own term is
    # not computable: [{"name": ..., "amount": "1", "unit": "working_day"}] (docs/catalog-rules.md).
    case_terms: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list, server_default="[]")
    source: Mapped[str] = mapped_column(String(20), default="dvcqg")
    # SHA-256 of the normalised content: re-importing unchanged data changes nothing.
    content_hash: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime)

    procedure: Mapped[Procedure] = relationship(foreign_keys=[procedure_id])
    field: Mapped[Field | None] = relationship()
    cases: Mapped[list[ProcedureCase]] = relationship(
        order_by="ProcedureCase.ordinal", cascade="all, delete-orphan"
    )
    channels: Mapped[list[ChannelTerm]] = relationship(
        order_by="ChannelTerm.channel", cascade="all, delete-orphan"
    )


class ProcedureCase(IdMixin, Base):
    """Trường hợp: a variant of the procedure with its own document list."""

    __tablename__ = "procedure_cases"

    version_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("procedure_versions.id"))
    ordinal: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text, default="")
    documents: Mapped[list[RequiredDocument]] = relationship(
        order_by="RequiredDocument.ordinal", cascade="all, delete-orphan"
    )


class RequiredDocument(IdMixin, Base):
    """Thành phần hồ sơ."""

    __tablename__ = "required_documents"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("procedure_cases.id"))
    ordinal: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    code: Mapped[str] = mapped_column(String(80), default="")
    original_qty: Mapped[int] = mapped_column(Integer, default=0)
    copy_qty: Mapped[int] = mapped_column(Integer, default=0)
    required: Mapped[bool] = mapped_column(Boolean, default=True)
    # submit | show | heading | note: what the line is at the counter (docs/catalog-rules.md).
    kind: Mapped[str] = mapped_column(String(10), default="submit", server_default="submit")
    # The part of the dossier the line belongs to as the portal headed it ("Giấy tờ phải xuất
    # trình", "Lưu ý", a case's own heading); empty for the unnamed common part.
    part: Mapped[str] = mapped_column(Text, default="", server_default="")


class ChannelTerm(IdMixin, Base):
    """Processing term and fees for one submission channel (direct / online / postal)."""

    __tablename__ = "channel_terms"
    __table_args__ = (UniqueConstraint("version_id", "channel"),)

    version_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("procedure_versions.id"))
    channel: Mapped[str] = mapped_column(String(10))
    amount: Mapped[Decimal] = mapped_column(Numeric(10, 2), default=Decimal(0))
    # working_day | day | hour | same_day | none
    unit: Mapped[str] = mapped_column(String(12))
    description: Mapped[str] = mapped_column(Text, default="")
    # [{"kind": "FEE", "amount_vnd": 50000 | null, "description": "..."}]
    fees: Mapped[list[dict[str, object]]] = mapped_column(JSON, default=list)
