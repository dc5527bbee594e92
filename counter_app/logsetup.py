"""The log file of a data folder (kept apart from the database stack: the app logs before loading it)."""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers

from counter_app.paths import AppPaths

__all__ = ["setup_logging"]


class _LogFile(logging.handlers.RotatingFileHandler):
    """The rotating log file, which also receives the Python traceback of a fatal crash
    (``faulthandler``): a crash inside Qt aborts the process with no Python exception to log, and a
    windowed Windows build has no stderr to print one on (issue 13)."""

    def _open(self):  # type: ignore[no-untyped-def]
        stream = super()._open()
        faulthandler.enable(file=stream, all_threads=True)  # follows the file across rotations
        return stream


def setup_logging(paths: AppPaths, level: int = logging.INFO) -> str:
    """Rotating log file in the log directory; returns its path (shown in the crash dialog)."""
    paths.log_dir.mkdir(parents=True, exist_ok=True)
    file = paths.log_dir / "counter_app.log"
    handler = _LogFile(file, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    # One file per data dir: a process that opens another data dir (tests) logs there from then on.
    for old in [h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    root.setLevel(level)
    return str(file)
