"""Where the data lives: --data-dir / environment overrides, and a database URL selecting PostgreSQL."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select

from counter_app.cli import main
from counter_app.config import DATABASE_URL_ENV, load_settings
from counter_app.context import open_context
from counter_app.db.models import Office
from counter_app.paths import DATA_DIR_ENV, resolve_paths


def test_given_data_dir_then_every_location_lives_inside_it(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "d")
    assert paths.database_file == (tmp_path / "d" / "counter.sqlite3").resolve()
    for folder in (paths.config_dir, paths.log_dir, paths.backup_dir):
        assert folder.is_relative_to((tmp_path / "d").resolve())


def test_given_environment_override_then_used_when_no_flag(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "env"))
    assert resolve_paths().data_dir == (tmp_path / "env").resolve()
    assert resolve_paths(tmp_path / "flag").data_dir == (tmp_path / "flag").resolve()


def test_given_fresh_dir_then_settings_get_a_stable_node_id(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path).ensure()
    first = load_settings(paths).node_id
    assert first and load_settings(paths).node_id == first


def test_given_broken_settings_file_then_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = resolve_paths(tmp_path).ensure()
    paths.settings_file.write_text("{not json", encoding="utf-8")
    assert main(["init", "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Lỗi: Không đọc được tệp cấu hình") and "Traceback" not in err


@pytest.mark.postgres
def test_given_database_url_in_settings_then_postgresql_is_used(
    tmp_path: Path, pg_db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(DATABASE_URL_ENV, raising=False)
    paths = resolve_paths(tmp_path).ensure()
    paths.settings_file.write_text(json.dumps({"database_url": pg_db_url}), encoding="utf-8")
    ctx = open_context(tmp_path)
    try:
        assert ctx.db.dialect == "postgresql"
        with ctx.db.read() as session:
            assert session.execute(select(func.count()).select_from(Office)).scalar_one() == 1
    finally:
        ctx.close()
    assert not paths.database_file.exists()


def test_given_a_first_look_without_node_id_then_nothing_written_and_the_id_made_at_the_next_load(
    tmp_path: Path,
) -> None:
    # The app reads its language before the first window without making the id (that needs uuid6).
    paths = resolve_paths(tmp_path).ensure()
    first_look = load_settings(paths, make_node_id=False)
    assert first_look.node_id == "" and not paths.settings_file.exists()

    made = load_settings(paths).node_id

    assert uuid.UUID(made).version == 7 and load_settings(paths, make_node_id=False).node_id == made
