"""WorkingCalendar: Vietnamese holidays 2025–2027, swapped Saturdays, office hours and overrides.

Expected values are computed by hand from docs/domain-rules.md §6 and the published calendars (comments explain the
non-obvious rows); default hours are 07:30–11:30 and 13:30–17:00, Monday–Friday.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.domain.calendar import (
    DEFAULT_SESSIONS,
    OFFICE_DAY_OFF_REASON,
    CalendarOverrides,
    OfficeHours,
    Session,
    WorkingCalendar,
)
from counter_app.domain.errors import ValidationError

VN = ZoneInfo("Asia/Ho_Chi_Minh")
CAL = WorkingCalendar()
MORNING = Session(time(7, 30), time(11, 30))
SATURDAY_MORNING = WorkingCalendar(OfficeHours.weekdays(saturday=(MORNING,)))
THANH_HOA = WorkingCalendar(
    OfficeHours.weekdays((Session(time(7, 0), time(11, 30)), Session(time(13, 30), time(17, 0))))
)


def at(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    """Office-local aware instant."""
    return datetime(y, m, d, hh, mm, tzinfo=VN)


# (day, working?, fragment expected in the reason — None when worked)
DAY_TABLE = [
    # Tết 2025: 27/1 (29 Tết) … 1/2 (mùng 4, a Saturday) off; back on Monday 3/2.
    (date(2025, 1, 24), True, None),
    (date(2025, 1, 27), False, "Tết"),
    (date(2025, 1, 31), False, "Tết"),
    (date(2025, 2, 1), False, "Tết"),  # Saturday, but the holiday name is the better reason
    (date(2025, 2, 3), True, None),
    # Tết 2026: Monday 16/2 (giao thừa) … Friday 20/2.
    (date(2026, 2, 13), True, None),
    (date(2026, 2, 16), False, "Tết"),
    (date(2026, 2, 20), False, "Tết"),
    (date(2026, 2, 23), True, None),
    # Tết 2027 (mùng 1 = Saturday 6/2): Thursday 4/2 … Wednesday 10/2.
    (date(2027, 2, 3), True, None),
    (date(2027, 2, 4), False, "Tết"),
    (date(2027, 2, 10), False, "Tết"),
    (date(2027, 2, 11), True, None),
    # Giỗ Tổ: Monday 7/4/2025; 2026 falls on Sunday 26/4, so Monday 27/4 is nghỉ bù.
    (date(2025, 4, 7), False, "Giỗ Tổ Hùng Vương"),
    (date(2026, 4, 26), False, "Giỗ Tổ Hùng Vương"),
    (date(2026, 4, 27), False, "Giỗ Tổ Hùng Vương"),
    (date(2026, 4, 28), True, None),
    # Swaps: 2/5/2025 off against Saturday 26/4/2025 worked; 31/8/2026 off against Saturday 22/8/2026.
    (date(2025, 5, 2), False, "26/04/2025"),
    (date(2025, 4, 26), True, None),
    (date(2026, 8, 31), False, "22/08/2026"),
    (date(2026, 8, 22), True, None),
    (date(2026, 8, 29), False, "Thứ Bảy"),
    (date(2026, 8, 30), False, "Chủ nhật"),
    # National Day 2025: Monday 1/9 and Tuesday 2/9.
    (date(2025, 9, 1), False, "Quốc khánh"),
    (date(2025, 9, 2), False, "Quốc khánh"),
    (date(2025, 9, 3), True, None),
    # Ngày Văn hóa Việt Nam is a day off from 2026 only.
    (date(2026, 11, 24), False, "Ngày Văn hóa Việt Nam"),
    (date(2025, 11, 24), True, None),
    (date(2026, 11, 23), True, None),
]


@pytest.mark.parametrize(("day", "working", "reason"), DAY_TABLE, ids=[str(row[0]) for row in DAY_TABLE])
def test_given_default_calendar_when_checking_day_then_working_status_and_reason_match(
    day: date, working: bool, reason: str | None
) -> None:
    assert CAL.is_working_day(day) is working
    if reason is None:
        assert CAL.day_off_reason(day) is None
        assert CAL.sessions_on(day) == DEFAULT_SESSIONS
    else:
        assert reason in CAL.day_off_reason(day)
        assert CAL.sessions_on(day) == ()


NEXT_WORKING_DAY_TABLE = [
    (date(2025, 1, 24), date(2025, 2, 3)),  # Tết 27/1–1/2, then Sunday 2/2
    (date(2026, 2, 13), date(2026, 2, 23)),  # Tết 16–20/2, weekend 21–22/2
    (date(2027, 2, 3), date(2027, 2, 11)),  # Tết 4–10/2/2027
    (date(2025, 4, 25), date(2025, 4, 26)),  # Saturday 26/4/2025 is worked
    (date(2025, 4, 26), date(2025, 4, 28)),
    (date(2025, 4, 29), date(2025, 5, 5)),  # 30/4, 1/5, 2/5 off, weekend 3–4/5
    (date(2026, 4, 24), date(2026, 4, 28)),  # weekend, Giỗ Tổ Sunday 26/4, nghỉ bù Monday 27/4
    (date(2026, 4, 29), date(2026, 5, 4)),  # 30/4 Thursday, 1/5 Friday, weekend
    (date(2026, 8, 21), date(2026, 8, 22)),  # Saturday 22/8/2026 is worked
    (date(2026, 8, 28), date(2026, 9, 3)),  # weekend, 31/8 swap, 1–2/9
    (date(2025, 8, 29), date(2025, 9, 3)),  # weekend, 1–2/9/2025
    (date(2026, 11, 23), date(2026, 11, 25)),  # 24/11/2026
]


@pytest.mark.parametrize(
    ("day", "expected"), NEXT_WORKING_DAY_TABLE, ids=[str(r[0]) for r in NEXT_WORKING_DAY_TABLE]
)
def test_given_day_when_asking_next_working_day_then_holidays_and_weekends_are_skipped(
    day: date, expected: date
) -> None:
    assert CAL.next_working_day(day) == expected


def test_given_swapped_saturday_when_listing_sessions_then_normal_weekday_sessions_apply() -> None:
    assert CAL.sessions_on(date(2025, 4, 26)) == DEFAULT_SESSIONS
    assert CAL.sessions_on(date(2026, 8, 22)) == DEFAULT_SESSIONS
    assert CAL.closing_time(date(2026, 8, 22)) == at(2026, 8, 22, 17)


def test_given_office_extra_day_off_when_checking_then_it_is_off_with_office_reason() -> None:
    cal = WorkingCalendar(overrides=CalendarOverrides(days_off=frozenset({date(2026, 11, 25)})))
    assert not cal.is_working_day(date(2026, 11, 25))
    assert cal.day_off_reason(date(2026, 11, 25)) == OFFICE_DAY_OFF_REASON
    # 24/11 public holiday, 25/11 office day off → Thursday 26/11.
    assert cal.next_working_day(date(2026, 11, 23)) == date(2026, 11, 26)


def test_given_office_extra_working_day_when_checking_then_saturday_and_holiday_are_worked() -> None:
    overrides = CalendarOverrides(working_days=frozenset({date(2026, 11, 28), date(2026, 11, 24)}))
    cal = WorkingCalendar(overrides=overrides)
    assert cal.sessions_on(date(2026, 11, 28)) == DEFAULT_SESSIONS  # Saturday: full standard day
    assert cal.sessions_on(date(2026, 11, 24)) == DEFAULT_SESSIONS  # override beats the holiday
    assert cal.next_working_day(date(2026, 11, 23)) == date(2026, 11, 24)


def test_given_office_day_off_on_swapped_saturday_when_checking_then_override_wins() -> None:
    cal = WorkingCalendar(overrides=CalendarOverrides(days_off=frozenset({date(2025, 4, 26)})))
    assert not cal.is_working_day(date(2025, 4, 26))
    assert cal.next_working_day(date(2025, 4, 25)) == date(2025, 4, 28)


def test_given_same_date_off_and_working_when_building_overrides_then_validation_error() -> None:
    with pytest.raises(ValidationError, match="16/11/2026"):
        CalendarOverrides(
            days_off=frozenset({date(2026, 11, 16)}), working_days=frozenset({date(2026, 11, 16)})
        )


def test_given_saturday_morning_office_when_checking_saturday_then_only_morning_is_worked() -> None:
    saturday = date(2026, 11, 28)
    assert SATURDAY_MORNING.sessions_on(saturday) == (MORNING,)
    assert SATURDAY_MORNING.closing_time(saturday) == at(2026, 11, 28, 11, 30)
    assert SATURDAY_MORNING.day_off_reason(date(2026, 11, 29)) == "Chủ nhật"
    # The standard day is still Monday's: 7 h 30.
    assert SATURDAY_MORNING.working_day_length() == timedelta(hours=7, minutes=30)
    # A "làm bù" Saturday replaces a whole weekday, even in a Saturday-morning office.
    assert SATURDAY_MORNING.sessions_on(date(2025, 4, 26)) == DEFAULT_SESSIONS


def test_given_default_and_thanh_hoa_hours_when_asking_day_length_then_derived_from_sessions() -> None:
    assert CAL.working_day_length() == timedelta(hours=7, minutes=30)
    assert THANH_HOA.working_day_length() == timedelta(hours=8)  # 4 h 30 + 3 h 30


ADD_TABLE = [
    # (start, amount, expected)
    (at(2026, 11, 23, 8), timedelta(hours=2), at(2026, 11, 23, 10)),
    (at(2026, 11, 23, 8), timedelta(hours=3, minutes=30), at(2026, 11, 23, 11, 30)),  # exactly session end
    (at(2026, 11, 23, 10), timedelta(hours=2), at(2026, 11, 23, 14)),  # 1 h 30 before lunch + 30 min
    (at(2026, 11, 23, 12), timedelta(hours=1), at(2026, 11, 23, 14, 30)),  # lunch counts from 13:30
    (at(2026, 11, 23, 6), timedelta(hours=1), at(2026, 11, 23, 8, 30)),  # before opening
    (at(2026, 11, 23, 17, 30), timedelta(hours=1), at(2026, 11, 25, 8, 30)),  # after closing, 24/11 off
    (at(2026, 11, 27, 16), timedelta(hours=2), at(2026, 11, 30, 8, 30)),  # 1 h Friday, 1 h Monday
    (at(2026, 11, 23, 8), timedelta(), at(2026, 11, 23, 8)),
    (at(2026, 11, 23, 12), timedelta(), at(2026, 11, 23, 13, 30)),  # zero from lunch: next session start
    (at(2026, 11, 23, 17), timedelta(hours=7, minutes=30), at(2026, 11, 25, 17)),  # a full day after close
    (datetime(2026, 11, 23, 1, tzinfo=UTC), timedelta(hours=2), at(2026, 11, 23, 10)),  # 01:00Z = 08:00
]


@pytest.mark.parametrize(("start", "amount", "expected"), ADD_TABLE)
def test_given_start_when_adding_working_time_then_result_walks_sessions(
    start: datetime, amount: timedelta, expected: datetime
) -> None:
    result = CAL.add_working_time(start, amount)
    assert result == expected
    assert result.tzinfo == VN


BETWEEN_TABLE = [
    (at(2026, 11, 23, 8), at(2026, 11, 23, 14), timedelta(hours=4)),  # 3 h 30 + 30 min
    (at(2026, 11, 23, 16), at(2026, 11, 25, 8), timedelta(hours=1, minutes=30)),  # 24/11 off
    (at(2026, 11, 27, 12), at(2026, 11, 30, 12), timedelta(hours=7, minutes=30)),  # Fri pm + Mon am
    (at(2026, 11, 23, 11, 45), at(2026, 11, 23, 13, 15), timedelta()),  # inside lunch
    (at(2026, 11, 23, 9), at(2026, 11, 23, 9), timedelta()),
    (at(2026, 11, 23, 14), at(2026, 11, 23, 8), -timedelta(hours=4)),  # reversed → negative
]


@pytest.mark.parametrize(("start", "end", "expected"), BETWEEN_TABLE)
def test_given_two_instants_when_measuring_working_time_then_only_sessions_count(
    start: datetime, end: datetime, expected: timedelta
) -> None:
    assert CAL.working_time_between(start, end) == expected


INSTANT_TABLE = [
    (at(2026, 11, 23, 7, 30), True),
    (at(2026, 11, 23, 11, 29), True),
    (at(2026, 11, 23, 11, 30), False),  # sessions are half-open
    (at(2026, 11, 23, 12), False),
    (at(2026, 11, 23, 16, 59), True),
    (at(2026, 11, 23, 17), False),
    (at(2026, 11, 21, 9), False),  # Saturday
    (at(2025, 4, 26, 9), True),  # swapped Saturday
    (datetime(2026, 11, 23, 0, 30, tzinfo=UTC), True),  # 07:30 local
]


@pytest.mark.parametrize(("instant", "expected"), INSTANT_TABLE)
def test_given_instant_when_checking_working_instant_then_session_membership_is_reported(
    instant: datetime, expected: bool
) -> None:
    assert CAL.is_working_instant(instant) is expected


def test_given_working_day_when_asking_closing_time_then_end_of_last_session_aware() -> None:
    assert CAL.closing_time(date(2026, 11, 23)) == at(2026, 11, 23, 17)
    assert CAL.closing_time(date(2026, 11, 23)).tzinfo == VN


def test_given_day_off_when_asking_closing_time_then_validation_error_names_reason() -> None:
    with pytest.raises(ValidationError, match="Ngày Văn hóa Việt Nam"):
        CAL.closing_time(date(2026, 11, 24))


def test_given_aware_datetime_as_day_when_checking_then_office_local_date_is_used() -> None:
    # 2026-11-23 18:00 UTC is 24/11 01:00 in Hà Nội: the holiday, not Monday.
    assert not CAL.is_working_day(datetime(2026, 11, 23, 18, tzinfo=UTC))


@pytest.mark.parametrize(
    "call",
    [
        lambda naive: CAL.add_working_time(naive, timedelta(hours=1)),
        lambda naive: CAL.working_time_between(naive, at(2026, 11, 23, 9)),
        lambda naive: CAL.working_time_between(at(2026, 11, 23, 9), naive),
        lambda naive: CAL.is_working_instant(naive),
        lambda naive: CAL.is_working_day(naive),
    ],
)
def test_given_naive_datetime_when_calling_calendar_then_validation_error(call) -> None:
    with pytest.raises(ValidationError, match="múi giờ"):
        call(datetime(2026, 11, 23, 9))


def test_given_calendar_without_working_days_when_searching_then_validation_error_not_hang() -> None:
    closed = WorkingCalendar(OfficeHours({}))
    with pytest.raises(ValidationError):
        closed.next_working_day(date(2026, 1, 1))
    with pytest.raises(ValidationError):
        closed.add_working_time(at(2026, 1, 1, 8), timedelta(hours=1))
    assert closed.working_day_length() == timedelta()


@pytest.mark.parametrize(
    "build",
    [
        lambda: Session(time(11, 30), time(7, 30)),
        lambda: OfficeHours({0: (Session(time(7), time(12)), Session(time(11), time(17)))}),
        lambda: OfficeHours({7: DEFAULT_SESSIONS}),
        lambda: WorkingCalendar(tz="Not/AZone"),
        lambda: CAL.add_working_time(at(2026, 11, 23, 8), -timedelta(minutes=1)),
    ],
    ids=["session-reversed", "sessions-overlap", "weekday-7", "bad-tz", "negative-amount"],
)
def test_given_invalid_configuration_or_input_when_building_then_validation_error(build) -> None:
    with pytest.raises(ValidationError):
        build()


# -- properties -----------------------------------------------------------------------------------

instants = st.datetimes(
    min_value=datetime(2025, 1, 1), max_value=datetime(2027, 12, 20), timezones=st.sampled_from([VN, UTC])
)
amounts = st.integers(min_value=0, max_value=60 * 60).map(lambda minutes: timedelta(minutes=minutes))


@settings(deadline=None, max_examples=200)
@given(start=instants, amount=amounts)
def test_property_given_start_and_amount_when_adding_then_measured_working_time_equals_amount(
    start: datetime, amount: timedelta
) -> None:
    end = CAL.add_working_time(start, amount)
    assert end >= start
    assert CAL.working_time_between(start, end) == amount


@settings(deadline=None, max_examples=200)
@given(a=instants, b=instants)
def test_property_given_two_instants_when_measuring_then_antisymmetric_and_bounded(
    a: datetime, b: datetime
) -> None:
    forward = CAL.working_time_between(a, b)
    assert forward == -CAL.working_time_between(b, a)
    assert abs(forward) <= abs(b - a)
