"""Log-in throttling: 5 failures within 15 minutes lock the name for 15 minutes.

The rule knows nothing of users: it applies to the name typed (folded), whether an account has that
name or not, so an unknown name is answered exactly as a real one (issue 10).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from counter_app.domain.errors import Message

MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)
LOCK_FOR = timedelta(minutes=15)
KEY_LENGTH = 60  # users.username holds 60 characters: a longer name is no account's


def name_key(username: str) -> str:
    """The name a log-in is counted under: trimmed, case-folded, at most 60 characters."""
    return username.strip().casefold()[:KEY_LENGTH]


@dataclass(frozen=True)
class GuardState:
    """The failures of the last ``WINDOW`` (oldest first) and the lock they caused, if any."""

    failures: tuple[datetime, ...] = ()
    locked_until: datetime | None = None

    def is_locked(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until

    def after_failure(self, now: datetime) -> GuardState:
        """The state once a failure at ``now`` is counted (the 5th within the window locks)."""
        recent = (*(t for t in self.failures if now - t < WINDOW), now)
        if len(recent) >= MAX_FAILURES:
            return GuardState((), now + LOCK_FOR)
        return GuardState(recent, None)


def lock_message(until: datetime, tz: tzinfo) -> Message:
    """What the log-in answers while a name is locked (the same for every name, known or not)."""
    return Message(
        "Đăng nhập sai {failures} lần trong {minutes} phút: tài khoản tạm khóa đến {until:%H:%M}. "
        "Hãy thử lại sau, hoặc nhờ quản trị viên mở khóa.",
        failures=MAX_FAILURES,
        minutes=int(WINDOW.total_seconds() // 60),
        until=until.astimezone(tz),
    )
