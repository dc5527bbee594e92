"""Log-in with the users of the database; a one-time password is replaced before the window opens.

At the start of the app the dialog shows before the database is open (``db=None``, app.py: the first
window must not wait for the database stack, issue 11): the officer types meanwhile, and a log-in
asked for before :meth:`LoginDialog.set_database` waits for it, saying so, then runs by itself.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import UserError
from counter_app.ui.messages import shown
from counter_app.ui.password_dialog import PasswordForm, utc_now

if TYPE_CHECKING:
    from counter_app.db.database import Database
    from counter_app.services.actor import Actor
    from counter_app.services.login import LoginResult


class LoginDialog(QDialog):
    """``actor`` is set once the log-in succeeded — and, after a one-time password (new user,
    reset), once the new password has been chosen (the second page: the new password twice).

    ``switching``: another officer logs in over an open window (Đổi người dùng, or «Người khác
    đăng nhập» on the lock screen); cancelling goes back to it rather than leaving the program."""

    def __init__(
        self,
        db: Database | None,
        parent: QWidget | None = None,
        *,
        demo_hint: bool = False,
        clock: Callable[[], datetime] = utc_now,
        switching: bool = False,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._waiting = False  # «Đăng nhập» pressed before the database was open
        self._clock = clock
        self._pending: LoginResult | None = None  # logged in with a one-time password
        self._one_time = ""
        self.actor: Actor | None = None
        if switching:
            self.setWindowTitle(self.tr("Đổi người dùng — Bộ phận Một cửa"))
        else:
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
        login_page = QWidget()
        login_layout = QVBoxLayout(login_page)
        login_layout.setContentsMargins(0, 0, 0, 0)
        login_layout.addLayout(form)
        if demo_hint:
            hint = QLabel(self.tr("Dữ liệu mẫu: canbo / lanhdao / quantri, mật khẩu «demo»."))
            hint.setStyleSheet("color: #555")
            login_layout.addWidget(hint)
        login_layout.addWidget(self.error)

        self.change_page = QWidget()
        change_layout = QVBoxLayout(self.change_page)
        change_layout.setContentsMargins(0, 0, 0, 0)
        self.change_intro = QLabel()
        self.change_intro.setWordWrap(True)
        self.change_form = PasswordForm(ask_current=False)
        change_layout.addWidget(self.change_intro)
        change_layout.addWidget(self.change_form)
        self.pages = QStackedWidget()
        self.pages.addWidget(login_page)
        self.pages.addWidget(self.change_page)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Đăng nhập"))
        self.ok_button.setDefault(True)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Hủy (Esc)") if switching else self.tr("Thoát"))
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(buttons)
        self.username.setFocus()

    def must_change_password(self) -> bool:
        """True while the second page (a one-time password to replace) is shown."""
        return self.pages.currentWidget() is self.change_page

    def _ok(self) -> None:
        if self.must_change_password():
            self._change_password()
        else:
            self._try_login()

    def set_database(self, db: Database) -> None:
        """The database, opened in the background; a log-in asked for meanwhile runs now."""
        self._db = db
        if self._waiting:
            self._waiting = False
            self.error.clear()
            self._try_login()

    def _try_login(self) -> None:
        if self._db is None:
            self._waiting = True
            self.error.setText(self.tr("Đang mở dữ liệu, xin chờ trong giây lát…"))
            return
        from counter_app.services.login import login

        try:
            result = login(self._db, self.username.text(), self.password.text(), now=self._clock())
        except UserError as exc:
            self.error.setText(shown(exc))
            self.password.selectAll()
            self.password.setFocus()
            return
        if not result.must_change_password:
            self.actor = result.actor
            self.accept()
            return
        self.ask_new_password(result, self.password.text())

    def ask_new_password(self, result: LoginResult, one_time: str) -> None:
        """The second page: ``result`` logged in with the one-time password ``one_time``, which is
        replaced (the new password twice) before ``actor`` is set — also after an unlock with a
        password an admin reset while the screen was locked (ui/lock_screen.py)."""
        self._pending, self._one_time = result, one_time
        self.password.clear()
        self.change_intro.setText(
            self.tr(
                "Chào {0}. Mật khẩu vừa dùng là mật khẩu dùng một lần: hãy đặt mật khẩu mới của bạn "
                "(nhập hai lần) trước khi bắt đầu làm việc."
            ).format(result.actor.full_name)
        )
        self.ok_button.setText(self.tr("Đổi mật khẩu và vào"))
        self.pages.setCurrentWidget(self.change_page)
        self.change_form.focus_start()

    def _change_password(self) -> None:
        assert self._pending is not None and self._db is not None
        actor = self._pending.actor
        if self.change_form.submit(self._db, actor, self._clock(), current=self._one_time):
            self._one_time = ""
            self.actor = actor
            self.accept()
