"""Quản trị → Người dùng: who may log in, with which role (services/users.py does the work).

Users are never deleted, only disabled and enabled again. A new user, and a password reset, get a
one-time password shown once, in a dialog the admin can copy it from; it is kept nowhere else.
A refused action (the last active admin, a taken username, a bad name…) shows the service's message
and writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import UserError
from counter_app.services import users
from counter_app.services.actor import ROLE_LABELS, Role
from counter_app.services.users import UserInfo
from counter_app.ui.admin.common import GREY, Feedback, confirm, field_error_label, plain_table, yes_no
from counter_app.ui.i18n import domain_label
from counter_app.ui.messages import shown
from counter_app.ui.session import UiSession

COLUMNS = 6


class UserDialog(QDialog):
    """A new user (username, full name, role) or an existing one's name and role.

    ``submit(dialog)`` calls the service; it returns False after showing the refusal with
    ``show_error``, and the dialog stays open with what was typed."""

    def __init__(
        self,
        submit: Callable[[UserDialog], bool],
        user: UserInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle(
            self.tr("Thêm người dùng")
            if user is None
            else self.tr("Sửa người dùng «{0}»").format(user.username)
        )
        self.username = QLineEdit(user.username if user else "")
        self.username.setReadOnly(user is not None)
        self.username.setPlaceholderText(self.tr("ví dụ: nguyenvana"))
        self.full_name = QLineEdit(user.full_name if user else "")
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(domain_label(ROLE_LABELS[role]), role)
        self.role.setCurrentIndex(self.role.findData(user.role if user else Role.OFFICER))
        self.error = field_error_label()
        form = QFormLayout()
        form.addRow(self.tr("Tên đăng nhập:"), self.username)
        form.addRow(self.tr("Họ và tên:"), self.full_name)
        form.addRow(self.tr("Vai trò:"), self.role)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(
            self.tr("Thêm") if user is None else self.tr("Lưu"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setDefault(True)
        buttons.addButton(self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        (self.full_name if user else self.username).setFocus()

    def _accept(self) -> None:
        if self._submit(self):
            self.accept()

    def show_error(self, message: str, field: str | None) -> None:
        self.error.setText(message)
        self.error.show()
        target = {"username": self.username, "role": self.role}.get(field or "", self.full_name)
        if target is self.username and self.username.isReadOnly():
            target = self.full_name
        target.setFocus()


class OneTimePasswordDialog(QDialog):
    """The one-time password, shown this once: selectable, with a button to copy it."""

    def __init__(self, username: str, password: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Mật khẩu dùng một lần"))
        self.intro = QLabel(self.tr("Mật khẩu dùng một lần của «{0}»:").format(username))
        self.password = QLineEdit(password)
        self.password.setReadOnly(True)
        font = self.password.font()
        font.setFamily("monospace")
        font.setPointSize(font.pointSize() + 4)
        self.password.setFont(font)
        self.password.selectAll()
        note = QLabel(
            self.tr(
                "Mật khẩu chỉ hiện một lần này, phần mềm không lưu lại. Hãy chép hoặc ghi lại để trao cho "
                "người dùng; họ phải đổi mật khẩu ngay khi đăng nhập lần đầu."
            )
        )
        note.setWordWrap(True)
        self.copy_button = QPushButton(self.tr("Chép mật khẩu"))
        self.copy_button.clicked.connect(self.copy)
        self.copied = QLabel()
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("Đã ghi lại, đóng"), QDialogButtonBox.ButtonRole.AcceptRole)
        close.setDefault(True)
        buttons.accepted.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.password, 1)
        row.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addWidget(self.copied)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.password.text())
        self.copied.setText(self.tr("Đã chép vào bộ nhớ tạm."))

    def done(self, result: int) -> None:  # every way the dialog closes ends here
        # The password is shown once: it must not stay on the clipboard of a PC facing the public
        # (unless something else has been copied over it since).
        clipboard = QGuiApplication.clipboard()
        if clipboard.text() == self.password.text():
            clipboard.clear()
        super().done(result)


class UsersTab(QWidget):
    changed = Signal()  # a user was added or changed

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._users: list[UserInfo] = []
        self.dialog: UserDialog | None = None
        self.password_dialog: OneTimePasswordDialog | None = None
        self.table = plain_table(
            [
                self.tr("Tên đăng nhập"),
                self.tr("Họ và tên"),
                self.tr("Vai trò"),
                self.tr("Hoạt động"),
                self.tr("Phải đổi mật khẩu"),
                self.tr("Bị khóa đến"),
            ]
        )
        self.add_button = QPushButton(self.tr("Thêm người dùng…"))
        self.edit_button = QPushButton(self.tr("Sửa họ tên, vai trò…"))
        self.active_button = QPushButton(self.tr("Vô hiệu hóa"))
        self.reset_button = QPushButton(self.tr("Đặt lại mật khẩu…"))
        self.unlock_button = QPushButton(self.tr("Mở khóa"))
        self.message = Feedback()
        note = QLabel(
            self.tr(
                "Người dùng không bao giờ bị xóa (nhật ký ghi tên họ): người thôi việc được vô hiệu hóa. "
                "Luôn phải còn ít nhất một quản trị viên đang hoạt động."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {GREY}")
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.edit_button,
            self.active_button,
            self.reset_button,
            self.unlock_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.add_button.clicked.connect(self.add_user)
        self.edit_button.clicked.connect(self.edit_user)
        self.active_button.clicked.connect(self.toggle_active)
        self.reset_button.clicked.connect(self.reset_password)
        self.unlock_button.clicked.connect(self.unlock)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _i: self.edit_user())
        self._selection_changed()

    # ------------------------------------------------------------------------------------ reading

    def focus_start(self) -> None:
        self.table.setFocus()

    def refresh(self) -> None:
        keep = self.selected_username()
        s = self._session
        try:
            self._users = users.list_users(s.db, s.actor, now=s.now())
        except UserError as exc:
            self.message.say(shown(exc), error=True)
            return
        self.table.setRowCount(len(self._users))
        for row, user in enumerate(self._users):
            cells = (
                user.username,
                user.full_name,
                domain_label(ROLE_LABELS[user.role]),
                yes_no(user.active),
                yes_no(user.must_change_password),
                s.local_text(user.locked_until),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not user.active:
                    item.setForeground(QBrush(QColor(GREY)))
                self.table.setItem(row, column, item)
        self.select(keep)
        self._selection_changed()

    def select(self, username: str | None) -> None:
        for row, user in enumerate(self._users):
            if user.username == username:
                self.table.selectRow(row)
                return
        self.table.clearSelection()

    def selected_user(self) -> UserInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self._users[rows[0].row()] if rows else None

    def selected_username(self) -> str | None:
        user = self.selected_user()
        return user.username if user else None

    def _selection_changed(self) -> None:
        user = self.selected_user()
        for button in (self.edit_button, self.active_button, self.reset_button):
            button.setEnabled(user is not None)
        self.unlock_button.setEnabled(user is not None and user.locked_until is not None)
        self.active_button.setText(
            self.tr("Kích hoạt lại") if user is not None and not user.active else self.tr("Vô hiệu hóa")
        )

    # ------------------------------------------------------------------------------------ actions

    def add_user(self) -> UserDialog:
        """The new-user dialog (opened, not exec'd); on success the one-time password is shown."""
        return self._open_dialog(UserDialog(self._create, None, self))

    def edit_user(self) -> UserDialog | None:
        user = self.selected_user()
        if user is None:
            return None
        return self._open_dialog(UserDialog(self._edit, user, self))

    def _open_dialog(self, dialog: UserDialog) -> UserDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _create(self, dialog: UserDialog) -> bool:
        s = self._session
        try:
            made = users.create_user(
                s.db,
                s.actor,
                username=dialog.username.text(),
                full_name=dialog.full_name.text(),
                role=dialog.role.currentData(),
                now=s.now(),
            )
        except UserError as exc:
            dialog.show_error(exc.message, exc.field)
            return False
        self._after_change(
            made.user.username, self.tr("Đã thêm người dùng «{0}».").format(made.user.username)
        )
        self._show_password(made.user.username, made.one_time_password or "")
        return True

    def _edit(self, dialog: UserDialog) -> bool:
        s = self._session
        username = dialog.username.text()
        try:
            update = users.edit_user(
                s.db,
                s.actor,
                username,
                full_name=dialog.full_name.text(),
                role=dialog.role.currentData(),
                now=s.now(),
            )
        except UserError as exc:
            dialog.show_error(exc.message, exc.field)
            return False
        text = (
            self.tr("Đã sửa người dùng «{0}».") if update.changed else self.tr("«{0}»: không có gì thay đổi.")
        )
        self._after_change(username, text.format(username))
        return True

    def toggle_active(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        s = self._session
        if user.active and not confirm(
            self,
            self.tr("Vô hiệu hóa người dùng"),
            self.tr(
                "Vô hiệu hóa «{0}» ({1})? Người này sẽ không đăng nhập được nữa; hồ sơ và nhật ký của họ "
                "vẫn được giữ nguyên. Có thể kích hoạt lại sau."
            ).format(user.username, user.full_name),
        ):
            return
        try:
            users.set_active(s.db, s.actor, user.username, not user.active, now=s.now())
        except UserError as exc:
            self.message.say(shown(exc), error=True)
            return
        text = self.tr("Đã kích hoạt lại «{0}».") if not user.active else self.tr("Đã vô hiệu hóa «{0}».")
        self._after_change(user.username, text.format(user.username))

    def reset_password(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        if not confirm(
            self,
            self.tr("Đặt lại mật khẩu"),
            self.tr(
                "Đặt lại mật khẩu của «{0}»? Mật khẩu hiện tại không dùng được nữa; một mật khẩu dùng một lần "
                "sẽ hiện ra để trao cho người dùng."
            ).format(user.username),
        ):
            return
        s = self._session
        try:
            made = users.reset_password(s.db, s.actor, user.username, now=s.now())
        except UserError as exc:
            self.message.say(shown(exc), error=True)
            return
        self._after_change(user.username, self.tr("Đã đặt lại mật khẩu của «{0}».").format(user.username))
        self._show_password(user.username, made.one_time_password or "")

    def unlock(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        s = self._session
        try:
            update = users.unlock_user(s.db, s.actor, user.username, now=s.now())
        except UserError as exc:
            self.message.say(shown(exc), error=True)
            return
        text = self.tr("Đã mở khóa «{0}».") if update.changed else self.tr("«{0}» không bị khóa.")
        self._after_change(user.username, text.format(user.username))

    def _after_change(self, username: str, text: str) -> None:
        self.refresh()
        self.select(username)
        self.message.say(text)
        self.changed.emit()

    def _show_password(self, username: str, password: str) -> None:
        """Shown once: the dialog deletes itself when closed and nothing else keeps the password."""
        dialog = OneTimePasswordDialog(username, password, self)
        dialog.finished.connect(lambda _r: setattr(self, "password_dialog", None))
        self.password_dialog = dialog
        dialog.open()
