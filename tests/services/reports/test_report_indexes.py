"""Migrations 0011 and 0012 (the reports' indexes) upgrade and downgrade, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect
from testdata import MONDAY_9AM

from counter_app.db.database import Database
from counter_app.db.migrate import alembic_config, current_revision
from counter_app.db.schema_head import HEAD_REVISION
from counter_app.services.demo import generate_dossiers


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
    assert current_revision(db.engine) == HEAD_REVISION
    now = _dossier_indexes(db)
    assert now["ix_dossiers_resolved_at"] == ["resolved_at", "received_local_date"]
    assert now["ix_dossiers_status_legal_due"] == ["status", "legal_due_at"]
    assert now["ix_dossiers_received_resolved"] == ["received_local_date", "resolved_at"]
    assert now["ix_dossiers_period_covering"] == [
        "office_id",
        "received_local_date",
        "id",
        "status",
        "channel",
        "resolved_at",
        "outcome",
        "apology_count",
        "legal_due_at",
        "waiting_since",
        "field_id",
        "current_unit_id",
    ]

    _migrate(db, "0011", down=True)
    at_0011 = _dossier_indexes(db)
    assert current_revision(db.engine) == "0011"
    assert at_0011 == {
        name: columns for name, columns in now.items() if name != "ix_dossiers_period_covering"
    }

    _migrate(db, "0010", down=True)
    before = _dossier_indexes(db)
    assert current_revision(db.engine) == "0010"
    assert before["ix_dossiers_resolved_at"] == ["resolved_at"]
    assert not {"ix_dossiers_status_legal_due", "ix_dossiers_received_resolved"} & set(before)
    assert set(before) == set(at_0011) - {"ix_dossiers_status_legal_due", "ix_dossiers_received_resolved"}

    _migrate(db, HEAD_REVISION)
    assert current_revision(db.engine) == HEAD_REVISION and _dossier_indexes(db) == now


def _stat_rows(db: Database) -> dict[str, str]:
    with db.engine.connect() as conn:
        if not conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first():
            return {}
        return dict(conn.exec_driver_sql("SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'dossiers'").all())


def test_given_analysed_dossiers_when_0012_runs_then_its_index_is_analysed_too(sqlite_db: Database) -> None:
    """An index without statistics beside analysed ones looks, to SQLite, more selective than any of
    them (it would walk it for an office's open dossiers); a file without statistics is left to the
    analysis at open."""
    generate_dossiers(sqlite_db, 60, now=MONDAY_9AM, seed=2)
    _migrate(sqlite_db, "0011", down=True)
    with sqlite_db.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
    assert "ix_dossiers_period_covering" not in _stat_rows(sqlite_db)
    _migrate(sqlite_db, "0012")
    stats = _stat_rows(sqlite_db)
    assert (
        stats["ix_dossiers_period_covering"].split()[0] == stats["ix_dossiers_office_local_date"].split()[0]
    )

    _migrate(sqlite_db, "0011", down=True)
    with sqlite_db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM sqlite_stat1 WHERE tbl = 'dossiers'")
    _migrate(sqlite_db, "0012")
    assert _stat_rows(sqlite_db) == {}
