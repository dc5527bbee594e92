"""A change of shift at the counter (issue 10): another officer logs in over the window — from the
lock screen («Người khác đăng nhập») or Hệ thống → Đổi người dùng —, after a warning when a form
holds unsaved input; the application then opens a new window for them, with the pages of their role,
and closes the old one. Cancelling keeps the current user and everything on screen.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest
from keys import type_text
from lock_support import (
    NOW,
    UNSAVED_SWITCH,
    Answers,
    make_window,
    open_window,
    script_answers,
    session_for,
    show_window,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot
from testdata import audit_of

from counter_app.app import WindowLoop
from counter_app.db.database import Database
from counter_app.domain.errors import UserError
from counter_app.services.actor import Actor
from counter_app.services.login import login
from counter_app.services.users import create_user, find_actor
from counter_app.ui.login_dialog import LoginDialog
from counter_app.ui.main_window import MainWindow
from counter_app.ui.session import UiSession

NAME = "Lê Văn An"
GOOD = "Hoa sen no 2026"  # ASCII: QTest types nothing else


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    return script_answers(monkeypatch)


@pytest.fixture
def loop(qtbot: QtBot, sqlite_db: Database) -> Iterator[WindowLoop]:
    """The application's window loop on the test database; every window it made closed at the end."""
    made: list[MainWindow] = []

    def window_of(session: UiSession) -> MainWindow:
        made.append(make_window(session))
        return made[-1]

    windows = WindowLoop(lambda actor: session_for(sqlite_db, actor.username), window_of)
    yield windows
    for window in made:
        with contextlib.suppress(RuntimeError):  # RuntimeError: already deleted by the loop
            window.close_for_handover()  # no question at the end of the test


def first_window(qtbot: QtBot, loop: WindowLoop, db: Database, username: str = "canbo") -> MainWindow:
    window = loop.open(find_actor(db, username))
    assert window is not None
    return show_window(qtbot, window)


def fill_receive_form(window: MainWindow) -> None:
    assert window.receive_page is not None
    window.show_page(window.receive_page)
    type_text(window.receive_page.applicant.full_name, NAME)


