"""The audit trail: who looked at what (issue 14), apart from the event log.

Opening a dossier's detail, a search (the codes it returned, not what was typed), a re-print, a
report or list exported: reads, which change nothing and so are no events, but which the office
must be able to account for. Each is one append-only record, chained per node like the events
(``db/audit_trail.py``), never rotated away, and never sent to the province with the events.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.orm import Mapped

from counter_app.db.base import Base
from counter_app.db.tables.audit_trail import audit_heads, audit_records


class AuditRecord(Base):
    __table__ = audit_records
    id: Mapped[uuid.UUID]
    node_id: Mapped[str]
    seq: Mapped[int]
    at: Mapped[datetime]
    actor: Mapped[str]
    actor_id: Mapped[uuid.UUID | None]
    action: Mapped[str]
    subject: Mapped[str]
    details: Mapped[dict[str, object]]
    prev_hash: Mapped[str]
    hash: Mapped[str]


class AuditHead(Base):
    """The head of each node's audit chain (locked to append, as ``node_heads`` for the events)."""

    __table__ = audit_heads
    node_id: Mapped[str]
    last_seq: Mapped[int]
    last_hash: Mapped[str]
