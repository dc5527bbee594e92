"""The tracking list (Theo dõi): filtered dossiers, a page at a time, newest first.

Keyset pagination (received_at, id) keeps every page an index range scan, so scrolling through a
million dossiers costs the same on the last page as on the first.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select, tuple_

from counter_app.db.database import Database
from counter_app.db.models import Agency, Applicant, Dossier, Field, Office, ProcedureVersion, User
from counter_app.domain.errors import ValidationError
from counter_app.domain.lifecycle import RUNNING_STATUSES
from counter_app.services.actor import Actor
from counter_app.services.dossier_query import named_dossiers
from counter_app.services.field_names import FieldNames
from counter_app.services.offices import calendar_for, get_office
from counter_app.services.reports.labels import distinct_labels

DUE_FILTERS = ("due_today", "due_2_days", "overdue")


@dataclass(frozen=True)
class TrackFilter:
    statuses: tuple[str, ...] = ()
    field_id: uuid.UUID | None = None
    unit_id: uuid.UUID | None = None
    officer_id: uuid.UUID | None = None
    received_from: date | None = None
    received_to: date | None = None
    due: str | None = None  # due_today | due_2_days | overdue


@dataclass(frozen=True)
class TrackRow:
    id: uuid.UUID
    code: str
    applicant_name: str
    procedure_name: str
    field_name: str
    unit_name: str
    officer: str
    status: str
    received_at: datetime
    appointment_at: datetime | None


@dataclass(frozen=True)
class TrackPage:
    rows: list[TrackRow] = field(default_factory=list)
    next_key: tuple[datetime, uuid.UUID] | None = None


_ROWS = named_dossiers(
    Dossier.id,
    Dossier.code,
    Applicant.full_name,
    ProcedureVersion.name,
    Dossier.field_id,  # named below as the field was called when the dossier was received
    Agency.name,
    User.full_name,
    Dossier.status,
    Dossier.received_at,
    Dossier.appointment_at,
).outerjoin(User, User.id == Dossier.received_by_id)


def _local_midnight(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tz)


def list_dossiers(
    db: Database,
    actor: Actor,
    filters: TrackFilter,
    *,
    now: datetime,
    after: tuple[datetime, uuid.UUID] | None = None,
    limit: int = 200,
) -> TrackPage:
    """One page of dossiers matching ``filters``; pass ``next_key`` back as ``after`` for the next."""
    if filters.received_from and filters.received_to and filters.received_from > filters.received_to:
        raise ValidationError(
            "Khoảng ngày tiếp nhận không hợp lệ: «từ ngày» sau «đến ngày».", field="received_from"
        )
    if filters.due is not None and filters.due not in DUE_FILTERS:
        raise ValidationError("Bộ lọc hạn «{due}» không hợp lệ.", due=filters.due, field="due")
    with db.read() as session:
        office: Office = get_office(session, actor.office_id)
        tz = ZoneInfo(office.timezone)
        stmt = _ROWS
        if filters.field_id:
            stmt = stmt.where(Dossier.field_id == filters.field_id)
        if filters.unit_id:
            stmt = stmt.where(Dossier.current_unit_id == filters.unit_id)
        if filters.officer_id:
            stmt = stmt.where(Dossier.received_by_id == filters.officer_id)
        if filters.received_from:
            stmt = stmt.where(Dossier.received_at >= _local_midnight(filters.received_from, tz))
        before = _local_midnight(filters.received_to + timedelta(days=1), tz) if filters.received_to else None
        if after is not None and (before is None or after[0] < before):
            # A row value, not «received_at < at OR (received_at = at AND id < key)»: SQLite (≥ 3.15)
            # and PostgreSQL both read it as one index range starting at the key, where the OR form
            # made SQLite walk the index from the newest dossier down to the page (issue 11). It
            # implies the «đến ngày» bound, which is left out: given both upper bounds, SQLite
            # ranges over the date one and walks from the end of the range down to the page.
            # The right side is a plain tuple so each value is bound with its column's type.
            stmt = stmt.where(tuple_(Dossier.received_at, Dossier.id) < tuple(after))
        elif before is not None:
            stmt = stmt.where(Dossier.received_at < before)
        if filters.due:
            # Waiting for the citizen: the clock stands still, nothing is due.
            stmt = stmt.where(Dossier.status.in_([str(s) for s in RUNNING_STATUSES]))
            if filters.due == "overdue":
                stmt = stmt.where(Dossier.appointment_at < now)
            else:
                calendar = calendar_for(session, office)
                last_day = now.astimezone(tz).date()
                if filters.due == "due_2_days":
                    last_day = calendar.next_working_day(calendar.next_working_day(last_day))
                end = _local_midnight(last_day + timedelta(days=1), tz)
                stmt = stmt.where(Dossier.appointment_at >= now, Dossier.appointment_at < end)
        newest = (Dossier.received_at.desc(), Dossier.id.desc())
        # Several statuses: one index range per status, merged here. An IN over the status index
        # would make the database sort every open dossier before taking the first page.
        per_status = [stmt.where(Dossier.status == s) for s in filters.statuses] or [stmt]
        conn = session.connection()
        found = [r for part in per_status for r in conn.execute(part.order_by(*newest).limit(limit))]
        found.sort(key=lambda r: (r.received_at, r.id), reverse=True)
        names = FieldNames.load(session)
        rows = [
            TrackRow(*r[:4], names.at(r[4], r.received_at) or "", r[5] or "", r[6] or "", *r[7:])
            for r in found[:limit]
        ]
    next_key = (rows[-1].received_at, rows[-1].id) if len(rows) == limit else None
    return TrackPage(rows, next_key)


@dataclass(frozen=True)
class Choice:
    id: uuid.UUID
    label: str


def filter_choices(db: Database) -> dict[str, list[Choice]]:
    """Fields, units and officers for the filter drop-downs."""
    with db.read() as session:
        return {
            # Two fields may share a name (Hộ tịch: G15-TP07 and G08-NG07): the code tells them apart.
            "fields": sorted(
                (
                    Choice(i, label)
                    for i, (_, label) in distinct_labels(
                        {i: (c, n) for i, c, n in session.execute(select(Field.id, Field.code, Field.name))}
                    ).items()
                ),
                key=lambda c: c.label,
            ),
            "units": [
                Choice(i, n) for i, n in session.execute(select(Agency.id, Agency.name).order_by(Agency.name))
            ],
            "officers": [
                Choice(i, n)
                for i, n in session.execute(select(User.id, User.full_name).order_by(User.full_name))
            ],
        }
