"""Quản trị → Đơn vị chuyên môn: add, rename (dated), retire (asked first; greyed, hidden unless
asked for); refusals show the service's message and write nothing."""

from __future__ import annotations

import pytest
from admin_support import Dialogs
from pytestqt.qtbot import QtBot

from counter_app.services.units import UnitInfo, list_units
from counter_app.ui.admin.units_tab import UnitsTab
from counter_app.ui.session import UiSession


@pytest.fixture
def tab(qtbot: QtBot, session: UiSession) -> UnitsTab:
    widget = UnitsTab(session)
    qtbot.addWidget(widget)
    widget.show()
    widget.refresh()
    return widget


def stored(session: UiSession) -> dict[str, UnitInfo]:
    return {u.code: u for u in list_units(session.db, include_retired=True)}


def codes(tab: UnitsTab) -> list[str]:
    return [tab.table.item(r, 0).text() for r in range(tab.table.rowCount())]


def test_given_new_unit_when_added_then_listed(tab: UnitsTab, session: UiSession) -> None:
    tab.table.clearSelection()
    tab.code.setText("SXD")
    tab.name.setText("Sở Xây dựng")
    tab.add_button.click()

    assert stored(session)["SXD"].name == "Sở Xây dựng" and "SXD" in codes(tab)
    assert tab.selected_code() == "SXD" and tab.message.text() == "Đã thêm đơn vị SXD."


@pytest.mark.parametrize(
    ("code", "name", "field", "message"),
    [
        ("S X", "Sở Xây dựng", "code", "Mã đơn vị «S X» không hợp lệ"),
        ("SXD", "  ", "name", "không được để trống"),
        ("SNV", "Sở Nội vụ mới", "code", "Đã có đơn vị mã «SNV»"),
    ],
)
def test_given_bad_unit_when_added_then_message_beside_field_and_nothing_written(
    tab: UnitsTab, session: UiSession, code: str, name: str, field: str, message: str
) -> None:
    before = stored(session)
    tab.code.setText(code)
    tab.name.setText(name)
    tab.add_button.click()

    label = tab.code_error if field == "code" else tab.name_error
    assert message in label.text() and not label.isHidden() and tab.message.is_error
    assert stored(session) == before


def test_given_unit_when_renamed_then_new_name(tab: UnitsTab, session: UiSession) -> None:
    assert tab.select("SNV") and tab.name.text() == "Sở Nội vụ"
    tab.name.setText("Sở Nội vụ tỉnh Thanh Hóa")
    tab.rename_button.click()

    assert stored(session)["SNV"].name == "Sở Nội vụ tỉnh Thanh Hóa"
    assert "từ «Sở Nội vụ» thành «Sở Nội vụ tỉnh Thanh Hóa»" in tab.message.text()


def test_given_unit_when_retired_then_hidden_unless_asked_and_greyed(
    tab: UnitsTab, session: UiSession, dialogs: Dialogs
) -> None:
    tab.select("SNV")
    tab.retire_button.click()

    assert "SNV — Sở Nội vụ" in dialogs.questions[0]
    assert not stored(session)["SNV"].active and "SNV" not in codes(tab)
    tab.show_retired.setChecked(True)
    assert tab.select("SNV") and tab.table.item(tab.table.currentRow(), 2).text().startswith("Đã ngừng từ ")
    assert not tab.retire_button.isEnabled() and not tab.rename_button.isEnabled()


def test_given_no_when_asked_to_retire_then_nothing_written(
    tab: UnitsTab, session: UiSession, dialogs: Dialogs
) -> None:
    dialogs.answers.append(False)
    tab.select("SNV")
    tab.retire_button.click()
    assert stored(session)["SNV"].active
