"""counter-cli print …: the slips as PDF files.

Each command prints the archived slip while what it shows is unchanged, else issues a new one
(archived under the data dir's ``slips/YYYY/MM/`` with its ``slip_issued`` event), and copies it
to ``--out``. The output file is checked before anything is issued and written atomically, so a
mistake (bad code, a slip that does not apply, a reversed range, an unwritable --out) prints one
«Lỗi: …» line, exits 1 and leaves no output file.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from counter_app.cli.argparse_vi import integer
from counter_app.cli.common import SubParsers, actor_of, utc_now
from counter_app.cli.dates import parse_date
from counter_app.context import AppContext
from counter_app.documents.slip_layouts import LAYOUTS
from counter_app.output_files import check_writable, write_atomic

# «print KIND» in the order «print --help» lists them. Each text is the slip's name
# (documents/registry.py) with what the command line adds: the form number, what the command takes.
HELP = {
    "receipt": "Giấy tiếp nhận hồ sơ và hẹn trả kết quả (mẫu 01)",
    "guide": "Phiếu hướng dẫn của một thủ tục (không cần hồ sơ)",
    "supplement": "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (mẫu 02): mã hồ sơ hoặc mã yêu cầu khi tiếp nhận",
    "refusal": "Phiếu từ chối tiếp nhận giải quyết hồ sơ (mẫu 03)",
    "apology": "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (mẫu 04)",
    "stop": "Thông báo dừng giải quyết hồ sơ (mẫu 05)",
    "control": "Phiếu kiểm soát quá trình giải quyết hồ sơ (mẫu 06)",
    "result": "Biên nhận trả kết quả",
    "handover": "Danh sách bàn giao hồ sơ cho một đơn vị",
    "register": "Sổ theo dõi hồ sơ (mẫu 07) trong một khoảng ngày",
}
DOSSIER_SLIPS = ("receipt", "refusal", "apology", "stop", "control", "result")


def _key(args: argparse.Namespace) -> object:
    from counter_app.services.slips.issue import DateRange, GuideKey, HandoverKey

    kind = args.print_command
    if kind == "guide":
        return GuideKey(args.procedure, args.case)
    if kind == "register":
        return DateRange(
            parse_date(args.date_from, "Ngày bắt đầu"), parse_date(args.date_to, "Ngày kết thúc")
        )
    if kind == "handover":
        return HandoverKey(args.unit, tuple(args.codes))
    return args.key


def cmd_print(ctx: AppContext, args: argparse.Namespace) -> None:
    # The PDF stack (reportlab, barcodes, images) loads only for a print command, not for every
    # counter-cli call that builds this parser (issue 11: start-up).
    from counter_app.services.slips.issue import issue_or_reprint

    out = check_writable(Path(args.out))
    key = _key(args)
    slip = issue_or_reprint(
        ctx.db,
        actor_of(ctx, args),
        args.print_command,
        key,
        layout=getattr(args, "layout", None),
        now=utc_now(),
        archive_dir=ctx.paths.slips_dir,
    )
    write_atomic(out, slip.pdf_bytes)
    how = "bản đã lưu" if slip.reprinted else "phiếu mới"
    print(f"Đã in {args.out} ({how}: {slip.path})")


def add_parsers(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    """Register «print KIND …» under ``sub`` (the top-level subcommands of counter-cli)."""
    group = sub.add_parser("print", parents=[common], help="in phiếu, giấy tờ ra tệp PDF").add_subparsers(
        dest="print_command", required=True
    )
    for kind, help_text in HELP.items():
        p = group.add_parser(kind, parents=[common], help=help_text, description=help_text)
        if kind in DOSSIER_SLIPS:
            p.add_argument("key", metavar="CODE", help="mã hồ sơ")
        elif kind == "supplement":
            p.add_argument(
                "key", metavar="CODE_OR_INTAKE_ID", help="mã hồ sơ hoặc mã yêu cầu bổ sung khi tiếp nhận"
            )
        elif kind == "guide":
            p.add_argument("procedure", metavar="PROCEDURE", help="mã thủ tục, ví dụ 2.001955")
            p.add_argument("--case", type=integer, default=1, help="số thứ tự trường hợp (mặc định 1)")
        elif kind == "handover":
            p.add_argument("codes", metavar="CODE", nargs="+", help="các mã hồ sơ bàn giao")
            p.add_argument("--unit", required=True, help="mã đơn vị nhận, ví dụ SNV")
        elif kind == "register":
            p.add_argument("--from", dest="date_from", required=True, help="từ ngày (2026-11-01)")
            p.add_argument("--to", dest="date_to", required=True, help="đến ngày (2026-11-30)")
        layouts = LAYOUTS[kind]  # the first is the default; a kind with one size has no --layout
        if len(layouts) > 1:
            p.add_argument("--layout", choices=layouts, default=layouts[0])
        p.add_argument("--out", required=True, help="tệp PDF ghi ra")
        p.set_defaults(func=cmd_print)
