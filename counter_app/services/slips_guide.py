"""The guidance slip's data from the catalogue: a procedure's case, printable with no dossier."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from counter_app.documents.model import DocumentLine, GuidanceData, ProcessingTime
from counter_app.domain.errors import ValidationError
from counter_app.domain.lifecycle import CHANNEL_LABELS, Channel
from counter_app.services.actor import Actor
from counter_app.services.catalog import load_current_version
from counter_app.services.offices import get_office
from counter_app.services.slips_common import FORM_VERSION, Built, GuideKey, fee_lines, office_info, term_text

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
            f"Thủ tục {gk.procedure_code} không có trường hợp số {gk.case_no} "
            f"(có {len(version.cases)} trường hợp).",
            field="case_no",
        )
    case = version.cases[gk.case_no - 1]
    office = get_office(session, actor.office_id)
    documents = tuple(
        DocumentLine(
            d.name if d.required or "nếu có" in d.name.lower() else f"{d.name} (nếu có)",
            d.original_qty,
            d.copy_qty,
        )
        for d in case.documents
    )
    times = tuple(
        ProcessingTime(CHANNEL_LABELS[Channel(t.channel)], term_text(t.amount, t.unit, t.description))
        for t in version.channels
    )
    requirements = version.requirements.strip()
    data = GuidanceData(
        office=office_info(office),
        procedure_code=gk.procedure_code,
        procedure_name=version.name,
        field_name=version.field.name if version.field else "",
        level=", ".join(LEVELS.get(x, x) for x in version.level.split(",") if x),
        documents=documents,
        processing_times=times,
        submit_at=", ".join(x for x in (office.name, office.address) if x),
        receive_at=RECEIVE_AT,
        guiding_officer=actor.full_name if actor.user_id is not None else "",
        printed_at=now,
        case_name=case.name if len(version.cases) > 1 else "",
        fees=fee_lines(version, "direct"),
        legal_bases=tuple(_legal_basis(b) for b in version.legal_bases if b.get("name") or b.get("code")),
        results=tuple(r["name"] for r in version.results if r.get("name")),
        notes=(requirements,) if requirements.lower().rstrip(".") not in NO_REQUIREMENT else (),
        form_version=FORM_VERSION,
    )
    local = now.astimezone(ZoneInfo(office.timezone))
    stem = f"guide-{gk.procedure_code}-{gk.case_no}-{local:%Y%m%dT%H%M%S}"
    return Built(data, str(gk), stem, office, None)


def _legal_basis(basis: dict[str, str]) -> str:
    """'Nghị định số 123/2015/NĐ-CP …' as written; the code is added when the name does not say it."""
    code, name = basis.get("code", "").strip(), basis.get("name", "").strip()
    if not name:
        return code
    return name if not code or code in name else f"{code}: {name}"
