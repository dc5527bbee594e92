"""The append-only event log, node chains, daily counters and cancelled numbers."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.db.base import Base, IdMixin, UTCDateTime


class Event(IdMixin, Base):
    """One change, written in the same transaction as the state it changes.

    ``seq`` is gapless per origin node and ``hash`` = SHA-256 over the event's canonical
    content and the previous event's hash of the same node, so an edited, deleted or
    re-ordered event breaks the chain (``counter-cli events verify``).
    """

    __tablename__ = "events"
    __table_args__ = (
        UniqueConstraint("node_id", "seq"),
        Index("ix_events_kind_local_date", "kind", "local_date"),
    )

    node_id: Mapped[str] = mapped_column(String(40))
    seq: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(40))
    office_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("offices.id"), nullable=True)
    dossier_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("dossiers.id"), nullable=True, index=True)
    actor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    actor: Mapped[str] = mapped_column(String(60))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    local_date: Mapped[date] = mapped_column(Date)
    payload: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    # The columns the hash covers (db/event_log.HASH_VERSION); 1 for the events written before 0013.
    hash_version: Mapped[int] = mapped_column(SmallInteger, default=1, server_default="1")


class NodeHead(Base):
    """The head of each node's chain: next sequence number and last hash (locked to append)."""

    __tablename__ = "node_heads"

    node_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    last_hash: Mapped[str] = mapped_column(String(64))


class DailyCounter(Base):
    """Last dossier number issued per receiving unit per office-local day.

    Also the register book's last line per year, under the key ``B:<unit>`` and the year's 1 January
    (see ``counter_app.db.event_log.next_book_number``).
    """

    __tablename__ = "daily_counters"

    unit_code: Mapped[str] = mapped_column(String(40), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)


class CancelledNumber(Base):
    """A dossier code cancelled as a data-entry mistake: the gap stays explained."""

    __tablename__ = "cancelled_numbers"

    code: Mapped[str] = mapped_column(String(60), primary_key=True)
    reason: Mapped[str] = mapped_column(String(500))
    actor: Mapped[str] = mapped_column(String(60))
    cancelled_at: Mapped[datetime] = mapped_column(UTCDateTime)


class GuidanceRecord(IdMixin, Base):
    """Guidance given once ("hướng dẫn một lần, đầy đủ"), counted in the end-of-day summary."""

    __tablename__ = "guidance_records"

    office_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("offices.id"))
    procedure_version_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("procedure_versions.id"))
    case_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("procedure_cases.id"), nullable=True)
    officer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    given_at: Mapped[datetime] = mapped_column(UTCDateTime)
    local_date: Mapped[date] = mapped_column(Date, index=True)


class ChainEpoch(Base):
    """A new chain a workstation's node writes to after the database was restored from a backup
    (services/epochs.py): the restored file holds the node's old chain only up to the backup, and
    continuing it would give different events the numbers the province already has. The new
    chain's first event (``epoch_started``) names the head it continues from."""

    __tablename__ = "chain_epochs"
    __table_args__ = (UniqueConstraint("base_node_id", "epoch"),)

    chain_id: Mapped[str] = mapped_column(String(40), primary_key=True)  # a new id (uuid7): unique everywhere
    base_node_id: Mapped[str] = mapped_column(String(40))  # the node id of the workstation's settings
    epoch: Mapped[int] = mapped_column(Integer)  # 2, 3, …: the node's own chain is epoch 1
    continues_chain: Mapped[str] = mapped_column(String(40))
    continues_seq: Mapped[int] = mapped_column(BigInteger)
    continues_hash: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    restored_from: Mapped[str] = mapped_column(String(300), default="")


class ChainRestore(IdMixin, Base):
    """A restore of this database from a backup. A workstation whose node has no epoch started
    since the last one begins its own at its next open (its events may not be in the backup at
    all: the province may still have some of them)."""

    __tablename__ = "chain_restores"

    restored_at: Mapped[datetime] = mapped_column(UTCDateTime)
    restored_from: Mapped[str] = mapped_column(String(300), default="")
