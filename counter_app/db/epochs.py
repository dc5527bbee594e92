"""Beginning a new epoch of a workstation's chain (the rules: services/epochs.py).

Here, in the database layer, because ``Database.open`` begins one for a workstation that has none
since the last restore (its node may have no event in the backup at all). A new chain gets a new
id (uuid7), never derived from the old one: two restores of one backup, or of two backups, must
not make the same chain twice with different events.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from uuid6 import uuid7

from counter_app.db.chains import GENESIS_HASH, current_chain
from counter_app.db.event_log import append_event
from counter_app.db.models import ChainEpoch, NodeHead
from counter_app.domain.event_actor import EventActor

EPOCH_STARTED = "epoch_started"
SYSTEM = EventActor(None, "system")


def begin_epoch(
    session: Session, base: str, now: datetime, local_date: date, restored_from: str
) -> ChainEpoch:
    """A new chain for the workstation ``base``, begun with its ``epoch_started`` event naming the
    head of the chain it continues (number 0 and the genesis hash when that chain has no event)."""
    current = current_chain(session, base)
    head = session.get(NodeHead, current)
    seq, hash_ = (head.last_seq, head.last_hash) if head is not None else (0, GENESIS_HASH)
    number = (
        session.execute(
            select(func.max(ChainEpoch.epoch)).where(ChainEpoch.base_node_id == base)
        ).scalar_one()
        or 1
    ) + 1
    epoch = ChainEpoch(
        chain_id=str(uuid7()),
        base_node_id=base,
        epoch=number,
        continues_chain=current,
        continues_seq=seq,
        continues_hash=hash_,
        started_at=now,
        restored_from=restored_from[:300],
    )
    session.add(epoch)
    append_event(
        session,
        node_id=epoch.chain_id,
        kind=EPOCH_STARTED,
        actor=SYSTEM,
        occurred_at=now,
        local_date=local_date,
        payload={
            "epoch": number,
            "base_node": base,
            "continues": {"node": current, "seq": seq, "hash": hash_},
            "restored_from": restored_from,
        },
    )
    return epoch
