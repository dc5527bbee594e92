"""SQLite's planner statistics are kept current at open, committed, and closing runs nothing (issue 11:
the close used to run PRAGMA optimize inside a transaction it rolled back, so every command and every
exit analysed the whole file again)."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy import event
from testdata import MONDAY_9AM, NODE

from counter_app.db.database import Database
from counter_app.services.demo import ensure_demo_setup, generate_dossiers


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


def analysed_rows(file: Path, table: str) -> int | None:
    """The row count sqlite_stat1 holds for ``table`` (None: never analysed)."""
    with closing(sqlite3.connect(file)) as raw:
        stats = raw.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = ?", (table,)).fetchall()
    return max(int(stat.split()[0]) for (stat,) in stats) if stats else None


def _add_dossiers(file: Path, count: int) -> None:
    db = Database.open(f"sqlite:///{file}", NODE)
    generate_dossiers(db, count, now=MONDAY_9AM, seed=count)
    db.close()


def test_given_a_file_first_opened_empty_when_dossiers_arrive_then_the_next_open_analyses_them(
    tmp_path: Path,
) -> None:
    # SQLite 3.40's optimize never looked at dossiers here: only alembic_version had statistics.
    file = tmp_path / "counter.sqlite3"
    db = Database.open(f"sqlite:///{file}", NODE)
    ensure_demo_setup(db, now=MONDAY_9AM)
    db.close()
    _add_dossiers(file, 40)
    assert analysed_rows(file, "dossiers") is None  # the generator wrote them after the open

    Database.open(f"sqlite:///{file}", NODE).close()

    assert analysed_rows(file, "dossiers") == 40


def test_given_a_table_ten_times_bigger_than_when_analysed_then_analysed_again_at_open(
    tmp_path: Path,
) -> None:
    file = tmp_path / "counter.sqlite3"
    db = Database.open(f"sqlite:///{file}", NODE)
    ensure_demo_setup(db, now=MONDAY_9AM)
    db.close()
    _add_dossiers(file, 10)
    Database.open(f"sqlite:///{file}", NODE).close()
    assert analysed_rows(file, "dossiers") == 10
    _add_dossiers(file, 50)  # 60: six times as many, statistics kept
    Database.open(f"sqlite:///{file}", NODE).close()
    assert analysed_rows(file, "dossiers") == 10

    _add_dossiers(file, 50)  # 110: more than ten times as many

    Database.open(f"sqlite:///{file}", NODE).close()
    assert analysed_rows(file, "dossiers") == 110
