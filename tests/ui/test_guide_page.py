"""The guide (F1) on real procedures: every line as what it is, every channel's terms and fees.

Issue 9: notes were numbered documents, shown documents mixed with those handed in, a term given as
text printed "0 không hẹn", and only one channel's fees appeared.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from receive_support import bundled_database, key, typed
from testdata import MONDAY_9AM

from counter_app.db.database import Database
from counter_app.services.catalog import show_procedure
from counter_app.services.catalog_format import CaseRecord
from counter_app.services.offices import find_actor
from counter_app.ui.pages.guide_page import GuidePage
from counter_app.ui.session import UiSession

SECTIONS = ("Giấy tờ phải nộp", "Giấy tờ phải xuất trình (kiểm tra rồi trả lại, không nộp)", "Lưu ý")


@pytest.fixture
def bundled_db(
    tmp_path: Path, sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Database]:
    yield from bundled_database(tmp_path, sqlite_template, tmp_path_factory)


@pytest.fixture
def guide(qtbot: QtBot, bundled_db: Database) -> GuidePage:
    page = GuidePage(UiSession(bundled_db, find_actor(bundled_db, "canbo"), clock=lambda: MONDAY_9AM))
    qtbot.addWidget(page)
    page.resize(1366, 740)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.focus_start()
    return page


def open_procedure(guide: GuidePage, code: str) -> None:
    typed(code, enter=True)
    assert guide.record is not None and guide.record.code == code


def walk_cases(guide: GuidePage) -> list[CaseRecord]:
    """Every case of the combo box, by keyboard; each time the table must be that case's."""
    assert guide.record is not None
    cases = show_procedure(guide._session.db, guide.record.code).cases
    guide.case_box.setFocus()
    for index, case in enumerate(cases):
        if index:
            key(guide.case_box, Qt.Key.Key_Down)
        assert guide.case_box.currentIndex() == index
        assert_rows_are(guide, case)
    return cases


def assert_rows_are(guide: GuidePage, case: CaseRecord) -> None:
    rows = guide.rows()
    lines = [r for r in rows if r[1] != "section"]
    # Every line of the case, once, as its kind ("(nếu có)" is added to optional documents).
    names = {d.name for d in case.documents}
    shown = Counter(
        (kind, text if text in names else text.removesuffix(" (nếu có)")) for _, kind, text in lines
    )
    assert shown == Counter((d.kind, d.name) for d in case.documents)
    table = guide.documents
    numbers: list[int] = []
    for row, (number, kind, _text) in enumerate(rows):
        if kind == "section":
            assert table.item(row, 0).font().bold() and table.columnSpan(row, 0) == 4
            numbers = []  # each section numbers its own documents from 1
            continue
        name = table.item(row, 1)
        counts = [table.item(row, c) for c in (2, 3)]
        if kind in ("heading", "note"):  # read, never numbered, never counted
            assert number == "" and table.columnSpan(row, 1) == 3
            assert name.font().bold() == (kind == "heading") and name.font().italic() == (kind == "note")
            continue
        numbers.append(int(number))
        assert numbers == list(range(1, len(numbers) + 1))
        if kind == "submit":
            assert all(c is not None and c.text().isdigit() for c in counts)
        else:  # shown and handed back: nothing to count
            assert all(c is None for c in counts)
    if any(d.kind == "show" for d in case.documents):
        assert SECTIONS[1] in [text for _, kind, text in rows if kind == "section"]


def details(guide: GuidePage) -> str:
    return guide.details.toPlainText()


def test_given_1_004194_then_every_case_walks_and_both_channels_terms_and_fees_show(guide: GuidePage) -> None:
    open_procedure(guide, "1.004194")
    assert guide.case_box.count() == 3
    walk_cases(guide)
    text = details(guide)
    assert "Trực tiếp: 3 ngày làm việc" in text and "Trực tuyến: 3 ngày làm việc" in text
    for amount in ("10.000 đồng", "15.000 đồng", "7.000 đồng", "5.000 đồng"):  # counter and online fees
        assert amount in text
    fees = text[text.index("Phí, lệ phí") :]
    assert "Trực tiếp:" in fees and "Trực tuyến:" in fees


def test_given_1_000894_then_shown_documents_and_notes_apart_and_each_stated_term_with_its_case(
    guide: GuidePage,
) -> None:
    open_procedure(guide, "1.000894")
    walk_cases(guide)
    sections = [text for _, kind, text in guide.rows() if kind == "section"]
    assert sections == list(SECTIONS)
    notes = [number for number, kind, _ in guide.rows() if kind == "note"]
    assert notes and set(notes) == {""}
    text = details(guide)
    assert "Trực tiếp, Trực tuyến, Bưu chính: 1 (đơn vị thời gian không ghi trên Cổng DVCQG)" in text
    assert "1 ngày làm việc — Thủ tục đăng ký kết hôn" in text
    assert "1 ngày — Thủ tục đăng ký kết hôn" in text
    assert "dài nhất" in text
    assert "0 không hẹn" not in text.lower()
    fees = text[text.index("Phí, lệ phí") :]
    assert "Trực tiếp, Trực tuyến:" in fees and "Bưu chính:" in fees  # the postal wording differs


def test_given_1_001022_then_no_term_is_the_portals_words(guide: GuidePage) -> None:
    open_procedure(guide, "1.001022")
    walk_cases(guide)
    assert any(kind == "heading" for _, kind, _ in guide.rows())
    text = details(guide)
    assert "Trực tiếp, Trực tuyến, Bưu chính: 3 (đơn vị thời gian không ghi trên Cổng DVCQG)" in text
    assert "theo từng trường hợp" not in text and "0 không hẹn" not in text.lower()


def test_given_2_001955_then_four_numbered_documents_and_one_line_per_same_terms(guide: GuidePage) -> None:
    open_procedure(guide, "2.001955")
    walk_cases(guide)
    assert [(n, k) for n, k, _ in guide.rows()] == [
        ("1", "submit"),
        ("2", "submit"),
        ("3", "submit"),
        ("4", "submit"),
    ]
    text = details(guide)
    assert "Trực tiếp, Trực tuyến, Bưu chính: 7 ngày làm việc" in text
    assert "Trực tiếp, Trực tuyến, Bưu chính: Không thu phí, lệ phí." in text
