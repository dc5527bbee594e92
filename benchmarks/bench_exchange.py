"""Benchmark: an upward bundle of 100,000 events, exported at an office and imported at the province
(issue 15).

Run: ``.venv/bin/python benchmarks/bench_exchange.py /tmp/bench/200k_1y_h --pg URL [--events 100000]``

The scale office (benchmarks/make_scale_dbs.py) is copied and migrated; its cursor is set so that
the province has acknowledged all but the last ``--events`` events, so the export carries exactly
those. Timed, each beside its raw floor measured in the same run:

- export: ``export_events`` (read, one JSON line per event, deflate, SHA-256, Ed25519 signature)
  against plain sqlite3 reading the same rows into JSON lines in a zip;
- import on PostgreSQL: ``enrol`` once, then ``import_events`` (signature, every event's hash
  recomputed and every link followed, applied in one transaction) into a fresh database, against
  psycopg inserting the same rows into a bare table (executemany in one transaction).

The province database is made empty (``CREATE DATABASE``) and dropped at the end.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
import time
import uuid
import zipfile
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from counter_app.db.database import Database  # noqa: E402
from counter_app.db.models import Event, ExchangeAck, ExchangeChain, NodeHead  # noqa: E402
from counter_app.services.actor import SYSTEM_ACTOR  # noqa: E402
from counter_app.services.exchange.keys import fingerprint_of  # noqa: E402
from counter_app.services.exchange.office import public_key_text  # noqa: E402
from counter_app.services.exchange.province import enrol, import_events  # noqa: E402
from counter_app.services.exchange.upward import export_events  # noqa: E402

COLUMNS = (
    "id, node_id, seq, kind, office_id, dossier_id, actor_id, actor, occurred_at, local_date, payload, "
    "prev_hash, hash, hash_version"
)


def office_copy(source: Path, folder: Path, events: int) -> tuple[Database, str, int, int]:
    """The copied, migrated office with its cursor set ``events`` back on its longest chain."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    file = folder / "counter.sqlite3"
    for suffix in ("", "-wal", "-shm"):  # the file with its WAL: what it holds, whole
        if (source / f"counter.sqlite3{suffix}").exists():
            shutil.copy(source / f"counter.sqlite3{suffix}", folder / f"counter.sqlite3{suffix}")
    db = Database.open(f"sqlite:///{file}", "bench-export")
    with db.write() as session:
        head = session.execute(select(NodeHead).order_by(NodeHead.last_seq.desc()).limit(1)).scalar_one()
        others = session.execute(select(NodeHead).where(NodeHead.node_id != head.node_id)).scalars().all()
        first = head.last_seq - events + 1
        follows = session.execute(
            select(Event.hash).where(Event.node_id == head.node_id, Event.seq == first - 1)
        ).scalar_one()
        now = datetime.now(UTC)
        session.add(ExchangeAck(node_id=head.node_id, acked_seq=first - 1, acked_hash=follows, acked_at=now))
        for other in others:  # the other chains acknowledged whole: only ``events`` events go
            session.add(
                ExchangeAck(
                    node_id=other.node_id, acked_seq=other.last_seq, acked_hash=other.last_hash, acked_at=now
                )
            )
        return db, head.node_id, first, head.last_seq


def raw_export(file: Path, node: str, first: int, last: int, out: Path) -> float:
    start = time.perf_counter()
    with (
        closing(sqlite3.connect(file)) as conn,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z,
        z.open("events.jsonl", "w", force_zip64=True) as stream,
    ):
        cursor = conn.execute(
            f"SELECT {COLUMNS} FROM events WHERE node_id = ? AND seq BETWEEN ? AND ? ORDER BY seq",
            (node, first, last),
        )
        names = [d[0] for d in cursor.description]
        for row in cursor:
            stream.write((json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False) + "\n").encode())
    return time.perf_counter() - start


