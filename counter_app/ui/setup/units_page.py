"""Page 3, Đơn vị chuyên môn: the units dossiers are transferred to (code, name); may stay empty."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from counter_app.domain.errors import ValidationError
from counter_app.services.setup_spec import UnitSpec, check_unit
from counter_app.ui.messages import shown
from counter_app.ui.setup.common import error_label, hint_label

CODE, NAME = 0, 1


class SetupUnitsPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Đơn vị chuyên môn"))
        self.setSubTitle(
            self.tr(
                "Các cơ quan, phòng chuyên môn nhận hồ sơ chuyển từ Bộ phận Một cửa. Có thể để trống "
                "và bổ sung sau."
            )
        )
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Mã đơn vị"), self.tr("Tên đơn vị")])
        self.table.horizontalHeader().setSectionResizeMode(CODE, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setMinimumSectionSize(120)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        self.add_button = QPushButton(self.tr("Thêm đơn vị"))
        self.remove_button = QPushButton(self.tr("Xóa dòng đang chọn"))
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self.remove_current)
        self.error = error_label()
        self.table.itemChanged.connect(lambda _item: self.error.hide())
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint_label(
                self.tr(
                    "Mã đơn vị: chữ, số, dấu chấm, gạch (không dấu cách), ví dụ SNV hoặc 000.00.12.H56. "
                    "Dòng để trống cả hai ô được bỏ qua."
                )
            )
        )
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.error)

    def add_row(self, code: str = "", name: str = "") -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, CODE, QTableWidgetItem(code))
        self.table.setItem(row, NAME, QTableWidgetItem(name))
        if not code:
            self.table.setCurrentCell(row, CODE)
            self.table.editItem(self.table.item(row, CODE))
        return row

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.error.hide()

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return " ".join(item.text().split()) if item is not None else ""

    def _rows(self) -> list[tuple[int, UnitSpec]]:
        rows = []
        for row in range(self.table.rowCount()):
            code, name = self._cell(row, CODE), self._cell(row, NAME)
            if code or name:
                rows.append((row, UnitSpec(code, name)))
        return rows

    def units(self) -> tuple[UnitSpec, ...]:
        return tuple(unit for _row, unit in self._rows())

    def problem(self) -> tuple[int, int, str] | None:
        """(row, column, message) of the first refused unit, or None."""
        seen: dict[str, int] = {}
        for row, unit in self._rows():
            try:
                check_unit(unit)
            except ValidationError as exc:
                return row, NAME if exc.field == "unit_name" else CODE, shown(exc)
            if unit.code.casefold() in seen:
                return (
                    row,
                    CODE,
                    self.tr("Mã đơn vị «{0}» bị lặp lại (dòng {1} và dòng {2}).").format(
                        unit.code, seen[unit.code.casefold()] + 1, row + 1
                    ),
                )
            seen[unit.code.casefold()] = row
        return None

    def validatePage(self) -> bool:  # noqa: N802
        # A cell still being edited counts: its editor is closed first, keeping what was typed.
        self.table.setCurrentItem(None)
        found = self.problem()
        if found is None:
            self.error.hide()
            return True
        row, column, message = found
        self.show_message(message)
        self.table.setCurrentCell(row, column)
        self.table.setFocus()
        return False

    def show_message(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def show_error(self, field: str, message: str) -> bool:
        if field not in ("unit_code", "unit_name"):
            return False
        self.show_message(message)
        return True
