"""Bring a database to the current schema at start-up, after a backup of an existing file."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from counter_app.db.engine import sqlite_file_of
from counter_app.db.sqlite_copy import online_copy
from counter_app.domain.errors import UserError

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, backup_dir: Path | None = None, target: str = "head") -> str | None:
    """Migrate to ``target``; returns the path of the backup taken, if any.

    A database made by a newer counter_app (a revision this version does not know) is
    refused rather than touched.
    """
    config = alembic_config()
    script = ScriptDirectory.from_config(config)
    current = current_revision(engine)
    if current is not None and _unknown(script, current):
        raise UserError(
            "Cơ sở dữ liệu được tạo bởi phiên bản counter_app mới hơn. Hãy cập nhật phần mềm "
            "trước khi mở dữ liệu này."
        )
    wanted = script.get_current_head() if target == "head" else target
    if current == wanted:
        return None
    backup = None
    if current is not None or _has_tables(engine):
        backup = _backup(engine, backup_dir, current)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, target)
    log.info("database migrated from %s to %s", current, wanted)
    return str(backup) if backup else None


def _unknown(script: ScriptDirectory, revision: str) -> bool:
    try:
        return script.get_revision(revision) is None
    except Exception:  # alembic raises various resolution errors for unknown ids
        return True


def _has_tables(engine: Engine) -> bool:
    return bool(inspect(engine).get_table_names())


def _backup(engine: Engine, backup_dir: Path | None, revision: str | None) -> Path | None:
    """Copy the SQLite file with the online backup API (consistent even with WAL)."""
    file = sqlite_file_of(str(engine.url))
    if file is None or backup_dir is None or not file.exists():
        return None
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = backup_dir / f"{file.stem}-before-migration-{revision or 'none'}-{stamp}.sqlite3"
    return online_copy(file, target)  # a temporary file renamed when complete (db/sqlite_copy.py)
