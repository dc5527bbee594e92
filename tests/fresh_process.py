"""Running a piece of counter_app in a fresh interpreter (start-up tests: this test process has long
since imported everything) and making the data folders such runs start on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def child_env() -> dict[str, str]:
    """This environment without counter_app's overrides (the data folder alone decides), offscreen."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("COUNTER_APP_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def run_python(
    code: str, *args: str, timeout: float = 180, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -c code args…`` in a fresh interpreter, its output as text."""
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=child_env(),
        timeout=timeout,
        cwd=cwd,
        check=False,
    )


def json_lines(code: str, *args: str, timeout: float = 180) -> list[dict[str, object]]:
    """The JSON objects a driver printed, one per line (at least one, else its stderr is shown)."""
    done = run_python(code, *args, timeout=timeout)
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, done.stderr
    return lines


def make_demo_folder(folder: Path, dossiers: int = 3) -> Path:
    """A data folder at the current schema with the demo office and a few dossiers, made as a user
    makes one (``counter-cli demo`` in its own process)."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "counter_app.cli",
            "demo",
            "--dossiers",
            str(dossiers),
            "--data-dir",
            str(folder),
        ],
        check=True,
        capture_output=True,
        env=child_env(),
    )
    return folder
