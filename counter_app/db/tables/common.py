"""What every table shares: the metadata (with stable constraint names) and the column types.

Core only, no ORM: the commands that only read a few rows (``counter-cli due``, ``lookup``) build
their statements on these tables without importing SQLAlchemy's ORM or mapping a class
(docs/performance.md).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import Column, DateTime, MetaData, TypeDecorator, Uuid

# Stable constraint names, so Alembic migrations can refer to them on both backends.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)


class UTCDateTime(TypeDecorator[datetime]):
    """An instant stored as UTC.

    SQLite has no time zone type, so every instant is converted to UTC on the way in and
    comes back aware (UTC) on the way out, on both backends. Naive datetimes are refused:
    a naive time at a Vietnamese counter is a bug waiting to shift a report by 7 hours.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime refused; pass an aware instant")
        utc = value.astimezone(UTC)
        # SQLite stores text: keep it naive-UTC so string comparison orders correctly.
        return utc.replace(tzinfo=None) if getattr(dialect, "name", "") == "sqlite" else utc

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def new_id() -> uuid.UUID:
    """Time-ordered UUID (v7) generated locally, so offices' databases merge without collisions."""
    # Imported at the first id made: uuid6 loads secrets/hmac (~15 ms), which a read needs not.
    from uuid6 import uuid7

    return uuid7()


def id_column() -> Column[uuid.UUID]:
    """The primary key most tables have: a UUIDv7 made by the program."""
    return Column("id", Uuid, primary_key=True, default=new_id)
