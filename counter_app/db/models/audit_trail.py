"""The audit trail: who looked at what (issue 14), apart from the event log.

Opening a dossier's detail, a search (the codes it returned, not what was typed), a re-print, a
report or list exported: reads, which change nothing and so are no events, but which the office
must be able to account for. Each is one append-only record, chained per node like the events
(``db/audit_trail.py``), never rotated away, and never sent to the province with the events.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.db.base import Base, IdMixin, UTCDateTime


class AuditRecord(IdMixin, Base):
    __tablename__ = "audit_records"
    __table_args__ = (
        UniqueConstraint("node_id", "seq"),
        Index("ix_audit_records_at", "at"),
    )

    node_id: Mapped[str] = mapped_column(String(40))
    seq: Mapped[int] = mapped_column(BigInteger)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(60))
    actor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    action: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(String(200), default="")
    details: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """The head of each node's audit chain (locked to append, as ``node_heads`` for the events)."""

    __tablename__ = "audit_heads"

    node_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    last_hash: Mapped[str] = mapped_column(String(64))
