"""Office working calendar: sessions, public holidays, swapped Saturdays and office overrides (docs/domain-rules.md §6).

Precedence for a date, strongest first:

1. office overrides (``CalendarOverrides.days_off`` / ``working_days``);
2. public holidays of the ``holidays`` package (Vietnamese names);
3. the package's swapped working Saturdays ("làm bù"), worked with the standard sessions;
4. the office's weekly hours (``OfficeHours``).

Instants are timezone-aware; arithmetic runs in UTC (exact even with DST), "days" are office-local.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from types import MappingProxyType
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from counter_app.domain.errors import Message, ValidationError, as_message
from counter_app.domain.vietnam_holidays import public_days

# Upper bound of every day-by-day walk: a calendar without working days must fail, not hang.
MAX_SEARCH_DAYS = 3660
WEEKDAY_NAMES = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
OFFICE_DAY_OFF_REASON = "Nghỉ theo lịch cơ quan"


def ensure_aware(value: datetime, what: str = "Thời điểm") -> datetime:
    """Return ``value`` unchanged if it is a timezone-aware datetime, else raise ``ValidationError``."""
    if not isinstance(value, datetime):
        raise ValidationError(
            "{what} phải là ngày giờ, nhận được {value!r}.", what=as_message(what), value=value
        )
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError(
            "{what} {value:%d/%m/%Y %H:%M} thiếu múi giờ.", what=as_message(what), value=value
        )
    return value


@dataclass(frozen=True, slots=True)
class Session:
    """One working session of a day, in office-local wall time (e.g. 07:30–11:30)."""

    start: time
    end: time

    def __post_init__(self) -> None:
        if self.start.tzinfo is not None or self.end.tzinfo is not None:
            raise ValidationError("Giờ của buổi làm việc không được kèm múi giờ.")
        if self.start >= self.end:
            raise ValidationError(
                "Buổi làm việc không hợp lệ: giờ bắt đầu {start:%H:%M} phải trước giờ kết thúc {end:%H:%M}.",
                start=self.start,
                end=self.end,
            )

    @property
    def duration(self) -> timedelta:
        """Length of the session."""
        return datetime.combine(date.min, self.end) - datetime.combine(date.min, self.start)


DEFAULT_SESSIONS = (Session(time(7, 30), time(11, 30)), Session(time(13, 30), time(17, 0)))


class OfficeHours(Mapping[int, tuple[Session, ...]]):
    """Weekly office hours: weekday (0 = Monday … 6 = Sunday) → sessions, sorted and non-overlapping.

    Weekdays missing from ``by_weekday`` have no session. ``None`` means the common default:
    Monday–Friday ``DEFAULT_SESSIONS``, closed at the weekend.
    """

    def __init__(self, by_weekday: Mapping[int, Iterable[Session]] | None = None) -> None:
        if by_weekday is None:
            by_weekday = dict.fromkeys(range(5), DEFAULT_SESSIONS)
        days: dict[int, tuple[Session, ...]] = {}
        for weekday, sessions in by_weekday.items():
            if not isinstance(weekday, int) or not 0 <= weekday <= 6:
                raise ValidationError(
                    "Thứ trong tuần không hợp lệ: {weekday!r} (0 = Thứ Hai … 6 = CN).", weekday=weekday
                )
            ordered = tuple(sorted(sessions, key=lambda s: s.start))
            for before, after in zip(ordered, ordered[1:], strict=False):
                if after.start < before.end:
                    raise ValidationError(
                        "Các buổi làm việc {weekday} bị chồng lên nhau.",
                        weekday=Message(WEEKDAY_NAMES[weekday]),
                    )
            days[weekday] = ordered
        self._days = tuple(days.get(weekday, ()) for weekday in range(7))

    @classmethod
    def weekdays(
        cls, sessions: Iterable[Session] = DEFAULT_SESSIONS, *, saturday: Iterable[Session] = ()
    ) -> OfficeHours:
        """Monday–Friday ``sessions``, optionally Saturday sessions (e.g. a Saturday-morning centre)."""
        by_weekday: dict[int, Iterable[Session]] = dict.fromkeys(range(5), tuple(sessions))
        by_weekday[5] = tuple(saturday)
        return cls(by_weekday)

    def __getitem__(self, weekday: int) -> tuple[Session, ...]:
        if not isinstance(weekday, int) or not 0 <= weekday <= 6:
            raise KeyError(weekday)
        return self._days[weekday]

    def __iter__(self) -> Iterator[int]:
        return iter(range(7))

    def __len__(self) -> int:
        return 7

    @property
    def standard_sessions(self) -> tuple[Session, ...]:
        """Sessions of a full working day: Monday's, or the first weekday that has any."""
        return next((sessions for sessions in self._days if sessions), ())


