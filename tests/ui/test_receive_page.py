"""Receiving through the real widgets: QR pre-fill, accept, supplement, refuse, bad input, double submit."""

from __future__ import annotations

from datetime import datetime

import pytest
from keys import type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from testdata import MONDAY_9AM, audit_of, reader
from waiting import writes_done

from counter_app.db.database import Database
from counter_app.db.models import Dossier, PendingIntake
from counter_app.services.lookup import lookup
from counter_app.services.office_catalog import set_enabled
from counter_app.services.offices import find_actor
from counter_app.services.receiving import receive
from counter_app.ui.pages.guide_page import GuidePage
from counter_app.ui.pages.receive_page import ReceivePage
from counter_app.ui.session import UiSession

QR = "038190012345||Nguyễn Thị Ánh Hồng|01051990|Nữ|Số 5 đường Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa|15082021"


@pytest.fixture
def page(qtbot: QtBot, sqlite_db: Database) -> ReceivePage:
    widget = ReceivePage(UiSession(sqlite_db, find_actor(sqlite_db, "canbo"), clock=lambda: MONDAY_9AM))
    qtbot.addWidget(widget)
    widget.show()
    return widget


def dossier_count(db: Database) -> int:
    with db.read() as session:
        return session.execute(select(func.count()).select_from(Dossier)).scalar_one()


def choose(qtbot: QtBot, page: ReceivePage, text: str) -> None:
    qtbot.keyClicks(page.picker.search, text)
    qtbot.keyClick(page.picker.search, Qt.Key.Key_Return)


def test_given_qr_scan_into_id_field_then_form_filled_and_marked_as_read(
    qtbot: QtBot, page: ReceivePage
) -> None:
    type_text(page.applicant.id_number, QR)

    form = page.applicant
    assert form.id_number.text() == "038190012345"
    assert form.full_name.text() == "Nguyễn Thị Ánh Hồng"
    assert form.birth_date.text() == "01/05/1990"
    assert form.sex.currentData() == "female"
    assert form.address.text().startswith("Số 5 đường Lê Lợi")
    assert "đọc từ thẻ CCCD" in form.card_label.text()
    assert form.read_from_card


def test_given_scan_procedure_and_accept_then_dossier_received_with_events(
    qtbot: QtBot, page: ReceivePage, sqlite_db: Database
) -> None:
    type_text(page.applicant.id_number, QR)
    choose(qtbot, page, "noi quy")
    assert "Đăng ký nội quy lao động" in page.procedure_label.text()
    assert "03/12/2026" in page.appointment_label.text()
    qtbot.mouseClick(page.accept_button, Qt.MouseButton.LeftButton)
    writes_done(qtbot)

    assert page.last_result is not None
    assert page.last_result.code == "000.00.31.H56-261123-0001"
    view = lookup(sqlite_db, reader(sqlite_db), page.last_result.code)
    assert view.applicant_name == "Nguyễn Thị Ánh Hồng"
    assert [e.kind for e in view.events] == ["received"]
    assert "Đã tiếp nhận hồ sơ 000.00.31.H56-261123-0001" in page.message.text()
    assert page.applicant.id_number.text() == ""  # ready for the next citizen


def test_given_accept_double_clicked_then_one_dossier(
    qtbot: QtBot, page: ReceivePage, sqlite_db: Database
) -> None:
    type_text(page.applicant.id_number, QR)
    choose(qtbot, page, "2.001955")
    qtbot.mouseDClick(page.accept_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.accept_button, Qt.MouseButton.LeftButton)
    writes_done(qtbot)
    assert dossier_count(sqlite_db) == 1
    # The later presses met the cleared form: nothing happens and the success stays on screen.
    assert page.message.text().startswith("Đã tiếp nhận hồ sơ 000.00.31.H56-261123-0001")


def test_given_same_form_submitted_twice_then_service_returns_the_same_dossier(
    qtbot: QtBot, page: ReceivePage, sqlite_db: Database
) -> None:
    type_text(page.applicant.id_number, QR)
    choose(qtbot, page, "2.001955")
    request = page._request()
    assert request is not None

    def submit(req: object) -> object:
        return receive(sqlite_db, page._session.actor, req, now=MONDAY_9AM)  # type: ignore[arg-type]

    results: list[object] = []
    assert page._run(submit, results.append)
    writes_done(qtbot)
    assert page._run(submit, results.append)
    writes_done(qtbot)
    first, again = results
    assert first.code == again.code  # type: ignore[attr-defined]
    assert dossier_count(sqlite_db) == 1


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("id_number", "12345", "12 chữ số"),
        ("phone", "0123", "số"),
    ],
)
def test_given_invalid_field_when_accepting_then_inline_message_and_nothing_written(
    qtbot: QtBot, page: ReceivePage, sqlite_db: Database, field: str, text: str, message: str
) -> None:
    type_text(page.applicant.full_name, "Trần Văn Bình")
    qtbot.keyClicks(getattr(page.applicant, field), text)
    choose(qtbot, page, "noi quy")
    page.accept_dossier()
    writes_done(qtbot)

    assert not page.applicant.errors[field].isHidden()
    assert message in page.applicant.errors[field].text()
    assert dossier_count(sqlite_db) == 0


