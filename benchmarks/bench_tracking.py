"""Tracking list pages at every depth, on a large SQLite data folder it only reads (issue 11).

    .venv/bin/python benchmarks/make_scale_dbs.py 1m_5y            # once, ~20 min
    .venv/bin/python benchmarks/bench_tracking.py --data-dir /tmp/bench/1m_5y

Measures one page of the unfiltered list (200 rows, newest first, as the Theo dõi screen asks for
them) at the top, in the middle and at the last full page, through the product's ``list_dossiers``,
beside a raw baseline through plain sqlite3 on the same file doing the same reads: the office row and
the fields' dated names the service reads for every page, then the same joins and columns as one
statement with the row-value keyset ``(received_at, id) < (?, ?)`` the service uses. A third side
runs the raw statement with the keyset written the old way (``received_at < ? OR (received_at = ?
AND id < ?)``) to show what the row value saved. Every side at every depth runs in turn for each
key (interleaved, so a busy neighbour slows them alike), after one untimed pass: a warm page cache.

The folder is only read: the database is opened without migrating and without the statistics
refresh of a normal open, every connection (the product's and the raw ones) is ``PRAGMA
query_only``, and the script checks at the end that the file's size and modification time did not
change — several benchmarks share these large files.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import event

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import medians_interleaved, table  # noqa: E402

from counter_app.config import load_settings  # noqa: E402
from counter_app.db.database import Database  # noqa: E402
from counter_app.db.engine import sqlite_file_of  # noqa: E402
from counter_app.paths import resolve_paths  # noqa: E402
from counter_app.services.tracking import TrackFilter, list_dossiers  # noqa: E402
from counter_app.services.users import find_actor  # noqa: E402

PAGE = 200
RAW = """
SELECT d.id, d.code, a.full_name, v.name, d.field_id, g.name, u.full_name, d.status, d.received_at,
       d.appointment_at
  FROM dossiers d JOIN applicants a ON a.id = d.applicant_id
  JOIN procedure_versions v ON v.id = d.procedure_version_id JOIN procedures p ON p.id = v.procedure_id
  LEFT JOIN agencies g ON g.id = d.current_unit_id LEFT JOIN users u ON u.id = d.received_by_id
 {where} ORDER BY d.received_at DESC, d.id DESC LIMIT {limit}
