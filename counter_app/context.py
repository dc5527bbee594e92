"""Opening the application's world: paths, settings and the (migrated) database."""

from __future__ import annotations

import logging
import logging.handlers
import os
from dataclasses import dataclass

from counter_app.config import Settings, load_settings
from counter_app.db.database import Database
from counter_app.paths import AppPaths, resolve_paths


@dataclass
class AppContext:
    paths: AppPaths
    settings: Settings
    db: Database

    def close(self) -> None:
        self.db.close()


def open_context(data_dir: str | os.PathLike[str] | None = None, *, migrate: bool = True) -> AppContext:
    """Resolve the paths, read settings and open the database (migrating it after a backup)."""
    paths = resolve_paths(data_dir).ensure()
    settings = load_settings(paths)
    db = Database.open(
        settings.effective_database_url(paths), settings.node_id, backup_dir=paths.backup_dir, migrate=migrate
    )
    return AppContext(paths, settings, db)


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
