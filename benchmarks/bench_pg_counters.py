"""PostgreSQL: one counter receiving alone vs several at once, with the server's default durability.

    .venv/bin/python benchmarks/bench_pg_counters.py                      # ~3 minutes
    .venv/bin/python benchmarks/bench_pg_counters.py --seconds 10 --rounds 3 --counters 4
    .venv/bin/python benchmarks/bench_pg_counters.py --log-lock-waits 5   # also log each wait ≥ 5 ms

Starts its own PostgreSQL cluster from Debian's binaries (port 55433, under /tmp, never the test
server on 55432) with the server's defaults — fsync on, synchronous_commit on, not the test
server's fsync=off — prepares an office through the product's services (the demo office, its
catalogue, one officer per counter) and stops and removes the cluster at the end.

Each counter is its own process (a workstation: its own node id, officer and connection), receiving
through ``receiving.receive`` for a fixed time, a new applicant (with a CCCD number) every dossier.
Beside it, the raw baseline (benchmarks/raw_receive.py): psycopg writing the same rows, indexes,
counter upserts, chain-head lock and event, one transaction per dossier. Rounds are interleaved
(service ×1, service ×N, raw ×1, raw ×N, order alternating), so a noisy neighbour hits every side.

After the timed rounds, one more run of each mode under a sampler that reads pg_stat_activity
every few milliseconds for the counters' backends (its figures are not counted: the sampler takes
CPU too): where each backend is — its client working inside or outside a transaction, the server
working, waiting on a lock (on which statement, and what the lock holder is doing meanwhile) or on
the WAL — the lock-wait evidence of issue 11. Every run prints how busy the machine was and how
much of it these counters used (the machine is shared: another job's CPU comes out of the N
counters' share first), and the summary the CPU per dossier (counter process and its server
backend: on one 2-core machine the clients and the server share the cores, which caps what N
counters can reach) and dossiers per WAL flush (group commit). At the end it checks the daily
numbers and register lines are gapless and the event chains verify.
"""

from __future__ import annotations

import argparse
import collections
import glob
import multiprocessing as mp
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))

PG_PORT = 55433
PG_ROOT = Path("/tmp/counter_app_bench_pg")
PROCEDURE = "2.001955"


# --- the cluster ---------------------------------------------------------------------------------


def _bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name))
    if not found:
        sys.exit("PostgreSQL server binaries not found (Debian package postgresql)")
    return Path(found[-1])


def _as_pg(*cmd: str | os.PathLike[str]) -> list[str]:
    args = [os.fspath(c) for c in cmd]
    return ["runuser", "-u", "postgres", "--", *args] if os.getuid() == 0 else args


