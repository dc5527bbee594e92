"""The 80 mm roll receipt, drawn line by line (documents/roll.py), prints what platypus printed.

The roll is drawn straight onto one canvas page (docs/performance.md). The platypus layout of the
same receipt (``receipt._platypus``, still used for a roll longer than one PDF page) is the
reference: same page size, same pixels, same text. The line breaker is compared with reportlab's
``Paragraph`` on random text and on every name of the 402 portal records.
"""

from __future__ import annotations

import io
import random
import unicodedata
from dataclasses import replace
from datetime import datetime

import pytest
import zxingcpp
from long_samples import DOC_NAME
from PIL import ImageChops
from pypdf import PdfReader
from slip_helpers import CODE, NAME, OFFICE, TZ, page_texts, receipt_data, render_gray
from testdata import PORTAL_DETAILS

from counter_app.documents import receipt, roll
from counter_app.documents.fonts import BOLD, ITALIC, REGULAR, MissingGlyphError
from counter_app.documents.layout import DocumentColumns, document_columns
from counter_app.documents.receipt import form_texts, render_receipt
from counter_app.documents.slip_data import ApplicantInfo, DocumentLine, FeeLine
from counter_app.documents.styles import SPECS, clean, rich, styles_for

ROLL = SPECS["thermal80"]
LONG_NAME = (
    "Công ty Trách nhiệm hữu hạn Một thành viên Thương mại Dịch vụ Xuất nhập khẩu "
    "Nông sản Thực phẩm Đồng Tháp Mười Hưng Thái"
)
LONG_ADDRESS = (
    "Lô C12-C15, Khu công nghiệp Lễ Môn mở rộng, số nhà 1234/56/7 Đường Lê Lợi, phường Hạc Thành, "
    "tỉnh Thanh Hóa (gần cổng số 3, đối diện trạm biến áp Ngọc Trạo, cạnh siêu thị Điện Máy Xanh)"
)
EMAIL = "phong.hanh.chinh.nhan.su.cong.ty.nong.san.thuc.pham@congtyhungthinh-thanhhoa.com.vn"
LONG_DOCS = tuple(
    DocumentLine(f"Bản kê khai chi tiết quá trình công tác và đóng bảo hiểm xã hội, mục {i}", 1, i % 3)
    for i in range(1, 31)
)
FEES = (
    FeeLine("Phí thẩm định", 150_000),
    FeeLine("Lệ phí cấp giấy chứng nhận", 0),
    FeeLine("- Cước bưu chính theo bảng giá của bưu điện và các khoản thu khác theo quy định hiện hành"),
)

