"""counter-cli procedure …: what this office decides about a procedure of the catalogue.

    procedure show CODE
    procedure enable CODE | disable CODE          # received at this office, or not
    procedure term CODE (--days N [--unit working_day|day|hour] | --clear)   # published shorter term
    procedure unit CODE (--unit-code UNIT | --clear)                         # handling unit

Admins only (``--as USER`` must be an admin; the default actor is the system administrator). The
catalogue itself is never edited: these settings are the office's own layer, kept when a newer
catalogue is imported (docs/office-catalogue.md). A mistake (unknown procedure or unit, a term
longer than the law's or in another unit) prints one «Lỗi: …» line, exits 1 and writes nothing.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from counter_app.cli.common import SubParsers, actor_of, decimal_amount, utc_now
from counter_app.context import AppContext
from counter_app.domain.errors import ValidationError

if TYPE_CHECKING:
    from counter_app.services.office_catalog import OfficeProcedureView


def _print(view: OfficeProcedureView) -> None:
    print(f"{view.code} — {view.name}")
    print(f"  Tiếp nhận tại đơn vị: {'có' if view.enabled else 'không'}")
    print(f"  Thời hạn theo quy định: {view.legal_term}")
    print(f"  Thời hạn rút ngắn của đơn vị: {view.office_term or 'không'}")
    print(f"  Đơn vị xử lý: {view.unit_code or 'chưa gán'}")


def cmd_show(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import office_catalog

    _print(office_catalog.show(ctx.db, actor_of(ctx, args), args.code))


def cmd_enable(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import office_catalog

    enabled = args.procedure_command == "enable"
    _print(office_catalog.set_enabled(ctx.db, actor_of(ctx, args), args.code, enabled, now=utc_now()))


def cmd_term(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import office_catalog

    if args.clear == (args.days is not None):
        raise ValidationError("Cần đúng một trong --days N hoặc --clear.")
    amount = None if args.clear else decimal_amount(args.days, "5 hoặc 2.5")
    view = office_catalog.set_term(ctx.db, actor_of(ctx, args), args.code, amount, args.unit, now=utc_now())
    _print(view)


def cmd_unit(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import office_catalog

    if args.clear == bool(args.unit_code):
        raise ValidationError("Cần đúng một trong --unit-code MÃ hoặc --clear.")
    view = office_catalog.set_unit(
        ctx.db, actor_of(ctx, args), args.code, None if args.clear else args.unit_code, now=utc_now()
    )
    _print(view)


def add_parsers(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    """Register «procedure …» under ``sub`` (the top-level subcommands of counter-cli)."""
    text = "thủ tục tại đơn vị: tiếp nhận hay không, thời hạn rút ngắn, đơn vị xử lý (quản trị)"
    group = sub.add_parser("procedure", parents=[common], help=text, description=text).add_subparsers(
        dest="procedure_command", required=True
    )
    for name, func, help_text in (
        ("show", cmd_show, "xem thiết lập của đơn vị cho một thủ tục"),
        ("enable", cmd_enable, "tiếp nhận thủ tục tại đơn vị"),
        ("disable", cmd_enable, "ngừng tiếp nhận thủ tục tại đơn vị"),
        ("term", cmd_term, "thời hạn giải quyết rút ngắn mà đơn vị công bố"),
        ("unit", cmd_unit, "đơn vị xử lý thủ tục (mặc định khi chuyển hồ sơ)"),
    ):
        p = group.add_parser(name, parents=[common], help=help_text, description=help_text)
        p.add_argument("code", help="mã thủ tục, ví dụ 2.001955")
        if name == "term":
            p.add_argument("--days", help="số ngày (hoặc giờ) rút ngắn")
            p.add_argument("--unit", default="working_day", choices=("working_day", "day", "hour"))
            p.add_argument("--clear", action="store_true", help="bỏ thời hạn rút ngắn")
        if name == "unit":
            p.add_argument("--unit-code", help="mã đơn vị xử lý")
            p.add_argument("--clear", action="store_true", help="bỏ đơn vị xử lý")
        p.set_defaults(func=func)
