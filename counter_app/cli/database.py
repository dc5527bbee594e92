"""counter-cli init | self-test | demo: the database made ready, the installation checked, demo data.

    init [--office-code CODE [--office-name NAME]]   create or upgrade the database (and the office)
    self-test                                         check the installation on a throw-away database
    demo [--dossiers N] [--years N]                   the demo office, users, catalogue and dossiers

``self-test`` opens no data folder: it works in a temporary one (counter_app/selftest.py).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from counter_app.cli.argparse_vi import integer
from counter_app.cli.common import SubParsers, utc_now
from counter_app.context import AppContext
from counter_app.domain.errors import ValidationError
from counter_app.services.actor import SYSTEM_ACTOR

if TYPE_CHECKING:
    from counter_app.services.offices import OfficeInput

# A demo office bigger than a province's year (they are built in memory before being written).
MAX_DEMO_DOSSIERS = 10_000_000


def _office_input(args: argparse.Namespace) -> OfficeInput:
    from counter_app.services.offices import OfficeInput

    return OfficeInput(name=args.office_name or args.office_code, identifier_code=args.office_code)


def check_init(args: argparse.Namespace) -> None:
    """Before the data folder is opened: a refused office code creates no data folder."""
    from counter_app.services.offices import check_office_input

    if args.office_code:
        check_office_input(_office_input(args))


def cmd_init(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services.offices import create_office

    if args.office_code:
        create_office(
            ctx.db,
            SYSTEM_ACTOR,
            _office_input(args),
            now=utc_now(),
        )
    print(f"Cơ sở dữ liệu sẵn sàng: {ctx.db.label}")


def cmd_self_test(args: argparse.Namespace) -> int:
    from counter_app.selftest import self_test

    return self_test(sys.stdout)


def cmd_demo(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import demo

    if not 0 <= args.dossiers <= MAX_DEMO_DOSSIERS:
        raise ValidationError(f"Số hồ sơ mẫu phải từ 0 đến {MAX_DEMO_DOSSIERS:,}.".replace(",", "."))
    if not 1 <= args.years <= demo.MAX_DEMO_YEARS:  # before anything is written
        raise ValidationError(f"Số năm dữ liệu mẫu phải từ 1 đến {demo.MAX_DEMO_YEARS}.")
    demo.ensure_demo_setup(ctx.db, now=utc_now())

    def progress(done: int, total: int) -> None:
        print(f"\r{done}/{total} hồ sơ", end="", file=sys.stderr, flush=True)

    made = (
        demo.generate_dossiers(ctx.db, args.dossiers, now=utc_now(), progress=progress, years=args.years)
        if args.dossiers
        else 0
    )
    if made:
        print(file=sys.stderr)
    print(f"Dữ liệu mẫu sẵn sàng: {made} hồ sơ mới. Người dùng: canbo, lanhdao, quantri (mật khẩu «demo»).")


def add_parsers(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    """Register «init», «self-test» and «demo» under ``sub`` (the top-level subcommands)."""
    p = sub.add_parser("init", parents=[common], help="tạo hoặc nâng cấp cơ sở dữ liệu")
    p.add_argument("--office-code")
    p.add_argument("--office-name")
    p.set_defaults(func=cmd_init, precheck=check_init)
    p = sub.add_parser(
        "self-test", parents=[common], help="tự kiểm tra bản cài đặt (không đụng đến dữ liệu của cơ quan)"
    )
    p.set_defaults(standalone=cmd_self_test)
    p = sub.add_parser("demo", parents=[common], help="dữ liệu mẫu")
    p.add_argument("--dossiers", type=integer, default=200)
    p.add_argument("--years", type=integer, default=1, help="trải hồ sơ mẫu trên N năm gần nhất (mặc định 1)")
    p.set_defaults(func=cmd_demo)
