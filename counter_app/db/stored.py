"""Values read as the database stores them, for the readers that check hashes over the stored text
(the event log's and the audit trail's verification) rather than SQLAlchemy's typed values."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime


def stored_uuid(value: object) -> uuid.UUID | None:
    """A uuid column read as stored (SQLite: its text; PostgreSQL: a uuid already), None for NULL."""
    if value is None:
        return None
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def stored_instant(value: object) -> datetime:
    """An instant column read as stored (SQLite: naive UTC text; PostgreSQL: an aware datetime)."""
    if isinstance(value, datetime):
        return value
    parsed = datetime.fromisoformat(str(value))
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed
