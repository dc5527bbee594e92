"""Appointment (ngày hẹn trả kết quả), supplement rules and on-time outcome (docs/domain-rules.md §7).

Two office policies for terms in working days:

* ``Policy.HOURS`` (production rule, Thanh Hóa): N days = N × the working-day length, added inside
  sessions from the receipt instant;
* ``Policy.DAYS`` (Bộ luật Dân sự Điều 147–148): counting starts the working day after the receipt
  day, due at closing time of the N-th working day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from decimal import ROUND_CEILING, Decimal, InvalidOperation
from enum import StrEnum
from typing import TypeVar

from counter_app.domain.calendar import WorkingCalendar, ensure_aware
from counter_app.domain.errors import Message, ValidationError, as_message

DEFAULT_SAME_DAY_CUTOFF = time(15, 0)
# Longest accepted term in its own unit; keeps every computation bounded (≈ 10 years of days).
MAX_TERM_AMOUNT = Decimal(3660)


class TermUnit(StrEnum):
    """Unit of a procedure's processing term."""

    WORKING_DAY = "working_day"
    DAY = "day"
    HOUR = "hour"
    SAME_DAY = "same_day"
    NONE = "none"


class Policy(StrEnum):
    """How an office counts terms in working days."""

    HOURS = "hours"
    DAYS = "days"


class SupplementRule(StrEnum):
    """What a supplement request during processing does to the clock."""

    RESTART = "restart"
    PAUSE = "pause"


class Outcome(StrEnum):
    """Timeliness of a resolved dossier."""

    EARLY = "early"
    ON_TIME = "on_time"
    LATE = "late"


TERM_UNIT_LABELS: dict[TermUnit, str] = {
    TermUnit.WORKING_DAY: "ngày làm việc",
    TermUnit.DAY: "ngày",
    TermUnit.HOUR: "giờ làm việc",
    TermUnit.SAME_DAY: "trong ngày",
    TermUnit.NONE: "không hẹn",
}
POLICY_LABELS: dict[Policy, str] = {
    Policy.HOURS: "Cộng giờ làm việc từ lúc tiếp nhận",
    Policy.DAYS: "Tính từ ngày làm việc tiếp theo (Bộ luật Dân sự)",
}
SUPPLEMENT_RULE_LABELS: dict[SupplementRule, str] = {
    SupplementRule.RESTART: "Tính lại từ khi nhận đủ hồ sơ",
    SupplementRule.PAUSE: "Tạm dừng trong thời gian chờ bổ sung",
}
OUTCOME_LABELS: dict[Outcome, str] = {
    Outcome.EARLY: "Trước hạn",
    Outcome.ON_TIME: "Đúng hạn",
    Outcome.LATE: "Quá hạn",
}

_E = TypeVar("_E", bound=StrEnum)


def _coerce(enum_cls: type[_E], value: str, what: str) -> _E:
    try:
        return enum_cls(value)
    except ValueError as exc:
        raise ValidationError("{what} không hợp lệ: {value!r}.", what=as_message(what), value=value) from exc


def _to_amount(value: object) -> Decimal:
    if isinstance(value, bool):
        raise ValidationError("Thời hạn phải là một số.", field="amount")
    try:
        # str() first so that a float 0.5 becomes Decimal("0.5"), not its binary approximation.
        amount = value if isinstance(value, Decimal) else Decimal(str(value))
    except (InvalidOperation, ValueError) as exc:
        raise ValidationError("Thời hạn không hợp lệ: {value!r}.", value=value, field="amount") from exc
    if not amount.is_finite():
        raise ValidationError("Thời hạn không hợp lệ: {value!r}.", value=value, field="amount")
    if amount < 0:
        raise ValidationError("Thời hạn giải quyết không được âm.", field="amount")
    if amount > MAX_TERM_AMOUNT:
        raise ValidationError(
            "Thời hạn giải quyết quá dài (tối đa {limit}).", limit=MAX_TERM_AMOUNT, field="amount"
        )
    return amount


