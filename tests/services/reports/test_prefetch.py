"""The end of day reads its list lines' rows ahead, in parallel (services/reports/prefetch.py).

Reading ahead only fills the page cache: the report must be the same with it and without it, and it
must really have read the lines' dossiers (SQLite), or nothing (PostgreSQL: the server reads).
"""

from __future__ import annotations

import importlib
import logging
import threading
from datetime import date

import pytest
from report_fixture import build
from sqlalchemy import bindparam, func, literal_column, select

from counter_app.db.database import Database
from counter_app.db.tables import dossiers
from counter_app.services.reports import end_of_day, prefetch

THURSDAY = date(2026, 12, 3)
# The module (the package exports its function under the same name).
END_OF_DAY = importlib.import_module("counter_app.services.reports.end_of_day")


def _report_with(monkeypatch: pytest.MonkeyPatch, db: Database, h, min_rows: int) -> tuple[object, list[int]]:  # type: ignore[no-untyped-def]
    read: list[int] = []

    def counted(db_: Database, session, rowids) -> int:  # type: ignore[no-untyped-def]
        read.append(prefetch.prefetch_dossiers(db_, session, rowids))
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
    else:  # the server reads its own pages: nothing read ahead
        assert read_ahead == read_plain == [0]


def test_given_too_few_or_too_many_rows_then_nothing_is_read_ahead(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(db)
    every = select(literal_column("rowid" if db.dialect == "sqlite" else "1")).select_from(dossiers)
    with db.read() as session:
        count = session.execute(select(func.count()).select_from(dossiers)).scalar_one()
        monkeypatch.setattr(prefetch, "MIN_ROWS", count + 1)
        assert prefetch.prefetch_dossiers(db, session, every) == 0
        monkeypatch.setattr(prefetch, "MIN_ROWS", 1)
        monkeypatch.setattr(prefetch, "MAX_ROWS", count - 1)
        assert prefetch.prefetch_dossiers(db, session, every) == 0
        monkeypatch.setattr(prefetch, "MAX_ROWS", count)
        monkeypatch.setattr(prefetch, "PER_STATEMENT", 3)  # several statements per reader
        assert prefetch.prefetch_dossiers(db, session, every) == (count if db.dialect == "sqlite" else 0)


@pytest.mark.parametrize("failure", ["no connection to be had", "a statement that fails"])
def test_given_readers_that_fail_then_the_report_still_comes(
    db: Database, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, failure: str
) -> None:
    # Reading ahead only warms the cache: a part that cannot read is logged (info), and the report
    # reads its rows itself.
    if db.dialect != "sqlite":
        pytest.skip("read ahead on SQLite only")
    h = build(db)
    plain = end_of_day(db, h.supervisor, THURSDAY)
    monkeypatch.setattr(prefetch, "MIN_ROWS", 1)
    if failure == "no connection to be had":
        connect = db.engine.connect

        def busy_pool():  # type: ignore[no-untyped-def]
            if threading.current_thread() is not threading.main_thread():
                raise TimeoutError("QueuePool limit reached")
            return connect()

        monkeypatch.setattr(db.engine, "connect", busy_pool)
    else:
        broken = select(literal_column("no_such_column")).where(
            literal_column("1").in_(bindparam("rowids", expanding=True))
        )
        monkeypatch.setattr(prefetch, "_DOSSIER_AND_APPLICANT", broken)
    caplog.set_level(logging.INFO, logger="counter_app.services.reports")
    assert end_of_day(db, h.supervisor, THURSDAY) == plain
    assert "rows not read ahead" in caplog.text


def test_given_dossiers_changed_since_then_their_events_read_in_parallel_are_those_read_in_order(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The status replay of a past day's lists (dossier_lines._events_before) reads the events of the
    # dossiers changed since in parallel connections on SQLite: the same rows as one read.
    lines = importlib.import_module("counter_app.services.reports.dossier_lines")
    build(db)
    with db.read() as session:
        ids = list(session.execute(select(dossiers.c.id)).scalars())
        instant = session.execute(select(func.max(dossiers.c.received_at))).scalar_one()
        monkeypatch.setattr(prefetch, "MIN_ROWS", 10**9)
        in_order = [tuple(r) for r in lines._events_before(session, ids, instant)]
        monkeypatch.setattr(prefetch, "MIN_ROWS", 1)
        monkeypatch.setattr(lines, "_PER_STATEMENT", 2)  # several parts, several statements
        in_parallel = [tuple(r) for r in lines._events_before(session, ids, instant)]
    assert len(in_order) > len(ids) > 2
    assert sorted(in_parallel, key=str) == sorted(in_order, key=str)
