"""Trả kết quả through the real widgets: scan, confirm, rate; every refusal says why and writes nothing.

User actions are counted as the issue counts them: a scanner burst ending in Enter is one action,
a key press is one action.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pytest
from keys import type_text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from testdata import MONDAY_9AM, TZ, reader
from waiting import writes_done

from counter_app.db.database import Database
from counter_app.db.models import AuditRecord, Dossier, Event
from counter_app.services.applicants import ApplicantInput
from counter_app.services.lookup import lookup
from counter_app.services.offices import find_actor
from counter_app.services.processing import ReturnInput, resolve, return_result, transfer
from counter_app.services.receiving import IntakeRequest, receive
from counter_app.ui.pages import return_keys
from counter_app.ui.pages import return_page as return_page_module
from counter_app.ui.pages.return_page import ReturnPage
from counter_app.ui.session import UiSession

THURSDAY_10AM = datetime(2026, 11, 26, 10, 0, tzinfo=TZ)
HONG = ApplicantInput(full_name="Nguyễn Thị Ánh Hồng", id_number="038190012345")


@dataclass(frozen=True)
class Codes:
    resolved: str
    other_resolved: str
    in_progress: str
    returned: str
    by_post: str


@pytest.fixture
def codes(sqlite_db: Database) -> Codes:
    officer = find_actor(sqlite_db, "canbo")

    def new(minute: int, **extra: object) -> str:
        request = IntakeRequest("2.001955", HONG, **extra)  # type: ignore[arg-type]
        return receive(sqlite_db, officer, request, now=MONDAY_9AM + timedelta(minutes=minute)).code

    resolved, other, in_progress, returned = new(0), new(1), new(2), new(3)
    by_post = new(4, return_method="post", postal_address="Số 5 Lê Lợi, Hạc Thành, Thanh Hóa")
    for code in (resolved, other, in_progress, returned, by_post):
        transfer(sqlite_db, officer, code, "SNV", now=MONDAY_9AM + timedelta(hours=1))
    for code in (resolved, other, returned, by_post):
        resolve(sqlite_db, officer, code, now=MONDAY_9AM + timedelta(days=2))
    return_result(
        sqlite_db,
        officer,
        returned,
        ReturnInput(receiver_name="Trần Văn Bình", receiver_id_number="038090001234", satisfaction=2),
        now=datetime(2026, 11, 25, 14, 30, tzinfo=TZ),
    )
    return Codes(resolved, other, in_progress, returned, by_post)


@pytest.fixture
def page(qtbot: QtBot, sqlite_db: Database, codes: Codes) -> ReturnPage:
    widget = ReturnPage(UiSession(sqlite_db, find_actor(sqlite_db, "canbo"), clock=lambda: THURSDAY_10AM))
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    widget.focus_start()
    return widget


def event_count(db: Database) -> int:
    with db.read() as session:
        return session.execute(select(func.count()).select_from(Event)).scalar_one()


class Actions:
    """Drives the page like the officer does and counts what the officer did."""

    def __init__(self, qtbot: QtBot, page: ReturnPage) -> None:
        self.qtbot, self.page, self.count = qtbot, page, 0

    def scan(self, code: str) -> None:
        """A keyboard-wedge scanner: a burst of keystrokes ending in Enter, each into whatever has focus."""
        for char in code:
            type_text(self.page.focusWidget(), char)  # type: ignore[arg-type]
        type_text(self.page.focusWidget(), "", enter=True)  # type: ignore[arg-type]
        writes_done(self.qtbot)  # the dossier is looked up (and its audit record written) on the write lane
        self.count += 1

    def key(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        target = self.page.focusWidget()
        assert target is not None
        self.qtbot.keyClick(target, key, modifier)
        writes_done(self.qtbot)  # an Enter that confirms: the return is written on the write lane
        self.count += 1

    def type(self, widget: object, text: str) -> None:
        type_text(widget, text)  # type: ignore[arg-type]
        self.count += 1


def test_given_resolved_dossier_when_scanned_rated_1_and_confirmed_then_returned_in_3_actions(
    qtbot: QtBot, page: ReturnPage, sqlite_db: Database, codes: Codes
) -> None:
    user = Actions(qtbot, page)
    assert page.focusWidget() is page.scan  # the cursor waits in the scan field

    user.scan(codes.resolved)
    assert page.view is not None and page.view.code == codes.resolved
    assert page.card_fields["applicant"].text().startswith("<b>Nguyễn Thị Ánh Hồng</b>")
    assert "2.001955" in page.card_fields["procedure"].text()
    assert page.card_fields["status"].text() == "<b>Đã có kết quả</b>"
    assert page.card_fields["appointment"].text() == "09:00 03/12/2026"
    assert page.card_fields["outcome"].text() == "Trước hạn (09:00 25/11/2026)"
    assert page.applicant_radio.isChecked()
    assert page.focusWidget() is page.confirm_button

    user.key(Qt.Key.Key_1)
    assert page.rating() == 1
    user.key(Qt.Key.Key_Return)

    assert user.count == 3  # target: ≤ 4
    view = lookup(sqlite_db, reader(sqlite_db), codes.resolved)
    assert view.status == "returned"
    assert view.satisfaction == 1
    assert view.returned_at == THURSDAY_10AM
    event = view.events[-1]
    assert event.kind == "return_result"
    assert event.payload["receiver"]["full_name"] == "Nguyễn Thị Ánh Hồng"  # type: ignore[index]
    assert event.payload["receiver"]["method"] == "counter"  # type: ignore[index]
    assert page.message.text() == (
        f"Đã trả kết quả hồ sơ {codes.resolved} cho Nguyễn Thị Ánh Hồng, đánh giá «Rất hài lòng»."
    )
    # Cleared, and the cursor is back in the scan field for the next citizen.
    assert page.view is None and page.scan.text() == "" and page.rating() is None
    assert page.focusWidget() is page.scan
    before = event_count(sqlite_db)
    user.key(Qt.Key.Key_Return)  # a stray Enter on the empty page does nothing
    assert event_count(sqlite_db) == before


def test_given_typed_lower_case_code_and_reasons_then_returned_with_rating_and_reasons(
    qtbot: QtBot, page: ReturnPage, sqlite_db: Database, codes: Codes
) -> None:
    qtbot.keyClicks(page.scan, codes.resolved.lower())
    qtbot.keyClick(page.scan, Qt.Key.Key_Return)
    writes_done(qtbot)
    assert page.view is not None
    qtbot.keyClick(page.confirm_button, Qt.Key.Key_4)
    page.reason_checks["time"].setChecked(True)
    page.reason_checks["other"].setChecked(True)
    type_text(page.other_reason, "phải chờ lâu", enter=True)
    assert page.focusWidget() is page.confirm_button  # Enter in a text field leads to the button
    qtbot.keyClick(page.confirm_button, Qt.Key.Key_Return)
    writes_done(qtbot)
    with sqlite_db.read() as session:
        row = session.execute(select(Dossier).where(Dossier.code == codes.resolved)).scalar_one()
        assert (row.status, row.satisfaction) == ("returned", 4)
        assert row.satisfaction_reasons == ["Thời gian", "Khác: phải chờ lâu"]


@pytest.mark.parametrize(
    ("which", "message"),
    [
        ("unknown", "Không tìm thấy hồ sơ mã «000.00.31.H56-261123-0099»."),
        ("malformed", "«HS-12345» không phải là mã hồ sơ hợp lệ (ví dụ đúng: 000.00.31.H56-261123-0001)."),
        ("in_progress", "chưa có kết quả: đang ở trạng thái «Đang giải quyết». Hẹn trả: 09:02 03/12/2026."),
        ("returned", "đã trả kết quả lúc 14:30 25/11/2026 cho Trần Văn Bình (Người được ủy quyền"),
    ],
)
def test_given_code_that_cannot_be_returned_then_message_and_nothing_written(
    qtbot: QtBot, page: ReturnPage, sqlite_db: Database, codes: Codes, which: str, message: str
) -> None:
    code = {
        "unknown": "000.00.31.H56-261123-0099",
        "malformed": "HS-12345",
        "in_progress": codes.in_progress,
        "returned": codes.returned,
    }[which]
    before = event_count(sqlite_db)
    user = Actions(qtbot, page)
    user.scan(code)
    assert message in page.message.text()
    assert not page.confirm_area.isEnabled()
    assert page.focusWidget() is page.scan  # ready for the next scan, which replaces the text
    assert page.scan.selectedText() == page.scan.text()
    user.key(Qt.Key.Key_1)
    user.key(Qt.Key.Key_Return)
    assert event_count(sqlite_db) == before
    if which == "in_progress":
        assert lookup(sqlite_db, reader(sqlite_db), code).status == "in_progress"


def test_given_authorised_person_without_id_then_message_and_nothing_written(
    qtbot: QtBot, page: ReturnPage, sqlite_db: Database, codes: Codes
) -> None:
    user = Actions(qtbot, page)
    user.scan(codes.resolved)
    user.key(Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)  # Ctrl+U: người được ủy quyền
    assert page.proxy_radio.isChecked()
    assert page.focusWidget() is page.proxy_name
    before = event_count(sqlite_db)

    page.confirm()  # no name yet
    assert page.message.text() == "Nhập họ tên người được ủy quyền nhận kết quả."
    user.type(page.proxy_name, "Trần Văn Bình")
    user.key(Qt.Key.Key_Return)
    assert page.focusWidget() is page.proxy_id
    user.key(Qt.Key.Key_Return)  # ID left empty
    user.key(Qt.Key.Key_Return)  # confirm
    assert page.message.text() == "Người nhận thay phải có số giấy tờ tùy thân."
    assert page.focusWidget() is page.proxy_id
    assert event_count(sqlite_db) == before
    assert lookup(sqlite_db, reader(sqlite_db), codes.resolved).status == "resolved"

    user.type(page.proxy_id, "038090001234")
    user.key(Qt.Key.Key_Return)
    user.key(Qt.Key.Key_2)
    user.key(Qt.Key.Key_Return)
    view = lookup(sqlite_db, reader(sqlite_db), codes.resolved)
    assert view.status == "returned" and view.satisfaction == 2
    receiver = view.events[-1].payload["receiver"]
    assert receiver == {  # type: ignore[comparison-overlap]
        "full_name": "Trần Văn Bình",
        "id_number": "038090001234",
        "relation": "Người được ủy quyền",
        "method": "counter",
        "tracking_number": "",
    }


def test_given_dossier_registered_for_post_then_post_preselected_and_tracking_number_required(
    qtbot: QtBot, page: ReturnPage, sqlite_db: Database, codes: Codes
) -> None:
    user = Actions(qtbot, page)
    user.scan(codes.by_post)
    assert page.post_radio.isChecked()
    assert page.focusWidget() is page.tracking
    assert "bưu chính" in page.card_fields["return"].text()
    user.key(Qt.Key.Key_Return)  # no tracking number → on to the button
    user.key(Qt.Key.Key_Return)
    assert page.message.text() == "Vui lòng nhập mã bưu gửi khi trả kết quả qua bưu chính."
    assert page.focusWidget() is page.tracking
    user.type(page.tracking, "EB123456789VN")
    user.key(Qt.Key.Key_Return)
    user.key(Qt.Key.Key_Return)
    view = lookup(sqlite_db, reader(sqlite_db), codes.by_post)
    assert view.status == "returned" and view.satisfaction is None
    assert view.events[-1].payload["receiver"]["tracking_number"] == "EB123456789VN"  # type: ignore[index]


def test_given_open_dossier_when_next_receipt_is_scanned_on_the_button_then_it_opens_instead(
    qtbot: QtBot, page: ReturnPage, sqlite_db: Database, codes: Codes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A scan never rates or confirms the dossier on screen, even though its digits include 1–5."""
    monkeypatch.setattr(return_keys, "RUN_GAP_S", 0.05)  # so that the test need not pause for long
    user = Actions(qtbot, page)
    user.scan(codes.resolved)
    user.key(Qt.Key.Key_3)
    assert page.focusWidget() is page.confirm_button
    before = event_count(sqlite_db)
    qtbot.wait(100)  # the officer turns to the next citizen
    user.scan(codes.other_resolved)  # lands on the confirm button, then moves to the scan field
    assert event_count(sqlite_db) == before
    assert page.view is not None and page.view.code == codes.other_resolved
    assert page.rating() is None
    assert lookup(sqlite_db, reader(sqlite_db), codes.resolved).status == "resolved"


