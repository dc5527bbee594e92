"""Find a citizen on Theo dõi (F3) and Trả kết quả (F4): one box for a dossier code, CCCD/CMND, phone
or name, through the real widgets, with applicants and dossiers made through the services.

People and dossiers (received Monday 23/11/2026, a minute apart, newest last):
- Nguyễn Thị Ánh Hồng, CCCD 038190012345, phone 0912 345 678: received, resolved, returned,
  resolved again, in progress;
- Trần Văn Bình, CCCD 038090001234: received;
- Trần Thị Hòa, CMND 172345678 (nine digits): resolved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest
from keys import type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from testdata import MONDAY_9AM, TZ, reader
from waiting import writes_done

from counter_app.db.database import Database
from counter_app.db.models import Event
from counter_app.domain.lifecycle import Action
from counter_app.services.applicants import ApplicantInput
from counter_app.services.lookup import lookup
from counter_app.services.offices import find_actor
from counter_app.services.processing import ReturnInput, resolve, return_result, transfer
from counter_app.services.receiving import IntakeRequest, receive
from counter_app.ui.pages.return_page import ReturnPage
from counter_app.ui.pages.track.page import TrackPage
from counter_app.ui.session import UiSession
from counter_app.ui.widgets.citizen_results import CitizenResults

THURSDAY_10AM = datetime(2026, 11, 26, 10, 0, tzinfo=TZ)
HONG = ApplicantInput(full_name="Nguyễn Thị Ánh Hồng", id_number="038190012345", phone="0912 345 678")
BINH = ApplicantInput(full_name="Trần Văn Bình", id_number="038090001234")
HOA = ApplicantInput(full_name="Trần Thị Hòa", id_number="172345678")
QR = "038190012345||Nguyễn Thị Ánh Hồng|01051990|Nữ|Số 5 đường Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa|15082021"


@dataclass(frozen=True)
class People:
    hong_received: str
    hong_ready: str
    hong_returned: str
    hong_ready_newest: str
    hong_in_progress: str
    binh: str
    hoa_ready: str

    def hong(self) -> list[str]:
        """Hồng's dossiers, newest first."""
        return [
            self.hong_in_progress,
            self.hong_ready_newest,
            self.hong_returned,
            self.hong_ready,
            self.hong_received,
        ]


@pytest.fixture
def people(sqlite_db: Database) -> People:
    officer = find_actor(sqlite_db, "canbo")
    minute = iter(range(100))

    def new(applicant: ApplicantInput, procedure: str = "2.001955") -> str:
        at = MONDAY_9AM + timedelta(minutes=next(minute))
        return receive(sqlite_db, officer, IntakeRequest(procedure, applicant), now=at).code

    def resolved(code: str) -> str:
        transfer(sqlite_db, officer, code, "SNV", now=MONDAY_9AM + timedelta(hours=1))
        resolve(sqlite_db, officer, code, now=MONDAY_9AM + timedelta(days=2))
        return code

    hong_received = new(HONG)
    hong_ready = resolved(new(HONG, "1.115563"))
    hong_returned = resolved(new(HONG))
    hong_ready_newest = resolved(new(HONG))
    hong_in_progress = new(HONG)
    transfer(sqlite_db, officer, hong_in_progress, "SNV", now=MONDAY_9AM + timedelta(hours=1))
    binh = new(BINH)
    hoa_ready = resolved(new(HOA))
    return_result(
        sqlite_db, officer, hong_returned, ReturnInput(), now=MONDAY_9AM + timedelta(days=2, hours=1)
    )
    return People(
        hong_received, hong_ready, hong_returned, hong_ready_newest, hong_in_progress, binh, hoa_ready
    )


def show(qtbot: QtBot, widget: TrackPage | ReturnPage) -> None:
    qtbot.addWidget(widget)
    widget.resize(1300, 760)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def session(db: Database) -> UiSession:
    return UiSession(db, find_actor(db, "canbo"), clock=lambda: THURSDAY_10AM)


def type_where_focused(qtbot: QtBot, page: ReturnPage, text: str) -> None:
    """Keys as a keyboard (or a scanner) sends them: each one to whatever has the focus then; then
    what the Enter opened or found (looked up, and audited, on the write lane)."""
    for char in text:
        type_text(page.focusWidget(), char)  # type: ignore[arg-type]
    type_text(page.focusWidget(), "", enter=True)  # type: ignore[arg-type]
    writes_done(qtbot)


def enter(qtbot: QtBot, widget: QWidget, text: str = "") -> None:
    """``text`` then Enter into ``widget``, and what they opened or found shown."""
    type_text(widget, text, enter=True)
    writes_done(qtbot)


