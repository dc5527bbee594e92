"""Report benchmarks on large SQLite data folders, beside a raw sqlite3 baseline doing the same work.

    .venv/bin/python benchmarks/make_scale_dbs.py 1m_1y 200k_1y 1m_5y --root /tmp/bench   # once
    .venv/bin/python benchmarks/bench_reports.py /tmp/bench/1m_1y /tmp/bench/200k_1y /tmp/bench/1m_5y

For each data folder, on the office's report day (``--day``, else the last day of the data holding
a full day of receipts — at least half the median of the 30 receipt days before it — so that a few
receipts written later by something else are never taken for a day of the office):

- the period report by field over the year ending that day (TT 01/2020 form 06: received, carried
  over, resolved early / on time / late, withdrawn, stopped, in progress, refused, cancelled; the
  average processing time in working days);
- the end-of-day report of that day (received by channel, field and officer; the day's acts;
  overdue and due-tomorrow lists with names, overdue working days and status as of the day's end;
  cancellations; satisfaction);

warm (page cache full; median of ``--runs`` rounds, service and baseline side by side after one
untimed pass: ``common.medians_interleaved``) and cold (``--cold-runs`` rounds; before each run the
page cache is dropped — ``sync; echo 3 > /proc/sys/vm/drop_caches``, as root — and the side gets
fresh connections, sides alternating). With a one-year folder and a folder of several years holding
as many dossiers a year (``200k_1y`` and ``1m_5y``), it prints how much longer the same-length
year takes with the longer history.

The raw baseline is plain sqlite3 computing the same numbers by the same steps, with the same
number of threads: the receipts of the year read by rowid range in ``min(CPUs, 4)`` parallel read
transactions, the dossiers carried over into it found through the same indexes (or read with the
few written before it), the average processing time from the same sample of resolved dossiers
(exact up to 10,000) with the same working-time arithmetic (``WorkClock``, ``sample_windows`` and
the post-stratified mean are reused: they are arithmetic, not database work); for the end of day
the same statements, the overdue working days and the status replay (its events read in
``prefetch.READERS`` parallel connections, as ``dossier_lines._events_before`` reads them), and the
same read-ahead of the list lines' rows in as many connections (services/reports/prefetch.py); the
raw side opens its parallel connections for each read, the service takes them from its pool. Both sides' numbers are
compared before anything is timed.

Nothing is written into a folder given: its database is opened read-only (``mode=ro``). When it is
not at the newest schema, it is first copied (SQLite backup API, source read-only) into
``--scratch`` and the copy is migrated; the copy is then used, read-only, and deleted at the end.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import medians_interleaved, table  # noqa: E402
from sqlalchemy import create_engine, event  # noqa: E402
from sqlalchemy.pool import QueuePool  # noqa: E402

from counter_app.db.database import Database  # noqa: E402
from counter_app.db.engine import SQLITE_BUSY_TIMEOUT_MS, make_engine  # noqa: E402
from counter_app.db.migrate import head_revision, upgrade  # noqa: E402
from counter_app.db.models import Dossier  # noqa: E402
from counter_app.db.sqlite_copy import snapshot  # noqa: E402
from counter_app.domain.calendar import WorkingCalendar  # noqa: E402
from counter_app.services.offices import calendar_for, find_actor, get_office  # noqa: E402
from counter_app.services.reports import (  # noqa: E402
    PeriodRow,
    end_of_day,
    period_report,
    prefetch,  # noqa: E402
)
from counter_app.services.reports.average import average  # noqa: E402
from counter_app.services.reports.clock import WorkClock, sample_windows  # noqa: E402
from counter_app.services.reports.common import local_midnight  # noqa: E402
from counter_app.services.reports.dossier_lines import _CHANGING_KINDS  # noqa: E402
from counter_app.services.reports.period import period_row, tally  # noqa: E402
from counter_app.services.reports.period_sql import (  # noqa: E402
    CLOSING_OUTCOME,
    DAY_SEEK_COST,
    HISTORY_READ_SHARE,
    MAX_PARTS,
    OUTCOME_CLASS,
    PARALLEL_MIN_ROWS,
    PROCESSING_LIMIT,
    SAMPLE_WINDOWS,
    WINDOWS_PER_QUERY,
)

COUNTED = [
    f.name
    for f in fields(PeriodRow)
    if f.name not in ("id", "code", "label", "on_time_rate", "avg_processing_days", "processing_sample")
]
OPEN = "('awaiting_payment', 'in_progress', 'received', 'supplement_requested')"
ENDED = "('withdrawn', 'stopped')"
ENDINGS = "SELECT dossier_id FROM events WHERE kind IN ('withdraw', 'stop') AND local_date >= {day} AND occurred_at >= {at} AND dossier_id IS NOT NULL"
STILL_OPEN = (
    "(CASE WHEN legal_due_at < :end AND (waiting_since IS NULL OR waiting_since >= :end) THEN 8 ELSE 7 END)"
)
# The classification of a dossier (counter_app/services/reports/period_sql.py's docstring).
CODE = f"""
CASE WHEN status = 'cancelled' THEN 100 + (received_local_date >= :first)
     WHEN status = 'refused' THEN 110 + (received_local_date >= :first)
     ELSE (CASE WHEN received_local_date < :first THEN 0 WHEN channel = 'online' THEN 16 ELSE 32 END)
        + (CASE WHEN resolved_at IS NOT NULL THEN
                 (CASE WHEN resolved_at < :start THEN 0
                       WHEN resolved_at >= :end THEN {STILL_OPEN}
                       WHEN outcome = 'late' THEN (CASE WHEN apology_count > 0 THEN 4 ELSE 3 END)
                       WHEN outcome = 'on_time' THEN 2 ELSE 1 END)
               WHEN status IN {ENDED} THEN
                 (CASE WHEN id IN ({ENDINGS.format(day=":end_day", at=":end")}) THEN {STILL_OPEN}
                       WHEN received_local_date >= :first THEN (CASE status WHEN 'withdrawn' THEN 5 ELSE 6 END)
                       WHEN id IN ({ENDINGS.format(day=":start_day", at=":start")})
                         THEN (CASE status WHEN 'withdrawn' THEN 5 ELSE 6 END)
                       ELSE 0 END)
               ELSE {STILL_OPEN} END)
