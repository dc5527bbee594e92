"""At the counter: guidance, receiving (accept), supplement request at intake, refusal."""

from __future__ import annotations

import functools
import hashlib
import json
import uuid
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime

from sqlalchemy import Insert, Update, bindparam, select, update
from sqlalchemy.orm import Session

from counter_app.db.database import Database
from counter_app.db.event_log import (
    EVENT_STATEMENTS,
    book_counter,
    bound,
    bound_row,
    chained_event,
    event_params,
    lock_head,
    take_numbers,
    write_together,
)
from counter_app.db.models import (
    Applicant,
    Dossier,
    DossierDocument,
    Event,
    GuidanceRecord,
    Office,
    PendingIntake,
)
from counter_app.db.tables import new_id
from counter_app.domain import text_limits
from counter_app.domain.appointment import Policy, latest_appointment
from counter_app.domain.dossier_code import format_code
from counter_app.domain.errors import ValidationError
from counter_app.domain.lifecycle import Channel, Status
from counter_app.domain.masking import mask_search
from counter_app.domain.text import normalize
from counter_app.domain.text_limits import check_length, check_representative
from counter_app.services.actor import Actor, Role, require_role
from counter_app.services.applicants import (
    ApplicantInput,
    applicant_snapshot,
    find_applicant,
    find_or_create_applicant,
    validate_applicant,
)
from counter_app.services.audit_trail import audit
from counter_app.services.catalog_snapshot import (
    CaseSnapshot,
    DocumentSnapshot,
    VersionSnapshot,
    current_snapshot,
    snapshot_of,
)
from counter_app.services.event_log import record
from counter_app.services.office_catalog import check_receivable, effective_terms, settings_of
from counter_app.services.offices import calendar_for, get_office, local_date
from counter_app.services.procedure_terms import terms_for, terms_label

_DOSSIERS = Dossier.__table__
_DOCUMENTS = DossierDocument.__table__
_PENDING = PendingIntake.__table__
INTAKE_KEY = 64  # dossiers.intake_token, String(64)


@dataclass(frozen=True)
class IntakeRequest:
    procedure_code: str
    applicant: ApplicantInput
    case_no: int = 1
    channel: str = "direct"
    # Ordinals of the case's documents handed over; None means every document.
    provided: tuple[int, ...] | None = None
    return_method: str = "counter"  # counter | post
    postal_address: str | None = None
    representative: dict[str, str] | None = None
    pending_intake_id: uuid.UUID | None = None
    # The client's key of this intake (the desktop's form, a script's «request_id»): the same key
    # again returns the dossier it made, so a retry after a lost answer makes no second dossier.
    intake_token: str | None = None


@dataclass(frozen=True)
class MissingDocument:
    ordinal: int
    name: str
    original_qty: int
    copy_qty: int


@dataclass(frozen=True)
class ReceiveResult:
    dossier_id: uuid.UUID
    code: str
    received_at: datetime
    appointment_at: datetime | None
    status: str
    repeated: bool = False  # the request's key had made this dossier already: nothing new written


@dataclass(frozen=True)
class SupplementAtIntakeResult:
    pending_intake_id: uuid.UUID
    missing: list[MissingDocument] = field(default_factory=list)


@dataclass(frozen=True)
class _Prepared:
    office: Office
    version: VersionSnapshot
    case: CaseSnapshot
    channel: Channel
    applicant: ApplicantInput
    provided: list[DocumentSnapshot]
    missing: list[DocumentSnapshot]


def _prepare(session: Session, actor: Actor, req: IntakeRequest) -> _Prepared:
    applicant = validate_applicant(req.applicant)
    check_representative(req.representative)
    try:
        channel = Channel(req.channel)
    except ValueError:
        raise ValidationError(
            "Kênh nộp «{channel}» không hợp lệ.", channel=req.channel, field="channel"
        ) from None
    version = current_snapshot(session, req.procedure_code)
    if not 1 <= req.case_no <= len(version.cases):
        raise ValidationError(
            "Thủ tục {procedure_code} không có trường hợp số {case_no}.",
            procedure_code=req.procedure_code,
            case_no=req.case_no,
            field="case_no",
        )
    case = version.cases[req.case_no - 1]
    documents = [d for d in case.documents if d.tickable]  # headings and notes are only read
    ordinals = {d.ordinal for d in documents} if req.provided is None else set(req.provided)
    unknown = ordinals - {d.ordinal for d in documents}
    if unknown:
        raise ValidationError(
            "Giấy tờ số {unknown} không có trong danh sách giấy tờ nộp hoặc xuất trình.",
            unknown=sorted(unknown),
            field="provided",
        )
    provided = [d for d in documents if d.ordinal in ordinals]
    missing = [d for d in documents if d.required and d.ordinal not in ordinals]
    office = get_office(session, actor.office_id)
    return _Prepared(office, version, case, channel, applicant, provided, missing)


