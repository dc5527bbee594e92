"""Verifying the event log: every node's chain, hash by hash."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from counter_app.db.database import Database
from counter_app.db.ledger import GENESIS_HASH, event_hash
from counter_app.db.models import Event


@dataclass(frozen=True)
class ChainReport:
    events_checked: int
    nodes: int
    first_broken: str | None  # a Vietnamese description of the first broken link, or None


def verify_events(db: Database, batch: int = 5000) -> ChainReport:
    """Walk each node's events in sequence; report the first gap, edit or broken link."""
    checked, nodes = 0, 0
    with db.read() as session:
        node_ids = session.execute(select(Event.node_id).distinct().order_by(Event.node_id)).scalars().all()
        for node_id in node_ids:
            nodes += 1
            prev_hash, expected_seq = GENESIS_HASH, 1
            stmt = select(Event).where(Event.node_id == node_id).order_by(Event.seq)
            for event in session.execute(stmt.execution_options(yield_per=batch)).scalars():
                checked += 1
                problem = None
                if event.seq != expected_seq:
                    problem = f"thiếu sự kiện số {expected_seq} (gặp số {event.seq})"
                elif event.prev_hash != prev_hash:
                    problem = "liên kết với sự kiện trước bị sai"
                elif event_hash(event) != event.hash:
                    problem = "nội dung đã bị sửa (mã băm không khớp)"
                if problem:
                    return ChainReport(
                        checked, nodes, f"Nút {node_id}, sự kiện số {event.seq} ({event.kind}): {problem}."
                    )
                prev_hash, expected_seq = event.hash, expected_seq + 1
                session.expunge(event)
    return ChainReport(checked, nodes, None)
