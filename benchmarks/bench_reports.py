"""Report benchmarks on a large SQLite database (issue: reports).

    .venv/bin/counter-cli demo --dossiers 1000000 --data-dir /tmp/big     # once, minutes
    .venv/bin/python benchmarks/bench_reports.py --data-dir /tmp/big

Measures, beside the same aggregation written as one raw SQL statement run through plain sqlite3 on
the same file in the same run:

- the end-of-day report of the office for its last busy day (received by channel, field and officer;
  the day's acts; overdue and due-tomorrow lists with names; cancellations; satisfaction);
- the period report by field over the year ending that day.

The raw statements compute the same counts with the same rules (see counter_app/services/reports) and
the same plan hints ("+column" where an index would mislead SQLite); the service additionally
computes the average processing time in working days (exact up to 10,000 resolved dossiers, else on
a sample) and, for long periods, splits its scan over one read transaction per CPU.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections import Counter
from dataclasses import fields
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import median_ms, table  # noqa: E402

from counter_app.context import open_context  # noqa: E402
from counter_app.services.offices import calendar_for, find_actor, get_office  # noqa: E402
from counter_app.services.reports import PeriodRow, end_of_day, period_report  # noqa: E402
from counter_app.services.reports.period import TOTAL_LABEL, _row, _tally  # noqa: E402

OPEN = "('received','in_progress','supplement_requested','awaiting_payment')"
ACTS = "('intake_supplement_requested','request_supplement','refused','guidance_given','transfer','resolve','return_result')"

RAW_DAY = f"""
SELECT 'received', channel || '|' || coalesce(field_id, '') || '|' || coalesce(received_by_id, ''), count(*)
  FROM dossiers WHERE office_id = :office AND received_local_date = :day
   AND status NOT IN ('cancelled', 'refused', 'new')
 GROUP BY channel, field_id, received_by_id
UNION ALL
SELECT 'act', kind || '|' || coalesce(actor_id, ''), count(*)
  FROM events WHERE kind IN {ACTS} AND local_date = :day AND office_id = :office
   AND (dossier_id IS NULL OR dossier_id NOT IN
        (SELECT dossier_id FROM events WHERE kind = 'cancel' AND local_date >= :day AND dossier_id IS NOT NULL))
 GROUP BY kind, actor_id
UNION ALL
SELECT 'line', d.code || '|' || d.status || '|' || a.full_name || '|' || coalesce(a.phone, '') || '|' || p.code
       || '|' || v.name || '|' || coalesce(f.name, '') || '|' || coalesce(g.name, '') || '|' || d.received_at
       || '|' || coalesce(d.appointment_at, '') || '|' || coalesce(d.legal_due_at, '') || '|' || d.apology_count, 1
  FROM dossiers d JOIN applicants a ON a.id = d.applicant_id
  JOIN procedure_versions v ON v.id = d.procedure_version_id JOIN procedures p ON p.id = v.procedure_id
  LEFT JOIN fields f ON f.id = d.field_id LEFT JOIN agencies g ON g.id = d.current_unit_id
 WHERE +d.office_id = :office AND +d.received_at < :end
   AND (d.status IN {OPEN}
        OR (d.resolved_at >= :end AND +d.status IN ('resolved', 'returned'))
        OR (d.id IN (SELECT dossier_id FROM events WHERE kind IN ('withdraw', 'stop') AND local_date >= :day
                     AND occurred_at >= :end AND dossier_id IS NOT NULL) AND +d.status IN ('withdrawn', 'stopped')))
   AND (d.waiting_since IS NULL OR d.waiting_since >= :end)
   AND d.legal_due_at < :tomorrow_end
UNION ALL
SELECT 'cancel', d.code || '|' || e.actor || '|' || e.occurred_at || '|' || e.payload, 1
  FROM events e JOIN dossiers d ON d.id = e.dossier_id
 WHERE e.kind = 'cancel' AND e.local_date = :day AND e.office_id = :office
UNION ALL
SELECT 'satisfaction', coalesce(d.satisfaction, ''), count(*)
  FROM events e JOIN dossiers d ON d.id = e.dossier_id
 WHERE e.kind = 'return_result' AND e.local_date = :day AND e.office_id = :office AND d.status <> 'cancelled'
 GROUP BY d.satisfaction
"""

RAW_PERIOD = """
SELECT field_id, code, count(*) FROM (
  SELECT field_id,
    CASE WHEN status = 'cancelled' THEN 100 + (received_local_date >= :first)
         WHEN status = 'refused' THEN 110 + (received_local_date >= :first)
         ELSE (CASE WHEN received_local_date < :first THEN 0 WHEN channel = 'online' THEN 16 ELSE 32 END)
            + (CASE WHEN resolved_at IS NOT NULL THEN
                      (CASE WHEN resolved_at < :start THEN 0
                            WHEN resolved_at >= :end THEN
                              (CASE WHEN legal_due_at < :end AND (waiting_since IS NULL
                                         OR waiting_since >= :end) THEN 8 ELSE 7 END)
                            WHEN outcome = 'late' THEN (CASE WHEN apology_count > 0 THEN 4 ELSE 3 END)
                            WHEN outcome = 'on_time' THEN 2 ELSE 1 END)
                    WHEN status IN ('withdrawn', 'stopped') THEN
                      (CASE WHEN id IN (SELECT dossier_id FROM events WHERE kind IN ('withdraw', 'stop')
                                        AND local_date >= :last_day AND occurred_at >= :end)
                              THEN (CASE WHEN legal_due_at < :end AND (waiting_since IS NULL
                                         OR waiting_since >= :end) THEN 8 ELSE 7 END)
                            WHEN received_local_date >= :first OR id IN (SELECT dossier_id FROM events
                                        WHERE kind IN ('withdraw', 'stop')
                                        AND local_date >= :first_day AND occurred_at >= :start)
                              THEN (CASE status WHEN 'withdrawn' THEN 5 ELSE 6 END)
                            ELSE 0 END)
                    WHEN legal_due_at < :end AND (waiting_since IS NULL OR waiting_since >= :end)
                      THEN 8 ELSE 7 END)
    END AS code
  FROM dossiers WHERE received_local_date <= :last AND status <> 'new' LIMIT -1)
