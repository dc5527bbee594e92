"""Quản trị → Lịch làm việc: the office's days off and working days, and the preview of the next
30 working days with the appointment of a 5-working-day procedure received now, after each change."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from counter_app.services.calendar_admin import list_overrides
from counter_app.ui.admin.calendar_tab import CalendarTab
from counter_app.ui.session import UiSession

WEDNESDAY = date(2026, 11, 25)  # MONDAY_9AM is 23/11; 24/11 is a holiday
SATURDAY = date(2026, 11, 28)


@pytest.fixture
def tab(qtbot: QtBot, session: UiSession) -> CalendarTab:
    widget = CalendarTab(session)
    qtbot.addWidget(widget)
    widget.show()
    widget.refresh()
    return widget


def worked_days(tab: CalendarTab) -> list[str]:
    return [tab.working_days.item(r, 0).text() for r in range(tab.working_days.rowCount())]


def set_day(tab: CalendarTab, day: date, kind: str, note: str) -> None:
    tab.day.setDate(QDate(day.year, day.month, day.day))
    tab.kind.setCurrentIndex(tab.kind.findData(kind))
    tab.note.setText(note)
    tab.set_button.click()


def test_given_calendar_then_thirty_working_days_and_sample_appointment(tab: CalendarTab) -> None:
    assert tab.working_days.rowCount() == 30 and worked_days(tab)[:2] == ["23/11/2026", "25/11/2026"]
    # Received Monday 23/11 09:00, Tuesday 24/11 a holiday: five working days end Tuesday 1/12 09:00.
    assert (
        tab.appointment.text()
        == "Hồ sơ 5 ngày làm việc nhận bây giờ hẹn trả: Thứ Ba, 09 giờ 00, ngày 01/12/2026"
    )
    assert "24/11/2026" in [tab.days_off.item(r, 0).text() for r in range(tab.days_off.rowCount())]


def test_given_day_off_when_set_then_listed_and_preview_follows(tab: CalendarTab, session: UiSession) -> None:
    before = tab.appointment.text()
    set_day(tab, WEDNESDAY, "off", "Nghỉ bù")

    assert [(o.day, o.kind, o.note) for o in list_overrides(session.db)] == [(WEDNESDAY, "off", "Nghỉ bù")]
    assert tab.table.rowCount() == 1 and tab.table.item(0, 2).text() == "Nghỉ"
    assert "25/11/2026" not in worked_days(tab)
    assert tab.appointment.text().endswith("Thứ Tư, 09 giờ 00, ngày 02/12/2026")  # one day later
    reasons = {
        tab.days_off.item(r, 0).text(): tab.days_off.item(r, 2).text() for r in range(tab.days_off.rowCount())
    }
    assert "Nghỉ bù" in reasons["25/11/2026"]
    assert tab.message.text() == "Đã lưu: 25/11/2026 là ngày nghỉ."

    tab.select(WEDNESDAY)
    tab.remove_button.click()
    assert list_overrides(session.db) == [] and "25/11/2026" in worked_days(tab)
    assert tab.appointment.text() == before


def test_given_saturday_worked_then_in_preview_with_its_note(tab: CalendarTab) -> None:
    set_day(tab, SATURDAY, "work", "Làm bù")
    row = worked_days(tab).index("28/11/2026")
    assert (
        tab.working_days.item(row, 1).text() == "Thứ Bảy" and tab.working_days.item(row, 3).text() == "Làm bù"
    )


def test_given_past_day_when_set_then_message_beside_date_and_nothing_written(
    tab: CalendarTab, session: UiSession
) -> None:
    set_day(tab, date(2026, 11, 20), "off", "")

    assert "đã qua" in tab.day_error.text() and not tab.day_error.isHidden()
    assert tab.message.is_error and list_overrides(session.db) == []


def test_given_long_note_when_set_then_message_beside_note_and_nothing_written(
    tab: CalendarTab, session: UiSession
) -> None:
    set_day(tab, WEDNESDAY, "off", "x" * 301)
    assert "Ghi chú dài quá" in tab.note_error.text() and list_overrides(session.db) == []