@dataclass(frozen=True, slots=True)
class CalendarOverrides:
    """An office's own decisions for given dates; they win over holidays and weekly hours."""

    days_off: frozenset[date] = frozenset()
    working_days: frozenset[date] = frozenset()

    def __post_init__(self) -> None:
        object.__setattr__(self, "days_off", frozenset(self.days_off))
        object.__setattr__(self, "working_days", frozenset(self.working_days))
        clash = sorted(self.days_off & self.working_days)
        if clash:
            listed = ", ".join(f"{d:%d/%m/%Y}" for d in clash)
            raise ValidationError("Ngày vừa là ngày nghỉ vừa là ngày làm việc: {listed}.", listed=listed)


@lru_cache(maxsize=64)
def _public_calendar(year: int) -> tuple[Mapping[date, str], frozenset[date]]:
    """Public holidays (date → Vietnamese name) and swapped working weekend days of ``year``."""
    names, swaps = public_days(year)
    return MappingProxyType(names), swaps


class WorkingCalendar:
    """Working days and working time of one office."""

    def __init__(
        self,
        hours: OfficeHours | None = None,
        overrides: CalendarOverrides | None = None,
        tz: str = "Asia/Ho_Chi_Minh",
    ) -> None:
        self._hours = OfficeHours() if hours is None else hours
        self._overrides = CalendarOverrides() if overrides is None else overrides
        try:
            self._tz = ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError, TypeError) as exc:
            raise ValidationError("Múi giờ không hợp lệ: {tz!r}.", tz=tz) from exc

    @property
    def tz(self) -> ZoneInfo:
        """The office's time zone."""
        return self._tz

    @property
    def hours(self) -> OfficeHours:
        """Weekly office hours."""
        return self._hours

    @property
    def overrides(self) -> CalendarOverrides:
        """The office's own days off / working days."""
        return self._overrides

    def to_local(self, value: datetime) -> datetime:
        """``value`` (aware, else ``ValidationError``) expressed in the office's time zone."""
        return ensure_aware(value).astimezone(self._tz)

    def sessions_on(self, day: date) -> tuple[Session, ...]:
        """Sessions worked on ``day``; empty when it is not a working day."""
        day = self._as_date(day)
        if day in self._overrides.days_off:
            return ()
        regular = self._hours[day.weekday()]
        if day in self._overrides.working_days:
            # An extra working day keeps the weekday's own hours when it has some (a Saturday-morning
            # centre stays a morning), otherwise it is a full standard day.
            return regular or self._hours.standard_sessions
        names, swaps = _public_calendar(day.year)
        if day in names:
            return ()
        if day in swaps:
            # A "làm bù" Saturday replaces a whole weekday, so it is worked with full standard sessions.
            return self._hours.standard_sessions
        return regular

    def is_working_day(self, day: date) -> bool:
        """True if the office works on ``day``."""
        return bool(self.sessions_on(day))

    def day_off_reason(self, day: date) -> str | None:
        """Why ``day`` is not worked (holiday name, office decision, weekday name), ``None`` if worked."""
        day = self._as_date(day)
        if self.sessions_on(day):
            return None
        if day in self._overrides.days_off:
            return OFFICE_DAY_OFF_REASON
        names, _ = _public_calendar(day.year)
        return names.get(day, WEEKDAY_NAMES[day.weekday()])

    def day_off_message(self, day: date) -> Message | None:
        """``day_off_reason`` inside a message: the office's decision and a weekday's name are
        translated; a public holiday keeps its Vietnamese name (a proper name)."""
        reason = self.day_off_reason(day)
        if reason is None:
            return None
        if reason == OFFICE_DAY_OFF_REASON:
            return Message(OFFICE_DAY_OFF_REASON)
        if reason == WEEKDAY_NAMES[self._as_date(day).weekday()]:
            return Message(WEEKDAY_NAMES[self._as_date(day).weekday()])
        return Message("{holiday}", holiday=reason)

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        for candidate in self._days_from(self._as_date(day), include_first=False):
            if self.sessions_on(candidate):
                return candidate
        raise AssertionError("unreachable: _days_from raises when exhausted")  # pragma: no cover

    def working_day_length(self) -> timedelta:
        """Working time of one standard day (sum of the standard sessions, 7 h 30 by default)."""
        return sum((s.duration for s in self._hours.standard_sessions), timedelta())

    def closing_time(self, day: date) -> datetime:
        """End of the last session of ``day`` (aware, office zone); ``ValidationError`` on a day off."""
        day = self._as_date(day)
        sessions = self.sessions_on(day)
        if not sessions:
            raise ValidationError(
                "Ngày {day:%d/%m/%Y} không phải ngày làm việc ({reason}).",
                day=day,
                reason=self.day_off_message(day),
            )
        return datetime.combine(day, sessions[-1].end, tzinfo=self._tz)

    def is_working_instant(self, instant: datetime) -> bool:
        """True if ``instant`` lies inside a session; sessions are half-open ``[start, end)``."""
        local = self.to_local(instant)
        now = local.time().replace(tzinfo=None)
        return any(s.start <= now < s.end for s in self.sessions_on(local.date()))

    def working_time_between(self, start: datetime, end: datetime) -> timedelta:
        """Working time inside sessions between two instants; negative when ``end`` is before ``start``."""
        start_utc, end_utc = self.to_local(start).astimezone(UTC), self.to_local(end).astimezone(UTC)
        if end_utc < start_utc:
            return -self.working_time_between(end, start)
        first, last = start_utc.astimezone(self._tz).date(), end_utc.astimezone(self._tz).date()
        if (last - first).days > MAX_SEARCH_DAYS:
            raise ValidationError(
                "Khoảng thời gian dài quá {limit} ngày, không tính được.", limit=MAX_SEARCH_DAYS
            )
        total = timedelta()
        for offset in range((last - first).days + 1):
            for opens, closes in self._intervals_utc(first + timedelta(days=offset)):
                overlap = min(closes, end_utc) - max(opens, start_utc)
                if overlap > timedelta():
                    total += overlap
        return total

    def add_working_time(self, start: datetime, amount: timedelta) -> datetime:
        """Instant reached after ``amount`` of working time from ``start``, in the office zone.

        A start outside the sessions counts from the next session start; an amount that ends exactly at
        the end of a session returns that session end (not the next session's start).
        """
        if amount < timedelta():
            raise ValidationError("Thời lượng cộng thêm không được âm.")
        current = self.to_local(start).astimezone(UTC)
        remaining = amount
        for day in self._days_from(current.astimezone(self._tz).date(), include_first=True):
            for opens, closes in self._intervals_utc(day):
                if closes < current:
                    continue
                begin = max(current, opens)
                available = closes - begin
                if remaining <= available:
                    return (begin + remaining).astimezone(self._tz)
                remaining -= available
        raise AssertionError("unreachable: _days_from raises when exhausted")  # pragma: no cover

    def _as_date(self, day: date) -> date:
        # A datetime is a date subclass: take its office-local date instead of comparing it as a date.
        if isinstance(day, datetime):
            return self.to_local(day).date()
        if not isinstance(day, date):
            raise ValidationError("Ngày không hợp lệ: {day!r}.", day=day)
        return day

    def _intervals_utc(self, day: date) -> list[tuple[datetime, datetime]]:
        return [
            (
                datetime.combine(day, s.start, tzinfo=self._tz).astimezone(UTC),
                datetime.combine(day, s.end, tzinfo=self._tz).astimezone(UTC),
            )
            for s in self.sessions_on(day)
        ]

    @staticmethod
    def _days_from(day: date, *, include_first: bool) -> Iterator[date]:
        """Consecutive days from ``day``; raises ``ValidationError`` after ``MAX_SEARCH_DAYS``."""
        for offset in range(0 if include_first else 1, MAX_SEARCH_DAYS + 1):
            try:
                yield day + timedelta(days=offset)
            except OverflowError:
                break
        raise ValidationError(
            "Không tìm thấy đủ thời gian làm việc trong vòng {limit} ngày kể từ {day:%d/%m/%Y}.",
            limit=MAX_SEARCH_DAYS,
            day=day,
        )
