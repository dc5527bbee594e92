"""Working time between two instants in O(1): a cumulative table of the office calendar's sessions.

``WorkingCalendar.working_time_between`` walks day by day; a report measuring thousands of dossiers
instead builds, once, the working seconds before each day and each day's sessions, so that
``working_seconds(a, b) = position(b) − position(a)``. The result is the same (see the tests).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from counter_app.domain.calendar import WorkingCalendar

# Days added around the requested range when the table grows, so it rarely grows again.
_MARGIN = 31


class WorkClock:
    def __init__(self, calendar: WorkingCalendar) -> None:
        self._calendar = calendar
        self._tz = calendar.tz
        self.day_seconds = calendar.working_day_length().total_seconds()
        self._first: date | None = None
        self._before: list[float] = []  # working seconds from _first to each day's 00:00
        self._sessions: list[tuple[tuple[float, float], ...]] = []  # (open, close) epoch seconds

    def _build(self, first: date, last: date) -> None:
        self._first, self._before, self._sessions = first, [], []
        total = 0.0
        for offset in range((last - first).days + 1):
            day = first + timedelta(days=offset)
            spans = tuple(
                (
                    datetime.combine(day, s.start, tzinfo=self._tz).timestamp(),
                    datetime.combine(day, s.end, tzinfo=self._tz).timestamp(),
                )
                for s in self._calendar.sessions_on(day)
            )
            self._before.append(total)
            self._sessions.append(spans)
            total += sum(close - opens for opens, close in spans)

    def _cover(self, first: date, last: date) -> None:
        """Make the table cover ``first``..``last`` (rebuilt over the union, with a margin)."""
        if self._first is not None:
            known_last = self._first + timedelta(days=len(self._before) - 1)
            if self._first <= first and last <= known_last:
                return
            first, last = min(first, self._first), max(last, known_last)
        self._build(first - timedelta(days=_MARGIN), last + timedelta(days=_MARGIN))

    def _position(self, stamp: float, day: date) -> float:
        assert self._first is not None
        index = (day - self._first).days
        inside = 0.0
        for opens, close in self._sessions[index]:
            if stamp <= opens:
                break
            inside += min(stamp, close) - opens
        return self._before[index] + inside

    def working_days_many(self, spans: list[tuple[datetime, datetime]]) -> list[float]:
        """``working_days`` of many (start, end) pairs, building the table once."""
        if not spans:
            return []
        tz = self._tz
        local = [
            (a.timestamp(), a.astimezone(tz).date(), b.timestamp(), b.astimezone(tz).date()) for a, b in spans
        ]
        self._cover(min(min(x[1], x[3]) for x in local), max(max(x[1], x[3]) for x in local))
        position, length = self._position, self.day_seconds
        return [(position(sb, db) - position(sa, da)) / length for sa, da, sb, db in local]

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