""".replace("{limit}", str(PAGE))
ROW_VALUE = RAW.replace("{where}", "WHERE (d.received_at, d.id) < (?, ?)")
OR_FORM = RAW.replace("{where}", "WHERE d.received_at < ? OR (d.received_at = ? AND d.id < ?)")
TOP = RAW.replace("{where}", "")

# A stored key (naive UTC text, hex id) or None for the first page.
RawKey = tuple[str, str] | None


def _service_key(key: RawKey) -> tuple[datetime, uuid.UUID] | None:
    if key is None:
        return None
    return datetime.fromisoformat(key[0]).replace(tzinfo=UTC), uuid.UUID(key[1])


def _read_only(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    dbapi_connection.execute("PRAGMA query_only=ON")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--keys", type=int, default=5, help="pages measured at each depth")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    paths = resolve_paths(args.data_dir)
    if not paths.settings_file.exists():
        sys.exit(f"{args.data_dir}: no settings file; not a data folder (make one with make_scale_dbs.py)")
    settings = load_settings(paths)  # the file exists: read only
    url = settings.effective_database_url(paths)
    file = sqlite_file_of(url)
    if file is None or not file.exists():
        sys.exit(f"{url}: this benchmark reads a SQLite file")
    before = (os.path.getsize(file), os.stat(file).st_mtime_ns)
    load = os.getloadavg()

    db = Database.open(url, settings.node_id, migrate=False)  # no migration, no statistics refresh
    event.listen(db.engine, "connect", _read_only)
    raw = sqlite3.connect(file)
    raw.execute("PRAGMA query_only=ON")
    raw.execute("PRAGMA cache_size=-65536")  # as the product's connections
    actor = find_actor(db, "canbo")
    count = raw.execute("SELECT count(*) FROM dossiers").fetchone()[0]
    years = raw.execute("SELECT min(received_local_date), max(received_local_date) FROM dossiers").fetchone()
    now = datetime.fromisoformat(raw.execute("SELECT max(received_at) FROM dossiers").fetchone()[0])
    now = now.replace(tzinfo=UTC)

    def key_at(position: int) -> RawKey:
        row = raw.execute(
            "SELECT received_at, id FROM dossiers ORDER BY received_at DESC, id DESC LIMIT 1 OFFSET ?",
            (position,),
        ).fetchone()
        return row[0], row[1]

    last_full = max(count - PAGE - 1, 0)
    depths: dict[str, list[RawKey]] = {
        "top (first page)": [None] * args.keys,
        "middle": [key_at(count // 2 + 3 * j) for j in range(args.keys)],
        "last full page": [key_at(last_full - 3 * j) for j in range(args.keys)],
    }

    def service(key: RawKey) -> list[str]:
        page = list_dossiers(db, actor, TrackFilter(), now=now, after=_service_key(key), limit=PAGE)
        return [r.code for r in page.rows]

    office = actor.office_id.hex if actor.office_id else ""

    def same_reads() -> None:
        """What the service reads besides the page: the office (its time zone), the fields' names."""
        raw.execute("SELECT * FROM offices WHERE id = ?", (office,)).fetchall()
        raw.execute("SELECT field_id, valid_from, name FROM field_names").fetchall()
        raw.execute("SELECT id, code FROM fields").fetchall()

    def raw_row_value(key: RawKey) -> list[str]:
        same_reads()
        rows = raw.execute(TOP) if key is None else raw.execute(ROW_VALUE, key)
        return [r[1] for r in rows]

    def raw_or_form(key: RawKey) -> list[str]:
        same_reads()
        rows = raw.execute(TOP) if key is None else raw.execute(OR_FORM, (key[0], key[0], key[1]))
        return [r[1] for r in rows]

    same = all(
        service(k) == raw_row_value(k) == raw_or_form(k) and len(service(k)) == PAGE
        for keys in depths.values()
        for k in keys[:1]
    )
    plans = {
        name: " / ".join(r[3] for r in raw.execute("EXPLAIN QUERY PLAN " + sql, args_) if " d " in f"{r[3]} ")
        for name, sql, args_ in (
            ("row value", ROW_VALUE, ("", "")),
            ("OR form", OR_FORM, ("", "", "")),
        )
    }
    # Every depth and side in turn for each key: a load spike from a neighbour hits them all alike.
    # Each run also notes the CPU time of its thread (the untimed first pass included, dropped
    # below): on a shared machine a run of 10 ms is preempted more often than one of 2 ms, which
    # the wall clock counts and the CPU clock does not.
    cpu: list[list[float]] = [[] for _ in range(3 * len(depths))]

    def run(side: Callable[[RawKey], object], keys: list[RawKey], into: list[float]) -> Callable[[int], None]:
        def one(j: int) -> None:
            start = time.thread_time()
            side(keys[j])
            into.append((time.thread_time() - start) * 1000)

        return one

    sides = [service, raw_row_value, raw_or_form]
    runs = [
        run(side, keys, cpu[3 * i + k])
        for i, keys in enumerate(depths.values())
        for k, side in enumerate(sides)
    ]
    wall = medians_interleaved(runs, list(range(args.keys)), rounds=args.rounds)  # type: ignore[arg-type]
    cpu_medians = [statistics.median(samples[args.keys :]) for samples in cpu]
    rows = []
    for i, (depth, keys) in enumerate(depths.items()):
        ours, row_value, or_form = wall[3 * i : 3 * i + 3]
        ours_cpu, row_value_cpu, or_form_cpu = cpu_medians[3 * i : 3 * i + 3]
        rows.append((f"{depth}: wall (median ms)", f"{ours:.1f}", f"{row_value:.1f}", "≤ 10 ms"))
        rows.append(("  CPU of the thread (median ms)", f"{ours_cpu:.1f}", f"{row_value_cpu:.1f}", ""))
        rows.append(
            (
                "  ratio service / raw, wall | CPU",
                f"{ours / row_value:.2f}× | {ours_cpu / row_value_cpu:.2f}×",
                "",
                "",
            )
        )
        if keys[0] is not None:  # the first page has no keyset: the same statement on both
            rows.append(
                ("  raw, old OR keyset: wall | CPU (ms)", "", f"{or_form:.1f} | {or_form_cpu:.1f}", "")
            )
    raw.close()
    db.close()
    after = (os.path.getsize(file), os.stat(file).st_mtime_ns)

    size = os.path.getsize(file) / 1e9
    print(
        f"database: {file} — {count:,} dossiers received {years[0]}…{years[1]}, {size:.2f} GB, "
        f"{os.cpu_count()} CPUs, SQLite {sqlite3.sqlite_version}"
    )
    print(
        f"pages of {PAGE}, {args.keys} keys per depth × {args.rounds} rounds, interleaved, warm cache; "
        f"load average before {load[0]:.2f}, after {os.getloadavg()[0]:.2f}"
    )
    print(f"service and raw statements return the same rows: {same}")
    for name, plan in plans.items():
        print(f"plan, raw {name}: {plan}")
    print(table(rows))
    print(f"database file unchanged (size, mtime): {before == after}")


if __name__ == "__main__":
    main()
