"""Quản trị → Sao lưu: the backups of the SQLite file, a backup now, and a restore (services/backups.py,
recovery.py; the folders are those of ui/backup_guard.py: the data folder's backups/ and the
second folder of settings.json).

A backup is taken and a restore verified off the GUI thread, behind a progress dialog. A restore
says how many dossiers and events newer than the backup would be lost and asks first; the current
file is set aside, never deleted. Afterwards the application must start again on the restored
file: the tab says so and emits ``restart_required`` (the main window closes on it).

On PostgreSQL there is no file here to copy: the server is backed up by its DBA (docs/backups.md),
and the buttons are disabled.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableWidgetItem, QVBoxLayout, QWidget

from counter_app.config import load_settings
from counter_app.db.engine import sqlite_file_of
from counter_app.domain.errors import UserError
from counter_app.services import backups, recovery
from counter_app.services.actor import Role
from counter_app.services.backups import BackupInfo, BackupResult
from counter_app.services.recovery import RestorePlan
from counter_app.ui.admin.common import GREY, Feedback, confirm, inform, plain_table
from counter_app.ui.messages import shown
from counter_app.ui.session import UiSession
from counter_app.ui.worker import Report, run_with_progress

log = logging.getLogger(__name__)


class BackupsTab(QWidget):
    restart_required = Signal()  # the database was replaced: the application must start again

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._runner = None
        self._backups: list[BackupInfo] = []
        self._skipped: list[Path] = []
        self.restored = False  # the database was replaced: nothing more until the restart
        self.db_file = sqlite_file_of(session.db.url) if session.db.dialect == "sqlite" else None
        self.folders = self._folders()
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.table = plain_table(
            [
                self.tr("Thời điểm"),
                self.tr("Dung lượng"),
                self.tr("Hồ sơ cuối"),
                self.tr("Kiểm tra"),
                self.tr("Thư mục"),
                self.tr("Tệp"),
            ]
        )
        self.backup_button = QPushButton(self.tr("Sao lưu ngay"))
        self.restore_button = QPushButton(self.tr("Khôi phục…"))
        self.refresh_button = QPushButton(self.tr("Làm mới"))
        self.message = Feedback()
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.refresh_button.clicked.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self._describe()
        self._selection_changed()

    # ---------------------------------------------------------------------------------- the folders

    def _folders(self) -> list[Path]:
        """The data folder's backups, then the second folder of settings.json (as backup_guard)."""
        paths = self._session.paths
        if paths is None:
            base = self._session.db.backup_dir or (self.db_file.parent / "backups" if self.db_file else None)
            return [base] if base is not None else []
        try:
            mirror = load_settings(paths).backup_mirror_dir
        except UserError as exc:
            log.warning("settings unreadable, backups listed in the data folder only: %s", exc.message)
            mirror = ""
        return backups.folders_for(paths.backup_dir, mirror)

    @property
    def available(self) -> bool:
        """A SQLite file to back up, and somewhere to put it."""
        return self.db_file is not None and bool(self.folders)

    def _describe(self) -> None:
        if self.db_file is None:
            self.where.setText(
                self.tr(
                    "Cơ sở dữ liệu là máy chủ PostgreSQL ({0}): phần mềm không sao lưu hay khôi phục máy chủ. "
                    "Quản trị CSDL sao lưu trên máy chủ bằng pg_dump và khôi phục bằng pg_restore (xem "
                    "docs/backups.md, mục «The DBA route»). Danh sách dưới đây chỉ gồm các bản pg_dump do "
                    "«counter-cli backup» tạo trên máy này, nếu có."
                ).format(self._session.db.label)
            )
            self.where.setStyleSheet("color: #8a4b00")
            return
        folders = "; ".join(str(f) for f in self.folders)
        self.where.setText(
            self.tr(
                "Tệp dữ liệu: {0}. Thư mục sao lưu: {1}. Phần mềm tự sao lưu mỗi ngày khi đang mở và sau khi "
                "đóng; mỗi bản đều được kiểm tra trước khi đặt tên. Khôi phục: tệp hiện tại được để riêng, "
                "không bị xóa."
            ).format(self.db_file, folders)
        )
        self.where.setStyleSheet(f"color: {GREY}")

    # ------------------------------------------------------------------------------------ reading

    def focus_start(self) -> None:
        self.table.setFocus()

    def refresh(self) -> None:
        keep = self.selected_backup()
        self._backups = backups.list_backups(self.folders)
        self.table.setRowCount(len(self._backups))
        for row, info in enumerate(self._backups):
            verified = self.tr("Đã kiểm tra") if info.verified else self.tr("Chưa kiểm tra")
            if info.kind == "migration":
                verified = self.tr("Chưa kiểm tra (trước nâng cấp)")
            cells = (
                info.taken_at.strftime("%d/%m/%Y %H:%M:%S"),
                shown(backups.size_message(info.size)),
                info.last_code or "",
                verified,
                str(info.path.parent),
                info.path.name,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not info.verified:
                    item.setForeground(QBrush(QColor(GREY)))
                item.setToolTip(str(info.path))
                self.table.setItem(row, column, item)
        if keep is not None:
            for row, info in enumerate(self._backups):
                if info.path == keep.path:
                    self.table.selectRow(row)
        if not self._backups:
            self.message.say(self.tr("Chưa có bản sao lưu nào."))
        self._selection_changed()

    def selected_backup(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self._backups[rows[0].row()] if rows else None

    def select(self, path: Path) -> bool:
        for row, info in enumerate(self._backups):
            if info.path == path:
                self.table.selectRow(row)
                return True
        return False

    def _selection_changed(self) -> None:
        busy = self._runner is not None or self.restored
        self.backup_button.setEnabled(self.available and not busy)
        selected = self.selected_backup()
        self.restore_button.setEnabled(
            self.available
            and not busy
            and self._session.actor.role == Role.ADMIN
            and selected is not None
            and selected.kind != "dump"
        )

    def _busy(self, runner: object | None) -> None:
        self._runner = runner
        self._selection_changed()

    # ----------------------------------------------------------------------------------- backing up

    def backup_now(self) -> None:
        if not self.available or self._runner is not None:
            return
        file, folders = self.db_file, list(self.folders)
        assert file is not None
        skipped = [f for f in folders[1:] if not f.is_dir()]

        def job(report: Report) -> BackupResult:
            report(0, 0)
            return backups.make_backup(file, [f for f in folders if f not in skipped])

        self._skipped = skipped
        self.message.say(self.tr("Đang sao lưu…"))
        label = self.tr("Đang sao lưu và kiểm tra bản sao…")
        self._busy(run_with_progress(self, label, job, self._backed_up, self._failed))

    def _backed_up(self, result: BackupResult) -> None:
        self._busy(None)
        self.refresh()
        first = result.backups[0]
        self.select(first.path)
        v = result.verification
        text = self.tr("Đã sao lưu {0} ({1}), đã kiểm tra: {2} hồ sơ, {3} sự kiện.").format(
            first.path, shown(backups.size_message(first.size)), v.dossiers, v.events_checked
        )
        for copy in result.backups[1:]:
            text += " " + self.tr("Đã chép sang {0}.").format(copy.path.parent)
        for folder in self._skipped:
            text += " " + self.tr("Thư mục thứ hai {0} không có (USB chưa cắm?): không chép sang đó.").format(
                folder
            )
        self.message.say(text)

    def _failed(self, exc: BaseException) -> None:
        self._busy(None)
        if not isinstance(exc, UserError):
            log.error("backup or restore failed", exc_info=exc)
            self.message.say(self.tr("Không thực hiện được: {0}").format(exc), error=True)
            return
        self.message.say(shown(exc), error=True)

    # ------------------------------------------------------------------------------------ restoring

    def restore_selected(self) -> None:
        """Verify the chosen backup (in the background), say what would be lost, ask, restore."""
        info = self.selected_backup()
        if info is None or not self.available or self._runner is not None:
            return
        file = self.db_file
        assert file is not None
        self.message.say(self.tr("Đang kiểm tra bản sao lưu {0}…").format(info.path.name))
        self._busy(
            run_with_progress(
                self,
                self.tr("Đang kiểm tra bản sao lưu…"),
                lambda _report: recovery.prepare_restore(file, info.path),
                self._confirm_restore,
                self._failed,
            )
        )

    def _confirm_restore(self, plan: RestorePlan) -> None:
        self._busy(None)
        try:
            question = self.tr(
                "{0}\n\nSau khi khôi phục, chương trình phải đóng lại và được mở lại. Khôi phục bản sao lưu này?"
            ).format(shown(plan.summary()))
            if not confirm(self, self.tr("Khôi phục dữ liệu"), question):
                self.message.say(self.tr("Chưa khôi phục: không thay đổi gì."))
                return
            # Every connection of this window closes first (a restore refuses a file in use); the
            # engine opens new ones if the restore is refused and work goes on.
            self._session.db.engine.dispose()
            try:
                result = recovery.apply_restore(plan)
            except UserError as exc:
                self.message.say(shown(exc), error=True)
                return
        finally:
            plan.staged.discard()
        done = self.tr("Đã khôi phục dữ liệu từ {0}.").format(result.restored_from.name)
        if result.set_aside is not None:
            done += "\n" + self.tr("Tệp dữ liệu trước đó được để riêng ở {0}.").format(result.set_aside)
        done += "\n\n" + self.tr(
            "Chương trình sẽ đóng lại bây giờ; hãy mở lại để làm việc với dữ liệu đã khôi phục."
        )
        self.message.say(done)
        self.restored = True
        self._selection_changed()
        inform(self, self.tr("Đã khôi phục"), done)
        self.restart_required.emit()
