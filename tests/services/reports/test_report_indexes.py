"""Migration 0011 (the reports' indexes) upgrades and downgrades, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect

from counter_app.db.database import Database
from counter_app.db.migrate import alembic_config, current_revision


def _dossier_indexes(db: Database) -> dict[str, list[str]]:
    return {ix["name"]: ix["column_names"] for ix in inspect(db.engine).get_indexes("dossiers")}  # type: ignore[misc]


def _migrate(db: Database, target: str, down: bool = False) -> None:
    config = alembic_config()
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(config, target)


def test_given_the_reports_indexes_when_downgraded_and_upgraded_again_then_each_schema_is_whole(
    db: Database,
) -> None:
    assert current_revision(db.engine) == "0011"
    now = _dossier_indexes(db)
    assert now["ix_dossiers_resolved_at"] == ["resolved_at", "received_local_date"]
    assert now["ix_dossiers_status_legal_due"] == ["status", "legal_due_at"]
    assert now["ix_dossiers_received_resolved"] == ["received_local_date", "resolved_at"]

    _migrate(db, "0010", down=True)
    before = _dossier_indexes(db)
    assert current_revision(db.engine) == "0010"
    assert before["ix_dossiers_resolved_at"] == ["resolved_at"]
    assert not {"ix_dossiers_status_legal_due", "ix_dossiers_received_resolved"} & set(before)
    assert set(before) == set(now) - {"ix_dossiers_status_legal_due", "ix_dossiers_received_resolved"}

    _migrate(db, "0011")
    assert current_revision(db.engine) == "0011" and _dossier_indexes(db) == now
