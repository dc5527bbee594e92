"""The machine-wide settings file the installer writes (counter_app/machine.py, issue 12): the
shared data folder and database server for every account of a counter PC, and what each mistake
in the file gets."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from fresh_process import child_env

from counter_app.config import DATABASE_URL_ENV, Settings
from counter_app.domain.errors import UserError
from counter_app.machine import MACHINE_CONFIG_ENV, load_machine_config
from counter_app.paths import DATA_DIR_ENV, resolve_paths

SERVER = "postgresql+psycopg://counter@db.local/office"


@pytest.fixture
def machine_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A machine file under tmp_path; the account's own folders under tmp_path/home."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for name in (
        "XDG_DATA_HOME",
        "XDG_CONFIG_HOME",
        "XDG_STATE_HOME",
        "XDG_CACHE_HOME",
        DATA_DIR_ENV,
        DATABASE_URL_ENV,
    ):
        monkeypatch.delenv(name, raising=False)
    file = tmp_path / "ProgramData" / "machine.json"
    file.parent.mkdir()
    monkeypatch.setenv(MACHINE_CONFIG_ENV, str(file))
    return file


def test_given_no_machine_file_then_the_accounts_own_folders(machine_file: Path, tmp_path: Path) -> None:
    paths = resolve_paths()

    assert paths.data_dir.is_relative_to(tmp_path / "home")
    assert paths.backup_dir == paths.data_dir / "backups" and paths.machine_database_url == ""
    assert load_machine_config().file is None


def test_given_a_shared_data_folder_then_data_and_backups_shared_settings_and_logs_per_account(
    machine_file: Path, tmp_path: Path
) -> None:
    shared = tmp_path / "ProgramData" / "data"
    machine_file.write_text(json.dumps({"data_dir": str(shared)}), encoding="utf-8")

    paths = resolve_paths()

    assert paths.data_dir == shared and paths.backup_dir == shared / "backups"
    assert paths.database_file == shared / "counter.sqlite3"
    assert paths.config_dir.is_relative_to(tmp_path / "home") and paths.log_dir.is_relative_to(
        tmp_path / "home"
    )
    assert Settings().effective_database_url(paths) == f"sqlite:///{(shared / 'counter.sqlite3').as_posix()}"


def test_given_a_machine_server_then_it_wins_over_the_accounts_own_setting_and_loses_to_the_environment(
    machine_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    machine_file.write_text(json.dumps({"database_url": SERVER}), encoding="utf-8")
    paths = resolve_paths()
    mine = Settings(database_url="postgresql+psycopg://old@elsewhere/db")

    assert mine.effective_database_url(paths) == SERVER
    monkeypatch.setenv(DATABASE_URL_ENV, "sqlite:////tmp/job.sqlite3")
    assert mine.effective_database_url(paths) == "sqlite:////tmp/job.sqlite3"


def test_given_an_explicit_data_folder_then_the_machine_file_is_not_used(
    machine_file: Path, tmp_path: Path
) -> None:
    machine_file.write_text(
        json.dumps({"data_dir": str(tmp_path / "shared"), "database_url": SERVER}), encoding="utf-8"
    )

    paths = resolve_paths(tmp_path / "portable")

    assert paths.data_dir == tmp_path / "portable" and paths.config_dir == tmp_path / "portable" / "config"
    assert Settings().effective_database_url(paths).startswith("sqlite:///")


def test_given_a_byte_order_mark_from_notepad_then_the_file_is_read(
    machine_file: Path, tmp_path: Path
) -> None:
    machine_file.write_bytes(b"\xef\xbb\xbf" + json.dumps({"data_dir": str(tmp_path / "d")}).encode())

    assert load_machine_config().data_dir == str(tmp_path / "d")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "không phải JSON hợp lệ"),
        ("[1, 2]", "phải là một đối tượng JSON"),
        ('{"data_dir": 5}', "«data_dir» phải là một chuỗi"),
        ('{"database_url": ["x"]}', "«database_url» phải là một chuỗi"),
        ('{"data_dir": "relative/folder"}', "«data_dir» phải là đường dẫn đầy đủ"),
    ],
)
def test_given_a_mistake_in_the_machine_file_then_a_clear_message(
    machine_file: Path, content: str, message: str
) -> None:
    machine_file.write_text(content, encoding="utf-8")

    with pytest.raises(UserError) as caught:
        resolve_paths()

    assert caught.value.message.startswith(f"Tệp cấu hình chung của máy {machine_file}")
    assert message in caught.value.message


def test_given_a_damaged_machine_file_then_cli_says_one_line_and_exits_1(
    machine_file: Path, tmp_path: Path
) -> None:
    machine_file.write_text("{not json", encoding="utf-8")
    env = child_env()
    env.update({"HOME": str(tmp_path / "home"), MACHINE_CONFIG_ENV: str(machine_file)})

    done = subprocess.run(
        [sys.executable, "-m", "counter_app.cli", "due", "--received", "2026-12-01T09:00", "--days", "2"],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=120, check=False,
    )  # fmt: skip

    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith(f"Lỗi: Tệp cấu hình chung của máy {machine_file} không phải JSON hợp lệ")
