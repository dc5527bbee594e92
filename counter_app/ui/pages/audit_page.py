"""Nhật ký truy cập (F5, admins and auditors): who looked at what — the audit trail, filtered and
exported as XLSX or CSV (services/audit_trail.py, exports/audit_table.py). An export runs on the
long-job lane (worker.py) and is itself written to the trail (``audit_exported``)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QThread, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import UserError
from counter_app.output_files import check_writable, write_atomic
from counter_app.services.audit_trail import ACTION_LABELS, AuditRow, audit, detail_parts, list_records
from counter_app.services.offices import office_timezone
from counter_app.ui.admin.common import Feedback, plain_table
from counter_app.ui.i18n import domain_label
from counter_app.ui.messages import shown
from counter_app.ui.session import UiSession
from counter_app.ui.worker import Report, run_with_progress


class AuditPage(QWidget):
    exported = Signal()  # an export ended (saved, cancelled or refused: the message line says which)

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.rows: list[AuditRow] = []
        self._runner: QThread | None = None  # the export running on the long-job lane
        today = QDate.fromString(session.now().date().isoformat(), "yyyy-MM-dd")
        self.date_from = QDateEdit(today.addDays(-7))
        self.date_to = QDateEdit(today)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.user = QLineEdit()
        self.user.setPlaceholderText(self.tr("tên đăng nhập (để trống: mọi người)"))
        self.user.setMinimumWidth(230)
        self.action = QComboBox()
        self.action.addItem(self.tr("Mọi việc"), "")
        for key, label in ACTION_LABELS.items():
            self.action.addItem(domain_label(label), key)
        self.show_button = QPushButton(self.tr("Xem (Enter)"))
        self.xlsx_button = QPushButton(self.tr("Xuất XLSX…"))
        self.csv_button = QPushButton(self.tr("Xuất CSV…"))
        self.table = plain_table(
            [
                self.tr("Thời điểm"),
                self.tr("Người dùng"),
                self.tr("Việc"),
                self.tr("Đối tượng"),
                self.tr("Chi tiết"),
            ]
        )
        self.message = Feedback()

        filters = QHBoxLayout()
        for label, widget in (
            (self.tr("Từ ngày"), self.date_from),
            (self.tr("đến ngày"), self.date_to),
            (self.tr("Người dùng"), self.user),
            (self.tr("Việc"), self.action),
        ):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(self.show_button)
        filters.addStretch(1)
        filters.addWidget(self.xlsx_button)
        filters.addWidget(self.csv_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)

        self.show_button.clicked.connect(self.refresh)
        self.user.returnPressed.connect(self.refresh)
        self.action.currentIndexChanged.connect(lambda _i: self.refresh())
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.csv_button.clicked.connect(lambda: self.export("csv"))

    def _span(self) -> tuple[date, date]:
        return self.date_from.date().toPython(), self.date_to.date().toPython()  # type: ignore[return-value]

    def refresh(self) -> None:
        s = self._session
        first, last = self._span()
        if first > last:
            self.message.say(self.tr("Ngày bắt đầu phải trước ngày kết thúc."), error=True)
            return
        try:
            self.rows = list_records(
                s.db,
                s.actor,
                first=first,
                last=last,
                username=self.user.text(),
                action=self.action.currentData() or "",
                timezone=office_timezone(s.db),
            )
        except UserError as exc:
            self.message.say(shown(exc), error=True)
            return
        self._fill()
        self.message.say(self.tr("{0} bản ghi.").format(len(self.rows)))

    def _fill(self) -> None:
        zone = ZoneInfo(office_timezone(self._session.db))
        self.table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            details = self._details(row.details, row.subject)
            cells = (
                row.at.astimezone(zone).strftime("%d/%m/%Y %H:%M:%S"),
                row.actor,
                domain_label(ACTION_LABELS.get(row.action, row.action)),
                row.subject,
                details,
            )
            for column, text in enumerate(cells):
                self.table.setItem(i, column, QTableWidgetItem(text))

    def _details(self, details: Mapping[str, object], subject: str) -> str:
        """The codes a search returned, then any other detail as «name: value» (translated)."""
        parts = []
        codes = details.get("codes")
        if isinstance(codes, list):
            parts.append(self.tr("{0} hồ sơ: {1}").format(len(codes), ", ".join(map(str, codes))))
        return "; ".join(parts + detail_parts(details, subject, domain_label))

    def export(self, fmt: str, target: Path | None = None) -> bool:
        """Write what the filters show to an .xlsx or .csv file (asked for when ``target`` is None).

        The records are read, the export's own record written (``audit_exported``) and the file made
        on the long-job lane (worker.py), with a progress dialog: a year's trail is large. False when
        nothing was started (no file chosen, a span that ends before it starts, an export running);
        the outcome is said in the message line when the job ends (``exported``)."""
        if self._runner is not None:
            return False
        first, last = self._span()
        if first > last:
            self.message.say(self.tr("Ngày bắt đầu phải trước ngày kết thúc."), error=True)
            return False
        if target is None:
            suggested = f"nhat-ky-truy-cap-{first:%Y%m%d}-{last:%Y%m%d}.{fmt}"
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Lưu nhật ký truy cập"), suggested, f"*.{fmt}"
            )
            if not name:
                return False
            target = Path(name)
        s, username, action = self._session, self.user.text(), self.action.currentData() or ""
        path = target

        def job(report: Report) -> list[AuditRow] | None:  # on the long-job lane: no widget here
            from counter_app.exports.audit_table import audit_file  # the spreadsheet stack: only here

            report(0, 0)
            check_writable(path)  # a file that cannot be written: refused before any record or work
            zone = office_timezone(s.db)
            rows = list_records(
                s.db, s.actor, first=first, last=last, username=username, action=action, timezone=zone
            )
            data = audit_file(rows, zone, fmt, first, last)
            if not report(0, 0):
                return None  # cancelled: no file, and no record of an export that was not made
            audit(s.db, s.actor, "audit_exported", details={"rows": len(rows), "format": fmt})
            write_atomic(path, data)
            return rows

        self.message.say(self.tr("Đang xuất nhật ký truy cập…"))
        self._exporting(True)
        self._runner = run_with_progress(
            self,
            self.tr("Đang xuất nhật ký truy cập…"),
            job,
            lambda rows: self._exported(rows, path),
            self._export_failed,
        )
        return True

    def _exported(self, rows: list[AuditRow] | None, target: Path) -> None:
        self._exporting(False)
        if rows is None:
            self.message.say(self.tr("Đã hủy: không xuất tệp nào."))
        else:
            self.rows = rows  # the table shows what went into the file
            self._fill()
            self.message.say(self.tr("Đã lưu {0} bản ghi vào {1}.").format(len(rows), target))
        self.exported.emit()

    def _export_failed(self, exc: BaseException) -> None:
        self._exporting(False)
        if not isinstance(exc, UserError):
            raise exc  # a bug: to sys.excepthook (the crash dialog), as in a button's slot
        self.message.say(shown(exc), error=True)
        self.exported.emit()

    def _exporting(self, running: bool) -> None:
        if not running:
            self._runner = None
        for button in (self.xlsx_button, self.csv_button):
            button.setEnabled(not running)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.refresh()

    def focus_start(self) -> None:
        self.user.setFocus()
