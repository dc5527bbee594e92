"""At the province: the end-of-day summary across the offices, one line per office and the total.

Each office's line holds what its own end-of-day report holds (``reports/end_of_day``), counted by
the same rules from the province's view of its dossiers and its events — one line per office
database: one holding several offices (a centre and its branches) has their figures added up, its
next working day taken from the office it is enrolled as:

* **received** that day (population only), by channel;
* **acts of the day** from its events: supplement slips (at intake and during processing), refusal
  slips, guidance given, hand-offs, results resolved and returned — not counting acts on a dossier
  cancelled since; the **cancellations** of the day;
* **overdue** and **due by the next working day's end**, judged at the end of the day or at the
  office's «dữ liệu đến», whichever comes first (an office offline since the morning is not shown
  late at night); the next working day is the office's own, on the calendar its newest bundle
  stated (``office_calendars``);
* **satisfaction**: the answers given with the results returned that day, per level.

The day is Vietnam's office-local day (``DEFAULT_TZ``), as the offices record it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session

from counter_app.db.database import Database
from counter_app.db.models import ExchangeChain, ExchangeDossier, ExchangeEvent, ExchangePeer
from counter_app.domain.lifecycle import Action, Channel
from counter_app.services.actor import Actor
from counter_app.services.event_log import DEFAULT_TZ
from counter_app.services.exchange.office_calendars import OfficeCalendars
from counter_app.services.exchange.province_reports import judged_at, per_office
from counter_app.services.exchange.province_view import data_until
from counter_app.services.reports.common import (
    ENDED,
    ENDING_KINDS,
    EXCLUDED,
    OPEN,
    RESOLVED,
    SATISFACTION_LEVELS,
    check_day,
    ended_since,
    local_midnight,
    not_waiting,
    report_session,
    require_supervisor,
)
from counter_app.services.reports.end_of_day import ACTS, cancelled_since

D, E = ExchangeDossier, ExchangeEvent


@dataclass(frozen=True)
class DayFigures:
    """An office's end-of-day figures (the total line: every office's added up)."""

    received: int = 0
    received_by_channel: dict[str, int] = field(default_factory=dict)  # direct, online, postal
    supplement_at_intake: int = 0
    supplement_in_processing: int = 0
    refusals: int = 0
    guidance: int = 0
    transferred: int = 0
    resolved: int = 0
    returned: int = 0
    overdue: int = 0
    due_tomorrow: int = 0
    cancelled: int = 0
    satisfaction: dict[int, int] = field(default_factory=dict)  # level → answers
    satisfaction_unanswered: int = 0

    @property
    def supplement_slips(self) -> int:
        return self.supplement_at_intake + self.supplement_in_processing


@dataclass(frozen=True)
class OfficeDayLine:
    fingerprint: str
    office_code: str
    office_name: str
    data_until: datetime | None
    judged_at: datetime  # the instant its overdue and due-tomorrow dossiers were judged at
    due_tomorrow_date: date  # its next working day, on its own calendar
    figures: DayFigures


@dataclass(frozen=True)
class ProvinceDayReport:
    day: date
    offices: tuple[OfficeDayLine, ...]
    total: DayFigures


def province_day(db: Database, actor: Actor, day: date) -> ProvinceDayReport:
    """The end-of-day summary across the offices (module docstring)."""
    require_supervisor(actor)
    day = check_day(day)
    end = local_midnight(day + timedelta(days=1), DEFAULT_TZ)
    with report_session(db) as session:
        peers = session.execute(select(ExchangePeer).order_by(ExchangePeer.office_code)).scalars().all()
        until = data_until(session)
        calendars = OfficeCalendars(session, actor)
        tomorrow = {p.fingerprint: calendars.of_peer(p.fingerprint).next_working_day(day) for p in peers}
        counts: dict[str, Counter[str]] = {p.fingerprint: Counter() for p in peers}
        _received(session, day, counts)
        _acts(session, day, counts)
        ends = {fp: local_midnight(d + timedelta(days=1), DEFAULT_TZ) for fp, d in tomorrow.items()}
        judged = judged_at(until, end)
        _open_lists(
            session,
            per_office(judged, end),
            end,
            per_office(ends, end),
            (min(judged.values(), default=end), max(ends.values(), default=end)),
            counts,
        )
        _satisfaction(session, day, counts)
    lines = tuple(
        OfficeDayLine(
            p.fingerprint,
            p.office_code,
            p.office_name,
            until.get(p.fingerprint),
            judged.get(p.fingerprint, end),
            tomorrow[p.fingerprint],
            _figures(counts[p.fingerprint]),
        )
        for p in peers
    )
    everything: Counter[str] = Counter()
    for c in counts.values():
        everything.update(c)
    return ProvinceDayReport(day, lines, _figures(everything))


def _add(counts: dict[str, Counter[str]], rows, name) -> None:  # type: ignore[no-untyped-def]
    """Add (office, detail, n) rows to each office's counter under ``name(detail)``."""
    for office, detail, n in rows:
        if office in counts:
            counts[office][name(detail)] += n


