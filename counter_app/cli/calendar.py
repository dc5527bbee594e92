"""counter-cli calendar …: the office's own days off and working days, and what the calendar makes.

    calendar off DAY [--note …]       # an extra day off (dates: 2026-12-31 or 31/12/2026)
    calendar work DAY [--note …]      # an extra working day (a Saturday, a holiday worked)
    calendar remove DAY               # the day follows the national calendar again
    calendar list
    calendar preview [--days 30] [--term 5]

With ``--province`` (at the provincial centre), ``off``, ``work`` and ``remove`` edit the province's
calendar every office follows, sent to them in the baseline bundle (``exchange publish``); an
office's own decision for a day still wins over it. ``list`` shows both, the province's marked.

Admins only (``--as USER`` must be an admin; the default actor is the system administrator). The
office's decision for a day wins over the holidays and the weekly sessions; days already past are
not changed. ``preview`` lists the next working days and the appointment a procedure of ``--term``
working days received now would get. A mistake prints one «Lỗi: …» line, exits 1 and writes nothing.
"""

from __future__ import annotations

import argparse

from counter_app.cli.argparse_vi import integer
from counter_app.cli.common import SubParsers, require_admin, utc_now
from counter_app.cli.dates import parse_date
from counter_app.context import AppContext
from counter_app.domain.calendar import WEEKDAY_NAMES

_KIND_TEXT = {"off": "ngày nghỉ", "work": "ngày làm việc"}
_PROVINCE_HELP = "(trung tâm tỉnh) sửa lịch chung của tỉnh gửi các văn phòng, không phải lịch riêng"


def cmd_set(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import calendar_admin, calendar_baseline

    day = parse_date(args.day, "Ngày")
    kind = args.calendar_command
    note = " ".join((args.note or "").split())
    shown = f"{day:%d/%m/%Y} ({WEEKDAY_NAMES[day.weekday()]})"
    whose = "lịch chung của tỉnh: " if args.province else ""
    if args.province:
        admin = require_admin(ctx, args, calendar_baseline.EDIT)
        changed = calendar_baseline.set_day(ctx.db, admin, day, kind, note, now=utc_now())
    else:
        admin = require_admin(ctx, args, calendar_admin.EDIT)
        changed = calendar_admin.set_override(ctx.db, admin, day, kind, note, now=utc_now())
    if changed:
        print(f"Đã đặt {whose}ngày {shown} là {_KIND_TEXT[kind]}" + (f": {note}." if note else "."))
    else:
        same = f"đã là {_KIND_TEXT[kind]} với ghi chú này: không có gì thay đổi."
        print(f"Lịch chung của tỉnh: ngày {shown} {same}" if args.province else f"Ngày {shown} {same}")


def cmd_remove(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import calendar_admin, calendar_baseline

    day = parse_date(args.day, "Ngày")
    if args.province:
        admin = require_admin(ctx, args, calendar_baseline.EDIT)
        if calendar_baseline.clear_day(ctx.db, admin, day, now=utc_now()):
            print(f"Đã bỏ ngày {day:%d/%m/%Y} khỏi lịch chung của tỉnh: ngày này theo lịch quốc gia.")
        else:
            print(f"Lịch chung của tỉnh không có ngày {day:%d/%m/%Y}: không có gì thay đổi.")
        return
    admin = require_admin(ctx, args, calendar_admin.EDIT)
    if calendar_admin.remove_override(ctx.db, admin, day, now=utc_now()):
        print(f"Đã bỏ quyết định riêng của ngày {day:%d/%m/%Y}: ngày này theo lịch chung.")
    else:
        print(f"Ngày {day:%d/%m/%Y} không có quyết định riêng nào: không có gì thay đổi.")


def cmd_list(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import calendar_admin, calendar_baseline

    require_admin(ctx, args, calendar_admin.EDIT)
    own = calendar_admin.list_overrides(ctx.db)
    province = calendar_baseline.list_days(ctx.db)
    if not own and not province:
        print("Chưa có ngày nghỉ hay ngày làm việc riêng nào của đơn vị hay của tỉnh.")
    for o in own:
        print(f"{o.day:%d/%m/%Y}\t{WEEKDAY_NAMES[o.day.weekday()]}\t{_KIND_TEXT[o.kind]}\t{o.note}")
    for d in province:
        print(
            f"{d.day:%d/%m/%Y}\t{WEEKDAY_NAMES[d.day.weekday()]}\t{_KIND_TEXT[d.kind]} (lịch của tỉnh)\t{d.note}"
        )


def cmd_preview(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import calendar_admin

    require_admin(ctx, args, calendar_admin.EDIT)
    view = calendar_admin.preview(ctx.db, now=utc_now(), days=args.days, term_days=args.term)
    print(f"{len(view.days)} ngày làm việc tới:")
    for d in view.days:
        print(f"{d.day:%d/%m/%Y}\t{d.weekday}\t{d.sessions}" + (f"\t{d.note}" if d.note else ""))
    if view.days_off:
        print("Ngày nghỉ trong khoảng này:")
        for off in view.days_off:
            print(f"{off.day:%d/%m/%Y}\t{off.weekday}\t{off.reason}")
    if view.appointment_at is None:
        return
    due = view.appointment_at
    print(
        f"Hồ sơ thời hạn {view.term_days:02d} ngày làm việc tiếp nhận bây giờ: hẹn trả "
        f"{due:%H:%M} {WEEKDAY_NAMES[due.weekday()]} {due:%d/%m/%Y}."
    )


def add_parsers(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    """Register «calendar …» under ``sub`` (the top-level subcommands of counter-cli)."""
    text = "lịch làm việc của đơn vị: ngày nghỉ, ngày làm việc riêng (quản trị)"
    group = sub.add_parser("calendar", parents=[common], help=text, description=text).add_subparsers(
        dest="calendar_command", required=True
    )
    for kind, help_text in (("off", "thêm một ngày nghỉ"), ("work", "thêm một ngày làm việc")):
        p = group.add_parser(kind, parents=[common], help=help_text)
        p.add_argument("day", help="ngày, ví dụ 31/12/2026 hoặc 2026-12-31")
        p.add_argument("--note", help="ghi chú (lý do, văn bản)")
        p.add_argument("--province", action="store_true", help=_PROVINCE_HELP)
        p.set_defaults(func=cmd_set)
    p = group.add_parser("remove", parents=[common], help="bỏ quyết định riêng của một ngày")
    p.add_argument("day")
    p.add_argument("--province", action="store_true", help=_PROVINCE_HELP)
    p.set_defaults(func=cmd_remove)
    p = group.add_parser("list", parents=[common], help="các ngày nghỉ, ngày làm việc riêng")
    p.set_defaults(func=cmd_list)
    p = group.add_parser("preview", parents=[common], help="xem trước các ngày làm việc tới")
    p.add_argument("--days", type=integer, default=30, help="số ngày làm việc (mặc định 30)")
    p.add_argument("--term", type=integer, default=5, help="thời hạn mẫu, ngày làm việc (mặc định 5)")
    p.set_defaults(func=cmd_preview)
