"""counter-cli unit …: the specialist units dossiers are handed to, through the same services as the desktop.

    unit add CODE --name "Tên đơn vị"
    unit rename CODE --name "Tên mới"
    unit retire CODE
    unit list [--all]

Admins only (``--as USER`` must be an admin; the default actor is the system administrator). A unit
is never deleted: ``retire`` takes it out of the transfer dialog, dossiers already handed to it
stay there; ``rename`` is dated (earlier hand-overs keep the old name); ``add`` with a retired
unit's code brings it back. A mistake prints one «Lỗi: …» line, exits 1 and writes nothing.
"""

from __future__ import annotations

import argparse
from zoneinfo import ZoneInfo

from counter_app.cli.common import SubParsers, require_admin, utc_now
from counter_app.context import AppContext
from counter_app.domain.errors import NotFoundError
from counter_app.services.office_calendar import office_timezone


def cmd_add(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import units

    code, name = args.code.strip(), " ".join(args.name.split())
    change = units.add_unit(ctx.db, require_admin(ctx, args, units.MANAGE), code, name, now=utc_now())
    # The code as stored ("snv" typed for SNV names the same unit).
    code = next((u.code for u in units.list_units(ctx.db) if u.code.lower() == code.lower()), code)
    if change == "added":
        print(f"Đã thêm đơn vị «{code}» — {name}.")
    elif change == "reactivated":
        print(f"Đã cho đơn vị «{code}» — {name} hoạt động lại: lại có trong danh sách chuyển hồ sơ.")
    else:
        print(f"Đã có đơn vị «{code}» — {name}: không có gì thay đổi.")


def cmd_rename(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import units

    name = " ".join(args.name.split())
    if units.rename_unit(ctx.db, require_admin(ctx, args, units.MANAGE), args.code, name, now=utc_now()):
        print(
            f"Đã đổi tên đơn vị «{args.code.strip()}» thành «{name}» (hồ sơ đã chuyển trước đó giữ tên cũ)."
        )
    else:
        print(f"Đơn vị «{args.code.strip()}» đã có tên «{name}»: không có gì thay đổi.")


def cmd_retire(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import units

    code = args.code.strip()
    if units.retire_unit(ctx.db, require_admin(ctx, args, units.MANAGE), code, now=utc_now()):
        print(f"Đã ngừng đơn vị «{code}»: không còn chuyển hồ sơ đến được; hồ sơ đã chuyển đến giữ nguyên.")
    else:
        print(f"Đơn vị «{code}» đã ngừng từ trước: không có gì thay đổi.")


def cmd_list(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import units
    from counter_app.services.event_log import DEFAULT_TZ

    require_admin(ctx, args, units.MANAGE)
    found = units.list_units(ctx.db, include_retired=args.all)
    if not found:
        print("Chưa có đơn vị xử lý nào.")
        return
    try:
        tz = ZoneInfo(office_timezone(ctx.db))
    except NotFoundError:  # units entered before the office
        tz = ZoneInfo(DEFAULT_TZ)
    for unit in found:
        state = (
            "hoạt động"
            if unit.retired_at is None
            else f"đã ngừng từ {unit.retired_at.astimezone(tz):%d/%m/%Y}"
        )
        print(f"{unit.code}\t{unit.name}\t{state}")


def add_parsers(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    """Register «unit …» under ``sub`` (the top-level subcommands of counter-cli)."""
    text = "đơn vị xử lý nhận hồ sơ chuyển đến (quản trị)"
    group = sub.add_parser("unit", parents=[common], help=text, description=text).add_subparsers(
        dest="unit_command", required=True
    )
    p = group.add_parser("add", parents=[common], help="thêm đơn vị (hoặc cho đơn vị đã ngừng hoạt động lại)")
    p.add_argument("code", help="mã đơn vị, ví dụ SNV")
    p.add_argument("--name", required=True, help="tên đơn vị")
    p.set_defaults(func=cmd_add)
    p = group.add_parser("rename", parents=[common], help="đổi tên đơn vị (từ bây giờ)")
    p.add_argument("code")
    p.add_argument("--name", required=True, help="tên mới")
    p.set_defaults(func=cmd_rename)
    p = group.add_parser("retire", parents=[common], help="ngừng chuyển hồ sơ đến đơn vị")
    p.add_argument("code")
    p.set_defaults(func=cmd_retire)
    p = group.add_parser("list", parents=[common], help="danh sách đơn vị")
    p.add_argument("--all", action="store_true", help="kể cả đơn vị đã ngừng")
    p.set_defaults(func=cmd_list)
