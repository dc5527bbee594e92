"""Settings of this workstation (Ctrl+, in the main window): interface language, receipt paper and
the idle screen lock.

The language is kept in settings.json (``Settings.language``) and applies from the next start: the
translators are installed before the first widget is made. The receipt's paper is a QSettings
value (``slips/receipt_layout``) that the slip desk reads at every receipt, so it applies at once.
The minutes without input before the screen locks (``Settings.idle_lock_minutes``, 0 = never) are
in settings.json too; the main window applies them when the dialog is saved.

Opened by a logged-in user (``session`` given), a change is first written to the audit trail
(``settings_changed``: who changed what from what, on the write lane) and only then saved: a change
that cannot be recorded is not made, as the idle lock is a safeguard of the office's data.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.config import (
    DEFAULT_IDLE_LOCK_MINUTES,
    MAX_IDLE_LOCK_MINUTES,
    load_settings,
    save_settings,
    valid_idle_lock_minutes,
)
from counter_app.documents import registry
from counter_app.domain.errors import UserError
from counter_app.paths import AppPaths
from counter_app.services.audit_trail import audit
from counter_app.ui.i18n import DEFAULT_LANGUAGE, LANGUAGES
from counter_app.ui.messages import shown
from counter_app.ui.operations import ServiceOp
from counter_app.ui.session import UiSession
from counter_app.ui.slip_desk import SlipDesk

RECEIPT_LAYOUT_KEY = "slips/receipt_layout"


class SettingsDialog(QDialog):
    def __init__(
        self, paths: AppPaths | None, parent: QWidget | None = None, session: UiSession | None = None
    ) -> None:
        super().__init__(parent)
        self._paths = paths
        self._session = session
        self.setWindowTitle(self.tr("Cài đặt"))
        self.setMinimumWidth(460)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        self.message.hide()

        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)  # each language in its own words, never translated
        self._saved_language = DEFAULT_LANGUAGE
        self._saved_idle_minutes = DEFAULT_IDLE_LOCK_MINUTES
        if paths is not None:
            try:
                saved = load_settings(paths)
            except UserError as exc:
                self._show_error(shown(exc))
            else:
                self._saved_language, self._saved_idle_minutes = saved.language, saved.idle_lock_minutes
        self.language.setCurrentIndex(max(self.language.findData(self._saved_language), 0))
        language_note = QLabel(self.tr("Ngôn ngữ mới có hiệu lực từ lần mở phần mềm tiếp theo."))
        if paths is None:
            self.language.setEnabled(False)
            language_note.setText(self.tr("Không có thư mục cấu hình: không lưu được ngôn ngữ."))
        language_note.setWordWrap(True)
        language_note.setStyleSheet("color: #555")

        # A line edit rather than a spin box: whatever is typed is kept and answered in words.
        self.idle_minutes = QLineEdit(str(self._saved_idle_minutes))
        self.idle_minutes.setMaximumWidth(80)
        self.idle_minutes.setEnabled(paths is not None)
        self.idle_minutes.textEdited.connect(lambda _text: self.message.hide())
        idle_note = QLabel(
            self.tr(
                "Máy khóa sau từng ấy phút không dùng bàn phím, chuột (0: không tự khóa); "
                "mở khóa bằng mật khẩu của người đang đăng nhập."
            )
        )
        idle_note.setWordWrap(True)
        idle_note.setStyleSheet("color: #555")

        names = {"a4": "A4", "a5": "A5", "thermal80": self.tr("80 mm (máy in nhiệt)")}
        self.receipt_layout = QComboBox()
        for layout in registry.form_of("receipt").layouts:
            self.receipt_layout.addItem(names.get(layout, layout), layout)
        current = SlipDesk.receipt_layout()
        self.receipt_layout.setCurrentIndex(max(self.receipt_layout.findData(current), 0))

        form = QFormLayout()
        form.addRow(self.tr("Ngôn ngữ giao diện:"), self.language)
        form.addRow("", language_note)
        form.addRow(self.tr("Khổ giấy tiếp nhận và hẹn trả kết quả:"), self.receipt_layout)
        form.addRow(self.tr("Tự khóa máy sau (phút):"), self.idle_minutes)
        form.addRow("", idle_note)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("Lưu"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        buttons.addButton(self.tr("Đóng (Esc)"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def save(self) -> None:
        """Write the choices; the dialog stays open with the reason if settings.json cannot be written."""
        language = str(self.language.currentData())
        minutes = self.idle_lock_minutes()
        if minutes is None:
            self._show_error(
                self.tr(
                    "Thời gian tự khóa máy phải là số phút nguyên từ 0 đến {0} (0: không tự khóa)."
                ).format(MAX_IDLE_LOCK_MINUTES)
            )
            self.idle_minutes.selectAll()
            self.idle_minutes.setFocus()
            return
        layout = str(self.receipt_layout.currentData())
        before = {
            "language": self._saved_language,
            "idle_lock_minutes": self._saved_idle_minutes,
            "receipt_layout": SlipDesk.receipt_layout(),
        }
        after = {"language": language, "idle_lock_minutes": minutes, "receipt_layout": layout}
        changes = {key: [before[key], after[key]] for key in before if before[key] != after[key]}
        if self._session is None or not changes:
            self._write(language, minutes, layout)
            return
        s = self._session
        self.save_button.setEnabled(False)
        ServiceOp(
            self, partial(audit, s.db, s.actor, "settings_changed", subject=s.actor.username, details=changes)
        ).after(lambda: self.save_button.setEnabled(True)).success(
            lambda _none: self._write(language, minutes, layout)
        ).failure(lambda exc: self._show_error(shown(exc))).run_in_background()

    def _write(self, language: str, minutes: int, layout: str) -> None:
        """Save the choices and close; the dialog stays open with the reason if they cannot be saved."""
        changed = language != self._saved_language or minutes != self._saved_idle_minutes
        if self._paths is not None and changed:
            try:
                settings = load_settings(self._paths)
                settings.language, settings.idle_lock_minutes = language, minutes
                save_settings(self._paths, settings)
            except UserError as exc:
                self._show_error(shown(exc))
                return
            except OSError as exc:
                self._show_error(self.tr("Không lưu được cài đặt: {0}").format(exc))
                return
            self._saved_language, self._saved_idle_minutes = language, minutes
        QSettings().setValue(RECEIPT_LAYOUT_KEY, layout)
        self.accept()

    def idle_lock_minutes(self) -> int | None:
        """The minutes typed, or None when they are not a whole number from 0 to the maximum."""
        text = self.idle_minutes.text().strip()
        if not (text.isascii() and text.isdigit()):
            return None
        minutes = int(text)
        return minutes if valid_idle_lock_minutes(minutes) else None

    def _show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
