"""Foundation benchmarks on a large SQLite database (issue: foundation).

    .venv/bin/counter-cli demo --dossiers 1000000 --data-dir /tmp/big     # once, minutes
    .venv/bin/python benchmarks/bench_foundation.py --data-dir /tmp/big

Measures, beside raw sqlite3 baselines on the same file in the same run:
- lookup by code through the service (dossier, applicant, procedure, documents and events) vs the
  same reads as raw indexed sqlite3 queries, and vs the single raw dossier-row query;
- accent-insensitive name search, first 50 rows, vs the raw index-range query;
- receive throughput through the service layer (validation, daily number, appointment, event with
  hash, one transaction each) vs raw sqlite3 inserts of a dossier row and an event row per transaction.

Lookups and searches are timed side by side (each input through the service, then the raw
queries) after one untimed pass, so page caches are warm on both sides and machine noise hits both.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import medians_interleaved, table  # noqa: E402

from counter_app.context import open_context  # noqa: E402
from counter_app.domain.text import search_key  # noqa: E402
from counter_app.services.applicants import ApplicantInput  # noqa: E402
from counter_app.services.lookup import lookup, search  # noqa: E402
from counter_app.services.offices import find_actor  # noqa: E402
from counter_app.services.receiving import IntakeRequest, receive  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--lookups", type=int, default=300)
    parser.add_argument("--receives", type=int, default=300)
    args = parser.parse_args()

    ctx = open_context(args.data_dir)
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

    def raw_row(code: str) -> None:
        raw.execute("SELECT * FROM dossiers WHERE code = ?", (code,)).fetchone()

    def service_full(code: str) -> None:
        lookup(db, actor, code)

    service_lookup, raw_lookup, raw_single = medians_interleaved([service_full, raw_full, raw_row], codes)

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

    request = IntakeRequest(
        "2.001955",
        ApplicantInput(full_name="Nguyễn Thị Ánh Hồng", id_number="038190012345", phone="0912345678"),
    )
    start = time.perf_counter()
    for _ in range(args.receives):
        receive(db, actor, request, now=datetime.now(UTC))
    service_rate = args.receives / (time.perf_counter() - start)

    raw.execute("CREATE TEMP TABLE bench_d (id, code, payload)")
    raw.execute("CREATE TEMP TABLE bench_e (id, seq, payload, hash)")
    start = time.perf_counter()
    for i in range(args.receives):
        with raw:
            raw.execute("INSERT INTO bench_d VALUES (?, ?, ?)", (uuid.uuid4().hex, f"X-{i}", "{}"))
            raw.execute("INSERT INTO bench_e VALUES (?, ?, ?, ?)", (uuid.uuid4().hex, i, "{}", "0" * 64))
    raw_rate = args.receives / (time.perf_counter() - start)

    print(f"database: {ctx.paths.database_file} — {count:,} dossiers")
    print(
        table(
            [
                ("lookup by code, full (median ms)", f"{service_lookup:.2f}", f"{raw_lookup:.2f}", "≤ 10 ms"),
                ("  raw single-row query (median ms)", "", f"{raw_single:.3f}", ""),
                ("  ratio service / raw full", f"{service_lookup / raw_lookup:.1f}×", "", "≤ 3×"),
                (
                    "name search, first 50 (median ms)",
                    f"{service_search:.2f}",
                    f"{raw_search_ms:.2f}",
                    "≤ 50 ms",
                ),
                ("receive throughput (dossiers/s)", f"{service_rate:.0f}", f"{raw_rate:.0f}", "≥ 100/s"),
            ]
        )
    )
    raw.close()
    ctx.close()


if __name__ == "__main__":
    main()
