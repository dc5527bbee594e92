"""Receiving at the counter: accept, supplement request at intake, refusal, guidance."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select
from testdata import MONDAY_9AM, TZ, reader

from counter_app.db.database import Database
from counter_app.db.models import Dossier, Event, GuidanceRecord, PendingIntake
from counter_app.domain.errors import NotFoundError, ValidationError
from counter_app.services.actor import Actor
from counter_app.services.applicants import ApplicantErrors, ApplicantInput
from counter_app.services.lookup import lookup
from counter_app.services.receiving import (
    IntakeRequest,
    open_pending_intakes,
    receive,
    record_guidance,
    refuse,
    request_supplement_at_intake,
)

HONG = ApplicantInput(
    full_name="Nguyễn Thị Ánh Hồng",
    id_number="038190012345",
    birth_date=datetime(1990, 5, 1).date(),
    sex="female",
    phone="0912 345 678",
    address="Số 5 đường Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa",
)


def intake(**changes: object) -> IntakeRequest:
    values: dict[str, object] = {"procedure_code": "2.001955", "applicant": HONG}
    values.update(changes)
    return IntakeRequest(**values)  # type: ignore[arg-type]


def count(db: Database, model: type) -> int:
    with db.read() as session:
        return session.execute(select(func.count()).select_from(model)).scalar_one()


def test_given_complete_dossier_when_received_then_code_appointment_and_event(
    db: Database, officer: Actor
) -> None:
    result = receive(db, officer, intake(), now=MONDAY_9AM)

    assert result.code == "000.00.31.H56-261123-0001"
    # 7 working days × 7.5 h = 52.5 h from Mon 23/11 09:00 (6 h left that day); Tue 24/11 is a
    # holiday; Wed 25 … Wed 2/12 give 45 h; the last 1.5 h end Thu 3/12 at 09:00.
    assert result.appointment_at == datetime(2026, 12, 3, 9, 0, tzinfo=TZ)
    view = lookup(db, reader(db), result.code)
    assert view.status == "received"
    assert view.applicant_name == "Nguyễn Thị Ánh Hồng"
    assert view.applicant_phone == "0912345678"
    assert [e.kind for e in view.events] == ["received"]
    assert view.events[0].payload["appointment_at"] == result.appointment_at.isoformat()
    assert len(view.documents) == 4


def test_given_two_receipts_same_day_then_numbers_follow(db: Database, officer: Actor) -> None:
    first = receive(db, officer, intake(), now=MONDAY_9AM)
    second = receive(db, officer, intake(), now=MONDAY_9AM + timedelta(minutes=5))
    next_day = receive(db, officer, intake(), now=MONDAY_9AM + timedelta(days=2))

    assert first.code.endswith("-261123-0001")
    assert second.code.endswith("-261123-0002")
    assert next_day.code.endswith("-261125-0001")


def test_given_receipt_at_0630_local_then_code_uses_local_date(db: Database, officer: Actor) -> None:
    # 06:30 local on 23/11 is 23:30 UTC on 22/11: the code and the local date must say 23/11.
    early = datetime(2026, 11, 23, 6, 30, tzinfo=TZ)
    result = receive(db, officer, intake(), now=early)
    assert "-261123-" in result.code
    with db.read() as session:
        dossier = session.execute(select(Dossier)).scalar_one()
        assert dossier.received_local_date.isoformat() == "2026-11-23"


def test_given_same_intake_token_when_submitted_twice_then_one_dossier(db: Database, officer: Actor) -> None:
    first = receive(db, officer, intake(intake_token="form-1"), now=MONDAY_9AM)
    again = receive(db, officer, intake(intake_token="form-1"), now=MONDAY_9AM + timedelta(seconds=1))
    assert again.code == first.code
    assert count(db, Dossier) == 1


def test_given_missing_required_document_when_accepting_then_refused_and_nothing_written(
    db: Database, officer: Actor
) -> None:
    with pytest.raises(ValidationError) as info:
        receive(db, officer, intake(provided=(1, 2)), now=MONDAY_9AM)
    assert "thiếu 1 giấy tờ bắt buộc" in info.value.message
    assert "Phiếu yêu cầu bổ sung" in info.value.message
    assert count(db, Dossier) == 0
    with db.read() as session:
        assert session.execute(select(func.count()).where(Event.kind == "received")).scalar_one() == 0


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"id_number": "03819001234"}, "id_number", "12 chữ số"),
        ({"phone": "0123"}, "phone", ""),
        ({"full_name": "  "}, "full_name", "họ tên"),
        ({"id_number": "038090012345"}, "id_number", ""),  # century/sex digit says male, input says female
        # Never typed on purpose, and no slip could print them.
        ({"full_name": "Nguyễn\x00 Thị Hồng"}, "full_name", "Họ tên có ký tự không dùng được (U+0000)"),
        ({"full_name": "Nguyễn Thị \u202eHồng"}, "full_name", "(U+202E)"),
        ({"full_name": "Nguyễn Thị Hồng 🌸"}, "full_name", "(U+1F338)"),
        ({"address": "Số 5 \x07Lê Lợi"}, "address", "Địa chỉ có ký tự không dùng được (U+0007)"),
        ({"address": "Số 5 " * 120}, "address", "Địa chỉ quá dài (tối đa 500 ký tự)."),
    ],
)
def test_given_bad_applicant_data_when_receiving_then_field_message_and_nothing_written(
    db: Database, officer: Actor, changes: dict[str, object], field: str, message: str
) -> None:
    bad = ApplicantInput(**{**HONG.__dict__, **changes})
    with pytest.raises(ApplicantErrors) as info:
        receive(db, officer, intake(applicant=bad), now=MONDAY_9AM)
    assert field in info.value.errors
    assert message in info.value.errors[field]
    assert count(db, Dossier) == 0


def test_given_post_return_without_address_then_refused(db: Database, officer: Actor) -> None:
    with pytest.raises(ValidationError) as info:
        receive(db, officer, intake(return_method="post"), now=MONDAY_9AM)
    assert info.value.field == "postal_address"


def test_given_unknown_procedure_then_not_found(db: Database, officer: Actor) -> None:
    with pytest.raises(NotFoundError) as info:
        receive(db, officer, intake(procedure_code="9.999999"), now=MONDAY_9AM)
    assert info.value.message == "Không có thủ tục mã «9.999999» trong danh mục."


def test_given_incomplete_intake_when_supplement_requested_then_pending_kept_and_return_prefills(
    db: Database, officer: Actor
) -> None:
    result = request_supplement_at_intake(
        db, officer, intake(provided=(1,)), "Thiếu văn bản đề nghị", now=MONDAY_9AM
    )

    assert [m.ordinal for m in result.missing] == [2, 4]  # document 3 is "(nếu có)": not required
    assert open_pending_intakes(db, "038190012345") == [result.pending_intake_id]
    later = MONDAY_9AM + timedelta(days=2)
    accepted = receive(db, officer, intake(pending_intake_id=result.pending_intake_id), now=later)
    assert open_pending_intakes(db, "038190012345") == []
    with db.read() as session:
        pending = session.get(PendingIntake, result.pending_intake_id)
        assert pending is not None and pending.state == "received"
        assert session.execute(select(Dossier.code)).scalar_one() == accepted.code


def test_given_refusal_without_reason_then_message(db: Database, officer: Actor) -> None:
    with pytest.raises(ValidationError) as info:
        refuse(db, officer, intake(), "   ", now=MONDAY_9AM)
    assert info.value.field == "reason"
    assert count(db, Dossier) == 0


def test_given_refusal_with_reason_then_recorded_refused(db: Database, officer: Actor) -> None:
    result = refuse(db, officer, intake(), "Không thuộc thẩm quyền", now=MONDAY_9AM)
    view = lookup(db, reader(db), result.code)
    assert view.status == "refused"
    assert view.events[0].payload["reason"] == "Không thuộc thẩm quyền"


def test_given_guidance_then_counted(db: Database, officer: Actor) -> None:
    record_guidance(db, officer, "2.001955", 1, now=MONDAY_9AM)
    record_guidance(db, officer, "2.001955", 1, now=MONDAY_9AM)
    assert count(db, GuidanceRecord) == 2
    with pytest.raises(ValidationError):
        record_guidance(db, officer, "2.001955", 9, now=MONDAY_9AM)


def test_given_receipts_then_register_book_lines_follow_and_refusals_get_none(
    db: Database, officer: Actor
) -> None:
    first = receive(db, officer, intake(), now=MONDAY_9AM)
    refused = refuse(db, officer, intake(), "Không thuộc thẩm quyền", now=MONDAY_9AM + timedelta(minutes=1))
    second = receive(db, officer, intake(), now=MONDAY_9AM + timedelta(days=2))
    with db.read() as session:
        lines = dict(session.execute(select(Dossier.code, Dossier.register_seq)).all())
    assert (lines[first.code], lines[second.code]) == (1, 2)  # the book of 2026 starts at line 1
    assert lines[refused.code] is None  # never entered in the book
