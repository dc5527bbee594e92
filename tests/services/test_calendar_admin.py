"""The office's own days off and working days, and the preview of the calendar they make.

From MONDAY_9AM (Mon 23/11/2026): Tue 24/11 is a public holiday (Ngày Văn hóa Việt Nam), 28–29/11
a weekend. 2.001955 has a 7-working-day term.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select
from testdata import MONDAY_9AM, TZ

from counter_app.db.database import Database
from counter_app.db.models import CalendarOverride, Event
from counter_app.domain.errors import PermissionDenied, ValidationError
from counter_app.services import calendar_admin
from counter_app.services.actor import Actor
from counter_app.services.applicants import ApplicantInput
from counter_app.services.calendar_admin import OverrideInfo
from counter_app.services.offices import add_calendar_override
from counter_app.services.receiving import IntakeRequest, preview_appointment, receive

FRIDAY = date(2026, 11, 27)
SATURDAY = date(2026, 11, 28)


def written(db: Database) -> tuple[object, ...]:
    with db.read() as session:
        rows = session.execute(
            select(CalendarOverride.day, CalendarOverride.kind, CalendarOverride.note).order_by(
                CalendarOverride.day
            )
        ).all()
        events = session.execute(select(func.count()).select_from(Event)).scalar_one()
    return tuple(rows), events


def test_given_no_override_then_preview_skips_holiday_and_weekend(db: Database) -> None:
    view = calendar_admin.preview(db, now=MONDAY_9AM, days=6)

    assert [d.day.day for d in view.days] == [23, 25, 26, 27, 30, 1]
    assert view.days[0].weekday == "Thứ Hai" and view.days[0].sessions == "07:30–11:30, 13:30–17:00"
    assert all(d.note == "" for d in view.days)
    assert [(off.day, off.reason) for off in view.days_off] == [(date(2026, 11, 24), "Ngày Văn hóa Việt Nam")]


def test_given_extra_day_off_and_worked_saturday_then_preview_and_appointments_follow_them(
    db: Database, admin: Actor, officer: Actor
) -> None:
    assert calendar_admin.set_override(db, admin, FRIDAY, "off", "Nghỉ bù", now=MONDAY_9AM)
    assert calendar_admin.set_override(db, admin, SATURDAY, "work", "Làm bù cho ngày 27/11", now=MONDAY_9AM)

    view = calendar_admin.preview(db, now=MONDAY_9AM, days=5)

    assert [(d.day.day, d.weekday, d.note) for d in view.days] == [
        (23, "Thứ Hai", ""),
        (25, "Thứ Tư", ""),
        (26, "Thứ Năm", ""),
        (28, "Thứ Bảy", "Làm bù cho ngày 27/11"),
        (30, "Thứ Hai", ""),
    ]
    assert [off.reason for off in view.days_off] == [
        "Ngày Văn hóa Việt Nam",
        "Nghỉ theo lịch cơ quan: Nghỉ bù",
    ]
    # 5 × 7 h 30 from Monday 09:00: Mon 6 h, Wed, Thu, Sat, Mon, then 1 h 30 on Tuesday 01/12.
    assert view.appointment_at == datetime(2026, 12, 1, 9, 0, tzinfo=TZ)
    # The same calendar as receiving: a 7-working-day procedure gets what the preview says.
    seven = calendar_admin.preview(db, now=MONDAY_9AM, days=1, term_days=7).appointment_at
    assert seven == preview_appointment(db, officer, "2.001955", "direct", at=MONDAY_9AM)
    dossier = receive(
        db, officer, IntakeRequest("2.001955", ApplicantInput(full_name="Lê Văn Bình")), now=MONDAY_9AM
    )
    assert dossier.appointment_at == seven


def test_given_same_override_again_then_nothing_written_and_a_changed_note_replaces_it(
    db: Database, admin: Actor
) -> None:
    calendar_admin.set_override(db, admin, FRIDAY, "off", "Nghỉ bù", now=MONDAY_9AM)
    before = written(db)

    assert not calendar_admin.set_override(db, admin, FRIDAY, "off", " Nghỉ  bù ", now=MONDAY_9AM)
    assert written(db) == before

    assert calendar_admin.set_override(db, admin, FRIDAY, "work", "Trực", now=MONDAY_9AM)
    rows, events = written(db)
    assert rows == ((FRIDAY, "work", "Trực"),) and events == before[1] + 1
    assert calendar_admin.list_overrides(db) == [OverrideInfo(FRIDAY, "work", "Trực")]
    with db.read() as session:
        event = session.execute(select(Event).order_by(Event.seq.desc()).limit(1)).scalar_one()
    assert event.payload["previous"] == {"kind": "off", "note": "Nghỉ bù"}


def test_given_override_removed_then_day_follows_national_calendar_again(db: Database, admin: Actor) -> None:
    calendar_admin.set_override(db, admin, SATURDAY, "work", "", now=MONDAY_9AM)
    assert SATURDAY in [d.day for d in calendar_admin.preview(db, now=MONDAY_9AM, days=5).days]

    assert calendar_admin.remove_override(db, admin, SATURDAY, now=MONDAY_9AM)

    assert SATURDAY not in [d.day for d in calendar_admin.preview(db, now=MONDAY_9AM, days=5).days]
    before = written(db)
    assert not calendar_admin.remove_override(db, admin, SATURDAY, now=MONDAY_9AM)
    assert written(db) == before


def test_given_list_from_a_day_then_only_later_overrides_in_order(db: Database, admin: Actor) -> None:
    for day in (date(2026, 12, 31), FRIDAY, SATURDAY):
        calendar_admin.set_override(db, admin, day, "off", "", now=MONDAY_9AM)
    assert [o.day for o in calendar_admin.list_overrides(db)] == [FRIDAY, SATURDAY, date(2026, 12, 31)]
    assert [o.day for o in calendar_admin.list_overrides(db, from_day=SATURDAY)] == [
        SATURDAY,
        date(2026, 12, 31),
    ]


def test_given_old_entry_point_then_still_writes_the_override(db: Database, admin: Actor) -> None:
    add_calendar_override(db, admin, admin.office_id, FRIDAY, "off", "Nghỉ bù", now=MONDAY_9AM)
    assert calendar_admin.list_overrides(db) == [OverrideInfo(FRIDAY, "off", "Nghỉ bù")]


@pytest.mark.parametrize(
    ("day", "kind", "note", "field", "message"),
    [
        (FRIDAY, "nghỉ", "", "kind", "Loại ngày phải là «off» (nghỉ) hoặc «work» (làm việc)."),
        (
            date(2026, 11, 20),
            "off",
            "",
            "day",
            "Ngày 20/11/2026 đã qua: không sửa lịch của ngày đã qua (hồ sơ đã được hẹn và đánh giá đúng hạn "
            "theo lịch của ngày đó).",
        ),
        (FRIDAY, "off", "x" * 301, "note", "Ghi chú dài quá 300 ký tự."),
    ],
)
def test_given_bad_override_then_refused_with_message_and_nothing_written(
    db: Database, admin: Actor, day: date, kind: str, note: str, field: str, message: str
) -> None:
    before = written(db)
    with pytest.raises(ValidationError) as error:
        calendar_admin.set_override(db, admin, day, kind, note, now=MONDAY_9AM)
    assert (error.value.field, error.value.message) == (field, message)
    assert written(db) == before


def test_given_past_day_or_not_admin_then_removal_refused(db: Database, admin: Actor, officer: Actor) -> None:
    calendar_admin.set_override(db, admin, FRIDAY, "off", "", now=MONDAY_9AM)
    before = written(db)
    with pytest.raises(ValidationError) as past:
        calendar_admin.remove_override(db, admin, FRIDAY, now=MONDAY_9AM + timedelta(days=7))
    with pytest.raises(PermissionDenied):
        calendar_admin.remove_override(db, officer, FRIDAY, now=MONDAY_9AM)
    with pytest.raises(PermissionDenied):
        calendar_admin.set_override(db, officer, SATURDAY, "work", "", now=MONDAY_9AM)
    assert past.value.field == "day" and written(db) == before


@pytest.mark.parametrize(
    ("days", "term_days", "message"),
    [
        (0, 5, "Số ngày xem trước phải từ 1 đến 366."),
        (30, 0, "Thời hạn mẫu phải từ 1 đến 366 ngày làm việc."),
    ],
)
def test_given_bad_preview_bounds_then_message(db: Database, days: int, term_days: int, message: str) -> None:
    with pytest.raises(ValidationError) as error:
        calendar_admin.preview(db, now=MONDAY_9AM, days=days, term_days=term_days)
    assert error.value.message == message
