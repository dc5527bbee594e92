"""Password rules: the policy a chosen password meets, and one-time passwords an admin hands out.

The policy (issue 10): at least 10 characters, not the username (whatever the case, nor written
backwards), not one of the common passwords bundled in ``resources/common_passwords.txt``.
"""

from __future__ import annotations

from functools import lru_cache

from counter_app.bundled import resource_path
from counter_app.domain.errors import Message, ValidationError

MIN_LENGTH = 10
COMMON_PASSWORDS_FILE = resource_path("common_passwords.txt")
# Lower-case letters and digits a person reads off a screen without doubt (no 0/o, 1/l/i).
_ONE_TIME_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"

TOO_SHORT = f"Mật khẩu phải có ít nhất {MIN_LENGTH} ký tự."
IS_USERNAME = "Mật khẩu không được là tên đăng nhập (kể cả viết hoa hay viết ngược)."
TOO_COMMON = "Mật khẩu này quá phổ biến, dễ bị đoán ra; hãy chọn mật khẩu khác."
NOT_REPEATED = "Hai lần nhập mật khẩu mới không giống nhau."
# The problems above as translatable messages: problem (its Vietnamese text) → its Message.
PROBLEM_MESSAGES = {
    TOO_SHORT: Message("Mật khẩu phải có ít nhất {length} ký tự.", length=MIN_LENGTH),
    IS_USERNAME: Message(IS_USERNAME),
    TOO_COMMON: Message(TOO_COMMON),
    NOT_REPEATED: Message(NOT_REPEATED),
}


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    """The bundled list, case-folded."""
    lines = COMMON_PASSWORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().casefold() for line in lines if line.strip() and not line.startswith("#"))


def password_problem(password: str, username: str) -> str | None:
    """Why ``password`` is refused for ``username`` (a Vietnamese sentence), or None."""
    if len(password) < MIN_LENGTH:
        return TOO_SHORT
    folded, name = password.casefold(), username.strip().casefold()
    if name and folded in (name, name[::-1]):
        return IS_USERNAME
    if folded in common_passwords():
        return TOO_COMMON
    return None


def check_password_policy(password: str, username: str, repeated: str | None = None) -> None:
    """Raise ValidationError (field ``password``) unless the policy admits ``password``; when the
    password was typed twice, ``repeated`` is the second typing."""
    if repeated is not None and repeated != password:
        raise ValidationError(NOT_REPEATED, field="password_again")
    problem = password_problem(password, username)
    if problem is not None:
        raise ValidationError(PROBLEM_MESSAGES[problem], field="password")


def one_time_password() -> str:
    """A random password to hand over once, e.g. ``k7mp-x3rt-9qwe`` (62 bits; changed at first log-in)."""
    # Imported here: ``secrets`` loads hmac and OpenSSL's hashlib (~6 ms), and the log-in dialog and
    # the set-up wizard read this module's rules before their window shows (issue 11).
    import secrets

    while True:
        groups = ("".join(secrets.choice(_ONE_TIME_ALPHABET) for _ in range(4)) for _ in range(3))
        candidate = "-".join(groups)
        if password_problem(candidate, "") is None:
            return candidate
