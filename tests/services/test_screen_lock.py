"""The desktop's screen lock in the event log (issue 10): a lock is an event; unlocking is a log-in of
the locked user's name — throttled and recorded as one — and then an event of its own."""

from __future__ import annotations

from datetime import timedelta

import pytest
from testdata import MONDAY_9AM, audit_of

from counter_app.db.database import Database
from counter_app.domain.errors import PermissionDenied
from counter_app.services.actor import Actor
from counter_app.services.integrity import verify_events
from counter_app.services.login import BAD_CREDENTIALS, record_screen_locked, unlock_screen
from counter_app.services.users import find_actor, reset_password

NOW = MONDAY_9AM
KINDS = ("screen_locked", "screen_unlocked", "login", "login_failed", "login_locked")


def lock_events(db: Database) -> list[tuple[str, str, dict[str, object]]]:
    return audit_of(db, *KINDS)


def test_given_a_lock_then_a_wrong_and_the_right_password_then_every_step_recorded(
    db: Database, officer: Actor
) -> None:
    record_screen_locked(db, officer, now=NOW, reason="idle")
    with pytest.raises(PermissionDenied) as info:
        unlock_screen(db, officer, "sai", now=NOW + timedelta(minutes=1))
    assert info.value.message == BAD_CREDENTIALS

    result = unlock_screen(db, officer, "demo", now=NOW + timedelta(minutes=2))

    assert result.actor == officer and not result.must_change_password
    assert lock_events(db) == [
        ("screen_locked", "canbo", {"username": "canbo", "reason": "idle"}),
        ("login_failed", "system", {"username": "canbo", "known": True, "reason": "password"}),
        ("login", "canbo", {"username": "canbo"}),
        ("screen_unlocked", "canbo", {"username": "canbo"}),
    ]
    assert verify_events(db).first_broken is None


def test_given_five_wrong_passwords_at_the_lock_screen_then_the_name_is_locked(
    db: Database, officer: Actor
) -> None:
    answers = []
    for minute in range(5):
        with pytest.raises(PermissionDenied) as info:
            unlock_screen(db, officer, "sai", now=NOW + timedelta(minutes=minute))
        answers.append(info.value.message)
    assert answers[:4] == [BAD_CREDENTIALS] * 4 and "tạm khóa đến 09:19" in answers[4]
    with pytest.raises(PermissionDenied, match="tạm khóa"):
        unlock_screen(db, officer, "demo", now=NOW + timedelta(minutes=6))
    assert [kind for kind, _a, _p in lock_events(db)].count("screen_unlocked") == 0


def test_given_a_password_reset_while_locked_then_no_unlock_recorded_until_it_is_replaced(
    db: Database, officer: Actor, admin: Actor
) -> None:
    one_time = reset_password(db, admin, "canbo", now=NOW).one_time_password
    assert one_time is not None
    result = unlock_screen(db, officer, one_time, now=NOW)
    assert result.must_change_password
    assert [kind for kind, _a, _p in lock_events(db)] == ["login"]


def test_given_two_officers_then_each_screen_opens_only_with_its_own_users_password(db: Database) -> None:
    officer, other = find_actor(db, "canbo"), find_actor(db, "canbo2")
    with pytest.raises(PermissionDenied):
        unlock_screen(db, officer, "sai", now=NOW)
    unlock_screen(db, other, "demo", now=NOW)  # canbo2's own password opens canbo2's screen only
    failed = [payload for kind, _a, payload in lock_events(db) if kind == "login_failed"]
    assert failed == [{"username": "canbo", "known": True, "reason": "password"}]
