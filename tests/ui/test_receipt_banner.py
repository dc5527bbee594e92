"""The receipt moment: the banner paints the code and appointment as soon as the accept is saved
(on the write lane), the receipt PDF renders off the GUI thread after it, printing runs on the GUI
thread, and the banner then says where the receipt went."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextEdit
from pytestqt.qtbot import QtBot
from receive_support import QR, key, typed, wedge
from sqlalchemy import func, select
from testdata import MONDAY_9AM, reader

from counter_app.db.database import Database
from counter_app.db.models import Dossier
from counter_app.domain.errors import ValidationError
from counter_app.paths import resolve_paths
from counter_app.services.lookup import lookup
from counter_app.services.offices import find_actor
from counter_app.ui import slip_desk
from counter_app.ui.main_window import MainWindow
from counter_app.ui.printing import PrintOutcome
from counter_app.ui.session import UiSession
from counter_app.ui.worker import wait_for_detached

GUI_THREAD = threading.get_ident()


class Printer:
    """Prints (in memory) and notes on which thread it was asked to."""

    def __init__(self, state: str = "printed", error: OSError | None = None) -> None:
        self.state, self.error = state, error
        self.jobs: list[tuple[str, Path | None, int]] = []

    def print_outcome(
        self, kind: str, pdf_bytes: bytes, saved_path: Path | None, *, preview: bool = False
    ) -> PrintOutcome:
        self.jobs.append((kind, saved_path, threading.get_ident()))
        if self.error is not None:
            raise self.error
        if self.state == "saved":
            return PrintOutcome(f"Không có máy in: phiếu đã được lưu tại {saved_path}.", "saved")
        return PrintOutcome("Đã in 1 trang trên Máy in quầy 1.", "printed")

    def print_slip(
        self, kind: str, pdf_bytes: bytes, saved_path: Path | None, *, preview: bool = False
    ) -> str:
        return self.print_outcome(kind, pdf_bytes, saved_path, preview=preview).message


@pytest.fixture
def make_window(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path
) -> Iterator[Callable[[Printer], MainWindow]]:
    def make(printer: Printer) -> MainWindow:
        session = UiSession(
            sqlite_db,
            find_actor(sqlite_db, "canbo"),
            resolve_paths(tmp_path).ensure(),
            clock=lambda: MONDAY_9AM,
        )
        window = MainWindow(session, printer=printer)  # type: ignore[arg-type]
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    yield make
    wait_for_detached()


@pytest.fixture
def render_threads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The threads the receipt PDFs were rendered on."""
    seen: list[int] = []
    real = slip_desk.issue_or_reprint

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(slip_desk, "issue_or_reprint", spy)
    return seen


def receive(window: MainWindow, procedure: str = "noi quy") -> None:
    page = window.receive_page
    wedge(QR, enter=True)
    typed(procedure, enter=True)
    assert page.record is not None
    key(page.picker.search, Qt.Key.Key_Return, "\r", Qt.KeyboardModifier.ControlModifier)


def accepted(qtbot: QtBot, window: MainWindow) -> None:
    """The accept has been saved and its banner is up (the receipt comes after)."""
    qtbot.waitUntil(lambda: window.receive_page.last_result is not None)


