"""A scanner burst anywhere is recognised as a dossier code; human typing is left alone."""

from __future__ import annotations

from keys import type_text
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from counter_app.ui.scanner import ScannerFilter

CODE = "000.00.31.H56-261123-0001"


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
