"""Find a procedure by typing part of its name or code, with or without tone marks."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from counter_app.db.database import Database
from counter_app.services.catalog import list_procedures
from counter_app.ui.catalog_model import CatalogTableModel


class ProcedurePicker(QWidget):
    """A search field above the matching procedures; Enter or a click chooses one."""

    chosen = Signal(str)  # procedure code

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Gõ tên hoặc mã thủ tục (có dấu hay không dấu)…"))
        self.search.setClearButtonEnabled(True)
        self.model = CatalogTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnHidden(3, True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        self.search.textChanged.connect(self.refresh)
        self.search.returnPressed.connect(self._choose_current)
        self.table.activated.connect(lambda _index: self._choose_current())
        self.table.clicked.connect(lambda _index: self._choose_current())
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(list_procedures(self._db, self.search.text(), limit=500))
        if self.model.rowCount():
            self.table.selectionModel().setCurrentIndex(
                self.model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        # Arrow keys in the search field move through the results without leaving it.
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.model.rowCount():
            row = self.table.currentIndex().row() + (1 if event.key() == Qt.Key.Key_Down else -1)
            row = max(0, min(self.model.rowCount() - 1, row))
            self.table.selectRow(row)
            return
        super().keyPressEvent(event)

    def _choose_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.chosen.emit(self.model.index(index.row(), 0).data())
