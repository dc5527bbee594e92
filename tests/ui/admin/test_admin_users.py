"""Quản trị → Người dùng: add (one-time password shown once), edit, disable/enable, reset, unlock;
every refusal shows the service's message and writes nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from admin_support import Dialogs
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from testdata import MONDAY_9AM

from counter_app.domain.errors import PermissionDenied
from counter_app.services.actor import Role
from counter_app.services.login import login
from counter_app.services.users import list_users
from counter_app.ui.admin.users_tab import UsersTab
from counter_app.ui.session import UiSession


@pytest.fixture
def tab(qtbot: QtBot, session: UiSession) -> UsersTab:
    widget = UsersTab(session)
    qtbot.addWidget(widget)
    widget.show()
    widget.refresh()
    return widget


def stored(session: UiSession) -> dict[str, object]:
    """Every user as the service reads them back, by username."""
    return {u.username: u for u in list_users(session.db, session.actor, now=session.now())}


def cell_texts(tab: UsersTab) -> list[str]:
    table = tab.table
    return [table.item(r, c).text() for r in range(table.rowCount()) for c in range(table.columnCount())]


def select(tab: UsersTab, username: str) -> None:
    tab.select(username)
    assert tab.selected_username() == username


def test_given_new_user_when_added_then_listed_and_one_time_password_shown_once(
    qtbot: QtBot, tab: UsersTab, session: UiSession
) -> None:
    dialog = tab.add_user()
    dialog.username.setText("nguyenvana")
    dialog.full_name.setText("Nguyễn Văn A")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.SUPERVISOR))
    dialog.ok_button.click()

    shown = tab.password_dialog
    assert shown is not None and shown.isVisible() and not dialog.isVisible()
    password = shown.password.text()
    assert len(password) >= 10 and "«nguyenvana»" in shown.intro.text()
    shown.copy_button.click()
    assert QApplication.clipboard().text() == password
    # The password shown is the user's: it logs in, and must be changed at once.
    result = login(session.db, "nguyenvana", password, now=MONDAY_9AM)
    assert result.must_change_password and result.actor.role == Role.SUPERVISOR
    user = stored(session)["nguyenvana"]
    assert user.full_name == "Nguyễn Văn A" and user.must_change_password  # type: ignore[attr-defined]
    assert "nguyenvana" in cell_texts(tab) and tab.selected_username() == "nguyenvana"

    shown.accept()
    qtbot.waitUntil(lambda: tab.password_dialog is None)
    assert QApplication.clipboard().text() != password  # not left on the clipboard either
    # Once: nothing on the tab keeps it.
    assert all(password not in text for text in [*cell_texts(tab), tab.message.text()])


def test_given_taken_username_when_added_then_service_message_in_dialog_and_nothing_written(
    tab: UsersTab, session: UiSession
) -> None:
    before = stored(session)
    dialog = tab.add_user()
    dialog.username.setText("canbo")
    dialog.full_name.setText("Người Khác")
    dialog.ok_button.click()

    assert dialog.isVisible() and tab.password_dialog is None
    assert dialog.error.isVisibleTo(dialog) and "«canbo» đã có" in dialog.error.text()
    assert stored(session) == before


def test_given_bad_username_when_added_then_message_and_nothing_written(
    tab: UsersTab, session: UiSession
) -> None:
    before = stored(session)
    dialog = tab.add_user()
    dialog.username.setText("Nguyễn A")
    dialog.full_name.setText("Nguyễn A")
    dialog.ok_button.click()

    assert "không hợp lệ" in dialog.error.text()
    assert stored(session) == before


def test_given_user_when_name_and_role_edited_then_saved(tab: UsersTab, session: UiSession) -> None:
    select(tab, "canbo2")
    dialog = tab.edit_user()
    assert dialog is not None and dialog.username.isReadOnly()
    dialog.full_name.setText("Trần Văn Hùng Anh")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.SUPERVISOR))
    dialog.ok_button.click()

    user = stored(session)["canbo2"]
    assert (user.full_name, user.role) == ("Trần Văn Hùng Anh", Role.SUPERVISOR)  # type: ignore[attr-defined]
    assert not dialog.isVisible() and "Đã sửa người dùng «canbo2»" in tab.message.text()


def test_given_empty_name_when_edited_then_message_and_nothing_written(
    tab: UsersTab, session: UiSession
) -> None:
    before = stored(session)
    select(tab, "canbo2")
    dialog = tab.edit_user()
    assert dialog is not None
    dialog.full_name.setText("   ")
    dialog.ok_button.click()

    assert dialog.isVisible() and "Họ tên không được để trống" in dialog.error.text()
    assert stored(session) == before


def test_given_last_admin_when_disabled_then_refused_with_message(
    tab: UsersTab, session: UiSession, dialogs: Dialogs
) -> None:
    select(tab, "quantri")
    tab.active_button.click()

    assert tab.message.is_error and "quản trị viên cuối cùng" in tab.message.text()
    assert stored(session)["quantri"].active  # type: ignore[attr-defined]


def test_given_last_admin_when_moved_to_another_role_then_refused(tab: UsersTab, session: UiSession) -> None:
    select(tab, "quantri")
    dialog = tab.edit_user()
    assert dialog is not None
    dialog.role.setCurrentIndex(dialog.role.findData(Role.OFFICER))
    dialog.ok_button.click()

    assert "quản trị viên cuối cùng" in dialog.error.text()
    assert stored(session)["quantri"].role == Role.ADMIN  # type: ignore[attr-defined]


def test_given_officer_when_disabled_then_inactive_and_enabled_again(
    tab: UsersTab, session: UiSession, dialogs: Dialogs
) -> None:
    select(tab, "canbo2")
    assert tab.active_button.text() == "Vô hiệu hóa"
    tab.active_button.click()

    assert "«canbo2»" in dialogs.questions[0]
    assert not stored(session)["canbo2"].active  # type: ignore[attr-defined]
    assert tab.selected_username() == "canbo2" and tab.active_button.text() == "Kích hoạt lại"
    with pytest.raises(PermissionDenied):
        login(session.db, "canbo2", "demo", now=MONDAY_9AM)

    tab.active_button.click()  # enabling asks nothing
    assert len(dialogs.questions) == 1 and stored(session)["canbo2"].active  # type: ignore[attr-defined]


def test_given_no_when_asked_to_disable_then_nothing_written(
    tab: UsersTab, session: UiSession, dialogs: Dialogs
) -> None:
    dialogs.answers.append(False)
    select(tab, "canbo2")
    tab.active_button.click()
    assert stored(session)["canbo2"].active  # type: ignore[attr-defined]


def test_given_locked_user_when_password_reset_then_new_one_time_password_and_unlocked(
    qtbot: QtBot, tab: UsersTab, session: UiSession, dialogs: Dialogs
) -> None:
    for _ in range(5):
        with pytest.raises(PermissionDenied):
            login(session.db, "canbo", "sai mat khau", now=MONDAY_9AM - timedelta(minutes=1))
    tab.refresh()
    select(tab, "canbo")
    assert tab.table.item(tab.table.currentRow(), 5).text() != "" and tab.unlock_button.isEnabled()

    tab.reset_button.click()

    password = tab.password_dialog.password.text()  # type: ignore[union-attr]
    assert login(session.db, "canbo", password, now=MONDAY_9AM).must_change_password
    assert tab.table.item(tab.table.currentRow(), 5).text() == ""


def test_given_locked_user_when_unlocked_then_can_log_in(tab: UsersTab, session: UiSession) -> None:
    for _ in range(5):
        with pytest.raises(PermissionDenied):
            login(session.db, "canbo", "sai mat khau", now=MONDAY_9AM - timedelta(minutes=1))
    tab.refresh()
    select(tab, "canbo")
    assert stored(session)["canbo"].locked_until is not None  # type: ignore[attr-defined]

    tab.unlock_button.click()

    assert "Đã mở khóa «canbo»" in tab.message.text() and not tab.unlock_button.isEnabled()
    assert stored(session)["canbo"].locked_until is None  # type: ignore[attr-defined]
    assert login(session.db, "canbo", "demo", now=MONDAY_9AM).actor.username == "canbo"
