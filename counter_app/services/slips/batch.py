"""Slips built from several dossiers or from a dossier's whole history: register (07), control (06), hand-over.

The register book: one book per year of the office-local receipt day ("Quyển số" = year); its TT
runs in order of receipt (then code) from 1, and the receipt of a dossier prints the same number.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import date, datetime

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from counter_app.db.models import Agency, Applicant, Dossier, Event, Office, ProcedureVersion
from counter_app.documents.serial import to_json
from counter_app.documents.slip_data import (
    ControlData,
    HandoffRow,
    HandoverData,
    HandoverRow,
    RegisterData,
    RegisterRow,
)
from counter_app.domain.appointment import classify_outcome
from counter_app.domain.errors import Message, NotFoundError, TransitionError, ValidationError
from counter_app.domain.lifecycle import OPEN_STATUSES, STATUS_LABELS, Status
from counter_app.services.actor import Actor
from counter_app.services.dossier_query import named_dossiers
from counter_app.services.dossiers import load_dossier
from counter_app.services.offices import calendar_for, get_office
from counter_app.services.slips.common import (
    FORM_VERSION,
    Built,
    DateRange,
    HandoverKey,
    actor_name,
    applicant_info,
    office_info,
    user_name,
)

ONE_STOP = "Bộ phận Một cửa"
MAX_REGISTER_DAYS = 366
_STATUS_NOTES = {
    Status.CANCELLED: "Đã hủy",
    Status.WITHDRAWN: "Rút hồ sơ",
    Status.STOPPED: "Dừng giải quyết",
}

# Not in the register book: never received (refused at the counter, or online and not yet received).
NOT_IN_REGISTER = (str(Status.NEW), str(Status.REFUSED))


def in_book(office_id: uuid.UUID, year: int) -> ColumnElement[bool]:
    """Dossiers of the office's register book of ``year`` (quyển số = year of the office-local receipt day)."""
    return and_(
        Dossier.office_id == office_id,
        Dossier.received_local_date >= date(year, 1, 1),
        Dossier.received_local_date <= date(year, 12, 31),
        Dossier.status.not_in(NOT_IN_REGISTER),
    )


def register_seq(session: Session, dossier: Dossier) -> int:
    """TT of the dossier in its year's book: entries run in order of receipt (then code), from 1.

    A cancelled dossier keeps its line (with the reason), so later numbers never move.
    """
    if dossier.register_seq:
        return dossier.register_seq
    year = dossier.received_local_date.year
    earlier = or_(
        Dossier.received_at < dossier.received_at,
        and_(Dossier.received_at == dossier.received_at, Dossier.code < dossier.code),
    )
    count = session.execute(
        select(func.count()).where(in_book(dossier.office_id, year), earlier)
    ).scalar_one()
    return int(count) + 1


def register_range(key: object) -> DateRange:
    if isinstance(key, tuple) and len(key) == 2:
        key = DateRange(*key)
    if not isinstance(key, DateRange):
        raise ValidationError("Sổ theo dõi hồ sơ cần một khoảng ngày (từ ngày, đến ngày).", field="key")
    if key.start > key.end:
        raise ValidationError(
            "Khoảng ngày không hợp lệ: từ ngày {start:%d/%m/%Y} sau đến ngày {end:%d/%m/%Y}.",
            start=key.start,
            end=key.end,
            field="date_to",
        )
    if (key.end - key.start).days >= MAX_REGISTER_DAYS:
        raise ValidationError("Mỗi lần in sổ theo dõi tối đa một năm (366 ngày).", field="date_to")
    return key


