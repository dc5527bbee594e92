"""Core tables: the audit trail: who looked at what (issue 14), apart from the event log.

The ORM classes mapped onto them, and what each table is for, are in ``counter_app/db/models/audit_trail.py``."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    ForeignKey,
    Index,
    String,
    Table,
    UniqueConstraint,
)

from counter_app.db.tables.common import UTCDateTime, id_column, metadata

audit_records = Table(
    "audit_records",
    metadata,
    Column("node_id", String(40), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("actor", String(60), nullable=False),
    Column("actor_id", ForeignKey("users.id"), nullable=True),
    Column("action", String(40), nullable=False),
    Column("subject", String(200), default="", nullable=False),
    Column("details", JSON, default=dict, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    id_column(),
    UniqueConstraint("node_id", "seq"),
    Index("ix_audit_records_at", "at"),
)


audit_heads = Table(
    "audit_heads",
    metadata,
    Column("node_id", String(40), primary_key=True),
    Column("last_seq", BigInteger, default=0, nullable=False),
    Column("last_hash", String(64), nullable=False),
)
