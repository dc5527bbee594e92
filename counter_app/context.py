"""Opening the application's world: paths, settings and the (migrated) database."""

from __future__ import annotations

import os
from dataclasses import dataclass

from counter_app.config import Settings, load_settings
from counter_app.db.database import Database
from counter_app.domain.vietnam_holidays import keep_computed_in
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
    # The holidays the library computed, kept between runs (a short command then never imports it).
    keep_computed_in(paths.data_dir / "cache" / "vietnam-holidays.json")
    settings = load_settings(paths)
    db = Database.open(
        settings.effective_database_url(paths), settings.node_id, backup_dir=paths.backup_dir, migrate=migrate
    )
    return AppContext(paths, settings, db)
