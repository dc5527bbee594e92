"""Where each line of a document list goes: the main list, or "Giấy tờ phải xuất trình".

The guide page and the guidance slip show the same list (docs/catalog-rules.md), so they share
this rule: a heading goes with the items under it (up to the next heading) and heads the shown
list when they are all shown documents ("* Giấy tờ phải xuất trình:"), instead of standing empty
in the main list; a shown document goes to the shown list wherever it stands.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar


class KindedLine(Protocol):
    @property
    def kind(self) -> str: ...


L = TypeVar("L", bound=KindedLine)


def split_shown(
    lines: Sequence[L], *, goes_with_shown: Callable[[L], bool] | None = None
) -> tuple[list[L], list[L]]:
    """The main list and the shown list, each in the catalogue's order.

    ``goes_with_shown`` moves other loose lines (e.g. a note of the shown part) to the shown list.
    """
    groups: list[list[L]] = []
    for line in lines:
        if line.kind == "heading" or not groups:
            groups.append([])
        groups[-1].append(line)
    main: list[L] = []
    shown: list[L] = []
    for group in groups:
        head = group[:1] if group[0].kind == "heading" else []
        items = group[len(head) :]
        if items and all(x.kind == "show" for x in items):
            shown += group
            continue
        main += head
        for line in items:
            to_shown = line.kind == "show" or (goes_with_shown is not None and goes_with_shown(line))
            (shown if to_shown else main).append(line)
    return main, shown
