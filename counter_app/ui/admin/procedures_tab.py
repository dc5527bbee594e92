"""Quản trị → Thủ tục: the office's layer over the catalogue (services/office_catalog.py).

Per procedure: received here or not, the office's published shorter term (in the unit of the
legal one; the service says what is wrong), the unit that handles it. The catalogue itself is never
edited. The table holds every procedure (office_catalog_list), filtered here by a few letters with
or without tone marks and by received / not received.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.appointment import TERM_UNIT_LABELS, Term, TermUnit
from counter_app.domain.errors import Message, UserError
from counter_app.domain.text import search_key
from counter_app.services import office_catalog, units
from counter_app.services.office_catalog import OfficeProcedureView
from counter_app.services.office_catalog_list import OfficeProcedureRow, list_office_procedures
from counter_app.services.procedure_terms import terms_message
from counter_app.ui.admin.common import GREY, Feedback, field_error_label, yes_no
from counter_app.ui.i18n import domain_label
from counter_app.ui.messages import shown as shown_error
from counter_app.ui.session import UiSession

ALL, RECEIVED, NOT_RECEIVED = "all", "received", "not_received"
SHORTER_UNITS = (TermUnit.WORKING_DAY, TermUnit.DAY, TermUnit.HOUR)


class OfficeProcedureModel(QAbstractTableModel):
    """Every procedure with the office's decisions; ``set_filter`` chooses the rows shown."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[OfficeProcedureRow] = []
        self._shown: list[int] = []
        self._words: list[str] = []
        self._mode = ALL
        self._headers = [
            self.tr("Mã thủ tục"),
            self.tr("Tên thủ tục"),
            self.tr("Tiếp nhận"),
            self.tr("Thời hạn theo quy định"),
            self.tr("Thời hạn rút ngắn"),
            self.tr("Đơn vị xử lý"),
        ]

    def set_rows(self, rows: list[OfficeProcedureRow]) -> None:
        self._all = rows
        self._apply()

    def set_filter(self, text: str, mode: str) -> None:
        self._words, self._mode = search_key(text).split(), mode
        self._apply()

    def _apply(self) -> None:
        self.beginResetModel()
        self._shown = [
            i
            for i, row in enumerate(self._all)
            if all(word in row.search_key for word in self._words)
            and (self._mode == ALL or row.enabled == (self._mode == RECEIVED))
        ]
        self.endResetModel()

    def row_at(self, index: int) -> OfficeProcedureRow:
        return self._all[self._shown[index]]

    def row_of(self, code: str) -> int | None:
        for shown, i in enumerate(self._shown):
            if self._all[i].code == code:
                return shown
        return None

    def total(self) -> int:
        return len(self._all)

    def update(self, code: str, **changes: object) -> None:
        """One procedure changed: its row is replaced (the filter is not re-applied under the user)."""
        for i, row in enumerate(self._all):
            if row.code == code:
                self._all[i] = dataclasses.replace(row, **changes)  # type: ignore[arg-type]
                shown = self.row_of(code)
                if shown is not None:
                    self.dataChanged.emit(self.index(shown, 0), self.index(shown, len(self._headers) - 1))
                return

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            # The tooltip repeats the cell: long names and terms are elided in the table.
            unit = f"{row.unit_code} — {row.unit_name}" if row.unit_code else ""
            return (
                row.code,
                row.name,
                yes_no(row.enabled),
                legal_text(row.legal_terms),
                office_text(row.shorter),
                unit,
            )[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and not row.enabled:
            return QBrush(QColor(GREY))
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None


class ProceduresTab(QWidget):
    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._units: dict[str, str] = {}
        self.model = OfficeProcedureModel(self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Tìm theo mã hoặc tên thủ tục (có dấu hay không dấu)"))
        self.search.setClearButtonEnabled(True)
        self.show_filter = QComboBox()
        self.show_filter.addItem(self.tr("Tất cả thủ tục"), ALL)
        self.show_filter.addItem(self.tr("Đơn vị tiếp nhận"), RECEIVED)
        self.show_filter.addItem(self.tr("Đơn vị không tiếp nhận"), NOT_RECEIVED)
        self.count = QLabel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 90), (2, 70), (3, 150), (4, 130), (5, 200)):
            # Never narrower than its title (the English titles are longer than the Vietnamese).
            self.table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))

        self.title = QLabel(self.tr("Chọn một thủ tục trong bảng."))
        self.title.setWordWrap(True)
        self.received = QCheckBox(self.tr("Đơn vị tiếp nhận thủ tục này"))
        self.legal = QLabel()
        self.term_amount = QLineEdit()
        self.term_amount.setPlaceholderText(self.tr("ví dụ: 5 hoặc 2,5"))
        self.term_amount.setMaximumWidth(110)
        self.term_unit = QComboBox()
        for unit in SHORTER_UNITS:
            self.term_unit.addItem(domain_label(TERM_UNIT_LABELS[unit]), str(unit))
        self.set_term_button = QPushButton(self.tr("Đặt thời hạn rút ngắn"))
        self.clear_term_button = QPushButton(self.tr("Bỏ rút ngắn"))
        self.term_error = field_error_label()
        self.unit = QComboBox()
        self.set_unit_button = QPushButton(self.tr("Gán đơn vị xử lý"))
        self.unit_error = field_error_label()
        self.message = Feedback()

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.show_filter)
        filters.addWidget(self.count)
        term_row = QHBoxLayout()
        term_row.addWidget(self.term_amount)
        term_row.addWidget(self.term_unit)
        term_row.addWidget(self.set_term_button)
        term_row.addWidget(self.clear_term_button)
        term_row.addStretch(1)
        unit_row = QHBoxLayout()
        unit_row.addWidget(self.unit, 1)
        unit_row.addWidget(self.set_unit_button)
        self.detail = QGroupBox(self.tr("Thủ tục đang chọn"))
        form = QFormLayout(self.detail)
        form.addRow(self.title)
        form.addRow(self.received)
        form.addRow(self.tr("Theo quy định:"), self.legal)
        form.addRow(self.tr("Thời hạn rút ngắn:"), term_row)
        form.addRow("", self.term_error)
        form.addRow(self.tr("Đơn vị xử lý:"), unit_row)
        form.addRow("", self.unit_error)
        note = QLabel(
            self.tr(
                "Danh mục thủ tục không bị sửa: đây là lựa chọn riêng của đơn vị, được giữ khi nhập danh mục "
                "mới. Thời hạn rút ngắn phải cùng đơn vị với thời hạn theo quy định và không dài hơn; hồ sơ "
                "đã nhận giữ thời hạn lúc nhận."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {GREY}")
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.message)
        layout.addWidget(note)

        self.search.textChanged.connect(self._filter)
        self.show_filter.currentIndexChanged.connect(self._filter)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._show_selected())
        self.received.clicked.connect(self.set_received)
        self.set_term_button.clicked.connect(self.set_term)
        self.term_amount.returnPressed.connect(self.set_term)
        self.clear_term_button.clicked.connect(self.clear_term)
        self.set_unit_button.clicked.connect(self.set_unit)
        self._show_selected()

    # ------------------------------------------------------------------------------------ reading

    def focus_start(self) -> None:
        self.search.setFocus()

    def refresh(self) -> None:
        keep = self.selected_code()
        s = self._session
        try:
            rows = list_office_procedures(s.db, s.actor)
            active = units.list_units(s.db)  # a retired unit takes no new procedure
        except UserError as exc:
            self.message.say(shown_error(exc), error=True)
            return
        self._units = {u.code: u.name for u in active}
        self.unit.clear()
        self.unit.addItem(self.tr("(chưa gán)"), "")
        for unit in active:
            self.unit.addItem(f"{unit.code} — {unit.name}", unit.code)
        self.model.set_rows(rows)
        self._count()
        if keep is not None:
            self.select(keep)
        self._show_selected()

    def _filter(self) -> None:
        keep = self.selected_code()
        self.model.set_filter(self.search.text(), self.show_filter.currentData())
        self._count()
        if keep is not None:
            self.select(keep)
        self._show_selected()

    def _count(self) -> None:
        self.count.setText(self.tr("{0}/{1} thủ tục").format(self.model.rowCount(), self.model.total()))

    def select(self, code: str) -> bool:
        row = self.model.row_of(code)
        if row is None:
            self.table.clearSelection()
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def selected(self) -> OfficeProcedureRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def selected_code(self) -> str | None:
        row = self.selected()
        return row.code if row else None

    def _show_selected(self) -> None:
        row = self.selected()
        for widget in (
            self.received,
            self.term_amount,
            self.term_unit,
            self.set_term_button,
            self.clear_term_button,
            self.unit,
            self.set_unit_button,
        ):
            widget.setEnabled(row is not None)
        self.term_error.hide()
        self.unit_error.hide()
        if row is None:
            self.title.setText(self.tr("Chọn một thủ tục trong bảng."))
            self.legal.clear()
            self.term_amount.clear()
            return
        self.title.setText(f"<b>{row.code}</b> — {row.name}")
        self.received.setChecked(row.enabled)
        self.legal.setText(legal_text(row.legal_terms))
        self.clear_term_button.setEnabled(row.shorter is not None)
        self.term_amount.setText(shown_error(Message.decimal(row.shorter.amount)) if row.shorter else "")
        unit = row.legal_unit or str(TermUnit.WORKING_DAY)
        self.term_unit.setCurrentIndex(max(0, self.term_unit.findData(unit)))
        if row.unit_code and self.unit.findData(row.unit_code) < 0:
            # A retired unit the procedure still points to: shown, so that it can be changed.
            self.unit.addItem(f"{row.unit_code} — {row.unit_name}", row.unit_code)
        self.unit.setCurrentIndex(max(0, self.unit.findData(row.unit_code)))

    # ------------------------------------------------------------------------------------ actions

    def set_received(self) -> None:
        row = self.selected()
        if row is None:
            return
        enabled = self.received.isChecked()
        s = self._session
        try:
            view = office_catalog.set_enabled(s.db, s.actor, row.code, enabled, now=s.now())
        except UserError as exc:
            self.received.setChecked(row.enabled)
            self.message.say(shown_error(exc), error=True)
            return
        self._changed(view)
        text = (
            self.tr("Đơn vị tiếp nhận thủ tục {0}.")
            if enabled
            else self.tr("Đơn vị ngừng tiếp nhận thủ tục {0}.")
        )
        self.message.say(text.format(row.code))

    def set_term(self) -> None:
        row = self.selected()
        if row is None:
            return
        text = self.term_amount.text().strip()
        try:
            amount = Decimal(text.replace(",", "."))
        except InvalidOperation:
            amount = Decimal("NaN")
        if not text or not amount.is_finite():
            message = (
                self.tr("Hãy nhập thời hạn rút ngắn (ví dụ: 5 hoặc 2,5), hoặc bấm «Bỏ rút ngắn».")
                if not text
                else self.tr("Thời hạn «{0}» không hợp lệ (ví dụ đúng: 5 hoặc 2,5).").format(text)
            )
            self._field_error(self.term_error, self.term_amount, message)
            return
        s = self._session
        try:
            view = office_catalog.set_term(
                s.db, s.actor, row.code, amount, self.term_unit.currentData(), now=s.now()
            )
        except UserError as exc:
            self._field_error(self.term_error, self.term_amount, shown_error(exc))
            return
        self._changed(view)
        self.message.say(
            self.tr("Thủ tục {0}: thời hạn rút ngắn {1}.").format(row.code, office_text(view.shorter))
        )

    def clear_term(self) -> None:
        row = self.selected()
        if row is None:
            return
        s = self._session
        try:
            view = office_catalog.set_term(s.db, s.actor, row.code, None, now=s.now())
        except UserError as exc:
            self._field_error(self.term_error, self.term_amount, shown_error(exc))
            return
        self._changed(view)
        self.message.say(
            self.tr("Thủ tục {0}: bỏ thời hạn rút ngắn, áp dụng thời hạn theo quy định.").format(row.code)
        )

    def set_unit(self) -> None:
        row = self.selected()
        if row is None:
            return
        code = self.unit.currentData() or None
        s = self._session
        try:
            view = office_catalog.set_unit(s.db, s.actor, row.code, code, now=s.now())
        except UserError as exc:
            self._field_error(self.unit_error, self.unit, shown_error(exc))
            return
        self._changed(view)
        text = (
            self.tr("Thủ tục {0}: đơn vị xử lý {1}.").format(row.code, view.unit_code)
            if view.unit_code
            else self.tr("Thủ tục {0}: bỏ đơn vị xử lý.").format(row.code)
        )
        self.message.say(text)

    def _changed(self, view: OfficeProcedureView) -> None:
        self.model.update(
            view.code,
            enabled=view.enabled,
            office_term=view.office_term,
            shorter=view.shorter,
            unit_code=view.unit_code,
            unit_name=self._units.get(view.unit_code, ""),
        )
        self.select(view.code)
        self._show_selected()

    def _field_error(self, label: QLabel, field: QWidget, message: str) -> None:
        label.setText(message)
        label.show()
        field.setFocus()
        self.message.say(message, error=True)


def legal_text(terms: tuple[Term, ...]) -> str:
    """The catalogue's term(s) in the interface's language, "" when none is stated."""
    return shown_error(terms_message(terms)) if terms else ""


def office_text(term: Term | None) -> str:
    """The office's shorter term in the interface's language, "" when none."""
    return shown_error(term.message) if term is not None else ""
