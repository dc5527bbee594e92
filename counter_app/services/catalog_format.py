"""Reading procedure records: the national portal's (DVCQG) and counter_app's own JSON format.

Both are turned into the same plain ``ProcedureRecord``; the importer never sees the source
format. counter_app's own format is documented in docs/catalog-format.md.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

from counter_app.db.event_log import canonical_json
from counter_app.domain.errors import ValidationError
from counter_app.domain.text import normalize

OWN_FORMAT = "counter_app.catalog"
# Version 2 adds each line's kind and part, and the terms stated per case; version 1 files
# (every line a document handed in) are still read.
OWN_FORMAT_VERSION = 2
_READABLE_VERSIONS = (1, 2)
DOCUMENT_KINDS = ("submit", "show", "heading", "note")
_UNITS = ("working_day", "day", "hour", "same_day", "none")
_BULLET = re.compile(r"^\s*(?:[-+*•–]\s*)+")
_TRAILING = re.compile(r"[\s;,]+$")


@dataclass
class DocumentRecord:
    name: str
    code: str = ""
    original_qty: int = 0
    copy_qty: int = 0
    required: bool = True
    kind: str = "submit"  # submit | show | heading | note (docs/catalog-rules.md)
    part: str = ""  # the heading of the part of the dossier it belongs to, as the source gave it


@dataclass
class CaseRecord:
    name: str
    documents: list[DocumentRecord] = field(default_factory=list)


@dataclass
class ChannelRecord:
    channel: str  # direct | online | postal
    amount: str  # decimal as text, e.g. "7" or "12.5"
    unit: str  # working_day | day | hour | same_day | none
    description: str = ""
    fees: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class ProcedureRecord:
    code: str
    name: str
    field_code: str = ""
    field_name: str = ""
    level: str = ""
    full_online: bool = False
    supplement_rule: str = "restart"
    cases: list[CaseRecord] = field(default_factory=list)
    channels: list[ChannelRecord] = field(default_factory=list)
    legal_bases: list[dict[str, str]] = field(default_factory=list)
    results: list[dict[str, str]] = field(default_factory=list)
    requirements: str = ""
    # Terms stated per named case, for channels whose own term is not computable:
    # [{"name": ..., "amount": "1", "unit": "working_day"}].
    case_terms: list[dict[str, str]] = field(default_factory=list)

    def content_hash(self) -> str:
        return hashlib.sha256(canonical_json(asdict(self)).encode("utf-8")).hexdigest()


class CatalogFileError(ValidationError):
    """A file that cannot be imported; names the file and the reason."""


def decimal_text(amount: Decimal) -> str:
    """ "7", "12.5", "10" — never the exponent form ("1E+1") that Decimal.normalize() gives."""
    return format(amount.normalize(), "f")


def clean_document_name(raw: str) -> str:
    """Strip the portal's "- " / "+ " bullets and trailing separators; NFC."""
    return _TRAILING.sub("", _BULLET.sub("", normalize(raw)))


def read_count(value: Any, what: str) -> int:
    """A number of copies as read from a file: missing is 0, anything else a whole number ≥ 0."""
    if value in (None, ""):
        return 0
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise ValueError(f"{what} phải là số không âm (gặp {value!r})")
    return int(value)


_MAX_TERM = 3660  # ten years of days: a longer term is a typing mistake


def _from_own(item: dict[str, Any]) -> ProcedureRecord:
    record = ProcedureRecord(
        **{k: v for k, v in item.items() if k not in ("cases", "channels", "case_terms")},
        case_terms=[_own_case_term(t) for t in item.get("case_terms", [])],
        cases=[
            CaseRecord(c.get("name", ""), [DocumentRecord(**d) for d in c.get("documents", [])])
            for c in item.get("cases", [])
        ],
        channels=[ChannelRecord(**c) for c in item.get("channels", [])],
    )
    if not record.code or not record.name:
        raise ValueError("thiếu mã hoặc tên thủ tục")
    for case in record.cases:
        for doc in case.documents:
            doc.original_qty = read_count(doc.original_qty, "Số bản chính")
            doc.copy_qty = read_count(doc.copy_qty, "Số bản sao")
    for channel in record.channels:
        amount = Decimal(channel.amount)
        if not amount.is_finite() or amount < 0:
            raise ValueError(f"Thời hạn giải quyết phải là số không âm (gặp {channel.amount!r})")
        if amount > _MAX_TERM:
            raise ValueError(f"Thời hạn giải quyết quá lớn (gặp {channel.amount!r}, tối đa {_MAX_TERM})")
        if channel.unit not in _UNITS:
            raise ValueError(f"đơn vị thời hạn không rõ: {channel.unit!r}")
    return record


