"""Period report "Tình hình, kết quả giải quyết TTHC" (docs/report-rules.md §3; Biểu 06 of TT 01/2020/TT-VPCP).

One row per field (``by="field"``) or per unit (``by="unit"``: the unit currently holding the dossier,
or that last held it), plus a total row. The period is the office-local days ``date_from`` to
``date_to``: the UTC interval [date_from 00:00 local, date_to + 1 00:00 local), per office time zone.

Counting rules (the form is silent on most of them; ``common.py`` defines "population", "closed",
"open at", "waiting for the citizen" and "overdue"):

* **received** (số mới tiếp nhận) = population dossiers received in the period (by their office-local
  receipt date), split online / direct + postal by submission channel;
* **carried over** (từ kỳ trước) = population dossiers received before the period and open at its
  start;
* **to process** (tổng số hồ sơ nhận giải quyết, the form's "Tổng số") = received + carried over;
* **resolved** = population dossiers resolved in the period, by their recorded outcome: early (on a day
  before that of the legal deadline; also a procedure without deadline), on time (on the day of the legal
  deadline, not after its instant), late; **late with apology** is the part of late dossiers that got
  at least one apology letter (it stays late);
* **withdrawn** / **stopped** = population dossiers whose withdraw / stop event falls in the period;
* **in progress** = population dossiers open at the end of the period, **overdue** when overdue at
  that instant (legal deadline before it, not waiting for the citizen), else **within term**;
* so, row by row: to process = resolved + withdrawn + stopped + in progress;
* **refused** = dossiers refused in the period (refusal happens at intake: its receipt date);
* **cancelled** = dossiers numbered in the period and cancelled since (whenever): a cancelled dossier
  counts nowhere else, and re-running an old period after a cancellation moves that dossier from its
  columns to "cancelled" — the numbers issued in a period always add up;
* a row is labelled with the field's (unit's) name; when two rows would read the same (two fields
  named "Hộ tịch"), both get their code appended: "Hộ tịch (G15-TP07)" (``labels.py``);
* a report describes past periods with today's data: the unit, the legal deadline (moved by a later
  supplement) and a later cancellation are those recorded now;
* **on-time rate** = (early + on time) / resolved (None without resolved dossiers);
* **average processing time** = mean working time from receipt to resolution, in working days of the
  office calendar (sessions, holidays, swapped Saturdays, overrides; the standard day length), over the
  resolved dossiers. Exact up to ``PROCESSING_LIMIT`` resolved dossiers; above that it is estimated on
  the dossiers resolved inside evenly spread time windows, each (row, outcome) cell's mean weighted by
  the cell's exact count (``processing_sample`` says how many were measured, ``processing_exact``
  whether that was all) — the only figure not computed in SQL.
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement

from counter_app.db.database import Database
from counter_app.db.models import Agency, Dossier
from counter_app.domain.errors import ValidationError
from counter_app.services.actor import Actor
from counter_app.services.event_log import DEFAULT_TZ
from counter_app.services.field_names import FieldNames
from counter_app.services.reports.average import average, measure
from counter_app.services.reports.common import (
    NO_FILTERS,
    ReportFilters,
    all_offices,
    build_filters,
    check_instant,
    check_range,
    last_instant,
    names,
    report_session,
    require_supervisor,
    tz_groups,
    window,
)
from counter_app.services.reports.labels import distinct_labels
from counter_app.services.reports.period_sql import (
    CANCELLED_IN_PERIOD,
    CLOSING_OUTCOME,
    REFUSED_IN_PERIOD,
    Bounds,
    count_codes,
)

UNASSIGNED = {"field": "Chưa xác định lĩnh vực", "unit": "Chưa chuyển đơn vị giải quyết"}
TOTAL_LABEL = "Tổng cộng"


@dataclass(frozen=True)
class PeriodRow:
    id: uuid.UUID | None  # field or unit id; None for "unassigned" and for the total row
    code: str  # field / unit code ("" for unassigned and total)
    label: str
    received: int = 0
    received_online: int = 0
    received_direct_postal: int = 0
    carried_over: int = 0
    to_process: int = 0
    resolved: int = 0
    resolved_early: int = 0
    resolved_on_time: int = 0
    resolved_late: int = 0
    resolved_late_with_apology: int = 0
    in_progress: int = 0
    in_progress_within_term: int = 0
    in_progress_overdue: int = 0
    withdrawn: int = 0
    stopped: int = 0
    refused: int = 0
    cancelled: int = 0
    on_time_rate: float | None = None
    avg_processing_days: float | None = None
    processing_sample: int = 0


@dataclass(frozen=True)
class PeriodReport:
    date_from: date
    date_to: date
    by: str
    office_ids: tuple[uuid.UUID, ...]
    rows: tuple[PeriodRow, ...]
    total: PeriodRow
    processing_exact: bool
    notes: tuple[str, ...] = ()  # printed under the table's own (the province's report: issue 15)


def outcome_cells(codes: Counter[tuple[object, int]]) -> Counter[tuple[object, str]]:
    """(key, outcome) → dossiers resolved in the period: the weights of the average time."""
    cells: Counter[tuple[object, str]] = Counter()
    for (k, code), n in codes.items():
        if code < 100 and code % 16 in CLOSING_OUTCOME:
            cells[(k, CLOSING_OUTCOME[code % 16])] += n
    return cells


def tally(codes: Counter[tuple[object, int]]) -> dict[object, Counter[str]]:
    """(key, code) counts (``period_sql``) → the report's columns per key."""
    out: dict[object, Counter[str]] = defaultdict(Counter)
    for (key, code), n in codes.items():
        row = out[key]
        if code == CANCELLED_IN_PERIOD:
            row["cancelled"] += n
        elif code == REFUSED_IN_PERIOD:
            row["refused"] += n
        elif code < 100:
            receipt, closing = divmod(code, 16)
            if receipt == 1:
                row["received_online"] += n
            elif receipt == 2:
                row["received_direct_postal"] += n
            elif closing:
                row["carried_over"] += n
            column = {
                1: "resolved_early",
                2: "resolved_on_time",
                3: "resolved_late",
                4: "resolved_late_with_apology",
                5: "withdrawn",
                6: "stopped",
                7: "in_progress_within_term",
                8: "in_progress_overdue",
            }.get(closing)
            if column:
                row[column] += n
    return out