def _missing(docs: list[DocumentSnapshot]) -> list[MissingDocument]:
    return [MissingDocument(d.ordinal, d.name, d.original_qty, d.copy_qty) for d in docs]


def receive(db: Database, actor: Actor, req: IntakeRequest, *, now: datetime) -> ReceiveResult:
    """Accept a complete dossier: code, appointment, documents, state and event together."""
    require_role(actor, Role.OFFICER, "tiếp nhận hồ sơ")
    if req.return_method not in ("counter", "post"):
        raise ValidationError(
            "Hình thức nhận kết quả phải là tại quầy hoặc qua bưu chính.", field="return_method"
        )
    postal_address = normalize(req.postal_address or "") or None
    if req.return_method == "post" and not postal_address:
        raise ValidationError("Vui lòng nhập địa chỉ nhận kết quả qua bưu chính.", field="postal_address")
    if postal_address:
        check_length(postal_address, text_limits.ADDRESS, "Địa chỉ nhận kết quả", "postal_address")
    if req.intake_token is not None:
        check_length(req.intake_token, INTAKE_KEY, "Mã yêu cầu", "request_id")
    with db.write() as session:
        if req.intake_token:
            existing = session.execute(
                select(Dossier).where(Dossier.intake_token == req.intake_token)
            ).scalar_one_or_none()
            if existing is not None:
                _require_same_request(session, existing, req)
                return replace(_result(existing), repeated=True)
        prep = _prepare(session, actor, req)
        if prep.missing:
            names = "; ".join(d.name for d in prep.missing)
            raise ValidationError(
                "Hồ sơ còn thiếu {count} giấy tờ bắt buộc: {names}. Hãy lập Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.",
                count=len(prep.missing),
                names=names,
                field="provided",
            )
        calendar = calendar_for(session, prep.office)
        settings = check_receivable(session, prep.office.id, req.procedure_code)
        terms = effective_terms(settings, prep.version, prep.channel, prep.case.name)
        legal = terms_for(prep.version, prep.channel, prep.case.name)
        appointment_at = latest_appointment(now, terms, calendar, Policy(prep.office.time_policy))
        return _write_dossier(
            session,
            db,
            actor,
            prep,
            now,
            req,
            Status.RECEIVED,
            "received",
            {
                "procedure": req.procedure_code.strip(),
                "version": prep.version.version_no,
                "case": req.case_no,
                "channel": str(prep.channel),
                "appointment_at": appointment_at.isoformat() if appointment_at else None,
                "term": terms_label(terms),
                # The catalogue's own term, when the office publishes a shorter one.
                **({"legal_term": terms_label(legal)} if legal != terms else {}),
                "documents": [d.ordinal for d in prep.provided],
                **({"request_digest": request_digest(req)} if req.intake_token else {}),
            },
            appointment_at=appointment_at,
            legal_due_at=appointment_at,
            return_method=req.return_method,
            postal_address=postal_address,
        )


