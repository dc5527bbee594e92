"""Bring a database to the current schema at start-up, after a backup of an existing file.

Alembic is imported only when a migration has to run: a database already at ``HEAD_REVISION`` is
recognised by one read of ``alembic_version`` (issue 11: importing Alembic and reading every migration
script cost ~0.2 s on every CLI call and every start of the app).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from counter_app.db.engine import sqlite_file_of
from counter_app.db.schema_head import HEAD_REVISION
from counter_app.db.sqlite_copy import online_copy
from counter_app.domain.errors import UserError

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def stamped_revision(engine: Engine) -> str | None:
    """The revision in ``alembic_version`` read with one plain query; None when there is no such
    table yet (a new file) or it holds anything but one row (left to Alembic to judge)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    return rows[0][0] if len(rows) == 1 else None


def upgrade(engine: Engine, backup_dir: Path | None = None, target: str = "head") -> str | None:
    """Migrate to ``target``; returns the path of the backup taken, if any.

    A database made by a newer counter_app (a revision this version does not know) is
    refused rather than touched.
    """
    if target == "head" and stamped_revision(engine) == HEAD_REVISION:
        return None
    from alembic import command
    from alembic.script import ScriptDirectory

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
