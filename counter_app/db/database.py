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
        return db

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
        file = sqlite_file_of(self.url)
        if self.dialect == "sqlite" and (file is None or file.exists()):  # never create a file on closing
            # SQLite's advice: let it refresh the planner's statistics where they went stale.
            # Best effort: a read-only or busy file keeps its statistics, the work is done.
            try:
                with self.engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA optimize")
            except DBAPIError as exc:
                log.info("PRAGMA optimize skipped: %s", exc.orig)
        self.engine.dispose()
