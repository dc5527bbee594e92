"""Guard against a Qt binding that corrupts Python's reference counts.

PySide6 6.12.0 on Python 3.11 loses a reference to ``None`` on every Qt call that returns
nothing; after a few thousand such calls (a morning at the counter) the interpreter aborts.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_given_many_qt_calls_then_none_reference_count_is_unchanged(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("Nguyễn Thị Ánh Hồng")
    # A little slack for unrelated objects created meanwhile; the bug loses exactly 2000.
    assert abs(sys.getrefcount(None) - before) < 50
