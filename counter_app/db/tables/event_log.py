"""Core tables: the append-only event log, node chains, daily counters and cancelled numbers.

The ORM classes mapped onto them, and what each table is for, are in ``counter_app/db/models/event_log.py``."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Table,
    UniqueConstraint,
)

from counter_app.db.tables.common import UTCDateTime, id_column, metadata

events = Table(
    "events",
    metadata,
    Column("node_id", String(40), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("kind", String(40), nullable=False),
    Column("office_id", ForeignKey("offices.id"), nullable=True),
    Column("dossier_id", ForeignKey("dossiers.id"), nullable=True, index=True),
    Column("actor_id", ForeignKey("users.id"), nullable=True),
    Column("actor", String(60), nullable=False),
    Column("occurred_at", UTCDateTime, nullable=False),
    Column("local_date", Date, nullable=False),
    Column("payload", JSON, default=dict, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    # The columns the hash covers (db/event_log.HASH_VERSION); 1 for the events written before 0013.
    Column("hash_version", SmallInteger, default=1, server_default="1", nullable=False),
    id_column(),
    UniqueConstraint("node_id", "seq"),
    Index("ix_events_kind_local_date", "kind", "local_date"),
)


node_heads = Table(
    "node_heads",
    metadata,
    Column("node_id", String(40), primary_key=True),
    Column("last_seq", BigInteger, default=0, nullable=False),
    Column("last_hash", String(64), nullable=False),
)


daily_counters = Table(
    "daily_counters",
    metadata,
    Column("unit_code", String(40), primary_key=True),
    Column("day", Date, primary_key=True),
    Column("last_seq", Integer, default=0, nullable=False),
)


cancelled_numbers = Table(
    "cancelled_numbers",
    metadata,
    Column("code", String(60), primary_key=True),
    Column("reason", String(500), nullable=False),
    Column("actor", String(60), nullable=False),
    Column("cancelled_at", UTCDateTime, nullable=False),
)


guidance_records = Table(
    "guidance_records",
    metadata,
    Column("office_id", ForeignKey("offices.id"), nullable=False),
    Column("procedure_version_id", ForeignKey("procedure_versions.id"), nullable=False),
    Column("case_id", ForeignKey("procedure_cases.id"), nullable=True),
    Column("officer_id", ForeignKey("users.id"), nullable=True),
    Column("given_at", UTCDateTime, nullable=False),
    Column("local_date", Date, index=True, nullable=False),
    id_column(),
)


chain_epochs = Table(
    "chain_epochs",
    metadata,
    Column("chain_id", String(40), primary_key=True),  # a new id (uuid7): unique everywhere
    Column("base_node_id", String(40), nullable=False),  # the node id of the workstation's settings
    Column("epoch", Integer, nullable=False),  # 2, 3, …: the node's own chain is epoch 1
    Column("continues_chain", String(40), nullable=False),
    Column("continues_seq", BigInteger, nullable=False),
    Column("continues_hash", String(64), nullable=False),
    Column("started_at", UTCDateTime, nullable=False),
    Column("restored_from", String(300), default="", nullable=False),
    UniqueConstraint("base_node_id", "epoch"),
)


chain_restores = Table(
    "chain_restores",
    metadata,
    Column("restored_at", UTCDateTime, nullable=False),
    Column("restored_from", String(300), default="", nullable=False),
    id_column(),
)
