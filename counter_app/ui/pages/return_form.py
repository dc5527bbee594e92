"""The return page's right-hand side: who takes the result, how, the citizen's rating, confirm.

A mixin of :class:`ReturnPage` (kept apart so each module holds one concept). Its strings use the
"ReturnPage" translation context explicitly: that is the context ``self.tr`` has at run time.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.services.processing import SATISFACTION_LEVELS
from counter_app.ui.i18n import domain_label

# Written into the dossier's events (and so onto the Vietnamese slips) as they are, in Vietnamese,
# whatever the interface language; shown translated.
PROXY_RELATION = QT_TRANSLATE_NOOP("ReturnPage", "Người được ủy quyền")
REASONS = {
    "time": QT_TRANSLATE_NOOP("ReturnPage", "Thời gian"),
    "guidance": QT_TRANSLATE_NOOP("ReturnPage", "Hướng dẫn"),
    "attitude": QT_TRANSLATE_NOOP("ReturnPage", "Thái độ"),
    "other": QT_TRANSLATE_NOOP("ReturnPage", "Khác"),
}


class ReturnForm:
    """Receiver, method, rating and the confirm button (needs ReturnPage's view and confirm())."""

    def _build_form(self) -> QWidget:
        """The confirm area (disabled until a returnable dossier is open)."""
        self.receiver_box = QGroupBox(QCoreApplication.translate("ReturnPage", "Người nhận kết quả"))
        self.applicant_radio = QRadioButton(QCoreApplication.translate("ReturnPage", "Người nộp hồ sơ"))
        self.proxy_radio = QRadioButton(
            QCoreApplication.translate("ReturnPage", "Người được ủy quyền (Ctrl+U)")
        )
        self.applicant_radio.setChecked(True)
        self.proxy_name = QLineEdit()
        self.proxy_name.setPlaceholderText(QCoreApplication.translate("ReturnPage", "Họ và tên"))
        self.proxy_id = QLineEdit()
        self.proxy_id.setPlaceholderText(QCoreApplication.translate("ReturnPage", "Số CCCD/CMND (bắt buộc)"))
        self.proxy_id.setMaxLength(12)
        receiver_group = QButtonGroup(self.receiver_box)
        receiver_group.addButton(self.applicant_radio)
        receiver_group.addButton(self.proxy_radio)
        proxy_row = QHBoxLayout()
        proxy_row.addSpacing(22)
        proxy_row.addWidget(self.proxy_name, 3)
        proxy_row.addWidget(self.proxy_id, 2)
        rl = QVBoxLayout(self.receiver_box)
        rl.addWidget(self.applicant_radio)
        rl.addWidget(self.proxy_radio)
        rl.addLayout(proxy_row)

        self.method_box = QGroupBox(QCoreApplication.translate("ReturnPage", "Hình thức trả"))
        self.counter_radio = QRadioButton(QCoreApplication.translate("ReturnPage", "Tại quầy"))
        self.post_radio = QRadioButton(QCoreApplication.translate("ReturnPage", "Qua bưu chính (Ctrl+B)"))
        self.counter_radio.setChecked(True)
        method_group = QButtonGroup(self.method_box)
        method_group.addButton(self.counter_radio)
        method_group.addButton(self.post_radio)
        self.tracking = QLineEdit()
        self.tracking.setPlaceholderText(QCoreApplication.translate("ReturnPage", "Mã bưu gửi"))
        ml = QHBoxLayout(self.method_box)
        ml.addWidget(self.counter_radio)
        ml.addWidget(self.post_radio)
        ml.addWidget(self.tracking, 1)

        self._build_rating()
        self.confirm_button = QPushButton(
            QCoreApplication.translate("ReturnPage", "Xác nhận trả kết quả (Enter)")
        )
        self.confirm_button.setStyleSheet("font-size: 15px; font-weight: bold; padding: 8px 18px")
        self.clear_button = QPushButton(QCoreApplication.translate("ReturnPage", "Làm lại (Esc)"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)

        self.confirm_area = QWidget()
        right = QVBoxLayout(self.confirm_area)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.receiver_box)
        right.addWidget(self.method_box)
        right.addWidget(self.rating_box)
        right.addLayout(buttons)
        right.addStretch(1)

        self.proxy_radio.toggled.connect(self._proxy_toggled)
        self.post_radio.toggled.connect(self._post_toggled)
        self.reason_checks["other"].toggled.connect(self.other_reason.setEnabled)
        # Enter in a text field: on to the next field, then to the confirm button (rate, Enter).
        self.proxy_name.returnPressed.connect(self.proxy_id.setFocus)
        for edit in (self.proxy_id, self.tracking, self.other_reason):
            edit.returnPressed.connect(self.confirm_button.setFocus)
        return self.confirm_area

    def _build_rating(self) -> None:
        self.rating_box = QGroupBox(
            QCoreApplication.translate("ReturnPage", "Mức độ hài lòng (phím 1–5; nhấn lại để bỏ chọn)")
        )
        self.rating_buttons: dict[int, QPushButton] = {}
        grid = QGridLayout()
        for level, label in SATISFACTION_LEVELS.items():
            button = QPushButton(f"{level}  {domain_label(label)}")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(34)
            button.clicked.connect(lambda checked, lv=level: self.rate(lv if checked else None))
            self.rating_buttons[level] = button
            grid.addWidget(button, 0, level - 1)
        self.reason_checks: dict[str, QCheckBox] = {}
        reasons = QHBoxLayout()
        reasons.addWidget(QLabel(QCoreApplication.translate("ReturnPage", "Lý do:")))
        for key, label in REASONS.items():
            check = QCheckBox(QCoreApplication.translate("ReturnPage", label))
            self.reason_checks[key] = check
            reasons.addWidget(check)
        self.other_reason = QLineEdit()
        self.other_reason.setPlaceholderText(QCoreApplication.translate("ReturnPage", "lý do khác"))
        reasons.addWidget(self.other_reason, 1)
        rating_layout = QVBoxLayout(self.rating_box)
        rating_layout.addLayout(grid)
        rating_layout.addLayout(reasons)
        self.rating_box.setStyleSheet(
            "QPushButton:checked { background: #1565c0; color: white; font-weight: bold; }"
        )

    # ----------------------------------------------------------------- choosing
    def rating(self) -> int | None:
        return next((level for level, b in self.rating_buttons.items() if b.isChecked()), None)

    def rate(self, level: int | None) -> None:
        if self.view is None or not self.confirm_area.isEnabled():  # type: ignore[attr-defined]
            return
        for value, button in self.rating_buttons.items():
            button.setChecked(value == level)

    def reasons(self) -> tuple[str, ...]:
        chosen = [
            REASONS[key] for key, check in self.reason_checks.items() if key != "other" and check.isChecked()
        ]
        if self.reason_checks["other"].isChecked():
            other = self.other_reason.text().strip()
            chosen.append(f"{REASONS['other']}: {other}" if other else REASONS["other"])
        return tuple(chosen)

    def _reset_form(self) -> None:
        self.applicant_radio.setText(QCoreApplication.translate("ReturnPage", "Người nộp hồ sơ"))
        self.applicant_radio.setChecked(True)
        for edit in (self.proxy_name, self.proxy_id, self.tracking, self.other_reason):
            edit.clear()
            edit.setEnabled(False)
        self.counter_radio.setChecked(True)
        for button in self.rating_buttons.values():
            button.setChecked(False)
        for check in self.reason_checks.values():
            check.setChecked(False)
        self.confirm_area.setEnabled(False)

    def _form_touched(self) -> bool:
        """Something the officer entered for the open dossier (a receiver, a tracking number, a rating)."""
        typed = any(
            e.text().strip() for e in (self.proxy_name, self.proxy_id, self.tracking, self.other_reason)
        )
        return typed or self.rating() is not None or any(c.isChecked() for c in self.reason_checks.values())

    def _proxy_toggled(self, on: bool) -> None:
        self.proxy_name.setEnabled(on)
        self.proxy_id.setEnabled(on)
        if on:
            self.proxy_name.setFocus()

    def _post_toggled(self, on: bool) -> None:
        self.tracking.setEnabled(on)
        if on:
            self.tracking.setFocus()

    def _choose_proxy(self) -> None:
        if self.confirm_area.isEnabled():
            self.proxy_radio.setChecked(True)
            self.proxy_name.setFocus()

    def _choose_post(self) -> None:
        if self.confirm_area.isEnabled():
            self.post_radio.setChecked(True)
            self.tracking.setFocus()
