"""Quản trị → Sao lưu: the list, a backup now (off the GUI thread), and a restore on a real SQLite
file that says what would be lost, asks, and asks the application to start again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from admin_support import Dialogs
from backup_support import DataDir, dossier_count, make_data_dir, receive_some
from pytestqt.qtbot import QtBot
from testdata import MONDAY_9AM

from counter_app.db.database import Database
from counter_app.paths import resolve_paths
from counter_app.services import backups
from counter_app.services.offices import find_actor
from counter_app.ui.admin.backups_tab import BackupsTab
from counter_app.ui.session import UiSession


@pytest.fixture(autouse=True)
def _no_environment_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COUNTER_APP_DATABASE_URL", raising=False)
    monkeypatch.delenv("COUNTER_APP_DATA_DIR", raising=False)


@pytest.fixture
def data(tmp_path: Path, sqlite_template: Path) -> DataDir:
    return make_data_dir(tmp_path / "data", sqlite_template)  # 3 dossiers


@pytest.fixture
def data_db(data: DataDir) -> Iterator[Database]:
    db = data.open()
    yield db
    db.close()


@pytest.fixture
def tab(qtbot: QtBot, data: DataDir, data_db: Database) -> BackupsTab:
    session = UiSession(
        data_db, find_actor(data_db, "quantri"), resolve_paths(data.root).ensure(), clock=lambda: MONDAY_9AM
    )
    widget = BackupsTab(session)
    qtbot.addWidget(widget)
    widget.show()
    widget.refresh()
    return widget


def backup_now(qtbot: QtBot, tab: BackupsTab) -> Path:
    rows = tab.table.rowCount()
    tab.backup_button.click()
    qtbot.waitUntil(
        lambda: tab.table.rowCount() == rows + 1 and tab.backup_button.isEnabled(), timeout=30_000
    )
    info = tab.selected_backup()
    assert info is not None
    return info.path


def test_given_no_backup_when_backed_up_now_then_listed_verified_with_last_code(
    qtbot: QtBot, tab: BackupsTab, data: DataDir
) -> None:
    assert tab.table.rowCount() == 0 and not tab.restore_button.isEnabled()

    path = backup_now(qtbot, tab)

    (listed,) = backups.list_backups([data.backups])
    assert listed.path == path and path.parent == data.backups and listed.verified
    row = tab.table.currentRow()
    assert tab.table.item(row, 2).text() == listed.last_code and listed.last_code
    assert tab.table.item(row, 3).text() == "Đã kiểm tra"
    assert tab.table.item(row, 4).text() == str(data.backups)
    assert "Đã sao lưu" in tab.message.text() and "3 hồ sơ" in tab.message.text()
    assert tab.restore_button.isEnabled()


def test_given_missing_second_folder_when_backed_up_then_data_folder_only_and_said(
    qtbot: QtBot, data: DataDir, data_db: Database, tmp_path: Path
) -> None:
    paths = resolve_paths(data.root).ensure()
    paths.settings_file.write_text('{"backup_mirror_dir": "%s"}' % (tmp_path / "usb"), encoding="utf-8")
    tab = BackupsTab(UiSession(data_db, find_actor(data_db, "quantri"), paths))
    qtbot.addWidget(tab)
    tab.refresh()

    backup_now(qtbot, tab)

    assert "không có (USB chưa cắm?)" in tab.message.text()
    assert len(backups.list_backups([data.backups])) == 1 and not (tmp_path / "usb").exists()


@pytest.mark.expect_log("database restored from")
def test_given_backup_and_newer_dossier_when_restored_then_loss_said_and_restart_required(
    qtbot: QtBot, tab: BackupsTab, data: DataDir, dialogs: Dialogs
) -> None:
    path = backup_now(qtbot, tab)
    receive_some(data, 1)  # a dossier the backup does not have
    assert dossier_count(data.db_file) == 4

    assert tab.select(path)
    with qtbot.waitSignal(tab.restart_required, timeout=30_000):
        tab.restore_button.click()

    (question,) = dialogs.questions
    assert "Sẽ mất 1 hồ sơ" in question and "mới hơn bản sao lưu" in question
    assert "phải đóng lại" in question
    (aside,) = data.root.glob("counter-set-aside-*.sqlite3")
    assert dossier_count(data.db_file) == 3 and dossier_count(aside) == 4
    (told,) = dialogs.informations
    assert f"Đã khôi phục dữ liệu từ {path.name}" in told and str(aside) in told and "mở lại" in told
    assert not tab.backup_button.isEnabled() and not tab.restore_button.isEnabled()


def test_given_no_when_asked_to_restore_then_nothing_changed(
    qtbot: QtBot, tab: BackupsTab, data: DataDir, dialogs: Dialogs
) -> None:
    path = backup_now(qtbot, tab)
    receive_some(data, 1)
    dialogs.answers.append(False)
    with qtbot.assertNotEmitted(tab.restart_required, wait=100):
        tab.select(path)
        tab.restore_button.click()
        qtbot.waitUntil(lambda: len(dialogs.questions) == 1, timeout=30_000)

    assert "Chưa khôi phục" in tab.message.text()
    assert dossier_count(data.db_file) == 4 and not list(data.root.glob("*set-aside*"))
    assert not [p for p in data.root.iterdir() if p.name.startswith(".")]  # the staged copy is gone


def test_given_damaged_backup_when_restored_then_refused_with_reason(
    qtbot: QtBot, tab: BackupsTab, data: DataDir, dialogs: Dialogs
) -> None:
    path = backup_now(qtbot, tab)
    with path.open("r+b") as f:
        f.write(b"\x00" * 16)
    tab.select(path)
    tab.restore_button.click()
    qtbot.waitUntil(lambda: tab.message.is_error, timeout=30_000)

    assert "không phải là cơ sở dữ liệu SQLite" in tab.message.text()
    assert dialogs.questions == [] and dossier_count(data.db_file) == 3


@pytest.mark.postgres
def test_given_postgresql_then_dba_route_said_and_buttons_disabled(
    qtbot: QtBot, pg_db_url: str, tmp_path: Path
) -> None:
    db = Database.open(pg_db_url, "test-node")
    try:
        tab = BackupsTab(UiSession(db, find_actor(db, "quantri"), resolve_paths(tmp_path).ensure()))
        qtbot.addWidget(tab)
        tab.refresh()
        assert "PostgreSQL" in tab.where.text() and "docs/backups.md" in tab.where.text()
        assert not tab.backup_button.isEnabled() and not tab.restore_button.isEnabled()
    finally:
        db.close()
