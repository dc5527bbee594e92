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

from sqlalchemy.orm import Mapped, synonym

from counter_app.db.base import Base
from counter_app.db.tables.exchange import (
    exchange_acks,
    exchange_bundles,
    exchange_chains,
    exchange_dossiers,
    exchange_events,
    exchange_fork_permits,
    exchange_forks,
    exchange_keys,
    exchange_peers,
    exchange_pending,
    exchange_returned,
    exchange_rewinds,
    exchange_set_aside,
)


class ExchangeKey(Base):
    """``own``: this database's key pair; ``province``: the provincial centre's public key (an office)."""

    __table__ = exchange_keys
    role: Mapped[str]
    public_key: Mapped[str]
    private_key: Mapped[str | None]
    fingerprint: Mapped[str]
    created_at: Mapped[datetime]


class ExchangePeer(Base):
    """An office enrolled at the province: its key, confirmed by the fingerprint read out by phone."""

    __table__ = exchange_peers
    fingerprint: Mapped[str]
    public_key: Mapped[str]
    office_code: Mapped[str]
    office_name: Mapped[str]
    enrolled_at: Mapped[datetime]
    enrolled_by: Mapped[str]
    calendars: Mapped[dict[str, object]]
    calendars_at: Mapped[datetime | None]


class ExchangeAck(Base):
    """An office's chain as far as the province has acknowledged it (what the next export leaves out)."""

    __table__ = exchange_acks
    node_id: Mapped[str]
    acked_seq: Mapped[int]
    acked_hash: Mapped[str]
    acked_at: Mapped[datetime]


class ExchangeBundle(Base):
    """A bundle read (``in``) or written (``out``), with what it did: the same bundle twice is known."""

    __table__ = exchange_bundles
    bundle_id: Mapped[uuid.UUID]
    direction: Mapped[str]
    kind: Mapped[str]
    peer_fingerprint: Mapped[str]
    at: Mapped[datetime]
    summary: Mapped[dict[str, object]]


class ExchangeChain(Base):
    """At the province: an office chain's head as applied (the next event must follow it)."""

    __table__ = exchange_chains
    node_id: Mapped[str]
    peer_fingerprint: Mapped[str]
    last_seq: Mapped[int]
    last_hash: Mapped[str]
    updated_at: Mapped[datetime]


class ExchangeEvent(Base):
    """At the province: an office's event exactly as it was hashed there (no foreign keys: it names
    the office's rows). Append-only, guarded by triggers like ``events``."""

    __table__ = exchange_events
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
    bundle_id: Mapped[uuid.UUID]


class ExchangePending(Base):
    """At the province: an event that came before the one it follows (bundles out of order); applied
    as soon as the gap is filled."""

    __table__ = exchange_pending
    node_id: Mapped[str]
    seq: Mapped[int]
    peer_fingerprint: Mapped[str]
    hash: Mapped[str]
    event: Mapped[dict[str, object]]
    bundle_id: Mapped[uuid.UUID]


class ExchangeFork(Base):
    """At the province: two different events at one place of a chain (a copied data folder that kept
    running, a restore sending a new history). Nothing more of the node is applied until the
    province's admin keeps one branch; the other stays here, never dropped."""

    __table__ = exchange_forks
    id: Mapped[uuid.UUID]
    node_id: Mapped[str]
    peer_fingerprint: Mapped[str]
    seq: Mapped[int]
    stored_hash: Mapped[str]
    incoming_hash: Mapped[str]
    bundle_id: Mapped[uuid.UUID]
    branch: Mapped[list[dict[str, object]]]
    raised_at: Mapped[datetime]
    resolved_at: Mapped[datetime | None]
    resolution: Mapped[str | None]


class ExchangeDossier(Base):
    """At the province: an office's dossier as its exchanged events establish it (replayed at each
    import, ``services/exchange/province_view.py``) — what the hotline looks up by code or CCCD."""

    __table__ = exchange_dossiers
    dossier_id: Mapped[uuid.UUID]
    peer_fingerprint: Mapped[str]
    code: Mapped[str]
    procedure_code: Mapped[str]
    status: Mapped[str]
    channel: Mapped[str]
    applicant_name: Mapped[str]
    applicant_id_number: Mapped[str]
    received_at: Mapped[datetime]
    appointment_at: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None]
    outcome: Mapped[str | None]
    current_unit: Mapped[str | None]
    last_event_at: Mapped[datetime]
    office_id: Mapped[uuid.UUID | None]
    received_local_date: Mapped[date | None]
    legal_due_at: Mapped[datetime | None]
    waiting_since: Mapped[datetime | None]
    apology_count: Mapped[int]
    returned_at: Mapped[datetime | None]
    field_code: Mapped[str]

    # The reports' queries name a dossier's id ``id``, as the office's own row does.
    id = synonym("dossier_id")


class ExchangeSetAside(Base):
    """At the province: an event of the branch the admin did not keep after a fork alarm, or a later
    one descending from it. Kept with its alarm, never dropped (services/exchange/forks.py)."""

    __table__ = exchange_set_aside
    id: Mapped[uuid.UUID]
    fork_id: Mapped[uuid.UUID]
    node_id: Mapped[str]
    seq: Mapped[int]
    hash: Mapped[str]
    branch: Mapped[str]
    event: Mapped[dict[str, object]]
    set_aside_at: Mapped[datetime]


class ExchangeForkPermit(Base):
    """At the province: while a row is here (inside the transaction that keeps the other branch of
    an alarm, nowhere else), the guard of ``exchange_events`` lets that node's events from
    ``from_seq`` on be deleted — after they were set aside."""

    __table__ = exchange_fork_permits
    node_id: Mapped[str]
    from_seq: Mapped[int]


class ExchangeReturned(Base):
    """At an office: an event it lost in a restore from an old backup, sent back by the province
    (it had them). Kept apart from ``events``: the office's tables hold no row of what it names;
    the lost dossiers are listed for the office to handle (``counter-cli exchange returned``)."""

    __table__ = exchange_returned
    node_id: Mapped[str]
    seq: Mapped[int]
    hash: Mapped[str]
    kind: Mapped[str]
    dossier_id: Mapped[uuid.UUID | None]
    occurred_at: Mapped[datetime]
    event: Mapped[dict[str, object]]
    bundle_id: Mapped[uuid.UUID]
    returned_at: Mapped[datetime]


class ExchangeRewind(Base):
    """At the province: an office chain restarted after a restore (its first event names the head it
    continues from). Until the office says it has them back (``lost_events_returned``), each
    acknowledgement carries the events of the old chain after that head."""

    __table__ = exchange_rewinds
    chain_id: Mapped[str]
    peer_fingerprint: Mapped[str]
    continues_chain: Mapped[str]
    continues_seq: Mapped[int]
    continues_hash: Mapped[str]
    seen_at: Mapped[datetime]
    returned_to: Mapped[int | None]
    closed_at: Mapped[datetime | None]