def build_register(session: Session, actor: Actor, key: object, now: datetime) -> Built:
    span = register_range(key)
    office = get_office(session, actor.office_id)
    rows = session.execute(
        named_dossiers(Dossier, Applicant, ProcedureVersion.name, Agency.name, procedure=False)
        .where(
            Dossier.office_id == office.id,
            Dossier.received_local_date >= span.start,
            Dossier.received_local_date <= span.end,
            Dossier.status.not_in(NOT_IN_REGISTER),
        )
        .order_by(Dossier.received_at, Dossier.code)
    ).all()
    next_seq: dict[int, int] = {}
    lines = []
    for dossier, applicant, procedure, unit in rows:
        book = dossier.received_local_date.year
        if book not in next_seq:  # the book runs on from its entries before the range
            before = and_(in_book(office.id, book), Dossier.received_local_date < span.start)
            next_seq[book] = int(session.execute(select(func.count()).where(before)).scalar_one()) + 1
        lines.append(_register_row(dossier, applicant, procedure, unit or "", book, next_seq[book]))
        next_seq[book] += 1
    data = RegisterData(office_info(office, now), span.start, span.end, tuple(lines), now, FORM_VERSION)
    basis = hashlib.sha256(json.dumps(to_json(data.rows), ensure_ascii=False).encode()).hexdigest()
    stem = f"{span.start.isoformat()}_{span.end.isoformat()}"
    return Built(data, str(span), stem, office, basis)


def _register_row(d: Dossier, a: Applicant, procedure: str, unit: str, book: int, seq: int) -> RegisterRow:
    method = ""
    if d.returned_to:
        tracking = d.returned_to.get("tracking_number", "")
        method = f"Bưu chính\n{tracking}" if d.returned_to.get("method") == "post" else "Tại quầy"
    return RegisterRow(
        book=book,
        seq=d.register_seq or seq,
        dossier_code=d.code,
        procedure_name=procedure,
        applicant_name=a.full_name,
        address_phone="; ".join(x for x in (a.address, a.phone or "") if x),
        unit_name=unit,
        received_at=d.received_at,
        appointment_at=d.appointment_at,
        returned_at=d.returned_at,
        return_method=method,
        note=_STATUS_NOTES.get(Status(d.status), ""),
    )


def build_control(session: Session, code: str, now: datetime) -> Built:
    dossier = load_dossier(session, code)
    if dossier.status in NOT_IN_REGISTER:
        label = STATUS_LABELS[Status(dossier.status)]
        raise TransitionError(
            "Hồ sơ {code} chưa được tiếp nhận (trạng thái «{status}»): không có phiếu kiểm soát.",
            code=dossier.code,
            status=Message.label(label),
        )
    office = session.get(Office, dossier.office_id)
    assert office is not None
    events = list(
        session.execute(
            select(Event)
            .where(Event.dossier_id == dossier.id, Event.kind != "slip_issued")
            .order_by(Event.occurred_at, Event.seq)
        ).scalars()
    )
    rows = tuple(_handoffs(session, dossier, office, events))
    version = session.get(ProcedureVersion, dossier.procedure_version_id)
    assert version is not None
    received = next((e for e in events if e.kind == "received"), None)
    data = ControlData(
        # The control slip is opened when the dossier is received and follows it: rows are added
        # to it, its header stays the one of the day of receipt.
        office=office_info(office, dossier.received_at),
        dossier_code=dossier.code,
        applicant=applicant_info(dossier.applicant),
        procedure_name=version.name,
        received_at=dossier.received_at,
        due_at=dossier.legal_due_at,
        rows=rows,
        receiving_officer=user_name(
            session, dossier.received_by_id, actor_name(session, received) if received else ""
        ),
        printed_at=now,
        closed=dossier.status not in OPEN_STATUSES and dossier.status != Status.RESOLVED,
        form_version=FORM_VERSION,
    )
    basis = str(events[-1].id) if events else "none"  # a new hand-off makes a new control slip
    return Built(data, dossier.code, dossier.code, office, basis, dossier)


