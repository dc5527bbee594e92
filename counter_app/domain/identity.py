"""Personal identification numbers: CCCD (12 digits) and the legacy CMND (9 digits).

Structure of the 12-digit number (NĐ 137/2015/NĐ-CP, Thông tư 07/2016/TT-BCA):

* digits 1–3: province where the birth was registered (``PROVINCE_CODES``);
* digit 4: century of birth and sex — 0/1 for 1900–1999 (male/female), 2/3 for 2000–2099,
  4/5 for 2100–2199, 6/7 for 2200–2299; 8/9 are rejected;
* digits 5–6: last two digits of the birth year;
* digits 7–12: random; there is no check digit.

Error messages never repeat the full number: they may end up in logs, and ID numbers are
personal data. Lists and list exports show them masked (``domain.masking.mask_id_number``).
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum

from counter_app.domain.errors import Message, ValidationError
from counter_app.domain.provinces import PROVINCE_CODES
from counter_app.domain.text import search_key

__all__ = ["Sex", "validate_cccd", "validate_cmnd", "validate_id_number"]

_DIGITS = re.compile(r"[0-9]+")  # ASCII only: str.isdigit() also accepts other scripts' digits
_WHITESPACE = re.compile(r"\s+")


class Sex(StrEnum):
    """Sex as recorded on the ID card; the value is stored, ``label`` is shown."""

    MALE = "male"
    FEMALE = "female"

    @property
    def label(self) -> str:
        """Vietnamese label: "Nam" or "Nữ"."""
        return "Nam" if self is Sex.MALE else "Nữ"

    @classmethod
    def parse(cls, text: str, *, field: str = "sex") -> Sex:
        """Parse "Nam"/"Nữ" in any case, with or without tone marks, or a stored value.

        Raises ``ValidationError`` for anything else.
        """
        key = search_key(text)
        found = _SEX_WORDS.get(key)
        if found is None:
            raise ValidationError("Giới tính phải là “Nam” hoặc “Nữ”.", field=field)
        return found


_SEX_WORDS: dict[str, Sex] = {"nam": Sex.MALE, "nu": Sex.FEMALE, "male": Sex.MALE, "female": Sex.FEMALE}


def _sex_text(sex: Sex) -> Message:
    """``sex.label`` inside a message (translatable)."""
    return Message("Nam") if sex is Sex.MALE else Message("Nữ")


def _compact(number: str) -> str:
    return _WHITESPACE.sub("", number)


def _check_digits(number: str, *, kind: str, length: int, field: str) -> None:
    if not number:
        raise ValidationError("Vui lòng nhập số {kind}.", kind=kind, field=field)
    if not _DIGITS.fullmatch(number):
        raise ValidationError("Số {kind} chỉ được gồm chữ số (0–9).", kind=kind, field=field)
    if len(number) != length:
        raise ValidationError(
            "Số {kind} phải gồm đúng {length} chữ số (số đã nhập có {count} chữ số).",
            kind=kind,
            length=length,
            count=len(number),
            field=field,
        )


def validate_cccd(
    number: str, *, birth_date: date | None = None, sex: Sex | None = None, field: str = "id_number"
) -> str:
    """Check a 12-digit CCCD number and return it without spaces.

    Checks the province code, the century/sex digit and that the encoded birth year is not
    in the future; when ``birth_date`` or ``sex`` are given, checks that the number agrees
    with them. Raises ``ValidationError`` (with ``field``) naming the first problem found.
    """
    number = _compact(number)
    _check_digits(number, kind="CCCD", length=12, field=field)

    province = number[:3]
    if province not in PROVINCE_CODES:
        raise ValidationError(
            "Mã tỉnh nơi đăng ký khai sinh ({province}, 3 chữ số đầu của số CCCD) không tồn tại.",
            province=province,
            field=field,
        )
    century_digit = int(number[3])
    if century_digit > 7:
        raise ValidationError(
            "Chữ số thứ 4 của số CCCD (mã thế kỷ và giới tính) không hợp lệ: {digit}.",
            digit=century_digit,
            field=field,
        )
    century = 1900 + (century_digit // 2) * 100
    encoded_sex = Sex.MALE if century_digit % 2 == 0 else Sex.FEMALE
    encoded_year = century + int(number[4:6])
    if encoded_year > date.today().year:
        raise ValidationError(
            "Số CCCD cho năm sinh {year}, là năm trong tương lai (kiểm tra chữ số thứ 4–6).",
            year=encoded_year,
            field=field,
        )

    if birth_date is not None:
        if birth_date.year // 100 * 100 != century:
            raise ValidationError(
                "Chữ số thứ 4 của số CCCD cho biết năm sinh trong khoảng {first}–{last}, không khớp với năm sinh {year}.",
                first=century,
                last=century + 99,
                year=birth_date.year,
                field=field,
            )
        if birth_date.year != encoded_year:
            raise ValidationError(
                "Chữ số thứ 5–6 của số CCCD ({digits}) không khớp với năm sinh {year}.",
                digits=number[4:6],
                year=birth_date.year,
                field=field,
            )
    if sex is not None and sex is not encoded_sex:
        raise ValidationError(
            "Chữ số thứ 4 của số CCCD cho biết giới tính {encoded}, không khớp với giới tính {given}.",
            encoded=_sex_text(encoded_sex),
            given=_sex_text(sex),
            field=field,
        )
    return number


def validate_cmnd(number: str, *, field: str = "id_number") -> str:
    """Check a legacy 9-digit CMND number and return it without spaces.

    A 12-digit number is a CCCD (use ``validate_cccd``/``validate_id_number``).
    """
    number = _compact(number)
    _check_digits(number, kind="CMND", length=9, field=field)
    return number


def validate_id_number(
    number: str, *, birth_date: date | None = None, sex: Sex | None = None, field: str = "id_number"
) -> str:
    """Check a CCCD (12 digits) or legacy CMND (9 digits), chosen by length; return it normalised.

    ``birth_date``/``sex`` are checked against a CCCD only: a CMND does not encode them.
    """
    compact = _compact(number)
    if not compact:
        raise ValidationError("Vui lòng nhập số CCCD hoặc CMND.", field=field)
    if not _DIGITS.fullmatch(compact):
        raise ValidationError("Số CCCD/CMND chỉ được gồm chữ số (0–9).", field=field)
    if len(compact) == 12:
        return validate_cccd(compact, birth_date=birth_date, sex=sex, field=field)
    if len(compact) == 9:
        return validate_cmnd(compact, field=field)
    raise ValidationError(
        "Số CCCD phải gồm 12 chữ số, số CMND cũ gồm 9 chữ số (số đã nhập có {count} chữ số).",
        count=len(compact),
        field=field,
    )
