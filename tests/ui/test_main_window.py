"""The main window: pages on F-keys, the officer, office and database in the status bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counter_app.db.database import Database
from counter_app.services.offices import find_actor
from counter_app.ui.login_dialog import LoginDialog
from counter_app.ui.main_window import MainWindow
from counter_app.ui.session import UiSession


def make_window(qtbot: QtBot, db: Database) -> MainWindow:
    window = MainWindow(UiSession(db, find_actor(db, "canbo")))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()  # window shortcuts (F1…) need the active window
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_given_officer_when_window_opens_then_status_bar_names_officer_office_and_database(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    window = make_window(qtbot, sqlite_db)
    text = window.status_label.text()
    assert "Nguyễn Thị Lan (Cán bộ một cửa)" in text
    assert "Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa" in text
    assert sqlite_db.label in text
    assert window.tabs.currentWidget() is window.receive_page


def test_given_function_keys_then_pages_switch(qtbot: QtBot, sqlite_db: Database) -> None:
    window = make_window(qtbot, sqlite_db)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F1)
    assert window.tabs.currentWidget() is window.guide_page
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F6)
    assert window.tabs.currentWidget() is window.catalog_page
    assert window.catalog_page.picker.model.rowCount() == 5
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F2)
    assert window.tabs.currentWidget() is window.receive_page


def test_given_wrong_password_when_logging_in_then_message_and_no_actor(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    dialog = LoginDialog(sqlite_db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "canbo")
    qtbot.keyClicks(dialog.password, "sai")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor is None
    assert dialog.error.text() == "Tên đăng nhập hoặc mật khẩu không đúng."
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, "demo")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor is not None and dialog.actor.username == "canbo"
