"""Foundation benchmarks on a large SQLite database (issue: foundation).

    .venv/bin/counter-cli demo --dossiers 1000000 --data-dir /tmp/big     # once, minutes
    .venv/bin/python benchmarks/bench_foundation.py --data-dir /tmp/big

Measures, beside raw sqlite3 baselines on the same file in the same run:
- lookup by code through the service (dossier, applicant, procedure, documents and events) vs the
  same reads as raw indexed sqlite3 queries, and vs the single raw dossier-row query;
- accent-insensitive name search, first 50 rows, vs the raw index-range query;
- receive throughput through the service layer (validation, daily number, appointment, event with
  hash, one transaction each) vs the raw baseline of benchmarks/raw_receive.py: sqlite3 writing the
  same rows (applicant, dossier, documents, event), counters and chain head into the same schema
  and indexes, one BEGIN IMMEDIATE transaction per dossier. Both write into a scratch copy of the
  database (same schema and depth, deleted afterwards): the benchmarked file is only read (opened
  without migrating it: open it once with the product first if its schema is older).

Lookups and searches are timed side by side (each input through the service, then the raw
queries) after one untimed pass, so page caches are warm on both sides and machine noise hits both.
"""

from __future__ import annotations

import argparse
import logging
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import medians_interleaved, table  # noqa: E402
from raw_receive import Applicants, RawReceiver, fixed_for, sqlite_connection  # noqa: E402

from counter_app.context import open_context  # noqa: E402
from counter_app.db.database import Database  # noqa: E402
from counter_app.db.sqlite_copy import snapshot  # noqa: E402
from counter_app.domain.text import search_key  # noqa: E402
from counter_app.logsetup import setup_logging  # noqa: E402
from counter_app.paths import resolve_paths  # noqa: E402
from counter_app.services.lookup import lookup, search  # noqa: E402
from counter_app.services.offices import find_actor  # noqa: E402
from counter_app.services.receiving import receive  # noqa: E402

PROCEDURE = "2.001955"


