"""Theo dõi through the real widgets: filters, urgency colours, paging, lifecycle actions and their dialogs.

The page's clock is Thursday 26/11/2026 10:00. Appointments (demo office: 07:30–11:30 and 13:30–17:00,
Tuesday 24/11 a holiday, policy "hours"; see tests/services/test_tracking.py):
1.115563 is 15 working hours, 2.001955 is 7 working days.

- late:  1.115563 received Mon 23/11 09:00 → due Thu 26/11 09:00 (an hour ago: overdue)
- today: 1.115563 received Mon 23/11 10:30 → due Thu 26/11 10:30 (due today)
- soon:  1.115563 received Wed 25/11 09:00 → due Fri 27/11 09:00 (within 2 working days)
- far:   2.001955 received Mon 23/11 09:15 → due Thu 03/12 (no colour)
- done:  1.115563 received Mon 23/11 09:05, resolved: past its appointment but closed (no colour)
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from keys import type_text
from PySide6.QtCore import QDate, Qt, QTime, QTimer
from PySide6.QtGui import QBrush
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from testdata import MONDAY_9AM, TZ, reader
from waiting import writes_done

from counter_app.db.database import Database
from counter_app.db.models import AuditRecord, Event
from counter_app.domain.lifecycle import Action
from counter_app.services import processing
from counter_app.services.action_choices import Unit
from counter_app.services.applicants import ApplicantInput
from counter_app.services.demo import generate_dossiers
from counter_app.services.lookup import lookup
from counter_app.services.office_catalog import set_unit
from counter_app.services.offices import find_actor
from counter_app.services.processing import request_payment, request_supplement, resolve, transfer
from counter_app.services.receiving import IntakeRequest, receive
from counter_app.services.slips.issue import issue_or_reprint
from counter_app.ui.operations import wait_for_writes, writes_idle
from counter_app.ui.pages.track import page as track_page_module
from counter_app.ui.pages.track.dialogs import ActionDialog, AppointmentDialog, TransferDialog
from counter_app.ui.pages.track.model import DUE_SOON_COLOUR, OVERDUE_COLOUR, PAGE_SIZE, TrackModel
from counter_app.ui.pages.track.page import TrackPage
from counter_app.ui.session import UiSession

THURSDAY_10AM = datetime(2026, 11, 26, 10, 0, tzinfo=TZ)
BINH = ApplicantInput(full_name="Trần Văn Bình")


@dataclass(frozen=True)
class Codes:
    late: str
    today: str
    soon: str
    far: str
    done: str


def _receive(db: Database, procedure: str, when: datetime, name: str = "Trần Văn Bình") -> str:
    officer = find_actor(db, "canbo")
    return receive(db, officer, IntakeRequest(procedure, ApplicantInput(full_name=name)), now=when).code


@pytest.fixture
def codes(sqlite_db: Database) -> Codes:
    late = _receive(sqlite_db, "1.115563", MONDAY_9AM, "Lê Văn Muộn")
    done = _receive(sqlite_db, "1.115563", MONDAY_9AM + timedelta(minutes=5), "Phạm Thị Xong")
    far = _receive(sqlite_db, "2.001955", MONDAY_9AM + timedelta(minutes=15), "Hồ Văn Xa")
    today = _receive(sqlite_db, "1.115563", MONDAY_9AM + timedelta(minutes=90), "Đỗ Thị Hôm")
    soon = _receive(sqlite_db, "1.115563", MONDAY_9AM + timedelta(days=2), "Vũ Văn Gần")
    resolve(sqlite_db, find_actor(sqlite_db, "canbo"), done, now=MONDAY_9AM + timedelta(days=2, hours=1))
    assert lookup(sqlite_db, reader(sqlite_db), late).appointment_at == datetime(
        2026, 11, 26, 9, 0, tzinfo=TZ
    )
    assert lookup(sqlite_db, reader(sqlite_db), today).appointment_at == datetime(
        2026, 11, 26, 10, 30, tzinfo=TZ
    )
    assert lookup(sqlite_db, reader(sqlite_db), soon).appointment_at == datetime(
        2026, 11, 27, 9, 0, tzinfo=TZ
    )
    return Codes(late, today, soon, far, done)


# The pages a test makes, held until its teardown. qtbot holds its widgets weakly: a page made in
# the test's body would otherwise be freed by Python as the test returns — with it, a closed action
# dialog still waiting for its deferred deletion, which then deletes a freed dialog (a crash). In the
# application a page belongs to its window and this cannot happen.
_made: list[TrackPage] = []


@pytest.fixture(autouse=True)
def _pages_live_until_teardown() -> Iterator[None]:
    yield
    _made.clear()


def make_page(
    qtbot: QtBot, db: Database, username: str = "canbo", now: datetime = THURSDAY_10AM
) -> TrackPage:
    page = TrackPage(UiSession(db, find_actor(db, username), clock=lambda: now))
    qtbot.addWidget(page)
    _made.append(page)
    page.resize(1300, 760)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.fixture
def page(qtbot: QtBot, sqlite_db: Database, codes: Codes) -> TrackPage:
    return make_page(qtbot, sqlite_db)


def shown(page: TrackPage) -> set[str]:
    return set(page.model.codes())


def select_code(page: TrackPage, code: str) -> None:
    """Select the dossier's row and wait for its detail (read, and audited, on the write lane)."""
    row = page.model.row_of(code)
    assert row >= 0, f"{code} is not in the list"
    page.select_row(row)
    assert wait_for_writes(), "the dossier's lookup still ran after 30 s"


