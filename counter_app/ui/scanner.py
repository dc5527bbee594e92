"""Recognising a barcode scanner anywhere in the application.

A keyboard-wedge scanner types the dossier code as a fast burst of keystrokes ending in Enter.
This filter watches key presses application-wide (it never swallows ordinary typing); when a
burst that matches a dossier code ends in Enter, it removes the burst from the field it landed
in and emits ``code_scanned``.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

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


# How long after a CCCD QR fills the form its scanner's Enter may still arrive (it follows the last
# character within milliseconds; a person needs far longer to read the screen and press Enter).
SCAN_ENTER_SECONDS = 0.5


class ScanEnterGuard(QObject):
    """Swallows the Enter a keyboard-wedge scanner sends after a CCCD QR.

    The QR fills the applicant form before its trailing Enter arrives; by then the focus has moved
    on (to the procedure search), where that Enter would choose whatever procedure is highlighted.
    ``arm()`` when a QR has been read; the next Enter key presses within SCAN_ENTER_SECONDS (a
    scanner may send CR and LF) are eaten, and any other key ends the watch. Install it on the
    widgets that can hold the focus.
    """

    def __init__(self, parent: QObject | None = None, *, clock=time.monotonic) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.clock = clock
        self._armed_at: float | None = None
        self.swallowed = 0

    def arm(self) -> None:
        self._armed_at = self.clock()

    def watch(self, widgets: Iterable[QObject]) -> None:
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if self._armed_at is None or event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if self.clock() - self._armed_at > SCAN_ENTER_SECONDS:
            self._armed_at = None
            return False
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.swallowed += 1
            return True
        self._armed_at = None  # the officer is typing: every later Enter is theirs
        return False
