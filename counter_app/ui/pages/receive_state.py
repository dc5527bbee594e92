"""The receive page's form state: the live appointment, what would be lost, and messages.

A part of ReceivePage (a mixin, to keep each module short). Esc (and closing the window, through
``has_unsaved_input``/``confirm_discard``) asks before it discards anything typed; an error message
goes as soon as the field it is about changes, and on success.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox

from counter_app.domain.errors import UserError
from counter_app.services.catalog_format import ProcedureRecord
from counter_app.services.procedure_terms import terms_for
from counter_app.services.receiving import preview_appointment
from counter_app.ui.messages import shown
from counter_app.ui.pages.guide_text import terms_words
from counter_app.ui.session import UiSession
from counter_app.ui.widgets.applicant_form import ApplicantForm
from counter_app.ui.widgets.receipt_banner import ReceiptBanner, appointment_words

APPLICANT_FIELDS = (*ApplicantForm.FIELDS, "applicant")


class ReceiveFormState:
    """Needs the widgets and state that ReceivePage sets up."""

    _session: UiSession
    record: ProcedureRecord | None
    applicant: ApplicantForm
    case_box: QComboBox
    channel_box: QComboBox
    appointment_label: QLabel
    message: QLabel
    banner: ReceiptBanner
    _message_field: str | None

    def _update_appointment(self) -> None:
        if self.record is None:
            self.appointment_label.clear()
            return
        case_no = max(self.case_box.currentIndex(), 0) + 1
        channel = self.channel_box.currentData()
        try:
            due = preview_appointment(
                self._session.db,
                self._session.actor,
                self.record.code,
                channel,
                at=self._session.now(),
                case_no=case_no,
            )
        except UserError as exc:
            self.appointment_label.setText(shown(exc))
            return
        if due is None:
            self.appointment_label.setText(
                QCoreApplication.translate("ReceivePage", "Thủ tục không hẹn ngày trả.")
            )
            return
        text = QCoreApplication.translate("ReceivePage", "Hẹn trả kết quả: {0}").format(
            appointment_words(due, self._session.timezone)
        )
        case_name = self.record.cases[case_no - 1].name if self.record.cases else ""
        terms = terms_for(self.record, channel, case_name)
        if len(terms) > 1:  # several stated terms: the appointment is the latest they allow
            text += " " + QCoreApplication.translate("ReceivePage", "(theo thời hạn dài nhất: {0})").format(
                terms_words(terms)
            )
        self.appointment_label.setText(text)

    # ----------------------------------------------------------------- unsaved input
    def has_unsaved_input(self) -> bool:
        """Anything the officer would lose by clearing: an applicant field, or a chosen procedure."""
        return self.applicant.has_input() or self.record is not None

    def confirm_discard(self) -> bool:
        """True when the form may be cleared (or the window closed): nothing typed, or the officer
        said so (the question defaults to No)."""
        if not self.has_unsaved_input():
            return True
        answer = QMessageBox.question(
            self,  # type: ignore[arg-type]
            QCoreApplication.translate("ReceivePage", "Xóa thông tin đang nhập?"),
            QCoreApplication.translate(
                "ReceivePage", "Hồ sơ đang nhập chưa được tiếp nhận. Xóa hết thông tin đã nhập?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def escape(self) -> None:
        """Esc / "Làm mới": clear the form, asking first when something would be lost."""
        if self.confirm_discard():
            self.clear()

    def _applicant_edited(self) -> None:
        self._form_started()
        if not self.applicant.has_errors() and self._message_field in APPLICANT_FIELDS:
            self._drop_message(self._message_field)

    def _form_started(self) -> None:
        # The next citizen's form: the previous dossier's banner has been read.
        if self.has_unsaved_input():
            self.banner.clear_banner()

    # ----------------------------------------------------------------- messages
    def _say(self, text: str, *, error: bool = False, field: str | None = None) -> None:
        colour = "#b00020" if error else "#1b5e20"
        self.message.setStyleSheet(f"color: {colour}; font-size: 15px; font-weight: bold")
        self.message.setText(text)
        self.message.show()
        self.banner.clear_banner()  # an outcome or an error replaces the previous receipt moment
        self._message_field = field if error else None

    def _drop_message(self, field: str) -> None:
        """The error about ``field`` goes once the field changed: it was about the old value."""
        if self._message_field is not None and self._message_field == field:
            self.message.clear()
            self._message_field = None

    if TYPE_CHECKING:  # provided by ReceivePage and QWidget; declared only for the type checker

        def clear(self, keep_message: bool = False) -> None: ...
