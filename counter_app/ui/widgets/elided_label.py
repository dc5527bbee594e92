"""A one-line label that shortens its text with "…" to the width it is given, never cutting it off.

``text()`` keeps the whole text (tests and copy actions read it); only the painting is shortened.
With a span set (a file path inside a sentence), the span is shortened in its middle first, so
the start of the sentence, the drive or top folder and the file name all stay visible.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QStyleOption, QWidget

ELLIPSIS = "…"


class ElidedLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._span: tuple[int, int] | None = None
        self.setTextFormat(Qt.TextFormat.PlainText)
        # Preferred: as wide as the text when there is room, down to minimumSizeHint when not.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def set_text(self, text: str, span: tuple[int, int] | None = None) -> None:
        """Show ``text``; ``span`` (start, end) is the part to shorten first, e.g. a path."""
        self._span = span
        self.setText(text)
        self.update()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        # A few characters: the layout may give the label little room, it then elides.
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.fontMetrics().horizontalAdvance("M" * 6)), hint.height())

    def shown_text(self) -> str:
        """The text as painted at the current width."""
        text = self.text()
        metrics = self.fontMetrics()
        width = self.contentsRect().width() - 2 * self.margin()
        if metrics.horizontalAdvance(text) <= width:
            return text
        if self._span is not None:
            start, end = self._span
            head, middle, tail = text[:start], text[start:end], text[end:]
            room = width - metrics.horizontalAdvance(head + tail)
            if room > metrics.horizontalAdvance("M" * 8):
                return head + metrics.elidedText(middle, Qt.TextElideMode.ElideMiddle, room) + tail
        return metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, width)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        rect = self.contentsRect().adjusted(self.margin(), self.margin(), -self.margin(), -self.margin())
        self.style().drawItemText(
            painter,
            rect,
            int(self.alignment()),
            option.palette,
            self.isEnabled(),
            self.shown_text(),
            self.foregroundRole(),
        )
        painter.end()
