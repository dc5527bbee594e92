"""Lists: overdue and due-soon dossiers, the register (sổ theo dõi, form 07), satisfaction.

* ``overdue_list(at)``: dossiers overdue at ``at`` (``common.py``: open, not waiting for the citizen,
  legal deadline before ``at``), with the working days since the deadline;
* ``due_soon_list(at, working_days=N)``: dossiers open and not overdue at ``at``, not waiting for the
  citizen, whose legal deadline falls before the end of the N-th working day after ``at``'s office-local
  day (N = 0: later today);
* ``register(date_from, date_to)``: every dossier numbered on those office-local days — refused and
  cancelled ones too, with their reason, so every gap in the numbering is explained — in order of
  receipt, numbered from 1;
* ``satisfaction_report``: see ``satisfaction.py``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from counter_app.db.database import Database
from counter_app.db.models import (
    Agency,
    Applicant,
    CancelledNumber,
    Dossier,
    Event,
    Procedure,
    ProcedureVersion,
)
from counter_app.domain.errors import ValidationError
from counter_app.domain.lifecycle import STATUS_LABELS, Status
from counter_app.services.actor import Actor
from counter_app.services.dossier_query import named_dossiers
from counter_app.services.reports.common import (
    NO_FILTERS,
    OfficeInfo,
    ReportFilters,
    all_offices,
    build_filters,
    check_instant,
    check_range,
    not_waiting,
    open_at,
    overdue_at,
    report_session,
    require_supervisor,
)
from counter_app.services.reports.dossier_lines import DossierLine, due_before, due_window, fetch_lines
from counter_app.services.reports.satisfaction import (
    SatisfactionGroup,
    SatisfactionReport,
    satisfaction_report,
)
from counter_app.services.reports.sqlkit import no_index

RETURN_METHODS = {"counter": "Trực tiếp tại quầy", "post": "Qua bưu chính"}


@dataclass(frozen=True)
class RegisterRow:
    seq: int
    code: str
    procedure_code: str
    procedure_name: str
    applicant_name: str
    applicant_address: str
    applicant_phone: str | None
    unit_name: str | None  # the competent authority / unit handling it
    received_at: datetime
    appointment_at: datetime | None
    resolved_at: datetime | None
    returned_at: datetime | None
    how_returned: str  # "Trực tiếp tại quầy — người nhận …" / "Qua bưu chính — mã bưu gửi …"
    status: str
    status_label: str
    note: str


def _filters(
    session: Session, filters: ReportFilters, indexed: bool = False
) -> tuple[list[OfficeInfo], list[ColumnElement[bool]]]:
    """The chosen offices and the conditions on ``Dossier`` of ``filters`` (the office one through
    its index only when ``indexed``)."""
    flt = build_filters(session, filters)
    offices = all_offices(session, flt.office_ids)
    office = Dossier.office_id if indexed else no_index(Dossier.office_id)
    return offices, [office.in_([o.id for o in offices]), *flt.conditions()]


def overdue_list(
    db: Database,
    actor: Actor,
    at: datetime,
    *,
    filters: ReportFilters = NO_FILTERS,
) -> tuple[DossierLine, ...]:
    require_supervisor(actor)
    instant = check_instant(at)
    with report_session(db) as session:
        _, where = _filters(session, filters)
        conditions = [*where, *open_at(instant, db.dialect, instant), overdue_at(instant)]
        return tuple(fetch_lines(session, conditions, instant, as_of=instant))


def due_soon_list(
    db: Database,
    actor: Actor,
    at: datetime,
    working_days: int = 2,
    *,
    filters: ReportFilters = NO_FILTERS,
) -> tuple[DossierLine, ...]:
    require_supervisor(actor)
    instant = check_instant(at)
    if isinstance(working_days, bool) or not isinstance(working_days, int) or not 0 <= working_days <= 60:
        raise ValidationError("Số ngày làm việc sắp đến hạn phải từ 0 đến 60.", field="working_days")
    with report_session(db) as session:
        offices, where = _filters(session, filters)
        windows, ends = [], []
        for office in offices:
            day = instant.astimezone(ZoneInfo(office.timezone)).date()
            ends.append(due_before(session, office.id, day, working_days, office.timezone))
            windows.append(due_window(office.id, instant, ends[-1]))
        opened = open_at(instant, db.dialect, max(ends, default=instant))
        conditions = [*where, *opened, not_waiting(instant), or_(*windows)]
        return tuple(fetch_lines(session, conditions, as_of=instant))


def _how_returned(returned_to: dict[str, str] | None) -> str:
    if not returned_to:
        return ""
    method = RETURN_METHODS.get(returned_to.get("method", "counter"), "")
    if returned_to.get("method") == "post":
        return f"{method} — mã bưu gửi {returned_to.get('tracking_number', '')}".strip()
    who = returned_to.get("full_name", "")
    relation = returned_to.get("relation", "")
    return f"{method} — người nhận {who}" + (f" ({relation})" if relation else "")


def _cancel_reasons(session: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, str]:
    """Reasons from the cancel events, for cancelled dossiers without a cancelled-number record."""
    out: dict[uuid.UUID, str] = {}
    for i in range(0, len(ids), 500):
        query = select(Event.dossier_id, Event.payload).where(
            Event.kind == "cancel", Event.dossier_id.in_(ids[i : i + 500])
        )
        out.update({d: str((p or {}).get("reason", "")) for d, p in session.execute(query)})
    return out


def register(
    db: Database,
    actor: Actor,
    date_from: date,
    date_to: date,
    *,
    filters: ReportFilters = NO_FILTERS,
) -> tuple[RegisterRow, ...]:
    """Sổ theo dõi hồ sơ (form 07) for the office-local days ``date_from``..``date_to``."""
    require_supervisor(actor)
    first, last = check_range(date_from, date_to)
    with report_session(db) as session:
        _, where = _filters(session, filters, indexed=True)
        rows = session.execute(
            named_dossiers(
                Dossier.code,
                Procedure.code,
                ProcedureVersion.name,
                Applicant.full_name,
                Applicant.address,
                Applicant.phone,
                Agency.name,
                Dossier.received_at,
                Dossier.appointment_at,
                Dossier.resolved_at,
                Dossier.returned_at,
                Dossier.returned_to,
                Dossier.status,
                Dossier.note,
                Dossier.apology_count,
                CancelledNumber.reason,
                Dossier.id,
                Dossier.register_seq,
            )
            .outerjoin(CancelledNumber, CancelledNumber.code == Dossier.code)
            .where(
                *where,
                Dossier.received_local_date >= first,
                Dossier.received_local_date <= last,
                Dossier.status != str(Status.NEW),
            )
        ).all()
        reasons = _cancel_reasons(session, [r.id for r in rows if r.status == "cancelled" and not r.reason])
    rows.sort(key=lambda r: (r.received_at, r.code))
    out = []
    for r in rows:
        # TT = the dossier's line in the register book, as printed on its receipt (0: never entered,
        # e.g. refused at the counter — listed so the gap in the dossier numbers is explained).
        seq = r.register_seq or 0
        status = r.status
        if status == str(Status.CANCELLED):
            note = f"Đã hủy: {r.reason or reasons.get(r.id, '')}".strip()
        elif status == str(Status.REFUSED):
            note = f"Từ chối tiếp nhận: {r.note}".strip()
        else:
            note = f"Xin lỗi, hẹn lại {r.apology_count} lần" if r.apology_count else ""
        out.append(
            RegisterRow(
                seq,
                r[0],
                r[1],
                r[2],
                r[3],
                r[4] or "",
                r[5],
                r[6],
                r.received_at,
                r.appointment_at,
                r.resolved_at,
                r.returned_at,
                _how_returned(r.returned_to),
                status,
                STATUS_LABELS[Status(status)],
                note,
            )
        )
    return tuple(out)


__all__ = [
    "DossierLine",
    "RegisterRow",
    "SatisfactionGroup",
    "SatisfactionReport",
    "due_soon_list",
    "overdue_list",
    "register",
    "satisfaction_report",
]
