"""Core tables: the office's own layer over the catalogue: what it decides about each procedure.

The ORM classes mapped onto them, and what each table is for, are in ``counter_app/db/models/office_catalog.py``."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Numeric,
    String,
    Table,
    UniqueConstraint,
    true,
)

from counter_app.db.tables.common import UTCDateTime, id_column, metadata

office_procedures = Table(
    "office_procedures",
    metadata,
    Column("office_id", ForeignKey("offices.id"), nullable=False),
    Column("procedure_id", ForeignKey("procedures.id"), nullable=False),
    Column("enabled", Boolean, default=True, server_default=true(), nullable=False),
    # The published shorter term (same unit as the legal one); None: the legal term applies.
    Column("term_amount", Numeric(10, 2), nullable=True),
    Column("term_unit", String(12), nullable=True),
    # The unit (agency) that handles it: the transfer dialog's default.
    Column("unit_id", ForeignKey("agencies.id"), nullable=True),
    Column("updated_at", UTCDateTime, nullable=False),
    id_column(),
    UniqueConstraint("office_id", "procedure_id"),
)
