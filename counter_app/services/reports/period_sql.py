"""The period report's SQL: one classification code per dossier, counted per (row key, code).

Each dossier gets a small integer ``code`` in SQL (``classify``) and the database only counts
``GROUP BY key, code``; ``period.py`` turns the (key, code, count) triples into the report's columns.

    code = 101 / 111               cancelled / refused, numbered in the period (100 / 110: before it)
    code = 16 × receipt + closing  every other dossier received up to the period's end
    receipt:  0 before the period · 1 in the period online · 2 in the period direct or postal
    closing:  0 closed before the period · 1 early · 2 on time · 3 late · 4 late with apology
              (resolved in the period) · 5 withdrawn · 6 stopped (in the period)
              · 7 open at the end, within term · 8 open at the end, overdue

Only the dossiers that can count are read, found from the period (``plan_reads``, ``count_codes``):

* those received in it: on SQLite from the covering index alone (``COVERING_INDEX``: office, receipt
  date and every other column the counting reads, about a third of the table's bytes) when no filter
  or row key reads a column it lacks (``covers``), as ranges of receipt days holding about as many
  dossiers each, one per read transaction and CPU — SQLite neither hashes aggregates nor scans in
  parallel; otherwise (a procedure or officer filter) as the rowid ranges their receipt days span
  (dossiers are written as they are received), split evenly between the readers, a day spread far
  wider than the others, or receipts that do not lie together at all, through the (office, receipt
  date) index;
* those carried over into it, received before it and open at its start — open now (status index),
  resolved since its start (a seek per day of history in the (receipt date, resolution instant)
  index, or a walk of the resolutions since the start in the (resolution instant, receipt date) one,
  whichever is shorter; neither reads a row of the period's own dossiers), withdrawn / stopped since
  its start (the ended ones of the status index against the events since the start) — or, when the
  database holds few dossiers before the period, simply all those received before it.

Every other dossier received before the period was closed before it (code 0), or refused / cancelled
before it (100 / 110): neither counts. So the cost follows the period and the dossiers open now or
closed since its start — not the history before it. (This relies on a resolved or returned dossier
always having its resolution instant: the resolve service writes both.) The ``scan`` plan classifies
every dossier received up to the period's end in one statement: the reference the tests compare with.

What the codes add up to, column by column, for readers of the report: docs/report-rules.md §4.
"""

from __future__ import annotations

import os
import uuid
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import (
    ColumnElement,
    String,
    and_,
    bindparam,
    case,
    func,
    literal_column,
    or_,
    select,
    text,
    type_coerce,
    union,
)
from sqlalchemy.orm import Session, aliased

from counter_app.db.database import Database
from counter_app.db.models import Agency, Dossier, Event, Field
from counter_app.services.reports.clock import sample_windows
from counter_app.services.reports.common import (
    ENDED,
    ENDING_KINDS,
    OPEN,
    ended_since,
    not_waiting,
)
from counter_app.services.reports.sqlkit import (
    UuidReader,
    columns_read,
    day_ranges,
    listed_rows,
    no_index,
    read_epoch,
    rowid_ranges,
)

