"""Reading a national portal (DVCQG) record: what each of its structures means at the counter.

The portal's structure is not to be taken literally (docs/catalog-rules.md gives the rules with the
counts over the 402 real records kept in tests/fixtures/dvcqg):

* ``executionCases[]`` are *groups*: a case the citizen is in ("Đối với trường hợp …"), or a part
  of every dossier (unnamed, "Giấy tờ phải nộp", "Giấy tờ phải xuất trình", "Lưu ý");
* each ``profileComponents[]`` entry is a document handed in, a document shown and handed back,
  a heading introducing the items under it, or a note — 0 originals and 0 copies alone decides none
  of these;
* ``cases[]`` carry terms of their own, used where a channel's term is not computable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from counter_app.domain.appointment import Term, TermUnit
from counter_app.domain.errors import Message
from counter_app.domain.text import normalize, search_key
from counter_app.services.catalog_format import (
    CaseRecord,
    ChannelRecord,
    DocumentRecord,
    ProcedureRecord,
    clean_document_name,
    decimal_text,
    read_count,
)

_CHANNELS = {"DIRECT": "direct", "ONLINE": "online", "POSTAL": "postal"}
_UNITS = {"WORKING_DAY": "working_day", "DAY": "day", "HOUR": "hour"}

# Group kinds. Matched on the folded heading (no tone marks, đ → d, lower case, bullets removed).
COMMON, SUBMIT_PART, SHOW_PART, NOTE_PART, ALTERNATIVE = "common", "submit", "show", "note", "alternative"
_NOTE_WORDS = re.compile(r"^(luu y|ghi chu|chu y|vi du)\b")
_SUBMIT_HEADING = re.compile(r"^(giay to phai nop|thanh pha[nm] ho so)")
_CONDITION = re.compile(r"\b(truong hop|doi voi)\b")
# A line with no counts that ends like this introduces the items under it.
_HEADING_END = re.compile(r"(:|\bgom|\bcac giay to sau|\bsau day|\bbao gom|\btai lieu sau)$")
# A line with no counts that starts with a document noun is still a document (counts unstated).
_DOCUMENT_START = re.compile(
    r"^(giay|ban |van ban|to khai|don |mau |ho chieu|so |hop dong|quyet dinh|bao cao|danh sach|phieu"
    r"|chung cu|chung tu|trich luc|bien ban|tai lieu|anh |mot trong|cac giay|xuat trinh)"
)
# Conditional documents cannot be required of everyone: "… (nếu có)", "… (nếu người yêu cầu nộp
# trực tiếp)", "Trường hợp …", "Đối với …", "Nếu …", "… trong trường hợp …". A "nếu" inside the
# sentence ("Giấy chứng sinh; nếu không có … thì …") offers a substitute for a required document.
_CONDITIONAL = re.compile(r"(\bneu co\b|\(\s*neu\b|^(truong hop|doi voi|neu)\b|\btrong truong hop\b)")
# "…, hồ sơ gồm:" closing a case heading adds nothing to the case's name.
_CASE_TAIL = re.compile(r"[\s,;]*(thi\s+)?(ho so\s+)?(bao\s+)?gom(\s+cac giay to sau(\s+day)?)?\s*:?\s*$")


def _key(text: str) -> str:
    return search_key(clean_document_name(text)).lstrip("* ")


def group_kind(name: str) -> str:
    """What an ``executionCases`` group is: one of COMMON, SUBMIT_PART, SHOW_PART, NOTE_PART,
    ALTERNATIVE (a case the citizen is in)."""
    key = _key(name)
    if not key:
        return COMMON
    if _NOTE_WORDS.match(key):
        return NOTE_PART
    if key.startswith("giay to") and "xuat trinh" in key:
        return SHOW_PART
    if _SUBMIT_HEADING.match(key) and not _CONDITION.search(key):
        return SUBMIT_PART
    return ALTERNATIVE


def document_kind(group: str, name: str, original_qty: int, copy_qty: int) -> str:
    """submit | show | heading | note for one entry of a group of kind ``group``."""
    key = _key(name)
    if group == NOTE_PART or _NOTE_WORDS.match(key):
        return "note"  # even with counts: "Lưu ý: …" 1/1 is a remark, not a document
    if key.startswith("xuat trinh"):
        return "show"
    if original_qty == 0 and copy_qty == 0:
        if _HEADING_END.search(key.rstrip(" .;")):
            return "heading"
        if not _DOCUMENT_START.match(key):
            return "note"
    return "show" if group == SHOW_PART else "submit"


def is_required(kind: str, name: str) -> bool:
    """The portal's own "required" flag is false on every entry, so it says nothing: a document is
    required unless it is conditional or introduces a list; headings and notes never are."""
    if kind not in ("submit", "show"):
        return False
    key = _key(name)
    return not (key.endswith(":") or _CONDITIONAL.search(key))


def case_title(name: str) -> str:
    """A group heading as a case name: "* Đăng ký tạm trú theo danh sách, hồ sơ gồm:" →
    "Đăng ký tạm trú theo danh sách"."""
    text = clean_document_name(name).strip(" *:")
    folded = search_key(text)
    tail = _CASE_TAIL.search(folded)
    if tail and tail.start() > 0:
        # search_key keeps one character per character of NFC Vietnamese text, except collapsed
        # whitespace: cut on the words, counted from the end.
        keep = len(folded[: tail.start()].split())
        text = " ".join(text.split()[:keep])
    return text.strip(" ,;:")


@dataclass(frozen=True)
class _Group:
    kind: str
    title: str
    documents: list[DocumentRecord]


def _group(raw_case: dict[str, Any]) -> _Group:
    raw_name = str(raw_case.get("name") or "")
    kind = group_kind(raw_name)
    title = case_title(raw_name) if kind == ALTERNATIVE else clean_document_name(raw_name).strip(" *:")
    documents = []
    for component in raw_case.get("profileComponents") or []:
        name = clean_document_name(str(component.get("name") or ""))
        if not name:
            continue
        originals = read_count(component.get("originalQty"), "Số bản chính")
        copies = read_count(component.get("copyQty"), "Số bản sao")
        doc_kind = document_kind(kind, name, originals, copies)
        documents.append(
            DocumentRecord(
                name=name,
                code=str(component.get("code") or ""),
                original_qty=originals,
                copy_qty=copies,
                required=is_required(doc_kind, name),
                kind=doc_kind,
                part=title,
            )
        )
    return _Group(kind, title, documents)


GENERAL_CASE = "Trường hợp chung"


def cases_from_groups(raw_cases: list[dict[str, Any]]) -> list[CaseRecord]:
    """The intake cases: one per alternative group, each with every common part around it in the
    portal's order; a single unnamed case when there is no alternative. When the common parts hold
    documents of their own, they are also a case on their own ("Trường hợp chung"), for a citizen
    in none of the alternatives (e.g. "… thì phải có thêm các tài liệu sau" adds to them)."""
    groups = [_group(raw) for raw in raw_cases]
    alternatives = [g for g in groups if g.kind == ALTERNATIVE]
    if not alternatives:
        return [CaseRecord("", [d for g in groups for d in g.documents])]

    def around(chosen: _Group | None) -> list[DocumentRecord]:
        return [d for g in groups if g.kind != ALTERNATIVE or g is chosen for d in g.documents]

    cases = [CaseRecord(g.title, around(g)) for g in alternatives]
    if any(d.kind in ("submit", "show") for d in around(None)):
        cases.insert(0, CaseRecord(GENERAL_CASE, around(None)))
    return cases


def _term_unit(raw_unit: str, amount: Decimal) -> tuple[str, Decimal] | None:
    if raw_unit == "MONTH":
        return "day", amount * 30  # a month counted as 30 calendar days
    unit = _UNITS.get(raw_unit)
    if unit is None:
        return None
    return ("same_day" if amount == 0 and unit != "hour" else unit), amount


def _number(value: Any) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    amount = Decimal(str(value))
    if not amount.is_finite() or amount < 0:
        raise ValueError(Message("Thời hạn giải quyết phải là số không âm (gặp {amount!r})", amount=value))
    return amount


def case_terms(raw_cases: list[dict[str, Any]]) -> list[dict[str, str]]:
    """The computable terms of the portal's ``cases[]``, each once, in the portal's order."""
    terms: list[dict[str, str]] = []
    for raw in raw_cases:
        day = raw.get("processingDay") or {}
        amount = _number(day.get("qty"))
        unit = _term_unit(str(day.get("type") or ""), amount) if amount is not None else None
        if unit is None:
            continue
        item = {
            "name": normalize(str(raw.get("name") or "")),
            "amount": decimal_text(unit[1]),
            "unit": unit[0],
        }
        if item not in terms:
            terms.append(item)
    return terms


def channel_from_method(method: dict[str, Any]) -> ChannelRecord:
    channel = _CHANNELS.get(str(method.get("submissionMethod")))
    if channel is None:
        raise ValueError(Message("kênh nộp không rõ: {channel!r}", channel=method.get("submissionMethod")))
    raw_time, raw_unit = method.get("processingTime"), str(method.get("processingTimeUnit") or "OTHER")
    description = normalize(str(method.get("description") or ""))
    amount = _number(raw_time)
    unit_amount = _term_unit(raw_unit, amount) if amount is not None else None
    if amount is None:
        unit, amount = "none", Decimal(0)
        if raw_time not in (None, ""):
            # Free-text terms ("Không quá 15 ngày …") cannot be computed: the text is kept.
            description = normalize(str(raw_time)) + (f" — {description}" if description else "")
    elif unit_amount is None:
        unit = "none"
        if not description:
            description = f"{raw_time} (đơn vị thời gian không ghi trên Cổng DVCQG)"
        amount = Decimal(0)
    else:
        unit, amount = unit_amount
        if raw_unit == "MONTH":
            description = (description + f" ({raw_time} tháng)").strip()
    fees = [
        {
            "kind": str(fee.get("type") or "FEE"),
            "amount_vnd": int(fee["value"]) if isinstance(fee.get("value"), int | float) else None,
            "description": normalize(str(fee.get("description") or "")),
        }
        for fee in method.get("fees") or []
    ]
    return ChannelRecord(channel, decimal_text(amount), unit, description, fees)


def _one_per_channel(channels: list[ChannelRecord]) -> list[ChannelRecord]:
    """Some records list several terms for one channel (per case, or for remote communes): the first
    is kept as the computable term and the others are named in its description, so the guide
    still shows them."""
    kept: dict[str, ChannelRecord] = {}
    for item in channels:
        first = kept.get(item.channel)
        if first is None:
            kept[item.channel] = item
        else:
            stated = (
                item.description
                if item.unit == "none"
                else Term(Decimal(item.amount), TermUnit(item.unit)).label  # type: ignore[arg-type]
            )
            other = f"Trường hợp khác: {stated}"
            first.description = "; ".join(x for x in (first.description, other) if x)
    return list(kept.values())


def record_from_portal(data: dict[str, Any]) -> ProcedureRecord:
    code, name = data.get("code"), data.get("name")
    if not isinstance(code, str) or not code.strip() or not isinstance(name, str) or not name.strip():
        raise ValueError(Message("thiếu mã hoặc tên thủ tục"))
    category = (data.get("categoriesDetails") or [None])[0] or data.get("category") or {}
    levels = [lvl for key, lvl in (("isProvince", "province"), ("isWard", "ward")) if data.get(key)]
    channels = sorted(
        (channel_from_method(m) for m in data.get("executionMethods") or []), key=lambda c: c.channel
    )
    return ProcedureRecord(
        code=code.strip(),
        name=normalize(name),
        field_code=str(category.get("code") or ""),
        field_name=normalize(str(category.get("name") or "")),
        level=",".join(levels),
        full_online=bool(data.get("isFullProcess")),
        cases=cases_from_groups(data.get("executionCases") or []),
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
        case_terms=case_terms(data.get("cases") or []),
    )
