"""Restore (verify first, set aside, count what is lost) and the cheap start-up check."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from backup_support import (
    DataDir,
    corrupt_page,
    digest,
    dossier_count,
    make_data_dir,
    receive_some,
    set_revision,
)
from testdata import MONDAY_9AM

from counter_app.domain.errors import UserError
from counter_app.services.backups import make_backup
from counter_app.services.integrity import verify_events
from counter_app.services.recovery import (
    apply_restore,
    prepare_restore,
    resolve_backup_file,
    restore,
    startup_problem,
)

NOW = datetime(2026, 11, 23, 17, 30)


@pytest.fixture
def data(tmp_path: Path, sqlite_template: Path) -> DataDir:
    return make_data_dir(tmp_path / "data", sqlite_template)


@pytest.fixture
def backup(data: DataDir) -> Path:
    return make_backup(data.db_file, [data.backups], now=NOW).backups[0].path


def _unchanged(data: DataDir) -> set[str]:
    """The data folder's file names (a refused restore leaves exactly these)."""
    return {p.name for p in data.root.iterdir()}


@pytest.mark.expect_log("database restored from")
def test_given_newer_dossiers_when_restored_then_loss_counted_db_replaced_and_old_one_set_aside(
    data: DataDir, backup: Path
) -> None:
    newer = receive_some(data, 2, MONDAY_9AM + timedelta(hours=2))
    before = digest(data.db_file)  # (the WAL is folded in when set aside; compare contents below)
    seen: list[str] = []

    def confirm(plan: object) -> bool:
        seen.append(plan.summary().render())  # type: ignore[attr-defined]
        return True

    result = restore(data.db_file, backup, confirm=confirm, now=datetime(2026, 11, 24, 8, 0))

    assert result is not None
    assert "Sẽ mất 2 hồ sơ và" in seen[0] and "sự kiện mới hơn bản sao lưu" in seen[0]
    assert (
        result.plan.lost_dossiers == 2
        and result.plan.lost_events is not None
        and result.plan.lost_events >= 2
    )
    aside = data.root / "counter-set-aside-20261124-080000.sqlite3"
    assert result.set_aside == aside and aside.exists()
    assert before  # the set-aside file holds every dossier the database had, the two newer ones included
    with closing(sqlite3.connect(aside)) as conn:
        assert {c for (c,) in conn.execute("SELECT code FROM dossiers")} >= set(newer)
    assert dossier_count(data.db_file) == 3
    db = data.open()
    try:
        report = verify_events(db)  # what «counter-cli events verify» runs
        assert report.first_broken is None and report.events_checked > 0
    finally:
        db.close()
    assert not [p for p in data.root.iterdir() if p.name.startswith(".")]  # no staged copy left


def test_given_not_confirmed_then_nothing_changed(data: DataDir, backup: Path) -> None:
    receive_some(data, 1, MONDAY_9AM + timedelta(hours=2))
    files, count = _unchanged(data), dossier_count(data.db_file)
    assert restore(data.db_file, backup, confirm=lambda _plan: False) is None
    assert _unchanged(data) == files and dossier_count(data.db_file) == count == 4


def test_given_corrupt_backup_then_refused_with_message_and_nothing_changed(
    data: DataDir, backup: Path
) -> None:
    corrupt_page(backup)
    files, before = _unchanged(data), digest(data.db_file)
    with pytest.raises(
        UserError, match=f"Không khôi phục từ {backup.name}: Toàn vẹn SQLite.*Chưa thay đổi gì"
    ):
        prepare_restore(data.db_file, backup)
    assert _unchanged(data) == files and digest(data.db_file) == before


def test_given_newer_schema_backup_then_refused_with_message_and_nothing_changed(
    data: DataDir, backup: Path, tmp_path: Path
) -> None:
    future = tmp_path / "future.sqlite3"
    shutil.copy(backup, future)
    set_revision(future, "9999_future")
    files, before = _unchanged(data), digest(data.db_file)
    with pytest.raises(
        UserError, match="phiên bản counter_app mới hơn \\(lược đồ 9999_future\\).*Chưa thay đổi gì"
    ):
        prepare_restore(data.db_file, future)
    assert _unchanged(data) == files and digest(data.db_file) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a database at all, just text" * 10, "không phải là cơ sở dữ liệu SQLite"),
        (b"\x1f\x8b not really gzip", "Không đọc được tệp sao lưu"),
    ],
)
def test_given_file_that_is_no_backup_then_refused(
    data: DataDir, tmp_path: Path, content: bytes, message: str
) -> None:
    name = "x.sqlite3.gz" if content.startswith(b"\x1f\x8b") else "x.sqlite3"
    (tmp_path / name).write_bytes(content)
    files = _unchanged(data)
    with pytest.raises(UserError, match=message):
        prepare_restore(data.db_file, tmp_path / name)
    assert _unchanged(data) == files


def test_given_database_in_use_then_restore_refused_and_nothing_changed(data: DataDir, backup: Path) -> None:
    plan = prepare_restore(data.db_file, backup)
    other = data.open()  # the desktop, or another command, with the database open
    try:
        with other.read() as session:
            session.connection().exec_driver_sql("SELECT 1")
            files = _unchanged(data)
            with pytest.raises(UserError, match="đang được dùng.*Chưa thay đổi gì"):
                apply_restore(plan)
    finally:
        other.close()
    assert _unchanged(data) - files == set() and not list(data.root.glob("*set-aside*"))