def test_given_unticked_required_document_then_supplement_slip_and_return_visit_prefilled(
    qtbot: QtBot, page: ReceivePage, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    type_text(page.applicant.id_number, QR)
    choose(qtbot, page, "noi quy")
    page.checklist.item(1, 0).setCheckState(Qt.CheckState.Unchecked)
    page.accept_dossier()
    writes_done(qtbot)
    assert "thiếu 1 giấy tờ bắt buộc" in page.message.text()
    assert dossier_count(sqlite_db) == 0

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Thiếu văn bản đề nghị", True))
    page.request_supplement()
    writes_done(qtbot)
    with sqlite_db.read() as session:
        assert session.execute(select(func.count()).select_from(PendingIntake)).scalar_one() == 1
    assert "Văn bản đề nghị đăng ký nội quy lao động" in page.message.text()

    # The applicant comes back: scanning the card pre-fills the procedure and the ticks (looked up
    # on the write lane, and written to the audit trail before it is shown).
    type_text(page.applicant.id_number, QR)
    writes_done(qtbot)
    assert page.record is not None and page.record.code == "2.001955"
    assert [(a, w) for a, w, _d in audit_of(sqlite_db, "applicant_prefilled")] == [
        ("applicant_prefilled", "canbo")
    ]
    assert page.pending_id is not None
    assert 2 not in page.ticked()
    page.checklist.item(1, 0).setCheckState(Qt.CheckState.Checked)
    page.accept_dossier()
    writes_done(qtbot)
    assert dossier_count(sqlite_db) == 1


def test_given_refusal_without_reason_then_message_and_nothing_written(
    qtbot: QtBot, page: ReceivePage, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    type_text(page.applicant.id_number, QR)
    choose(qtbot, page, "noi quy")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("  ", True))
    page.refuse_dossier()
    writes_done(qtbot)
    assert page.message.text() == "Vui lòng ghi rõ lý do từ chối tiếp nhận."
    assert dossier_count(sqlite_db) == 0
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Không thuộc thẩm quyền", True))
    page.refuse_dossier()
    writes_done(qtbot)
    assert dossier_count(sqlite_db) == 1


def test_given_post_return_without_address_then_message(
    qtbot: QtBot, page: ReceivePage, sqlite_db: Database
) -> None:
    type_text(page.applicant.id_number, QR)
    choose(qtbot, page, "noi quy")
    page.return_box.setCurrentIndex(1)
    page.accept_dossier()
    writes_done(qtbot)
    assert page.message.text() == "Vui lòng nhập địa chỉ nhận kết quả qua bưu chính."
    assert dossier_count(sqlite_db) == 0


def test_given_clock_then_receipt_uses_it(page: ReceivePage) -> None:
    assert page._session.now() == MONDAY_9AM
    assert isinstance(page._session.now(), datetime)


# ----------------------------------------------------------------------------- messages go when fixed
def test_given_field_error_when_field_fixed_then_its_messages_go_and_success_leaves_none(
    qtbot: QtBot, page: ReceivePage, sqlite_db: Database
) -> None:
    type_text(page.applicant.id_number, QR)
    qtbot.keyClicks(page.applicant.phone, "0123")
    choose(qtbot, page, "noi quy")
    page.accept_dossier()
    writes_done(qtbot)
    assert not page.applicant.errors["phone"].isHidden()
    assert page.message.text() == "Thông tin người nộp chưa hợp lệ."
    qtbot.keyClick(page.applicant.phone, Qt.Key.Key_Backspace)  # the phone changes: its message goes
    assert page.applicant.errors["phone"].isHidden()
    assert page.message.text() == ""
    page.applicant.phone.clear()
    page.accept_dossier()
    writes_done(qtbot)
    assert page.last_result is not None and dossier_count(sqlite_db) == 1
    assert all(label.isHidden() for label in page.applicant.errors.values())
    assert page.banner.isVisible() and page.banner.code == page.last_result.code


def test_given_postal_error_when_address_typed_then_message_goes(
    qtbot: QtBot, page: ReceivePage, sqlite_db: Database
) -> None:
    type_text(page.applicant.id_number, QR)
    choose(qtbot, page, "noi quy")
    page.return_box.setCurrentIndex(1)
    page.accept_dossier()
    writes_done(qtbot)
    assert page.message.text() == "Vui lòng nhập địa chỉ nhận kết quả qua bưu chính."
    type_text(page.postal_address, "Số 1 Lê Lợi")
    assert page.message.text() == ""


def test_given_missing_required_document_when_ticked_then_message_goes(
    qtbot: QtBot, page: ReceivePage, sqlite_db: Database
) -> None:
    type_text(page.applicant.id_number, QR)
    choose(qtbot, page, "noi quy")
    page.checklist.set_ticked(2, False)
    page.accept_dossier()
    writes_done(qtbot)
    assert "thiếu 1 giấy tờ bắt buộc" in page.message.text()
    page.checklist.set_ticked(2, True)
    assert page.message.text() == ""


# ----------------------------------------------------------------------------- Esc never loses input
def answer(monkeypatch: pytest.MonkeyPatch, reply: QMessageBox.StandardButton) -> list[tuple[object, ...]]:
    asked: list[tuple[object, ...]] = []

    def question(*args: object) -> QMessageBox.StandardButton:
        asked.append(args)
        return reply

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


@pytest.mark.parametrize("fill", ["typed name", "procedure only", "scanned card"])
def test_given_filled_form_when_esc_then_asked_and_no_keeps_everything(
    qtbot: QtBot, page: ReceivePage, monkeypatch: pytest.MonkeyPatch, fill: str
) -> None:
    if fill == "typed name":
        type_text(page.applicant.full_name, "Trần Văn Bình")
    elif fill == "procedure only":
        choose(qtbot, page, "noi quy")
    else:
        type_text(page.applicant.id_number, QR)
    assert page.has_unsaved_input()
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    qtbot.keyClick(page.applicant.email, Qt.Key.Key_Escape)
    assert len(asked) == 1
    _parent, title, text, buttons, default = asked[0]
    assert title == "Xóa thông tin đang nhập?" and "chưa được tiếp nhận" in str(text)
    assert default == QMessageBox.StandardButton.No  # Enter by habit keeps the form
    assert page.has_unsaved_input()  # nothing lost
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    assert not page.has_unsaved_input() and page.applicant.full_name.text() == ""


def test_given_empty_form_when_esc_then_cleared_without_a_question(
    qtbot: QtBot, page: ReceivePage, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    page.picker.search.setText("noi")  # a search is not input that matters
    qtbot.keyClick(page.applicant.id_number, Qt.Key.Key_Escape)
    assert asked == [] and page.picker.search.text() == ""


def test_given_accepted_dossier_then_form_is_empty_and_esc_asks_nothing(
    qtbot: QtBot, page: ReceivePage, monkeypatch: pytest.MonkeyPatch
) -> None:
    type_text(page.applicant.id_number, QR)
    choose(qtbot, page, "noi quy")
    page.accept_dossier()
    writes_done(qtbot)
    assert not page.has_unsaved_input() and page.confirm_discard()
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    qtbot.keyClick(page.applicant.id_number, Qt.Key.Key_Escape)
    assert asked == [] and not page.banner.isVisible()  # Esc also puts the banner away


def test_given_procedure_the_office_does_not_receive_then_the_receive_picker_leaves_it_out(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    set_enabled(sqlite_db, find_actor(sqlite_db, "quantri"), "2.001955", False, now=MONDAY_9AM)
    session = UiSession(sqlite_db, find_actor(sqlite_db, "canbo"), clock=lambda: MONDAY_9AM)
    receive_page, guide_page = ReceivePage(session), GuidePage(session)
    for widget in (receive_page, guide_page):
        qtbot.addWidget(widget)
        widget.picker.search.setText("noi quy lao dong")

    def codes(widget: ReceivePage | GuidePage) -> list[str]:
        model = widget.picker.model
        return [model.index(row, 0).data() for row in range(model.rowCount())]

    qtbot.waitUntil(lambda: "2.001955" in codes(guide_page))  # the guide still explains it
    assert "2.001955" not in codes(receive_page)
