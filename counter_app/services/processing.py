"""After receipt: hand-offs, supplements, financial obligations, resolution, return, withdrawal, stop,
apology, cancel.

Every action loads the dossier by code, asks the lifecycle whether the step is possible,
changes the state and writes its event in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.db.database import Database
from counter_app.db.models import (
    Agency,
    CancelledNumber,
    Dossier,
    Event,
    Office,
    ProcedureCase,
    ProcedureVersion,
)
from counter_app.domain import text_limits
from counter_app.domain.appointment import (
    Outcome,
    Policy,
    SupplementRule,
    appointment_after_supplement,
    classify_outcome,
    deadline_after_pause,
)
from counter_app.domain.errors import NotFoundError, PermissionDenied, ValidationError, as_message
from counter_app.domain.identity import validate_id_number
from counter_app.domain.lifecycle import Action, next_status
from counter_app.domain.text import normalize
from counter_app.domain.text_limits import check_length
from counter_app.services.actor import Actor, Role, require_role
from counter_app.services.dossiers import load_dossier
from counter_app.services.event_log import record
from counter_app.services.office_catalog import effective_terms, settings_of
from counter_app.services.offices import calendar_for

SATISFACTION_LEVELS = {
    1: "Rất hài lòng",
    2: "Hài lòng",
    3: "Bình thường",
    4: "Không hài lòng",
    5: "Rất không hài lòng",
}


@dataclass(frozen=True)
class StepResult:
    code: str
    status: str
    appointment_at: datetime | None
    outcome: str | None = None


def _require_reason(reason: str | None, what: str, limit: int = text_limits.REASON) -> str:
    text = normalize(reason or "")
    if not text:
        raise ValidationError("Vui lòng ghi rõ lý do {what}.", what=as_message(what), field="reason")
    return check_length(text, limit, "Lý do", "reason")


def _note(note: str) -> str:
    """A free note of a step (transfer, payment, result), checked before anything is written."""
    return check_length(normalize(note), text_limits.REASON, "Ghi chú", "note")


def _step(
    db: Database,
    actor: Actor,
    code: str,
    action: Action,
    now: datetime,
    change: Callable[[Session, Dossier, Office], dict[str, object]] | None = None,
    minimum: Role = Role.OFFICER,
    what: str = "",
) -> StepResult:
    require_role(actor, minimum, what or str(action))  # i18n: what, extracted at _step's callers
    with db.write() as session:
        dossier = load_dossier(session, code)
        target = next_status(dossier.status, action)
        office = session.get(Office, dossier.office_id)
        assert office is not None
        payload = change(session, dossier, office) if change else {}
        dossier.status = str(target)
        record(
            session,
            db,
            actor,
            str(action),
            now,
            office=office,
            dossier=dossier,
            payload={"code": dossier.code, "status": str(target), **payload},
        )
        return StepResult(dossier.code, dossier.status, dossier.appointment_at, dossier.outcome)


def transfer(
    db: Database, actor: Actor, code: str, unit_code: str, note: str = "", *, now: datetime
) -> StepResult:
    """Hand the dossier to a specialist unit (a row of the control slip)."""
    note = _note(note)

    def change(session: Session, dossier: Dossier, _office: Office) -> dict[str, object]:
        unit = session.execute(select(Agency).where(Agency.code == unit_code.strip())).scalar_one_or_none()
        if unit is None:
            raise NotFoundError(
                "Không có đơn vị mã «{unit_code}».", unit_code=unit_code.strip(), field="unit"
            )
        if unit.retired_at is not None:  # services/units.retire_unit
            raise ValidationError(
                "Đơn vị «{name}» ({code}) đã ngừng tiếp nhận hồ sơ chuyển đến.",
                name=unit.name,
                code=unit.code,
                field="unit",
            )
        previous = session.get(Agency, dossier.current_unit_id) if dossier.current_unit_id else None
        dossier.current_unit_id = unit.id
        return {
            "from_unit": previous.code if previous else None,
            "to_unit": unit.code,
            "to_unit_name": unit.name,
            "note": note,
        }

    return _step(db, actor, code, Action.TRANSFER, now, change, what="chuyển hồ sơ")


def start(db: Database, actor: Actor, code: str, *, now: datetime) -> StepResult:
    return _step(db, actor, code, Action.START, now, what="bắt đầu giải quyết")


def request_supplement(db: Database, actor: Actor, code: str, reason: str, *, now: datetime) -> StepResult:
    text = _require_reason(reason, "yêu cầu bổ sung")

    def change(_s: Session, dossier: Dossier, _o: Office) -> dict[str, object]:
        dossier.waiting_since = now
        return {"reason": text}

    return _step(db, actor, code, Action.REQUEST_SUPPLEMENT, now, change, what="yêu cầu bổ sung")


def supply_supplement(db: Database, actor: Actor, code: str, *, now: datetime) -> StepResult:
    """The applicant supplied: the clock restarts or resumes, per the procedure's rule."""

    def change(session: Session, dossier: Dossier, office: Office) -> dict[str, object]:
        version = session.get(ProcedureVersion, dossier.procedure_version_id)
        assert version is not None and dossier.waiting_since is not None
        case = session.get(ProcedureCase, dossier.case_id) if dossier.case_id else None
        case_name = case.name if case is not None else ""
        rule = SupplementRule(version.supplement_rule)
        new_due = (
            appointment_after_supplement(
                dossier.received_at,
                dossier.legal_due_at,
                dossier.waiting_since,
                now,
                effective_terms(
                    settings_of(session, office.id, version.procedure.code),
                    version,
                    dossier.channel,
                    case_name,
                ),
                rule,
                calendar_for(session, office),
                Policy(office.time_policy),
            )
            if dossier.legal_due_at is not None
            else None
        )
        dossier.legal_due_at = dossier.appointment_at = new_due
        dossier.waiting_since = None
        return {"rule": str(rule), "appointment_at": new_due.isoformat() if new_due else None}

    return _step(db, actor, code, Action.SUPPLY_SUPPLEMENT, now, change, what="nhận bổ sung")


