"""Verifying the event log: every node's chain, hash by hash."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import String, inspect, literal, select, type_coerce
from sqlalchemy.orm import Session

from counter_app.db.database import Database
from counter_app.db.event_log import GENESIS_HASH, HASHED_FIELDS, hash_fields
from counter_app.db.models import Event, NodeHead
from counter_app.db.stored import stored_instant, stored_uuid
from counter_app.domain.errors import Message


@dataclass(frozen=True)
class ChainReport:
    events_checked: int
    nodes: int
    first_broken: Message | None  # what the first broken link is (translatable), or None


def verify_events(db: Database, batch: int = 5000, since: Mapping[str, int] | None = None) -> ChainReport:
    """Walk each node's events in sequence; report the first gap, edit, broken link or unreadable row,
    or a chain head (``node_heads``) that is not the node's last event (an event deleted at the end
    with the head set back, a head moved by hand: the next receipt would collide with an event).

    ``since`` (node → sequence number, an anchor already checked): only the events after it, each
    node's walk starting from the hash of its event at that number (the incremental verification).

    Columns are read as stored and decoded here, row by row: a row edited into something that no
    longer decodes (a payload that is not JSON, a date that is not a date) is a broken link to
    report, not a reason to stop reading.
    """
    checked, nodes = 0, 0
    with db.snapshot() as session:  # the heads and the events as of one instant
        raw = _stored_columns(session)
        heads = {h.node_id: (h.last_seq, h.last_hash) for h in session.execute(select(NodeHead)).scalars()}
        node_ids = session.execute(select(Event.node_id).distinct().order_by(Event.node_id)).scalars().all()
        for node_id in node_ids:
            nodes += 1
            prev_hash, expected_seq = GENESIS_HASH, 1
            if since and since.get(node_id):
                expected_seq = since[node_id] + 1
                prev_hash = session.execute(
                    select(Event.hash).where(Event.node_id == node_id, Event.seq == since[node_id])
                ).scalar_one()
            stmt = select(*raw).where(Event.node_id == node_id, Event.seq >= expected_seq).order_by(Event.seq)
            for row in session.execute(stmt.execution_options(yield_per=batch)):
                checked += 1
                fields = _decoded(row._mapping)
                seq = fields["seq"] if fields else row.seq
                problem: Message | None = None
                if fields is None:
                    problem = Message("nội dung không đọc được (đã bị sửa trực tiếp trong cơ sở dữ liệu)")
                elif seq != expected_seq:
                    problem = Message(
                        "thiếu sự kiện số {expected} (gặp số {seq})", expected=expected_seq, seq=seq
                    )
                elif fields["prev_hash"] != prev_hash:
                    problem = Message("liên kết với sự kiện trước bị sai")
                elif hash_fields(**fields) != row.hash:
                    problem = Message("nội dung đã bị sửa (mã băm không khớp)")
                if problem:
                    where = Message(
                        "Nút {node}, sự kiện số {seq} ({kind}): {problem}.",
                        node=node_id,
                        seq=seq,
                        kind=row.kind,
                        problem=problem,
                    )
                    return ChainReport(checked, nodes, where)
                prev_hash, expected_seq = row.hash, expected_seq + 1
            head = heads.pop(node_id, None)
            if head != (expected_seq - 1, prev_hash):
                return ChainReport(checked, nodes, _head_problem(node_id, head, expected_seq - 1))
        for node_id, head in sorted(heads.items()):
            if head[0] != 0:  # a head that counts events no longer there
                return ChainReport(checked, nodes, _head_problem(node_id, head, 0))
    return ChainReport(checked, nodes, None)


def _stored_columns(session: Session) -> list[Any]:
    """The hashed columns and the hash, read as stored text. A file from before migration 0013 (a
    backup being verified before its restore migrates it) has no ``hash_version``: all version 1."""
    present = {column["name"] for column in inspect(session.connection()).get_columns("events")}
    return [
        type_coerce(getattr(Event, name), String).label(name) if name in present else literal(1).label(name)
        for name in (*HASHED_FIELDS, "hash")
    ]


def _head_problem(node_id: str, head: tuple[int, str] | None, last_seq: int) -> Message:
    if head is None:
        return Message(
            "Nút {node}: không có đầu chuỗi (bảng node_heads) cho {count} sự kiện.",
            node=node_id,
            count=last_seq,
        )
    if head[0] != last_seq:
        return Message(
            "Nút {node}: đầu chuỗi ghi sự kiện số {head}, nhưng sự kiện cuối là số {last}.",
            node=node_id,
            head=head[0],
            last=last_seq,
        )
    return Message(
        "Nút {node}: mã băm ở đầu chuỗi khác mã băm của sự kiện cuối (số {last}).",
        node=node_id,
        last=last_seq,
    )


def _decoded(row: Mapping[str, Any]) -> dict[str, Any] | None:
    """The hashed fields as the hash takes them, or None if a stored value cannot be decoded."""
    try:
        payload = row["payload"]
        occurred = row["occurred_at"]
        local = row["local_date"]
        return {
            "id": stored_uuid(row["id"]),
            "node_id": row["node_id"],
            "seq": int(row["seq"]),
            "kind": row["kind"],
            "office_id": stored_uuid(row["office_id"]),
            "dossier_id": stored_uuid(row["dossier_id"]),
            "actor": row["actor"],
            # SQLite keeps text (naive UTC); PostgreSQL's driver already gives the typed values.
            "occurred_at": stored_instant(occurred),
            "local_date": local if isinstance(local, date) else date.fromisoformat(local),
            "payload": json.loads(payload) if isinstance(payload, str) else payload,
            "prev_hash": row["prev_hash"],
            "actor_id": stored_uuid(row["actor_id"]),
            "hash_version": int(row["hash_version"]),
        }
    except (TypeError, ValueError):
        return None
