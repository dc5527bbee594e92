"""Backup benchmark on a demo SQLite database (issue 10: backups and recovery).

    .venv/bin/counter-cli demo --dossiers 10000 --data-dir /tmp/demo10k      # once, about 10 s
    .venv/bin/python benchmarks/bench_backup.py --data-dir /tmp/demo10k

Measures in one run, on the same file, median of ``--runs``:

- counter_app's backup (``make_backup``: online snapshot, verification of the copy opened read-only —
  integrity_check, foreign_key_check, every event chain —, rename), and its two parts apart;
- beside the raw baselines: plain sqlite3 backup API (``src.backup(dst)``) and a file copy;
- gzip of a generation (levels 1 and 6: time and size) and gunzip, to decide whether compressing
  generations older than a week pays;
- a restore's staging and verification (``prepare_restore``), and ``check``.

Everything is written to a temporary folder beside the database and removed afterwards.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import sqlite3
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import median_ms, table  # noqa: E402

from counter_app.context import open_context  # noqa: E402
from counter_app.db.sqlite_copy import snapshot  # noqa: E402
from counter_app.services import backups  # noqa: E402
from counter_app.services.db_check import check_database  # noqa: E402
from counter_app.services.recovery import prepare_restore  # noqa: E402


def _fresh(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    ctx = open_context(args.data_dir)
    db_file = ctx.paths.database_file
    ctx.close()
    work = Path(tempfile.mkdtemp(prefix=".bench-backup-", dir=db_file.parent))
    runs = args.runs
    try:
        with closing(sqlite3.connect(db_file)) as raw:
            dossiers = raw.execute("SELECT count(*) FROM dossiers").fetchone()[0]
            events = raw.execute("SELECT count(*) FROM events").fetchone()[0]
        size = backups.database_size(db_file)
        print(f"{db_file}: {_mb(size)}, {dossiers} dossiers, {events} events\n")

        def ours() -> None:
            backups.make_backup(db_file, [_fresh(work / "ours")])

        def raw_backup() -> None:
            target = _fresh(work / "raw") / "copy.sqlite3"
            with closing(sqlite3.connect(db_file)) as src, closing(sqlite3.connect(target)) as dst:
                src.backup(dst)

        def file_copy() -> None:
            shutil.copyfile(db_file, _fresh(work / "copy") / "copy.sqlite3")

        def snapshot_only() -> None:
            snapshot(db_file, _fresh(work / "snap") / "copy.sqlite3")

        full = median_ms(ours, runs, warmup=1)
        raw_ms = median_ms(raw_backup, runs, warmup=1)
        copy_ms = median_ms(file_copy, runs, warmup=1)
        snap_ms = median_ms(snapshot_only, runs, warmup=1)
        copy = work / "snap" / "copy.sqlite3"
        verify_ms = median_ms(lambda: backups.verify_copy(copy), runs, warmup=1)

        sizes: dict[int, int] = {}
        gzip_ms: dict[int, float] = {}
        for level in (1, 6):
            target = work / f"copy.{level}.gz"

            def compress(level: int = level, target: Path = target) -> None:
                with copy.open("rb") as src, gzip.open(target, "wb", compresslevel=level) as out:
                    shutil.copyfileobj(src, out, 1 << 20)

            gzip_ms[level] = median_ms(compress, runs, warmup=0)
            sizes[level] = target.stat().st_size

        def gunzip() -> None:
            with gzip.open(work / "copy.6.gz", "rb") as src, (work / "back.sqlite3").open("wb") as out:
                shutil.copyfileobj(src, out, 1 << 20)

        gunzip_ms = median_ms(gunzip, runs, warmup=0)
        restore_target = work / "restore" / "counter.sqlite3"

        def stage_restore() -> None:
            _fresh(restore_target.parent)
            prepare_restore(restore_target, copy).staged.discard()

        restore_ms = median_ms(stage_restore, runs, warmup=0)
        ctx = open_context(args.data_dir, migrate=False)
        start = time.perf_counter()
        report = check_database(ctx.db, ctx.paths.slips_dir)
        check_ms = (time.perf_counter() - start) * 1000
        ctx.close()

        ms = lambda v: f"{v:,.0f} ms"  # noqa: E731
        print(
            table(
                [
                    ("backup: copy + verify + rename", ms(full), f"{ms(raw_ms)} backup API", "background"),
                    (
                        "  online snapshot (backup API + DELETE journal)",
                        ms(snap_ms),
                        f"{ms(copy_ms)} file copy",
                        "-",
                    ),
                    ("  verification (integrity, FK, chains)", ms(verify_ms), "-", "-"),
                    (
                        "gzip level 6 / level 1",
                        f"{ms(gzip_ms[6])} → {_mb(sizes[6])}",
                        f"{ms(gzip_ms[1])} → {_mb(sizes[1])}",
                        "-",
                    ),
                    ("gunzip (restore of an old generation)", ms(gunzip_ms), "-", "-"),
                    ("restore: stage + verify", ms(restore_ms), "-", "-"),
                    (f"check ({len(report.problems)} problems)", ms(check_ms), "-", "-"),
                ]
            )
        )
        ratio = size / sizes[6]
        generations = (
            backups.DEFAULT_POLICY.daily + backups.DEFAULT_POLICY.weekly + backups.DEFAULT_POLICY.monthly
        )
        older = generations - backups.DEFAULT_POLICY.daily
        saved = older * (size - sizes[6])
        print(
            f"\ngzip -6 makes a generation {ratio:.1f}× smaller; at most {older} of {generations} generations are "
            f"older than a week: about {_mb(saved)} saved per folder, for "
            f"{gzip_ms[6] / 1000:.1f} s once per generation."
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
