"""Tiếp nhận: applicant, procedure and case, the document checklist, and the three outcomes.

The outcomes and the receipt moment are in receive_actions.py; the checklist in
document_checklist.py. Keyboard rules kept here: a CCCD QR scanned into any field fills the
applicant and its trailing Enter is swallowed; choosing a procedure leaves the focus in the search
(or on the case box when there are cases to choose), never in the checklist; Esc asks before it
discards anything typed.
"""

from __future__ import annotations

import uuid
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import UserError
from counter_app.domain.lifecycle import CHANNEL_LABELS, Channel
from counter_app.services.catalog import show_procedure
from counter_app.services.catalog_format import ProcedureRecord
from counter_app.services.receiving import ReceiveResult, ReturningApplicant, returning_applicant
from counter_app.ui.i18n import domain_label
from counter_app.ui.messages import shown
from counter_app.ui.operations import ServiceOp
from counter_app.ui.pages.receive_actions import ReceiveActions
from counter_app.ui.pages.receive_state import ReceiveFormState
from counter_app.ui.scanner import ScanEnterGuard
from counter_app.ui.session import UiSession
from counter_app.ui.slip_desk import SlipDesk
from counter_app.ui.widgets.applicant_form import ApplicantForm
from counter_app.ui.widgets.document_checklist import DocumentChecklist
from counter_app.ui.widgets.procedure_picker import ProcedurePicker
from counter_app.ui.widgets.receipt_banner import ReceiptBanner


