"""Users: who may log in and with which role — an admin's work (issue 10).

Users are never deleted (events name them): an admin disables and enables them. A new user, and a
password reset, get a one-time password to be replaced at the next log-in. The last active admin
can be neither disabled nor moved to another role. Log-in itself is in services/login.py.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from counter_app.db.database import Database
from counter_app.db.models import LoginThrottle, Office, User
from counter_app.domain.errors import Message, NotFoundError, ValidationError, as_message
from counter_app.domain.login_guard import name_key
from counter_app.domain.passwords import check_password_policy, one_time_password
from counter_app.domain.usernames import USERNAME_PATTERN as USERNAME_PATTERN  # re-exported
from counter_app.domain.usernames import check_full_name, check_username

# find_actor is Core, in its own module (a short command acting as a user maps no ORM class);
# still importable from here.
from counter_app.services.acting_user import find_actor as find_actor
from counter_app.services.actor import ROLE_LABELS, Actor, Role, require_role
from counter_app.services.audit_trail import note

MANAGE = "quản lý người dùng"


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
    return f"scrypt${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    try:
        _, salt, digest = stored.split("$")
        salt_bytes = bytes.fromhex(salt)
    except ValueError:
        return False
    candidate = hashlib.scrypt(password.encode(), salt=salt_bytes, n=2**14, r=8, p=1)
    return hmac.compare_digest(candidate.hex(), digest)


@dataclass(frozen=True)
class UserInfo:
    username: str
    full_name: str
    role: Role
    active: bool
    must_change_password: bool
    locked_until: datetime | None = None  # set while log-in failures keep the account locked


@dataclass(frozen=True)
class NewPassword:
    """A user created or a password reset; ``one_time_password`` is shown once, then forgotten."""

    user: UserInfo
    one_time_password: str | None


@dataclass(frozen=True)
class UserUpdate:
    user: UserInfo
    changed: bool  # False: it already was so (nothing written)


def actor_of(user: User) -> Actor:
    return Actor(user.id, user.username, user.full_name, Role(user.role), user.office_id)


def info_of(user: User, locked_until: datetime | None = None) -> UserInfo:
    return UserInfo(
        user.username, user.full_name, Role(user.role), user.active, user.must_change_password, locked_until
    )


def parse_role(value: Role | str) -> Role:
    try:
        return Role(str(value).strip().lower())
    except ValueError:
        choices = Message.joined(
            ", ",
            (
                Message(
                    "{role} ({label})", role=role.value, label=Message.label(ROLE_LABELS[role], lower=True)
                )
                for role in Role
            ),
        )
        raise ValidationError(
            "Không có vai trò «{value}» (dùng: {choices}).", value=value, choices=choices, field="role"
        ) from None


def user_by_name(session: Session, username: str, *, for_update: bool = False) -> User | None:
    """The user of a typed name, whatever its case (None if there is none)."""
    stmt = select(User).where(func.lower(User.username) == name_key(username))
    return session.execute(stmt.with_for_update() if for_update else stmt).scalar_one_or_none()


def _existing(session: Session, username: str) -> User:
    user = user_by_name(session, username, for_update=True)
    if user is None:
        raise NotFoundError("Không có người dùng «{username}».", username=username.strip(), field="username")
    return user


def locked_until(session: Session, username: str, now: datetime) -> datetime | None:
    until = session.execute(
        select(LoginThrottle.locked_until).where(LoginThrottle.username_key == name_key(username))
    ).scalar_one_or_none()
    return until if until is not None and until > now else None


def _keep_an_admin(session: Session, user: User, what: str) -> None:
    """Refuse to leave the database without an active admin (the rows are locked: two admins
    disabling each other at once cannot both succeed)."""
    if user.role != Role.ADMIN or not user.active:
        return
    admins = session.execute(
        select(User.id).where(User.role == str(Role.ADMIN), User.active.is_(True)).with_for_update()
    ).all()
    if len(admins) <= 1:
        raise ValidationError(
            "Không thể {what} «{username}»: đây là quản trị viên cuối cùng còn hoạt động. Hãy thêm (hoặc kích hoạt lại) một quản trị viên khác trước.",
            what=as_message(what),
            username=user.username,
            field="username",
        )


def create_user(
    db: Database,
    actor: Actor,
    *,
    username: str,
    full_name: str,
    role: Role | str,
    password: str | None = None,
    office_id: object | None = None,
    now: datetime,
    must_change: bool = True,
    enforce_policy: bool = True,
) -> NewPassword:
    """A new user; without ``password`` a one-time password is generated (returned once).

    ``must_change=False, enforce_policy=False`` is for the demo's users only (password «demo»)."""
    require_role(actor, Role.ADMIN, MANAGE)
    # The checks that need no database come first: a refused input never opens a transaction.
    name, full, chosen_role = check_new_user(username, full_name, role, password, enforce_policy)
    with db.write() as session:
        return create_user_in(
            session,
            db,
            actor,
            username=name,
            full_name=full,
            role=chosen_role,
            password=password,
            office_id=office_id,
            now=now,
            must_change=must_change,
            enforce_policy=enforce_policy,
        )


