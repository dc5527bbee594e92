"""SQLite reads the dossiers received in the period from ix_dossiers_period_covering when that index
holds every column the report's statements read — by field or by unit, filtered by field or unit —
split between the readers by ranges of receipt days; a filter on a column the index lacks (the
procedure, the officer) keeps the rowid ranges. Either way the numbers are the reference ``scan``
plan's, which classifies every dossier received up to the period's end in one statement.
"""

from __future__ import annotations

import uuid
from datetime import date
from functools import partial

import pytest
from report_fixture import A, build
from sqlalchemy import event, select
from testdata import MONDAY_9AM

from counter_app.db.database import Database
from counter_app.db.models import Agency, Dossier, User
from counter_app.services.demo import generate_dossiers
from counter_app.services.offices import find_actor
from counter_app.services.reports import ReportFilters, period_report, period_sql
from counter_app.services.reports.period_sql import Bounds, covers

HINT = f"INDEXED BY {period_sql.COVERING_INDEX}"
# EXPLAIN QUERY PLAN of a read of the period's own dossiers from the index alone.
COVERING_READ = (
    f"SEARCH dossiers USING COVERING INDEX {period_sql.COVERING_INDEX} "
    "(office_id=? AND received_local_date>? AND received_local_date<?)"
)
ROWID_RANGE = "SEARCH dossiers USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)"
PERIODS = [
    (date(2025, 11, 24), date(2026, 11, 23)),  # a year, with two years of history before it
    (date(2026, 3, 1), date(2026, 3, 31)),
    (date(2023, 1, 1), date(2026, 12, 31)),  # every dossier
]


@pytest.fixture
def history(sqlite_db: Database) -> Database:
    build(sqlite_db)
    generate_dossiers(sqlite_db, 900, now=MONDAY_9AM, years=3, seed=11)
    return sqlite_db


def _run(db: Database, call) -> tuple[object, list[str], list[str]]:  # type: ignore[no-untyped-def]
    """What ``call`` returns, the statements it ran on dossiers, and their query plans."""
    statements: list[tuple[str, object]] = []

    def grab(_conn, _cursor, statement, parameters, _context, _many) -> None:  # type: ignore[no-untyped-def]
        if "dossiers" in statement and statement.lstrip().upper().startswith(("SELECT", "WITH")):
            statements.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", grab)
    try:
        result = call()
    finally:
        event.remove(db.engine, "before_cursor_execute", grab)
    with db.engine.connect() as conn:
        plans = [d for s, p in statements for *_, d in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + s, p)]  # type: ignore[arg-type]
    return result, [s for s, _ in statements], plans


def _choices(db: Database) -> dict[str, dict[str, object]]:
    with db.read() as session:
        field = session.execute(select(Dossier.field_id).where(Dossier.field_id.is_not(None))).scalar()
        unit = session.execute(select(Agency.id).where(Agency.code == "SNV")).scalar_one()
        officer = session.execute(select(User.id).where(User.username == "canbo2")).scalar_one()
    return {
        "covered": {
            "by field": {},
            "by unit": {"by": "unit"},
            "one field": {"filters": ReportFilters(field_ids=(field,))},
            "one unit, by unit": {"filters": ReportFilters(unit_ids=(unit,)), "by": "unit"},
        },
        "not covered": {
            "one procedure": {"filters": ReportFilters(procedure_codes=(A,))},  # procedure_version_id
            "one officer": {"filters": ReportFilters(officer_ids=(officer,))},  # received_by_id
            "one procedure and one field": {
                "filters": ReportFilters(procedure_codes=(A,), field_ids=(field,))
            },
        },
    }


@pytest.mark.parametrize("readers", [1, 2, 3])
def test_the_covering_index_is_read_when_it_holds_every_column(
    history: Database, monkeypatch: pytest.MonkeyPatch, readers: int
) -> None:
    monkeypatch.setattr(period_sql, "PARALLEL_MIN_ROWS", 1)
    monkeypatch.setattr(period_sql.os, "cpu_count", lambda: readers)
    boss = find_actor(history, "lanhdao")
    for name, kwargs in _choices(history)["covered"].items():
        for first, last in PERIODS:
            report, statements, plans = _run(
                history, partial(period_report, history, boss, first, last, **kwargs)
            )
            assert report == period_report(history, boss, first, last, _plan="scan", **kwargs), (name, first)
            # One statement per reader, each a range of receipt days of the index alone; no rowid range.
            assert len([s for s in statements if HINT in s]) >= readers, (name, first)
            assert plans.count(COVERING_READ) == readers, (name, first, plans)
            assert ROWID_RANGE not in plans and not [p for p in plans if p.startswith("SCAN dossiers")], plans


def test_a_filter_on_a_column_the_index_lacks_keeps_the_rowid_ranges(
    history: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(period_sql, "PARALLEL_MIN_ROWS", 1)
    monkeypatch.setattr(period_sql.os, "cpu_count", lambda: 2)
    boss = find_actor(history, "lanhdao")
    for name, kwargs in _choices(history)["not covered"].items():
        for first, last in PERIODS:
            report, statements, plans = _run(
                history, partial(period_report, history, boss, first, last, **kwargs)
            )
            assert report == period_report(history, boss, first, last, _plan="scan", **kwargs), (name, first)
            assert not [s for s in statements if HINT in s], name
            assert plans.count(ROWID_RANGE) >= 2 and not [
                p for p in plans if "COVERING INDEX" in p and "period" in p
            ]


def test_the_dossiers_before_a_short_history_are_read_from_the_covering_index_too(
    history: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With few dossiers written before the period, those received before it are all read and
    classified: from the covering index as well when it holds every column."""
    monkeypatch.setattr(period_sql, "HISTORY_READ_SHARE", 0)
    boss = find_actor(history, "lanhdao")
    first, last = PERIODS[0]
    report, _, plans = _run(history, lambda: period_report(history, boss, first, last))
    assert report == period_report(history, boss, first, last, _plan="scan")
    before = f"SEARCH dossiers USING COVERING INDEX {period_sql.COVERING_INDEX} (office_id=? AND received_local_date<?)"
    assert plans.count(before) == 1 and plans.count(COVERING_READ) == 1, plans


def test_which_columns_the_index_covers() -> None:
    some = uuid.UUID(int=1)
    b = Bounds(date(2026, 1, 1), date(2026, 1, 31), MONDAY_9AM, MONDAY_9AM, (some,), restrict=True)
    assert covers(Dossier.field_id, b, [])
    assert covers(Dossier.current_unit_id, b, [Dossier.field_id.in_([some])])
    assert covers(Dossier.field_id, b, [Dossier.current_unit_id.in_([some])])
    assert not covers(Dossier.field_id, b, [Dossier.procedure_version_id.in_([some])])
    assert not covers(Dossier.field_id, b, [Dossier.received_by_id.in_([some])])
    assert not covers(Dossier.procedure_version_id, b, [])