def start_cluster(root: Path, port: int, settings: dict[str, str]) -> str:
    """A fresh cluster with the server's default durability; returns its URL."""
    stop_cluster(root)
    root.mkdir(parents=True)
    if os.getuid() == 0:
        shutil.chown(root, "postgres")
    data = root / "data"
    subprocess.run(
        _as_pg(
            _bin() / "initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"
        ),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1"
    options += "".join(f" -c {name}={value}" for name, value in settings.items())
    subprocess.run(
        _as_pg(_bin() / "pg_ctl", "-D", data, "-l", root / "log", "-w", "-o", options, "start"),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"


def stop_cluster(root: Path) -> None:
    if (root / "data" / "postmaster.pid").exists():
        subprocess.run(
            _as_pg(_bin() / "pg_ctl", "-D", root / "data", "-m", "fast", "stop"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    shutil.rmtree(root, ignore_errors=True)


def conninfo(url: str) -> str:
    from sqlalchemy.engine import make_url

    u = make_url(url)
    return f"host={u.host} port={u.port} user={u.username} dbname={u.database}"


# --- the office ----------------------------------------------------------------------------------


def prepare(url: str, counters: int, catalog: Path | None) -> list[str]:
    """The demo office, its catalogue and one officer per counter (through the product's services)."""
    from counter_app.db.database import Database
    from counter_app.services import demo
    from counter_app.services.actor import SYSTEM_ACTOR, Role
    from counter_app.services.offices import get_office
    from counter_app.services.users import create_user

    now = datetime.now(UTC)
    db = Database.open(url, "bench-setup")
    demo.ensure_demo_setup(db, now=now, **({"catalog": catalog} if catalog else {}))
    with db.read() as session:
        office_id = get_office(session).id
    officers = ["canbo", "canbo2"]
    for i in range(3, counters + 1):
        create_user(
            db,
            SYSTEM_ACTOR,
            username=f"canbo{i}",
            full_name=f"Cán bộ quầy {i}",
            role=Role.OFFICER,
            password=demo.DEMO_PASSWORD,
            office_id=office_id,
            now=now,
            must_change=False,
            enforce_policy=False,
        )
        officers.append(f"canbo{i}")
    db.close()
    return officers[:counters]


# --- one counter (a process) ---------------------------------------------------------------------


def _counter(
    index: int, url: str, username: str, procedure: str, commands: mp.Queue, results: mp.Queue
) -> None:  # type: ignore[type-arg]
    from raw_receive import Applicants, RawReceiver, fixed_for

    from counter_app.db.database import Database
    from counter_app.services.receiving import receive
    from counter_app.services.users import find_actor

    db = Database.open(url, f"bench-counter-{index}", migrate=False)
    actor = find_actor(db, username)
    people = Applicants(index)
    raw_conn = psycopg.connect(conninfo(url))
    raw = RawReceiver(raw_conn, "postgresql", f"bench-raw-{index}", fixed_for(db, actor, procedure))

    def service() -> None:
        receive(db, actor, people.request(procedure), now=datetime.now(UTC))

    def baseline() -> None:
        raw.receive(people.next(), datetime.now(UTC))

    service()
    baseline()
    with db.engine.connect() as conn:
        service_pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()
    results.put((index, {"service": service_pid, "raw": raw_conn.info.backend_pid}))
    while (command := commands.get()) is not None:
        mode, start_at, seconds = command
        one = service if mode == "service" else baseline
        one()  # warm, outside the window
        time.sleep(max(0.0, start_at - time.time()))
        end, count, cpu = start_at + seconds, 0, time.process_time()
        while True:
            one()
            if time.time() > end:
                break
            count += 1
        results.put((index, count, time.process_time() - cpu))
    raw_conn.close()
    db.close()


# --- lock-wait sampling --------------------------------------------------------------------------

SAMPLE = """
SELECT a.state, a.wait_event_type, a.wait_event, a.query,
       CASE WHEN a.wait_event_type = 'Lock' THEN (
         SELECT b.state || '|' || coalesce(b.wait_event_type || ':' || b.wait_event, '') || '|' || b.query
           FROM pg_stat_activity b WHERE b.pid = (pg_blocking_pids(a.pid))[1] LIMIT 1) END
  FROM pg_stat_activity a WHERE a.pid = ANY(%s)
"""


def statement(query: str) -> str:
    q = " ".join((query or "").split())
    if m := re.match(r"(INSERT INTO|UPDATE|DELETE FROM) (\w+)", q, re.I):
        return f"{m[1].split()[0].upper()} {m[2]}"
    if m := re.match(r"SELECT .*? FROM (\w+)", q, re.I):
        return f"SELECT {m[1]}" + (" FOR UPDATE" if "FOR UPDATE" in q.upper() else "")
    return q.split(" ")[0].upper() if q else "?"


def where(state: str | None, wait_type: str | None, wait: str | None, query: str) -> str:
    if state == "idle in transaction":
        return f"client working, transaction open (last: {statement(query)})"
    if state == "idle":
        return "client working, no transaction"
    if wait_type == "Lock":
        return f"waiting for a lock ({wait}) in {statement(query)}"
    if wait_type and wait_type != "Client":
        return f"server waiting {wait_type}:{wait} in {statement(query)}"
    return "server working"


class Sampler(threading.Thread):
    def __init__(self, url: str, pids: list[int], interval: float) -> None:
        super().__init__(daemon=True)
        self.conn = psycopg.connect(conninfo(url), autocommit=True)
        self.pids, self.interval = pids, interval
        self.places: collections.Counter[str] = collections.Counter()
        self.holders: collections.Counter[str] = collections.Counter()
        self.samples = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(self.interval):
            rows = self.conn.execute(SAMPLE, (self.pids,)).fetchall()
            self.samples += len(rows)
            for state, wait_type, wait, query, blocker in rows:
                self.places[where(state, wait_type, wait, query)] += 1
                if blocker:
                    b_state, b_wait, b_query = blocker.split("|", 2)
                    self.holders[
                        where(b_state, *(b_wait.split(":") if b_wait else (None, None)), b_query)
                    ] += 1
        self.conn.close()


# --- the run -------------------------------------------------------------------------------------


def backend_cpu(pids: list[int]) -> float:
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def machine_busy() -> float:
    """CPU-seconds the whole machine has been busy (every core, every process: /proc/stat)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle, iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def wal_flushes(conn: psycopg.Connection) -> int:  # type: ignore[type-arg]
    return int(conn.execute("SELECT wal_sync FROM pg_stat_wal").fetchone()[0])  # type: ignore[index]


def check_invariants(url: str) -> str:
    from sqlalchemy import func, select

    from counter_app.db.database import Database
    from counter_app.db.event_log import book_key
    from counter_app.db.models import DailyCounter, Dossier, Office
    from counter_app.services.integrity import verify_events

    db = Database.open(url, "bench-check", migrate=False)
    problems = []
    with db.read() as session:
        office = session.execute(select(Office)).scalar_one()
        for day, last in session.execute(
            select(DailyCounter.day, DailyCounter.last_seq).where(
                DailyCounter.unit_code == office.identifier_code
            )
        ):
            count, distinct = session.execute(
                select(func.count(), func.count(Dossier.code.distinct())).where(
                    Dossier.received_local_date == day
                )
            ).one()
            if not count == distinct == last:
                problems.append(f"{day}: {count} dossiers, {distinct} codes, counter at {last}")
        lines = session.execute(select(func.count(), func.max(Dossier.register_seq))).one()
        book = session.execute(
            select(func.sum(DailyCounter.last_seq)).where(
                DailyCounter.unit_code == book_key(office.identifier_code)
            )
        ).scalar_one()
        if not lines[0] == lines[1] == book:
            problems.append(f"register book: {lines[0]} dossiers, last line {lines[1]}, counter at {book}")
    report = verify_events(db)
    db.close()
    if report.first_broken:
        problems.append(report.first_broken)
    return (
        "; ".join(problems) or f"ok — {lines[0]:,} dossiers gapless, {report.events_checked:,} events verify"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--counters", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--port", type=int, default=PG_PORT)
    parser.add_argument("--root", type=Path, default=PG_ROOT)
    parser.add_argument("--procedure", default=PROCEDURE)
    parser.add_argument("--catalog", type=Path, help="catalogue file (default: the product's)")
    parser.add_argument("--sample-ms", type=float, default=10.0, help="pg_stat_activity sampling period")
    parser.add_argument(
        "--log-lock-waits", type=int, metavar="MS", help="log_lock_waits with this deadlock_timeout"
    )
    parser.add_argument("--keep", action="store_true", help="leave the cluster running at the end")
    args = parser.parse_args()

    settings = {"max_connections": "50"}
    if args.log_lock_waits:
        settings |= {"log_lock_waits": "on", "deadlock_timeout": f"{args.log_lock_waits}ms"}
    url = start_cluster(args.root, args.port, settings)
    workers: list[mp.Process] = []
    try:
        admin = psycopg.connect(conninfo(url), autocommit=True)
        shown = {
            k: admin.execute(f"SHOW {k}").fetchone()[0]
            for k in ("server_version", "fsync", "synchronous_commit", "wal_sync_method", "full_page_writes")
        }  # type: ignore[index]
        print("server: " + ", ".join(f"{k}={v}" for k, v in shown.items()))
        started = time.perf_counter()
        officers = prepare(url, args.counters, args.catalog)
        print(f"office prepared in {time.perf_counter() - started:.1f} s; officers: {', '.join(officers)}")

        ctx = mp.get_context("spawn")
        results: mp.Queue = ctx.Queue()  # type: ignore[type-arg]
        commands: list[mp.Queue] = []  # type: ignore[type-arg]
        for i, username in enumerate(officers):
            queue: mp.Queue = ctx.Queue()  # type: ignore[type-arg]
            worker = ctx.Process(target=_counter, args=(i, url, username, args.procedure, queue, results))
            worker.start()
            workers.append(worker)
            commands.append(queue)
        pids: dict[int, dict[str, int]] = dict(results.get(timeout=300) for _ in workers)

        modes = [("service", 1), ("service", args.counters), ("raw", 1), ("raw", args.counters)]
        rates: dict[tuple[str, int], list[float]] = collections.defaultdict(list)
        cpu: dict[tuple[str, int], list[tuple[float, float, int]]] = collections.defaultdict(list)
        flushes: dict[tuple[str, int], list[int]] = collections.defaultdict(list)
        places: dict[tuple[str, int], collections.Counter[str]] = collections.defaultdict(collections.Counter)
        holders: dict[tuple[str, int], collections.Counter[str]] = collections.defaultdict(
            collections.Counter
        )
        samples: collections.Counter[tuple[str, int]] = collections.Counter()
        log = args.root / "log"
        waits_logged: dict[tuple[str, int], collections.Counter[str]] = collections.defaultdict(
            collections.Counter
        )
        # Timed rounds, then one more of each mode under the sampler (its figures are not counted:
        # the sampler's queries take CPU from the counters).
        for round_no in range(args.rounds + 1):
            sampled = round_no == args.rounds
            for mode, n in modes if round_no % 2 == 0 else modes[::-1]:
                key = (mode, n)
                backends = [pids[i][mode] for i in range(n)]
                log_at = log.stat().st_size
                sampler = Sampler(url, backends, args.sample_ms / 1000) if sampled else None
                start_at = time.time() + 1.0
                for i in range(n):
                    commands[i].put((mode, start_at, args.seconds))
                time.sleep(max(0.0, start_at - time.time()))
                if sampler is not None:
                    sampler.start()
                server_cpu, wal, busy = backend_cpu(backends), wal_flushes(admin), machine_busy()
                time.sleep(args.seconds)
                server_cpu, wal_end = backend_cpu(backends) - server_cpu, wal_flushes(admin)
                busy = machine_busy() - busy
                done = [results.get(timeout=120) for _ in range(n)]
                count = sum(d[1] for d in done)
                if sampler is not None:
                    sampler.stop.set()
                    sampler.join()
                    places[key] += sampler.places
                    holders[key] += sampler.holders
                    samples[key] += sampler.samples
                else:
                    rates[key].append(count / args.seconds)
                    cpu[key].append((sum(d[2] for d in done), server_cpu, count))
                    flushes[key].append(wal_end - wal)
                if args.log_lock_waits:
                    with log.open(errors="replace") as f:
                        f.seek(log_at)
                        text = f.read()
                    for wait in re.finditer(
                        r"still waiting for (\w+) on (\w+).*?STATEMENT:\s+(.*?)\n", text, re.S
                    ):
                        waits_logged[key][f"{wait[1]} on {wait[2]} in {statement(wait[3])}"] += 1
                ours = sum(d[2] for d in done) + server_cpu
                print(
                    f"  {'sampled' if sampled else f'round {round_no + 1}'}: {mode:7} ×{n}:"
                    f" {count / args.seconds:6.1f} dossiers/s"
                    f"   (cores busy: {busy / args.seconds:.2f} of {os.cpu_count()},"
                    f" these counters and their backends {ours / args.seconds:.2f})",
                    flush=True,
                )
        for queue in commands:
            queue.put(None)
        for worker in workers:
            worker.join(timeout=60)

        print()
        print(
            f"dossiers/s, {args.seconds:g} s per run, {args.rounds} interleaved rounds (median; all rounds)"
        )
        header = f"{'':10} {'1 counter':>22} {f'{args.counters} counters':>26} {'ratio':>7}"
        print(header)
        for mode in ("service", "raw"):
            one, many = rates[(mode, 1)], rates[(mode, args.counters)]
            ratio = statistics.median(many) / statistics.median(one)
            fmt = lambda rs: f"{statistics.median(rs):6.1f} ({', '.join(f'{r:.0f}' for r in rs)})"  # noqa: E731
            print(f"{mode:10} {fmt(one):>22} {fmt(many):>26} {ratio:6.2f}×", end="")
            print("   by round: " + ", ".join(f"{m / o:.2f}×" for o, m in zip(one, many, strict=True)))
        print(f"target: service ×{args.counters} ≥ 1.5× service ×1")
        print()
        print(
            "CPU per dossier (ms): counter process + its server backend; dossiers per WAL flush (group commit)"
        )
        for key in modes:
            client = sum(c[0] for c in cpu[key]) / max(1, sum(c[2] for c in cpu[key])) * 1000
            server = sum(c[1] for c in cpu[key]) / max(1, sum(c[2] for c in cpu[key])) * 1000
            dossiers = sum(c[2] for c in cpu[key])
            print(
                f"  {key[0]:7} ×{key[1]}: client {client:5.2f} + server {server:5.2f} = {client + server:5.2f}"
                f"   {dossiers / max(1, sum(flushes[key])):4.2f} dossiers per WAL flush"
            )
        print()
        print(
            f"where the counters' backends were (pg_stat_activity every {args.sample_ms:g} ms, % of samples)"
        )
        for key in modes:
            print(f"  {key[0]} ×{key[1]} ({samples[key]} samples):")
            for place, hits in places[key].most_common():
                print(f"    {100 * hits / samples[key]:5.1f} %  {place}")
            for place, hits in holders[key].most_common(4):
                print(f"           lock holder then: {100 * hits / samples[key]:5.1f} %  {place}")
        if args.log_lock_waits:
            print()
            print(f"lock waits longer than {args.log_lock_waits} ms (log_lock_waits)")
            for key in modes:
                total = sum(waits_logged[key].values())
                print(f"  {key[0]} ×{key[1]}: {total}")
                for what, hits in waits_logged[key].most_common(4):
                    print(f"    {hits:6}  {what}")
        print()
        print("invariants:", check_invariants(url))
        admin.close()
    finally:
        for worker in workers:
            if worker.is_alive():
                worker.kill()
        if not args.keep:
            stop_cluster(args.root)


if __name__ == "__main__":
    main()
