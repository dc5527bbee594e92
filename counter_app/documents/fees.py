"""Fee lines of the slips: the full wording (guidance slip) and the short line (receipt, item 7).

The catalogue's fee "description" is often the whole fee regulation (thousands of characters). The
guidance slip prints it as it is, since it is where the citizen reads the rules; the receipt only
records what is due, so it prints each fee's amount with a label cut at a word boundary and, when
anything was cut, sends the reader to the guidance slip.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.platypus import Flowable

from counter_app.documents.fonts import BOLD, REGULAR
from counter_app.documents.slip_data import FeeLine
from counter_app.documents.styles import PageSpec, label_value, para, rich, styles_for
from counter_app.documents.vnformat import money, shorten

SHORT_LABEL = 80  # characters of a fee label on the receipt: two lines of the 80 mm roll


def fees_block(fees: Sequence[FeeLine], spec: PageSpec, label: str, none_text: str) -> list[Flowable]:
    """'Phí, lệ phí: Không'; a single fee on the label's line; else one '- fee: amount' line each."""
    st = styles_for(spec)
    if not fees:
        return [label_value(label, none_text, st.left)]

    def runs(fee: FeeLine) -> list[tuple[str, str]]:
        out = [(fee.label, REGULAR)]
        if fee.amount_vnd is not None:  # 0 reads "Không" as in the national catalogue, not "0 đồng"
            out += [(": ", REGULAR), (money(fee.amount_vnd) if fee.amount_vnd else none_text, BOLD)]
        return out

    if len(fees) == 1:  # one line saved keeps the A5 receipt on its single page
        return [rich([(label + " ", REGULAR), *runs(fees[0])], st.left)]
    return [para(label, st.left)] + [rich([("- ", REGULAR), *runs(fee)], st.bullet) for fee in fees]


@dataclass(frozen=True)
class ShortFeeTexts:
    """Wording of the receipt's fee item (versioned with the form)."""

    label: str  # "7. Phí, lệ phí:"
    none: str  # no fee at all, or an amount of 0: "Không"
    by_rule: str  # no fixed amount: "Theo quy định"
    details: str  # added when a label was cut: "(chi tiết xem Phiếu hướng dẫn)"


def short_fee_lines(
    fees: Sequence[FeeLine], texts: ShortFeeTexts
) -> list[tuple[list[tuple[str, str]], bool]]:
    """Item 7 of the receipt as (runs of (text, font), is a bullet line) per printed line.

    '<short label>: <amount>' per fee, on the item's line when only one. Shared by the platypus
    layouts (``short_fees_block``) and the roll drawn line by line (``roll``).
    """
    if not fees:
        return [([(texts.label + " ", REGULAR), (texts.none, REGULAR)], False)]
    cut_any = False
    lines: list[list[tuple[str, str]]] = []
    for fee in fees:
        # The portal's bullets ("- Đăng ký …") would print after the slip's own "- ".
        name, cut = shorten(fee.label.lstrip(" -+*•–"), SHORT_LABEL)
        cut_any = cut_any or cut
        if fee.amount_vnd is None:
            amount = texts.by_rule
        else:  # 0 reads "Không" as in the national catalogue, not "0 đồng"
            amount = money(fee.amount_vnd) if fee.amount_vnd else texts.none
        lines.append([(name + ": ", REGULAR), (amount, BOLD)] if name else [(amount, BOLD)])
    if cut_any:  # the reference goes on the last line, so it travels with the item's end
        lines[-1].append((" " + texts.details, REGULAR))
    if len(lines) == 1:
        return [([(texts.label + " ", REGULAR), *lines[0]], False)]
    return [([(texts.label, REGULAR)], False)] + [([("- ", REGULAR), *runs], True) for runs in lines]


def short_fees_block(fees: Sequence[FeeLine], spec: PageSpec, texts: ShortFeeTexts) -> list[Flowable]:
    """Item 7 of the receipt: '<short label>: <amount>' per fee, on the item's line when only one."""
    st = styles_for(spec)
    return [rich(runs, st.bullet if bullet else st.left) for runs, bullet in short_fee_lines(fees, texts)]
