"""The Track page's actions: each opens a small dialog, calls the service, and refreshes the rows.

The dialog reads its fields and the action's service call runs on the write lane (operations.py,
through ``ActionDialog``): each ``call`` below returns that call (a ``partial``), it does not make it.

A mixin of :class:`TrackPage` (kept apart so each module holds one concept). Its strings use the
"TrackPage" translation context explicitly: that is the context ``self.tr`` has at run time.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication

from counter_app.domain.errors import UserError
from counter_app.domain.lifecycle import Action
from counter_app.services import processing
from counter_app.services.action_choices import suggested_new_appointment
from counter_app.services.lookup import lookup
from counter_app.services.office_catalog import mapped_unit
from counter_app.ui.messages import shown
from counter_app.ui.pages.track.detail import local
from counter_app.ui.pages.track.dialogs import ActionDialog, AppointmentDialog, TransferDialog


class TrackActions:
    """Lifecycle actions on the selected dossiers (needs TrackPage's selection, model and detail)."""

    def _codes(self, action: Action) -> list[str]:
        button = self.action_buttons[action]
        if not button.isEnabled() or not self.selected:
            return []
        return [s.code for s in self.selected]

    def _open(
        self,
        dialog: ActionDialog,
        prepare: Callable[[], Callable[[], object]],
        done: Callable[[object], None],
    ) -> None:
        self.dialog = dialog
        dialog.prepare = prepare
        dialog.accepted.connect(lambda: done(dialog.result_value))
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: ActionDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
        # The page's window takes the keys again (a dialog that closed after its service call ran
        # may leave no active window behind on some platforms: the next Ctrl+… would go nowhere).
        self.activateWindow()
        self.table.setFocus()

    def _after(self, action: Action, codes: list[str], text: str, also: list[str] | None = None) -> None:
        """Refresh the rows (of ``codes`` and ``also``) and the detail, and say what was done."""
        for code in [*codes, *(also or [])]:
            try:
                view = lookup(self._session.db, self._session.actor, code, with_events=False, audited=False)
            except UserError:
                continue
            self.model.update_from_view(view)
            if code in codes:
                self.action_done.emit(str(action), code)
        if self.table.selectionModel().hasSelection() or not codes:
            self._selection_changed()
        else:
            self.show_code(codes[0])  # opened by its code, outside the current filter
        self._say(text)

    def transfer_selected(self) -> None:
        codes = self._codes(Action.TRANSFER)
        if not codes:
            return
        s = self._session
        # The unit the office maps these dossiers' procedures to (none: the officer must choose).
        default = mapped_unit(s.db, s.actor, list(codes))
        dialog = TransferDialog(codes, self.units, self, default_unit=default)

        def prepare() -> Callable[[], object]:
            unit, note, now = dialog.unit_code(), dialog.text("note"), s.now()

            def transfer_all() -> object:  # on the write lane: one dossier after another
                done: list[str] = []
                failed: list[tuple[str, str]] = []
                for code in codes:
                    try:
                        processing.transfer(s.db, s.actor, code, unit, note, now=now)
                    except UserError as exc:
                        if not done and code == codes[0]:
                            raise  # nothing written yet: keep the dialog open with the reason
                        failed.append((code, shown(exc)))
                    else:
                        done.append(code)
                return done, failed

            return transfer_all

        def finished(result: object) -> None:
            done, failed = result  # type: ignore[misc]
            unit_name = dialog.unit.currentText()
            text = (
                QCoreApplication.translate("TrackPage", "Đã chuyển hồ sơ {0} đến {1}.").format(
                    done[0], unit_name
                )
                if len(done) == 1
                else QCoreApplication.translate("TrackPage", "Đã chuyển {0} hồ sơ đến {1}.").format(
                    len(done), unit_name
                )
            )
            if failed:
                text += " " + QCoreApplication.translate("TrackPage", "Không chuyển được: {0}").format(
                    "; ".join(f"{code}: {message}" for code, message in failed)
                )
            self._after(Action.TRANSFER, done, text, also=[code for code, _ in failed])
            if failed:
                self._say(text, error=True)
            self.transferred.emit(done, dialog.unit_code())

        self._open(dialog, prepare, finished)

    def _reason_action(
        self,
        action: Action,
        title: str,
        intro: str,
        caption: str,
        ok_text: str,
        call: Callable[[str, ActionDialog], Callable[[], object]],
        done_text: str,
        extra: tuple[str, str, str] | None = None,
        required: bool = True,
    ) -> None:
        codes = self._codes(action)
        if not codes:
            return
        code = codes[0]
        dialog = ActionDialog(title, intro.format(code), ok_text, self)
        dialog.add_line(
            "reason",
            caption,
            QCoreApplication.translate("TrackPage", "bắt buộc")
            if required
            else QCoreApplication.translate("TrackPage", "không bắt buộc"),
        )
        if extra is not None:
            dialog.add_line(*extra)
        self._open(
            dialog,
            lambda: call(code, dialog),
            lambda _r: self._after(action, [code], done_text.format(code)),
        )

    def request_supplement(self) -> None:
        s = self._session
        self._reason_action(
            Action.REQUEST_SUPPLEMENT,
            QCoreApplication.translate("TrackPage", "Yêu cầu bổ sung hồ sơ"),
            QCoreApplication.translate(
                "TrackPage", "Hồ sơ {0}: ghi đầy đủ, một lần, các giấy tờ cần bổ sung."
            ),
            QCoreApplication.translate("TrackPage", "Nội dung, lý do:"),
            QCoreApplication.translate("TrackPage", "Yêu cầu bổ sung (Enter)"),
            lambda code, d: partial(
                processing.request_supplement, s.db, s.actor, code, d.text("reason"), now=s.now()
            ),
            QCoreApplication.translate("TrackPage", "Đã yêu cầu bổ sung hồ sơ {0}."),
        )

    def _resume_action(
        self,
        action: Action,
        title: str,
        question: str,
        ok_text: str,
        call: Callable[[str, ActionDialog], Callable[[], object]],
        done_text: str,
        note_caption: str | None = None,
    ) -> None:
        """The citizen came back (supplied, paid): confirm, resume, and say the new appointment."""
        codes = self._codes(action)
        if not codes:
            return
        s, code = self._session, codes[0]
        dialog = ActionDialog(title, question.format(code), ok_text, self)
        if note_caption is not None:
            dialog.add_line("note", note_caption, QCoreApplication.translate("TrackPage", "không bắt buộc"))

        def done(result: object) -> None:
            due = getattr(result, "appointment_at", None)
            no_appointment = QCoreApplication.translate("TrackPage", "không hẹn")
            self._after(action, [code], done_text.format(code, local(due, s.timezone) or no_appointment))

        self._open(dialog, lambda: call(code, dialog), done)

    def supply_supplement(self) -> None:
        s = self._session
        self._resume_action(
            Action.SUPPLY_SUPPLEMENT,
            QCoreApplication.translate("TrackPage", "Nhận bổ sung"),
            QCoreApplication.translate(
                "TrackPage",
                "Xác nhận công dân đã nộp đủ giấy tờ bổ sung cho hồ sơ {0}? "
                "Hẹn trả được tính lại theo quy định của thủ tục.",
            ),
            QCoreApplication.translate("TrackPage", "Đã nhận đủ (Enter)"),
            lambda code, _d: partial(processing.supply_supplement, s.db, s.actor, code, now=s.now()),
            QCoreApplication.translate("TrackPage", "Đã nhận bổ sung hồ sơ {0}. Hẹn trả mới: {1}."),
        )

    def request_payment(self) -> None:
        s = self._session
        self._reason_action(
            Action.REQUEST_PAYMENT,
            QCoreApplication.translate("TrackPage", "Chờ thực hiện nghĩa vụ tài chính"),
            QCoreApplication.translate(
                "TrackPage",
                "Hồ sơ {0}: công dân phải nộp phí, lệ phí, thuế… trước khi nhận kết quả. "
                "Thời gian chờ nộp không tính vào thời hạn giải quyết.",
            ),
            QCoreApplication.translate("TrackPage", "Khoản phải nộp, số tiền:"),
            QCoreApplication.translate("TrackPage", "Chuyển chờ nộp (Enter)"),
            lambda code, d: partial(
                processing.request_payment, s.db, s.actor, code, d.text("reason"), now=s.now()
            ),
            QCoreApplication.translate("TrackPage", "Hồ sơ {0} đang chờ thực hiện nghĩa vụ tài chính."),
        )

    def confirm_payment(self) -> None:
        s = self._session
        self._resume_action(
            Action.CONFIRM_PAYMENT,
            QCoreApplication.translate("TrackPage", "Đã thực hiện nghĩa vụ tài chính"),
            QCoreApplication.translate(
                "TrackPage",
                "Xác nhận công dân đã nộp đủ phí, lệ phí, thuế cho hồ sơ {0}? "
                "Hẹn trả được lùi thêm đúng thời gian làm việc đã chờ nộp.",
            ),
            QCoreApplication.translate("TrackPage", "Đã nộp (Enter)"),
            lambda code, d: partial(
                processing.confirm_payment, s.db, s.actor, code, d.text("note"), now=s.now()
            ),
            QCoreApplication.translate("TrackPage", "Hồ sơ {0} tiếp tục giải quyết. Hẹn trả: {1}."),
            note_caption=QCoreApplication.translate("TrackPage", "Ghi chú (số biên lai…):"),
        )

    def resolve(self) -> None:
        s = self._session
        self._reason_action(
            Action.RESOLVE,
            QCoreApplication.translate("TrackPage", "Cập nhật kết quả"),
            QCoreApplication.translate(
                "TrackPage", "Hồ sơ {0} đã có kết quả giải quyết, sẵn sàng trả cho công dân."
            ),
            QCoreApplication.translate("TrackPage", "Ghi chú:"),
            QCoreApplication.translate("TrackPage", "Cập nhật (Enter)"),
            lambda code, d: partial(processing.resolve, s.db, s.actor, code, d.text("reason"), now=s.now()),
            QCoreApplication.translate("TrackPage", "Đã cập nhật kết quả hồ sơ {0}."),
            required=False,
        )

    def withdraw(self) -> None:
        s = self._session
        self._reason_action(
            Action.WITHDRAW,
            QCoreApplication.translate("TrackPage", "Rút hồ sơ"),
            QCoreApplication.translate("TrackPage", "Công dân xin rút hồ sơ {0}."),
            QCoreApplication.translate("TrackPage", "Lý do rút:"),
            QCoreApplication.translate("TrackPage", "Rút hồ sơ (Enter)"),
            lambda code, d: partial(processing.withdraw, s.db, s.actor, code, d.text("reason"), now=s.now()),
            QCoreApplication.translate("TrackPage", "Đã ghi nhận rút hồ sơ {0}."),
        )

    def stop(self) -> None:
        s = self._session
        self._reason_action(
            Action.STOP,
            QCoreApplication.translate("TrackPage", "Dừng giải quyết"),
            QCoreApplication.translate("TrackPage", "Dừng giải quyết hồ sơ {0} (thông báo mẫu 05)."),
            QCoreApplication.translate("TrackPage", "Lý do dừng:"),
            QCoreApplication.translate("TrackPage", "Dừng giải quyết (Enter)"),
            lambda code, d: partial(
                processing.stop, s.db, s.actor, code, d.text("reason"), d.text("legal_basis"), now=s.now()
            ),
            QCoreApplication.translate("TrackPage", "Đã dừng giải quyết hồ sơ {0}."),
            extra=(
                "legal_basis",
                QCoreApplication.translate("TrackPage", "Căn cứ pháp lý:"),
                QCoreApplication.translate("TrackPage", "điều, khoản, văn bản"),
            ),
        )

    def cancel(self) -> None:
        if not self.can_cancel:
            return
        s = self._session
        self._reason_action(
            Action.CANCEL,
            QCoreApplication.translate("TrackPage", "Hủy hồ sơ"),
            QCoreApplication.translate(
                "TrackPage", "Hủy hồ sơ {0} do nhập sai. Số hồ sơ được giữ lại kèm lý do hủy, không dùng lại."
            ),
            QCoreApplication.translate("TrackPage", "Lý do hủy:"),
            QCoreApplication.translate("TrackPage", "Hủy hồ sơ (Enter)"),
            lambda code, d: partial(processing.cancel, s.db, s.actor, code, d.text("reason"), now=s.now()),
            QCoreApplication.translate("TrackPage", "Đã hủy hồ sơ {0}."),
        )

    def apologise(self) -> None:
        codes = self._codes(Action.APOLOGISE)
        if not codes:
            return
        s, code = self._session, codes[0]
        view = self.detail.view if self.detail.view and self.detail.view.code == code else None
        if view is None:
            try:
                view = lookup(s.db, s.actor, code, with_events=False, audited=False)
            except UserError as exc:
                self._say(shown(exc), error=True)
                return
        now = s.now()
        dialog = AppointmentDialog(
            code,
            local(view.appointment_at, s.timezone),
            suggested_new_appointment(s.db, view.appointment_at, now),
            s.timezone,
            self,
        )

        def done(result: object) -> None:
            due = getattr(result, "appointment_at", None)
            self._after(
                Action.APOLOGISE,
                [code],
                QCoreApplication.translate(
                    "TrackPage", "Đã ghi nhận xin lỗi, hẹn lại hồ sơ {0} vào {1}."
                ).format(code, local(due, s.timezone)),
            )

        self._open(
            dialog,
            lambda: partial(
                processing.apologise,
                s.db,
                s.actor,
                code,
                dialog.new_appointment(),
                dialog.text("reason"),
                now=s.now(),
            ),
            done,
        )

    # ----------------------------------------------------------------- helpers
