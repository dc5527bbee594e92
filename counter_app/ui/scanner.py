"""Recognising a barcode scanner anywhere in the application.

A keyboard-wedge scanner types the dossier code as a fast burst of keystrokes ending in Enter.
This filter watches key presses application-wide (it never swallows ordinary typing); when a
burst that matches a dossier code ends in Enter, it removes the burst from the field it landed
in and emits ``code_scanned``.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from counter_app.domain.dossier_code import looks_like_code

# A person types ≥ 80 ms apart; scanners send a character every few milliseconds.
MAX_GAP_SECONDS = 0.035
MIN_LENGTH = 15


class ScannerFilter(QObject):
    code_scanned = Signal(str)

    def __init__(self, parent: QObject | None = None, *, clock=time.monotonic) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.clock = clock
        self._buffer = ""
        self._last = 0.0
        # Widgets that handle scans themselves (the return page's scan field) opt out.
        self.ignored: set[QObject] = set()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if not isinstance(watched, QLineEdit | QApplication) and not watched.isWidgetType():
            return False
        now = self.clock()
        if now - self._last > MAX_GAP_SECONDS:
            self._buffer = ""
        self._last = now
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            burst, self._buffer = self._buffer.strip(), ""
            if len(burst) >= MIN_LENGTH and looks_like_code(burst) and watched not in self.ignored:
                self._remove_from(watched, burst)
                self.code_scanned.emit(burst.upper())
                return True
            return False
        if event.text() and event.text().isprintable():
            self._buffer += event.text()
        return False

    @staticmethod
    def _remove_from(widget: QObject, burst: str) -> None:
        if isinstance(widget, QLineEdit) and widget.text().endswith(burst):
            widget.setText(widget.text()[: -len(burst)])
