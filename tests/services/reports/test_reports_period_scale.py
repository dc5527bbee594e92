"""The period report against a brute-force count in Python, on demo histories of several years.

``expected`` below reads every dossier and every withdraw / stop event and applies the counting rules
of ``period.py`` / ``common.py`` row by row, with none of the report's SQL: the report, whichever way it
reads the dossiers (rowid ranges in parallel, the receipt-date index, the carried-over ones found
through three indexes or read with the whole history), must give these very numbers — for periods
crossing the edges of the data and of each other, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import random
import shutil
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import asdict
from datetime import UTC, date, datetime, time, timedelta

import pytest
from report_fixture import build
from sqlalchemy import event, select
from testdata import MONDAY_9AM, NODE, TZ

from counter_app.db.database import Database
from counter_app.db.models import Dossier, Event, Office
from counter_app.services.demo import generate_dossiers
from counter_app.services.offices import calendar_for, find_actor
from counter_app.services.reports import ReportFilters, period_report, period_sql
from counter_app.services.reports.sqlkit import day_ranges, rowid_ranges

# Each period crosses something: the whole history; the last year; one year in the middle of the
# history (history after it too); a month; a week astride a month; one day; a period running past
# the last receipt; one before any receipt.
PERIODS = [
    (date(2023, 1, 1), date(2026, 12, 31)),
    (date(2025, 11, 24), date(2026, 11, 23)),
    (date(2025, 1, 1), date(2025, 12, 31)),
    (date(2026, 3, 1), date(2026, 3, 31)),
    (date(2026, 4, 27), date(2026, 5, 3)),
    (date(2026, 11, 20), date(2026, 11, 20)),
    (date(2026, 11, 1), date(2026, 12, 31)),
    (date(2020, 1, 1), date(2020, 12, 31)),
]
COUNTED = (
    "received_online",
    "received_direct_postal",
    "carried_over",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "resolved_late_with_apology",
    "withdrawn",
    "stopped",
    "in_progress_within_term",
    "in_progress_overdue",
    "refused",
    "cancelled",
)


def _utc(value: datetime | None) -> datetime | None:
    return None if value is None else value.astimezone(UTC)


def expected(db: Database, first: date, last: date, by: str = "field") -> dict[object, Counter[str]]:
    """Per row key, the report's columns, counted in Python over every dossier (module docstring)."""
    start = datetime.combine(first, time(0), TZ).astimezone(UTC)
    end = datetime.combine(last + timedelta(days=1), time(0), TZ).astimezone(UTC)
    with db.read() as session:
        dossiers = session.execute(select(Dossier)).scalars().all()
        endings = dict(
            session.execute(
                select(Event.dossier_id, Event.occurred_at).where(Event.kind.in_(("withdraw", "stop")))
            ).all()
        )
    out: dict[object, Counter[str]] = defaultdict(Counter)
    for d in dossiers:
        if d.status == "new" or d.received_local_date > last:
            continue
        row = out[d.field_id if by == "field" else d.current_unit_id]
        received_in_period = d.received_local_date >= first
        if d.status in ("cancelled", "refused"):
            if received_in_period:
                row["cancelled" if d.status == "cancelled" else "refused"] += 1
            continue
        ended = d.status in ("withdrawn", "stopped")
        if d.resolved_at is not None:
            closed: datetime | None = _utc(d.resolved_at)
        elif ended:  # without its event: closed before any period
            closed = _utc(endings.get(d.id)) or datetime.min.replace(tzinfo=UTC)
        else:
            closed = None
        if received_in_period:
            row["received_online" if d.channel == "online" else "received_direct_postal"] += 1
        elif closed is None or closed >= start:
            row["carried_over"] += 1
        else:
            continue  # closed before the period
        if closed is not None and start <= closed < end:
            if d.resolved_at is not None:
                if d.outcome == "late":  # late with apology: a part of late
                    row["resolved_late"] += 1
                    row["resolved_late_with_apology"] += d.apology_count > 0
                else:
                    row["resolved_on_time" if d.outcome == "on_time" else "resolved_early"] += 1
            else:
                row["withdrawn" if d.status == "withdrawn" else "stopped"] += 1
        elif closed is None or closed >= end:
            waiting = d.waiting_since is not None and _utc(d.waiting_since) < end  # type: ignore[operator]
            overdue = d.legal_due_at is not None and _utc(d.legal_due_at) < end and not waiting  # type: ignore[operator]
            row["in_progress_overdue" if overdue else "in_progress_within_term"] += 1
    return {k: c for k, c in out.items() if any(c.values())}


