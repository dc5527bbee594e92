"""The dialect's INSERT … ON CONFLICT construct, loaded for the database actually in use.

Importing ``sqlalchemy.dialects.postgresql`` also loads its asyncpg dialect and asyncio (~45 ms),
which an office on SQLite never needs (issue 11: start-up of every CLI call and of the app).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy import Table
    from sqlalchemy.dialects import postgresql, sqlite

    from counter_app.db.base import Base

    # ``insert(Model)`` of either dialect: its ``values(...)`` and ``on_conflict_do_*`` type-check.
    DialectInsert = Callable[[type[Base] | Table], postgresql.Insert | sqlite.Insert]


def insert_for(dialect_name: str) -> DialectInsert:
    """``insert`` of the PostgreSQL or SQLite dialect (both have ``on_conflict_do_*``)."""
    if dialect_name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert

        return postgresql_insert
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert
