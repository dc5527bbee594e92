"""Dossier lines shown in the overdue / due lists: one query, joined names, plain values."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import ColumnElement, String, and_, select, type_coerce
from sqlalchemy.orm import Session

from counter_app.db.models import Agency, Applicant, Dossier, Office, Procedure, ProcedureVersion
from counter_app.domain.calendar import WorkingCalendar
from counter_app.domain.lifecycle import STATUS_LABELS
from counter_app.services.field_names import FieldNames
from counter_app.services.offices import calendar_for
from counter_app.services.reports.clock import WorkClock
from counter_app.services.reports.common import local_midnight
from counter_app.services.reports.sqlkit import UuidReader, no_index, read_instant


@dataclass(frozen=True)
class DossierLine:
    code: str
    status: str
    status_label: str
    applicant_name: str
    applicant_phone: str | None
    procedure_code: str
    procedure_name: str
    field_name: str | None
    unit_name: str | None
    received_at: datetime
    appointment_at: datetime | None  # what the applicant was told (moved by an apology)
    legal_due_at: datetime | None  # the legal deadline (overdue is judged on it)
    apology_count: int
    # Working time from the legal deadline to the list's instant, in working days (overdue lines only).
    overdue_working_days: float | None = None


def fetch_lines(
    session: Session,
    where: list[ColumnElement[bool]],
    overdue_at: datetime | None = None,
    calendars: dict[uuid.UUID, WorkingCalendar] | None = None,
) -> list[DossierLine]:
    """Dossiers matching ``where`` with their names, ordered by legal deadline then code; with
    ``overdue_at``, the working days each overdue one is late by (``calendars``: those already read)."""
    raw = [
        type_coerce(c, String) for c in (Dossier.received_at, Dossier.appointment_at, Dossier.legal_due_at)
    ]
    query = (
        select(
            Dossier.code,
            Dossier.status,
            Applicant.full_name,
            Applicant.phone,
            Procedure.code,
            ProcedureVersion.name,
            Dossier.field_id,  # named below as the field was called when the dossier was received
            Agency.name,
            *raw,  # read below without the ORM's (slow, on SQLite) date parsing
            Dossier.apology_count,
            type_coerce(Dossier.office_id, String),
        )
        .join(Applicant, Applicant.id == Dossier.applicant_id)
        .join(ProcedureVersion, ProcedureVersion.id == Dossier.procedure_version_id)
        .join(Procedure, Procedure.id == ProcedureVersion.procedure_id)
        .outerjoin(Agency, Agency.id == Dossier.current_unit_id)
        .where(*where)
    )
    ids = UuidReader()
    names = FieldNames.load(session)
    rows = []
    for r in session.connection().execute(query):
        received_at = read_instant(r[8])
        field_name = names.at(r[6], received_at)
        rows.append(
            (
                *r[:6],
                field_name,
                r[7],
                received_at,
                read_instant(r[9]),
                read_instant(r[10]),
                r[11],
                ids(r[12]),
            )
        )
    late: dict[str, float] = {}
    if overdue_at is not None:
        known = calendars or {}
        for office_id in {r[12] for r in rows}:
            calendar = known.get(office_id)
            if calendar is None:
                office = session.get(Office, office_id)
                assert office is not None
                calendar = calendar_for(session, office)
            mine = [r for r in rows if r[12] == office_id and r[10] is not None and r[10] < overdue_at]
            values = WorkClock(calendar).working_days_many([(r[10], overdue_at) for r in mine])
            late.update({r[0]: round(v, 2) for r, v in zip(mine, values, strict=True)})
    labels = {str(s): label for s, label in STATUS_LABELS.items()}
    lines = [
        DossierLine(*r[:2], labels[r[1]], *r[2:12], overdue_working_days=late.get(r[0]))  # type: ignore[arg-type]
        for r in rows
    ]
    far = datetime.max.replace(tzinfo=lines[0].received_at.tzinfo) if lines else None
    lines.sort(key=lambda line: (line.legal_due_at or far, line.code))
    return lines


def due_before(session: Session, office_id: uuid.UUID, day: date, working_days: int, tz: str) -> datetime:
    """Local midnight after the ``working_days``-th working day after ``day`` (``day`` itself for 0)."""
    office = session.get(Office, office_id)
    assert office is not None
    calendar = calendar_for(session, office)
    for _ in range(working_days):
        day = calendar.next_working_day(day)
    return local_midnight(day + timedelta(days=1), tz)


def due_window(office_id: uuid.UUID, start: datetime, end: datetime) -> ColumnElement[bool]:
    return and_(
        no_index(Dossier.office_id) == office_id, Dossier.legal_due_at >= start, Dossier.legal_due_at < end
    )
