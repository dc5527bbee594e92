"""Appending to the event log and issuing daily numbers, inside the caller's transaction."""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from counter_app.db.base import new_id
from counter_app.db.models import DailyCounter, Event, NodeHead

GENESIS_HASH = "0" * 64


@dataclass(frozen=True)
class EventActor:
    user_id: uuid.UUID | None
    username: str


def canonical_json(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


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
) -> str:
    """SHA-256 over an event's content and the previous hash of its node's chain."""
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
    return hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()


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
)


def event_hash(event: Event) -> str:
    return hash_fields(**{name: getattr(event, name) for name in HASHED_FIELDS})


def _lock_head(session: Session, node_id: str) -> NodeHead:
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    session.execute(
        insert(NodeHead)
        .values(node_id=node_id, last_seq=0, last_hash=GENESIS_HASH)
        .on_conflict_do_nothing(index_elements=["node_id"])
    )
    head = session.execute(select(NodeHead).where(NodeHead.node_id == node_id).with_for_update()).scalar_one()
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
    # Round-trip through JSON so the hash is computed over exactly what is stored.
    stored_payload = json.loads(canonical_json(payload or {}))
    event = Event(
        id=new_id(),
        node_id=node_id,
        seq=head.last_seq + 1,
        kind=kind,
        office_id=office_id,
        dossier_id=dossier_id,
        actor_id=actor.user_id,
        actor=actor.username,
        occurred_at=occurred_at.astimezone(UTC),
        local_date=local_date,
        payload=stored_payload,
        prev_hash=head.last_hash,
        hash="",
    )
    event.hash = event_hash(event)
    head.last_seq = event.seq
    head.last_hash = event.hash
    session.add(event)
    session.flush()
    return event


def next_daily_number(session: Session, unit_code: str, day: date) -> int:
    """Atomically take the next number for ``unit_code`` on ``day`` (never reused)."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = (
        insert(DailyCounter)
        .values(unit_code=unit_code, day=day, last_seq=1)
        .on_conflict_do_update(
            index_elements=["unit_code", "day"], set_={"last_seq": DailyCounter.last_seq + 1}
        )
        .returning(DailyCounter.last_seq)
    )
    return int(session.execute(stmt).scalar_one())


def book_key(unit_code: str) -> str:
    """The counter key of a unit's register book (kept short: the key column holds 40 characters)."""
    return f"B:{unit_code}"


def next_book_number(session: Session, unit_code: str, year: int) -> int:
    """Atomically take the next line of the unit's register book (sổ theo dõi, quyển số = year).

    The book's counter shares the daily counters' table under its own key (the book's first day),
    so it is taken in the same transaction as the dossier, in commit order: a receipt's printed
    TT can never be overtaken by a concurrent receipt.
    """
    return next_daily_number(session, book_key(unit_code), date(year, 1, 1))
