"""The counter PC faces the public (issue 10): the window locks itself after the set minutes without
input, or on Khóa máy (Ctrl+L); nothing of the open form can be read then; the same officer's
password opens it with the form as it was — wrong passwords answered, counted and recorded as any
log-in —; the idle minutes are a setting of the workstation, checked when saved.

The idle timeout is given in milliseconds: nothing sleeps for minutes.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import pytest
from keys import type_text
from lock_support import (
    BAD,
    LOCKED,
    NOW,
    Answers,
    open_window,
    readable_texts,
    script_answers,
    session_for,
)
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from testdata import audit_of

from counter_app.config import load_settings
from counter_app.db.database import Database
from counter_app.db.models import LoginThrottle
from counter_app.domain.errors import PermissionDenied
from counter_app.paths import resolve_paths
from counter_app.services import audit_trail
from counter_app.services.login import login
from counter_app.services.users import find_actor, reset_password
from counter_app.ui.login_dialog import LoginDialog
from counter_app.ui.main_window import MainWindow
from counter_app.ui.settings_dialog import SettingsDialog

NAME = "Lê Văn An"  # typed into the receive page before the lock
GOOD = "Hoa sen no 2026"  # ASCII: QTest types nothing else


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    return script_answers(monkeypatch)


def fill_receive_form(window: MainWindow) -> None:
    page = window.receive_page
    assert page is not None
    window.show_page(page)
    type_text(page.applicant.full_name, NAME)
    page.applicant.full_name.setFocus()
    assert page in window.unsaved_pages()


def unlock_with(qtbot: QtBot, window: MainWindow, password: str) -> None:
    field = window.lock_screen.password
    field.clear()
    qtbot.keyClicks(field, password)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def assert_covered(window: MainWindow) -> None:
    """Locked: the lock screen where the pages were, nothing of them on screen."""
    assert window.is_locked()
    assert window.lock_screen.isVisible()
    assert not window.tabs.isVisible()
    assert all(not page.isVisible() for page in window.pages())
    centre = window.centralWidget().rect().center()
    shown = window.centralWidget().childAt(centre) or window.centralWidget()
    assert shown is window.lock_screen or window.lock_screen.isAncestorOf(shown)
    assert not window.statusBar().isVisible()
    assert not window.menuBar().isEnabled()
    assert not any(action.isEnabled() for action in window.system_menu.actions() if not action.isSeparator())
    texts = readable_texts(window)
    assert not any(NAME in text for text in texts)  # the citizen typed in is nowhere to be read
    assert not any(window.session.paths and str(window.session.paths.data_dir) in t for t in texts)
    assert window.lock_screen.title.text() == "Máy đã khóa"
    assert window.lock_screen.who.text() == "Nguyễn Thị Lan (canbo) đang đăng nhập. Nhập mật khẩu để mở khóa."
    assert window.lock_screen.unlock_button.text() == "Mở khóa"
    assert window.lock_screen.switch_button.text() == "Người khác đăng nhập"
    assert window.focusWidget() is window.lock_screen.password  # typing goes to the password


# ------------------------------------------------------------------------------------------ locking
def test_given_no_input_for_the_idle_time_then_the_window_locks_and_hides_the_form(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    window = open_window(qtbot, sqlite_db, idle_ms=300)
    fill_receive_form(window)
    assert not window.is_locked()

    qtbot.waitUntil(window.is_locked, timeout=5000)

    assert_covered(window)
    assert window.receive_page is not None and window.receive_page.applicant.full_name.text() == NAME
    assert audit_of(sqlite_db, "screen_locked") == [
        ("screen_locked", "canbo", {"username": "canbo", "reason": "idle"})
    ]


def test_given_keys_pressed_then_the_idle_countdown_starts_again(qtbot: QtBot, sqlite_db: Database) -> None:
    window = open_window(qtbot, sqlite_db, idle_ms=600)
    page = window.receive_page
    assert page is not None
    for _ in range(6):  # 6 × 200 ms of typing: twice the idle time, never idle that long
        qtbot.wait(200)
        qtbot.keyClick(page.applicant.full_name, Qt.Key.Key_A)
        assert not window.is_locked()
    qtbot.waitUntil(window.is_locked, timeout=5000)  # then nothing: locked


def test_given_idle_lock_off_then_the_window_never_locks_by_itself(qtbot: QtBot, sqlite_db: Database) -> None:
    window = open_window(qtbot, sqlite_db, idle_ms=0)
    assert not window.idle.timer.isActive()
    qtbot.wait(300)
    assert not window.is_locked()


def test_given_ctrl_l_then_locked_at_once_from_any_page_and_the_page_keys_do_nothing(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    window = open_window(qtbot, sqlite_db)
    assert window.lock_action.text() == "Khóa máy"
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    assert window.lock_action in window.system_menu.actions()
    fill_receive_form(window)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert_covered(window)
    assert audit_of(sqlite_db, "screen_locked")[-1][2] == {"username": "canbo", "reason": "manual"}

    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F3)  # nothing opens behind the lock
    assert_covered(window)
    unlock_with(qtbot, window, "demo")
    assert window.tabs.currentWidget() is window.receive_page  # F3 did not switch the page either

    # Ctrl+L locks on the track page too (its "Xin lỗi – hẹn lại" is Ctrl+H).
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F3)
    assert window.tabs.currentWidget() is window.track_page
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.is_locked() and not window.tabs.isVisible()


def test_given_a_question_open_when_the_idle_lock_fires_then_it_is_answered_no_and_the_window_locks(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    window = open_window(qtbot, sqlite_db, idle_ms=300)
    fill_receive_form(window)

    def rescue() -> None:  # never hang the run if the lock failed to close the question
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.reject()

    safety = QTimer(singleShot=True, interval=5000)
    safety.timeout.connect(rescue)
    safety.start()
    closed = window.close()  # "Đóng chương trình?" (a real message box) stays open, unanswered
    safety.stop()

    assert closed is False  # the lock cancelled it: No, the safe answer — the window stays
    assert window.isVisible()
    assert_covered(window)
    assert QApplication.activeModalWidget() is None
    assert window.receive_page is not None and window.receive_page.applicant.full_name.text() == NAME


def test_given_locked_with_a_filled_form_then_closing_the_window_is_refused_without_a_question(
    qtbot: QtBot, sqlite_db: Database, answers: Answers
) -> None:
    window = open_window(qtbot, sqlite_db)
    fill_receive_form(window)
    window.lock()
    assert window.close() is False
    assert answers.asked == []  # nobody at a locked counter is asked whether to throw the form away
    assert window.isVisible() and window.is_locked()
    assert window.lock_screen.error.text() == (
        "Máy đang khóa và trang đang mở còn thông tin chưa lưu: mở khóa để đóng chương trình."
    )
    unlock_with(qtbot, window, "demo")
    answers.replies = [QMessageBox.StandardButton.Yes]
    assert window.close() is True  # unlocked, closing asks as always


def test_given_a_receipt_scanned_while_locked_then_nothing_opens_and_no_failure_is_counted(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    window = open_window(qtbot, sqlite_db)
    window.lock()
    window.scanner.clock = lambda: 0.0  # every key within a scanner's gap
    type_text(window.lock_screen.password, "000.00.31.H56-261123-0001", enter=True)
    assert window.is_locked()
    assert window.lock_screen.password.text() == ""  # the scan is taken out of the password field
    assert window.lock_screen.error.text() == ""
    assert audit_of(sqlite_db, "login_failed") == []  # not a password: the officer's count untouched


# ------------------------------------------------------------------------------------------ unlocking
def test_given_a_wrong_password_then_a_message_still_locked_and_the_failure_recorded(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    window = open_window(qtbot, sqlite_db)
    fill_receive_form(window)
    window.lock()

    unlock_with(qtbot, window, "sai")

    assert window.lock_screen.error.text() == BAD
    assert_covered(window)
    assert audit_of(sqlite_db, "login_failed") == [
        ("login_failed", "system", {"username": "canbo", "known": True, "reason": "password"})
    ]
    with sqlite_db.read() as session:
        throttle = session.execute(select(LoginThrottle)).scalar_one()
        assert throttle.username_key == "canbo" and len(throttle.failures) == 1


def test_given_the_right_password_then_unlocked_with_the_form_as_it_was(
    qtbot: QtBot, sqlite_db: Database, answers: Answers
) -> None:
    window = open_window(qtbot, sqlite_db)
    fill_receive_form(window)
    page = window.receive_page
    assert page is not None
    window.lock()
    unlock_with(qtbot, window, "sai")

    unlock_with(qtbot, window, "demo")

    assert not window.is_locked()
    assert window.tabs.isVisible() and page.isVisible() and not window.lock_screen.isVisible()
    assert page.applicant.full_name.text() == NAME
    assert window.tabs.currentWidget() is page
    assert QApplication.focusWidget() is page.applicant.full_name  # where the officer left off
    assert window.statusBar().isVisible() and window.menuBar().isEnabled()
    assert all(action.isEnabled() for action in window.system_menu.actions())
    assert "Nguyễn Thị Lan (Cán bộ một cửa)" in window.status_label.text()
    assert window.idle.timer.isActive() is False  # idle_ms=0 here: the watch stays off
    assert [kind for kind, _actor, _payload in audit_of(sqlite_db, *KINDS)] == [
        "screen_locked",
        "login_failed",
        "login",
        "screen_unlocked",
    ]
    # The lock screen is ready for the next time, with nothing of this one left in it.
    assert window.lock_screen.password.text() == "" and window.lock_screen.error.text() == ""
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F1)  # the page keys work again
    assert window.tabs.currentWidget() is window.guide_page


KINDS = ("screen_locked", "screen_unlocked", "login", "login_failed", "login_locked")


def test_given_an_idle_lock_unlocked_then_the_countdown_runs_again(qtbot: QtBot, sqlite_db: Database) -> None:
    window = open_window(qtbot, sqlite_db, idle_ms=300)
    qtbot.waitUntil(window.is_locked, timeout=5000)
    assert not window.idle.timer.isActive()  # no countdown behind the lock
    unlock_with(qtbot, window, "demo")
    assert not window.is_locked() and window.idle.timer.isActive()
    qtbot.waitUntil(window.is_locked, timeout=5000)
    assert [payload["reason"] for _k, _a, payload in audit_of(sqlite_db, "screen_locked")] == ["idle", "idle"]


def test_given_five_wrong_passwords_then_the_account_is_locked_and_even_the_right_one_is_refused(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    window = open_window(qtbot, sqlite_db)
    fill_receive_form(window)
    window.lock()
    said = []
    for _ in range(5):
        unlock_with(qtbot, window, "sai")
        said.append(window.lock_screen.error.text())
    assert said == [BAD] * 4 + [LOCKED]

    unlock_with(qtbot, window, "demo")

    assert window.lock_screen.error.text() == LOCKED
    assert_covered(window)
    kinds = [kind for kind, _actor, _payload in audit_of(sqlite_db, *KINDS)]
    assert kinds == ["screen_locked", *["login_failed"] * 5, "login_locked", "login_failed"]
    # The lock is the account's, not this window's: the log-in dialog refuses the name as well.
    with pytest.raises(PermissionDenied, match="tạm khóa đến 09:15"):
        login(sqlite_db, "canbo", "demo", now=NOW + timedelta(minutes=1))


def test_given_the_password_reset_while_locked_then_the_new_one_is_chosen_before_the_unlock(
    qtbot: QtBot, sqlite_db: Database, answers: Answers
) -> None:
    window = open_window(qtbot, sqlite_db)
    fill_receive_form(window)
    window.lock()
    one_time = reset_password(sqlite_db, find_actor(sqlite_db, "quantri"), "canbo", now=NOW).one_time_password
    assert one_time is not None

    unlock_with(qtbot, window, one_time)

    dialog = window.findChild(LoginDialog)
    assert dialog is not None and dialog.isVisible() and dialog.must_change_password()
    assert window.is_locked()  # not before the new password
    qtbot.keyClicks(dialog.change_form.new, GOOD)
    qtbot.keyClicks(dialog.change_form.again, GOOD)
    qtbot.keyClick(dialog.change_form.again, Qt.Key.Key_Return)

    assert not window.is_locked()
    assert window.receive_page is not None and window.receive_page.applicant.full_name.text() == NAME
    assert login(sqlite_db, "canbo", GOOD, now=NOW).actor.username == "canbo"


# ------------------------------------------------------------------------------------------ settings
def test_given_settings_then_idle_minutes_default_5_are_checked_saved_and_applied_at_once(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path
) -> None:
    paths = resolve_paths(tmp_path).ensure()
    assert load_settings(paths).idle_lock_minutes == 5
    session = session_for(sqlite_db, "canbo")
    session.paths = paths
    window = MainWindow(session)  # the timeout from settings.json
    qtbot.addWidget(window)
    assert window.idle.timeout_ms == 5 * 60_000

    dialog = window.open_settings()
    assert isinstance(dialog, SettingsDialog)
    assert dialog.idle_minutes.text() == "5"
    message = "Thời gian tự khóa máy phải là số phút nguyên từ 0 đến 120 (0: không tự khóa)."
    for typed in ("121", "-1", "2.5", "năm", "", " "):
        dialog.idle_minutes.setText(typed)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.message.text() == message, typed
        assert dialog.message.isVisible() and dialog.isVisible()
        assert load_settings(paths).idle_lock_minutes == 5  # nothing written
    dialog.idle_minutes.clear()
    qtbot.keyClicks(dialog.idle_minutes, "12")
    assert not dialog.message.isVisible()  # the message goes once the field is changed
    # Recorded on the write lane first, then saved and accepted (the dialog deletes itself on close).
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert audit_of(sqlite_db, "settings_changed") == [
        ("settings_changed", "canbo", {"idle_lock_minutes": [5, 12]})
    ]
    assert load_settings(paths).idle_lock_minutes == 12
    assert json.loads(paths.settings_file.read_text(encoding="utf-8"))["idle_lock_minutes"] == 12
    assert window.idle.timeout_ms == 12 * 60_000  # applied without a restart

    again = window.open_settings()
    assert again.idle_minutes.text() == "12"
    again.idle_minutes.setText("0")
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: load_settings(paths).idle_lock_minutes == 0)
    assert window.idle.timeout_ms == 0 and not window.idle.timer.isActive()


def test_given_the_change_cannot_be_recorded_then_the_settings_are_not_saved(
    qtbot: QtBot, impatient_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audit_trail, "BACKOFF_S", 0.01)
    paths = resolve_paths(tmp_path / "config").ensure()
    session = session_for(impatient_db, "canbo")
    session.paths = paths
    window = MainWindow(session)
    qtbot.addWidget(window)
    dialog = window.open_settings()
    dialog.idle_minutes.setText("0")  # the idle lock off: a change the office must be able to see
    with closing(sqlite3.connect(tmp_path / "counter.sqlite3")) as other:
        other.execute("BEGIN IMMEDIATE")  # another counter holds the file throughout
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=15_000)
        other.rollback()

    assert dialog.message.text().startswith("Cơ sở dữ liệu đang bận")
    assert dialog.isVisible() and dialog.save_button.isEnabled()  # open, to try again
    assert load_settings(paths).idle_lock_minutes == 5 and window.idle.timeout_ms == 5 * 60_000
    assert audit_of(impatient_db, "settings_changed") == []

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # the file free again
    qtbot.waitUntil(lambda: load_settings(paths).idle_lock_minutes == 0)
    assert [details for _a, _w, details in audit_of(impatient_db, "settings_changed")] == [
        {"idle_lock_minutes": [5, 0]}
    ]
