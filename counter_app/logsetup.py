"""The log file of a data folder (kept apart from the database stack: the app logs before loading it)."""

from __future__ import annotations

import logging
import logging.handlers

from counter_app.paths import AppPaths

__all__ = ["setup_logging"]


def setup_logging(paths: AppPaths, level: int = logging.INFO) -> str:
    """Rotating log file in the log directory; returns its path (shown in the crash dialog)."""
    paths.log_dir.mkdir(parents=True, exist_ok=True)
    file = paths.log_dir / "counter_app.log"
    handler = logging.handlers.RotatingFileHandler(file, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    # One file per data dir: a process that opens another data dir (tests) logs there from then on.
    for old in [h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    root.setLevel(level)
    return str(file)
