"""Who is acting: every service call names its actor, and checks the actor's role."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import StrEnum

from counter_app.domain.errors import Message, PermissionDenied, as_message
from counter_app.domain.event_actor import EventActor


class Role(StrEnum):
    OFFICER = "officer"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"
    AUDITOR = "auditor"


ROLE_LABELS = {
    Role.OFFICER: "Cán bộ một cửa",
    Role.SUPERVISOR: "Lãnh đạo",
    Role.ADMIN: "Quản trị",
    Role.AUDITOR: "Kiểm tra, giám sát",
}

# The counter's ladder: a supervisor may do everything an officer does; an admin everything.
# The auditor stands beside it, not on it: reads the audit and the reports (require_reader), and
# every other check (require_role) refuses them — they change nothing.
_RANK = {Role.OFFICER: 1, Role.SUPERVISOR: 2, Role.ADMIN: 3}


@dataclass(frozen=True)
class Actor:
    user_id: uuid.UUID | None
    username: str
    full_name: str
    role: Role
    office_id: uuid.UUID | None = None

    def as_event_actor(self) -> EventActor:
        return EventActor(self.user_id, self.username)


SYSTEM_ACTOR = Actor(None, "system", "Hệ thống", Role.ADMIN)


def require_role(actor: Actor, minimum: Role, what: str) -> None:
    """Raise PermissionDenied unless ``actor`` ranks at least ``minimum`` on the ladder (never an
    auditor: every change, and the counter's own work, is refused them)."""
    rank = _RANK.get(actor.role)
    if rank is None:
        raise PermissionDenied(
            "Vai trò «{role}» chỉ được xem nhật ký và báo cáo, không được {what}.",
            role=Message.label(ROLE_LABELS[actor.role]),
            what=as_message(what),
        )
    if rank < _RANK[minimum]:
        raise PermissionDenied(
            "Chỉ {role} mới được {what}.",
            role=Message.label(ROLE_LABELS[minimum], lower=True),
            what=as_message(what),
        )


def require_reader(actor: Actor, minimum: Role, what: str) -> None:
    """Reading the reports and the audit: the ladder from ``minimum`` up, and the auditor."""
    if actor.role != Role.AUDITOR:
        require_role(actor, minimum, what)
