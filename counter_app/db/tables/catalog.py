"""Core tables: the procedure catalogue: fields, procedures and their immutable versions.

The ORM classes mapped onto them, and what each table is for, are in ``counter_app/db/models/catalog.py``."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from counter_app.db.tables.common import UTCDateTime, id_column, metadata

fields = Table(
    "fields",
    metadata,
    Column("code", String(60), unique=True, nullable=False),
    Column("name", String(300), nullable=False),
    id_column(),
)


field_names = Table(
    "field_names",
    metadata,
    Column("field_id", ForeignKey("fields.id"), index=True, nullable=False),
    Column("name", String(300), nullable=False),
    Column("valid_from", UTCDateTime, nullable=True),
    id_column(),
)


procedures = Table(
    "procedures",
    metadata,
    Column("code", String(40), unique=True, nullable=False),
    Column("current_version_id", ForeignKey("procedure_versions.id", use_alter=True), nullable=True),
    # Folded name + code for accent-insensitive search.
    Column("search_key", Text, default="", index=True, nullable=False),
    id_column(),
)


procedure_versions = Table(
    "procedure_versions",
    metadata,
    Column("procedure_id", ForeignKey("procedures.id"), nullable=False),
    Column("version_no", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("field_id", ForeignKey("fields.id"), nullable=True),
    # "province", "ward", "province,ward" …
    Column("level", String(60), default="", nullable=False),
    Column("full_online", Boolean, default=False, nullable=False),
    # restart | pause: what a supplement during processing does to the clock.
    Column("supplement_rule", String(10), default="restart", nullable=False),
    Column("legal_bases", JSON, default=list, nullable=False),
    Column("results", JSON, default=list, nullable=False),
    Column("requirements", Text, default="", nullable=False),
    # Terms the portal states per named case (its "cases[]"), used where a channel's own term is
    # not computable: [{"name": ..., "amount": "1", "unit": "working_day"}] (docs/catalog-rules.md).
    Column("case_terms", JSON, default=list, server_default="[]", nullable=False),
    Column("source", String(20), default="dvcqg", nullable=False),
    # SHA-256 of the normalised content: re-importing unchanged data changes nothing.
    Column("content_hash", String(64), nullable=False),
    Column("imported_at", UTCDateTime, nullable=False),
    id_column(),
    UniqueConstraint("procedure_id", "version_no"),
)


procedure_cases = Table(
    "procedure_cases",
    metadata,
    Column("version_id", ForeignKey("procedure_versions.id"), nullable=False),
    Column("ordinal", Integer, nullable=False),
    Column("name", Text, default="", nullable=False),
    id_column(),
)


required_documents = Table(
    "required_documents",
    metadata,
    Column("case_id", ForeignKey("procedure_cases.id"), nullable=False),
    Column("ordinal", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("code", String(80), default="", nullable=False),
    Column("original_qty", Integer, default=0, nullable=False),
    Column("copy_qty", Integer, default=0, nullable=False),
    Column("required", Boolean, default=True, nullable=False),
    # submit | show | heading | note: what the line is at the counter (docs/catalog-rules.md).
    Column("kind", String(10), default="submit", server_default="submit", nullable=False),
    # The part of the dossier the line belongs to as the portal headed it ("Giấy tờ phải xuất
    # trình", "Lưu ý", a case's own heading); empty for the unnamed common part.
    Column("part", Text, default="", server_default="", nullable=False),
    id_column(),
)


channel_terms = Table(
    "channel_terms",
    metadata,
    Column("version_id", ForeignKey("procedure_versions.id"), nullable=False),
    Column("channel", String(10), nullable=False),
    Column("amount", Numeric(10, 2), default=Decimal(0), nullable=False),
    # working_day | day | hour | same_day | none
    Column("unit", String(12), nullable=False),
    Column("description", Text, default="", nullable=False),
    # [{"kind": "FEE", "amount_vnd": 50000 | null, "description": "..."}]
    Column("fees", JSON, default=list, nullable=False),
    id_column(),
    UniqueConstraint("version_id", "channel"),
)
