"""What the command modules share: the exit statuses, the acting user (``--as``), the current
instant, JSON output, a decimal amount typed on the command line, and the type of the subcommand
table they register in."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from counter_app.domain.errors import ValidationError
from counter_app.services.acting_user import find_actor
from counter_app.services.actor import SYSTEM_ACTOR, Actor, Role, require_role

if TYPE_CHECKING:
    from counter_app.context import AppContext

# counter-cli's exit status: 0 done, 1 a user's mistake (one «Lỗi: …» line), 2 anything else (a line
# and the details in the log), 130 stopped with Ctrl+C.
EXIT_USER_ERROR = 1
EXIT_UNEXPECTED = 2
# The top-level subcommands of counter-cli: each command module adds its own with ``add_parsers``.
SubParsers = argparse._SubParsersAction

# Said under every one-time password printed (a new user without --password, a reset, set-up).
ONE_TIME_PASSWORD_NOTE = "(Chỉ hiện lần này. Người dùng phải đổi mật khẩu khi đăng nhập lần đầu.)"


def actor_of(ctx: AppContext, args: argparse.Namespace) -> Actor:
    """The user named by ``--as``; without it, the system administrator."""
    return find_actor(ctx.db, args.as_user) if args.as_user else SYSTEM_ACTOR


def require_admin(ctx: AppContext, args: argparse.Namespace, what: str) -> Actor:
    """The ``--as`` user, refused (naming ``what``) unless an admin."""
    actor = actor_of(ctx, args)
    require_role(actor, Role.ADMIN, what)
    return actor


def utc_now() -> datetime:
    return datetime.now(UTC)


def print_json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def decimal_amount(text: str, example: str) -> Decimal:
    """A term typed as a number ("3", "0.5"); anything else names ``example`` (e.g. "3 hoặc 0.5")."""
    try:
        amount = Decimal(text.strip())
    except InvalidOperation:
        amount = Decimal("NaN")
    if not amount.is_finite():  # "abc", "NaN", "Infinity"
        raise ValidationError(f"Thời hạn «{text}» không hợp lệ (ví dụ đúng: {example}).")
    return amount