END"""
COUNT = (
    "SELECT g, count(*) FROM (SELECT {key} * 128 + "
    + CODE
    + " AS g FROM dossiers {how} WHERE status <> 'new' AND {where} LIMIT -1) GROUP BY g"
)
IN_RANGE = (
    "rowid >= :low AND rowid <= :high AND received_local_date >= :first AND received_local_date <= :last"
)
BEFORE = "office_id = :office AND received_local_date < :first"
CARRIED = f"""received_local_date < :first AND rowid IN (
  SELECT rowid FROM dossiers INDEXED BY ix_dossiers_status_received_at
   WHERE status IN {OPEN} AND received_at < :start_margin
  UNION {{resolved}}
  UNION SELECT rowid FROM dossiers INDEXED BY ix_dossiers_status_received_at
   WHERE status IN {ENDED} AND received_at < :start_margin AND id IN ({ENDINGS.format(day=":start_day", at=":start")}))"""
# Received before the period, resolved since its start: the period's resolutions walked, or a seek per
# day of history (``period_sql.DAY_SEEK_COST``).
RESOLVED_WALK = """SELECT rowid FROM dossiers INDEXED BY ix_dossiers_resolved_at
   WHERE resolved_at >= :start AND received_local_date < :first"""
RESOLVED_BY_DAY = """SELECT c.rowid FROM (
    WITH RECURSIVE days(d) AS (SELECT min(received_local_date) FROM dossiers
                               UNION ALL SELECT date(d, '+1 day') FROM days WHERE d < date(:first, '-1 day'))
    SELECT d FROM days) AS days
   JOIN dossiers AS c INDEXED BY ix_dossiers_received_resolved ON c.received_local_date = days.d
   WHERE c.resolved_at >= :start"""
# The carried dossiers' withdraw / stop events, looked up dossier by dossier (``classify(per_row)``).
PER_ROW = {
    f"id IN ({ENDINGS.format(day=d, at=a)})": "EXISTS (SELECT 1 FROM events WHERE events.dossier_id = dossiers.id "
    f"AND kind IN ('withdraw', 'stop') AND occurred_at >= {a})"
    for d, a in ((":end_day", ":end"), (":start_day", ":start"))
}
DAY_BOUNDS = """
WITH RECURSIVE days(d) AS (SELECT :first UNION ALL SELECT date(d, '+1 day') FROM days WHERE d < :last)
SELECT low, high FROM (SELECT
  (SELECT min(rowid) FROM dossiers INDEXED BY ix_dossiers_office_local_date WHERE office_id = :office AND received_local_date = d) AS low,
  (SELECT max(rowid) FROM dossiers INDEXED BY ix_dossiers_office_local_date WHERE office_id = :office AND received_local_date = d) AS high
  FROM days) WHERE low IS NOT NULL"""
RESOLVED_IN = (
    "SELECT field_id, received_at, resolved_at, outcome FROM dossiers INDEXED BY ix_dossiers_resolved_at "
    "WHERE ({windows}) AND status <> 'cancelled'"
)

ACTS = "('intake_supplement_requested','request_supplement','refused','guidance_given','transfer','resolve','return_result')"
CHANGING = "(" + ", ".join(f"'{kind}'" for kind in _CHANGING_KINDS) + ")"
DAY_RECEIVED = """SELECT channel, field_id, received_by_id, count(*) FROM dossiers
 WHERE office_id = :office AND received_local_date = :day AND status NOT IN ('cancelled', 'refused', 'new')
 GROUP BY channel, field_id, received_by_id"""
DAY_ACTS = f"""SELECT kind, actor_id, count(*) FROM events
 WHERE kind IN {ACTS} AND local_date = :day AND office_id = :office
   AND (dossier_id IS NULL OR dossier_id NOT IN
        (SELECT dossier_id FROM events WHERE kind = 'cancel' AND local_date >= :day AND dossier_id IS NOT NULL))
 GROUP BY kind, actor_id"""
# The open dossiers due by tomorrow's end, whose rows and applicants are read ahead in READERS parallel
# connections, as the service does (services/reports/prefetch.py): the same reads on both sides.
DAY_OPEN_ROWS = f"""SELECT rowid FROM dossiers INDEXED BY ix_dossiers_status_legal_due
                    WHERE status IN {OPEN} AND legal_due_at < :tomorrow_end"""
DAY_RESOLVED_ROWS = "SELECT rowid FROM dossiers INDEXED BY ix_dossiers_resolved_at WHERE resolved_at >= :end"
DAY_CANDIDATES = f"""{DAY_OPEN_ROWS}
                   UNION {DAY_RESOLVED_ROWS}
                   UNION SELECT rowid FROM dossiers WHERE id IN ({ENDINGS.format(day=":end_day", at=":end")})"""
DAY_PREFETCH = "SELECT count(a.full_name) FROM dossiers d JOIN applicants a ON a.id = d.applicant_id WHERE d.rowid IN ({ids})"
DAY_LINES = f"""SELECT d.code, d.status, a.full_name, a.phone, p.code, v.name, d.field_id, g.name,
       d.received_at, d.appointment_at, d.legal_due_at, d.apology_count
  FROM dossiers d NOT INDEXED JOIN applicants a ON a.id = d.applicant_id
  JOIN procedure_versions v ON v.id = d.procedure_version_id JOIN procedures p ON p.id = v.procedure_id
  LEFT JOIN agencies g ON g.id = d.current_unit_id
 WHERE d.office_id = :office AND d.received_at < :end
   AND d.rowid IN ({DAY_CANDIDATES})
   AND (d.status IN {OPEN} OR (d.resolved_at >= :end AND d.status IN ('resolved', 'returned'))
        OR (d.id IN ({ENDINGS.format(day=":end_day", at=":end")}) AND d.status IN {ENDED}))
   AND (d.waiting_since IS NULL OR d.waiting_since >= :end) AND d.legal_due_at < :tomorrow_end"""
DAY_CHANGED = f"""SELECT id, code FROM dossiers WHERE id IN (SELECT DISTINCT dossier_id FROM events
 WHERE kind IN {CHANGING} AND local_date >= :next_day AND occurred_at >= :end)"""
DAY_REPLAY = "SELECT dossier_id, kind, payload FROM events WHERE dossier_id IN ({ids}) AND occurred_at < :end ORDER BY dossier_id, occurred_at, seq"
DAY_CANCELLED = """SELECT e.payload, e.occurred_at, e.actor, d.code FROM events e JOIN dossiers d ON d.id = e.dossier_id
 WHERE e.kind = 'cancel' AND e.local_date = :day AND e.office_id = :office"""
DAY_SATISFACTION = """SELECT json_extract(payload, '$.satisfaction') AS rating, count(*) FROM events
 WHERE kind = 'return_result' AND local_date = :day AND office_id = :office
   AND dossier_id NOT IN (SELECT dossier_id FROM events WHERE kind = 'cancel' AND local_date >= :day
                          AND dossier_id IS NOT NULL)
 GROUP BY rating"""


def stamp(instant: datetime) -> str:
    """An instant as SQLAlchemy stores it in SQLite (naive UTC text)."""
    return instant.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def epoch(text: str) -> float:
    return (datetime.fromisoformat(text) - datetime(1970, 1, 1)).total_seconds()


def read_only(file: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"file:{file}?mode=ro", uri=True, check_same_thread=False, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA cache_size=-65536")  # as counter_app's engine
    return conn


def service_db(file: Path) -> Database:
    """counter_app's Database on ``file`` opened read-only: the connection settings of
    counter_app.db.engine (busy timeout, 64 MB page cache, BEGIN issued by SQLAlchemy), minus
    everything that writes."""
    engine = create_engine("sqlite://", poolclass=QueuePool, creator=lambda: read_only(file))

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN")

    return Database(url=f"sqlite:///{file}", node_id="bench", engine=engine)


def drop_page_cache() -> None:
    os.sync()
    Path("/proc/sys/vm/drop_caches").write_text("3\n")


def _differing_indexes(conn: sqlite3.Connection) -> list[str]:
    """The dossiers' indexes of the models that the file lacks or has on other columns."""
    have = {
        name: [r[2] for r in conn.execute(f"PRAGMA index_info({name})")]
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'dossiers'"
        )
    }
    return sorted(
        str(ix.name)
        for ix in Dossier.__table__.indexes
        if have.get(str(ix.name)) != [c.name for c in ix.columns]
    )


