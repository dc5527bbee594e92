"""Vietnamese phone numbers and e-mail addresses.

Phone numbers follow a small prefix rule rather than ``phonenumbers``: that library checks
numbers down to the allocated block (e.g. 9.0.43 rejects 052x, 055x and 0890–0895), so a
genuine number allocated after the installed release would block intake at the counter,
while a contact number only needs to be well formed. The rule, after removing separators
and turning +84/84/0084 into the trunk 0:

* mobile: 10 digits, prefix 03, 05, 07, 08 or 09;
* landline: 11 digits, prefix 02 (02 + rest of the 3-digit area code + subscriber number,
  the numbering in force since 2017);
* 11-digit 01x mobile numbers were moved to the prefixes above in 2018 and get a message
  that says so.
"""

from __future__ import annotations

import re

from counter_app.domain.errors import Message, ValidationError
from counter_app.domain.text import normalize

__all__ = ["validate_email", "validate_phone"]

_SEPARATORS = re.compile(r"[\s.\-()]+")
_MOBILE_PREFIXES = ("03", "05", "07", "08", "09")
_MOBILE_LENGTH = 10
_LANDLINE_PREFIX = "02"
_LANDLINE_LENGTH = 11


def _length_problem(digits: str, expected: int) -> Message:
    diff = expected - len(digits)
    return (
        Message("thiếu {count} chữ số", count=diff)
        if diff > 0
        else Message("thừa {count} chữ số", count=-diff)
    )


def _to_national(compact: str, field: str) -> str:
    """Turn the separator-free input into digits starting with the trunk 0."""
    if compact.startswith("+"):
        rest = compact[1:]
        if not rest.startswith("84"):
            raise ValidationError("Chỉ chấp nhận số điện thoại Việt Nam (mã quốc gia +84).", field=field)
        compact = rest
    elif compact.startswith("0084"):
        compact = compact[2:]
    elif compact.startswith("00"):
        raise ValidationError("Chỉ chấp nhận số điện thoại Việt Nam (mã quốc gia +84).", field=field)
    if not compact.isascii() or not compact.isdigit():
        raise ValidationError(
            "Số điện thoại chỉ được gồm chữ số (có thể có dấu cách, dấu chấm, dấu gạch ngang, +84 ở đầu).",
            field=field,
        )
    if compact.startswith("84"):
        national = compact[2:]
        # "+84 0912…": a redundant trunk 0 after the country code is tolerated.
        return national if national.startswith("0") else "0" + national
    if not compact.startswith("0"):
        raise ValidationError("Số điện thoại phải bắt đầu bằng 0 hoặc +84.", field=field)
    return compact


def validate_phone(s: str, *, field: str = "phone") -> str:
    """Check a Vietnamese mobile or landline number and return it as "0…" digits only.

    Accepts +84/84/0084 instead of the leading 0 and spaces, dots, dashes and parentheses
    as separators. Raises ``ValidationError`` (with ``field``) saying what is wrong.
    """
    compact = _SEPARATORS.sub("", s)
    if not compact:
        raise ValidationError("Vui lòng nhập số điện thoại.", field=field)
    digits = _to_national(compact, field)
    if len(digits) < 2:
        raise ValidationError("Số điện thoại quá ngắn.", field=field)
    prefix = digits[:2]
    if prefix in _MOBILE_PREFIXES:
        if len(digits) != _MOBILE_LENGTH:
            raise ValidationError(
                "Số di động phải gồm {length} chữ số (kể cả số 0 đầu); số đã nhập {problem}.",
                length=_MOBILE_LENGTH,
                problem=_length_problem(digits, _MOBILE_LENGTH),
                field=field,
            )
        return digits
    if prefix == _LANDLINE_PREFIX:
        if len(digits) != _LANDLINE_LENGTH:
            raise ValidationError(
                "Số cố định phải gồm {length} chữ số (kể cả mã vùng 02x); số đã nhập {problem}.",
                length=_LANDLINE_LENGTH,
                problem=_length_problem(digits, _LANDLINE_LENGTH),
                field=field,
            )
        return digits
    if prefix == "01":
        raise ValidationError(
            "Đầu số di động 01x (11 số) đã được chuyển sang 10 số từ năm 2018; vui lòng nhập số mới.",
            field=field,
        )
    raise ValidationError(
        "Đầu số {prefix} không phải đầu số điện thoại Việt Nam (di động: 03, 05, 07, 08, 09; cố định: 02).",
        prefix=prefix,
        field=field,
    )


_LOCAL_PART = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_DOMAIN_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")


def validate_email(s: str, *, field: str = "email") -> str:
    """Check the syntax of an e-mail address (no DNS lookup) and return it trimmed.

    The domain is lower-cased; the local part is kept as typed. ASCII addresses only:
    a Vietnamese letter or a space is reported as such, since it is the usual typing slip.
    """
    text = normalize(s)
    if not text:
        raise ValidationError("Vui lòng nhập địa chỉ email.", field=field)
    if " " in text or not text.isascii():
        raise ValidationError(
            "Địa chỉ email không được chứa khoảng trắng hoặc chữ có dấu tiếng Việt.", field=field
        )
    local, sep, domain = text.rpartition("@")
    labels = domain.split(".")
    if (
        not sep
        or not _LOCAL_PART.fullmatch(local)
        or len(local) > 64
        or len(text) > 254
        or len(labels) < 2
        or not all(_DOMAIN_LABEL.fullmatch(label) for label in labels)
        or labels[-1].isdigit()
    ):
        raise ValidationError("Địa chỉ email không hợp lệ (cần có dạng ten@mien.vn).", field=field)
    return f"{local}@{domain.lower()}"
