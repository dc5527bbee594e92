"""counter-cli report …: the supervisor's reports as files, for scheduled runs.

    report day          [--date D] [--office CODE] [--officer USER]  --out FILE(.pdf|.xlsx|.csv)
    report period       --from D --to D [--by field|unit] [--office CODE] --out FILE(.pdf|.xlsx|.csv)
    report register     --from D --to D [--office CODE] --out FILE(.pdf|.xlsx|.csv)
    report overdue      [--at DATETIME] [--due-soon N] [--office CODE] --out FILE(.pdf|.xlsx|.csv)
    report satisfaction --from D --to D [--office CODE] --out FILE(.pdf|.xlsx|.csv)

The format is the file's extension. ``--as USER`` must be a supervisor (the default actor is the
system administrator). Without ``--office`` a report counts every office (the day report and the
register: the actor's office, else the first one) and its header names the actor's (or the first)
office. ``report register`` draws the register book exactly as ``print register`` does (TT per
book, as on the receipts) without issuing a slip (nothing archived, no event); as .xlsx or .csv it
lists the same entries, one per line.

A mistake (a bad date, a reversed range, an unknown office, an unknown extension, an unwritable
``--out``) prints one «Lỗi: …» line, exits 1 and writes nothing; the file is written atomically.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from counter_app.cli.argparse_vi import integer
from counter_app.cli.common import SubParsers, actor_of, utc_now
from counter_app.cli.dates import parse_date, parse_instant
from counter_app.context import AppContext
from counter_app.output_files import check_writable, output_format, write_atomic

if TYPE_CHECKING:
    from counter_app.services.reports.files import ReportRequest

HELP = {
    "day": "Báo cáo cuối ngày: tiếp nhận, phiếu, trả kết quả, quá hạn, hủy, theo cán bộ, hài lòng",
    "period": "Tình hình, kết quả giải quyết TTHC (Biểu 06) trong một kỳ, theo lĩnh vực hoặc đơn vị",
    "register": "Sổ theo dõi hồ sơ (mẫu 07) trong một khoảng ngày (số thứ tự theo quyển như giấy tiếp nhận)",
    "overdue": "Danh sách hồ sơ quá hạn (và sắp đến hạn) tại một thời điểm",
    "satisfaction": "Mức độ hài lòng trong một khoảng ngày: theo mức, lý do, thủ tục, cán bộ",
}


def _request(args: argparse.Namespace, kind: str, fmt: str, tz: str) -> ReportRequest:
    """The command line as a report request (dates parsed here, checked by the service)."""
    from counter_app.services.reports.files import ReportRequest

    def day(name: str, what: str) -> date | None:
        value = getattr(args, name, None)
        return parse_date(value, what) if value else None

    at = getattr(args, "at", None)
    return ReportRequest(
        kind=kind,
        fmt=fmt,
        date_from=day("date_from", "Ngày bắt đầu"),
        date_to=day("date_to", "Ngày kết thúc"),
        day=day("date", "Ngày báo cáo"),
        at=parse_instant(at, tz) if at else None,
        by=getattr(args, "by", "field"),
        office_code=args.office,
        officer_username=getattr(args, "officer", None),
        due_soon=getattr(args, "due_soon", 2),
    )


def cmd_report(ctx: AppContext, args: argparse.Namespace) -> None:
    """Check the output file first (nothing is computed for a file that cannot be written)."""
    from counter_app.services.offices import get_office

    # The PDF and spreadsheet stacks load only for a report command (issue 11: start-up).
    from counter_app.services.reports.files import FORMATS, build_report

    out = check_writable(Path(args.out))
    fmt = output_format(out, FORMATS[args.report_command])
    actor = actor_of(ctx, args)
    with ctx.db.read() as session:
        tz = get_office(session, actor.office_id).timezone
    request = _request(args, args.report_command, fmt, tz)
    write_atomic(out, build_report(ctx.db, actor, request, now=utc_now()))
    print(f"Đã ghi báo cáo {out}")


def add_parsers(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    """Register «report KIND …» under ``sub`` (the top-level subcommands of counter-cli)."""
    group = sub.add_parser(
        "report", parents=[common], help="báo cáo ra tệp PDF, Excel (.xlsx) hoặc CSV"
    ).add_subparsers(dest="report_command", required=True)
    for kind, help_text in HELP.items():
        p = group.add_parser(kind, parents=[common], help=help_text, description=help_text)
        if kind == "day":
            p.add_argument("--date", help="ngày báo cáo (mặc định hôm nay), ví dụ 2026-12-03")
            p.add_argument("--officer", help="chỉ quầy của cán bộ này (tên đăng nhập)")
        elif kind == "overdue":
            p.add_argument("--at", help="thời điểm xét quá hạn (mặc định bây giờ), ví dụ 2026-12-09T12:00")
            p.add_argument(
                "--due-soon",
                type=integer,
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
