"""The reports' O(1) working-time table agrees with the calendar's day-by-day walk."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from testdata import TZ

from counter_app.domain.calendar import CalendarOverrides, OfficeHours, Session, WorkingCalendar
from counter_app.services.reports.clock import WorkClock, sample_windows


def _instants(rng: random.Random, count: int) -> list[datetime]:
    # Around the 2026 holidays (Tết in February, 30/4–1/5, 2/9, 24/11), any minute of any day.
    start = datetime(2025, 12, 20, tzinfo=TZ)
    return [start + timedelta(minutes=rng.randrange(0, 400 * 24 * 60)) for _ in range(count)]


def test_working_time_matches_the_calendar() -> None:
    saturday = OfficeHours.weekdays(
        saturday=[Session(datetime(1, 1, 1, 7, 30).time(), datetime(1, 1, 1, 11).time())]
    )
    calendars = [
        WorkingCalendar(),
        WorkingCalendar(
            hours=saturday,
            overrides=CalendarOverrides(
                days_off=frozenset({date(2026, 3, 3)}), working_days=frozenset({date(2026, 3, 8)})
            ),
        ),
    ]
    rng = random.Random(20261203)
    for calendar in calendars:
        clock = WorkClock(calendar)
        pairs = list(zip(_instants(rng, 300), _instants(rng, 300), strict=True))
        fast = clock.working_days_many(pairs)
        for (a, b), value in zip(pairs, fast, strict=True):
            slow = calendar.working_time_between(a, b) / calendar.working_day_length()
            assert abs(value - slow) < 1e-9, (a, b)
    # One pair: Monday 23/11/2026 09:00 → Thursday 3/12 09:00 (the 24/11 holiday skipped) = 7 days.
    clock = WorkClock(WorkingCalendar())
    assert clock.working_days(datetime(2026, 11, 23, 9, tzinfo=TZ), datetime(2026, 12, 3, 9, tzinfo=TZ)) == 7
    assert (
        clock.working_seconds(datetime(2026, 12, 3, 9, tzinfo=TZ), datetime(2026, 12, 3, 9, tzinfo=TZ)) == 0
    )


def test_sample_windows_spread_evenly() -> None:
    start = datetime(2026, 12, 1, tzinfo=TZ)
    spans = sample_windows(start, start + timedelta(days=10), 0.5, 4)
    assert [(a - start, b - start) for a, b in spans] == [
        (timedelta(hours=15), timedelta(hours=45)),
        (timedelta(hours=75), timedelta(hours=105)),
        (timedelta(hours=135), timedelta(hours=165)),
        (timedelta(hours=195), timedelta(hours=225)),
    ]
