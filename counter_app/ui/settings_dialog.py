"""Settings of this workstation (Ctrl+, in the main window): interface language and receipt paper.

The language is kept in settings.json (``Settings.language``) and applies from the next start: the
translators are installed before the first widget is made. The receipt's paper is a QSettings
value (``slips/receipt_layout``) that the slip desk reads at every receipt, so it applies at once.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from counter_app.config import load_settings, save_settings
from counter_app.documents import registry
from counter_app.domain.errors import UserError
from counter_app.paths import AppPaths
from counter_app.ui.i18n import DEFAULT_LANGUAGE, LANGUAGES
from counter_app.ui.slip_desk import SlipDesk

RECEIPT_LAYOUT_KEY = "slips/receipt_layout"


class SettingsDialog(QDialog):
    def __init__(self, paths: AppPaths | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._paths = paths
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
        if paths is not None:
            try:
                self._saved_language = load_settings(paths).language
            except UserError as exc:
                self._show_error(exc.message)
        self.language.setCurrentIndex(max(self.language.findData(self._saved_language), 0))
        language_note = QLabel(self.tr("Ngôn ngữ mới có hiệu lực từ lần mở phần mềm tiếp theo."))
        if paths is None:
            self.language.setEnabled(False)
            language_note.setText(self.tr("Không có thư mục cấu hình: không lưu được ngôn ngữ."))
        language_note.setWordWrap(True)
        language_note.setStyleSheet("color: #555")

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
        if self._paths is not None and language != self._saved_language:
            try:
                settings = load_settings(self._paths)
                settings.language = language
                save_settings(self._paths, settings)
            except UserError as exc:
                self._show_error(exc.message)
                return
            except OSError as exc:
                self._show_error(self.tr("Không lưu được cài đặt: {0}").format(exc))
                return
            self._saved_language = language
        QSettings().setValue(RECEIPT_LAYOUT_KEY, self.receipt_layout.currentData())
        self.accept()

    def _show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
