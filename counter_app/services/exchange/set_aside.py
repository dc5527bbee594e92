"""At the province: events set aside after a fork alarm — the branch the admin did not keep, and
what later descends from it (the losing copy still sending). Kept, never dropped
(``exchange_set_aside``); services/exchange/forks.py chooses, the import calls
``set_aside_descendants`` for each chain it applies."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.db.models import ExchangeSetAside
from counter_app.db.upsert import insert_for
from counter_app.services.exchange.event_json import event_line

LATER = "later"  # a descendant of a set-aside event, set aside as it arrived


def set_aside_descendants(
    session: Session, node: str, incoming: list[dict[str, Any]], now: datetime
) -> tuple[list[dict[str, Any]], int]:
    """The incoming events that do not descend from a set-aside one, and how many did (those are
    set aside with the branch they continue)."""
    aside = set(
        session.execute(select(ExchangeSetAside.hash).where(ExchangeSetAside.node_id == node)).scalars()
    )
    if not aside:
        return incoming, 0
    kept: list[dict[str, Any]] = []
    descendants: list[dict[str, Any]] = []
    for line in sorted(incoming, key=lambda e: e["seq"]):
        if line["hash"] in aside or line["prev_hash"] in aside:
            descendants.append(line)
            aside.add(line["hash"])
        else:
            kept.append(line)
    if descendants:
        fork_id = session.execute(
            select(ExchangeSetAside.fork_id)
            .where(ExchangeSetAside.node_id == node)
            .order_by(ExchangeSetAside.set_aside_at.desc())
            .limit(1)
        ).scalar_one()
        insert_aside(session, fork_id, node, descendants, LATER, now)
    return kept, len(descendants)


def insert_aside(
    session: Session, fork_id: uuid.UUID, node: str, lines: list[dict[str, Any]], branch: str, now: datetime
) -> int:
    """Keep ``lines`` aside under the alarm ``fork_id`` (each (number, hash) once)."""
    if not lines:
        return 0
    insert_ = insert_for(session.get_bind().dialect.name)
    rows = [
        {
            "id": uuid.uuid4(),
            "fork_id": fork_id,
            "node_id": node,
            "seq": line["seq"],
            "hash": line["hash"],
            "branch": branch,
            "event": event_line(line),
            "set_aside_at": now,
        }
        for line in lines
    ]
    session.execute(
        insert_(ExchangeSetAside).on_conflict_do_nothing(index_elements=["node_id", "seq", "hash"]), rows
    )
    return len(lines)
