"""The office's own calendar decisions (extra days off, extra working days) and a preview of the
calendar they make — an admin's work (issue 10).

An override wins over the national holidays, the swapped Saturdays and the weekly sessions
(domain/calendar.py). Days already past are not changed: dossiers were timed and judged with the
calendar of their day, and a report of last month must not change under them. Rules:
docs/administration.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.db.database import Database
from counter_app.db.models import CalendarOverride, Office
from counter_app.domain.appointment import Policy, Term, TermUnit, latest_appointment
from counter_app.domain.calendar import MAX_SEARCH_DAYS, OFFICE_DAY_OFF_REASON, WEEKDAY_NAMES, WorkingCalendar
from counter_app.domain.errors import ValidationError
from counter_app.domain.text import normalize
from counter_app.services.actor import Actor, Role, require_role
from counter_app.services.event_log import record
from counter_app.services.offices import calendar_decisions, calendar_for, get_office, local_date

EDIT = "sửa lịch làm việc"
KINDS = {"off": "Nghỉ", "work": "Làm việc"}
MAX_NOTE = 300
MAX_PREVIEW_DAYS = 366
SWAPPED_DAY = "Ngày làm bù theo lịch nghỉ lễ, Tết"
OFFICE_WORK_DAY = "Làm việc theo quyết định của đơn vị"


@dataclass(frozen=True)
class OverrideInfo:
    day: date
    kind: str  # "off" | "work"
    note: str


def list_overrides(
    db: Database, *, office_id: object | None = None, from_day: date | None = None
) -> list[OverrideInfo]:
    """The office's overrides by day (from ``from_day`` on, when given)."""
    with db.read() as session:
        office = get_office(session, office_id)
        stmt = select(CalendarOverride).where(CalendarOverride.office_id == office.id)
        if from_day is not None:
            stmt = stmt.where(CalendarOverride.day >= from_day)
        rows = session.execute(stmt.order_by(CalendarOverride.day)).scalars()
        return [OverrideInfo(r.day, r.kind, r.note) for r in rows]


def _not_past(office: Office, day: date, now: datetime) -> None:
    refuse_past(day, local_date(office, now))


def refuse_past(day: date, today: date) -> None:
    """A day already past keeps its calendar (the office's and the province's alike)."""
    if day < today:
        raise ValidationError(
            "Ngày {day:%d/%m/%Y} đã qua: không sửa lịch của ngày đã qua (hồ sơ đã được hẹn và đánh giá đúng hạn theo lịch của ngày đó).",
            day=day,
            field="day",
        )


def checked_note(kind: str, note: str) -> str:
    """A day's decision as typed: its kind checked, its note normalised and not too long."""
    if kind not in KINDS:
        raise ValidationError("Loại ngày phải là «off» (nghỉ) hoặc «work» (làm việc).", field="kind")
    text = normalize(note or "")
    if len(text) > MAX_NOTE:
        raise ValidationError("Ghi chú dài quá {limit} ký tự.", limit=MAX_NOTE, field="note")
    return text


def _existing(session: Session, office: Office, day: date) -> CalendarOverride | None:
    return session.execute(
        select(CalendarOverride).where(CalendarOverride.office_id == office.id, CalendarOverride.day == day)
    ).scalar_one_or_none()


def set_override_in(
    session: Session,
    db: Database,
    actor: Actor,
    office: Office,
    day: date,
    kind: str,
    note: str,
    now: datetime,
) -> bool:
    """An extra day off ("off") or working day ("work"); False (nothing written) when the day
    already is so with this note. A day's earlier decision is replaced."""
    require_role(actor, Role.ADMIN, EDIT)
    text = checked_note(kind, note)
    _not_past(office, day, now)
    existing = _existing(session, office, day)
    if existing is not None and (existing.kind, existing.note) == (kind, text):
        return False
    previous = None if existing is None else {"kind": existing.kind, "note": existing.note}
    if existing is None:
        session.add(CalendarOverride(office_id=office.id, day=day, kind=kind, note=text))
    else:
        existing.kind, existing.note = kind, text
    payload = {"day": day.isoformat(), "kind": kind, "note": text, "previous": previous}
    record(session, db, actor, "calendar_override", now, office=office, payload=payload)
    return True


