"""counter-cli report …: the supervisor's reports as files, for scheduled runs.

    report day          [--date D] [--office CODE] [--officer USER]  --out FILE(.pdf|.xlsx|.csv)
    report period       --from D --to D [--by field|unit] [--office CODE] --out FILE(.pdf|.xlsx|.csv)
    report register     --from D --to D [--office CODE] --out FILE.pdf
    report overdue      [--at DATETIME] [--due-soon N] [--office CODE] --out FILE(.pdf|.xlsx|.csv)
    report satisfaction --from D --to D [--office CODE] --out FILE(.pdf|.xlsx|.csv)

The format is the file's extension. ``--as USER`` must be a supervisor (the default actor is the
system administrator). Without ``--office`` a report counts every office (the day report and the
register: the actor's office, else the first one) and its header names the actor's (or the first)
office. ``report register`` draws the register book exactly as ``print register`` does (TT per
book, as on the receipts) without issuing a slip (nothing archived, no event).

A mistake (a bad date, a reversed range, an unknown office, an unknown extension, an unwritable
``--out``) prints one «Lỗi: …» line, exits 1 and writes nothing; the file is written atomically.
"""

from __future__ import annotations

import argparse
import uuid
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select

from counter_app import exports
from counter_app.context import AppContext
from counter_app.db.models import Office
from counter_app.documents import reports as pdf
from counter_app.documents.register import render_register
from counter_app.domain.errors import NotFoundError, ValidationError
from counter_app.exports.files import check_writable, output_format, write_atomic
from counter_app.services import reports
from counter_app.services.actor import SYSTEM_ACTOR, Actor
from counter_app.services.offices import find_actor, get_office
from counter_app.services.reports.common import require_supervisor
from counter_app.services.reports.daily import MAX_DAYS, daily_counts
from counter_app.services.slips_batch import build_register
from counter_app.services.slips_common import DateRange, office_info

HELP = {
    "day": "Báo cáo cuối ngày: tiếp nhận, phiếu, trả kết quả, quá hạn, hủy, theo cán bộ, hài lòng",
    "period": "Tình hình, kết quả giải quyết TTHC (Biểu 06) trong một kỳ, theo lĩnh vực hoặc đơn vị",
    "register": "Sổ theo dõi hồ sơ (mẫu 07) trong một khoảng ngày (PDF; số thứ tự theo quyển như giấy tiếp nhận)",
    "overdue": "Danh sách hồ sơ quá hạn (và sắp đến hạn) tại một thời điểm",
    "satisfaction": "Mức độ hài lòng trong một khoảng ngày: theo mức, lý do, thủ tục, cán bộ",
}


def _actor(ctx: AppContext, args: argparse.Namespace) -> Actor:
    return find_actor(ctx.db, args.as_user) if args.as_user else SYSTEM_ACTOR


def parse_date(text: str, what: str) -> date:
    for parse in (date.fromisoformat, lambda t: datetime.strptime(t, "%d/%m/%Y").date()):
        try:
            return parse(text.strip())
        except ValueError:
            continue
    raise ValidationError(f"{what} «{text}» không hợp lệ (dạng đúng: 2026-11-23 hoặc 23/11/2026).")


def parse_instant(text: str, tz: str) -> datetime:
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(f"Thời điểm «{text}» không hợp lệ (dạng đúng: 2026-11-23T16:10).") from None
    return value.replace(tzinfo=ZoneInfo(tz)) if value.tzinfo is None else value


def _range(args: argparse.Namespace) -> tuple[date, date]:
    first, last = parse_date(args.date_from, "Ngày bắt đầu"), parse_date(args.date_to, "Ngày kết thúc")
    if first > last:
        raise ValidationError(
            f"Khoảng thời gian không hợp lệ: ngày bắt đầu {first:%d/%m/%Y} sau ngày kết thúc {last:%d/%m/%Y}."
        )
    return first, last


def _office(ctx: AppContext, actor: Actor, code: str | None) -> tuple[Office, list[uuid.UUID] | None]:
    """The office of the header and the office filter (None: every office)."""
    with ctx.db.read() as session:
        if code:
            office = session.execute(
                select(Office).where(Office.identifier_code == code.strip())
            ).scalar_one_or_none()
            if office is None:
                raise NotFoundError(f"Không có đơn vị tiếp nhận mã «{code.strip()}».", field="office")
            session.expunge(office)
            return office, [office.id]
        office = get_office(session, actor.office_id)
        session.expunge(office)
        return office, None


def _head(office: Office, actor: Actor, now: datetime, scope: str = "") -> pdf.ReportHead:
    return pdf.ReportHead(office_info(office), now, actor.full_name if actor.user_id else "", scope)


def _write(out: Path, data: bytes) -> None:
    write_atomic(out, data)
    print(f"Đã ghi báo cáo {out}")


def cmd_day(ctx: AppContext, args: argparse.Namespace, out: Path, kind: str) -> None:
    actor, now = _actor(ctx, args), datetime.now(UTC)
    office, _ = _office(ctx, actor, args.office)
    tz = office.timezone
    day = parse_date(args.date, "Ngày báo cáo") if args.date else now.astimezone(ZoneInfo(tz)).date()
    officer = find_actor(ctx.db, args.officer) if args.officer else None
    report = reports.end_of_day(
        ctx.db, actor, day, office_id=office.id, officer_id=officer.user_id if officer else None
    )
    scope = f"Quầy của cán bộ: {officer.full_name} ({officer.username})" if officer else ""
    if kind == "pdf":
        data = pdf.render_day_report(report, _head(office, actor, now, scope))
    elif kind == "xlsx":
        data = exports.day_xlsx(report, tz, office=office.name, created=now)
    else:
        data = exports.day_csv(report, tz)
    _write(out, data)


def cmd_period(ctx: AppContext, args: argparse.Namespace, out: Path, kind: str) -> None:
    actor, now = _actor(ctx, args), datetime.now(UTC)
    first, last = _range(args)
    office, offices = _office(ctx, actor, args.office)
    report = reports.period_report(ctx.db, actor, first, last, office_ids=offices, by=args.by)
    fits = (last - first).days < MAX_DAYS  # the per-day chart and sheet: a year at most
    days = daily_counts(ctx.db, actor, first, last, office_ids=offices) if fits and kind != "csv" else ()
    if kind == "pdf":
        data = pdf.render_period_report(report, _head(office, actor, now, _scope(ctx, offices)), days)
    elif kind == "xlsx":
        data = exports.period_xlsx(report, days, office=office.name, created=now)
    else:
        data = exports.period_csv(report)
    _write(out, data)


def _scope(ctx: AppContext, offices: list[uuid.UUID] | None) -> str:
    if offices is not None:
        return ""
    with ctx.db.read() as session:
        count = len(session.execute(select(Office.id)).all())
    return f"Số liệu của tất cả {count} đơn vị tiếp nhận" if count > 1 else ""


def cmd_register(ctx: AppContext, args: argparse.Namespace, out: Path, kind: str) -> None:
    """The register book (form 07) as ``print register`` draws it — TT per book, as on the receipts —
    read without issuing a slip (nothing archived, no event)."""
    actor, now = _actor(ctx, args), datetime.now(UTC)
    require_supervisor(actor)
    first, last = _range(args)
    office, _ = _office(ctx, actor, args.office)
    with ctx.db.read() as session:
        built = build_register(session, replace(actor, office_id=office.id), DateRange(first, last), now)
    _write(out, render_register(built.data))


def cmd_overdue(ctx: AppContext, args: argparse.Namespace, out: Path, kind: str) -> None:
    actor, now = _actor(ctx, args), datetime.now(UTC)
    office, offices = _office(ctx, actor, args.office)
    tz = office.timezone
    at = parse_instant(args.at, tz) if args.at else now
    late = reports.overdue_list(ctx.db, actor, at, office_ids=offices)
    soon = reports.due_soon_list(ctx.db, actor, at, args.due_soon, office_ids=offices)
    if kind == "pdf":
        text = "trong ngày" if args.due_soon == 0 else f"trong {args.due_soon} ngày làm việc tới"
        head = _head(office, actor, now, _scope(ctx, offices))
        data = pdf.render_overdue_list(late, head, at, soon, text)
    elif kind == "xlsx":
        data = exports.overdue_xlsx(late, soon, at, tz, office=office.name, created=now)
    else:
        data = exports.overdue_csv(late, at, tz)
    _write(out, data)


def cmd_satisfaction(ctx: AppContext, args: argparse.Namespace, out: Path, kind: str) -> None:
    actor, now = _actor(ctx, args), datetime.now(UTC)
    first, last = _range(args)
    office, offices = _office(ctx, actor, args.office)
    report = reports.satisfaction_report(ctx.db, actor, first, last, office_ids=offices)
    if kind == "pdf":
        data = pdf.render_satisfaction_report(report, _head(office, actor, now, _scope(ctx, offices)))
    elif kind == "xlsx":
        data = exports.satisfaction_xlsx(report, office=office.name, created=now)
    else:
        data = exports.satisfaction_csv(report)
    _write(out, data)


COMMANDS = {
    "day": cmd_day,
    "period": cmd_period,
    "register": cmd_register,
    "overdue": cmd_overdue,
    "satisfaction": cmd_satisfaction,
}


def cmd_report(ctx: AppContext, args: argparse.Namespace) -> None:
    """Check the output file first (nothing is computed for a file that cannot be written)."""
    out = check_writable(Path(args.out))
    kind = output_format(out, ("pdf",) if args.report_command == "register" else ("pdf", "xlsx", "csv"))
    COMMANDS[args.report_command](ctx, args, out, kind)


def add_report_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Register «report KIND …» under ``sub`` (the top-level subcommands of counter-cli)."""
    group = sub.add_parser("report", help="báo cáo ra tệp PDF, Excel (.xlsx) hoặc CSV").add_subparsers(
        dest="report_command", required=True
    )
    for kind, help_text in HELP.items():
        p = group.add_parser(kind, parents=[common], help=help_text, description=help_text)
        if kind == "day":
            p.add_argument("--date", help="ngày báo cáo (mặc định hôm nay), ví dụ 2026-12-03")
            p.add_argument("--officer", help="chỉ quầy của cán bộ này (tên đăng nhập)")
        elif kind == "overdue":
            p.add_argument("--at", help="thời điểm xét quá hạn (mặc định bây giờ), ví dụ 2026-12-09T12:00")
            p.add_argument(
                "--due-soon",
                type=int,
                default=2,
                metavar="N",
                help="kèm hồ sơ đến hạn trong N ngày làm việc tới (mặc định 2; 0: trong ngày)",
            )
        else:
            p.add_argument("--from", dest="date_from", required=True, help="từ ngày (2026-12-01)")
            p.add_argument("--to", dest="date_to", required=True, help="đến ngày (2026-12-31)")
        if kind == "period":
            p.add_argument("--by", choices=("field", "unit"), default="field", help="theo lĩnh vực / đơn vị")
        p.add_argument("--office", metavar="CODE", help="mã định danh đơn vị tiếp nhận, ví dụ 000.00.31.H56")
        p.add_argument("--out", required=True, help="tệp ghi ra: .pdf, .xlsx hoặc .csv")
        p.set_defaults(func=cmd_report)
