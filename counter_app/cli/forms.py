"""counter-cli forms …: the province's wording of the slips' forms (issue 15; admins at the province).

    forms list KIND                 every text of the slip KIND (receipt, supplement, refusal …):
                                    its key, the standard text, the province's when it has one
    forms set KIND KEY TEXT         the province words that text its own way, for every office
                                    from its next baseline bundle («exchange publish»)
    forms reset KIND KEY            the text back to the standard wording

A text must keep the «{…}» blanks of the standard one (the form fills them). A mistake prints one
«Lỗi: …» line, exits 1 and changes nothing. docs/exchange.md «Downward».
"""

from __future__ import annotations

import argparse

from counter_app.cli.common import SubParsers, actor_of, utc_now
from counter_app.context import AppContext


def cmd_list(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services.form_wording import list_texts

    for text in list_texts(ctx.db, args.kind):
        mark = "*" if text.text is not None else " "
        print(f"{mark} {text.key}\t{(text.text if text.text is not None else text.base)!r}")


def cmd_set(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services.form_wording import set_text

    change = set_text(ctx.db, actor_of(ctx, args), args.kind, args.key, args.text, now=utc_now())
    state = "không có gì thay đổi" if change.before == change.after else "các văn phòng nhận ở gói tới"
    print(f"Lời văn mẫu {change.kind}/{change.key}: {change.after} ({state}).")


def cmd_reset(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services.form_wording import reset_text

    change = reset_text(ctx.db, actor_of(ctx, args), args.kind, args.key, now=utc_now())
    print(f"Lời văn mẫu {change.kind}/{change.key} trở lại lời văn chuẩn (các văn phòng nhận ở gói tới).")


def add_parsers(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    text = "(trung tâm tỉnh) lời văn mẫu phiếu của tỉnh, gửi các văn phòng trong gói danh mục và lịch"
    group = sub.add_parser("forms", parents=[common], help=text, description=text).add_subparsers(
        dest="forms_command", required=True
    )
    p = group.add_parser("list", parents=[common], help="các đoạn lời văn của một mẫu phiếu")
    p.add_argument("kind", help="loại phiếu: receipt, supplement, refusal, result …")
    p.set_defaults(func=cmd_list)
    p = group.add_parser("set", parents=[common], help="đặt lời văn của tỉnh cho một đoạn")
    p.add_argument("kind")
    p.add_argument("key", help="tên đoạn («forms list KIND»)")
    p.add_argument("text")
    p.set_defaults(func=cmd_set)
    p = group.add_parser("reset", parents=[common], help="một đoạn trở lại lời văn chuẩn")
    p.add_argument("kind")
    p.add_argument("key")
    p.set_defaults(func=cmd_reset)
