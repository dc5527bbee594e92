"""Hướng dẫn: the complete requirements of a procedure, given once."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.appointment import TERM_UNIT_LABELS, Term, TermUnit
from counter_app.domain.errors import UserError
from counter_app.domain.lifecycle import CHANNEL_LABELS, Channel
from counter_app.services.catalog import show_procedure
from counter_app.services.catalog_format import ProcedureRecord
from counter_app.services.receiving import record_guidance
from counter_app.ui.i18n import domain_label
from counter_app.ui.pages.procedure_picker import ProcedurePicker
from counter_app.ui.session import UiSession


def term_text(amount: str, unit: str, description: str) -> str:
    if unit == "none":
        return description or QCoreApplication.translate("GuidePage", "Không hẹn")
    term = Term(amount, TermUnit(unit))  # type: ignore[arg-type]
    unit_label = TERM_UNIT_LABELS[term.unit]
    text = term.label.removesuffix(unit_label) + domain_label(unit_label)  # "3 " + "ngày làm việc"
    return f"{text} — {description}" if description else text


class GuidePage(QWidget):
    # procedure code, case number: the window prints the guidance slip
    print_requested = Signal(str, int)

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.record: ProcedureRecord | None = None
        self.guidance_count = 0
        self.picker = ProcedurePicker(session.db)
        self.title = QLabel(self.tr("Chọn một thủ tục để xem hướng dẫn."))
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 15px; font-weight: bold")
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.case_box = QComboBox()
        self.documents = QTableWidget(0, 4)
        self.documents.setHorizontalHeaderLabels(
            [self.tr("STT"), self.tr("Tên giấy tờ"), self.tr("Bản chính"), self.tr("Bản sao")]
        )
        self.documents.verticalHeader().setVisible(False)
        self.documents.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.documents.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.documents.setWordWrap(True)
        self.terms = QLabel()
        self.terms.setWordWrap(True)
        self.fees = QLabel()
        self.fees.setWordWrap(True)
        self.record_button = QPushButton(self.tr("Ghi nhận đã hướng dẫn"))
        self.record_button.setEnabled(False)
        self.print_button = QPushButton(self.tr("In phiếu hướng dẫn (Ctrl+P)"))
        self.print_button.setEnabled(False)

        details = QWidget()
        form = QFormLayout()
        form.addRow(self.tr("Trường hợp:"), self.case_box)
        right = QVBoxLayout(details)
        right.addWidget(self.title)
        right.addWidget(self.info)
        right.addLayout(form)
        right.addWidget(self.documents, 1)
        right.addWidget(QLabel(self.tr("<b>Thời hạn giải quyết</b>")))
        right.addWidget(self.terms)
        right.addWidget(QLabel(self.tr("<b>Phí, lệ phí</b>")))
        right.addWidget(self.fees)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.print_button)
        right.addLayout(buttons)

        splitter = QSplitter()
        splitter.addWidget(self.picker)
        splitter.addWidget(details)
        splitter.setSizes([420, 680])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.picker.chosen.connect(self.show_procedure)
        self.case_box.currentIndexChanged.connect(self._show_case)
        self.record_button.clicked.connect(self._record)
        self.print_button.clicked.connect(self._print)
        QShortcut(QKeySequence("Ctrl+P"), self, activated=self._print)

    def focus_start(self) -> None:
        self.picker.search.setFocus()
        self.picker.search.selectAll()

    def show_procedure(self, code: str) -> None:
        try:
            self.record = show_procedure(self._session.db, code)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Không xem được thủ tục"), exc.message)
            return
        rec = self.record
        self.title.setText(f"{rec.code} — {rec.name}")
        level = {"province": self.tr("tỉnh"), "ward": self.tr("xã")}
        levels = ", ".join(level.get(x, x) for x in rec.level.split(",") if x)
        online = self.tr("toàn trình") if rec.full_online else self.tr("một phần")
        self.info.setText(
            self.tr("Lĩnh vực: {0} · Cấp thực hiện: {1} · Dịch vụ công trực tuyến: {2}").format(
                rec.field_name or "—", levels or "—", online
            )
        )
        self.case_box.blockSignals(True)
        self.case_box.clear()
        general = self.tr("Trường hợp chung")
        for index, case in enumerate(rec.cases, start=1):
            self.case_box.addItem(f"{index}. {case.name or general}", index)
        self.case_box.blockSignals(False)
        self.case_box.setEnabled(len(rec.cases) > 1)
        self._show_case()
        self.terms.setText(
            "<br>".join(
                f"{domain_label(CHANNEL_LABELS[Channel(c.channel)])}: {term_text(c.amount, c.unit, c.description)}"
                for c in rec.channels
            )
            or self.tr("Không ghi thời hạn.")
        )
        fees = []
        for channel in rec.channels:
            for fee in channel.fees:
                amount = fee.get("amount_vnd")
                text = (
                    self.tr("{0} đồng").format(f"{int(amount):,}".replace(",", "."))
                    if isinstance(amount, int)
                    else ""
                )
                line = ", ".join(x for x in (text, str(fee.get("description") or "")) if x)
                if line and line not in fees:
                    fees.append(line)
        self.fees.setText("<br>".join(fees) or self.tr("Không thu phí, lệ phí."))
        self.record_button.setEnabled(True)
        self.print_button.setEnabled(True)

    def _show_case(self) -> None:
        if self.record is None or not self.record.cases:
            return
        case = self.record.cases[max(self.case_box.currentIndex(), 0)]
        self.documents.setRowCount(len(case.documents))
        for row, doc in enumerate(case.documents):
            name = doc.name + (
                "" if doc.required else self.tr(" (nếu có)") if "nếu có" not in doc.name else ""
            )
            for col, value in enumerate((str(row + 1), name, str(doc.original_qty), str(doc.copy_qty))):
                self.documents.setItem(row, col, QTableWidgetItem(value))
        self.documents.resizeRowsToContents()

    def _print(self) -> None:
        """Print the guidance slip: printing it is giving the guidance, so it is counted too."""
        if self.record is None:
            return
        self._record()
        self.print_requested.emit(self.record.code, max(self.case_box.currentIndex(), 0) + 1)

    def _record(self) -> None:
        if self.record is None:
            return
        try:
            record_guidance(
                self._session.db,
                self._session.actor,
                self.record.code,
                max(self.case_box.currentIndex(), 0) + 1,
                now=self._session.now(),
            )
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Không ghi nhận được"), exc.message)
            return
        self.guidance_count += 1
        self.window().statusBar().showMessage(
            self.tr("Đã ghi nhận hướng dẫn thủ tục {0}.").format(self.record.code), 5000
        )
