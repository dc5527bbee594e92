"""The data of the slips of one dossier, read from the database (receipt, 02–05, result receipt).

Each builder returns a ``Built``: the slip's plain data (``counter_app.documents`` dataclasses) and
what the archive needs (key, file-name stem, the dossier, and a *basis*: the state the slip shows,
so that printing again re-prints the archived slip while that state is unchanged). Dates on a
slip are those of the act it records (receipt, request, refusal …), never the printing day, so a
slip issued twice for the same act shows the same content — the office's identity included: each
builder passes the instant of its act to ``office_info`` (docs/administration.md).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.db.models import (
    Applicant,
    Dossier,
    Event,
    Office,
    PendingIntake,
    ProcedureCase,
    ProcedureVersion,
)
from counter_app.documents.slip_data import (
    ApologyData,
    DocumentLine,
    ReceiptData,
    RefusalData,
    ResultReceiptData,
    StopNoticeData,
    SupplementData,
)
from counter_app.domain.dossier_code import looks_like_code
from counter_app.domain.errors import Message, NotFoundError, TransitionError, ValidationError
from counter_app.domain.lifecycle import STATUS_LABELS, Status
from counter_app.services.dossiers import load_dossier
from counter_app.services.slips.batch import register_seq
from counter_app.services.slips.common import (
    COUNTER_RETURN,
    FORM_VERSION,
    POSTAL_RETURN,
    Built,
    actor_name,
    applicant_as_received,
    applicant_info,
    fee_lines,
    legal_term_text,
    office_info,
    snapshot_info,
    two_digits,
    user_name,
)


def _version(session: Session, version_id: uuid.UUID) -> ProcedureVersion:
    version = session.get(ProcedureVersion, version_id)
    assert version is not None
    return version


def case_name(session: Session, version: ProcedureVersion, case_id: uuid.UUID | None) -> str:
    """The case's name when the procedure has several (one case needs no name)."""
    case = session.get(ProcedureCase, case_id) if case_id is not None else None
    return case.name if case is not None and len(version.cases) > 1 else ""


def dossier_events(session: Session, dossier: Dossier, *kinds: str) -> list[Event]:
    stmt = select(Event).where(Event.dossier_id == dossier.id).order_by(Event.occurred_at, Event.seq)
    if kinds:
        stmt = stmt.where(Event.kind.in_(kinds))
    return list(session.execute(stmt).scalars())


def _last(session: Session, dossier: Dossier, kind: str, missing: str | Message) -> Event:
    events = dossier_events(session, dossier, kind)
    if not events:
        raise TransitionError(missing)
    return events[-1]


def _at(value: object) -> datetime | None:
    return datetime.fromisoformat(str(value)) if value else None


def _office(session: Session, dossier: Dossier) -> Office:
    office = session.get(Office, dossier.office_id)
    assert office is not None
    return office


def _state(dossier: Dossier) -> str:
    return STATUS_LABELS.get(Status(dossier.status), dossier.status)


def build_receipt(session: Session, dossier: Dossier) -> Built:
    received = _last(
        session,
        dossier,
        "received",
        Message("Hồ sơ {code} không được tiếp nhận (không có giấy tiếp nhận).", code=dossier.code),
    )
    version = _version(session, dossier.procedure_version_id)
    payload = received.payload
    case = session.get(ProcedureCase, dossier.case_id) if dossier.case_id is not None else None
    own_case = case.name if case is not None else ""  # named even when it is the only case (case terms)
    appointment = (
        _at(payload.get("appointment_at")) if "appointment_at" in payload else dossier.appointment_at
    )
    if dossier.return_method == "post":
        return_method = POSTAL_RETURN.format(address=dossier.postal_address or "")
    else:
        return_method = COUNTER_RETURN
    data = ReceiptData(
        office=office_info(_office(session, dossier), dossier.received_at),
        dossier_code=dossier.code,
        applicant=snapshot_info(payload) or applicant_info(dossier.applicant),
        procedure_name=version.name,
        documents=tuple(
            DocumentLine(d.name, d.original_qty, d.copy_qty, kind=d.kind or "submit")
            for d in dossier.documents
        ),
        legal_term_text=_with_legal_term(
            legal_term_text(version, dossier.channel, own_case, payload.get("term")),
            payload.get("legal_term"),
        ),
        received_at=dossier.received_at,
        appointment_at=appointment,
        return_method=return_method,
        receiving_officer=user_name(session, dossier.received_by_id, actor_name(session, received)),
        case_name=case_name(session, version, dossier.case_id),
        fees=fee_lines(version, dossier.channel),
        register_book=dossier.received_local_date.year,
        register_seq=register_seq(session, dossier),
        form_version=FORM_VERSION,
    )
    return Built(data, dossier.code, dossier.code, _office(session, dossier), "received", dossier)


