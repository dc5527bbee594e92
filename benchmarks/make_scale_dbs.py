"""Build the large demo data folders the scale benchmarks read (issue 11), reproducibly.

    .venv/bin/python benchmarks/make_scale_dbs.py 1m_5y            # one folder, ~20 min at ~900/s
    .venv/bin/python benchmarks/make_scale_dbs.py 1m_5y 200k_1y 1m_1y --root /tmp/bench

Each folder is made as ``counter-cli demo`` makes one (the demo office, users, units and catalogue,
then ``generate_dossiers``), with a fixed clock (2026-12-01 10:00 in Hà Nội) and seed, so two runs
give the same dossiers (codes, times, statuses; ids and password hashes differ):

- ``1m_5y``: 1,000,000 dossiers over the 5 years ending then (200,000 a year);
- ``200k_1y``: 200,000 dossiers in the one year ending then (the last year of ``1m_5y`` alone);
- ``1m_1y``: 1,000,000 dossiers in one year.

At the end the folder is opened once more as the program opens it (planner statistics refreshed),
and a sampled ANALYZE is run if the dossiers still have none, so every benchmark reads a file in the
state a working office's file is in. A folder that already holds dossiers is refused.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select

from counter_app.context import open_context
from counter_app.db.database import ANALYSIS_LIMIT
from counter_app.db.models import Dossier
from counter_app.services import demo

NOW = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)  # 10:00 in Asia/Ho_Chi_Minh
SEED = 1
SETS = {"1m_5y": (1_000_000, 5), "200k_1y": (200_000, 1), "1m_1y": (1_000_000, 1)}


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make(folder: Path, count: int, years: int, seed: int) -> None:
    started = time.perf_counter()
    ctx = open_context(folder)
    try:
        with ctx.db.read() as session:
            held = session.execute(select(func.count()).select_from(Dossier)).scalar_one()
        if held:
            sys.exit(f"{folder} already holds {held:,} dossiers: remove the folder to build it again.")
        demo.ensure_demo_setup(ctx.db, now=NOW)
        last = [started, 0]

        def progress(done: int, total: int) -> None:
            if done - last[1] >= 50_000 or done == total:
                now = time.perf_counter()
                rate = (done - last[1]) / (now - last[0])
                print(
                    f"{done:>9,}/{total:,} dossiers, {rate:,.0f}/s, peak RSS {_rss_mb():,.0f} MB",
                    flush=True,
                )
                last[:] = [now, done]

        made = demo.generate_dossiers(ctx.db, count, now=NOW, seed=seed, years=years, progress=progress)
    finally:
        ctx.close()
    generated = time.perf_counter() - started
    # Opened again as the program opens it: statistics refreshed the product's way.
    ctx = open_context(folder)
    try:
        with ctx.db.engine.begin() as conn:
            analysed = conn.exec_driver_sql(
                "SELECT count(*) FROM sqlite_master m JOIN sqlite_stat1 s ON s.tbl = m.name "
                "WHERE m.name = 'dossiers'"
            ).scalar_one()
            if not analysed:
                conn.exec_driver_sql(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
                conn.exec_driver_sql("ANALYZE")
        print(
            f"statistics: {'kept by the program at open' if analysed else 'none on dossiers: sampled ANALYZE run'}"
        )
    finally:
        ctx.close()
    file = ctx.paths.database_file
    print(
        f"done: {made:,} dossiers over {years} year(s) in {generated / 60:.1f} min "
        f"({made / generated:,.0f}/s); {file} {os.path.getsize(file) / 1e9:.2f} GB; "
        f"peak RSS {_rss_mb():,.0f} MB",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("names", nargs="+", choices=sorted(SETS))
    parser.add_argument("--root", type=Path, default=Path("/tmp/bench"))
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    for name in args.names:
        count, years = SETS[name]
        print(
            f"== {name}: {count:,} dossiers over {years} year(s) until {NOW:%Y-%m-%d %H:%M} UTC", flush=True
        )
        make(args.root / name, count, years, args.seed)


if __name__ == "__main__":
    main()
