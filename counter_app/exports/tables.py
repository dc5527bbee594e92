"""The reports as plain tables: one definition of the columns, drawn by the PDF, XLSX and CSV writers.

A ``Table`` holds typed values (int, float, str, aware office-local datetime, date or None), never
formatted text: each writer formats them its own way (Vietnamese "66,7 %" in the PDF, a number cell
with a percentage format in XLSX, a plain number in CSV), so the three files cannot disagree.

A column's ``path`` is its header from the top level down; adjacent columns sharing a prefix share a
merged header cell (``header_cells``), as in the official forms' grouped headers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

# Value kinds (how a writer formats the column's numbers and dates; a text value such as the total row's
# label may stand in any column, "" for a blank): seq (the row number, STT) · text · int (a count)
# · percent (a share 0–1) · decimal (working days) · datetime (office-local) · date.
KINDS = ("seq", "text", "int", "percent", "decimal", "datetime", "date")
LABEL_KINDS = ("seq", "text")  # columns that name a row (frozen in XLSX with the header)


@dataclass(frozen=True)
class Column:
    path: tuple[str, ...]
    kind: str = "int"
    width: float = 12.0  # mm on the PDF page (the XLSX width is computed from the text)

    def __post_init__(self) -> None:
        assert self.kind in KINDS and self.path, self

    @property
    def flat_name(self) -> str:
        """The header as one line (CSV): 'Số hồ sơ đã giải quyết - Quá hạn - Tổng số', '… (%)'."""
        name = " - ".join(p.replace("\n", " ") for p in self.path)
        return f"{name} (%)" if self.kind == "percent" and "%" not in name else name


@dataclass(frozen=True)
class HeaderCell:
    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True)
class Table:
    name: str  # sheet name (≤ 31 characters, no []:*?/\)
    title: str  # the report or section title
    columns: tuple[Column, ...]
    rows: tuple[tuple[object, ...], ...]
    total: tuple[object, ...] | None = None  # a last, bold row
    subtitle: str = ""  # the period line
    numbered: bool = False  # official forms number their columns (1), (2) … under the header
    notes: tuple[str, ...] = ()
    empty: str = "(Không có)"  # shown in the PDF instead of an empty table

    def __post_init__(self) -> None:
        width = len(self.columns)
        assert all(len(r) == width for r in self.rows), self.name
        assert self.total is None or len(self.total) == width, self.name

    @property
    def depth(self) -> int:
        return max(len(c.path) for c in self.columns)

    @property
    def header_rows(self) -> int:
        """Header rows including the column-number row."""
        return self.depth + (1 if self.numbered else 0)

    @property
    def body(self) -> tuple[tuple[object, ...], ...]:
        return self.rows + ((self.total,) if self.total is not None else ())

    def header_cells(self) -> list[HeaderCell]:
        """Merged header cells: a prefix shared by adjacent columns spans them; a column whose path is
        shorter than the header spans down to its last row."""
        cells: list[HeaderCell] = []
        depth = self.depth
        for level in range(depth):
            col = 0
            while col < len(self.columns):
                path = self.columns[col].path
                if len(path) <= level:
                    col += 1
                    continue
                span = 1
                while (
                    col + span < len(self.columns)
                    and len(self.columns[col + span].path) > level + 1
                    and len(path) > level + 1
                    and self.columns[col + span].path[: level + 1] == path[: level + 1]
                ):
                    span += 1
                down = depth - level if len(path) == level + 1 else 1
                cells.append(HeaderCell(level, col, path[level], down, span))
                col += span
        return cells

    def column_numbers(self) -> list[str]:
        return [f"({i})" for i in range(1, len(self.columns) + 1)]


def share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def local(value: datetime | None, tz: str) -> datetime | None:
    """An instant as office-local time (the tables show office-local dates only); naive is refused."""
    if value is None:
        return None
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"datetime must be timezone-aware, got naive {value!r}")
    return value.astimezone(ZoneInfo(tz))
