"""Page 1, Đơn vị: the office's province, level, name, identifier code and what its slips print."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from counter_app.documents.vnformat import place_date
from counter_app.domain.dossier_code import UNIT_PATTERN, format_code
from counter_app.domain.errors import ValidationError
from counter_app.domain.provinces import PROVINCES_2025
from counter_app.services.setup_spec import OFFICE_LEVELS, OfficeProfile, check_profile
from counter_app.ui.i18n import domain_label
from counter_app.ui.messages import shown
from counter_app.ui.setup.common import FieldErrors, hint_label

SAMPLE_CODE = "000.17.22.H56"
# A profile every check admits: each field of the page is checked by putting it into this one, so
# that every refused field gets its own message at once (setup_spec says the words).
_VALID = OfficeProfile(
    name="x", identifier_code=SAMPLE_CODE, province=PROVINCES_2025[0], level="province_centre", place="x"
)
TEXT_FIELDS = (
    "name",
    "identifier_code",
    "governing_body",
    "place",
    "address",
    "hotline",
    "email",
    "signatory_name",
    "signatory_title",
)
# The order of the page, top to bottom: the first field refused takes the focus.
PAGE_ORDER = ("province", "level", *TEXT_FIELDS)


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class SetupOfficePage(QWizardPage):
    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.setTitle(self.tr("Đơn vị"))
        self.setSubTitle(
            self.tr("Đơn vị tiếp nhận hồ sơ và những gì in trên phiếu. Các mục có dấu * là bắt buộc.")
        )
        self.errors = FieldErrors()
        self.province = QComboBox()
        self.province.addItems(PROVINCES_2025)  # place names: the same in every language
        self.province.setPlaceholderText(self.tr("— Chọn tỉnh, thành phố —"))
        self.province.setCurrentIndex(-1)
        self.province.setMaxVisibleItems(20)
        self.level = QComboBox()
        for key, label in OFFICE_LEVELS.items():
            self.level.addItem(domain_label(label), key)
        self.level.setPlaceholderText(self.tr("— Chọn cấp đơn vị —"))
        self.level.setCurrentIndex(-1)
        self.fields: dict[str, QLineEdit] = {name: QLineEdit() for name in TEXT_FIELDS}
        f = self.fields
        f["name"].setPlaceholderText(self.tr("Ví dụ: Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa"))
        f["identifier_code"].setPlaceholderText(self.tr("Ví dụ: {0}").format(SAMPLE_CODE))
        f["governing_body"].setPlaceholderText(self.tr("Ví dụ: UBND TỈNH THANH HÓA"))
        f["place"].setPlaceholderText(self.tr("Ví dụ: Thanh Hóa"))
        f["hotline"].setPlaceholderText(self.tr("Ví dụ: 0237 3 852 000"))
        f["email"].setPlaceholderText(self.tr("Ví dụ: motcua@thanhhoa.gov.vn"))
        f["signatory_title"].setPlaceholderText(self.tr("Ví dụ: Giám đốc"))
        self.code_example = QLabel()
        self.code_example.setWordWrap(True)
        self.place_preview = QLabel()
        self.place_preview.setWordWrap(True)
        code_hint = hint_label(
            self.tr(
                "Mã định danh điện tử của đơn vị (QĐ 20/2020/QĐ-TTg) đứng đầu mọi mã hồ sơ. "
                "Sau khi thiết lập, mã này không đổi được nữa: hãy nhập đúng mã được cấp."
            )
        )
        e = self.errors
        form = QFormLayout()
        form.addRow(_heading(self.tr("Đơn vị tiếp nhận")))
        form.addRow(self.tr("Tỉnh, thành phố: *"), e.field("province", self.province))
        form.addRow(self.tr("Cấp đơn vị: *"), e.field("level", self.level))
        form.addRow(self.tr("Tên đơn vị: *"), e.field("name", f["name"]))
        form.addRow(
            self.tr("Mã định danh: *"),
            e.field("identifier_code", f["identifier_code"], code_hint, self.code_example),
        )
        form.addRow(self.tr("Cơ quan chủ quản:"), e.field("governing_body", f["governing_body"]))
        form.addRow(_heading(self.tr("Thông tin in trên phiếu")))
        form.addRow(self.tr("Địa danh: *"), e.field("place", f["place"], self.place_preview))
        form.addRow(self.tr("Địa chỉ:"), e.field("address", f["address"]))
        form.addRow(self.tr("Đường dây nóng:"), e.field("hotline", f["hotline"]))
        form.addRow(self.tr("Thư điện tử:"), e.field("email", f["email"]))
        form.addRow(self.tr("Người ký (họ tên):"), e.field("signatory_name", f["signatory_name"]))
        form.addRow(self.tr("Chức vụ người ký:"), e.field("signatory_title", f["signatory_title"]))
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(form)
        body_layout.addStretch(1)
        scroll = QScrollArea()  # a small screen still reaches every field
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        f["identifier_code"].textChanged.connect(self._show_code_example)
        f["place"].textChanged.connect(self._show_place_preview)
        self._show_code_example()
        self._show_place_preview()

    # ---- what was typed ---------------------------------------------------------------------
    def chosen_level(self) -> str:
        return self.level.currentData() or ""

    def values(self) -> dict[str, str]:
        """The page as OfficeProfile's keyword arguments (texts trimmed)."""
        values = {name: " ".join(edit.text().split()) for name, edit in self.fields.items()}
        values["province"] = self.province.currentText() if self.province.currentIndex() >= 0 else ""
        values["level"] = self.chosen_level()
        return values

    def problems(self) -> dict[str, str]:
        """Field → the reason it is refused, for every refused field, in the page's order."""
        values = self.values()
        found: dict[str, str] = {}
        if not values["province"]:
            found["province"] = self.tr("Hãy chọn tỉnh, thành phố.")
        if not values["level"]:
            found["level"] = self.tr("Hãy chọn cấp đơn vị.")
        if not values["identifier_code"]:
            found["identifier_code"] = self.tr("Mã định danh không được để trống.")
        for name, value in values.items():
            if name in found:
                continue
            try:
                check_profile(dataclasses.replace(_VALID, **{name: value}))
            except ValidationError as exc:
                found[name] = shown(exc)
        return {name: found[name] for name in PAGE_ORDER if name in found}

    def validatePage(self) -> bool:  # noqa: N802
        return self.errors.show(self.problems())

    def show_error(self, field: str, message: str) -> bool:
        """A refusal found later (by apply_setup) about a field of this page; False if not ours."""
        if field not in self.errors.labels:
            return False
        self.errors.show({field: message})
        return True

    # ---- live explanations ------------------------------------------------------------------
    def _show_code_example(self) -> None:
        typed = self.fields["identifier_code"].text().strip()
        day = self._today()
        if typed and UNIT_PATTERN.match(typed):
            self.code_example.setText(
                self.tr("Mã hồ sơ đầu tiên của một ngày sẽ là: {0}").format(format_code(typed, day, 1))
            )
        else:
            self.code_example.setText(
                self.tr("Ví dụ, với mã định danh {0}, mã hồ sơ đầu tiên của một ngày là: {1}").format(
                    SAMPLE_CODE, format_code(SAMPLE_CODE, day, 1)
                )
            )

    def _show_place_preview(self) -> None:
        line = place_date(" ".join(self.fields["place"].text().split()), self._today())
        self.place_preview.setText(self.tr("Dòng ngày tháng trên phiếu: «{0}»").format(line))
