"""Start-up and close, whole processes (issue 11), each beside the floor our stack sets.

    .venv/bin/python benchmarks/bench_startup.py --data-dir /tmp/bench/1m_5y [--rounds 10] [--cold]
    .venv/bin/python benchmarks/bench_startup.py --data-dir /tmp/bench/1m_5y --wizard-only [--rounds 20]

* GUI cold start to its first window (the log-in dialog on an office, the set-up wizard on a new
  data folder) against a bare PySide6 process showing a QMainWindow. Both run the same probe: a
  QApplication whose event filter notes the first window shown and ends the process there, so the
  figure is process start → first window on screen (offscreen platform unless QT_QPA_PLATFORM says
  otherwise). Target ≤ 2×.
* ``counter-cli due`` and ``counter-cli lookup CODE``, whole process, against a bare Python process
  that imports SQLAlchemy, opens the same file through it and reads one row. Target ≤ 1.5×.
* Database close after use, in-process, on a scratch copy of the file (the given folder is only
  read: the copy is made with SQLite's backup API). Target ≤ 50 ms.

Sides are interleaved round by round; ``--cold`` also drops the page cache (root) before every run.
The data folder is never written: the GUI and CLI runs get a copy of it too. ``--wizard-only`` runs
just the set-up wizard row and its bare window (same probe, warm-up and interleaving; the folder is
then not even copied, the wizard starts on a new empty one as always).
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import closing
from pathlib import Path

from common import table

PYTHON = sys.executable
# The probe notes the first window shown and ends the process there. It wraps QWidget.show (which
# the bare window, the log-in and the set-up wizard are all shown with) rather than filtering every
# event of the application: an event filter in Python ran for each of the ~2,300 events of building
# the wizard against ~20 for the bare window, and so charged the probe's cost to the app's side.
# A start that shows its first window some other way (a message box's exec) is not caught: the run
# is then cut off after TIMEOUT_S and reported.
FIRST_WINDOW_PROBE = """
import os, sys
from PySide6 import QtWidgets

_show = QtWidgets.QWidget.show

def _shown(self):
    _show(self)
    if self.isWindow():
        sys.stdout.write("SHOWN\\n"); sys.stdout.flush(); os._exit(0)

QtWidgets.QWidget.show = _shown
"""
TIMEOUT_S = 120
BARE_WINDOW = (
    "app = QtWidgets.QApplication(sys.argv[:1])\n"
    "w = QtWidgets.QMainWindow()\nw.resize(800, 600)\nw.show()\napp.exec()\n"
)
BARE_SQLALCHEMY = """
import sys
from sqlalchemy import create_engine, text
engine = create_engine(f"sqlite:///{sys.argv[1]}")
with engine.connect() as conn:
    print(conn.execute(text("SELECT code FROM dossiers LIMIT 1")).scalar())
"""


def drop_caches() -> None:
    subprocess.run(["sync"], check=True)
    Path("/proc/sys/vm/drop_caches").write_text("3\n")


def timed_run(argv: list[str], until_line: str | None = None, env: dict[str, str] | None = None) -> float:
    """Milliseconds from spawning ``argv`` to its exit (or to the line ``until_line`` on stdout)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    assert proc.stdout is not None
    if until_line is not None:
        killer = threading.Timer(TIMEOUT_S, proc.kill)  # a first window the probe cannot see
        killer.start()
        seen = False
        for line in proc.stdout:
            if line.strip() == until_line:
                seen = True
                break
        elapsed = time.perf_counter() - start
        killer.cancel()
        if not seen:
            proc.wait()
            raise SystemExit(f"{argv[:2]}: no first window seen by the probe within {TIMEOUT_S} s")
        proc.kill()
        proc.wait()
        if proc.returncode not in (0, -9):
            raise SystemExit(f"{argv} failed ({proc.returncode})")
        return elapsed * 1000
    proc.stdout.read()
    if proc.wait() != 0:
        raise SystemExit(f"{argv} failed ({proc.returncode})")
    return (time.perf_counter() - start) * 1000


