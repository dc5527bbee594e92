"""The applicant part of the intake form: typed, or filled at once by a CCCD QR scan."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QLineEdit, QWidget

from counter_app.domain.cccd_qr import looks_like_cccd_qr, parse_cccd_qr
from counter_app.domain.errors import UserError
from counter_app.services.applicants import ApplicantInput
from counter_app.ui.messages import shown

ERROR_STYLE = "color: #b00020"
CARD_STYLE = "background: #e8f4ea"


class ApplicantForm(QGroupBox):
    """Fields in the order of the paper form; each has its own inline error line."""

    card_read = Signal()  # a CCCD QR filled the form
    identity_entered = Signal(str, str)  # id number, phone: look for a returning applicant
    edited = Signal()  # any field changed (the page drops its message about the applicant)

    FIELDS = ("id_number", "full_name", "birth_date", "sex", "phone", "email", "address")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Người nộp hồ sơ"), parent)
        self.id_number = QLineEdit()
        self.id_number.setPlaceholderText(self.tr("Quét QR thẻ CCCD hoặc nhập 12 số"))
        self.full_name = QLineEdit()
        self.birth_date = QLineEdit()
        self.birth_date.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.sex = QComboBox()
        self.sex.addItem("", "")
        self.sex.addItem(self.tr("Nam"), "male")
        self.sex.addItem(self.tr("Nữ"), "female")
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.address = QLineEdit()
        self.card_label = QLabel()
        self.card_label.setWordWrap(True)
        self.old_id_number: str | None = None
        self.read_from_card = False
        self.errors: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        labels = {
            "id_number": self.tr("Số CCCD/CMND:"),
            "full_name": self.tr("Họ và tên:"),
            "birth_date": self.tr("Ngày sinh:"),
            "sex": self.tr("Giới tính:"),
            "phone": self.tr("Điện thoại:"),
            "email": self.tr("Thư điện tử:"),
            "address": self.tr("Địa chỉ:"),
        }
        for row, name in enumerate(self.FIELDS):
            error = QLabel()
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            self.errors[name] = error
            grid.addWidget(QLabel(labels[name]), row * 2, 0)
            grid.addWidget(getattr(self, name), row * 2, 1)
            grid.addWidget(error, row * 2 + 1, 1)
        grid.addWidget(self.card_label, len(self.FIELDS) * 2, 0, 1, 2)
        for name in self.FIELDS:
            widget = getattr(self, name)
            if isinstance(widget, QLineEdit):
                # A keyboard-wedge scanner types the QR into whichever field has the focus.
                widget.textChanged.connect(lambda text, w=widget: self.read_qr(w, text))
                # A field's message goes as soon as the field changes: it was about the old value.
                widget.textChanged.connect(lambda _t, n=name: self._changed(n))
        self.sex.currentIndexChanged.connect(lambda _i: self._changed("sex"))
        self.id_number.editingFinished.connect(self._identity_done)
        self.phone.editingFinished.connect(self._identity_done)

    def has_input(self) -> bool:
        """Anything typed (or scanned) into the form."""
        return bool(self.sex.currentData()) or any(
            getattr(self, name).text().strip() for name in self.FIELDS if name != "sex"
        )

    def has_errors(self) -> bool:
        return any(not label.isHidden() for label in self.errors.values())

    def read_qr(self, widget: QLineEdit, text: str) -> bool:
        """Fill the form from a CCCD QR typed into ``widget`` (a field of this form or another one,
        such as the procedure search); True when the text was a whole QR."""
        if not looks_like_cccd_qr(text):
            return False
        last = text.rstrip("\r\n").split("|")[-1]
        if not (len(last) == 8 and last.isdigit()):
            return False  # the scanner is still typing
        try:
            data = parse_cccd_qr(text)
        except UserError as exc:
            widget.blockSignals(True)
            widget.clear()
            widget.blockSignals(False)
            self.show_errors({"id_number": shown(exc)})
            return True
        if widget not in (getattr(self, n) for n in self.FIELDS):
            widget.blockSignals(True)  # a field outside the form keeps nothing of the QR
            widget.clear()
            widget.blockSignals(False)
        self.fill(
            ApplicantInput(
                full_name=data.full_name,
                id_number=data.id_number,
                old_id_number=data.old_id_number,
                birth_date=data.birth_date,
                sex=str(data.sex),
                address=data.address,
                read_from_card=True,
            ),
            from_card=True,
            # The card has no phone or e-mail: what the officer typed there stays (unless the QR
            # itself landed in that field).
            keep_typed=tuple(n for n in ("phone", "email") if getattr(self, n) is not widget),
        )
        self.card_read.emit()
        self.identity_entered.emit(data.id_number, "")
        return True

    def _identity_done(self) -> None:
        self.identity_entered.emit(self.id_number.text().strip(), self.phone.text().strip())

    def fill(
        self,
        data: ApplicantInput,
        *,
        from_card: bool = False,
        only_empty: bool = False,
        keep_typed: tuple[str, ...] = (),
    ) -> None:
        values = {
            "id_number": data.id_number or "",
            "full_name": data.full_name or "",
            "birth_date": data.birth_date.strftime("%d/%m/%Y") if data.birth_date else "",
            "phone": data.phone or "",
            "email": data.email or "",
            "address": data.address or "",
        }
        for name, value in values.items():
            widget: QLineEdit = getattr(self, name)
            if (only_empty or (name in keep_typed and not value)) and widget.text().strip():
                continue
            widget.blockSignals(True)
            widget.setText(value)
            widget.blockSignals(False)
            widget.setStyleSheet(CARD_STYLE if from_card and name != "phone" and value else "")
        if data.sex and not (only_empty and self.sex.currentData()):
            self.sex.setCurrentIndex(self.sex.findData(data.sex))
        self.old_id_number = data.old_id_number
        self.read_from_card = from_card or data.read_from_card
        self.card_label.setText(
            self.tr("✔ Thông tin đọc từ thẻ CCCD (chưa xác thực) — kiểm tra lại với người nộp.")
            if from_card
            else ""
        )
        for name in self.FIELDS:
            self._clear_error(name)
        self.edited.emit()

    def value(self) -> ApplicantInput:
        """The typed values; a malformed birth date is reported like any other field error."""
        birth: date | None = None
        text = self.birth_date.text().strip()
        if text:
            try:
                birth = datetime.strptime(text, "%d/%m/%Y").date()
            except ValueError:
                self.show_errors(
                    {"birth_date": self.tr("Ngày sinh phải có dạng ngày/tháng/năm, ví dụ 01/05/1990.")}
                )
                raise UserError(self.tr("Ngày sinh không hợp lệ."), field="birth_date") from None
        return ApplicantInput(
            full_name=self.full_name.text(),
            id_number=self.id_number.text() or None,
            old_id_number=self.old_id_number,
            birth_date=birth,
            sex=self.sex.currentData() or None,
            phone=self.phone.text() or None,
            email=self.email.text() or None,
            address=self.address.text(),
            read_from_card=self.read_from_card,
        )

    def show_errors(self, errors: dict[str, str]) -> None:
        for name, message in errors.items():
            label = self.errors.get(name)
            if label is not None:
                label.setText(message)
                label.show()
        first = next((n for n in self.FIELDS if n in errors), None)
        if first:
            getattr(self, first).setFocus()

    def _changed(self, name: str) -> None:
        self._clear_error(name)
        self.edited.emit()

    def _clear_error(self, name: str) -> None:
        self.errors[name].hide()
        self.errors[name].clear()

    def clear(self) -> None:
        for name in self.FIELDS:
            widget = getattr(self, name)
            if isinstance(widget, QLineEdit):
                widget.blockSignals(True)
                widget.clear()
                widget.setStyleSheet("")
                widget.blockSignals(False)
            self._clear_error(name)
        self.sex.setCurrentIndex(0)
        self.old_id_number, self.read_from_card = None, False
        self.card_label.clear()
