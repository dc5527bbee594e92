"""Long content wraps and paginates inside the margins instead of overflowing."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from slip_helpers import guidance_data, page_texts, receipt_data, render_gray

from counter_app.documents.guidance import render_guidance
from counter_app.documents.receipt import render_receipt
from counter_app.documents.slip_data import ApplicantInfo, DocumentLine
from counter_app.documents.styles import SPECS

LONG_NAME = (
    "Công ty Trách nhiệm hữu hạn Một thành viên Thương mại Dịch vụ Xuất nhập khẩu "
    "Nông sản Thực phẩm Đồng Tháp Mười Hưng Thái"
)
LONG_ADDRESS = (
    "Lô C12-C15, Khu công nghiệp Lễ Môn mở rộng, số nhà 1234/56/7 Đường Lê Lợi, phường Hạc Thành, "
    "tỉnh Thanh Hóa (gần cổng số 3, đối diện trạm biến áp Ngọc Trạo, cạnh siêu thị Điện Máy Xanh), nước Việt Nam"
)
LONG_EMAIL = "phong.hanh.chinh.nhan.su.cong.ty.nong.san.thuc.pham.hung.thinh@congtyhungthinh-thanhhoa.com.vn"
DOC = (
    "Bản kê khai chi tiết quá trình công tác và đóng bảo hiểm xã hội, có xác nhận của đơn vị quản lý (mục {})"
)


def long_receipt(n_docs: int = 4):  # noqa: ANN201
    applicant = ApplicantInfo(LONG_NAME, "038186001234", LONG_ADDRESS, "0912 345 678", LONG_EMAIL)
    docs = tuple(DocumentLine(DOC.format(i), 1, 1) for i in range(1, n_docs + 1))
    return receipt_data(applicant=applicant, documents=docs)


def ink_outside_margins(pdf: bytes, layout: str, dpi: int = 72) -> list[tuple[int, str, int]]:
    """Pages with dark pixels left of the left margin or right of the right margin (1 pt slack)."""
    spec = SPECS[layout]
    bad = []
    for page in range(len(PdfReader(io.BytesIO(pdf)).pages)):
        image = render_gray(pdf, page, dpi)
        scale = dpi / 72
        left = int((spec.left - 1) * scale)
        right = int((spec.width - spec.right + 1) * scale) + 1
        for side, box in (
            ("left", (0, 0, left, image.height)),
            ("right", (right, 0, image.width, image.height)),
        ):
            darkest = image.crop(box).getextrema()[0]
            if darkest < 160:
                bad.append((page, side, darkest))
    return bad


def test_name_and_address_lengths() -> None:
    assert len(LONG_NAME) == 120 and len(LONG_ADDRESS) == 200


@pytest.mark.parametrize("layout", ["a4", "a5", "thermal80"])
def test_long_name_address_and_email_wrap_inside_the_margins(layout: str) -> None:
    pdf = render_receipt(long_receipt(), layout)  # type: ignore[arg-type]
    text = " ".join(page_texts(pdf))
    assert LONG_NAME in text
    assert LONG_ADDRESS in text
    # An address-like word without spaces is split across lines: check it survives, minus the breaks.
    assert LONG_EMAIL in text.replace(" ", "")
    assert ink_outside_margins(pdf, layout) == []


def test_long_receipt_on_a4_keeps_each_copy_on_its_own_pages() -> None:
    pdf = render_receipt(long_receipt(n_docs=25), "a4")
    pages = page_texts(pdf)
    second = next(i for i, p in enumerate(pages) if "(Liên 2: Giao người nộp hồ sơ)" in p)
    assert second >= 2 and len(pages) == 2 * second  # both copies have the same number of pages
    assert "(Liên 1: Lưu)" in pages[0]
    assert pages[second].startswith("UBND TỈNH THANH HÓA")  # copy 2 starts with its own header
    numbers = [f"Trang {n}" for n in range(1, second + 1)]
    assert [p[-7:] for p in pages] == numbers * 2  # each copy is numbered on its own
    for copy in (" ".join(pages[:second]), " ".join(pages[second:])):
        for i in range(1, 26):
            assert f"{i} {DOC.format(i)} 01 01" in copy, i
        assert "NGƯỜI TIẾP NHẬN HỒ SƠ" in copy
    assert pages[1].index("STT Tên giấy tờ Bản chính Bản sao") < pages[1].index("Bản kê khai")
    assert ink_outside_margins(pdf, "a4") == []


def test_long_guidance_stays_inside_the_margins() -> None:
    docs = tuple(DocumentLine(DOC.format(i) * 2, 1, 0) for i in range(1, 26))
    pdf = render_guidance(guidance_data(documents=docs, guided_person=LONG_NAME, submit_at=LONG_ADDRESS))
    assert len(page_texts(pdf)) > 1
    assert ink_outside_margins(pdf, "a4") == []
