"""CCCD / CMND validation and Sex parsing (masking: test_masking.py)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date

import pytest

from counter_app.domain.errors import ValidationError
from counter_app.domain.identity import Sex, validate_cccd, validate_cmnd, validate_id_number
from counter_app.domain.provinces import PROVINCE_CODES

MALE_1985_HANOI = "001085012345"  # 001 Hà Nội, 0 = male 1900s, 85
FEMALE_2003_HCM = "079303123456"  # 079 Hồ Chí Minh, 3 = female 2000s, 03


def _error(func: Callable[..., object], *args: object, **kwargs: object) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        func(*args, **kwargs)
    return info.value


# --- province table ------------------------------------------------------------------------


def test_given_province_table_when_read_then_63_codes_from_001_to_096() -> None:
    assert len(PROVINCE_CODES) == 63
    assert PROVINCE_CODES["001"] == "Hà Nội"
    assert PROVINCE_CODES["079"] == "Hồ Chí Minh"
    assert PROVINCE_CODES["096"] == "Cà Mau"
    assert all(len(code) == 3 and code.isdigit() for code in PROVINCE_CODES)
    assert all(unicodedata.is_normalized("NFC", name) for name in PROVINCE_CODES.values())


def test_given_province_table_when_written_to_then_refused() -> None:
    with pytest.raises(TypeError):
        PROVINCE_CODES["097"] = "X"  # type: ignore[index]


# --- valid CCCD ----------------------------------------------------------------------------


def test_given_valid_cccd_with_spaces_when_validated_then_digits_returned() -> None:
    assert validate_cccd(" 001 085 012 345 ") == MALE_1985_HANOI


def test_given_cccd_matching_birth_date_and_sex_when_validated_then_accepted() -> None:
    assert validate_cccd(MALE_1985_HANOI, birth_date=date(1985, 7, 1), sex=Sex.MALE) == MALE_1985_HANOI
    assert validate_cccd(FEMALE_2003_HCM, birth_date=date(2003, 1, 31), sex=Sex.FEMALE) == FEMALE_2003_HCM


@pytest.mark.parametrize(
    ("number", "year", "sex"), [("001199000001", 1999, Sex.FEMALE), ("096200000001", 2000, Sex.MALE)]
)
def test_given_century_edges_when_validated_then_accepted(number: str, year: int, sex: Sex) -> None:
    assert validate_cccd(number, birth_date=date(year, 12, 31), sex=sex) == number


# --- invalid CCCD --------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["00108501234", "0010850123456", "001 085 012"])
def test_given_cccd_of_wrong_length_when_validated_then_length_error(number: str) -> None:
    err = _error(validate_cccd, number)

    assert err.message.startswith("Số CCCD phải gồm đúng 12 chữ số")
    assert err.field == "id_number"


def test_given_cccd_length_error_when_reported_then_count_is_given() -> None:
    assert "số đã nhập có 11 chữ số" in _error(validate_cccd, "00108501234").message


@pytest.mark.parametrize("number", ["00108501234A", "001-085-012-345", "００１０８５０１２３４５"])
def test_given_cccd_with_non_digits_when_validated_then_digits_only_error(number: str) -> None:
    err = _error(validate_cccd, number)

    assert err.message == "Số CCCD chỉ được gồm chữ số (0–9)."
    assert err.field == "id_number"


def test_given_empty_cccd_when_validated_then_asked_to_enter_it() -> None:
    err = _error(validate_cccd, "   ")

    assert err.message == "Vui lòng nhập số CCCD."
    assert err.field == "id_number"


@pytest.mark.parametrize("province", ["000", "003", "013", "097", "999"])
def test_given_unknown_province_code_when_validated_then_province_error(province: str) -> None:
    err = _error(validate_cccd, province + "085012345")

    assert err.message == (
        f"Mã tỉnh nơi đăng ký khai sinh ({province}, 3 chữ số đầu của số CCCD) không tồn tại."
    )
    assert err.field == "id_number"


@pytest.mark.parametrize("digit", ["8", "9"])
def test_given_century_digit_8_or_9_when_validated_then_century_error(digit: str) -> None:
    err = _error(validate_cccd, f"001{digit}85012345")

    assert err.message == f"Chữ số thứ 4 của số CCCD (mã thế kỷ và giới tính) không hợp lệ: {digit}."
    assert err.field == "id_number"


def test_given_cccd_encoding_a_future_birth_year_when_validated_then_future_error() -> None:
    err = _error(validate_cccd, "001405012345")  # 4 = male, 2100s → 2105

    assert "năm sinh 2105, là năm trong tương lai" in err.message
    assert err.field == "id_number"


def test_given_cccd_from_1900s_and_birth_date_in_2000s_when_validated_then_century_mismatch() -> None:
    err = _error(validate_cccd, MALE_1985_HANOI, birth_date=date(2085, 1, 1))

    assert err.message == (
        "Chữ số thứ 4 của số CCCD cho biết năm sinh trong khoảng 1900–1999, không khớp với năm sinh 2085."
    )
    assert err.field == "id_number"


def test_given_cccd_year_85_and_birth_year_1986_when_validated_then_year_mismatch() -> None:
    err = _error(validate_cccd, MALE_1985_HANOI, birth_date=date(1986, 3, 4))

    assert err.message == "Chữ số thứ 5–6 của số CCCD (85) không khớp với năm sinh 1986."
    assert err.field == "id_number"


def test_given_male_cccd_and_female_sex_when_validated_then_sex_mismatch() -> None:
    err = _error(validate_cccd, MALE_1985_HANOI, sex=Sex.FEMALE)

    assert err.message == "Chữ số thứ 4 của số CCCD cho biết giới tính Nam, không khớp với giới tính Nữ."
    assert err.field == "id_number"


def test_given_female_cccd_and_male_sex_when_validated_then_sex_mismatch() -> None:
    err = _error(validate_cccd, FEMALE_2003_HCM, birth_date=date(2003, 5, 5), sex=Sex.MALE)

    assert "giới tính Nữ, không khớp với giới tính Nam" in err.message


def test_given_custom_field_name_when_validation_fails_then_error_carries_it() -> None:
    assert _error(validate_cccd, "1", field="representative_id").field == "representative_id"


def test_given_invalid_cccd_when_error_raised_then_message_does_not_repeat_the_number() -> None:
    err = _error(validate_cccd, MALE_1985_HANOI, birth_date=date(1986, 3, 4))

    assert MALE_1985_HANOI not in err.message


# --- CMND and dispatch ---------------------------------------------------------------------


def test_given_nine_digit_cmnd_when_validated_then_returned_compact() -> None:
    assert validate_cmnd("012 345 678") == "012345678"


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("12345678", "Số CMND phải gồm đúng 9 chữ số (số đã nhập có 8 chữ số)."),
        (MALE_1985_HANOI, "Số CMND phải gồm đúng 9 chữ số (số đã nhập có 12 chữ số)."),
        ("01234567x", "Số CMND chỉ được gồm chữ số (0–9)."),
        ("", "Vui lòng nhập số CMND."),
    ],
)
def test_given_bad_cmnd_when_validated_then_error(number: str, message: str) -> None:
    err = _error(validate_cmnd, number)

    assert err.message == message
    assert err.field == "id_number"


def test_given_12_digits_when_validating_id_number_then_checked_as_cccd() -> None:
    assert validate_id_number(MALE_1985_HANOI, birth_date=date(1985, 1, 1), sex=Sex.MALE) == MALE_1985_HANOI
    assert "Mã tỉnh" in _error(validate_id_number, "003085012345").message
    assert "giới tính" in _error(validate_id_number, MALE_1985_HANOI, sex=Sex.FEMALE).message


def test_given_9_digits_when_validating_id_number_then_checked_as_cmnd() -> None:
    assert validate_id_number("012345678", birth_date=date(1985, 1, 1), sex=Sex.FEMALE) == "012345678"


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("1234567890", "Số CCCD phải gồm 12 chữ số, số CMND cũ gồm 9 chữ số (số đã nhập có 10 chữ số)."),
        ("12345678a", "Số CCCD/CMND chỉ được gồm chữ số (0–9)."),
        (" ", "Vui lòng nhập số CCCD hoặc CMND."),
    ],
)
def test_given_bad_id_number_when_validated_then_error(number: str, message: str) -> None:
    err = _error(validate_id_number, number)

    assert err.message == message
    assert err.field == "id_number"


# --- Sex -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sex"),
    [
        ("Nam", Sex.MALE),
        ("NAM", Sex.MALE),
        (" nam ", Sex.MALE),
        ("Nữ", Sex.FEMALE),
        ("nu", Sex.FEMALE),
        ("NỮ", Sex.FEMALE),
        (unicodedata.normalize("NFD", "Nữ"), Sex.FEMALE),
        ("male", Sex.MALE),
        ("female", Sex.FEMALE),
    ],
)
def test_given_sex_text_when_parsed_then_enum(text: str, sex: Sex) -> None:
    assert Sex.parse(text) is sex


@pytest.mark.parametrize("text", ["", "X", "khác", "nữu"])
def test_given_unknown_sex_text_when_parsed_then_error(text: str) -> None:
    err = _error(Sex.parse, text)

    assert err.message == "Giới tính phải là “Nam” hoặc “Nữ”."
    assert err.field == "sex"


def test_given_sex_when_labelled_then_vietnamese_and_value_is_stable() -> None:
    assert (Sex.MALE.label, Sex.FEMALE.label) == ("Nam", "Nữ")
    assert (str(Sex.MALE), str(Sex.FEMALE)) == ("male", "female")
