"""domain/document_groups.split_shown: the one rule the guide page and the guidance slip share."""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.domain.document_groups import split_shown


@dataclass(frozen=True)
class L:
    name: str
    kind: str
    part: str = ""


HEAD = L("Hồ sơ gồm:", "heading")
FORM = L("Tờ khai", "submit")
NOTE_SHOWN_PART = L("Bản chính để đối chiếu", "note", "Giấy tờ phải xuất trình")
SHOWN_HEAD = L("* Giấy tờ phải xuất trình:", "heading")
CARD = L("CCCD", "show", "Giấy tờ phải xuất trình")


def test_a_heading_over_only_shown_documents_moves_with_them() -> None:
    assert split_shown([HEAD, FORM, SHOWN_HEAD, CARD]) == ([HEAD, FORM], [SHOWN_HEAD, CARD])


def test_a_shown_document_among_handed_in_ones_goes_alone_and_its_heading_stays() -> None:
    assert split_shown([HEAD, CARD, FORM]) == ([HEAD, FORM], [CARD])


def test_loose_lines_move_only_when_the_caller_says_so() -> None:
    lines = [FORM, CARD, NOTE_SHOWN_PART]
    assert split_shown(lines) == ([FORM, NOTE_SHOWN_PART], [CARD])
    moved = split_shown(lines, goes_with_shown=lambda x: x.kind == "note" and x.part == CARD.part)
    assert moved == ([FORM], [CARD, NOTE_SHOWN_PART])


def test_a_lone_heading_and_an_empty_list() -> None:
    assert split_shown([HEAD]) == ([HEAD], [])
    assert split_shown([]) == ([], [])
