"""At the province: an office restored from an old backup, and the events it lost sent back.

After a restore, each of the office's chains goes on in a new epoch whose first event,
``epoch_started``, names the head it continues from (services/epochs.py). When the province
applies that event it notes the rewind (``exchange_rewinds``): the events of the old chain after
that head are ones the office no longer has. Each acknowledgement to the office then carries them
(``lost_events``) until the office's ``lost_events_returned`` event says it has them back.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.db.event_log import GENESIS_HASH
from counter_app.db.models import ExchangeChain, ExchangeEvent, ExchangeRewind
from counter_app.services.epochs import EPOCH_STARTED
from counter_app.services.exchange.event_json import event_line

LOST_EVENTS_RETURNED = "lost_events_returned"


def note_rewinds(
    session: Session, node: str, applied: list[dict[str, Any]], fingerprint: str, now: datetime
) -> None:
    """Note each epoch that starts in ``applied`` (a chain's first event), and close the rewinds an
    office says are made good."""
    for line in applied:
        payload = line["payload"]
        if line["kind"] == EPOCH_STARTED and line["seq"] == 1:
            continues = payload.get("continues")
            if not isinstance(continues, dict):
                continue
            old = str(continues.get("node") or "")
            owner = session.execute(
                select(ExchangeChain.peer_fingerprint).where(ExchangeChain.node_id == old)
            ).scalar_one_or_none()
            if owner not in (None, fingerprint):  # an office cannot claim another's chain
                continue
            session.merge(
                ExchangeRewind(
                    chain_id=node,
                    peer_fingerprint=fingerprint,
                    continues_chain=old,
                    continues_seq=int(continues.get("seq") or 0),
                    continues_hash=str(continues.get("hash") or GENESIS_HASH),
                    seen_at=now,
                    closed_at=None,
                )
            )
        elif line["kind"] == LOST_EVENTS_RETURNED:
            for rewind in session.execute(
                select(ExchangeRewind).where(
                    ExchangeRewind.peer_fingerprint == fingerprint,
                    ExchangeRewind.continues_chain == str(payload.get("node")),
                    ExchangeRewind.closed_at.is_(None),
                )
            ).scalars():
                rewind.closed_at = now
    session.flush()


def lost_events(
    session: Session, fingerprint: str
) -> list[tuple[dict[str, object], list[dict[str, object]]]]:
    """For each open rewind of the office: (the range, its events' lines) — the old chain's events
    after the head the new epoch continues, when the province has that very head and more."""
    returned = []
    for rewind in session.execute(
        select(ExchangeRewind)
        .where(ExchangeRewind.peer_fingerprint == fingerprint, ExchangeRewind.closed_at.is_(None))
        .order_by(ExchangeRewind.chain_id)
    ).scalars():
        old, after = rewind.continues_chain, rewind.continues_seq
        if after > 0:
            here = session.execute(
                select(ExchangeEvent.hash).where(ExchangeEvent.node_id == old, ExchangeEvent.seq == after)
            ).scalar_one_or_none()
            if here != rewind.continues_hash:  # the province does not have that head as the office had it
                continue
        rows = (
            session.execute(
                select(ExchangeEvent)
                .where(ExchangeEvent.node_id == old, ExchangeEvent.seq > after)
                .order_by(ExchangeEvent.seq)
            )
            .scalars()
            .all()
        )
        if not rows:
            continue
        span = {
            "node": old,
            "first_seq": after + 1,
            "last_seq": rows[-1].seq,
            "prev_hash": rewind.continues_hash,
        }
        returned.append((span, [event_line(r) for r in rows]))
    return returned
