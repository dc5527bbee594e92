"""The period report's SQL: one classification code per dossier, counted per (row key, code).

Each dossier gets a small integer ``code`` in SQL (``classify``) and the database only counts
``GROUP BY key, code``; ``period.py`` turns the (key, code, count) triples into the report's columns.

    code = 101 / 111               cancelled / refused, numbered in the period (100 / 110: before it)
    code = 16 × receipt + closing  every other dossier received up to the period's end
    receipt:  0 before the period · 1 in the period online · 2 in the period direct or postal
    closing:  0 closed before the period · 1 early · 2 on time · 3 late · 4 late with apology
              (resolved in the period) · 5 withdrawn · 6 stopped (in the period)
              · 7 open at the end, within term · 8 open at the end, overdue

Two plans give the same counts: ``scan`` reads the whole table once (long periods; on SQLite split by
rowid into parallel read transactions, one per CPU, because SQLite neither hashes aggregates nor scans
in parallel), ``index`` first narrows to candidate rows through the indexes (periods that are short
compared with the data kept).
"""

from __future__ import annotations

import os
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, String, and_, case, func, literal_column, or_, select, type_coerce
from sqlalchemy.orm import Session

from counter_app.db.database import Database
from counter_app.db.models import Agency, Dossier, Field
from counter_app.services.reports.clock import sample_windows
from counter_app.services.reports.common import (
    ENDED,
    OPEN,
    ended_since,
    not_waiting,
)
from counter_app.services.reports.sqlkit import UuidReader, no_index, read_instant

CANCELLED_IN_PERIOD, REFUSED_IN_PERIOD = 101, 111
# Outcome of a resolved dossier as its closing code and as recorded (an unknown one counts as early).
CLOSING_OUTCOME = {1: "early", 2: "on_time", 3: "late", 4: "late"}
OUTCOME_CLASS = {"early": "early", "on_time": "on_time", "late": "late"}
# Below this many rows a SQLite scan is not worth splitting.
PARALLEL_MIN_ROWS = 200_000
MAX_PARTS = 4
# Periods whose start leaves at most this share of the data after it use the "index" plan.
INDEX_PLAN_SHARE = 0.05
# Average processing time: exact up to this many resolved dossiers, else estimated on about as many.
PROCESSING_LIMIT = 10_000
SAMPLE_WINDOWS = 200
WINDOWS_PER_QUERY = 100
# Up to this many row keys a plain CASE maps a key to its number; beyond, a binary search of CASEs.
LINEAR_KEYS = 16


@dataclass(frozen=True)
class Bounds:
    """One time zone group's period: local days first..last = UTC [start, end)."""

    first: date
    last: date
    start: datetime
    end: datetime
    office_ids: tuple[uuid.UUID, ...]  # the group's offices
    restrict: bool  # whether the office condition is needed (False: the group is the whole database)

    def office_condition(self) -> list[ColumnElement[bool]]:
        # Not through the (office, date) index: the scan and the resolution windows drive these queries.
        return [no_index(Dossier.office_id).in_(self.office_ids)] if self.restrict else []


def classify(b: Bounds) -> ColumnElement[int]:
    """The classification code of a dossier (module docstring)."""
    in_period = case((Dossier.received_local_date >= b.first, 1), else_=0)
    receipt = case((Dossier.received_local_date < b.first, 0), (Dossier.channel == "online", 16), else_=32)
    still_open = case((and_(Dossier.legal_due_at < b.end, not_waiting(b.end)), 8), else_=7)
    resolved = case(
        (Dossier.resolved_at < b.start, 0),
        (Dossier.resolved_at >= b.end, still_open),
        (Dossier.outcome == "late", case((Dossier.apology_count > 0, 4), else_=3)),
        (Dossier.outcome == "on_time", 2),
        else_=1,  # early, or resolved without an appointment
    )
    ended_in_period = case((Dossier.status == "withdrawn", 5), else_=6)
    ended = case(
        (Dossier.id.in_(ended_since(b.end)), still_open),
        # Received in the period, so closed in it: the (large) list of closings since the start is
        # only built for dossiers received before the period.
        (Dossier.received_local_date >= b.first, ended_in_period),
        (Dossier.id.in_(ended_since(b.start)), ended_in_period),
        else_=0,
    )
    closing = case(
        (Dossier.resolved_at.is_not(None), resolved),
        (Dossier.status.in_(ENDED), ended),
        else_=still_open,
    )
    return case(
        (Dossier.status == "cancelled", 100 + in_period),
        (Dossier.status == "refused", 110 + in_period),
        else_=receipt + closing,
    )