CANCELLED_IN_PERIOD, REFUSED_IN_PERIOD = 101, 111
# Outcome of a resolved dossier as its closing code and as recorded (an unknown one counts as early).
CLOSING_OUTCOME = {1: "early", 2: "on_time", 3: "late", 4: "late"}
OUTCOME_CLASS = {"early": "early", "on_time": "on_time", "late": "late"}
# SQLite: the dossiers received in the period are read in up to this many parallel read transactions
# (one per CPU) when their rowids span at least PARALLEL_MIN_ROWS; split by days (receipts that do not
# lie together in the table), each reader gets at least MIN_PART_DAYS days.
MAX_PARTS = 4
PARALLEL_MIN_ROWS = 20_000
MIN_PART_DAYS = 7
# Dossiers written before the period are all read (not sought through indexes) when at most this many
# times fewer than the period's: an index walk over the period costs about that share of reading it.
HISTORY_READ_SHARE = 8
# A seek in an index costs about as many steps as walking this many entries of one.
DAY_SEEK_COST = 25
# The indexes the reads name to SQLite (``sqlkit``: table hints), so that neither a filter's own index
# — the field's, say, over every year kept — nor statistics sampled from a few hundred rows make it
# walk another one.
RECEIPT_INDEX = "ix_dossiers_office_local_date"
RESOLUTION_INDEX = "ix_dossiers_resolved_at"
RECEIPT_RESOLUTION_INDEX = "ix_dossiers_received_resolved"
# The dossiers received in the period are read from this index alone when it holds every column the
# statement reads (``covers``); a day's rowid span wider than SPAN_SPREAD typical ones (plus SPAN_SLACK)
# weighs as a typical day when the readers' days are balanced (``_by_days``).
COVERING_INDEX = "ix_dossiers_period_covering"
COVERED = frozenset(
    c.name for ix in Dossier.__table__.indexes if ix.name == COVERING_INDEX for c in ix.columns
)
SPAN_SPREAD, SPAN_SLACK = 4, 64
# A receipt date is office-local: the UTC receipt instant lies within this margin of its midnight.
ZONE_MARGIN = timedelta(days=2)
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
    # The instant "in progress" is judged at when not the period's end (an earlier one: the report
    # as of a moment, or at the province, each office's «dữ liệu đến»; an SQL expression there).
    judged_at: datetime | ColumnElement[datetime] | None = None

    @property
    def judged(self) -> datetime | ColumnElement[datetime]:
        return self.end if self.judged_at is None else self.judged_at

    def office_condition(self) -> list[ColumnElement[bool]]:
        # Not through the (office, date) index: rowid ranges, lists of rowids and the resolution
        # windows drive these queries (the receipt-date reads name their offices themselves).
        return [no_index(Dossier.office_id).in_(self.office_ids)] if self.restrict else []


def _ended_since(instant: datetime, per_row: bool, d=Dossier, e=Event) -> ColumnElement[bool]:  # type: ignore[no-untyped-def]
    """Withdrawn or stopped at or after ``instant``: against the list of such events since then (read
    once: many dossiers to classify), or by looking up the dossier's own events (a few)."""
    if not per_row:
        return d.id.in_(ended_since(instant, e))
    query = select(e.id).where(e.dossier_id == d.id, e.kind.in_(ENDING_KINDS), e.occurred_at >= instant)
    if e is Event:
        query = query.with_hint(Event, "INDEXED BY ix_events_dossier_id", "sqlite")  # never a scan
    return query.exists()


def classify(b: Bounds, per_row: bool = False, d=Dossier, e=Event) -> ColumnElement[int]:  # type: ignore[no-untyped-def]
    """The classification code of a dossier (module docstring); ``per_row``: the withdraw / stop
    events looked up dossier by dossier (``_ended_since``). ``d`` and ``e``: the office's
    ``Dossier`` and ``Event``, or at the province ``ExchangeDossier`` and ``ExchangeEvent`` (the
    same report columns: ``domain/report_projection.py``)."""
    in_period = case((d.received_local_date >= b.first, 1), else_=0)
    receipt = case((d.received_local_date < b.first, 0), (d.channel == "online", 16), else_=32)
    judged = b.judged
    # Resolved after the judged instant (only when it comes before the period's end) is still open
    # then, and overdue as of that instant; so is withdrawn or stopped, when that instant is a plain
    # value (the office's ``as_of``). At the province it is an expression per office, and an
    # office's events never come after its own instant: the period's end stands in.
    still_open = case((and_(d.legal_due_at < judged, not_waiting(judged, d)), 8), else_=7)
    resolved = case(
        (d.resolved_at < b.start, 0),
        (d.resolved_at >= judged, still_open),
        (d.outcome == "late", case((d.apology_count > 0, 4), else_=3)),
        (d.outcome == "on_time", 2),
        else_=1,  # early, or resolved without an appointment
    )
    ended_in_period = case((d.status == "withdrawn", 5), else_=6)
    ended = case(
        (_ended_since(judged if isinstance(judged, datetime) else b.end, per_row, d, e), still_open),
        # Received in the period, so closed in it: the (large) list of closings since the start is
        # only built for dossiers received before the period.
        (d.received_local_date >= b.first, ended_in_period),
        (_ended_since(b.start, per_row, d, e), ended_in_period),
        else_=0,
    )
    closing = case(
        (d.resolved_at.is_not(None), resolved),
        (d.status.in_(ENDED), ended),
        else_=still_open,
    )
    return case(
        (d.status == "cancelled", 100 + in_period),
        (d.status == "refused", 110 + in_period),
        else_=receipt + closing,
    )


