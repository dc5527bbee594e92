"""Guidance slip: the complete, once-only guidance of a procedure, printable without a dossier."""

from __future__ import annotations

import pytest
from slip_helpers import NAME, guidance_data, page_texts

from counter_app.documents.guidance import render_guidance
from counter_app.documents.slip_data import DocumentLine, FeeLine, ProcessingTime

EXPECTED = [
    "UBND TỈNH THANH HÓA",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Thanh Hóa, ngày 23 tháng 11 năm 2026",
    "PHIẾU HƯỚNG DẪN",
    "Hướng dẫn Ông/Bà: " + NAME,
    "Tên thủ tục: Đăng ký nội quy lao động của doanh nghiệp",
    "Mã thủ tục: 2.001955; Lĩnh vực: Lao động, tiền lương; Cấp thực hiện: Cấp tỉnh",
    "STT Tên giấy tờ Bản chính Bản sao",
    "1 Văn bản đề nghị đăng ký nội quy lao động 01 -",
    "2 Nội quy lao động 01 -",
    "4 Các văn bản của người sử dụng lao động có quy định liên quan đến kỷ luật lao động, "
    "trách nhiệm vật chất (nếu có) 01 02",
    "Số lượng hồ sơ: 01 bộ",
    "2. Thời hạn giải quyết: - Trực tiếp: 07 ngày làm việc - Trực tuyến: 07 ngày làm việc",
    "3. Phí, lệ phí: Lệ phí: Không",
    "4. Nơi tiếp nhận hồ sơ: Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa",
    "5. Nơi trả kết quả: Tại nơi nộp hồ sơ hoặc qua dịch vụ bưu chính công ích",
    "6. Kết quả thực hiện thủ tục: - Thông báo về việc đăng ký nội quy lao động",
    "7. Căn cứ pháp lý: - Bộ luật Lao động số 45/2019/QH14 - Nghị định số 145/2020/NĐ-CP",
    "Mọi thắc mắc xin liên hệ: 0237 3 722 999",
    "NGƯỜI ĐƯỢC HƯỚNG DẪN",
    "CÁN BỘ HƯỚNG DẪN",
    "Trần Văn Đức",
    "Phiếu hướng dẫn thủ tục 2.001955",
]


@pytest.mark.parametrize("layout", ["a4", "a5"])
def test_guidance_contains_every_field(layout: str) -> None:
    text = " ".join(page_texts(render_guidance(guidance_data(), layout)))  # type: ignore[arg-type]
    for expected in EXPECTED:
        assert expected in text, expected


def test_typical_procedure_fits_one_a4_page() -> None:
    assert len(page_texts(render_guidance(guidance_data()))) == 1


def test_without_a_named_citizen_only_the_officer_signs() -> None:
    data = guidance_data(
        guided_person="", fees=(), legal_bases=(), results=(), case_name="Trường hợp đặc biệt"
    )
    text = page_texts(render_guidance(data))[0]
    assert "NGƯỜI ĐƯỢC HƯỚNG DẪN" not in text and "Hướng dẫn Ông/Bà" not in text
    assert "CÁN BỘ HƯỚNG DẪN" in text
    assert "3. Phí, lệ phí: Không" in text
    assert "Trường hợp: Trường hợp đặc biệt" in text
    assert "Căn cứ pháp lý" not in text


def test_fee_amounts_and_channels() -> None:
    data = guidance_data(
        fees=(FeeLine("Phí thẩm định", 1_250_000), FeeLine("Cước bưu chính: theo giá dịch vụ")),
        processing_times=(ProcessingTime("Qua dịch vụ bưu chính", "10 ngày làm việc"),),
    )
    text = page_texts(render_guidance(data))[0]
    assert "- Phí thẩm định: 1.250.000 đồng - Cước bưu chính: theo giá dịch vụ" in text
    assert "- Qua dịch vụ bưu chính: 10 ngày làm việc" in text


def test_25_long_documents_paginate_with_the_table_header_repeated() -> None:
    docs = tuple(
        DocumentLine(
            f"Giấy tờ số {i}: bản kê khai chi tiết quá trình công tác, đóng bảo hiểm xã hội và các chế độ "
            f"đã hưởng của người lao động, có xác nhận của cơ quan, đơn vị quản lý trực tiếp (mục {i})",
            1,
            i % 3,
        )
        for i in range(1, 26)
    )
    pages = page_texts(render_guidance(guidance_data(documents=docs)))
    assert len(pages) > 1
    text = " ".join(pages)
    for i, doc in enumerate(docs, 1):
        assert f"{i} {doc.name} 01" in text, i
    assert "STT Tên giấy tờ Bản chính Bản sao 1" in pages[0]
    assert pages[1].index("STT Tên giấy tờ Bản chính Bản sao") < pages[1].index("Giấy tờ số")
    assert [p.endswith(f"Trang {n}") for n, p in enumerate(pages, 1)] == [True] * len(pages)
    assert "CÁN BỘ HƯỚNG DẪN" in pages[-1]


def test_unknown_version_or_layout_fails_clearly() -> None:
    with pytest.raises(ValueError, match="version"):
        render_guidance(guidance_data(form_version="1999"))
    with pytest.raises(ValueError, match="layout"):
        render_guidance(guidance_data(), "thermal80")  # type: ignore[arg-type]