def _candidates(b: Bounds) -> ColumnElement[bool]:
    """Every dossier that can have a non-zero code, each arm through its own index (no status test
    on the last two: SQLite would then walk the status index over every resolved dossier)."""
    return or_(
        and_(Dossier.office_id.in_(b.office_ids), Dossier.received_local_date >= b.first),
        Dossier.status.in_(OPEN),
        Dossier.resolved_at >= b.start,
        Dossier.id.in_(ended_since(b.start)),
    )


def _key_number(key: ColumnElement[object], ids: list[uuid.UUID], offset: int = 0) -> ColumnElement[int]:
    """1 + the position of the key's value in ``ids`` (sorted as stored), 0 for NULL or unknown.

    SQLite groups by sorting: sorting a million small integers costs a fraction of sorting a million
    32-character ids, and a CASE (a binary search for long lists) is cheaper than the difference."""
    if len(ids) <= LINEAR_KEYS:
        return case({value: offset + i + 1 for i, value in enumerate(ids)}, value=key, else_=0)
    mid = len(ids) // 2
    return case(
        (key < ids[mid], _key_number(key, ids[:mid], offset)),
        else_=_key_number(key, ids[mid:], offset + mid),
    )


def _query(db: Database, key: ColumnElement[object], b: Bounds, where: list[ColumnElement[bool]], ids):  # type: ignore[no-untyped-def]
    code = classify(b)
    if ids is not None:  # SQLite: one integer per (key, code)
        code = _key_number(key, ids) * 128 + code
        key = literal_column("0")
    inner = select(key.label("key"), code.label("code")).where(
        Dossier.received_local_date <= b.last, Dossier.status != "new", *b.office_condition(), *where
    )
    if db.dialect == "sqlite":
        # A LIMIT keeps SQLite from flattening the subquery: the code is computed once per row in a
        # co-routine and a plain table scan feeds it.
        inner = inner.limit(-1)
    sub = inner.subquery()
    return select(sub.c.key, sub.c.code, func.count()).group_by(sub.c.key, sub.c.code)


def _key_ids(db: Database, session: Session, key: ColumnElement[object]) -> list[uuid.UUID] | None:
    """Every possible value of the row key, sorted as SQLite stores them (None: not needed)."""
    if db.dialect != "sqlite":
        return None
    model = Field if key is Dossier.field_id else Agency
    return sorted(session.execute(select(model.id)).scalars(), key=lambda i: i.hex)


def _decode(rows, ids: list[uuid.UUID] | None) -> Counter[tuple[object, int]]:  # type: ignore[no-untyped-def]
    out: Counter[tuple[object, int]] = Counter()
    for k, code, n in rows:
        if ids is not None:
            number, code = divmod(code, 128)
            k = ids[number - 1] if number else None
        out[(k, code)] += n
    return out


def choose_plan(session: Session, b: Bounds) -> str:
    """``index`` when the period starts late in the data kept, else ``scan``."""
    lows, highs = [], []
    for office_id in b.office_ids:
        # One aggregate per query: SQLite then reads min / max straight from the (office, date) index.
        low, high = (
            session.execute(
                select(func.min(Dossier.received_local_date)).where(Dossier.office_id == office_id)
            ).scalar(),
            session.execute(
                select(func.max(Dossier.received_local_date)).where(Dossier.office_id == office_id)
            ).scalar(),
        )
        if low is not None and high is not None:
            lows.append(low)
            highs.append(high)
    if not lows:
        return "index"
    low, high = min(lows), max(highs)
    share = max((high - b.first).days + 1, 0) / ((high - low).days + 1)
    return "index" if share <= INDEX_PLAN_SHARE else "scan"


