"""The main window: one page per counter task (F1…), the officer and the database always visible.

It wires the pages together: a dossier received, refused or returned on one page makes the
tracking list re-read itself; slips are issued after each action; the status bar reports where
a slip was saved (the path in full, see widgets/status_message.py); closing the window with a
form half filled asks first.

The pages follow the role: the counter's work (F2–F4) for officers, supervisors and admins, the
reports (F5) for all but officers, the administration (F7) for admins; an auditor reads the guide,
the reports and the catalogue only. On a province's database (offices enrolled) every role also has
the offices' dossiers (F8).

The PC faces the public (issue 10): the idle lock, Khóa máy (Ctrl+L) and Đổi người dùng are in
window_lock.py; ``switch_user`` asks the application (app.py) for a window of another user.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QTabWidget, QWidget

from counter_app.services.actor import ROLE_LABELS, Role
from counter_app.services.exchange.province_view import has_offices
from counter_app.services.office_overview import office_overview
from counter_app.services.slips.common import GuideKey, HandoverKey
from counter_app.ui.admin.admin_page import AdminPage
from counter_app.ui.i18n import domain_label
from counter_app.ui.operations import writes_idle
from counter_app.ui.pages.audit_page import AuditPage
from counter_app.ui.pages.catalog_page import CatalogPage
from counter_app.ui.pages.dashboard_page import DashboardPage
from counter_app.ui.pages.guide_page import GuidePage
from counter_app.ui.pages.offices_page import OfficesPage
from counter_app.ui.pages.receive_page import ReceivePage
from counter_app.ui.pages.reports_page import ReportsPage
from counter_app.ui.pages.return_page import ReturnPage
from counter_app.ui.pages.track.page import TrackPage
from counter_app.ui.password_dialog import ChangePasswordDialog
from counter_app.ui.scanner import ScannerFilter
from counter_app.ui.session import UiSession
from counter_app.ui.settings_dialog import SettingsDialog
from counter_app.ui.slip_desk import Printer, SlipDesk
from counter_app.ui.widgets.elided_label import ElidedLabel
from counter_app.ui.widgets.status_message import StatusMessage
from counter_app.ui.window_lock import WindowLock


class MainWindow(WindowLock, QMainWindow):
    # Another user logged in over this window (Đổi người dùng, or «Người khác đăng nhập» on the lock
    # screen): the application opens their window and then calls close_for_handover (app.py).
    switch_user = Signal(object)  # Actor (window_lock.py)

    def __init__(
        self, session: UiSession, printer: Printer | None = None, *, idle_ms: int | None = None
    ) -> None:
        """``idle_ms``: the idle lock's timeout (0: never); by default the workstation's
        ``idle_lock_minutes`` from settings.json."""
        super().__init__()
        self.session = session
        self.setWindowTitle(self.tr("Bộ phận Một cửa — counter_app"))
        overview = office_overview(session.db)
        role = session.actor.role
        # The counter's own work is refused to an auditor by every service: no page for it.
        counter_work = role != Role.AUDITOR
        self.guide_page = GuidePage(session)
        self.receive_page: ReceivePage | None = ReceivePage(session) if counter_work else None
        self.track_page: TrackPage | None = TrackPage(session) if counter_work else None
        self.return_page: ReturnPage | None = ReturnPage(session) if counter_work else None
        self.catalog_page = CatalogPage(session, overview)
        # The supervisor's page: today's figures and the period reports (theirs, docs/domain-rules.md §2).
        self.dashboard_page: DashboardPage | None = None
        self.reports_page: ReportsPage | None = None
        self.supervisor_page: QTabWidget | None = None
        self.audit_page: AuditPage | None = None
        if role != Role.OFFICER:
            self.dashboard_page = DashboardPage(session)
            self.reports_page = ReportsPage(session, printer=printer)
            self.supervisor_page = QTabWidget()
            self.supervisor_page.addTab(self.dashboard_page, self.tr("Hôm nay"))
            self.supervisor_page.addTab(self.reports_page, self.tr("Báo cáo theo kỳ"))
            if role in (Role.ADMIN, Role.AUDITOR):  # who looked at what (services/audit_trail.py)
                self.audit_page = AuditPage(session)
                self.supervisor_page.addTab(self.audit_page, self.tr("Nhật ký truy cập"))
            self.supervisor_page.currentChanged.connect(lambda _i: self._focus_current())
        # Quản trị (F7): users, office, calendar, the office's procedures, units, backups.
        self.admin_page: AdminPage | None = None
        if role == Role.ADMIN:
            self.admin_page = AdminPage(session)
            self.admin_page.currentChanged.connect(lambda _i: self._focus_current())
            # After a restore the database under this window is another one: the app must restart.
            self.admin_page.restart_required.connect(self.close)
        # Các văn phòng (F8): on a province's database (offices enrolled), the offices' dossiers.
        self.offices_page: OfficesPage | None = OfficesPage(session) if has_offices(session.db) else None
        self.tabs = QTabWidget()
        # (key, page or None when the role has none, label): no tab and no key without a page.
        pages: list[tuple[str, QWidget | None, str]] = [
            ("F1", self.guide_page, self.tr("Hướng dẫn (F1)")),
            ("F2", self.receive_page, self.tr("Tiếp nhận (F2)")),
            ("F3", self.track_page, self.tr("Theo dõi (F3)")),
            ("F4", self.return_page, self.tr("Trả kết quả (F4)")),
            ("F5", self.supervisor_page, self.tr("Báo cáo (F5)")),
            ("F6", self.catalog_page, self.tr("Danh mục (F6)")),
            ("F7", self.admin_page, self.tr("Quản trị (F7)")),
            ("F8", self.offices_page, self.tr("Các văn phòng (F8)")),
        ]
        self._page_keys: list[QShortcut] = []
        for key, page, label in pages:
            if page is None:
                continue
            self.tabs.addTab(page, label)
            shortcut = QShortcut(QKeySequence(key), self, activated=lambda p=page: self.show_page(p))
            self._page_keys.append(shortcut)
        self.tabs.currentChanged.connect(lambda _i: self._focus_current())
        self.status_message = StatusMessage()
        self.statusBar().addWidget(self.status_message, 1)
        self.desk = SlipDesk(session, self, printer)
        self.desk.said.connect(self._desk_said)
        self._connect_slips()
        self._connect_refresh()
        self.scanner = ScannerFilter(self)
        if self.return_page is not None:
            self.scanner.ignored.add(self.return_page.scan)  # the return page's own scan field
        self.scanner.code_scanned.connect(self.open_scanned)
        QApplication.instance().installEventFilter(self.scanner)  # type: ignore[union-attr]

        self._overview = overview
        # Elided, whole in the tooltip: a long office name or database path must not push the
        # message (and the path of a saved slip) off the status bar.
        self.status_label = ElidedLabel()
        self._show_who()
        self.statusBar().addPermanentWidget(self.status_label)
        self.status_message.changed.connect(self._share_status_bar)
        settings = QAction(self.tr("Cài đặt…"), self, shortcut=QKeySequence("Ctrl+,"))
        settings.triggered.connect(self.open_settings)
        self.system_menu = self.menuBar().addMenu(self.tr("Hệ thống"))
        self.system_menu.addAction(settings)
        # Users (issue 10): everyone changes their own password here.
        change_password = QAction(self.tr("Đổi mật khẩu…"), self)
        change_password.triggered.connect(self.open_change_password)
        self.system_menu.addAction(change_password)
        # The central area (the pages, or the lock screen over them), Khóa máy, Đổi người dùng,
        # the idle watch: window_lock.py.
        self._set_up_lock(idle_ms)
        self._restore_geometry()
        self.show_page(self.start_page())

    def start_page(self) -> QWidget:
        """The page the window opens on: Tiếp nhận, or for an auditor the reports."""
        if self.receive_page is not None:
            return self.receive_page
        return self.dashboard_page if self.dashboard_page is not None else self.guide_page

    def _show_who(self) -> None:
        """The status bar's who and where: the user (with the role), the office, database, printer."""
        actor, overview = self.session.actor, self._overview
        printer = QPrinterInfo.defaultPrinterName() or self.tr("chưa có máy in")
        self.status_label.setText(
            self.tr("{0} ({1}) · {2} · CSDL: {3} · Máy in: {4}").format(
                actor.full_name,
                domain_label(ROLE_LABELS[actor.role]),
                overview.office_name,
                overview.database,
                printer,
            )
        )
        self.status_label.setToolTip(self.status_label.text())

    def _connect_slips(self) -> None:
        """Each action prints the slip the citizen or the next desk needs."""
        desk = self.desk
        self.guide_page.print_requested.connect(lambda code, case: desk.issue("guide", GuideKey(code, case)))
        if self.dashboard_page is not None:
            self.dashboard_page.open_dossier.connect(self.open_scanned)
        if self.receive_page is None or self.track_page is None or self.return_page is None:
            return  # an auditor: no counter work
        # The receive page issues the receipt through the desk (rendered in the background) and
        # shows where it went in its banner (issue 9: the receipt moment).
        self.receive_page.attach_desk(desk)
        self.receive_page.supplement_requested.connect(
            lambda r: desk.issue("supplement", str(r.pending_intake_id))
        )
        self.receive_page.refused.connect(lambda r: desk.issue("refusal", r.code))
        self.track_page.transferred.connect(
            lambda codes, unit: desk.issue("handover", HandoverKey(unit, tuple(codes)))
        )
        slips_after = {"apologise": "apology", "stop": "stop", "request_supplement": "supplement"}
        self.track_page.action_done.connect(
            lambda action, code: desk.issue(slips_after[action], code) if action in slips_after else None
        )
        self.return_page.returned.connect(lambda code, _result: desk.issue("result", code))
        self.track_page.detail.reprint_requested.connect(desk.reprint)

    def _share_status_bar(self) -> None:
        """The message (what just happened, a saved file's path) first; who and where keep at least
        a quarter of the bar, elided, whole in their tooltip. Without a message they take it all."""
        bar = self.statusBar().width()
        message = self.status_message.sizeHint().width() if self.status_message.text() else 0
        self.status_label.setMaximumWidth(max(bar - message - 24, bar // 4))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._share_status_bar()

    def _connect_refresh(self) -> None:
        """Dossiers made or changed on another page appear in Theo dõi without pressing refresh."""
        if self.receive_page is None or self.track_page is None or self.return_page is None:
            return
        self.receive_page.received.connect(self.track_page.mark_stale)
        self.receive_page.refused.connect(self.track_page.mark_stale)
        self.return_page.returned.connect(self.track_page.mark_stale)

    def _desk_said(self, text: str) -> None:
        """The slip desk's sentence; when it names the slip's file, the status bar offers its path."""
        slip = self.desk.last
        path = slip.path if slip is not None and slip.path is not None else None
        self.status_message.show_message(text, path if path is not None and str(path) in text else None)

    def open_settings(self) -> SettingsDialog:
        """Language and receipt paper (Ctrl+,)."""
        dialog = SettingsDialog(self.session.paths, self, self.session)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.apply_idle_setting)
        dialog.open()
        return dialog

    def open_change_password(self) -> ChangePasswordDialog:
        """Hệ thống → Đổi mật khẩu…: current password, the new one twice (users, issue 10)."""
        dialog = ChangePasswordDialog(self.session.db, self.session.actor, self, clock=self.session.now)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.status_message.show_message(self.tr("Đã đổi mật khẩu.")))
        dialog.open()
        return dialog

    def open_scanned(self, code: str) -> None:
        """A receipt scanned anywhere: the return page takes it there, elsewhere the dossier opens.

        Nothing opens while the screen is locked, nor for an auditor (no counter pages)."""
        if self._locked:
            return
        if self.return_page is not None and self.tabs.currentWidget() is self.return_page:
            self.return_page.open_code(code)
            return
        if self.track_page is None:
            self.status_message.show_message(
                self.tr("Mã hồ sơ {0}: vai trò «{1}» không mở hồ sơ tại quầy.").format(
                    code, domain_label(ROLE_LABELS[self.session.actor.role])
                )
            )
            return
        self.show_page(self.track_page)
        self.track_page.show_code(code)

    def show_page(self, page: QWidget | None) -> None:
        if page is None:  # a page this role does not have
            return
        for group in (self.supervisor_page, self.admin_page):  # pages with tabs of their own
            if group is not None and group.indexOf(page) >= 0:
                group.setCurrentWidget(page)
                page = group
                break
        self.tabs.setCurrentWidget(page)
        self._focus_current()

    def _focus_current(self) -> None:
        current = self.tabs.currentWidget()
        if isinstance(current, QTabWidget):
            current = current.currentWidget()
        focus = getattr(current, "focus_start", None)
        if focus is not None:
            focus()

    def _restore_geometry(self) -> None:
        geometry = QSettings().value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 760)

    def pages(self) -> list[QWidget]:
        """Every page, the supervisor's sub-pages included, in tab order."""
        found: list[QWidget] = []
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if isinstance(page, QTabWidget):
                found += [page.widget(i) for i in range(page.count())]
            else:
                found.append(page)
        return found

    def unsaved_pages(self) -> list[QWidget]:
        """Pages holding input that closing would lose (pages say so through ``has_unsaved_input``)."""
        return [
            page
            for page in self.pages()
            if callable(check := getattr(page, "has_unsaved_input", None)) and check()
        ]

    def _may_close(self) -> bool:
        unsaved = self.unsaved_pages()
        if not unsaved:
            return True
        self.show_page(unsaved[0])  # let the officer see what would be lost
        answer = QMessageBox.question(
            self,
            self.tr("Đóng chương trình?"),
            self.tr(
                "Trang đang mở có thông tin đã nhập nhưng chưa lưu. Đóng chương trình và bỏ thông tin này?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,  # Enter by habit keeps the window and the form
        )
        return answer == QMessageBox.StandardButton.Yes

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self._handing_over and not writes_idle():
            # A write is being saved (an accept waiting for a busy database…): the window closes
            # once it is, its outcome shown and its slip issued — never with a dossier received
            # whose code nobody saw.
            event.ignore()
            QTimer.singleShot(100, self.close)
            return
        if not self._handing_over and (
            self._refuse_close_while_locked() or (not self._locked and not self._may_close())
        ):
            event.ignore()
            return
        self.idle.remove()
        QApplication.instance().removeEventFilter(self.scanner)  # type: ignore[union-attr]
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)
