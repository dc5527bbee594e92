"""Trả kết quả: scan the receipt, confirm who takes the result, record satisfaction, done.

The cursor waits in the scan field. A scan (a burst of keystrokes ending in Enter) opens the
dossier; the focus then sits on the confirm button where 1–5 rate and Enter confirms:
scan → 1 → Enter is the whole transaction. A code scanned or typed while the focus is elsewhere
on the page goes to the scan field and opens that dossier: it never rates or confirms the one
on screen.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
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

from counter_app.domain.errors import UserError
from counter_app.domain.lifecycle import OPEN_STATUSES, Action, Status, allowed_actions
from counter_app.services.lookup import DossierView, lookup
from counter_app.services.processing import SATISFACTION_LEVELS, ReturnInput, StepResult, return_result
from counter_app.ui.i18n import domain_label
from counter_app.ui.pages.dossier_detail import local, outcome_label, receiver_text
from counter_app.ui.pages.track_model import status_label
from counter_app.ui.session import UiSession

# Keys typed closer together than this belong to one entry (a person pauses longer between a
# rating and the next receipt's code; a scanner types a character every few milliseconds).
RUN_GAP_S = 0.4
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# Written into the dossier's events (and so onto the Vietnamese slips) as they are, in Vietnamese,
# whatever the interface language; shown translated.
PROXY_RELATION = QT_TRANSLATE_NOOP("ReturnPage", "Người được ủy quyền")
REASONS = {
    "time": QT_TRANSLATE_NOOP("ReturnPage", "Thời gian"),
    "guidance": QT_TRANSLATE_NOOP("ReturnPage", "Hướng dẫn"),
    "attitude": QT_TRANSLATE_NOOP("ReturnPage", "Thái độ"),
    "other": QT_TRANSLATE_NOOP("ReturnPage", "Khác"),
}


class _Keys(QObject):
    """On every non-text control of the page: 1–5 rate, Enter confirms, anything else is a code.

    Any other printable key (a scanner burst or the officer typing the next code) moves to the
    scan field and is typed there, so it can never rate or confirm the dossier on screen; rating
    keys typed just before it in the same run belonged to the code and are taken back.
    """

    def __init__(self, page: ReturnPage) -> None:
        super().__init__(page)
        self._page = page
        self._run = ""
        self._last = 0.0
        self._rating_before: int | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier):
            return False
        page = self._page
        if event.key() in _ENTER:
            self._run = ""
            page.confirm()
            return True
        text = event.text()
        if not text or not text.isprintable() or text == " ":
            return False  # space still ticks a box or presses a button
        now = time.monotonic()
        if now - self._last > RUN_GAP_S:
            self._run, self._rating_before = "", page.rating()
        self._last = now
        if text in "12345":
            self._run += text
            level = int(text)
            page.rate(None if page.rating() == level and len(self._run) == 1 else level)
            return True
        if self._run:
            page.rate(self._rating_before)
        page.start_code(self._run + text)
        self._run = ""
        return True


class ReturnPage(QWidget):
    returned = Signal(str, object)  # code, StepResult: the hand-over receipt can be printed

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.view: DossierView | None = None
        self._busy = False

        # ------------------------------------------------------------- scan and dossier
        self.scan = QLineEdit()
        self.scan.setPlaceholderText(self.tr("Quét mã vạch trên giấy hẹn hoặc gõ mã hồ sơ rồi nhấn Enter"))
        self.scan.setStyleSheet("font-size: 18px; padding: 6px")
        self.scan.setClearButtonEnabled(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(48)
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.card = QGroupBox(self.tr("Hồ sơ"))
        self.card_title = QLabel()
        self.card_title.setStyleSheet("font-size: 16px; font-weight: bold")
        self.card_fields: dict[str, QLabel] = {}
        card_form = QFormLayout()
        for key, caption in (
            ("applicant", self.tr("Người nộp:")),
            ("procedure", self.tr("Thủ tục:")),
            ("status", self.tr("Trạng thái:")),
            ("appointment", self.tr("Hẹn trả:")),
            ("outcome", self.tr("Kết quả giải quyết:")),
            ("unit", self.tr("Đơn vị xử lý:")),
            ("return", self.tr("Hình thức nhận:")),
        ):
            label = QLabel()
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.card_fields[key] = label
            card_form.addRow(caption, label)
        card_layout = QVBoxLayout(self.card)
        card_layout.addWidget(self.card_title)
        card_layout.addLayout(card_form)
        card_layout.addStretch(1)

        # ------------------------------------------------------------- who takes it, how
        self.receiver_box = QGroupBox(self.tr("Người nhận kết quả"))
        self.applicant_radio = QRadioButton(self.tr("Người nộp hồ sơ"))
        self.proxy_radio = QRadioButton(self.tr("Người được ủy quyền (Ctrl+U)"))
        self.applicant_radio.setChecked(True)
        self.proxy_name = QLineEdit()
        self.proxy_name.setPlaceholderText(self.tr("Họ và tên"))
        self.proxy_id = QLineEdit()
        self.proxy_id.setPlaceholderText(self.tr("Số CCCD/CMND (bắt buộc)"))
        self.proxy_id.setMaxLength(12)
        receiver_group = QButtonGroup(self)
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

        self.method_box = QGroupBox(self.tr("Hình thức trả"))
        self.counter_radio = QRadioButton(self.tr("Tại quầy"))
        self.post_radio = QRadioButton(self.tr("Qua bưu chính (Ctrl+B)"))
        self.counter_radio.setChecked(True)
        method_group = QButtonGroup(self)
        method_group.addButton(self.counter_radio)
        method_group.addButton(self.post_radio)
        self.tracking = QLineEdit()
        self.tracking.setPlaceholderText(self.tr("Mã bưu gửi"))
        ml = QHBoxLayout(self.method_box)
        ml.addWidget(self.counter_radio)
        ml.addWidget(self.post_radio)
        ml.addWidget(self.tracking, 1)

        # ------------------------------------------------------------- satisfaction
        self.rating_box = QGroupBox(self.tr("Mức độ hài lòng (phím 1–5; nhấn lại để bỏ chọn)"))
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
        reasons.addWidget(QLabel(self.tr("Lý do:")))
        for key, label in REASONS.items():
            check = QCheckBox(self.tr(label))
            self.reason_checks[key] = check
            reasons.addWidget(check)
        self.other_reason = QLineEdit()
        self.other_reason.setPlaceholderText(self.tr("lý do khác"))
        reasons.addWidget(self.other_reason, 1)
        rating_layout = QVBoxLayout(self.rating_box)
        rating_layout.addLayout(grid)
        rating_layout.addLayout(reasons)
        self.rating_box.setStyleSheet(
            "QPushButton:checked { background: #1565c0; color: white; font-weight: bold; }"
        )

        self.confirm_button = QPushButton(self.tr("Xác nhận trả kết quả (Enter)"))
        self.confirm_button.setStyleSheet("font-size: 15px; font-weight: bold; padding: 8px 18px")
        self.clear_button = QPushButton(self.tr("Làm lại (Esc)"))
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

        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("<b>Mã hồ sơ</b>")))
        left.addWidget(self.scan)
        left.addWidget(self.message)
        left.addWidget(self.card, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 5)
        layout.addWidget(self.confirm_area, 6)

        # ------------------------------------------------------------- behaviour
        self.scan.returnPressed.connect(lambda: self.open_code(self.scan.text()))
        self.proxy_radio.toggled.connect(self._proxy_toggled)
        self.post_radio.toggled.connect(self._post_toggled)
        self.reason_checks["other"].toggled.connect(self.other_reason.setEnabled)
        # Enter in a text field: on to the next field, then to the confirm button (rate, Enter).
        self.proxy_name.returnPressed.connect(self.proxy_id.setFocus)
        for edit in (self.proxy_id, self.tracking, self.other_reason):
            edit.returnPressed.connect(self.confirm_button.setFocus)
        self.confirm_button.clicked.connect(self.confirm)
        self.clear_button.clicked.connect(lambda: self.clear())
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.clear, context=context)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.confirm, context=context)
        QShortcut(QKeySequence("Ctrl+U"), self, activated=self._choose_proxy, context=context)
        QShortcut(QKeySequence("Ctrl+B"), self, activated=self._choose_post, context=context)
        self._keys = _Keys(self)
        for widget in (
            self.confirm_button,
            self.clear_button,
            self.applicant_radio,
            self.proxy_radio,
            self.counter_radio,
            self.post_radio,
            *self.reason_checks.values(),
        ):
            widget.installEventFilter(self._keys)
        self.clear()

    # ----------------------------------------------------------------- opening
    def focus_start(self) -> None:
        self.scan.setFocus()
        self.scan.selectAll()

    def open_code(self, text: str) -> None:
        """Open the dossier of a scanned or typed code, in one step."""
        code = text.strip()
        if not code:
            return
        self.clear(keep_message=True)
        self.scan.setText(code.upper())
        try:
            view = lookup(self._session.db, self._session.actor, code)
        except UserError as exc:
            self._say(exc.message, error=True)
            self.focus_start()
            return
        self.view = view
        self.scan.setText(view.code)
        self._show_card(view)
        if Action.RETURN_RESULT not in allowed_actions(Status(view.status)):
            self._say(self._not_returnable(view), error=True)
            self.focus_start()
            return
        self.confirm_area.setEnabled(True)
        self.applicant_radio.setText(self.tr("Người nộp hồ sơ: {0}").format(view.applicant_name))
        if view.return_method == "post":
            self.post_radio.setChecked(True)
            self.tracking.setFocus()
            self._say(self.tr("Hồ sơ đăng ký nhận kết quả qua bưu chính: nhập mã bưu gửi rồi nhấn Enter."))
        else:
            self.confirm_button.setFocus()
            self._say(
                self.tr(
                    "Đã có kết quả. Người nhận: người nộp hồ sơ. Đánh giá (phím 1–5) rồi nhấn Enter để trả."
                )
            )

    def _not_returnable(self, view: DossierView) -> str:
        label = status_label(view.status)
        if view.status == Status.RETURNED:
            event = next((e for e in reversed(view.events) if e.kind == "return_result"), None)
            who = receiver_text(event.payload.get("receiver")) if event else ""
            return self.tr("Hồ sơ {0} đã trả kết quả lúc {1} cho {2}.").format(
                view.code, local(view.returned_at, self._session.timezone), who or self.tr("(không rõ)")
            )
        if Status(view.status) in OPEN_STATUSES or view.status == Status.NEW:
            due = local(view.appointment_at, self._session.timezone) or self.tr("không hẹn")
            return self.tr("Hồ sơ {0} chưa có kết quả: đang ở trạng thái «{1}». Hẹn trả: {2}.").format(
                view.code, label, due
            )
        return self.tr("Hồ sơ {0} ở trạng thái «{1}»: không có kết quả để trả.").format(view.code, label)

    def _show_card(self, view: DossierView) -> None:
        tz = self._session.timezone
        self.card_title.setText(view.code)
        id_text = f" — {view.applicant_id_number}" if view.applicant_id_number else ""
        self.card_fields["applicant"].setText(f"<b>{view.applicant_name}</b>{id_text}")
        self.card_fields["procedure"].setText(f"{view.procedure_code} — {view.procedure_name}")
        self.card_fields["status"].setText(f"<b>{status_label(view.status)}</b>")
        self.card_fields["appointment"].setText(local(view.appointment_at, tz) or self.tr("không hẹn"))
        outcome = ""
        if view.resolved_at:
            outcome = f"{outcome_label(view.outcome)} ({local(view.resolved_at, tz)})"
        self.card_fields["outcome"].setText(outcome or self.tr("chưa có"))
        self.card_fields["unit"].setText(view.current_unit or "")
        self.card_fields["return"].setText(
            self.tr("Qua bưu chính: {0}").format(view.postal_address or "")
            if view.return_method == "post"
            else self.tr("Tại Bộ phận Một cửa")
        )

    # ----------------------------------------------------------------- choosing
    def start_code(self, text: str) -> None:
        """A code began to be typed outside the scan field: continue it there."""
        self.scan.clear()
        self.scan.setFocus()
        self.scan.insert(text)

    def rating(self) -> int | None:
        return next((level for level, b in self.rating_buttons.items() if b.isChecked()), None)

    def rate(self, level: int | None) -> None:
        if self.view is None or not self.confirm_area.isEnabled():
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

    # ----------------------------------------------------------------- done
    def confirm(self) -> None:
        view = self.view
        if view is None or self._busy or not self.confirm_area.isEnabled():
            return
        proxy = self.proxy_radio.isChecked()
        if proxy and not self.proxy_name.text().strip():
            self._say(self.tr("Nhập họ tên người được ủy quyền nhận kết quả."), error=True)
            self.proxy_name.setFocus()
            return
        data = ReturnInput(
            receiver_name=self.proxy_name.text() if proxy else "",
            receiver_id_number=self.proxy_id.text() if proxy else "",
            relation=PROXY_RELATION if proxy else "",
            method="post" if self.post_radio.isChecked() else "counter",
            tracking_number=self.tracking.text() if self.post_radio.isChecked() else "",
            satisfaction=self.rating(),
            reasons=self.reasons(),
        )
        s = self._session
        self._busy = True
        try:
            result: StepResult = return_result(s.db, s.actor, view.code, data, now=s.now())
        except UserError as exc:
            self._say(exc.message, error=True)
            target = {
                "receiver_id_number": self.proxy_id,
                "tracking_number": self.tracking,
            }.get(exc.field or "", self.confirm_button)
            target.setFocus()
            return
        finally:
            self._busy = False
        who = self.proxy_name.text().strip() if proxy else view.applicant_name
        level = data.satisfaction
        rated = (
            self.tr("đánh giá «{0}»").format(domain_label(SATISFACTION_LEVELS[level]))
            if level
            else self.tr("không đánh giá")
        )
        self._say(self.tr("Đã trả kết quả hồ sơ {0} cho {1}, {2}.").format(view.code, who, rated))
        self.returned.emit(view.code, result)
        self.clear(keep_message=True)

    def clear(self, keep_message: bool = False) -> None:
        self.view = None
        self.scan.clear()
        self.card_title.setText(self.tr("Chưa mở hồ sơ nào."))
        for label in self.card_fields.values():
            label.clear()
        self.applicant_radio.setText(self.tr("Người nộp hồ sơ"))
        self.applicant_radio.setChecked(True)
        self.proxy_name.clear()
        self.proxy_id.clear()
        self.proxy_name.setEnabled(False)
        self.proxy_id.setEnabled(False)
        self.counter_radio.setChecked(True)
        self.tracking.clear()
        self.tracking.setEnabled(False)
        for button in self.rating_buttons.values():
            button.setChecked(False)
        for check in self.reason_checks.values():
            check.setChecked(False)
        self.other_reason.clear()
        self.other_reason.setEnabled(False)
        self.confirm_area.setEnabled(False)
        if not keep_message:
            self._say(self.tr("Quét mã vạch trên giấy hẹn trả kết quả để bắt đầu."))
        self.focus_start()

    def _say(self, text: str, *, error: bool = False) -> None:
        colour = "#b00020" if error else "#1b5e20"
        self.message.setStyleSheet(f"color: {colour}; font-size: 14px; font-weight: bold")
        self.message.setText(text)
