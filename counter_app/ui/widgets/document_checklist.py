"""The receive page's checklist: every line of the chosen case, each shown as what it is.

Submit and show lines are ticked (a show line: checked and handed back); headings are bold rows
across the table; notes are grey italic single lines with the full text in the tooltip, and a run
of notes folds into one "Lưu ý" row that a click opens. Only Space on the current row or a click on
a check box changes a tick: the officer's typing (a name meant for another field, a letter) never
does, and Enter is left to the page.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from counter_app.services.catalog_format import DocumentRecord
from counter_app.ui.widgets.document_lines import Line, lines_of

ORDINAL_ROLE = Qt.ItemDataRole.UserRole
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
GROUP_ROLE = Qt.ItemDataRole.UserRole + 2  # a folded run of notes: its note rows
GROUP_KIND = "notes"
EMPTY_KIND = "empty"
NOTE_COLOUR = QColor("#5f6368")
SHOW_COLOUR = QColor("#0b57d0")
MAX_LINES = 4  # a document name taller than this is cut (with "…"); the tooltip has it all
FOLD_FROM = 2  # this many notes in a row fold into one row


class DocumentChecklist(QTableWidget):
    ticks_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setHorizontalHeaderLabels(
            [self.tr("Giấy tờ"), self.tr("Xuất trình"), self.tr("Bản chính"), self.tr("Bản sao")]
        )
        self.horizontalHeaderItem(0).setToolTip(
            self.tr("* : giấy tờ bắt buộc. Space: đánh dấu dòng đang chọn.")
        )
        self.horizontalHeaderItem(1).setToolTip(
            self.tr("Giấy tờ xuất trình: đánh dấu khi đã kiểm tra và trả lại cho người nộp.")
        )
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.lines: list[Line] = []
        self.itemChanged.connect(self._item_changed)
        self.cellClicked.connect(self._clicked)

    # ----------------------------------------------------------------- filling
    def show_documents(
        self,
        documents: Sequence[DocumentRecord],
        provided: Collection[int] | None = None,
        *,
        empty_text: str = "",
    ) -> None:
        """Show a case's lines; ``provided`` are the ticked ordinals (None: every tickable line);
        ``empty_text`` stands in the table when the case has no line at all."""
        self.blockSignals(True)  # filling is not the officer ticking
        try:
            self.clearSpans()
            self.setRowCount(0)
            self.lines = lines_of(documents)
            index = 0
            while index < len(self.lines):
                run = index
                while run < len(self.lines) and self.lines[run].kind == "note":
                    run += 1
                if run - index >= FOLD_FROM:
                    self._add_fold(self.lines[index:run])
                    index = run
                    continue
                line = self.lines[index]
                self._add_line(line, provided is None or line.ordinal in provided)
                index += 1
            if not self.lines and empty_text:
                self._add_empty(empty_text)
        finally:
            self.blockSignals(False)
        self._fit_rows()
        if self.rowCount():
            # Space acts on the current row; nothing is highlighted until the officer moves there.
            self.selectionModel().setCurrentIndex(
                self.model().index(0, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )

    def _add_line(self, line: Line, ticked: bool, hidden: bool = False) -> int:
        row = self.rowCount()
        self.insertRow(row)
        item = QTableWidgetItem(("* " if line.required else "") + line.name)
        item.setData(ORDINAL_ROLE, line.ordinal)
        item.setData(KIND_ROLE, line.kind)
        item.setToolTip(line.name)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if line.tickable:
            item.setFlags(flags | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.setItem(row, 0, item)
            shown = self._cell(self.tr("Xuất trình") if line.kind == "show" else "")
            if line.kind == "show":
                shown.setForeground(QBrush(SHOW_COLOUR))
                shown.setToolTip(self.tr("Xuất trình: kiểm tra rồi trả lại người nộp, không giữ lại."))
            self.setItem(row, 1, shown)
            self.setItem(row, 2, self._cell(str(line.original_qty)))
            self.setItem(row, 3, self._cell(str(line.copy_qty)))
        else:
            # A heading or a note: read, never ticked, no counts; it spans the row.
            item.setFlags(flags)
            font = QFont(self.font())
            font.setBold(line.kind == "heading")
            font.setItalic(line.kind == "note")
            item.setFont(font)
            if line.kind == "note":
                item.setForeground(QBrush(NOTE_COLOUR))
            self.setItem(row, 0, item)
            self.setSpan(row, 0, 1, self.columnCount())
        self.setRowHidden(row, hidden)
        return row

    def _add_fold(self, notes: Sequence[Line]) -> None:
        row = self.rowCount()
        self.insertRow(row)
        item = QTableWidgetItem()
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        item.setData(KIND_ROLE, GROUP_KIND)
        font = QFont(self.font())
        font.setItalic(True)
        item.setFont(font)
        item.setForeground(QBrush(NOTE_COLOUR))
        self.setItem(row, 0, item)
        self.setSpan(row, 0, 1, self.columnCount())
        item.setData(GROUP_ROLE, [self._add_line(note, False, hidden=True) for note in notes])
        self._label_fold(row)

    def _add_empty(self, text: str) -> None:
        # A case the catalogue lists no document for: say so rather than show an empty table.
        self.insertRow(0)
        item = QTableWidgetItem(text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        item.setData(KIND_ROLE, EMPTY_KIND)
        item.setForeground(QBrush(NOTE_COLOUR))
        self.setItem(0, 0, item)
        self.setSpan(0, 0, 1, self.columnCount())

    def _label_fold(self, row: int) -> None:
        item = self.item(row, 0)
        rows: list[int] = item.data(GROUP_ROLE)
        opened = not self.isRowHidden(rows[0])
        text = self.tr("▾ Lưu ý ({0} dòng)") if opened else self.tr("▸ Lưu ý ({0} dòng) — bấm để xem")
        item.setText(text.format(len(rows)))
        item.setToolTip("" if opened else "\n\n".join(self.item(r, 0).text() for r in rows))

    @staticmethod
    def _cell(text: str) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        return item

    def _fit_rows(self) -> None:
        """Names wrap up to MAX_LINES lines, notes keep one line: the ticks stay in view."""
        self.resizeRowsToContents()
        line = self.fontMetrics().lineSpacing()
        for row in range(self.rowCount()):
            kind = self.item(row, 0).data(KIND_ROLE)
            if kind in ("note", GROUP_KIND):
                self.setRowHeight(row, line + 8)
            else:
                self.setRowHeight(row, min(self.rowHeight(row), line * MAX_LINES + 8))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_rows()  # a narrower column wraps names onto more lines

    # ----------------------------------------------------------------- reading
    def ticked(self) -> tuple[int, ...]:
        """Ordinals of the ticked submit and show lines (never a heading's or a note's)."""
        return tuple(
            item.data(ORDINAL_ROLE)
            for item in (self.item(row, 0) for row in range(self.rowCount()))
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable and item.checkState() == Qt.CheckState.Checked
        )

    def row_of(self, ordinal: int) -> int:
        return next(r for r in range(self.rowCount()) if self.item(r, 0).data(ORDINAL_ROLE) == ordinal)

    def set_ticked(self, ordinal: int, ticked: bool) -> None:
        item = self.item(self.row_of(ordinal), 0)
        if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def shown_lines(self) -> list[tuple[int, str, str]]:
        """(ordinal, kind, name) of every line in the table, folded notes included, in order."""
        return [
            (item.data(ORDINAL_ROLE), item.data(KIND_ROLE), self.lines[item.data(ORDINAL_ROLE) - 1].name)
            for item in (self.item(row, 0) for row in range(self.rowCount()))
            if item.data(KIND_ROLE) not in (GROUP_KIND, EMPTY_KIND)
        ]

    # ----------------------------------------------------------------- officer's input
    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == 0 and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            self.ticks_changed.emit()

    def _clicked(self, row: int, _column: int) -> None:
        item = self.item(row, 0)
        if item is not None and item.data(KIND_ROLE) == GROUP_KIND:
            rows: list[int] = item.data(GROUP_ROLE)
            opened = not self.isRowHidden(rows[0])
            for note in rows:
                self.setRowHidden(note, opened)
            self._label_fold(row)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key, mods = event.key(), event.modifiers()
        plain = not mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if key == Qt.Key.Key_Space and plain:
            item = self.item(self.currentRow(), 0)
            if item is not None and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                checked = item.checkState() == Qt.CheckState.Checked
                item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
            event.accept()  # on a heading or a note: nothing
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()  # not an action on a row; Ctrl+Enter (accept) is the page's shortcut
            return
        if plain and event.text() and event.text().isprintable():
            event.accept()  # letters typed here were meant for a field: they neither tick nor jump
            return
        super().keyPressEvent(event)

    def keyboardSearch(self, search: str) -> None:  # noqa: N802
        """No type-ahead: a letter must never move the current row under the officer's Space."""
