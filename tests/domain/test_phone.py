"""Vietnamese phone numbers and e-mail addresses."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from counter_app.domain.errors import ValidationError
from counter_app.domain.phone import validate_email, validate_phone


def _error(func: Callable[..., object], *args: object, **kwargs: object) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        func(*args, **kwargs)
    return info.value


# --- valid phone numbers -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        ("0912345678", "0912345678"),
        ("0321 234 567", "0321234567"),
        ("058.123.4567", "0581234567"),
        ("070-123-4567", "0701234567"),
        ("0891234567", "0891234567"),
        ("+84912345678", "0912345678"),
        ("+84 91 234 5678", "0912345678"),
        ("84912345678", "0912345678"),
        ("0084 912 345 678", "0912345678"),
        ("(+84) 0912 345 678", "0912345678"),
        ("  0912345678\r\n", "0912345678"),
    ],
)
def test_given_mobile_number_when_validated_then_normalized_to_ten_digits(raw: str, normalized: str) -> None:
    assert validate_phone(raw) == normalized


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        ("024 3825 1234", "02438251234"),
        ("(028) 3822-1234", "02838221234"),
        ("0236.382.1234", "02363821234"),
        ("+84 24 3825 1234", "02438251234"),
        ("842963821234", "02963821234"),
    ],
)
def test_given_landline_number_when_validated_then_normalized_to_eleven_digits(
    raw: str, normalized: str
) -> None:
    assert validate_phone(raw) == normalized


# --- invalid phone numbers -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("091234567", "Số di động phải gồm 10 chữ số (kể cả số 0 đầu); số đã nhập thiếu 1 chữ số."),
        ("+84 91234567", "Số di động phải gồm 10 chữ số (kể cả số 0 đầu); số đã nhập thiếu 1 chữ số."),
        ("09123456789", "Số di động phải gồm 10 chữ số (kể cả số 0 đầu); số đã nhập thừa 1 chữ số."),
        ("09", "Số di động phải gồm 10 chữ số (kể cả số 0 đầu); số đã nhập thiếu 8 chữ số."),
        ("0243825123", "Số cố định phải gồm 11 chữ số (kể cả mã vùng 02x); số đã nhập thiếu 1 chữ số."),
        ("024382512345", "Số cố định phải gồm 11 chữ số (kể cả mã vùng 02x); số đã nhập thừa 1 chữ số."),
        ("0", "Số điện thoại quá ngắn."),
    ],
)
def test_given_number_of_wrong_length_when_validated_then_length_error(raw: str, message: str) -> None:
    err = _error(validate_phone, raw)

    assert err.message == message
    assert err.field == "phone"


@pytest.mark.parametrize(("raw", "prefix"), [("0412345678", "04"), ("0612345678", "06"), ("06", "06")])
def test_given_unknown_prefix_when_validated_then_prefix_error(raw: str, prefix: str) -> None:
    err = _error(validate_phone, raw)

    assert err.message == (
        f"Đầu số {prefix} không phải đầu số điện thoại Việt Nam (di động: 03, 05, 07, 08, 09; cố định: 02)."
    )
    assert err.field == "phone"


def test_given_old_eleven_digit_mobile_when_validated_then_told_to_use_new_number() -> None:
    err = _error(validate_phone, "01683456789")

    assert err.message == (
        "Đầu số di động 01x (11 số) đã được chuyển sang 10 số từ năm 2018; vui lòng nhập số mới."
    )
    assert err.field == "phone"


@pytest.mark.parametrize("raw", ["09123abc78", "0912 345 67O", "0912/345/678", "không có"])
def test_given_letters_or_other_symbols_when_validated_then_digits_only_error(raw: str) -> None:
    err = _error(validate_phone, raw)

    assert err.message.startswith("Số điện thoại chỉ được gồm chữ số")
    assert err.field == "phone"


@pytest.mark.parametrize("raw", ["+1 202 555 0100", "+33 1 23 45 67 89", "0033123456789"])
def test_given_foreign_number_when_validated_then_only_vietnam_error(raw: str) -> None:
    err = _error(validate_phone, raw)

    assert err.message == "Chỉ chấp nhận số điện thoại Việt Nam (mã quốc gia +84)."
    assert err.field == "phone"


@pytest.mark.parametrize("raw", ["912345678", "19001234", "113"])
def test_given_number_without_trunk_zero_when_validated_then_start_error(raw: str) -> None:
    err = _error(validate_phone, raw)

    assert err.message == "Số điện thoại phải bắt đầu bằng 0 hoặc +84."
    assert err.field == "phone"


@pytest.mark.parametrize("raw", ["", "  ", " - . "])
def test_given_empty_phone_when_validated_then_asked_to_enter_it(raw: str) -> None:
    err = _error(validate_phone, raw)

    assert err.message == "Vui lòng nhập số điện thoại."
    assert err.field == "phone"


def test_given_custom_field_name_when_phone_invalid_then_error_carries_it() -> None:
    assert _error(validate_phone, "04", field="contact_phone").field == "contact_phone"


# --- e-mail --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        ("an.nguyen@gmail.com", "an.nguyen@gmail.com"),
        ("  An.Nguyen+hoso@UBND.HaNoi.GOV.VN ", "An.Nguyen+hoso@ubnd.hanoi.gov.vn"),
        ("mot-cua_01@so-tu-phap.vn", "mot-cua_01@so-tu-phap.vn"),
    ],
)
def test_given_valid_email_when_validated_then_trimmed_with_lowercase_domain(
    raw: str, normalized: str
) -> None:
    assert validate_email(raw) == normalized


@pytest.mark.parametrize(
    "raw",
    [
        "an.nguyen",
        "an.nguyen@",
        "@gmail.com",
        "an@gmail",
        "an..nguyen@gmail.com",
        ".an@gmail.com",
        "an@gmail..com",
        "an@-gmail.com",
        "an@gmail.com.",
        "an@b@gmail.com",
        "an@1.2.3.4",
        "a" * 65 + "@gmail.com",
    ],
)
def test_given_malformed_email_when_validated_then_format_error(raw: str) -> None:
    err = _error(validate_email, raw)

    assert err.message == "Địa chỉ email không hợp lệ (cần có dạng ten@mien.vn)."
    assert err.field == "email"


@pytest.mark.parametrize("raw", ["hòa@gmail.com", "an nguyen@gmail.com"])
def test_given_email_with_vietnamese_letter_or_space_when_validated_then_told_so(raw: str) -> None:
    err = _error(validate_email, raw)

    assert err.message == "Địa chỉ email không được chứa khoảng trắng hoặc chữ có dấu tiếng Việt."
    assert err.field == "email"


def test_given_empty_email_when_validated_then_asked_to_enter_it() -> None:
    err = _error(validate_email, " ")

    assert err.message == "Vui lòng nhập địa chỉ email."
    assert err.field == "email"
