"""counter-cli exchange report …: the province's reports across its offices, as files.

    exchange report period --from D --to D [--by office|field] --out FILE(.pdf|.xlsx|.csv)
                           Biểu 06 of every office's dossiers: a row per office (each with how far
                           its data runs) or per field, and the total
    exchange report day [--date D] --out FILE(.pdf|.xlsx|.csv)
                           the end-of-day summary, a line per office and the total

Each office is counted by its own rules on the data it has sent, judged as of that data
(docs/exchange.md «The province's reports»). ``--as USER`` must be a supervisor. A mistake prints one
«Lỗi: …» line, exits 1 and writes nothing.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from counter_app.cli.common import actor_of, utc_now
from counter_app.cli.dates import parse_date
from counter_app.context import AppContext
from counter_app.output_files import check_writable, output_format, write_atomic


def cmd_report(ctx: AppContext, args: argparse.Namespace) -> None:
    # The PDF and spreadsheet stacks load only for a report (issue 11: start-up).
    from counter_app.db.office_day import local_today
    from counter_app.services.exchange.province_files import day_file, period_file

    out = check_writable(Path(args.out))
    fmt = output_format(out)
    actor = actor_of(ctx, args)
    now = utc_now()
    if args.report_kind == "period":
        first = parse_date(args.date_from, "Ngày bắt đầu")
        last = parse_date(args.date_to, "Ngày kết thúc")
        made = period_file(ctx.db, actor, first, last, args.by, fmt, now=now)
    else:
        if args.date:
            day = parse_date(args.date, "Ngày báo cáo")
        else:
            with ctx.db.read() as session:
                day = local_today(session, now)
        made = day_file(ctx.db, actor, day, fmt, now=now)
    write_atomic(out, made)
    print(f"Đã ghi báo cáo {out}")


def add_report_parsers(group, common: argparse.ArgumentParser) -> None:  # type: ignore[no-untyped-def]
    """Register «exchange report period|day» under the «exchange» subcommands ``group``."""
    text = "(trung tâm tỉnh) báo cáo của các văn phòng ra tệp PDF, Excel (.xlsx) hoặc CSV"
    kinds = group.add_parser("report", parents=[common], help=text, description=text).add_subparsers(
        dest="report_kind", required=True
    )
    text = "Biểu 06 của các văn phòng trong một kỳ: theo văn phòng hoặc theo lĩnh vực, và tổng cộng"
    p = kinds.add_parser("period", parents=[common], help=text, description=text)
    p.add_argument("--from", dest="date_from", required=True, help="từ ngày (2026-12-01)")
    p.add_argument("--to", dest="date_to", required=True, help="đến ngày (2026-12-31)")
    p.add_argument("--by", choices=("office", "field"), default="office", help="theo văn phòng / lĩnh vực")
    p.add_argument("--out", required=True, help="tệp ghi ra: .pdf, .xlsx hoặc .csv")
    p.set_defaults(func=cmd_report)
    text = "Tổng hợp cuối ngày của các văn phòng: mỗi văn phòng một dòng, và tổng cộng"
    p = kinds.add_parser("day", parents=[common], help=text, description=text)
    p.add_argument("--date", help="ngày báo cáo (mặc định hôm nay), ví dụ 2026-12-03")
    p.add_argument("--out", required=True, help="tệp ghi ra: .pdf, .xlsx hoặc .csv")
    p.set_defaults(func=cmd_report)
