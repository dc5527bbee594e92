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
from pathlib import Path
from typing import Any

from counter_app.db.ledger import canonical_json
from counter_app.domain.appointment import TERM_UNIT_LABELS, TermUnit
from counter_app.domain.errors import ValidationError
from counter_app.domain.text import normalize
from counter_app.jsonfile import read_json

OWN_FORMAT = "counter_app.catalog"
OWN_FORMAT_VERSION = 1

_CHANNELS = {"DIRECT": "direct", "ONLINE": "online", "POSTAL": "postal"}
_UNITS = {"WORKING_DAY": "working_day", "DAY": "day", "HOUR": "hour"}
_BULLET = re.compile(r"^\s*(?:[-+*•–]\s*)+")
_TRAILING = re.compile(r"[\s;,]+$")


@dataclass
class DocumentRecord:
    name: str
    code: str = ""
    original_qty: int = 0
    copy_qty: int = 0
    required: bool = True


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


def _is_optional(name: str) -> bool:
    # The portal's "required" flag is false on every record, so it carries no information.
    # Headings ("… các giấy tờ sau:") and items marked "(nếu có)" are not required; others are.
    lowered = name.lower()
    return name.endswith(":") or "nếu có" in lowered


def _qty(value: Any, what: str) -> int:
    if value in (None, ""):
        return 0
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise ValueError(f"{what} phải là số không âm (gặp {value!r})")
    return int(value)


def _channel_from_portal(method: dict[str, Any]) -> ChannelRecord:
    channel = _CHANNELS.get(str(method.get("submissionMethod")))
    if channel is None:
        raise ValueError(f"kênh nộp không rõ: {method.get('submissionMethod')!r}")
    raw_time, raw_unit = method.get("processingTime"), str(method.get("processingTimeUnit") or "OTHER")
    description = normalize(str(method.get("description") or ""))
    unit = _UNITS.get(raw_unit, "none")
    amount = Decimal(0)
    if isinstance(raw_time, int | float) and not isinstance(raw_time, bool):
        amount = Decimal(str(raw_time))
        if not amount.is_finite() or amount < 0:
            raise ValueError(f"Thời hạn giải quyết phải là số không âm (gặp {raw_time!r})")
        if raw_unit == "MONTH":
            # A month term is counted as 30 calendar days; the text keeps the original wording.
            unit, amount = "day", amount * 30
            description = (description + f" ({raw_time} tháng)").strip()
        if unit == "none" and not description:
            description = f"{raw_time} (đơn vị thời gian không ghi trên Cổng DVCQG)"
    elif raw_time not in (None, ""):
        # Free-text terms ("Không quá 15 ngày …") cannot be computed: no appointment, text kept.
        unit = "none"
        description = normalize(str(raw_time)) + (f" — {description}" if description else "")
    if unit != "none" and amount == 0:
        unit = "same_day" if raw_unit in ("WORKING_DAY", "DAY") else unit
    fees = []
    for fee in method.get("fees") or []:
        value = fee.get("value")
        fees.append(
            {
                "kind": str(fee.get("type") or "FEE"),
                "amount_vnd": int(value) if isinstance(value, int | float) else None,
                "description": normalize(str(fee.get("description") or "")),
            }
        )
    return ChannelRecord(channel, decimal_text(amount), unit, description, fees)


def _one_per_channel(channels: list[ChannelRecord]) -> list[ChannelRecord]:
    """Some records list several terms for one channel (one per case): keep the first as the
    computable term and name the others in its description, so guidance still shows them."""
    kept: dict[str, ChannelRecord] = {}
    for item in channels:
        first = kept.get(item.channel)
        if first is None:
            kept[item.channel] = item
        else:
            other = f"Trường hợp khác: {item.amount} {TERM_UNIT_LABELS[TermUnit(item.unit)]}"
            first.description = "; ".join(x for x in (first.description, other) if x)
    return list(kept.values())


