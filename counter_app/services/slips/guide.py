"""The guidance slip's data from the catalogue: a procedure's case, printable with no dossier."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from counter_app.db.models import ProcedureVersion
from counter_app.documents.slip_data import DocumentLine, FeeLine, GuidanceData, ProcessingTime
from counter_app.domain.errors import ValidationError
from counter_app.domain.lifecycle import CHANNEL_LABELS, Channel
from counter_app.services.actor import Actor
from counter_app.services.catalog import load_current_version
from counter_app.services.offices import get_office
from counter_app.services.procedure_terms import stated_terms
from counter_app.services.slips.common import FORM_VERSION, Built, GuideKey, fee_lines, office_info, term_text

LEVELS = {"province": "Cấp tỉnh", "ward": "Cấp xã"}
RECEIVE_AT = "Tại nơi nộp hồ sơ hoặc qua dịch vụ bưu chính công ích (nếu có yêu cầu)"
NO_REQUIREMENT = ("", "không", "không quy định", "không có")


def guide_key(key: object) -> GuideKey:
    if isinstance(key, str):
        key = GuideKey(key)
    if not isinstance(key, GuideKey) or not key.procedure_code.strip():
        raise ValidationError("Phiếu hướng dẫn cần mã thủ tục.", field="procedure")
    if key.case_no < 1:
        raise ValidationError("Số trường hợp phải từ 1.", field="case_no")
    return GuideKey(key.procedure_code.strip(), key.case_no)


def build_guide(session: Session, actor: Actor, key: object, now: datetime) -> Built:
    gk = guide_key(key)
    version = load_current_version(session, gk.procedure_code)
    if gk.case_no > len(version.cases):
        raise ValidationError(
            "Thủ tục {procedure_code} không có trường hợp số {case_no} (có {count} trường hợp).",
            procedure_code=gk.procedure_code,
            case_no=gk.case_no,
            count=len(version.cases),
            field="case_no",
        )
    case = version.cases[gk.case_no - 1]
    office = get_office(session, actor.office_id)
    documents = tuple(
        DocumentLine(_guide_name(d.name, d.kind, d.required), d.original_qty, d.copy_qty, kind=d.kind)
        for d in case.documents
    )
    requirements = version.requirements.strip()
    data = GuidanceData(
        office=office_info(office, now),
        procedure_code=gk.procedure_code,
        procedure_name=version.name,
        field_name=version.field.name if version.field else "",
        level=", ".join(LEVELS.get(x, x) for x in version.level.split(",") if x),
        documents=documents,
        processing_times=processing_times(version, case.name),
        submit_at=", ".join(x for x in (office.name, office.address) if x),
        receive_at=RECEIVE_AT,
        guiding_officer=actor.full_name if actor.user_id is not None else "",
        printed_at=now,
        case_name=case.name if len(version.cases) > 1 else "",
        fees=_every_channel_fees(version),
        legal_bases=tuple(_legal_basis(b) for b in version.legal_bases if b.get("name") or b.get("code")),
        results=tuple(r["name"] for r in version.results if r.get("name")),
        notes=(requirements,) if requirements.lower().rstrip(".") not in NO_REQUIREMENT else (),
        form_version=FORM_VERSION,
    )
    local = now.astimezone(ZoneInfo(office.timezone))
    stem = f"guide-{gk.procedure_code}-{gk.case_no}-{local:%Y%m%dT%H%M%S}"
    return Built(data, str(gk), stem, office, None)


def _guide_name(name: str, kind: str, required: bool) -> str:
    """A document not required of everyone says so; headings and notes are printed as they are."""
    if kind not in ("submit", "show") or required or "nếu có" in name.lower():
        return name
    return f"{name} (nếu có)"


def processing_times(version: ProcedureVersion, case_name: str) -> tuple[ProcessingTime, ...]:
    """Each channel's term in its own words; where a channel's term is not computable and the
    portal states terms per case, each of those too (the appointment takes the latest of them,
    docs/catalog-rules.md), so the citizen hears every stated term."""
    times: list[ProcessingTime] = []
    for t in version.channels:
        label = CHANNEL_LABELS[Channel(t.channel)]
        times.append(ProcessingTime(label, term_text(t.amount, t.unit, t.description)))
        if t.unit == "none" and version.case_terms:
            for name, term in stated_terms(version, case_name):
                times.append(ProcessingTime(label, f"{term.label} (trường hợp: {name or 'chung'})"))
    return tuple(times)


def _every_channel_fees(version: ProcedureVersion) -> tuple[FeeLine, ...]:
    """The fees of every channel: once when all channels charge alike, else each line under its
    channel's name (online and postal fees often differ from the counter's)."""
    by_channel = {t.channel: fee_lines(version, t.channel) for t in version.channels}
    distinct = set(by_channel.values())
    if len(distinct) <= 1:
        return next(iter(distinct), ())
    return tuple(
        FeeLine(f"{CHANNEL_LABELS[Channel(channel)]}: {line.label}", line.amount_vnd)
        for channel, lines in by_channel.items()
        for line in lines
    )


def _legal_basis(basis: dict[str, str]) -> str:
    """'Nghị định số 123/2015/NĐ-CP …' as written; the code is added when the name does not say it."""
    code, name = basis.get("code", "").strip(), basis.get("name", "").strip()
    if not name:
        return code
    return name if not code or code in name else f"{code}: {name}"