def interleaved(sides: dict[str, object], rounds: int, cold: bool) -> dict[str, float]:
    samples: dict[str, list[float]] = {name: [] for name in sides}
    for run in sides.values():  # one untimed run each: .pyc files written, caches primed
        run()  # type: ignore[operator]
    for _ in range(rounds):
        for name, run in sides.items():
            if cold:
                drop_caches()
            samples[name].append(run())  # type: ignore[operator]
    return {name: statistics.median(s) for name, s in samples.items()}


def scratch_copy(data_dir: Path, into: Path) -> Path:
    """The data folder's database copied (backup API) with its settings, into ``into``."""
    into.mkdir(parents=True, exist_ok=True)
    if (data_dir / "config").exists():
        shutil.copytree(data_dir / "config", into / "config", dirs_exist_ok=True)
    source = sqlite3.connect(f"file:{data_dir / 'counter.sqlite3'}?mode=ro", uri=True)
    with closing(source) as src, closing(sqlite3.connect(into / "counter.sqlite3")) as dst:
        src.backup(dst)
    # A folder made by an older version is migrated here, untimed: otherwise the first timed start
    # would run the migration (minutes at 1M when it builds an index) and stand for start-up.
    from sqlalchemy import create_engine

    from counter_app.db.migrate import head_revision, upgrade

    engine = create_engine(f"sqlite:///{into / 'counter.sqlite3'}")
    try:
        upgrade(engine, None, target=head_revision())
    finally:
        engine.dispose()
    return into


