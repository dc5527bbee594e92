"""Benchmark: the province's cross-office reports at 1,000,000 dossiers on PostgreSQL (issue 15).

    .venv/bin/python benchmarks/bench_province_reports.py               # 1,000,000 dossiers, ~5 min
    .venv/bin/python benchmarks/bench_province_reports.py --dossiers 200000 --offices 20

Starts its own PostgreSQL cluster (port 55433, under /tmp; never the test server) with the server's
default durability (fsync on), migrates a province database, sets up its office and catalogue, and
enrols ``--offices`` offices with their calendars. Then it loads the offices' dossiers in bulk —
``INSERT … SELECT`` over ``generate_series`` on the server, not through the import: three years of
receipts spread evenly over the offices and fields, their lives as the demo's (resolved early, on
time or late, returned, withdrawn, stopped, cancelled, refused; the last month's still open, some
waiting for the citizen) — and their events (hand-off, resolution, return, withdraw, stop), about
three per dossier, and each office's chain head. ANALYZE, then, interleaved, three rounds each:

- the province's year report (``province_period``, the last 365 days: every office, every field,
  each office judged as of its data, the average processing time on each office's calendar) beside
  the raw floor: psycopg running one ``GROUP BY office`` over the same dossiers that counts the
  same columns with plain ``FILTER`` clauses (no per-office judgement, no events, no average);
- the end-of-day summary across the offices (``province_day``) beside one raw query per part
  (received, acts, open) for the same day.

The cluster is stopped and removed at the end.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_pg_counters import PG_PORT, PG_ROOT, conninfo, start_cluster, stop_cluster  # noqa: E402
from sqlalchemy import select  # noqa: E402

from counter_app.db.database import Database  # noqa: E402
from counter_app.db.models import ExchangePeer, Field, Office  # noqa: E402
from counter_app.services import demo  # noqa: E402
from counter_app.services.actor import SYSTEM_ACTOR  # noqa: E402
from counter_app.services.exchange.province_day import province_day  # noqa: E402
from counter_app.services.exchange.province_reports import province_period  # noqa: E402
from counter_app.services.offices import calendar_spec  # noqa: E402

CATALOG = ROOT / "tests" / "fixtures" / "test_catalog.json"
YEARS = 3

# The offices' dossiers, made on the server. :n dossiers, received evenly over YEARS years up to
# :now; ``fate`` decides each life. The last 30 days' dossiers are still open (10 % waiting).
DOSSIERS = """
INSERT INTO exchange_dossiers (
    dossier_id, peer_fingerprint, code, procedure_code, status, channel, applicant_name,
    applicant_id_number, received_at, appointment_at, resolved_at, outcome, current_unit,
    last_event_at, office_id, received_local_date, legal_due_at, waiting_since, apology_count,
    returned_at, field_code)
