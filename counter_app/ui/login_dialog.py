"""Log-in with the users of the database."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.db.database import Database
from counter_app.domain.errors import UserError
from counter_app.services.actor import Actor
from counter_app.services.offices import login


class LoginDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None, *, demo_hint: bool = False) -> None:
        super().__init__(parent)
        self._db = db
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Đăng nhập — Bộ phận Một cửa"))
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Tên đăng nhập:"), self.username)
        form.addRow(self.tr("Mật khẩu:"), self.password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Đăng nhập"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Thoát"))
        buttons.accepted.connect(self._try_login)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if demo_hint:
            hint = QLabel(self.tr("Dữ liệu mẫu: canbo / lanhdao / quantri, mật khẩu «demo»."))
            hint.setStyleSheet("color: #555")
            layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.username.setFocus()

    def _try_login(self) -> None:
        try:
            self.actor = login(self._db, self.username.text(), self.password.text())
        except UserError as exc:
            self.error.setText(exc.message)
            self.password.selectAll()
            self.password.setFocus()
            return
        self.accept()
