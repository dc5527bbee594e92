"""At the province: the period report (Biểu 06) across the offices, by office and by field, in total.

Every office's dossiers are counted from the province's view of them (``exchange_dossiers``, which
holds each column the office's own row holds for the reports: ``domain/report_projection.py``) by
the office's own rule — the same classification (``reports/period_sql.classify``), given the
province's tables — so an office's row is the total row of its own report over the same data:

* **judged as of its data.** Each office's dossiers in progress, and which of them are overdue, are
  judged at the end of the period or at the office's «dữ liệu đến» (the newest event applied from
  it), whichever comes first. An office a week offline is shown as it stood a week ago, not a week
  late; its row says up to when;
* **its field** is the one its intake event states (events written before intakes stated it: the
  field of the procedure in the province's catalogue);
* **office-local days** are Vietnam's (``DEFAULT_TZ``): the province knows each dossier's receipt
  date as the office recorded it, and every office in the country keeps the one time zone;
* **the average processing time** (column 21) is measured on each office's own working calendar,
  as its newest bundle stated it (``office_calendars``). It is the one figure not a sum: the total
  is the mean over every office's resolved dossiers.

Only the dossiers that can count are read: those received in the period, and those received before
it that are open now, were resolved since its start or withdrawn / stopped since (each from its own
index) — the others were closed before the period and count nowhere.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, String, and_, case, func, literal, or_, select, type_coerce
from sqlalchemy.orm import Session

from counter_app.db.database import Database
from counter_app.db.models import ExchangeDossier, ExchangeEvent, ExchangePeer, Field
from counter_app.domain.errors import ValidationError
from counter_app.services.actor import Actor
from counter_app.services.event_log import DEFAULT_TZ
from counter_app.services.exchange.office_calendars import OfficeCalendars
from counter_app.services.exchange.province_view import as_of_data, data_until
from counter_app.services.field_names import FieldNames
from counter_app.services.reports.average import average
from counter_app.services.reports.clock import WorkClock, sample_windows
from counter_app.services.reports.common import (
    ENDED,
    OPEN,
    check_range,
    ended_since,
    last_instant,
    report_session,
    require_supervisor,
    window,
)
from counter_app.services.reports.labels import distinct_labels
from counter_app.services.reports.period import (
    TOTAL_LABEL,
    UNASSIGNED,
    PeriodReport,
    PeriodRow,
    outcome_cells,
    period_row,
    tally,
)
from counter_app.services.reports.period_sql import (
    OUTCOME_CLASS,
    PROCESSING_LIMIT,
    SAMPLE_WINDOWS,
    WINDOWS_PER_QUERY,
    Bounds,
    classify,
)
from counter_app.services.reports.sqlkit import gc_paused, read_epoch

D, E = ExchangeDossier, ExchangeEvent


@dataclass(frozen=True)
class OfficeRow:
    """One office's line of the province's report: its figures and how far its data runs."""

    fingerprint: str
    office_code: str
    office_name: str
    data_until: datetime | None  # None: nothing received from it yet
    row: PeriodRow


@dataclass(frozen=True)
class ProvincePeriodReport:
    date_from: date
    date_to: date
    offices: tuple[OfficeRow, ...]  # every enrolled office, by code
    fields: tuple[PeriodRow, ...]  # every field with something in it, across the offices
    total: PeriodRow
    processing_exact: bool

    def as_period_report(self, by: str) -> PeriodReport:
        """The report in the layout of Biểu 06 (its PDF, XLSX and CSV): a row per office (``by``
        "office", each labelled with how far its data runs) or per field ("field")."""
        check_by(by)
        rows = self.fields
        if by == "office":
            rows = tuple(
                replace(o.row, label=f"{o.office_name} ({data_until_text(o.data_until)})")
                for o in self.offices
            )
        note = (
            "Số liệu của mỗi văn phòng là số liệu nó đã gửi về trung tâm tỉnh; hồ sơ đang giải quyết và "
            "quá hạn được xét tại cuối kỳ hoặc tại thời điểm dữ liệu của văn phòng đó đến, nếu sớm hơn."
        )
        return PeriodReport(
            self.date_from, self.date_to, by, (), rows, self.total, self.processing_exact, (note,)
        )


def check_by(by: str) -> None:
    if by not in ("office", "field"):
        raise ValidationError(
            "Báo cáo của tỉnh chỉ lập theo văn phòng («office») hoặc theo lĩnh vực («field»).", field="by"
        )


def data_until_text(at: datetime | None) -> str:
    """«dữ liệu đến 06/12/2026 10:30» (Vietnam's time), or that nothing came yet."""
    if at is None:
        return "chưa có dữ liệu"
    return f"dữ liệu đến {at.astimezone(ZoneInfo(DEFAULT_TZ)):%d/%m/%Y %H:%M}"


def province_period(db: Database, actor: Actor, date_from: date, date_to: date) -> ProvincePeriodReport:
    """The period report across the offices (module docstring)."""
    require_supervisor(actor)
    first, last = check_range(date_from, date_to)
    start, end = window(first, last, DEFAULT_TZ)
    with report_session(db) as session:
        peers = session.execute(select(ExchangePeer).order_by(ExchangePeer.office_code)).scalars().all()
        until = data_until(session)
        judged = per_office(judged_at(until, end), end)
        b = Bounds(first, last, start, end, (), restrict=False, judged_at=judged)
        codes = _count(session, b)
        cells = outcome_cells(codes)
        days: dict[tuple[object, str], list[float]] = defaultdict(list)
        exact = _measure(session, actor, b, sum(cells.values()), days)
        per_key = tally(codes)  # (office, field) → the report's columns
        shown = {k[1] for k, columns in per_key.items() if any(columns.values())}  # type: ignore[index]
        labels = _field_labels(session, shown, last_instant(end))

    def row(code: str, label: str, keys: set[object] | None) -> PeriodRow:
        c: Counter[str] = Counter()
        for k, columns in per_key.items():
            if keys is None or k in keys:
                c.update(columns)
        return period_row(None, code, label, c, average(days, cells, keys))

    offices = tuple(
        OfficeRow(
            p.fingerprint,
            p.office_code,
            p.office_name,
            until.get(p.fingerprint),
            row(p.office_code, p.office_name, {k for k in per_key if k[0] == p.fingerprint}),  # type: ignore[index]
        )
        for p in peers
    )
    fields = tuple(
        row(code, labels[code], {k for k in per_key if k[1] == code})  # type: ignore[index]
        for code in sorted(shown, key=lambda c: (c == "", c))
    )
    return ProvincePeriodReport(first, last, offices, fields, row("", TOTAL_LABEL, None), exact)


def _field_labels(session: Session, codes: set[str], instant: datetime) -> dict[str, str]:
    """field code → its row's label: the name the province's catalogue gives it at the period's
    end, the code added when two read the same (as an office's report labels them); a code the
    province does not know, the code itself; no field, «Chưa xác định lĩnh vực»."""
    ids = dict(session.execute(select(Field.code, Field.id).where(Field.code.in_(codes))).all())
    named = FieldNames.load(session).labels_at(ids.values(), instant)
    by_code = {code: named[i] for code, i in ids.items() if i in named}
    by_code |= {code: (code, code) for code in codes if code and code not in by_code}
    labels = {code: label for code, (_, label) in distinct_labels(by_code).items()}
    return labels | ({"": UNASSIGNED["field"]} if "" in codes else {})


def judged_at(until: dict[str, datetime], end: datetime) -> dict[str, datetime]:
    """Per office, the instant its dossiers are judged at: the period's end or just after its data
    (``as_of_data``), the first. An office with no data yet: the end (``per_office``'s default)."""
    return {fp: min(as_of_data(at), end) for fp, at in until.items()}


def per_office(instants: dict[str, datetime], default: datetime) -> ColumnElement[datetime]:
    """An instant per office (``default`` for any other), as an SQL expression on the dossier's."""
    kind = D.legal_due_at.type
    if not instants:
        return literal(default, kind)
    return case(
        {fp: literal(at, kind) for fp, at in instants.items()},
        value=D.peer_fingerprint,
        else_=literal(default, kind),
    )


def _count(session: Session, b: Bounds) -> Counter[tuple[object, int]]:
    """((office, field), code) → dossiers: ``classify`` on the dossiers that can count."""
    code = classify(b, d=D, e=E).label("code")
    can_count = or_(
        D.received_local_date >= b.first,
        D.status.in_(OPEN),
        D.resolved_at >= b.start,
        and_(D.status.in_(ENDED), D.dossier_id.in_(ended_since(b.start, E))),
    )
    inner = (
        select(D.peer_fingerprint.label("office"), D.field_code.label("field"), code)
        .where(D.status != "new", D.received_local_date <= b.last, can_count)
        .subquery()
    )
    rows = session.execute(
        select(inner.c.office, inner.c.field, inner.c.code, func.count()).group_by(*inner.c)
    )
    return Counter({((office, field), code): n for office, field, code, n in rows})


def _measure(
    session: Session, actor: Actor, b: Bounds, resolved: int, out: dict[tuple[object, str], list[float]]
) -> bool:
    """Working days from receipt to resolution of the dossiers resolved in the period, per
    ((office, field), outcome), each on its office's calendar (``office_calendars``): all of them up
    to ``PROCESSING_LIMIT``, else those resolved inside evenly spread windows (as the offices' own
    reports sample)."""
    if not resolved:
        return True
    exact = resolved <= PROCESSING_LIMIT
    spans = (
        [(b.start, b.end)]
        if exact
        else sample_windows(b.start, b.end, PROCESSING_LIMIT / resolved, SAMPLE_WINDOWS)
    )
    calendars = OfficeCalendars(session, actor)
    with gc_paused():
        by_office: dict[tuple[str, object], list[tuple[tuple[str, str], float, float, str]]] = defaultdict(
            list
        )
        for i in range(0, len(spans), WINDOWS_PER_QUERY):
            windows = spans[i : i + WINDOWS_PER_QUERY]
            for office, office_id, field_code, received, closed, outcome in session.execute(
                select(
                    D.peer_fingerprint,
                    type_coerce(D.office_id, String),
                    D.field_code,
                    type_coerce(D.received_at, String),
                    type_coerce(D.resolved_at, String),
                    D.outcome,
                ).where(
                    or_(*(and_(D.resolved_at >= a, D.resolved_at < z) for a, z in windows)),
                    D.status != "cancelled",
                )
            ):
                by_office[(office, office_id)].append(
                    (
                        (office, field_code),
                        read_epoch(received),
                        read_epoch(closed),
                        OUTCOME_CLASS.get(outcome, "early"),
                    )
                )
        for (office, office_id), rows in by_office.items():
            clock = WorkClock(calendars.of_office(office, office_id))
            days = clock.working_days_between([r[1] for r in rows], [r[2] for r in rows])
            for (key, _, _, outcome), value in zip(rows, days, strict=True):
                out[(key, outcome)].append(value)
    return exact


__all__ = ["OfficeRow", "ProvincePeriodReport", "check_by", "data_until_text", "province_period"]
