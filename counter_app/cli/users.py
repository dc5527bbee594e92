"""counter-cli user …: the users of the office, through the same services as the desktop.

    user add USERNAME --name "Họ tên" --role officer|supervisor|admin|auditor [--password P]
    user edit USERNAME [--name "Họ tên"] [--role ROLE]
    user disable USERNAME | enable USERNAME
    user reset-password USERNAME
    user unlock USERNAME
    user list

Admins only: ``--as USER`` must be an admin (the default actor is the system administrator, so
``user unlock`` from the machine's command line works even when every admin is locked out). A new
user without ``--password``, and every reset, get a one-time password printed once; either way the
user chooses a new password at the first log-in. Users are never deleted (events name them).
A mistake (empty name, taken username, unknown role or user, refused password, the last active admin)
prints one «Lỗi: …» line, exits 1 and writes nothing.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from counter_app.cli.common import ONE_TIME_PASSWORD_NOTE, SubParsers, actor_of, utc_now
from counter_app.context import AppContext
from counter_app.services.actor import ROLE_LABELS, Role

if TYPE_CHECKING:
    from counter_app.services import users


def _label(role: Role) -> str:
    return f"{role.value} ({ROLE_LABELS[role]})"


def _one_time(new: users.NewPassword) -> None:
    if new.one_time_password is not None:
        print(f"Mật khẩu dùng một lần: {new.one_time_password}")
        print(ONE_TIME_PASSWORD_NOTE)


def cmd_user_add(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import users

    new = users.create_user(
        ctx.db,
        actor_of(ctx, args),
        username=args.username,
        full_name=args.name,
        role=args.role,
        password=args.password,
        now=utc_now(),
    )
    print(f"Đã tạo người dùng «{new.user.username}» — {new.user.full_name}, {_label(new.user.role)}.")
    _one_time(new)
    if new.one_time_password is None:
        print("Người dùng phải đổi mật khẩu này khi đăng nhập lần đầu.")


def cmd_user_edit(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import users

    update = users.edit_user(
        ctx.db, actor_of(ctx, args), args.username, full_name=args.name, role=args.role, now=utc_now()
    )
    user = update.user
    state = "Đã sửa" if update.changed else "Không có gì thay đổi"
    print(f"{state}: «{user.username}» — {user.full_name}, {_label(user.role)}.")


def cmd_user_disable(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import users

    update = users.disable_user(ctx.db, actor_of(ctx, args), args.username, now=utc_now())
    done = "Đã vô hiệu hóa" if update.changed else "Đã bị vô hiệu hóa từ trước"
    print(f"{done}: «{update.user.username}» (không đăng nhập được nữa; lịch sử vẫn giữ nguyên).")


def cmd_user_enable(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import users

    update = users.enable_user(ctx.db, actor_of(ctx, args), args.username, now=utc_now())
    done = "Đã kích hoạt lại" if update.changed else "Vẫn đang hoạt động"
    print(f"{done}: «{update.user.username}».")


def cmd_user_reset_password(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import users

    new = users.reset_password(ctx.db, actor_of(ctx, args), args.username, now=utc_now())
    print(f"Đã đặt lại mật khẩu của «{new.user.username}».")
    _one_time(new)


def cmd_user_unlock(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import users

    update = users.unlock_user(ctx.db, actor_of(ctx, args), args.username, now=utc_now())
    if update.changed:
        print(f"Đã mở khóa «{update.user.username}»: có thể đăng nhập lại ngay.")
    else:
        print(f"«{update.user.username}» không bị khóa.")


def cmd_user_list(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import users

    now = utc_now()
    for user in users.list_users(ctx.db, actor_of(ctx, args), now=now):
        state = ["hoạt động" if user.active else "đã vô hiệu hóa"]
        if user.locked_until is not None:
            state.append(f"tạm khóa đến {user.locked_until.astimezone():%H:%M %d/%m/%Y}")
        if user.must_change_password:
            state.append("phải đổi mật khẩu")
        print(f"{user.username}\t{user.full_name}\t{_label(user.role)}\t{', '.join(state)}")


def add_parsers(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    """Register «user …» under ``sub`` (the top-level subcommands of counter-cli)."""
    group = sub.add_parser("user", parents=[common], help="người dùng (quản trị)").add_subparsers(
        dest="user_command", required=True
    )
    roles = ", ".join(role.value for role in Role)
    p = group.add_parser("add", parents=[common], help="thêm người dùng")
    p.add_argument("username", help="tên đăng nhập (chữ thường không dấu, số, . _ -)")
    p.add_argument("--name", required=True, help="họ tên")
    p.add_argument("--role", required=True, help=f"vai trò: {roles}")
    p.add_argument("--password", help="mật khẩu ban đầu (mặc định: tạo mật khẩu dùng một lần)")
    p.set_defaults(func=cmd_user_add)
    p = group.add_parser("edit", parents=[common], help="sửa họ tên, vai trò")
    p.add_argument("username")
    p.add_argument("--name", help="họ tên mới")
    p.add_argument("--role", help=f"vai trò mới: {roles}")
    p.set_defaults(func=cmd_user_edit)
    for name, func, help_text in (
        ("disable", cmd_user_disable, "vô hiệu hóa (không xóa)"),
        ("enable", cmd_user_enable, "kích hoạt lại"),
        ("reset-password", cmd_user_reset_password, "đặt lại mật khẩu (mật khẩu dùng một lần)"),
        ("unlock", cmd_user_unlock, "mở khóa sau nhiều lần đăng nhập sai"),
    ):
        p = group.add_parser(name, parents=[common], help=help_text)
        p.add_argument("username")
        p.set_defaults(func=func)
    p = group.add_parser("list", parents=[common], help="danh sách người dùng")
    p.set_defaults(func=cmd_user_list)
