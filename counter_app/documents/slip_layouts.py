"""The paper sizes each slip kind prints in: the one table the registry, the renderers and counter-cli
read (``registry.FORMS[kind].layouts``, ``check_layout``, ``counter-cli print KIND --layout``).

The first size of a kind is its default. ``a4`` and ``a5`` are sheets; ``thermal80`` is the 80 mm
roll of a receipt printer (``layout.SPECS`` holds each size's page geometry). No reportlab here:
counter-cli reads this table while it builds its parser, before any command runs (issue 11).
"""

from __future__ import annotations

from typing import Literal, get_args

# The renderers' ``layout`` parameter types; LAYOUTS below is made of their values.
ReceiptLayout = Literal["a4", "a5", "thermal80"]
GuidanceLayout = Literal["a4", "a5"]
ResultReceiptLayout = Literal["a4", "a5"]
A4Layout = Literal["a4"]  # the letter-like forms 02–07 and the hand-over list

LAYOUTS: dict[str, tuple[str, ...]] = {
    "receipt": get_args(ReceiptLayout),
    "guide": get_args(GuidanceLayout),
    "supplement": get_args(A4Layout),
    "refusal": get_args(A4Layout),
    "apology": get_args(A4Layout),
    "stop": get_args(A4Layout),
    "control": get_args(A4Layout),
    "register": get_args(A4Layout),
    "result": get_args(ResultReceiptLayout),
    "handover": get_args(A4Layout),
}


def check_layout(kind: str, layout: str, what: str | None = None) -> None:
    """A renderer's guard: ``layout`` must be one of ``kind``'s sizes (the error names ``what``,
    by default the kind)."""
    allowed = LAYOUTS[kind]
    if layout not in allowed:
        *others, last = allowed
        choices = f"{', '.join(others)} or {last}" if others else last
        raise ValueError(f"unknown {what or kind} layout {layout!r}; use {choices}")