def check_new_user(
    username: str, full_name: str, role: Role | str, password: str | None, enforce_policy: bool = True
) -> tuple[str, str, Role]:
    """The username, full name and role as stored, after every check that needs no database
    (a chosen password against the policy)."""
    name, full, chosen_role = check_username(username), check_full_name(full_name), parse_role(role)
    if enforce_policy and password is not None:
        check_password_policy(password, name)
    return name, full, chosen_role


def create_user_in(
    session: Session,
    db: Database,
    actor: Actor,
    *,
    username: str,
    full_name: str,
    role: Role | str,
    password: str | None = None,
    office_id: object | None = None,
    now: datetime,
    must_change: bool = True,
    enforce_policy: bool = True,
) -> NewPassword:
    """create_user inside the caller's transaction (checks, the row and its audit record; no commit)."""
    require_role(actor, Role.ADMIN, MANAGE)
    name, full, chosen_role = check_new_user(username, full_name, role, password, enforce_policy)
    generated = one_time_password() if password is None else None
    secret = generated or password or ""
    if user_by_name(session, name) is not None:
        raise ValidationError("Tên đăng nhập «{name}» đã có.", name=name, field="username")
    if office_id is None:
        office_id = session.execute(
            select(Office.id).order_by(Office.identifier_code).limit(1)
        ).scalar_one_or_none()
    user = User(
        username=name,
        full_name=full,
        role=str(chosen_role),
        office_id=office_id,
        password_hash=hash_password(secret),
        active=True,
        must_change_password=must_change,
    )
    session.add(user)
    session.flush()
    payload = {"username": name, "full_name": full, "role": str(chosen_role), "one_time": must_change}
    note(session, db, actor, "user_created", now, subject=name, details=payload)
    return NewPassword(info_of(user), generated)


def edit_user(
    db: Database,
    actor: Actor,
    username: str,
    *,
    full_name: str | None = None,
    role: Role | str | None = None,
    now: datetime,
) -> UserUpdate:
    """A new full name and/or role (the last active admin keeps the admin role)."""
    require_role(actor, Role.ADMIN, MANAGE)
    _check_edit(full_name, role)
    with db.write() as session:
        return edit_user_in(session, db, actor, username, full_name=full_name, role=role, now=now)


def _check_edit(full_name: str | None, role: Role | str | None) -> tuple[str | None, Role | None]:
    if full_name is None and role is None:
        raise ValidationError("Không có gì để sửa: hãy cho họ tên mới hoặc vai trò mới.", field="full_name")
    full = check_full_name(full_name) if full_name is not None else None
    return full, parse_role(role) if role is not None else None


