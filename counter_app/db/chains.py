"""What every hash chain shares (the event log's, the audit trail's), and which chain a workstation
writes to now. Core only: ``Database.open`` asks it on every start of every program, and the
commands that only read never import the ORM (docs/performance.md).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import Row, func, select

from counter_app.db.tables import chain_epochs, chain_restores

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session

# The "previous hash" of a chain's first entry.
GENESIS_HASH = "0" * 64


def canonical_json(value: object) -> str:
    """The one text a value hashes as: keys sorted, no spaces, UTF-8 kept."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def current_chain(connection: Connection | Session, base: str) -> str:
    """The chain the node ``base`` (a workstation's settings) writes to now: the newest epoch's
    after a restore (services/epochs.py), or its own."""
    chain = connection.execute(
        select(chain_epochs.c.chain_id)
        .where(chain_epochs.c.base_node_id == base)
        .order_by(chain_epochs.c.epoch.desc())
        .limit(1)
    ).scalar_one_or_none()
    return chain or base


def restore_pending(connection: Connection | Session, base: str) -> Row[Any, Any] | None:
    """The last restore (``restored_from``, ``restored_at``), when ``base`` has begun no epoch since."""
    restore = connection.execute(
        select(chain_restores.c.restored_from, chain_restores.c.restored_at)
        .order_by(chain_restores.c.restored_at.desc())
        .limit(1)
    ).first()
    if restore is None:
        return None
    started = connection.execute(
        select(func.max(chain_epochs.c.started_at)).where(chain_epochs.c.base_node_id == base)
    ).scalar_one()
    return restore if started is None or started < restore.restored_at else None
