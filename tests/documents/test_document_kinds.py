"""What each kind of document line prints as (issue 9): handed in, shown and handed back, a heading
introducing the items under it, a note. Receipt: handed in, then the shown ones on a line of their
own; guide: all four; supplement request: only what must be brought."""

from __future__ import annotations

import pytest
from slip_helpers import drawn_text_by_font, guidance_data, page_texts, receipt_data
from slip_samples import supplement_data

from counter_app.documents.guidance import render_guidance, split_shown
from counter_app.documents.receipt import render_receipt
from counter_app.documents.slip_data import DocumentLine
from counter_app.documents.supplement import render_supplement

HEAD = DocumentLine("Hồ sơ đăng ký tạm trú gồm:", 0, 0, kind="heading")
FORM = DocumentLine("Tờ khai thay đổi thông tin cư trú", 1, 0)
PROOF = DocumentLine("Giấy tờ chứng minh chỗ ở hợp pháp", 0, 1)
NOTE = DocumentLine("Lưu ý: người chưa thành niên phải có ý kiến đồng ý của cha mẹ", 0, 0, kind="note")
SHOWN_HEAD = DocumentLine("Giấy tờ phải xuất trình:", 0, 0, kind="heading")
ID_CARD = DocumentLine("Thẻ Căn cước", 1, 0, kind="show")
PASSPORT = DocumentLine("Hộ chiếu còn thời hạn", 1, 0, kind="show")
LINES = (HEAD, FORM, PROOF, NOTE, SHOWN_HEAD, ID_CARD, PASSPORT)


def text(pdf: bytes) -> str:
    return " ".join(page_texts(pdf))


def test_split_shown_moves_a_heading_with_its_shown_documents() -> None:
    assert split_shown(LINES) == ([HEAD, FORM, PROOF, NOTE], [SHOWN_HEAD, ID_CARD, PASSPORT])
    # A shown document among handed-in ones leaves its heading where it is.
    mixed = (HEAD, FORM, ID_CARD, NOTE)
    assert split_shown(mixed) == ([HEAD, FORM, NOTE], [ID_CARD])
    assert split_shown((ID_CARD, FORM)) == ([FORM], [ID_CARD])
    assert split_shown(()) == ([], [])


@pytest.mark.parametrize("layout", ["a4", "a5", "thermal80"])
def test_receipt_lists_handed_in_documents_and_a_line_for_the_shown_ones(layout: str) -> None:
    pdf = render_receipt(receipt_data(documents=LINES), layout)  # type: ignore[arg-type]
    out = text(pdf)
    assert "1 Tờ khai thay đổi thông tin cư trú 01 -" in out
    assert "2 Giấy tờ chứng minh chỗ ở hợp pháp - 01" in out
    assert "Giấy tờ xuất trình (đã kiểm tra, trả lại): Thẻ Căn cước; Hộ chiếu còn thời hạn" in out
    for absent in (HEAD.name, NOTE.name, SHOWN_HEAD.name, "3 Thẻ Căn cước"):
        assert absent not in out


def test_receipt_with_only_shown_documents_says_nothing_was_handed_in() -> None:
    out = text(render_receipt(receipt_data(documents=(ID_CARD,)), "a5"))
    assert "(Không có giấy tờ kèm theo)" in out
    assert "Giấy tờ xuất trình (đã kiểm tra, trả lại): Thẻ Căn cước" in out


@pytest.mark.parametrize("layout", ["a4", "a5"])
def test_guide_shows_all_four_kinds(layout: str) -> None:
    pdf = render_guidance(guidance_data(documents=LINES), layout)  # type: ignore[arg-type]
    out = text(pdf)
    # Headings are rows without a number or counts; the documents are numbered on; notes follow the
    # tables in a section of their own (the portal may list dozens before the first document).
    assert f"STT Tên giấy tờ Bản chính Bản sao {HEAD.name} 1 {FORM.name} 01 - 2 {PROOF.name} - 01" in out
    assert f"Lưu ý về thành phần hồ sơ: - {NOTE.name}" in out
    assert out.index(PASSPORT.name) < out.index(NOTE.name)
    assert (
        f"Giấy tờ phải xuất trình (không nộp lại): STT Tên giấy tờ {SHOWN_HEAD.name} 1 {ID_CARD.name} "
        f"2 {PASSPORT.name}"
    ) in out
    fonts = drawn_text_by_font(pdf)
    bold = next(v for k, v in fonts.items() if k.endswith("-Bold"))
    italic = next(v for k, v in fonts.items() if k.endswith("-Italic"))
    assert "".join(HEAD.name.split()) in "".join(bold.split())
    assert "".join(NOTE.name.split()) in "".join(italic.split())


def test_guide_without_shown_documents_has_no_shown_section() -> None:
    out = text(render_guidance(guidance_data(documents=(HEAD, FORM)), "a4"))
    assert "xuất trình" not in out and f"{HEAD.name} 1 {FORM.name}" in out


def test_supplement_request_lists_only_what_must_be_brought() -> None:
    out = text(render_supplement(supplement_data(missing=LINES)))
    assert f"1 {FORM.name} 01 - 2 {PROOF.name} - 01" in out
    assert f"3 {ID_CARD.name} (xuất trình để đối chiếu, không nộp lại) 01 -" in out
    assert "Tổng số: 04 giấy tờ cần bổ sung." in out
    for absent in (HEAD.name, NOTE.name, SHOWN_HEAD.name):
        assert absent not in out


def test_receipt_joins_shown_documents_without_their_own_full_stops() -> None:
    shown = (
        DocumentLine("Hộ chiếu còn giá trị sử dụng.", 1, 0, kind="show"),
        DocumentLine("Giấy tờ chứng minh nơi cư trú.", 1, 0, kind="show"),
    )
    out = text(render_receipt(receipt_data(documents=shown), "a5"))
    assert "Hộ chiếu còn giá trị sử dụng; Giấy tờ chứng minh nơi cư trú" in out and ".;" not in out
