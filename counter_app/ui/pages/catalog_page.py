"""Danh mục: the office and the procedure catalogue of this database."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from counter_app.services.office_overview import OfficeOverview
from counter_app.ui.session import UiSession
from counter_app.ui.widgets.procedure_picker import ProcedurePicker


class CatalogPage(QWidget):
    def __init__(self, session: UiSession, overview: OfficeOverview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        office_box = QGroupBox(self.tr("Đơn vị tiếp nhận"))
        form = QFormLayout(office_box)
        form.addRow(self.tr("Tên đơn vị:"), QLabel(overview.office_name))
        form.addRow(self.tr("Mã định danh:"), QLabel(overview.identifier_code))
        form.addRow(self.tr("Địa chỉ:"), QLabel(overview.address))
        form.addRow(
            self.tr("Danh mục:"),
            QLabel(self.tr("{0} thủ tục, {1} hồ sơ").format(overview.procedures, overview.dossiers)),
        )
        self.picker = ProcedurePicker(session.db)
        self.picker.table.setColumnHidden(3, False)
        layout = QVBoxLayout(self)
        layout.addWidget(office_box)
        layout.addWidget(self.picker, 1)

    def focus_start(self) -> None:
        self.picker.search.setFocus()
