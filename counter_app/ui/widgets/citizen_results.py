"""The dossiers a citizen search found (Theo dõi and Trả kết quả), newest first; choose one to open it.

Keyboard first: ↑/↓ move, Enter opens, Esc closes the list. Anything else typed on the list (the
officer starting a new search, or a scanner's burst) is handed back to the page's search field
instead of being lost in the table's own type-ahead.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.services.citizen_search import CitizenDossier
from counter_app.ui.pages.track.model import status_label

VISIBLE_ROWS = 6  # enough for one person's dossiers; more scroll, so the page keeps its room
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class CitizenResults(QWidget):
    chosen = Signal(str)  # the code of the dossier chosen (Enter or click)
    typed = Signal(str)  # printable text typed on the list: it belongs in the search field
    closed = Signal()

    CODE, APPLICANT, PROCEDURE, RECEIVED, STATUS, DUE = range(6)

    def __init__(
        self, timezone: str, parent: QWidget | None = None, hidden_columns: tuple[int, ...] = ()
    ) -> None:
        """``hidden_columns``: what a narrow page leaves out (the return page: status and appointment,
        the same for every ready result)."""
        super().__init__(parent)
        self._tz = ZoneInfo(timezone)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.close_button = QToolButton()
        self.close_button.setText(self.tr("Đóng danh sách"))
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.dismiss)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Mã hồ sơ"),
                self.tr("Người nộp"),
                self.tr("Thủ tục"),
                self.tr("Ngày nhận"),
                self.tr("Trạng thái"),
                self.tr("Hẹn trả"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        for column in range(self.table.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.PROCEDURE, QHeaderView.ResizeMode.Stretch)
        for column in hidden_columns:
            self.table.setColumnHidden(column, True)
        # No sideways scrolling: the procedure column gives up its width (whole in its tooltip),
        # and a scroll bar would cover the only row of a one-dossier list.
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.cellClicked.connect(lambda row, _column: self._choose(row))
        self.table.installEventFilter(self)

        top = QHBoxLayout()
        top.addWidget(self.caption, 1)
        top.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.hide()

    def show_dossiers(self, caption: str, dossiers: list[CitizenDossier]) -> None:
        """List ``dossiers`` under ``caption`` (the first row current), or hide when there are none."""
        self.caption.setText(caption)
        self.table.setRowCount(len(dossiers))
        for row, dossier in enumerate(dossiers):
            due = self._local(dossier.appointment_at) or self.tr("không hẹn")
            values = (
                dossier.code,
                dossier.applicant_name,
                f"{dossier.procedure_code} — {dossier.procedure_name}",
                self._local(dossier.received_at),
                status_label(dossier.status),
                due,
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, dossier.code)
                if column in (self.APPLICANT, self.PROCEDURE):
                    item.setToolTip(value)
                self.table.setItem(row, column, item)
        # Show up to VISIBLE_ROWS rows without scrolling, and no empty space under fewer.
        rows = min(len(dossiers), VISIBLE_ROWS)
        height = self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
        self.table.setFixedHeight(height + rows * self.table.verticalHeader().defaultSectionSize())
        self.setVisible(bool(dossiers))
        if dossiers:
            self.table.setCurrentCell(0, self.CODE)

    def codes(self) -> list[str]:
        return [self.table.item(row, self.CODE).text() for row in range(self.table.rowCount())]

    def current_code(self) -> str | None:
        row = self.table.currentRow()
        return self.codes()[row] if 0 <= row < self.table.rowCount() else None

    def focus_list(self) -> None:
        if self.isVisible() and self.table.rowCount():
            self.table.setFocus()
            if self.table.currentRow() < 0:
                self.table.setCurrentCell(0, self.CODE)

    def dismiss(self) -> None:
        """Empty and hide the list (Esc on it, or its close button)."""
        self.table.setRowCount(0)
        self.hide()
        self.closed.emit()

    def _choose(self, row: int) -> None:
        if 0 <= row < self.table.rowCount():
            self.table.setCurrentCell(row, self.CODE)
            self.chosen.emit(self.codes()[row])

    def _local(self, instant: datetime | None) -> str:
        return instant.astimezone(self._tz).strftime("%d/%m/%Y %H:%M") if instant else ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is not self.table or not isinstance(event, QKeyEvent):
            return False
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in (*_ENTER, Qt.Key.Key_Escape):
            event.accept()  # the list's own keys: not the page's shortcuts (Esc clears the F4 page)
            return True
        if event.type() != QEvent.Type.KeyPress:
            return False
        if event.key() in _ENTER:
            self._choose(self.table.currentRow())
            return True
        if event.key() == Qt.Key.Key_Escape:
            self.dismiss()
            return True
        plain = not event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        text = event.text()
        if plain and text and text.isprintable() and text != " ":
            self.typed.emit(text)
            return True
        return False
