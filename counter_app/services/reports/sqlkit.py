"""SQL helpers of the reports: planner hints for SQLite, rowid ranges, fast reading of untyped columns."""

from __future__ import annotations

import gc
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import ARRAY, Column, ColumnElement, FromClause, Table, Uuid, any_, literal_column
from sqlalchemy.dialects.sqlite.base import SQLiteCompiler
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.visitors import InternalTraversal, iterate


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


class array_of(ColumnElement[Any]):  # noqa: N801 - used like a SQL function
    """PostgreSQL's ``ARRAY(subquery)``: the subquery's values as one array, computed once."""

    inherit_cache = True
    _traverse_internals = [("query", InternalTraversal.dp_clauseelement)]

    def __init__(self, query: Any) -> None:
        self.query = query
        self.type = ARRAY(Uuid())


@compiles(array_of)
def _array_of(element: array_of, compiler: SQLCompiler, **kw: Any) -> str:
    return f"ARRAY({compiler.process(element.query, **kw)})"


def listed_rows(dialect: str, table: Any, candidates: Any) -> ColumnElement[bool]:
    """The rows of ``table`` whose row id ``candidates`` lists (a union of index-only selects of
    ``rowid`` on SQLite, of the primary key elsewhere). SQLite reads them by rowid (with the table
    hint ``NOT INDEXED``); PostgreSQL computes the list once and looks each id up in the primary key
    — written ``id = ANY(ARRAY(…))``, since an ``IN (…)`` is planned from the list's estimated size,
    and the estimate of a receipt date and a resolution instant taken together (independent, to the
    planner) can be off enough for a scan of the whole table."""
    if dialect == "sqlite":
        return literal_column(f"{table.__table__.name}.rowid").in_(candidates)
    return table.id == any_(array_of(candidates))


def _sqlite_table_hint(self: SQLiteCompiler, table: FromClause, text: str | None) -> str | None:
    return text


# ``select(...).with_hint(Dossier, "INDEXED BY ix_…", "sqlite")`` / ``"NOT INDEXED"``: SQLite's own way
# to fix how a table is read, written after its name. SQLAlchemy's SQLite compiler drops table hints
# (it has no use for them); the reports name the index whenever statistics — or their absence — could
# lead SQLite to walk another one over the whole history.
SQLiteCompiler.get_from_hint_text = _sqlite_table_hint  # type: ignore[method-assign]


def columns_read(table: Table, expressions: Iterable[Any]) -> set[str]:
    """The names of ``table``'s columns that ``expressions`` read, subqueries included (an alias of the
    table is another table: its columns are not counted)."""
    out: set[str] = set()
    for expression in expressions:
        for element in iterate(_clause(expression)):
            element = _clause(element)  # (an ORM attribute: its column)
            if isinstance(element, Column) and element.table is table:
                out.add(element.name)
    return out


def _clause(element: Any) -> Any:
    unwrap = getattr(element, "__clause_element__", None)
    return unwrap() if unwrap is not None else element


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block (restored after, if it was on): a report that
    makes tens of thousands of small tuples would otherwise pay for a few walks of the whole heap."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def read_instant(value: object) -> datetime | None:
    """An instant selected without its ORM type: SQLite gives naive-UTC text, PostgreSQL a datetime."""
    if value is None or isinstance(value, datetime):
        return value.astimezone(UTC) if value is not None else None
    return datetime.fromisoformat(f"{value}+00:00")  # (much faster than .replace(tzinfo=UTC))


_EPOCH = datetime(1970, 1, 1)


def read_epoch(value: object) -> float:
    """An instant selected without its ORM type, as epoch seconds (what ``datetime.timestamp`` gives)."""
    if isinstance(value, datetime):
        return value.timestamp()
    return (datetime.fromisoformat(str(value)) - _EPOCH).total_seconds()


class UuidReader:
    """An id selected without its ORM type (SQLite: 32 hex digits) → UUID, converted once per value."""

    def __init__(self) -> None:
        self._seen: dict[object, uuid.UUID | None] = {None: None}

    def __call__(self, value: object) -> uuid.UUID | None:
        if value not in self._seen:
            self._seen[value] = value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
        return self._seen[value]


def rowid_ranges(
    spans: list[tuple[int, int]], parts: int, *, spread: int = 4, slack: int = 64, most: int = 32
) -> tuple[list[list[tuple[int, int]]], list[int]] | None:
    """Few rowid ranges covering ``spans`` (each group's first and last rowid: the rows of one office's
    day), cut into ``parts`` lists of about equal length — the reads of a parallel scan.

    A span longer than ``spread`` times the typical one (plus ``slack``) is left out (its index is
    returned: read its rows another way): one row written long after the others of its day would
    otherwise stretch a range over everything between. Spans are merged across gaps of up to a typical
    span. None when more than ``most`` ranges or left-out spans remain: the rows do not lie together."""
    if not spans:
        return [[] for _ in range(parts)], []
    lengths = sorted(high - low + 1 for low, high in spans)
    typical = lengths[len(lengths) // 2]
    longest = spread * typical + slack
    left_out = [i for i, (low, high) in enumerate(spans) if high - low + 1 > longest]
    kept = sorted(span for span in spans if span[1] - span[0] + 1 <= longest)
    merged: list[list[int]] = []
    for low, high in kept:
        if merged and low <= merged[-1][1] + typical + slack:
            merged[-1][1] = max(merged[-1][1], high)
        else:
            merged.append([low, high])
    if len(merged) > most or len(left_out) > most:
        return None
    total = sum(high - low + 1 for low, high in merged)
    share = -(-total // parts)  # rows per part, rounded up
    out: list[list[tuple[int, int]]] = [[] for _ in range(parts)]
    part, room = 0, share
    for low, high in merged:
        while low <= high:
            take = high - low + 1 if part == parts - 1 else min(room, high - low + 1)
            out[part].append((low, low + take - 1))
            low += take
            room -= take
            if room <= 0 and part < parts - 1:
                part, room = part + 1, share
    return out, left_out


def day_ranges(
    weights: list[tuple[date, int]], first: date, last: date, parts: int
) -> list[tuple[date, date]]:
    """The days ``first``..``last`` cut into at most ``parts`` runs of consecutive days, each holding
    about an equal share of the ``weights`` (day, weight; sorted, inside first..last; a day not listed
    weighs nothing) — the reads of a parallel walk of a date index. Every day is in exactly one run."""
    total = sum(w for _, w in weights)
    if parts <= 1 or total <= 0:
        return [(first, last)]
    one = timedelta(days=1)
    targets = [total * i / parts for i in range(1, parts)]
    edges = [first]
    done = cut_at = t = 0  # weight up to the day, and up to the last cut
    for day, weight in weights:
        before, done = done, done + weight
        while t < len(targets) and done >= targets[t]:
            # Cut before the day or after it, whichever leaves the run nearer its share; never a run
            # weighing nothing.
            if targets[t] - before < done - targets[t] and before > cut_at:
                cut, weighed = day, before
            else:
                cut, weighed = day + one, done
            if edges[-1] < cut <= last and weighed < total:
                edges.append(cut)
                cut_at = weighed
            t += 1
    edges.append(last + one)
    return [(edges[i], edges[i + 1] - one) for i in range(len(edges) - 1)]
