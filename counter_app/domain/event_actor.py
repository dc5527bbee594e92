"""Who an event names: the user (None for the system) and the name written in the event.

Kept apart from db/event_log.py, which needs SQLAlchemy, so that services/actor.py — and the set-up
wizard and log-in that import it — load before the database stack (issue 11).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass


@dataclass(frozen=True)
class EventActor:
    user_id: uuid.UUID | None
    username: str