@dataclass(frozen=True, slots=True)
class Term:
    """Processing term of a procedure, e.g. ``Term(Decimal("0.5"), TermUnit.WORKING_DAY)``."""

    amount: Decimal
    unit: TermUnit

    def __post_init__(self) -> None:
        object.__setattr__(self, "unit", _coerce(TermUnit, self.unit, "Đơn vị thời hạn"))
        object.__setattr__(self, "amount", _to_amount(self.amount))

    @property
    def label(self) -> str:
        """Vietnamese label, e.g. "0,5 ngày làm việc", "trong ngày"."""
        if self.unit in (TermUnit.SAME_DAY, TermUnit.NONE):
            return TERM_UNIT_LABELS[self.unit]
        number = format(self.amount.normalize(), "f").replace(".", ",")
        return f"{number} {TERM_UNIT_LABELS[self.unit]}"

    @property
    def message(self) -> Message:
        """``label`` inside a message: its unit translated as the UI translates labels."""
        unit = Message.label(TERM_UNIT_LABELS[self.unit])
        if self.unit in (TermUnit.SAME_DAY, TermUnit.NONE):
            return unit
        return Message("{number} {unit}", number=Message.decimal(self.amount), unit=unit)


def _scaled(unit: timedelta, amount: Decimal) -> timedelta:
    # Rounded up to the microsecond: the citizen never gets less time than the term grants.
    micro = Decimal(unit // timedelta(microseconds=1)) * amount
    return timedelta(microseconds=int(micro.to_integral_value(rounding=ROUND_CEILING)))


def _whole_days(amount: Decimal) -> int:
    # A fraction of a day counted in whole days is a started day: round up.
    return int(amount.to_integral_value(rounding=ROUND_CEILING))


def _closing_on_or_after(calendar: WorkingCalendar, last_day: datetime, not_before: datetime) -> datetime:
    """Closing time of ``last_day``'s local date, or of the next working day.

    The next day is taken when that date is not worked or already closed at ``not_before`` (only
    possible for a zero-length term), so the appointment is never before the receipt.
    """
    target = last_day.date()
    if calendar.is_working_day(target) and calendar.closing_time(target) >= not_before:
        return calendar.closing_time(target)
    return calendar.closing_time(calendar.next_working_day(target))


def _same_day(local: datetime, calendar: WorkingCalendar, cutoff: time) -> datetime:
    today = local.date()
    # "before 15:00" is strict: a receipt at 15:00:00 already counts as after the cut-off.
    if calendar.is_working_day(today) and local.time().replace(tzinfo=None) < cutoff:
        closing = calendar.closing_time(today)
        if local <= closing:
            return closing
    return calendar.closing_time(calendar.next_working_day(today))


def _civil_working_days(local: datetime, days: int, calendar: WorkingCalendar) -> datetime:
    if days == 0:
        return _closing_on_or_after(calendar, local, local)
    # Điều 147: the term starts on the day after the triggering day, whatever the receipt hour.
    day = local.date()
    for _ in range(days):
        day = calendar.next_working_day(day)
    return calendar.closing_time(day)


def appointment_for(
    received: datetime,
    term: Term,
    calendar: WorkingCalendar,
    policy: Policy = Policy.HOURS,
    same_day_cutoff: time = DEFAULT_SAME_DAY_CUTOFF,
) -> datetime | None:
    """Appointment for a dossier received at ``received`` (aware), in the calendar's zone; ``None`` if
    the procedure has no appointment.

    See the module docstring for the two policies; calendar-day ("ngày"), hour and same-day terms are
    counted the same way under both.
    """
    local = calendar.to_local(received)
    policy = _coerce(Policy, policy, "Cách tính thời hạn")
    if same_day_cutoff.tzinfo is not None:
        raise ValidationError("Giờ chốt nhận trong ngày không được kèm múi giờ.")
    unit, amount = term.unit, term.amount
    if unit is TermUnit.NONE:
        return None
    if unit is TermUnit.SAME_DAY:
        return _same_day(local, calendar, same_day_cutoff)
    if unit is TermUnit.HOUR:
        return calendar.add_working_time(local, _scaled(timedelta(hours=1), amount))
    if unit is TermUnit.DAY:
        # Calendar days skip nothing; only a non-working last day is pushed (Điều 148).
        return _closing_on_or_after(calendar, local + timedelta(days=_whole_days(amount)), local)
    if policy is Policy.HOURS:
        return calendar.add_working_time(local, _scaled(calendar.working_day_length(), amount))
    return _civil_working_days(local, _whole_days(amount), calendar)


def latest_appointment(
    received: datetime,
    terms: Term | Sequence[Term],
    calendar: WorkingCalendar,
    policy: Policy = Policy.HOURS,
    same_day_cutoff: time = DEFAULT_SAME_DAY_CUTOFF,
) -> datetime | None:
    """The latest appointment any of ``terms`` allows; ``None`` when none of them is computable.

    Where the law states several terms and nothing says which one applies, the office must never
    promise earlier than any of them (docs/catalog-rules.md).
    """
    found = [
        due
        for term in ((terms,) if isinstance(terms, Term) else terms)
        if (due := appointment_for(received, term, calendar, policy, same_day_cutoff)) is not None
    ]
    return max(found, default=None)


def appointment_after_supplement(
    original_received: datetime,
    original_appointment: datetime | None,
    requested_at: datetime,
    supplied_at: datetime,
    term: Term | Sequence[Term],
    rule: SupplementRule,
    calendar: WorkingCalendar,
    policy: Policy = Policy.HOURS,
    same_day_cutoff: time = DEFAULT_SAME_DAY_CUTOFF,
) -> datetime | None:
    """New appointment after a supplement was requested at ``requested_at`` and supplied at
    ``supplied_at``.

    ``RESTART``: the term is counted again from the complete dossier. ``PAUSE``: the original
    appointment moves by the working time spent waiting for the citizen.
    """
    received = calendar.to_local(original_received)
    requested = calendar.to_local(requested_at)
    supplied = calendar.to_local(supplied_at)
    rule = _coerce(SupplementRule, rule, "Cách xử lý bổ sung hồ sơ")
    if requested < received:
        raise ValidationError("Thời điểm yêu cầu bổ sung không được trước thời điểm tiếp nhận hồ sơ.")
    if supplied < requested:
        raise ValidationError("Thời điểm nộp bổ sung không được trước thời điểm yêu cầu bổ sung.")
    if rule is SupplementRule.RESTART:
        return latest_appointment(supplied, term, calendar, policy, same_day_cutoff)
    return deadline_after_pause(original_appointment, requested, supplied, calendar)


def deadline_after_pause(
    deadline: datetime | None, paused_at: datetime, resumed_at: datetime, calendar: WorkingCalendar
) -> datetime | None:
    """``deadline`` moved by the working time the clock stood still, from ``paused_at`` to
    ``resumed_at`` (a supplement under the pause rule, a financial obligation being paid)."""
    if resumed_at < paused_at:
        raise ValidationError("Thời điểm tiếp tục giải quyết không được trước thời điểm tạm dừng.")
    if deadline is None:
        return None
    original = calendar.to_local(deadline)
    paused = calendar.working_time_between(calendar.to_local(paused_at), calendar.to_local(resumed_at))
    if paused == timedelta():
        # Nothing to shift: keep the deadline as is, even if it is a closing time.
        return original
    return calendar.add_working_time(original, paused)


def classify_outcome(
    resolved_at: datetime, appointment: datetime | None, calendar: WorkingCalendar
) -> Outcome:
    """Trước hạn / đúng hạn / quá hạn of a dossier resolved at ``resolved_at``.

    After the appointment instant → ``LATE`` (even later the same day); otherwise on the appointment's
    office-local day → ``ON_TIME``; on an earlier local day → ``EARLY``. No appointment → ``EARLY``.
    """
    resolved = calendar.to_local(resolved_at)
    if appointment is None:
        return Outcome.EARLY
    due = calendar.to_local(appointment)
    if resolved.astimezone(UTC) > due.astimezone(UTC):
        return Outcome.LATE
    if resolved.date() == due.date():
        return Outcome.ON_TIME
    return Outcome.EARLY


def is_overdue(now: datetime, appointment: datetime | None) -> bool:
    """True if ``now`` is strictly after the appointment; never overdue without an appointment."""
    ensure_aware(now)
    if appointment is None:
        return False
    return now.astimezone(UTC) > ensure_aware(appointment, "Ngày hẹn").astimezone(UTC)
