"""Benchmark: verifying the event log and replaying it into the dossiers at scale (issue 14).

Run: ``.venv/bin/python benchmarks/bench_verify.py /tmp/bench/1m_1y_h [--copy-to /tmp/bench/verify]``

The data folder of a scale database (benchmarks/make_scale_dbs.py) is copied first (benchmarks
never write into the shared file; the copy is migrated to this version's schema), then timed:

- ``events verify`` as the service does it: every node's chain hash by hash, then every dossier's
  events replayed and compared with its row (``verify_events`` + ``verify_dossiers``);
- the raw floor beside it: plain sqlite3 reading the same rows in the same orders, hashing each
  event's stored text with SHA-256, nothing decoded or compared;
- the incremental verification from an anchor ``--since-events`` events back (a busy office's day):
  the anchor checked, the events after it, the dossiers they touch.

Targets (issue 14): a full verification within minutes at 1,000,000 dossiers, an incremental one
in seconds.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sqlite3
import sys
import time
from contextlib import closing
from pathlib import Path

from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from counter_app.db.database import Database  # noqa: E402
from counter_app.db.models import Event, NodeHead  # noqa: E402
from counter_app.services.anchor import Anchor, check_anchor, digest_of  # noqa: E402
from counter_app.services.dossier_replay import touched_since, verify_dossiers, verify_tables  # noqa: E402
from counter_app.services.integrity import verify_events  # noqa: E402

TARGET_S = 300.0
TARGET_INCREMENTAL_S = 10.0


def raw_floor(file: Path) -> tuple[float, float]:
    """Seconds to read and hash every event in chain order, and to read events and dossiers in
    dossier order: what any verification must at least do."""
    with closing(sqlite3.connect(file)) as conn:
        start = time.perf_counter()
        for row in conn.execute(
            "SELECT id, node_id, seq, kind, office_id, dossier_id, actor, occurred_at, local_date, payload, "
            "prev_hash, hash FROM events ORDER BY node_id, seq"
        ):
            hashlib.sha256(repr(row).encode()).hexdigest()
        chain = time.perf_counter() - start
        start = time.perf_counter()
        for _row in conn.execute(
            "SELECT dossier_id, kind, payload FROM events WHERE dossier_id IS NOT NULL "
            "ORDER BY dossier_id, occurred_at, node_id, seq"
        ):
            pass
        for _row in conn.execute("SELECT id, code, status, appointment_at FROM dossiers ORDER BY id"):
            pass
        replay = time.perf_counter() - start
    return chain, replay


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="a scale data folder (holding counter.sqlite3)")
    parser.add_argument("--copy-to", type=Path, default=Path("/tmp/bench/verify"))
    parser.add_argument("--since-events", type=int, default=2000, help="events after the anchor")
    args = parser.parse_args()
    source = args.data / "counter.sqlite3"
    if args.copy_to.exists():
        shutil.rmtree(args.copy_to)
    args.copy_to.mkdir(parents=True)
    file = args.copy_to / "counter.sqlite3"
    print(f"copying {source} ({source.stat().st_size / 1e9:.1f} GB) to {file} …", flush=True)
    shutil.copyfile(source, file)
    db = Database.open(f"sqlite:///{file}", "bench-verify")  # migrates the copy to this version
    try:
        start = time.perf_counter()
        chains = verify_events(db)
        chain_s = time.perf_counter() - start
        start = time.perf_counter()
        replayed = verify_tables(db)
        replay_s = time.perf_counter() - start
        incremental_s, new_events, touched = incremental(db, args.since_events)
    finally:
        db.close()
    raw_chain, raw_replay = raw_floor(file)
    print(f"\n{chains.events_checked} events on {chains.nodes} node(s), {replayed.dossiers_checked} dossiers")
    print(
        f"chain broken: {chains.first_broken}; dossiers differing: {len(replayed.problems) + replayed.more}\n"
    )
    print(f"{'step':<34}{'counter_app s':>14}{'raw sqlite3 s':>15}{'ratio':>8}")
    for step, ours, raw in (
        ("hash chains (events verify)", chain_s, raw_chain),
        ("replay into dossiers", replay_s, raw_replay),
        ("whole verification", chain_s + replay_s, raw_chain + raw_replay),
    ):
        print(f"{step:<34}{ours:>14.1f}{raw:>15.1f}{ours / raw:>7.1f}x")
    print(f"{'incremental from an anchor':<34}{incremental_s:>14.1f}")
    print(f"  ({new_events} events after the anchor, {touched} dossiers they touch)")
    total = chain_s + replay_s
    ok = total <= TARGET_S
    fast = incremental_s <= TARGET_INCREMENTAL_S
    print(
        f"\nTarget: a full verification within {TARGET_S / 60:.0f} minutes: {total:.0f} s → {'PASS' if ok else 'FAIL'}"
    )
    print(
        f"Target: an incremental one within {TARGET_INCREMENTAL_S:.0f} s: {incremental_s:.1f} s → {'PASS' if fast else 'FAIL'}"
    )
    return 0 if ok and fast else 1


def incremental(db: Database, back: int) -> tuple[float, int, int]:
    """Seconds of the incremental verification from an anchor ``back`` events before each head."""
    with db.read() as session:
        heads = [(h.node_id, max(0, h.last_seq - back)) for h in session.execute(select(NodeHead)).scalars()]
        marks = [
            (
                node,
                seq,
                session.execute(
                    select(Event.hash).where(Event.node_id == node, Event.seq == seq)
                ).scalar_one(),
            )
            for node, seq in heads
            if seq > 0
        ]
    anchor = Anchor(digest_of(marks), tuple((node, seq) for node, seq, _ in marks))
    start = time.perf_counter()
    assert check_anchor(db, anchor) is None
    since = dict(anchor.heads)
    chains = verify_events(db, since=since)
    touched = touched_since(db, since)
    replayed = verify_dossiers(db, only=touched)
    elapsed = time.perf_counter() - start
    assert chains.first_broken is None and replayed.ok
    return elapsed, chains.events_checked, len(touched)


if __name__ == "__main__":
    raise SystemExit(main())
