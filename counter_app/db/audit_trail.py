"""Appending to the audit trail inside the caller's transaction, and its hash chain.

The same chain as the event log's (``db/event_log.py``) in a table of its own: per node a gapless
sequence number and a SHA-256 hash over the record and the previous record's hash, the head row
(``audit_heads``) locked until the transaction ends so the chain order is the commit order.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Connection, bindparam, insert, select, update

from counter_app.db.chains import GENESIS_HASH, canonical_json
from counter_app.db.tables import audit_heads, audit_records, new_id
from counter_app.db.upsert import insert_for
from counter_app.domain.event_actor import EventActor

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

HASHED = ("id", "node_id", "seq", "at", "actor", "actor_id", "action", "subject", "details", "prev_hash")


def record_hash(
    *,
    id: uuid.UUID,
    node_id: str,
    seq: int,
    at: datetime,
    actor: str,
    actor_id: uuid.UUID | None,
    action: str,
    subject: str,
    details: object,
    prev_hash: str,
) -> str:
    content = {
        "id": str(id),
        "node_id": node_id,
        "seq": seq,
        "at": at.astimezone(UTC).isoformat(timespec="microseconds"),
        "actor": actor,
        "actor_id": str(actor_id) if actor_id else None,
        "action": action,
        "subject": subject,
        "details": details,
        "prev_hash": prev_hash,
    }
    return hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()


def append_record(
    session: Connection | Session,
    *,
    node_id: str,
    actor: EventActor,
    action: str,
    at: datetime,
    subject: str = "",
    details: dict[str, object] | None = None,
) -> dict[str, object]:
    """One more record at the end of the node's audit chain (the head locked until the commit).

    Core statements built once, as the receipt's hot path does (db/event_log.py): a record is
    written before every dossier opened, so its cost is a lookup's (issue 11's lookup budget)."""
    conn = session if isinstance(session, Connection) else session.connection()
    head = conn.execute(_LOCK_HEAD, {"node": node_id}).first()
    if head is None:  # the node's first record: its head made, then locked like any other
        insert = insert_for(conn.dialect.name)
        conn.execute(
            insert(_HEADS)
            .values(node_id=node_id, last_seq=0, last_hash=GENESIS_HASH)
            .on_conflict_do_nothing(index_elements=["node_id"])
        )
        head = conn.execute(_LOCK_HEAD, {"node": node_id}).one()
    fields: dict[str, object] = {
        "id": new_id(),
        "node_id": node_id,
        "seq": int(head[0]) + 1,
        "at": at.astimezone(UTC),
        "actor": actor.username,
        "actor_id": actor.user_id,
        "action": action,
        "subject": subject,
        # Round-trip through JSON so the hash is computed over exactly what is stored.
        "details": json.loads(canonical_json(details or {})),
        "prev_hash": str(head[1]),
    }
    record = {**fields, "hash": record_hash(**fields)}  # type: ignore[arg-type]
    conn.execute(_INSERT, record)
    conn.execute(_MOVE_HEAD, {"h_node": node_id, "h_seq": record["seq"], "h_hash": record["hash"]})
    return record


_HEADS = audit_heads
_RECORDS = audit_records
_LOCK_HEAD = (
    select(_HEADS.c.last_seq, _HEADS.c.last_hash)
    .where(_HEADS.c.node_id == bindparam("node"))
    .with_for_update()
)
_INSERT = insert(_RECORDS)
_MOVE_HEAD = (
    update(_HEADS)
    .where(_HEADS.c.node_id == bindparam("h_node"))
    .values(last_seq=bindparam("h_seq"), last_hash=bindparam("h_hash"))
)