class ReceivePage(ReceiveActions, ReceiveFormState, QWidget):
    received = Signal(object)  # ReceiveResult
    supplement_requested = Signal(object)  # SupplementAtIntakeResult
    refused = Signal(object)  # ReceiveResult of the refused dossier

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._desk: SlipDesk | None = None
        self.record: ProcedureRecord | None = None
        self.pending_id: uuid.UUID | None = None
        self._token = uuid.uuid4().hex
        self._prefill_wish: tuple[str, str, str] | None = None  # the number the form looks up
        self.last_result: ReceiveResult | None = None
        self._message_field: str | None = None  # what the error on screen is about

        self.banner = ReceiptBanner()
        self.applicant = ApplicantForm()
        self.picker = ProcedurePicker(session.db, received_at=session.actor.office_id)
        self.procedure_label = QLabel(self.tr("Chưa chọn thủ tục."))
        self.procedure_label.setWordWrap(True)
        self.case_box = QComboBox()
        # Long case names must not widen the column and squeeze the procedure list.
        self.case_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.case_box.setMinimumContentsLength(20)
        self.channel_box = QComboBox()
        for channel in Channel:
            self.channel_box.addItem(domain_label(CHANNEL_LABELS[channel]), str(channel))
        self.checklist = DocumentChecklist()
        self.legend = QLabel(
            self.tr("* bắt buộc · Xuất trình: kiểm tra rồi trả lại · Space: đánh dấu/bỏ dấu dòng đang chọn")
        )
        self.legend.setStyleSheet("color: #5f6368")
        self.legend.setWordWrap(True)
        self.appointment_label = QLabel()
        self.appointment_label.setStyleSheet("font-weight: bold")
        self.appointment_label.setWordWrap(True)
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
        self._lay_out()
        self._connect()
        # The scanner's Enter after a CCCD QR lands in whichever widget has the focus by then.
        self.enter_guard = ScanEnterGuard(self)
        self.enter_guard.watch([self, *self.findChildren(QWidget)])

    def _lay_out(self) -> None:
        procedure_box = QGroupBox(self.tr("Thủ tục"))
        pform = QFormLayout()
        pform.addRow(self.tr("Trường hợp:"), self.case_box)
        pform.addRow(self.tr("Kênh nộp:"), self.channel_box)
        pv = QVBoxLayout(procedure_box)
        pv.addWidget(self.picker, 1)
        pv.addWidget(self.procedure_label)
        pv.addLayout(pform)

        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.checklist, 1)
        rv.addWidget(self.legend)
        rv.addWidget(self.appointment_label)
        rform = QFormLayout()
        rform.addRow(self.tr("Nhận kết quả:"), self.return_box)
        rform.addRow(self.tr("Địa chỉ:"), self.postal_address)
        rv.addLayout(rform)

        # Fixed shares of the width: what a column shows (a long case name, a long document) never
        # takes width from another (the procedure names stay readable after a scan).
        top = QHBoxLayout()
        for widget, share, least in ((self.applicant, 3, 280), (procedure_box, 4, 320), (right, 4, 360)):
            policy = widget.sizePolicy()
            policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
            widget.setSizePolicy(policy)
            widget.setMinimumWidth(least)
            top.addWidget(widget, share)

        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addStretch(0)  # keeps the buttons their size while the message is hidden
        for button in (self.clear_button, self.refuse_button, self.supplement_button, self.accept_button):
            bottom.addWidget(button)
        page = QVBoxLayout(self)
        page.addWidget(self.banner)
        page.addLayout(top, 1)
        page.addLayout(bottom)

    def _connect(self) -> None:
        self.picker.chosen.connect(self.choose_procedure)
        # currentIndexChanged passes the new index: the slot must not take it for the ticks.
        self.case_box.currentIndexChanged.connect(lambda _index: self._case_changed())
        self.channel_box.currentIndexChanged.connect(lambda _index: self._channel_changed())
        self.return_box.currentIndexChanged.connect(lambda _index: self._return_changed())
        self.postal_address.textChanged.connect(lambda _text: self._drop_message("postal_address"))
        self.checklist.ticks_changed.connect(lambda: self._drop_message("provided"))
        self.applicant.card_read.connect(self._card_read)
        self.applicant.identity_entered.connect(self._returning_applicant)
        self.applicant.edited.connect(self._applicant_edited)
        self.picker.search.textChanged.connect(self._search_typed)
        self.accept_button.clicked.connect(self.accept_dossier)
        self.supplement_button.clicked.connect(self.request_supplement)
        self.refuse_button.clicked.connect(self.refuse_dossier)
        self.clear_button.clicked.connect(self.escape)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.accept_dossier)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.escape)
        self.setTabOrder(self.applicant.address, self.picker.search)

    # ----------------------------------------------------------------- focus and filling
    def focus_start(self) -> None:
        self.applicant.id_number.setFocus()

    def _search_typed(self, text: str) -> None:
        # A QR scanned while the focus is in the search field fills the applicant too; the search
        # is emptied again, and the list with it.
        if self.applicant.read_qr(self.picker.search, text):
            self.picker.refresh()

    def _card_read(self) -> None:
        self.enter_guard.arm()
        self.picker.search.setFocus()

    def choose_procedure(self, code: str) -> None:
        if self.record is not None and self.record.code == code:
            return  # chosen again (a second Enter): the case and the ticks stay as they are
        try:
            record = show_procedure(self._session.db, code)
        except UserError as exc:
            self._say(shown(exc), error=True)
            return
        self.record = record
        self.procedure_label.setText(f"<b>{record.code}</b> — {record.name}")
        self.picker.show_chosen(record.code)
        self.case_box.blockSignals(True)
        self.case_box.clear()
        general = self.tr("Trường hợp chung")
        for index, case in enumerate(record.cases, start=1):
            self.case_box.addItem(f"{index}. {case.name or general}", index)
            self.case_box.setItemData(index - 1, case.name or general, Qt.ItemDataRole.ToolTipRole)
        self.case_box.blockSignals(False)
        self.case_box.setEnabled(len(record.cases) > 1)
        self._show_case()
        self._form_started()
        for field in ("procedure", "case_no", "provided"):
            self._drop_message(field)
        # Never into the checklist (typing there used to toggle ticks): to the case when there is
        # one to choose, else the focus stays where it is.
        if self.case_box.isEnabled():
            self.case_box.setFocus()

    def _show_case(self, provided: tuple[int, ...] | None = None) -> None:
        """The chosen case's lines, all tickable ones ticked unless ``provided`` says otherwise."""
        if self.record is None:
            return
        case = self.record.cases[max(self.case_box.currentIndex(), 0)] if self.record.cases else None
        self.checklist.show_documents(
            case.documents if case else [],
            provided,
            empty_text=self.tr("Danh mục không ghi giấy tờ nào cho trường hợp này."),
        )
        self._update_appointment()

    def _case_changed(self) -> None:
        self._show_case()
        self._drop_message("provided")
        self._drop_message("case_no")

    def _channel_changed(self) -> None:
        self._update_appointment()
        self._drop_message("channel")

    def _return_changed(self) -> None:
        self.postal_address.setEnabled(self.return_box.currentData() == "post")
        self._drop_message("postal_address")
        self._drop_message("return_method")

    def _returning_applicant(self, id_number: str, phone: str) -> None:
        """Look the person up on the write lane (the read is audited before it is shown: it may
        wait for another counter); only the answer to the form's latest number is used."""
        s = self._session
        wish = (self._token, id_number, phone)
        if wish == self._prefill_wish:
            return  # this form's number already looked up (a card's scan says it twice)
        self._prefill_wish = wish
        op = ServiceOp(
            self,
            partial(returning_applicant, s.db, s.actor, id_number=id_number, phone=phone),
            exclusive=False,
        )
        op.success(partial(self._prefill, wish)).failure(
            partial(self._prefill_failed, wish)
        ).run_in_background()

    def _prefill(self, wish: tuple[str, str, str], found: ReturningApplicant) -> None:
        if wish != self._prefill_wish or wish[0] != self._token:
            return  # the form was cleared, or another number typed, meanwhile
        if found.known is not None:
            self.applicant.fill(found.known, only_empty=True, from_card=self.applicant.read_from_card)
        pending = found.pending
        if pending is not None:
            self.pending_id = pending.id
            self.choose_procedure(pending.procedure_code)
            self.case_box.blockSignals(True)
            self.case_box.setCurrentIndex(pending.case_no - 1)
            self.case_box.blockSignals(False)
            self.channel_box.setCurrentIndex(self.channel_box.findData(pending.channel))
            self._show_case(pending.provided)
            self._say(
                self.tr("Hồ sơ đã yêu cầu bổ sung ngày {0}: đánh dấu các giấy tờ vừa bổ sung.").format(
                    self._session.local_text(pending.created_at)
                )
            )

    def _prefill_failed(self, wish: tuple[str, str, str], exc: UserError) -> None:
        if wish == self._prefill_wish and wish[0] == self._token:
            self._prefill_wish = None  # typed again, it is looked up again
            self._say(shown(exc), error=True)

    # ----------------------------------------------------------------- clearing
    def clear(self, keep_message: bool = False) -> None:
        self.applicant.clear()
        self.record, self.pending_id = None, None
        self._token = uuid.uuid4().hex  # a new form: a new intake
        self.procedure_label.setText(self.tr("Chưa chọn thủ tục."))
        self.case_box.blockSignals(True)
        self.case_box.clear()
        self.case_box.blockSignals(False)
        self.checklist.show_documents([])
        self.appointment_label.clear()
        self.return_box.setCurrentIndex(0)
        self.postal_address.clear()
        self.picker.search.clear()
        self._message_field = None
        if not keep_message:
            self.message.clear()
            self.banner.clear_banner()
        self.focus_start()
