"""Nhật ký truy cập (F5, admins and auditors): who looked at what — the audit trail, filtered and
exported as XLSX or CSV (services/audit_trail.py, exports/audit_table.py)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate
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
from counter_app.output_files import write_atomic
from counter_app.services.audit_trail import ACTION_LABELS, AuditRow, list_records
from counter_app.services.offices import office_timezone
from counter_app.ui.admin.common import Feedback, plain_table
from counter_app.ui.i18n import domain_label
from counter_app.ui.messages import shown
from counter_app.ui.session import UiSession


class AuditPage(QWidget):
    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.rows: list[AuditRow] = []
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
            details = self._details(row.details)
            cells = (
                row.at.astimezone(zone).strftime("%d/%m/%Y %H:%M:%S"),
                row.actor,
                domain_label(ACTION_LABELS.get(row.action, row.action)),
                row.subject,
                details,
            )
            for column, text in enumerate(cells):
                self.table.setItem(i, column, QTableWidgetItem(text))

    def _details(self, details: Mapping[str, object]) -> str:
        """The codes a search returned, then any other detail as «name: value»."""
        parts = []
        codes = details.get("codes")
        if isinstance(codes, list):
            parts.append(self.tr("{0} hồ sơ: {1}").format(len(codes), ", ".join(map(str, codes))))
        parts += [f"{key}: {value}" for key, value in sorted(details.items()) if key != "codes"]
        return "; ".join(parts)

    def export(self, fmt: str, target: Path | None = None) -> bool:
        """Write what the filters show to an .xlsx or .csv file (asked for when ``target`` is None)."""
        from counter_app.exports.audit_table import audit_file  # the spreadsheet stack: only here

        first, last = self._span()
        if target is None:
            suggested = f"nhat-ky-truy-cap-{first:%Y%m%d}-{last:%Y%m%d}.{fmt}"
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Lưu nhật ký truy cập"), suggested, f"*.{fmt}"
            )
            if not name:
                return False
            target = Path(name)
        self.refresh()
        try:
            write_atomic(target, audit_file(self.rows, office_timezone(self._session.db), fmt, first, last))
        except UserError as exc:
            self.message.say(shown(exc), error=True)
            return False
        self.message.say(self.tr("Đã lưu {0} bản ghi vào {1}.").format(len(self.rows), target))
        return True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.refresh()

    def focus_start(self) -> None:
        self.user.setFocus()