SELECT
    gen_random_uuid(), 'BENCH-' || lpad(o::text, 4, '0'), 'B' || i, 'P' || mod(i, 50),
    CASE WHEN recent THEN (CASE WHEN fate < 0.1 THEN 'supplement_requested' ELSE 'in_progress' END)
         WHEN fate < 0.01 THEN 'cancelled' WHEN fate < 0.02 THEN 'refused'
         WHEN fate < 0.04 THEN 'withdrawn' WHEN fate < 0.05 THEN 'stopped'
         WHEN fate < 0.15 THEN 'resolved' ELSE 'returned' END,
    CASE WHEN mod(i, 4) = 0 THEN 'online' ELSE 'direct' END, 'Người nộp ' || i, lpad(i::text, 12, '0'),
    at, at + interval '7 days', resolved, outcome, 'VHXH', coalesce(resolved, at + interval '3 days'),
    ('00000000-0000-0000-0000-' || lpad(o::text, 12, '0'))::uuid,
    (at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, at + interval '7 days',
    CASE WHEN recent AND fate < 0.1 THEN at + interval '1 day' END,
    CASE WHEN outcome = 'late' AND fate > 0.9 THEN 1 ELSE 0 END,
    CASE WHEN NOT recent AND fate >= 0.15 THEN resolved + interval '1 day' END,
    (:fields::text[])[1 + mod(i, cardinality(:fields::text[]))]
FROM (
    SELECT i, o, at, fate, recent, resolved,
        CASE WHEN resolved IS NULL THEN NULL
             WHEN resolved < at + interval '6 days' THEN 'early'
             WHEN resolved < at + interval '7 days' THEN 'on_time' ELSE 'late' END AS outcome
    FROM (
        SELECT i, o, at, fate, recent,
            CASE WHEN NOT recent AND fate >= 0.05 THEN at + (random() * 9) * interval '1 day' END AS resolved
        FROM (
            SELECT i, mod(i, :offices) AS o,
                :now - (:n - i) * (:span / :n) * interval '1 second' AS at, random() AS fate,
                (:n - i) * (:span / :n) < 30 * 86400 AS recent
            FROM generate_series(1, :n) AS i
        ) base
    ) lives
) d
"""
# Their events: a hand-off for each received one, the resolution, the return, the withdrawal or
# stop — numbered per office chain in time order.
EVENTS = """
INSERT INTO exchange_events (id, node_id, seq, kind, office_id, dossier_id, actor_id, actor, occurred_at,
    local_date, payload, prev_hash, hash, hash_version, bundle_id)
SELECT gen_random_uuid(), node, row_number() OVER (PARTITION BY node ORDER BY at, dossier_id, kind), kind,
    office_id, dossier_id, NULL, 'canbo', at, (at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, payload,
    repeat('0', 64), md5(dossier_id::text || kind) || md5(kind || dossier_id::text), 2,
    '00000000-0000-0000-0000-000000000000'
FROM (
    SELECT 'node-' || peer_fingerprint AS node, office_id, dossier_id, 'transfer' AS kind,
        received_at + interval '2 hours' AS at, '{}'::json AS payload
    FROM exchange_dossiers WHERE status NOT IN ('cancelled', 'refused')
    UNION ALL
    SELECT 'node-' || peer_fingerprint, office_id, dossier_id, 'resolve', resolved_at, '{}'::json
    FROM exchange_dossiers WHERE resolved_at IS NOT NULL
    UNION ALL
    SELECT 'node-' || peer_fingerprint, office_id, dossier_id, 'return_result', returned_at,
        json_build_object('satisfaction', 1 + (abs(hashtext(dossier_id::text)) % 5))
    FROM exchange_dossiers WHERE returned_at IS NOT NULL
    UNION ALL
    SELECT 'node-' || peer_fingerprint, office_id, dossier_id,
        CASE status WHEN 'withdrawn' THEN 'withdraw' ELSE 'stop' END, last_event_at, '{}'::json
    FROM exchange_dossiers WHERE status IN ('withdrawn', 'stopped')
) e
"""
CHAINS = """
INSERT INTO exchange_chains (node_id, peer_fingerprint, last_seq, last_hash, updated_at)
SELECT node_id, substr(node_id, 6), max(seq), repeat('0', 64), now() FROM exchange_events GROUP BY node_id
"""
# The raw floor of the year report: one pass, the same columns counted with FILTER per office.
RAW_PERIOD = """
SELECT peer_fingerprint,
    count(*) FILTER (WHERE received_local_date >= %(first)s AND status NOT IN ('cancelled', 'refused')),
    count(*) FILTER (WHERE received_local_date >= %(first)s AND channel = 'online'
                     AND status NOT IN ('cancelled', 'refused')),
    count(*) FILTER (WHERE received_local_date < %(first)s AND status NOT IN ('cancelled', 'refused')),
    count(*) FILTER (WHERE resolved_at >= %(start)s AND resolved_at < %(end)s AND outcome = 'early'),
    count(*) FILTER (WHERE resolved_at >= %(start)s AND resolved_at < %(end)s AND outcome = 'on_time'),
    count(*) FILTER (WHERE resolved_at >= %(start)s AND resolved_at < %(end)s AND outcome = 'late'),
    count(*) FILTER (WHERE status IN ('received', 'in_progress', 'supplement_requested', 'awaiting_payment')
                     AND legal_due_at < %(end)s),
    count(*) FILTER (WHERE status = 'withdrawn'), count(*) FILTER (WHERE status = 'stopped'),
    count(*) FILTER (WHERE status = 'cancelled' AND received_local_date >= %(first)s),
    count(*) FILTER (WHERE status = 'refused' AND received_local_date >= %(first)s)
FROM exchange_dossiers
WHERE received_local_date <= %(last)s AND (received_local_date >= %(first)s OR resolved_at >= %(start)s
    OR status IN ('received', 'in_progress', 'supplement_requested', 'awaiting_payment', 'withdrawn', 'stopped'))
GROUP BY peer_fingerprint
"""
RAW_DAY = (
    "SELECT peer_fingerprint, channel, count(*) FROM exchange_dossiers WHERE received_local_date = %(day)s "
    "AND status NOT IN ('cancelled', 'refused', 'new') GROUP BY 1, 2",
    "SELECT node_id, kind, count(*) FROM exchange_events WHERE local_date = %(day)s GROUP BY 1, 2",
    "SELECT peer_fingerprint, legal_due_at < %(end)s, count(*) FROM exchange_dossiers "
    "WHERE status IN ('received', 'in_progress') AND legal_due_at < %(tomorrow)s GROUP BY 1, 2",
)


def setup(url: str, dossiers: int, offices: int, now: datetime) -> Database:
    db = Database.open(url, "bench-province")
    demo.ensure_demo_setup(db, now=now, catalog=CATALOG)
    with db.write() as session:
        office = session.execute(select(Office).limit(1)).scalar_one()
        spec = calendar_spec(session, office)
        fields = list(session.execute(select(Field.code)).scalars())
        for o in range(offices):
            office_id = str(uuid.UUID(f"00000000-0000-0000-0000-{o:012d}"))
            session.add(
                ExchangePeer(
                    fingerprint=f"BENCH-{o:04d}",
                    public_key="-",
                    office_code=f"000.{o:02d}.23.H56",
                    office_name=f"Trung tâm Phục vụ hành chính công xã số {o}",
                    enrolled_at=now,
                    enrolled_by="bench",
                    calendars={office_id: spec | {"code": f"000.{o:02d}.23.H56"}},
                    calendars_at=now,
                )
            )
    started = time.perf_counter()
    with psycopg.connect(conninfo(url), autocommit=True) as conn:
        params = {
            "n": dossiers,
            "offices": offices,
            "now": now,
            "span": YEARS * 365 * 86400.0,
            "fields": fields,
        }
        query = DOSSIERS
        for name in ("now", "offices", "span", "fields", "n"):  # ":n" last: it starts ":now"
            query = query.replace(f":{name}", f"%({name})s")
        conn.execute(query, params)
        conn.execute(EVENTS)
        conn.execute(CHAINS)
        conn.execute("ANALYZE")
        events = conn.execute("SELECT count(*) FROM exchange_events").fetchone()[0]  # type: ignore[index]
    print(
        f"loaded {dossiers:,} dossiers and {events:,} events of {offices} offices over {YEARS} years "
        f"in {time.perf_counter() - started:.0f} s"
    )
    return db


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dossiers", type=int, default=1_000_000)
    parser.add_argument("--offices", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    now = datetime.now(UTC).replace(microsecond=0)
    today = now.date()
    first, last = today - timedelta(days=364), today
    day = today - timedelta(days=1)
    root = PG_ROOT.with_name(PG_ROOT.name + "_province")
    server = start_cluster(root, PG_PORT, {})
    try:
        with psycopg.connect(conninfo(server), autocommit=True) as conn:
            conn.execute("CREATE DATABASE province")
            settings = {
                k: conn.execute(f"SHOW {k}").fetchone()[0]
                for k in ("server_version", "fsync", "synchronous_commit")
            }  # type: ignore[index]
        print("PostgreSQL:", ", ".join(f"{k}={v}" for k, v in settings.items()))
        url = server.rsplit("/", 1)[0] + "/province"
        db = setup(url, args.dossiers, args.offices, now)
        start = datetime.combine(first, datetime.min.time(), tzinfo=UTC) - timedelta(hours=7)
        end = datetime.combine(last + timedelta(days=1), datetime.min.time(), tzinfo=UTC) - timedelta(hours=7)
        day_end = datetime.combine(day + timedelta(days=1), datetime.min.time(), tzinfo=UTC) - timedelta(
            hours=7
        )
        raw_params = {"first": first, "last": last, "start": start, "end": end}
        day_params = {"day": day, "end": day_end, "tomorrow": day_end + timedelta(days=1)}
        with psycopg.connect(conninfo(url)) as conn:

            def raw_period() -> None:
                conn.execute(RAW_PERIOD, raw_params).fetchall()

            def raw_day() -> None:
                for query in RAW_DAY:
                    conn.execute(query, day_params).fetchall()

            report = province_period(db, SYSTEM_ACTOR, first, last)  # untimed: warms the caches
            province_day(db, SYSTEM_ACTOR, day)
            raw_period()
            raw_day()
            sides: dict[str, list[float]] = {"period": [], "raw period": [], "day": [], "raw day": []}
            for i in range(args.rounds):
                order = [
                    ("period", lambda: province_period(db, SYSTEM_ACTOR, first, last)),
                    ("raw period", raw_period),
                    ("day", lambda: province_day(db, SYSTEM_ACTOR, day)),
                    ("raw day", raw_day),
                ]
                for name, fn in order if i % 2 == 0 else reversed(order):
                    sides[name].append(timed(fn))
        db.close()
        t = report.total
        print(
            f"year {first:%d/%m/%Y}–{last:%d/%m/%Y}: to process {t.to_process:,}, received {t.received:,}, "
            f"resolved {t.resolved:,}, in progress {t.in_progress:,} (overdue {t.in_progress_overdue:,}), "
            f"average {t.avg_processing_days:.2f} working days on {t.processing_sample:,} measured"
        )
        for name in ("period", "day"):
            mine, raw = statistics.median(sides[name]), statistics.median(sides[f"raw {name}"])
            what = "cross-office year report" if name == "period" else "cross-office end of day"
            print(
                f"{what}: {mine * 1000:,.0f} ms (median of {args.rounds}; "
                f"{', '.join(f'{s * 1000:,.0f}' for s in sides[name])}) | raw psycopg floor {raw * 1000:,.0f} ms "
                f"| ×{mine / raw:.1f}"
            )
    finally:
        stop_cluster(root)


if __name__ == "__main__":
    main()