def settled(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(
        lambda: window.receive_page.banner.state not in ("", "pending", "printing"), timeout=20_000
    )


def dossiers(db: Database) -> int:
    with db.read() as session:
        return session.execute(select(func.count()).select_from(Dossier)).scalar_one()


def test_given_accept_then_banner_first_receipt_rendered_off_the_gui_thread_then_printed_on_it(
    qtbot: QtBot, make_window: Callable[[Printer], MainWindow], render_threads: list[int], sqlite_db: Database
) -> None:
    printer = Printer()
    window = make_window(printer)
    page = window.receive_page
    banner = page.banner
    # As soon as the accept is saved (the moment the page announces it): the banner is up, the
    # receipt not printed yet.
    at_once: list[tuple[bool, str, str, str, str, int]] = []
    page.received.connect(
        lambda result: at_once.append(
            (
                banner.isVisible(),
                banner.code_label.text() == result.code and result.code,
                banner.appointment_label.text(),
                banner.state,
                banner.receipt_label.text(),
                len(printer.jobs),
            )
        )
    )
    receive(window)
    accepted(qtbot, window)
    assert page.last_result is not None
    assert at_once == [
        (
            True,
            page.last_result.code,
            "Thứ Năm, 03/12/2026 lúc 09:00",
            "pending",
            "Đang lập giấy tiếp nhận…",
            0,
        )
    ]
    settled(qtbot, window)
    assert banner.state == "printed" and banner.receipt_label.text() == "Đã in 1 trang trên Máy in quầy 1."
    assert render_threads and all(t != GUI_THREAD for t in render_threads)
    assert [(kind, thread) for kind, _, thread in printer.jobs] == [("receipt", GUI_THREAD)]
    # Ctrl+Enter again on the emptied form: no second dossier, no second receipt.
    key(page.picker.search, Qt.Key.Key_Return, "\r", Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(50)
    assert dossiers(sqlite_db) == 1 and len(printer.jobs) == 1
    assert banner.isVisible() and banner.code == page.last_result.code


def test_given_no_printer_then_banner_shows_the_whole_path_of_the_saved_receipt(
    qtbot: QtBot, make_window: Callable[[Printer], MainWindow]
) -> None:
    window = make_window(Printer("saved"))
    window.resize(900, 700)  # a narrow window: the path wraps instead of being cut
    receive(window)
    settled(qtbot, window)
    banner = window.receive_page.banner
    assert banner.state == "saved" and "đã lưu vào tệp" in banner.receipt_label.text()
    path_view: QTextEdit = banner.path_view
    path = Path(path_view.toPlainText())
    assert path_view.isVisible() and path.exists() and path.suffix == ".pdf"
    assert path_view.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    qtbot.wait(10)
    assert path_view.verticalScrollBar().maximum() == 0  # all of it visible, nothing scrolled away
    assert path_view.document().size().width() <= path_view.viewport().width() + 1


@pytest.mark.expect_log("printing receipt failed")
def test_given_printer_fails_then_banner_says_so_and_dossier_stays_received(
    qtbot: QtBot, make_window: Callable[[Printer], MainWindow], sqlite_db: Database
) -> None:
    window = make_window(Printer(error=OSError("máy in hết giấy")))
    receive(window)
    settled(qtbot, window)
    page = window.receive_page
    banner = page.banner
    assert banner.state == "print_failed"
    assert "máy in hết giấy" in banner.receipt_label.text()
    assert "Hồ sơ vẫn đã được tiếp nhận" in banner.receipt_label.text()
    assert Path(banner.path_view.toPlainText()).exists()  # re-printable from the saved file
    assert page.last_result is not None
    assert lookup(sqlite_db, reader(sqlite_db), page.last_result.code).status == "received"


def test_given_receipt_cannot_be_made_then_banner_says_so_and_dossier_stays_received(
    qtbot: QtBot,
    make_window: Callable[[Printer], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
    sqlite_db: Database,
) -> None:
    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise ValidationError("Không dựng được trang in.")

    monkeypatch.setattr(slip_desk, "issue_or_reprint", broken)
    printer = Printer()
    window = make_window(printer)
    receive(window)
    settled(qtbot, window)
    banner = window.receive_page.banner
    assert banner.state == "not_issued" and "Không dựng được trang in." in banner.receipt_label.text()
    assert printer.jobs == [] and dossiers(sqlite_db) == 1


def test_given_procedure_without_appointment_then_banner_says_there_is_none(
    qtbot: QtBot, make_window: Callable[[Printer], MainWindow]
) -> None:
    window = make_window(Printer())
    receive(window, "1.001022")
    accepted(qtbot, window)
    assert window.receive_page.banner.appointment_label.text() == "Không hẹn ngày trả kết quả"
    settled(qtbot, window)


def test_given_banner_when_next_citizen_scanned_then_banner_goes(
    qtbot: QtBot, make_window: Callable[[Printer], MainWindow]
) -> None:
    window = make_window(Printer())
    receive(window)
    settled(qtbot, window)
    page = window.receive_page
    assert page.banner.isVisible()
    page.focus_start()
    wedge(QR, enter=True)
    assert not page.banner.isVisible()
    page.clear()  # closing a window with a filled form would ask first
