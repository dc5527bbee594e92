"""The exchange between offline offices and the provincial centre (issue 15): keys, cursors, and the
offices' event chains as the province received them.

An office database and the province's each have one key pair of their own (``exchange_keys``, role
``own``); an office also keeps the province's public key (role ``province``) and how far the
province has acknowledged each of its chains (``exchange_acks``). The province keeps the offices'
enrolled keys (``exchange_peers``), their chains as received (``exchange_events``, head per node in
``exchange_chains``) — in tables of their own, because an office's events name its own offices,
dossiers and users, rows the province does not have — the events that arrived before the ones
they follow (``exchange_pending``), and the fork alarms (``exchange_forks``). Both sides remember
each bundle they read (``exchange_bundles``). docs/exchange.md tells the whole route.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column, synonym

from counter_app.db.base import Base, IdMixin, UTCDateTime


class ExchangeKey(Base):
    """``own``: this database's key pair; ``province``: the provincial centre's public key (an office)."""

    __tablename__ = "exchange_keys"

    role: Mapped[str] = mapped_column(String(20), primary_key=True)
    public_key: Mapped[str] = mapped_column(String(64))  # raw Ed25519 key, base64
    private_key: Mapped[str | None] = mapped_column(String(64), nullable=True)  # only for ``own``
    fingerprint: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ExchangePeer(Base):
    """An office enrolled at the province: its key, confirmed by the fingerprint read out by phone."""

    __tablename__ = "exchange_peers"

    fingerprint: Mapped[str] = mapped_column(String(32), primary_key=True)
    public_key: Mapped[str] = mapped_column(String(64))
    office_code: Mapped[str] = mapped_column(String(40))
    office_name: Mapped[str] = mapped_column(String(300))
    enrolled_at: Mapped[datetime] = mapped_column(UTCDateTime)
    enrolled_by: Mapped[str] = mapped_column(String(60))
    # Its offices' working calendars (office id → ``offices.calendar_spec``) as its newest bundle
    # stated them, and that bundle's time (0021): the province's reports judge and measure each
    # office on its own calendar.
    calendars: Mapped[dict[str, object]] = mapped_column(JSON, default=dict, server_default="{}")
    calendars_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class ExchangeAck(Base):
    """An office's chain as far as the province has acknowledged it (what the next export leaves out)."""

    __tablename__ = "exchange_acks"

    node_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    acked_seq: Mapped[int] = mapped_column(BigInteger)
    acked_hash: Mapped[str] = mapped_column(String(64))
    acked_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ExchangeBundle(Base):
    """A bundle read (``in``) or written (``out``), with what it did: the same bundle twice is known."""

    __tablename__ = "exchange_bundles"

    bundle_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    direction: Mapped[str] = mapped_column(String(3))
    kind: Mapped[str] = mapped_column(String(20))
    peer_fingerprint: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    summary: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)


class ExchangeChain(Base):
    """At the province: an office chain's head as applied (the next event must follow it)."""

    __tablename__ = "exchange_chains"

    node_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    peer_fingerprint: Mapped[str] = mapped_column(String(32))
    last_seq: Mapped[int] = mapped_column(BigInteger)
    last_hash: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ExchangeEvent(IdMixin, Base):
    """At the province: an office's event exactly as it was hashed there (no foreign keys: it names
    the office's rows). Append-only, guarded by triggers like ``events``."""

    __tablename__ = "exchange_events"
    __table_args__ = (
        UniqueConstraint("node_id", "seq"),
        Index("ix_exchange_events_local_date", "local_date", "kind"),  # a day's events (0021)
    )

    node_id: Mapped[str] = mapped_column(String(40))
    seq: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(40))
    office_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)
    dossier_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True, index=True)
    actor_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)
    actor: Mapped[str] = mapped_column(String(60))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    local_date: Mapped[date] = mapped_column(Date)
    payload: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    hash_version: Mapped[int] = mapped_column(SmallInteger)
    bundle_id: Mapped[uuid.UUID] = mapped_column(Uuid)


class ExchangePending(Base):
    """At the province: an event that came before the one it follows (bundles out of order); applied
    as soon as the gap is filled."""

    __tablename__ = "exchange_pending"

    node_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    peer_fingerprint: Mapped[str] = mapped_column(String(32))  # the office that sent it
    hash: Mapped[str] = mapped_column(String(64))
    event: Mapped[dict[str, object]] = mapped_column(JSON)
    bundle_id: Mapped[uuid.UUID] = mapped_column(Uuid)


class ExchangeFork(IdMixin, Base):
    """At the province: two different events at one place of a chain (a copied data folder that kept
    running, a restore sending a new history). Nothing more of the node is applied until the
    province's admin keeps one branch; the other stays here, never dropped."""

    __tablename__ = "exchange_forks"

    node_id: Mapped[str] = mapped_column(String(40), index=True)
    # the office whose chain it is (0018; empty in alarms raised before)
    peer_fingerprint: Mapped[str] = mapped_column(String(32), default="", server_default="")
    seq: Mapped[int] = mapped_column(BigInteger)
    stored_hash: Mapped[str] = mapped_column(String(64))
    incoming_hash: Mapped[str] = mapped_column(String(64))
    bundle_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    branch: Mapped[list[dict[str, object]]] = mapped_column(JSON)  # the incoming events from ``seq`` on
    raised_at: Mapped[datetime] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    resolution: Mapped[str | None] = mapped_column(Text, nullable=True)