def expected_days(db: Database, first: date, last: date) -> dict[object, list[float]]:
    """Per field, the working days from receipt to resolution of the population resolved in the
    period, with the office calendar's own day-by-day walk."""
    start = datetime.combine(first, time(0), TZ).astimezone(UTC)
    end = datetime.combine(last + timedelta(days=1), time(0), TZ).astimezone(UTC)
    with db.read() as session:
        calendar = calendar_for(session, session.execute(select(Office)).scalar_one())
        rows = session.execute(
            select(Dossier.field_id, Dossier.received_at, Dossier.resolved_at).where(
                Dossier.resolved_at >= start,
                Dossier.resolved_at < end,
                Dossier.status.not_in(("cancelled", "refused", "new")),
                Dossier.received_local_date <= last,
            )
        ).all()
    out: dict[object, list[float]] = defaultdict(list)
    for field_id, received_at, resolved_at in rows:
        out[field_id].append(
            calendar.working_time_between(received_at, resolved_at) / calendar.working_day_length()
        )
    return out


def columns(report) -> dict[object, Counter[str]]:  # type: ignore[no-untyped-def]
    return {
        r.id: Counter({c: v for c, v in asdict(r).items() if c in COUNTED and v})
        for r in report.rows
        if any(getattr(r, c) for c in COUNTED)
    }


@pytest.fixture
def history(db: Database) -> Database:
    """Three years of demo dossiers (every status), with the hand-built fixture's dossiers written
    first: their rowids come before three years of older receipts (out of receipt order)."""
    build(db)
    generate_dossiers(db, 900, now=MONDAY_9AM, years=3, seed=11)
    return db


def test_period_report_matches_a_count_in_python(history: Database) -> None:
    boss = find_actor(history, "lanhdao")
    for first, last in PERIODS:
        for by in ("field", "unit"):
            report = period_report(history, boss, first, last, by=by)
            wanted = expected(history, first, last, by)
            assert columns(report) == wanted, (first, last, by)
            total = sum(wanted.values(), Counter())
            assert report.total.carried_over == total["carried_over"]
            for r in (*report.rows, report.total):
                assert r.to_process == r.resolved + r.withdrawn + r.stopped + r.in_progress
        # The average processing time (exact at this size), per field as the calendar walks it.
        report = period_report(history, boss, first, last)
        days = expected_days(history, first, last)
        assert report.processing_exact
        for r in report.rows:
            mine = days.get(r.id, [])
            assert r.processing_sample == len(mine) == r.resolved, (first, last, r.label)
            assert r.avg_processing_days == (pytest.approx(sum(mine) / len(mine)) if mine else None)


