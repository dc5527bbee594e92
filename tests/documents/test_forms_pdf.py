"""Forms 02–06, the result receipt and the hand-over list: every field is in the PDF with its value."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
from slip_helpers import ADDRESS, CODE, NAME, TZ, page_texts
from slip_samples import (
    PROCEDURE,
    REASON,
    apology_data,
    control_data,
    handover_data,
    refusal_data,
    result_data,
    stop_data,
    supplement_data,
)

from counter_app.documents.apology import render_apology
from counter_app.documents.control import render_control
from counter_app.documents.handover import render_handover
from counter_app.documents.refusal import render_refusal
from counter_app.documents.result_receipt import render_result_receipt
from counter_app.documents.slip_data import DocumentLine, HandoverRow
from counter_app.documents.stop_notice import render_stop_notice
from counter_app.documents.supplement import render_supplement

HEADER = [
    "UBND TỈNH THANH HÓA",
    "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
]
UNIT = "Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa"


def one_page(pdf: bytes) -> str:
    pages = page_texts(pdf)
    assert len(pages) == 1, [p[:80] for p in pages]
    return pages[0]


def assert_all(text: str, expected: list[str]) -> None:
    missing = [e for e in HEADER + expected if e not in text]
    assert not missing, (missing, text)


def test_supplement_during_processing_lists_every_missing_item_with_counts() -> None:
    text = one_page(render_supplement(supplement_data()))
    assert_all(
        text,
        [
            "Số: ……",
            "Thanh Hóa, ngày 25 tháng 11 năm 2026",
            "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
            "Hồ sơ của: Ông/Bà " + NAME,
            "Số định danh cá nhân: 038186001234",
            "Địa chỉ: " + ADDRESS,
            "Mã hồ sơ: " + CODE,
            "Nội dung yêu cầu giải quyết: " + PROCEDURE,
            "Thời gian nhận hồ sơ: 16 giờ 10 phút, ngày 23/11/2026",
            "STT Giấy tờ cần bổ sung, hoàn thiện Bản chính Bản sao Bản sao chứng thực",
            "1 Nội quy lao động 01 - -",
            "2 Các văn bản của người sử dụng lao động có quy định liên quan đến kỷ luật lao động, "
            "trách nhiệm vật chất (nếu có) 01 02 -",
            "3 Giấy ủy quyền nộp hồ sơ (có chứng thực chữ ký) 01 - 01",
            "Tổng số: 03 giấy tờ cần bổ sung.",
            "Lý do: " + REASON,
            f"liên hệ {UNIT}, số điện thoại 0237 3 722 999 để được hướng dẫn",
            "NGƯỜI NỘP HỒ SƠ",
            "NGƯỜI HƯỚNG DẪN",
            "Trần Văn Đức",
            "Mã hồ sơ " + CODE,
        ],
    )


def test_supplement_at_intake_has_no_code_and_a_free_text_request_has_no_table() -> None:
    text = one_page(render_supplement(supplement_data(dossier_code="", received_at=None)))
    assert "Mã hồ sơ" not in text and "Thời gian nhận hồ sơ" not in text
    assert "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ · ngày 25 tháng 11 năm 2026" in text
    free = one_page(render_supplement(supplement_data(missing=(), reason="Ký lại trang 3 của nội quy.")))
    assert "gồm những nội dung sau: - Ký lại trang 3 của nội quy." in free
    assert "STT" not in free and "Tổng số" not in free and "Lý do" not in free


def test_supplement_without_a_hotline_still_says_whom_to_contact() -> None:
    office = replace(supplement_data().office, hotline="")
    text = one_page(render_supplement(supplement_data(office=office)))
    assert f"liên hệ {UNIT} để được hướng dẫn" in text


def test_refusal_gives_the_specific_reason_and_both_signatures() -> None:
    data = refusal_data()
    text = one_page(render_refusal(data))
    assert_all(
        text,
        [
            "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
            "Thanh Hóa, ngày 23 tháng 11 năm 2026",
            f"{UNIT} tiếp nhận hồ sơ của: Họ và tên: Ông/Bà {NAME}",
            "Mã hồ sơ: " + CODE,
            "Nội dung yêu cầu giải quyết: " + PROCEDURE,
            "Thời điểm nộp hồ sơ: 16 giờ 10 phút, ngày 23/11/2026",
            "với lý do cụ thể như sau: - " + data.reason,
            "Xin thông báo để Ông/Bà được biết và thực hiện./.",
            "NGƯỜI NỘP HỒ SƠ",
            "NGƯỜI TIẾP NHẬN HỒ SƠ",
            "Trần Văn Đức",
        ],
    )


def test_apology_names_old_and_new_appointments_and_is_signed_by_the_head() -> None:
    data = apology_data()
    text = one_page(render_apology(data))
    assert_all(
        text,
        [
            "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
            "Thanh Hóa, ngày 02 tháng 12 năm 2026",
            "Kính gửi: Ông/Bà " + NAME,
            f"Ngày 23 tháng 11 năm 2026, {UNIT} đã tiếp nhận hồ sơ của Ông/Bà; mã hồ sơ: {CODE}; "
            f"nội dung: {PROCEDURE}.",
            "Thời gian hẹn trả kết quả giải quyết hồ sơ: 16 giờ 10 phút, ngày 03/12/2026.",
            "Lý do: - " + data.reason,
            "trân trọng xin lỗi Ông/Bà",
            "16 giờ 00 phút, Thứ Năm, ngày 10/12/2026",
            "GIÁM ĐỐC",
            "(Ký, ghi rõ họ tên, đóng dấu)",
            "Lê Văn Ấn",
        ],
    )


def test_apology_issued_under_the_2018_wording_reprints_in_it() -> None:
    text = one_page(render_apology(apology_data(form_version="2018", old_appointment_at=None)))
    assert "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in text
    assert "Hồ sơ không có ngày hẹn trả kết quả." in text
    with pytest.raises(ValueError, match="version"):
        render_apology(apology_data(form_version="1999"))


def test_stop_notice_has_reason_and_legal_basis() -> None:
    text = one_page(render_stop_notice(stop_data()))
    assert_all(
        text,
        [
            "THÔNG BÁO Về việc dừng giải quyết hồ sơ",
            "Thanh Hóa, ngày 15 tháng 12 năm 2026",
            "Kính gửi: Ông/Bà " + NAME,
            f"mã hồ sơ: {CODE}; nội dung: {PROCEDURE}.",
            f"{UNIT} thông báo dừng giải quyết hồ sơ nêu trên kể từ 09 giờ 30 phút, ngày 15/12/2026.",
            "Lý do: Người nộp hồ sơ không bổ sung hồ sơ trong thời hạn đã thông báo.",
            "Căn cứ pháp lý: Khoản 4 Điều 19 Nghị định số 118/2025/NĐ-CP",
            "GIÁM ĐỐC",
            "Lê Văn Ấn",
        ],
    )
    blank = one_page(render_stop_notice(stop_data(legal_basis="")))
    assert "Căn cứ pháp lý: ……" in blank  # left to be filled in by hand, not silently dropped


def test_control_slip_has_one_judged_row_per_hand_off() -> None:
    text = one_page(render_control(control_data()))
    assert_all(
        text,
        [
            "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
            "Thanh Hóa, ngày 04 tháng 12 năm 2026",
            "Mã hồ sơ: " + CODE,
            "Người nộp hồ sơ: Ông/Bà " + NAME,
            "Nội dung yêu cầu giải quyết: " + PROCEDURE,
            "Thời gian nhận hồ sơ: 16 giờ 10 phút, ngày 23/11/2026",
            "Thời hạn giải quyết theo quy định: 16 giờ 10 phút, ngày 03/12/2026",
            "Người tiếp nhận hồ sơ: Trần Văn Đức",
            "TT Bên giao Bên nhận Thời gian giao, nhận Kết quả giải quyết Ghi chú Người giao ký Người nhận ký",
            "1 Bộ phận Một cửa Sở Nội vụ 16 giờ 30 phút, 23/11/2026 Trước hạn Chuyển xử lý",
            "2 Sở Nội vụ Bộ phận Một cửa 15 giờ 00 phút, 03/12/2026 Đúng hạn Có kết quả",
            f"3 Bộ phận Một cửa {NAME} 08 giờ 00 phút, 04/12/2026 Quá hạn Trả kết quả",
            "4 5",  # two blank rows for the hand-offs still to come
        ],
    )
    assert "Số:" not in text
    closed = one_page(render_control(control_data(closed=True, due_at=None)))
    # No due time: no hand-off is judged (issue 9), the result cells stay empty.
    assert "04/12/2026 Trả kết quả Phiếu này" in closed and " 4 " not in closed
    assert not any(mark in closed for mark in ("Trước hạn", "Đúng hạn", "Quá hạn"))
    assert "Thời hạn giải quyết theo quy định: Không hẹn ngày trả kết quả" in closed


@pytest.mark.parametrize("layout", ["a4", "a5"])
def test_result_receipt_at_the_counter_names_the_authorised_receiver(layout: str) -> None:
    text = one_page(render_result_receipt(result_data(), layout))  # type: ignore[arg-type]
    assert_all(
        text,
        [
            "BIÊN NHẬN TRẢ KẾT QUẢ GIẢI QUYẾT HỒ SƠ",
            "Thanh Hóa, ngày 04 tháng 12 năm 2026",
            "Mã hồ sơ: " + CODE,
            "Người nộp hồ sơ: Ông/Bà " + NAME,
            "Kết quả giải quyết được trả: - Thông báo về việc đăng ký nội quy lao động",
            "Thời gian trả kết quả: 08 giờ 00 phút, ngày 04/12/2026",
            "Hình thức trả kết quả: Tại Bộ phận Một cửa",
            "Người nhận kết quả: Ông/Bà Lê Thị Bảo Ngọc",
            "Tư cách người nhận: Người được ủy quyền",
            "Số giấy tờ tùy thân của người nhận: 038190054321",
            "NGƯỜI NHẬN KẾT QUẢ",
            "NGƯỜI TRẢ KẾT QUẢ",
            "Trần Văn Đức",
        ],
    )
    assert "Mã bưu gửi" not in text


def test_result_receipt_by_post_prints_the_tracking_number() -> None:
    data = result_data(
        method="post", tracking_number="EB123456789VN", postal_address=ADDRESS, receiver_name=NAME
    )
    text = one_page(render_result_receipt(data))
    assert "Hình thức trả kết quả: Qua dịch vụ bưu chính công ích" in text
    assert "Mã bưu gửi: EB123456789VN" in text
    assert "Địa chỉ nhận: " + ADDRESS in text
    assert "(Ký nhận trên phiếu báo phát của bưu chính)" in text
    assert "được gửi qua dịch vụ bưu chính công ích theo mã bưu gửi nêu trên." in text


def test_handover_list_has_every_dossier_and_the_total() -> None:
    text = one_page(render_handover(handover_data()))
    assert_all(
        text,
        [
            "DANH SÁCH BÀN GIAO HỒ SƠ",
            "Bên giao: " + UNIT,
            "Người giao: Trần Văn Đức",
            "Bên nhận: Sở Nội vụ (SNV)",
            "Thời gian bàn giao: 16 giờ 45 phút, ngày 23/11/2026",
            "STT Mã hồ sơ Người nộp hồ sơ Tên thủ tục hành chính Ngày nhận Ngày hẹn trả",
            f"1 {CODE} {NAME} {PROCEDURE} 23/11/2026 03/12/2026",
            "2 000.17.22.H56-261123-0002 Phạm Quốc Toàn Thủ tục đăng ký lại kết hôn có yếu tố nước ngoài "
            "23/11/2026 Không hẹn",
            "Tổng số: 02 hồ sơ.",
            "NGƯỜI GIAO",
            "NGƯỜI NHẬN",
        ],
    )


def test_a_long_hand_over_list_repeats_its_header_and_keeps_the_signatures_with_the_total() -> None:
    at = datetime(2026, 11, 23, 8, 0, tzinfo=TZ)
    rows = tuple(
        HandoverRow(f"000.00.31.H56-261123-{i:04d}", f"Người nộp số {i}", PROCEDURE, at, None)
        for i in range(1, 61)
    )
    pages = page_texts(render_handover(handover_data(rows=rows)))
    assert len(pages) > 1
    for page in pages[1:]:
        assert "STT Mã hồ sơ Người nộp hồ sơ" in page
    text = " ".join(pages)
    assert all(f"{i} 000.00.31.H56-261123-{i:04d} Người nộp số {i} " in text for i in range(1, 61))
    assert "Tổng số: 60 hồ sơ." in pages[-1] and "NGƯỜI NHẬN" in pages[-1]


def test_new_slips_refuse_unknown_layouts() -> None:
    renders = [
        (render_supplement, supplement_data()),
        (render_refusal, refusal_data()),
        (render_apology, apology_data()),
        (render_stop_notice, stop_data()),
        (render_control, control_data()),
        (render_handover, handover_data()),
        (render_result_receipt, result_data()),
    ]
    for render, data in renders:
        with pytest.raises(ValueError, match="layout"):
            render(data, "thermal80")  # type: ignore[operator]


def test_twenty_five_missing_documents_paginate_with_the_header_repeated() -> None:
    docs = tuple(
        DocumentLine(f"Giấy tờ bổ sung số {i}: bản sao có chứng thực của quyết định số {i}", 1, 1)
        for i in range(1, 26)
    )
    pages = page_texts(render_supplement(supplement_data(missing=docs)))
    assert len(pages) == 2
    assert "STT Giấy tờ cần bổ sung, hoàn thiện Bản chính Bản sao" in pages[1]
    assert "Tổng số: 25 giấy tờ cần bổ sung." in " ".join(pages)
    assert "NGƯỜI HƯỚNG DẪN" in pages[-1]
