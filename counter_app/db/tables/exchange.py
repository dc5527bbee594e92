"""Core tables: the exchange between offline offices and the provincial centre (issue 15): keys, cursors, and the

The ORM classes mapped onto them, and what each table is for, are in ``counter_app/db/models/exchange.py``."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Date,
    Index,
    Integer,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
    Uuid,
)

from counter_app.db.tables.common import UTCDateTime, id_column, metadata

exchange_keys = Table(
    "exchange_keys",
    metadata,
    Column("role", String(20), primary_key=True),
    Column("public_key", String(64), nullable=False),  # raw Ed25519 key, base64
    Column("private_key", String(64), nullable=True),  # only for ``own``
    Column("fingerprint", String(32), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)


exchange_peers = Table(
    "exchange_peers",
    metadata,
    Column("fingerprint", String(32), primary_key=True),
    Column("public_key", String(64), nullable=False),
    Column("office_code", String(40), nullable=False),
    Column("office_name", String(300), nullable=False),
    Column("enrolled_at", UTCDateTime, nullable=False),
    Column("enrolled_by", String(60), nullable=False),
    # Its offices' working calendars (office id → ``offices.calendar_spec``) as its newest bundle
    # stated them, and that bundle's time (0021): the province's reports judge and measure each
    # office on its own calendar.
    Column("calendars", JSON, default=dict, server_default="{}", nullable=False),
    Column("calendars_at", UTCDateTime, nullable=True),
)


exchange_acks = Table(
    "exchange_acks",
    metadata,
    Column("node_id", String(40), primary_key=True),
    Column("acked_seq", BigInteger, nullable=False),
    Column("acked_hash", String(64), nullable=False),
    Column("acked_at", UTCDateTime, nullable=False),
)


exchange_bundles = Table(
    "exchange_bundles",
    metadata,
    Column("bundle_id", Uuid, primary_key=True),
    Column("direction", String(3), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("peer_fingerprint", String(32), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("summary", JSON, default=dict, nullable=False),
)


exchange_chains = Table(
    "exchange_chains",
    metadata,
    Column("node_id", String(40), primary_key=True),
    Column("peer_fingerprint", String(32), nullable=False),
    Column("last_seq", BigInteger, nullable=False),
    Column("last_hash", String(64), nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)


exchange_events = Table(
    "exchange_events",
    metadata,
    Column("node_id", String(40), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("kind", String(40), nullable=False),
    Column("office_id", Uuid, nullable=True),
    Column("dossier_id", Uuid, nullable=True, index=True),
    Column("actor_id", Uuid, nullable=True),
    Column("actor", String(60), nullable=False),
    Column("occurred_at", UTCDateTime, nullable=False),
    Column("local_date", Date, nullable=False),
    Column("payload", JSON, default=dict, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    Column("hash_version", SmallInteger, nullable=False),
    Column("bundle_id", Uuid, nullable=False),
    id_column(),
    UniqueConstraint("node_id", "seq"),
    Index("ix_exchange_events_local_date", "local_date", "kind"),  # a day's events (0021)
)


exchange_pending = Table(
    "exchange_pending",
    metadata,
    Column("node_id", String(40), primary_key=True),
    Column("seq", BigInteger, primary_key=True),
    Column("peer_fingerprint", String(32), nullable=False),  # the office that sent it
    Column("hash", String(64), nullable=False),
    Column("event", JSON, nullable=False),
    Column("bundle_id", Uuid, nullable=False),
)


exchange_forks = Table(
    "exchange_forks",
    metadata,
    Column("node_id", String(40), index=True, nullable=False),
    # the office whose chain it is (0018; empty in alarms raised before)
    Column("peer_fingerprint", String(32), default="", server_default="", nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("stored_hash", String(64), nullable=False),
    Column("incoming_hash", String(64), nullable=False),
    Column("bundle_id", Uuid, nullable=False),
    Column("branch", JSON, nullable=False),  # the incoming events from ``seq`` on
    Column("raised_at", UTCDateTime, nullable=False),
    Column("resolved_at", UTCDateTime, nullable=True),
    Column("resolution", Text, nullable=True),
    id_column(),
)


exchange_dossiers = Table(
    "exchange_dossiers",
    metadata,
    Column("dossier_id", Uuid, primary_key=True),
    Column("peer_fingerprint", String(32), nullable=False),
    # Not unique: a copied data folder that kept running issues the same codes (its fork alarm says so).
    Column("code", String(40), index=True, nullable=False),
    Column("procedure_code", String(40), default="", nullable=False),
    Column("status", String(30), nullable=False),
    Column("channel", String(20), default="", nullable=False),
    Column("applicant_name", String(200), default="", nullable=False),
    Column("applicant_id_number", String(20), default="", nullable=False),
    Column("received_at", UTCDateTime, nullable=False),
    Column("appointment_at", UTCDateTime, nullable=True),
    Column("resolved_at", UTCDateTime, nullable=True),
    Column("outcome", String(20), nullable=True),
    Column("current_unit", String(40), nullable=True),
    Column("last_event_at", UTCDateTime, nullable=False),
    # The other columns the office's reports read, as its own row holds them (0020;
    # domain/report_projection.py): the office's id, the receipt's office-local date, the legal
    # deadline, since when it waits for the citizen, the apologies, when the result was returned.
    Column("office_id", Uuid, nullable=True),
    Column("received_local_date", Date, nullable=True),
    Column("legal_due_at", UTCDateTime, nullable=True),
    Column("waiting_since", UTCDateTime, nullable=True),
    Column("apology_count", Integer, default=0, server_default="0", nullable=False),
    Column("returned_at", UTCDateTime, nullable=True),
    # The field the dossier counts in (0021): as its intake event states it, else the field of its
    # procedure in the province's catalogue; "" when neither knows one.
    Column("field_code", String(60), default="", server_default="", nullable=False),
    Index("ix_exchange_dossiers_id_number", "applicant_id_number"),
    # The province's reports (0021): the receipts of a period or a day, the dossiers still
    # open, those resolved since a period's start (services/exchange/province_reports.py),
    # and one office's dossiers newest first (province_view.office_dossiers).
    Index("ix_exchange_dossiers_received_local_date", "received_local_date"),
    Index("ix_exchange_dossiers_peer_received_at", "peer_fingerprint", "received_at"),
    Index("ix_exchange_dossiers_status", "status"),
    Index("ix_exchange_dossiers_resolved_at", "resolved_at"),
)


exchange_set_aside = Table(
    "exchange_set_aside",
    metadata,
    Column("fork_id", Uuid, index=True, nullable=False),
    Column("node_id", String(40), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("hash", String(64), nullable=False),
    # "other": the alarm's branch not kept; "applied": the chain's own, replaced by the other
    # branch; "later": a descendant that arrived after the choice
    Column("branch", String(10), nullable=False),
    Column("event", JSON, nullable=False),  # the event's line, as in a bundle
    Column("set_aside_at", UTCDateTime, nullable=False),
    id_column(),
    UniqueConstraint("node_id", "seq", "hash"),
)


exchange_fork_permits = Table(
    "exchange_fork_permits",
    metadata,
    Column("node_id", String(40), primary_key=True),
    Column("from_seq", BigInteger, nullable=False),
)


exchange_returned = Table(
    "exchange_returned",
    metadata,
    Column("node_id", String(40), primary_key=True),
    Column("seq", BigInteger, primary_key=True),
    Column("hash", String(64), nullable=False),
    Column("kind", String(40), nullable=False),
    Column("dossier_id", Uuid, nullable=True),
    Column("occurred_at", UTCDateTime, nullable=False),
    Column("event", JSON, nullable=False),  # the line, as in a bundle
    Column("bundle_id", Uuid, nullable=False),
    Column("returned_at", UTCDateTime, nullable=False),
)


exchange_rewinds = Table(
    "exchange_rewinds",
    metadata,
    Column("chain_id", String(40), primary_key=True),  # the new chain
    Column("peer_fingerprint", String(32), nullable=False),
    Column("continues_chain", String(40), nullable=False),
    Column("continues_seq", BigInteger, nullable=False),
    Column("continues_hash", String(64), nullable=False),
    Column("seen_at", UTCDateTime, nullable=False),
    # the last event of the old chain the office says it has back (None: none yet)
    Column("returned_to", BigInteger, nullable=True),
    Column("closed_at", UTCDateTime, nullable=True),
)
