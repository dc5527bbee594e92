"""Form 07, the register book: A4 landscape, paginated, header row on every page, TT running per book."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date, datetime

from pypdf import PdfReader
from reportlab.lib.units import mm
from slip_helpers import TZ, page_texts
from slip_samples import register_data, register_rows

from counter_app.documents.register import render_register

HEADER = (
    "TT Mã hồ sơ Tên thủ tục hành chính Tên cá nhân, tổ chức Địa chỉ, số điện thoại Cơ quan giải quyết "
    "Ngày, giờ nhận hồ sơ Ngày, giờ hẹn trả kết quả Ngày, giờ trả kết quả Hình thức trả kết quả Ký nhận"
)
ROW = re.compile(r"(?:^|\s)(\d+) (000\.00\.31\.H56-\d{6}-\d{4}) ")


def test_first_page_has_the_office_the_range_and_the_rows() -> None:
    pdf = render_register(register_data())
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert (round(float(box.width) / mm), round(float(box.height) / mm)) == (297, 210)  # landscape
    text = page_texts(pdf)[0]
    for expected in (
        "UBND TỈNH THANH HÓA",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Thanh Hóa, ngày 30 tháng 11 năm 2026",
        "SỔ THEO DÕI HỒ SƠ Từ ngày 23/11/2026 đến ngày 27/11/2026",
        "Quyển số: 2026",
        HEADER,
        "1 000.00.31.H56-261123-0001 Thủ tục đăng ký lại kết hôn có yếu tố nước ngoài Nguyễn Thị Ánh Hồng 1 "
        "Số 1 đường Lê Lợi, phường Hạc Thành; 0912 345 000 Sở Nội vụ 23/11/2026 16 giờ 10 03/12/2026 16 giờ 10",
        "2 000.00.31.H56-261123-0002 Đăng ký nội quy lao động của doanh nghiệp Nguyễn Thị Ánh Hồng 2",
        "02/12/2026 18 giờ 10 Tại quầy",
        "02/12/2026 20 giờ 10 Bưu chính EB123456789VN",
        "Tổng số: 5 hồ sơ.",
        "Sổ theo dõi hồ sơ · 23/11/2026 – 27/11/2026",
    ):
        assert expected in text, expected


def test_120_dossiers_paginate_with_the_header_repeated_and_tt_running_across_pages() -> None:
    pages = page_texts(render_register(register_data(rows=register_rows(120))))
    assert len(pages) >= 5
    seen: list[int] = []
    for n, page in enumerate(pages, 1):
        assert HEADER in page, n
        numbers = [int(m.group(1)) for m in ROW.finditer(page)]
        assert numbers, n  # every page carries rows
        assert page.index(HEADER) < page.index(f" {numbers[0]} 000.00.31.H56"), n  # header above the rows
        assert page.endswith(f"Trang {n}")
        seen += numbers
    assert seen == list(range(1, 121))  # in order, none lost or repeated at a page break
    assert "Tổng số: 120 hồ sơ." in pages[-1]


def test_a_range_over_new_year_has_one_book_per_year_and_tt_restarts() -> None:
    december = register_rows(3, start=datetime(2026, 12, 31, 9, 0, tzinfo=TZ), first_seq=4711)
    january = tuple(
        replace(r, book=2027, seq=i, received_at=datetime(2027, 1, 4, 8 + i, 0, tzinfo=TZ))
        for i, r in enumerate(register_rows(2), 1)
    )
    data = register_data(rows=december + january, date_from=date(2026, 12, 31), date_to=date(2027, 1, 4))
    text = " ".join(page_texts(render_register(data)))
    first, second = text.index("Quyển số: 2026"), text.index("Quyển số: 2027")
    assert [int(m.group(1)) for m in ROW.finditer(text[first:second])] == [4711, 4712, 4713]
    assert [int(m.group(1)) for m in ROW.finditer(text[second:])] == [1, 2]


def test_an_empty_range_prints_an_empty_book_page() -> None:
    text = page_texts(render_register(register_data(rows=())))[0]
    assert HEADER in text
    assert "(Không có hồ sơ nào được tiếp nhận trong thời gian này)" in text
    assert "Tổng số: 0 hồ sơ." in text