def receive_rates(
    source: Path, receives: int, rounds: int, scratch_dir: Path | None
) -> tuple[float, float, float]:
    """Dossiers/s through the service and through the raw baseline, in a scratch copy of ``source``.

    The copy (SQLite's backup API, the source opened read-only) has the same schema, indexes and
    depth as the benchmarked database, which is never written. Rounds alternate the sides, each a
    batch of ``receives`` dossiers with a new applicant each; the medians of the rounds are returned
    with the time the copy took.
    """
    scratch = Path(tempfile.mkdtemp(prefix="bench_receive_", dir=scratch_dir))
    try:
        copy = scratch / "counter.sqlite3"
        start = time.perf_counter()
        snapshot(source, copy, read_only=True)
        copy_s = time.perf_counter() - start
        db = Database.open(f"sqlite:///{copy}", "bench-receive", migrate=False)
        raw_conn = sqlite_connection(str(copy))
        try:
            actor = find_actor(db, "canbo")
            people, raw_people = Applicants(1), Applicants(2)
            raw = RawReceiver(raw_conn, "sqlite", "bench-raw", fixed_for(db, actor, PROCEDURE))

            def service() -> None:
                receive(db, actor, people.request(PROCEDURE), now=datetime.now(UTC))

            def baseline() -> None:
                raw.receive(raw_people.next(), datetime.now(UTC))

            rates: dict[str, list[float]] = {"service": [], "raw": []}
            sides = [("service", service), ("raw", baseline)]
            for _ in range(10):  # warm: connections, compiled statements, caches
                service()
                baseline()
            for round_no in range(rounds):
                for name, one in sides if round_no % 2 == 0 else sides[::-1]:
                    start = time.perf_counter()
                    for _ in range(receives):
                        one()
                    rates[name].append(receives / (time.perf_counter() - start))
        finally:
            raw_conn.close()
            db.close()
        return statistics.median(rates["service"]), statistics.median(rates["raw"]), copy_s
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--lookups", type=int, default=300)
    parser.add_argument("--receives", type=int, default=100, help="dossiers per side and round")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved receive rounds")
    parser.add_argument(
        "--scratch-dir", type=Path, help="where the scratch copy goes (default: the temp dir)"
    )
    args = parser.parse_args()

    ctx = open_context(args.data_dir, migrate=False)  # only read: never migrated or analysed here
    db = ctx.db
    raw = sqlite3.connect(ctx.paths.database_file)
    count = raw.execute("SELECT count(*) FROM dossiers").fetchone()[0]
    rng = random.Random(5)
    max_rowid = raw.execute("SELECT max(rowid) FROM dossiers").fetchone()[0]
    actor = find_actor(db, "canbo")
    codes = []
    while len(codes) < args.lookups:
        row = raw.execute(
            "SELECT code FROM dossiers WHERE rowid = ?", (rng.randint(1, max_rowid),)
        ).fetchone()
        if row:
            codes.append(row[0])

    def raw_full(code: str) -> None:
        d = raw.execute(
            "SELECT d.*, a.full_name, a.id_number, a.phone, a.address, v.name, v.version_no, p.code "
            "FROM dossiers d JOIN applicants a ON a.id = d.applicant_id "
            "JOIN procedure_versions v ON v.id = d.procedure_version_id JOIN procedures p ON p.id = v.procedure_id "
            "WHERE d.code = ?",
            (code,),
        ).fetchone()
        raw.execute(
            "SELECT * FROM dossier_documents WHERE dossier_id = ? ORDER BY ordinal", (d[0],)
        ).fetchall()
        raw.execute("SELECT * FROM events WHERE dossier_id = ? ORDER BY occurred_at, seq", (d[0],)).fetchall()

    # The audit line the product writes for every lookup (who viewed which dossier) goes to a log
    # file, as in the app: here one in a scratch folder, and the raw side writes the same line, in
    # the same format, to its own file, flushed each time as the product's log handler does.
    audit_dir = Path(tempfile.mkdtemp(prefix="bench_audit_", dir=args.scratch_dir))
    setup_logging(resolve_paths(audit_dir))
    raw_log = (audit_dir / "raw_audit.log").open("a", encoding="utf-8")
    audit_format = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def raw_audit(code: str) -> None:
        record = logging.LogRecord(
            "counter_app.audit", logging.INFO, "", 0, "%s viewed dossier %s", ("canbo", code), None
        )
        raw_log.write(audit_format.format(record) + "\n")
        raw_log.flush()

    def raw_full_audited(code: str) -> None:
        raw_full(code)
        raw_audit(code)

    def raw_row(code: str) -> None:
        raw.execute("SELECT * FROM dossiers WHERE code = ?", (code,)).fetchone()

    def service_full(code: str) -> None:
        lookup(db, actor, code)

    service_lookup, raw_lookup, raw_single = medians_interleaved(
        [service_full, raw_full_audited, raw_row], codes
    )
    raw_log.close()
    logged = sum(
        1 for line in (audit_dir / "logs" / "counter_app.log").open(encoding="utf-8") if "viewed" in line
    )

    names = ["nguyen van h", "tran thi", "le minh", "pham quoc t", "hoang ngoc"]

    def raw_search(q: str) -> None:
        key = search_key(q)
        upper = key[:-1] + chr(ord(key[-1]) + 1)
        raw.execute(
            "SELECT d.code, a.full_name, d.status, d.received_at, d.appointment_at FROM dossiers d "
            "JOIN applicants a ON a.id = d.applicant_id WHERE d.applicant_id IN (SELECT id FROM applicants "
            "WHERE search_key >= ? AND search_key < ? ORDER BY search_key LIMIT 50) "
            "ORDER BY d.received_at DESC LIMIT 50",
            (key, upper),
        ).fetchall()

    def service_search_fn(q: str) -> None:
        search(db, actor, q)

    service_search, raw_search_ms = medians_interleaved([service_search_fn, raw_search], names * 20)

    service_rate, raw_rate, copy_s = receive_rates(
        ctx.paths.database_file, args.receives, args.rounds, args.scratch_dir
    )

    print(f"database: {ctx.paths.database_file} — {count:,} dossiers")
    print(
        table(
            [
                (
                    "lookup by code + audit line (median ms)",
                    f"{service_lookup:.2f}",
                    f"{raw_lookup:.2f}",
                    "≤ 10 ms",
                ),
                ("  raw single-row query (median ms)", "", f"{raw_single:.3f}", ""),
                ("  ratio service / raw full", f"{service_lookup / raw_lookup:.1f}×", "", "≤ 3×"),
                (
                    "name search, first 50 (median ms)",
                    f"{service_search:.2f}",
                    f"{raw_search_ms:.2f}",
                    "≤ 50 ms",
                ),
                ("receive throughput (dossiers/s)", f"{service_rate:.0f}", f"{raw_rate:.0f}", "≥ 150/s"),
                ("  ratio raw / service", f"{raw_rate / service_rate:.1f}×", "", ""),
            ]
        )
    )
    print(f"(receipts written into a scratch copy of the database, made in {copy_s:.1f} s, then deleted)")
    print(f"(audit lines the service wrote to its scratch log: {logged:,})")
    shutil.rmtree(audit_dir, ignore_errors=True)
    raw.close()
    ctx.close()


if __name__ == "__main__":
    main()
