"""The log-in dialog after a one-time password asks for the new password twice before the window
opens; Hệ thống → Đổi mật khẩu… changes one's own; a locked or unknown name reads the same."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from testdata import MONDAY_9AM

from counter_app.db.database import Database
from counter_app.domain.errors import PermissionDenied
from counter_app.services.login import login
from counter_app.services.users import create_user, find_actor
from counter_app.ui.login_dialog import LoginDialog
from counter_app.ui.main_window import MainWindow
from counter_app.ui.session import UiSession

NOW = MONDAY_9AM
GOOD = "Hoa sen no 2026"  # ASCII: QTest types nothing else


def type_into(qtbot: QtBot, field: object, text: str) -> None:
    field.clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(field, text)


def log_in(qtbot: QtBot, dialog: LoginDialog, username: str, password: str) -> None:
    type_into(qtbot, dialog.username, username)
    type_into(qtbot, dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


def test_given_one_time_password_when_logging_in_then_new_password_twice_before_the_window(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    new = create_user(
        sqlite_db,
        find_actor(sqlite_db, "quantri"),
        username="nguyenvana",
        full_name="Nguyễn Văn A",
        role="officer",
        now=NOW,
    )
    otp = new.one_time_password
    assert otp is not None
    dialog = LoginDialog(sqlite_db, clock=lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.show()

    log_in(qtbot, dialog, "nguyenvana", otp)

    assert dialog.must_change_password() and dialog.actor is None
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "Chào Nguyễn Văn A" in dialog.change_intro.text()
    assert dialog.focusWidget() is dialog.change_form.new and not dialog.change_form.current.isVisible()
    form = dialog.change_form
    for new_password, again, message in (
        (GOOD, GOOD + "x", "Hai lần nhập mật khẩu mới không giống nhau."),
        ("matkhau123", "matkhau123", "Mật khẩu này quá phổ biến, dễ bị đoán ra; hãy chọn mật khẩu khác."),
        ("ngan", "ngan", "Mật khẩu phải có ít nhất 10 ký tự."),
        ("anavneyugn", "anavneyugn", "Mật khẩu không được là tên đăng nhập (kể cả viết hoa hay viết ngược)."),
        (otp, otp, "Mật khẩu mới phải khác mật khẩu hiện tại."),
    ):
        type_into(qtbot, form.new, new_password)
        type_into(qtbot, form.again, again)
        qtbot.keyClick(form.again, Qt.Key.Key_Return)
        assert form.error.text() == message, new_password
        assert dialog.actor is None and dialog.isVisible()

    type_into(qtbot, form.new, GOOD)
    type_into(qtbot, form.again, GOOD)
    qtbot.keyClick(form.again, Qt.Key.Key_Return)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.username == "nguyenvana"
    with pytest.raises(PermissionDenied):  # the one-time password is spent
        login(sqlite_db, "nguyenvana", otp, now=NOW + timedelta(minutes=1))
    assert not login(sqlite_db, "nguyenvana", GOOD, now=NOW + timedelta(minutes=1)).must_change_password


def test_given_demo_user_then_no_change_asked(qtbot: QtBot, sqlite_db: Database) -> None:
    dialog = LoginDialog(sqlite_db, clock=lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    log_in(qtbot, dialog, "lanhdao", "demo")
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.must_change_password()


def test_given_failures_then_the_dialog_says_locked_the_same_for_a_real_and_an_unknown_name(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    dialog = LoginDialog(sqlite_db, clock=lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    answers: dict[str, list[str]] = {}
    for name in ("canbo", "khongco"):
        answers[name] = []
        for password in ("sai", "sai", "sai", "sai", "sai", "demo"):
            log_in(qtbot, dialog, name, password)
            answers[name].append(dialog.error.text())
    assert answers["canbo"] == answers["khongco"]
    assert answers["canbo"][:4] == ["Tên đăng nhập hoặc mật khẩu không đúng."] * 4
    assert (
        answers["canbo"][4]
        == answers["canbo"][5]
        == (
            "Đăng nhập sai 5 lần trong 15 phút: tài khoản tạm khóa đến 09:15. "
            "Hãy thử lại sau, hoặc nhờ quản trị viên mở khóa."
        )
    )
    assert dialog.actor is None


def test_given_main_window_when_changing_own_password_from_the_system_menu_then_checked_and_changed(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    window = MainWindow(UiSession(sqlite_db, find_actor(sqlite_db, "canbo"), clock=lambda: NOW))
    qtbot.addWidget(window)
    titles = [action.text() for action in window.system_menu.actions()]
    assert "Đổi mật khẩu…" in titles

    dialog = window.open_change_password()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Đổi mật khẩu — canbo"
    form = dialog.form
    assert dialog.focusWidget() is form.current
    type_into(qtbot, form.current, "sai")
    type_into(qtbot, form.new, GOOD)
    type_into(qtbot, form.again, GOOD)
    qtbot.keyClick(form.again, Qt.Key.Key_Return)
    assert form.error.text() == "Mật khẩu hiện tại không đúng." and dialog.isVisible()
    assert dialog.focusWidget() is form.current

    type_into(qtbot, form.current, "demo")
    qtbot.keyClick(form.again, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.status_message.text() == "Đã đổi mật khẩu."
    assert login(sqlite_db, "canbo", GOOD, now=NOW).actor.username == "canbo"
