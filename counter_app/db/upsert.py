"""The dialect's INSERT … ON CONFLICT construct, loaded for the database actually in use.

Importing ``sqlalchemy.dialects.postgresql`` also loads its asyncpg dialect and asyncio (~45 ms),
which an office on SQLite never needs (issue 11: start-up of every CLI call and of the app).
"""

from __future__ import annotations

from typing import Any


def insert_for(dialect_name: str) -> Any:
    """``insert`` of the PostgreSQL or SQLite dialect (both have ``on_conflict_do_*``)."""
    if dialect_name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert
