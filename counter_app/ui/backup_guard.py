"""The desktop's part of backups and recovery (the work itself: services/backups.py, recovery.py).

- ``DailyBackup``: while the desktop is open, a QTimer looks every hour whether the newest verified
  backup is a day old; if so one is taken (copy, verification, rotation) in a detached thread. A
  failure goes to the log, never to a dialog.
- ``backup_after_close``: called by app.py once the event loop has ended — the window has gone, so
  the officer waits for nothing — one more backup; a failure goes to the log. Never on a CLI call.
- ``offer_backup_if_damaged``: at start-up, before the database is opened, the cheap check
  (header, open, schema revision; no integrity check). When the file does not open and a verified
  backup exists, the user is told and offered it; on Yes the backup is verified and staged off the
  GUI thread behind a progress dialog, what would be lost is confirmed when it is not nothing, and
  the current file is set aside (never deleted).

Only the SQLite database is backed up here; a PostgreSQL server is the DBA's (docs/backups.md).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QTimer, Slot
from PySide6.QtWidgets import QMessageBox

from counter_app.config import load_settings
from counter_app.context import AppContext
from counter_app.db.engine import sqlite_file_of
from counter_app.domain.errors import UserError
from counter_app.paths import AppPaths
from counter_app.services import backups, recovery
from counter_app.ui.messages import shown
from counter_app.ui.worker import Report, run_detached, run_with_progress, wait_for_detached

log = logging.getLogger(__name__)
CHECK_EVERY_MS = 60 * 60 * 1000
AFTER_CLOSE_WAIT_MS = 30 * 60 * 1000


def _sqlite_file(ctx: AppContext) -> Path | None:
    return sqlite_file_of(ctx.db.url) if ctx.db.dialect == "sqlite" else None


def _mirror(ctx: AppContext) -> str:
    return getattr(ctx.settings, "backup_mirror_dir", "")


class DailyBackup(QObject):
    """One verified backup a day while the desktop is open (checked every ``interval_ms``)."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QObject | None = None,
        interval_ms: int = CHECK_EVERY_MS,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._clock = clock
        self.running = False
        self.last_result: backups.BackupResult | None = None
        self.last_error: BaseException | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    @Slot()
    def tick(self) -> bool:
        """Start a backup when one is due; True when one was started."""
        file = _sqlite_file(self._ctx)
        now = self._clock() if self._clock else None
        if file is None or self.running or not backups.backup_due(self._ctx.paths.backup_dir, now):
            return False
        self.running = True
        backup_dir, mirror = self._ctx.paths.backup_dir, _mirror(self._ctx)
        run_detached(
            lambda: backups.automatic_backup(file, backup_dir, mirror, now), self._done, self._failed
        )
        return True

    @Slot(object)
    def _done(self, result: backups.BackupResult) -> None:
        self.running = False
        self.last_result = result

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.last_error = exc
        _log_failure("daily backup", exc)


def backup_after_close(ctx: AppContext) -> backups.BackupResult | None:
    """The backup taken after the window has gone (failures logged, never raised)."""
    file = _sqlite_file(ctx)
    if file is None:
        return None
    # A daily backup still running finishes first (the application must not end under its thread).
    wait_for_detached(AFTER_CLOSE_WAIT_MS)
    try:
        return backups.automatic_backup(file, ctx.paths.backup_dir, _mirror(ctx))
    except Exception as exc:
        _log_failure("backup after close", exc)
        return None


def _log_failure(what: str, exc: BaseException) -> None:
    if isinstance(exc, UserError):
        log.warning("%s failed: %s", what, exc.message)
    else:
        log.error("%s failed", what, exc_info=exc)


def offer_backup_if_damaged(paths: AppPaths) -> bool:
    """The start-up offer; False when the application should stop (a restore that failed)."""
    try:
        settings = load_settings(paths)
    except UserError:
        return True  # reported when the database is opened
    file = sqlite_file_of(settings.effective_database_url(paths))
    if file is None:
        return True
    problem = recovery.startup_problem(
        file, backups.folders_for(paths.backup_dir, settings.backup_mirror_dir)
    )
    if problem is None or problem.backup is None:
        return True  # nothing to offer: the normal opening says what is wrong
    title = QCoreApplication.translate("backup_guard", "Dữ liệu không mở được")
    question = QCoreApplication.translate(
        "backup_guard",
        "{0}\n\nCó bản sao lưu đã kiểm tra: {1}.\n\nKhôi phục bản sao lưu này? Tệp dữ liệu hiện tại (nếu có) "
        "được để riêng, không bị xóa.",
    ).format(shown(problem.message), shown(recovery.latest_backup_text(problem.backup)))
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    if QMessageBox.question(None, title, question, yes | no, yes) != yes:
        return True
    try:
        plan = _blocking(
            QCoreApplication.translate("backup_guard", "Đang kiểm tra bản sao lưu…"),
            lambda _report: recovery.prepare_restore(file, problem.backup.path),  # type: ignore[union-attr]
        )
        try:
            if (
                plan.lost_dossiers != 0
                and QMessageBox.question(None, title, shown(plan.summary()), yes | no, no) != yes
            ):
                return True
            result = recovery.apply_restore(plan)
        finally:
            plan.staged.discard()
    except UserError as exc:
        QMessageBox.critical(None, title, shown(exc))
        return False
    except Exception as exc:  # said in a message (the details in the log), as the crash hook would
        log.exception("restore at start-up failed")
        QMessageBox.critical(
            None, title, QCoreApplication.translate("backup_guard", "Không khôi phục được: {0}").format(exc)
        )
        return False
    done = QCoreApplication.translate("backup_guard", "Đã khôi phục dữ liệu từ {0}.").format(
        result.restored_from.name
    )
    if result.set_aside is not None:
        aside = QCoreApplication.translate("backup_guard", "Tệp dữ liệu trước đó được để riêng ở {0}.")
        done += "\n" + aside.format(result.set_aside)
    QMessageBox.information(None, QCoreApplication.translate("backup_guard", "Đã khôi phục"), done)
    return True


def _blocking(label: str, job: Callable[[Report], Any]) -> Any:
    """Run ``job`` off the GUI thread behind a progress dialog, waiting for it (before the main loop)."""
    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def done(value: object) -> None:
        outcome["value"] = value
        loop.quit()

    def failed(exc: BaseException) -> None:
        outcome["error"] = exc
        loop.quit()

    runner = run_with_progress(None, label, job, done, failed)
    loop.exec()
    with contextlib.suppress(RuntimeError):  # already deleted: it had finished
        runner.wait()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]
