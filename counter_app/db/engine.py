"""Engine factory: SQLite pragmas and transactions, PostgreSQL, network-share refusal."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext, make_url
from sqlalchemy.exc import DBAPIError

from counter_app.db.errors import unavailable
from counter_app.domain.errors import UserError

if TYPE_CHECKING:
    import sqlite3

    from sqlalchemy.pool import ConnectionPoolEntry

SQLITE_BUSY_TIMEOUT_MS = 30_000


class NetworkShareError(UserError):
    pass


def is_network_path(path: Path) -> bool:
    """True for a UNC path or (on Windows) a mapped network drive: WAL does not work there."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if sys.platform == "win32" and len(text) >= 2 and text[1] == ":":
        import ctypes

        drive_remote = 4
        return bool(ctypes.windll.kernel32.GetDriveTypeW(f"{text[0]}:\\") == drive_remote)
    return False


def sqlite_file_of(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def make_engine(url: str) -> Engine:
    """Create the engine for ``url`` with the settings every connection must have."""
    backend = make_url(url).get_backend_name()
    if backend == "sqlite":
        engine = _sqlite_engine(url)
    elif backend == "postgresql":
        if make_url(url).drivername == "postgresql":
            url = str(make_url(url).set(drivername="postgresql+psycopg"))
        engine = create_engine(url, pool_pre_ping=True)
    else:
        raise UserError(
            "Cơ sở dữ liệu không được hỗ trợ: {backend}. Chỉ dùng SQLite hoặc PostgreSQL.", backend=backend
        )
    # A busy file or a lost server becomes a message for the user; anything else stays a bug (errors.py).
    event.listen(engine, "handle_error", _classified, retval=True)
    return engine


def _classified(context: ExceptionContext) -> BaseException | None:
    error = context.sqlalchemy_exception
    return unavailable(error) if isinstance(error, DBAPIError) else None


def _sqlite_engine(url: str) -> Engine:
    file = sqlite_file_of(url)
    if file is not None:
        if is_network_path(file):
            raise NetworkShareError(
                "Không thể mở cơ sở dữ liệu trên ổ mạng ({file}). Hãy đặt tệp dữ liệu trên ổ đĩa của máy này, hoặc dùng máy chủ PostgreSQL cho nhiều quầy.",
                file=file,
            )
        file.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        # Let SQLAlchemy's "begin" event below issue BEGIN itself (pysqlite's own handling
        # defers it and cannot do BEGIN IMMEDIATE).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        if file is not None:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        # 64 MB page cache (the 2 MB default re-reads the same pages in every report).
        cursor.execute("PRAGMA cache_size=-65536")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # Writers take the write lock up front, so a read-then-write (daily number, chain head)
        # never fails half-way with "database is locked" on upgrade.
        immediate = conn.get_execution_options().get("sqlite_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def writer(engine: Engine) -> Engine:
    """The same engine whose transactions take the SQLite write lock at BEGIN."""
    if engine.dialect.name == "sqlite":
        return engine.execution_options(sqlite_immediate=True)
    return engine


def database_label(url: str) -> str:
    """What the status bar shows: the file path, or the server and database name."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return os.fspath(parsed.database or ":memory:")
    return f"{parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database}"
