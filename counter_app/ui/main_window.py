"""The main window: one page per counter task (F1…), the officer and the database always visible."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QWidget

from counter_app.services.actor import ROLE_LABELS
from counter_app.services.overview import office_overview
from counter_app.ui.pages.catalog_page import CatalogPage
from counter_app.ui.pages.guide_page import GuidePage
from counter_app.ui.pages.receive_page import ReceivePage
from counter_app.ui.session import UiSession


class MainWindow(QMainWindow):
    def __init__(self, session: UiSession) -> None:
        super().__init__()
        self.session = session
        self.setWindowTitle(self.tr("Bộ phận Một cửa — counter_app"))
        overview = office_overview(session.db)
        self.guide_page = GuidePage(session)
        self.receive_page = ReceivePage(session)
        self.catalog_page = CatalogPage(session, overview)
        self.tabs = QTabWidget()
        pages: list[tuple[QWidget, str]] = [
            (self.guide_page, self.tr("Hướng dẫn (F1)")),
            (self.receive_page, self.tr("Tiếp nhận (F2)")),
            (self.catalog_page, self.tr("Danh mục (F6)")),
        ]
        for page, label in pages:
            self.tabs.addTab(page, label)
        self.setCentralWidget(self.tabs)
        for key, page in (("F1", self.guide_page), ("F2", self.receive_page), ("F6", self.catalog_page)):
            QShortcut(QKeySequence(key), self, activated=lambda p=page: self.show_page(p))
        self.tabs.currentChanged.connect(lambda _i: self._focus_current())

        actor = session.actor
        printer = QPrinterInfo.defaultPrinterName() or self.tr("chưa có máy in")
        self.status_label = QLabel(
            self.tr("{0} ({1}) · {2} · CSDL: {3} · Máy in: {4}").format(
                actor.full_name, ROLE_LABELS[actor.role], overview.office_name, overview.database, printer
            )
        )
        self.statusBar().addPermanentWidget(self.status_label)
        self._restore_geometry()
        self.show_page(self.receive_page)

    def show_page(self, page: QWidget) -> None:
        self.tabs.setCurrentWidget(page)
        self._focus_current()

    def _focus_current(self) -> None:
        focus = getattr(self.tabs.currentWidget(), "focus_start", None)
        if focus is not None:
            focus()

    def _restore_geometry(self) -> None:
        geometry = QSettings().value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 760)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)