def _received_in(b: Bounds, first: date, last: date) -> list[ColumnElement[bool]]:
    """Dossiers received on the group's local days ``first``..``last``: one range of the (office, receipt
    date) index per office."""
    return [
        Dossier.office_id.in_(b.office_ids),
        Dossier.received_local_date >= first,
        Dossier.received_local_date <= last,
    ]


def _carried_over(db: Database, b: Bounds, by_day: bool = False) -> list[ColumnElement[bool]]:
    """Dossiers received before the period that may be open at its start (``classify`` decides): a
    union of row ids, each arm read inside one index — open now (status, receipt instant); resolved
    since the start and received before it (receipt date, resolution instant; PostgreSQL: resolution
    instant, receipt date); withdrawn or stopped since the start (status, receipt instant and id,
    against the events' kind and date)."""
    c = aliased(Dossier, name="c")
    sqlite = db.dialect == "sqlite"
    ref = literal_column("c.rowid") if sqlite else c.id
    if sqlite and by_day:
        # Day by day of the receipts before the period, those resolved since its start: one seek a
        # day in the (receipt date, resolution instant) index, instead of walking the resolutions of
        # every dossier received in the period (a few thousand seeks for years of history).
        days = select(func.min(Dossier.received_local_date).label("d")).cte("days", recursive=True)
        days = days.union_all(
            select(func.date(days.c.d, "+1 day")).where(days.c.d < b.first - timedelta(days=1))
        )
        resolved_since = (
            select(ref)
            .select_from(days)
            .join(c, c.received_local_date == days.c.d)
            .where(c.resolved_at >= b.start)
            .with_hint(c, f"INDEXED BY {RECEIPT_RESOLUTION_INDEX}", "sqlite")
        )
    else:
        resolved_since = (
            select(ref)
            .where(c.resolved_at >= b.start, c.received_local_date < b.first)
            .with_hint(c, f"INDEXED BY {RESOLUTION_INDEX}", "sqlite")
        )
    candidates = union(
        select(ref)
        .where(c.status.in_(OPEN), c.received_at < b.start + ZONE_MARGIN)
        .with_hint(c, "INDEXED BY ix_dossiers_status_received_at", "sqlite"),
        resolved_since,
        # Withdrawn / stopped since the start, among those received before it: the few ended ones of
        # the history (status index, which holds the id) checked against the events since the start.
        select(ref)
        .where(c.status.in_(ENDED), c.received_at < b.start + ZONE_MARGIN, c.id.in_(ended_since(b.start)))
        .with_hint(c, "INDEXED BY ix_dossiers_status_received_at", "sqlite"),
    )
    return [Dossier.received_local_date < b.first, listed_rows(db.dialect, Dossier, candidates)]


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


