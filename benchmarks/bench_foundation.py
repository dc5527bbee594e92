"""Foundation benchmarks on a large SQLite database (issue: foundation).

    .venv/bin/counter-cli demo --dossiers 1000000 --data-dir /tmp/big     # once, minutes
    .venv/bin/python benchmarks/bench_foundation.py --data-dir /tmp/big

Everything runs on a scratch copy of the database (SQLite's backup API, the benchmarked file
opened read-only and never written), migrated to this version's schema and deleted afterwards.
Measures, beside raw sqlite3 baselines on the same copy in the same run:
- lookup by code through the service (dossier, applicant, procedure, documents and events, then the
  audit record written before the data is shown, issue 14) vs the same reads as raw indexed sqlite3
  queries plus the same audit record written with plain sqlite3 (one transaction: head read and
  moved, record inserted with its SHA-256), and vs the single raw dossier-row query;
- accent-insensitive name search, first 50 rows, and its audit record, vs the raw index-range query
  and the same raw audit record;
- receive throughput through the service layer (validation, daily number, appointment, event with
  hash and the intake's facts, one transaction each) vs the raw baseline of benchmarks/raw_receive.py:
  sqlite3 writing the same rows (applicant, dossier, documents, event), counters and chain head into
  the same schema and indexes, one BEGIN IMMEDIATE transaction per dossier.

Lookups and searches are timed side by side (each input through the service, then the raw
queries) after one untimed pass, so page caches are warm on both sides and machine noise hits both.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import medians_interleaved, table  # noqa: E402
from raw_receive import Applicants, RawReceiver, fixed_for, sqlite_connection  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from counter_app.db.database import Database  # noqa: E402
from counter_app.db.event_log import GENESIS_HASH, canonical_json  # noqa: E402
from counter_app.db.models import AuditRecord  # noqa: E402
from counter_app.db.sqlite_copy import snapshot  # noqa: E402
from counter_app.domain.text import search_key  # noqa: E402
from counter_app.paths import resolve_paths  # noqa: E402
from counter_app.services.lookup import lookup, search  # noqa: E402
from counter_app.services.offices import find_actor  # noqa: E402
from counter_app.services.receiving import receive  # noqa: E402

PROCEDURE = "2.001955"


def receive_rates(copy: Path, receives: int, rounds: int) -> tuple[float, float]:
    """Dossiers/s through the service and through the raw baseline, both writing into ``copy`` (the
    scratch copy of the benchmarked database: same schema, indexes and depth). Rounds alternate the
    sides, each a batch of ``receives`` dossiers with a new applicant each; the medians are returned."""
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
    return statistics.median(rates["service"]), statistics.median(rates["raw"])


class RawAudit:
    """The audit record the product writes before a lookup's data is shown (issue 14), written with
    plain sqlite3: one BEGIN IMMEDIATE transaction reading and moving the chain head, inserting the
    record with its SHA-256 over the same canonical JSON."""

    def __init__(self, conn: sqlite3.Connection, node: str = "bench-raw-audit") -> None:
        self.conn, self.node = conn, node

    def __call__(self, code: str) -> None:
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        head = conn.execute(
            "SELECT last_seq, last_hash FROM audit_heads WHERE node_id = ?", (self.node,)
        ).fetchone()
        seq, prev = (head[0] + 1, head[1]) if head else (1, GENESIS_HASH)
        record_id, at = uuid.uuid4(), datetime.now(UTC)
        content = {
            "id": str(record_id), "node_id": self.node, "seq": seq, "at": at.isoformat(timespec="microseconds"),
            "actor": "canbo", "actor_id": None, "action": "dossier_viewed", "subject": code, "details": {},
            "prev_hash": prev,
        }  # fmt: skip
        digest = hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()
        conn.execute(
            "INSERT INTO audit_records (id, node_id, seq, at, actor, actor_id, action, subject, details, "
            "prev_hash, hash) VALUES (?, ?, ?, ?, 'canbo', NULL, 'dossier_viewed', ?, '{}', ?, ?)",
            (record_id.hex, self.node, seq, at.strftime("%Y-%m-%d %H:%M:%S.%f"), code, prev, digest),
        )
        conn.execute(
            "INSERT INTO audit_heads (node_id, last_seq, last_hash) VALUES (?, ?, ?) ON CONFLICT (node_id) "
            "DO UPDATE SET last_seq = excluded.last_seq, last_hash = excluded.last_hash",
            (self.node, seq, digest),
        )
        conn.execute("COMMIT")


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

    # Lookups write their audit record, receipts their dossiers: everything runs on a scratch copy
    # (SQLite's backup API, the benchmarked file opened read-only and never written), migrated to
    # this version's schema.
    source = resolve_paths(args.data_dir).database_file
    scratch = Path(tempfile.mkdtemp(prefix="bench_foundation_", dir=args.scratch_dir))
    copy = scratch / "counter.sqlite3"
    started = time.perf_counter()
    snapshot(source, copy, read_only=True)
    copy_s = time.perf_counter() - started
    db = Database.open(f"sqlite:///{copy}", "bench-foundation")
    raw = sqlite3.connect(copy, isolation_level=None)
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

    raw_audit = RawAudit(raw)

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
    with db.read() as session:
        logged = session.execute(select(func.count()).select_from(AuditRecord)).scalar_one()

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
        raw_audit(q)  # the service records each search too (its codes; here the text: the same work)

    def service_search_fn(q: str) -> None:
        search(db, actor, q)

    service_search, raw_search_ms = medians_interleaved([service_search_fn, raw_search], names * 20)

    service_rate, raw_rate = receive_rates(copy, args.receives, args.rounds)

    print(f"database: {source} — {count:,} dossiers (a scratch copy, made in {copy_s:.1f} s)")
    print(
        table(
            [
                (
                    "lookup by code + audit record (median ms)",
                    f"{service_lookup:.2f}",
                    f"{raw_lookup:.2f}",
                    "≤ 10 ms",
                ),
                ("  raw single-row query (median ms)", "", f"{raw_single:.3f}", ""),
                ("  ratio service / raw full", f"{service_lookup / raw_lookup:.1f}×", "", "≤ 3×"),
                (
                    "name search, first 50 + audit record (median ms)",
                    f"{service_search:.2f}",
                    f"{raw_search_ms:.2f}",
                    "≤ 50 ms",
                ),
                ("receive throughput (dossiers/s)", f"{service_rate:.0f}", f"{raw_rate:.0f}", "≥ 150/s"),
                ("  ratio raw / service", f"{raw_rate / service_rate:.1f}×", "", ""),
            ]
        )
    )
    print(f"(audit records the service wrote: {logged:,}; the copy is deleted)")
    raw.close()
    db.close()
    shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
