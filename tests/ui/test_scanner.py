"""A scanner burst anywhere is recognised as a dossier code; human typing is left alone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from keys import type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QHeaderView, QLineEdit
from pytestqt.qtbot import QtBot
from receive_support import QR, bundled_database, key, shown_page, typed, wedge

from counter_app.db.database import Database
from counter_app.ui.scanner import ScannerFilter

CODE = "000.00.31.H56-261123-0001"


@pytest.fixture
def bundled_db(
    tmp_path: Path, sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Database]:
    yield from bundled_database(tmp_path, sqlite_template, tmp_path_factory)


class Clock:
    """Advances by ``step`` seconds per key press: 0.2 s for a person, 5 ms for a scanner."""

    def __init__(self, step: float) -> None:
        self.step, self.now = step, 0.0

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def install(qtbot: QtBot, clock: Clock) -> tuple[ScannerFilter, QLineEdit, list[str]]:
    scanner = ScannerFilter(clock=clock)
    QApplication.instance().installEventFilter(scanner)  # type: ignore[union-attr]
    field = QLineEdit()
    qtbot.addWidget(field)
    seen: list[str] = []
    scanner.code_scanned.connect(seen.append)
    return scanner, field, seen


def test_given_fast_burst_ending_in_enter_then_code_scanned_and_removed_from_field(qtbot: QtBot) -> None:
    clock = Clock(0.2)
    scanner, field, seen = install(qtbot, clock)
    type_text(field, "ghi chú ")  # a person types …
    clock.step = 0.005
    type_text(field, CODE, enter=True)  # … then the scanner fires into the same field
    QApplication.instance().removeEventFilter(scanner)  # type: ignore[union-attr]
    assert seen == [CODE]
    assert field.text() == "ghi chú "


def test_given_slow_typing_then_not_a_scan(qtbot: QtBot) -> None:
    scanner, field, seen = install(qtbot, Clock(0.2))
    type_text(field, CODE, enter=True)
    QApplication.instance().removeEventFilter(scanner)  # type: ignore[union-attr]
    assert seen == []
    assert field.text() == CODE


def test_given_fast_burst_that_is_not_a_code_then_ignored(qtbot: QtBot) -> None:
    scanner, field, seen = install(qtbot, Clock(0.005))
    type_text(field, "038190012345||Nguyễn Thị Ánh Hồng", enter=True)
    QApplication.instance().removeEventFilter(scanner)  # type: ignore[union-attr]
    assert seen == []


# ----------------------------------------------------------------------------- the CCCD QR's Enter
# A keyboard-wedge scanner types the QR and then Enter into whichever widget has the focus. The QR
# fills the form and moves the focus to the procedure search before the Enter arrives (issue 9: it
# chose the first procedure of the catalogue, ticked its documents and put the focus in the list).


def test_given_qr_with_trailing_enter_then_no_procedure_is_chosen_and_focus_waits_in_search(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    page = shown_page(qtbot, sqlite_db)
    wedge(QR, enter=True, lf=True)  # CR and LF: some scanners end with both
    assert page.applicant.full_name.text() == "Nguyễn Thị Ánh Hồng"
    assert page.record is None and page.checklist.rowCount() == 0
    assert QApplication.focusWidget() is page.picker.search
    assert page.enter_guard.swallowed == 2
    typed("noi quy", enter=True)  # the officer's own Enter, after typing, chooses
    assert page.record is not None and page.record.code == "2.001955"


def test_given_qr_scanned_into_the_procedure_search_then_applicant_filled_and_search_empty(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    page = shown_page(qtbot, sqlite_db)
    page.picker.search.setFocus()
    wedge(QR, enter=True)
    assert page.applicant.id_number.text() == "038190012345"
    assert page.picker.search.text() == "" and page.picker.model.rowCount() == 6
    assert page.record is None


def test_given_enter_in_an_empty_search_then_nothing_is_chosen(qtbot: QtBot, sqlite_db: Database) -> None:
    page = shown_page(qtbot, sqlite_db)
    page.picker.search.setFocus()
    typed("", enter=True)
    assert page.record is None
    key(page.picker.search, Qt.Key.Key_Down)  # moving the highlight is a choice: Enter takes it
    key(page.picker.search, Qt.Key.Key_Return, "\r")
    assert page.record is not None and page.record.code == page.picker.model.index(1, 0).data()


def test_given_procedure_chosen_then_focus_never_goes_into_the_checklist_and_typing_ticks_nothing(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    page = shown_page(qtbot, sqlite_db)
    wedge(QR, enter=True)
    typed("noi quy", enter=True)  # one case: the focus stays in the search
    assert page.record is not None and QApplication.focusWidget() is page.picker.search
    ticks = page.ticked()
    typed("0912345678")  # typed on: into the search, never into the checklist's ticks
    assert page.ticked() == ticks and page.picker.search.text().endswith("0912345678")
    key(page.picker.search, Qt.Key.Key_Return, "\r")  # no procedure matches the text: nothing changes
    assert page.record.code == "2.001955" and page.ticked() == ticks


def test_given_scan_then_name_column_keeps_its_width_and_highlight_is_the_selection(
    qtbot: QtBot, bundled_db: Database
) -> None:
    page = shown_page(qtbot, bundled_db, 1280, 700)
    table = page.picker.table
    before = table.columnWidth(1)
    wedge(QR, enter=True)
    typed("nhan cha me con", enter=True)  # a case of long notes and documents
    chosen = page.record.code  # type: ignore[union-attr]
    qtbot.wait(10)  # let the layout settle as it would on screen
    header = table.horizontalHeader()
    assert header.sectionResizeMode(1) == QHeaderView.ResizeMode.Stretch
    assert table.columnWidth(1) >= before * 0.9 and table.columnWidth(1) >= table.viewport().width() * 0.4
    selected = [i.row() for i in table.selectionModel().selectedRows()]
    assert selected == [table.currentIndex().row()]
    assert page.picker.model.index(selected[0], 0).data() == chosen
    key(page.picker.search, Qt.Key.Key_Down)  # moving the highlight moves the selection with it
    assert [i.row() for i in table.selectionModel().selectedRows()] == [table.currentIndex().row()]
