"""The receive page's checklist on real procedures: every case of the combo box, every kind of line.

Issue 9: changing the case crashed the page ("argument of type 'int' is not iterable") and left the
previous case's documents under the new case's name; headings and notes were tickable documents.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from receive_support import QR, bundled_database, key, shown_page, typed, wedge
from sqlalchemy import func, select
from testdata import reader
from waiting import writes_done

from counter_app.db.database import Database
from counter_app.db.models import Dossier
from counter_app.services.catalog import show_procedure
from counter_app.services.lookup import lookup
from counter_app.ui.pages.receive_page import ReceivePage
from counter_app.ui.widgets.document_checklist import GROUP_KIND, KIND_ROLE, NOTE_COLOUR


@pytest.fixture
def bundled_db(
    tmp_path: Path, sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Database]:
    yield from bundled_database(tmp_path, sqlite_template, tmp_path_factory)


def expected_lines(db: Database, code: str, case_index: int) -> list[tuple[int, str, str]]:
    case = show_procedure(db, code).cases[case_index]
    return [(i, d.kind, d.name) for i, d in enumerate(case.documents, start=1)]


def tickable(lines: list[tuple[int, str, str]]) -> tuple[int, ...]:
    return tuple(i for i, kind, _ in lines if kind in ("submit", "show"))


def choose(page: ReceivePage, code: str) -> None:
    """Type the code into the procedure search and press Enter, as the officer does."""
    page.picker.search.setFocus()
    typed(code, enter=True)
    assert page.record is not None and page.record.code == code


def dossiers(db: Database) -> int:
    with db.read() as session:
        return session.execute(select(func.count()).select_from(Dossier)).scalar_one()


def test_given_1_004194_when_walking_every_case_then_checklist_is_that_case_and_dossier_has_the_ticks(
    qtbot: QtBot, bundled_db: Database
) -> None:
    page = shown_page(qtbot, bundled_db)
    wedge(QR, enter=True)
    choose(page, "1.004194")
    assert page.case_box.count() == 3
    assert QApplication.focusWidget() is page.case_box  # three cases: the case is the next choice
    seen = []
    for index in range(3):
        if index:
            key(page.case_box, Qt.Key.Key_Down)  # the officer walks the cases with the keyboard
        assert page.case_box.currentIndex() == index
        lines = expected_lines(bundled_db, "1.004194", index)
        assert page.checklist.shown_lines() == lines  # exactly this case's lines, nothing left over
        assert page.ticked() == tickable(lines)  # every document ticked, never a note
        assert (
            "Hẹn trả kết quả: Thứ Sáu, 27/11/2026 lúc 09:00" in page.appointment_label.text()
        )  # 24/11 is a holiday
        seen.append(tuple(lines))
    assert len(set(seen)) == 3
    # Back to the first case, untick its first document, accept: the dossier holds what was ticked.
    key(page.case_box, Qt.Key.Key_Up)
    key(page.case_box, Qt.Key.Key_Up)
    lines = expected_lines(bundled_db, "1.004194", 0)
    assert page.checklist.shown_lines() == lines
    page.checklist.set_ticked(tickable(lines)[0], False)
    page.checklist.set_ticked(tickable(lines)[0], True)
    on_screen = page.ticked()
    key(page.checklist, Qt.Key.Key_Return, mods=Qt.KeyboardModifier.ControlModifier)
    writes_done(qtbot)
    assert page.last_result is not None, page.message.text()
    view = lookup(bundled_db, reader(bundled_db), page.last_result.code)
    names = {i: name for i, _, name in lines}
    assert [d["ordinal"] for d in view.documents] == list(on_screen)
    assert [d["name"] for d in view.documents] == [names[i] for i in on_screen]
    assert dossiers(bundled_db) == 1


def test_given_lines_of_every_kind_then_each_is_shown_as_what_it_is(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    # 1.001022: documents handed in and shown, a heading, single notes and runs of notes.
    page = shown_page(qtbot, sqlite_db)
    wedge(QR, enter=True)
    choose(page, "1.001022")
    table = page.checklist
    kinds: dict[str, list[int]] = {}
    for row in range(table.rowCount()):
        kinds.setdefault(table.item(row, 0).data(KIND_ROLE), []).append(row)
    assert set(kinds) == {"submit", "show", "heading", "note", GROUP_KIND}
    one_line = table.fontMetrics().lineSpacing() + 8
    for row in range(table.rowCount()):
        item, kind = table.item(row, 0), table.item(row, 0).data(KIND_ROLE)
        checkable = bool(item.flags() & Qt.ItemFlag.ItemIsUserCheckable)
        assert checkable == (kind in ("submit", "show")), (row, kind)
        if kind in ("submit", "show"):
            line = table.lines[item.data(Qt.ItemDataRole.UserRole) - 1]
            assert item.text().startswith("* ") == line.required
            assert table.item(row, 1).text() == ("Xuất trình" if kind == "show" else "")
            assert table.item(row, 2).text() == str(line.original_qty)
            assert table.columnSpan(row, 0) == 1
        else:  # heading, note, folded notes: across the row, no counts
            assert table.columnSpan(row, 0) == 4
            assert all(table.item(row, c) is None or table.item(row, c).text() == "" for c in (1, 2, 3))
        if kind == "heading":
            assert item.font().bold() and not item.font().italic()
        if kind == "note":
            assert item.font().italic() and item.foreground().color() == QColor(NOTE_COLOUR)
            assert table.isRowHidden(row) or table.rowHeight(row) == one_line  # one elided line …
            assert item.toolTip() == table.lines[item.data(Qt.ItemDataRole.UserRole) - 1].name
    # A run of notes is folded into one "Lưu ý" row; a click opens it.
    fold = kinds[GROUP_KIND][-1]
    notes = table.item(fold, 0).data(Qt.ItemDataRole.UserRole + 2)
    assert table.item(fold, 0).text().startswith(f"▸ Lưu ý ({len(notes)} dòng)")
    assert all(table.isRowHidden(r) for r in notes)
    table.scrollTo(table.model().index(fold, 0))
    where = table.visualRect(table.model().index(fold, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert not any(table.isRowHidden(r) for r in notes)
    assert all(table.rowHeight(r) == one_line for r in notes)  # … the tooltip has all of it
    # Only tickable lines are ticked, and accepted.
    lines = expected_lines(sqlite_db, "1.001022", 0)
    assert page.ticked() == tickable(lines)
    assert table.shown_lines() == lines


def test_given_checklist_focus_then_only_space_on_a_document_row_changes_a_tick(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    page = shown_page(qtbot, sqlite_db)
    wedge(QR, enter=True)
    choose(page, "1.001022")
    table = page.checklist
    table.setFocus()
    before = page.ticked()
    heading = next(r for r in range(table.rowCount()) if table.item(r, 0).data(KIND_ROLE) == "heading")
    note = next(r for r in range(table.rowCount()) if table.item(r, 0).data(KIND_ROLE) == "note")
    for row in (heading, note):
        table.setCurrentCell(row, 0)
        key(table, Qt.Key.Key_Space, " ")
        key(table, Qt.Key.Key_Return, "\r")
        assert page.ticked() == before and page.last_result is None  # nothing at all
    document = table.row_of(before[0])
    table.setCurrentCell(document, 0)
    typed("nguyenvanan")  # typing meant for another field: letters never tick …
    assert table.currentRow() == document  # … nor jump to another row
    assert page.ticked() == before
    key(table, Qt.Key.Key_Space, " ")  # Space on the current row does
    assert page.ticked() == before[1:]
    key(table, Qt.Key.Key_Space, " ")
    assert page.ticked() == before
