"""What a user name and a full name may be — plain rules, no database.

services/users.py applies them when users are created or edited; the set-up wizard checks the
first admin's with them before the database is open (issue 11: the wizard shows before the
database stack loads). services/users.py re-exports them.
"""

from __future__ import annotations

import re

from counter_app.domain.errors import ValidationError
from counter_app.domain.text import normalize

USERNAME_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]{1,59}")


def check_username(username: str) -> str:
    name = username.strip().lower()
    if not name:
        raise ValidationError("Tên đăng nhập không được để trống.", field="username")
    if not USERNAME_PATTERN.fullmatch(name):
        raise ValidationError(
            "Tên đăng nhập «{name}» không hợp lệ: 2–60 ký tự gồm chữ thường không dấu, chữ số, dấu chấm, gạch dưới, gạch ngang, bắt đầu bằng chữ hoặc số (ví dụ: nguyenvana).",
            name=name,
            field="username",
        )
    return name


def check_full_name(full_name: str) -> str:
    name = normalize(full_name)
    if not name:
        raise ValidationError("Họ tên không được để trống.", field="full_name")
    if len(name) > 200:
        raise ValidationError("Họ tên dài quá 200 ký tự.", field="full_name")
    return name
