"""Find a procedure by typing part of its name or code, with or without tone marks."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from counter_app.db.database import Database
from counter_app.services.catalog import list_procedures
from counter_app.ui.catalog_model import CatalogTableModel


class ProcedurePicker(QWidget):
    """A search field above the matching procedures; Enter or a click chooses one.

    The highlighted row is always the selected one, and it is the row Enter chooses. Enter in an
    empty search field, before the officer moved the highlight, chooses nothing: it is a habit or a
    scanner's trailing Enter, never a choice of the first procedure of the catalogue.
    """

    chosen = Signal(str)  # procedure code

    def __init__(
        self, db: Database, parent: QWidget | None = None, *, received_at: uuid.UUID | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        # The receive page lists only what its office receives; the guide lists every procedure.
        self._received_at = received_at
        self._moved = False  # the officer moved the highlight since the list last changed
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Gõ tên hoặc mã thủ tục (có dấu hay không dấu)…"))
        self.search.setClearButtonEnabled(True)
        self.model = CatalogTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        # The name takes whatever width is left; code and field never squeeze it to nothing.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 90)
        self.table.setColumnHidden(3, True)
        # The highlight looks the same whether the table or the search field has the focus.
        palette = self.table.palette()
        for role in (QPalette.ColorRole.Highlight, QPalette.ColorRole.HighlightedText):
            palette.setColor(
                QPalette.ColorGroup.Inactive, role, palette.color(QPalette.ColorGroup.Active, role)
            )
        self.table.setPalette(palette)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        self.search.textChanged.connect(self.refresh)
        self.search.returnPressed.connect(self._choose_from_search)
        self.table.selectionModel().currentRowChanged.connect(self._follow_current)
        self.table.activated.connect(lambda _index: self._choose_current())
        self.table.clicked.connect(lambda _index: self._choose_current())
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(
            list_procedures(self._db, self.search.text(), limit=500, received_at=self._received_at)
        )
        self._moved = False
        if self.model.rowCount():
            self._select(0)

    def show_chosen(self, code: str) -> None:
        """Highlight ``code`` when it is in the list (a procedure chosen other than by this list)."""
        row = next((r for r in range(self.model.rowCount()) if self.model.index(r, 0).data() == code), None)
        if row is not None:
            self._select(row)

    def _select(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)

    def _follow_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # However the current row moved (keys in the table, the mouse), the selection follows it.
        if current.isValid() and not self.table.selectionModel().isRowSelected(current.row(), QModelIndex()):
            self._select(current.row())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        # Arrow keys in the search field move through the results without leaving it.
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.model.rowCount():
            row = self.table.currentIndex().row() + (1 if event.key() == Qt.Key.Key_Down else -1)
            self._select(max(0, min(self.model.rowCount() - 1, row)))
            self._moved = True
            return
        super().keyPressEvent(event)

    def _choose_from_search(self) -> None:
        if self.search.text().strip() or self._moved:
            self._choose_current()

    def _choose_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.chosen.emit(self.model.index(index.row(), 0).data())
