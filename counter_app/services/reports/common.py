"""What every report shares: role and input checks, filters, office-local windows, "open at an instant".

Counting vocabulary used by every report (see ``period.py`` for the full rules):

* the **population** of a report is every dossier that was really received: not refused (never
  received), not cancelled (a data-entry mistake: it counts only as cancelled), not ``new`` (an online
  submission not received yet);
* a dossier is **closed** when it is resolved (``resolved_at``), withdrawn or stopped (the instant of its
  ``withdraw``/``stop`` event, written with the status change; a withdrawn or stopped dossier without
  that event — impossible through the services — counts as closed before any period);
* a dossier is **open at an instant T** when it belongs to the population, was received before T and is
  not closed before T;
* it is **waiting for the citizen at T** when, since before T, a supplement requested during processing
  is still pending or a financial obligation is still unpaid (``waiting_since < T``): the clock is
  stopped (pause rule, payment) or restarts (restart rule) when the citizen acts, so it is never
  counted overdue;
* it is **overdue at T** when open at T, not waiting for the citizen, and ``legal_due_at < T`` (the legal
  deadline: an apology moves only the appointment, never the deadline the outcome is judged on).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from dataclasses import fields as dataclass_fields
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, false, literal_column, or_, select, text, union
from sqlalchemy.orm import Session, aliased

from counter_app.db.database import Database
from counter_app.db.models import Agency, Dossier, Event, Field, Office, Procedure, ProcedureVersion, User
from counter_app.domain.calendar import ensure_aware
from counter_app.domain.errors import NotFoundError, ValidationError, as_message
from counter_app.domain.lifecycle import OPEN_STATUSES, Status
from counter_app.domain.timezones import local_midnight as local_midnight  # its home; re-exported
from counter_app.services.actor import Actor, Role, require_reader
from counter_app.services.processing import SATISFACTION_LEVELS  # noqa: F401  (re-exported)
from counter_app.services.reports.sqlkit import listed_rows

# Statuses outside the population (see the module docstring).
EXCLUDED = (str(Status.CANCELLED), str(Status.REFUSED), str(Status.NEW))
OPEN = tuple(sorted(str(s) for s in OPEN_STATUSES))
RESOLVED = (str(Status.RESOLVED), str(Status.RETURNED))
ENDED = (str(Status.WITHDRAWN), str(Status.STOPPED))
# Event kinds that close a dossier without a result.
ENDING_KINDS = ("withdraw", "stop")


@dataclass(frozen=True)
class LabelledCount:
    key: str
    label: str
    count: int


@dataclass(frozen=True)
class OfficeInfo:
    id: uuid.UUID
    name: str
    timezone: str


@dataclass(frozen=True)
class ReportFilters:
    """Which dossiers a report counts, as the user chose them: offices, fields, procedures (codes,
    every version), units (current unit) and officers (who received; for satisfaction, who returned
    the result). Ids may be UUIDs or their text; an empty choice means all. ``build_filters`` checks
    it into ``Filters``: every report takes this one request instead of five arguments."""

    office_ids: tuple[object, ...] = ()
    field_ids: tuple[object, ...] = ()
    procedure_codes: tuple[str, ...] = ()
    unit_ids: tuple[object, ...] = ()
    officer_ids: tuple[object, ...] = ()

    def __post_init__(self) -> None:
        # Lists, generators and None are kept as tuples, so the request stays hashable and re-readable.
        for f in dataclass_fields(self):
            value = getattr(self, f.name)
            object.__setattr__(self, f.name, () if value is None else tuple(value))


NO_FILTERS = ReportFilters()


@dataclass(frozen=True)
class Filters:
    """Validated subsets; ``None`` means no restriction."""

    office_ids: tuple[uuid.UUID, ...] | None = None
    field_ids: tuple[uuid.UUID, ...] | None = None
    version_ids: tuple[uuid.UUID, ...] | None = None
    unit_ids: tuple[uuid.UUID, ...] | None = None
    officer_ids: tuple[uuid.UUID, ...] | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        """Conditions on ``Dossier`` (the office condition is added per time zone group)."""
        out: list[ColumnElement[bool]] = []
        if self.field_ids is not None:
            out.append(Dossier.field_id.in_(self.field_ids))
        if self.version_ids is not None:
            out.append(Dossier.procedure_version_id.in_(self.version_ids) if self.version_ids else false())
        if self.unit_ids is not None:
            out.append(Dossier.current_unit_id.in_(self.unit_ids))
        if self.officer_ids is not None:
            out.append(Dossier.received_by_id.in_(self.officer_ids))
        return out


def require_supervisor(actor: Actor) -> None:
    """Reports are read by supervisors and admins, and by auditors (beside the ladder)."""
    require_reader(actor, Role.SUPERVISOR, "xem báo cáo")


def check_day(value: object, what: str = "Ngày báo cáo") -> date:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise ValidationError(
            "{what} phải là một ngày (không kèm giờ), nhận được {value!r}.",
            what=as_message(what),
            value=value,
            field="date",
        )
    return value


def check_range(date_from: object, date_to: object) -> tuple[date, date]:
    first, last = check_day(date_from, "Ngày bắt đầu"), check_day(date_to, "Ngày kết thúc")
    if first > last:
        raise ValidationError(
            "Khoảng thời gian không hợp lệ: ngày bắt đầu {first:%d/%m/%Y} sau ngày kết thúc {last:%d/%m/%Y}.",
            first=first,
            last=last,
            field="date_from",
        )
    return first, last


def check_instant(value: object, what: str = "Thời điểm") -> datetime:
    if not isinstance(value, datetime):
        raise ValidationError(
            "{what} phải là ngày giờ, nhận được {value!r}.", what=as_message(what), value=value, field="at"
        )
    return ensure_aware(value, what).astimezone(UTC)


def last_instant(end: datetime) -> datetime:
    """The last instant inside the half-open interval ending at ``end``."""
    return end - timedelta(microseconds=1)


def window(first: date, last: date, tz: str) -> tuple[datetime, datetime]:
    """The office-local days ``first``..``last`` as the UTC half-open interval [start, end)."""
    return local_midnight(first, tz), local_midnight(last + timedelta(days=1), tz)


def _ids(values: Iterable[object] | None, what: str) -> tuple[uuid.UUID, ...] | None:
    if values is None:
        return None
    out = []
    for value in values:
        try:
            out.append(value if isinstance(value, uuid.UUID) else uuid.UUID(str(value)))
        except ValueError:
            raise NotFoundError(
                "Không tìm thấy {what} «{value}».", what=as_message(what), value=value
            ) from None
    return tuple(dict.fromkeys(out)) or None


def _check_exist(session: Session, column, ids: tuple[uuid.UUID, ...] | None, what: str) -> None:  # type: ignore[no-untyped-def]
    if ids is None:
        return
    found = set(session.execute(select(column).where(column.in_(ids))).scalars())
    missing = [i for i in ids if i not in found]
    if missing:
        raise NotFoundError("Không tìm thấy {what} «{value}».", what=as_message(what), value=missing[0])


def all_offices(session: Session, office_ids: tuple[uuid.UUID, ...] | None) -> list[OfficeInfo]:
    """The selected offices (every office when ``office_ids`` is None); unknown id → NotFoundError."""
    _check_exist(session, Office.id, office_ids, "đơn vị tiếp nhận")
    query = select(Office.id, Office.name, Office.timezone)
    if office_ids is not None:
        query = query.where(Office.id.in_(office_ids))
    offices = [OfficeInfo(*row) for row in session.execute(query)]
    if not offices:
        raise NotFoundError("Chưa có đơn vị tiếp nhận nào. Hãy chạy «counter-cli init» hoặc «demo».")
    return sorted(offices, key=lambda o: str(o.id))


def build_filters(session: Session, choice: ReportFilters) -> Filters:
    """Check every id and code of ``choice`` exists (NotFoundError otherwise); empty selections mean "all"."""
    offices = _ids(choice.office_ids, "đơn vị tiếp nhận")
    fields = _ids(choice.field_ids, "lĩnh vực")
    units = _ids(choice.unit_ids, "đơn vị giải quyết")
    officers = _ids(choice.officer_ids, "cán bộ")
    _check_exist(session, Office.id, offices, "đơn vị tiếp nhận")
    _check_exist(session, Field.id, fields, "lĩnh vực")
    _check_exist(session, Agency.id, units, "đơn vị giải quyết")
    _check_exist(session, User.id, officers, "cán bộ")
    versions = None
    codes = tuple(dict.fromkeys(c.strip() for c in choice.procedure_codes if c.strip())) or None
    if codes is not None:
        known = set(session.execute(select(Procedure.code).where(Procedure.code.in_(codes))).scalars())
        unknown = [c for c in codes if c not in known]
        if unknown:
            raise NotFoundError("Không có thủ tục mã «{code}».", code=unknown[0], field="procedure_codes")
        versions = tuple(
            session.execute(
                select(ProcedureVersion.id)
                .join(Procedure, Procedure.id == ProcedureVersion.procedure_id)
                .where(Procedure.code.in_(codes))
            ).scalars()
        )
    return Filters(offices, fields, versions, units, officers)


def tz_groups(
    offices: Sequence[OfficeInfo], filtered: bool
) -> list[tuple[str, tuple[uuid.UUID, ...] | None]]:
    """Offices grouped by time zone: each group is queried with its own local-day boundaries.

    The office id list is None when one group holds every office and no office was selected (no
    condition needed)."""
    groups: dict[str, list[uuid.UUID]] = {}
    for office in offices:
        groups.setdefault(office.timezone, []).append(office.id)
    if len(groups) == 1 and not filtered:
        return [(next(iter(groups)), None)]
    return [(tz, tuple(ids)) for tz, ids in sorted(groups.items())]


def office_condition(ids: tuple[uuid.UUID, ...] | None) -> list[ColumnElement[bool]]:
    return [] if ids is None else [Dossier.office_id.in_(ids)]


def ended_since(instant: datetime, events=Event) -> Select[tuple[uuid.UUID | None]]:  # type: ignore[no-untyped-def]
    """Dossiers whose withdraw/stop event happened at or after ``instant``; ``events``: the office's
    ``Event`` or, at the province, ``ExchangeEvent`` (the same columns: its offices' events).

    ``local_date`` (office-local, never later than the UTC date + 1) narrows the index range first.
    The index is named: SQLite's planner, misled by the statistics of a small or young file, would
    otherwise scan every event of the history (seen when four events fewer tipped its estimate)."""
    query = select(events.dossier_id).where(
        events.kind.in_(ENDING_KINDS),
        events.local_date >= (instant - timedelta(days=1)).date(),
        events.occurred_at >= instant,
        events.dossier_id.is_not(None),
    )
    if events is Event:
        query = query.with_hint(Event, "INDEXED BY ix_events_kind_local_date", "sqlite")
    return query


# How SQLite reads ``dossiers`` in a query bounded by a list of row ids (``open_at``): by rowid, no
# index ("NOT INDEXED" keeps every index away, not the rowid).
BY_ROWID = "NOT INDEXED"


def open_status_rows(dialect: str, due_before: datetime | None = None, c=None) -> Select[Any]:  # type: ignore[no-untyped-def]
    """The row ids (SQLite; ids elsewhere) of the dossiers of an open status, with ``due_before``
    only those whose legal deadline is before it, from the (status, legal deadline) index: the
    bulk of the end of day's list lines, which it reads ahead (``prefetch``)."""
    c = aliased(Dossier, name="o") if c is None else c
    ref = literal_column("o.rowid") if dialect == "sqlite" else c.id
    still_open = select(ref).where(c.status.in_(OPEN))
    if due_before is not None:
        still_open = still_open.where(c.legal_due_at < due_before)
        still_open = still_open.with_hint(c, "INDEXED BY ix_dossiers_status_legal_due", "sqlite")
    return still_open


def resolved_since_rows(dialect: str, instant: datetime, c=None) -> Select[Any]:  # type: ignore[no-untyped-def]
    """The row ids (SQLite; ids elsewhere) of the dossiers resolved since ``instant``, from the
    resolution index: open at ``instant``, so read by a list about it (a day already past)."""
    c = aliased(Dossier, name="o") if c is None else c
    ref = literal_column("o.rowid") if dialect == "sqlite" else c.id
    return (
        select(ref)
        .where(c.resolved_at >= instant)
        .with_hint(c, "INDEXED BY ix_dossiers_resolved_at", "sqlite")
    )


def open_candidates(instant: datetime, dialect: str, due_before: datetime | None = None) -> Select[Any]:
    """The row ids (SQLite; the ids elsewhere) of every dossier that may be open at ``instant``, each
    kind listed inside its own index: open statuses (``open_status_rows``), resolved since, withdrawn
    or stopped since. ``open_at`` checks the rule on each."""
    c = aliased(Dossier, name="o")
    ref = literal_column("o.rowid") if dialect == "sqlite" else c.id
    ended = select(ref).where(c.id.in_(ended_since(instant)))
    return union(  # type: ignore[return-value]
        open_status_rows(dialect, due_before, c), resolved_since_rows(dialect, instant, c), ended
    )


def open_at(instant: datetime, dialect: str, due_before: datetime | None = None) -> list[ColumnElement[bool]]:
    """Dossiers open at ``instant`` (module docstring); with ``due_before``, those of an open status
    only when their legal deadline is before it (the caller's lists are bounded by their deadline).

    The candidates are listed first (``open_candidates``), as row ids, and the query reads those
    rows only (``BY_ROWID``), whatever SQLite's statistics would have it do; then the rule itself is
    checked on each."""
    return [
        Dossier.received_at < instant,
        listed_rows(dialect, Dossier, open_candidates(instant, dialect, due_before)),
        or_(
            Dossier.status.in_(OPEN),
            and_(Dossier.resolved_at >= instant, Dossier.status.in_(RESOLVED)),
            and_(Dossier.id.in_(ended_since(instant)), Dossier.status.in_(ENDED)),
        ),
    ]


def not_waiting(instant: datetime | ColumnElement[datetime], dossiers=Dossier) -> ColumnElement[bool]:  # type: ignore[no-untyped-def]
    """Not waiting for the citizen at ``instant``; ``dossiers``: ``Dossier`` or, at the province,
    ``ExchangeDossier`` (the same report columns)."""
    return or_(dossiers.waiting_since.is_(None), dossiers.waiting_since >= instant)


def overdue_at(instant: datetime) -> ColumnElement[bool]:
    """Condition for a dossier already known to be open at ``instant``."""
    return and_(Dossier.legal_due_at < instant, not_waiting(instant))


@contextmanager
def report_session(db: Database):  # type: ignore[no-untyped-def]
    """A read session whose queries all see one snapshot (REPEATABLE READ on PostgreSQL; a SQLite
    read transaction in WAL mode already does)."""
    with db.read() as session:
        if db.dialect == "postgresql":
            session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            # No JIT compilation: a report's statements run once, in well under a second, and their
            # CASE expressions make the planner's cost estimates large enough to start compiling —
            # 0.3 s of compiling for a 0.05 s query (the province's end of day at 1M dossiers).
            session.execute(text("SET LOCAL jit = off"))
        yield session


def names(session: Session, model, ids: Iterable[uuid.UUID | None]) -> dict[uuid.UUID, tuple[str, str]]:  # type: ignore[no-untyped-def]
    """id → (code, name) of fields or agencies; id → (username, full_name) of users."""
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    first = model.username if model is User else model.code
    second = model.full_name if model is User else model.name
    rows = session.execute(select(model.id, first, second).where(model.id.in_(wanted)))
    return {row[0]: (row[1], row[2]) for row in rows}