def _write_dossier(
    session: Session,
    db: Database,
    actor: Actor,
    prep: _Prepared,
    now: datetime,
    req: IntakeRequest,
    status: Status,
    kind: str,
    payload: dict[str, object],
    **fields: object,
) -> ReceiveResult:
    """Write the dossier, its documents and its event (``kind``, ``payload`` + the code).

    Every counter of an office takes the same rows for each dossier — the day's number and the
    register book's line — and holds them until its commit (that is what keeps them gapless when
    a transaction rolls back, and in commit order). So all the rest comes first: the checks and
    reads (done by the caller), the applicant's row, every value of the new rows. The hot rows come
    last, in a fixed order: this workstation's chain head (no other workstation writes it), then
    the counters (``event_log.take_numbers``); after them only one statement writes the dossier, its
    documents, its event and the head (``event_log.write_together``), and the commit: three round
    trips on PostgreSQL while the office's numbers are held (issue 11).
    """
    applicant = find_or_create_applicant(session, prep.applicant)
    session.flush()  # the applicant, and anything else pending, before the hot rows
    day = local_date(prep.office, now)
    dossier: dict[str, object] = {
        "id": new_id(),
        "office_id": prep.office.id,
        "procedure_version_id": prep.version.id,
        "case_id": prep.case.id,
        "field_id": prep.version.field_id,
        "channel": str(prep.channel),
        "applicant_id": applicant.id,
        "representative": req.representative,
        "received_at": now,
        "received_local_date": day,
        "received_by_id": actor.user_id,
        "status": str(status),
        "intake_token": req.intake_token,
        "return_method": "counter",
        "postal_address": None,
        "appointment_at": None,
        "legal_due_at": None,
        "register_seq": None,
        "apology_count": 0,
        "note": "",
        **fields,
    }
    params = bound("d_", dossier)
    for i, d in enumerate(prep.provided):
        document = {
            "id": new_id(),
            "dossier_id": dossier["id"],
            "required_document_id": d.id,
            "ordinal": d.ordinal,
            "name": d.name,
            "original_qty": d.original_qty,
            "copy_qty": d.copy_qty,
            "kind": d.kind,
        }
        params |= bound(f"doc{i}_", document)
    # The return visit that completes a supplement-requested intake closes it.
    pending = status is Status.RECEIVED and req.pending_intake_id is not None
    if pending:
        params |= {"pending_id": req.pending_intake_id, "pending_dossier_id": dossier["id"]}
    unit = prep.office.identifier_code
    counters = [(unit, day)]
    if status is Status.RECEIVED:  # refused dossiers are not entered in the register book
        counters.append(book_counter(unit, day.year))

    head = lock_head(session, db.node_id)
    numbers = take_numbers(session, counters)
    code = format_code(unit, day, numbers[0])
    params["d_code"] = code
    if status is Status.RECEIVED:
        params["d_register_seq"] = numbers[1]
    event = chained_event(
        head,
        node_id=db.node_id,
        kind=kind,
        actor=actor.as_event_actor(),
        occurred_at=now,
        local_date=day,
        office_id=prep.office.id,
        dossier_id=dossier["id"],  # type: ignore[arg-type]
        # Every fact of the intake in its event (issue 14): who it was received from as the row now
        # stands (a later intake may update the shared applicant row; the dossier keeps this), how
        # the result is to be returned, the representative.
        payload={
            "code": code,
            **payload,
            # The field the dossier counts in: the province's reports put it in the same row as
            # the office's own (issue 15), whatever the province's catalogue says of the code.
            "field": prep.version.field_code,
            "applicant": applicant_snapshot(applicant),
            "return_method": dossier["return_method"],
            "postal_address": dossier["postal_address"],
            "representative": dossier["representative"],
        },
    )
    write_together(session, _dossier_statements(len(prep.provided), pending), params | event_params(event))
    return ReceiveResult(
        dossier["id"],  # type: ignore[arg-type]
        code,
        now,
        dossier["appointment_at"],  # type: ignore[arg-type]
        str(status),
    )


_DOSSIER_COLUMNS = (
    "id",
    "code",
    "office_id",
    "procedure_version_id",
    "case_id",
    "field_id",
    "channel",
    "applicant_id",
    "representative",
    "received_at",
    "received_local_date",
    "received_by_id",
    "status",
    "intake_token",
    "return_method",
    "postal_address",
    "appointment_at",
    "legal_due_at",
    "register_seq",
    "apology_count",
    "note",
)
_DOCUMENT_COLUMNS = (
    "id",
    "dossier_id",
    "required_document_id",
    "ordinal",
    "name",
    "original_qty",
    "copy_qty",
    "kind",
)


@functools.cache
def _dossier_statements(documents: int, pending: bool) -> tuple[Insert | Update, ...]:
    """What ``_write_dossier`` runs once it holds the numbers, built once per shape."""
    statements: list[Insert | Update] = [bound_row(_DOSSIERS, _DOSSIER_COLUMNS, "d_")]
    statements += [bound_row(_DOCUMENTS, _DOCUMENT_COLUMNS, f"doc{i}_") for i in range(documents)]
    if pending:
        statements.append(
            update(_PENDING)
            .where(_PENDING.c.id == bindparam("pending_id"), _PENDING.c.state == "open")
            .values(state="received", dossier_id=bindparam("pending_dossier_id"))
        )
    return (*statements, *EVENT_STATEMENTS)


