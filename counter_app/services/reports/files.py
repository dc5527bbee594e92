"""The supervisor's reports as files (PDF, XLSX, CSV): one place the CLI and the desktop both use.

A ``ReportRequest`` names the report, its period or instant and its filters; ``build_report`` runs
the query and renders the chosen format. Without an office code a report counts every office (the
day report and the register: the actor's office, else the first one) and its header names the
actor's (or the first) office. The register is the register book exactly as ``print register``
draws it (TT per book, as on the receipts), read without issuing a slip; as XLSX or CSV, its entries
one per line (``exports.register_tables``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from counter_app.db.database import Database
from counter_app.db.models import Office
from counter_app.documents import reports as pdf
from counter_app.documents.register import render_register
from counter_app.domain.errors import NotFoundError, ValidationError
from counter_app.exports import report_formats
from counter_app.services import reports
from counter_app.services.actor import Actor
from counter_app.services.audit_trail import audit
from counter_app.services.offices import find_actor, get_office
from counter_app.services.reports.common import NO_FILTERS, ReportFilters, require_supervisor
from counter_app.services.reports.per_day import MAX_DAYS, daily_counts
from counter_app.services.slips.batch import build_register
from counter_app.services.slips.common import DateRange, office_info

KINDS = ("day", "period", "register", "overdue", "satisfaction")
FORMATS = {kind: ("pdf", "xlsx", "csv") for kind in KINDS}


@dataclass(frozen=True)
class ReportRequest:
    kind: str  # day | period | register | overdue | satisfaction
    fmt: str  # pdf | xlsx | csv
    date_from: date | None = None  # period, register, satisfaction
    date_to: date | None = None
    day: date | None = None  # day (default: today)
    at: datetime | None = None  # overdue (default: now)
    by: str = "field"  # period: field | unit
    office_code: str | None = None
    officer_username: str | None = None  # day: one counter
    due_soon: int = 2  # overdue: also the dossiers due in this many working days
    # Which dossiers count (period, overdue, satisfaction); their offices are those of office_code.
    filters: ReportFilters = NO_FILTERS


def check_range(first: date | None, last: date | None) -> tuple[date, date]:
    if first is None or last is None:
        raise ValidationError("Hãy chọn cả ngày bắt đầu và ngày kết thúc.", field="date_from")
    if first > last:
        raise ValidationError(
            "Khoảng thời gian không hợp lệ: ngày bắt đầu {first:%d/%m/%Y} sau ngày kết thúc {last:%d/%m/%Y}.",
            first=first,
            last=last,
            field="date_from",
        )
    return first, last


def _office(db: Database, actor: Actor, code: str | None) -> tuple[Office, list[uuid.UUID] | None]:
    """The office of the header and the office filter (None: every office)."""
    with db.read() as session:
        if code:
            office = session.execute(
                select(Office).where(Office.identifier_code == code.strip())
            ).scalar_one_or_none()
            if office is None:
                raise NotFoundError(
                    "Không có đơn vị tiếp nhận mã «{code}».", code=code.strip(), field="office"
                )
            session.expunge(office)
            return office, [office.id]
        office = get_office(session, actor.office_id)
        session.expunge(office)
        return office, None


def _chosen(request: ReportRequest, offices: list[uuid.UUID] | None) -> ReportFilters:
    """The request's filters on the offices its office code chose (None: every office)."""
    return replace(request.filters, office_ids=tuple(offices or ()))


def _scope(db: Database, offices: list[uuid.UUID] | None) -> str:
    if offices is not None:
        return ""
    with db.read() as session:
        count = len(session.execute(select(Office.id)).all())
    return f"Số liệu của tất cả {count} đơn vị tiếp nhận" if count > 1 else ""


