"""Signatures never stand alone on a page, however long the text before them.

A page holding only signatures can be put under any other text, so every slip keeps its
signature block on the page of the last lines it signs. reportlab's KeepTogether does that only
while the whole block fits a page: a block made taller than a page by a long reason or note is
split anywhere, and the signatures may then open a page of their own. Here the block is bounded:
it takes whole flowables from the end while they fit in a part of the page, and when the last
one before the signatures is a long paragraph, only its last lines.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from counter_app.documents.pdfbuild import MAX_ROLL_HEIGHT
from counter_app.documents.styles import PageSpec

KEEP_SHARE = 0.5  # of the page: the most the kept block (signatures included) may take
TAIL_LINES = 3  # lines of a long paragraph that go with the signatures


def _height(f: Flowable, width: float) -> float:
    return f.wrap(width, 1e9)[1] + f.getSpaceBefore() + f.getSpaceAfter()


def keep_with_signatures(
    before: Sequence[Flowable], signed: Sequence[Flowable], spec: PageSpec
) -> list[Flowable]:
    """``before`` then ``signed`` (signatures and what follows them), the end of one on the page of
    the other. Returns the flowables to add to the story."""
    width = spec.frame_width
    page = (spec.height or MAX_ROLL_HEIGHT) - spec.top - spec.bottom  # a roll's longest page
    room = page * KEEP_SHARE - sum(_height(f, width) for f in signed)
    head = list(before)
    kept: list[Flowable] = []
    signs_something = False  # some text (not only space or markers) is kept with the signatures
    while head:
        last = head[-1]
        height = _height(last, width)
        if height <= room or isinstance(last, Spacer):
            kept.insert(0, head.pop())
            room -= height
            signs_something = signs_something or (height > 0 and not isinstance(last, Spacer))
            continue
        if isinstance(last, Paragraph) and not signs_something:
            # Take the paragraph's last lines along (all of it when it is hardly longer).
            lines = TAIL_LINES * last.style.leading
            body = height - last.getSpaceBefore() - last.getSpaceAfter()
            parts = (last.split(width, body - lines) if body > lines + last.style.leading else []) or [last]
            head[-1:] = parts[:-1]
            kept.insert(0, parts[-1])
        break
    return [*head, KeepTogether([*kept, *signed])]