def _received(session: Session, day: date, counts: dict[str, Counter[str]]) -> None:
    rows = session.execute(
        select(D.peer_fingerprint, D.channel, func.count())
        .where(D.received_local_date == day, D.status.not_in(EXCLUDED))
        .group_by(D.peer_fingerprint, D.channel)
    )
    _add(counts, rows, lambda channel: f"channel:{channel}")


def _office_of_event():  # type: ignore[no-untyped-def]
    return ExchangeChain.node_id == E.node_id


def _not_cancelled_since(day: date):  # type: ignore[no-untyped-def]
    return or_(E.dossier_id.is_(None), E.dossier_id.not_in(cancelled_since(day, E)))


def _acts(session: Session, day: date, counts: dict[str, Counter[str]]) -> None:
    """The acts of the day (on dossiers not cancelled since) and the day's cancellations."""
    rows = session.execute(
        select(ExchangeChain.peer_fingerprint, E.kind, func.count())
        .join(ExchangeChain, _office_of_event())
        .where(E.kind.in_(ACTS), E.local_date == day, _not_cancelled_since(day))
        .group_by(ExchangeChain.peer_fingerprint, E.kind)
    )
    _add(counts, rows, lambda kind: f"act:{kind}")
    rows = session.execute(
        select(ExchangeChain.peer_fingerprint, E.kind, func.count())
        .join(ExchangeChain, _office_of_event())
        .where(E.kind == str(Action.CANCEL), E.local_date == day, E.dossier_id.is_not(None))
        .group_by(ExchangeChain.peer_fingerprint, E.kind)
    )
    _add(counts, rows, lambda _: "cancelled")


def _open_lists(session: Session, judged, end: datetime, tomorrow_end, bounds, counts) -> None:  # type: ignore[no-untyped-def]
    """Overdue at each office's judged instant, and due from the day's end to the end of the
    office's next working day: among the dossiers open then and not waiting for the citizen
    (``reports/common``). ``bounds``: the earliest judged instant and the latest next working
    day's end, over the offices — plain values the indexes can seek (the per-office instants are
    expressions: without them every dossier would be read)."""
    earliest, latest = bounds
    ended_since_judged = exists(
        select(E.id).where(E.dossier_id == D.dossier_id, E.kind.in_(ENDING_KINDS), E.occurred_at >= judged)
    )
    # Open at each office's instant (``reports/common.open_at``), each arm bounded by a plain value
    # too — the earliest of the instants — that an index can seek: the per-office instants are
    # expressions, and without the bounds every resolved dossier of the history would be read.
    open_then = and_(
        D.received_at < judged,
        or_(
            D.status.in_(OPEN),
            and_(D.resolved_at >= earliest, D.resolved_at >= judged, D.status.in_(RESOLVED)),
            and_(
                D.status.in_(ENDED),
                D.dossier_id.in_(ended_since(earliest, E)),
                D.last_event_at >= judged,
                ended_since_judged,
            ),
        ),
    )
    late = D.legal_due_at < judged
    rows = session.execute(
        select(D.peer_fingerprint, late, func.count())
        .where(
            D.legal_due_at < latest,
            open_then,
            not_waiting(judged, D),
            D.legal_due_at < tomorrow_end,
            or_(late, D.legal_due_at >= end),
        )
        .group_by(D.peer_fingerprint, late)
    )
    _add(counts, rows, lambda overdue: "overdue" if overdue else "due_tomorrow")


def _satisfaction(session: Session, day: date, counts: dict[str, Counter[str]]) -> None:
    rating = E.payload["satisfaction"].as_integer()
    rows = session.execute(
        select(ExchangeChain.peer_fingerprint, rating, func.count())
        .join(ExchangeChain, _office_of_event())
        .where(E.kind == str(Action.RETURN_RESULT), E.local_date == day, _not_cancelled_since(day))
        .group_by(ExchangeChain.peer_fingerprint, rating)
    )
    _add(counts, rows, lambda level: f"satisfaction:{level}")


def _figures(c: Counter[str]) -> DayFigures:
    by_channel = {str(ch): c[f"channel:{ch}"] for ch in Channel}
    return DayFigures(
        received=sum(by_channel.values()),
        received_by_channel=by_channel,
        supplement_at_intake=c["act:intake_supplement_requested"],
        supplement_in_processing=c["act:request_supplement"],
        refusals=c["act:refused"],
        guidance=c["act:guidance_given"],
        transferred=c["act:transfer"],
        resolved=c["act:resolve"],
        returned=c["act:return_result"],
        overdue=c["overdue"],
        due_tomorrow=c["due_tomorrow"],
        cancelled=c["cancelled"],
        satisfaction={level: c[f"satisfaction:{level}"] for level in SATISFACTION_LEVELS},
        satisfaction_unanswered=c["satisfaction:None"],
    )


__all__ = ["DayFigures", "OfficeDayLine", "ProvinceDayReport", "province_day"]
