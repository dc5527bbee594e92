"""The actor a command acts as (``counter-cli … --as USER``), read with one Core statement: a short
command acting as a named user (``lookup CODE --as officer``) imports no ORM (docs/performance.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from counter_app.db.tables import users
from counter_app.domain.errors import NotFoundError
from counter_app.services.actor import Actor, Role

if TYPE_CHECKING:
    from counter_app.db.database import Database

_BY_NAME = select(
    users.c.id, users.c.username, users.c.full_name, users.c.role, users.c.office_id, users.c.active
)


def find_actor(db: Database, username: str) -> Actor:
    """The actor for a username, without a password (NotFoundError for none, or a disabled one)."""
    with db.connect() as conn:
        user = conn.execute(_BY_NAME.where(users.c.username == username)).first()
    if user is None or not user.active:
        raise NotFoundError("Không có người dùng «{username}».", username=username)
    return Actor(user.id, user.username, user.full_name, Role(user.role), user.office_id)
