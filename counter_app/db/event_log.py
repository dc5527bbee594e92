"""Appending to the event log and issuing daily numbers, inside the caller's transaction.

Hot rows. The daily counter and the register book's counter of an office are written by every
receipt of every counter of that office, and a node's chain head by every event of that
workstation. Each stays locked from the statement that takes it to the end of the transaction
(that is what makes the numbers gapless when a transaction rolls back, and the chain order the
commit order), so a transaction takes them as late as it can, always in the same order — the chain
head (``lock_head``), then the counters (``take_numbers``) — and after them runs as little as it
can before its commit (``write_together``: one round trip on PostgreSQL). Issue 11: taken early and
held through the rest of the receipt, they let four counters on PostgreSQL receive less than one.
"""

from __future__ import annotations

import functools
import hashlib
import json
import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, TypedDict

from sqlalchemy import (
    Date,
    Insert,
    Integer,
    String,
    Table,
    TextualSelect,
    Update,
    bindparam,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session

from counter_app.db.chains import GENESIS_HASH, canonical_json, current_chain  # noqa: F401 (their callers import them from here too)
from counter_app.db.models import Event, NodeHead
from counter_app.db.tables import new_id
from counter_app.db.upsert import insert_for
from counter_app.domain.event_actor import EventActor  # its home (no SQLAlchemy); still importable from here

if TYPE_CHECKING:
    from counter_app.db.upsert import DialectInsert

# What an event's hash covers. 1: the columns below but ``actor_id``; 2 (issue 14): ``actor_id``
# and the version itself too. Each event keeps the version it was hashed with (``hash_version``),
# so the events written before stay verifiable as they were hashed: history is never rehashed.
HASH_VERSION = 2


def hash_fields(
    *,
    id: uuid.UUID,
    node_id: str,
    seq: int,
    kind: str,
    office_id: uuid.UUID | None,
    dossier_id: uuid.UUID | None,
    actor: str,
    occurred_at: datetime,
    local_date: date,
    payload: object,
    prev_hash: str,
    actor_id: uuid.UUID | None = None,
    hash_version: int = 1,
) -> str:
    """SHA-256 over an event's content and the previous hash of its node's chain (the columns
    covered follow ``hash_version``, see ``HASH_VERSION``)."""
    content = {
        "id": str(id),
        "node_id": node_id,
        "seq": seq,
        "kind": kind,
        "office_id": str(office_id) if office_id else None,
        "dossier_id": str(dossier_id) if dossier_id else None,
        "actor": actor,
        "occurred_at": occurred_at.astimezone(UTC).isoformat(timespec="microseconds"),
        "local_date": local_date.isoformat(),
        "payload": payload,
        "prev_hash": prev_hash,
    }
    if hash_version >= 2:
        content["actor_id"] = str(actor_id) if actor_id else None
        content["hash_version"] = hash_version
    return hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()


class HashedFields(TypedDict):
    """An event's columns that ``hash_fields`` covers, by name and type (``HASHED_FIELDS``)."""

    id: uuid.UUID
    node_id: str
    seq: int
    kind: str
    office_id: uuid.UUID | None
    dossier_id: uuid.UUID | None
    actor: str
    occurred_at: datetime
    local_date: date
    payload: object
    prev_hash: str
    actor_id: uuid.UUID | None
    hash_version: int


HASHED_FIELDS = (
    "id",
    "node_id",
    "seq",
    "kind",
    "office_id",
    "dossier_id",
    "actor",
    "occurred_at",
    "local_date",
    "payload",
    "prev_hash",
    "actor_id",
    "hash_version",
)


def event_hash(event: Event) -> str:
    return hash_fields(**{name: getattr(event, name) for name in HASHED_FIELDS})


def _lock_head(session: Session, node_id: str) -> NodeHead:
    """The node's chain head, locked until the transaction ends (one round trip once it exists).

    Refreshed from the row even when the session already holds it: another process of the same
    node may have moved it since it was read (``populate_existing``)."""
    locked = select(NodeHead).where(NodeHead.node_id == node_id).with_for_update()
    locked = locked.execution_options(populate_existing=True)
    head = session.execute(locked).scalar_one_or_none()
    if head is None:  # the node's first event: make its head, then lock it like any other
        session.execute(
            _insert(session)(NodeHead)
            .values(node_id=node_id, last_seq=0, last_hash=GENESIS_HASH)
            .on_conflict_do_nothing(index_elements=["node_id"])
        )
        head = session.execute(locked).scalar_one()
    return head


def append_event(
    session: Session,
    *,
    node_id: str,
    kind: str,
    actor: EventActor,
    occurred_at: datetime,
    local_date: date,
    office_id: uuid.UUID | None = None,
    dossier_id: uuid.UUID | None = None,
    payload: dict[str, object] | None = None,
) -> Event:
    """Write one event chained to the node's previous one; gapless ``seq`` per node."""
    head = _lock_head(session, node_id)
    event = Event(
        **chained_event(
            (head.last_seq, head.last_hash),
            node_id=node_id,
            kind=kind,
            actor=actor,
            occurred_at=occurred_at,
            local_date=local_date,
            office_id=office_id,
            dossier_id=dossier_id,
            payload=payload,
        )
    )
    head.last_seq = event.seq
    head.last_hash = event.hash
    session.add(event)
    session.flush()
    return event


# Hot-path statements are built once, with bound parameters, so that SQLAlchemy compiles each
# once and every later run costs little more than its round trip (building and compiling an INSERT
# costs about a millisecond each time: spent while the office's counters are held, it was most of
# the time they were held).
_HEADS = NodeHead.__table__
_LOCK_HEAD = (
    select(_HEADS.c.last_seq, _HEADS.c.last_hash)
    .where(_HEADS.c.node_id == bindparam("node"))
    .with_for_update()
)
_MOVE_HEAD = (
    update(_HEADS)
    .where(_HEADS.c.node_id == bindparam("h_node"))
    .values(last_seq=bindparam("h_seq"), last_hash=bindparam("h_hash"))
)


def bound_row(table: Table, columns: Sequence[str], prefix: str) -> Insert:
    """An INSERT of one row of ``columns`` whose values are the parameters ``prefix + column``.

    Build it once (module level, or cached per shape) and run it with ``bound(prefix, values)``."""
    return insert(table).values(
        {name: bindparam(prefix + name, type_=table.c[name].type) for name in columns}
    )


def bound(prefix: str, values: dict[str, object]) -> dict[str, object]:
    """The parameters of a ``bound_row`` statement for ``values``."""
    return {prefix + name: value for name, value in values.items()}


EVENT_ROW = bound_row(Event.__table__, [c.name for c in Event.__table__.columns], "e_")
# Inserts the event (``chained_event``) and makes it its node's head: run with ``event_params``.
EVENT_STATEMENTS: tuple[Insert | Update, ...] = (EVENT_ROW, _MOVE_HEAD)


def event_params(event: dict[str, object]) -> dict[str, object]:
    return bound("e_", event) | {"h_node": event["node_id"], "h_seq": event["seq"], "h_hash": event["hash"]}


def lock_head(session: Session, node_id: str) -> tuple[int, str]:
    """Lock the node's chain head until the transaction ends; its ``(last_seq, last_hash)``.

    For writers that insert their event with Core (``chained_event``, ``EVENT_STATEMENTS``) instead
    of ``append_event``."""
    conn = session.connection()
    row = conn.execute(_LOCK_HEAD, {"node": node_id}).first()
    if row is None:  # the node's first event
        _lock_head(session, node_id)
        row = conn.execute(_LOCK_HEAD, {"node": node_id}).one()
    return int(row[0]), str(row[1])


def chained_event(
    head: tuple[int, str],
    *,
    node_id: str,
    kind: str,
    actor: EventActor,
    occurred_at: datetime,
    local_date: date,
    office_id: uuid.UUID | None = None,
    dossier_id: uuid.UUID | None = None,
    payload: dict[str, object] | None = None,
) -> dict[str, object]:
    """The column values of the event that follows ``head`` (locked) in the node's chain."""
    hashed: HashedFields = {
        "id": new_id(),
        "node_id": node_id,
        "seq": head[0] + 1,
        "kind": kind,
        "office_id": office_id,
        "dossier_id": dossier_id,
        "actor": actor.username,
        "occurred_at": occurred_at.astimezone(UTC),
        "local_date": local_date,
        # Round-trip through JSON so the hash is computed over exactly what is stored.
        "payload": json.loads(canonical_json(payload or {})),
        "prev_hash": head[1],
        "actor_id": actor.user_id,
        "hash_version": HASH_VERSION,
    }
    return {**hashed, "hash": hash_fields(**hashed)}


def write_together(
    session: Session, statements: tuple[Insert | Update, ...], params: dict[str, object]
) -> None:
    """Run INSERT/UPDATE statements (built once, ``bound_row``) with ``params``.

    The parameters of all the statements come in one mapping, so their names differ between
    statements and from every column name (SQLAlchemy takes a parameter named like a column of an
    INSERT or UPDATE as a value for that column): hence the prefixes.

    On PostgreSQL as ONE statement, one round trip: every statement but the last becomes a
    data-modifying WITH clause of the last; each runs exactly once and to completion, and foreign
    keys are checked at the end of the whole statement, so a row may refer to one inserted beside
    it. Elsewhere one by one, in order. For the end of a transaction that holds hot rows
    (``take_numbers``): the fewer round trips before the commit, the sooner they are released.
    """
    conn = session.connection()
    if conn.dialect.name == "postgresql" and len(statements) > 1:
        conn.execute(_together(statements), params)
        return
    for statement in statements:
        conn.execute(statement, params)


@functools.lru_cache(maxsize=64)
def _together(statements: tuple[Insert | Update, ...]) -> Insert | Update:
    *first, last = statements
    return last.add_cte(*(s.cte(f"w{i}") for i, s in enumerate(first)))


def _insert(session: Session) -> DialectInsert:
    return insert_for(session.get_bind().dialect.name)


@functools.cache
def _take(count: int) -> TextualSelect:
    # Textual: SQLAlchemy compiles a multi-row INSERT again at every run, and both dialects accept
    # this text as it stands (RETURNING needs SQLite 3.35).
    rows = ", ".join(f"(:k{i}, :d{i}, 1)" for i in range(count))
    return (
        text(
            f"INSERT INTO daily_counters (unit_code, day, last_seq) VALUES {rows} "
            "ON CONFLICT (unit_code, day) DO UPDATE SET last_seq = daily_counters.last_seq + 1 "
            "RETURNING unit_code, day, last_seq"
        )
        .bindparams(*(bindparam(f"d{i}", type_=Date) for i in range(count)))
        .columns(unit_code=String, day=Date, last_seq=Integer)
    )


def take_numbers(session: Session, counters: Sequence[tuple[str, date]]) -> list[int]:
    """Atomically take the next number of each ``(key, day)`` counter, in one statement.

    Each counter row stays locked until the transaction ends, so a rolled-back transaction gives its
    numbers back (no gap) and concurrent takers queue in commit order. These rows are the ones every
    receipt of an office writes: take them last, after every other read and write of the transaction
    (the node's chain head just before them: ``lock_head``), the counters in the order given (a day's
    number before the register book's line), so they are held for one statement and the commit,
    and never taken in two orders (no deadlock).
    """
    params: dict[str, object] = {}
    for i, (key, day) in enumerate(counters):
        params[f"k{i}"], params[f"d{i}"] = key, day
    session.flush()  # what is pending goes first (it would otherwise be flushed while they are held)
    rows = session.connection().execute(_take(len(counters)), params)
    # RETURNING gives no order on SQLite: match the rows to their counters.
    taken = {(key, day): int(seq) for key, day, seq in rows}
    return [taken[counter] for counter in counters]


def next_daily_number(session: Session, unit_code: str, day: date) -> int:
    """Atomically take the next number for ``unit_code`` on ``day`` (never reused)."""
    return take_numbers(session, [(unit_code, day)])[0]


def book_key(unit_code: str) -> str:
    """The counter key of a unit's register book (kept short: the key column holds 40 characters)."""
    return f"B:{unit_code}"


def book_counter(unit_code: str, year: int) -> tuple[str, date]:
    """The register book's counter (sổ theo dõi, quyển số = year), for ``take_numbers``.

    The book's counter shares the daily counters' table under its own key (the book's first day),
    so it is taken in the same transaction as the dossier, in commit order: a receipt's printed
    TT can never be overtaken by a concurrent receipt.
    """
    return book_key(unit_code), date(year, 1, 1)


def next_book_number(session: Session, unit_code: str, year: int) -> int:
    """Atomically take the next line of the unit's register book."""
    return take_numbers(session, [book_counter(unit_code, year)])[0]