def event_count(db: Database) -> int:
    with db.read() as session:
        return session.execute(select(func.count()).select_from(Event)).scalar_one()


def viewed(db: Database) -> list[str]:
    """The dossiers the audit trail says were opened, in the order written."""
    with db.read() as session:
        query = select(AuditRecord.subject).where(AuditRecord.action == "dossier_viewed")
        return list(session.execute(query.order_by(AuditRecord.seq)).scalars())


def enabled(page: TrackPage) -> set[Action]:
    return {action for action, button in page.action_buttons.items() if button.isEnabled()}


def dialog_of(page: TrackPage) -> ActionDialog:
    assert page.dialog is not None, "no dialog opened"
    assert page.dialog.isVisible()
    return page.dialog


def press_enter(qtbot: QtBot, dialog: ActionDialog) -> None:
    target = dialog.focusWidget() or dialog
    qtbot.keyClick(target, Qt.Key.Key_Return)
    writes_done(qtbot)  # the action's service call runs on the write lane (and its slip after it)


# ------------------------------------------------------------------------------------------ filters
def test_given_status_and_due_filters_then_the_right_codes_are_listed(
    qtbot: QtBot, page: TrackPage, codes: Codes
) -> None:
    assert shown(page) == {codes.late, codes.today, codes.soon, codes.far, codes.done}
    assert page.model.codes()[0] == codes.soon  # newest first

    page.set_status_filter("resolved")
    assert shown(page) == {codes.done}
    page.set_status_filter("open")
    assert shown(page) == {codes.late, codes.today, codes.soon, codes.far}
    page.set_status_filter(None)

    page.set_due_filter("due_today")
    assert shown(page) == {codes.today}
    page.set_due_filter("due_2_days")
    assert shown(page) == {codes.today, codes.soon}
    page.set_due_filter("overdue")
    assert shown(page) == {codes.late}
    assert page.model.data(page.model.index(0, TrackModel.STATUS)) == "Đã tiếp nhận"
    assert page.model.data(page.model.index(0, TrackModel.DUE)) == "26/11/2026 09:00"

    page.clear_filters()
    assert len(shown(page)) == 5


def test_given_received_date_range_then_filtered_and_reversed_range_shows_message(
    qtbot: QtBot, page: TrackPage, codes: Codes
) -> None:
    page.from_check.setChecked(True)
    page.from_date.setDate(QDate(2026, 11, 25))
    assert shown(page) == {codes.soon}
    page.to_check.setChecked(True)
    page.to_date.setDate(QDate(2026, 11, 24))
    assert "«từ ngày» sau «đến ngày»" in page.message.text()
    assert shown(page) == {codes.soon}  # the last valid list stays