@pytest.mark.expect_log("database restored from")
def test_given_compressed_backup_then_restored(data: DataDir) -> None:
    old = make_backup(data.db_file, [data.backups], now=NOW - timedelta(days=8)).backups[0].path
    receive_some(data, 1, MONDAY_9AM + timedelta(hours=2))
    make_backup(data.db_file, [data.backups], now=NOW)  # rotation gzips the 8-day-old generation
    gz = old.with_name(old.name + ".gz")
    assert gz.exists()

    result = restore(data.db_file, gz, confirm=lambda plan: plan.lost_dossiers == 1)

    assert result is not None and dossier_count(data.db_file) == 3


@pytest.mark.expect_log("database restored from")
def test_given_no_current_database_then_restored_without_setting_aside(data: DataDir, backup: Path) -> None:
    data.db_file.unlink()
    Path(f"{data.db_file}-wal").write_bytes(b"an orphan WAL: never replayed into the restored file")
    result = restore(data.db_file, backup, confirm=lambda plan: plan.current_exists is False)
    assert result is not None and result.set_aside is None and dossier_count(data.db_file) == 3
    (orphan,) = data.root.glob("counter-set-aside-*-wal")
    assert orphan.read_bytes().startswith(b"an orphan WAL")


@pytest.mark.expect_log("database restored from")
def test_given_damaged_current_database_then_loss_uncounted_and_set_aside_with_its_wal(
    data: DataDir, backup: Path
) -> None:
    data.db_file.write_bytes(b"garbage" * 1000)
    Path(f"{data.db_file}-wal").write_bytes(b"old wal")
    plan = prepare_restore(data.db_file, backup)
    assert plan.lost_dossiers is None and "không đếm được" in plan.summary().render()
    result = apply_restore(plan, now=NOW)
    assert result.set_aside is not None and result.set_aside.read_bytes() == b"garbage" * 1000
    assert Path(f"{result.set_aside}-wal").read_bytes() == b"old wal"
    assert not Path(f"{data.db_file}-wal").exists() and dossier_count(data.db_file) == 3


def test_resolve_backup_file_by_path_or_bare_name(data: DataDir, backup: Path) -> None:
    assert resolve_backup_file(str(backup), [data.backups]) == backup
    assert resolve_backup_file(backup.name, [data.backups]) == data.backups / backup.name
    with pytest.raises(UserError, match="Không có tệp sao lưu «nothing.sqlite3»"):
        resolve_backup_file("nothing.sqlite3", [data.backups])


# ------------------------------------------------------------------------------------------ start-up


def test_startup_check_passes_a_sound_file_and_a_first_start(
    data: DataDir, backup: Path, tmp_path: Path
) -> None:
    assert startup_problem(data.db_file, [data.backups]) is None
    assert startup_problem(tmp_path / "fresh" / "counter.sqlite3", [tmp_path / "fresh" / "backups"]) is None


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        ("header", "không phải là cơ sở dữ liệu SQLite hoặc đã hỏng phần đầu"),
        ("empty", "rỗng (0 byte)"),
        ("missing", "Không thấy tệp dữ liệu"),
        ("schema table", "bảng phiên bản lược đồ bị mất"),
    ],
)
def test_given_damaged_file_at_startup_then_latest_verified_backup_offered(
    data: DataDir, backup: Path, damage: str, said: str
) -> None:
    newest = make_backup(data.db_file, [data.backups], now=NOW + timedelta(days=1)).backups[0].path
    if damage == "header":
        with data.db_file.open("r+b") as f:
            f.write(b"\x00" * 16)
    elif damage == "empty":
        data.db_file.write_bytes(b"")
    elif damage == "missing":
        data.db_file.unlink()
    else:
        with closing(sqlite3.connect(data.db_file)) as conn:
            conn.execute("DROP TABLE alembic_version")

    problem = startup_problem(data.db_file, [data.backups])

    assert problem is not None and said in problem.message.render()
    assert problem.backup is not None and problem.backup.path == newest != backup


def test_given_newer_schema_at_startup_then_said_but_no_backup_offered(data: DataDir, backup: Path) -> None:
    set_revision(data.db_file, "9999_future")
    problem = startup_problem(data.db_file, [data.backups])
    assert problem is not None and "mới hơn" in problem.message.render() and problem.backup is None


def test_startup_check_is_cheap_a_corrupted_inner_page_is_not_looked_for(data: DataDir, backup: Path) -> None:
    # Only header, open and schema revision: a damaged page deep in a table is for «check».
    corrupt_page(data.db_file)
    assert startup_problem(data.db_file, [data.backups]) is None


def test_given_swap_failing_then_everything_put_back(
    data: DataDir, backup: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from counter_app.db.sqlite_copy import StagedFile

    plan = prepare_restore(data.db_file, backup)
    receive_some(data, 1, MONDAY_9AM + timedelta(hours=2))
    count = dossier_count(data.db_file)

    def disk_error(_self: object, _target: Path) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(StagedFile, "commit", disk_error)
    with pytest.raises(UserError, match="Không thay được cơ sở dữ liệu .*Chưa thay đổi gì"):
        apply_restore(plan)
    assert dossier_count(data.db_file) == count == 4
    assert not list(data.root.glob("*set-aside*")) and not list(data.root.glob(".*partial"))
