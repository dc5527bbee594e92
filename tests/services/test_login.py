"""Log-in on a PC facing the public: 5 failures within 15 minutes lock the name for 15 minutes; an
unknown name is answered, timed and locked exactly as a real one; an admin (or the machine's command
line, tests/cli/test_user_cli.py) unlocks; every log-in, failure and lock is an event. A one-time
password forces a new password, chosen under the policy; anyone changes their own password.

Time is the injected clock (``now=``): nothing sleeps.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select
from testdata import MONDAY_9AM, audit_of

from counter_app.db.database import Database
from counter_app.db.models import LoginThrottle, User
from counter_app.domain.errors import PermissionDenied, UserError, ValidationError
from counter_app.services import login as login_module
from counter_app.services.actor import SYSTEM_ACTOR, Actor
from counter_app.services.integrity import verify_events
from counter_app.services.login import BAD_CREDENTIALS, change_password, login
from counter_app.services.users import create_user, unlock_user

NOW = MONDAY_9AM  # 09:00 in the office: a lock from now runs to 09:15
LOCKED = (
    "Đăng nhập sai 5 lần trong 15 phút: tài khoản tạm khóa đến 09:15. "
    "Hãy thử lại sau, hoặc nhờ quản trị viên mở khóa."
)
GOOD = "Hoa sen nở 2026"
COMMON = "Mật khẩu này quá phổ biến, dễ bị đoán ra; hãy chọn mật khẩu khác."


def fail(db: Database, username: str, password: str, minutes: float) -> str:
    with pytest.raises(PermissionDenied) as info:
        login(db, username, password, now=NOW + timedelta(minutes=minutes))
    return info.value.message


def login_events(db: Database) -> list[tuple[str, str, dict[str, object]]]:
    return audit_of(db, "login", "login_failed", "login_locked", "user_unlocked")


def user_count(db: Database) -> int:
    with db.read() as session:
        return session.execute(select(func.count()).select_from(User)).scalar_one()


def test_given_five_failures_in_15_minutes_then_locked_15_minutes_even_with_the_right_password(
    db: Database,
) -> None:
    answers = [fail(db, "canbo", "sai mật khẩu", minute) for minute in (-9, -6, -3, -1)]
    assert answers == [BAD_CREDENTIALS] * 4
    assert fail(db, "canbo", "sai nữa", 0) == LOCKED  # the 5th within 15 minutes

    assert fail(db, "canbo", "demo", 1) == LOCKED  # the right password does not get through a lock
    assert fail(db, "CanBo", "demo", 14.99) == LOCKED  # the name counts whatever its case
    result = login(db, "canbo", "demo", now=NOW + timedelta(minutes=15))  # released, no sleep
    assert result.actor.username == "canbo" and not result.must_change_password

    failed = {"username": "canbo", "known": True, "reason": "password"}
    assert login_events(db) == [
        *[("login_failed", "system", failed)] * 5,
        (
            "login_locked",
            "system",
            {"username": "canbo", "known": True, "until": "2026-11-23T02:15:00+00:00"},
        ),
        *[("login_failed", "system", {**failed, "reason": "locked"})] * 2,
        ("login", "canbo", {"username": "canbo"}),
    ]
    with db.read() as session:  # a success forgets the name's failures
        assert session.execute(select(func.count()).select_from(LoginThrottle)).scalar_one() == 0
    assert verify_events(db).first_broken is None


def test_given_failures_spread_over_more_than_15_minutes_or_a_success_between_then_no_lock(
    db: Database,
) -> None:
    for minute in (0, 5, 10, 14):
        fail(db, "lanhdao", "sai", minute)
    assert fail(db, "lanhdao", "sai", 15) == BAD_CREDENTIALS  # the one at minute 0 has left the window
    assert fail(db, "lanhdao", "sai", 19.9) == LOCKED.replace("09:15", "09:34")  # 5, 10, 14, 15, 19.9

    for minute in (40, 41, 42, 43):
        fail(db, "canbo", "sai", minute)
    login(db, "canbo", "demo", now=NOW + timedelta(minutes=44))
    assert fail(db, "canbo", "sai", 45) == BAD_CREDENTIALS  # counting starts again after a success


def test_given_unknown_name_then_same_answers_same_work_same_lock_and_no_user_made(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    hashed: list[str] = []
    real = login_module.check_password
    monkeypatch.setattr(
        login_module, "check_password", lambda pw, stored: hashed.append(stored) or real(pw, stored)
    )
    users = user_count(db)

    known = [fail(db, "canbo", "sai", m) for m in range(5)] + [fail(db, "canbo", "demo", 6)]
    unknown = [fail(db, "khongco", "sai", m) for m in range(5)] + [fail(db, "khongco", "demo", 6)]

    assert unknown == known == [BAD_CREDENTIALS] * 4 + [LOCKED.replace("09:15", "09:19")] * 2
    # One scrypt per attempt, for the unknown name as for the real one (a dummy hash), locked or not.
    assert len(hashed) == 12 and all(stored.startswith("scrypt$") for stored in hashed)
    assert user_count(db) == users
    unknown_events = [e for e in login_events(db) if e[2]["username"] == "khongco"]
    assert [kind for kind, _, _ in unknown_events] == ["login_failed"] * 5 + ["login_locked", "login_failed"]
    assert all(payload["known"] is False for _, _, payload in unknown_events)
    assert login(db, "canbo", "demo", now=NOW + timedelta(minutes=19)).actor.username == "canbo"
    assert fail(db, "khongco", "demo", 19) == BAD_CREDENTIALS  # released too, and still nobody


def test_given_locked_account_when_admin_unlocks_then_log_in_at_once_and_unlock_recorded(
    db: Database, admin: Actor
) -> None:
    for minute in range(5):
        fail(db, "canbo", "sai", minute)

    update = unlock_user(db, admin, "canbo", now=NOW + timedelta(minutes=5))

    assert update.changed
    assert login(db, "canbo", "demo", now=NOW + timedelta(minutes=5)).actor.username == "canbo"
    assert login_events(db)[-2] == ("user_unlocked", "quantri", {"username": "canbo"})
    assert unlock_user(db, admin, "canbo", now=NOW + timedelta(minutes=6)).changed is False  # not locked


def test_given_one_time_password_when_changed_then_old_one_refused_and_no_more_forced_change(
    db: Database, admin: Actor
) -> None:
    one_time = create_user(
        db, admin, username="nguyenvana", full_name="Nguyễn Văn A", role="officer", now=NOW
    )
    otp = one_time.one_time_password
    assert otp is not None
    first = login(db, "nguyenvana", otp, now=NOW)
    assert first.must_change_password

    change_password(db, first.actor, otp, GOOD, GOOD, now=NOW + timedelta(minutes=1))

    with pytest.raises(PermissionDenied) as info:
        login(db, "nguyenvana", otp, now=NOW + timedelta(minutes=2))
    assert info.value.message == BAD_CREDENTIALS
    again = login(db, "nguyenvana", GOOD, now=NOW + timedelta(minutes=2))
    assert not again.must_change_password
    assert audit_of(db, "password_changed") == [
        ("password_changed", "nguyenvana", {"username": "nguyenvana", "forced": True})
    ]


def test_given_demo_users_then_they_log_in_with_demo_and_are_never_forced_to_change(db: Database) -> None:
    for name in ("canbo", "canbo2", "lanhdao", "quantri"):
        result = login(db, name, "demo", now=NOW)
        assert (result.actor.username, result.must_change_password) == (name, False)


def test_given_bad_new_passwords_when_changing_then_each_refusal_says_why_and_nothing_changes(
    db: Database, officer: Actor
) -> None:
    def stored() -> tuple[str, bool]:
        with db.read() as session:
            user = session.execute(select(User).where(User.username == "canbo")).scalar_one()
            return user.password_hash, user.must_change_password

    before = stored()
    cases: list[tuple[str, str, str, str]] = [
        ("demo", GOOD, GOOD + "!", "Hai lần nhập mật khẩu mới không giống nhau."),
        ("demo", "ngắn quá", "ngắn quá", "Mật khẩu phải có ít nhất 10 ký tự."),
        ("demo", "123456789a", "123456789a", COMMON),
        ("demo", "Password123", "Password123", COMMON),
        ("demo", "matkhau123", "matkhau123", COMMON),
        ("sai mật khẩu", GOOD, GOOD, "Mật khẩu hiện tại không đúng."),
        (GOOD, GOOD, GOOD, "Mật khẩu mới phải khác mật khẩu hiện tại."),
    ]
    for current, new, repeated, message in cases:
        with pytest.raises(ValidationError) as info:
            change_password(db, officer, current, new, repeated, now=NOW)
        assert info.value.message == message, new
    assert stored() == before
    # The username itself, whatever the case, or reversed (a name of 10 letters for the rule to apply).
    renamed = Actor(officer.user_id, "nguyenvana", officer.full_name, officer.role, officer.office_id)
    for new in ("NguyenVanA", "anavneyugn"):
        with pytest.raises(ValidationError) as info:
            change_password(db, renamed, "demo", new, new, now=NOW)
        assert (
            info.value.message == "Mật khẩu không được là tên đăng nhập (kể cả viết hoa hay viết ngược)."
        ), new
    assert stored() == before

    # A wrong current password counts as a log-in failure (one above): the 5th locks the account.
    for minute in (1, 2, 3):
        with pytest.raises(ValidationError):
            change_password(db, officer, "sai", GOOD, GOOD, now=NOW + timedelta(minutes=minute))
    with pytest.raises(PermissionDenied) as locked:
        change_password(db, officer, "sai", GOOD, GOOD, now=NOW + timedelta(minutes=4))
    assert locked.value.message == LOCKED.replace("09:15", "09:19")
    with pytest.raises(PermissionDenied) as locked:
        login(db, "canbo", "demo", now=NOW + timedelta(minutes=5))
    assert locked.value.message == LOCKED.replace("09:15", "09:19")
    with pytest.raises(PermissionDenied) as locked:  # while locked, no change either
        change_password(db, officer, "demo", GOOD, GOOD, now=NOW + timedelta(minutes=6))
    assert locked.value.message == LOCKED.replace("09:15", "09:19")
    assert stored() == before

    with pytest.raises(UserError) as info:
        change_password(db, SYSTEM_ACTOR, "x", GOOD, GOOD, now=NOW)
    assert info.value.message == "Người dùng hệ thống không có mật khẩu để đổi."


def test_given_own_password_changed_then_the_new_one_logs_in_and_the_old_one_not(
    db: Database, supervisor: Actor
) -> None:
    change_password(db, supervisor, "demo", GOOD, GOOD, now=NOW)

    assert login(db, "lanhdao", GOOD, now=NOW).actor.username == "lanhdao"
    assert fail(db, "lanhdao", "demo", 1) == BAD_CREDENTIALS
