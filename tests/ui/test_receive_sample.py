"""A sample of the bundled catalogue's real procedures received through the receive page's widgets.

The sample covers every structure the portal's records have (docs/catalog-rules.md): several cases,
a "Trường hợp chung" case, shown documents, notes, headings, a case without any document, no
appointment, terms stated per case (one or several). For each procedure: scan a CCCD, pick the
procedure in the picker, walk every case in the combo box, untick an optional line and tick it
back, accept with Ctrl+Enter and press it again; the dossier must exist once, with exactly the
ticked documents, and with an appointment when the procedure states a computable term.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from receive_support import BUNDLED_CATALOG, QR, bundled_database, key, shown_page, typed, wedge
from sqlalchemy import func, select
from testdata import reader
from waiting import writes_done

from counter_app.db.database import Database
from counter_app.db.models import Dossier
from counter_app.domain.appointment import TermUnit
from counter_app.services.catalog import read_records
from counter_app.services.catalog_format import ProcedureRecord
from counter_app.services.lookup import lookup
from counter_app.services.procedure_terms import terms_for
from counter_app.ui.pages.receive_page import ReceivePage

SIZE = 15
NAMED = ("1.004194", "1.000894", "1.001022", "2.001955")  # the issue's own examples


@pytest.fixture
def bundled_db(
    tmp_path: Path, sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Database]:
    yield from bundled_database(tmp_path, sqlite_template, tmp_path_factory)


def kinds(p: ProcedureRecord) -> set[str]:
    return {d.kind for c in p.cases for d in c.documents}


def computable(p: ProcedureRecord, case_name: str) -> bool:
    return any(t.unit is not TermUnit.NONE for t in terms_for(p, "direct", case_name))


def direct_term_is_text(p: ProcedureRecord) -> bool:
    return next((c.unit for c in p.channels if c.channel == "direct"), "none") == "none"


FEATURES: dict[str, Callable[[ProcedureRecord], bool]] = {
    "several cases": lambda p: len(p.cases) > 1,
    "Trường hợp chung": lambda p: len(p.cases) > 1 and any(c.name == "Trường hợp chung" for c in p.cases),
    "shown documents": lambda p: "show" in kinds(p),
    "notes": lambda p: "note" in kinds(p),
    "headings": lambda p: "heading" in kinds(p),
    "a case without documents": lambda p: any(
        not any(d.kind in ("submit", "show") for d in c.documents) for c in p.cases
    ),
    "no appointment": lambda p: not any(computable(p, c.name) for c in p.cases),
    "case terms": lambda p: direct_term_is_text(p) and bool(p.case_terms) and computable(p, ""),
    "several stated terms": lambda p: direct_term_is_text(p) and len(set(terms_for(p, "direct", ""))) > 1,
}


def sample() -> list[ProcedureRecord]:
    records = sorted(read_records([BUNDLED_CATALOG]), key=lambda r: r.code)
    by_code = {r.code: r for r in records}
    chosen = [by_code[c] for c in NAMED]
    for name, has in FEATURES.items():
        candidates = [r for r in records if has(r)]
        assert candidates, f"no procedure of the catalogue has {name}"
        if not any(has(r) for r in chosen):
            chosen.append(candidates[0])
    step = len(records) // SIZE
    for record in records[::step]:  # the rest spread over the catalogue
        if len(chosen) < SIZE and record not in chosen:
            chosen.append(record)
    for name, has in FEATURES.items():
        assert any(has(r) for r in chosen), name
    return chosen


def dossiers(db: Database) -> int:
    with db.read() as session:
        return session.execute(select(func.count()).select_from(Dossier)).scalar_one()


def accept_twice(qtbot: QtBot, page: ReceivePage) -> None:
    for _ in range(2):  # the second press meets an emptied form: nothing happens
        widget = QApplication.focusWidget() or page
        key(widget, Qt.Key.Key_Return, "\r", Qt.KeyboardModifier.ControlModifier)
        writes_done(qtbot)


def test_given_sample_of_real_procedures_then_every_case_walks_and_each_accept_stores_the_ticks(
    qtbot: QtBot, bundled_db: Database
) -> None:
    db = bundled_db
    page = shown_page(qtbot, db)
    procedures = sample()
    assert len(procedures) == SIZE
    for number, record in enumerate(procedures):
        page.focus_start()
        wedge(QR, enter=True)  # the scanner's Enter chooses nothing
        assert page.record is None
        typed(record.code)
        assert page.picker.model.index(page.picker.table.currentIndex().row(), 0).data() == record.code
        typed("", enter=True)
        assert page.record is not None and page.record.code == record.code
        assert QApplication.focusWidget() is not page.checklist
        for index, case in enumerate(record.cases):
            if index:
                key(page.case_box, Qt.Key.Key_Down)
            assert page.case_box.currentIndex() == index, record.code
            expected = [(i, d.kind, d.name) for i, d in enumerate(case.documents, start=1)]
            assert page.checklist.shown_lines() == expected, (record.code, index)
        case = record.cases[-1]
        optional = [
            i
            for i, d in enumerate(case.documents, start=1)
            if d.kind in ("submit", "show") and not d.required
        ]
        if optional:
            table = page.checklist
            table.setFocus()
            table.setCurrentCell(table.row_of(optional[0]), 0)
            everything = page.ticked()
            key(table, Qt.Key.Key_Space, " ")
            assert optional[0] not in page.ticked()
            key(table, Qt.Key.Key_Space, " ")
            assert page.ticked() == everything
            if number % 2:  # every other procedure goes without it: optional means optional
                key(table, Qt.Key.Key_Space, " ")
        on_screen = page.ticked()
        before = dossiers(db)
        accept_twice(qtbot, page)
        assert page.last_result is not None and dossiers(db) == before + 1, (record.code, page.message.text())
        view = lookup(db, reader(db), page.last_result.code)
        assert view.procedure_code == record.code
        assert [d["ordinal"] for d in view.documents] == list(on_screen), record.code
        if computable(record, case.name):
            assert view.appointment_at is not None, record.code
        else:
            assert view.appointment_at is None and page.banner.appointment_label.text().startswith(
                "Không hẹn"
            )
