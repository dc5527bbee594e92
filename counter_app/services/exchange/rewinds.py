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
    """Note each epoch that starts in ``applied`` (a chain's first event); follow what the office
    says it has back; reopen a rewind whose old chain grew since (a bundle written before the
    restore that came late)."""
    for line in applied:
        payload = line["payload"]
        if line["kind"] == EPOCH_STARTED and line["seq"] == 1:
            _note(session, node, payload, fingerprint, now)
        elif line["kind"] == LOST_EVENTS_RETURNED:
            try:
                old, last = str(payload["node"]), int(payload["last_seq"])
            except (KeyError, TypeError, ValueError):
                continue  # not the province's to judge: the event is the office's, as it wrote it
            for rewind in _rewinds_of(session, fingerprint, old):
                rewind.returned_to = max(rewind.returned_to or 0, last)
                if rewind.returned_to >= _head(session, old):
                    rewind.closed_at = now
    if applied:  # events of an old chain applied after its rewind was closed: send them too
        for rewind in _rewinds_of(session, fingerprint, node, closed=True):
            if _head(session, node) > (rewind.returned_to or rewind.continues_seq):
                rewind.closed_at = None
    session.flush()


def _note(session: Session, node: str, payload: dict[str, Any], fingerprint: str, now: datetime) -> None:
    try:
        continues = payload["continues"]
        old, seq, hash_ = str(continues["node"]), int(continues["seq"]), str(continues["hash"])
    except (KeyError, TypeError, ValueError):
        return
    owner = session.execute(
        select(ExchangeChain.peer_fingerprint).where(ExchangeChain.node_id == old)
    ).scalar_one_or_none()
    if owner != fingerprint:  # the province has none of it, or it is another office's chain
        return
    session.merge(
        ExchangeRewind(
            chain_id=node,
            peer_fingerprint=fingerprint,
            continues_chain=old,
            continues_seq=max(seq, 0),
            continues_hash=hash_[:64],
            seen_at=now,
            returned_to=None,
            closed_at=None,
        )
    )


def _rewinds_of(
    session: Session, fingerprint: str, old: str, *, closed: bool = False
) -> list[ExchangeRewind]:
    state = ExchangeRewind.closed_at.is_not(None) if closed else ExchangeRewind.closed_at.is_(None)
    return list(
        session.execute(
            select(ExchangeRewind).where(
                ExchangeRewind.peer_fingerprint == fingerprint, ExchangeRewind.continues_chain == old, state
            )
        ).scalars()
    )


def _head(session: Session, node: str) -> int:
    return (
        session.execute(
            select(ExchangeChain.last_seq).where(ExchangeChain.node_id == node)
        ).scalar_one_or_none()
        or 0
    )


def lost_events(
    session: Session, fingerprint: str
) -> list[tuple[dict[str, object], list[dict[str, object]]]]:
    """For each open rewind of the office: (the range, its events' lines) — the old chain's events
    after the head the new epoch continues (or after those the office already has back), when the
    chain is this office's and the province has that very head and more."""
    returned = []
    for rewind in session.execute(
        select(ExchangeRewind)
        .where(ExchangeRewind.peer_fingerprint == fingerprint, ExchangeRewind.closed_at.is_(None))
        .order_by(ExchangeRewind.chain_id)
    ).scalars():
        old = rewind.continues_chain
        owner = session.execute(
            select(ExchangeChain.peer_fingerprint).where(ExchangeChain.node_id == old)
        ).scalar_one_or_none()
        if owner != fingerprint:
            continue
        after = max(rewind.returned_to or 0, rewind.continues_seq)
        if after > 0:
            here = session.execute(
                select(ExchangeEvent.hash).where(ExchangeEvent.node_id == old, ExchangeEvent.seq == after)
            ).scalar_one_or_none()
            if here is None or (after == rewind.continues_seq and here != rewind.continues_hash):
                continue  # the province does not have that head as the office had it
            follows = here
        else:
            follows = GENESIS_HASH
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
        span = {"node": old, "first_seq": after + 1, "last_seq": rows[-1].seq, "prev_hash": follows}
        returned.append((span, [event_line(r) for r in rows]))
    return returned
