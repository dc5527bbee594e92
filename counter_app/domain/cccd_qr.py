"""The QR code on the chip CCCD card, as typed by a 2D scanner in keyboard mode.

Layout: ``CCCD|old CMND|Full name|ddMMyyyy birth|Giới tính|Address|ddMMyyyy issued``.
The old CMND field may be empty; fields after the seventh (some cards carry more) are
ignored, and so are the whitespace and CR/LF that scanners add around the text.

Reading is not verifying: callers must record that the data was read from the card.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from counter_app.domain.errors import UserError, ValidationError, as_message
from counter_app.domain.identity import Sex, validate_cccd
from counter_app.domain.text import normalize

__all__ = ["CccdQrData", "looks_like_cccd_qr", "parse_cccd_qr"]

FIELD = "cccd_qr"
_SEPARATOR = "|"
_MIN_FIELDS = 7
_ID12 = re.compile(r"[0-9]{12}")
_OLD_ID = re.compile(r"[0-9]{9}|[0-9]{12}")  # 9-digit CMND, or the 12-digit CMND of 2012–2016
_DDMMYYYY = re.compile(r"([0-9]{2})([0-9]{2})([0-9]{4})")


@dataclass(frozen=True, slots=True)
class CccdQrData:
    """The data read from a CCCD QR code (read from the card, not verified)."""

    id_number: str
    old_id_number: str | None
    full_name: str
    birth_date: date
    sex: Sex
    address: str
    issued_date: date


def looks_like_cccd_qr(raw: str) -> bool:
    """Cheap test for the UI: at least 6 '|' and a first field of exactly 12 digits."""
    text = raw.strip()
    return text.count(_SEPARATOR) >= _MIN_FIELDS - 1 and bool(
        _ID12.fullmatch(text.split(_SEPARATOR, 1)[0].strip())
    )


def _parse_date(text: str, what: str) -> date:
    match = _DDMMYYYY.fullmatch(text)
    if match:
        day, month, year = (int(part) for part in match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            pass
    raise ValidationError(
        "{what} trong mã QR không hợp lệ (cần dạng ngày-tháng-năm ddMMyyyy).",
        what=as_message(what),
        field=FIELD,
    )


def parse_cccd_qr(raw: str) -> CccdQrData:
    """Parse the text of a CCCD QR code; the number is checked against birth date and sex.

    Raises ``ValidationError`` (field ``"cccd_qr"``) when the text is not a CCCD QR code
    or its fields are inconsistent.
    """
    fields = [part.strip() for part in raw.strip().split(_SEPARATOR)]
    if len(fields) < _MIN_FIELDS:
        raise ValidationError(
            "Chuỗi quét được không phải mã QR của thẻ CCCD (cần ít nhất {min_fields} trường ngăn cách bởi “|”, chuỗi này có {count}).",
            min_fields=_MIN_FIELDS,
            count=len(fields),
            field=FIELD,
        )
    id_text, old_id, name_text, birth_text, sex_text, address_text, issued_text = fields[:_MIN_FIELDS]

    if old_id and not _OLD_ID.fullmatch(old_id):
        raise ValidationError("Số CMND cũ trong mã QR không hợp lệ (cần 9 hoặc 12 chữ số).", field=FIELD)
    full_name = normalize(name_text)
    if not full_name:
        raise ValidationError("Họ tên trong mã QR bị trống.", field=FIELD)
    birth_date = _parse_date(birth_text, "Ngày sinh")
    issued_date = _parse_date(issued_text, "Ngày cấp")
    if issued_date < birth_date:
        raise ValidationError("Ngày cấp trong mã QR sớm hơn ngày sinh.", field=FIELD)
    try:
        sex = Sex.parse(sex_text, field=FIELD)
    except UserError:
        raise ValidationError("Giới tính trong mã QR phải là “Nam” hoặc “Nữ”.", field=FIELD) from None
    id_number = validate_cccd(id_text, birth_date=birth_date, sex=sex, field=FIELD)

    return CccdQrData(
        id_number=id_number,
        old_id_number=old_id or None,
        full_name=full_name,
        birth_date=birth_date,
        sex=sex,
        address=normalize(address_text),
        issued_date=issued_date,
    )