def test_given_open_dossier_when_escape_then_cleared_and_nothing_written(
    qtbot: QtBot, page: ReturnPage, sqlite_db: Database, codes: Codes
) -> None:
    user = Actions(qtbot, page)
    user.scan(codes.resolved)
    user.key(Qt.Key.Key_5)
    before = event_count(sqlite_db)
    user.key(Qt.Key.Key_Escape)
    assert page.view is None and page.rating() is None
    assert page.focusWidget() is page.scan
    assert event_count(sqlite_db) == before


def test_given_rating_keys_then_the_same_key_again_clears_and_a_code_typed_after_them_keeps_its_digits(
    qtbot: QtBot, page: ReturnPage, sqlite_db: Database, codes: Codes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(return_keys, "RUN_GAP_S", 0.05)
    user = Actions(qtbot, page)
    user.scan(codes.resolved)
    user.key(Qt.Key.Key_2)
    qtbot.wait(100)
    user.key(Qt.Key.Key_2)
    assert page.rating() is None
    qtbot.wait(100)
    user.key(Qt.Key.Key_4)
    qtbot.wait(100)
    # A code whose unit identifier starts with 1–5, typed on the button: its digits are not ratings.
    for key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_Period):
        qtbot.keyClick(page.focusWidget(), key)
    assert page.focusWidget() is page.scan
    assert page.scan.text() == "12."
    assert page.rating() == 4  # what was chosen before the code began
    assert lookup(sqlite_db, reader(sqlite_db), codes.resolved).status == "resolved"


