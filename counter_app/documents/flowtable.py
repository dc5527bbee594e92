"""A platypus Table that can always be drawn: a row too tall for the page is cut across pages.

A plain reportlab Table splits only between rows, so one cell taller than the page (a paragraph
imported as one document name, a huge address) raises ``LayoutError: … too large on page N``
and no slip is printed at all. ``FlowingTable`` keeps reportlab's between-row split and adds
reportlab's in-row split (``splitInRow``, the smallest part of a cut row in points) where it
helps: a short row that does not fit at the bottom of a page still moves whole to the next page,
a long one (a third of a page or more) is cut where the page ends, so that moving it never
leaves a large empty space, and any row that does not fit a fresh page is cut there.

In-row splitting only splits cells that are lists of flowables (a bare Paragraph cell would be
silently emptied), so every cell is wrapped in a list here.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab import rl_config
from reportlab.platypus import Flowable, Table

# Smallest part of a cut row worth drawing (points): less than about two lines of cell text at
# the bottom of a page is left for the next page instead of printing a sliver of a row.
MIN_ROW_PART = 24.0
# A row taller than this share of a page is cut at the page end rather than moved whole, so that
# moving a row never leaves more than this share of a page empty.
LONG_ROW_SHARE = 1 / 3
ANY_PART = 1e-3  # the smallest part when nothing else can place a row (0 would disable cutting)


def listed(cell: object) -> object:
    """A cell in the form the in-row split needs: flowables inside a list, text as it is."""
    return [cell] if isinstance(cell, Flowable) else cell


class FlowingTable(Table):
    """A Table whose over-tall rows are cut across pages (see the module docstring).

    ``splitInRow`` carries the smallest part of a cut row, in points; reportlab passes it on to
    the parts of a split table, so every continuation keeps the same behaviour.
    """

    def __init__(self, data: Sequence[Sequence[object]], *args: object, **kw: object) -> None:
        kw.setdefault("splitInRow", MIN_ROW_PART)
        rows = [[listed(c) for c in row] for row in data] if not kw.get("normalizedData") else data
        super().__init__(rows, *args, **kw)  # type: ignore[arg-type]

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 (reportlab API)
        self._calc(availWidth, availHeight)
        if self._width > availWidth and not rl_config.allowTableBoundsErrors & 1:
            return []  # as Table.split (by default it goes on: columns summed to the frame width
            # may exceed it by a rounding error)
        row = self._first_row_over(availHeight)
        if row is None or not self.splitInRow or row < self._repeat_count():
            return self._splitRows(availHeight)  # whole table fits, or only the header is at stake
        if self._long(row) and (parts := self._cut(row, availHeight)):
            return parts  # moving it would leave much of this page empty, or no page holds it
        parts = self._splitRows(availHeight)  # between rows, as a plain Table does
        if parts:
            return parts
        frame = getattr(self, "_frame", None)
        if frame is not None and not getattr(frame, "_atTop", False):
            return []  # the row fits on a fresh page: let it move there whole
        return self._cut(row, availHeight, force=True)

    def _cut(self, row: int, avail: float, *, force: bool = False) -> list[Flowable]:
        for style in self._cellStyles[row]:
            # A cut row reads from its top: its number and counts go with its first part.
            style.valign = "TOP"
        parts = self._splitRows(avail, doInRowSplit=1)
        if parts or not force:
            return parts
        # Nothing else can place it (top of a page): accept a part below MIN_ROW_PART, such as
        # the last line of a row that misses the page by a few points.
        smallest = self.splitInRow
        self.splitInRow = ANY_PART
        try:
            parts = self._splitRows(avail, doInRowSplit=1)
        finally:
            self.splitInRow = smallest
        for part in parts:  # the parts are drawn again with the usual smallest part
            part.splitInRow = smallest  # type: ignore[attr-defined]
        return parts

    def _repeat_count(self) -> int:
        repeat = self.repeatRows
        return repeat if isinstance(repeat, int) else max(repeat) + 1

    def _first_row_over(self, avail: float) -> int | None:
        used = 0.0
        for i, height in enumerate(self._rowHeights):
            used += height
            if used > avail:
                return i
        return None

    def _long(self, row: int) -> bool:
        """True when the row is better cut than moved: it is a large part of a page, or more."""
        frame = getattr(self, "_frame", None)
        if frame is None:  # split outside a frame (a table in a table's cell): nothing better to do
            return True
        header = sum(self._rowHeights[: self._repeat_count()])
        return self._rowHeights[row] + header > frame._height * LONG_ROW_SHARE
