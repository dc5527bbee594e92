"""The declarative base the ORM classes of ``db/models`` are mapped with.

The tables themselves are Core (``db/tables``): each class is mapped onto its ``Table`` (SQLAlchemy's
"declarative with imperative table"), so a command that needs no ORM object reads the same tables
without importing the ORM (docs/performance.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from sqlalchemy import Table
from sqlalchemy.orm import DeclarativeBase

from counter_app.db.tables import metadata


class Base(DeclarativeBase):
    metadata = metadata

    if TYPE_CHECKING:
        # Every model here is mapped to a Table, never to another FromClause, so
        # ``Model.__table__.c``, ``insert(Model.__table__)`` … type-check.
        __table__: ClassVar[Table]
