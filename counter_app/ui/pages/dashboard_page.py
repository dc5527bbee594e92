"""Hôm nay (supervisor's dashboard): today's counts, overdue and due soon, charts, refreshed live."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import UserError
from counter_app.services.reports import DayReport, end_of_day
from counter_app.ui.i18n import domain_label
from counter_app.ui.messages import shown
from counter_app.ui.session import UiSession
from counter_app.ui.widgets.bar_chart import BarChart
from counter_app.ui.worker import run_in_background

REFRESH_MS = 60_000


class DashboardPage(QWidget):
    open_dossier = Signal(str)  # a code double-clicked in the overdue list

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.report: DayReport | None = None
        self._runner = None
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold")
        self.state = QLabel()
        self.refresh_button = QPushButton(self.tr("Cập nhật"))
        self.tiles: dict[str, QLabel] = {}
        tiles = QGridLayout()
        names = {
            "received": self.tr("Tiếp nhận"),
            "guidance": self.tr("Hướng dẫn"),
            "supplement": self.tr("Yêu cầu bổ sung"),
            "refusals": self.tr("Từ chối"),
            "transferred": self.tr("Chuyển xử lý"),
            "resolved": self.tr("Có kết quả"),
            "returned": self.tr("Trả kết quả"),
            "overdue": self.tr("Quá hạn"),
            "due_tomorrow": self.tr("Đến hạn ngày làm việc tới"),
        }
        for index, (key, caption) in enumerate(names.items()):
            box = QGroupBox(caption)
            number = QLabel("–")
            number.setStyleSheet("font-size: 22px; font-weight: bold")
            QVBoxLayout(box).addWidget(number)
            self.tiles[key] = number
            tiles.addWidget(box, index // 5, index % 5)
        self.by_channel = BarChart()
        self.by_field = BarChart()
        self.satisfaction = BarChart()
        charts = QHBoxLayout()
        for caption, chart in (
            (self.tr("Tiếp nhận theo kênh"), self.by_channel),
            (self.tr("Tiếp nhận theo lĩnh vực"), self.by_field),
            (self.tr("Mức độ hài lòng hôm nay"), self.satisfaction),
        ):
            box = QGroupBox(caption)
            QVBoxLayout(box).addWidget(chart)
            charts.addWidget(box)
        self.overdue = QTableWidget(0, 5)
        self.overdue.setHorizontalHeaderLabels(
            [
                self.tr("Mã hồ sơ"),
                self.tr("Người nộp"),
                self.tr("Thủ tục"),
                self.tr("Đơn vị xử lý"),
                self.tr("Hạn"),
            ]
        )
        self.overdue.verticalHeader().setVisible(False)
        self.overdue.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.overdue.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.overdue.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.overdue.cellDoubleClicked.connect(
            lambda row, _c: self.open_dossier.emit(self.overdue.item(row, 0).text())
        )
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.state)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(tiles)
        layout.addLayout(charts)
        layout.addWidget(QLabel(self.tr("<b>Hồ sơ quá hạn</b> (nhấp đúp để mở)")))
        layout.addWidget(self.overdue, 1)
        self.refresh_button.clicked.connect(self.refresh)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self.timer.start(REFRESH_MS)

    def focus_start(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Recompute today's report off the GUI thread; the page keeps the last figures meanwhile."""
        if self._runner is not None:
            return
        s = self._session
        now = s.now()
        day = s.local(now).date()
        self.state.setText(self.tr("Đang cập nhật…"))
        self._runner = run_in_background(
            self, lambda: end_of_day(s.db, s.actor, day, at=now), self._show, self._failed
        )

    def _failed(self, exc: BaseException) -> None:
        self._runner = None
        if not isinstance(exc, UserError):
            raise exc
        self.state.setText(shown(exc))

    def _show(self, report: DayReport) -> None:
        self._runner = None
        self.report = report
        s = self._session
        self.heading.setText(
            self.tr("{0} — ngày {1}").format(report.office_name, report.day.strftime("%d/%m/%Y"))
        )
        self.state.setText(self.tr("Cập nhật lúc {0}").format(s.local(report.at).strftime("%H:%M")))
        values = {
            "received": report.received,
            "guidance": report.guidance,
            "supplement": report.supplement_slips,
            "refusals": report.refusals,
            "transferred": report.transferred,
            "resolved": report.resolved,
            "returned": report.returned,
            "overdue": len(report.overdue),
            "due_tomorrow": len(report.due_tomorrow),
        }
        for key, value in values.items():
            self.tiles[key].setText(str(value))
        self.tiles["overdue"].setStyleSheet(
            "font-size: 22px; font-weight: bold" + ("; color: #b00020" if report.overdue else "")
        )
        self.by_channel.set_rows(
            [(domain_label(c.label), c.count, str(c.count)) for c in report.received_by_channel]
        )
        self.by_field.set_rows([(c.label, c.count, str(c.count)) for c in report.received_by_field])
        self.satisfaction.set_rows(
            [(domain_label(c.label), c.count, str(c.count)) for c in report.satisfaction]
        )
        self.overdue.setRowCount(len(report.overdue))
        for row, line in enumerate(report.overdue):
            due = line.legal_due_at or line.appointment_at
            cells = (
                line.code,
                line.applicant_name,
                line.procedure_name,
                line.unit_name or "",
                s.local_text(due),
            )
            for col, value in enumerate(cells):
                self.overdue.setItem(row, col, QTableWidgetItem(value))
