"""Form 01 details (issue 9): lead-in, contact blanks, sets count, short fee line, date line with no
place, and the control slip of a dossier without an appointment."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date

import pytest
from long_samples import samples
from pypdf import PdfReader
from reportlab.lib.units import mm
from slip_helpers import NAME, OFFICE, guidance_data, page_texts, receipt_data
from slip_samples import control_data

from counter_app.documents import registry
from counter_app.documents.control import render_control
from counter_app.documents.receipt import render_receipt
from counter_app.documents.slip_data import ApplicantInfo, FeeLine
from counter_app.documents.vnformat import place_date, shorten

FEE_RULE = (
    "Lệ phí đăng ký cư trú là khoản thu đối với người đăng ký cư trú với cơ quan đăng ký, quản lý cư trú "
    "theo quy định của pháp luật về cư trú; mức thu: a) Đăng ký thường trú, đăng ký tạm trú, gia hạn tạm trú: "
) * 25  # ~5,000 characters: the whole fee regulation, as the national catalogue gives it


def text_of(pdf: bytes) -> str:
    return " ".join(page_texts(pdf))


def test_shorten_cuts_at_a_word_boundary_with_an_ellipsis() -> None:
    short, cut = shorten(FEE_RULE)
    assert cut and short.endswith("…") and len(short) <= 81
    assert FEE_RULE.startswith(short[:-1]) and FEE_RULE[len(short) - 1] in " ,;"  # a whole word
    assert shorten("Lệ phí  đăng ký\n thường trú") == ("Lệ phí đăng ký thường trú", False)
    assert shorten("x" * 200)[0] == "x" * 80 + "…"  # no space to cut at: cut anyway


@pytest.mark.parametrize("layout", ["a4", "a5", "thermal80"])
def test_receipt_prints_a_short_fee_line_and_points_to_the_guide(layout: str) -> None:
    fees = (FeeLine(FEE_RULE), FeeLine("Lệ phí cấp bản sao", 5_000), FeeLine("Phí khai thác thông tin", 0))
    text = text_of(render_receipt(receipt_data(fees=fees), layout))  # type: ignore[arg-type]
    short = shorten(FEE_RULE)[0]
    assert f"- {short}: Theo quy định" in text
    assert "- Lệ phí cấp bản sao: 5.000 đồng" in text
    assert "- Phí khai thác thông tin: Không (chi tiết xem Phiếu hướng dẫn)" in text
    assert FEE_RULE[:300] not in text


def test_a_fee_label_with_the_portals_bullet_is_printed_with_one_bullet() -> None:
    fees = (FeeLine("- Đăng ký tạm trú theo danh sách", 10_000), FeeLine("+ Đăng ký tạm trú cá nhân", 15_000))
    text = text_of(render_receipt(receipt_data(fees=fees), "a5"))
    assert "- Đăng ký tạm trú theo danh sách: 10.000 đồng" in text
    assert "- Đăng ký tạm trú cá nhân: 15.000 đồng" in text
    assert "- -" not in text and "- +" not in text


def test_a_long_fee_keeps_the_a5_receipt_on_one_page_and_the_roll_short() -> None:
    data = receipt_data(fees=(FeeLine(FEE_RULE),), documents=receipt_data().documents[:2])
    pages = page_texts(render_receipt(data, "a5"))
    assert len(pages) == 1  # was three A5 pages
    text = pages[0]
    assert f"7. Phí, lệ phí: {shorten(FEE_RULE)[0]}: Theo quy định (chi tiết xem Phiếu hướng dẫn)" in text

    def roll(pdf: bytes) -> float:
        return float(PdfReader(io.BytesIO(pdf)).pages[0].mediabox.height)

    plain = roll(render_receipt(receipt_data(fees=(FeeLine("Lệ phí", 20_000),)), "thermal80"))
    assert roll(render_receipt(data, "thermal80")) < plain + 12 * mm  # was a 48 cm roll


def test_a_fee_that_fits_is_printed_whole_without_a_reference() -> None:
    text = text_of(render_receipt(receipt_data(fees=(FeeLine("Lệ phí đăng ký", 20_000),)), "a5"))
    assert "7. Phí, lệ phí: Lệ phí đăng ký: 20.000 đồng" in text and "chi tiết" not in text


def test_the_guide_keeps_the_whole_fee_text() -> None:
    pages = page_texts(registry.render("guide", guidance_data(fees=(FeeLine(FEE_RULE),)), "a4"))
    body = " ".join(re.sub(r"Phiếu hướng dẫn thủ tục \S+ Trang \d+$", "", p).strip() for p in pages)
    assert " ".join(FEE_RULE.split()) in body


def test_lead_in_names_the_office_then_the_applicant() -> None:
    office = replace(OFFICE, name="Bộ phận tiếp nhận và trả kết quả Sở Nội vụ")
    text = text_of(render_receipt(receipt_data(office=office), "a5"))
    assert f"Bộ phận tiếp nhận và trả kết quả Sở Nội vụ tiếp nhận hồ sơ của: Ông/Bà: {NAME}" in text


@pytest.mark.parametrize("layout", ["a4", "a5", "thermal80"])
def test_phone_and_email_lines_always_appear(layout: str) -> None:
    data = receipt_data(applicant=ApplicantInfo(NAME, "038186001234"))
    text = text_of(render_receipt(data, layout))  # type: ignore[arg-type]
    assert "Số điện thoại: ……; Email: ……" in text
    known = text_of(render_receipt(receipt_data(), layout))  # type: ignore[arg-type]
    assert "Số điện thoại: 0912 345 678; Email: anhhong@example.vn" in known


@pytest.mark.parametrize("layout", ["a4", "a5", "thermal80"])
def test_sets_count_is_printed_with_two_digits(layout: str) -> None:
    assert "2. Số lượng hồ sơ: 01 bộ" in text_of(render_receipt(receipt_data(), layout))  # type: ignore[arg-type]
    assert "2. Số lượng hồ sơ: 02 bộ" in text_of(render_receipt(receipt_data(sets_count=2), layout))  # type: ignore[arg-type]


def test_date_line_without_a_place_starts_with_the_date() -> None:
    assert place_date("", date(2026, 2, 5)) == "Ngày 05 tháng 02 năm 2026"
    assert place_date("  ", date(2026, 11, 23)) == "Ngày 23 tháng 11 năm 2026"
    assert place_date("Thanh Hóa", date(2026, 11, 23)) == "Thanh Hóa, ngày 23 tháng 11 năm 2026"


def test_no_slip_prints_a_leading_comma_when_the_office_has_no_place() -> None:
    for kind, (data, _) in samples().items():
        nowhere = replace(data, office=replace(data.office, place=""))  # type: ignore[type-var]
        small = _small(nowhere)
        text = page_texts(registry.render(kind, small, registry.form_of(kind).layouts[0]))[0]
        assert not re.search(r", ngày \d\d tháng \d\d? năm \d{4}", text), kind
        assert re.search(r"(^|\s)Ngày \d\d tháng \d\d? năm \d{4}", text), kind


def _small(data: object) -> object:
    """The pathological sample cut down to a quick render (only the date line is checked)."""
    for name in ("documents", "missing", "rows", "results"):
        if hasattr(data, name):
            data = replace(data, **{name: ()})  # type: ignore[type-var]
    return data


def test_control_slip_without_an_appointment_judges_no_hand_off() -> None:
    text = text_of(render_control(control_data(due_at=None)))
    assert "Thời hạn giải quyết theo quy định: Không hẹn ngày trả kết quả" in text
    for mark in ("Trước hạn", "Đúng hạn", "Quá hạn"):
        assert mark not in text
    assert "1 Bộ phận Một cửa Sở Nội vụ 16 giờ 30 phút, 23/11/2026 Chuyển xử lý" in text
    judged = text_of(render_control(control_data()))
    assert "Trước hạn" in judged and "Đúng hạn" in judged and "Quá hạn" in judged
