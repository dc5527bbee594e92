"""Epochs: a new chain for each workstation after the database is restored from a backup (issue 15).

Each workstation (node) writes its own hash chain of events, numbered without gaps. A restore from
an old backup takes every chain back to where the backup stood, while the province may already
have the events that followed. Writing on from there would give different events the numbers the
province has — a fork. So a restore starts a new **epoch**: each node goes on in a new chain (a
new id), whose first event, ``epoch_started``, names the head of the chain it continues from. The
province sees the rewind and sends the lost events back (docs/exchange.md).

``start_after_restore`` runs on the restored file before it takes the current one's place (one
transaction: a restore marker, and an epoch for every node the file has events of). A workstation
whose node the file does not know begins its own epoch when it next opens the database
(``Database.open`` → ``db/chains.restore_pending``). The node id in a workstation's settings stays the
same; the database resolves it to its current chain.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.db.database import Database
from counter_app.db.epochs import EPOCH_STARTED, begin_epoch
from counter_app.db.models import ChainEpoch, ChainRestore, DailyCounter, NodeHead
from counter_app.db.office_day import local_today

__all__ = ["EPOCH_STARTED", "closed_chains", "start_after_restore"]


def start_after_restore(
    db: Database,
    *,
    now: datetime,
    restored_from: str = "",
    numbers: Iterable[tuple[str, date, int]] = (),
) -> list[ChainEpoch]:
    """Mark the restore and begin a new epoch for every node whose chain the database holds.
    ``numbers`` — (counter, day, last number) of the database being replaced — keep their place:
    the day's dossier numbers and the register book's lines it issued after the backup are not
    issued again (the citizens hold receipts with them)."""
    with db.write() as session:
        session.add(ChainRestore(restored_at=now, restored_from=restored_from[:300]))
        _keep_numbers(session, numbers)
        epochs = {e.chain_id: e.base_node_id for e in session.execute(select(ChainEpoch)).scalars()}
        heads = [h.node_id for h in session.execute(select(NodeHead)).scalars() if h.last_seq > 0]
        bases = sorted({epochs.get(chain, chain) for chain in heads})
        day = local_today(session, now)
        return [begin_epoch(session, base, now, day, restored_from) for base in bases]


def closed_chains(session: Session) -> set[str]:
    """Chains a later epoch continues: nothing is written to them any more."""
    return set(session.execute(select(ChainEpoch.continues_chain)).scalars())


def _keep_numbers(session: Session, numbers: Iterable[tuple[str, date, int]]) -> None:
    for unit, day, last in numbers:
        row = session.get(DailyCounter, (unit, day))
        if row is None:
            session.add(DailyCounter(unit_code=unit, day=day, last_seq=last))
        elif row.last_seq < last:
            row.last_seq = last