def edit_user_in(
    session: Session,
    db: Database,
    actor: Actor,
    username: str,
    *,
    full_name: str | None = None,
    role: Role | str | None = None,
    now: datetime,
) -> UserUpdate:
    """edit_user inside the caller's transaction; the audit record only when something changed."""
    require_role(actor, Role.ADMIN, MANAGE)
    full, chosen_role = _check_edit(full_name, role)
    user = _existing(session, username)
    changes: dict[str, object] = {}
    if full is not None and full != user.full_name:
        changes["full_name"] = {"from": user.full_name, "to": full}
    if chosen_role is not None and str(chosen_role) != user.role:
        if chosen_role != Role.ADMIN:
            _keep_an_admin(session, user, "đổi vai trò của")
        changes["role"] = {"from": user.role, "to": str(chosen_role)}
    if changes:
        user.full_name = full if full is not None else user.full_name
        user.role = str(chosen_role) if chosen_role is not None else user.role
        payload = {"username": user.username, "changes": changes}
        note(session, db, actor, "user_changed", now, subject=user.username, details=payload)
    return UserUpdate(info_of(user, locked_until(session, user.username, now)), bool(changes))


def set_active(db: Database, actor: Actor, username: str, active: bool, *, now: datetime) -> UserUpdate:
    """Disable (``active=False``) or enable a user; never a deletion."""
    require_role(actor, Role.ADMIN, MANAGE)
    with db.write() as session:
        return set_active_in(session, db, actor, username, active, now=now)


def set_active_in(
    session: Session, db: Database, actor: Actor, username: str, active: bool, *, now: datetime
) -> UserUpdate:
    """set_active inside the caller's transaction; the audit record only when the state changed."""
    require_role(actor, Role.ADMIN, MANAGE)
    user = _existing(session, username)
    changed = user.active != active
    if changed:
        if not active:
            _keep_an_admin(session, user, "vô hiệu hóa")
        user.active = active
        kind = "user_enabled" if active else "user_disabled"
        note(session, db, actor, kind, now, subject=user.username, details={"username": user.username})
    return UserUpdate(info_of(user, locked_until(session, user.username, now)), changed)


def disable_user(db: Database, actor: Actor, username: str, *, now: datetime) -> UserUpdate:
    return set_active(db, actor, username, False, now=now)


def enable_user(db: Database, actor: Actor, username: str, *, now: datetime) -> UserUpdate:
    return set_active(db, actor, username, True, now=now)


def reset_password(db: Database, actor: Actor, username: str, *, now: datetime) -> NewPassword:
    """A new one-time password (to change at the next log-in); a lock on the account goes with it."""
    require_role(actor, Role.ADMIN, MANAGE)
    generated = one_time_password()
    with db.write() as session:
        user = _existing(session, username)
        was_locked = locked_until(session, user.username, now) is not None
        session.execute(delete(LoginThrottle).where(LoginThrottle.username_key == name_key(user.username)))
        user.password_hash = hash_password(generated)
        user.must_change_password = True
        payload = {"username": user.username, "unlocked": was_locked}
        note(session, db, actor, "password_reset", now, subject=user.username, details=payload)
        return NewPassword(info_of(user), generated)


def unlock_user(db: Database, actor: Actor, username: str, *, now: datetime) -> UserUpdate:
    """Lift the lock log-in failures put on an account (and forget those failures)."""
    require_role(actor, Role.ADMIN, MANAGE)
    with db.write() as session:
        user = _existing(session, username)
        key = name_key(user.username)
        was_locked = locked_until(session, user.username, now) is not None
        session.execute(delete(LoginThrottle).where(LoginThrottle.username_key == key))
        if was_locked:
            note(
                session,
                db,
                actor,
                "user_unlocked",
                now,
                subject=user.username,
                details={"username": user.username},
            )
        return UserUpdate(info_of(user), was_locked)


def list_users(db: Database, actor: Actor, *, now: datetime) -> list[UserInfo]:
    """Every user, disabled ones included, by username."""
    require_role(actor, Role.ADMIN, MANAGE)
    with db.read() as session:
        locks = dict(
            session.execute(
                select(LoginThrottle.username_key, LoginThrottle.locked_until).where(
                    LoginThrottle.locked_until > now
                )
            ).all()
        )
        users = session.execute(select(User).order_by(User.username)).scalars()
        return [info_of(user, locks.get(name_key(user.username))) for user in users]
