"""The time zone of an office that has not said otherwise (Vietnam has one)."""

from __future__ import annotations

DEFAULT_TZ = "Asia/Ho_Chi_Minh"
