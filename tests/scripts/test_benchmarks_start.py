"""Every benchmark script still starts: its imports resolve and its options parse (``--help``).

The benchmarks are run by hand, on data folders too large for the suite, so nothing else would
notice one that a refactoring broke (bench_reports imported a renamed function for a whole session).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from fresh_process import child_env

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
SCRIPTS = sorted(p.name for p in BENCHMARKS.glob("*.py") if p.name.startswith(("bench_", "make_")))


def test_the_benchmarks_are_found() -> None:
    assert len(SCRIPTS) >= 10


@pytest.mark.parametrize("script", SCRIPTS)
def test_given_a_benchmark_when_asked_for_help_then_it_starts(script: str) -> None:
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / script), "--help"],
        capture_output=True,
        text=True,
        cwd=BENCHMARKS,
        env=child_env(),
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "usage:" in done.stdout
