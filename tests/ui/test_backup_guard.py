"""The desktop's backups: daily while open and after closing (off the GUI thread, failures logged),
and the start-up offer of the latest verified backup when the database file does not open."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from backup_support import DataDir, dossier_count, make_data_dir
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from counter_app.context import AppContext, open_context
from counter_app.domain.errors import UserError
from counter_app.paths import resolve_paths
from counter_app.services import backups
from counter_app.ui import backup_guard
from counter_app.ui.worker import wait_for_detached

YES, NO = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


@pytest.fixture(autouse=True)
def _no_environment_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COUNTER_APP_DATABASE_URL", raising=False)
    monkeypatch.delenv("COUNTER_APP_DATA_DIR", raising=False)


@pytest.fixture
def data(tmp_path: Path, sqlite_template: Path) -> DataDir:
    return make_data_dir(tmp_path / "data", sqlite_template)


@pytest.fixture
def ctx(data: DataDir) -> Iterator[AppContext]:
    context = open_context(data.root)
    yield context
    wait_for_detached()
    context.close()


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """The message boxes shown, by kind; questions are answered from ``answers`` (Yes by default)."""
    shown: dict[str, list[str]] = {"question": [], "information": [], "critical": [], "answers": []}

    def question(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        shown["question"].append(text)
        return NO if shown["answers"] and shown["answers"].pop(0) == "no" else YES

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown["information"].append(text))
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown["critical"].append(text))
    return shown


def _damage_header(data: DataDir) -> None:
    with data.db_file.open("r+b") as f:
        f.write(b"\x00" * 16)


@pytest.mark.expect_log("database restored from")
def test_given_damaged_file_at_startup_then_backup_offered_and_restored_on_yes(
    qtbot: QtBot, data: DataDir, dialogs: dict[str, list[str]]
) -> None:
    backup = backups.make_backup(data.db_file, [data.backups]).backups[0].path
    _damage_header(data)

    assert backup_guard.offer_backup_if_damaged(resolve_paths(data.root)) is True

    offer, loss = dialogs["question"]
    assert "không phải là cơ sở dữ liệu SQLite hoặc đã hỏng phần đầu" in offer
    assert f"Có bản sao lưu đã kiểm tra: {backup.name} (lúc " in offer and "không bị xóa" in offer
    assert "không đếm được số hồ sơ" in loss  # the damaged file cannot say what would be lost
    (aside,) = data.root.glob("counter-set-aside-*.sqlite3")
    assert dialogs["information"] == [
        f"Đã khôi phục dữ liệu từ {backup.name}.\nTệp dữ liệu trước đó được để riêng ở {aside}."
    ]
    assert dossier_count(data.db_file) == 3 and dialogs["critical"] == []


@pytest.mark.expect_log("database restored from")
def test_given_english_interface_when_backup_offered_then_the_whole_offer_is_english(
    qtbot: QtBot, data: DataDir, dialogs: dict[str, list[str]], english: None
) -> None:
    backup = backups.make_backup(data.db_file, [data.backups]).backups[0].path
    _damage_header(data)

    assert backup_guard.offer_backup_if_damaged(resolve_paths(data.root)) is True

    offer, loss = dialogs["question"]
    # The service's problem, its backup line and its restore plan are translated too.
    assert f"The data file {data.db_file} is not an SQLite database, or its header is damaged." in offer
    assert f"{backup.name} (at " in offer and ", last dossier " in offer
    assert loss.startswith(f"The backup {backup.name} passed its check: 3 dossiers, ")
    assert "the dossiers newer than the backup cannot be counted" in loss
    assert not any(word in offer + loss for word in ("Tệp dữ liệu", "hồ sơ cuối", "đạt kiểm tra"))


def test_given_no_at_startup_then_nothing_changed(
    qtbot: QtBot, data: DataDir, dialogs: dict[str, list[str]]
) -> None:
    backups.make_backup(data.db_file, [data.backups])
    _damage_header(data)
    damaged = data.db_file.read_bytes()
    dialogs["answers"].append("no")

    assert backup_guard.offer_backup_if_damaged(resolve_paths(data.root)) is True  # the opening then says why

    assert len(dialogs["question"]) == 1 and data.db_file.read_bytes() == damaged
    assert not list(data.root.glob("*set-aside*"))


def test_given_sound_file_or_no_backup_then_nothing_asked(
    qtbot: QtBot, data: DataDir, dialogs: dict[str, list[str]]
) -> None:
    assert backup_guard.offer_backup_if_damaged(resolve_paths(data.root)) is True  # sound, no backup
    _damage_header(data)
    assert backup_guard.offer_backup_if_damaged(resolve_paths(data.root)) is True  # damaged, no backup
    assert dialogs["question"] == []


def test_daily_backup_runs_off_the_gui_thread_once_a_day(qtbot: QtBot, ctx: AppContext) -> None:
    now = [datetime.now(UTC)]
    guard = backup_guard.DailyBackup(ctx, clock=lambda: now[0])
    assert guard.timer.isActive() and guard.timer.interval() == backup_guard.CHECK_EVERY_MS

    assert guard.tick() is True
    qtbot.waitUntil(lambda: not guard.running, timeout=30_000)

    assert guard.last_result is not None and guard.last_error is None
    assert guard.last_result.backups[0].path.exists() and guard.last_result.verification.ok
    assert guard.tick() is False  # one a day
    now[0] += timedelta(hours=25)
    assert guard.tick() is True
    qtbot.waitUntil(lambda: not guard.running, timeout=30_000)
    assert len(backups.list_backups([ctx.paths.backup_dir])) == 2


@pytest.mark.expect_log("daily backup failed")
def test_daily_backup_failure_goes_to_the_log_never_a_dialog(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def refuse(*_args: object) -> None:
        raise UserError("Không đủ chỗ trống để sao lưu vào X")

    monkeypatch.setattr(backups, "automatic_backup", refuse)
    monkeypatch.setattr(QMessageBox, "critical", lambda *_a: pytest.fail("a dialog was shown"))
    guard = backup_guard.DailyBackup(ctx)
    with caplog.at_level(logging.WARNING, logger="counter_app.ui.backup_guard"):
        assert guard.tick() is True
        qtbot.waitUntil(lambda: not guard.running, timeout=30_000)
    assert isinstance(guard.last_error, UserError)
    assert "daily backup failed: Không đủ chỗ trống để sao lưu vào X" in caplog.text


@pytest.mark.expect_log("backup after close failed")
def test_backup_after_close_makes_one_and_only_logs_a_failure(
    ctx: AppContext, data: DataDir, caplog: pytest.LogCaptureFixture
) -> None:
    result = backup_guard.backup_after_close(ctx)
    assert result is not None and result.backups[0].path.parent == data.backups
    ctx.db.engine.dispose()
    data.db_file.unlink()
    with caplog.at_level(logging.WARNING, logger="counter_app.ui.backup_guard"):
        assert backup_guard.backup_after_close(ctx) is None
    assert "backup after close failed: Chưa có cơ sở dữ liệu" in caplog.text
