"""Page 6, Tóm tắt: everything the wizard will write, read-only; «Hoàn tất» writes it."""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget, QWizardPage

from counter_app.documents.vnformat import place_date
from counter_app.services.setup_choices import ProcedureChoice
from counter_app.services.setup_spec import OFFICE_LEVELS, TIME_POLICIES, SetupSpec
from counter_app.ui.i18n import domain_label
from counter_app.ui.setup.common import error_label, hint_label, weekday_names
from counter_app.ui.setup.procedures_page import field_label, field_names


def _rows(rows: list[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><td style='padding-right:12px; color:#555'>{html.escape(label)}</td>"
        f"<td>{html.escape(value)}</td></tr>"
        for label, value in rows
    )
    return f"<table>{cells}</table>"


def _heading(text: str) -> str:
    return f"<h3>{html.escape(text)}</h3>"


def _paragraph(text: str) -> str:
    return f"<p>{html.escape(text)}</p>"


class SetupSummaryPage(QWizardPage):
    def __init__(
        self,
        spec: Callable[[], SetupSpec],
        procedures: Callable[[], list[ProcedureChoice]],
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._spec, self._procedures, self._today = spec, procedures, today
        self.setTitle(self.tr("Tóm tắt"))
        self.setSubTitle(self.tr("Xem lại trước khi lưu. Chưa có gì được ghi cho đến khi bấm «Hoàn tất»."))
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(
            hint_label(
                self.tr(
                    "«Hoàn tất» nhập danh mục thủ tục quốc gia và lưu đơn vị, giờ làm việc, đơn vị chuyên "
                    "môn, thủ tục tiếp nhận và tài khoản quản trị; sau đó màn hình đăng nhập mở ra."
                )
            )
        )
        layout.addWidget(self.error)

    def initializePage(self) -> None:  # noqa: N802
        self.error.hide()
        self.text.setHtml(self.describe())

    def describe(self) -> str:
        spec = self._spec()
        office = spec.office
        none = self.tr("(không có)")
        parts = [_heading(self.tr("Đơn vị"))]
        parts.append(
            _rows(
                [
                    (self.tr("Tỉnh, thành phố"), office.province),
                    (self.tr("Cấp đơn vị"), domain_label(OFFICE_LEVELS.get(office.level, office.level))),
                    (self.tr("Tên đơn vị"), office.name),
                    (self.tr("Mã định danh"), office.identifier_code),
                    (self.tr("Cơ quan chủ quản"), office.governing_body or none),
                    (self.tr("Địa danh"), place_date(office.place, self._today())),
                    (self.tr("Địa chỉ"), office.address or none),
                    (self.tr("Đường dây nóng"), office.hotline or none),
                    (self.tr("Thư điện tử"), office.email or none),
                    (self.tr("Người ký"), office.signatory_name or none),
                    (self.tr("Chức vụ người ký"), office.signatory_title or none),
                ]
            )
        )
        parts.append(_heading(self.tr("Giờ làm việc")))
        days = []
        for day, name in enumerate(weekday_names()):
            spans = office.sessions.get(day, ())
            text = ", ".join(f"{start}–{end}" for start, end in spans) if spans else self.tr("nghỉ")
            days.append((name, text))
        days.append((self.tr("Cách tính thời hạn"), domain_label(TIME_POLICIES.get(office.time_policy, ""))))
        parts.append(_rows(days))
        parts.append(_heading(self.tr("Đơn vị chuyên môn")))
        if spec.units:
            parts.append(_rows([(unit.code, unit.name) for unit in spec.units]))
        else:
            parts.append(_paragraph(none))
        chosen = self._procedures()
        names = field_names(chosen)
        fields = Counter(field_label(c.field_code, c.field_name, names) for c in chosen)
        parts.append(_heading(self.tr("Thủ tục tiếp nhận")))
        parts.append(_paragraph(self.tr("{0} thủ tục thuộc {1} lĩnh vực.").format(len(chosen), len(fields))))
        parts.append(_rows([(name, str(count)) for name, count in sorted(fields.items())]))
        if spec.catalog_files:
            parts.append(_paragraph(self.tr("Thêm từ tệp: {0}").format("; ".join(spec.catalog_files))))
        parts.append(_heading(self.tr("Quản trị viên đầu tiên")))
        admin = spec.users[0] if spec.users else None
        if admin is not None:
            parts.append(
                _rows(
                    [
                        (self.tr("Họ và tên"), admin.full_name),
                        (self.tr("Tên đăng nhập"), admin.username),
                        (self.tr("Mật khẩu"), self.tr("(đã nhập, không hiển thị)")),
                    ]
                )
            )
        return "".join(parts)

    def show_message(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