def set_override(
    db: Database,
    actor: Actor,
    day: date,
    kind: str,
    note: str,
    *,
    now: datetime,
    office_id: object | None = None,
) -> bool:
    with db.write() as session:
        return set_override_in(session, db, actor, get_office(session, office_id), day, kind, note, now)


def remove_override_in(
    session: Session, db: Database, actor: Actor, office: Office, day: date, now: datetime
) -> bool:
    """The day follows the national calendar and the weekly sessions again; False when it had no
    override (nothing written)."""
    require_role(actor, Role.ADMIN, EDIT)
    _not_past(office, day, now)
    existing = _existing(session, office, day)
    if existing is None:
        return False
    payload = {"day": day.isoformat(), "kind": existing.kind, "note": existing.note}
    session.delete(existing)
    record(session, db, actor, "calendar_override_removed", now, office=office, payload=payload)
    return True


def remove_override(
    db: Database, actor: Actor, day: date, *, now: datetime, office_id: object | None = None
) -> bool:
    with db.write() as session:
        return remove_override_in(session, db, actor, get_office(session, office_id), day, now)


@dataclass(frozen=True)
class PreviewDay:
    day: date
    weekday: str  # "Thứ Hai" … "Chủ nhật"
    sessions: str  # "07:30–11:30, 13:30–17:00"
    note: str  # why a day not worked by the weekly sessions is worked, or the office's note; else ""


@dataclass(frozen=True)
class DayOff:
    day: date
    weekday: str
    reason: str  # the holiday's name, or the office's decision and its note


@dataclass(frozen=True)
class CalendarPreview:
    days: tuple[PreviewDay, ...]  # the next working days, today first when it is one
    # Days the weekly sessions would have worked but that are off (holidays, the office's days off).
    days_off: tuple[DayOff, ...]
    term_days: int
    received_at: datetime
    appointment_at: datetime | None  # of a ``term_days``-working-day procedure received at ``received_at``
    time_policy: str


def preview(
    db: Database, *, now: datetime, days: int = 30, term_days: int = 5, office_id: object | None = None
) -> CalendarPreview:
    """The next ``days`` working days, and the appointment of a procedure received now (computed as
    services/receiving.py computes it)."""
    if not 1 <= days <= MAX_PREVIEW_DAYS:
        raise ValidationError(
            "Số ngày xem trước phải từ 1 đến {limit}.", limit=MAX_PREVIEW_DAYS, field="days"
        )
    if not 1 <= term_days <= MAX_PREVIEW_DAYS:
        raise ValidationError(
            "Thời hạn mẫu phải từ 1 đến {limit} ngày làm việc.", limit=MAX_PREVIEW_DAYS, field="term_days"
        )
    with db.read() as session:
        office = get_office(session, office_id)
        calendar = calendar_for(session, office)
        notes = {day: decision.note for day, decision in calendar_decisions(session, office).items()}
        policy = office.time_policy
    worked: list[PreviewDay] = []
    off: list[DayOff] = []
    day = local_date(office, now)
    for _ in range(MAX_SEARCH_DAYS):
        if len(worked) == days:
            break
        weekday, regular = WEEKDAY_NAMES[day.weekday()], calendar.hours[day.weekday()]
        sessions = calendar.sessions_on(day)
        if sessions:
            text = ", ".join(f"{s.start:%H:%M}–{s.end:%H:%M}" for s in sessions)
            worked.append(PreviewDay(day, weekday, text, _why_worked(calendar, day, bool(regular), notes)))
        elif regular or day in notes:
            reason = calendar.day_off_reason(day) or ""
            if reason == OFFICE_DAY_OFF_REASON and notes.get(day):
                reason = f"{reason}: {notes[day]}"
            off.append(DayOff(day, weekday, reason))
        day += timedelta(days=1)
    term = Term(Decimal(term_days), TermUnit.WORKING_DAY)
    due = latest_appointment(now, (term,), calendar, Policy(policy))
    return CalendarPreview(tuple(worked), tuple(off), term_days, now, due, policy)


def _why_worked(calendar: WorkingCalendar, day: date, regular: bool, notes: dict[date, str]) -> str:
    if day in calendar.overrides.working_days:
        return notes.get(day) or OFFICE_WORK_DAY
    if not regular:
        return SWAPPED_DAY  # worked without the office's say: the national calendar's "làm bù"
    return ""
