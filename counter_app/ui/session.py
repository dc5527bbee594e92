"""What every page needs: the database, who is logged in, and the clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from counter_app.db.database import Database
from counter_app.paths import AppPaths
from counter_app.services.actor import Actor


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class UiSession:
    db: Database
    actor: Actor
    paths: AppPaths | None = None
    # Tests replace the clock to drive dates (appointments, overdue colours) deterministically.
    clock: Callable[[], datetime] = field(default=_utc_now)
    # The office's time zone: every date shown is office-local.
    timezone: str = "Asia/Ho_Chi_Minh"

    def now(self) -> datetime:
        return self.clock()

    def local(self, instant: datetime) -> datetime:
        """The instant in the office's time zone."""
        return instant.astimezone(ZoneInfo(self.timezone))

    def local_text(self, instant: datetime | None, empty: str = "") -> str:
        """ "16 giờ 10, ngày 27/11/2026" in the office's time zone."""
        if instant is None:
            return empty
        pattern = QCoreApplication.translate("UiSession", "%H giờ %M, ngày %d/%m/%Y")  # strftime
        return instant.astimezone(ZoneInfo(self.timezone)).strftime(pattern)
