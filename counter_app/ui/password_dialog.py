"""Choosing a new password: everyone's own change (Hệ thống → Đổi mật khẩu…), and the change a
one-time password forces right after the log-in (the log-in dialog shows the same form)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import UserError
from counter_app.domain.passwords import MIN_LENGTH
from counter_app.ui.messages import shown

if TYPE_CHECKING:  # the database stack loads after the log-in window shows (app.py, issue 11)
    from counter_app.db.database import Database
    from counter_app.services.actor import Actor


def utc_now() -> datetime:
    return datetime.now(UTC)


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class PasswordForm(QWidget):
    """Current password (unless the caller knows it), the new one twice, and the reason of a refusal."""

    def __init__(self, *, ask_current: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current = _password_field()
        self.new = _password_field()
        self.again = _password_field()
        self.rules = QLabel(
            self.tr(
                "Ít nhất {0} ký tự; không dùng tên đăng nhập hay mật khẩu phổ biến (123456789a, matkhau123…)."
            ).format(MIN_LENGTH)
        )
        self.rules.setWordWrap(True)
        self.rules.setStyleSheet("color: #555")
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        form = QFormLayout()
        if ask_current:
            form.addRow(self.tr("Mật khẩu hiện tại:"), self.current)
        else:
            self.current.hide()
        form.addRow(self.tr("Mật khẩu mới:"), self.new)
        form.addRow(self.tr("Nhập lại mật khẩu mới:"), self.again)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.rules)
        layout.addWidget(self.error)

    def focus_start(self) -> None:
        (self.current if self.current.isVisibleTo(self) else self.new).setFocus()

    def submit(self, db: Database, actor: Actor, now: datetime, current: str | None = None) -> bool:
        """Change the password; False (the reason shown, the field to correct focused) if refused."""
        from counter_app.services.login import change_password

        try:
            change_password(
                db,
                actor,
                self.current.text() if current is None else current,
                self.new.text(),
                self.again.text(),
                now=now,
            )
        except UserError as exc:
            self.error.setText(shown(exc))
            field = self.current if exc.field == "current" and current is None else self.new
            if exc.field == "password_again":
                field = self.again
            field.selectAll()
            field.setFocus()
            return False
        self.error.clear()
        return True


class ChangePasswordDialog(QDialog):
    """Hệ thống → Đổi mật khẩu…: current password, the new one twice."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        super().__init__(parent)
        self._db, self._actor, self._clock = db, actor, clock
        self.setWindowTitle(self.tr("Đổi mật khẩu — {0}").format(actor.username))
        self.form = PasswordForm(parent=self)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("Đổi mật khẩu"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        buttons.addButton(self.tr("Đóng (Esc)"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._change)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.form.focus_start()

    def _change(self) -> None:
        if self.form.submit(self._db, self._actor, self._clock()):
            self.accept()