class ExchangeDossier(Base):
    """At the province: an office's dossier as its exchanged events establish it (replayed at each
    import, ``services/exchange/province_view.py``) — what the hotline looks up by code or CCCD."""

    __tablename__ = "exchange_dossiers"
    __table_args__ = (
        Index("ix_exchange_dossiers_id_number", "applicant_id_number"),
        # The province's reports (0021): the receipts of a period or a day, the dossiers still
        # open, those resolved since a period's start (services/exchange/province_reports.py),
        # and one office's dossiers newest first (province_view.office_dossiers).
        Index("ix_exchange_dossiers_received_local_date", "received_local_date"),
        Index("ix_exchange_dossiers_peer_received_at", "peer_fingerprint", "received_at"),
        Index("ix_exchange_dossiers_status", "status"),
        Index("ix_exchange_dossiers_resolved_at", "resolved_at"),
    )

    dossier_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    peer_fingerprint: Mapped[str] = mapped_column(String(32))
    # Not unique: a copied data folder that kept running issues the same codes (its fork alarm says so).
    code: Mapped[str] = mapped_column(String(40), index=True)
    procedure_code: Mapped[str] = mapped_column(String(40), default="")
    status: Mapped[str] = mapped_column(String(30))
    channel: Mapped[str] = mapped_column(String(20), default="")
    applicant_name: Mapped[str] = mapped_column(String(200), default="")
    applicant_id_number: Mapped[str] = mapped_column(String(20), default="")
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    appointment_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    outcome: Mapped[str | None] = mapped_column(String(20), nullable=True)
    current_unit: Mapped[str | None] = mapped_column(String(40), nullable=True)
    last_event_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # The other columns the office's reports read, as its own row holds them (0020;
    # domain/report_projection.py): the office's id, the receipt's office-local date, the legal
    # deadline, since when it waits for the citizen, the apologies, when the result was returned.
    office_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)
    received_local_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    legal_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    waiting_since: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    apology_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    returned_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # The field the dossier counts in (0021): as its intake event states it, else the field of its
    # procedure in the province's catalogue; "" when neither knows one.
    field_code: Mapped[str] = mapped_column(String(60), default="", server_default="")

    # The reports' queries name a dossier's id ``id``, as the office's own row does.
    id = synonym("dossier_id")


class ExchangeSetAside(IdMixin, Base):
    """At the province: an event of the branch the admin did not keep after a fork alarm, or a later
    one descending from it. Kept with its alarm, never dropped (services/exchange/forks.py)."""

    __tablename__ = "exchange_set_aside"
    __table_args__ = (UniqueConstraint("node_id", "seq", "hash"),)

    fork_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    node_id: Mapped[str] = mapped_column(String(40))
    seq: Mapped[int] = mapped_column(BigInteger)
    hash: Mapped[str] = mapped_column(String(64))
    # "other": the alarm's branch not kept; "applied": the chain's own, replaced by the other
    # branch; "later": a descendant that arrived after the choice
    branch: Mapped[str] = mapped_column(String(10))
    event: Mapped[dict[str, object]] = mapped_column(JSON)  # the event's line, as in a bundle
    set_aside_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ExchangeForkPermit(Base):
    """At the province: while a row is here (inside the transaction that keeps the other branch of
    an alarm, nowhere else), the guard of ``exchange_events`` lets that node's events from
    ``from_seq`` on be deleted — after they were set aside."""

    __tablename__ = "exchange_fork_permits"

    node_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    from_seq: Mapped[int] = mapped_column(BigInteger)


class ExchangeReturned(Base):
    """At an office: an event it lost in a restore from an old backup, sent back by the province
    (it had them). Kept apart from ``events``: the office's tables hold no row of what it names;
    the lost dossiers are listed for the office to handle (``counter-cli exchange returned``)."""

    __tablename__ = "exchange_returned"

    node_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    hash: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(40))
    dossier_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    event: Mapped[dict[str, object]] = mapped_column(JSON)  # the line, as in a bundle
    bundle_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    returned_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ExchangeRewind(Base):
    """At the province: an office chain restarted after a restore (its first event names the head it
    continues from). Until the office says it has them back (``lost_events_returned``), each
    acknowledgement carries the events of the old chain after that head."""

    __tablename__ = "exchange_rewinds"

    chain_id: Mapped[str] = mapped_column(String(40), primary_key=True)  # the new chain
    peer_fingerprint: Mapped[str] = mapped_column(String(32))
    continues_chain: Mapped[str] = mapped_column(String(40))
    continues_seq: Mapped[int] = mapped_column(BigInteger)
    continues_hash: Mapped[str] = mapped_column(String(64))
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # the last event of the old chain the office says it has back (None: none yet)
    returned_to: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
