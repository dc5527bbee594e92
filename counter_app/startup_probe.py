"""Can the log-in show before the database stack loads? One look at the file with plain sqlite3.

The app's first window must not wait for SQLAlchemy, the models and the migration check (issue 11:
~1 s on an office PC). When the data folder's own SQLite file is at this version's schema and has an
office, nothing can come before the log-in (no migration, no set-up wizard, no backup to offer), so
the log-in dialog shows at once and the database opens behind it. Anything else — a server, a
settings file naming another database, a file to migrate, to set up or that does not open — takes
the ordinary path, which says what is wrong.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing

from counter_app.config import Settings
from counter_app.db.schema_head import HEAD_REVISION
from counter_app.paths import AppPaths


def login_can_show_first(paths: AppPaths, settings: Settings) -> bool:
    file = paths.database_file
    if settings.effective_database_url(paths) != f"sqlite:///{file.as_posix()}" or not file.is_file():
        return False
    try:
        # mode=rw: never creates a file; the connection only reads.
        with closing(sqlite3.connect(f"{file.resolve().as_uri()}?mode=rw", uri=True, timeout=2)) as conn:
            revisions = conn.execute("SELECT version_num FROM alembic_version").fetchall()
            office = conn.execute("SELECT 1 FROM offices LIMIT 1").fetchone()
    except (sqlite3.Error, ValueError):  # not a database, damaged, locked, no such table…
        return False
    return revisions == [(HEAD_REVISION,)] and office is not None
