"""End-of-day summary of an office, or of one officer's counter (docs/report-rules.md §8).

Counting rules, for the office-local ``day``:

* **received**: dossiers received that day (population: refused, cancelled and not-yet-received online
  dossiers excluded), by channel and by field (two fields of one name told apart by their codes);
  with ``officer_id``, those that officer received;
* **acts of the day** come from the event log (``local_date`` is office-local): supplement slips (at
  intake, phiếu 02, and during processing), refusal slips (phiếu 03), guidance given, transfers (each
  hand-off counts), results resolved, results returned. Acts on a dossier cancelled since are not counted
  (a cancelled dossier counts only as cancelled). With ``officer_id``, the acts that officer did;
* **overdue** and **due tomorrow** are judged at ``at`` (default: the end of the day, 24:00 local — an
  end-of-day report run after closing shows what stays unresolved): overdue = ``common.py``'s rule;
  due tomorrow = open at ``at``, not waiting for the citizen, legal deadline between the end of ``day``
  and the end of the next working day. With ``officer_id``: the dossiers that officer received;
* **cancellations**: cancel events of the day with their reason (with ``officer_id``: cancellations of
  dossiers that officer received);
* **per officer**: received, returned and guidance given, for every officer with one of them;
* **satisfaction**: answers collected with the results returned that day (level 1–5, unanswered).
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from counter_app.db.database import Database
from counter_app.db.models import Dossier, Event, Office, User
from counter_app.domain.lifecycle import CHANNEL_LABELS, Action, Channel
from counter_app.services.actor import Actor
from counter_app.services.anchor import current_anchor
from counter_app.services.field_names import FieldNames
from counter_app.services.offices import calendar_for, get_office
from counter_app.services.reports.common import (
    EXCLUDED,
    SATISFACTION_LEVELS,
    LabelledCount,
    ReportFilters,
    build_filters,
    check_day,
    check_instant,
    last_instant,
    local_midnight,
    names,
    not_waiting,
    open_at,
    open_status_rows,
    report_session,
    require_supervisor,
)
from counter_app.services.reports.dossier_lines import DossierLine, fetch_lines
from counter_app.services.reports.labels import distinct_labels
from counter_app.services.reports.prefetch import prefetch_dossiers
from counter_app.services.reports.sqlkit import no_index

ACTS = (
    "intake_supplement_requested",
    "request_supplement",
    "refused",
    "guidance_given",
    "transfer",
    "resolve",
    "return_result",
)


@dataclass(frozen=True)
class OfficerDay:
    user_id: uuid.UUID
    username: str
    full_name: str
    received: int
    returned: int
    guidance: int


@dataclass(frozen=True)
class Cancellation:
    code: str
    reason: str
    cancelled_at: datetime
    actor: str
    previous_status: str


@dataclass(frozen=True)
class DayReport:
    day: date
    office_id: uuid.UUID
    office_name: str
    officer_id: uuid.UUID | None
    at: datetime  # the instant "overdue" and "due tomorrow" are judged at
    received: int
    received_by_channel: tuple[LabelledCount, ...]
    received_by_field: tuple[LabelledCount, ...]
    supplement_slips: int  # at intake + during processing
    supplement_at_intake: int
    supplement_in_processing: int
    refusals: int
    guidance: int
    transferred: int
    resolved: int
    returned: int
    due_tomorrow_date: date
    due_tomorrow: tuple[DossierLine, ...]
    overdue: tuple[DossierLine, ...]
    cancellations: tuple[Cancellation, ...]
    officers: tuple[OfficerDay, ...]
    satisfaction: tuple[LabelledCount, ...]
    satisfaction_unanswered: int
    # The event log's anchor as the report is made (services/anchor.py): printed under the
    # signatures, so the signed paper can later prove the history up to it unchanged.
    anchor: str = ""


def cancelled_since(day: date, events=Event):  # type: ignore[no-untyped-def]
    """The dossiers cancelled on ``day`` or later: an act of the day on one of them does not count
    (a cancelled dossier counts only as cancelled). ``events``: ``Event``, or at the province
    ``ExchangeEvent``. A cancel follows every act on its dossier, so the few cancel events since
    the day spare a lookup of every dossier acted on."""
    return select(events.dossier_id).where(
        events.kind == str(Action.CANCEL), events.local_date >= day, events.dossier_id.is_not(None)
    )


def _acts(session: Session, office_id: uuid.UUID, day: date, officer: uuid.UUID | None):  # type: ignore[no-untyped-def]
    """(kind, actor id) → number of events of the day, on dossiers not cancelled since."""
    cancelled = cancelled_since(day)
    query = (
        select(Event.kind, Event.actor_id, func.count())
        .where(
            Event.kind.in_(ACTS),
            Event.local_date == day,
            Event.office_id == office_id,
            or_(Event.dossier_id.is_(None), Event.dossier_id.not_in(cancelled)),
        )
        .group_by(Event.kind, Event.actor_id)
    )
    if officer is not None:
        query = query.where(Event.actor_id == officer)
    return Counter({(kind, actor): n for kind, actor, n in session.execute(query)})


def end_of_day(
    db: Database,
    actor: Actor,
    day: date,
    *,
    office_id: object | None = None,
    officer_id: object | None = None,
    at: datetime | None = None,
) -> DayReport:
    """The end-of-day report (module docstring); ``office_id`` defaults to the actor's office."""
    require_supervisor(actor)
    day = check_day(day)
    with report_session(db) as session:
        # One office and one counter at most: checked as every report checks its filters.
        chosen = ReportFilters(
            office_ids=() if office_id is None else (office_id,),
            officer_ids=() if officer_id is None else (officer_id,),
        )
        flt = build_filters(session, chosen)
        office = get_office(session, flt.office_ids[0] if flt.office_ids else actor.office_id)
        officer = flt.officer_ids[0] if flt.officer_ids else None
        end = local_midnight(day + timedelta(days=1), office.timezone)
        instant = end if at is None else check_instant(at)
        received_query = (
            select(Dossier.channel, Dossier.field_id, Dossier.received_by_id, func.count())
            .where(
                Dossier.office_id == office.id,
                Dossier.received_local_date == day,
                Dossier.status.not_in(EXCLUDED),
            )
            .group_by(Dossier.channel, Dossier.field_id, Dossier.received_by_id)
        )
        if officer is not None:
            received_query = received_query.where(Dossier.received_by_id == officer)
        received = session.execute(received_query).all()
        acts = _acts(session, office.id, day, officer)
        mine = [no_index(Dossier.office_id) == office.id]
        if officer is not None:
            mine.append(Dossier.received_by_id == officer)
        calendar = calendar_for(session, office)
        tomorrow = calendar.next_working_day(day)
        tomorrow_end = local_midnight(tomorrow + timedelta(days=1), office.timezone)
        # One pass over the open dossiers for both lists: overdue ones and those due by tomorrow's end
        # (found in the (status, legal deadline) index, not among every open dossier).
        due_by_tomorrow = Dossier.legal_due_at < tomorrow_end
        # The open ones' rows, scattered over months, read ahead in parallel (SQLite). Those resolved
        # since a day already past are left to the query: received a week or two before, their rows
        # lie close together (read ahead too, they made the cold report no faster, the warm one slower).
        prefetch_dossiers(db, session, open_status_rows(db.dialect, tomorrow_end))
        lines = fetch_lines(
            session,
            [*mine, *open_at(instant, db.dialect, tomorrow_end), not_waiting(instant), due_by_tomorrow],
            instant,
            {office.id: calendar},
            as_of=instant,
        )
        overdue = [line for line in lines if line.legal_due_at < instant]  # type: ignore[operator]
        due = [line for line in lines if line.legal_due_at >= end]  # type: ignore[operator]
        cancellations = _cancellations(session, office, day, officer)
        satisfaction = _satisfaction(session, office.id, day, officer)
        fields = FieldNames.load(session).labels_at([f for _, f, _, _ in received], last_instant(end))
        fields = distinct_labels(fields)  # two fields of one name: "Hộ tịch (G15-TP07)", …
        people = names(session, User, [a for _, a in acts] + [r for _, _, r, _ in received])
        anchor = current_anchor(session).text
    report = _assemble(
        day, office, officer, instant, received, acts, fields, people, overdue, due, tomorrow,
        cancellations, satisfaction,
    )  # fmt: skip
    return replace(report, anchor=anchor)


def _cancellations(
    session: Session, office: Office, day: date, officer: uuid.UUID | None
) -> list[Cancellation]:
    query = (
        select(Event.payload, Event.occurred_at, Event.actor, Dossier.code)
        .join(Dossier, Dossier.id == Event.dossier_id)
        .where(Event.kind == "cancel", Event.local_date == day, Event.office_id == office.id)
    )
    if officer is not None:
        query = query.where(Dossier.received_by_id == officer)
    out = [
        Cancellation(code, str(payload.get("reason", "")), at, who, str(payload.get("previous_status", "")))
        for payload, at, who, code in session.execute(query)
    ]
    return sorted(out, key=lambda c: (c.cancelled_at, c.code))


def _satisfaction(
    session: Session, office_id: uuid.UUID, day: date, officer: uuid.UUID | None
) -> Counter[int | None]:
    # From the return events alone — their payload carries the rating the dossier row holds — so no
    # dossier row is read: one day's events lie together in the file, the dossiers returned that day
    # are spread over months of receipts (with a cold page cache that was half the report, issue 11).
    # A dossier returned and then cancelled does not count; a cancel can only follow the return.
    rating = Event.payload["satisfaction"].as_integer()
    cancelled = cancelled_since(day)
    query = (
        select(rating, func.count())
        .where(
            Event.kind == str(Action.RETURN_RESULT),
            Event.local_date == day,
            Event.office_id == office_id,
            Event.dossier_id.not_in(cancelled),
        )
        .group_by(rating)
    )
    if officer is not None:
        query = query.where(Event.actor_id == officer)
    return Counter(dict(session.execute(query).all()))


