"""Quản trị → Đơn vị chuyên môn: the units dossiers are handed to (services/units.py).

A unit is never deleted: transfers, slips and reports name it. A rename is dated (a dossier handed
over earlier keeps the name of its day); a retired unit is greyed, left out of the transfer dialog,
and comes back when its code is added again.
"""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import UserError
from counter_app.services import units
from counter_app.services.units import UnitInfo
from counter_app.ui.admin.common import GREY, Feedback, confirm, field_error_label, plain_table, with_error
from counter_app.ui.messages import shown
from counter_app.ui.session import UiSession


class UnitsTab(QWidget):
    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._units: list[UnitInfo] = []
        self.table = plain_table([self.tr("Mã"), self.tr("Tên đơn vị"), self.tr("Trạng thái")])
        self.show_retired = QCheckBox(self.tr("Hiện cả đơn vị đã ngừng"))
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("ví dụ: SNV"))
        self.code.setMaximumWidth(160)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("ví dụ: Sở Nội vụ"))
        self.code_error = field_error_label()
        self.name_error = field_error_label()
        self.add_button = QPushButton(self.tr("Thêm đơn vị"))
        self.rename_button = QPushButton(self.tr("Đổi tên đơn vị đang chọn"))
        self.retire_button = QPushButton(self.tr("Ngừng đơn vị đang chọn…"))
        self.message = Feedback()
        note = QLabel(
            self.tr(
                "Đơn vị nhận hồ sơ chuyển đến để giải quyết. Không xóa đơn vị: đơn vị thôi nhận hồ sơ được "
                "«ngừng» (không còn trong danh sách chuyển hồ sơ; hồ sơ đã chuyển vẫn giữ tên đơn vị). Đổi tên "
                "có ngày hiệu lực: hồ sơ chuyển trước đó vẫn ghi tên cũ. Thêm lại mã của đơn vị đã ngừng để "
                "dùng lại đơn vị đó."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {GREY}")
        form = QFormLayout()
        form.addRow(self.tr("Mã đơn vị:"), with_error(self.code, self.code_error))
        form.addRow(self.tr("Tên đơn vị:"), with_error(self.name, self.name_error))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.rename_button, self.retire_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.show_retired)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.show_retired.toggled.connect(lambda _on: self.refresh())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.add_button.clicked.connect(self.add_unit)
        self.rename_button.clicked.connect(self.rename_unit)
        self.retire_button.clicked.connect(self.retire_unit)
        self.code.textEdited.connect(lambda _t: self.code_error.hide())
        self.name.textEdited.connect(lambda _t: self.name_error.hide())
        self._selection_changed()

    # ------------------------------------------------------------------------------------ reading

    def focus_start(self) -> None:
        self.table.setFocus()

    def refresh(self) -> None:
        keep = self.selected_code()
        try:
            self._units = units.list_units(self._session.db, include_retired=self.show_retired.isChecked())
        except UserError as exc:
            self.message.say(shown(exc), error=True)
            return
        self.table.setRowCount(len(self._units))
        for row, unit in enumerate(self._units):
            state = (
                self.tr("Đang hoạt động")
                if unit.active
                else self.tr("Đã ngừng từ {0}").format(self._session.local_text(unit.retired_at))
            )
            for column, text in enumerate((unit.code, unit.name, state)):
                item = QTableWidgetItem(text)
                if not unit.active:
                    item.setForeground(QBrush(QColor(GREY)))
                self.table.setItem(row, column, item)
        if keep is not None:
            self.select(keep)
        self._selection_changed()

    def selected(self) -> UnitInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self._units[rows[0].row()] if rows else None

    def selected_code(self) -> str | None:
        unit = self.selected()
        return unit.code if unit else None

    def select(self, code: str) -> bool:
        for row, unit in enumerate(self._units):
            if unit.code.casefold() == code.strip().casefold():
                self.table.selectRow(row)
                return True
        self.table.clearSelection()
        return False

    def _selection_changed(self) -> None:
        unit = self.selected()
        self.rename_button.setEnabled(unit is not None and unit.active)
        self.retire_button.setEnabled(unit is not None and unit.active)
        if unit is not None:
            self.code.setText(unit.code)
            self.name.setText(unit.name)

    # ------------------------------------------------------------------------------------ actions

    def add_unit(self) -> None:
        s = self._session
        code, name = self.code.text().strip(), self.name.text()
        try:
            outcome = units.add_unit(s.db, s.actor, code, name, now=s.now())
        except UserError as exc:
            self._refused(exc)
            return
        texts = {
            "added": self.tr("Đã thêm đơn vị {0}."),
            "reactivated": self.tr("Đơn vị {0} đã ngừng nay được dùng lại."),
            "unchanged": self.tr("Đơn vị {0} đã có với tên này: không có gì thay đổi."),
        }
        self._after_change(code, texts[outcome].format(code))

    def rename_unit(self) -> None:
        unit = self.selected()
        if unit is None:
            return
        s = self._session
        try:
            changed = units.rename_unit(s.db, s.actor, unit.code, self.name.text(), now=s.now())
        except UserError as exc:
            self._refused(exc)
            return
        text = (
            self.tr("Đã đổi tên đơn vị {0} từ «{1}» thành «{2}».")
            if changed
            else self.tr("Đơn vị {0} đã có tên «{1}»: không có gì thay đổi.")
        )
        self._after_change(unit.code, text.format(unit.code, unit.name, self.name.text().strip()))

    def retire_unit(self) -> None:
        unit = self.selected()
        if unit is None:
            return
        if not confirm(
            self,
            self.tr("Ngừng đơn vị"),
            self.tr(
                "Ngừng đơn vị {0} — {1}? Từ bây giờ không chuyển hồ sơ đến đơn vị này được nữa; hồ sơ đã "
                "chuyển vẫn ở đó và vẫn ghi tên đơn vị. Thủ tục đang gán cho đơn vị này nên được gán lại ở "
                "thẻ «Thủ tục»."
            ).format(unit.code, unit.name),
        ):
            return
        s = self._session
        try:
            units.retire_unit(s.db, s.actor, unit.code, now=s.now())
        except UserError as exc:
            self._refused(exc)
            return
        self._after_change(unit.code, self.tr("Đã ngừng đơn vị {0}.").format(unit.code))

    def _after_change(self, code: str, text: str) -> None:
        self.refresh()
        self.select(code)
        self.message.say(text)

    def _refused(self, exc: UserError) -> None:
        label = {"unit_code": self.code_error, "unit_name": self.name_error}.get(exc.field or "")
        if label is not None:
            label.setText(shown(exc))
            label.show()
        self.message.say(shown(exc), error=True)