def build_refusal(session: Session, dossier: Dossier) -> Built:
    if dossier.status != Status.REFUSED:
        raise TransitionError(
            "Hồ sơ {code} không bị từ chối tiếp nhận (trạng thái «{status}»).",
            code=dossier.code,
            status=Message.label(_state(dossier)),
        )
    event = _last(
        session,
        dossier,
        "refused",
        Message("Hồ sơ {code} không có sự kiện từ chối tiếp nhận.", code=dossier.code),
    )
    version = _version(session, dossier.procedure_version_id)
    data = RefusalData(
        office=office_info(_office(session, dossier), dossier.received_at),
        applicant=applicant_as_received(session, dossier),
        procedure_name=version.name,
        reason=str(event.payload.get("reason") or dossier.note),
        officer=actor_name(session, event),
        refused_at=dossier.received_at,
        dossier_code=dossier.code,
        case_name=case_name(session, version, dossier.case_id),
        form_version=FORM_VERSION,
    )
    return Built(data, dossier.code, dossier.code, _office(session, dossier), "refused", dossier)


def build_apology(session: Session, dossier: Dossier) -> Built:
    event = _last(
        session,
        dossier,
        "apologise",
        Message("Hồ sơ {code} chưa có văn bản xin lỗi, hẹn lại ngày trả kết quả.", code=dossier.code),
    )
    p = event.payload
    data = ApologyData(
        office=office_info(_office(session, dossier), event.occurred_at),
        applicant=applicant_as_received(session, dossier),
        dossier_code=dossier.code,
        procedure_name=_version(session, dossier.procedure_version_id).name,
        received_at=dossier.received_at,
        old_appointment_at=_at(p.get("old_appointment_at")),
        new_appointment_at=_at(p["new_appointment_at"]),  # type: ignore[arg-type]
        reason=str(p.get("reason") or ""),
        issued_at=event.occurred_at,
        apology_no=int(p.get("apology_no") or 1),  # type: ignore[call-overload]
        form_version=FORM_VERSION,
    )
    return Built(data, dossier.code, dossier.code, _office(session, dossier), str(event.id), dossier)


def build_stop(session: Session, dossier: Dossier) -> Built:
    if dossier.status != Status.STOPPED:
        raise TransitionError(
            "Hồ sơ {code} không bị dừng giải quyết (trạng thái «{status}»).",
            code=dossier.code,
            status=Message.label(_state(dossier)),
        )
    event = _last(
        session, dossier, "stop", Message("Hồ sơ {code} không có sự kiện dừng giải quyết.", code=dossier.code)
    )
    data = StopNoticeData(
        office=office_info(_office(session, dossier), event.occurred_at),
        applicant=applicant_as_received(session, dossier),
        dossier_code=dossier.code,
        procedure_name=_version(session, dossier.procedure_version_id).name,
        received_at=dossier.received_at,
        reason=str(event.payload.get("reason") or ""),
        legal_basis=str(event.payload.get("legal_basis") or ""),
        stopped_at=event.occurred_at,
        form_version=FORM_VERSION,
    )
    return Built(data, dossier.code, dossier.code, _office(session, dossier), "stopped", dossier)


