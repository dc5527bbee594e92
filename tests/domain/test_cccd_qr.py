"""Parsing the QR code of the chip CCCD card."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from counter_app.domain.cccd_qr import CccdQrData, looks_like_cccd_qr, parse_cccd_qr
from counter_app.domain.errors import ValidationError
from counter_app.domain.identity import Sex

VALID = "001085012345|012345678|Nguyễn Văn Hòa|15071985|Nam|Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội|20042021"
FEMALE_NO_CMND = "079303123456||Trần Thị Thuỷ|31012003|Nữ|12 Lê Lợi, Quận 1, TP Hồ Chí Minh|05062021"


def _error(raw: str) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        parse_cccd_qr(raw)
    assert info.value.field == "cccd_qr"
    return info.value


def test_given_valid_qr_when_parsed_then_all_fields_read() -> None:
    data = parse_cccd_qr(VALID)

    assert data == CccdQrData(
        id_number="001085012345",
        old_id_number="012345678",
        full_name="Nguyễn Văn Hòa",
        birth_date=date(1985, 7, 15),
        sex=Sex.MALE,
        address="Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội",
        issued_date=date(2021, 4, 20),
    )


def test_given_qr_without_old_cmnd_when_parsed_then_old_number_is_none() -> None:
    data = parse_cccd_qr(FEMALE_NO_CMND)

    assert data.old_id_number is None
    assert data.sex is Sex.FEMALE
    assert data.birth_date == date(2003, 1, 31)


@pytest.mark.parametrize("suffix", ["\r\n", "\n", "\r", "  \t"])
def test_given_scanner_appends_line_end_when_parsed_then_ignored(suffix: str) -> None:
    data = parse_cccd_qr("  " + VALID + suffix)

    assert data.issued_date == date(2021, 4, 20)
    assert data.id_number == "001085012345"


@pytest.mark.parametrize("extra", ["|", "|20042041", "|x|y|z"])
def test_given_extra_trailing_fields_when_parsed_then_ignored(extra: str) -> None:
    assert parse_cccd_qr(VALID + extra) == parse_cccd_qr(VALID)


def test_given_nfd_name_and_padded_fields_when_parsed_then_name_is_nfc_and_trimmed() -> None:
    raw = (
        "001085012345| 012345678 |"
        + unicodedata.normalize("NFD", " Nguyễn  Văn Hòa ")
        + "|15071985|Nam|a|20042021"
    )

    data = parse_cccd_qr(raw)

    assert data.full_name == "Nguyễn Văn Hòa"
    assert unicodedata.is_normalized("NFC", data.full_name)
    assert data.old_id_number == "012345678"


def test_given_qr_data_when_modified_then_refused() -> None:
    data = parse_cccd_qr(VALID)

    with pytest.raises(AttributeError):
        data.full_name = "X"  # type: ignore[misc]


# --- not a CCCD QR -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "count"),
    [("hello world", 1), ("", 1), ("001085012345|012345678|Nguyễn Văn A|15071985|Nam|HN", 6)],
)
def test_given_text_with_too_few_fields_when_parsed_then_not_a_qr_error(raw: str, count: int) -> None:
    err = _error(raw)

    assert err.message == (
        "Chuỗi quét được không phải mã QR của thẻ CCCD (cần ít nhất 7 trường ngăn cách bởi “|”, "
        f"chuỗi này có {count})."
    )


@pytest.mark.parametrize("birth", ["1507198", "31021985", "15/07/1985", "1985-07-15", "", "00001985"])
def test_given_bad_birth_date_when_parsed_then_birth_date_error(birth: str) -> None:
    err = _error(f"001085012345||Nguyễn Văn A|{birth}|Nam|HN|20042021")

    assert err.message == "Ngày sinh trong mã QR không hợp lệ (cần dạng ngày-tháng-năm ddMMyyyy)."


def test_given_bad_issued_date_when_parsed_then_issued_date_error() -> None:
    err = _error("001085012345||Nguyễn Văn A|15071985|Nam|HN|32132021")

    assert err.message == "Ngày cấp trong mã QR không hợp lệ (cần dạng ngày-tháng-năm ddMMyyyy)."


def test_given_issued_before_birth_when_parsed_then_error() -> None:
    err = _error("001085012345||Nguyễn Văn A|15071985|Nam|HN|01011980")

    assert err.message == "Ngày cấp trong mã QR sớm hơn ngày sinh."


def test_given_unknown_sex_when_parsed_then_sex_error() -> None:
    err = _error("001085012345||Nguyễn Văn A|15071985|Không rõ|HN|20042021")

    assert err.message == "Giới tính trong mã QR phải là “Nam” hoặc “Nữ”."


def test_given_empty_name_when_parsed_then_name_error() -> None:
    assert _error("001085012345|| |15071985|Nam|HN|20042021").message == "Họ tên trong mã QR bị trống."


@pytest.mark.parametrize("old", ["12345", "01234567a", "0123456789"])
def test_given_malformed_old_cmnd_when_parsed_then_old_number_error(old: str) -> None:
    err = _error(f"001085012345|{old}|Nguyễn Văn A|15071985|Nam|HN|20042021")

    assert err.message == "Số CMND cũ trong mã QR không hợp lệ (cần 9 hoặc 12 chữ số)."


def test_given_twelve_digit_old_cmnd_when_parsed_then_kept() -> None:
    data = parse_cccd_qr("001085012345|001085000111|Nguyễn Văn A|15071985|Nam|HN|20042021")

    assert data.old_id_number == "001085000111"


def test_given_sex_disagreeing_with_cccd_when_parsed_then_sex_mismatch() -> None:
    err = _error("001085012345||Nguyễn Văn A|15071985|Nữ|HN|20042021")

    assert err.message == "Chữ số thứ 4 của số CCCD cho biết giới tính Nam, không khớp với giới tính Nữ."


def test_given_birth_year_disagreeing_with_cccd_when_parsed_then_year_mismatch() -> None:
    err = _error("001085012345||Nguyễn Văn A|15071986|Nam|HN|20042021")

    assert err.message == "Chữ số thứ 5–6 của số CCCD (85) không khớp với năm sinh 1986."


def test_given_bad_cccd_in_qr_when_parsed_then_cccd_error() -> None:
    assert _error("003085012345||Nguyễn Văn A|15071985|Nam|HN|20042021").message.startswith("Mã tỉnh")
    assert _error("00108501234||Nguyễn Văn A|15071985|Nam|HN|20042021").message.startswith(
        "Số CCCD phải gồm đúng 12 chữ số"
    )


# --- looks_like_cccd_qr --------------------------------------------------------------------


@pytest.mark.parametrize("raw", [VALID, FEMALE_NO_CMND, VALID + "\r\n", "123456789012||||||"])
def test_given_qr_shaped_text_when_checked_then_looks_like_qr(raw: str) -> None:
    assert looks_like_cccd_qr(raw)


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "0912345678",
        "001085012345",
        "12345678901||||||",
        "1234567890123||||||",
        "12345678901a||||||",
        "001085012345|012345678|Nguyễn Văn A|15071985|Nam|HN",
    ],
)
def test_given_other_text_when_checked_then_does_not_look_like_qr(raw: str) -> None:
    assert not looks_like_cccd_qr(raw)
