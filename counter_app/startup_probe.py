"""Can the first window show before the database stack loads? One look at the folder with plain sqlite3.

The app's first window must not wait for SQLAlchemy, the models and the migration check (issue 11:
~1 s on an office PC). Two cases allow it, both on the data folder's own SQLite file:

* ``login_can_show_first``: the file is at this version's schema and has an office, so nothing can
  come before the log-in (no migration, no set-up wizard, no backup to offer): the log-in dialog
  shows at once and the database opens behind it.
* ``wizard_can_show_first``: a new office — no database file yet (or one SQLite made with no table
  at all) and no backup anywhere the start-up looks for one, or a file at this version's schema
  with no office yet (a set-up cancelled before): the set-up wizard shows at once and the database
  is created and migrated behind it. A folder with backups but no database is a database deleted or
  moved, not a new office: the ordinary path offers the latest backup (services/recovery.py).

Anything else — a server, a settings file naming another database, a file to migrate or that does
not open, a side file (-wal, -journal) without its database — takes the ordinary path, which says
what is wrong. The ``--demo-if-empty`` start makes its demo data first: app.py does not ask here.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from counter_app.config import Settings
from counter_app.db.schema_head import HEAD_REVISION
from counter_app.paths import AppPaths

# The files SQLite keeps beside a database (db/sqlite_copy.SIDE_FILES, not imported: see above).
_SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class _Look:
    tables: frozenset[str]
    at_head: bool  # alembic_version names this version's head, and only it
    has_office: bool


def _own_sqlite_file(paths: AppPaths, settings: Settings) -> Path | None:
    """The data folder's own SQLite file, when the settings use it (not a server, not another file)."""
    file = paths.database_file
    return file if settings.effective_database_url(paths) == f"sqlite:///{file.as_posix()}" else None


def _look(file: Path) -> _Look | None:
    """What the file holds; None when it cannot be read (not a database, damaged, locked…)."""
    try:
        # mode=rw: never creates a file; the connection only reads.
        with closing(sqlite3.connect(f"{file.resolve().as_uri()}?mode=rw", uri=True, timeout=2)) as conn:
            tables = frozenset(
                name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            )
            revisions = (
                conn.execute("SELECT version_num FROM alembic_version").fetchall()
                if "alembic_version" in tables
                else []
            )
            office = (
                "offices" in tables and conn.execute("SELECT 1 FROM offices LIMIT 1").fetchone() is not None
            )
    except (sqlite3.Error, ValueError):
        return None
    return _Look(tables, revisions == [(HEAD_REVISION,)], office)


def login_can_show_first(paths: AppPaths, settings: Settings) -> bool:
    file = _own_sqlite_file(paths, settings)
    if file is None or not file.is_file():
        return False
    look = _look(file)
    return look is not None and look.at_head and look.has_office


def wizard_can_show_first(paths: AppPaths, settings: Settings) -> bool:
    """A new office: the set-up wizard is the first thing the ordinary path would show."""
    file = _own_sqlite_file(paths, settings)
    if file is None:
        return False
    if not file.exists():
        side_files = any(Path(f"{file}{suffix}").exists() for suffix in _SIDE_SUFFIXES)
        return not side_files and not _any_backup(paths, settings)
    if not file.is_file():
        return False
    look = _look(file)
    if look is None:
        return False
    if not look.tables:  # a file SQLite made and nothing filled: the migration fills it
        return not _any_backup(paths, settings)
    # At this version's schema with no office yet: nothing to migrate, nothing to restore — the
    # ordinary path, too, goes straight to the wizard (with or without backups).
    return look.at_head and not look.has_office and "offices" in look.tables


def _any_backup(paths: AppPaths, settings: Settings) -> bool:
    """Whether the backup folders the start-up check reads (services/backups.folders_for: the data
    folder's, then the second folder when one is set) hold any file at all. Broader than what the
    check counts as a backup, on purpose: in doubt, the ordinary path decides (and offers)."""
    folders = [paths.backup_dir]
    if settings.backup_mirror_dir:
        folders.append(Path(settings.backup_mirror_dir).expanduser())
    try:
        return any(
            not entry.name.startswith(".") and entry.is_file()
            for folder in folders
            if folder.is_dir()
            for entry in folder.iterdir()
        )
    except OSError:  # a folder that cannot be read: let the ordinary path look
        return True