# ------------------------------------------------------------------ the dossier, read off the GUI thread
class SlowLookups:
    """``lookup`` on the return page, held at its first call until ``release`` is set; the codes asked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.entered, self.release = threading.Event(), threading.Event()
        self.asked: list[str] = []
        real = return_page_module.lookup

        def slow(db: Database, actor: Any, code: str, *args: Any, **kwargs: Any) -> Any:
            self.asked.append(code)
            if not self.entered.is_set():
                self.entered.set()
                assert self.release.wait(20)
            return real(db, actor, code, *args, **kwargs)

        monkeypatch.setattr(return_page_module, "lookup", slow)


def viewed(db: Database) -> list[str]:
    """The dossiers the audit trail says were opened, in the order written."""
    with db.read() as session:
        query = select(AuditRecord.subject).where(AuditRecord.action == "dossier_viewed")
        return list(session.execute(query.order_by(AuditRecord.seq)).scalars())


def test_given_enter_twice_while_the_code_is_looked_up_then_one_card_and_confirm_only_once_it_arrived(
    qtbot: QtBot, page: ReturnPage, sqlite_db: Database, codes: Codes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lookup (and its audit record) runs on the write lane: while it runs the card says which
    dossier is coming and nothing can be confirmed or rated; Enter again (a scanner's double read)
    looks nothing up twice; the confirm area opens when the dossier has arrived."""
    slow = SlowLookups(monkeypatch)
    before, events_before = viewed(sqlite_db), event_count(sqlite_db)
    qtbot.keyClicks(page.scan, codes.resolved)
    qtbot.keyClick(page.scan, Qt.Key.Key_Return)
    assert slow.entered.wait(10)
    qtbot.keyClick(page.scan, Qt.Key.Key_Return)  # again, while it is being looked up
    assert page.focusWidget() is page.scan
    assert page.card_title.text() == f"Đang mở hồ sơ {codes.resolved}…"
    assert page.view is None and not page.confirm_area.isEnabled()
    page.rate(1)
    page.confirm()
    assert page.rating() is None and not page.confirm_area.isEnabled()

    slow.release.set()
    writes_done(qtbot)

    assert slow.asked == [codes.resolved]  # looked up once
    assert viewed(sqlite_db) == [*before, codes.resolved]  # and recorded once
    assert page.view is not None and page.view.code == codes.resolved
    assert page.card_title.text() == codes.resolved
    assert page.confirm_area.isEnabled() and page.focusWidget() is page.confirm_button
    assert event_count(sqlite_db) == events_before  # nothing returned by the presses meanwhile
    assert lookup(sqlite_db, reader(sqlite_db), codes.resolved).status == "resolved"


