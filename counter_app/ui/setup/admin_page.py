"""Page 5, Quản trị viên đầu tiên: the first admin's name, username and password (typed twice)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QVBoxLayout, QWidget, QWizardPage

from counter_app.domain.errors import ValidationError
from counter_app.domain.passwords import MIN_LENGTH, NOT_REPEATED, PROBLEM_MESSAGES, password_problem
from counter_app.domain.text import normalize
from counter_app.domain.usernames import check_full_name, check_username
from counter_app.services.actor import Role
from counter_app.services.setup_spec import UserSpec
from counter_app.ui.messages import shown
from counter_app.ui.setup.common import FieldErrors, hint_label

PAGE_ORDER = ("full_name", "username", "password", "password_again")


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class SetupAdminPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Quản trị viên đầu tiên"))
        self.setSubTitle(
            self.tr(
                "Người quản trị đăng nhập lần đầu bằng tài khoản này, rồi tạo tài khoản cho cán bộ, "
                "lãnh đạo trong Hệ thống."
            )
        )
        self.full_name = QLineEdit()
        self.full_name.setPlaceholderText(self.tr("Ví dụ: Nguyễn Văn A"))
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("Ví dụ: nguyenvana"))
        self.password = _password_field()
        self.again = _password_field()
        self.errors = FieldErrors()
        e = self.errors
        form = QFormLayout()
        form.addRow(self.tr("Họ và tên: *"), e.field("full_name", self.full_name))
        form.addRow(
            self.tr("Tên đăng nhập: *"),
            e.field(
                "username",
                self.username,
                hint_label(self.tr("Chữ thường không dấu, chữ số, dấu chấm, gạch; ví dụ nguyenvana.")),
            ),
        )
        form.addRow(
            self.tr("Mật khẩu: *"),
            e.field(
                "password",
                self.password,
                hint_label(
                    self.tr(
                        "Ít nhất {0} ký tự; không dùng tên đăng nhập hay mật khẩu phổ biến "
                        "(123456789a, matkhau123…)."
                    ).format(MIN_LENGTH)
                ),
            ),
        )
        form.addRow(self.tr("Nhập lại mật khẩu: *"), e.field("password_again", self.again))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        try:
            check_full_name(self.full_name.text())
        except ValidationError as exc:
            found["full_name"] = shown(exc)
        try:
            username = check_username(self.username.text())
        except ValidationError as exc:
            found["username"] = shown(exc)
            username = self.username.text()
        problem = password_problem(self.password.text(), username)
        if problem is not None:
            found["password"] = shown(PROBLEM_MESSAGES[problem])
        elif self.again.text() != self.password.text():
            found["password_again"] = shown(NOT_REPEATED)
        return found

    def validatePage(self) -> bool:  # noqa: N802
        return self.errors.show(self.problems())

    def user(self) -> UserSpec:
        return UserSpec(
            username=self.username.text().strip().lower(),
            full_name=normalize(self.full_name.text()),
            role=Role.ADMIN.value,
            password=self.password.text(),
            own_password=True,  # typed twice by the administrator: no forced change at log-in
        )

    def show_error(self, field: str, message: str) -> bool:
        if field == "role":
            field = "username"
        if field not in self.errors.labels:
            return False
        self.errors.show({field: message})
        return True
