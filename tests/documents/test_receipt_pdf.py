"""Form 01 receipt: every field is in the PDF with the right value, in every layout."""

from __future__ import annotations

import io
import unicodedata
from datetime import datetime

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from slip_helpers import ADDRESS, CODE, NAME, TZ, page_texts, receipt_data

from counter_app.documents.receipt import FORM_TEXTS, render_receipt
from counter_app.documents.slip_data import ApplicantInfo, DocumentLine, FeeLine

COMMON = [
    "UBND TỈNH THANH HÓA",
    "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Số: 125/TNHS",
    "Thanh Hóa, ngày 23 tháng 11 năm 2026",
    CODE,
    NAME,
    ADDRESS,
    "038186001234",
    "0912 345 678",
    "anhhong@example.vn",
    "Đăng ký nội quy lao động của doanh nghiệp",
    "07 ngày làm việc",
    "16 giờ 10 phút, ngày 23/11/2026",
    "16 giờ 00 phút, Thứ Sáu, ngày 27/11/2026",
    "Bộ phận Một cửa",
    "150.000 đồng",
    "Trần Văn Đức",
    "0237 3 722 999",
    # Document rows in reading order: STT, name (wrapped lines joined), originals, copies.
    "1 Văn bản đề nghị đăng ký nội quy lao động 01 -",
    "2 Nội quy lao động 01 -",
    "3 Văn bản góp ý của tổ chức đại diện người lao động tại cơ sở (nếu có) 01 -",
    "4 Các văn bản của người sử dụng lao động có quy định liên quan đến kỷ luật lao động, "
    "trách nhiệm vật chất (nếu có) 01 02",
]
FULL = [
    "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
    "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG tiếp nhận hồ sơ của: Ông/Bà: " + NAME,  # form 01's lead-in
    "Số định danh cá nhân: 038186001234",
    "Địa chỉ: " + ADDRESS,
    "Nội dung yêu cầu giải quyết: Đăng ký nội quy lao động của doanh nghiệp",
    "STT Tên giấy tờ Bản chính Bản sao",
    "2. Số lượng hồ sơ: 01 bộ",
    "3. Thời gian giải quyết hồ sơ theo quy định là: 07 ngày làm việc",
    "4. Thời gian nhận hồ sơ: 16 giờ 10 phút, ngày 23/11/2026",
    "5. Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 00 phút, Thứ Sáu, ngày 27/11/2026",
    "6. Đăng ký nhận kết quả tại: Bộ phận Một cửa",
    "7. Phí, lệ phí: Phí thẩm định: 150.000 đồng",
    "Vào Sổ theo dõi hồ sơ, Quyển số: 01, Số thứ tự: 125",
    "NGƯỜI NỘP HỒ SƠ",
    "NGƯỜI TIẾP NHẬN HỒ SƠ",
    "(Ký, ghi rõ họ tên)",
]


def test_a4_prints_two_copies_each_complete_on_its_own_page() -> None:
    pages = page_texts(render_receipt(receipt_data(), "a4"))
    assert len(pages) == 2
    for page, copy in zip(pages, ("(Liên 1: Lưu)", "(Liên 2: Giao người nộp hồ sơ)"), strict=True):
        assert copy in page
        for expected in COMMON + FULL:
            assert expected in page, expected
    assert "Liên 2" not in pages[0] and "Liên 1" not in pages[1]


def test_a5_is_one_copy_on_one_a5_page() -> None:
    pdf = render_receipt(receipt_data(), "a5")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / mm), round(float(box.height) / mm)) == (148, 210)
    text = page_texts(pdf)[0]
    for expected in COMMON + FULL:
        assert expected in text, expected
    assert "Liên" not in text


def test_thermal_is_one_80mm_page_with_compact_wording() -> None:
    pdf = render_receipt(receipt_data(), "thermal80")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    assert round(float(reader.pages[0].mediabox.width) / mm, 1) == 80.0
    text = page_texts(pdf)[0]
    for expected in COMMON:
        assert expected in text, expected
    for expected in (
        "tiếp nhận hồ sơ của: Ông/Bà: " + NAME,
        "5. Hẹn trả kết quả:",
        "Sổ theo dõi: Quyển 01, STT 125",
        "Chính Sao",
    ):
        assert expected in text, expected


