"""Start-up migration: upgrade a first-schema file (after a backup), refuse a newer one."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, inspect, select
from testdata import FIXTURES

from counter_app.db.base import Base
from counter_app.db.database import Database
from counter_app.db.engine import NetworkShareError, is_network_path, make_engine
from counter_app.db.migrate import current_revision, head_revision, upgrade
from counter_app.db.models import (
    Agency,
    AgencyName,
    Dossier,
    DossierDocument,
    Event,
    Field,
    FieldName,
    LoginThrottle,
    Office,
    OfficeProfileRecord,
    ProcedureVersion,
    RequiredDocument,
    User,
)
from counter_app.domain.errors import UserError
from counter_app.services.integrity import verify_events
from counter_app.services.login import login

FIRST_SCHEMA = FIXTURES / "schema_0001.sqlite3"


def test_given_first_schema_file_when_opened_then_upgraded_with_backup_and_data_kept(tmp_path: Path) -> None:
    file = tmp_path / "counter.sqlite3"
    shutil.copy(FIRST_SCHEMA, file)
    backups = tmp_path / "backups"
    with closing(sqlite3.connect(file)) as raw, raw:
        # A supplement pending in the old schema: 0006 renames its column to waiting_since.
        raw.execute(
            "UPDATE dossiers SET supplement_requested_at = '2026-11-20 03:00:00.000000' "
            "WHERE rowid = (SELECT min(rowid) FROM dossiers)"
        )

    db = Database.open(f"sqlite:///{file}", "test-node", backup_dir=backups)

    assert current_revision(db.engine) == head_revision() != "0001"
    indexes = {ix["name"] for ix in inspect(db.engine).get_indexes("dossiers")}
    assert {"ix_dossiers_resolved_at", "ix_dossiers_returned_at"} <= indexes
    with db.read() as session:
        assert session.execute(select(func.count()).select_from(Dossier)).scalar_one() == 40
        assert session.execute(select(func.count()).select_from(Event)).scalar_one() > 40
        waiting = session.execute(select(Dossier.waiting_since).where(Dossier.waiting_since.is_not(None)))
        assert waiting.scalars().all() == [datetime(2026, 11, 20, 3, 0, tzinfo=UTC)]
        # 0005: every field's existing name counts from the start.
        fields = session.execute(select(Field.id, Field.name)).all()
        history = session.execute(select(FieldName.field_id, FieldName.name, FieldName.valid_from)).all()
        assert fields and sorted(history) == sorted((i, n, None) for i, n in fields)
        # 0007: lines imported before it were read as documents handed in; no stated case terms.
        kinds = session.execute(select(RequiredDocument.kind, RequiredDocument.part).distinct()).all()
        assert kinds == [("submit", "")]
        assert all(terms == [] for terms in session.execute(select(ProcedureVersion.case_terms)).scalars())
        assert set(session.execute(select(DossierDocument.kind)).scalars()) == {"submit"}
        # 0008: the users made before it chose their passwords: none is forced to change; no
        # log-in failure is counted yet.
        flags = session.execute(select(User.username, User.must_change_password).order_by(User.username))
        assert flags.all() == [("canbo", False), ("canbo2", False), ("lanhdao", False), ("quantri", False)]
        assert session.execute(select(func.count()).select_from(LoginThrottle)).scalar_one() == 0
    assert verify_events(db).first_broken is None
    # The demo's officer of the old file still logs in with its password, and is not asked to change it.
    result = login(db, "canbo", "demo", now=datetime(2026, 12, 14, 2, 0, tzinfo=UTC))
    assert (result.actor.username, result.must_change_password) == ("canbo", False)
    db.close()
    (backup,) = backups.iterdir()
    assert "before-migration-0001" in backup.name
    with sqlite3.connect(backup) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert copy.execute("SELECT count(*) FROM dossiers").fetchone() == (40,)


def test_given_first_schema_file_when_upgraded_then_office_identity_and_unit_names_count_from_the_start(
    tmp_path: Path,
) -> None:
    """0010: each office's printed identity and each unit's name, as they were, from the start."""
    file = tmp_path / "counter.sqlite3"
    shutil.copy(FIRST_SCHEMA, file)

    db = Database.open(f"sqlite:///{file}", "test-node", backup_dir=tmp_path / "backups")

    with db.read() as session:
        offices = session.execute(select(Office.id, Office.name, Office.address, Office.place)).all()
        profiles = session.execute(
            select(
                OfficeProfileRecord.office_id,
                OfficeProfileRecord.name,
                OfficeProfileRecord.address,
                OfficeProfileRecord.place,
                OfficeProfileRecord.valid_from,
                OfficeProfileRecord.province,
                OfficeProfileRecord.email,
            )
        ).all()
        assert offices and sorted(profiles) == sorted((*row, None, "", "") for row in offices)
        new_columns = session.execute(select(Office.province, Office.level, Office.email)).all()
        assert set(new_columns) == {("", "", "")}
        units = session.execute(select(Agency.id, Agency.name, Agency.retired_at)).all()
        names = session.execute(select(AgencyName.agency_id, AgencyName.name, AgencyName.valid_from)).all()
        assert len(units) == 5 and sorted(names) == sorted((i, n, None) for i, n, _ in units)
        assert {retired for _, _, retired in units} == {None}
    db.close()


def test_given_migrated_database_then_schema_matches_the_models(db: Database) -> None:
    """The migrations build exactly what the models declare, on both backends (no drift)."""
    with db.engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert differences == []


def test_given_current_database_when_opened_again_then_no_backup(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'counter.sqlite3'}"
    Database.open(url, "n", backup_dir=tmp_path / "b").close()
    Database.open(url, "n", backup_dir=tmp_path / "b").close()
    assert not (tmp_path / "b").exists()


def test_given_database_from_newer_version_when_opened_then_refused_untouched(tmp_path: Path) -> None:
    file = tmp_path / "counter.sqlite3"
    shutil.copy(FIRST_SCHEMA, file)
    with sqlite3.connect(file) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(UserError) as info:
        upgrade(make_engine(f"sqlite:///{file}"), tmp_path / "b")
    assert "phiên bản counter_app mới hơn" in info.value.message
    with sqlite3.connect(file) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("9999",)


@pytest.mark.parametrize("path", [r"\\server\share\counter.sqlite3", "//server/share/counter.sqlite3"])
def test_given_unc_path_when_opening_then_refused_with_message(path: str) -> None:
    assert is_network_path(Path(path))
    with pytest.raises(NetworkShareError) as info:
        make_engine(f"sqlite:///{path}")
    assert "ổ mạng" in info.value.message


def test_given_sqlite_file_then_pragmas_are_set(sqlite_db: Database) -> None:
    with sqlite_db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -65536


def test_given_unsupported_url_then_clear_message() -> None:
    with pytest.raises(UserError) as info:
        make_engine("mysql://localhost/x")
    assert "không được hỗ trợ" in info.value.message


def test_given_the_migration_scripts_then_the_head_constant_is_alembics_head() -> None:
    # HEAD_REVISION lets start-up skip Alembic; a new migration must move it (this test says so).
    from counter_app.db.migrate import HEAD_REVISION

    assert head_revision() == HEAD_REVISION


def test_given_a_database_at_head_then_stamped_revision_reads_it_and_upgrade_does_nothing(
    tmp_path: Path,
) -> None:
    from counter_app.db.migrate import HEAD_REVISION, stamped_revision

    db = Database.open(f"sqlite:///{tmp_path / 'a.sqlite3'}", node_id="n", backup_dir=tmp_path / "b")
    assert stamped_revision(db.engine) == HEAD_REVISION
    assert upgrade(db.engine, tmp_path / "b") is None
    assert not (tmp_path / "b").exists() or not any((tmp_path / "b").iterdir())
    db.close()


def test_given_an_empty_file_then_no_stamped_revision(tmp_path: Path) -> None:
    from sqlalchemy import create_engine

    from counter_app.db.migrate import stamped_revision

    engine = create_engine(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    assert stamped_revision(engine) is None
    engine.dispose()
