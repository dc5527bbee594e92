"""The main window: office identity, database, and the procedure catalogue."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.db.database import Database
from counter_app.services.catalog import list_procedures
from counter_app.services.overview import office_overview
from counter_app.ui.catalog_model import CatalogTableModel


class MainWindow(QMainWindow):
    def __init__(self, db: Database) -> None:
        super().__init__()
        self._db = db
        self.setWindowTitle(self.tr("Bộ phận Một cửa — counter_app"))
        overview = office_overview(db)

        office_box = QGroupBox(self.tr("Đơn vị tiếp nhận"))
        form = QFormLayout(office_box)
        form.addRow(self.tr("Tên đơn vị:"), QLabel(overview.office_name))
        form.addRow(self.tr("Mã định danh:"), QLabel(overview.identifier_code))
        form.addRow(self.tr("Địa chỉ:"), QLabel(overview.address))
        form.addRow(
            self.tr("Danh mục:"),
            QLabel(self.tr("{0} thủ tục, {1} hồ sơ").format(overview.procedures, overview.dossiers)),
        )

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Tìm thủ tục theo tên hoặc mã (có dấu hay không dấu)…"))
        self.search.setClearButtonEnabled(True)
        self.model = CatalogTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(office_box)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        self.setCentralWidget(central)

        self.status_label = QLabel(self.tr("{0} · CSDL: {1}").format(overview.office_name, overview.database))
        self.statusBar().addPermanentWidget(self.status_label)
        self.search.textChanged.connect(self.refresh_catalog)
        self.refresh_catalog()
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)
        self._restore_geometry()

    def refresh_catalog(self) -> None:
        self.model.set_rows(list_procedures(self._db, self.search.text()))

    def _restore_geometry(self) -> None:
        geometry = QSettings().value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 700)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)
