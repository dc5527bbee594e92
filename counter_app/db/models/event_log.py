"""The append-only event log, node chains, daily counters and cancelled numbers."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy.orm import Mapped

from counter_app.db.base import Base
from counter_app.db.tables.event_log import (
    cancelled_numbers,
    chain_epochs,
    chain_restores,
    daily_counters,
    events,
    guidance_records,
    node_heads,
)


class Event(Base):
    """One change, written in the same transaction as the state it changes.

    ``seq`` is gapless per origin node and ``hash`` = SHA-256 over the event's canonical
    content and the previous event's hash of the same node, so an edited, deleted or
    re-ordered event breaks the chain (``counter-cli events verify``).
    """

    __table__ = events
    id: Mapped[uuid.UUID]
    node_id: Mapped[str]
    seq: Mapped[int]
    kind: Mapped[str]
    office_id: Mapped[uuid.UUID | None]
    dossier_id: Mapped[uuid.UUID | None]
    actor_id: Mapped[uuid.UUID | None]
    actor: Mapped[str]
    occurred_at: Mapped[datetime]
    local_date: Mapped[date]
    payload: Mapped[dict[str, object]]
    prev_hash: Mapped[str]
    hash: Mapped[str]
    hash_version: Mapped[int]


class NodeHead(Base):
    """The head of each node's chain: next sequence number and last hash (locked to append)."""

    __table__ = node_heads
    node_id: Mapped[str]
    last_seq: Mapped[int]
    last_hash: Mapped[str]


class DailyCounter(Base):
    """Last dossier number issued per receiving unit per office-local day.

    Also the register book's last line per year, under the key ``B:<unit>`` and the year's 1 January
    (see ``counter_app.db.event_log.next_book_number``).
    """

    __table__ = daily_counters
    unit_code: Mapped[str]
    day: Mapped[date]
    last_seq: Mapped[int]


class CancelledNumber(Base):
    """A dossier code cancelled as a data-entry mistake: the gap stays explained."""

    __table__ = cancelled_numbers
    code: Mapped[str]
    reason: Mapped[str]
    actor: Mapped[str]
    cancelled_at: Mapped[datetime]


class GuidanceRecord(Base):
    """Guidance given once ("hướng dẫn một lần, đầy đủ"), counted in the end-of-day summary."""

    __table__ = guidance_records
    id: Mapped[uuid.UUID]
    office_id: Mapped[uuid.UUID]
    procedure_version_id: Mapped[uuid.UUID]
    case_id: Mapped[uuid.UUID | None]
    officer_id: Mapped[uuid.UUID | None]
    given_at: Mapped[datetime]
    local_date: Mapped[date]


class ChainEpoch(Base):
    """A new chain a workstation's node writes to after the database was restored from a backup
    (services/epochs.py): the restored file holds the node's old chain only up to the backup, and
    continuing it would give different events the numbers the province already has. The new
    chain's first event (``epoch_started``) names the head it continues from."""

    __table__ = chain_epochs
    chain_id: Mapped[str]
    base_node_id: Mapped[str]
    epoch: Mapped[int]
    continues_chain: Mapped[str]
    continues_seq: Mapped[int]
    continues_hash: Mapped[str]
    started_at: Mapped[datetime]
    restored_from: Mapped[str]


class ChainRestore(Base):
    """A restore of this database from a backup. A workstation whose node has no epoch started
    since the last one begins its own at its next open (its events may not be in the backup at
    all: the province may still have some of them)."""

    __table__ = chain_restores
    id: Mapped[uuid.UUID]
    restored_at: Mapped[datetime]
    restored_from: Mapped[str]
