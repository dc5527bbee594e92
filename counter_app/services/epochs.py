"""Epochs: a new chain for each workstation after the database is restored from a backup (issue 15).

Each workstation (node) writes its own hash chain of events, numbered without gaps. A restore from
an old backup takes every chain back to where the backup stood, while the province may already
have the events that followed. Writing on from there would give different events the numbers the
province has — a fork. So a restore starts a new **epoch**: each node goes on in a new chain
(``<node>~2``, ``~3`` …), whose first event, ``epoch_started``, names the head of the chain it
continues from. The province sees the rewind and sends the lost events back (docs/exchange.md).

The node id in a workstation's settings stays the same; ``Database.open`` resolves it to its
current chain (``current_chain``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.db.database import Database
from counter_app.db.event_log import append_event, current_chain
from counter_app.db.models import ChainEpoch, NodeHead, Office
from counter_app.domain.timezones import DEFAULT_TZ
from counter_app.services.actor import SYSTEM_ACTOR

EPOCH_STARTED = "epoch_started"
SEPARATOR = "~"
NODE_ID_LENGTH = 40


@dataclass(frozen=True)
class Epoch:
    chain_id: str
    base_node_id: str
    epoch: int
    continues_chain: str
    continues_seq: int
    continues_hash: str


def epoch_chain_id(base: str, epoch: int) -> str:
    suffix = f"{SEPARATOR}{epoch}"
    return base[: NODE_ID_LENGTH - len(suffix)] + suffix


def start_after_restore(db: Database, *, now: datetime, restored_from: str = "") -> list[Epoch]:
    """A new epoch for every node whose chain the restored database holds, each begun with its
    ``epoch_started`` event, in one transaction."""
    started: list[Epoch] = []
    with db.write() as session:
        epochs = {e.chain_id: e for e in session.execute(select(ChainEpoch)).scalars()}
        heads = {h.node_id: h for h in session.execute(select(NodeHead)).scalars() if h.last_seq > 0}
        bases = sorted({epochs[c].base_node_id if c in epochs else c for c in heads})
        local_date = _today(session, now)
        for base in bases:
            current = current_chain(session, base)
            head = heads.get(current)
            if head is None:  # its current epoch has no event yet: nothing to continue
                continue
            number = (
                session.execute(
                    select(func.max(ChainEpoch.epoch)).where(ChainEpoch.base_node_id == base)
                ).scalar_one()
                or 1
            ) + 1
            epoch = Epoch(epoch_chain_id(base, number), base, number, current, head.last_seq, head.last_hash)
            session.add(
                ChainEpoch(
                    chain_id=epoch.chain_id,
                    base_node_id=base,
                    epoch=number,
                    continues_chain=current,
                    continues_seq=head.last_seq,
                    continues_hash=head.last_hash,
                    started_at=now,
                    restored_from=restored_from[:300],
                )
            )
            append_event(
                session,
                node_id=epoch.chain_id,
                kind=EPOCH_STARTED,
                actor=SYSTEM_ACTOR.as_event_actor(),
                occurred_at=now,
                local_date=local_date,
                payload={
                    "epoch": number,
                    "continues": {"node": current, "seq": head.last_seq, "hash": head.last_hash},
                    "restored_from": restored_from,
                },
            )
            started.append(epoch)
    return started


def closed_chains(session: Session) -> set[str]:
    """Chains a later epoch continues: nothing is written to them any more."""
    return set(session.execute(select(ChainEpoch.continues_chain)).scalars())


def _today(session: Session, now: datetime) -> date:
    office = session.execute(select(Office).order_by(Office.identifier_code).limit(1)).scalar_one_or_none()
    return now.astimezone(ZoneInfo(office.timezone if office else DEFAULT_TZ)).date()