def _handoffs(session: Session, dossier: Dossier, office: Office, events: list[Event]) -> list[HandoffRow]:
    """One row per movement of the file, each judged against the legal due time in force at that moment."""
    calendar = calendar_for(session, office)
    applicant = dossier.applicant.full_name
    due: datetime | None = dossier.legal_due_at
    holder = ONE_STOP
    rows: list[HandoffRow] = []

    def judge(at: datetime) -> str:
        return str(classify_outcome(at, due, calendar)) if due is not None else ""

    for e in events:
        p, at = e.payload, e.occurred_at
        text = str(p.get("reason") or p.get("note") or "")
        if e.kind == "received":
            due = _at(p.get("appointment_at")) if "appointment_at" in p else due
        elif e.kind == "transfer":
            to = str(p.get("to_unit_name") or p.get("to_unit") or "")
            rows.append(HandoffRow(holder, to, at, judge(at), text or "Chuyển xử lý"))
            holder = to
        elif e.kind == "request_supplement":
            rows.append(HandoffRow(holder, applicant, at, judge(at), f"Yêu cầu bổ sung hồ sơ: {text}"))
        elif e.kind == "supply_supplement":
            due = _at(p.get("appointment_at"))
            rows.append(HandoffRow(applicant, holder, at, "", "Nhận hồ sơ bổ sung"))
        elif e.kind == "request_payment":
            text = str(p.get("obligation") or "")
            rows.append(
                HandoffRow(holder, applicant, at, judge(at), f"Chờ thực hiện nghĩa vụ tài chính: {text}")
            )
        elif e.kind == "confirm_payment":
            due = _at(p.get("legal_due_at"))
            paid = "Đã thực hiện nghĩa vụ tài chính" + (f" ({text})" if text else "")
            rows.append(HandoffRow(applicant, holder, at, "", paid))
        elif e.kind == "resolve":
            outcome = str(p.get("outcome") or judge(at))
            rows.append(HandoffRow(holder, ONE_STOP, at, outcome, text or "Có kết quả giải quyết"))
            holder = ONE_STOP
        elif e.kind == "return_result":
            receiver = p.get("receiver") or {}
            name = str(receiver.get("full_name") or applicant)  # type: ignore[union-attr]
            how = "Trả kết quả qua bưu chính" if receiver.get("method") == "post" else "Trả kết quả"  # type: ignore[union-attr]
            rows.append(HandoffRow(ONE_STOP, name, at, judge(at), how))
        elif e.kind == "apologise":
            new = _at(p.get("new_appointment_at"))
            when = f"{new.astimezone(calendar.tz):%d/%m/%Y}" if new else ""
            rows.append(HandoffRow(ONE_STOP, applicant, at, judge(at), f"Xin lỗi, hẹn lại ngày trả: {when}"))
        elif e.kind in ("stop", "withdraw", "cancel"):
            label = {"stop": "Dừng giải quyết", "withdraw": "Rút hồ sơ", "cancel": "Hủy hồ sơ"}[e.kind]
            rows.append(HandoffRow(holder, ONE_STOP, at, "", f"{label}: {text}"))
            holder = ONE_STOP
    return rows


def _at(value: object) -> datetime | None:
    return datetime.fromisoformat(str(value)) if value else None


def build_handover(session: Session, actor: Actor, key: object, now: datetime) -> Built:
    if not isinstance(key, HandoverKey):
        raise ValidationError("Danh sách bàn giao cần mã đơn vị nhận và các mã hồ sơ.", field="key")
    unit = session.execute(select(Agency).where(Agency.code == key.unit_code.strip())).scalar_one_or_none()
    if unit is None:
        raise NotFoundError(
            "Không có đơn vị mã «{unit_code}».", unit_code=key.unit_code.strip(), field="unit"
        )
    if not key.codes:
        raise ValidationError("Chưa có mã hồ sơ nào để bàn giao.", field="codes")
    dossiers: list[Dossier] = []
    for code in key.codes:
        dossier = load_dossier(session, code)
        if dossier in dossiers:
            continue  # scanned twice
        if dossier.status not in OPEN_STATUSES:
            label = STATUS_LABELS[Status(dossier.status)]
            raise TransitionError(
                "Hồ sơ {code} đang ở trạng thái «{status}», không bàn giao được.",
                code=dossier.code,
                status=Message.label(label),
            )
        dossiers.append(dossier)
    office = get_office(session, actor.office_id)
    rows = []
    for d in dossiers:
        version = session.get(ProcedureVersion, d.procedure_version_id)
        assert version is not None
        rows.append(HandoverRow(d.code, d.applicant.full_name, version.name, d.received_at, d.appointment_at))
    sender = actor.full_name if actor.user_id is not None else ""
    data = HandoverData(
        office_info(office, now), unit.code, unit.name, tuple(rows), sender, now, form_version=FORM_VERSION
    )
    canonical = HandoverKey(unit.code, tuple(d.code for d in dossiers))
    local = now.astimezone(calendar_for(session, office).tz)
    return Built(data, str(canonical), f"{unit.code}-{local:%Y%m%dT%H%M%S}", office, str(canonical))
