"""Small input dialogs for the tracking actions.

Each dialog is given a ``prepare`` callable: on the GUI thread it reads the fields and returns the
service call, which then runs on the write lane (operations.py) while the dialog waits — busy, its
OK button disabled, Esc ignored (the outcome must not go unseen). The dialog closes only when the
call succeeds; a ``UserError`` (a missing reason, a date in the past, a busy database …) keeps it
open with the service's Vietnamese message under the fields and the cursor in the field at fault.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.services.action_choices import Unit
from counter_app.ui.messages import shown
from counter_app.ui.operations import ServiceOp, is_busy


class ActionDialog(QDialog):
    """Title, an explanation, a few fields, OK / Cancel, and the service's message."""

    def __init__(self, title: str, intro: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        # Reads the fields (GUI thread) and returns the service call to run on the write lane.
        self.prepare: Callable[[], Callable[[], object]] | None = None
        self.result_value: object = None
        self.field_widgets: dict[str, QWidget] = {}
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020; font-weight: bold")
        self.message.hide()
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(
            self.tr("Đóng (Esc)"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def add_line(self, key: str, caption: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setMinimumWidth(360)
        self.form.addRow(caption, edit)
        self.field_widgets[key] = edit
        return edit

    def text(self, key: str) -> str:
        widget = self.field_widgets[key]
        assert isinstance(widget, QLineEdit)
        return widget.text()

    def try_accept(self) -> None:
        if self.prepare is None:
            self.accept()
            return
        if is_busy(self):  # a second Enter while the service runs does nothing
            return
        call = self.prepare()
        self.ok_button.setEnabled(False)
        op = ServiceOp(self, call).after(lambda: self.ok_button.setEnabled(True))
        op.success(self._succeeded).failure(lambda exc: self.show_error(shown(exc), exc.field))
        op.run_in_background()

    def _succeeded(self, value: object) -> None:
        self.result_value = value
        self.accept()

    def reject(self) -> None:
        if is_busy(self):  # being saved: closed now, its outcome would go unseen
            return
        super().reject()

    def show_error(self, message: str, field: str | None = None) -> None:
        self.message.setText(message)
        self.message.show()
        widget = self.field_widgets.get(field or "") or self._first_field()
        if widget is not None:
            widget.setFocus()

    def _first_field(self) -> QWidget | None:
        return next(iter(self.field_widgets.values()), None)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().showEvent(event)
        first = self._first_field()
        if first is not None:
            first.setFocus()


class TransferDialog(ActionDialog):
    """Choose the specialist unit (and an optional note) for one dossier or a batch.

    No unit is chosen beforehand: with the first unit of the list preselected, an Enter pressed
    by habit sent the dossier there. OK refuses until a unit is chosen. ``default_unit`` is the
    hook for the procedure → unit mapping (a later issue): its unit, when given, is preselected.
    """

    def __init__(
        self,
        codes: list[str],
        units: list[Unit],
        parent: QWidget | None = None,
        default_unit: str | None = None,
    ) -> None:
        super().__init__("", "", "", parent)
        count = len(codes)
        self.setWindowTitle(self.tr("Chuyển xử lý"))
        self.ok_button.setText(self.tr("Chuyển (Enter)"))
        self.intro.setText(
            self.tr("Chuyển hồ sơ {0} đến đơn vị xử lý.").format(codes[0])
            if count == 1
            else self.tr("Chuyển {0} hồ sơ cùng lúc đến một đơn vị xử lý:\n{1}").format(
                count, ", ".join(codes[:6]) + (" …" if count > 6 else "")
            )
        )
        self.unit = QComboBox()
        self.unit.setEditable(False)
        self.unit.setPlaceholderText(self.tr("— Chọn đơn vị —"))
        for unit in units:
            self.unit.addItem(f"{unit.name} ({unit.code})", unit.code)
        # -1 shows the placeholder: nothing is chosen until the officer chooses.
        self.unit.setCurrentIndex(self.unit.findData(default_unit) if default_unit else -1)
        self.unit.currentIndexChanged.connect(lambda _i: self.message.hide())  # fixed: the message goes
        self.form.addRow(self.tr("Đơn vị nhận:"), self.unit)
        self.field_widgets["unit"] = self.unit
        self.add_line("note", self.tr("Ghi chú:"), self.tr("không bắt buộc"))

    def unit_code(self) -> str:
        return str(self.unit.currentData() or "") if self.unit.currentIndex() >= 0 else ""

    def try_accept(self) -> None:
        if not self.unit_code():
            self.show_error(self.tr("Chọn đơn vị nhận hồ sơ trước khi chuyển."), "unit")
            return
        super().try_accept()


class AppointmentDialog(ActionDialog):
    """Apology with a new appointment (phiếu 04): new date and time, and the reason for the delay."""

    def __init__(
        self, code: str, old: str, suggested: datetime, timezone: str, parent: QWidget | None = None
    ) -> None:
        super().__init__("", "", "", parent)
        self.setWindowTitle(self.tr("Xin lỗi – hẹn lại ngày trả"))
        self.intro.setText(
            self.tr("Hồ sơ {0}, hẹn trả hiện tại: {1}.").format(code, old or self.tr("không hẹn"))
        )
        self.ok_button.setText(self.tr("Ghi nhận (Enter)"))
        self._tz = ZoneInfo(timezone)
        local = suggested.astimezone(self._tz)
        self.date = QDateEdit(QDate(local.year, local.month, local.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.time = QTimeEdit(QTime(local.hour, local.minute))
        self.time.setDisplayFormat("HH:mm")
        row = QHBoxLayout()
        row.addWidget(self.date)
        row.addWidget(QLabel(self.tr("lúc")))
        row.addWidget(self.time)
        row.addStretch(1)
        self.add_line("reason", self.tr("Lý do chậm trả:"), self.tr("bắt buộc"))
        self.form.insertRow(0, self.tr("Hẹn trả mới:"), row)
        self.field_widgets["new_appointment"] = self.date

    def new_appointment(self) -> datetime:
        day: date = self.date.date().toPython()  # type: ignore[assignment]
        at: time = self.time.time().toPython()  # type: ignore[assignment]
        return datetime.combine(day, at.replace(second=0, microsecond=0), self._tz)

    def _first_field(self) -> QWidget | None:
        return self.field_widgets.get("reason")
