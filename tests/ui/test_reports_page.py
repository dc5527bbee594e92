"""The supervisor's reports page: preview, print and export a period report off the GUI thread."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QFileDialog, QLabel
from pytestqt.qtbot import QtBot
from testdata import MONDAY_9AM

from counter_app.db.database import Database
from counter_app.paths import resolve_paths
from counter_app.services.applicants import ApplicantInput
from counter_app.services.offices import find_actor
from counter_app.services.processing import resolve
from counter_app.services.receiving import IntakeRequest, receive
from counter_app.ui.pages.reports_page import ReportsPage
from counter_app.ui.session import UiSession


class RecordingPrinter:
    def __init__(self) -> None:
        self.jobs: list[tuple[str, bytes, Path | None, bool]] = []

    def print_slip(
        self, kind: str, pdf_bytes: bytes, saved_path: Path | None, *, preview: bool = False
    ) -> str:
        self.jobs.append((kind, pdf_bytes, saved_path, preview))
        return "Đã in."


@pytest.fixture
def page(qtbot: QtBot, sqlite_db: Database, tmp_path: Path) -> ReportsPage:
    officer = find_actor(sqlite_db, "canbo")
    person = ApplicantInput(full_name="Lê Thị Mai")
    for hours in (0, 1, 2):
        code = receive(
            sqlite_db, officer, IntakeRequest("2.001955", person), now=MONDAY_9AM + timedelta(hours=hours)
        ).code
    resolve(sqlite_db, officer, code, now=MONDAY_9AM + timedelta(days=2))
    session = UiSession(
        sqlite_db,
        find_actor(sqlite_db, "lanhdao"),
        resolve_paths(tmp_path).ensure(),
        clock=lambda: MONDAY_9AM + timedelta(days=3),
    )
    widget = ReportsPage(session, printer=RecordingPrinter())
    qtbot.addWidget(widget)
    widget.date_from.setDate(QDate(2026, 11, 1))
    widget.date_to.setDate(QDate(2026, 11, 30))
    return widget


def test_given_period_when_previewed_then_pages_shown(qtbot: QtBot, page: ReportsPage) -> None:
    page.preview_button.click()
    qtbot.waitUntil(lambda: page.pdf is not None, timeout=15000)
    assert page.pdf is not None and page.pdf.startswith(b"%PDF")
    assert page.message.text().startswith("Báo cáo có ")
    shown = [page.pages.itemAt(i).widget() for i in range(page.pages.count())]
    assert shown and all(isinstance(w, QLabel) and not w.pixmap().isNull() for w in shown)


def test_given_period_when_exported_to_excel_then_numbers_in_cells(
    qtbot: QtBot, page: ReportsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "ky.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "*.xlsx"))
    page.xlsx_button.click()
    qtbot.waitUntil(target.exists, timeout=15000)
    sheet = openpyxl.load_workbook(target).active
    numbers = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, int | float)]
    assert 3 in numbers  # three dossiers received in November
    assert "Đã lưu báo cáo" in page.message.text()
    # The whole path, however long, in a view that wraps anywhere (a label cut it off).
    assert page.saved_path.toPlainText() == str(target) and not page.saved_path.isHidden()


def test_given_print_then_report_previewed_and_kept_under_data_dir(qtbot: QtBot, page: ReportsPage) -> None:
    page.print_button.click()
    printer: RecordingPrinter = page._printer  # type: ignore[assignment]
    qtbot.waitUntil(lambda: bool(printer.jobs), timeout=15000)
    kind, data, saved, preview = printer.jobs[0]
    assert (kind, preview) == ("report", True)
    assert saved is not None and saved.read_bytes() == data


def test_given_reversed_range_then_message_and_no_report(qtbot: QtBot, page: ReportsPage) -> None:
    page.date_from.setDate(QDate(2026, 12, 5))
    page.date_to.setDate(QDate(2026, 12, 1))
    page.preview_button.click()
    qtbot.waitUntil(lambda: "không hợp lệ" in page.message.text(), timeout=15000)
    assert page.message.text().startswith("Khoảng thời gian không hợp lệ")
    assert page.pdf is None


def test_given_field_filter_then_export_counts_only_that_field(
    qtbot: QtBot, page: ReportsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "ho-tich.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "*.csv"))
    index = page.field.findText("Hộ tịch")
    assert index > 0, [page.field.itemText(i) for i in range(page.field.count())]
    page.field.setCurrentIndex(index)  # no dossier of this field was received
    page.csv_button.click()
    qtbot.waitUntil(target.exists, timeout=15000)
    text = target.read_bytes().decode("utf-8-sig")
    assert "Hộ tịch" in text or "Tổng" in text
    assert "Lao động, tiền lương" not in text  # the three dossiers of that field are filtered out


def test_given_office_chosen_then_request_names_it(page: ReportsPage) -> None:
    assert page.office.itemText(0) == "Tất cả" and page.request("pdf").office_code is None
    page.office.setCurrentIndex(1)
    assert page.office.currentText() == "Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa (000.00.31.H56)"
    assert page.request("pdf").office_code == "000.00.31.H56"


def test_given_save_into_a_missing_folder_then_message_and_nothing_written(
    qtbot: QtBot, page: ReportsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "khong-co" / "bao-cao.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "*.csv"))
    page.csv_button.click()
    qtbot.waitUntil(lambda: "Không ghi được tệp" in page.message.text(), timeout=15000)
    assert str(target) in page.message.text()
    assert not target.parent.exists()
