"""counter-app: the GUI entry point.

Paths and logging first, then the interface language (translators installed before any widget),
a crash hook (a dialog naming the log file), then the database (opened, checked, migrated after a
backup), then the log-in and the window. A change of user (Hệ thống → Đổi người dùng, or another
officer at the lock screen) opens a new window for them — its pages follow their role — and closes
the old one (``WindowLoop``).
"""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, QThread, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from counter_app.config import load_settings
from counter_app.context import open_context, setup_logging
from counter_app.db.database import Database
from counter_app.domain.errors import UserError
from counter_app.paths import resolve_paths
from counter_app.services import demo
from counter_app.services.actor import Actor
from counter_app.services.offices import office_timezone
from counter_app.ui import backup_guard
from counter_app.ui.gc_guard import GuiThreadGarbageCollector
from counter_app.ui.i18n import DEFAULT_LANGUAGE, install_translators
from counter_app.ui.session import UiSession
from counter_app.ui.worker import Report, run_with_progress

if TYPE_CHECKING:
    from counter_app.ui.main_window import MainWindow

log = logging.getLogger(__name__)
DEMO_DOSSIERS_ON_FIRST_RUN = 500


class WindowLoop:
    """The main windows of one run: one for the user who logged in, then a new one at every change
    of user (their role decides the pages), the old one closed — without asking, the warning about
    unsaved input came before the log-in — once the new one shows (so the application never runs
    out of windows in between).

    ``make_session`` gives the session of an actor; ``make_window`` the window of a session."""

    def __init__(
        self,
        make_session: Callable[[Actor], UiSession],
        make_window: Callable[[UiSession], MainWindow] | None = None,
    ) -> None:
        self._make_session = make_session
        self._make_window = make_window
        self.window: MainWindow | None = None
        self._closed: set[MainWindow] = set()  # closed, waiting for their threads before deletion

    def open(self, actor: Actor) -> MainWindow | None:
        """The window of ``actor``, shown; None (said in a message) when it cannot be made."""
        from counter_app.ui.main_window import MainWindow

        try:
            session = self._make_session(actor)
            window = self._make_window(session) if self._make_window else MainWindow(session)
        except UserError as exc:
            QMessageBox.critical(
                self.window, QCoreApplication.translate("app", "Không mở được dữ liệu"), exc.message
            )
            return None
        window.switch_user.connect(lambda new_actor: self.switch(window, new_actor))
        window.show()
        self.window = window
        return window

    def switch(self, old: MainWindow, actor: Actor) -> MainWindow | None:
        """Another user logged in over ``old``: their window, then ``old`` closed. If theirs cannot
        be made, ``old`` stays as it is."""
        new = self.open(actor)
        if new is not None and old.close_for_handover():
            self._dispose(old)
        return new

    def _dispose(self, old: MainWindow) -> None:
        """Free a closed window, once no work of its pages runs in a thread (deleting a running
        QThread aborts the process): a shift's window must not stay in memory all day."""
        self._closed.add(old)
        if any(thread.isRunning() for thread in old.findChildren(QThread)):
            QTimer.singleShot(500, lambda: self._dispose(old))
            return
        self._closed.discard(old)
        old.deleteLater()


def _install_crash_hook(log_file: str) -> None:
    def hook(exc_type, exc, tb) -> None:  # type: ignore[no-untyped-def]
        log.critical("unhandled error:\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        QMessageBox.critical(
            None,
            QCoreApplication.translate("app", "Lỗi không mong muốn"),
            QCoreApplication.translate(
                "app", "Phần mềm gặp lỗi không mong muốn: {0}\n\nChi tiết đã ghi vào nhật ký:\n{1}"
            ).format(exc, log_file),
        )

    sys.excepthook = hook


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="counter-app")
    parser.add_argument("--data-dir")
    parser.add_argument("--demo-if-empty", action="store_true", help="tạo dữ liệu mẫu nếu CSDL còn trống")
    args, qt_args = parser.parse_known_args(argv)

    try:
        paths = resolve_paths(args.data_dir).ensure()
    except UserError as exc:  # e.g. --data-dir names a file: say so in a window, not a traceback
        app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
        install_translators(app, DEFAULT_LANGUAGE)
        QMessageBox.critical(None, QCoreApplication.translate("app", "Không mở được dữ liệu"), exc.message)
        return 1
    log_file = setup_logging(paths)
    app = QApplication([sys.argv[0], *qt_args])
    QCoreApplication.setOrganizationName("counter_app")
    QCoreApplication.setApplicationName("counter_app")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(paths.config_dir))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    try:
        language = load_settings(paths).language
    except UserError:
        language = DEFAULT_LANGUAGE  # the unreadable settings file is reported when the context opens
    install_translators(app, language)
    _install_crash_hook(log_file)
    collector = GuiThreadGarbageCollector(app)  # noqa: F841  (lives as long as the application)
    if not backup_guard.offer_backup_if_damaged(paths):  # a file that does not open: offer its latest backup
        return 1
    try:
        ctx = open_context(args.data_dir)
    except UserError as exc:
        QMessageBox.critical(None, QCoreApplication.translate("app", "Không mở được dữ liệu"), exc.message)
        return 1
    state: dict[str, object] = {}

    def show_window(_result: object = None) -> None:
        from counter_app.ui.first_start import run_setup_if_needed
        from counter_app.ui.login_dialog import LoginDialog

        # A database without an office (a real office's first start): the set-up wizard, then
        # the log-in of the administrator it created. Cancelling it writes nothing and ends the run.
        if not run_setup_if_needed(ctx.db):
            app.exit(0)
            return
        login = LoginDialog(ctx.db, demo_hint=args.demo_if_empty)
        if login.exec() != LoginDialog.DialogCode.Accepted or login.actor is None:
            app.exit(0)
            return
        windows = WindowLoop(
            lambda actor: UiSession(ctx.db, actor, ctx.paths, timezone=office_timezone(ctx.db))
        )
        if windows.open(login.actor) is None:
            app.exit(1)
            return
        state["window"] = windows  # the windows of the whole run, one user after another
        state["daily_backup"] = backup_guard.DailyBackup(ctx, app)  # a verified backup a day while open

    def demo_failed(exc: BaseException) -> None:
        message = exc.message if isinstance(exc, UserError) else str(exc)
        QMessageBox.critical(None, QCoreApplication.translate("app", "Không tạo được dữ liệu mẫu"), message)
        app.exit(1)

    if args.demo_if_empty and demo.is_empty(ctx.db):
        # First run: office, users, catalogue and dossiers are made off the GUI thread.
        state["runner"] = run_with_progress(  # keep a reference: the thread must outlive this call
            None,
            QCoreApplication.translate("app", "Đang tạo dữ liệu mẫu lần đầu…"),
            lambda report: _make_demo(ctx.db, report),
            show_window,
            demo_failed,
        )
    else:
        # Inside the event loop, so that cancelling the log-in can end it.
        QTimer.singleShot(0, show_window)
    code = app.exec()
    ctx.close()
    if "window" in state:  # the desktop was used: one more backup, now that its window has gone
        backup_guard.backup_after_close(ctx)
    return code


def _make_demo(db: Database, report: Report) -> int:
    now = datetime.now(UTC)
    demo.ensure_demo_setup(db, now=now)
    return demo.generate_dossiers(db, DEMO_DOSSIERS_ON_FIRST_RUN, now=now, progress=report, chunk=100)


if __name__ == "__main__":
    sys.exit(main())