def request_payment(db: Database, actor: Actor, code: str, obligation: str, *, now: datetime) -> StepResult:
    """Chờ thực hiện nghĩa vụ tài chính: the applicant must pay (fee, tax…) before the result.

    The clock stops until the payment is confirmed: the time the citizen takes to pay is not the
    office's processing time, so the dossier is not counted overdue meanwhile.
    """
    text = normalize(obligation or "")
    if not text:
        raise ValidationError(
            "Vui lòng ghi rõ khoản phải nộp (phí, lệ phí, thuế…) và số tiền.", field="reason"
        )
    check_length(text, text_limits.REASON, "Khoản phải nộp", "reason")

    def change(_s: Session, dossier: Dossier, _o: Office) -> dict[str, object]:
        dossier.waiting_since = now
        return {"obligation": text}

    return _step(db, actor, code, Action.REQUEST_PAYMENT, now, change, what="chuyển chờ nghĩa vụ tài chính")


def confirm_payment(db: Database, actor: Actor, code: str, note: str = "", *, now: datetime) -> StepResult:
    """The applicant has paid: processing resumes; the legal deadline moves by the working time
    waited, and so does the appointment unless one was promised (by an apology) during the wait."""
    note = _note(note)

    def change(session: Session, dossier: Dossier, office: Office) -> dict[str, object]:
        assert dossier.waiting_since is not None
        calendar = calendar_for(session, office)
        since = dossier.waiting_since
        dossier.legal_due_at = deadline_after_pause(dossier.legal_due_at, since, now, calendar)
        # An appointment promised during the wait (an apology) already allowed for it.
        promised_meanwhile = session.execute(
            select(Event.id)
            .where(
                Event.dossier_id == dossier.id,
                Event.kind == str(Action.APOLOGISE),
                Event.occurred_at >= since,
            )
            .limit(1)
        ).first()
        if promised_meanwhile is None:
            dossier.appointment_at = deadline_after_pause(dossier.appointment_at, since, now, calendar)
        dossier.waiting_since = None
        return {
            "note": note,
            "legal_due_at": dossier.legal_due_at.isoformat() if dossier.legal_due_at else None,
            "appointment_at": dossier.appointment_at.isoformat() if dossier.appointment_at else None,
        }

    return _step(db, actor, code, Action.CONFIRM_PAYMENT, now, change, what="xác nhận nghĩa vụ tài chính")