def _own_case_term(raw: Any) -> dict[str, str]:
    if not isinstance(raw, dict) or not all(isinstance(raw.get(k), str) for k in ("name", "amount", "unit")):
        raise ValueError("mỗi mục «case_terms» phải có name, amount và unit là chuỗi")
    amount = Decimal(raw["amount"])
    if not amount.is_finite() or amount < 0 or amount > _MAX_TERM:
        raise ValueError(f"Thời hạn của trường hợp không hợp lệ (gặp {raw['amount']!r})")
    if raw["unit"] not in _UNITS or raw["unit"] == "none":
        raise ValueError(f"đơn vị thời hạn của trường hợp không rõ: {raw['unit']!r}")
    return {"name": raw["name"], "amount": decimal_text(amount), "unit": raw["unit"]}


_TEXT_FIELDS = ("code", "name", "field_code", "field_name", "level", "supplement_rule", "requirements")
_MAX_QTY = 100  # copies of one document: more is a typing mistake (and overflows a database integer)


def check_record(record: ProcedureRecord) -> ProcedureRecord:
    """Every value of a record read from a file has the type and range the database will store."""
    for key in _TEXT_FIELDS:
        if not isinstance(getattr(record, key), str):
            raise ValueError(f"«{key}» của thủ tục phải là chuỗi ký tự")
    if not record.code.strip() or not record.name.strip():
        raise ValueError("thiếu mã hoặc tên thủ tục")
    if not isinstance(record.full_online, bool):
        raise ValueError("«full_online» phải là true hoặc false")
    if record.supplement_rule not in ("restart", "pause"):
        raise ValueError(f"«supplement_rule» phải là restart hoặc pause (gặp {record.supplement_rule!r})")
    for key in ("legal_bases", "results"):
        items = getattr(record, key)
        if not isinstance(items, list) or not all(
            isinstance(i, dict) and all(isinstance(v, str | None) for v in i.values()) for i in items
        ):
            raise ValueError(f"«{key}» phải là danh sách đối tượng có giá trị chuỗi")
    for case in record.cases:
        if not isinstance(case.name, str):
            raise ValueError("tên trường hợp phải là chuỗi ký tự")
        for doc in case.documents:
            if not all(isinstance(v, str) for v in (doc.name, doc.code, doc.part)):
                raise ValueError("tên, mã và phần hồ sơ của giấy tờ phải là chuỗi ký tự")
            if doc.kind not in DOCUMENT_KINDS:
                raise ValueError(f"loại dòng «{doc.kind}» không rõ (submit, show, heading hoặc note)")
            if not isinstance(doc.required, bool):
                raise ValueError(f"«required» của giấy tờ «{doc.name}» phải là true hoặc false")
            if doc.original_qty > _MAX_QTY or doc.copy_qty > _MAX_QTY:
                raise ValueError(f"số bản của giấy tờ «{doc.name}» quá lớn (tối đa {_MAX_QTY})")
    seen: set[str] = set()
    for channel in record.channels:
        if channel.channel not in ("direct", "online", "postal"):
            raise ValueError(f"kênh nộp không rõ: {channel.channel!r} (direct, online hoặc postal)")
        if channel.channel in seen:
            raise ValueError(f"kênh nộp {channel.channel!r} ghi hai lần")
        seen.add(channel.channel)
        if not isinstance(channel.description, str) or not isinstance(channel.fees, list):
            raise ValueError("mô tả thời hạn phải là chuỗi và lệ phí là một danh sách")
        for fee in channel.fees:
            if not isinstance(fee, dict):
                raise ValueError("mỗi khoản lệ phí phải là một đối tượng")
            amount = fee.get("amount")
            if amount is not None and not (isinstance(amount, str) and Decimal(amount).is_finite()):
                raise ValueError(f"số tiền lệ phí không hợp lệ: {amount!r}")
    return record


def records_from_own(raw: dict[str, Any]) -> list[ProcedureRecord]:
    """The checked records of a file in counter_app's own format (ValueError naming the problem)."""
    if raw.get("version") not in _READABLE_VERSIONS:
        raise ValueError(f"phiên bản định dạng {raw.get('version')!r} không được hỗ trợ")
    return [check_record(_from_own(item)) for item in raw["procedures"]]


def write_own_format(records: list[ProcedureRecord]) -> str:
    """Serialise records in counter_app's own catalogue format (stable order, UTF-8)."""
    payload = {
        "format": OWN_FORMAT,
        "version": OWN_FORMAT_VERSION,
        "procedures": [asdict(r) for r in sorted(records, key=lambda r: r.code)],
    }
    return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"
