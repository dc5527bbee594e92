"""Quản trị (F7): six tabs, each re-read when shown; the backups tab's restart request is the page's."""

from __future__ import annotations

import pytest
from admin_support import Dialogs
from pytestqt.qtbot import QtBot

from counter_app.ui.admin.admin_page import AdminPage
from counter_app.ui.session import UiSession


@pytest.fixture
def page(qtbot: QtBot, session: UiSession) -> AdminPage:
    widget = AdminPage(session)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_given_admin_page_then_eight_tabs_in_order_each_filled(page: AdminPage) -> None:
    titles = [page.tabText(i) for i in range(page.count())]
    assert titles == [
        "Người dùng",
        "Đơn vị",
        "Lịch làm việc",
        "Thủ tục",
        "Đơn vị chuyên môn",
        "Sao lưu",
        "Trao đổi với tỉnh",
        "Các văn phòng (tỉnh)",
    ]
    page.setCurrentWidget(page.exchange_tab)  # read when shown: the office's chains, none sent yet
    assert page.exchange_tab.status is not None and page.exchange_tab.status.unsent > 0
    page.setCurrentWidget(page.province_tab)  # an office's own database: nothing enrolled, said so
    assert (
        page.province_tab.offices.rowCount() == 0 and "Chưa có văn phòng nào" in page.province_tab.note.text()
    )
    page.refresh()
    assert page.users_tab.table.rowCount() == 4
    assert page.office_tab.code.text() == "000.00.31.H56"
    assert page.calendar_tab.working_days.rowCount() == 30
    assert page.procedures_tab.model.rowCount() == 6
    assert page.units_tab.table.rowCount() == 5


def test_given_unit_retired_when_procedures_tab_shown_then_not_offered(
    page: AdminPage, dialogs: Dialogs
) -> None:
    page.setCurrentWidget(page.procedures_tab)
    assert page.procedures_tab.unit.findData("SNV") >= 0
    page.setCurrentWidget(page.units_tab)
    page.units_tab.select("SNV")
    page.units_tab.retire_button.click()

    page.setCurrentWidget(page.procedures_tab)  # shown again: re-read
    assert page.procedures_tab.unit.findData("SNV") < 0


def test_given_unsaved_office_edit_when_tab_shown_again_then_kept(page: AdminPage) -> None:
    page.setCurrentWidget(page.office_tab)
    page.office_tab.fields["address"].setText("Số 1 Lê Lợi")
    page.setCurrentWidget(page.users_tab)
    page.setCurrentWidget(page.office_tab)
    assert page.office_tab.fields["address"].text() == "Số 1 Lê Lợi" and page.office_tab.has_unsaved_input()


def test_given_restore_done_then_page_asks_restart_and_keeps_nothing_unsaved(
    qtbot: QtBot, page: AdminPage
) -> None:
    page.setCurrentWidget(page.office_tab)
    page.office_tab.fields["address"].setText("Số 1 Lê Lợi")
    with qtbot.waitSignal(page.restart_required, timeout=1000):
        page.backups_tab.restart_required.emit()
    assert not page.office_tab.has_unsaved_input()  # closing the window asks nothing about it
    assert not page.isEnabled()