def _assemble(
    day,
    office,
    officer,
    instant,
    received,
    acts,
    fields,
    people,
    overdue,
    due,
    tomorrow,
    cancellations,
    satisfaction,
) -> DayReport:  # type: ignore[no-untyped-def]
    by_channel: Counter[str] = Counter()
    by_field: Counter[uuid.UUID | None] = Counter()
    by_officer: dict[uuid.UUID, Counter[str]] = {}
    for channel, field_id, officer_id, n in received:
        by_channel[channel] += n
        by_field[field_id] += n
        if officer_id is not None:
            by_officer.setdefault(officer_id, Counter())["received"] += n
    kinds: Counter[str] = Counter()
    for (kind, actor_id), n in acts.items():
        kinds[kind] += n
        if actor_id is not None and kind in ("return_result", "guidance_given"):
            by_officer.setdefault(actor_id, Counter())[kind] += n
    officers = [
        OfficerDay(uid, *people.get(uid, ("", "")), c["received"], c["return_result"], c["guidance_given"])
        for uid, c in by_officer.items()
    ]
    field_rows = [
        LabelledCount(*(fields.get(f) or ("", "Chưa xác định lĩnh vực")), n)  # type: ignore[misc]
        for f, n in by_field.items()
    ]
    return DayReport(
        day=day,
        office_id=office.id,
        office_name=office.name,
        officer_id=officer,
        at=instant,
        received=sum(by_channel.values()),
        received_by_channel=tuple(
            LabelledCount(str(c), CHANNEL_LABELS[c], by_channel[str(c)]) for c in Channel
        ),
        received_by_field=tuple(sorted(field_rows, key=lambda r: (r.key == "", r.key))),
        supplement_slips=kinds["intake_supplement_requested"] + kinds["request_supplement"],
        supplement_at_intake=kinds["intake_supplement_requested"],
        supplement_in_processing=kinds["request_supplement"],
        refusals=kinds["refused"],
        guidance=kinds["guidance_given"],
        transferred=kinds["transfer"],
        resolved=kinds["resolve"],
        returned=kinds["return_result"],
        due_tomorrow_date=tomorrow,
        due_tomorrow=tuple(due),
        overdue=tuple(overdue),
        cancellations=tuple(cancellations),
        officers=tuple(sorted(officers, key=lambda o: o.username)),
        satisfaction=tuple(LabelledCount(str(k), v, satisfaction[k]) for k, v in SATISFACTION_LEVELS.items()),
        satisfaction_unanswered=satisfaction[None],
    )
