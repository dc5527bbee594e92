"""The time zone of an office that has not said otherwise (Vietnam has one), and its midnights."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

DEFAULT_TZ = "Asia/Ho_Chi_Minh"


def local_midnight(day: date, tz: str) -> datetime:
    """00:00 office-local of ``day``, as a UTC instant."""
    return datetime.combine(day, time(0), tzinfo=ZoneInfo(tz)).astimezone(UTC)
