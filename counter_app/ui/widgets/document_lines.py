"""The lines of a case's document list as the screens show them (docs/catalog-rules.md).

A line is a document handed in ("submit"), a document shown, checked and handed back ("show"), a
heading introducing the items under it, or a note. Only the first two are ever ticked: the
receiving service refuses the ordinal of a heading or a note.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from counter_app.domain import document_groups
from counter_app.domain.text import search_key
from counter_app.services.catalog_format import DocumentRecord

TICKABLE_KINDS = ("submit", "show")


@dataclass(frozen=True)
class Line:
    ordinal: int  # the line's number in its case, as the service counts it (1-based, every kind)
    name: str
    kind: str
    required: bool
    original_qty: int
    copy_qty: int
    part: str

    @property
    def tickable(self) -> bool:
        return self.kind in TICKABLE_KINDS


def lines_of(documents: Sequence[DocumentRecord]) -> list[Line]:
    """The case's lines in catalogue order; the ordinal is the position, as stored on import."""
    return [
        Line(i, d.name, d.kind, d.required and d.kind in TICKABLE_KINDS, d.original_qty, d.copy_qty, d.part)
        for i, d in enumerate(documents, start=1)
    ]


def split_shown(lines: Sequence[Line]) -> tuple[list[Line], list[Line]]:
    """The lines of the main list and those of the "Giấy tờ phải xuất trình" list.

    The guidance slip's rule (domain/document_groups.py), so the screen and the paper agree; on
    screen a note also goes with the shown list when its part is the part of a shown document
    ("Giấy tờ phải xuất trình" remarks), else it stays where the portal put it.
    """
    shown_parts = {line.part for line in lines if line.kind == "show" and line.part}
    return document_groups.split_shown(
        lines, goes_with_shown=lambda line: line.kind == "note" and line.part in shown_parts
    )


_NOTE_PARTS = ("luu y", "ghi chu", "chu y")  # the portal's note groups (docs/catalog-rules.md)


def split_notes(lines: Sequence[Line]) -> tuple[list[Line], list[Line]]:
    """The lines without the notes of the portal's "Lưu ý" group, and those notes.

    On screen they are read after the documents: in the portal's order a dozen remarks about the
    civil-status registry can stand before the two documents the citizen must bring.
    """

    def in_note_part(line: Line) -> bool:
        return line.kind == "note" and search_key(line.part).rstrip(" :") in _NOTE_PARTS

    return [x for x in lines if not in_note_part(x)], [x for x in lines if in_note_part(x)]
