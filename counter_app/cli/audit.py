"""counter-cli audit list …: the audit trail (who looked at what), printed or written to a file.

    audit list [--from 2026-12-01] [--to 2026-12-31] [--user canbo] [--action dossier_viewed]
               [--out nhatky.xlsx|.csv]

Admins and auditors (``--as USER``; the default actor is the system administrator). Without
``--out`` one line per record, newest first: time, user, action, subject, details.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from zoneinfo import ZoneInfo

from counter_app.cli.common import SubParsers, actor_of
from counter_app.cli.dates import parse_date
from counter_app.context import AppContext
from counter_app.domain.errors import ValidationError
from counter_app.output_files import check_writable, output_format, write_atomic
from counter_app.services.audit_trail import ACTION_LABELS, list_records
from counter_app.services.office_calendar import office_timezone


def cmd_list(ctx: AppContext, args: argparse.Namespace) -> None:
    out = check_writable(Path(args.out)) if args.out else None
    fmt = output_format(out, ("xlsx", "csv")) if out is not None else ""
    if args.action and args.action not in ACTION_LABELS:
        names = ", ".join(ACTION_LABELS)
        raise ValidationError(f"Không có việc «{args.action}» trong nhật ký (dùng: {names}).")
    first = parse_date(args.date_from, "--from") if args.date_from else None
    last = parse_date(args.date_to, "--to") if args.date_to else None
    tz = office_timezone(ctx.db)
    rows = list_records(
        ctx.db,
        actor_of(ctx, args),
        first=first,
        last=last,
        username=args.user or "",
        action=args.action or "",
        timezone=tz,
    )
    if out is not None:
        from counter_app.exports.audit_table import audit_file  # the spreadsheet stack: only here

        write_atomic(out, audit_file(rows, tz, fmt, first, last))
        print(f"Đã ghi {len(rows)} bản ghi nhật ký truy cập vào {out}")
        return
    zone = ZoneInfo(tz)
    for row in rows:
        details = json.dumps(row.details, ensure_ascii=False, sort_keys=True) if row.details else ""
        print(
            f"{row.at.astimezone(zone):%Y-%m-%d %H:%M:%S}\t{row.actor}\t{row.action}\t{row.subject}\t{details}"
        )


def add_parsers(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    """Register «audit list» under ``sub`` (the top-level subcommands of counter-cli)."""
    text = "nhật ký truy cập: ai đã xem, tìm, in lại, lập báo cáo gì (quản trị, kiểm tra)"
    group = sub.add_parser("audit", parents=[common], help=text, description=text).add_subparsers(
        dest="audit_command", required=True
    )
    p = group.add_parser("list", parents=[common], help="các bản ghi, mới nhất trước")
    p.add_argument("--from", dest="date_from")
    p.add_argument("--to", dest="date_to")
    p.add_argument("--user")
    p.add_argument("--action")
    p.add_argument("--out", help="tệp .xlsx hoặc .csv")
    p.set_defaults(func=cmd_list)
