"""The main window: pages on F-keys, the officer, office and database in the status bar; the pages
wired together (F3 follows F2 and F4), the saved slip's path in full, no filled form lost on close."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from testdata import MONDAY_9AM, TEST_PROCEDURES
from waiting import writes_done

from counter_app.db.database import Database
from counter_app.paths import resolve_paths
from counter_app.services.applicants import ApplicantInput
from counter_app.services.offices import find_actor
from counter_app.services.processing import resolve
from counter_app.services.receiving import IntakeRequest, receive, refuse
from counter_app.ui.login_dialog import LoginDialog
from counter_app.ui.main_window import MainWindow
from counter_app.ui.session import UiSession


def make_window(qtbot: QtBot, db: Database) -> MainWindow:
    window = MainWindow(UiSession(db, find_actor(db, "canbo")))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()  # window shortcuts (F1…) need the active window
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_given_officer_when_window_opens_then_status_bar_names_officer_office_and_database(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    window = make_window(qtbot, sqlite_db)
    text = window.status_label.text()
    assert "Nguyễn Thị Lan (Cán bộ một cửa)" in text
    assert "Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa" in text
    assert sqlite_db.label in text
    assert window.tabs.currentWidget() is window.receive_page


def test_given_function_keys_then_pages_switch(qtbot: QtBot, sqlite_db: Database) -> None:
    window = make_window(qtbot, sqlite_db)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F1)
    assert window.tabs.currentWidget() is window.guide_page
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F6)
    assert window.tabs.currentWidget() is window.catalog_page
    assert window.catalog_page.picker.model.rowCount() == len(TEST_PROCEDURES)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F2)
    assert window.tabs.currentWidget() is window.receive_page


def test_given_wrong_password_when_logging_in_then_message_and_no_actor(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    dialog = LoginDialog(sqlite_db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "canbo")
    qtbot.keyClicks(dialog.password, "sai")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor is None
    assert dialog.error.text() == "Tên đăng nhập hoặc mật khẩu không đúng."
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, "demo")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor is not None and dialog.actor.username == "canbo"


# ------------------------------------------------------------------------------------------ wiring
def test_given_a_dossier_received_on_f2_then_f3_lists_it_without_a_refresh(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    window = make_window(qtbot, sqlite_db)
    assert window.track_page.model.codes() == []  # F3 read its list when the window opened
    officer = find_actor(sqlite_db, "canbo")
    result = receive(
        sqlite_db, officer, IntakeRequest("2.001955", ApplicantInput("Lê Văn An")), now=MONDAY_9AM
    )
    window.receive_page.received.emit(result)  # what the receive page says after accepting
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F3)
    assert window.tabs.currentWidget() is window.track_page
    assert window.track_page.model.codes() == [result.code]

    # Shown while it happens (a refusal, a return elsewhere): re-read at once.
    request = IntakeRequest("2.001955", ApplicantInput("Lê Thị Bé"))
    refused = refuse(
        sqlite_db, officer, request, "Không thuộc thẩm quyền", now=MONDAY_9AM + timedelta(hours=1)
    )
    window.receive_page.refused.emit(refused)
    assert window.track_page.model.codes() == [refused.code, result.code]


class SavingPrinter:
    """No printer: the slip is saved, and the sentence names the file (as SlipPrinter says it)."""

    def print_slip(
        self, kind: str, pdf_bytes: bytes, saved_path: Path | None, *, preview: bool = False
    ) -> str:
        return f"Không có máy in: phiếu đã được lưu tại {saved_path} và mở để xem."


def test_given_a_slip_saved_to_a_file_then_the_status_bar_gives_its_whole_path(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path
) -> None:
    deep = tmp_path / ("thư mục rất dài của văn phòng một cửa " * 3).strip()
    session = UiSession(sqlite_db, find_actor(sqlite_db, "canbo"), resolve_paths(deep).ensure())
    window = MainWindow(session, printer=SavingPrinter())
    qtbot.addWidget(window)
    window.resize(900, 600)  # narrower than the sentence: the path would be cut off
    window.show()
    qtbot.waitExposed(window)
    result = receive(
        sqlite_db, session.actor, IntakeRequest("2.001955", ApplicantInput("Lê Văn An")), now=MONDAY_9AM
    )
    window.desk.issue("receipt", result.code)  # issued, archived and "printed": saved to a file
    writes_done(qtbot)

    slip = window.desk.last
    assert slip is not None and slip.path.is_file()
    status = window.status_message
    sentence = f"Không có máy in: phiếu đã được lưu tại {slip.path} và mở để xem."
    assert status.path() == slip.path
    assert status.label.text() == sentence and status.label.toolTip() == sentence
    # The message first: the officer/office/database label gives up its width (elided, whole in
    # its tooltip) down to a quarter of the bar.
    qtbot.waitUntil(lambda: status.label.width() > window.status_label.width() > 0)
    shown = status.label.shown_text()
    assert shown != sentence and "…" in shown  # too narrow: shortened in the path's middle …
    assert shown.startswith("Không có máy in: phiếu đã được lưu tại ") and shown.endswith(
        ".pdf và mở để xem."
    )
    assert status.copy_button.isVisible() and status.open_button.isVisible()
    status.copy_button.click()  # … and the whole path is one click away
    assert QApplication.clipboard().text() == str(slip.path)
    assert status.copy_button.text() == "Đã sao chép"

    window.desk.said.emit("Đã in 1 trang trên Máy in quầy 1.")  # a message without a file
    assert status.path() is None and not status.copy_button.isVisible()


# ------------------------------------------------------------------------------------------ closing
@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, object]]:
    """QMessageBox.question, answered No then Yes; each question and its default button noted."""
    asked: list[tuple[str, object]] = []
    replies = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])

    def question(_parent: object, _title: str, text: str, _buttons: object, default: object) -> object:
        asked.append((text, default))
        return next(replies)

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_given_a_filled_form_when_closing_then_asked_and_no_keeps_the_window(
    qtbot: QtBot, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch, answers: list[tuple[str, object]]
) -> None:
    window = make_window(qtbot, sqlite_db)
    window.show_page(window.track_page)
    # The receive page reports a filled form (its own has_unsaved_input, or this stand-in for it).
    monkeypatch.setattr(window.receive_page, "has_unsaved_input", lambda: True, raising=False)
    assert window.close() is False
    assert window.isVisible()
    assert window.tabs.currentWidget() is window.receive_page  # shown: what would be lost
    assert answers == [
        (
            "Trang đang mở có thông tin đã nhập nhưng chưa lưu. Đóng chương trình và bỏ thông tin này?",
            QMessageBox.StandardButton.No,  # the default: Enter keeps the form
        )
    ]
    assert window.close() is True
    assert not window.isVisible()


def test_given_nothing_typed_when_closing_then_not_asked(
    qtbot: QtBot, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch, answers: list[tuple[str, object]]
) -> None:
    window = make_window(qtbot, sqlite_db)
    monkeypatch.setattr(window.receive_page, "has_unsaved_input", lambda: False, raising=False)
    assert window.unsaved_pages() == []
    assert window.close() is True
    assert answers == []


def test_given_a_result_about_to_be_returned_with_a_rating_then_closing_asks(
    qtbot: QtBot, sqlite_db: Database, answers: list[tuple[str, object]]
) -> None:
    officer = find_actor(sqlite_db, "canbo")
    code = receive(
        sqlite_db, officer, IntakeRequest("2.001955", ApplicantInput("Lê Văn An")), now=MONDAY_9AM
    ).code
    resolve(sqlite_db, officer, code, now=MONDAY_9AM + timedelta(days=1))
    window = make_window(qtbot, sqlite_db)
    window.show_page(window.return_page)
    window.return_page.open_code(code)
    writes_done(qtbot)  # the dossier is read (and its audit record written) on the write lane
    assert window.return_page not in window.unsaved_pages()  # opened, nothing entered yet
    window.return_page.rate(2)
    assert window.return_page in window.unsaved_pages()
    assert window.close() is False and len(answers) == 1