@dataclass(eq=False)  # a key of the timing tables
class Folder:
    name: str
    file: Path
    size_gb: float
    dossiers: int
    years: int
    day: date
    office: str  # hex id, as stored
    office_id: object
    tz: ZoneInfo
    calendar: WorkingCalendar
    field_ids: list[str]
    db: Database
    raw: list[sqlite3.Connection]  # the main connection, then one per parallel reader
    copy: Path | None = None


def open_folder(folder: Path, day: date | None, scratch: Path) -> Folder:
    file = folder / "counter.sqlite3"
    if not file.exists():
        sys.exit(f"{folder}: no counter.sqlite3 (only SQLite data folders are benchmarked)")
    probe = read_only(file)
    revision = probe.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    differ = _differing_indexes(probe)
    probe.close()
    copy = None
    if revision != head_revision() or differ:
        copy = scratch / f"{folder.name}.sqlite3"
        why = (
            f"schema {revision}, not {head_revision()}"
            if revision != head_revision()
            else f"indexes {differ}"
        )
        print(f"{folder}: {why}: copying it to {copy} and bringing the copy to the models' schema")
        started = time.perf_counter()
        snapshot(file, copy, read_only=True)
        engine = make_engine(f"sqlite:///{copy}")
        upgrade(engine, None, target=head_revision())
        # A file made while the newest migration was being written may lack an index it now makes.
        for index in Dossier.__table__.indexes:
            if index.name in differ:
                with engine.begin() as conn:
                    conn.exec_driver_sql(f"DROP INDEX IF EXISTS {index.name}")
                index.create(engine)
        engine.dispose()
        print(f"  done in {time.perf_counter() - started:.0f} s")
        file = copy
    db = service_db(file)
    raw = [read_only(file) for _ in range(1 + min(os.cpu_count() or 1, MAX_PARTS))]
    conn = raw[0]
    with db.read() as session:
        office = get_office(session)
        calendar = calendar_for(session, office)
        office_id, tz = office.id, ZoneInfo(office.timezone)
    count, low, high = conn.execute(
        "SELECT count(*), min(received_local_date), max(received_local_date) FROM dossiers"
    ).fetchone()
    if day is None:  # the last full day of receipts
        days = conn.execute(
            "SELECT received_local_date, count(*) FROM dossiers INDEXED BY ix_dossiers_office_local_date "
            "WHERE office_id = ? AND received_local_date >= date(?, '-60 days') GROUP BY 1 ORDER BY 1",
            (office_id.hex, high),  # type: ignore[attr-defined]
        ).fetchall()
        for i in range(len(days) - 1, -1, -1):
            before = [n for _, n in days[max(0, i - 30) : i]]
            if not before or days[i][1] >= statistics.median(before) / 2:
                day = date.fromisoformat(days[i][0])
                break
    assert day is not None
    fields_ = sorted(r[0] for r in conn.execute("SELECT id FROM fields"))
    years = round((date.fromisoformat(high) - date.fromisoformat(low)).days / 365.25) or 1
    return Folder(
        folder.name, file, file.stat().st_size / 1e9, count, years, day, office_id.hex, office_id, tz,  # type: ignore[attr-defined]
        calendar, fields_, db, raw, copy,
    )  # fmt: skip


