"""Log-in on a PC that faces the public, and everyone's own password change (issue 10).

Throttling is per typed name (folded), kept in the database table ``login_throttle`` rather than in
the memory of one process: closing and restarting the desktop, or trying another counter on the
same PostgreSQL server, must not reset the count; and since the row is keyed by the name typed
whether or not an account has it, an unknown name is counted, locked and answered exactly as a
real one — without a user being made for it. Every attempt costs one scrypt (a dummy hash for an
unknown name), so the time taken tells nothing either. Every log-in, failure and lock is a record
of the audit trail (services/audit_trail.py: chained, append-only, never sent to the province),
written in the same transaction as the throttle row; an admin's unlock is recorded by
services/users.py. The desktop's screen lock (idle or Khóa máy) is recorded too, and unlocking it
is a log-in of the locked user's name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from counter_app.db.database import Database
from counter_app.db.models import LoginThrottle, Office, User
from counter_app.db.upsert import insert_for
from counter_app.domain.errors import Message, PermissionDenied, UserError, ValidationError
from counter_app.domain.login_guard import WINDOW, GuardState, lock_message, name_key
from counter_app.domain.passwords import check_password_policy
from counter_app.services.actor import SYSTEM_ACTOR, Actor
from counter_app.services.audit_trail import note
from counter_app.services.event_log import DEFAULT_TZ
from counter_app.services.users import actor_of, check_password, hash_password, user_by_name

BAD_CREDENTIALS = "Tên đăng nhập hoặc mật khẩu không đúng."
WRONG_CURRENT = "Mật khẩu hiện tại không đúng."
SAME_AS_CURRENT = "Mật khẩu mới phải khác mật khẩu hiện tại."


@dataclass(frozen=True)
class LoginResult:
    actor: Actor
    # A one-time password was used: the new password is chosen before anything else is done.
    must_change_password: bool


# Checked against when there is no account: the same scrypt as a real hash (no password matches
# an all-zero digest), nothing to compute beforehand, so even the first unknown name takes as long.
_DUMMY_HASH = f"scrypt${'00' * 16}${'00' * 64}"


def _verify(password: str, stored: str | None) -> bool:
    """One scrypt whatever happens (a dummy hash when there is no account)."""
    matches = check_password(password, stored if stored else _DUMMY_HASH)
    return matches and bool(stored)


def _timezone(session: Session) -> ZoneInfo:
    tz = session.execute(select(Office.timezone).order_by(Office.identifier_code).limit(1)).scalar()
    return ZoneInfo(tz or DEFAULT_TZ)


def _guard_row(session: Session, key: str, now: datetime) -> LoginThrottle:
    """The name's row, made if missing, locked for this transaction (two counters failing at once
    on PostgreSQL count two failures)."""
    insert = insert_for(session.get_bind().dialect.name)
    session.execute(
        insert(LoginThrottle)
        .values(username_key=key, failures=[], last_failure_at=now, locked_until=None)
        .on_conflict_do_nothing(index_elements=["username_key"])
    )
    stmt = select(LoginThrottle).where(LoginThrottle.username_key == key).with_for_update()
    return session.execute(stmt).scalar_one()


def _state(row: LoginThrottle) -> GuardState:
    return GuardState(tuple(datetime.fromisoformat(t) for t in row.failures), row.locked_until)


def _count_failure(
    session: Session, db: Database, row: LoginThrottle, user: User | None, reason: str, now: datetime
) -> Message:
    """Count a failure of the row's name; the sentence to answer (a lock's at the 5th)."""
    key = row.username_key
    state = _state(row).after_failure(now)
    row.failures = [t.astimezone(UTC).isoformat() for t in state.failures]
    row.locked_until, row.last_failure_at = state.locked_until, now
    payload = {"username": key, "known": user is not None, "reason": reason}
    note(session, db, SYSTEM_ACTOR, "login_failed", now, subject=key, details=payload)
    # Names whose failures are all past the window and not locked any more are forgotten.
    session.execute(
        delete(LoginThrottle).where(
            LoginThrottle.last_failure_at < now - WINDOW,
            or_(LoginThrottle.locked_until.is_(None), LoginThrottle.locked_until <= now),
        )
    )
    if state.locked_until is None:
        return Message(BAD_CREDENTIALS)
    until = {
        "username": key,
        "known": user is not None,
        "until": state.locked_until.astimezone(UTC).isoformat(),
    }
    note(session, db, SYSTEM_ACTOR, "login_locked", now, subject=key, details=until)
    return lock_message(state.locked_until, _timezone(session))


def login(db: Database, username: str, password: str, *, now: datetime) -> LoginResult:
    """Check the credentials; the returned actor names the user in every later call.

    A wrong password, an unknown name and a disabled account all get the same sentence; the 5th
    failure within 15 minutes locks the name for 15 minutes (known or not), and while it is locked
    no password is accepted."""
    key = name_key(username)
    with db.read() as session:
        user = user_by_name(session, key)
        stored = user.password_hash if user is not None else None
    matches = _verify(password, stored)  # outside the write transaction: scrypt takes a while
    with db.write() as session:
        row = _guard_row(session, key, now)
        user = user_by_name(session, key)
        state = _state(row)
        result: LoginResult | None = None
        if state.locked_until is not None and state.is_locked(now):
            payload = {"username": key, "known": user is not None, "reason": "locked"}
            note(session, db, SYSTEM_ACTOR, "login_failed", now, subject=key, details=payload)
            error = lock_message(state.locked_until, _timezone(session))
        elif matches and user is not None and user.active and user.password_hash == stored:
            session.delete(row)
            actor = actor_of(user)
            note(session, db, actor, "login", now, subject=user.username, details={"username": user.username})
            result = LoginResult(actor, user.must_change_password)
        else:
            reason = "unknown" if user is None else ("disabled" if not user.active else "password")
            error = _count_failure(session, db, row, user, reason, now)
    if result is None:
        raise PermissionDenied(error)  # i18n: Message(BAD_CREDENTIALS) or lock_message's Message
    return result


def change_password(
    db: Database, actor: Actor, current: str, new: str, repeated: str | None = None, *, now: datetime
) -> None:
    """The actor's own new password (also the change a one-time password forces at log-in).

    The policy and the second typing are checked first (nothing written); a wrong current password
    counts as a log-in failure of the account."""
    if actor.user_id is None:
        raise UserError("Người dùng hệ thống không có mật khẩu để đổi.")
    check_password_policy(new, actor.username, repeated)
    if new == current:
        raise ValidationError(SAME_AS_CURRENT, field="password")
    with db.read() as session:
        user = session.get(User, actor.user_id)
        stored = user.password_hash if user is not None and user.active else None
    matches = _verify(current, stored)
    new_hash = hash_password(new) if matches else ""
    with db.write() as session:
        row = _guard_row(session, name_key(actor.username), now)
        user = session.get(User, actor.user_id, with_for_update=True)
        state = _state(row)
        error: UserError | None = None
        if state.locked_until is not None and state.is_locked(now):
            error = PermissionDenied(lock_message(state.locked_until, _timezone(session)))  # i18n: a Message
        elif not matches or user is None or user.password_hash != stored:
            message = _count_failure(session, db, row, user, "current_password", now)
            locked = message.template != BAD_CREDENTIALS  # this failure was the 5th
            error = (
                PermissionDenied(message) if locked else ValidationError(WRONG_CURRENT, field="current")
            )  # i18n: a Message
        else:
            session.delete(row)
            forced = user.must_change_password
            user.password_hash, user.must_change_password = new_hash, False
            payload = {"username": user.username, "forced": forced}
            note(session, db, actor, "password_changed", now, subject=user.username, details=payload)
    if error is not None:
        raise error


def record_screen_locked(db: Database, actor: Actor, *, now: datetime, reason: str) -> None:
    """The desktop covered itself for ``actor`` (``reason``: "idle" after the set minutes without
    input, "manual" for Khóa máy): an audit record, as every log-in is."""
    with db.write() as session:
        payload = {"username": actor.username, "reason": reason}
        note(session, db, actor, "screen_locked", now, subject=actor.username, details=payload)


def unlock_screen(db: Database, actor: Actor, password: str, *, now: datetime) -> LoginResult:
    """The locked user's password again: a log-in of that name — throttled, answered and recorded
    exactly as one (a wrong password counts toward the lock) — then the unlock's record.

    The result's actor is the account as it is now (its role or name may have changed meanwhile).
    ``must_change_password`` says an admin reset its password while the screen was locked: then no
    unlock is recorded yet — the screen opens once the new password is chosen, which is recorded
    (``password_changed``, forced)."""
    if actor.user_id is None:
        raise UserError("Người dùng hệ thống không có mật khẩu để mở khóa.")
    result = login(db, actor.username, password, now=now)
    if result.actor.user_id != actor.user_id:  # usernames are never reused; checked all the same
        raise PermissionDenied(BAD_CREDENTIALS)
    if result.must_change_password:
        return result
    with db.write() as session:
        payload = {"username": result.actor.username}
        note(
            session, db, result.actor, "screen_unlocked", now, subject=result.actor.username, details=payload
        )
    return result
