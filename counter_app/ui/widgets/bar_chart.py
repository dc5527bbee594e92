"""A small horizontal bar chart painted with QPainter (QtCharts is not part of PySide6-Essentials)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR_COLOR = QColor("#2e7d32")
ROW_HEIGHT = 22


class BarChart(QWidget):
    """Labelled bars, one per row, scaled to the largest value; the value is written after the bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, float, str]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_rows(self, rows: list[tuple[str, float, str]]) -> None:
        """``rows``: (label, value, text written after the bar)."""
        self._rows = rows
        self.updateGeometry()
        self.update()

    def rows(self) -> list[tuple[str, float, str]]:
        return list(self._rows)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, max(1, len(self._rows)) * ROW_HEIGHT + 8)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        label_width = min(
            self.width() // 2, max((metrics.horizontalAdvance(r[0]) for r in self._rows), default=0) + 8
        )
        top = max((r[1] for r in self._rows), default=0) or 1
        space = self.width() - label_width - 60
        for index, (label, value, text) in enumerate(self._rows):
            y = 4 + index * ROW_HEIGHT
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(0, y, label_width - 6, ROW_HEIGHT - 4),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - 6),
            )
            width = space * value / top
            painter.fillRect(QRectF(label_width, y + 3, width, ROW_HEIGHT - 10), BAR_COLOR)
            painter.drawText(
                QRectF(label_width + width + 4, y, 56, ROW_HEIGHT - 4), Qt.AlignmentFlag.AlignVCenter, text
            )
        painter.end()