def login_dialog_of(window: MainWindow) -> LoginDialog:
    dialog = window.findChild(LoginDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def log_in(qtbot: QtBot, dialog: LoginDialog, username: str, password: str) -> None:
    dialog.username.clear()
    qtbot.keyClicks(dialog.username, username)
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


def tab_texts(window: MainWindow) -> list[str]:
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def test_given_a_locked_window_with_a_filled_form_when_another_officer_logs_in_then_warned_and_a_new_window(
    qtbot: QtBot, sqlite_db: Database, loop: WindowLoop, answers: Answers
) -> None:
    old = first_window(qtbot, loop, sqlite_db)
    fill_receive_form(old)
    old.lock()
    answers.replies = [QMessageBox.StandardButton.Yes]

    qtbot.mouseClick(old.lock_screen.switch_button, Qt.MouseButton.LeftButton)

    assert answers.asked == [(UNSAVED_SWITCH, QMessageBox.StandardButton.No)]  # Enter keeps the form
    assert old.is_locked() and not old.tabs.isVisible()  # the warning shows nothing of the form
    dialog = login_dialog_of(old)
    assert dialog.windowTitle() == "Đổi người dùng — Bộ phận Một cửa"
    log_in(qtbot, dialog, "lanhdao", "sai")
    assert dialog.error.text() == "Tên đăng nhập hoặc mật khẩu không đúng."
    assert loop.window is old
    log_in(qtbot, dialog, "lanhdao", "demo")

    new = loop.window
    assert new is not None and new is not old
    assert new.session.actor.username == "lanhdao"
    assert new.isVisible() and not new.is_locked()
    assert tab_texts(new) == [
        "Hướng dẫn (F1)",
        "Tiếp nhận (F2)",
        "Theo dõi (F3)",
        "Trả kết quả (F4)",
        "Báo cáo (F5)",  # a supervisor's page
        "Danh mục (F6)",
    ]
    assert new.receive_page is not None and new.receive_page.applicant.full_name.text() == ""
    assert "Lê Văn Minh (Lãnh đạo)" in new.status_label.text()
    assert not old.isVisible()  # closed once the new window showed
    assert answers.asked == [(UNSAVED_SWITCH, QMessageBox.StandardButton.No)]  # closed without asking again
    assert [(kind, actor) for kind, actor, _p in audit_of(sqlite_db, "login", "login_failed")] == [
        ("login_failed", "system"),
        ("login", "lanhdao"),
    ]


def test_given_the_warning_refused_then_no_log_in_and_the_form_kept(
    qtbot: QtBot, sqlite_db: Database, loop: WindowLoop, answers: Answers
) -> None:
    window = first_window(qtbot, loop, sqlite_db)
    fill_receive_form(window)
    window.show_page(window.guide_page)
    answers.replies = [QMessageBox.StandardButton.No]

    window.switch_action.trigger()

    assert len(answers.asked) == 1
    assert window.tabs.currentWidget() is window.receive_page  # shown: what would be lost
    assert window.findChild(LoginDialog) is None
    assert loop.window is window and window.isVisible()
    assert window.receive_page is not None and window.receive_page.applicant.full_name.text() == NAME


def test_given_switch_user_cancelled_from_the_menu_then_the_same_user_window_and_form(
    qtbot: QtBot, sqlite_db: Database, loop: WindowLoop, answers: Answers
) -> None:
    window = first_window(qtbot, loop, sqlite_db)
    assert window.switch_action.text() == "Đổi người dùng…"
    assert window.switch_action in window.system_menu.actions()
    fill_receive_form(window)
    answers.replies = [QMessageBox.StandardButton.Yes]

    window.switch_action.trigger()
    dialog = login_dialog_of(window)
    cancel = dialog.findChildren(type(dialog.ok_button))
    assert "Hủy (Esc)" in [button.text() for button in cancel]
    qtbot.keyClick(dialog.username, Qt.Key.Key_Escape)

    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert loop.window is window and window.isVisible() and not window.is_locked()
    assert window.session.actor.username == "canbo"
    assert window.receive_page is not None and window.receive_page.applicant.full_name.text() == NAME
    assert audit_of(sqlite_db, "login", "login_failed") == []


def test_given_the_lock_screen_switch_cancelled_then_still_locked_for_the_same_officer(
    qtbot: QtBot, sqlite_db: Database, loop: WindowLoop, answers: Answers
) -> None:
    window = first_window(qtbot, loop, sqlite_db)
    window.lock()
    window.lock_screen.switch_button.click()
    assert answers.asked == []  # nothing typed: nothing to warn about
    login_dialog_of(window).reject()
    assert window.is_locked() and not window.tabs.isVisible()
    assert loop.window is window


def test_given_the_same_officer_logs_in_again_then_the_same_window_unlocked(
    qtbot: QtBot, sqlite_db: Database, loop: WindowLoop, answers: Answers
) -> None:
    window = first_window(qtbot, loop, sqlite_db)
    fill_receive_form(window)
    window.lock()
    answers.replies = [QMessageBox.StandardButton.Yes]
    window.lock_screen.switch_button.click()
    log_in(qtbot, login_dialog_of(window), "canbo", "demo")
    assert loop.window is window and not window.is_locked()
    assert window.receive_page is not None and window.receive_page.applicant.full_name.text() == NAME


def test_given_a_one_time_password_at_the_change_of_user_then_the_new_password_first(
    qtbot: QtBot, sqlite_db: Database, loop: WindowLoop, answers: Answers
) -> None:
    new_user = create_user(
        sqlite_db,
        find_actor(sqlite_db, "quantri"),
        username="nguyenvana",
        full_name="Nguyễn Văn A",
        role="officer",
        now=NOW,
    )
    assert new_user.one_time_password is not None
    old = first_window(qtbot, loop, sqlite_db)
    old.lock()
    old.lock_screen.switch_button.click()
    dialog = login_dialog_of(old)
    log_in(qtbot, dialog, "nguyenvana", new_user.one_time_password)

    assert dialog.must_change_password() and loop.window is old  # no window before the new password
    qtbot.keyClicks(dialog.change_form.new, GOOD)
    qtbot.keyClicks(dialog.change_form.again, GOOD)
    qtbot.keyClick(dialog.change_form.again, Qt.Key.Key_Return)

    new = loop.window
    assert new is not old and new is not None
    assert new.session.actor.username == "nguyenvana"
    assert new.supervisor_page is None  # an officer: no F5
    assert "Báo cáo (F5)" not in tab_texts(new)
    assert login(sqlite_db, "nguyenvana", GOOD, now=NOW).actor.full_name == "Nguyễn Văn A"


def test_given_the_new_window_cannot_be_made_then_the_old_one_stays(
    qtbot: QtBot, sqlite_db: Database, answers: Answers, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, title, text: shown.append(text))

    def session_of(actor: Actor) -> UiSession:
        if actor.username != "canbo":
            raise UserError("Không kết nối được cơ sở dữ liệu.")
        return session_for(sqlite_db, actor.username)

    loop = WindowLoop(session_of, make_window)
    window = loop.open(find_actor(sqlite_db, "canbo"))
    assert window is not None
    qtbot.addWidget(window)
    window.lock()
    window.lock_screen.switch_button.click()
    log_in(qtbot, login_dialog_of(window), "lanhdao", "demo")

    assert shown == ["Không kết nối được cơ sở dữ liệu."]
    assert loop.window is window and window.isVisible() and window.is_locked()


def test_given_a_window_on_its_own_then_switch_user_is_announced_for_the_application(
    qtbot: QtBot, sqlite_db: Database, answers: Answers
) -> None:
    window = open_window(qtbot, sqlite_db)
    announced: list[Actor] = []
    window.switch_user.connect(announced.append)
    window.switch_action.trigger()
    log_in(qtbot, login_dialog_of(window), "quantri", "demo")
    assert [actor.username for actor in announced] == ["quantri"]
    assert window.isVisible()  # the application (WindowLoop) closes it once the new window shows