def _query(
    db: Database,
    key: ColumnElement[object],
    b: Bounds,
    where: list[ColumnElement[bool]],
    ids,  # type: ignore[no-untyped-def]
    hint: str = "",
    per_row: bool = False,
):
    """(key, code, count) of the dossiers matching ``where`` (which bounds the receipt date: one bound
    each way, or SQLite may walk an index range up to the looser one); ``hint``: how SQLite reads
    ``dossiers``; ``per_row``: see ``classify``."""
    code = classify(b, per_row)
    if ids is not None:  # SQLite: one integer per (key, code), grouped alone
        code = _key_number(key, ids) * 128 + code
    columns = [code.label("code")] if ids is not None else [key.label("key"), code.label("code")]
    inner = select(*columns).where(Dossier.status != "new", *b.office_condition(), *where)
    if hint:
        inner = inner.with_hint(Dossier, hint, "sqlite")
    if db.dialect == "sqlite":
        # A LIMIT keeps SQLite from flattening the subquery: the code is computed once per row in a
        # co-routine and a plain table scan feeds it.
        inner = inner.limit(-1)
    sub = inner.subquery()
    return select(*sub.c, func.count()).group_by(*sub.c)


def _key_ids(db: Database, session: Session, key: ColumnElement[object]) -> list[uuid.UUID] | None:
    """Every possible value of the row key, sorted as SQLite stores them (None: not needed)."""
    if db.dialect != "sqlite":
        return None
    model = Field if key is Dossier.field_id else Agency
    return sorted(session.execute(select(model.id)).scalars(), key=lambda i: i.hex)


def _decode(rows, ids: list[uuid.UUID] | None) -> Counter[tuple[object, int]]:  # type: ignore[no-untyped-def]
    """(key, code) counts from the rows of ``_query``: (key, code, n), or (number, n) on SQLite."""
    out: Counter[tuple[object, int]] = Counter()
    for *k, code, n in rows:
        if ids is not None:
            number, code = divmod(code, 128)
            out[(ids[number - 1] if number else None, code)] += n
        else:
            out[(k[0], code)] += n
    return out


# Rowid bounds of each of an office's days in the period, two seeks a day in the (office, date) index.
_DAY_BOUNDS = text(
    f"""
    WITH RECURSIVE days(d) AS (SELECT :first UNION ALL SELECT date(d, '+1 day') FROM days WHERE d < :last)
    SELECT d, low, high FROM (
      SELECT d,
        (SELECT min(rowid) FROM dossiers INDEXED BY {RECEIPT_INDEX}
          WHERE office_id = :office AND received_local_date = d) AS low,
        (SELECT max(rowid) FROM dossiers INDEXED BY {RECEIPT_INDEX}
          WHERE office_id = :office AND received_local_date = d) AS high
      FROM days)
    WHERE low IS NOT NULL
    """
).bindparams(
    bindparam("office", type_=Dossier.office_id.type),
    bindparam("first", type_=Dossier.received_local_date.type),
    bindparam("last", type_=Dossier.received_local_date.type),
)
Read = tuple[list[ColumnElement[bool]], str]  # conditions and how SQLite reads dossiers
INDEXED = f"INDEXED BY {RECEIPT_INDEX}"
COVERING = f"INDEXED BY {COVERING_INDEX}"
# "NOT INDEXED" keeps every index away, not the rowid: rowid ranges and lists, and no filter's index.
BY_ROWID = "NOT INDEXED"


@dataclass(frozen=True)
class Plan:
    readers: list[list[Read]]  # the reads of the dossiers received in the period, per parallel reader
    carried: Read  # the read of those carried over into it


def covers(key: ColumnElement[object], b: Bounds, where: list[ColumnElement[bool]]) -> bool:
    """Whether ``COVERING_INDEX`` holds every column of ``dossiers`` the counting statements read: the
    classification, the row key, the caller's filters and the office and receipt-date bounds."""
    used = columns_read(
        Dossier.__table__,
        [classify(b), classify(b, per_row=True), key, *where, *_received_in(b, b.first, b.last)],
    )
    return bool(COVERED) and used <= COVERED


