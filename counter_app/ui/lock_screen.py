"""The lock screen: what a locked counter PC shows the public (issue 10).

It takes the main window's whole central area (window_lock.py swaps it in for the pages, hides the
status bar and disables the menus), so nothing of the open form can be read. It names who is
logged in and asks for their password: unlocking is a log-in of that name (services/login.py's
``unlock_screen``), so wrong passwords count toward the 5-in-15-minutes lock and are recorded.
«Người khác đăng nhập» hands the counter to another officer (the window decides what that means).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import UserError
from counter_app.services.login import unlock_screen
from counter_app.ui.login_dialog import LoginDialog
from counter_app.ui.messages import shown
from counter_app.ui.session import UiSession


class LockScreen(QWidget):
    unlocked = Signal(object)  # the Actor, as the account is now
    switch_requested = Signal()  # «Người khác đăng nhập»

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setAutoFillBackground(True)  # an opaque cover, whatever the style
        self.title = QLabel(self.tr("Máy đã khóa"))
        self.title.setStyleSheet("font-size: 26px; font-weight: bold")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who = QLabel()
        self.who.setWordWrap(True)
        self.who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who.setStyleSheet("font-size: 15px")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Mật khẩu"))
        self.password.setMinimumWidth(280)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unlock_button = QPushButton(self.tr("Mở khóa"))
        self.unlock_button.setDefault(True)
        self.switch_button = QPushButton(self.tr("Người khác đăng nhập"))

        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        # A fixed width: the wrapped lines then get the height they need (a box that may shrink
        # and grow sideways is laid out at its one-line height, and the lines overlap).
        box.setFixedWidth(520)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(32, 24, 32, 24)
        inner.setSpacing(12)
        inner.addWidget(self.title)
        inner.addWidget(self.who)
        inner.addWidget(self.password)
        inner.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        inner.addLayout(buttons)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        self.password.returnPressed.connect(self.try_unlock)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.switch_button.clicked.connect(self.switch_requested)

    def prepare(self) -> None:
        """Shown afresh: who is logged in, an empty password field with the focus, no old message."""
        actor = self._session.actor
        self.who.setText(
            self.tr("{0} ({1}) đang đăng nhập. Nhập mật khẩu để mở khóa.").format(
                actor.full_name, actor.username
            )
        )
        self.password.clear()
        self.error.clear()
        self.focus_start()

    def focus_start(self) -> None:
        self.password.setFocus()

    def say(self, text: str) -> None:
        """A sentence under the password field (a refusal, or why the window cannot close)."""
        self.error.setText(text)

    def try_unlock(self) -> None:
        """The password of the user logged in: unlocked, or the reason (still locked)."""
        password = self.password.text()
        session = self._session
        try:
            result = unlock_screen(session.db, session.actor, password, now=session.now())
        except UserError as exc:
            self.say(shown(exc))
            self.password.selectAll()
            self.password.setFocus()
            return
        self.password.clear()
        self.error.clear()
        if not result.must_change_password:
            self.unlocked.emit(result.actor)
            return
        # An admin reset the password while the screen was locked: the one-time password just
        # typed is replaced first, in the log-in dialog's own second page.
        dialog = LoginDialog(session.db, self.window(), clock=session.now, switching=True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.ask_new_password(result, password)
        dialog.accepted.connect(lambda: self.unlocked.emit(dialog.actor))
        dialog.open()
