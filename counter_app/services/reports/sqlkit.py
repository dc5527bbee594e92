"""SQL helpers of the reports: a planner hint for SQLite, and fast reading of untyped columns."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.visitors import InternalTraversal


class no_index(ColumnElement[Any]):  # noqa: N801 - used like a SQL function
    """A column SQLite must not use an index for (rendered ``+column``, the documented way to say
    so); plain elsewhere. Without statistics SQLite would otherwise walk, say, the (office, date) index
    over every dossier of the office instead of the few open ones."""

    inherit_cache = True
    _traverse_internals = [("column", InternalTraversal.dp_clauseelement)]

    def __init__(self, column: ColumnElement[Any]) -> None:
        self.column = column
        self.type = column.type


@compiles(no_index)
def _plain(element: no_index, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.column, **kw)


@compiles(no_index, "sqlite")
def _unindexed(element: no_index, compiler: SQLCompiler, **kw: Any) -> str:
    return "+" + compiler.process(element.column, **kw)


def read_instant(value: object) -> datetime | None:
    """An instant selected without its ORM type: SQLite gives naive-UTC text, PostgreSQL a datetime."""
    if value is None or isinstance(value, datetime):
        return value.astimezone(UTC) if value is not None else None
    return datetime.fromisoformat(f"{value}+00:00")  # (much faster than .replace(tzinfo=UTC))


class UuidReader:
    """An id selected without its ORM type (SQLite: 32 hex digits) → UUID, converted once per value."""

    def __init__(self) -> None:
        self._seen: dict[object, uuid.UUID | None] = {None: None}

    def __call__(self, value: object) -> uuid.UUID | None:
        if value not in self._seen:
            self._seen[value] = value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
        return self._seen[value]
