"""Dates and instants typed on the command line: the formats an officer uses, the years the app serves."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from counter_app.domain.errors import ValidationError

# The years a counter's data can be about; far dates are typing mistakes (and overflow the calendar).
FIRST_YEAR, LAST_YEAR = 2000, 2099


def _in_range(value: date, text: str) -> None:
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValidationError(f"«{text.strip()}»: năm phải trong khoảng {FIRST_YEAR}–{LAST_YEAR}.")


def parse_date(text: str, what: str) -> date:
    """2026-11-23 or 23/11/2026."""
    for parse in (date.fromisoformat, lambda t: datetime.strptime(t, "%d/%m/%Y").date()):
        try:
            value = parse(text.strip())
        except ValueError:
            continue
        _in_range(value, text)
        return value
    raise ValidationError(f"{what} «{text}» không hợp lệ (dạng đúng: 2026-11-23 hoặc 23/11/2026).")


def parse_instant(text: str, tz: ZoneInfo | str) -> datetime:
    """2026-11-23T16:10 (office-local unless it names an offset)."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(f"Thời điểm «{text}» không hợp lệ (dạng đúng: 2026-11-23T16:10).") from None
    _in_range(value.date(), text)
    zone = ZoneInfo(tz) if isinstance(tz, str) else tz
    return value.replace(tzinfo=zone) if value.tzinfo is None else value
