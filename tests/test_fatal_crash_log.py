"""A fatal crash (a segmentation fault inside a C library such as Qt) leaves its Python traceback in
the log file, where a windowed program without a console would otherwise leave nothing."""

from __future__ import annotations

from pathlib import Path

from fresh_process import run_python

CRASH = """
import sys
from counter_app.logsetup import setup_logging
from counter_app.paths import resolve_paths

def receive_in_qt():
    import faulthandler
    faulthandler._sigsegv()

setup_logging(resolve_paths(sys.argv[1]))
receive_in_qt()
"""


def test_given_a_fatal_crash_then_its_traceback_is_in_the_log_file(tmp_path: Path) -> None:
    done = run_python(CRASH, str(tmp_path))

    assert done.returncode != 0
    log = (tmp_path / "logs" / "counter_app.log").read_text(encoding="utf-8", errors="replace")
    assert "Fatal Python error: Segmentation fault" in log
    assert "in receive_in_qt" in log and "Current thread" in log
