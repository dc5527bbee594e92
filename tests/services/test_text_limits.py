"""Limits on every free text of a dossier (issue 14): each oversized field is refused in the service
with a Vietnamese message naming it, before anything is written, the same on SQLite and PostgreSQL
(where a String(n) column would otherwise refuse it with the driver's error, and SQLite store it).
And a script's «request_id»: a retry returns the same dossier, a new content under it is refused."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from testdata import MONDAY_9AM

from counter_app.db.database import Database
from counter_app.db.models import CancelledNumber, Dossier, Event, PendingIntake
from counter_app.domain import text_limits
from counter_app.domain.errors import ValidationError
from counter_app.services import processing
from counter_app.services.actor import Actor
from counter_app.services.applicants import ApplicantInput
from counter_app.services.processing import ReturnInput
from counter_app.services.receiving import (
    IntakeRequest,
    receive,
    refuse,
    request_supplement_at_intake,
)

HONG = ApplicantInput(full_name="Nguyễn Thị Ánh Hồng", id_number="038190012345")
LATER = MONDAY_9AM + timedelta(hours=1)


def intake(**changes: object) -> IntakeRequest:
    values: dict[str, object] = {"procedure_code": "2.001955", "applicant": HONG}
    values.update(changes)
    return IntakeRequest(**values)  # type: ignore[arg-type]


def rows(db: Database) -> tuple[int, int, int, int]:
    """Everything an intake or a step may write: dossiers, events, pending intakes, cancelled numbers."""
    with db.read() as session:
        return tuple(  # type: ignore[return-value]
            session.execute(select(func.count()).select_from(model)).scalar_one()
            for model in (Dossier, Event, PendingIntake, CancelledNumber)
        )


def refused(db: Database, call: Callable[[], object]) -> ValidationError:
    before = rows(db)
    with pytest.raises(ValidationError) as caught:
        call()
    assert rows(db) == before, "something was written"
    return caught.value


def over(limit: int) -> str:
    return "x" * (limit + 1)


# ----------------------------------------------------------------------------- intake


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"return_method": "post", "postal_address": over(text_limits.ADDRESS)},
            "postal_address",
            "Địa chỉ nhận kết quả dài quá 500 ký tự (đã nhập 501).",
        ),
        (
            {"representative": {"full_name": "x" * 10_000_000}},
            "representative",
            "Mục «full_name» của người đại diện dài quá 500 ký tự (đã nhập 10000000).",
        ),
        (
            {"representative": {f"k{i}": "v" for i in range(11)}},
            "representative",
            "Thông tin người đại diện có quá nhiều mục (11, tối đa 10).",
        ),
        (
            {"representative": {over(text_limits.REPRESENTATIVE_KEY): "v"}},
            "representative",
            "Tên mục của thông tin người đại diện dài quá 40 ký tự (đã nhập 41).",
        ),
        (
            {"intake_token": over(64)},
            "request_id",
            "Mã yêu cầu dài quá 64 ký tự (đã nhập 65).",
        ),
    ],
)
def test_given_oversized_intake_field_when_received_then_named_and_nothing_written(
    db: Database, officer: Actor, changes: dict[str, object], field: str, message: str
) -> None:
    error = refused(db, lambda: receive(db, officer, intake(**changes), now=MONDAY_9AM))
    assert (error.message, error.field) == (message, field)


def test_given_the_longest_texts_allowed_then_received_on_either_backend(
    db: Database, officer: Actor
) -> None:
    at_limit = intake(
        applicant=ApplicantInput(full_name="Hồng " * 40, id_number="038190012345", address="a" * 500),
        return_method="post",
        postal_address="p" * text_limits.ADDRESS,
        representative={f"k{i:02}" + "k" * 37: "v" * text_limits.ADDRESS for i in range(text_limits.ENTRIES)},
        intake_token="t" * 64,
    )
    result = receive(db, officer, at_limit, now=MONDAY_9AM)
    with db.read() as session:
        dossier = session.execute(select(Dossier).where(Dossier.code == result.code)).scalar_one()
        assert len(dossier.postal_address or "") == 500 and len(dossier.representative or {}) == 10


def test_given_oversized_refusal_or_supplement_reason_then_named_and_nothing_written(
    db: Database, officer: Actor
) -> None:
    long_reason = over(text_limits.REASON)
    error = refused(db, lambda: refuse(db, officer, intake(), long_reason, now=MONDAY_9AM))
    assert (error.message, error.field) == ("Lý do từ chối dài quá 2000 ký tự (đã nhập 2001).", "reason")
    error = refused(
        db,
        lambda: request_supplement_at_intake(db, officer, intake(provided=()), long_reason, now=MONDAY_9AM),
    )
    assert error.message == "Nội dung cần bổ sung dài quá 2000 ký tự (đã nhập 2001)."


# ----------------------------------------------------------------------------- processing


def test_given_oversized_step_texts_then_each_named_and_nothing_written(
    db: Database, officer: Actor, supervisor: Actor
) -> None:
    code = receive(db, officer, intake(), now=MONDAY_9AM).code
    long_text = over(text_limits.REASON)
    steps: list[tuple[Callable[[], object], str, str]] = [
        (
            lambda: processing.transfer(db, officer, code, "SNV", long_text, now=LATER),
            "note",
            "Ghi chú dài quá 2000 ký tự (đã nhập 2001).",
        ),
        (
            lambda: processing.request_supplement(db, officer, code, long_text, now=LATER),
            "reason",
            "Lý do dài quá 2000 ký tự (đã nhập 2001).",
        ),
        (
            lambda: processing.request_payment(db, officer, code, long_text, now=LATER),
            "reason",
            "Khoản phải nộp dài quá 2000 ký tự (đã nhập 2001).",
        ),
        (
            lambda: processing.stop(db, officer, code, "Không đủ điều kiện", long_text, now=LATER),
            "legal_basis",
            "Căn cứ pháp lý dài quá 2000 ký tự (đã nhập 2001).",
        ),
        (
            lambda: processing.cancel(db, supervisor, code, over(text_limits.CANCEL_REASON), now=LATER),
            "reason",
            "Lý do dài quá 500 ký tự (đã nhập 501).",
        ),
    ]
    for call, field, message in steps:
        error = refused(db, call)
        assert (error.message, error.field) == (message, field)


def test_given_oversized_return_texts_then_each_named_and_nothing_written(
    db: Database, officer: Actor
) -> None:
    code = receive(db, officer, intake(), now=MONDAY_9AM).code
    processing.start(db, officer, code, now=LATER)
    processing.resolve(db, officer, code, now=LATER + timedelta(hours=1))
    proxy = {"receiver_name": "Trần Văn Bình", "receiver_id_number": "038190012346"}
    cases = [
        (
            ReturnInput(receiver_name=over(200), receiver_id_number="038190012346"),
            "receiver_name",
            "Họ tên người nhận dài quá 200 ký tự (đã nhập 201).",
        ),
        (
            ReturnInput(**proxy, relation=over(100)),
            "relation",
            "Quan hệ với người nộp dài quá 100 ký tự (đã nhập 101).",
        ),
        (
            ReturnInput(method="post", tracking_number=over(100)),
            "tracking_number",
            "Mã bưu gửi dài quá 100 ký tự (đã nhập 101).",
        ),
        (
            ReturnInput(satisfaction=4, reasons=(over(500),)),
            "reasons",
            "Lý do chưa hài lòng dài quá 500 ký tự (đã nhập 501).",
        ),
        (
            ReturnInput(satisfaction=4, reasons=("a",) * 11),
            "reasons",
            "Quá nhiều lý do chưa hài lòng (11, tối đa 10).",
        ),
    ]
    for data, field, message in cases:
        error = refused(
            db,
            lambda data=data: processing.return_result(
                db, officer, code, data, now=LATER + timedelta(hours=2)
            ),
        )
        assert (error.message, error.field) == (message, field)


# ----------------------------------------------------------------------------- the script's key


def test_given_same_request_id_and_content_when_retried_then_same_dossier_said_repeated(
    db: Database, officer: Actor
) -> None:
    first = receive(db, officer, intake(intake_token="job-42"), now=MONDAY_9AM)
    written = rows(db)
    again = receive(db, officer, intake(intake_token="job-42"), now=LATER)

    assert (again.code, again.repeated, first.repeated) == (first.code, True, False)
    assert rows(db) == written and written[0] == 1


def test_given_same_request_id_with_other_content_then_refused_naming_the_dossier(
    db: Database, officer: Actor
) -> None:
    first = receive(db, officer, intake(intake_token="job-42"), now=MONDAY_9AM)
    other = ApplicantInput(full_name="Trần Văn Bình", id_number="038190012346")

    error = refused(
        db, lambda: receive(db, officer, intake(intake_token="job-42", applicant=other), now=LATER)
    )

    assert error.field == "request_id"
    assert error.message.startswith(f"Mã yêu cầu «job-42» đã dùng cho hồ sơ {first.code} với nội dung khác")
