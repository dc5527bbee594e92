"""Users, an admin's work: add (one-time password or a given one), edit name and role, disable and
enable (never delete), reset the password, unlock, list; the last active admin is kept; every
change an event; a mistake says why in Vietnamese and writes nothing.

The demo database has one admin (quantri), two officers, a supervisor; their password is «demo".
Tests checking lists of bad inputs loop over them on one database (a PostgreSQL copy costs ~0.4 s).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from testdata import MONDAY_9AM, audit_of

from counter_app.db.database import Database
from counter_app.db.models import AuditRecord, Event, LoginThrottle, User
from counter_app.domain.errors import NotFoundError, PermissionDenied, UserError, ValidationError
from counter_app.services.actor import Actor, Role
from counter_app.services.integrity import verify_events
from counter_app.services.login import BAD_CREDENTIALS, login
from counter_app.services.users import (
    create_user,
    disable_user,
    edit_user,
    enable_user,
    find_actor,
    list_users,
    reset_password,
    unlock_user,
)

NOW = MONDAY_9AM
GOOD = "Hoa sen nở 2026"
NOT_LAST_ADMIN = (
    "Không thể {0} «quantri»: đây là quản trị viên cuối cùng còn hoạt động. "
    "Hãy thêm (hoặc kích hoạt lại) một quản trị viên khác trước."
)


def snapshot(db: Database) -> tuple[object, ...]:
    """Everything a refused user command must leave as it was."""
    with db.read() as session:
        users = session.execute(
            select(
                User.username,
                User.full_name,
                User.role,
                User.active,
                User.must_change_password,
                User.password_hash,
            ).order_by(User.username)
        ).all()
        events = session.execute(select(func.count()).select_from(Event)).scalar_one()
        records = session.execute(select(func.count()).select_from(AuditRecord)).scalar_one()
        throttle = session.execute(select(func.count()).select_from(LoginThrottle)).scalar_one()
    return tuple(users), events, records, throttle


def test_given_admin_when_adding_user_without_password_then_one_time_password_forces_a_change(
    db: Database, admin: Actor
) -> None:
    new = create_user(db, admin, username="NguyenVanA", full_name="  Nguyễn  Văn A ", role="officer", now=NOW)

    assert new.one_time_password is not None and len(new.one_time_password) == 14
    user = new.user
    assert (user.username, user.full_name, user.role, user.active) == (
        "nguyenvana",
        "Nguyễn Văn A",
        Role.OFFICER,
        True,
    )
    assert user.must_change_password
    result = login(db, "nguyenvana", new.one_time_password, now=NOW)
    assert result.actor.username == "nguyenvana" and result.must_change_password
    assert audit_of(db, "user_created")[-1] == (
        "user_created",
        "quantri",
        {"username": "nguyenvana", "full_name": "Nguyễn Văn A", "role": "officer", "one_time": True},
    )
    assert verify_events(db).first_broken is None


def test_given_a_chosen_password_then_policy_checked_and_still_changed_at_first_log_in(
    db: Database, admin: Actor
) -> None:
    new = create_user(
        db, admin, username="kiemtra", full_name="Đỗ Thị Hà", role=Role.AUDITOR, password=GOOD, now=NOW
    )

    assert new.one_time_password is None
    assert login(db, "kiemtra", GOOD, now=NOW).must_change_password
    assert find_actor(db, "kiemtra").role is Role.AUDITOR


def test_given_bad_inputs_when_adding_then_message_and_nothing_written(db: Database, admin: Actor) -> None:
    before = snapshot(db)
    cases: list[tuple[dict[str, object], type[UserError], str]] = [
        ({"username": "  "}, ValidationError, "Tên đăng nhập không được để trống."),
        ({"full_name": " \t "}, ValidationError, "Họ tên không được để trống."),
        ({"username": "canbo"}, ValidationError, "Tên đăng nhập «canbo» đã có."),
        ({"username": "CanBo"}, ValidationError, "Tên đăng nhập «canbo» đã có."),
        ({"username": "nguyễn"}, ValidationError, "Tên đăng nhập «nguyễn» không hợp lệ"),
        ({"username": "a b"}, ValidationError, "Tên đăng nhập «a b» không hợp lệ"),
        ({"role": "boss"}, ValidationError, "Không có vai trò «boss» (dùng: officer (cán bộ một cửa), "),
        ({"role": ""}, ValidationError, "Không có vai trò «» "),
        ({"password": "ngan"}, ValidationError, "Mật khẩu phải có ít nhất 10 ký tự."),
        ({"password": "matkhau123"}, ValidationError, "Mật khẩu này quá phổ biến"),
        ({"password": "nguyenvana"}, ValidationError, "Mật khẩu không được là tên đăng nhập"),
    ]
    for change, error, message in cases:
        args: dict[str, object] = {"username": "nguyenvana", "full_name": "Nguyễn Văn A", "role": "officer"}
        args.update(change)
        with pytest.raises(error) as info:
            create_user(db, admin, now=NOW, **args)  # type: ignore[arg-type]
        assert info.value.message.startswith(message), (change, info.value.message)
    assert snapshot(db) == before


def test_given_bad_inputs_on_every_other_command_then_message_and_nothing_written(
    db: Database, admin: Actor
) -> None:
    before = snapshot(db)
    unknown = "Không có người dùng «khongco»."
    commands: list[tuple[str, Callable[[], object], str]] = [
        ("edit unknown", lambda: edit_user(db, admin, "khongco", full_name="A", now=NOW), unknown),
        ("disable unknown", lambda: disable_user(db, admin, "khongco", now=NOW), unknown),
        ("enable unknown", lambda: enable_user(db, admin, "khongco", now=NOW), unknown),
        ("reset unknown", lambda: reset_password(db, admin, "khongco", now=NOW), unknown),
        ("unlock unknown", lambda: unlock_user(db, admin, "khongco", now=NOW), unknown),
        (
            "edit nothing",
            lambda: edit_user(db, admin, "canbo", now=NOW),
            "Không có gì để sửa: hãy cho họ tên mới hoặc vai trò mới.",
        ),
        (
            "edit empty name",
            lambda: edit_user(db, admin, "canbo", full_name="  ", now=NOW),
            "Họ tên không được để trống.",
        ),
        (
            "edit unknown role",
            lambda: edit_user(db, admin, "canbo", role="chief", now=NOW),
            "Không có vai trò «chief» (dùng: officer (cán bộ một cửa), supervisor (lãnh đạo), admin (quản trị), "
            "auditor (kiểm tra, giám sát)).",
        ),
        (
            "edit empty username",
            lambda: edit_user(db, admin, "", full_name="A", now=NOW),
            "Không có người dùng «».",
        ),
    ]
    for what, command, message in commands:
        with pytest.raises(UserError) as info:
            command()
        assert info.value.message == message, what
        if message == unknown:
            assert isinstance(info.value, NotFoundError), what
    assert snapshot(db) == before


def test_given_anyone_but_an_admin_then_every_user_command_refused_and_nothing_written(
    db: Database, officer: Actor, supervisor: Actor, admin: Actor
) -> None:
    create_user(db, admin, username="kiemtra", full_name="Đỗ Thị Hà", role="auditor", password=GOOD, now=NOW)
    auditor = find_actor(db, "kiemtra")
    before = snapshot(db)
    for actor, message in (
        (officer, "Chỉ quản trị mới được quản lý người dùng."),
        (supervisor, "Chỉ quản trị mới được quản lý người dùng."),
        (
            auditor,
            "Vai trò «Kiểm tra, giám sát» chỉ được xem nhật ký và báo cáo, không được quản lý người dùng.",
        ),
    ):
        commands: list[Callable[[], object]] = [
            lambda a=actor: create_user(db, a, username="moi", full_name="Mới", role="officer", now=NOW),
            lambda a=actor: edit_user(db, a, "canbo", role="admin", now=NOW),
            lambda a=actor: disable_user(db, a, "canbo", now=NOW),
            lambda a=actor: enable_user(db, a, "canbo", now=NOW),
            lambda a=actor: reset_password(db, a, "canbo", now=NOW),
            lambda a=actor: unlock_user(db, a, "canbo", now=NOW),
            lambda a=actor: list_users(db, a, now=NOW),
        ]
        for command in commands:
            with pytest.raises(PermissionDenied) as info:
                command()
            assert info.value.message == message, actor.username
    assert snapshot(db) == before


def test_given_last_active_admin_then_never_disabled_nor_demoted(db: Database, admin: Actor) -> None:
    before = snapshot(db)
    with pytest.raises(ValidationError) as info:
        disable_user(db, admin, "quantri", now=NOW)
    assert info.value.message == NOT_LAST_ADMIN.format("vô hiệu hóa")
    for role in ("supervisor", "officer", "auditor"):
        with pytest.raises(ValidationError) as info:
            edit_user(db, admin, "quantri", role=role, now=NOW)
        assert info.value.message == NOT_LAST_ADMIN.format("đổi vai trò của"), role
    assert snapshot(db) == before
    # The name alone may change; "admin" again is no demotion.
    assert edit_user(db, admin, "quantri", full_name="Phạm Quốc Toàn", role="admin", now=NOW).changed is False

    # A second admin: now either may go, but not both.
    create_user(db, admin, username="quantri2", full_name="Vũ Minh Đức", role="admin", password=GOOD, now=NOW)
    assert disable_user(db, admin, "quantri2", now=NOW).changed
    with pytest.raises(ValidationError):  # a disabled admin does not count
        disable_user(db, admin, "quantri", now=NOW)
    enable_user(db, admin, "quantri2", now=NOW)
    assert edit_user(db, admin, "quantri", role="supervisor", now=NOW).user.role is Role.SUPERVISOR
    with pytest.raises(ValidationError) as info:
        disable_user(db, admin, "quantri2", now=NOW)
    assert info.value.message == NOT_LAST_ADMIN.format("vô hiệu hóa").replace("«quantri»", "«quantri2»")


def test_given_user_when_edited_disabled_enabled_then_each_change_an_event_and_no_op_writes_nothing(
    db: Database, admin: Actor
) -> None:
    update = edit_user(db, admin, "canbo", full_name="Nguyễn Thị Lan Anh", role="supervisor", now=NOW)
    assert update.changed and (update.user.full_name, update.user.role) == (
        "Nguyễn Thị Lan Anh",
        Role.SUPERVISOR,
    )
    assert find_actor(db, "canbo").role is Role.SUPERVISOR

    unchanged = snapshot(db)
    assert edit_user(db, admin, "canbo", full_name="Nguyễn Thị Lan Anh", now=NOW).changed is False
    assert enable_user(db, admin, "canbo", now=NOW).changed is False
    assert snapshot(db) == unchanged

    assert disable_user(db, admin, "canbo", now=NOW).changed
    with pytest.raises(PermissionDenied) as info:  # the same sentence as a wrong password
        login(db, "canbo", "demo", now=NOW)
    assert info.value.message == BAD_CREDENTIALS
    with pytest.raises(NotFoundError):
        find_actor(db, "canbo")
    assert disable_user(db, admin, "canbo", now=NOW).changed is False
    assert enable_user(db, admin, "canbo", now=NOW).changed
    assert login(db, "canbo", "demo", now=NOW).actor.full_name == "Nguyễn Thị Lan Anh"

    kinds = ("user_changed", "user_disabled", "user_enabled")
    assert audit_of(db, *kinds) == [
        (
            "user_changed",
            "quantri",
            {
                "username": "canbo",
                "changes": {
                    "full_name": {"from": "Nguyễn Thị Lan", "to": "Nguyễn Thị Lan Anh"},
                    "role": {"from": "officer", "to": "supervisor"},
                },
            },
        ),
        ("user_disabled", "quantri", {"username": "canbo"}),
        ("user_enabled", "quantri", {"username": "canbo"}),
    ]


def test_given_reset_then_new_one_time_password_old_password_refused_and_lock_lifted(
    db: Database, admin: Actor
) -> None:
    for _ in range(5):
        with pytest.raises(PermissionDenied):
            login(db, "canbo", "sai mật khẩu", now=NOW)

    new = reset_password(db, admin, "canbo", now=NOW + timedelta(minutes=1))

    assert new.one_time_password and new.user.must_change_password
    with pytest.raises(PermissionDenied) as info:
        login(db, "canbo", "demo", now=NOW + timedelta(minutes=2))
    assert info.value.message == BAD_CREDENTIALS
    result = login(db, "canbo", new.one_time_password, now=NOW + timedelta(minutes=2))
    assert result.must_change_password
    assert audit_of(db, "password_reset") == [
        ("password_reset", "quantri", {"username": "canbo", "unlocked": True})
    ]


def test_given_users_when_listed_then_every_user_with_state_lock_and_forced_change(
    db: Database, admin: Actor
) -> None:
    create_user(db, admin, username="moi", full_name="Người Mới", role="officer", now=NOW)
    disable_user(db, admin, "canbo2", now=NOW)
    for _ in range(5):
        with pytest.raises(PermissionDenied):
            login(db, "lanhdao", "sai mật khẩu", now=NOW)

    listed = {u.username: u for u in list_users(db, admin, now=NOW + timedelta(minutes=1))}

    assert list(listed) == ["canbo", "canbo2", "lanhdao", "moi", "quantri"]
    assert not listed["canbo2"].active and listed["canbo"].active
    assert listed["moi"].must_change_password and not listed["canbo"].must_change_password
    assert listed["lanhdao"].locked_until == NOW + timedelta(minutes=15)
    assert all(listed[name].locked_until is None for name in ("canbo", "canbo2", "moi", "quantri"))
    later = {u.username: u for u in list_users(db, admin, now=NOW + timedelta(minutes=15))}
    assert later["lanhdao"].locked_until is None
