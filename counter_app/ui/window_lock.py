"""The main window's lock and change of user (issue 10: the counter PC faces the public).

A part of MainWindow (a mixin, to keep each module short). After ``idle_lock_minutes`` without
input (settings.json), or on Hệ thống → Khóa máy (Ctrl+L), the lock screen takes the place of the
pages in the central area — the pages are hidden, not merely covered: nothing of them is painted,
nor reachable by keyboard —, the menus and page keys are switched off, the status bar is hidden and
every dialog of the window is cancelled (its answer is the safe one: No, Cancel). The same user's
password opens it again with everything as it was. Another user's log-in (there, or through
Hệ thống → Đổi người dùng…, after a warning when a form holds unsaved input) emits
``switch_user``: the application (app.py's WindowLoop) opens a window for them — the pages of
their role — and closes this one with ``close_for_handover``.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QStackedWidget,
    QTabWidget,
    QToolTip,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from counter_app.config import DEFAULT_IDLE_LOCK_MINUTES, load_settings
from counter_app.domain.errors import UserError
from counter_app.services.actor import Actor
from counter_app.services.login import record_screen_locked
from counter_app.ui.idle_watch import IdleWatch, minutes_to_ms
from counter_app.ui.lock_screen import LockScreen
from counter_app.ui.login_dialog import LoginDialog
from counter_app.ui.session import UiSession

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QMenuBar, QStatusBar

log = logging.getLogger(__name__)
# Khóa máy owns Ctrl+L in every page: no page may use it (two shortcuts of one key cancel each
# other out, and a counter that seems locked and is not is the worse failure). The track page's
# "Xin lỗi – hẹn lại" moved to Ctrl+H for it.
LOCK_KEY = QKeySequence("Ctrl+L")


class WindowLock:
    """Needs what MainWindow sets up: the session, the page tabs and their keys, the system menu."""

    session: UiSession
    tabs: QTabWidget
    system_menu: QMenu
    _page_keys: list[QShortcut]

    def _set_up_lock(self, idle_ms: int | None) -> None:
        """The central area (the pages, the lock screen in turn), the two menu entries, the idle
        watch (``idle_ms``: its timeout, 0 never; by default the workstation's setting)."""
        self._locked = False
        self._handing_over = False
        self._focus_before_lock: QWidget | None = None
        self.lock_screen = LockScreen(self.session)
        self.lock_screen.unlocked.connect(self._unlocked)
        self.lock_screen.switch_requested.connect(self.open_switch_user)
        self.central = QStackedWidget()
        self.central.addWidget(self.tabs)
        self.central.addWidget(self.lock_screen)
        self.setCentralWidget(self.central)
        self.system_menu.addSeparator()
        # Lock it when leaving the counter; hand it over at a change of shift.
        self.lock_action = QAction(QCoreApplication.translate("MainWindow", "Khóa máy"), self)
        self.lock_action.setShortcut(LOCK_KEY)
        self.lock_action.triggered.connect(lambda: self.lock("manual"))
        self.system_menu.addAction(self.lock_action)
        self.switch_action = QAction(QCoreApplication.translate("MainWindow", "Đổi người dùng…"), self)
        self.switch_action.triggered.connect(self.open_switch_user)
        self.system_menu.addAction(self.switch_action)
        self.idle = IdleWatch(self._idle_ms_from_settings() if idle_ms is None else idle_ms, self)
        self.idle.idle.connect(lambda: self.lock("idle"))

    def _idle_ms_from_settings(self) -> int:
        minutes = DEFAULT_IDLE_LOCK_MINUTES
        if self.session.paths is not None:
            try:
                minutes = load_settings(self.session.paths).idle_lock_minutes
            except UserError as exc:  # an unreadable settings.json: the default, and the log says why
                log.warning("idle lock: %s", exc.message)
        return minutes_to_ms(minutes)

    def apply_idle_setting(self) -> None:
        """The idle minutes just saved in the settings apply at once."""
        if self.session.paths is not None:
            self.idle.set_timeout(self._idle_ms_from_settings())

    # ------------------------------------------------------------------ locking
    def is_locked(self) -> bool:
        return self._locked

    def lock(self, reason: str = "manual") -> None:
        """Cover the window now (``reason``: "idle" or "manual", written in the event log). The
        pages give way to the lock screen untouched: what was typed is there after the unlock."""
        if self._locked:
            return
        self._locked = True
        focus = QApplication.focusWidget()
        self._focus_before_lock = focus if focus is not None and self.isAncestorOf(focus) else None
        self._close_dialogs()
        self.central.setCurrentWidget(self.lock_screen)
        self._set_controls_enabled(False)
        self.statusBar().hide()
        self.idle.pause()
        self.lock_screen.prepare()
        # Painted before the event is written: a database that keeps the write waiting (a busy
        # SQLite file, a PostgreSQL server out of reach) must not keep the form on screen meanwhile.
        self.central.repaint()
        try:
            record_screen_locked(self.session.db, self.session.actor, now=self.session.now(), reason=reason)
        except (UserError, SQLAlchemyError) as exc:  # the lock holds even if the log cannot be written
            log.warning("screen lock not recorded: %s", exc)

    def _close_dialogs(self) -> None:
        """Cancel what this window has open over it (menus, tooltips, dialogs and message boxes); a
        progress dialog stays (it shows no data, and cancelling it would stop the work)."""
        popup = QApplication.activePopupWidget()
        while popup is not None:
            popup.close()
            following = QApplication.activePopupWidget()
            popup = None if following is popup else following
        QToolTip.hideText()
        for widget in QApplication.topLevelWidgets():
            if (
                isinstance(widget, QDialog)
                and not isinstance(widget, QProgressDialog)
                and widget.isVisible()
                and self._owns(widget)
            ):
                widget.reject()

    def _owns(self, widget: QWidget) -> bool:
        parent = widget.parentWidget()
        while parent is not None:
            if parent is self:
                return True
            parent = parent.parentWidget()
        return False

    def _set_controls_enabled(self, enabled: bool) -> None:
        self.menuBar().setEnabled(enabled)
        for action in self.system_menu.actions():
            action.setEnabled(enabled)
        for shortcut in self._page_keys:
            shortcut.setEnabled(enabled)

    def _refuse_close_while_locked(self) -> bool:
        """Someone at a locked counter must not throw the officer's form away by closing the window."""
        if not (self._locked and self.unsaved_pages()):
            return False
        self.lock_screen.say(
            QCoreApplication.translate(
                "MainWindow",
                "Máy đang khóa và trang đang mở còn thông tin chưa lưu: mở khóa để đóng chương trình.",
            )
        )
        return True

    # ------------------------------------------------------------------ unlocking
    def _unlocked(self, actor: Actor) -> None:
        """The lock screen took the password. A role changed meanwhile makes other pages: a new
        window; otherwise everything as it was (the name refreshed)."""
        current = self.session.actor
        if actor.role != current.role or actor.office_id != current.office_id:
            self.switch_user.emit(actor)
            return
        self.session.actor = actor
        self._show_who()
        self.unlock()

    def unlock(self) -> None:
        """The pages back as they were, with the focus where it was."""
        if not self._locked:
            return
        self._locked = False
        self.central.setCurrentWidget(self.tabs)
        self._set_controls_enabled(True)
        self.statusBar().show()
        self.idle.resume()
        focus, self._focus_before_lock = self._focus_before_lock, None
        try:
            if focus is not None and focus.isVisible():
                focus.setFocus()
                return
        except RuntimeError:  # the widget has gone meanwhile
            pass
        self._focus_current()

    # ------------------------------------------------------------------ change of user
    def open_switch_user(self) -> LoginDialog | None:
        """Hệ thống → Đổi người dùng…, and «Người khác đăng nhập» on the lock screen: after a warning
        when a page holds unsaved input, the log-in dialog for another user (a one-time password is
        replaced there first). Cancelling keeps this user and this window as they are."""
        if not self._may_discard_for_switch():
            return None
        session = self.session
        dialog = LoginDialog(session.db, self, clock=session.now, switching=True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._logged_in_over(dialog.actor))
        dialog.open()
        return dialog

    def _may_discard_for_switch(self) -> bool:
        unsaved = self.unsaved_pages()
        if not unsaved:
            return True
        if not self._locked:
            self.show_page(unsaved[0])  # let the officer see what would be lost (never while locked)
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("MainWindow", "Đổi người dùng?"),
            QCoreApplication.translate(
                "MainWindow",
                "Trang đang mở có thông tin đã nhập nhưng chưa lưu. Nếu người khác đăng nhập, "
                "thông tin này sẽ bị bỏ. Tiếp tục?",
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,  # Enter by habit keeps the form
        )
        return answer == QMessageBox.StandardButton.Yes

    def _logged_in_over(self, actor: Actor | None) -> None:
        if actor is None:
            return
        current = self.session.actor
        if actor.user_id == current.user_id and actor.role == current.role:
            # The same user after all: nothing to rebuild, nothing lost.
            self.session.actor = actor
            self._show_who()
            self.unlock()
            return
        self.switch_user.emit(actor)

    def close_for_handover(self) -> bool:
        """Close without asking (the warning was given before the other user logged in)."""
        self._handing_over = True
        closed = self.close()
        self._handing_over = closed
        return closed

    if TYPE_CHECKING:  # provided by MainWindow and QMainWindow; declared only for the type checker
        switch_user: SignalInstance

        def pages(self) -> list[QWidget]: ...
        def unsaved_pages(self) -> list[QWidget]: ...
        def show_page(self, page: QWidget | None) -> None: ...
        def _focus_current(self) -> None: ...
        def _show_who(self) -> None: ...
        def setCentralWidget(self, widget: QWidget) -> None: ...  # noqa: N802
        def menuBar(self) -> QMenuBar: ...  # noqa: N802
        def statusBar(self) -> QStatusBar: ...  # noqa: N802
        def isAncestorOf(self, child: QWidget) -> bool: ...  # noqa: N802
        def close(self) -> bool: ...
