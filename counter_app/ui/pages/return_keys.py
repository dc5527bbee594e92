"""The return page's keyboard: on its buttons and boxes, 1–5 rate, Enter confirms, anything else is
a code (or a CCCD) that goes to the scan field.

A scanner types a character every few milliseconds; a person pauses longer between a rating and
the next receipt. Keys closer together than ``RUN_GAP_S`` belong to one entry, so the digits of a
code typed on the confirm button never rate or confirm the dossier on screen.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

if TYPE_CHECKING:
    from counter_app.ui.pages.return_page import ReturnPage

RUN_GAP_S = 0.4
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ReturnKeys(QObject):
    """On every non-text control of the page: 1–5 rate, Enter confirms, anything else is a code.

    Any other printable key (a scanner burst or the officer typing the next code) moves to the
    scan field and is typed there, so it can never rate or confirm the dossier on screen; rating
    keys typed just before it in the same run belonged to the code and are taken back.
    """

    def __init__(self, page: ReturnPage) -> None:
        super().__init__(page)
        self._page = page
        self._run = ""
        self._last = 0.0
        self._rating_before: int | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier):
            return False
        page = self._page
        if event.key() in ENTER_KEYS:
            self._run = ""
            page.confirm()
            return True
        text = event.text()
        if not text or not text.isprintable() or text == " ":
            return False  # space still ticks a box or presses a button
        now = time.monotonic()
        if now - self._last > RUN_GAP_S:
            self._run, self._rating_before = "", page.rating()
        self._last = now
        if text in "12345":
            self._run += text
            level = int(text)
            page.rate(None if page.rating() == level and len(self._run) == 1 else level)
            return True
        if self._run:
            page.rate(self._rating_before)
        page.start_code(self._run + text)
        self._run = ""
        return True