def press(qtbot: QtBot, widget: QWidget, key: Qt.Key) -> None:
    """A key on ``widget`` (Enter on a list opens the dossier), and what it opened shown."""
    qtbot.keyClick(widget, key)
    writes_done(qtbot)


def event_count(db: Database) -> int:
    with db.read() as s:
        return s.execute(select(func.count()).select_from(Event)).scalar_one()


# ------------------------------------------------------------------------------------------ F3
@pytest.fixture
def track(qtbot: QtBot, sqlite_db: Database, people: People) -> TrackPage:
    page = TrackPage(session(sqlite_db))
    show(qtbot, page)
    return page


def search(qtbot: QtBot, track: TrackPage, text: str) -> list[str]:
    track.search.edit.clear()
    enter(qtbot, track.search.edit, text)
    return track.search.results.codes() if track.search.results.isVisible() else []


def test_given_cccd_phone_or_name_without_accents_then_their_dossiers_newest_first(
    qtbot: QtBot, track: TrackPage, people: People
) -> None:
    assert search(qtbot, track, "038190012345") == people.hong()
    assert search(qtbot, track, "0912.345.678") == people.hong()
    assert search(qtbot, track, "nguyen thi anh hong") == people.hong()
    assert search(qtbot, track, "HONG") == people.hong()  # a word of the name, no tone marks
    assert search(qtbot, track, QR) == people.hong()  # the chip card's QR scanned into the box
    assert search(qtbot, track, "tran") == [people.hoa_ready, people.binh]  # two people: both listed
    results = track.search.results
    assert results.table.rowCount() == 2
    row = [results.table.item(0, column).text() for column in range(results.table.columnCount())]
    assert row[:2] == [people.hoa_ready, "Trần Thị Hòa"]
    assert row[2].startswith("2.001955 — ")
    assert row[3:] == ["23/11/2026 09:06", "Đã có kết quả", "03/12/2026 09:06"]
    assert not track.search.message.isVisible()


def test_given_several_dossiers_when_one_is_chosen_then_the_detail_opens_it_whatever_the_filter(
    qtbot: QtBot, track: TrackPage, people: People
) -> None:
    track.set_status_filter("returned")  # none of the dossiers below is in the list
    assert search(qtbot, track, "038190012345") == people.hong()
    results = track.search.results
    assert track.focusWidget() is results.table  # ↑↓ then Enter
    qtbot.keyClick(results.table, Qt.Key.Key_Down)
    press(qtbot, results.table, Qt.Key.Key_Return)
    assert track.detail.view is not None and track.detail.view.code == people.hong_ready_newest
    assert [s.code for s in track.selected] == [people.hong_ready_newest]
    qtbot.keyClick(results.table, Qt.Key.Key_Down)
    qtbot.keyClick(results.table, Qt.Key.Key_Down)
    press(qtbot, results.table, Qt.Key.Key_Enter)
    assert track.detail.view is not None and track.detail.view.code == people.hong_ready
    assert results.isVisible()  # the list stays: the officer looks at each dossier in turn
    # The last one is received: its actions are offered although it is outside the filter.
    qtbot.keyClick(results.table, Qt.Key.Key_Down)
    press(qtbot, results.table, Qt.Key.Key_Return)
    assert track.detail.view is not None and track.detail.view.code == people.hong_received
    assert track.action_buttons[Action.TRANSFER].isEnabled()
    # Typing on the list starts a new search in the box; Esc closes the list.
    type_text(results.table, "b")
    assert track.search.edit.text() == "b" and track.focusWidget() is track.search.edit
    qtbot.keyClick(track.search.edit, Qt.Key.Key_Down)
    assert track.focusWidget() is results.table
    qtbot.keyClick(results.table, Qt.Key.Key_Escape)
    assert not results.isVisible() and track.focusWidget() is track.search.edit


def test_given_a_code_then_that_dossier_opens_at_once(qtbot: QtBot, track: TrackPage, people: People) -> None:
    assert search(qtbot, track, people.binh.lower()) == [people.binh]
    assert track.detail.view is not None and track.detail.view.code == people.binh
    assert track.detail.fields["applicant"].text().startswith("Trần Văn Bình")
    prefix = people.binh.rsplit("-", 1)[0]  # unit and day: that day's dossiers, newest first
    assert search(qtbot, track, prefix)[:2] == [people.hoa_ready, people.binh]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Nhập mã hồ sơ, số CCCD/CMND, số điện thoại hoặc họ tên của công dân để tìm."),
        ("Lê", "Nhập ít nhất 3 chữ cái của họ tên (ví dụ: «nguyen van») để tìm theo tên."),
        ("HS-12345", "«HS-12345» không phải là mã hồ sơ hợp lệ (ví dụ đúng: 000.00.31.H56-261123-0001)."),
        ("000.00.31.H56-261123-0099", "Không tìm thấy hồ sơ nào theo «000.00.31.H56-261123-0099»."),
        ("nguyen van an", "Không tìm thấy hồ sơ nào theo «nguyen van an»."),
    ],
)
def test_given_bad_or_unknown_input_then_a_message_under_the_box_and_no_list(
    qtbot: QtBot, track: TrackPage, people: People, text: str, message: str
) -> None:
    assert search(qtbot, track, "038190012345") == people.hong()
    detail = track.detail.view
    assert search(qtbot, track, text) == []
    assert track.search.message.isVisible()
    assert track.search.message.text() == message
    assert not track.search.results.isVisible()
    assert track.focusWidget() is track.search.edit
    assert track.detail.view is detail  # what was open stays open


