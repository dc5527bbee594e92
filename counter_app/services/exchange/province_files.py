"""At the province: its reports across the offices as files (PDF, XLSX, CSV), for the CLI and the
desktop alike — Biểu 06 by office or by field (``province_reports``), the end-of-day summary
(``province_day``). Headed by the province's own office; written to the audit trail like every
report that leaves the database."""

from __future__ import annotations

from datetime import date, datetime

from counter_app.db.database import Database
from counter_app.documents import reports as pdf
from counter_app.documents.reports.province import render_province_day
from counter_app.domain.errors import ValidationError
from counter_app.exports import report_formats
from counter_app.exports.csvfile import csv_bytes
from counter_app.exports.province_tables import province_day_table
from counter_app.exports.xlsx import workbook_bytes
from counter_app.services.actor import Actor
from counter_app.services.audit_trail import audit
from counter_app.services.exchange.province_day import province_day
from counter_app.services.exchange.province_reports import check_by, province_period
from counter_app.services.exchange.province_view import has_offices
from counter_app.services.offices import get_office
from counter_app.services.reports.common import check_range, require_supervisor
from counter_app.services.slips.common import office_info

FORMATS = ("pdf", "xlsx", "csv")


def _check(db: Database, actor: Actor, fmt: str) -> None:
    require_supervisor(actor)
    if fmt not in FORMATS:
        raise ValidationError("Báo cáo này chỉ xuất ra .pdf, .xlsx, .csv.", field="fmt")
    if not has_offices(db):
        raise ValidationError(
            "Chưa có văn phòng nào đăng ký với cơ sở dữ liệu này: báo cáo của các văn phòng lập ở trung tâm "
            "tỉnh, sau khi đăng ký các văn phòng và nhập gói dữ liệu của chúng."
        )


def _head(db: Database, actor: Actor, now: datetime, offices: int) -> tuple[pdf.ReportHead, str]:
    with db.read() as session:
        office = get_office(session, actor.office_id)
        head = pdf.ReportHead(
            office_info(office),
            now,
            actor.full_name if actor.user_id else "",
            f"Số liệu của {offices} văn phòng",
        )
        return head, office.name


def period_file(
    db: Database, actor: Actor, first: date, last: date, by: str, fmt: str, *, now: datetime
) -> bytes:
    """Biểu 06 across the offices, a row per office or per field, in ``fmt``."""
    check_range(first, last)  # the request's own mistakes are said first
    check_by(by)
    _check(db, actor, fmt)
    report = province_period(db, actor, first, last)
    table = report.as_period_report(by)
    head, name = _head(db, actor, now, len(report.offices))
    if fmt == "pdf":
        made = pdf.render_period_report(table, head)
    elif fmt == "xlsx":
        made = report_formats.period_xlsx(table, office=name, created=now)
    else:
        made = report_formats.period_csv(table)
    details = {"format": fmt, "from": first.isoformat(), "to": last.isoformat(), "by": by, "province": True}
    audit(db, actor, "report_made", subject="period", details=details, now=now)
    return made


def day_file(db: Database, actor: Actor, day: date, fmt: str, *, now: datetime) -> bytes:
    """The end-of-day summary across the offices, a line per office, in ``fmt``."""
    _check(db, actor, fmt)
    report = province_day(db, actor, day)
    head, name = _head(db, actor, now, len(report.offices))
    if fmt == "pdf":
        made = render_province_day(report, head)
    elif fmt == "xlsx":
        made = workbook_bytes([province_day_table(report)], office=name, created=now)
    else:
        made = csv_bytes(province_day_table(report))
    details = {"format": fmt, "day": day.isoformat(), "province": True}
    audit(db, actor, "report_made", subject="day", details=details, now=now)
    return made


__all__ = ["FORMATS", "day_file", "period_file"]