def close_ms(data_dir: Path, rounds: int) -> tuple[float, float, float]:
    """(first open, later open, close) medians in ms on the scratch copy, via the product's Database."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from counter_app.context import open_context

    opens, closes = [], []
    first = None
    for _ in range(rounds):
        start = time.perf_counter()
        ctx = open_context(str(data_dir))
        opened = (time.perf_counter() - start) * 1000
        first = opened if first is None else first
        opens.append(opened)
        with ctx.db.read() as session:  # some use, as a command makes
            session.connection().exec_driver_sql("SELECT count(*) FROM dossiers WHERE status='received'")
        start = time.perf_counter()
        ctx.close()
        closes.append((time.perf_counter() - start) * 1000)
    return first or 0.0, statistics.median(opens[1:] or opens), statistics.median(closes)


WIZARD = "app → set-up wizard (new folder)"


def wizard_row(got: dict[str, float]) -> tuple[str, str, str, str]:
    window = got["bare PySide6 window"]
    return (
        "GUI → set-up wizard",
        f"{got[WIZARD]:.0f}",
        f"{window:.0f}",
        f"≤ 2× ({got[WIZARD] / window:.2f}×)",
    )


def wizard_only(sides: dict[str, object], rounds: int, cold: bool) -> None:
    """The set-up wizard row alone, beside the bare window (``--wizard-only``)."""
    for cold_cache in [False, True] if cold else [False]:
        got = interleaved(sides, rounds, cold_cache)
        cache = "cold page cache" if cold_cache else "warm page cache"
        print(f"\nnew office — {cache}, median of {rounds} interleaved rounds (ms)")
        print(table([wizard_row(got)]))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--data-dir", required=True, help="a data folder with an office and dossiers (read only)"
    )
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--cold", action="store_true", help="drop the page cache before every run (root)")
    parser.add_argument("--scratch", default=None, help="where the copy goes (default: a temporary folder)")
    parser.add_argument(
        "--wizard-only", action="store_true", help="only the set-up wizard against the bare window"
    )
    args = parser.parse_args()
    source = Path(args.data_dir)
    scratch_root = Path(args.scratch or tempfile.mkdtemp(prefix="bench_startup_"))
    empty = scratch_root / "empty"
    env = {k: v for k, v in os.environ.items() if not k.startswith("COUNTER_APP_")}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # An installed program has its bytecode compiled (pip and PyInstaller do it), as have the
    # packages on the baseline's side: without this, a shell with PYTHONDONTWRITEBYTECODE set made
    # every run of the app compile each of its modules from source.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    compileall.compile_dir(str(Path(__file__).resolve().parents[1] / "counter_app"), quiet=1)
    cli = [PYTHON, "-m", "counter_app.cli"]
    app = FIRST_WINDOW_PROBE + "from counter_app.app import main\nmain(sys.argv[1:])"

    def fresh_empty() -> None:
        shutil.rmtree(empty, ignore_errors=True)

    def wizard() -> float:
        fresh_empty()
        return timed_run([PYTHON, "-c", app, "--data-dir", str(empty)], "SHOWN", env)

    def bare_window() -> float:
        return timed_run([PYTHON, "-c", FIRST_WINDOW_PROBE + BARE_WINDOW], "SHOWN", env)

    if args.wizard_only:
        wizard_only({"bare PySide6 window": bare_window, WIZARD: wizard}, args.rounds, args.cold)
        shutil.rmtree(scratch_root, ignore_errors=True)
        return
    print(f"copying {source} to {scratch_root} (the source is only read) …", flush=True)
    office = scratch_copy(source, scratch_root / "office")
    database = office / "counter.sqlite3"
    with closing(sqlite3.connect(database)) as conn:
        count = conn.execute("SELECT count(*) FROM dossiers").fetchone()[0]
        code = conn.execute("SELECT code FROM dossiers ORDER BY rowid DESC LIMIT 1").fetchone()[0]
    sides = {
        "bare PySide6 window": bare_window,
        "app → log-in dialog": lambda: timed_run(
            [PYTHON, "-c", app, "--data-dir", str(office)], "SHOWN", env
        ),
        WIZARD: wizard,
        "bare SQLAlchemy read": lambda: timed_run([PYTHON, "-c", BARE_SQLALCHEMY, str(database)], env=env),
        "counter-cli due": lambda: timed_run(
            [*cli, "due", "--data-dir", str(office), "--received", "2026-12-04 09:00", "--days", "5"], env=env
        ),
        "counter-cli lookup": lambda: timed_run([*cli, "lookup", "--data-dir", str(office), code], env=env),
    }
    for cold in [False, True] if args.cold else [False]:
        got = interleaved(sides, args.rounds, cold)
        cache = "cold page cache" if cold else "warm page cache"
        print(f"\n{count:,} dossiers — {cache}, median of {args.rounds} interleaved rounds (ms)")
        window, sa = got["bare PySide6 window"], got["bare SQLAlchemy read"]
        rows = [
            (
                "GUI → log-in dialog",
                f"{got['app → log-in dialog']:.0f}",
                f"{window:.0f}",
                f"≤ 2× ({got['app → log-in dialog'] / window:.2f}×)",
            ),
            wizard_row(got),
            (
                "counter-cli due",
                f"{got['counter-cli due']:.0f}",
                f"{sa:.0f}",
                f"≤ 1.5× ({got['counter-cli due'] / sa:.2f}×)",
            ),
            (
                "counter-cli lookup",
                f"{got['counter-cli lookup']:.0f}",
                f"{sa:.0f}",
                f"≤ 1.5× ({got['counter-cli lookup'] / sa:.2f}×)",
            ),
        ]
        print(table(rows))
    first, later, close = close_ms(office, max(3, args.rounds // 2))
    print(
        f"\nopen (first, statistics made if missing): {first:.0f} ms; later opens: {later:.0f} ms; "
        f"close: {close:.1f} ms (target ≤ 50 ms)"
    )
    shutil.rmtree(scratch_root, ignore_errors=True)


if __name__ == "__main__":
    main()
