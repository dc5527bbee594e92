"""The frozen one-folder build (issue 12): its size, its cold start to the first window beside the
development start in the same run, and the self-test's time.

    bash packaging/build.sh                                  # once: packaging/dist/counter_app
    .venv/bin/python benchmarks/bench_frozen.py [--rounds 10] [--cold]

* size: the folder on disk, and its largest parts;
* start to the first window: the frozen ``counter-app`` and the development one
  (``python -m counter_app.app``), both on a real X server (Xvfb) and timed the same way — from
  spawning the process to its log-in window being mapped on the screen, seen by ``xwininfo`` polling
  every few milliseconds — on copies of one office's data folder; sides interleaved round by round;
  ``--cold`` drops the page cache (root) before every run;
* the self-test (``counter-cli self-test``), frozen and development, whole process.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from common import table

REPO = Path(__file__).resolve().parents[1]
DIST = REPO / "packaging" / "dist" / "counter_app"
TITLE = "Bộ phận Một cửa"


def drop_caches() -> None:
    subprocess.run(["sync"], check=True)
    Path("/proc/sys/vm/drop_caches").write_text("3\n")


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def largest_parts(folder: Path, count: int = 8) -> list[tuple[str, int]]:
    internal = folder / "_internal"
    parts = [(p.name, folder_size(p) if p.is_dir() else p.stat().st_size) for p in internal.iterdir()]
    return sorted(parts, key=lambda part: -part[1])[:count]


def window_mapped(display: str) -> bool:
    env = {**os.environ, "DISPLAY": display}
    tree = subprocess.run(["xwininfo", "-root", "-children"], capture_output=True, text=True, env=env).stdout
    for line in tree.splitlines():
        if TITLE in line:
            window = line.split()[0]
            state = subprocess.run(
                ["xwininfo", "-id", window], capture_output=True, text=True, env=env
            ).stdout
            if "IsViewable" in state:
                return True
    return False


def first_window_ms(argv: list[str], display: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not window_mapped(display):
            if proc.poll() is not None:
                raise SystemExit(f"{argv[0]} ended ({proc.returncode}) before showing a window")
            if time.perf_counter() - start > 120:
                raise SystemExit(f"{argv[0]}: no window within 120 s")
            time.sleep(0.005)
        return (time.perf_counter() - start) * 1000
    finally:
        proc.kill()
        proc.wait()


def timed_ms(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{argv} failed: {done.stdout[-2000:]}{done.stderr[-2000:]}")
    return (time.perf_counter() - start) * 1000


def interleaved(sides: dict[str, Callable[[], float]], rounds: int, cold: bool) -> dict[str, float]:
    for run in sides.values():  # untimed: caches primed (and, on the development side, .pyc files)
        run()
    samples: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(rounds):
        for name, run in sides.items():
            if cold:
                drop_caches()
            samples[name].append(run())
    return {name: statistics.median(values) for name, values in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--cold", action="store_true", help="drop the page cache before every run (root)")
    args = parser.parse_args()
    if not (DIST / "counter-app").is_file():
        raise SystemExit(f"no build in {DIST}: run bash packaging/build.sh first")
    if args.cold and os.geteuid() != 0:
        raise SystemExit("--cold needs root (it drops the page cache)")

    env = {k: v for k, v in os.environ.items() if not k.startswith("COUNTER_APP_")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed program has its bytecode compiled
    scratch = Path(tempfile.mkdtemp(prefix="bench_frozen_"))
    display_number = next(n for n in range(90, 200) if not Path(f"/tmp/.X{n}-lock").exists())
    display = f":{display_number}"
    server = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        office = scratch / "office"
        subprocess.run(
            [str(DIST / "counter-cli"), "--data-dir", str(office), "demo", "--dossiers", "20"],
            env=env, check=True, capture_output=True,
        )  # fmt: skip
        gui_env = {**env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}

        def frozen_start() -> float:
            return first_window_ms([str(DIST / "counter-app"), "--data-dir", str(office)], display, gui_env)

        def development_start() -> float:
            return first_window_ms(
                [sys.executable, "-m", "counter_app.app", "--data-dir", str(office)], display, gui_env
            )

        starts = interleaved(
            {"frozen": frozen_start, "development": development_start}, args.rounds, args.cold
        )
        test_env = {**env, "QT_QPA_PLATFORM": "offscreen"}
        self_tests = interleaved(
            {
                "frozen": lambda: timed_ms([str(DIST / "counter-cli"), "self-test"], test_env),
                "development": lambda: timed_ms(
                    [sys.executable, "-m", "counter_app.cli", "self-test"], test_env
                ),
            },
            max(3, args.rounds // 3),
            False,
        )
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(scratch, ignore_errors=True)

    size = folder_size(DIST)
    cache = "cold" if args.cold else "warm"
    rows = [
        ("one-folder build, size on disk (MB)", f"{size / 1e6:.0f}", "", ""),
        *[(f"  _internal/{name} (MB)", f"{part / 1e6:.1f}", "", "") for name, part in largest_parts(DIST)],
        (f"start → log-in window on screen, {cache} cache (median ms)", f"{starts['frozen']:.0f}",
         f"{starts['development']:.0f}", f"{starts['frozen'] / starts['development']:.2f}×"),
        ("counter-cli self-test, whole process (median ms)", f"{self_tests['frozen']:.0f}",
         f"{self_tests['development']:.0f}", f"{self_tests['frozen'] / self_tests['development']:.2f}×"),
    ]  # fmt: skip
    print(f"{os.cpu_count()} CPUs; frozen build {DIST}; development: {sys.executable} -m counter_app…")
    print(table(rows, header=("measure", "frozen", "development", "frozen / development")))


if __name__ == "__main__":
    main()
