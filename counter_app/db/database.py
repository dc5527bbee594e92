"""A handle on one database: engines, sessions and the workstation's node id."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError, IntegrityError

from counter_app.db.engine import database_label, make_engine, sqlite_file_of, writer
from counter_app.db.errors import DatabaseUnavailable
from counter_app.db.migrate import upgrade
from counter_app.domain.errors import UserError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

log = logging.getLogger(__name__)
# Rows ANALYZE samples per index (SQLite suggests a few hundred): approximate statistics are enough
# for the planner, and their cost no longer grows with the history.
ANALYSIS_LIMIT = 400


@dataclass
class Database:
    url: str
    node_id: str
    engine: Engine
    backup_dir: Path | None = None

    @classmethod
    def open(
        cls,
        url: str,
        node_id: str,
        backup_dir: Path | None = None,
        migrate: bool = True,
        resolve_chain: bool = True,
    ) -> Database:
        """Open (and by default migrate) the database at ``url``. ``resolve_chain``: the
        workstation's node writes to its current chain (``chain_of``); False for a program that
        writes no event of a workstation of its own (the restore preparing a copy)."""
        engine = make_engine(url)
        db = cls(url=url, node_id=node_id, engine=engine, backup_dir=backup_dir)
        if migrate:
            try:
                upgrade(engine, backup_dir)
            except DatabaseUnavailable as exc:  # busy, read-only, unreachable server: say which database
                engine.dispose()
                raise UserError(
                    "Không mở được cơ sở dữ liệu {database}: {problem}", database=db.label, problem=exc.text
                ) from exc
            except DBAPIError as exc:
                engine.dispose()
                if isinstance(exc.orig, sqlite3.DatabaseError) and "not a database" in str(exc.orig):
                    raise UserError(
                        "Tệp {database} không phải là cơ sở dữ liệu (hoặc đã hỏng). Hãy chọn đúng tệp dữ liệu, hoặc khôi phục từ một bản sao lưu trong thư mục backups.",
                        database=db.label,
                    ) from exc
                # Unreachable server, refused login, a migration the data does not allow…: one line,
                # nothing changed (a failed migration is rolled back; SQLite was backed up first).
                raise UserError(
                    "Không mở được cơ sở dữ liệu {database}: {error}", database=db.label, error=str(exc.orig)
                ) from exc
            db.refresh_statistics()
            if resolve_chain:
                db.node_id = db.chain_of(node_id)  # migrated: the epochs' table is there
        return db

    def chain_of(self, base: str) -> str:
        """The chain the workstation's node ``base`` writes to (a new one after each restore,
        services/epochs.py): begun here when a restore came since its last one; ``base`` itself
        when the database cannot say."""
        from counter_app.db.chains import current_chain, restore_pending

        try:
            with self.connect() as conn:  # the usual case: no lock taken, no ORM imported
                if restore_pending(conn, base) is None:
                    return current_chain(conn, base)
            return self._begin_epoch(base)
        except (DBAPIError, UserError):
            log.warning("the chain of node %s could not be read; writing to it as it is", base)
            return base

    def _begin_epoch(self, base: str) -> str:
        """A restore came since the node's last epoch: begin one, under the write lock (SQLite), where
        another process may have begun it already."""
        from datetime import UTC, datetime

        from counter_app.db.chains import current_chain, restore_pending
        from counter_app.db.epochs import begin_epoch
        from counter_app.db.office_day import local_today

        try:
            with self.write() as session:
                restore = restore_pending(session, base)
                if restore is None:
                    return current_chain(session, base)
                now = datetime.now(UTC)
                return begin_epoch(
                    session, base, now, local_today(session, now), restore.restored_from
                ).chain_id
        except IntegrityError:  # PostgreSQL: the same workstation's other program began it first
            with self.connect() as conn:
                return current_chain(conn, base)

    def refresh_statistics(self) -> None:
        """Keep SQLite's planner statistics (sqlite_stat1) current at a bounded cost, at open.

        What SQLite advises applications (``PRAGMA optimize`` at open, ``analysis_limit`` so ANALYZE
        samples each index instead of reading the whole table), done table by table because SQLite
        before 3.46 — Debian 12 and Python 3.11's Windows build ship 3.40/3.45 — ignores optimize's
        0x10000 bit and only looks at tables the connection has already queried (none, at open): a
        file first opened empty then kept statistics for ``alembic_version`` alone, and its
        ``dossiers`` never got any. So: a table with rows and no statistics, or ten times the rows
        it had when last analysed (optimize's own rule), is analysed here, sampled — milliseconds
        at a million dossiers, and nothing at all while the statistics are current. It is committed
        (``engine.begin``): run inside a transaction that is then rolled back, the statistics were
        thrown away (issue 11: the close used to do that, a full ANALYZE of 3–9 s at 1M dossiers on
        every command and every exit). Best effort: a read-only or busy file keeps what it has.
        """
        file = sqlite_file_of(self.url)
        if self.dialect != "sqlite" or file is None or not file.exists():
            return
        try:
            with self.engine.begin() as conn:
                conn.exec_driver_sql(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
                for table in _tables_needing_statistics(conn):
                    conn.exec_driver_sql(f'ANALYZE "{table}"')
                conn.exec_driver_sql("PRAGMA optimize=0x10002")
        except (DBAPIError, DatabaseUnavailable) as exc:
            log.info("statistics not refreshed: %s", getattr(exc, "orig", exc))

    @property
    def label(self) -> str:
        return database_label(self.url)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A read on Core statements (``db/tables``), without the ORM: its transaction ends (rolled
        back) with the block. For the commands that read a few rows and map no object."""
        with self.engine.connect() as conn:
            yield conn

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A write on Core statements: committed if the block ends normally, rolled back on any
        error; on SQLite it takes the write lock at BEGIN, as ``write`` does."""
        with writer(self.engine).begin() as conn:
            yield conn

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work; closing it ends the transaction without expiring the
        objects read, so plain data can be taken out of it."""
        from sqlalchemy.orm import Session  # a command on Core statements alone never loads the ORM

        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def snapshot(self) -> Iterator[Session]:
        """A read-only unit of work that sees the database as it was at its first statement, for a
        reader of several tables while the counters go on writing (the verification of the event
        log): SQLite's read transaction already is one (BEGIN, in WAL mode); on PostgreSQL it takes
        REPEATABLE READ instead of the default READ COMMITTED."""
        from sqlalchemy.orm import Session

        engine = self.engine
        if self.dialect == "postgresql":
            engine = engine.execution_options(isolation_level="REPEATABLE READ")
        with Session(engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed if the block ends normally, rolled back on any error.

        On SQLite it begins with BEGIN IMMEDIATE so read-then-write sequences (the daily
        number, the event chain head) are serialised between processes.
        """
        from sqlalchemy.orm import Session

        with Session(writer(self.engine), expire_on_commit=False) as session, session.begin():
            yield session

    def close(self) -> None:
        """Close every connection; nothing else (the statistics are kept current at open)."""
        self.engine.dispose()


# ANALYZE again once a table has this many times the rows it had when last analysed.
GROWTH_FACTOR = 10


def _tables_needing_statistics(conn: Connection) -> list[str]:
    """Tables with rows and no statistics, or GROWTH_FACTOR times the rows they were analysed at.

    The row count now is ``max(rowid)``: one step down the table's b-tree, where count(*) would
    read a million rows (an estimate after deletions, which is all the rule needs)."""
    analysed: dict[str, int] = {}
    if conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first():
        for table, stat in conn.exec_driver_sql("SELECT tbl, stat FROM sqlite_stat1"):
            rows = int(str(stat).split()[0]) if stat else 0
            analysed[table] = max(analysed.get(table, 0), rows)
    names = conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).scalars()
    stale = []
    for name in list(names):
        rows_now = conn.exec_driver_sql(f'SELECT max(rowid) FROM "{name}"').scalar() or 0
        if rows_now and (name not in analysed or rows_now >= GROWTH_FACTOR * max(analysed[name], 1)):
            stale.append(name)
    return stale