def build_report(db: Database, actor: Actor, request: ReportRequest, *, now: datetime) -> bytes:
    """Run the report and render it in ``request.fmt``; a UserError says what is wrong."""
    require_supervisor(actor)
    if request.kind not in KINDS:
        raise ValidationError("Không có loại báo cáo «{kind}».", kind=request.kind, field="kind")
    if request.fmt not in FORMATS[request.kind]:
        allowed = ", ".join("." + f for f in FORMATS[request.kind])
        raise ValidationError("Báo cáo này chỉ xuất ra {allowed}.", allowed=allowed, field="fmt")
    office, offices = _office(db, actor, request.office_code)

    def head(scope: str = "") -> pdf.ReportHead:
        return pdf.ReportHead(office_info(office), now, actor.full_name if actor.user_id else "", scope)

    made = _BUILDERS[request.kind](db, actor, request, now, office, offices, head)
    # Lists name people: the report leaves the database only once its audit record is written.
    span = {"day": request.day, "from": request.date_from, "to": request.date_to, "at": request.at}
    details = {"format": request.fmt, "office": office.identifier_code}
    details |= {name: value.isoformat() for name, value in span.items() if value is not None}
    audit(db, actor, "report_made", subject=request.kind, details=details, now=now)
    return made


def _day(db, actor, request, now, office, _offices, head) -> bytes:  # type: ignore[no-untyped-def]
    tz = office.timezone
    day = request.day or now.astimezone(ZoneInfo(tz)).date()
    officer = find_actor(db, request.officer_username) if request.officer_username else None
    report = reports.end_of_day(
        db, actor, day, office_id=office.id, officer_id=officer.user_id if officer else None
    )
    if request.fmt == "pdf":
        scope = f"Quầy của cán bộ: {officer.full_name} ({officer.username})" if officer else ""
        return pdf.render_day_report(report, head(scope))
    if request.fmt == "xlsx":
        return report_formats.day_xlsx(report, tz, office=office.name, created=now)
    return report_formats.day_csv(report, tz)


def _period(db, actor, request, now, _office_row, offices, head) -> bytes:  # type: ignore[no-untyped-def]
    first, last = check_range(request.date_from, request.date_to)
    chosen = _chosen(request, offices)
    report = reports.period_report(db, actor, first, last, filters=chosen, by=request.by)
    fits = (last - first).days < MAX_DAYS  # the per-day chart and sheet: a year at most
    wanted = fits and request.fmt != "csv"
    days = daily_counts(db, actor, first, last, filters=chosen) if wanted else ()
    if request.fmt == "pdf":
        return pdf.render_period_report(report, head(_scope(db, offices)), days)
    if request.fmt == "xlsx":
        return report_formats.period_xlsx(report, days, office=_office_row.name, created=now)
    return report_formats.period_csv(report)


def _register(db, actor, request, now, office, _offices, _head) -> bytes:  # type: ignore[no-untyped-def]
    first, last = check_range(request.date_from, request.date_to)
    with db.read() as session:
        built = build_register(session, replace(actor, office_id=office.id), DateRange(first, last), now)
    if request.fmt == "pdf":
        return render_register(built.data)
    if request.fmt == "xlsx":
        return report_formats.register_xlsx(built.data, office=office.name, created=now)
    return report_formats.register_csv(built.data)


def _overdue(db, actor, request, now, office, offices, head) -> bytes:  # type: ignore[no-untyped-def]
    tz = office.timezone
    at = request.at or now
    chosen = _chosen(request, offices)
    late = reports.overdue_list(db, actor, at, filters=chosen)
    soon = reports.due_soon_list(db, actor, at, request.due_soon, filters=chosen)
    if request.fmt == "pdf":
        text = "trong ngày" if request.due_soon == 0 else f"trong {request.due_soon} ngày làm việc tới"
        return pdf.render_overdue_list(late, head(_scope(db, offices)), at, soon, text)
    if request.fmt == "xlsx":
        return report_formats.overdue_xlsx(late, soon, at, tz, office=office.name, created=now)
    return report_formats.overdue_csv(late, at, tz)


def _satisfaction(db, actor, request, now, office, offices, head) -> bytes:  # type: ignore[no-untyped-def]
    first, last = check_range(request.date_from, request.date_to)
    report = reports.satisfaction_report(db, actor, first, last, filters=_chosen(request, offices))
    if request.fmt == "pdf":
        return pdf.render_satisfaction_report(report, head(_scope(db, offices)))
    if request.fmt == "xlsx":
        return report_formats.satisfaction_xlsx(report, office=office.name, created=now)
    return report_formats.satisfaction_csv(report)


_BUILDERS = {
    "day": _day,
    "period": _period,
    "register": _register,
    "overdue": _overdue,
    "satisfaction": _satisfaction,
}