def resolve(db: Database, actor: Actor, code: str, note: str = "", *, now: datetime) -> StepResult:
    """The result is ready: classify before term / on term / late against the legal deadline."""
    note = _note(note)

    def change(session: Session, dossier: Dossier, office: Office) -> dict[str, object]:
        dossier.resolved_at = now
        if dossier.legal_due_at is None:
            outcome = Outcome.EARLY
        else:
            outcome = classify_outcome(now, dossier.legal_due_at, calendar_for(session, office))
        dossier.outcome = str(outcome)
        return {"outcome": str(outcome), "apology": dossier.apology_count > 0, "note": note}

    return _step(db, actor, code, Action.RESOLVE, now, change, what="cập nhật kết quả")


@dataclass(frozen=True)
class ReturnInput:
    receiver_name: str = ""  # empty: the applicant in person
    receiver_id_number: str = ""
    relation: str = ""  # e.g. "Người được ủy quyền"
    method: str = "counter"  # counter | post
    tracking_number: str = ""
    satisfaction: int | None = None
    reasons: tuple[str, ...] = ()


def return_result(db: Database, actor: Actor, code: str, data: ReturnInput, *, now: datetime) -> StepResult:
    """Hand the result over (to the applicant or an authorised person) and record satisfaction."""
    if data.method not in ("counter", "post"):
        raise ValidationError("Hình thức trả phải là tại quầy hoặc qua bưu chính.", field="method")
    if data.method == "post" and not data.tracking_number.strip():
        raise ValidationError(
            "Vui lòng nhập mã bưu gửi khi trả kết quả qua bưu chính.", field="tracking_number"
        )
    if data.satisfaction is not None and data.satisfaction not in SATISFACTION_LEVELS:
        raise ValidationError("Mức hài lòng phải từ 1 (Rất hài lòng) đến 5.", field="satisfaction")
    if data.receiver_name.strip() and not data.receiver_id_number.strip():
        raise ValidationError("Người nhận thay phải có số giấy tờ tùy thân.", field="receiver_id_number")
    if data.receiver_name.strip():
        validate_id_number(data.receiver_id_number, field="receiver_id_number")
    check_length(normalize(data.receiver_name), text_limits.NAME, "Họ tên người nhận", "receiver_name")
    check_length(normalize(data.relation), text_limits.SHORT, "Quan hệ với người nộp", "relation")
    check_length(data.tracking_number.strip(), text_limits.SHORT, "Mã bưu gửi", "tracking_number")
    if len(data.reasons) > text_limits.ENTRIES:
        raise ValidationError(
            "Quá nhiều lý do chưa hài lòng ({count}, tối đa {limit}).",
            count=len(data.reasons),
            limit=text_limits.ENTRIES,
            field="reasons",
        )
    for reason in data.reasons:
        check_length(normalize(reason), text_limits.CANCEL_REASON, "Lý do chưa hài lòng", "reasons")

    def change(session: Session, dossier: Dossier, _o: Office) -> dict[str, object]:
        receiver = {
            "full_name": normalize(data.receiver_name) or dossier.applicant.full_name,
            "id_number": data.receiver_id_number.strip() or (dossier.applicant.id_number or ""),
            "relation": normalize(data.relation)
            or ("Người nộp hồ sơ" if not data.receiver_name.strip() else "Người được ủy quyền"),
            "method": data.method,
            "tracking_number": data.tracking_number.strip(),
        }
        dossier.returned_at, dossier.returned_to = now, receiver
        dossier.satisfaction = data.satisfaction
        reasons = [normalize(r) for r in data.reasons if normalize(r)]
        dossier.satisfaction_reasons = reasons or None
        return {"receiver": receiver, "satisfaction": data.satisfaction, "reasons": reasons}

    return _step(db, actor, code, Action.RETURN_RESULT, now, change, what="trả kết quả")


