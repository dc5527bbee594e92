"""Quản trị (F7, admins only): users, the office, its calendar, procedures, units, backups, the
exchange with the province and — at the province — the offices.

One tab per task; each tab calls its services only and re-reads itself when shown. The backups tab's
``restart_required`` is the page's: after a restore the main window must close (the application
starts again on the restored file).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QWidget

from counter_app.ui.admin.backups_tab import BackupsTab
from counter_app.ui.admin.calendar_tab import CalendarTab
from counter_app.ui.admin.exchange_tab import ExchangeTab
from counter_app.ui.admin.office_tab import OfficeTab
from counter_app.ui.admin.procedures_tab import ProceduresTab
from counter_app.ui.admin.province_tab import ProvinceTab
from counter_app.ui.admin.units_tab import UnitsTab
from counter_app.ui.admin.users_tab import UsersTab
from counter_app.ui.session import UiSession


class AdminPage(QTabWidget):
    restart_required = Signal()

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.users_tab = UsersTab(session)
        self.office_tab = OfficeTab(session)
        self.calendar_tab = CalendarTab(session)
        self.procedures_tab = ProceduresTab(session)
        self.units_tab = UnitsTab(session)
        self.backups_tab = BackupsTab(session)
        self.exchange_tab = ExchangeTab(session)
        self.province_tab = ProvinceTab(session)
        self.addTab(self.users_tab, self.tr("Người dùng"))
        self.addTab(self.office_tab, self.tr("Đơn vị"))
        self.addTab(self.calendar_tab, self.tr("Lịch làm việc"))
        self.addTab(self.procedures_tab, self.tr("Thủ tục"))
        self.addTab(self.units_tab, self.tr("Đơn vị chuyên môn"))
        self.addTab(self.backups_tab, self.tr("Sao lưu"))
        self.addTab(self.exchange_tab, self.tr("Trao đổi với tỉnh"))
        self.addTab(self.province_tab, self.tr("Các văn phòng (tỉnh)"))
        self.backups_tab.restart_required.connect(self._restored)
        self.currentChanged.connect(lambda _i: self._show_current())

    def _restored(self) -> None:
        """The database was replaced: nothing typed here is worth keeping (closing must not ask about
        it), and nothing more is done until the application starts again."""
        self.office_tab.forget_input()
        self.setEnabled(False)
        self.restart_required.emit()

    def tabs(self) -> list[QWidget]:
        return [self.widget(i) for i in range(self.count())]

    def refresh(self) -> None:
        """Re-read every tab."""
        for tab in self.tabs():
            tab.refresh()  # type: ignore[attr-defined]

    def _show_current(self) -> None:
        """The tab shown re-reads itself (another counter may have changed things), unless it holds
        input not yet saved."""
        current = self.currentWidget()
        unsaved = getattr(current, "has_unsaved_input", None)
        if current is not None and not (callable(unsaved) and unsaved()):
            current.refresh()  # type: ignore[attr-defined]

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._show_current()

    def focus_start(self) -> None:
        focus = getattr(self.currentWidget(), "focus_start", None)
        if focus is not None:
            focus()