def _from_portal(data: dict[str, Any]) -> ProcedureRecord:
    code, name = data.get("code"), data.get("name")
    if not isinstance(code, str) or not code.strip() or not isinstance(name, str) or not name.strip():
        raise ValueError("thiếu mã hoặc tên thủ tục")
    category = (data.get("categoriesDetails") or [None])[0] or data.get("category") or {}
    levels = [lvl for key, lvl in (("isProvince", "province"), ("isWard", "ward")) if data.get(key)]
    cases = []
    for raw_case in data.get("executionCases") or []:
        documents = []
        for component in raw_case.get("profileComponents") or []:
            doc_name = clean_document_name(str(component.get("name") or ""))
            if not doc_name:
                continue
            documents.append(
                DocumentRecord(
                    name=doc_name,
                    code=str(component.get("code") or ""),
                    original_qty=_qty(component.get("originalQty"), "Số bản chính"),
                    copy_qty=_qty(component.get("copyQty"), "Số bản sao"),
                    required=not _is_optional(doc_name),
                )
            )
        cases.append(CaseRecord(normalize(str(raw_case.get("name") or "")), documents))
    if not cases:
        cases.append(CaseRecord("", []))
    channels = sorted(
        (_channel_from_portal(m) for m in data.get("executionMethods") or []), key=lambda c: c.channel
    )
    return ProcedureRecord(
        code=code.strip(),
        name=normalize(name),
        field_code=str(category.get("code") or ""),
        field_name=normalize(str(category.get("name") or "")),
        level=",".join(levels),
        full_online=bool(data.get("isFullProcess")),
        cases=cases,
        channels=_one_per_channel(channels),
        legal_bases=[
            {"code": str(b.get("code") or ""), "name": normalize(str(b.get("name") or ""))}
            for b in data.get("legalBasisesDetails") or []
        ],
        results=[
            {"code": str(r.get("code") or ""), "name": normalize(str(r.get("name") or ""))}
            for r in data.get("resultsDetails") or []
        ],
        requirements=normalize(str(data.get("requirementsAndConditions") or "")),
    )


_MAX_TERM = 3660  # ten years of days: a longer term is a typing mistake


def _from_own(item: dict[str, Any]) -> ProcedureRecord:
    record = ProcedureRecord(
        **{k: v for k, v in item.items() if k not in ("cases", "channels")},
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
            doc.original_qty = _qty(doc.original_qty, "Số bản chính")
            doc.copy_qty = _qty(doc.copy_qty, "Số bản sao")
    for channel in record.channels:
        amount = Decimal(channel.amount)
        if not amount.is_finite() or amount < 0:
            raise ValueError(f"Thời hạn giải quyết phải là số không âm (gặp {channel.amount!r})")
        if amount > _MAX_TERM:
            raise ValueError(f"Thời hạn giải quyết quá lớn (gặp {channel.amount!r}, tối đa {_MAX_TERM})")
        if channel.unit not in ("working_day", "day", "hour", "same_day", "none"):
            raise ValueError(f"đơn vị thời hạn không rõ: {channel.unit!r}")
    return record


_TEXT_FIELDS = ("code", "name", "field_code", "field_name", "level", "supplement_rule", "requirements")
_MAX_QTY = 100  # copies of one document: more is a typing mistake (and overflows a database integer)


def _check_record(record: ProcedureRecord) -> ProcedureRecord:
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
            if not isinstance(doc.name, str) or not isinstance(doc.code, str):
                raise ValueError("tên và mã giấy tờ phải là chuỗi ký tự")
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


def read_catalog_file(path: Path) -> list[ProcedureRecord]:
    """Parse one file (portal record or own format) or raise CatalogFileError naming it."""
    try:
        raw = read_json(path)
    except ValidationError as exc:
        raise CatalogFileError(exc.message) from exc
    try:
        if isinstance(raw, dict) and raw.get("format") == OWN_FORMAT:
            if raw.get("version") != OWN_FORMAT_VERSION:
                raise ValueError(f"phiên bản định dạng {raw.get('version')!r} không được hỗ trợ")
            return [_check_record(_from_own(item)) for item in raw["procedures"]]
        if isinstance(raw, dict) and isinstance(raw.get("data"), dict):
            if raw.get("code") not in (None, "OK"):
                raise ValueError(f"bản ghi báo lỗi {raw.get('code')!r}")
            return [_check_record(_from_portal(raw["data"]))]
        raise ValueError("không phải bản ghi thủ tục của Cổng DVCQG hay định dạng counter_app")
    except (ValueError, KeyError, TypeError, AttributeError, InvalidOperation) as exc:
        reason = exc.args[0] if isinstance(exc, ValueError) and exc.args else f"{type(exc).__name__}: {exc}"
        raise CatalogFileError(f"{path}: tệp không hợp lệ — {reason}.") from exc


def write_own_format(records: list[ProcedureRecord]) -> str:
    """Serialise records in counter_app's own catalogue format (stable order, UTF-8)."""
    payload = {
        "format": OWN_FORMAT,
        "version": OWN_FORMAT_VERSION,
        "procedures": [asdict(r) for r in sorted(records, key=lambda r: r.code)],
    }
    return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"