def test_given_open_dossiers_then_overdue_red_and_due_soon_amber_and_closed_uncoloured(
    page: TrackPage, codes: Codes
) -> None:
    def colour(code: str) -> object:
        brush = page.model.data(page.model.index(page.model.row_of(code), 0), Qt.ItemDataRole.BackgroundRole)
        return brush.color() if isinstance(brush, QBrush) else None

    assert colour(codes.late) == OVERDUE_COLOUR
    assert colour(codes.today) == DUE_SOON_COLOUR
    assert colour(codes.soon) == DUE_SOON_COLOUR
    assert colour(codes.far) is None
    assert colour(codes.done) is None  # past its appointment, but resolved
    tooltip = page.model.data(page.model.index(page.model.row_of(codes.late), 3), Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "Quá hạn: hẹn trả 26/11/2026 09:00"
    # A selected row shows the selection colour: the detail says it too.
    select_code(page, codes.late)
    assert "QUÁ HẠN" in page.detail.fields["appointment"].text()
    select_code(page, codes.soon)
    assert "Sắp đến hạn" in page.detail.fields["appointment"].text()
    select_code(page, codes.done)
    assert page.detail.fields["appointment"].text() == "09:05 26/11/2026"  # past, but resolved


def test_given_dossiers_waiting_for_the_citizen_then_neither_overdue_nor_due(
    page: TrackPage, sqlite_db: Database, codes: Codes
) -> None:
    officer = find_actor(sqlite_db, "canbo")
    request_supplement(sqlite_db, officer, codes.late, "Thiếu bản sao", now=MONDAY_9AM + timedelta(hours=2))
    transfer(sqlite_db, officer, codes.today, "SNV", now=MONDAY_9AM + timedelta(hours=2))
    request_payment(
        sqlite_db, officer, codes.today, "Lệ phí 50.000 đồng", now=MONDAY_9AM + timedelta(hours=3)
    )
    page.reload()

    # The clock stands still while the citizen supplies or pays: no colour, in no due list.
    brush = page.model.data(
        page.model.index(page.model.row_of(codes.late), 0), Qt.ItemDataRole.BackgroundRole
    )
    assert not isinstance(brush, QBrush)
    select_code(page, codes.late)
    assert "QUÁ HẠN" not in page.detail.fields["appointment"].text()
    page.set_due_filter("overdue")
    assert shown(page) == set()
    page.set_due_filter("due_2_days")
    assert shown(page) == {codes.soon}


# ------------------------------------------------------------------------------------------ paging
def test_given_450_dossiers_then_200_loaded_and_scrolling_fetches_the_next_pages(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    assert generate_dossiers(sqlite_db, 450, now=MONDAY_9AM) == 450
    page = make_page(qtbot, sqlite_db, now=MONDAY_9AM)
    model = page.model
    assert model.rowCount() == PAGE_SIZE == 200
    assert model.canFetchMore()
    assert "200 hồ sơ mới nhất" in page.selection_label.text()

    page.table.scrollToBottom()  # the view asks for more when the end comes into sight
    qtbot.waitUntil(lambda: model.rowCount() == 400)
    model.fetchMore()
    assert model.rowCount() == 450
    assert not model.canFetchMore()
    rows = [model.row_at(n) for n in range(model.rowCount())]
    assert len({r.code for r in rows}) == 450
    keys = [(r.received_at, r.id) for r in rows]
    assert keys == sorted(keys, reverse=True)  # newest first across page boundaries


# ------------------------------------------------------------------------------------------ actions
def test_given_status_then_only_the_lifecycle_actions_are_enabled(
    qtbot: QtBot, page: TrackPage, sqlite_db: Database, codes: Codes
) -> None:
    assert page.action_buttons[Action.CANCEL].isHidden()  # an officer never sees cancel
    select_code(page, codes.far)
    assert enabled(page) == {
        Action.TRANSFER,
        Action.REQUEST_SUPPLEMENT,
        Action.RESOLVE,
        Action.APOLOGISE,
        Action.WITHDRAW,
        Action.STOP,
    }
    assert page.detail.title.text() == f"{codes.far} — Đã tiếp nhận"
    select_code(page, codes.done)
    assert enabled(page) == set()

    request_supplement(
        sqlite_db, find_actor(sqlite_db, "canbo"), codes.soon, "Thiếu bản sao", now=THURSDAY_10AM
    )
    page.reload()
    select_code(page, codes.soon)
    assert Action.SUPPLY_SUPPLEMENT in enabled(page)
    assert Action.RESOLVE not in enabled(page)

    # Two received dossiers: only the batch transfer; a mixed selection: nothing.
    page.table.clearSelection()
    page.table.selectionModel().select(
        page.model.index(page.model.row_of(codes.late), 0),
        page.table.selectionModel().SelectionFlag.Select | page.table.selectionModel().SelectionFlag.Rows,
    )
    page.table.selectionModel().select(
        page.model.index(page.model.row_of(codes.far), 0),
        page.table.selectionModel().SelectionFlag.Select | page.table.selectionModel().SelectionFlag.Rows,
    )
    assert enabled(page) == {Action.TRANSFER}
    assert "Đã chọn 2 hồ sơ" in page.selection_label.text()
    page.table.selectionModel().select(
        page.model.index(page.model.row_of(codes.done), 0),
        page.table.selectionModel().SelectionFlag.Select | page.table.selectionModel().SelectionFlag.Rows,
    )
    assert enabled(page) == set()
    assert "khác trạng thái" in page.selection_label.text()


def test_given_batch_transfer_then_resolve_through_dialogs_then_events_written_and_rows_refreshed(
    qtbot: QtBot, page: TrackPage, sqlite_db: Database, codes: Codes
) -> None:
    model = page.model
    page.table.setFocus()
    select_code(page, codes.far)
    qtbot.keyClick(page.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)  # extend to the row above
    selected = {s.code for s in page.selected}
    assert selected == {codes.far, codes.today}

    qtbot.keyClick(page.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)  # Ctrl+T: chuyển xử lý
    dialog = dialog_of(page)
    assert isinstance(dialog, TransferDialog)
    dialog.unit.setCurrentIndex(dialog.unit.findData("SYT"))
    type_text(dialog.field_widgets["note"], "Hồ sơ gấp")
    press_enter(qtbot, dialog)
    assert page.dialog is None
    assert page.message.text() == "Đã chuyển 2 hồ sơ đến Sở Y tế (SYT)."
    for code in selected:
        view = lookup(sqlite_db, reader(sqlite_db), code)
        assert [e.kind for e in view.events] == ["received", "transfer"]
        assert view.events[-1].payload["to_unit"] == "SYT"
        assert view.events[-1].payload["note"] == "Hồ sơ gấp"
        row = model.row_at(model.row_of(code))
        assert (row.status, row.unit_name) == ("in_progress", "Sở Y tế")

    select_code(page, codes.today)
    assert page.detail.timeline.rowCount() == 2
    assert page.detail.timeline.item(1, 1).text() == "Chuyển xử lý"
    assert page.detail.timeline.item(1, 3).text() == "Giao: Sở Y tế; Hồ sơ gấp"
    assert page.detail.timeline.item(1, 2).text() == "Nguyễn Thị Lan"
    page.action_buttons[Action.RESOLVE].click()
    dialog = dialog_of(page)
    press_enter(qtbot, dialog)  # the note is optional
    view = lookup(sqlite_db, reader(sqlite_db), codes.today)
    assert [e.kind for e in view.events] == ["received", "transfer", "resolve"]
    assert (view.status, view.outcome) == ("resolved", "on_time")  # due today 10:30, resolved at 10:00
    row = model.row_of(codes.today)
    assert model.data(model.index(row, TrackModel.STATUS)) == "Đã có kết quả"
    assert model.data(model.index(row, 0), Qt.ItemDataRole.BackgroundRole) is None  # amber no more
    assert page.detail.timeline.item(2, 3).text() == "Kết quả: Đúng hạn"
    assert enabled(page) == set()  # resolved: nothing left here (return is on its own page)


def test_given_overdue_dossier_when_apologising_then_new_appointment_and_event(
    qtbot: QtBot, page: TrackPage, sqlite_db: Database, codes: Codes
) -> None:
    select_code(page, codes.late)
    qtbot.keyClick(page.table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)  # Ctrl+H: xin lỗi, hẹn lại
    dialog = dialog_of(page)
    assert isinstance(dialog, AppointmentDialog)
    assert "26/11/2026" in dialog.intro.text()
    # Suggested: closing time of the next working day after today.
    assert dialog.new_appointment() == datetime(2026, 11, 27, 17, 0, tzinfo=TZ)
    dialog.date.setDate(QDate(2026, 12, 1))
    dialog.time.setTime(QTime(16, 0))
    type_text(dialog.field_widgets["reason"], "Chờ ý kiến của Sở Tài chính")
    press_enter(qtbot, dialog)

    view = lookup(sqlite_db, reader(sqlite_db), codes.late)
    assert view.appointment_at == datetime(2026, 12, 1, 16, 0, tzinfo=TZ)
    assert view.apology_count == 1
    assert view.events[-1].kind == "apologise"
    assert view.events[-1].payload["reason"] == "Chờ ý kiến của Sở Tài chính"
    row = page.model.row_of(codes.late)
    assert page.model.data(page.model.index(row, TrackModel.DUE)) == "01/12/2026 16:00"
    assert page.model.data(page.model.index(row, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert "01/12/2026" in page.message.text()
    assert page.detail.timeline.item(1, 1).text() == "Xin lỗi, hẹn lại"


def test_given_apology_date_in_the_past_then_dialog_stays_with_message(
    qtbot: QtBot, page: TrackPage, sqlite_db: Database, codes: Codes
) -> None:
    before = event_count(sqlite_db)
    select_code(page, codes.far)
    page.action_buttons[Action.APOLOGISE].click()
    dialog = dialog_of(page)
    dialog.date.setDate(QDate(2026, 11, 30))  # before the current appointment (03/12)
    type_text(dialog.field_widgets["reason"], "Chậm")
    press_enter(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.message.text() == "Ngày hẹn mới phải sau ngày hẹn hiện tại."
    assert event_count(sqlite_db) == before


def test_given_officer_then_no_cancel_and_supervisor_cancels_with_a_reason(
    qtbot: QtBot, page: TrackPage, sqlite_db: Database, codes: Codes
) -> None:
    select_code(page, codes.far)
    assert not page.action_buttons[Action.CANCEL].isEnabled()
    qtbot.keyClick(
        page.table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    page.cancel()
    assert page.dialog is None

    boss = make_page(qtbot, sqlite_db, "lanhdao")
    button = boss.action_buttons[Action.CANCEL]
    assert not button.isHidden()
    select_code(boss, codes.far)
    assert button.isEnabled()
    before = event_count(sqlite_db)
    button.click()
    dialog = dialog_of(boss)
    press_enter(qtbot, dialog)  # no reason
    assert dialog.isVisible()
    assert dialog.message.text() == "Vui lòng ghi rõ lý do hủy hồ sơ."
    assert event_count(sqlite_db) == before
    type_text(dialog.field_widgets["reason"], "Nhập nhầm thủ tục")
    press_enter(qtbot, dialog)
    view = lookup(sqlite_db, reader(sqlite_db), codes.far)
    assert view.status == "cancelled"
    assert view.events[-1].kind == "cancel"
    assert view.events[-1].payload["reason"] == "Nhập nhầm thủ tục"
    assert boss.model.data(boss.model.index(boss.model.row_of(codes.far), TrackModel.STATUS)) == "Đã hủy"


@pytest.mark.parametrize(
    ("action", "message"),
    [
        (Action.REQUEST_SUPPLEMENT, "Vui lòng ghi rõ lý do yêu cầu bổ sung."),
        (Action.WITHDRAW, "Vui lòng ghi rõ lý do rút hồ sơ."),
        (Action.STOP, "Vui lòng ghi rõ lý do dừng giải quyết."),
        (Action.APOLOGISE, "Vui lòng ghi rõ lý do chậm trả kết quả."),
    ],
)
def test_given_missing_reason_then_dialog_stays_open_with_message_and_nothing_written(
    qtbot: QtBot, page: TrackPage, sqlite_db: Database, codes: Codes, action: Action, message: str
) -> None:
    before = event_count(sqlite_db)
    select_code(page, codes.far)
    page.action_buttons[action].click()
    dialog = dialog_of(page)
    type_text(dialog.field_widgets["reason"], "   ")
    press_enter(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.message.text() == message
    assert dialog.focusWidget() is dialog.field_widgets["reason"]
    assert event_count(sqlite_db) == before
    assert lookup(sqlite_db, reader(sqlite_db), codes.far).status == "received"
    qtbot.keyClick(dialog.field_widgets["reason"], Qt.Key.Key_Escape)
    assert page.dialog is None
    assert event_count(sqlite_db) == before


def test_given_stop_with_reason_and_legal_basis_then_stopped_and_timeline_names_both(
    qtbot: QtBot, page: TrackPage, sqlite_db: Database, codes: Codes
) -> None:
    select_code(page, codes.far)
    qtbot.keyClick(page.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dialog = dialog_of(page)
    type_text(dialog.field_widgets["reason"], "Không đủ điều kiện")
    type_text(dialog.field_widgets["legal_basis"], "Khoản 2 Điều 9 NĐ 118/2025")
    press_enter(qtbot, dialog)
    view = lookup(sqlite_db, reader(sqlite_db), codes.far)
    assert view.status == "stopped"
    assert view.events[-1].payload["legal_basis"] == "Khoản 2 Điều 9 NĐ 118/2025"
    assert (
        page.detail.timeline.item(1, 3).text()
        == "Lý do: Không đủ điều kiện; Căn cứ: Khoản 2 Điều 9 NĐ 118/2025"
    )
    assert enabled(page) == set()


def test_given_supplement_requested_when_supplied_then_new_appointment_shown(
    qtbot: QtBot, page: TrackPage, sqlite_db: Database, codes: Codes
) -> None:
    select_code(page, codes.far)
    page.action_buttons[Action.REQUEST_SUPPLEMENT].click()
    type_text(dialog_of(page).field_widgets["reason"], "Bổ sung bản sao giấy phép kinh doanh")
    press_enter(qtbot, dialog_of(page))
    assert lookup(sqlite_db, reader(sqlite_db), codes.far).status == "supplement_requested"
    assert enabled(page) >= {Action.SUPPLY_SUPPLEMENT}
    page.action_buttons[Action.SUPPLY_SUPPLEMENT].click()
    press_enter(qtbot, dialog_of(page))
    view = lookup(sqlite_db, reader(sqlite_db), codes.far)
    assert [e.kind for e in view.events] == ["received", "request_supplement", "supply_supplement"]
    assert view.status == "in_progress"
    assert page.message.text().startswith(f"Đã nhận bổ sung hồ sơ {codes.far}. Hẹn trả mới:")


def test_given_in_progress_when_payment_requested_and_confirmed_then_waits_and_resumes_later(
    qtbot: QtBot, page: TrackPage, sqlite_db: Database, codes: Codes
) -> None:
    transfer(sqlite_db, find_actor(sqlite_db, "canbo"), codes.far, "SNV", now=MONDAY_9AM + timedelta(hours=1))
    page.reload()
    select_code(page, codes.far)
    assert Action.REQUEST_PAYMENT in enabled(page) and Action.CONFIRM_PAYMENT not in enabled(page)

    qtbot.keyClick(page.table, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    dialog = dialog_of(page)
    type_text(dialog.field_widgets["reason"], "  ")
    press_enter(qtbot, dialog)
    # Nothing to pay named: the dialog stays with the message, nothing written.
    assert dialog.message.text() == "Vui lòng ghi rõ khoản phải nộp (phí, lệ phí, thuế…) và số tiền."
    assert lookup(sqlite_db, reader(sqlite_db), codes.far).status == "in_progress"
    type_text(dialog.field_widgets["reason"], "Lệ phí 100.000 đồng")
    press_enter(qtbot, dialog)

    assert lookup(sqlite_db, reader(sqlite_db), codes.far).status == "awaiting_payment"
    assert enabled(page) == {Action.CONFIRM_PAYMENT, Action.APOLOGISE, Action.WITHDRAW, Action.STOP}
    assert page.detail.title.text() == f"{codes.far} — Chờ thực hiện nghĩa vụ tài chính"
    assert page.detail.timeline.item(2, 3).text() == "Khoản phải nộp: Lệ phí 100.000 đồng"

    # Ctrl+G opens the confirmation; Escape leaves it unconfirmed.
    qtbot.keyClick(page.table, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog_of(page).field_widgets["note"], Qt.Key.Key_Escape)
    assert lookup(sqlite_db, reader(sqlite_db), codes.far).status == "awaiting_payment"

    # Paid the next day: a working day waited, so the appointment moves by one.
    page.close()
    friday = make_page(qtbot, sqlite_db, now=THURSDAY_10AM + timedelta(days=1))
    select_code(friday, codes.far)
    friday.action_buttons[Action.CONFIRM_PAYMENT].click()
    dialog = dialog_of(friday)
    type_text(dialog.field_widgets["note"], "Biên lai 0012345")
    press_enter(qtbot, dialog)

    view = lookup(sqlite_db, reader(sqlite_db), codes.far)
    assert (view.status, view.events[-1].kind) == ("in_progress", "confirm_payment")
    assert view.events[-1].payload["note"] == "Biên lai 0012345"
    assert friday.message.text() == f"Hồ sơ {codes.far} tiếp tục giải quyết. Hẹn trả: 09:15 04/12/2026."
    assert friday.detail.timeline.item(3, 3).text() == "Hẹn trả: 09:15 04/12/2026; Biên lai 0012345"


def test_given_an_action_being_saved_when_enter_again_or_esc_then_one_event_and_the_dialog_waits(
    qtbot: QtBot, page: TrackPage, sqlite_db: Database, codes: Codes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dialog's service call runs on the write lane; while it runs, a second Enter does nothing
    and Esc does not close the dialog (its outcome would go unseen)."""
    entered, opened = threading.Event(), threading.Event()
    real = processing.resolve

    def held(*args: Any, **kwargs: Any) -> Any:
        entered.set()
        assert opened.wait(20)
        return real(*args, **kwargs)

    monkeypatch.setattr(processing, "resolve", held)
    select_code(page, codes.far)
    before = event_count(sqlite_db)
    page.action_buttons[Action.RESOLVE].click()
    dialog = dialog_of(page)
    target = dialog.focusWidget() or dialog
    qtbot.keyClick(target, Qt.Key.Key_Return)
    assert entered.wait(10)
    qtbot.keyClick(target, Qt.Key.Key_Return)
    qtbot.keyClick(target, Qt.Key.Key_Escape)
    assert dialog.isVisible() and not dialog.ok_button.isEnabled()

    opened.set()
    writes_done(qtbot)
    assert page.dialog is None
    assert event_count(sqlite_db) == before + 1
    assert lookup(sqlite_db, reader(sqlite_db), codes.far).status == "resolved"
    assert page.message.text() == f"Đã cập nhật kết quả hồ sơ {codes.far}."


def test_given_code_of_a_dossier_outside_the_filter_when_shown_then_detail_and_its_actions(
    qtbot: QtBot, page: TrackPage, codes: Codes
) -> None:
    page.set_status_filter("resolved")
    page.show_code(codes.far.lower())
    writes_done(qtbot)
    assert page.detail.view is not None and page.detail.view.code == codes.far
    assert Action.TRANSFER in enabled(page)
    page.action_buttons[Action.RESOLVE].click()
    press_enter(qtbot, dialog_of(page))
    assert page.detail.view is not None and page.detail.view.status == "resolved"  # still shown
    assert enabled(page) == set()
    page.show_code("000.00.31.H56-261123-0099")
    writes_done(qtbot)
    assert page.message.text() == "Không tìm thấy hồ sơ mã «000.00.31.H56-261123-0099»."


def test_focus_start_puts_the_cursor_on_the_first_row(qtbot: QtBot, page: TrackPage, codes: Codes) -> None:
    page.activateWindow()
    page.focus_start()
    qtbot.waitUntil(lambda: page.table.hasFocus())
    assert [s.code for s in page.selected] == [codes.soon]


def test_unused_date_is_office_local(page: TrackPage) -> None:
    # The date edits start on the office-local month (the clock is 26/11/2026 10:00 in Hà Nội time).
    assert page.to_date.date().toPython() == date(2026, 11, 26)
    assert not page.to_date.isEnabled()


def test_given_batch_when_one_dossier_changed_meanwhile_then_the_others_transferred_and_it_is_named(
    qtbot: QtBot, page: TrackPage, sqlite_db: Database, codes: Codes
) -> None:
    handed: list[tuple[list[str], str]] = []
    page.transferred.connect(lambda done, unit: handed.append((done, unit)))
    select_code(page, codes.far)
    qtbot.keyClick(page.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)
    assert [s.code for s in page.selected] == [codes.today, codes.far]
    page.action_buttons[Action.TRANSFER].click()
    dialog = dialog_of(page)
    # Another officer resolves one of them while this dialog is open.
    resolve(sqlite_db, find_actor(sqlite_db, "canbo2"), codes.far, now=THURSDAY_10AM)
    dialog.unit.setCurrentIndex(dialog.unit.findData("SNV"))
    press_enter(qtbot, dialog)
    assert handed == [([codes.today], "SNV")]
    assert lookup(sqlite_db, reader(sqlite_db), codes.today).events[-1].kind == "transfer"
    assert lookup(sqlite_db, reader(sqlite_db), codes.far).events[-1].kind == "resolve"
    assert page.message.text() == (
        f"Đã chuyển hồ sơ {codes.today} đến Sở Nội vụ (SNV). Không chuyển được: {codes.far}: "
        "Không thể chuyển xử lý khi hồ sơ đang ở trạng thái «Đã có kết quả»."
    )
    far = page.model.row_of(codes.far)
    assert page.model.data(page.model.index(far, TrackModel.STATUS)) == "Đã có kết quả"  # re-read too


def test_given_first_of_batch_impossible_then_dialog_stays_and_nothing_written(
    qtbot: QtBot, page: TrackPage, sqlite_db: Database, codes: Codes
) -> None:
    select_code(page, codes.far)
    page.action_buttons[Action.TRANSFER].click()
    dialog = dialog_of(page)
    resolve(sqlite_db, find_actor(sqlite_db, "canbo2"), codes.far, now=THURSDAY_10AM)
    before = event_count(sqlite_db)
    dialog.unit.setCurrentIndex(dialog.unit.findData("SNV"))
    press_enter(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.message.text() == "Không thể chuyển xử lý khi hồ sơ đang ở trạng thái «Đã có kết quả»."
    assert event_count(sqlite_db) == before


def test_given_transfer_dialog_when_enter_pressed_twice_without_a_unit_then_refused_and_nothing_sent(
    qtbot: QtBot, page: TrackPage, sqlite_db: Database, codes: Codes
) -> None:
    """No unit is preselected: an Enter by habit must not send the dossier to the first unit listed."""
    handed: list[tuple[list[str], str]] = []
    page.transferred.connect(lambda done, unit: handed.append((done, unit)))
    select_code(page, codes.far)
    before = event_count(sqlite_db)
    qtbot.keyClick(page.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = dialog_of(page)
    assert isinstance(dialog, TransferDialog)
    assert dialog.unit.currentIndex() == -1 and dialog.unit_code() == ""
    assert dialog.unit.placeholderText() == "— Chọn đơn vị —"
    assert dialog.focusWidget() is dialog.unit  # the first thing to do is to choose

    press_enter(qtbot, dialog)
    press_enter(qtbot, dialog)
    assert dialog.isVisible() and page.dialog is dialog
    assert dialog.message.isVisible()
    assert dialog.message.text() == "Chọn đơn vị nhận hồ sơ trước khi chuyển."
    assert event_count(sqlite_db) == before and handed == []
    assert lookup(sqlite_db, reader(sqlite_db), codes.far).status == "received"

    # Choosing a unit takes the message away; Enter then transfers there.
    dialog.unit.setCurrentIndex(dialog.unit.findData("SYT"))
    assert not dialog.message.isVisible()
    press_enter(qtbot, dialog)
    assert page.dialog is None
    assert handed == [([codes.far], "SYT")]
    assert lookup(sqlite_db, reader(sqlite_db), codes.far).events[-1].payload["to_unit"] == "SYT"


def test_given_a_mapped_unit_then_the_dialog_preselects_it() -> None:
    """The hook the procedure → unit mapping will use: a default unit is preselected, OK sends there."""
    units = [Unit("SNV", "Sở Nội vụ"), Unit("SYT", "Sở Y tế")]
    dialog = TransferDialog(["000.00.31.H56-261123-0001"], units, default_unit="SYT")
    assert dialog.unit_code() == "SYT"
    dialog.deleteLater()


def test_given_a_slip_issued_then_it_is_listed_under_the_slips_not_as_a_step(
    qtbot: QtBot, page: TrackPage, sqlite_db: Database, codes: Codes, tmp_path: Path
) -> None:
    """The timeline is the control slip's (mẫu 06): issuing a receipt is not a step of the dossier."""
    issue_or_reprint(
        sqlite_db,
        find_actor(sqlite_db, "canbo"),
        "receipt",
        codes.far,
        layout="a4",
        now=THURSDAY_10AM,
        archive_dir=tmp_path,
    )
    select_code(page, codes.far)
    timeline = page.detail.timeline
    assert [timeline.item(row, 1).text() for row in range(timeline.rowCount())] == ["Tiếp nhận"]
    assert page.detail.slips.itemText(0).startswith("Giấy tiếp nhận hồ sơ")


def test_given_procedure_mapped_to_a_unit_then_enter_sends_its_dossier_there(
    qtbot: QtBot, page: TrackPage, sqlite_db: Database, codes: Codes
) -> None:
    """The office maps the procedure to a unit (docs/office-catalogue.md): the dialog opens on it."""
    procedure = lookup(sqlite_db, reader(sqlite_db), codes.far).procedure_code
    set_unit(sqlite_db, find_actor(sqlite_db, "quantri"), procedure, "STP", now=THURSDAY_10AM)
    select_code(page, codes.far)
    qtbot.keyClick(page.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = dialog_of(page)
    assert isinstance(dialog, TransferDialog) and dialog.unit_code() == "STP"
    press_enter(qtbot, dialog)
    assert page.dialog is None
    assert lookup(sqlite_db, reader(sqlite_db), codes.far).events[-1].payload["to_unit"] == "STP"


# ------------------------------------------------------------------------- the detail, read off the GUI thread
def test_given_another_program_holds_the_database_when_a_dossier_is_selected_then_the_window_stays_live_and_the_detail_comes_once_it_is_free(
    qtbot: QtBot, page: TrackPage, sqlite_db: Database, codes: Codes, tmp_path: Path
) -> None:
    """Opening a dossier writes its audit record first; while another program holds the database
    that write waits on the write lane, not on the GUI thread: the selection returns at once, the
    window goes on ticking, the detail says which dossier is being opened, and it shows once the
    database is free."""
    assert writes_idle()
    before = viewed(sqlite_db)  # the fixture's own lookups
    ticks: list[int] = []
    timer = QTimer(page)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    with closing(sqlite3.connect(tmp_path / "counter.sqlite3")) as other:
        other.execute("BEGIN IMMEDIATE")  # another counter's write, a backup tool…
        started = time.monotonic()
        page.select_row(page.model.row_of(codes.far))
        assert time.monotonic() - started < 1.0  # the GUI thread did not wait for the lock
        ticks.clear()
        qtbot.wait(600)
        assert len(ticks) >= 20  # the event loop ran all along
        assert not writes_idle()  # the lookup's audit record is still waiting for the lock
        assert page.detail.view is None
        assert page.detail.title.text() == f"Đang mở hồ sơ {codes.far}…"
        assert page.detail.fields["applicant"].text() == ""
        assert viewed(sqlite_db) == before
        other.rollback()
    writes_done(qtbot)
    timer.stop()

    assert page.detail.view is not None and page.detail.view.code == codes.far
    assert page.detail.title.text() == f"{codes.far} — Đã tiếp nhận"
    assert page.detail.fields["applicant"].text() == "Hồ Văn Xa"
    assert viewed(sqlite_db) == [*before, codes.far]  # recorded before it was shown


def test_given_arrow_keys_held_down_then_the_detail_ends_on_the_last_row_and_no_row_passed_over_is_read(
    qtbot: QtBot, page: TrackPage, sqlite_db: Database, codes: Codes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first row's lookup is slow; four ↓ arrive meanwhile. Only the last row's detail is shown
    (the first one's, arriving late, is dropped), and only the first and the last rows are read."""
    entered, release = threading.Event(), threading.Event()
    real = track_page_module.lookup

    def slow_first(*args: Any, **kwargs: Any) -> Any:
        if not entered.is_set():
            entered.set()
            assert release.wait(20)
        return real(*args, **kwargs)

    monkeypatch.setattr(track_page_module, "lookup", slow_first)
    shown: list[str | None] = []
    show_dossier = page.detail.show_dossier

    def spy(view: Any, urgency: str | None = None) -> None:
        shown.append(view.code if view is not None else None)
        show_dossier(view, urgency)

    monkeypatch.setattr(page.detail, "show_dossier", spy)
    assert page.model.codes() == [codes.soon, codes.today, codes.far, codes.done, codes.late]
    before = viewed(sqlite_db)  # the fixture's own lookups

    page.table.setFocus()
    page.select_row(0)
    assert entered.wait(10)
    for _ in range(4):
        qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert [s.code for s in page.selected] == [codes.late]
    assert page.detail.view is None and page.detail.title.text() == f"Đang mở hồ sơ {codes.late}…"
    release.set()
    writes_done(qtbot)

    assert page.detail.view is not None and page.detail.view.code == codes.late
    assert page.detail.title.text() == f"{codes.late} — Đã tiếp nhận"
    assert [code for code in shown if code is not None] == [codes.late]  # never another dossier
    assert viewed(sqlite_db) == [*before, codes.soon, codes.late]


def test_given_a_scanned_code_being_looked_up_when_a_row_is_chosen_then_the_row_wins(
    qtbot: QtBot, page: TrackPage, codes: Codes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A code opened by a scan is slow to come; the officer clicks another row meanwhile: the
    scanned dossier, arriving late, neither replaces the detail nor moves the selection."""
    entered, release = threading.Event(), threading.Event()
    real = track_page_module.lookup

    def slow_first(*args: Any, **kwargs: Any) -> Any:
        if not entered.is_set():
            entered.set()
            assert release.wait(20)
        return real(*args, **kwargs)

    monkeypatch.setattr(track_page_module, "lookup", slow_first)
    page.show_code(codes.done)
    assert entered.wait(10)
    assert page.detail.title.text() == f"Đang mở hồ sơ {codes.done}…"
    page.select_row(page.model.row_of(codes.far))
    release.set()
    writes_done(qtbot)

    assert [s.code for s in page.selected] == [codes.far]
    assert page.detail.view is not None and page.detail.view.code == codes.far
