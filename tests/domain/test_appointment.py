"""Appointment dates, supplement rules and outcome classification (docs/domain-rules.md §7).

Every expected value is computed by hand; default office hours 07:30–11:30 + 13:30–17:00 Mon–Fri,
so one working day = 7 h 30. "→" comments show the walk for the non-obvious rows.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.domain.appointment import (
    OUTCOME_LABELS,
    TERM_UNIT_LABELS,
    Outcome,
    Policy,
    SupplementRule,
    Term,
    TermUnit,
    appointment_after_supplement,
    appointment_for,
    classify_outcome,
    is_overdue,
)
from counter_app.domain.calendar import CalendarOverrides, OfficeHours, Session, WorkingCalendar
from counter_app.domain.errors import ValidationError

VN = ZoneInfo("Asia/Ho_Chi_Minh")
CAL = WorkingCalendar()
SATURDAY_MORNING = WorkingCalendar(OfficeHours.weekdays(saturday=(Session(time(7, 30), time(11, 30)),)))
THANH_HOA = WorkingCalendar(
    OfficeHours.weekdays((Session(time(7, 0), time(11, 30)), Session(time(13, 30), time(17, 0))))
)
WD, DAY, HOUR, SAME, NONE = (
    TermUnit.WORKING_DAY,
    TermUnit.DAY,
    TermUnit.HOUR,
    TermUnit.SAME_DAY,
    TermUnit.NONE,
)
H, D = Policy.HOURS, Policy.DAYS


def at(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    """Office-local aware instant."""
    return datetime(y, m, d, hh, mm, tzinfo=VN)


def term(amount: str | int, unit: TermUnit) -> Term:
    return Term(Decimal(str(amount)), unit)


# (id, calendar, received, amount, unit, policy, expected)
TABLE = [
    # --- working days, hours policy: N × 7 h 30 inside sessions from the receipt instant ---
    # 22 h 30: Mon 50 min, Tue 24/11 off, Wed 7 h 30, Thu 7 h 30 (15 h 50), Fri 4 h + 2 h 40 → 16:10.
    ("wd-h-brief", CAL, at(2026, 11, 23, 16, 10), 3, WD, H, at(2026, 11, 27, 16, 10)),
    ("wd-h-utc-input", CAL, datetime(2026, 11, 23, 9, 10, tzinfo=UTC), 3, WD, H, at(2026, 11, 27, 16, 10)),
    # Lunch: from 13:30, Tue 3 h 30, Wed 4 h morning → ends exactly at 11:30 (not 13:30).
    ("wd-h-lunch", CAL, at(2026, 11, 17, 12, 15), 1, WD, H, at(2026, 11, 18, 11, 30)),
    ("wd-h-before-open", CAL, at(2026, 11, 16, 6, 45), 1, WD, H, at(2026, 11, 16, 17)),  # 07:30 + 7 h 30
    ("wd-h-after-close", CAL, at(2026, 11, 16, 18), 2, WD, H, at(2026, 11, 18, 17)),  # Tue + Wed full
    ("wd-h-weekend", CAL, at(2026, 11, 21, 10), 1, WD, H, at(2026, 11, 23, 17)),
    # Tết 2026: Fri 5 h, Mon 23/2 7 h 30, remaining 2 h 30 → Tue 10:00.
    ("wd-h-tet-2026", CAL, at(2026, 2, 13, 10), 2, WD, H, at(2026, 2, 24, 10)),
    # Tết 2025: Thu 2 h, Fri 7 h 30, remaining 5 h 30 → Mon 3/2 4 h + 1 h 30 → 15:00.
    ("wd-h-tet-2025", CAL, at(2025, 1, 23, 15), 2, WD, H, at(2025, 2, 3, 15)),
    # Tết 2027: Wed 6 h, remaining 1 h 30 → Thu 11/2 09:00.
    ("wd-h-tet-2027", CAL, at(2027, 2, 3, 9), 1, WD, H, at(2027, 2, 11, 9)),
    # Giỗ Tổ 2026: Fri 3 h; 25–27/4 off; Tue 4 h + 30 min → 14:00.
    ("wd-h-gio-to-2026", CAL, at(2026, 4, 24, 14), 1, WD, H, at(2026, 4, 28, 14)),
    # Giỗ Tổ 2025: Fri 7 h; weekend; Mon 7/4 off → Tue 8/4 08:00.
    ("wd-h-gio-to-2025", CAL, at(2025, 4, 4, 8), 1, WD, H, at(2025, 4, 8, 8)),
    # Fri 5 h 30; Saturday 26/4/2025 worked → 09:30.
    ("wd-h-lam-bu-2025", CAL, at(2025, 4, 25, 9, 30), 1, WD, H, at(2025, 4, 26, 9, 30)),
    # Tue 3 h 30; 30/4, 1/5, 2/5, weekend → Mon 5/5 4 h → 11:30.
    ("wd-h-2-5-2025", CAL, at(2025, 4, 29, 13, 30), 1, WD, H, at(2025, 5, 5, 11, 30)),
    # 15 h: Fri 6 h 30, Sat 22/8 7 h 30 (14 h), Mon 24/8 1 h → 08:30.
    ("wd-h-lam-bu-2026", CAL, at(2026, 8, 21, 8, 30), 2, WD, H, at(2026, 8, 24, 8, 30)),
    # Fri 3 h 30; weekend, 31/8 swap, 1–2/9 → Thu 3/9 4 h → 11:30.
    ("wd-h-31-8-2026", CAL, at(2026, 8, 28, 13, 30), 1, WD, H, at(2026, 9, 3, 11, 30)),
    # Half day = 3 h 45: 08:00 + 3 h 30 → 11:30, + 15 min → 13:45.
    ("wd-h-half", CAL, at(2026, 11, 16, 8), "0.5", WD, H, at(2026, 11, 16, 13, 45)),
    # 1.5 days = 11 h 15: Mon 7 h 30, Tue 07:30 + 3 h 45 → 11:15.
    ("wd-h-one-and-half", CAL, at(2026, 11, 16, 7, 30), "1.5", WD, H, at(2026, 11, 17, 11, 15)),
    # Thanh Hóa, 8 h: Mon 50 min, Tue off, Wed 4 h 30 (5 h 20), 13:30 + 2 h 40 → 16:10.
    ("wd-h-thanh-hoa", THANH_HOA, at(2026, 11, 23, 16, 10), 1, WD, H, at(2026, 11, 25, 16, 10)),
    # --- working days, civil-code policy: count from the next working day, due at its closing ---
    ("wd-d-brief", CAL, at(2026, 11, 23, 16, 10), 3, WD, D, at(2026, 11, 27, 17)),  # 25, 26, 27
    ("wd-d-tet-2026", CAL, at(2026, 2, 13, 10), 2, WD, D, at(2026, 2, 24, 17)),  # 23/2, 24/2
    ("wd-d-saturday", CAL, at(2026, 11, 21, 10), 1, WD, D, at(2026, 11, 23, 17)),
    ("wd-d-after-close", CAL, at(2026, 11, 16, 18), 1, WD, D, at(2026, 11, 17, 17)),
    ("wd-d-half-rounds-up", CAL, at(2026, 11, 16, 8), "0.5", WD, D, at(2026, 11, 17, 17)),
    ("wd-d-1.5-rounds-up", CAL, at(2026, 11, 16, 8), "1.5", WD, D, at(2026, 11, 18, 17)),
    ("wd-d-lam-bu-2025", CAL, at(2025, 4, 25, 10), 1, WD, D, at(2025, 4, 26, 17)),
    ("wd-d-31-8-2026", CAL, at(2026, 8, 28, 10), 2, WD, D, at(2026, 9, 4, 17)),  # 3/9, 4/9
    ("wd-d-sat-morning", SATURDAY_MORNING, at(2026, 11, 27, 10), 1, WD, D, at(2026, 11, 28, 11, 30)),
    # --- calendar days: receipt date + N, pushed off a non-working last day, due at closing ---
    ("day-h-sat-pushed", CAL, at(2026, 11, 16, 10), 5, DAY, H, at(2026, 11, 23, 17)),  # 21/11 Saturday
    ("day-d-sat-pushed", CAL, at(2026, 11, 16, 10), 5, DAY, D, at(2026, 11, 23, 17)),
    ("day-h-plain", CAL, at(2026, 11, 16, 10), 3, DAY, H, at(2026, 11, 19, 17)),
    ("day-d-holiday", CAL, at(2026, 11, 21, 9), 3, DAY, D, at(2026, 11, 25, 17)),  # 24/11 off → 25
    ("day-h-tet-2026", CAL, at(2026, 2, 12, 9), 4, DAY, H, at(2026, 2, 23, 17)),  # 16/2 → 23/2
    ("day-d-gio-to-2026", CAL, at(2026, 4, 24, 9), 2, DAY, D, at(2026, 4, 28, 17)),  # 26 → 27 → 28
    ("day-h-half-rounds-up", CAL, at(2026, 11, 16, 9), "0.5", DAY, H, at(2026, 11, 17, 17)),
    # --- working hours, same under both policies ---
    ("hour-h", CAL, at(2026, 11, 16, 10), 4, HOUR, H, at(2026, 11, 16, 16)),  # 1 h 30 + 2 h 30
    ("hour-d", CAL, at(2026, 11, 16, 10), 4, HOUR, D, at(2026, 11, 16, 16)),
    ("hour-overnight", CAL, at(2026, 11, 16, 16), 2, HOUR, H, at(2026, 11, 17, 8, 30)),
    ("hour-lunch", CAL, at(2026, 11, 16, 12), 1, HOUR, D, at(2026, 11, 16, 14, 30)),
    ("hour-ends-at-session-end", CAL, at(2026, 11, 16, 10), "1.5", HOUR, H, at(2026, 11, 16, 11, 30)),
    # Fri 30 min + Mon 7 h 30 = 8 h → exactly Monday 17:00.
    ("hour-ends-at-closing", CAL, at(2026, 11, 20, 16, 30), 8, HOUR, H, at(2026, 11, 23, 17)),
    # --- same day, cut-off 15:00 ---
    ("same-morning", CAL, at(2026, 11, 23, 10), 0, SAME, H, at(2026, 11, 23, 17)),
    ("same-before-open", CAL, at(2026, 11, 23, 6), 0, SAME, D, at(2026, 11, 23, 17)),
    ("same-14:59", CAL, at(2026, 11, 23, 14, 59), 0, SAME, H, at(2026, 11, 23, 17)),
    ("same-15:00", CAL, at(2026, 11, 23, 15), 0, SAME, D, at(2026, 11, 25, 17)),  # cut-off; 24/11 off
    ("same-after-close", CAL, at(2026, 11, 23, 18), 0, SAME, H, at(2026, 11, 25, 17)),
    ("same-saturday", CAL, at(2026, 11, 21, 9), 0, SAME, D, at(2026, 11, 23, 17)),
    ("same-sat-morning", SATURDAY_MORNING, at(2026, 11, 28, 9), 0, SAME, H, at(2026, 11, 28, 11, 30)),
    # Saturday-morning office closes 11:30: 12:00 is before the cut-off but after the day's end.
    ("same-sat-closed", SATURDAY_MORNING, at(2026, 11, 28, 12), 0, SAME, H, at(2026, 11, 30, 17)),
    # --- no appointment ---
    ("none-h", CAL, at(2026, 11, 23, 10), 0, NONE, H, None),
    ("none-d", CAL, at(2026, 11, 23, 10), 0, NONE, D, None),
]


@pytest.mark.parametrize(
    ("calendar", "received", "amount", "unit", "policy", "expected"),
    [row[1:] for row in TABLE],
    ids=[row[0] for row in TABLE],
)
def test_given_receipt_and_term_when_computing_appointment_then_matches_hand_computed(
    calendar: WorkingCalendar,
    received: datetime,
    amount: str | int,
    unit: TermUnit,
    policy: Policy,
    expected: datetime | None,
) -> None:
    result = appointment_for(received, term(amount, unit), calendar, policy)
    assert result == expected
    if result is not None:
        assert result.tzinfo == VN


@pytest.mark.parametrize(
    ("received", "cutoff", "expected"),
    [
        (at(2026, 11, 23, 15, 30), time(16, 0), at(2026, 11, 23, 17)),  # before a later cut-off
        (at(2026, 11, 23, 14), time(13, 0), at(2026, 11, 25, 17)),  # after an earlier cut-off
        (at(2026, 11, 23, 17, 30), time(18, 0), at(2026, 11, 25, 17)),  # before cut-off, after closing
    ],
)
def test_given_custom_cutoff_when_same_day_term_then_cutoff_decides_the_day(
    received: datetime, cutoff: time, expected: datetime
) -> None:
    assert appointment_for(received, term(0, SAME), CAL, same_day_cutoff=cutoff) == expected


def test_given_office_extra_day_off_when_working_days_term_then_it_is_skipped() -> None:
    cal = WorkingCalendar(overrides=CalendarOverrides(days_off=frozenset({date(2026, 11, 26)})))
    # 22 h 30 from Mon 16:10: Mon 50 min, Wed 7 h 30, (Thu off) Fri 7 h 30 (15 h 50), Mon 30/11 → 16:10.
    assert appointment_for(at(2026, 11, 23, 16, 10), term(3, WD), cal) == at(2026, 11, 30, 16, 10)


# -- supplement ------------------------------------------------------------------------------------


def test_given_restart_rule_when_supplied_then_term_counts_again_from_supply() -> None:
    # 15 h from Thu 19/11 14:00: Thu 3 h, Fri 7 h 30 (10 h 30), Mon 23/11 4 h + 30 min → 14:00.
    result = appointment_after_supplement(
        original_received=at(2026, 11, 16, 8),
        original_appointment=at(2026, 11, 18, 8),
        requested_at=at(2026, 11, 17, 10),
        supplied_at=at(2026, 11, 19, 14),
        term=term(2, WD),
        rule=SupplementRule.RESTART,
        calendar=CAL,
    )
    assert result == at(2026, 11, 23, 14)


def test_given_pause_rule_when_supplied_then_appointment_shifts_by_waiting_working_time() -> None:
    # Original: Mon 16/11 08:00 + 15 h → Mon 7 h, Tue 7 h 30, Wed 30 min → Wed 18/11 08:00.
    original = appointment_for(at(2026, 11, 16, 8), term(2, WD), CAL)
    assert original == at(2026, 11, 18, 8)
    # Waiting Tue 10:00 → Thu 14:00 = Tue 5 h + Wed 7 h 30 + Thu 4 h 30 = 17 h.
    # Wed 08:00 + 17 h: Wed 7 h, Thu 7 h 30 (14 h 30), Fri 2 h 30 → Fri 20/11 10:00.
    result = appointment_after_supplement(
        original_received=at(2026, 11, 16, 8),
        original_appointment=original,
        requested_at=at(2026, 11, 17, 10),
        supplied_at=at(2026, 11, 19, 14),
        term=term(2, WD),
        rule=SupplementRule.PAUSE,
        calendar=CAL,
    )
    assert result == at(2026, 11, 20, 10)


def test_given_pause_over_a_holiday_when_supplied_then_holiday_is_not_counted() -> None:
    # Waiting Mon 23/11 16:00 → Wed 25/11 08:00 = 1 h + 30 min (24/11 off). Fri 16:10 + 1 h 30 → Mon 08:10.
    result = appointment_after_supplement(
        original_received=at(2026, 11, 23, 9),
        original_appointment=at(2026, 11, 27, 16, 10),
        requested_at=at(2026, 11, 23, 16),
        supplied_at=at(2026, 11, 25, 8),
        term=term(3, WD),
        rule=SupplementRule.PAUSE,
        calendar=CAL,
    )
    assert result == at(2026, 11, 30, 8, 10)


def test_given_pause_without_working_time_when_supplied_then_closing_time_appointment_is_kept() -> None:
    # Days policy: 5 working days from Mon 16/11 → 17, 18, 19, 20, 23 → Mon 23/11 17:00.
    # Requested Friday evening, supplied Sunday: no working time elapsed, the 17:00 due time stays.
    result = appointment_after_supplement(
        original_received=at(2026, 11, 16, 8),
        original_appointment=at(2026, 11, 23, 17),
        requested_at=at(2026, 11, 20, 18),
        supplied_at=at(2026, 11, 22, 10),
        term=term(5, WD),
        rule=SupplementRule.PAUSE,
        calendar=CAL,
        policy=Policy.DAYS,
    )
    assert result == at(2026, 11, 23, 17)


def test_given_pause_from_closing_time_appointment_when_supplied_then_shift_continues_next_working_day() -> (
    None
):
    # Waiting Thu 19/11 15:00 → 16:00 = 1 h. Mon 23/11 17:00 + 1 h: 24/11 off → Wed 25/11 08:30.
    result = appointment_after_supplement(
        original_received=at(2026, 11, 16, 8),
        original_appointment=at(2026, 11, 23, 17),
        requested_at=at(2026, 11, 19, 15),
        supplied_at=at(2026, 11, 19, 16),
        term=term(5, WD),
        rule=SupplementRule.PAUSE,
        calendar=CAL,
        policy=Policy.DAYS,
    )
    assert result == at(2026, 11, 25, 8, 30)


@pytest.mark.parametrize("rule", list(SupplementRule))
def test_given_no_appointment_term_when_supplied_then_still_no_appointment(rule: SupplementRule) -> None:
    result = appointment_after_supplement(
        at(2026, 11, 16, 8), None, at(2026, 11, 17, 10), at(2026, 11, 19, 14), term(0, NONE), rule, CAL
    )
    assert result is None


@pytest.mark.parametrize(
    ("received", "requested", "supplied"),
    [
        (at(2026, 11, 16, 8), at(2026, 11, 17, 10), at(2026, 11, 17, 9)),  # supplied before requested
        (at(2026, 11, 16, 8), at(2026, 11, 15, 10), at(2026, 11, 17, 9)),  # requested before receipt
    ],
)
def test_given_inconsistent_supplement_instants_when_computing_then_validation_error(
    received: datetime, requested: datetime, supplied: datetime
) -> None:
    with pytest.raises(ValidationError):
        appointment_after_supplement(
            received, at(2026, 11, 18, 8), requested, supplied, term(2, WD), SupplementRule.PAUSE, CAL
        )


# -- outcome ---------------------------------------------------------------------------------------

DUE = at(2026, 11, 27, 16, 10)
OUTCOME_TABLE = [
    ("day-before", at(2026, 11, 26, 16), DUE, Outcome.EARLY),
    ("same-day-morning", at(2026, 11, 27, 7, 45), DUE, Outcome.ON_TIME),
    ("exactly-at-instant", DUE, DUE, Outcome.ON_TIME),
    ("same-day-after-instant", at(2026, 11, 27, 16, 11), DUE, Outcome.LATE),
    ("next-day", at(2026, 11, 28, 9), DUE, Outcome.LATE),
    # 26/11 23:30 UTC is 27/11 06:30 in Hà Nội: the appointment day, not the day before.
    ("utc-previous-date", datetime(2026, 11, 26, 23, 30, tzinfo=UTC), at(2026, 11, 27, 8), Outcome.ON_TIME),
    ("local-day-before", datetime(2026, 11, 26, 16, 30, tzinfo=UTC), at(2026, 11, 27, 8), Outcome.EARLY),
    ("no-appointment", at(2030, 1, 1, 9), None, Outcome.EARLY),
]


@pytest.mark.parametrize(
    ("resolved", "due", "expected"), [row[1:] for row in OUTCOME_TABLE], ids=[row[0] for row in OUTCOME_TABLE]
)
def test_given_resolution_when_classifying_then_early_on_time_or_late(
    resolved: datetime, due: datetime | None, expected: Outcome
) -> None:
    assert classify_outcome(resolved, due, CAL) is expected


def test_given_now_when_checking_overdue_then_only_strictly_after_appointment() -> None:
    assert is_overdue(at(2026, 11, 27, 16, 11), DUE)
    assert not is_overdue(DUE, DUE)
    assert not is_overdue(at(2026, 11, 27, 9), DUE)
    assert not is_overdue(at(2030, 1, 1), None)
    with pytest.raises(ValidationError):
        is_overdue(datetime(2026, 11, 27, 17), DUE)


def test_given_enums_when_reading_labels_then_vietnamese_labels() -> None:
    assert OUTCOME_LABELS == {
        Outcome.EARLY: "Trước hạn",
        Outcome.ON_TIME: "Đúng hạn",
        Outcome.LATE: "Quá hạn",
    }
    assert TERM_UNIT_LABELS[WD] == "ngày làm việc"
    assert TERM_UNIT_LABELS[DAY] == "ngày"
    assert TERM_UNIT_LABELS[HOUR] == "giờ làm việc"
    assert TERM_UNIT_LABELS[SAME] == "trong ngày"
    assert TERM_UNIT_LABELS[NONE] == "không hẹn"
    assert term("0.5", WD).label == "0,5 ngày làm việc"
    assert term(10, DAY).label == "10 ngày"


@pytest.mark.parametrize(
    ("amount", "unit"), [(Decimal(-1), WD), (Decimal("NaN"), WD), ("abc", HOUR), (Decimal(1), "week")]
)
def test_given_invalid_term_when_building_then_validation_error_in_vietnamese(amount, unit) -> None:
    with pytest.raises(ValidationError, match="Thời hạn|Đơn vị"):
        Term(amount, unit)


def test_given_int_amount_and_string_unit_when_building_term_then_normalised() -> None:
    built = Term(3, "working_day")
    assert built == Term(Decimal(3), TermUnit.WORKING_DAY)
    assert built.unit is TermUnit.WORKING_DAY


# -- properties ------------------------------------------------------------------------------------

CALENDARS = [
    CAL,
    SATURDAY_MORNING,
    THANH_HOA,
    WorkingCalendar(
        overrides=CalendarOverrides(
            days_off=frozenset({date(2026, 3, 2), date(2026, 11, 25)}),
            working_days=frozenset({date(2026, 3, 7)}),
        )
    ),
]
receipts = st.datetimes(
    min_value=datetime(2025, 1, 1),
    max_value=datetime(2027, 12, 15),
    timezones=st.sampled_from([VN, UTC, ZoneInfo("Europe/Paris")]),
)
terms = st.builds(
    Term,
    amount=st.integers(min_value=0, max_value=20).map(lambda n: Decimal(n) / 2),
    unit=st.sampled_from(list(TermUnit)),
)
policies = st.sampled_from(list(Policy))
calendars = st.sampled_from(CALENDARS)


def _session_ends(calendar: WorkingCalendar, moment: datetime) -> set[datetime]:
    return {datetime.combine(moment.date(), s.end, tzinfo=VN) for s in calendar.sessions_on(moment.date())}


@settings(deadline=None, max_examples=300)
@given(calendar=calendars, received=receipts, term_=terms, policy=policies)
def test_property_given_any_receipt_when_computing_appointment_then_it_is_working_time_after_receipt(
    calendar: WorkingCalendar, received: datetime, term_: Term, policy: Policy
) -> None:
    result = appointment_for(received, term_, calendar, policy)
    if term_.unit is TermUnit.NONE:
        assert result is None
        return
    assert result is not None and result.tzinfo == VN
    assert result >= received
    if term_.unit is TermUnit.HOUR or (term_.unit is TermUnit.WORKING_DAY and policy is Policy.HOURS):
        assert calendar.is_working_instant(result) or result in _session_ends(calendar, result)
    else:
        assert result == calendar.closing_time(result.date())


@settings(deadline=None, max_examples=300)
@given(calendar=calendars, first=receipts, second=receipts, term_=terms, policy=policies)
def test_property_given_later_receipt_when_computing_appointment_then_never_earlier(
    calendar: WorkingCalendar, first: datetime, second: datetime, term_: Term, policy: Policy
) -> None:
    early, late = sorted((first, second))
    a, b = appointment_for(early, term_, calendar, policy), appointment_for(late, term_, calendar, policy)
    if term_.unit is TermUnit.NONE:
        assert a is None and b is None
    else:
        assert a <= b


@settings(deadline=None, max_examples=100)
@given(
    naive=st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2027, 12, 31)),
    term_=terms,
    policy=policies,
)
def test_property_given_naive_receipt_when_computing_appointment_then_validation_error(
    naive: datetime, term_: Term, policy: Policy
) -> None:
    with pytest.raises(ValidationError):
        appointment_for(naive, term_, CAL, policy)