# Receipts whose roll is drawn both ways and compared. "markup" and "email" have text the line
# breaker leaves to a reportlab Paragraph ("&", "<", a word wider than the line).
CASES = {
    "default": receipt_data(),
    "long applicant and documents": receipt_data(
        applicant=ApplicantInfo(LONG_NAME, "038186001234", LONG_ADDRESS, "0912 345 678", ""),
        documents=LONG_DOCS,
    ),
    "email": receipt_data(applicant=ApplicantInfo(NAME, "", "", "", EMAIL)),
    "no documents, no fees": receipt_data(documents=(), fees=()),
    "several fees, one cut": receipt_data(fees=(*FEES, FeeLine(DOC_NAME, 20_000))),
    "no optional data": receipt_data(
        appointment_at=None, register_book=None, register_seq=None, slip_number="", fees=(), case_name=""
    ),
    "case, postal return, certified copies": receipt_data(
        case_name="Doanh nghiệp có dưới 10 lao động",
        return_method="Qua dịch vụ bưu chính: Số 5 phố Ấn Độ, phường Đông Sơn",
        documents=(DocumentLine("Giấy khai sinh", 0, 0, 1), *receipt_data().documents),
        fees=(FeeLine("Cước bưu chính theo bảng giá của bưu điện"),),
    ),
    "shown, heading and note lines": receipt_data(
        documents=(
            DocumentLine("* Nhóm giấy tờ:", 0, 0, kind="heading"),
            *receipt_data().documents[:2],
            DocumentLine("Lưu ý: bản sao phải rõ nét", 0, 0, kind="note"),
            DocumentLine("Thẻ Căn cước công dân.", 1, 0, kind="show"),
            DocumentLine("Hộ chiếu", 1, 0, kind="show"),
        )
    ),
    "markup": receipt_data(
        applicant=ApplicantInfo("Công ty A & B <Việt Nam>", address="Số 3 <ngõ 5> & ngách 7"),
        procedure_name="Thủ tục <b>x</b> & y",
        documents=(DocumentLine("Bản sao A & B", 1, 0),),
    ),
    "spaces and line breaks in the data": receipt_data(
        applicant=ApplicantInfo("  Nguyễn   Văn  An ", address="Số 12,\nĐường Lê Lợi\n\nThanh Hóa  "),
        documents=(DocumentLine(" Đơn   đề nghị ", 1, 0), DocumentLine("Tờ khai\tcó tab", 1, 1)),
    ),
    "office without address or hotline, named in text": receipt_data(
        office=replace(OFFICE, address="", hotline="", name="Trung tâm Phục vụ hành chính công tỉnh")
    ),
    "a day of receipt before the 10th, in January": receipt_data(
        received_at=datetime(2027, 1, 5, 7, 5, tzinfo=TZ),
        appointment_at=datetime(2027, 1, 8, 7, 0, tzinfo=TZ),
    ),
    "decomposed input": receipt_data(applicant=ApplicantInfo(unicodedata.normalize("NFD", NAME))),
    "a long document name": receipt_data(documents=(DocumentLine(DOC_NAME[:1500], 1, 1),)),
}


def largest_difference(a: bytes, b: bytes, dpi: int) -> int:
    """Largest difference of a pixel's grey level (0–255) between the first pages of two PDFs.

    The roll writes each line's origin where platypus wrote relative moves: coordinates rounded
    differently in the last decimals shade a few edge pixels by a level or two. A glyph, a rule or
    a line moved by even a tenth of a pixel changes pixels by far more.
    """
    left, right = render_gray(a, 0, dpi), render_gray(b, 0, dpi)
    assert left.size == right.size
    return ImageChops.difference(left, right).getextrema()[1]


def page_size(pdf: bytes) -> tuple[float, float]:
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    return float(box.width), float(box.height)


@pytest.mark.parametrize("case", CASES)
def test_the_roll_prints_what_platypus_printed(case: str) -> None:
    data = CASES[case]
    drawn = render_receipt(data, "thermal80")
    reference = receipt._platypus(data, ROLL, form_texts(data.form_version, compact=True))
    assert len(PdfReader(io.BytesIO(drawn)).pages) == 1
    assert page_size(drawn) == page_size(reference)  # the page follows the content as before
    assert page_texts(drawn) == page_texts(reference)
    for dpi in (150, 203):  # the screen preview, the thermal head
        assert largest_difference(drawn, reference, dpi) <= 8


def test_a_roll_is_drawn_without_platypus_unless_it_needs_several_pages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    laid_out = []
    platypus = receipt._platypus
    monkeypatch.setattr(receipt, "_platypus", lambda *args: laid_out.append(args[1].name) or platypus(*args))
    render_receipt(receipt_data(documents=LONG_DOCS * 5), "thermal80")
    render_receipt(receipt_data(), "a5")
    assert laid_out == ["a5"]
    docs = tuple(DocumentLine(f"Giấy tờ số {i} kèm theo bản sao có chứng thực", 1, 1) for i in range(900))
    assert len(PdfReader(io.BytesIO(render_receipt(receipt_data(documents=docs), "thermal80"))).pages) > 1
    assert laid_out == ["a5", "thermal80"]


