"""Mã hồ sơ: ``{receiving unit identifier}-{YYMMDD}-{NNNN}`` (TT 01/2018 Điều 19)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from counter_app.domain.errors import ValidationError

# Unit identifiers look like 000.17.22.H56 (QĐ 20/2020/QĐ-TTg); accept any dotted A–Z/0–9 form.
_UNIT = r"[0-9A-Z]{1,6}(?:\.[0-9A-Z]{1,6}){0,5}"
CODE_PATTERN = re.compile(rf"^(?P<unit>{_UNIT})-(?P<day>\d{{6}})-(?P<seq>\d{{4,}})$")
UNIT_PATTERN = re.compile(rf"^{_UNIT}$")


@dataclass(frozen=True)
class DossierCode:
    unit: str
    day: date
    seq: int

    def __str__(self) -> str:
        return f"{self.unit}-{self.day:%y%m%d}-{self.seq:04d}"


def format_code(unit: str, day: date, seq: int) -> str:
    if not UNIT_PATTERN.match(unit):
        raise ValidationError(
            "Mã định danh đơn vị «{unit}» không hợp lệ (ví dụ đúng: 000.17.22.H56).", unit=unit
        )
    if seq < 1:
        raise ValidationError("Số thứ tự hồ sơ phải lớn hơn 0.")
    return str(DossierCode(unit, day, seq))


def parse_code(text: str) -> DossierCode:
    """Parse a code typed or scanned; surrounding blanks and lower case are tolerated."""
    cleaned = text.strip().upper()
    match = CODE_PATTERN.match(cleaned)
    if not match:
        raise ValidationError("«{text}» không phải là mã hồ sơ hợp lệ.", text=text.strip(), field="code")
    raw_day = match["day"]
    try:
        day = date(2000 + int(raw_day[:2]), int(raw_day[2:4]), int(raw_day[4:]))
    except ValueError as exc:
        raise ValidationError("Mã hồ sơ «{code}» có ngày không hợp lệ.", code=cleaned, field="code") from exc
    return DossierCode(match["unit"], day, int(match["seq"]))


def looks_like_code(text: str) -> bool:
    return bool(CODE_PATTERN.match(text.strip().upper()))
