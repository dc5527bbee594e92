"""Tiếp nhận: applicant, procedure and case, the document checklist, and the three outcomes."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import UserError
from counter_app.domain.lifecycle import CHANNEL_LABELS, Channel
from counter_app.services.applicants import ApplicantErrors, find_applicant
from counter_app.services.catalog import show_procedure
from counter_app.services.catalog_format import ProcedureRecord
from counter_app.services.receiving import (
    IntakeRequest,
    ReceiveResult,
    latest_pending_intake,
    preview_appointment,
    receive,
    refuse,
    request_supplement_at_intake,
)
from counter_app.ui.i18n import domain_label
from counter_app.ui.pages.applicant_form import ApplicantForm
from counter_app.ui.pages.procedure_picker import ProcedurePicker
from counter_app.ui.session import UiSession


class ReceivePage(QWidget):
    received = Signal(object)  # ReceiveResult
    supplement_requested = Signal(object)  # SupplementAtIntakeResult
    refused = Signal(object)  # ReceiveResult of the refused dossier

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.record: ProcedureRecord | None = None
        self.pending_id: uuid.UUID | None = None
        self._token = uuid.uuid4().hex
        self._busy = False
        self.last_result: ReceiveResult | None = None

        self.applicant = ApplicantForm()
        self.picker = ProcedurePicker(session.db)
        self.procedure_label = QLabel(self.tr("Chưa chọn thủ tục."))
        self.procedure_label.setWordWrap(True)
        self.case_box = QComboBox()
        self.channel_box = QComboBox()
        for channel in Channel:
            self.channel_box.addItem(domain_label(CHANNEL_LABELS[channel]), str(channel))
        self.checklist = QTableWidget(0, 3)
        self.checklist.setHorizontalHeaderLabels(
            [self.tr("Giấy tờ đã nộp"), self.tr("Bản chính"), self.tr("Bản sao")]
        )
        self.checklist.verticalHeader().setVisible(False)
        self.checklist.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.checklist.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.appointment_label = QLabel()
        self.appointment_label.setStyleSheet("font-weight: bold")
        self.return_box = QComboBox()
        self.return_box.addItem(self.tr("Nhận tại Bộ phận Một cửa"), "counter")
        self.return_box.addItem(self.tr("Nhận qua dịch vụ bưu chính"), "post")
        self.postal_address = QLineEdit()
        self.postal_address.setPlaceholderText(self.tr("Địa chỉ nhận kết quả qua bưu chính"))
        self.postal_address.setEnabled(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.accept_button = QPushButton(self.tr("Tiếp nhận (Ctrl+Enter)"))
        self.supplement_button = QPushButton(self.tr("Yêu cầu bổ sung"))
        self.refuse_button = QPushButton(self.tr("Từ chối tiếp nhận"))
        self.clear_button = QPushButton(self.tr("Làm mới (Esc)"))

        procedure_box = QGroupBox(self.tr("Thủ tục"))
        pform = QFormLayout()
        pform.addRow(self.tr("Trường hợp:"), self.case_box)
        pform.addRow(self.tr("Kênh nộp:"), self.channel_box)
        pv = QVBoxLayout(procedure_box)
        pv.addWidget(self.picker, 1)
        pv.addWidget(self.procedure_label)
        pv.addLayout(pform)

        right = QVBoxLayout()
        right.addWidget(self.checklist, 1)
        right.addWidget(self.appointment_label)
        rform = QFormLayout()
        rform.addRow(self.tr("Nhận kết quả:"), self.return_box)
        rform.addRow(self.tr("Địa chỉ:"), self.postal_address)
        right.addLayout(rform)
        buttons = QHBoxLayout()
        for button in (self.clear_button, self.refuse_button, self.supplement_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.accept_button)
        right.addLayout(buttons)
        right.addWidget(self.message)

        top = QHBoxLayout()
        top.addWidget(self.applicant, 3)
        top.addWidget(procedure_box, 4)
        top.addLayout(right, 4)
        QVBoxLayout(self).addLayout(top)

        self.picker.chosen.connect(self.choose_procedure)
        self.case_box.currentIndexChanged.connect(self._fill_checklist)
        self.channel_box.currentIndexChanged.connect(self._update_appointment)
        self.return_box.currentIndexChanged.connect(
            lambda: self.postal_address.setEnabled(self.return_box.currentData() == "post")
        )
        self.applicant.card_read.connect(lambda: self.picker.search.setFocus())
        self.applicant.identity_entered.connect(self._returning_applicant)
        self.accept_button.clicked.connect(self.accept_dossier)
        self.supplement_button.clicked.connect(self.request_supplement)
        self.refuse_button.clicked.connect(self.refuse_dossier)
        self.clear_button.clicked.connect(self.clear)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.accept_dossier)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.clear)
        self.setTabOrder(self.applicant.address, self.picker.search)

    # ----------------------------------------------------------------- focus and filling
    def focus_start(self) -> None:
        self.applicant.id_number.setFocus()

    def choose_procedure(self, code: str) -> None:
        try:
            self.record = show_procedure(self._session.db, code)
        except UserError as exc:
            self._say(exc.message, error=True)
            return
        self.procedure_label.setText(f"<b>{self.record.code}</b> — {self.record.name}")
        self.case_box.blockSignals(True)
        self.case_box.clear()
        general = self.tr("Trường hợp chung")
        for index, case in enumerate(self.record.cases, start=1):
            self.case_box.addItem(f"{index}. {case.name or general}", index)
        self.case_box.blockSignals(False)
        self.case_box.setEnabled(len(self.record.cases) > 1)
        self._fill_checklist()
        self.checklist.setFocus()

    def _fill_checklist(self, provided: tuple[int, ...] | None = None) -> None:
        if self.record is None:
            return
        case = self.record.cases[max(self.case_box.currentIndex(), 0)]
        self.checklist.setRowCount(len(case.documents))
        for row, doc in enumerate(case.documents):
            item = QTableWidgetItem(("* " if doc.required else "") + doc.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = provided is None or (row + 1) in provided
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, row + 1)
            self.checklist.setItem(row, 0, item)
            self.checklist.setItem(row, 1, QTableWidgetItem(str(doc.original_qty)))
            self.checklist.setItem(row, 2, QTableWidgetItem(str(doc.copy_qty)))
        self.checklist.resizeRowsToContents()
        self._update_appointment()

    def _update_appointment(self) -> None:
        if self.record is None:
            self.appointment_label.clear()
            return
        try:
            due = preview_appointment(
                self._session.db,
                self._session.actor,
                self.record.code,
                self.channel_box.currentData(),
                at=self._session.now(),
            )
        except UserError as exc:
            self.appointment_label.setText(exc.message)
            return
        self.appointment_label.setText(
            self.tr("Hẹn trả kết quả: {0}").format(self._session.local_text(due))
            if due
            else self.tr("Thủ tục không hẹn ngày trả.")
        )

    def _returning_applicant(self, id_number: str, phone: str) -> None:
        known = find_applicant(self._session.db, id_number=id_number, phone=phone)
        if known is not None:
            self.applicant.fill(known, only_empty=True, from_card=self.applicant.read_from_card)
        if id_number and len(id_number) in (9, 12):
            pending = latest_pending_intake(self._session.db, id_number)
            if pending is not None:
                self.pending_id = pending.id
                self.choose_procedure(pending.procedure_code)
                self.case_box.setCurrentIndex(pending.case_no - 1)
                self.channel_box.setCurrentIndex(self.channel_box.findData(pending.channel))
                self._fill_checklist(pending.provided)
                self._say(
                    self.tr("Hồ sơ đã yêu cầu bổ sung ngày {0}: đánh dấu các giấy tờ vừa bổ sung.").format(
                        self._session.local_text(pending.created_at)
                    )
                )

    # ----------------------------------------------------------------- the three outcomes
    def ticked(self) -> tuple[int, ...]:
        return tuple(
            self.checklist.item(row, 0).data(Qt.ItemDataRole.UserRole)
            for row in range(self.checklist.rowCount())
            if self.checklist.item(row, 0).checkState() == Qt.CheckState.Checked
        )

    def _pristine(self) -> bool:
        return self.record is None and not self.applicant.full_name.text().strip()

    def _request(self) -> IntakeRequest | None:
        if self._pristine() and self.last_result is not None:
            return None  # a repeated press right after a success: keep its message, do nothing
        if self.record is None:
            self._say(self.tr("Chưa chọn thủ tục."), error=True)
            self.picker.search.setFocus()
            return None
        try:
            applicant = self.applicant.value()
        except UserError:
            return None
        return IntakeRequest(
            procedure_code=self.record.code,
            applicant=applicant,
            case_no=max(self.case_box.currentIndex(), 0) + 1,
            channel=self.channel_box.currentData(),
            provided=self.ticked(),
            return_method=self.return_box.currentData(),
            postal_address=self.postal_address.text() or None,
            pending_intake_id=self.pending_id,
            intake_token=self._token,
        )

    def _run(self, action) -> object | None:  # type: ignore[no-untyped-def]
        """Run one outcome; a second press while it runs, or after it succeeded, does nothing."""
        if self._busy:
            return None
        request = self._request()
        if request is None:
            return None
        self._busy = True
        self._set_buttons(False)
        try:
            return action(request)
        except ApplicantErrors as exc:
            self.applicant.show_errors(exc.errors)
            self._say(self.tr("Thông tin người nộp chưa hợp lệ."), error=True)
        except UserError as exc:
            self._say(exc.message, error=True)
            if exc.field == "postal_address":
                self.postal_address.setFocus()
        finally:
            self._busy = False
            self._set_buttons(True)
        return None

    def accept_dossier(self) -> None:
        s = self._session
        result = self._run(lambda req: receive(s.db, s.actor, req, now=s.now()))
        if isinstance(result, ReceiveResult):
            self.last_result = result
            self._say(
                self.tr("Đã tiếp nhận hồ sơ {0}. Hẹn trả: {1}.").format(
                    result.code,
                    self._session.local_text(result.appointment_at)
                    if result.appointment_at
                    else self.tr("không hẹn"),
                )
            )
            self.received.emit(result)
            self.clear(keep_message=True)

    def request_supplement(self) -> None:
        reason, ok = QInputDialog.getText(
            self, self.tr("Yêu cầu bổ sung"), self.tr("Nội dung/lý do cần bổ sung:")
        )
        if not ok:
            return
        s = self._session
        result = self._run(lambda req: request_supplement_at_intake(s.db, s.actor, req, reason, now=s.now()))
        if result is not None:
            names = "; ".join(m.name for m in result.missing)
            self._say(self.tr("Đã lập yêu cầu bổ sung. Cần bổ sung: {0}").format(names or reason))
            self.supplement_requested.emit(result)
            self.clear(keep_message=True)

    def refuse_dossier(self) -> None:
        reason, ok = QInputDialog.getText(
            self, self.tr("Từ chối tiếp nhận"), self.tr("Lý do từ chối (bắt buộc):")
        )
        if not ok:
            return
        s = self._session
        result = self._run(lambda req: refuse(s.db, s.actor, req, reason, now=s.now()))
        if result is not None:
            self._say(self.tr("Đã từ chối tiếp nhận, số {0}.").format(result.code))
            self.refused.emit(result)
            self.clear(keep_message=True)

    # ----------------------------------------------------------------- helpers
    def _set_buttons(self, enabled: bool) -> None:
        for button in (self.accept_button, self.supplement_button, self.refuse_button):
            button.setEnabled(enabled)

    def _say(self, text: str, *, error: bool = False) -> None:
        # Large: the officer reads the code and the appointment out to the citizen from here.
        colour = "#b00020" if error else "#1b5e20"
        self.message.setStyleSheet(f"color: {colour}; font-size: 15px; font-weight: bold")
        self.message.setText(text)

    def clear(self, keep_message: bool = False) -> None:
        self.applicant.clear()
        self.record, self.pending_id = None, None
        self._token = uuid.uuid4().hex  # a new form: a new intake
        self.procedure_label.setText(self.tr("Chưa chọn thủ tục."))
        self.case_box.clear()
        self.checklist.setRowCount(0)
        self.appointment_label.clear()
        self.return_box.setCurrentIndex(0)
        self.postal_address.clear()
        self.picker.search.clear()
        if not keep_message:
            self.message.clear()
        self.focus_start()