@pytest.fixture
def plans(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, object]]:
    """Ways of reading the period, each forced by the knobs of ``period_sql``."""
    real = period_sql.rowid_ranges

    def spread_out(spans, parts):  # type: ignore[no-untyped-def]  # every day wider than the typical one
        return real(spans, parts, spread=0, slack=0, most=10_000)

    yield {
        "parallel": lambda: (
            monkeypatch.setattr(period_sql, "PARALLEL_MIN_ROWS", 1),
            monkeypatch.setattr(period_sql.os, "cpu_count", lambda: 3),
        ),
        "history read": lambda: monkeypatch.setattr(period_sql, "HISTORY_READ_SHARE", 0),
        "carried through indexes": lambda: (
            monkeypatch.setattr(period_sql, "HISTORY_READ_SHARE", 10**12),
            monkeypatch.setattr(period_sql, "DAY_SEEK_COST", 10**12),
        ),
        "carried through indexes, day by day": lambda: (
            monkeypatch.setattr(period_sql, "HISTORY_READ_SHARE", 10**12),
            monkeypatch.setattr(period_sql, "DAY_SEEK_COST", 0),
        ),
        "days read through the index": lambda: monkeypatch.setattr(period_sql, "rowid_ranges", spread_out),
        "receipts scattered": lambda: monkeypatch.setattr(period_sql, "rowid_ranges", lambda s, p: None),
    }