def count_codes(
    db: Database,
    session: Session,
    key: ColumnElement[object],
    b: Bounds,
    where: list[ColumnElement[bool]],
    plan: str = "auto",
) -> Counter[tuple[object, int]]:
    """(row key, code) → number of dossiers."""
    if plan == "auto":
        plan = choose_plan(session, b)
    ids = _key_ids(db, session, key)
    if plan == "index":
        return _decode(session.execute(_query(db, key, b, [*where, _candidates(b)], ids)), ids)
    if db.dialect != "sqlite":
        return _decode(session.execute(_query(db, key, b, where, ids)), ids)
    return _parallel_scan(db, session, key, b, where, ids)


def _parallel_scan(
    db: Database,
    session: Session,
    key: ColumnElement[object],
    b: Bounds,
    where: list[ColumnElement[bool]],
    ids: list[uuid.UUID] | None,
) -> Counter[tuple[object, int]]:
    rowid = literal_column("dossiers.rowid")
    low = session.execute(select(func.min(rowid)).select_from(Dossier)).scalar()
    high = session.execute(select(func.max(rowid)).select_from(Dossier)).scalar()
    if low is None or high is None:
        return Counter()
    parts = max(1, min(os.cpu_count() or 1, MAX_PARTS, (high - low + 1) // PARALLEL_MIN_ROWS))
    edges = [low - 1 + (high - low + 1) * i // parts for i in range(parts + 1)]
    if parts == 1:
        queries = [_query(db, key, b, where, ids)]
    else:
        queries = [
            _query(db, key, b, [*where, rowid > edges[i], rowid <= edges[i + 1]], ids) for i in range(parts)
        ]

    def run(query):  # type: ignore[no-untyped-def]
        with db.engine.connect() as conn:
            return conn.execute(query).all()

    total: Counter[tuple[object, int]] = Counter()
    if parts == 1:
        results = [session.execute(queries[0]).all()]
    else:
        with ThreadPoolExecutor(max_workers=parts) as pool:
            results = list(pool.map(run, queries))
    for rows in results:
        total.update(_decode(rows, ids))
    return total


def processing_rows(
    session: Session,
    key: ColumnElement[object],
    b: Bounds,
    where: list[ColumnElement[bool]],
    resolved: int,
    limit: int | None = None,
) -> tuple[list[tuple[object, uuid.UUID, datetime, datetime, str]], bool]:
    """(key, office, received_at, resolved_at, outcome) of the dossiers resolved in the period, and whether that
    is all of them: above ``limit``, only those resolved inside ``SAMPLE_WINDOWS`` evenly spread time
    windows that together cover ``limit / resolved`` of the period."""
    limit = PROCESSING_LIMIT if limit is None else limit
    exact = resolved <= limit
    spans = [(b.start, b.end)] if exact else sample_windows(b.start, b.end, limit / resolved, SAMPLE_WINDOWS)
    ids = UuidReader()
    rows = []
    # At most WINDOWS_PER_QUERY ranges per statement (SQLite parses a chain of OR as a tree of limited
    # depth). Only the resolution instant is indexed here: a status test would lead SQLite to the
    # status index.
    for i in range(0, len(spans), WINDOWS_PER_QUERY):
        query = select(
            type_coerce(key, String),
            type_coerce(Dossier.office_id, String),
            type_coerce(Dossier.received_at, String),
            type_coerce(Dossier.resolved_at, String),
            Dossier.outcome,
        ).where(
            or_(
                *(
                    and_(Dossier.resolved_at >= a, Dossier.resolved_at < z)
                    for a, z in spans[i : i + WINDOWS_PER_QUERY]
                )
            ),
            Dossier.status != "cancelled",
            *b.office_condition(),
            *where,
        )
        rows += [
            (ids(k), ids(o), read_instant(r), read_instant(z), OUTCOME_CLASS.get(outcome, "early"))
            for k, o, r, z, outcome in session.connection().execute(query)
        ]
    return rows, exact  # type: ignore[return-value]