def request_digest(req: IntakeRequest) -> str:
    """What an intake asks for (its key aside), hashed: a retry under the same key must ask the same."""
    content = asdict(replace(req, intake_token=None))
    text = json.dumps(content, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _require_same_request(session: Session, existing: Dossier, req: IntakeRequest) -> None:
    """The key's first request made ``existing``; a different request under it is refused (a
    script reusing a key by mistake must not get someone else's dossier back as its own)."""
    payload = session.execute(
        select(Event.payload).where(Event.dossier_id == existing.id, Event.kind == "received").limit(1)
    ).scalar_one_or_none()
    digest = (payload or {}).get("request_digest")
    if digest is not None and digest != request_digest(req):
        raise ValidationError(
            "Mã yêu cầu «{key}» đã dùng cho hồ sơ {code} với nội dung khác: không tiếp nhận lại. "
            "Mỗi hồ sơ mới cần một mã yêu cầu mới.",
            key=req.intake_token,
            code=existing.code,
            field="request_id",
        )


def _result(dossier: Dossier) -> ReceiveResult:
    return ReceiveResult(
        dossier.id, dossier.code, dossier.received_at, dossier.appointment_at, dossier.status
    )


def request_supplement_at_intake(
    db: Database, actor: Actor, req: IntakeRequest, reason: str, *, now: datetime
) -> SupplementAtIntakeResult:
    """Record the complete list of what is missing (phiếu 02) and keep the intake for the return visit."""
    require_role(actor, Role.OFFICER, "yêu cầu bổ sung hồ sơ")
    check_length(normalize(reason or ""), text_limits.REASON, "Nội dung cần bổ sung", "reason")
    with db.write() as session:
        prep = _prepare(session, actor, req)
        if not prep.missing and not normalize(reason):
            raise ValidationError(
                "Hồ sơ đã đủ giấy tờ bắt buộc; hãy ghi rõ nội dung cần bổ sung, hoàn thiện.", field="reason"
            )
        applicant = find_or_create_applicant(session, prep.applicant)
        session.flush()
        pending = PendingIntake(
            office_id=prep.office.id,
            applicant_id=applicant.id,
            procedure_version_id=prep.version.id,
            case_id=prep.case.id,
            channel=str(prep.channel),
            created_at=now,
            reason=normalize(reason),
            provided=[{"ordinal": d.ordinal, "name": d.name} for d in prep.provided],
            missing=[
                {
                    "ordinal": d.ordinal,
                    "name": d.name,
                    "original_qty": d.original_qty,
                    "copy_qty": d.copy_qty,
                    "kind": d.kind,
                }
                for d in prep.missing
            ],
        )
        session.add(pending)
        session.flush()
        record(
            session,
            db,
            actor,
            "intake_supplement_requested",
            now,
            office=prep.office,
            payload={
                "pending_intake_id": str(pending.id),
                "procedure": req.procedure_code.strip(),
                "missing": [d.ordinal for d in prep.missing],
                "reason": pending.reason,
                "applicant": applicant_snapshot(applicant),  # the intake updated the shared row: its state
            },
        )
        return SupplementAtIntakeResult(pending.id, _missing(prep.missing))


def refuse(db: Database, actor: Actor, req: IntakeRequest, reason: str, *, now: datetime) -> ReceiveResult:
    """Refuse to receive (phiếu 03): the dossier is recorded, with its code, as refused."""
    require_role(actor, Role.OFFICER, "từ chối tiếp nhận hồ sơ")
    reason = normalize(reason or "")
    if not reason:
        raise ValidationError("Vui lòng ghi rõ lý do từ chối tiếp nhận.", field="reason")
    check_length(reason, text_limits.REASON, "Lý do từ chối", "reason")
    with db.write() as session:
        prep = _prepare(session, actor, req)
        payload: dict[str, object] = {"procedure": req.procedure_code.strip(), "reason": reason}
        return _write_dossier(
            session, db, actor, prep, now, req, Status.REFUSED, "refused", payload, note=reason
        )


def record_guidance(db: Database, actor: Actor, procedure_code: str, case_no: int, *, now: datetime) -> None:
    """Count a guidance given (hướng dẫn một lần, đầy đủ)."""
    require_role(actor, Role.OFFICER, "ghi nhận hướng dẫn")
    with db.write() as session:
        version = current_snapshot(session, procedure_code)
        if not 1 <= case_no <= len(version.cases):
            raise ValidationError(
                "Thủ tục {procedure_code} không có trường hợp số {case_no}.",
                procedure_code=procedure_code,
                case_no=case_no,
                field="case_no",
            )
        office = get_office(session, actor.office_id)
        session.add(
            GuidanceRecord(
                office_id=office.id,
                procedure_version_id=version.id,
                case_id=version.cases[case_no - 1].id,
                officer_id=actor.user_id,
                given_at=now,
                local_date=local_date(office, now),
            )
        )
        record(
            session,
            db,
            actor,
            "guidance_given",
            now,
            office=office,
            payload={"procedure": procedure_code.strip(), "case": case_no},
        )


def preview_appointment(
    db: Database, actor: Actor, procedure_code: str, channel: str, *, at: datetime, case_no: int = 1
) -> datetime | None:
    """The appointment a receipt at ``at`` would get (the form shows it live)."""
    with db.read() as session:
        version = current_snapshot(session, procedure_code)
        office = get_office(session, actor.office_id)
        case_name = version.cases[case_no - 1].name if 1 <= case_no <= len(version.cases) else ""
        terms = effective_terms(settings_of(session, office.id, procedure_code), version, channel, case_name)
        return latest_appointment(at, terms, calendar_for(session, office), Policy(office.time_policy))


def open_pending_intakes(db: Database, id_number: str) -> list[uuid.UUID]:
    """Open supplement-requested intakes of an applicant, newest first (for pre-filling)."""
    if not id_number.strip():
        raise ValidationError("Chưa nhập số CCCD.", field="id_number")
    with db.read() as session:
        rows = session.execute(
            select(PendingIntake.id)
            .join(Applicant, PendingIntake.applicant_id == Applicant.id)
            .where(Applicant.id_number == id_number.strip(), PendingIntake.state == "open")
            .order_by(PendingIntake.created_at.desc())
        ).scalars()
        return list(rows)


@dataclass(frozen=True)
class PendingIntakeView:
    """What a return visit pre-fills: the procedure, case, channel and what was handed over."""

    id: uuid.UUID
    procedure_code: str
    case_no: int
    channel: str
    provided: tuple[int, ...]
    missing: tuple[int, ...]
    reason: str
    created_at: datetime


def latest_pending_intake(db: Database, id_number: str) -> PendingIntakeView | None:
    """The applicant's most recent open supplement-requested intake, if any."""
    ids = open_pending_intakes(db, id_number)
    if not ids:
        return None
    with db.read() as session:
        pending = session.get(PendingIntake, ids[0])
        assert pending is not None
        version = snapshot_of(session, pending.procedure_version_id)
        case_no = next((c.ordinal for c in version.cases if c.id == pending.case_id), 1)
        return PendingIntakeView(
            id=pending.id,
            procedure_code=version.procedure_code,
            case_no=case_no,
            channel=pending.channel,
            provided=tuple(int(d["ordinal"]) for d in pending.provided),  # type: ignore[call-overload]
            missing=tuple(int(d["ordinal"]) for d in pending.missing),  # type: ignore[call-overload]
            reason=pending.reason,
            created_at=pending.created_at,
        )


@dataclass(frozen=True)
class ReturningApplicant:
    known: ApplicantInput | None  # the last details the office has of this person
    pending: PendingIntakeView | None  # their open supplement request, to be completed


def returning_applicant(
    db: Database, actor: Actor, *, id_number: str = "", phone: str = ""
) -> ReturningApplicant:
    """What the form may pre-fill for a person typed or scanned at the counter (their details, an
    open supplement request): personal data read by number, so it is written to the audit trail
    (``applicant_prefilled``: the masked number) before it is shown — only when something was found."""
    require_role(actor, Role.OFFICER, "tiếp nhận hồ sơ")
    known = find_applicant(db, id_number=id_number, phone=phone)
    number = id_number.strip()
    pending = latest_pending_intake(db, number) if len(number) in (9, 12) else None
    if known is not None or pending is not None:
        audit(
            db,
            actor,
            "applicant_prefilled",
            subject=mask_search(number or phone),
            details={"pending": pending is not None},
        )
    return ReturningApplicant(known, pending)