def test_thermal_page_grows_with_the_content() -> None:
    short = PdfReader(io.BytesIO(render_receipt(receipt_data(), "thermal80"))).pages[0]
    many = receipt_data(documents=receipt_data().documents * 5)
    long = PdfReader(io.BytesIO(render_receipt(many, "thermal80")))
    assert len(long.pages) == 1
    assert float(long.pages[0].mediabox.height) > float(short.mediabox.height) + 60 * mm


def test_missing_optional_data_prints_the_forms_blanks() -> None:
    data = receipt_data(
        appointment_at=None, register_book=None, register_seq=None, slip_number="", fees=(), case_name=""
    )
    text = page_texts(render_receipt(data, "a5"))[0]
    assert "Thời gian trả kết quả giải quyết hồ sơ: Không hẹn ngày trả kết quả" in text
    assert "Quyển số: ……, Số thứ tự: ……" in text
    assert "Số: ……" in text
    assert "7. Phí, lệ phí: Không" in text


def test_case_postal_return_certified_copies_and_fee_without_amount() -> None:
    docs = receipt_data().documents[:1] + (DocumentLine("Giấy khai sinh", 0, 0, 1),)
    data = receipt_data(
        case_name="Doanh nghiệp có dưới 10 lao động",
        return_method="Qua dịch vụ bưu chính: Số 5 phố Ấn Độ, phường Đông Sơn",
        documents=docs,
        fees=(FeeLine("Cước bưu chính theo bảng giá của bưu điện"),),
    )
    text = page_texts(render_receipt(data, "a4"))[0]
    assert "Trường hợp: Doanh nghiệp có dưới 10 lao động" in text
    assert "6. Đăng ký nhận kết quả tại: Qua dịch vụ bưu chính: Số 5 phố Ấn Độ, phường Đông Sơn" in text
    assert "Bản chính Bản sao Bản sao chứng thực" in text
    assert "2 Giấy khai sinh - - 01" in text
    assert "7. Phí, lệ phí: Cước bưu chính theo bảng giá của bưu điện" in text


def test_decomposed_input_is_printed_composed() -> None:
    decomposed = unicodedata.normalize("NFD", NAME)
    data = receipt_data(applicant=ApplicantInfo(decomposed))
    assert NAME in page_texts(render_receipt(data, "a5"))[0]


def test_instants_are_printed_in_the_office_time_zone() -> None:
    # 17:30 UTC on the 22nd is 00:30 on the 23rd in Vietnam: the slip shows the local day.
    from datetime import UTC

    data = receipt_data(received_at=datetime(2026, 11, 22, 17, 30, tzinfo=UTC))
    text = page_texts(render_receipt(data, "a5"))[0]
    assert "00 giờ 30 phút, ngày 23/11/2026" in text
    assert "Thanh Hóa, ngày 23 tháng 11 năm 2026" in text


def test_rendering_is_deterministic_so_archived_copies_match() -> None:
    assert render_receipt(receipt_data(), "a4") == render_receipt(receipt_data(), "a4")


def test_bad_arguments_fail_clearly() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        render_receipt(receipt_data(received_at=datetime(2026, 11, 23, 16, 10)))
    with pytest.raises(ValueError, match="form version"):
        render_receipt(receipt_data(form_version="1999"))
    with pytest.raises(ValueError, match="layout"):
        render_receipt(receipt_data(), "letter")  # type: ignore[arg-type]


def test_form_texts_are_versioned() -> None:
    assert "2025" in FORM_TEXTS
    assert FORM_TEXTS["2025"]["title"] == "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"
    assert TZ.key == "Asia/Ho_Chi_Minh"


def test_markup_characters_in_data_are_printed_literally() -> None:
    name = "Công ty A & B <Việt Nam>"
    data = receipt_data(applicant=ApplicantInfo(name), procedure_name="Thủ tục <b>x</b>")
    text = page_texts(render_receipt(data, "a5"))[0]
    assert name in text and "Thủ tục <b>x</b>" in text