def test_without_documents_or_fees_the_roll_says_so() -> None:
    text = page_texts(render_receipt(receipt_data(documents=(), fees=()), "thermal80"))[0]
    assert "1. Thành phần hồ sơ: STT Tên giấy tờ Chính Sao (Không có giấy tờ kèm theo) 2. Số lượng" in text
    assert "7. Phí, lệ phí: Không Sổ theo dõi: Quyển 01, STT 125" in text


def test_fees_on_the_roll_one_line_each_after_the_item() -> None:
    text = page_texts(render_receipt(receipt_data(fees=FEES), "thermal80"))[0]
    assert (
        "7. Phí, lệ phí: - Phí thẩm định: 150.000 đồng - Lệ phí cấp giấy chứng nhận: Không "
        "- Cước bưu chính theo bảng giá của bưu điện và các khoản thu khác theo quy định…: "
        "Theo quy định (chi tiết xem Phiếu hướng dẫn) Sổ theo dõi"  # a label over 80 characters is cut
    ) in text
    one = page_texts(render_receipt(receipt_data(fees=(FeeLine(DOC_NAME, 20_000),)), "thermal80"))[0]
    assert "7. Phí, lệ phí: Bản sao giấy tờ chứng minh chỗ ở hợp pháp" in one
    assert "…: 20.000 đồng (chi tiết xem Phiếu hướng dẫn)" in one


def test_long_names_addresses_and_many_documents_wrap_on_the_roll() -> None:
    data = CASES["long applicant and documents"]
    pdf = render_receipt(data, "thermal80")
    text = page_texts(pdf)[0]
    assert f"Ông/Bà: {LONG_NAME} Số định danh: 038186001234 Địa chỉ: {LONG_ADDRESS} Số điện thoại" in text
    for i, doc in enumerate(LONG_DOCS, 1):
        assert f"{i} {doc.name} 01 {'-' if i % 3 == 0 else f'0{i % 3}'}" in text
    image = render_gray(pdf, 0, 72)
    left, right = int(ROLL.left) - 1, int(ROLL.width - ROLL.right) + 2
    assert image.crop((0, 0, left, image.height)).getextrema()[0] > 160  # nothing printed in the margins
    assert image.crop((right, 0, image.width, image.height)).getextrema()[0] > 160


@pytest.mark.parametrize("case", ["long applicant and documents", "markup", "no documents, no fees"])
def test_the_code128_of_the_roll_decodes(case: str) -> None:
    image = render_gray(render_receipt(CASES[case], "thermal80"), 0, 203)
    top = image.crop((0, 0, image.width, int(120 * 203 / 25.4)))
    assert [r.text for r in zxingcpp.read_barcodes(top, formats=zxingcpp.BarcodeFormat.Code128)] == [CODE]


def test_the_roll_is_deterministic() -> None:
    first = render_receipt(CASES["markup"], "thermal80")
    render_receipt(CASES["long applicant and documents"], "a4")
    assert render_receipt(CASES["markup"], "thermal80") == first


def test_a_character_without_a_glyph_is_refused_on_the_roll() -> None:
    with pytest.raises(MissingGlyphError, match="U\\+1F600"):
        render_receipt(receipt_data(applicant=ApplicantInfo("Nguyễn Văn 😀")), "thermal80")
    with pytest.raises(MissingGlyphError, match="U\\+1F600"):
        render_receipt(receipt_data(documents=(DocumentLine("Giấy tờ 😀", 1, 0),)), "thermal80")


# ---------------------------------------------------------------- the line breaker
def reportlab_lines(runs: list[tuple[str, str]], style: object, width: float) -> list:
    """The lines of ``styles.rich(runs, style)`` in roll's form: (unused width, groups, words, broken)."""
    p = rich(runs, style)  # type: ignore[arg-type]
    p.wrap(width, 1e9)
    lines = p.blPara
    if lines.kind == 0:
        return [
            (extra, [(lines.fontName, " ".join(words))], len(words), False) for extra, words in lines.lines
        ]
    return [
        (
            line.extraSpace,
            [(g.fontName, g.text) for g in line.words if not hasattr(g, "lineBreak")],
            line.wordCount,
            bool(line.lineBreak),
        )
        for line in lines.lines
    ]