def listed_text(results: CitizenResults) -> str:
    """Everything a results list shows: its caption, every cell and every cell's tooltip."""
    table = results.table
    items = [table.item(r, c) for r in range(table.rowCount()) for c in range(table.columnCount())]
    return "\n".join([results.caption.text(), *(f"{i.text()} {i.toolTip()}" for i in items if i)])


FULL_NUMBERS = ("038190012345", "0912345678", "0912 345 678", "01051990")  # CCCD, phone, QR's birth date


@pytest.mark.parametrize(
    ("text", "echo"),
    [
        ("038190012345", "«0381******45»"),
        ("0912.345.678", "«0912****78»"),
        ("+84 912 345 678", "«0912****78»"),
        (QR, "«0381******45»"),  # the chip card's QR: only the masked CCCD, nothing else of the card
    ],
)
def test_given_a_search_by_number_then_the_results_show_it_masked_and_the_detail_whole(
    qtbot: QtBot, track: TrackPage, people: People, text: str, echo: str
) -> None:
    assert search(qtbot, track, text) == people.hong()  # the search itself runs on the whole number
    results = track.search.results
    shown = listed_text(results)
    assert results.caption.text().startswith(f"{echo}: 5 hồ sơ")
    assert not any(number in shown for number in FULL_NUMBERS), shown
    assert track.search.edit.text() == text  # the box keeps what the officer typed or scanned
    # The tracking list above shows no ID number or phone at all.
    model = track.model
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = str(model.data(index, role) or "")
                assert not any(number in value for number in FULL_NUMBERS), value
    # The dossier detail shows them whole.
    press(qtbot, results.table, Qt.Key.Key_Return)
    assert track.detail.view is not None and track.detail.view.code == people.hong_in_progress
    assert track.detail.fields["applicant"].text() == "Nguyễn Thị Ánh Hồng, CCCD/CMND 038190012345"
    assert track.detail.fields["contact"].text() == "0912345678"


def test_given_an_unknown_number_then_the_message_repeats_it_masked(
    qtbot: QtBot, track: TrackPage, people: People
) -> None:
    assert search(qtbot, track, "001085012345") == []
    assert track.search.message.text() == "Không tìm thấy hồ sơ nào theo «0010******45»."
    assert search(qtbot, track, "0987 654 321") == []
    assert track.search.message.text() == "Không tìm thấy hồ sơ nào theo «0987****21»."
    assert search(qtbot, track, "172345678") == [people.hoa_ready]  # a CMND: one dossier, opened at once
    assert "172345678" not in listed_text(track.search.results)
    assert track.search.results.caption.text().startswith("«17*****78»: 1 hồ sơ")
    assert track.detail.fields["applicant"].text() == "Trần Thị Hòa, CCCD/CMND 172345678"


# ------------------------------------------------------------------------------------------ F4
@pytest.fixture
def desk(qtbot: QtBot, sqlite_db: Database, people: People) -> ReturnPage:
    page = ReturnPage(session(sqlite_db))
    show(qtbot, page)
    page.focus_start()
    return page