# ---------------------------------------------------------------------------------------------- period


def period_params(f: Folder) -> dict[str, object]:
    first = f.day - timedelta(days=364)
    start = local_midnight(first, str(f.tz))
    end = local_midnight(f.day + timedelta(days=1), str(f.tz))
    return {
        "first": first.isoformat(),
        "last": f.day.isoformat(),
        "start": stamp(start),
        "end": stamp(end),
        "start_day": (start - timedelta(days=1)).date().isoformat(),
        "end_day": (end - timedelta(days=1)).date().isoformat(),
        "start_margin": stamp(start + timedelta(days=2)),
        "office": f.office,
        "_start": start,
        "_end": end,
    }


def raw_period(f: Folder) -> tuple[dict[object, Counter[str]], float | None, int]:
    """(per field, the report's columns), the total average processing time, how many measured."""
    p = period_params(f)
    params = {k: v for k, v in p.items() if not k.startswith("_")}
    key = (
        "CASE field_id "
        + " ".join(f"WHEN '{k}' THEN {i + 1}" for i, k in enumerate(f.field_ids))
        + " ELSE 0 END"
    )
    main = f.raw[0]
    spans = main.execute(DAY_BOUNDS, params).fetchall()
    size = sum(high - low + 1 for low, high in spans)
    readers = min(os.cpu_count() or 1, MAX_PARTS) if size >= PARALLEL_MIN_ROWS else 1
    reads = []
    if spans:  # demo data are written in receipt order: one range, cut evenly
        low, high = min(s[0] for s in spans), max(s[1] for s in spans)
        edges = [low + (high - low + 1) * i // readers for i in range(readers + 1)]
        reads = [(edges[i], edges[i + 1] - 1) for i in range(readers)]
        oldest = main.execute("SELECT min(rowid) FROM dossiers").fetchone()[0]
        history = (low - oldest) * HISTORY_READ_SHARE > size
    else:
        history = True
    if history:
        first_day = main.execute("SELECT min(received_local_date) FROM dossiers").fetchone()[0]
        days = (
            (date.fromisoformat(str(params["first"])) - date.fromisoformat(first_day)).days
            if first_day
            else 0
        )
        resolved = RESOLVED_BY_DAY if days * DAY_SEEK_COST < size else RESOLVED_WALK
        carried = COUNT.format(key=key, how="NOT INDEXED", where=CARRIED.format(resolved=resolved))
        for listed, looked_up in PER_ROW.items():
            # Only in the code: the arm finding the ended ones keeps its list.
            head, tail = carried.split(" FROM dossiers NOT INDEXED WHERE ", 1)
            carried = head.replace(listed, looked_up) + " FROM dossiers NOT INDEXED WHERE " + tail
    else:
        carried = COUNT.format(key=key, how="INDEXED BY ix_dossiers_office_local_date", where=BEFORE)
    received = COUNT.format(key=key, how="NOT INDEXED", where=IN_RANGE)

    def read(i: int) -> list[tuple[int, int]]:
        low, high = reads[i]
        return f.raw[i + 1].execute(received, {**params, "low": low, "high": high}).fetchall()

    with ThreadPoolExecutor(max_workers=max(1, len(reads))) as pool:
        parts = [pool.submit(read, i) for i in range(len(reads))]
        rows = main.execute(carried, params).fetchall()
        for part in parts:
            rows += part.result()
    codes: Counter[tuple[object, int]] = Counter()
    for g, n in rows:
        number, code = divmod(g, 128)
        codes[(f.field_ids[number - 1] if number else None, code)] += n
    # Average processing time: the same sample of resolved dossiers, the same arithmetic.
    resolved = sum(n for (_, code), n in codes.items() if code < 100 and 1 <= code % 16 <= 4)
    samples: dict[tuple[object, str], list[float]] = defaultdict(list)
    if resolved:
        start, end = p["_start"], p["_end"]
        exact = resolved <= PROCESSING_LIMIT
        windows = (
            [(start, end)]
            if exact
            else sample_windows(start, end, PROCESSING_LIMIT / resolved, SAMPLE_WINDOWS)  # type: ignore[arg-type]
        )
        found = []
        for i in range(0, len(windows), WINDOWS_PER_QUERY):
            chunk = windows[i : i + WINDOWS_PER_QUERY]
            sql = RESOLVED_IN.format(
                windows=" OR ".join(["resolved_at >= ? AND resolved_at < ?"] * len(chunk))
            )
            found += main.execute(sql, [stamp(x) for w in chunk for x in w]).fetchall()
        clock = WorkClock(f.calendar)
        days = clock.working_days_between([epoch(r[1]) for r in found], [epoch(r[2]) for r in found])
        for (field, _, _, outcome), value in zip(found, days, strict=True):
            samples[(field, OUTCOME_CLASS.get(outcome, "early"))].append(value)
    cells: Counter[tuple[object, str]] = Counter()
    for (k, code), n in codes.items():
        if code < 100 and code % 16 in CLOSING_OUTCOME:
            cells[(k, CLOSING_OUTCOME[code % 16])] += n
    mean, measured = average(samples, cells, None)
    return tally(codes), mean, measured  # type: ignore[return-value]


def service_period(f: Folder, boss) -> object:  # type: ignore[no-untyped-def]
    return period_report(f.db, boss, f.day - timedelta(days=364), f.day)


def same_period(f: Folder, boss) -> bool:  # type: ignore[no-untyped-def]
    """Whether the raw baseline's numbers are the report's: every column of every field, and the
    average processing time of the total row."""
    report = service_period(f, boss)
    raw, mean, measured = raw_period(f)
    ours = {r.id.hex: r for r in report.rows if r.id is not None}  # type: ignore[attr-defined]
    for k, c in raw.items():
        theirs = period_row(None, "", "", c, (None, 0))
        if any(getattr(theirs, n) for n in COUNTED):
            row = ours.get(k)  # type: ignore[arg-type]
            if row is None or any(getattr(row, n) != getattr(theirs, n) for n in COUNTED):
                return False
    return (
        report.total.processing_sample == measured  # type: ignore[attr-defined]
        and abs((report.total.avg_processing_days or 0) - (mean or 0)) < 1e-9  # type: ignore[attr-defined]
    )


# ------------------------------------------------------------------------------------------ end of day


def raw_day(f: Folder) -> tuple[int, int]:
    """(received, lines) of the end-of-day report, with the overdue lines' working days and the
    status of the changed ones replayed to the day's end."""
    end = local_midnight(f.day + timedelta(days=1), str(f.tz))
    tomorrow_end = local_midnight(f.calendar.next_working_day(f.day) + timedelta(days=1), str(f.tz))
    params = {
        "office": f.office,
        "day": f.day.isoformat(),
        "next_day": (f.day + timedelta(days=1)).isoformat(),
        "end": stamp(end),
        "end_day": (end - timedelta(days=1)).date().isoformat(),
        "tomorrow_end": stamp(tomorrow_end),
    }
    conn = f.raw[0]
    received = sum(n for *_, n in conn.execute(DAY_RECEIVED, params))
    conn.execute(DAY_ACTS, params).fetchall()
    raw_prefetch(
        f.file, [r[0] for r in conn.execute(f"{DAY_OPEN_ROWS} LIMIT {prefetch.MAX_ROWS + 1}", params)]
    )
    lines = conn.execute(DAY_LINES, params).fetchall()
    conn.execute("SELECT field_id, valid_from, name FROM field_names").fetchall()
    overdue = [epoch(r[10]) for r in lines if r[10] is not None and epoch(r[10]) < end.timestamp()]
    WorkClock(f.calendar).working_days_between(overdue, [end.timestamp()] * len(overdue))
    changed = dict(conn.execute(DAY_CHANGED, params).fetchall())
    codes = {r[0] for r in lines}
    mine = [i for i, code in changed.items() if code in codes]
    raw_replay_reads(f, conn, mine, params["end"])
    conn.execute(DAY_CANCELLED, params).fetchall()
    conn.execute(DAY_SATISFACTION, params).fetchall()
    return received, len(lines)


def raw_replay_reads(f: Folder, conn: sqlite3.Connection, ids: list[str], end: str) -> list[tuple]:
    """The events of the changed dossiers before the day's end, read as the service reads them
    (dossier_lines._events_before): in prefetch.READERS connections in parallel from MIN_ROWS ids."""

    def read(reader: sqlite3.Connection, chunk: list[str]) -> list[tuple]:
        sql = DAY_REPLAY.format(ids=",".join("?" * len(chunk)))
        return reader.execute(sql, [*chunk, end]).fetchall()

    if len(ids) < prefetch.MIN_ROWS:
        return [row for i in range(0, len(ids), 500) for row in read(conn, ids[i : i + 500])]
    size = min(500, -(-len(ids) // prefetch.READERS))
    chunks = [ids[i : i + size] for i in range(0, len(ids), size)]

    def part(chunk: list[str]) -> list[tuple]:
        reader = read_only(f.file)
        try:
            return read(reader, chunk)
        finally:
            reader.close()

    with ThreadPoolExecutor(max_workers=min(prefetch.READERS, len(chunks))) as pool:
        return [row for rows in pool.map(part, chunks) for row in rows]


def raw_prefetch(file: Path, rowids: list[int]) -> None:
    if not prefetch.MIN_ROWS <= len(rowids) <= prefetch.MAX_ROWS:
        return
    ordered = sorted(rowids)
    size = -(-len(ordered) // prefetch.READERS)

    def read(part: list[int]) -> None:
        conn = read_only(file)
        try:
            for i in range(0, len(part), prefetch.PER_STATEMENT):
                ids = part[i : i + prefetch.PER_STATEMENT]
                conn.execute(DAY_PREFETCH.format(ids=",".join("?" * len(ids))), ids).fetchall()
        finally:
            conn.close()

    with ThreadPoolExecutor(max_workers=prefetch.READERS) as pool:
        list(pool.map(read, [ordered[i : i + size] for i in range(0, len(ordered), size)]))


def service_day(f: Folder, boss) -> object:  # type: ignore[no-untyped-def]
    return end_of_day(f.db, boss, f.day)


# --------------------------------------------------------------------------------------------- timing


def cold_ms(f: Folder, fn: Callable[[], object], service: bool) -> float:
    """One run of ``fn`` on an empty page cache and fresh connections."""
    if service:
        f.db.engine.dispose()
    else:
        for conn in f.raw:
            conn.close()
        f.raw[:] = [read_only(f.file) for _ in f.raw]
    drop_page_cache()
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="+", type=Path, help="data folders (never written)")
    parser.add_argument(
        "--day", type=date.fromisoformat, help="report day (default: each folder's last full day)"
    )
    parser.add_argument("--runs", type=int, default=5, help="warm rounds of the period report")
    parser.add_argument("--day-runs", type=int, default=20, help="warm rounds of the end of day")
    parser.add_argument("--cold-runs", type=int, default=3, help="cold runs per side (0: none)")
    parser.add_argument("--scratch", type=Path, default=None, help="where a folder to migrate is copied")
    parser.add_argument(
        "--no-read-ahead",
        action="store_true",
        help="both sides read the end of day's list lines without reading them ahead (the figure before it)",
    )
    args = parser.parse_args()
    if args.no_read_ahead:
        prefetch.MAX_ROWS = -1  # read by the service and by raw_prefetch alike
    cold = args.cold_runs if os.geteuid() == 0 else 0
    if args.cold_runs and not cold:
        print("not root: the page cache cannot be dropped, no cold runs")
    scratch = Path(tempfile.mkdtemp(prefix="bench_reports_", dir=args.scratch))
    folders = [open_folder(folder, args.day, scratch) for folder in args.folders]
    try:
        run(folders, args, cold)
    finally:
        for f in folders:
            f.db.close()
            for conn in f.raw:
                conn.close()
        shutil.rmtree(scratch, ignore_errors=True)


def run(folders: list[Folder], args: argparse.Namespace, cold: int) -> None:
    bosses = {f.name: find_actor(f.db, "lanhdao") for f in folders}
    print(
        f"{os.cpu_count()} CPUs, SQLite {sqlite3.sqlite_version}; service = counter_app, raw = plain sqlite3"
    )
    for f in folders:
        boss = bosses[f.name]
        report, day = service_period(f, boss), service_day(f, boss)
        received, lines = raw_day(f)
        same_day = (received, lines) == (day.received, len(day.overdue) + len(day.due_tomorrow))  # type: ignore[attr-defined]
        total = report.total  # type: ignore[attr-defined]
        print(
            f"\n{f.name}: {f.file} ({f.size_gb:.2f} GB), {f.dossiers:,} dossiers over {f.years} year(s); "
            f"report day {f.day:%d/%m/%Y}\n"
            f"  year {f.day - timedelta(days=364):%d/%m/%Y}–{f.day:%d/%m/%Y}: {total.received:,} received, "
            f"{total.carried_over:,} carried over, {total.resolved:,} resolved, {total.in_progress:,} in "
            f"progress; average {total.avg_processing_days:.2f} working days on {total.processing_sample:,}"
            f"{'' if report.processing_exact else ' (sample)'}\n"  # type: ignore[attr-defined]
            f"  end of day: {day.received} received, {len(day.overdue)} overdue, "  # type: ignore[attr-defined]
            f"{len(day.due_tomorrow)} due tomorrow\n"  # type: ignore[attr-defined]
            f"  raw baseline gives the same numbers: period {same_period(f, boss)}, end of day {same_day}"
        )
    sides = [(f, s) for f in folders for s in ("service", "raw")]
    period_fns = [
        (lambda _, f=f: service_period(f, bosses[f.name]))
        if s == "service"
        else (lambda _, f=f: raw_period(f))
        for f, s in sides
    ]
    day_fns = [
        (lambda _, f=f: service_day(f, bosses[f.name])) if s == "service" else (lambda _, f=f: raw_day(f))
        for f, s in sides
    ]
    period_warm = dict(zip(sides, medians_interleaved(period_fns, [None], rounds=args.runs), strict=True))
    day_warm = dict(zip(sides, medians_interleaved(day_fns, [None], rounds=args.day_runs), strict=True))
    day_cold: dict[tuple[Folder, str], list[float]] = defaultdict(list)
    period_cold: dict[tuple[Folder, str], list[float]] = defaultdict(list)
    for i in range(cold):
        for f in folders:
            order = ("service", "raw") if i % 2 == 0 else ("raw", "service")
            for s in order:
                fn = (
                    (lambda f=f: service_day(f, bosses[f.name]))
                    if s == "service"
                    else (lambda f=f: raw_day(f))
                )
                day_cold[(f, s)].append(cold_ms(f, fn, s == "service"))
            for s in order:
                fn = (
                    (lambda f=f: service_period(f, bosses[f.name]))
                    if s == "service"
                    else (lambda f=f: raw_period(f))
                )
                period_cold[(f, s)].append(cold_ms(f, fn, s == "service"))
    rows: list[tuple[str, str, str, str]] = []
    for f in folders:
        svc, raw = period_warm[(f, "service")], period_warm[(f, "raw")]
        target = "≤ 1000 ms" if f.dossiers >= 900_000 and f.years == 1 else ""
        rows.append((f"{f.name}: period, 1 year, warm (median ms)", f"{svc:.0f}", f"{raw:.0f}", target))
        rows.append(("  ratio service / raw", f"{svc / raw:.2f}×", "", ""))
        if cold:
            svc, raw = (statistics.median(period_cold[(f, s)]) for s in ("service", "raw"))
            rows.append((f"{f.name}: period, 1 year, cold (median ms)", f"{svc:.0f}", f"{raw:.0f}", ""))
        svc, raw = day_warm[(f, "service")], day_warm[(f, "raw")]
        rows.append((f"{f.name}: end of day, warm (median ms)", f"{svc:.1f}", f"{raw:.1f}", "≤ 200 ms"))
        if cold:
            svc, raw = (statistics.median(day_cold[(f, s)]) for s in ("service", "raw"))
            rows.append((f"{f.name}: end of day, cold (median ms)", f"{svc:.0f}", f"{raw:.0f}", "≤ 500 ms"))
    one = [f for f in folders if f.years == 1]
    many = [f for f in folders if f.years > 1]
    for long in many:
        # The one-year folder holding as many dossiers a year as the long one.
        per_year = long.dossiers / long.years
        short = min(one, key=lambda f: abs(f.dossiers - per_year), default=None)
        if short is None or abs(short.dossiers - per_year) > per_year / 4:
            continue
        ratios = [period_warm[(long, s)] / period_warm[(short, s)] for s in ("service", "raw")]
        rows.append(
            (
                f"history: year report, {long.name} / {short.name}",
                f"{ratios[0]:.2f}×",
                f"{ratios[1]:.2f}×",
                "≤ 1.2×",
            )
        )
    print()
    print(table(rows))


if __name__ == "__main__":
    main()
