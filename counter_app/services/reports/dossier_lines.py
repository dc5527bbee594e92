"""Dossier lines shown in the overdue / due lists: one query, joined names, plain values."""

from __future__ import annotations

import logging
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, String, and_, select, type_coerce
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from counter_app.db.models import Agency, Applicant, Dossier, Event, Office, Procedure, ProcedureVersion
from counter_app.domain.calendar import WorkingCalendar
from counter_app.domain.errors import UserError
from counter_app.domain.lifecycle import STATUS_LABELS, Action
from counter_app.services.dossier_query import named_dossiers
from counter_app.services.field_names import FieldNames
from counter_app.services.offices import calendar_for
from counter_app.services.reports import prefetch
from counter_app.services.reports.clock import WorkClock
from counter_app.services.reports.common import BY_ROWID, local_midnight
from counter_app.services.reports.sqlkit import UuidReader, no_index, read_instant

log = logging.getLogger(__name__)
_KNOWN_STATUSES = frozenset(str(s) for s in STATUS_LABELS)
# Every event that moves a received dossier's status or unit (an apology moves neither).
_CHANGING_KINDS = tuple(str(a) for a in Action if a not in (Action.RECEIVE, Action.APOLOGISE))


class DossierLine(NamedTuple):
    """One dossier of a list (overdue, due soon, end of day). A named tuple: a report lists
    thousands at a million dossiers, and a frozen dataclass costs ~10 µs each to make."""

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
    as_of: datetime | None = None,
) -> list[DossierLine]:
    """Dossiers matching ``where`` with their names, ordered by legal deadline then code; with
    ``overdue_at``, the working days each overdue one is late by (``calendars``: those already read);
    with ``as_of``, the status and unit each had at that instant (a list about the past shows the
    past, not what happened since). ``where`` lists the dossiers' row ids (``common.open_at``): SQLite
    reads those rows and no index."""
    raw = [
        type_coerce(c, String) for c in (Dossier.received_at, Dossier.appointment_at, Dossier.legal_due_at)
    ]
    query = (
        named_dossiers(
            Dossier.code,
            Dossier.status,
            Applicant.full_name,
            Applicant.phone,
            Procedure.code,
            ProcedureVersion.name,
            # Named below as the field was called when the dossier was received (a few fields:
            # each id made a UUID once).
            type_coerce(Dossier.field_id, String),
            Agency.name,
            *raw,  # read below without the ORM's (slow, on SQLite) date parsing
            Dossier.apology_count,
            type_coerce(Dossier.office_id, String),
            Dossier.id,
        )
        .where(*where)
        .with_hint(Dossier, BY_ROWID, "sqlite")
    )
    ids = UuidReader()
    names = FieldNames.load(session)
    fetched = session.connection().execute(query).all()
    # A list about a past instant shows each dossier as it stood then (status, unit).
    then = _status_and_unit_at(session, {r[13]: r[0] for r in fetched}, as_of) if as_of is not None else {}
    rows = []
    for r in fetched:
        received_at = read_instant(r[8])
        status, unit = then.get(r[0], (r[1], r[7]))
        rows.append(
            (
                r[0],
                status,
                *r[2:6],
                names.at(ids(r[6]), received_at),
                unit,
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


def _status_and_unit_at(
    session: Session, codes: dict[uuid.UUID, str], instant: datetime
) -> dict[str, tuple[str, str | None]]:
    """The (status, unit name) at ``instant`` of the dossiers ``codes`` (id → code) that changed
    since, by code, replayed from their events before then: a receipt starts "received", every later
    lifecycle event carries the status it left, every transfer the unit it went to."""
    # Only a dossier whose status or unit changed since can differ from its row today; those are
    # found on the (kind, local date) index from the earliest office-local date of ``instant`` (for
    # today's end of day that is tomorrow: nothing to read), read once and matched here.
    zones = session.execute(select(Office.timezone).distinct()).scalars()
    since = min((instant.astimezone(ZoneInfo(tz)).date() for tz in zones), default=instant.date())
    changed = session.execute(
        select(type_coerce(no_index(Event.dossier_id), String))
        .where(Event.kind.in_(_CHANGING_KINDS), Event.local_date >= since, Event.occurred_at >= instant)
        .distinct()
    ).scalars()
    # Matched as stored (SQLite: 32 hex digits; PostgreSQL's driver gives UUIDs): thousands of ids
    # changed since a past day's end are not each made a UUID.
    listed = {**{i.hex: i for i in codes}, **{i: i for i in codes}}
    by_id = {listed[v]: codes[listed[v]] for v in changed if v in listed}
    wanted = list(by_id)
    out: dict[uuid.UUID, tuple[str, str | None]] = {}
    # The events' dossier ids are matched as stored too (``listed``): a UUID made for each of
    # thousands of events costs more than the replay.
    for stored_id, kind, payload in _events_before(session, wanted, instant):
        dossier_id = listed[stored_id]
        status, unit = out.get(dossier_id, ("", None))
        if kind == "received":  # the receipt's event names no status: it is the first one
            status = "received"
        elif isinstance(payload.get("status"), str):
            status = payload["status"]
        if kind == "transfer":
            unit = payload.get("to_unit_name") or payload.get("to_unit")
        out[dossier_id] = (status, unit)
    return {by_id[i]: v for i, v in out.items() if v[0] in _KNOWN_STATUSES}


# Dossier ids a statement binds: within every backend's limit of bound parameters.
_PER_STATEMENT = 500


def _events_before(session: Session, wanted: list[uuid.UUID], instant: datetime) -> list[Any]:
    """(stored dossier id, kind, payload) of the events of ``wanted`` before ``instant``, each
    dossier's in order. Those rows lie spread over the months each dossier was worked on: on SQLite
    they are read by ``prefetch.READERS`` connections in parallel (the disk answers several reads at
    once about as fast as one, services/reports/prefetch.py). Other connections may read them: an
    event never changes once written (the log is append-only, guarded by triggers), so every
    snapshot holds the same ones."""
    chunks = [wanted[i : i + _PER_STATEMENT] for i in range(0, len(wanted), _PER_STATEMENT)]

    def statement(ids: list[uuid.UUID]) -> Any:
        return (
            select(type_coerce(Event.dossier_id, String), Event.kind, Event.payload)
            .where(Event.dossier_id.in_(ids), Event.occurred_at < instant)
            .order_by(Event.dossier_id, Event.occurred_at, Event.seq)
        )

    engine = session.get_bind()
    if engine.dialect.name != "sqlite" or len(wanted) < prefetch.MIN_ROWS:
        return [row for ids in chunks for row in session.execute(statement(ids))]
    size = min(_PER_STATEMENT, -(-len(wanted) // prefetch.READERS))
    chunks = [wanted[i : i + size] for i in range(0, len(wanted), size)]

    def read(ids: list[uuid.UUID]) -> list[Any] | None:
        try:
            with engine.connect() as conn:  # type: ignore[union-attr]
                return list(conn.execute(statement(ids)))
        except (DBAPIError, UserError, TimeoutError) as exc:  # no free connection, a busy file…
            log.info("events read in the report's own transaction: %s", exc)
            return None

    with ThreadPoolExecutor(max_workers=min(prefetch.READERS, len(chunks))) as pool:
        parts = list(pool.map(read, chunks))
    # A part no other connection could read is read here, where any real error is raised.
    return [
        row
        for ids, rows in zip(chunks, parts, strict=True)
        for row in (rows if rows is not None else session.execute(statement(ids)))
    ]


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