def period_row(
    ident: uuid.UUID | None, code: str, label: str, c: Counter[str], average: tuple[float | None, int]
) -> PeriodRow:
    late = c["resolved_late"] + c["resolved_late_with_apology"]
    received = c["received_online"] + c["received_direct_postal"]
    resolved = c["resolved_early"] + c["resolved_on_time"] + late
    return PeriodRow(
        ident,
        code,
        label,
        received=received,
        received_online=c["received_online"],
        received_direct_postal=c["received_direct_postal"],
        carried_over=c["carried_over"],
        to_process=received + c["carried_over"],
        resolved=resolved,
        resolved_early=c["resolved_early"],
        resolved_on_time=c["resolved_on_time"],
        resolved_late=late,
        resolved_late_with_apology=c["resolved_late_with_apology"],
        in_progress=c["in_progress_within_term"] + c["in_progress_overdue"],
        in_progress_within_term=c["in_progress_within_term"],
        in_progress_overdue=c["in_progress_overdue"],
        withdrawn=c["withdrawn"],
        stopped=c["stopped"],
        refused=c["refused"],
        cancelled=c["cancelled"],
        on_time_rate=(c["resolved_early"] + c["resolved_on_time"]) / resolved if resolved else None,
        avg_processing_days=average[0],
        processing_sample=average[1],
    )


def period_report(
    db: Database,
    actor: Actor,
    date_from: date,
    date_to: date,
    *,
    filters: ReportFilters = NO_FILTERS,
    by: str = "field",
    as_of: datetime | None = None,
    _plan: str = "auto",
) -> PeriodReport:
    """The period report (module docstring). ``filters`` narrow the dossiers counted: offices (none:
    all), fields, procedures (codes, every version), units (current unit) and officers (who received).
    ``as_of``: when it comes before the period's end, the report as it stood then — the dossiers
    received before it, in progress and overdue judged at it, resolved, withdrawn or stopped only
    before it (the province judges each office as of its data, issue 15)."""
    require_supervisor(actor)
    first, last = check_range(date_from, date_to)
    judged = None if as_of is None else check_instant(as_of, "Thời điểm xét")
    if by not in UNASSIGNED:
        raise ValidationError(
            "Báo cáo chỉ lập theo lĩnh vực («field») hoặc theo đơn vị («unit»).", field="by"
        )
    key: ColumnElement[object] = Dossier.field_id if by == "field" else Dossier.current_unit_id
    with report_session(db) as session:
        flt = build_filters(session, filters)
        offices = all_offices(session, flt.office_ids)
        codes: Counter[tuple[object, int]] = Counter()
        days: dict[tuple[object, str], list[float]] = defaultdict(list)
        exact = True
        ends: list[datetime] = []  # each time zone's end of the period
        for tz, ids in tz_groups(offices, flt.office_ids is not None):
            group = ids or tuple(o.id for o in offices)
            start, end = window(first, last, tz)
            ends.append(end)
            early = judged if judged is not None and judged < end else None
            bounds = Bounds(first, last, start, end, group, restrict=ids is not None, judged_at=early)
            # As it stood then: nothing received after it, no resolution after it measured.
            then = [] if early is None else [Dossier.received_at < early]
            found = count_codes(db, session, key, bounds, [*flt.conditions(), *then], _plan)
            codes.update(found)
            resolved = sum(outcome_cells(found).values())
            measured = [] if early is None else [Dossier.resolved_at < early]
            exact &= measure(session, key, bounds, [*flt.conditions(), *measured], resolved, days)
        per_key = tally(codes)
        # A selected field (unit) is shown even when nothing happened in it.
        selected = set((flt.field_ids if by == "field" else flt.unit_ids) or ())
        shown = [k for k in per_key if any(per_key[k].values()) or k in selected]
        shown += [k for k in selected if k not in per_key]
        if by == "field":
            # Named as the fields were called at the period's end (a later rename rewrites nothing).
            period_end = max(ends) if ends else window(first, last, DEFAULT_TZ)[1]
            labels = FieldNames.load(session).labels_at(shown, last_instant(period_end))
        else:
            labels = names(session, Agency, shown)
    labels = distinct_labels(labels)  # two fields named "Hộ tịch": "Hộ tịch (G15-TP07)", …
    resolved_cells = outcome_cells(codes)
    rows = [
        period_row(
            k,  # type: ignore[arg-type]
            *labels.get(k, ("", UNASSIGNED[by])),  # type: ignore[arg-type]
            per_key.get(k, Counter()),
            average(days, resolved_cells, {k}),
        )
        for k in shown
    ]
    rows.sort(key=lambda r: (r.id is None, r.code, r.label))
    overall: Counter[str] = Counter()
    for c in per_key.values():
        overall.update(c)
    total = period_row(None, "", TOTAL_LABEL, overall, average(days, resolved_cells, None))
    return PeriodReport(first, last, by, tuple(o.id for o in offices), tuple(rows), total, exact)


__all__ = ["PeriodReport", "PeriodRow", "outcome_cells", "period_report", "period_row", "tally"]