GROUP BY field_id, code
"""


COUNTED = [
    f.name
    for f in fields(PeriodRow)
    if f.name not in ("id", "code", "label", "avg_processing_days", "processing_sample")
]


def _stamp(instant: datetime) -> str:
    """An instant as SQLAlchemy stores it in SQLite (naive UTC text)."""
    return instant.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--day", type=date.fromisoformat, help="end-of-day date (default: the last busy day)")
    parser.add_argument("--day-runs", type=int, default=30)
    parser.add_argument("--period-runs", type=int, default=7)
    args = parser.parse_args()

    ctx = open_context(args.data_dir)
    db = ctx.db
    supervisor = find_actor(db, "lanhdao")
    raw = sqlite3.connect(ctx.paths.database_file)
    with db.read() as session:
        office = get_office(session, supervisor.office_id)
        calendar = calendar_for(session, office)
    office_hex = office.id.hex
    count = raw.execute("SELECT count(*) FROM dossiers").fetchone()[0]
    last = raw.execute("SELECT max(received_local_date) FROM dossiers").fetchone()[0]
    busy = raw.execute(
        "SELECT received_local_date FROM dossiers WHERE office_id = ? AND received_local_date >= date(?, '-14 days') "
        "GROUP BY received_local_date HAVING count(*) >= 50 ORDER BY received_local_date DESC LIMIT 1",
        (office_hex, last),
    ).fetchone()
    day = args.day or date.fromisoformat(busy[0] if busy else last)
    tz = ZoneInfo(office.timezone)
    start_of = lambda d: datetime.combine(d, time(0), tzinfo=tz)  # noqa: E731
    end = start_of(day + timedelta(days=1))
    tomorrow_end = start_of(calendar.next_working_day(day) + timedelta(days=1))
    day_params = {
        "office": office_hex,
        "day": day.isoformat(),
        "end": _stamp(end),
        "tomorrow_end": _stamp(tomorrow_end),
    }
    first = day - timedelta(days=364)
    period_params = {
        "first": first.isoformat(),
        "last": day.isoformat(),
        "start": _stamp(start_of(first)),
        "end": _stamp(end),
        "first_day": (first - timedelta(days=1)).isoformat(),
        "last_day": day.isoformat(),
    }

    report = end_of_day(db, supervisor, day)
    service_day = median_ms(lambda: end_of_day(db, supervisor, day), args.day_runs, warmup=3)
    raw_day = median_ms(lambda: raw.execute(RAW_DAY, day_params).fetchall(), args.day_runs, warmup=3)
    period = period_report(db, supervisor, first, day)
    service_period = median_ms(lambda: period_report(db, supervisor, first, day), args.period_runs, warmup=1)
    raw_period = median_ms(
        lambda: raw.execute(RAW_PERIOD, period_params).fetchall(), args.period_runs, warmup=1
    )
    raw_rows = raw.execute(RAW_PERIOD, period_params).fetchall()

    # Same numbers: the raw period rows, tallied like the service's, give the service's total row.
    raw_total = _row(
        None,
        "",
        TOTAL_LABEL,
        sum(_tally(Counter({(k, c): n for k, c, n in raw_rows})).values(), Counter()),
        (None, 0),
    )
    same_period = all(getattr(raw_total, f) == getattr(period.total, f) for f in COUNTED)
    raw_lines = sum(1 for kind, _, _ in raw.execute(RAW_DAY, day_params) if kind == "line")
    same_day = raw_lines == len(report.overdue) + len(report.due_tomorrow)
    size = os.path.getsize(ctx.paths.database_file) / 1e9
    print(f"database: {ctx.paths.database_file} — {count:,} dossiers, {size:.2f} GB, {os.cpu_count()} CPUs")
    print(
        f"end of day {day:%d/%m/%Y}: {report.received} received, {len(report.overdue)} overdue, "
        f"{len(report.due_tomorrow)} due tomorrow, {report.returned} returned"
    )
    print(
        f"period {first:%d/%m/%Y}–{day:%d/%m/%Y}: {period.total.to_process:,} to process, "
        f"{period.total.resolved:,} resolved, {len(period.rows)} fields, average "
        f"{period.total.avg_processing_days:.2f} working days on {period.total.processing_sample:,} dossiers"
        f"{'' if period.processing_exact else ' (sample)'}"
    )
    print(f"raw statements give the same numbers: period {same_period}, day lists {same_day}")
    print(
        table(
            [
                ("end of day (median ms)", f"{service_day:.1f}", f"{raw_day:.1f}", "≤ 200 ms"),
                ("  ratio service / raw", f"{service_day / raw_day:.2f}×", "", "≤ 2×"),
                (
                    "period by field, 1 year (median ms)",
                    f"{service_period:.0f}",
                    f"{raw_period:.0f}",
                    "≤ 1000 ms",
                ),
                ("  ratio service / raw", f"{service_period / raw_period:.2f}×", "", "≤ 2×"),
            ]
        )
    )
    raw.close()
    ctx.close()


if __name__ == "__main__":
    main()
