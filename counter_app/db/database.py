"""A handle on one database: engines, sessions and the workstation's node id."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from counter_app.db.engine import database_label, make_engine, sqlite_file_of, writer
from counter_app.db.migrate import upgrade
from counter_app.domain.errors import UserError

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
    def open(cls, url: str, node_id: str, backup_dir: Path | None = None, migrate: bool = True) -> Database:
        """Open (and by default migrate) the database at ``url``."""
        engine = make_engine(url)
        db = cls(url=url, node_id=node_id, engine=engine, backup_dir=backup_dir)
        if migrate:
            try:
                upgrade(engine, backup_dir)
            except DBAPIError as exc:
                engine.dispose()
                if isinstance(exc.orig, sqlite3.DatabaseError) and "not a database" in str(exc.orig):
                    raise UserError(
                        f"Tệp {db.label} không phải là cơ sở dữ liệu (hoặc đã hỏng). Hãy chọn đúng tệp "
                        "dữ liệu, hoặc khôi phục từ một bản sao lưu trong thư mục backups."
                    ) from exc
                # Unreachable server, refused login, a migration the data does not allow…: one line,
                # nothing changed (a failed migration is rolled back; SQLite was backed up first).
                raise UserError(f"Không mở được cơ sở dữ liệu {db.label}: {exc.orig}") from exc
            db.refresh_statistics()
        return db

    def refresh_statistics(self) -> None:
        """Keep SQLite's planner statistics (sqlite_stat1) current at a bounded cost, at open.

        SQLite's advice for applications: ``PRAGMA optimize=0x10002`` when a connection opens (and a
        sampled ANALYZE when the file has no statistics yet, which older SQLite leaves alone), with
        ``analysis_limit`` so that ANALYZE samples each index instead of reading the whole table —
        milliseconds at a million dossiers, and nothing at all while the statistics are current. It
        is committed (``engine.begin``): run inside a transaction that is then rolled back, the
        statistics were thrown away and the next run analysed the whole file again (issue 11: the
        close used to do that, 3–9 s at 1M dossiers, on every command and every exit). Best effort:
        a read-only or busy file keeps the statistics it has.
        """
        file = sqlite_file_of(self.url)
        if self.dialect != "sqlite" or file is None or not file.exists():
            return
        try:
            with self.engine.begin() as conn:
                conn.exec_driver_sql(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
                has_statistics = (
                    conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first()
                    is not None
                    and conn.exec_driver_sql("SELECT 1 FROM sqlite_stat1 LIMIT 1").first()
                )
                if not has_statistics:
                    # Before SQLite 3.46 the optimize below only looks at what this connection has
                    # queried (nothing yet): a file without statistics gets them here, sampled.
                    conn.exec_driver_sql("ANALYZE")
                conn.exec_driver_sql("PRAGMA optimize=0x10002")
        except DBAPIError as exc:
            log.info("PRAGMA optimize skipped: %s", exc.orig)

    @property
    def label(self) -> str:
        return database_label(self.url)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work; closing it ends the transaction without expiring the
        objects read, so plain data can be taken out of it."""
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed if the block ends normally, rolled back on any error.

        On SQLite it begins with BEGIN IMMEDIATE so read-then-write sequences (the daily
        number, the event chain head) are serialised between processes.
        """
        with Session(writer(self.engine), expire_on_commit=False) as session, session.begin():
            yield session

    def close(self) -> None:
        """Close every connection; nothing else (the statistics are kept current at open)."""
        self.engine.dispose()