def _by_days(b: Bounds, days: list[tuple[uuid.UUID, date, int, int]], readers: int) -> list[list[Read]]:
    """The period's days in up to ``readers`` runs, each read from the covering index, balanced by
    how many dossiers each day holds — its rowid span, summed over the group's offices (the rows
    written from the day's first receipt to its last); a span far wider than the typical one (a
    dossier written long after its receipt) weighs as a typical day. Receipts that do not lie
    together at all give every day a wide span: about equal weights."""
    lengths = sorted(high - low + 1 for *_, low, high in days)
    typical = lengths[len(lengths) // 2] if lengths else 1
    weight: Counter[date] = Counter()
    for _, day, low, high in days:
        span = high - low + 1
        weight[day] += span if span <= SPAN_SPREAD * typical + SPAN_SLACK else typical
    runs = day_ranges(sorted(weight.items()), b.first, b.last, min(readers, len(weight)))
    return [[(_received_in(b, first, last), COVERING)] for first, last in runs]


def plan_reads(db: Database, session: Session, b: Bounds, covering: bool = False) -> Plan:
    """How the dossiers of the period are read (module docstring); ``covering``: the statements read
    no column ``COVERING_INDEX`` lacks (``covers``).

    SQLite writes dossiers as they are received, so a period's receipts lie together in the table. Read
    from the covering index, they are split between one reader per CPU by ranges of receipt days,
    balanced by each day's first and last rowid (two seeks a day in the (office, date) index). Without
    it they are read as rowid ranges, split evenly between the readers — reaching each row through the
    date index instead costs half as much again. The ranges come from the same rowids
    (``sqlkit.rowid_ranges``); a day spread far wider than the others (a dossier written long after its
    receipt: a sync, an import) is read through the index, and when the receipts do not lie together
    at all the whole period is, split by days. The rowids also tell how many dossiers were written
    before the period: when they are few next to the period's (a database holding little more than
    the period), those received before it are all read and classified, not sought through three
    indexes whose walk follows the period."""
    whole = _received_in(b, b.first, b.last)
    carried = (_carried_over(db, b), BY_ROWID)
    if db.dialect != "sqlite":
        return Plan([[(whole, "")]], carried)
    days = [
        (office_id, date.fromisoformat(d), low, high)
        for office_id in b.office_ids
        for d, low, high in session.execute(
            _DAY_BOUNDS, {"office": office_id, "first": b.first, "last": b.last}
        )
    ]
    spans = [(low, high) for *_, low, high in days]
    size = sum(high - low + 1 for low, high in spans)
    readers = min(os.cpu_count() or 1, MAX_PARTS) if size >= PARALLEL_MIN_ROWS else 1
    if spans:
        rowid = literal_column("rowid")
        oldest = session.execute(select(func.min(rowid)).select_from(Dossier)).scalar() or 0
        before = min(low for low, _ in spans) - oldest
        if before * HISTORY_READ_SHARE <= size:
            carried = (
                [*_received_in(b, b.first, b.last)[:1], Dossier.received_local_date < b.first],
                COVERING if covering else INDEXED,
            )
        else:
            # Those resolved since the start: a seek per day of history, or a walk of the period's
            # resolutions — whichever is fewer steps.
            first_day = session.execute(select(func.min(Dossier.received_local_date))).scalar()
            days_before = (b.first - first_day).days if first_day is not None else 0
            carried = (_carried_over(db, b, days_before * DAY_SEEK_COST < size), BY_ROWID)
    if covering:
        return Plan(_by_days(b, days, readers), carried)
    plan = rowid_ranges(spans, readers)
    if plan is None:  # scattered receipts: through the index, the period's days split between readers
        count = (b.last - b.first).days + 1
        readers = max(1, min(readers, count // MIN_PART_DAYS))
        edges = [b.first + timedelta(days=count * i // readers) for i in range(readers + 1)]
        reads = [
            [(_received_in(b, edges[i], edges[i + 1] - timedelta(days=1)), INDEXED)] for i in range(readers)
        ]
        return Plan(reads, carried)
    ranges, left_out = plan
    spread: dict[uuid.UUID, list[date]] = defaultdict(list)  # office → days read through the index
    for i in left_out:
        spread[days[i][0]].append(days[i][1])
    in_range = whole[1:] + [
        or_(Dossier.office_id != o, Dossier.received_local_date.not_in(d)) for o, d in spread.items()
    ]
    row = literal_column("dossiers.rowid")
    reads = [
        [([*in_range, row >= low, row <= high], BY_ROWID) for low, high in mine] for mine in ranges if mine
    ]
    if spread:
        apart = or_(
            *(and_(Dossier.office_id == o, Dossier.received_local_date.in_(d)) for o, d in spread.items())
        )
        if not reads:
            reads.append([])
        reads[-1].append(([apart], INDEXED))
    return Plan(reads or [[(whole, INDEXED)]], carried)  # (nothing received in the period)


def count_codes(
    db: Database,
    session: Session,
    key: ColumnElement[object],
    b: Bounds,
    where: list[ColumnElement[bool]],
    plan: str = "auto",
) -> Counter[tuple[object, int]]:
    """(row key, code) → number of dossiers (module docstring: the period plan, or ``scan``)."""
    ids = _key_ids(db, session, key)
    if plan == "scan":
        return _decode(
            session.execute(_query(db, key, b, [*where, Dossier.received_local_date <= b.last], ids)), ids
        )
    how = plan_reads(db, session, b, db.dialect == "sqlite" and covers(key, b, where))
    readers = [
        [_query(db, key, b, [*where, *cond], ids, hint) for cond, hint in reads] for reads in how.readers
    ]
    carried = _query(db, key, b, [*where, *how.carried[0]], ids, how.carried[1], per_row=True)
    total: Counter[tuple[object, int]] = Counter()
    if len(readers) == 1:  # one snapshot: the report session's
        for query in (*readers[0], carried):
            total.update(_decode(session.execute(query), ids))
        return total

    def run(queries):  # type: ignore[no-untyped-def]
        with db.engine.connect() as conn:
            return [row for query in queries for row in conn.execute(query)]

    with ThreadPoolExecutor(max_workers=len(readers)) as pool:
        parts = [pool.submit(run, queries) for queries in readers]
        total.update(_decode(session.execute(carried), ids))
        for part in parts:
            total.update(_decode(part.result(), ids))
    return total


def processing_rows(
    session: Session,
    key: ColumnElement[object],
    b: Bounds,
    where: list[ColumnElement[bool]],
    resolved: int,
    limit: int | None = None,
) -> tuple[list[tuple[object, uuid.UUID, float, float, str]], bool]:
    """(key, office, received_at, resolved_at, outcome) of the dossiers resolved in the period, instants in
    epoch seconds, and whether that is all of them: above ``limit``, only those resolved inside ``SAMPLE_WINDOWS`` evenly spread time
    windows that together cover ``limit / resolved`` of the period."""
    limit = PROCESSING_LIMIT if limit is None else limit
    exact = resolved <= limit
    spans = [(b.start, b.end)] if exact else sample_windows(b.start, b.end, limit / resolved, SAMPLE_WINDOWS)
    ids = UuidReader()
    rows = []
    # At most WINDOWS_PER_QUERY ranges per statement (SQLite parses a chain of OR as a tree of limited
    # depth), each a range of the resolution index.
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
        # Told, so that no statistics and no filter's index make SQLite scan the table instead.
        query = query.with_hint(Dossier, f"INDEXED BY {RESOLUTION_INDEX}", "sqlite")
        rows += [
            (ids(k), ids(o), read_epoch(r), read_epoch(z), OUTCOME_CLASS.get(outcome, "early"))
            for k, o, r, z, outcome in session.connection().execute(query).all()
        ]
    return rows, exact  # type: ignore[return-value]
