"""The receive page's three outcomes — accept, supplement request, refusal — and the receipt moment.

A part of ReceivePage (a mixin, to keep each module short): every outcome goes through one service
call, run on the write lane (operations.py) so the GUI never waits for the database; the page is
busy meanwhile, and a second press while it runs, or right after it succeeded, does nothing. After
an accept the banner shows the code and the appointment at once; the receipt is issued in the
background by the slip desk, and the banner then says where it went.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QInputDialog, QLabel, QLineEdit, QPushButton, QWidget

from counter_app.domain.errors import UserError
from counter_app.services.applicants import ApplicantErrors
from counter_app.services.catalog_format import ProcedureRecord
from counter_app.services.receiving import (
    IntakeRequest,
    ReceiveResult,
    receive,
    refuse,
    request_supplement_at_intake,
)
from counter_app.ui.messages import shown, shown_errors
from counter_app.ui.operations import ServiceOp, is_busy
from counter_app.ui.session import UiSession
from counter_app.ui.widgets.applicant_form import ApplicantForm
from counter_app.ui.widgets.document_checklist import DocumentChecklist
from counter_app.ui.widgets.procedure_picker import ProcedurePicker
from counter_app.ui.widgets.receipt_banner import ReceiptBanner

if TYPE_CHECKING:
    from counter_app.ui.slip_desk import SlipDesk


class ReceiveActions:
    """Needs the widgets and state that ReceivePage sets up."""

    _session: UiSession
    _desk: SlipDesk | None
    _token: str
    record: ProcedureRecord | None
    pending_id: uuid.UUID | None
    last_result: ReceiveResult | None
    applicant: ApplicantForm
    picker: ProcedurePicker
    case_box: QComboBox
    channel_box: QComboBox
    checklist: DocumentChecklist
    return_box: QComboBox
    postal_address: QLineEdit
    message: QLabel
    banner: ReceiptBanner
    accept_button: QPushButton
    supplement_button: QPushButton
    refuse_button: QPushButton

    if TYPE_CHECKING:  # provided by ReceivePage and QWidget; declared only for the type checker

        def has_unsaved_input(self) -> bool: ...
        def clear(self, keep_message: bool = False) -> None: ...
        def _say(self, text: str, *, error: bool = False, field: str | None = None) -> None: ...

    # ----------------------------------------------------------------- the receipt
    def attach_desk(self, desk: SlipDesk) -> None:
        """The desk that issues and prints this page's slips; the receipt's progress shows in the banner."""
        self._desk = desk
        desk.progressed.connect(self._slip_progressed)

    def _slip_progressed(self, kind: str, key: str, state: str, message: str, path: Path | None) -> None:
        if kind != "receipt":
            return
        self.banner.show_receipt(key, state, message, path)
        if state == "printing":
            self.banner.repaint()  # printing holds the GUI thread: say so before it starts

    # ----------------------------------------------------------------- the request
    def ticked(self) -> tuple[int, ...]:
        return self.checklist.ticked()

    def _request(self) -> IntakeRequest | None:
        if not self.has_unsaved_input() and self.last_result is not None:
            return None  # a repeated press right after a success: keep its banner, do nothing
        if self.record is None:
            self._say(
                QCoreApplication.translate("ReceivePage", "Chưa chọn thủ tục."), error=True, field="procedure"
            )
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

    def _run(self, action: Callable[[IntakeRequest], Any], done: Callable[[Any], None]) -> bool:
        """Run one outcome on the write lane, then ``done`` with its result on the GUI thread; False
        when nothing was started: a second press while one runs, or after it succeeded, does nothing."""
        if is_busy(self):  # type: ignore[arg-type]
            return False
        request = self._request()  # read on the GUI thread: the op itself touches no widget
        if request is None:
            return False
        self._set_buttons(False)
        return (
            ServiceOp(self, lambda: action(request))  # type: ignore[arg-type]
            .after(lambda: self._set_buttons(True))
            .success(done)
            .failure(self._not_done)
            .run_in_background()
        )

    def _not_done(self, exc: UserError) -> None:
        """The service said no (or the database is busy): the reason in the message line, the form
        as it was typed."""
        if isinstance(exc, ApplicantErrors):
            self.applicant.show_errors(shown_errors(exc))
            self._say(
                QCoreApplication.translate("ReceivePage", "Thông tin người nộp chưa hợp lệ."),
                error=True,
                field="applicant",
            )
            return
        self._say(shown(exc), error=True, field=exc.field)
        if exc.field == "postal_address":
            self.postal_address.setFocus()

    # ----------------------------------------------------------------- the outcomes
    def accept_dossier(self) -> None:
        s = self._session
        now = s.now()  # the instant of the press, not of the write
        self._run(lambda req: receive(s.db, s.actor, req, now=now), self._show_received)

    def _show_received(self, result: ReceiveResult) -> None:
        """The dossier is received: the banner, the signal, and the receipt sent to the desk."""
        s = self._session
        self.last_result = result
        self.clear(keep_message=True)
        # The banner says it on screen; the sentence stays in the (hidden) message label, where
        # screen readers and the tests of the English interface read it.
        self._say(
            QCoreApplication.translate("ReceivePage", "Đã tiếp nhận hồ sơ {0}. Hẹn trả: {1}.").format(
                result.code,
                s.local_text(result.appointment_at)
                if result.appointment_at
                else QCoreApplication.translate("ReceivePage", "không hẹn"),
            )
        )
        self.message.hide()
        self.banner.show_received(
            result.code, result.appointment_at, s.timezone, receipt=self._desk is not None
        )
        # Paint the banner now, before anything else runs: the officer reads the code out from it.
        page: QWidget = self  # type: ignore[assignment]
        page.layout().activate()
        self.banner.repaint()
        self.received.emit(result)  # type: ignore[attr-defined]
        if self._desk is not None:
            self._desk.issue_in_background("receipt", result.code, self._desk.receipt_layout())

    def request_supplement(self) -> None:
        if is_busy(self):  # type: ignore[arg-type]  # an outcome is being saved: no second one
            return
        reason, ok = QInputDialog.getText(
            self,  # type: ignore[arg-type]
            QCoreApplication.translate("ReceivePage", "Yêu cầu bổ sung"),
            QCoreApplication.translate("ReceivePage", "Nội dung/lý do cần bổ sung:"),
        )
        if not ok:
            return
        s = self._session
        now = s.now()

        def done(result: Any) -> None:
            names = "; ".join(m.name for m in result.missing)
            self.clear(keep_message=True)
            self._say(
                QCoreApplication.translate("ReceivePage", "Đã lập yêu cầu bổ sung. Cần bổ sung: {0}").format(
                    names or reason
                )
            )
            self.supplement_requested.emit(result)  # type: ignore[attr-defined]

        self._run(lambda req: request_supplement_at_intake(s.db, s.actor, req, reason, now=now), done)

    def refuse_dossier(self) -> None:
        if is_busy(self):  # type: ignore[arg-type]  # an outcome is being saved: no second one
            return
        reason, ok = QInputDialog.getText(
            self,  # type: ignore[arg-type]
            QCoreApplication.translate("ReceivePage", "Từ chối tiếp nhận"),
            QCoreApplication.translate("ReceivePage", "Lý do từ chối (bắt buộc):"),
        )
        if not ok:
            return
        s = self._session
        now = s.now()

        def done(result: ReceiveResult) -> None:
            self.clear(keep_message=True)
            self._say(
                QCoreApplication.translate("ReceivePage", "Đã từ chối tiếp nhận, số {0}.").format(result.code)
            )
            self.refused.emit(result)  # type: ignore[attr-defined]

        self._run(lambda req: refuse(s.db, s.actor, req, reason, now=now), done)

    def _set_buttons(self, enabled: bool) -> None:
        for button in (self.accept_button, self.supplement_button, self.refuse_button):
            button.setEnabled(enabled)
