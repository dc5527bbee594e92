"""The end of day reads its list lines' rows ahead, in parallel (services/reports/prefetch.py).

Reading ahead only fills the page cache: the report must be the same with it and without it, and it
must really have read the lines' dossiers (SQLite), or nothing (PostgreSQL: the server reads).
"""

from __future__ import annotations

import importlib
import logging
from datetime import date

import pytest
from report_fixture import build

from counter_app.db.database import Database
from counter_app.services.reports import end_of_day, prefetch

THURSDAY = date(2026, 12, 3)
# The module (the package exports its function under the same name).
END_OF_DAY = importlib.import_module("counter_app.services.reports.end_of_day")


def _report_with(monkeypatch: pytest.MonkeyPatch, db: Database, h, min_rows: int) -> tuple[object, list[int]]:  # type: ignore[no-untyped-def]
    read: list[int] = []

    def counted(db_: Database, rowids) -> int:  # type: ignore[no-untyped-def]
        read.append(prefetch.prefetch_dossiers(db_, rowids))
        return read[-1]

    monkeypatch.setattr(prefetch, "MIN_ROWS", min_rows)
    monkeypatch.setattr(END_OF_DAY, "prefetch_dossiers", counted)
    return end_of_day(db, h.supervisor, THURSDAY), read


def test_given_lines_to_read_when_the_end_of_day_reads_them_ahead_then_the_report_is_unchanged(
    db: Database, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR, logger="counter_app")
    h = build(db)
    ahead, read_ahead = _report_with(monkeypatch, db, h, min_rows=1)
    plain, read_plain = _report_with(monkeypatch, db, h, min_rows=10**9)
    assert ahead == plain
    lines = len(plain.overdue) + len(plain.due_tomorrow)  # type: ignore[attr-defined]
    if db.dialect == "sqlite":
        # Every candidate (open and due by tomorrow's end, of every office) was read: the lines' too.
        assert read_ahead[0] >= lines > 0
        assert read_plain == [0]
    else:  # the server reads its own pages: not even asked
        assert read_ahead == read_plain == []


def test_given_too_few_or_too_many_rows_then_nothing_is_read_ahead(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    h = build(db)
    del h
    with db.connect() as conn:
        rowids = [
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT rowid FROM dossiers" if db.dialect == "sqlite" else "SELECT 1"
            )
        ]
    monkeypatch.setattr(prefetch, "MIN_ROWS", len(rowids) + 1)
    assert prefetch.prefetch_dossiers(db, rowids) == 0
    monkeypatch.setattr(prefetch, "MIN_ROWS", 1)
    monkeypatch.setattr(prefetch, "MAX_ROWS", len(rowids) - 1)
    assert prefetch.prefetch_dossiers(db, rowids) == 0
    monkeypatch.setattr(prefetch, "MAX_ROWS", len(rowids))
    expected = len(rowids) if db.dialect == "sqlite" else 0
    assert prefetch.prefetch_dossiers(db, rowids) == expected