def test_given_a_cccd_without_the_receipt_then_only_ready_results_listed_and_each_returned(
    qtbot: QtBot, desk: ReturnPage, sqlite_db: Database, people: People
) -> None:
    enter(qtbot, desk.scan, "038190012345")
    results = desk.results
    assert results.isVisible()
    assert results.codes() == [people.hong_ready_newest, people.hong_ready]  # resolved only, newest first
    assert results.caption.text() == "Kết quả sẵn sàng trả cho «0381******45»: 2 hồ sơ, mới nhất trước."
    assert desk.message.text() == (
        "Chọn hồ sơ cần trả: ↑↓ rồi Enter (hoặc nhấp chuột). "
        "3 hồ sơ khác chưa có kết quả hoặc đã trả: xem ở Theo dõi (F3)."
    )
    assert desk.view is None and not desk.confirm_area.isEnabled()
    assert desk.focusWidget() is results.table
    assert not any(number in listed_text(results) for number in FULL_NUMBERS)

    press(qtbot, results.table, Qt.Key.Key_Return)  # the newest
    assert desk.view is not None and desk.view.code == people.hong_ready_newest
    # The card is the dossier's detail, read back to the citizen: the CCCD whole.
    assert desk.card_fields["applicant"].text() == "<b>Nguyễn Thị Ánh Hồng</b> — 038190012345"
    assert desk.confirm_area.isEnabled() and desk.focusWidget() is desk.confirm_button
    qtbot.keyClick(desk.confirm_button, Qt.Key.Key_1)
    qtbot.keyClick(desk.confirm_button, Qt.Key.Key_Return)
    writes_done(qtbot)
    view = lookup(sqlite_db, reader(sqlite_db), people.hong_ready_newest)
    assert (view.status, view.satisfaction) == ("returned", 1)
    assert view.events[-1].payload["receiver"]["full_name"] == "Nguyễn Thị Ánh Hồng"  # type: ignore[index]
    assert desk.message.text().startswith(
        f"Đã trả kết quả hồ sơ {people.hong_ready_newest} cho Nguyễn Thị Ánh Hồng"
    )

    # The list now holds the citizen's other ready result, ready for Enter.
    assert results.codes() == [people.hong_ready]
    assert results.caption.text() == "Kết quả sẵn sàng trả cho «0381******45»: 1 hồ sơ, mới nhất trước."
    assert desk.focusWidget() is results.table
    press(qtbot, results.table, Qt.Key.Key_Return)
    assert desk.view is not None and desk.view.code == people.hong_ready
    qtbot.keyClick(desk.confirm_button, Qt.Key.Key_Return)
    writes_done(qtbot)
    assert lookup(sqlite_db, reader(sqlite_db), people.hong_ready).status == "returned"
    assert not results.isVisible()  # nothing left to return
    assert desk.focusWidget() is desk.scan


def test_given_the_cards_qr_or_a_cmnd_with_one_ready_result_then_it_opens_at_once(
    qtbot: QtBot, desk: ReturnPage, people: People
) -> None:
    enter(qtbot, desk.scan, QR)
    assert desk.results.codes() == [people.hong_ready_newest, people.hong_ready]
    assert desk.focusWidget() is desk.results.table
    type_where_focused(qtbot, desk, "172345678")  # typed on the list: goes on in the field
    assert desk.results.codes() == [people.hoa_ready]
    assert desk.view is not None and desk.view.code == people.hoa_ready
    assert desk.focusWidget() is desk.confirm_button


def test_given_a_person_with_nothing_ready_then_said_so_and_nothing_opened(
    qtbot: QtBot, desk: ReturnPage, sqlite_db: Database, people: People
) -> None:
    before = event_count(sqlite_db)
    enter(qtbot, desk.scan, "038090001234")
    assert desk.message.text() == (
        "Không có kết quả nào sẵn sàng để trả cho «0380******34». "
        "1 hồ sơ khác chưa có kết quả hoặc đã trả: xem ở Theo dõi (F3)."
    )
    assert not desk.results.isVisible() and desk.view is None
    assert desk.focusWidget() is desk.scan and desk.scan.selectedText() == "038090001234"
    press(qtbot, desk.scan, Qt.Key.Key_Return)
    assert event_count(sqlite_db) == before


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Lê", "Nhập ít nhất 3 chữ cái của họ tên (ví dụ: «nguyen van») để tìm theo tên."),
        (
            "12345",
            "«12345» có 5 chữ số: số CCCD gồm 12 chữ số, số CMND 9 chữ số, số điện thoại bắt đầu bằng 0 hoặc +84.",
        ),
    ],
)
def test_given_bad_input_on_the_return_page_then_a_message_and_the_scan_field_ready(
    qtbot: QtBot, desk: ReturnPage, people: People, text: str, message: str
) -> None:
    enter(qtbot, desk.scan, "038190012345")
    assert desk.results.isVisible()
    type_where_focused(qtbot, desk, text)  # the focus is on the list
    assert desk.message.text() == message
    assert not desk.results.isVisible() and not desk.confirm_area.isEnabled()
    assert desk.focusWidget() is desk.scan and desk.scan.selectedText() == text


def test_given_a_receipt_code_then_it_still_opens_directly(
    qtbot: QtBot, desk: ReturnPage, people: People
) -> None:
    enter(qtbot, desk.scan, "038190012345")
    type_where_focused(qtbot, desk, people.hoa_ready)  # the next citizen's receipt, on the list
    assert desk.view is not None and desk.view.code == people.hoa_ready
    assert not desk.results.isVisible()  # the previous citizen's list is gone