def test_every_way_of_reading_gives_the_same_report(history: Database, plans, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    boss = find_actor(history, "lanhdao")
    wanted = {(a, z): period_report(history, boss, a, z, _plan="scan") for a, z in PERIODS}
    for name, force in plans.items():
        for covering in (True, False):
            monkeypatch.undo()
            force()
            if name != "parallel":
                plans["parallel"]()  # every way also split between readers
            if not covering:  # as when a filter reads a column the covering index lacks: rowid ranges
                monkeypatch.setattr(period_sql, "covers", lambda *_: False)
            for (first, last), report in wanted.items():
                assert period_report(history, boss, first, last) == report, (name, covering, first, last)


def _year_report_steps(db: Database) -> tuple[int, list[str]]:
    """SQLite virtual machine steps (one per 100 instructions, on every connection) of the report of
    the year ending MONDAY_9AM, and the query plans of its statements on dossiers."""
    db.engine.dispose()  # every connection from now on is counted
    counted: list[int] = []
    explained: list[str] = []

    def count(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.set_progress_handler(lambda: counted.append(1), 100)

    def explain(conn, _cursor, statement, parameters, _context, _many) -> None:  # type: ignore[no-untyped-def]
        if "dossiers" in statement and statement.lstrip().upper().startswith(("SELECT", "WITH")):
            raw = conn.connection.dbapi_connection
            explained.extend(row[-1] for row in raw.execute("EXPLAIN QUERY PLAN " + statement, parameters))

    event.listen(db.engine, "connect", count)
    boss = find_actor(db, "lanhdao")
    event.listen(db.engine, "before_cursor_execute", explain)
    report = period_report(db, boss, date(2025, 11, 24), date(2026, 11, 23))
    assert report.total.received > 350
    return len(counted), explained


def test_history_before_the_period_is_not_read(tmp_path, sqlite_template) -> None:  # type: ignore[no-untyped-def]
    """The same year's report does about the same work (SQLite virtual machine steps, not time)
    whether the database holds that year alone or four more years before it; and no statement scans
    the dossiers table."""
    steps = {}
    for years in (1, 5):
        file = tmp_path / f"{years}.sqlite3"
        shutil.copy(sqlite_template, file)
        db = Database.open(f"sqlite:///{file}", NODE)
        generate_dossiers(db, 400 * years, now=MONDAY_9AM, years=years, seed=5)
        steps[years], explained = _year_report_steps(db)
        db.close()
        assert not [p for p in explained if p.startswith(("SCAN dossiers", "SCAN c", "SCAN events"))], (
            explained
        )
        # The year's own dossiers: from the covering index alone, by receipt days.
        covering = f"USING COVERING INDEX {period_sql.COVERING_INDEX} (office_id=? AND received_local_date>?"
        assert any(covering in p for p in explained), explained
    assert steps[5] <= 1.2 * steps[1], steps


def test_rowid_ranges() -> None:
    # Days written in order: one range, cut in two equal reads.
    assert rowid_ranges([(1, 100), (101, 200), (201, 300)], 2) == ([[(1, 150)], [(151, 300)]], [])
    # A day with one dossier written much later is left out (read through the index instead).
    assert rowid_ranges([(1, 100), (101, 200), (150, 100_000)], 1) == ([[(1, 200)]], [2])
    # Far apart: two ranges, shared between the reads by length.
    assert rowid_ranges([(1, 100), (1001, 1100)], 3) == (
        [[(1, 67)], [(68, 100), (1001, 1034)], [(1035, 1100)]],
        [],
    )
    assert rowid_ranges([], 2) == ([[], []], [])
    # Receipts that do not lie together at all.
    assert rowid_ranges([(i * 1000, i * 1000) for i in range(40)], 2) is None


def test_day_ranges() -> None:
    def day(n: int) -> date:
        return date(2026, 1, 1) + timedelta(days=n)

    even = [(day(i), 10) for i in range(10)]
    # Runs of whole days, abutting, covering first..last, each near its share of the weight.
    assert day_ranges(even, day(0), day(9), 2) == [(day(0), day(4)), (day(5), day(9))]
    assert day_ranges(even, day(0), day(9), 3) == [(day(0), day(2)), (day(3), day(6)), (day(7), day(9))]
    # Days without weight (no receipts) belong to a run all the same; the period's edges too.
    assert day_ranges([(day(3), 5), (day(7), 5)], day(0), day(9), 2) == [(day(0), day(3)), (day(4), day(9))]
    # One heavy day: it cannot be cut, and no run is empty.
    assert day_ranges([(day(0), 100), (day(5), 1)], day(0), day(9), 4) == [(day(0), day(0)), (day(1), day(9))]
    assert day_ranges([(day(2), 7)], day(0), day(9), 3) == [(day(0), day(9))]
    assert day_ranges([(day(2), 7), (day(3), 1)], day(0), day(9), 3) == [(day(0), day(2)), (day(3), day(9))]
    assert day_ranges([], day(0), day(9), 2) == [(day(0), day(9))]
    assert day_ranges(even, day(0), day(9), 1) == [(day(0), day(9))]
    # Any weights: at most ``parts`` abutting runs over first..last, none weighing nothing, none
    # heavier than its share by more than one day's weight.
    rng = random.Random(7)
    for _ in range(300):
        weights = sorted(
            {day(rng.randrange(60)): rng.choice((1, 3, 50, 400)) for _ in range(rng.randrange(1, 40))}.items()
        )
        parts = rng.randrange(1, 6)
        runs = day_ranges(weights, day(0), day(59), parts)
        assert 1 <= len(runs) <= parts and runs[0][0] == day(0) and runs[-1][1] == day(59)
        assert all(
            a[1] + timedelta(days=1) == b[0] and a[0] <= a[1] for a, b in zip(runs, runs[1:], strict=False)
        )
        weighs = [sum(w for d, w in weights if a <= d <= z) for a, z in runs]
        total = sum(w for _, w in weights)
        assert all(weighs) and max(weighs) <= total / parts + max(w for _, w in weights), (
            weights,
            parts,
            runs,
        )


SAMPLED_STATISTICS = [
    ("dossiers", "ix_dossiers_applicant_id", "514188 1"),
    ("dossiers", "ix_dossiers_field_id", "460560 401"),
    ("dossiers", "ix_dossiers_field_received_at", "1134716 401 1 1"),
    ("dossiers", "ix_dossiers_office_local_date", "912384 401 401"),
    ("dossiers", "ix_dossiers_officer_received_at", "1029000 401 1 1"),
    ("dossiers", "ix_dossiers_received_at_id", "841500 1 1"),
    ("dossiers", "ix_dossiers_resolved_at", "3572100 2 2"),
    ("dossiers", "ix_dossiers_returned_at", "11748534 2"),
    ("dossiers", "ix_dossiers_status", "695952 201"),
    ("dossiers", "ix_dossiers_status_appointment", "431568 201 2"),
    ("dossiers", "ix_dossiers_status_legal_due", "431568 201 2"),
    ("dossiers", "ix_dossiers_status_received_at", "1036800 201 1 1"),
    ("dossiers", "sqlite_autoindex_dossiers_1", "514188 1"),
    ("dossiers", "sqlite_autoindex_dossiers_2", "1064672 1"),
    ("dossiers", "sqlite_autoindex_dossiers_3", "1043072 401"),
    ("events", "ix_events_dossier_id", "16290720 8"),
    ("events", "ix_events_kind_local_date", "3746934 401 16"),
    ("events", "sqlite_autoindex_events_1", "3576960 1"),
    ("events", "sqlite_autoindex_events_2", "3862400 401 1"),
]


def _plans_of(db: Database, call) -> list[str]:  # type: ignore[no-untyped-def]
    """EXPLAIN QUERY PLAN of every statement ``call`` runs on dossiers or events."""
    statements: list[tuple[str, object]] = []

    def grab(_conn, _cursor, statement, parameters, _context, _many) -> None:  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith(("SELECT", "WITH")) and (
            "dossiers" in statement or "events" in statement
        ):
            statements.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", grab)
    try:
        call()
    finally:
        event.remove(db.engine, "before_cursor_execute", grab)
    with db.engine.connect() as conn:
        return [d for s, p in statements for *_, d in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + s, p)]  # type: ignore[arg-type]


def test_reports_search_and_never_scan_even_with_sampled_statistics(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the planner statistics a working file has (ANALYZE sampling a few hundred rows: they
    once led SQLite to scan the whole table for the average processing time, and to skip-scan a
    status index for the end-of-day lists), every statement of the reports reads dossiers and events
    through an index range or a list of rowids."""
    from counter_app.services.reports import due_soon_list, end_of_day, overdue_list
    from counter_app.services.reports.per_day import daily_counts

    generate_dossiers(sqlite_db, 900, now=MONDAY_9AM, years=3, seed=3)
    monkeypatch.setattr(period_sql, "PROCESSING_LIMIT", 50)  # the average on a sample: 200 windows
    with sqlite_db.engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA analysis_limit=400")
        conn.exec_driver_sql("ANALYZE")
        # The statistics such an ANALYZE left in a file of 1,000,000 dossiers over 5 years (where the
        # unhinted plans took 10 s for the average and 2 s for the end of day's lists).
        conn.exec_driver_sql("DELETE FROM sqlite_stat1 WHERE tbl IN ('dossiers', 'events')")
        for table, index, stat in SAMPLED_STATISTICS:
            conn.exec_driver_sql("INSERT INTO sqlite_stat1 VALUES (?, ?, ?)", (table, index, stat))
        conn.exec_driver_sql("ANALYZE sqlite_schema")  # (reloads them)
    sqlite_db.engine.dispose()
    boss = find_actor(sqlite_db, "lanhdao")
    day = date(2026, 11, 20)
    at = datetime.combine(day, time(17), TZ)
    with sqlite_db.read() as session:
        field = session.execute(select(Dossier.field_id).where(Dossier.field_id.is_not(None))).scalar()
    calls = {
        "period": lambda: period_report(sqlite_db, boss, date(2025, 11, 21), day),
        "period, one field": lambda: period_report(
            sqlite_db, boss, date(2026, 1, 1), day, filters=ReportFilters(field_ids=(field,))
        ),
        "end of day": lambda: end_of_day(sqlite_db, boss, day),
        "overdue": lambda: overdue_list(sqlite_db, boss, at),
        "due soon": lambda: due_soon_list(sqlite_db, boss, at, 3),
        "days": lambda: daily_counts(sqlite_db, boss, date(2026, 10, 1), day),
    }
    for name, call in calls.items():
        plans = _plans_of(sqlite_db, call)
        assert plans, name
        scans = [
            p for p in plans if p.startswith("SCAN ") and p.split()[1] in ("dossiers", "events", "c", "o")
        ]
        assert not scans and not [p for p in plans if "ANY(" in p], (name, plans)
