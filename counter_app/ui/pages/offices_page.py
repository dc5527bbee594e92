"""Các văn phòng (F8), at the provincial centre: the offices' dossiers, read-only (issue 15).

* the hotline's lookup of a dossier by its code or the citizen's CCCD, in every office (each look
  is written to the audit trail, as the office's own searches are);
* one office's dossiers, newest first: all of them, open, overdue as of its data («dữ liệu đến»: an
  office a week offline is not shown a week late), waiting for the citizen, resolved.

Shown only on a database where offices are enrolled (services/exchange/province_view.py); what the
province's admin does with the offices' bundles is in Quản trị → Các văn phòng (tỉnh).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import UserError
from counter_app.domain.masking import mask_id_number
from counter_app.services.exchange.province_view import OfficeDossier, find, office_dossiers, offices
from counter_app.ui.admin.common import Feedback, plain_table
from counter_app.ui.messages import shown
from counter_app.ui.pages.track.model import status_label
from counter_app.ui.session import UiSession


class OfficesPage(QWidget):
    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._read = False
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Mã hồ sơ hoặc số CCCD"))
        self.search_button = QPushButton(self.tr("Tra cứu"))
        self.found = self._table(self.tr("Dữ liệu văn phòng đến"))
        self.office = QComboBox()
        self.state = QComboBox()
        for state, label in (
            ("all", self.tr("Tất cả hồ sơ")),
            ("open", self.tr("Đang giải quyết")),
            ("overdue", self.tr("Quá hạn (theo dữ liệu của văn phòng)")),
            ("waiting", self.tr("Chờ công dân bổ sung, nộp phí")),
            ("resolved", self.tr("Đã có kết quả")),
        ):
            self.state.addItem(label, state)
        self.listed = self._table()
        self.count = QLabel()
        self.message = Feedback()

        lookup = QHBoxLayout()
        lookup.addWidget(QLabel(self.tr("Tra cứu (đường dây nóng):")))
        lookup.addWidget(self.search, 1)
        lookup.addWidget(self.search_button)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Văn phòng:")))
        filters.addWidget(self.office, 2)
        filters.addWidget(QLabel(self.tr("Hồ sơ:")))
        filters.addWidget(self.state, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(lookup)
        layout.addWidget(self.found, 1)
        layout.addLayout(filters)
        layout.addWidget(self.count)
        layout.addWidget(self.listed, 3)
        layout.addWidget(self.message)

        self.search_button.clicked.connect(self.look_up)
        self.search.returnPressed.connect(self.look_up)
        self.office.currentIndexChanged.connect(lambda _i: self.list_office())
        self.state.currentIndexChanged.connect(lambda _i: self.list_office())

    def _table(self, *more: str) -> QTableWidget:
        return plain_table(
            [
                self.tr("Mã hồ sơ"),
                self.tr("Văn phòng"),
                self.tr("Thủ tục"),
                self.tr("Người nộp"),
                self.tr("CCCD"),
                self.tr("Trạng thái"),
                self.tr("Tiếp nhận"),
                self.tr("Hẹn trả"),
                *more,
            ]
        )

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - read when shown, not at start
        super().showEvent(event)
        if not self._read:
            self.refresh()

    def focus_start(self) -> None:
        self.search.setFocus()

    def _when(self, moment: datetime | None) -> str:
        return f"{self._session.local(moment):%d/%m/%Y %H:%M}" if moment else "—"

    def refresh(self) -> None:
        """The enrolled offices in the filter, each with how far its data runs; the chosen one kept."""
        s = self._session
        self._read = True
        try:
            listed = offices(s.db, s.actor)
        except UserError as exc:
            self.message.say(shown(exc), error=True)
            return
        chosen = self.office.currentData()
        self.office.blockSignals(True)
        self.office.clear()
        for o in listed:
            until = self._when(o.data_until) if o.data_until else self.tr("chưa có")
            self.office.addItem(
                self.tr("{0} ({1}) — dữ liệu đến {2}").format(o.office_name, o.office_code, until),
                o.fingerprint,
            )
        index = self.office.findData(chosen)
        self.office.setCurrentIndex(max(index, 0))
        self.office.blockSignals(False)
        self.list_office()

    def _fill(self, table: QTableWidget, dossiers: tuple[OfficeDossier, ...] | list[OfficeDossier]) -> None:
        table.setRowCount(len(dossiers))
        for row, d in enumerate(dossiers):
            cells = (
                d.code,
                d.office_code,
                d.procedure_code,
                d.applicant_name,
                mask_id_number(d.applicant_id_number),
                status_label(d.status),
                self._when(d.received_at),
                self._when(d.appointment_at) if d.appointment_at else self.tr("không hẹn"),
                self._when(d.data_until),  # (the lookup's last column: offices differ)
            )
            for column, value in enumerate(cells[: table.columnCount()]):
                table.setItem(row, column, QTableWidgetItem(value))

    def list_office(self) -> None:
        s = self._session
        fingerprint = self.office.currentData()
        if fingerprint is None:
            self._fill(self.listed, [])
            self.count.setText(self.tr("Chưa có văn phòng nào đăng ký."))
            return
        try:
            result = office_dossiers(s.db, s.actor, fingerprint, self.state.currentData())
        except UserError as exc:
            self.message.say(shown(exc), error=True)
            return
        self._fill(self.listed, result.dossiers)
        if len(result.dossiers) < result.total:
            text = self.tr("{0} hồ sơ; hiện {1} hồ sơ tiếp nhận gần nhất.").format(
                result.total, len(result.dossiers)
            )
        else:
            text = self.tr("{0} hồ sơ.").format(result.total)
        self.count.setText(text)

    def look_up(self) -> None:
        s = self._session
        text = self.search.text().strip()
        if not text:
            self.message.say(self.tr("Nhập mã hồ sơ hoặc số CCCD để tra cứu."), error=True)
            return
        try:
            found = find(s.db, s.actor, text)
        except UserError as exc:
            self.message.say(shown(exc), error=True)
            return
        self._fill(self.found, found)
        self.message.say(
            self.tr("Tìm thấy {0} hồ sơ.").format(len(found))
            if found
            else self.tr("Không có hồ sơ nào của các văn phòng khớp.")
        )