def test_given_a_code_being_looked_up_when_the_next_receipt_is_scanned_then_only_the_second_opens(
    qtbot: QtBot, page: ReturnPage, codes: Codes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first receipt's dossier is slow to come; the next receipt is scanned meanwhile: the
    first, arriving late, is dropped — its card is never shown, the second one is."""
    slow = SlowLookups(monkeypatch)
    cards: list[str] = []
    show_card = page._show_card
    monkeypatch.setattr(page, "_show_card", lambda view: (cards.append(view.code), show_card(view)))
    user = Actions(qtbot, page)
    qtbot.keyClicks(page.scan, codes.resolved)
    qtbot.keyClick(page.scan, Qt.Key.Key_Return)
    assert slow.entered.wait(10)
    page.scan.selectAll()
    qtbot.keyClicks(page.scan, codes.other_resolved)
    qtbot.keyClick(page.scan, Qt.Key.Key_Return)
    assert page.card_title.text() == f"Đang mở hồ sơ {codes.other_resolved}…"
    slow.release.set()
    writes_done(qtbot)

    assert slow.asked == [codes.resolved, codes.other_resolved]
    assert cards == [codes.other_resolved]  # the first, arriving late, was dropped
    assert page.view is not None and page.view.code == codes.other_resolved
    assert page.card_title.text() == codes.other_resolved and page.scan.text() == codes.other_resolved
    assert page.confirm_area.isEnabled()
    user.key(Qt.Key.Key_Escape)
    assert page.view is None and page.card_title.text() == "Chưa mở hồ sơ nào."
