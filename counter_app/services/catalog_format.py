"""Reading procedure records: the national portal's (DVCQG) and counter_app's own JSON format.

Both are turned into the same plain ``ProcedureRecord``; the importer never sees the source
format. counter_app's own format is documented in docs/catalog-format.md.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from counter_app.db.event_log import canonical_json
from counter_app.domain.errors import Message, ValidationError, as_message
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


# What a malformed record raises while it is read (a parser's ValueError carries its reason).
RECORD_ERRORS = (ValueError, KeyError, TypeError, AttributeError, InvalidOperation)


def record_error_reason(exc: Exception) -> object:
    """Why a record could not be read: the parser's Message, or the error's name and text."""
    return exc.args[0] if isinstance(exc, ValueError) and exc.args else f"{type(exc).__name__}: {exc}"


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
        raise ValueError(
            Message("{what} phải là số không âm (gặp {value!r})", what=as_message(what), value=value)
        )
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
        raise ValueError(Message("thiếu mã hoặc tên thủ tục"))
    for case in record.cases:
        for doc in case.documents:
            doc.original_qty = read_count(doc.original_qty, "Số bản chính")
            doc.copy_qty = read_count(doc.copy_qty, "Số bản sao")
    for channel in record.channels:
        amount = Decimal(channel.amount)
        if not amount.is_finite() or amount < 0:
            raise ValueError(
                Message("Thời hạn giải quyết phải là số không âm (gặp {amount!r})", amount=channel.amount)
            )
        if amount > _MAX_TERM:
            raise ValueError(
                Message(
                    "Thời hạn giải quyết quá lớn (gặp {amount!r}, tối đa {limit})",
                    amount=channel.amount,
                    limit=_MAX_TERM,
                )
            )
        if channel.unit not in _UNITS:
            raise ValueError(Message("đơn vị thời hạn không rõ: {unit!r}", unit=channel.unit))
    return record


def _own_case_term(raw: Any) -> dict[str, str]:
    if not isinstance(raw, dict) or not all(isinstance(raw.get(k), str) for k in ("name", "amount", "unit")):
        raise ValueError(Message("mỗi mục «case_terms» phải có name, amount và unit là chuỗi"))
    amount = Decimal(raw["amount"])
    if not amount.is_finite() or amount < 0 or amount > _MAX_TERM:
        raise ValueError(
            Message("Thời hạn của trường hợp không hợp lệ (gặp {amount!r})", amount=raw["amount"])
        )
    if raw["unit"] not in _UNITS or raw["unit"] == "none":
        raise ValueError(Message("đơn vị thời hạn của trường hợp không rõ: {unit!r}", unit=raw["unit"]))
    return {"name": raw["name"], "amount": decimal_text(amount), "unit": raw["unit"]}


_TEXT_FIELDS = ("code", "name", "field_code", "field_name", "level", "supplement_rule", "requirements")
_MAX_QTY = 100  # copies of one document: more is a typing mistake (and overflows a database integer)


def check_record(record: ProcedureRecord) -> ProcedureRecord:
    """Every value of a record read from a file has the type and range the database will store."""
    for key in _TEXT_FIELDS:
        if not isinstance(getattr(record, key), str):
            raise ValueError(Message("«{key}» của thủ tục phải là chuỗi ký tự", key=key))
    if not record.code.strip() or not record.name.strip():
        raise ValueError(Message("thiếu mã hoặc tên thủ tục"))
    if not isinstance(record.full_online, bool):
        raise ValueError(Message("«full_online» phải là true hoặc false"))
    if record.supplement_rule not in ("restart", "pause"):
        raise ValueError(
            Message(
                "«supplement_rule» phải là restart hoặc pause (gặp {rule!r})", rule=record.supplement_rule
            )
        )
    for key in ("legal_bases", "results"):
        items = getattr(record, key)
        if not isinstance(items, list) or not all(
            isinstance(i, dict) and all(isinstance(v, str | None) for v in i.values()) for i in items
        ):
            raise ValueError(Message("«{key}» phải là danh sách đối tượng có giá trị chuỗi", key=key))
    for case in record.cases:
        if not isinstance(case.name, str):
            raise ValueError(Message("tên trường hợp phải là chuỗi ký tự"))
        for doc in case.documents:
            if not all(isinstance(v, str) for v in (doc.name, doc.code, doc.part)):
                raise ValueError(Message("tên, mã và phần hồ sơ của giấy tờ phải là chuỗi ký tự"))
            if doc.kind not in DOCUMENT_KINDS:
                raise ValueError(
                    Message("loại dòng «{kind}» không rõ (submit, show, heading hoặc note)", kind=doc.kind)
                )
            if not isinstance(doc.required, bool):
                raise ValueError(
                    Message("«required» của giấy tờ «{name}» phải là true hoặc false", name=doc.name)
                )
            if doc.original_qty > _MAX_QTY or doc.copy_qty > _MAX_QTY:
                raise ValueError(
                    Message(
                        "số bản của giấy tờ «{name}» quá lớn (tối đa {limit})", name=doc.name, limit=_MAX_QTY
                    )
                )
    seen: set[str] = set()
    for channel in record.channels:
        if channel.channel not in ("direct", "online", "postal"):
            raise ValueError(
                Message(
                    "kênh nộp không rõ: {channel!r} (direct, online hoặc postal)", channel=channel.channel
                )
            )
        if channel.channel in seen:
            raise ValueError(Message("kênh nộp {channel!r} ghi hai lần", channel=channel.channel))
        seen.add(channel.channel)
        if not isinstance(channel.description, str) or not isinstance(channel.fees, list):
            raise ValueError(Message("mô tả thời hạn phải là chuỗi và lệ phí là một danh sách"))
        for fee in channel.fees:
            if not isinstance(fee, dict):
                raise ValueError(Message("mỗi khoản lệ phí phải là một đối tượng"))
            amount = fee.get("amount")
            if amount is not None and not (isinstance(amount, str) and Decimal(amount).is_finite()):
                raise ValueError(Message("số tiền lệ phí không hợp lệ: {amount!r}", amount=amount))
    return record


def records_from_own(raw: dict[str, Any]) -> list[ProcedureRecord]:
    """The checked records of a file in counter_app's own format (ValueError naming the problem)."""
    if raw.get("version") not in _READABLE_VERSIONS:
        raise ValueError(
            Message("phiên bản định dạng {version!r} không được hỗ trợ", version=raw.get("version"))
        )
    return [check_record(_from_own(item)) for item in raw["procedures"]]


def write_own_format(records: list[ProcedureRecord]) -> str:
    """Serialise records in counter_app's own catalogue format (stable order, UTF-8)."""
    payload = {
        "format": OWN_FORMAT,
        "version": OWN_FORMAT_VERSION,
        "procedures": [asdict(r) for r in sorted(records, key=lambda r: r.code)],
    }
    return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"