def build_result(session: Session, dossier: Dossier) -> Built:
    if dossier.returned_at is None or not dossier.returned_to:
        raise TransitionError(
            "Hồ sơ {code} chưa trả kết quả (trạng thái «{status}»).",
            code=dossier.code,
            status=Message.label(_state(dossier)),
        )
    event = _last(
        session,
        dossier,
        "return_result",
        Message("Hồ sơ {code} không có sự kiện trả kết quả.", code=dossier.code),
    )
    to = dossier.returned_to
    version = _version(session, dossier.procedure_version_id)
    data = ResultReceiptData(
        office=office_info(_office(session, dossier), event.occurred_at),
        dossier_code=dossier.code,
        applicant=applicant_as_received(session, dossier),
        procedure_name=version.name,
        received_at=dossier.received_at,
        returned_at=dossier.returned_at,
        receiver_name=to.get("full_name", ""),
        receiver_id_number=to.get("id_number", ""),
        relation=to.get("relation", ""),
        method=to.get("method", "counter"),
        officer=actor_name(session, event),
        results=tuple(str(r.get("name", "")) for r in version.results if r.get("name")),
        tracking_number=to.get("tracking_number", ""),
        postal_address=dossier.postal_address or "",
        form_version=FORM_VERSION,
    )
    return Built(data, dossier.code, dossier.code, _office(session, dossier), "returned", dossier)


def build_supplement(session: Session, key: str) -> Built:
    """Form 02 of a dossier (supplement requested during processing) or of a pending intake (by id)."""
    if not looks_like_code(key):
        return _intake_supplement(session, key)
    dossier = load_dossier(session, key)
    event = _last(
        session,
        dossier,
        "request_supplement",
        Message("Hồ sơ {code} chưa có yêu cầu bổ sung hồ sơ.", code=dossier.code),
    )
    version = _version(session, dossier.procedure_version_id)
    data = SupplementData(
        office=office_info(_office(session, dossier), event.occurred_at),
        applicant=applicant_as_received(session, dossier),
        procedure_name=version.name,
        missing=(),
        reason=str(event.payload.get("reason") or ""),
        officer=actor_name(session, event),
        issued_at=event.occurred_at,
        dossier_code=dossier.code,
        received_at=dossier.received_at,
        case_name=case_name(session, version, dossier.case_id),
        form_version=FORM_VERSION,
    )
    return Built(data, dossier.code, dossier.code, _office(session, dossier), str(event.id), dossier)


def _intake_supplement(session: Session, key: str) -> Built:
    try:
        intake_id = uuid.UUID(key.strip())
    except ValueError:
        raise ValidationError(
            "«{key}» không phải mã hồ sơ hay mã phiếu yêu cầu bổ sung khi tiếp nhận.",
            key=key.strip(),
            field="key",
        ) from None
    pending = session.get(PendingIntake, intake_id)
    if pending is None:
        raise NotFoundError(
            "Không tìm thấy yêu cầu bổ sung khi tiếp nhận mã «{intake_id}».", intake_id=intake_id, field="key"
        )
    office = session.get(Office, pending.office_id)
    applicant = session.get(Applicant, pending.applicant_id)
    assert office is not None and applicant is not None
    event = session.execute(
        select(Event)
        .where(
            Event.kind == "intake_supplement_requested",
            Event.payload["pending_intake_id"].as_string() == str(intake_id),
        )
        .limit(1)
    ).scalar_one_or_none()
    version = _version(session, pending.procedure_version_id)
    missing = tuple(
        DocumentLine(
            str(m["name"]),
            int(m.get("original_qty") or 0),  # type: ignore[call-overload]
            int(m.get("copy_qty") or 0),  # type: ignore[call-overload]
            kind=str(m.get("kind") or "submit"),
        )
        for m in pending.missing
    )
    data = SupplementData(
        office=office_info(office, pending.created_at),
        applicant=applicant_info(applicant),
        procedure_name=version.name,
        missing=missing,
        reason=pending.reason,
        officer=actor_name(session, event) if event is not None else "",
        issued_at=pending.created_at,
        case_name=case_name(session, version, pending.case_id),
        form_version=FORM_VERSION,
    )
    return Built(data, str(intake_id), f"intake-{intake_id}", office, "intake")


def _with_legal_term(term: str, legal: object) -> str:
    """The office's published shorter term, with the law's beside it (docs/office-catalogue.md)."""
    return f"{term} (đã rút ngắn; theo quy định: {two_digits(str(legal))})" if legal else term