def breaker_lines(runs: list[tuple[str, str]], style: object, width: float) -> list | None:
    return roll._break([(clean(t), f) for t, f in runs], style, width)  # type: ignore[arg-type]


WORDS = [
    "Văn",
    "bản",
    "đề",
    "nghị",
    "đăng",
    "ký",
    "nội",
    "quy",
    "lao",
    "động",
    "của",
    "doanh",
    "nghiệp",
    "(nếu",
    "có)",
    "01",
    "-",
    ";",
    ":",
    ",",
    "Giấy",
    "tờ",
    "số",
    "12/2026/NĐ-CP",
    "Nguyễn",
    "Thị",
    "Ánh",
    "Hồng",
    "150.000",
    "đồng",
    "Thành",
    "phần",
    "hồ",
    "sơ",
]
ODD = ["phong.hanh.chinh.nhan.su.cong.ty@congty-thanhhoa.com.vn", "x" * 60, "&", "A & B", "<x>", "\t", "\xa0"]


def random_run(rng: random.Random) -> str:
    if rng.random() < 0.03:
        return rng.choice(ODD)
    text = "".join(
        rng.choice(WORDS) + rng.choice([" ", " ", " ", "  ", "\n", " \n ", ""])
        for _ in range(rng.randint(0, 6))
    )
    return (" " if rng.random() < 0.2 else "") + text


def test_lines_are_broken_as_reportlab_breaks_them() -> None:
    rng = random.Random(20261123)
    styles = [
        style
        for spec in SPECS.values()
        for st in [styles_for(spec)]
        for style in (
            st.left,
            st.center,
            st.body,
            st.bullet,
            st.title,
            st.small,
            st.cell,
            st.cell_center,
            st.head_bold,
        )
    ]
    drawn = {0: 0, 1: 0}
    for _ in range(4000):
        style = rng.choice(styles)
        fonts = [style.fontName, style.fontName, REGULAR, BOLD, ITALIC]
        runs = [(random_run(rng), rng.choice(fonts)) for _ in range(rng.randint(1, 4))]
        width = rng.uniform(20, 450)
        ours = breaker_lines(runs, style, width)
        if ours is None:  # left to reportlab: markup, odd spaces, or a word reportlab splits
            p = rich(runs, style)
            p.wrap(width, 1e9)
            assert any(roll._NOT_PLAIN.search(t) for t, _ in runs) or p._splitLongWordCount, runs
            continue
        assert ours == reportlab_lines(runs, style, width), (runs, style.name, width)
        drawn[len(ours) > 0 and any(len(g) > 1 or b for _, g, _, b in ours)] += 1
    assert min(drawn.values()) > 500  # plain paragraphs and ones with font changes or line breaks


def test_every_name_of_the_portal_records_breaks_as_reportlab_breaks_it() -> None:
    from counter_app.services.catalog import read_records

    records = read_records(sorted(PORTAL_DETAILS.glob("*.json")))
    st = styles_for(ROLL)
    names = [r.name for r in records] + [c.name for r in records for c in r.cases]
    names += [d.name for r in records for c in r.cases for d in c.documents]
    assert len(names) > 3000
    _, widths = document_columns((), ROLL, DocumentColumns("STT", "", "Chính", "Sao", "", ""))
    for name in names:
        for runs, style, width in (
            ([(name, REGULAR)], st.cell, widths[1] - 3),  # a documents table's name cell
            ([("Yêu cầu: ", REGULAR), (name, BOLD)], st.left, ROLL.frame_width),  # label and value
        ):
            assert breaker_lines(runs, style, width) == reportlab_lines(runs, style, width), name
