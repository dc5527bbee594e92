"""Hot-path reads: a Core SELECT compiled once, run on the pooled DBAPI connection.

SQLAlchemy still writes the SQL (compiled once per dialect) and converts every value with its
own bind and result processors for each column's type, so rows come back exactly as
``Connection.execute`` gives them. Only the per-statement execution context is skipped: about
25 µs a statement, more than an indexed query itself takes on SQLite. That matters on one path,
the barcode scan that opens a dossier; everything else goes through ``Connection.execute``.

Errors are raised as SQLAlchemy's DBAPIError subclasses, a lost connection invalidated, as
``Connection.execute`` does. Not covered here (not needed by the callers): expanding IN
parameters, SQLAlchemy's statement events and echo logging.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from sqlalchemy import Engine, Select
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.pool import PoolProxiedConnection

from counter_app.db.errors import DatabaseUnavailable, unavailable

if TYPE_CHECKING:
    from sqlalchemy.engine.interfaces import DBAPIModule

Processor = Callable[[Any], Any] | None


@dataclass(frozen=True)
class _Compiled:
    sql: str
    positional: tuple[str, ...] | None  # parameter names in order (qmark), None for named styles
    bind_processors: dict[str, Processor]
    literals: dict[str, Any]  # values the statement binds itself (e.g. a constant in a WHERE)
    converted_columns: list[tuple[int, Callable[[Any], Any]]]  # (index, processor) where the type converts


class PreparedSelect:
    """One SELECT, compiled on first use for each dialect; rows are named tuples."""

    def __init__(self, statement: Select[Any], name: str = "Row") -> None:
        self._statement = statement
        # Per dialect and driver: the SQL text and its parameter style differ between them.
        self._compiled: dict[tuple[str, str, str], _Compiled] = {}
        fields = [column.key for column in statement.selected_columns]
        if None in fields:  # an unlabelled expression, e.g. func.count(): namedtuple would refuse it too
            raise TypeError(f"label every column of a prepared statement: {fields}")
        # Its fields are the statement's columns, known at run time only (mypy would type it a bare tuple).
        self.row_type = cast("type[NamedTuple]", namedtuple(name, [key for key in fields if key is not None]))

    def _compile(self, dialect: Dialect) -> _Compiled:
        key = (dialect.name, dialect.driver, dialect.paramstyle)
        compiled = self._compiled.get(key)
        if compiled is None:
            sql = self._statement.compile(dialect=dialect)
            compiled = _Compiled(
                sql=str(sql),
                positional=tuple(sql.positiontup) if sql.positiontup is not None else None,
                bind_processors={
                    name: bind.type.dialect_impl(dialect).bind_processor(dialect)
                    for name, bind in sql.binds.items()
                },
                literals={
                    name: bind.effective_value for name, bind in sql.binds.items() if not bind.required
                },
                converted_columns=[
                    (index, process)
                    for index, column in enumerate(self._statement.selected_columns)
                    if (process := column.type.dialect_impl(dialect).result_processor(dialect, None))
                    is not None
                ],
            )
            self._compiled[key] = compiled
        return compiled

    def rows(self, reader: ReadCursor, **params: Any) -> list[Any]:
        """Execute with ``params`` (by bind-parameter name) and return every row, converted."""
        compiled = self._compile(reader.dialect)
        given = compiled.literals | params
        if given.keys() != compiled.bind_processors.keys():
            raise ArgumentError(
                f"parameters {sorted(params)} do not match the statement's {sorted(compiled.bind_processors)}"
            )
        values = {}
        for name, value in given.items():
            process = compiled.bind_processors[name]
            values[name] = process(value) if process is not None and value is not None else value
        args: Any = values if compiled.positional is None else [values[n] for n in compiled.positional]
        try:
            fetched = reader.cursor.execute(compiled.sql, args).fetchall()
        except reader.dialect.loaded_dbapi.Error as exc:
            raise _sqlalchemy_error(exc, reader.dialect, compiled.sql, args, reader.connection) from exc
        converted = compiled.converted_columns
        if not converted:
            return [self.row_type._make(row) for row in fetched]
        rows = []
        for row in fetched:
            cells = list(row)
            for index, process in converted:
                cells[index] = process(cells[index])
            rows.append(self.row_type._make(cells))
        return rows


@dataclass(frozen=True)
class ReadCursor:
    cursor: Any
    dialect: Dialect
    connection: PoolProxiedConnection


def _sqlalchemy_error(
    exc: DBAPIModule.Error,
    dialect: Dialect,
    statement: str,
    params: Any = None,
    connection: PoolProxiedConnection | None = None,
) -> DBAPIError | DatabaseUnavailable:
    """The DBAPIError subclass Connection.execute would raise for this driver error; a lost
    connection is invalidated (the pool opens a fresh one next time) and said so in the error."""
    raw = connection.dbapi_connection if connection is not None else None
    lost = dialect.is_disconnect(exc, raw, None)
    if lost and connection is not None:
        connection.invalidate(exc)
    # ``exc`` is an instance of the driver's Error, so ``instance`` makes a DBAPIError of it (its
    # overloads only promise a StatementError).
    error = cast(
        DBAPIError,
        DBAPIError.instance(
            statement, params, exc, dialect.loaded_dbapi.Error, connection_invalidated=lost, dialect=dialect
        ),
    )
    return unavailable(error) or error  # as the engine's handle_error hook does (errors.py)


@contextmanager
def read_cursor(engine: Engine) -> Iterator[ReadCursor]:
    """A pooled connection's DBAPI cursor inside one read transaction, rolled back after."""
    dialect = engine.dialect
    try:
        connection = engine.raw_connection()
    except dialect.loaded_dbapi.Error as exc:
        raise _sqlalchemy_error(exc, dialect, "-- pool checkout") from exc
    try:
        try:
            cursor = connection.cursor()
            if dialect.name == "sqlite":
                # The engine runs pysqlite in autocommit mode and begins transactions itself
                # (db/engine.py); one BEGIN keeps the reads below on one snapshot.
                cursor.execute("BEGIN")
        except dialect.loaded_dbapi.Error as exc:
            raise _sqlalchemy_error(exc, dialect, "BEGIN", connection=connection) from exc
        try:
            yield ReadCursor(cursor, dialect, connection)
        finally:
            if connection.is_valid:
                cursor.close()
    finally:
        # A lost connection was invalidated and has nothing to roll back; the error that lost
        # it is the one the caller sees.
        if connection.is_valid:
            connection.rollback()
        connection.close()