def raw_import(pg_url: str, bundle: Path) -> float:
    import psycopg

    url = make_url(pg_url)
    conninfo = f"host={url.host} port={url.port or 5432} user={url.username} dbname={url.database}"
    start = time.perf_counter()
    with psycopg.connect(conninfo) as conn, zipfile.ZipFile(bundle) as z:
        conn.execute(
            "CREATE TEMP TABLE raw_events (id uuid, node_id text, seq bigint, kind text, office_id uuid, "
            "dossier_id uuid, actor_id uuid, actor text, occurred_at timestamptz, local_date date, payload json, "
            "prev_hash text, hash text, hash_version smallint)"
        )
        rows = []
        with z.open("events.jsonl") as stream:
            for raw in stream:
                line = json.loads(raw)
                rows.append(tuple(json.dumps(v) if isinstance(v, dict) else v for v in line.values()))
        with conn.cursor() as cur:
            cur.executemany(f"INSERT INTO raw_events ({COLUMNS}) VALUES ({', '.join(['%s'] * 14)})", rows)
        conn.commit()
    return time.perf_counter() - start


def fresh_pg(admin_url: str) -> tuple[str, str]:
    name = f"bench_province_{uuid.uuid4().hex[:8]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return str(make_url(admin_url).set(database=name)), name


def drop_pg(admin_url: str, name: str) -> None:
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("source", type=Path, help="a scale data folder (benchmarks/make_scale_dbs.py)")
    parser.add_argument("--pg", required=True, help="a PostgreSQL server URL (a database is made on it)")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--copy-to", type=Path, default=Path("/tmp/bench/exchange"))
    args = parser.parse_args()

    office, node, first, last = office_copy(args.source, args.copy_to / "office", args.events)
    with office.read() as session:
        count = session.execute(
            select(func.count()).select_from(Event).where(Event.node_id == node, Event.seq >= first)
        ).scalar_one()
    print(f"office: {args.source.name}, chain {node}, events {first}–{last} ({count:,})")
    now = datetime.now(UTC)
    public_key_text(office, now=now)  # the key exists before (made once per office)

    bundle = args.copy_to / "up.zip"
    start = time.perf_counter()
    exported = export_events(office, SYSTEM_ACTOR, bundle, now=now)
    export_s = time.perf_counter() - start
    assert exported is not None and exported.events == count
    raw_bundle = args.copy_to / "raw.zip"
    raw_export_s = raw_export(args.copy_to / "office" / "counter.sqlite3", node, first, last, raw_bundle)
    print(
        f"export: {export_s:.1f} s, {exported.size / 1e6:.1f} MB ({exported.size / count:.0f} B/event) | "
        f"raw sqlite3 → JSON lines → zip {raw_export_s:.1f} s, {raw_bundle.stat().st_size / 1e6:.1f} MB "
        f"({export_s / raw_export_s:.1f}×)"
    )

    url, name = fresh_pg(args.pg)
    try:
        province = Database.open(url, "bench-province")
        fingerprint = fingerprint_of(_signer(bundle))
        enrol(province, SYSTEM_ACTOR, bundle, fingerprint, now=now)
        with province.write() as session:  # it has applied the chain up to the acknowledged event
            session.add(
                ExchangeChain(
                    node_id=node,
                    peer_fingerprint=fingerprint,
                    last_seq=first - 1,
                    last_hash=exported.chains[0].prev_hash,
                    updated_at=now,
                )
            )
        start = time.perf_counter()
        result = import_events(province, SYSTEM_ACTOR, bundle, now=now)
        import_s = time.perf_counter() - start
        assert result.applied == count, result
        again_start = time.perf_counter()
        assert import_events(province, SYSTEM_ACTOR, bundle, now=now).repeated
        again_s = time.perf_counter() - again_start
        province.close()
        raw_import_s = raw_import(url, raw_bundle)
        print(
            f"import (PostgreSQL): {import_s:.1f} s ({count / import_s:,.0f} events/s), the same bundle again "
            f"{again_s:.1f} s | raw psycopg insert of the same rows {raw_import_s:.1f} s "
            f"({import_s / raw_import_s:.1f}×)"
        )
    finally:
        drop_pg(args.pg, name)
    office.close()


def _signer(bundle: Path) -> bytes:
    from counter_app.services.exchange.bundle import read_bundle

    return read_bundle(bundle).signer


if __name__ == "__main__":
    main()
