"""Quản trị → Thủ tục: the office's layer over the catalogue — received or not, a shorter term,
the handling unit — each change read back through office_catalog.show; refusals write nothing."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from testdata import TEST_PROCEDURES

from counter_app.services.office_catalog import OfficeProcedureView, show
from counter_app.ui.admin.procedures_tab import NOT_RECEIVED, RECEIVED, ProceduresTab
from counter_app.ui.session import UiSession

CODE = "2.001955"  # 7 ngày làm việc


@pytest.fixture
def tab(qtbot: QtBot, session: UiSession) -> ProceduresTab:
    widget = ProceduresTab(session)
    qtbot.addWidget(widget)
    widget.show()
    widget.refresh()
    return widget


def office(session: UiSession, code: str = CODE) -> OfficeProcedureView:
    return show(session.db, session.actor, code)


def shown_codes(tab: ProceduresTab) -> list[str]:
    return [tab.model.row_at(i).code for i in range(tab.model.rowCount())]


def test_given_catalogue_then_every_procedure_listed_and_search_ignores_tone_marks(
    tab: ProceduresTab,
) -> None:
    assert sorted(shown_codes(tab)) == sorted(TEST_PROCEDURES)
    assert tab.count.text() == f"{len(TEST_PROCEDURES)}/{len(TEST_PROCEDURES)} thủ tục"

    tab.search.setText("noi quy lao dong")
    assert shown_codes(tab) == [CODE]
    tab.search.setText("ĐĂNG KÝ LẠI KẾT HÔN")
    assert shown_codes(tab) == ["2.000513"]


def test_given_procedure_when_not_received_then_saved_and_filters_follow(
    tab: ProceduresTab, session: UiSession
) -> None:
    assert tab.select(CODE) and tab.received.isChecked()

    tab.received.click()

    assert office(session).enabled is False
    assert "ngừng tiếp nhận thủ tục 2.001955" in tab.message.text()
    tab.show_filter.setCurrentIndex(tab.show_filter.findData(NOT_RECEIVED))
    assert shown_codes(tab) == [CODE]
    tab.show_filter.setCurrentIndex(tab.show_filter.findData(RECEIVED))
    assert CODE not in shown_codes(tab) and len(shown_codes(tab)) == len(TEST_PROCEDURES) - 1


def test_given_shorter_term_when_set_then_saved_shown_and_cleared(
    tab: ProceduresTab, session: UiSession
) -> None:
    tab.select(CODE)
    assert tab.legal.text() == "7 ngày làm việc" and tab.term_unit.currentData() == "working_day"
    tab.term_amount.setText("4,5")
    tab.set_term_button.click()

    assert office(session).office_term == "4,5 ngày làm việc"
    row = tab.model.row_of(CODE)
    assert row is not None and tab.model.index(row, 4).data() == "4,5 ngày làm việc"
    assert tab.term_error.isHidden()

    tab.clear_term_button.click()
    assert office(session).office_term == "" and tab.model.index(row, 4).data() == ""


def test_given_english_when_a_shorter_term_is_set_then_terms_read_in_english_with_a_decimal_point(
    tab: ProceduresTab, session: UiSession, english: None
) -> None:
    tab.refresh()  # the table's texts in the interface's language
    tab.select(CODE)
    assert tab.legal.text() == "7 working day(s)"
    tab.term_amount.setText("4.5")
    tab.set_term_button.click()

    assert office(session).office_term == "4,5 ngày làm việc"  # stored and logged in Vietnamese
    row = tab.model.row_of(CODE)
    assert row is not None and tab.model.index(row, 4).data() == "4.5 working day(s)"
    assert tab.model.index(row, 3).data() == "7 working day(s)"
    assert tab.message.text() == f"Procedure {CODE}: shorter term 4.5 working day(s)."
    tab.select("2.000513")
    tab.select(CODE)
    assert tab.term_amount.text() == "4.5"  # the amount to edit, as the user writes it


@pytest.mark.parametrize(
    ("typed", "unit", "message"),
    [
        ("10", "working_day", "dài hơn thời hạn theo quy định (7 ngày làm việc)"),
        ("3", "day", "phải cùng đơn vị với thời hạn theo quy định"),
        ("năm", "working_day", "Thời hạn «năm» không hợp lệ"),
        ("", "working_day", "Hãy nhập thời hạn rút ngắn"),
    ],
)
def test_given_bad_shorter_term_then_message_beside_it_and_nothing_written(
    tab: ProceduresTab, session: UiSession, typed: str, unit: str, message: str
) -> None:
    tab.select(CODE)
    tab.term_amount.setText(typed)
    tab.term_unit.setCurrentIndex(tab.term_unit.findData(unit))
    tab.set_term_button.click()

    assert message in tab.term_error.text() and not tab.term_error.isHidden()
    assert tab.message.is_error
    assert office(session).office_term == ""


def test_given_unit_when_chosen_then_saved_and_cleared(tab: ProceduresTab, session: UiSession) -> None:
    tab.select(CODE)
    tab.unit.setCurrentIndex(tab.unit.findData("SNV"))
    tab.set_unit_button.click()

    assert office(session).unit_code == "SNV"
    row = tab.model.row_of(CODE)
    assert row is not None and tab.model.index(row, 5).data() == "SNV — Sở Nội vụ"

    tab.unit.setCurrentIndex(tab.unit.findData(""))
    tab.set_unit_button.click()
    assert office(session).unit_code == "" and "bỏ đơn vị xử lý" in tab.message.text()
