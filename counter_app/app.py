"""counter-app: the GUI entry point.

Paths and logging first, then the interface language (translators installed before any widget),
a crash hook (a dialog naming the log file), then the database (opened, checked, migrated after a
backup), then the log-in and the window. When nothing can come before the log-in (the folder's own
SQLite file, at this version's schema, with an office: ``startup_probe``), the log-in dialog shows
first and the database opens behind it — the database stack (SQLAlchemy, the models) is imported only
then, so the first window does not wait for it (issue 11). A new office (no database file yet, no
backup to offer) likewise gets the set-up wizard first, the database created and migrated behind it,
then the log-in of the administrator it made. A change of user (Hệ thống → Đổi người dùng, or another
officer at the lock screen) opens a new window for them — its pages follow their role — and closes
the old one (``WindowLoop``).
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import traceback
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QThread, QTimer, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox
from shiboken6 import isValid

from counter_app.bundled import resource_path
from counter_app.config import Settings, load_settings
from counter_app.domain.errors import UserError
from counter_app.logsetup import setup_logging
from counter_app.paths import AppPaths, resolve_paths
from counter_app.startup_probe import login_can_show_first, wizard_can_show_first
from counter_app.ui.gc_guard import GuiThreadGarbageCollector
from counter_app.ui.i18n import DEFAULT_LANGUAGE, install_translators
from counter_app.ui.messages import shown

# Everything below is imported where it is used, after the first window shows (see the docstring).
if TYPE_CHECKING:
    from counter_app.context import AppContext
    from counter_app.db.database import Database
    from counter_app.services.actor import Actor
    from counter_app.ui.login_dialog import LoginDialog
    from counter_app.ui.main_window import MainWindow
    from counter_app.ui.session import UiSession
    from counter_app.ui.setup_wizard import SetupWizard
    from counter_app.ui.worker import Report

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
                self.window, QCoreApplication.translate("app", "Không mở được dữ liệu"), shown(exc)
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


class _Run(QObject):
    """One run of the application after its QApplication exists: the first window, the log-in,
    the windows of the users who log in, and what is closed at the end."""

    def __init__(self, app: QApplication, paths: AppPaths, data_dir: str | None, demo_hint: bool) -> None:
        super().__init__()
        self.app, self.paths, self.data_dir, self.demo_hint = app, paths, data_dir, demo_hint
        self.ctx: AppContext | None = None
        self.windows: WindowLoop | None = None
        self.daily_backup: object | None = None
        self.runner: QThread | None = None  # a thread opening the database or making the demo
        self.login: LoginDialog | None = None
        self.wizard: SetupWizard | None = None
        self.open_error: BaseException | None = None
        self._opened_in_thread: AppContext | None = None

    # The log-in first, the database behind it.
    def login_first(self) -> None:
        from counter_app.ui.login_dialog import LoginDialog

        self.login = LoginDialog(None, demo_hint=self.demo_hint)
        self.login.show()  # the first window, before the database stack is even imported
        from counter_app.ui.worker import run_detached

        self.runner = run_detached(self._open_context, self._opened, self._open_failed)
        QTimer.singleShot(0, self._run_early_login)

    def _open_context(self) -> AppContext:
        from counter_app.context import open_context

        ctx = open_context(self.data_dir)
        self._opened_in_thread = ctx  # closed at the end even if the log-in was cancelled first
        return ctx

    @Slot(object)
    def _opened(self, ctx: AppContext) -> None:
        self.ctx = ctx
        if self.login is not None:
            self.login.set_database(ctx.db)
        if self.wizard is not None:
            self.wizard.set_database(ctx.db)  # a «Hoàn tất» pressed meanwhile runs now

    @Slot(object)
    def _open_failed(self, exc: BaseException) -> None:
        self.open_error = exc
        if self.login is not None:
            self.login.reject()
        if self.wizard is not None:
            # Closed without its «Hủy thiết lập?» question (done, not reject): nothing was written.
            self.wizard.done(self.wizard.DialogCode.Rejected)

    def _run_early_login(self) -> None:
        assert self.login is not None
        accepted = self.open_error is None and self.login.exec() == self.login.DialogCode.Accepted
        if self.open_error is not None:
            self._say_open_failed("the log-in")
            return
        if not accepted or self.login.actor is None:
            self.app.exit(0)
            return
        self.open_windows(self.login.actor)

    def _say_open_failed(self, behind: str) -> None:
        """The database did not open behind the first window: said, and the run ends with 1."""
        assert self.open_error is not None
        error = self.open_error
        message = shown(error) if isinstance(error, UserError) else str(error)
        log.error("database did not open behind %s: %s", behind, message)
        QMessageBox.critical(None, QCoreApplication.translate("app", "Không mở được dữ liệu"), message)
        self.app.exit(1)

    # A new office: the set-up wizard first, the database created and migrated behind it.
    def wizard_first(self) -> None:
        from counter_app.ui.setup_wizard import SetupWizard

        self.wizard = SetupWizard(None)
        self.wizard.show()  # the first window, before the database stack is even imported
        from counter_app.ui.worker import run_detached

        self.runner = run_detached(self._open_context, self._opened, self._open_failed)
        QTimer.singleShot(0, self._run_early_wizard)

    def _run_early_wizard(self) -> None:
        wizard = self.wizard
        assert wizard is not None
        accepted = self.open_error is None and wizard.exec() == wizard.DialogCode.Accepted
        self.wizard = None  # done with: a database arriving after a cancel is only closed at the end
        if self.open_error is not None:
            self._say_open_failed("the set-up wizard")
            return
        if not accepted:  # cancelled: nothing written but the new, empty database (as the ordinary way)
            self.app.exit(0)
            return
        self._login_then_windows()

    # The ordinary way: the database first (offer a backup, migrate, set up, demo), then the log-in.
    def database_first(self) -> bool:
        """False (said in a message) when the database cannot be used."""
        from counter_app.context import open_context
        from counter_app.ui import backup_guard
        from counter_app.ui.worker import run_with_progress

        if not backup_guard.offer_backup_if_damaged(self.paths):
            return False  # a file that does not open: its latest backup was offered
        try:
            self.ctx = open_context(self.data_dir)
        except UserError as exc:
            QMessageBox.critical(None, QCoreApplication.translate("app", "Không mở được dữ liệu"), shown(exc))
            return False
        from counter_app.services import demo

        if self.demo_hint and demo.is_empty(self.ctx.db):
            # First run: office, users, catalogue and dossiers are made off the GUI thread.
            db = self.ctx.db
            self.runner = run_with_progress(  # keep a reference: the thread must outlive this call
                None,
                QCoreApplication.translate("app", "Đang tạo dữ liệu mẫu lần đầu…"),
                lambda report: _make_demo(db, report),
                self._setup_then_login,
                self._demo_failed,
            )
        else:
            # Inside the event loop, so that cancelling the log-in can end it.
            QTimer.singleShot(0, self._setup_then_login)
        return True

    def _setup_then_login(self, _result: object = None) -> None:
        from counter_app.ui.first_start import run_setup_if_needed

        assert self.ctx is not None
        # A database without an office (a real office's first start): the set-up wizard, then
        # the log-in of the administrator it created. Cancelling it writes nothing and ends the run.
        if not run_setup_if_needed(self.ctx.db):
            self.app.exit(0)
            return
        self._login_then_windows()

    def _login_then_windows(self) -> None:
        from counter_app.ui.login_dialog import LoginDialog

        assert self.ctx is not None
        login = LoginDialog(self.ctx.db, demo_hint=self.demo_hint)
        if login.exec() != LoginDialog.DialogCode.Accepted or login.actor is None:
            self.app.exit(0)
            return
        self.open_windows(login.actor)

    def _demo_failed(self, exc: BaseException) -> None:
        message = shown(exc) if isinstance(exc, UserError) else str(exc)
        QMessageBox.critical(None, QCoreApplication.translate("app", "Không tạo được dữ liệu mẫu"), message)
        self.app.exit(1)

    def open_windows(self, actor: Actor) -> None:
        from counter_app.services.offices import office_timezone
        from counter_app.ui import backup_guard
        from counter_app.ui.session import UiSession

        ctx = self.ctx
        assert ctx is not None
        windows = WindowLoop(lambda who: UiSession(ctx.db, who, ctx.paths, timezone=office_timezone(ctx.db)))
        if windows.open(actor) is None:
            self.app.exit(1)
            return
        self.windows = windows  # the windows of the whole run, one user after another
        self.daily_backup = backup_guard.DailyBackup(ctx, self.app)  # a verified backup a day while open

    def finish(self) -> None:
        """After the event loop: the database closed, and one more backup if the desktop was used."""
        if self.runner is not None and isValid(self.runner):  # a finished one deleted itself
            self.runner.wait()  # a database still opening when the log-in was cancelled
        ctx = self.ctx or self._opened_in_thread
        if ctx is None:
            return
        ctx.close()
        if self.windows is not None:  # the desktop was used: one more backup, now that its window has gone
            from counter_app.ui import backup_guard

            backup_guard.backup_after_close(ctx)


def _self_test(file: str, data_dir: str | None) -> int:
    """``--self-test [FILE]``: a windowed program has no console, so its lines go to a file."""
    from counter_app.selftest import main_lines

    if file:
        return main_lines(Path(file))
    try:
        logs = resolve_paths(data_dir).ensure().log_dir
    except UserError:  # the data folder cannot be used: the lines still get written somewhere
        logs = Path(tempfile.gettempdir())
    return main_lines(logs / "self-test.txt")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="counter-app")
    parser.add_argument("--data-dir")
    parser.add_argument("--demo-if-empty", action="store_true", help="tạo dữ liệu mẫu nếu CSDL còn trống")
    parser.add_argument(
        "--self-test",
        nargs="?",
        const="",
        metavar="FILE",
        help="tự kiểm tra bản cài đặt, không mở cửa sổ; kết quả ghi vào FILE (mặc định: self-test.txt trong thư mục nhật ký)",
    )
    args, qt_args = parser.parse_known_args(argv)
    if args.self_test is not None:
        return _self_test(args.self_test, args.data_dir)

    try:
        paths = resolve_paths(args.data_dir).ensure()
    except UserError as exc:  # e.g. --data-dir names a file: say so in a window, not a traceback
        app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
        install_translators(app, DEFAULT_LANGUAGE)
        QMessageBox.critical(None, QCoreApplication.translate("app", "Không mở được dữ liệu"), shown(exc))
        return 1
    log_file = setup_logging(paths)
    app = QApplication([sys.argv[0], *qt_args])
    app.setWindowIcon(QIcon(str(resource_path("icons", "counter_app.png"))))
    QCoreApplication.setOrganizationName("counter_app")
    QCoreApplication.setApplicationName("counter_app")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(paths.config_dir))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    settings: Settings | None
    try:
        settings = load_settings(paths, make_node_id=False)  # made when the database opens
    except UserError:
        settings = None  # the unreadable settings file is reported when the context opens
    install_translators(app, settings.language if settings else DEFAULT_LANGUAGE)
    _install_crash_hook(log_file)
    collector = GuiThreadGarbageCollector(app)  # noqa: F841  (lives as long as the application)
    run = _Run(app, paths, args.data_dir, args.demo_if_empty)
    if settings is not None and login_can_show_first(paths, settings):
        run.login_first()
    elif settings is not None and not args.demo_if_empty and wizard_can_show_first(paths, settings):
        run.wizard_first()  # a new office (with --demo-if-empty the demo data is made first instead)
    elif not run.database_first():
        return 1
    code = app.exec()
    run.finish()
    return code


def _make_demo(db: Database, report: Report) -> int:
    from counter_app.services import demo

    now = datetime.now(UTC)
    demo.ensure_demo_setup(db, now=now)
    return demo.generate_dossiers(db, DEMO_DOSSIERS_ON_FIRST_RUN, now=now, progress=report, chunk=100)


if __name__ == "__main__":
    sys.exit(main())
