"""End to end through the main window: receive → transfer → resolve → return by scan, each with its slip."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from keys import type_text
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from testdata import MONDAY_9AM, reader
from waiting import writes_done

from counter_app.db.database import Database
from counter_app.paths import resolve_paths
from counter_app.services.lookup import lookup
from counter_app.services.offices import find_actor
from counter_app.services.processing import resolve, transfer
from counter_app.ui.main_window import MainWindow
from counter_app.ui.pages.receive_page import ReceivePage
from counter_app.ui.session import UiSession
from counter_app.ui.worker import wait_for_detached

QR = "038190012345||Nguyễn Thị Ánh Hồng|01051990|Nữ|Số 5 đường Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa|15082021"


class FakePrinter:
    """Stands for the office printer: keeps what it was asked to print."""

    def __init__(self) -> None:
        self.jobs: list[tuple[str, bytes, Path | None]] = []
        self.previewed: list[str] = []

    def print_slip(
        self, kind: str, pdf_bytes: bytes, saved_path: Path | None, *, preview: bool = False
    ) -> str:
        self.jobs.append((kind, pdf_bytes, saved_path))
        if preview:
            self.previewed.append(kind)
        return f"Đã in {kind}."


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def received(qtbot: QtBot, page: ReceivePage) -> None:
    """The accept ran on the write lane and the banner is up (the receipt may still be rendering)."""
    qtbot.waitUntil(lambda: page.last_result is not None)


def receipt_done(qtbot: QtBot, page: ReceivePage) -> None:
    """The receipt renders in the background: wait until the banner says where it went."""
    qtbot.waitUntil(lambda: page.banner.state not in ("", "pending", "printing"), timeout=20_000)


@pytest.fixture
def window(qtbot: QtBot, sqlite_db: Database, tmp_path: Path) -> Iterator[MainWindow]:
    clock = Clock(MONDAY_9AM)
    session = UiSession(
        sqlite_db, find_actor(sqlite_db, "canbo"), resolve_paths(tmp_path).ensure(), clock=clock
    )
    main = MainWindow(session, printer=FakePrinter())
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    yield main
    wait_for_detached()  # no receipt may still be rendering when the database goes


def text_of(pdf: bytes) -> str:
    from io import BytesIO

    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)


def test_given_counter_day_then_every_step_prints_its_slip_and_scan_returns_the_result(
    qtbot: QtBot, window: MainWindow, sqlite_db: Database
) -> None:
    printer: FakePrinter = window.desk.printer  # type: ignore[assignment]
    page = window.receive_page
    actions = 0
    assert window.focusWidget() is page.applicant.id_number  # typing starts in the CCCD field
    type_text(page.applicant.id_number, QR)  # 1: scan the chip card's QR
    actions += 1
    assert window.focusWidget() is page.picker.search  # the card filled the form: on to the procedure
    type_text(page.picker.search, "noi quy")  # 2: a few letters of the procedure, no tone marks
    qtbot.keyClick(page.picker.search, Qt.Key.Key_Return)  # 3: choose it (all documents are ticked)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # 4: accept
    actions += 3
    assert actions == 4  # target: a typical dossier in ≤ 12 user actions, receipt printed

    received(qtbot, page)
    assert page.last_result is not None
    code = page.last_result.code
    assert page.banner.isVisible() and page.banner.code_label.text() == code  # at once, before the receipt
    assert page.banner.appointment_label.text() == "Thứ Năm, 03/12/2026 lúc 09:00"
    receipt_done(qtbot, page)
    assert page.banner.state == "printed" and page.banner.receipt_label.text() == "Đã in receipt."
    kind, pdf, path = printer.jobs[-1]
    assert kind == "receipt"
    assert path is not None and path.exists() and path.read_bytes() == pdf
    assert code in text_of(pdf) and "Nguyễn Thị Ánh Hồng" in text_of(pdf)

    # The specialist unit works on it (through the services: the track page has its own tests).
    officer = window.session.actor
    transfer(sqlite_db, officer, code, "SNV", now=MONDAY_9AM + timedelta(hours=1))
    resolve(sqlite_db, officer, code, now=MONDAY_9AM + timedelta(days=2))

    # The citizen comes back: F4, scan the receipt, rate 1, confirm.
    window.session.clock.now = MONDAY_9AM + timedelta(days=3)  # type: ignore[attr-defined]
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_F4)
    assert window.tabs.currentWidget() is window.return_page
    type_text(window.return_page.focusWidget(), code, enter=True)
    writes_done(qtbot)  # the dossier's card comes (read, and its audit record written, on the write lane)
    qtbot.keyClick(window.return_page.focusWidget(), Qt.Key.Key_1)
    qtbot.keyClick(window.return_page.focusWidget(), Qt.Key.Key_Return)
    writes_done(qtbot)  # the return, then its result receipt

    view = lookup(sqlite_db, reader(sqlite_db), code)
    assert view.status == "returned" and view.satisfaction == 1
    kind, pdf, _ = printer.jobs[-1]
    assert kind == "result"
    assert code in text_of(pdf)
    assert [e.kind for e in view.events].count("slip_issued") == 2  # receipt and result receipt


def test_given_code_scanned_on_another_page_then_track_page_opens_it(
    qtbot: QtBot, window: MainWindow, sqlite_db: Database
) -> None:
    page = window.receive_page
    type_text(page.applicant.id_number, QR)
    type_text(page.picker.search, "2.001955", enter=True)
    page.accept_dossier()
    received(qtbot, page)
    code = page.last_result.code  # type: ignore[union-attr]
    receipt_done(qtbot, page)

    window.show_page(window.guide_page)
    window.scanner.clock = lambda: (
        0.0
    )  # every keystroke of the burst arrives "at once", however loaded the machine
    for char in code:  # a scanner burst into the guide page's search field
        type_text(window.guide_page.picker.search, char)
    type_text(window.guide_page.picker.search, "", enter=True)
    writes_done(qtbot)  # the dossier is read (and its audit record written) on the write lane

    assert window.tabs.currentWidget() is window.track_page
    assert window.guide_page.picker.search.text() == ""  # the burst did not stay in the field
    assert window.track_page.selected and window.track_page.selected[0].code == code


def test_given_received_dossier_when_reprinting_from_its_detail_then_archived_receipt_previewed(
    qtbot: QtBot, window: MainWindow
) -> None:
    printer: FakePrinter = window.desk.printer  # type: ignore[assignment]
    page = window.receive_page
    type_text(page.applicant.id_number, QR)
    type_text(page.picker.search, "2.001955", enter=True)
    page.accept_dossier()
    received(qtbot, page)
    code = page.last_result.code  # type: ignore[union-attr]
    receipt_done(qtbot, page)
    _, original, _ = printer.jobs[-1]

    window.open_scanned(code)
    writes_done(qtbot)  # the dossier is read (and its audit record written) on the write lane
    detail = window.track_page.detail
    items = [detail.slips.itemText(i) for i in range(detail.slips.count())]
    assert items[0].startswith("Giấy tiếp nhận hồ sơ và hẹn trả kết quả (A4)")
    assert items[-1] == "Phiếu kiểm soát quá trình (in mới)"
    detail.slips.setCurrentIndex(0)
    qtbot.mouseClick(detail.reprint_button, Qt.MouseButton.LeftButton)
    writes_done(qtbot)

    kind, again, _ = printer.jobs[-1]
    assert (kind, again) == ("receipt", original)  # the archived document, not a new rendering
    assert printer.previewed == ["receipt"]
    detail.slips.setCurrentIndex(detail.slips.count() - 1)
    qtbot.mouseClick(detail.reprint_button, Qt.MouseButton.LeftButton)
    writes_done(qtbot)
    assert printer.jobs[-1][0] == "control" and code in text_of(printer.jobs[-1][1])


def test_given_procedure_when_guidance_printed_then_slip_printed_and_guidance_counted(
    qtbot: QtBot, window: MainWindow, sqlite_db: Database
) -> None:
    from sqlalchemy import func, select

    from counter_app.db.models import GuidanceRecord

    printer: FakePrinter = window.desk.printer  # type: ignore[assignment]
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_F1)
    guide = window.guide_page
    type_text(guide.picker.search, "noi quy lao dong", enter=True)
    assert "2.001955" in guide.title.text()
    qtbot.keyClick(guide.picker.search, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    writes_done(qtbot)

    kind, pdf, path = printer.jobs[-1]
    assert kind == "guide" and path is not None and path.exists()
    text = text_of(pdf)
    assert "PHIẾU HƯỚNG DẪN" in text and "Nội quy lao động" in text
    with sqlite_db.read() as session:
        assert session.execute(select(func.count()).select_from(GuidanceRecord)).scalar_one() == 1
