"""Working time between two instants in O(1): a cumulative table of the office calendar's sessions.

``WorkingCalendar.working_time_between`` walks day by day; a report measuring thousands of dossiers
instead builds, once, the working seconds before each day and each day's sessions, so that
``working_seconds(a, b) = position(b) − position(a)``. The result is the same (see the tests).
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, datetime, time, timedelta

from counter_app.domain.calendar import WorkingCalendar

# Days added around the requested range when the table grows, so it rarely grows again.
_MARGIN = 31


class WorkClock:
    def __init__(self, calendar: WorkingCalendar) -> None:
        self._calendar = calendar
        self._tz = calendar.tz
        self.day_seconds = calendar.working_day_length().total_seconds()
        self._first: date | None = None
        self._midnights: list[float] = []  # epoch seconds of each day's local 00:00, and of the next day's
        self._before: list[float] = []  # working seconds from _first to each day's 00:00
        self._sessions: list[tuple[tuple[float, float], ...]] = []  # (open, close) epoch seconds

    def _build(self, first: date, last: date) -> None:
        self._first, self._midnights, self._before, self._sessions = first, [], [], []
        total = 0.0
        tz = self._tz
        for offset in range((last - first).days + 2):
            day = first + timedelta(days=offset)
            self._midnights.append(datetime.combine(day, time(0), tzinfo=tz).timestamp())
            if day > last:
                break
            spans = tuple(
                (
                    datetime.combine(day, s.start, tzinfo=tz).timestamp(),
                    datetime.combine(day, s.end, tzinfo=tz).timestamp(),
                )
                for s in self._calendar.sessions_on(day)
            )
            self._before.append(total)
            self._sessions.append(spans)
            total += sum(close - opens for opens, close in spans)

    def _cover(self, low: float, high: float) -> None:
        """Make the table cover the instants ``low``..``high`` (rebuilt over the union, with a margin)."""
        if self._midnights and self._midnights[0] <= low and high < self._midnights[-1]:
            return
        first = datetime.fromtimestamp(low, self._tz).date()
        last = datetime.fromtimestamp(high, self._tz).date()
        if self._first is not None:
            first, last = min(first, self._first), max(last, self._first + timedelta(len(self._before) - 1))
        self._build(first - timedelta(days=_MARGIN), last + timedelta(days=_MARGIN))

    def _position(self, stamp: float) -> float:
        """Working seconds from the table's first 00:00 to ``stamp``: those before its local day, and
        those of the day's sessions begun by then."""
        index = bisect_right(self._midnights, stamp) - 1
        inside = 0.0
        for opens, close in self._sessions[index]:
            if stamp <= opens:
                break
            inside += min(stamp, close) - opens
        return self._before[index] + inside

    def working_days_between(self, starts: list[float], ends: list[float]) -> list[float]:
        """Working days from each of ``starts`` to the matching one of ``ends``, given as epoch seconds
        (the table is built once, and no instant is converted to local time)."""
        if not starts:
            return []
        self._cover(min(min(starts), min(ends)), max(max(starts), max(ends)))
        position, length = self._position, self.day_seconds
        return [(position(b) - position(a)) / length for a, b in zip(starts, ends, strict=True)]

    def working_days_many(self, spans: list[tuple[datetime, datetime]]) -> list[float]:
        """``working_days`` of many (start, end) pairs, building the table once."""
        return self.working_days_between([a.timestamp() for a, _ in spans], [b.timestamp() for _, b in spans])

    def working_seconds(self, start: datetime, end: datetime) -> float:
        """Working time inside sessions between two aware instants (negative when ``end`` < ``start``)."""
        return self.working_days_many([(start, end)])[0] * self.day_seconds

    def working_days(self, start: datetime, end: datetime) -> float:
        """``working_seconds`` in working days (the office's standard day length)."""
        return self.working_days_many([(start, end)])[0]


def sample_windows(
    start: datetime, end: datetime, share: float, count: int
) -> list[tuple[datetime, datetime]]:
    """``count`` evenly spread windows covering ``share`` of [start, end) (for sampled averages)."""
    step = (end - start) / count
    width = step * share
    return [
        (start + step * i + (step - width) / 2, start + step * i + (step + width) / 2) for i in range(count)
    ]
