"""SQLite's planner statistics are kept current at open, committed, and closing runs nothing (issue 11:
the close used to run PRAGMA optimize inside a transaction it rolled back, so every command and every
exit analysed the whole file again)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import event
from testdata import NODE

from counter_app.db.database import Database


def stat_rows(file: Path) -> int:
    """sqlite_stat1's rows as another connection (another process) sees them."""
    with sqlite3.connect(file) as raw:
        if not raw.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
            return 0
        return raw.execute("SELECT count(*) FROM sqlite_stat1").fetchone()[0]


def test_given_a_database_opened_then_its_statistics_persist_for_other_connections(
    tmp_path: Path, sqlite_template: Path
) -> None:
    file = tmp_path / "counter.sqlite3"
    shutil.copy(sqlite_template, file)
    with sqlite3.connect(file) as raw:  # a file without statistics, as older versions left them
        raw.execute("DROP TABLE IF EXISTS sqlite_stat1")
    assert stat_rows(file) == 0

    db = Database.open(f"sqlite:///{file}", NODE)
    assert stat_rows(file) > 0  # committed at open, not thrown away
    db.close()
    assert stat_rows(file) > 0


def test_given_a_database_when_closed_then_no_statement_runs(sqlite_db: Database) -> None:
    statements: list[str] = []
    event.listen(sqlite_db.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    with sqlite_db.read() as session:  # a pooled connection that close() must merely drop
        session.connection()
    statements.clear()
    sqlite_db.close()
    assert statements == []  # no PRAGMA optimize, no ANALYZE: closing costs nothing


def test_given_current_statistics_when_opened_again_then_no_analyze_statement_is_needed(
    tmp_path: Path, sqlite_template: Path
) -> None:
    file = tmp_path / "counter.sqlite3"
    shutil.copy(sqlite_template, file)
    Database.open(f"sqlite:///{file}", NODE).close()
    with sqlite3.connect(file) as raw:
        before = raw.execute("SELECT tbl, idx, stat FROM sqlite_stat1 ORDER BY tbl, idx").fetchall()
    Database.open(f"sqlite:///{file}", NODE).close()
    with sqlite3.connect(file) as raw:
        after = raw.execute("SELECT tbl, idx, stat FROM sqlite_stat1 ORDER BY tbl, idx").fetchall()
    assert after == before and before  # nothing changed: the statistics were kept, not redone