def withdraw(db: Database, actor: Actor, code: str, reason: str, *, now: datetime) -> StepResult:
    text = _require_reason(reason, "rút hồ sơ")
    return _step(db, actor, code, Action.WITHDRAW, now, lambda *_: {"reason": text}, what="rút hồ sơ")


def stop(
    db: Database, actor: Actor, code: str, reason: str, legal_basis: str = "", *, now: datetime
) -> StepResult:
    text = _require_reason(reason, "dừng giải quyết")
    basis = check_length(normalize(legal_basis), text_limits.REASON, "Căn cứ pháp lý", "legal_basis")
    return _step(
        db,
        actor,
        code,
        Action.STOP,
        now,
        lambda *_: {"reason": text, "legal_basis": basis},
        what="dừng giải quyết",
    )


def apologise(
    db: Database, actor: Actor, code: str, new_appointment: datetime, reason: str, *, now: datetime
) -> StepResult:
    """Apology letter with a new appointment (phiếu 04): once; a second needs a supervisor."""
    text = _require_reason(reason, "chậm trả kết quả")
    if new_appointment.tzinfo is None:
        raise ValidationError("Thời điểm hẹn mới phải có múi giờ.", field="new_appointment")

    def change(session: Session, dossier: Dossier, office: Office) -> dict[str, object]:
        calendar = calendar_for(session, office)
        local_day = new_appointment.astimezone(calendar.tz).date()
        if not calendar.is_working_day(local_day):
            raise ValidationError(
                "Ngày hẹn mới {day:%d/%m/%Y} là ngày nghỉ ({reason}); hãy chọn một ngày làm việc.",
                day=local_day,
                reason=calendar.day_off_message(local_day),
                field="new_appointment",
            )
        if dossier.apology_count >= 1 and actor.role == Role.OFFICER:
            raise PermissionDenied("Hồ sơ đã gia hạn một lần; lần tiếp theo phải do lãnh đạo thực hiện.")
        if dossier.appointment_at is not None and new_appointment <= dossier.appointment_at:
            raise ValidationError("Ngày hẹn mới phải sau ngày hẹn hiện tại.", field="new_appointment")
        if new_appointment <= now:
            raise ValidationError("Ngày hẹn mới phải ở tương lai.", field="new_appointment")
        old = dossier.appointment_at
        dossier.appointment_at = new_appointment
        dossier.apology_count += 1
        return {
            "old_appointment_at": old.isoformat() if old else None,
            "new_appointment_at": new_appointment.isoformat(),
            "reason": text,
            "apology_no": dossier.apology_count,
        }

    return _step(db, actor, code, Action.APOLOGISE, now, change, what="xin lỗi, hẹn lại")


def cancel(db: Database, actor: Actor, code: str, reason: str, *, now: datetime) -> StepResult:
    """Cancel a mistaken dossier (supervisor): the number stays, as a cancelled number with its reason."""
    require_role(actor, Role.SUPERVISOR, "hủy hồ sơ")  # the role first: an officer needs no reason prompt
    text = _require_reason(reason, "hủy hồ sơ", text_limits.CANCEL_REASON)

    def change(session: Session, dossier: Dossier, _o: Office) -> dict[str, object]:
        session.add(CancelledNumber(code=dossier.code, reason=text, actor=actor.username, cancelled_at=now))
        return {"reason": text, "previous_status": dossier.status}

    return _step(db, actor, code, Action.CANCEL, now, change, minimum=Role.SUPERVISOR, what="hủy hồ sơ")
