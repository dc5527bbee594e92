"""The password policy (at least 10 characters, not the username, not a common password) and the
one-time passwords an admin hands out; the log-in throttle's window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from counter_app.domain.errors import ValidationError
from counter_app.domain.login_guard import LOCK_FOR, GuardState, name_key
from counter_app.domain.passwords import (
    COMMON_PASSWORDS_FILE,
    check_password_policy,
    common_passwords,
    one_time_password,
    password_problem,
)

SHORT = "Mật khẩu phải có ít nhất 10 ký tự."
USERNAME = "Mật khẩu không được là tên đăng nhập (kể cả viết hoa hay viết ngược)."
COMMON = "Mật khẩu này quá phổ biến, dễ bị đoán ra; hãy chọn mật khẩu khác."


@pytest.mark.parametrize(
    ("password", "username", "message"),
    [
        ("", "canbo", SHORT),
        ("Ab3$xY9!q", "canbo", SHORT),  # 9 characters
        ("nguyenvana01", "nguyenvana01", USERNAME),
        ("NguyenVanA01", "nguyenvana01", USERNAME),  # whatever the case
        ("10anavneyugn", "nguyenvana01", USERNAME),  # written backwards
        ("123456789a", "canbo", COMMON),
        ("matkhau123", "canbo", COMMON),
        ("Password123", "canbo", COMMON),  # the list is compared without case
        ("1234567890", "canbo", COMMON),
        ("anhyeuem123", "canbo", COMMON),
    ],
)
def test_given_refused_password_then_its_own_vietnamese_message(
    password: str, username: str, message: str
) -> None:
    assert password_problem(password, username) == message
    with pytest.raises(ValidationError) as info:
        check_password_policy(password, username)
    assert (info.value.message, info.value.field) == (message, "password")


def test_given_good_password_then_admitted_and_a_second_typing_must_match() -> None:
    assert password_problem("Hoa sen nở 2026", "canbo") is None
    check_password_policy("Hoa sen nở 2026", "canbo", "Hoa sen nở 2026")
    with pytest.raises(ValidationError) as info:
        check_password_policy("Hoa sen nở 2026", "canbo", "Hoa sen nở 2025")
    assert (info.value.message, info.value.field) == (
        "Hai lần nhập mật khẩu mới không giống nhau.",
        "password_again",
    )


def test_bundled_common_list_has_a_few_hundred_entries_with_the_vietnamese_favourites() -> None:
    assert COMMON_PASSWORDS_FILE.name == "common_passwords.txt" and COMMON_PASSWORDS_FILE.is_file()
    listed = common_passwords()
    assert 200 <= len(listed) <= 1000
    assert {"123456789a", "matkhau123", "password123", "qwertyuiop", "anhyeuem"} <= listed
    assert not any(line.startswith("#") for line in listed)


def test_one_time_passwords_are_random_readable_and_admitted() -> None:
    made = {one_time_password() for _ in range(50)}
    assert len(made) == 50
    for password in made:
        assert password_problem(password, "canbo") is None
        assert len(password) == 14 and password.count("-") == 2
        assert not set(password) & set("0o1li")  # nothing read two ways off a screen


def test_name_key_folds_case_and_spaces_and_caps_the_length() -> None:
    assert name_key("  CanBo ") == "canbo"
    assert name_key("x" * 500) == "x" * 60


def test_guard_locks_at_the_fifth_failure_within_15_minutes_of_a_sliding_window() -> None:
    t0 = datetime(2026, 12, 14, 2, 0, tzinfo=UTC)
    state = GuardState()
    for minute in (0, 1, 2, 3):
        state = state.after_failure(t0 + timedelta(minutes=minute))
    assert not state.is_locked(t0 + timedelta(minutes=3))
    # The 5th at minute 15.5: the one at minute 0 has left the window, four remain — no lock yet.
    state = state.after_failure(t0 + timedelta(minutes=15, seconds=30))
    assert state.locked_until is None and len(state.failures) == 4
    # The next one (minute 15.75) is the 5th within 15 minutes (1, 2, 3, 15.5, 15.75): locked 15 minutes.
    at = t0 + timedelta(minutes=15, seconds=45)
    state = state.after_failure(at)
    assert state.locked_until == at + LOCK_FOR and state.failures == ()
    assert state.is_locked(at + LOCK_FOR - timedelta(seconds=1))
    assert not state.is_locked(at + LOCK_FOR)
