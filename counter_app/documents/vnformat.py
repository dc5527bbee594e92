"""Vietnamese formatting of dates, times, amounts and counts as printed on the slips.

Kept apart from the layout so that the services and the UI can print the same strings.
All instants are converted to the office's time zone first: a slip shows the office-local day.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from zoneinfo import ZoneInfo

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


@cache
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def to_local(instant: datetime, timezone: str) -> datetime:
    """Convert an aware instant to the office's zone; naive datetimes are refused (ambiguous day)."""
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError(f"datetime must be timezone-aware, got naive {instant!r}")
    return instant.astimezone(_zone(timezone))


def long_date(day: date) -> str:
    """'ngày 23 tháng 11 năm 2026'.

    Nghị định 30/2020/NĐ-CP: days below 10 and the months 1 and 2 take a leading zero
    ('ngày 05 tháng 02 năm 2026', but 'tháng 3'), so that nobody can add a digit by hand.
    """
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def place_date(place: str, day: date) -> str:
    """The date line under the Tiêu ngữ: 'Thanh Hóa, ngày 23 tháng 11 năm 2026'.

    An office with no place name yet (made by ``counter-cli init``) gets 'Ngày 23 tháng 11 năm
    2026': the line then starts with the date itself, not with a stray comma.
    """
    place = place.strip()
    if not place:
        return long_date(day).capitalize()
    return f"{place}, {long_date(day)}"


def short_date(day: date) -> str:
    """'27/11/2026'."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def weekday_date(day: date) -> str:
    """'Thứ Sáu, ngày 27/11/2026'."""
    return f"{WEEKDAYS[day.weekday()]}, ngày {short_date(day)}"


def clock(moment: datetime) -> str:
    """'16 giờ 10 phút'."""
    return f"{moment.hour:02d} giờ {moment.minute:02d} phút"


def time_and_date(moment: datetime) -> str:
    """'16 giờ 10 phút, ngày 23/11/2026' (the moment must already be office-local)."""
    return f"{clock(moment)}, ngày {short_date(moment)}"


def time_and_weekday_date(moment: datetime) -> str:
    """'16 giờ 00 phút, Thứ Sáu, ngày 27/11/2026': the weekday helps the citizen plan the return."""
    return f"{clock(moment)}, {weekday_date(moment)}"


def money(amount_vnd: int) -> str:
    """'1.250.000 đồng' (Vietnamese groups thousands with dots)."""
    return f"{amount_vnd:,} đồng".replace(",", ".")


def count2(n: int) -> str:
    """Counts on forms are written with two digits ('01 bộ'), as on the official templates."""
    return f"{n:02d}"


def shorten(text: str, limit: int = 80) -> tuple[str, bool]:
    """``text`` on one line, cut to about ``limit`` characters at a word boundary with "…".

    Returns the text and whether it was cut. Used where a slip has room for a label only (the
    receipt's fee line) while another slip carries the full text.
    """
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat, False
    cut = flat[: limit + 1]
    space = cut.rfind(" ")
    # At a word boundary unless the only one is far back (a long unbroken word or number).
    cut = cut[:space] if space >= limit * 0.6 else flat[:limit]
    return cut.rstrip(" ,;:.-–(/") + "…", True


def qty_cell(n: int) -> str:
    """A document-count cell: '01', or '-' for none (a blank would look like a missing entry)."""
    return f"{n:02d}" if n > 0 else "-"
