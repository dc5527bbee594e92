"""After receipt: hand-offs, supplements, resolution and outcome, return, withdrawal, stop, apology, cancel.

Every appointment below is computed by hand with the demo office's calendar: sessions 07:30–11:30 and
13:30–17:00 (7 h 30 a day), Monday–Friday, Tuesday 24/11/2026 a public holiday (Ngày Văn hóa Việt Nam),
policy "hours". A dossier of 2.001955 (7 working days) received Monday 23/11/2026 09:00 is due
Thursday 3/12/2026 09:00 (see test_receiving.py).

A fresh PostgreSQL database costs ~0.4 s per test, so tests that check a list of bad inputs loop over
them on one database (each case names itself in its assertion messages).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select
from testdata import MONDAY_9AM, NODE, TZ, reader

from counter_app.db.database import Database
from counter_app.db.models import CancelledNumber, Dossier, Event, Procedure, ProcedureVersion
from counter_app.domain.errors import (
    NotFoundError,
    PermissionDenied,
    TransitionError,
    UserError,
    ValidationError,
)
from counter_app.services.actor import Actor
from counter_app.services.applicants import ApplicantInput
from counter_app.services.lookup import lookup
from counter_app.services.offices import find_actor
from counter_app.services.processing import (
    ReturnInput,
    apologise,
    cancel,
    confirm_payment,
    request_payment,
    request_supplement,
    resolve,
    return_result,
    start,
    stop,
    supply_supplement,
    transfer,
    withdraw,
)
from counter_app.services.receiving import IntakeRequest, receive
from counter_app.services.reports import overdue_list

HONG = ApplicantInput(
    full_name="Nguyễn Thị Ánh Hồng",
    id_number="038190012345",
    birth_date=date(1990, 5, 1),
    sex="female",
    phone="0912 345 678",
    address="Số 5 đường Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa",
)
# The appointment of a 2.001955 dossier received at MONDAY_9AM.
DUE = datetime(2026, 12, 3, 9, 0, tzinfo=TZ)
UNKNOWN_CODE = "000.00.31.H56-261123-0099"

Step = Callable[[Database, Actor, str, datetime], object]


def at(day: int, hour: int, minute: int = 0, month: int = 12) -> datetime:
    """An office-local instant in 2026 (December unless told)."""
    return datetime(2026, month, day, hour, minute, tzinfo=TZ)


def received(db: Database, officer: Actor, procedure: str = "2.001955", now: datetime = MONDAY_9AM) -> str:
    return receive(db, officer, IntakeRequest(procedure_code=procedure, applicant=HONG), now=now).code


def event_count(db: Database) -> int:
    with db.read() as session:
        return session.execute(select(func.count()).select_from(Event)).scalar_one()


def only_new_event(db: Database, before: int, kind: str, actor: Actor) -> Event:
    """The single event written since ``before`` events; it must be of ``kind``, by ``actor``."""
    with db.read() as session:
        new = list(session.execute(select(Event).order_by(Event.seq).offset(before)).scalars())
    assert [(e.kind, e.actor, e.actor_id, e.node_id) for e in new] == [
        (kind, actor.username, actor.user_id, NODE)
    ]
    return new[0]


def dossier_row(db: Database, code: str) -> Dossier:
    with db.read() as session:
        return session.execute(select(Dossier).where(Dossier.code == code)).scalar_one()


@dataclass(frozen=True)
class Snapshot:
    status: str
    appointment_at: datetime | None
    legal_due_at: datetime | None
    apology_count: int
    current_unit_id: object
    outcome: str | None
    resolved_at: datetime | None
    returned_to: dict[str, str] | None
    satisfaction: int | None
    events: int
    cancelled_numbers: int


def snapshot(db: Database, code: str) -> Snapshot:
    """Everything a refused step must leave untouched."""
    row = dossier_row(db, code)
    with db.read() as session:
        cancelled = session.execute(select(func.count()).select_from(CancelledNumber)).scalar_one()
    return Snapshot(
        row.status,
        row.appointment_at,
        row.legal_due_at,
        row.apology_count,
        row.current_unit_id,
        row.outcome,
        row.resolved_at,
        row.returned_to,
        row.satisfaction,
        event_count(db),
        cancelled,
    )


def set_supplement_rule(db: Database, procedure: str, rule: str) -> None:
    with db.write() as session:
        proc = session.execute(select(Procedure).where(Procedure.code == procedure)).scalar_one()
        version = session.get(ProcedureVersion, proc.current_version_id)
        assert version is not None
        version.supplement_rule = rule


# Steps that bring a dossier received at MONDAY_9AM to a status, one hour apart.
PATH_TO: dict[str, list[Step]] = {
    "received": [],
    "in_progress": [lambda db, a, c, n: start(db, a, c, now=n)],
    "supplement_requested": [lambda db, a, c, n: request_supplement(db, a, c, "Thiếu văn bản góp ý", now=n)],
    "awaiting_payment": [
        lambda db, a, c, n: start(db, a, c, now=n),
        lambda db, a, c, n: request_payment(db, a, c, "Lệ phí 100.000 đồng", now=n),
    ],
    "resolved": [lambda db, a, c, n: resolve(db, a, c, now=n)],
    "returned": [
        lambda db, a, c, n: resolve(db, a, c, now=n),
        lambda db, a, c, n: return_result(db, a, c, ReturnInput(), now=n),
    ],
}


def dossier_in(
    db: Database, officer: Actor, status: str, procedure: str = "2.001955"
) -> tuple[str, datetime]:
    """A new dossier brought to ``status``; returns its code and the instant of its last step."""
    code = received(db, officer, procedure)
    now = MONDAY_9AM
    for step in PATH_TO[status]:
        now += timedelta(hours=1)
        step(db, officer, code, now)
    assert dossier_row(db, code).status == status
    return code, now


def refused_unchanged(
    db: Database, code: str, call: Callable[[], object], error: type[UserError], case: str
) -> UserError:
    """Run a step that must fail with ``error``; the dossier, events and numbers must be untouched."""
    before = snapshot(db, code)
    try:
        call()
    except error as exc:
        assert snapshot(db, code) == before, f"{case}: something was written"
        return exc
    raise AssertionError(f"{case}: no {error.__name__} raised")


# --- Transfer -----------------------------------------------------------------------------------------


def test_given_received_dossier_when_transferred_twice_then_one_event_each_naming_from_and_to_units(
    db: Database, officer: Actor
) -> None:
    code = received(db, officer)
    colleague = find_actor(db, "canbo2")

    before = event_count(db)
    first = transfer(db, officer, code, "SNV", "  Chuyển   thẩm định ", now=MONDAY_9AM + timedelta(hours=1))
    first_event = only_new_event(db, before, "transfer", officer)
    before = event_count(db)
    second = transfer(db, colleague, code, " SYT ", now=MONDAY_9AM + timedelta(hours=2))
    second_event = only_new_event(db, before, "transfer", colleague)

    assert (first.status, second.status) == ("in_progress", "in_progress")
    assert first_event.payload == {
        "code": code,
        "status": "in_progress",
        "from_unit": None,
        "to_unit": "SNV",
        "to_unit_name": "Sở Nội vụ",
        "note": "Chuyển thẩm định",
    }
    assert second_event.payload == {
        "code": code,
        "status": "in_progress",
        "from_unit": "SNV",
        "to_unit": "SYT",
        "to_unit_name": "Sở Y tế",
        "note": "",
    }
    assert first_event.occurred_at == MONDAY_9AM + timedelta(hours=1)
    assert first_event.local_date == date(2026, 11, 23)
    view = lookup(db, reader(db), code)
    assert (view.status, view.current_unit, view.appointment_at) == ("in_progress", "Sở Y tế", DUE)


def test_given_unknown_unit_when_transferring_then_not_found_and_nothing_written(
    db: Database, officer: Actor
) -> None:
    code = received(db, officer)

    error = refused_unchanged(
        db,
        code,
        lambda: transfer(db, officer, code, " SXX ", now=MONDAY_9AM + timedelta(hours=1)),
        NotFoundError,
        "unknown unit",
    )

    assert (error.message, error.field) == ("Không có đơn vị mã «SXX».", "unit")


# --- Start --------------------------------------------------------------------------------------------


def test_given_scanned_code_in_lower_case_when_started_then_in_progress_with_one_event(
    db: Database, officer: Actor
) -> None:
    code = received(db, officer)
    before = event_count(db)

    result = start(db, officer, f"  {code.lower()} \n", now=MONDAY_9AM + timedelta(hours=1))

    event = only_new_event(db, before, "start", officer)
    assert (result.code, result.status, result.appointment_at) == (code, "in_progress", DUE)
    assert event.payload == {"code": code, "status": "in_progress"}
    assert lookup(db, reader(db), code).legal_due_at == DUE


# --- Supplement during processing: restart and pause ----------------------------------------------------


def test_given_restart_rule_when_supplement_supplied_then_term_counted_again_from_supply(
    db: Database, officer: Actor
) -> None:
    code, _ = dossier_in(db, officer, "in_progress")
    before = event_count(db)
    requested = request_supplement(db, officer, code, "  Thiếu   văn bản góp ý ", now=at(25, 10, month=11))
    request_event = only_new_event(db, before, "request_supplement", officer)
    assert (requested.status, requested.appointment_at) == ("supplement_requested", DUE)
    assert dossier_row(db, code).waiting_since == at(25, 10, month=11)

    before = event_count(db)
    result = supply_supplement(db, officer, code, now=at(27, 14, month=11))

    # 7 × 7.5 h = 52.5 h from Fri 27/11 14:00: Fri 3 h, Mon 30/11 … Mon 7/12 (6 days) 45 h → 48 h;
    # the last 4.5 h on Tue 8/12: 07:30–11:30 (4 h) and 13:30–14:00.
    expected = at(8, 14)
    supply_event = only_new_event(db, before, "supply_supplement", officer)
    assert (result.status, result.appointment_at) == ("in_progress", expected)
    row = dossier_row(db, code)
    assert (row.appointment_at, row.legal_due_at, row.waiting_since) == (expected, expected, None)
    assert request_event.payload == {
        "code": code,
        "status": "supplement_requested",
        "reason": "Thiếu văn bản góp ý",
    }
    assert supply_event.payload == {
        "code": code,
        "status": "in_progress",
        "rule": "restart",
        "appointment_at": "2026-12-08T14:00:00+07:00",
    }


def test_given_pause_rule_when_supplement_supplied_then_appointment_moves_by_working_time_waited(
    db: Database, officer: Actor
) -> None:
    set_supplement_rule(db, "2.001955", "pause")
    code = received(db, officer)
    request_supplement(db, officer, code, "Thiếu văn bản góp ý", now=at(25, 10, month=11))
    before = event_count(db)

    result = supply_supplement(db, officer, code, now=at(27, 14, month=11))

    # Waiting: Wed 25/11 10:00–11:30 + 13:30–17:00 (5 h), Thu 26/11 7.5 h, Fri 27/11 07:30–11:30 +
    # 13:30–14:00 (4.5 h) = 17 h. From Thu 3/12 09:00: Thu 2.5 + 3.5 h, Fri 4/12 7.5 h → 13.5 h;
    # the last 3.5 h on Mon 7/12 from 07:30 → 11:00.
    expected = at(7, 11)
    event = only_new_event(db, before, "supply_supplement", officer)
    assert (result.status, result.appointment_at) == ("in_progress", expected)
    view = lookup(db, reader(db), code)
    assert (view.appointment_at, view.legal_due_at) == (expected, expected)
    assert (event.payload["rule"], event.payload["appointment_at"]) == ("pause", "2026-12-07T11:00:00+07:00")


# --- Financial obligation: the clock stops while the citizen pays -------------------------------------------


def test_given_payment_requested_then_waiting_not_overdue_and_confirmed_payment_moves_both_deadlines(
    db: Database, officer: Actor, supervisor: Actor
) -> None:
    code, _ = dossier_in(db, officer, "in_progress")
    other, _ = dossier_in(db, officer, "in_progress")
    apologise(db, officer, code, at(10, 15), "Chờ ý kiến Sở Tài chính", now=at(25, 9, month=11))
    before = event_count(db)

    requested = request_payment(
        db, officer, code, "  Lệ phí   trước bạ 500.000 đồng ", now=at(25, 10, month=11)
    )

    request_event = only_new_event(db, before, "request_payment", officer)
    assert (requested.status, requested.appointment_at) == ("awaiting_payment", at(10, 15))
    assert dossier_row(db, code).waiting_since == at(25, 10, month=11)
    assert request_event.payload == {
        "code": code,
        "status": "awaiting_payment",
        "obligation": "Lệ phí trước bạ 500.000 đồng",
    }
    # Past the legal deadline (Thu 3/12 09:00) the waiting dossier is not overdue; the other one is.
    overdue = [line.code for line in overdue_list(db, supervisor, at(4, 10))]
    assert other in overdue and code not in overdue

    before = event_count(db)
    result = confirm_payment(db, officer, code, "Biên lai số 0012345", now=at(27, 14, month=11))

    # Waited 17 working hours (as in the pause-rule supplement test): legal Thu 3/12 09:00 → Mon 7/12
    # 11:00; the appointment from the apology, Thu 10/12 15:00 (2 h left that day) → Fri 11/12 7.5 h →
    # the last 7.5 h on Mon 14/12 → 17:00.
    confirm_event = only_new_event(db, before, "confirm_payment", officer)
    assert (result.status, result.appointment_at) == ("in_progress", at(14, 17))
    row = dossier_row(db, code)
    assert (row.legal_due_at, row.appointment_at, row.waiting_since) == (at(7, 11), at(14, 17), None)
    assert confirm_event.payload == {
        "code": code,
        "status": "in_progress",
        "note": "Biên lai số 0012345",
        "legal_due_at": "2026-12-07T11:00:00+07:00",
        "appointment_at": "2026-12-14T17:00:00+07:00",
    }


def test_given_apology_during_the_wait_when_paid_then_that_appointment_kept_and_only_the_deadline_moves(
    db: Database, officer: Actor
) -> None:
    code, _ = dossier_in(db, officer, "in_progress")
    request_payment(db, officer, code, "Lệ phí 100.000 đồng", now=at(25, 10, month=11))
    # Promised while the citizen was paying: it already allows for the wait.
    apologise(db, officer, code, at(10, 15), "Chờ nộp lệ phí", now=at(26, 9, month=11))

    result = confirm_payment(db, officer, code, now=at(27, 14, month=11))

    row = dossier_row(db, code)
    assert (result.appointment_at, row.appointment_at, row.legal_due_at) == (
        at(10, 15),
        at(10, 15),
        at(7, 11),
    )


# --- Resolve: outcome against the legal deadline ---------------------------------------------------------


def test_given_in_progress_dossiers_when_resolved_then_outcome_early_on_time_or_late(
    db: Database, officer: Actor
) -> None:
    cases = [
        (at(2, 16), "early"),  # the working day before the appointment day
        (at(3, 7, 45), "on_time"),  # on the appointment day, before 09:00
        (at(3, 9, 0), "on_time"),  # exactly at the appointment instant
        (at(3, 9, 1), "late"),  # one minute after, the same day
        (at(4, 10), "late"),  # the next day
    ]
    for resolved_at, outcome in cases:
        code, _ = dossier_in(db, officer, "in_progress")
        before = event_count(db)

        result = resolve(db, officer, code, " Đã ký  quyết định ", now=resolved_at)

        case = f"resolved at {resolved_at:%d/%m %H:%M}"
        assert (result.status, result.outcome) == ("resolved", outcome), case
        view = lookup(db, reader(db), code)
        assert (view.outcome, view.resolved_at, view.apology_count) == (outcome, resolved_at, 0), case
        event = only_new_event(db, before, "resolve", officer)
        assert event.payload == {
            "code": code,
            "status": "resolved",
            "outcome": outcome,
            "apology": False,
            "note": "Đã ký quyết định",
        }, case


def test_given_apology_with_later_appointment_when_resolved_before_it_then_still_late(
    db: Database, officer: Actor
) -> None:
    code, _ = dossier_in(db, officer, "in_progress")
    new_appointment = at(4, 17)
    apologise(db, officer, code, new_appointment, "Chờ ý kiến cơ quan phối hợp", now=at(3, 8))

    result = resolve(db, officer, code, now=at(4, 10))

    # The apology moves what the citizen was told, not the legal deadline (Thu 3/12 09:00).
    assert (result.status, result.outcome, result.appointment_at) == ("resolved", "late", new_appointment)
    view = lookup(db, reader(db), code)
    assert (view.apology_count, view.outcome) == (1, "late")
    assert (view.appointment_at, view.legal_due_at) == (new_appointment, DUE)
    assert view.events[-1].payload["apology"] is True


def test_given_dossier_without_appointment_when_resolved_then_early(db: Database, officer: Actor) -> None:
    # 1.001022 states no computable term (channels and cases say OTHER): no appointment at all.
    code = received(db, officer, procedure="1.001022")
    assert lookup(db, reader(db), code).appointment_at is None

    result = resolve(db, officer, code, now=at(30, 9))

    assert (result.outcome, result.appointment_at) == ("early", None)


# --- Return --------------------------------------------------------------------------------------------


def test_given_resolved_dossiers_when_returned_to_applicant_then_receiver_and_each_satisfaction_level_kept(
    db: Database, officer: Actor
) -> None:
    code, last = dossier_in(db, officer, "resolved")
    when = last + timedelta(hours=2)
    before = event_count(db)

    result = return_result(
        db, officer, code, ReturnInput(satisfaction=1, reasons=(" Hướng dẫn  tận tình ", "  ")), now=when
    )

    applicant = {
        "full_name": "Nguyễn Thị Ánh Hồng",
        "id_number": "038190012345",
        "relation": "Người nộp hồ sơ",
        "method": "counter",
        "tracking_number": "",
    }
    event = only_new_event(db, before, "return_result", officer)
    assert result.status == "returned"
    row = dossier_row(db, code)
    assert (row.returned_at, row.returned_to, row.satisfaction) == (when, applicant, 1)
    assert row.satisfaction_reasons == ["Hướng dẫn tận tình"]
    assert (event.payload["receiver"], event.payload["satisfaction"]) == (applicant, 1)
    assert event.payload["reasons"] == ["Hướng dẫn tận tình"]  # the event says what was stored
    for level in (2, 3, 4, 5):
        other, last = dossier_in(db, officer, "resolved")
        return_result(db, officer, other, ReturnInput(satisfaction=level), now=last + timedelta(hours=1))
        assert lookup(db, reader(db), other).satisfaction == level


def test_given_authorised_person_or_post_when_returned_then_receiver_and_tracking_recorded(
    db: Database, officer: Actor
) -> None:
    proxy_code, last = dossier_in(db, officer, "resolved")
    post_code, _ = dossier_in(db, officer, "resolved")
    proxy = ReturnInput(
        receiver_name=" Trần  Văn Bình ", receiver_id_number=" 038090001234 ", relation="Người được ủy quyền"
    )

    return_result(db, officer, proxy_code, proxy, now=last + timedelta(hours=1))
    return_result(
        db,
        officer,
        post_code,
        ReturnInput(method="post", tracking_number=" EE123456789VN "),
        now=last + timedelta(hours=1),
    )

    assert dossier_row(db, proxy_code).returned_to == {
        "full_name": "Trần Văn Bình",
        "id_number": "038090001234",
        "relation": "Người được ủy quyền",
        "method": "counter",
        "tracking_number": "",
    }
    assert dossier_row(db, post_code).returned_to == {
        "full_name": "Nguyễn Thị Ánh Hồng",
        "id_number": "038190012345",
        "relation": "Người nộp hồ sơ",
        "method": "post",
        "tracking_number": "EE123456789VN",
    }


def test_given_bad_return_data_then_field_message_and_nothing_written(db: Database, officer: Actor) -> None:
    code, last = dossier_in(db, officer, "resolved")
    satisfaction = "Mức hài lòng phải từ 1 (Rất hài lòng) đến 5."
    cases = [
        (
            "proxy without id number",
            ReturnInput(receiver_name="Trần Văn Bình", relation="Người được ủy quyền"),
            "receiver_id_number",
            "Người nhận thay phải có số giấy tờ tùy thân.",
        ),
        (
            "post without tracking number",
            ReturnInput(method="post", tracking_number="  "),
            "tracking_number",
            "Vui lòng nhập mã bưu gửi khi trả kết quả qua bưu chính.",
        ),
        ("satisfaction 6", ReturnInput(satisfaction=6), "satisfaction", satisfaction),
        ("satisfaction 0", ReturnInput(satisfaction=0), "satisfaction", satisfaction),
        (
            "unknown method",
            ReturnInput(method="email"),
            "method",
            "Hình thức trả phải là tại quầy hoặc qua bưu chính.",
        ),
    ]
    for case, data, field, message in cases:
        error = refused_unchanged(
            db,
            code,
            lambda data=data: return_result(db, officer, code, data, now=last + timedelta(hours=1)),
            ValidationError,
            case,
        )
        assert (error.message, error.field) == (message, field), case
    assert dossier_row(db, code).status == "resolved"


# --- Withdraw, stop, cancel, supplement, apology: a reason is required -------------------------------------


def test_given_no_reason_when_step_needs_one_then_message_and_nothing_written(
    db: Database, officer: Actor, supervisor: Actor
) -> None:
    code, last = dossier_in(db, officer, "in_progress")
    now = last + timedelta(hours=1)
    cases: list[tuple[str, Callable[[], object], str]] = [
        ("withdraw", lambda: withdraw(db, officer, code, "  ", now=now), "Vui lòng ghi rõ lý do rút hồ sơ."),
        (
            "stop",
            lambda: stop(db, officer, code, "", legal_basis="Điều 9", now=now),
            "Vui lòng ghi rõ lý do dừng giải quyết.",
        ),
        ("cancel", lambda: cancel(db, supervisor, code, " \t", now=now), "Vui lòng ghi rõ lý do hủy hồ sơ."),
        (
            "request supplement",
            lambda: request_supplement(db, officer, code, " \n ", now=now),
            "Vui lòng ghi rõ lý do yêu cầu bổ sung.",
        ),
        (
            "apologise",
            lambda: apologise(db, officer, code, DUE + timedelta(days=1), "", now=now),
            "Vui lòng ghi rõ lý do chậm trả kết quả.",
        ),
        (
            "request payment",
            lambda: request_payment(db, officer, code, "   ", now=now),
            "Vui lòng ghi rõ khoản phải nộp (phí, lệ phí, thuế…) và số tiền.",
        ),
    ]
    for case, call, message in cases:
        error = refused_unchanged(db, code, call, ValidationError, case)
        assert (error.message, error.field) == (message, "reason"), case


def test_given_reasons_when_withdrawn_or_stopped_then_closed_with_reason_and_legal_basis(
    db: Database, officer: Actor
) -> None:
    withdrawn_code, last = dossier_in(db, officer, "supplement_requested")
    stopped_code, _ = dossier_in(db, officer, "in_progress")

    before = event_count(db)
    withdrawn = withdraw(db, officer, withdrawn_code, " Công dân  xin rút ", now=last + timedelta(hours=1))
    withdraw_event = only_new_event(db, before, "withdraw", officer)
    before = event_count(db)
    stopped = stop(
        db,
        officer,
        stopped_code,
        "Không đủ điều kiện",
        legal_basis=" Khoản 2  Điều 9 ",
        now=last + timedelta(hours=1),
    )
    stop_event = only_new_event(db, before, "stop", officer)

    assert (withdrawn.status, stopped.status) == ("withdrawn", "stopped")
    assert withdraw_event.payload == {
        "code": withdrawn_code,
        "status": "withdrawn",
        "reason": "Công dân xin rút",
    }
    assert stop_event.payload == {
        "code": stopped_code,
        "status": "stopped",
        "reason": "Không đủ điều kiện",
        "legal_basis": "Khoản 2 Điều 9",
    }


# --- Cancel (supervisor) ----------------------------------------------------------------------------------


def test_given_officer_when_cancelling_then_permission_denied_and_nothing_written(
    db: Database, officer: Actor
) -> None:
    code = received(db, officer)

    error = refused_unchanged(
        db,
        code,
        lambda: cancel(db, officer, code, "Nhập nhầm thủ tục", now=MONDAY_9AM + timedelta(minutes=10)),
        PermissionDenied,
        "officer cancels",
    )

    assert error.message == "Chỉ lãnh đạo mới được hủy hồ sơ."


def test_given_supervisor_when_cancelling_then_number_kept_as_cancelled_number_and_never_reused(
    db: Database, officer: Actor, supervisor: Actor
) -> None:
    code = received(db, officer)
    when = MONDAY_9AM + timedelta(minutes=10)
    before = event_count(db)

    result = cancel(db, supervisor, code, " Nhập  nhầm thủ tục ", now=when)

    event = only_new_event(db, before, "cancel", supervisor)
    assert result.status == "cancelled"
    assert event.payload == {
        "code": code,
        "status": "cancelled",
        "reason": "Nhập nhầm thủ tục",
        "previous_status": "received",
    }
    with db.read() as session:
        number = session.get(CancelledNumber, code)
        assert number is not None
        assert (number.reason, number.actor, number.cancelled_at) == ("Nhập nhầm thủ tục", "lanhdao", when)
    again = refused_unchanged(
        db,
        code,
        lambda: cancel(db, supervisor, code, "Nhập nhầm", now=when + timedelta(minutes=1)),
        TransitionError,
        "cancel twice",
    )
    assert again.message.endswith("đang ở trạng thái «Đã hủy».")
    assert received(db, officer, now=when + timedelta(minutes=5)).endswith("-261123-0002")


# --- Apology (phiếu 04) -------------------------------------------------------------------------------------


def test_given_officer_first_apology_then_new_appointment_and_legal_deadline_kept(
    db: Database, officer: Actor
) -> None:
    code, _ = dossier_in(db, officer, "in_progress")
    new_appointment = at(7, 17)
    before = event_count(db)

    result = apologise(db, officer, code, new_appointment, "  Chờ  xác minh ", now=at(2, 10))

    event = only_new_event(db, before, "apologise", officer)
    assert (result.status, result.appointment_at) == ("in_progress", new_appointment)
    view = lookup(db, reader(db), code)
    assert (view.apology_count, view.appointment_at, view.legal_due_at) == (1, new_appointment, DUE)
    assert datetime.fromisoformat(str(event.payload["old_appointment_at"])) == DUE
    assert event.payload["new_appointment_at"] == "2026-12-07T17:00:00+07:00"
    assert (event.payload["reason"], event.payload["apology_no"]) == ("Chờ xác minh", 1)


def test_given_second_apology_when_by_officer_then_refused_and_by_supervisor_accepted(
    db: Database, officer: Actor, supervisor: Actor
) -> None:
    code, _ = dossier_in(db, officer, "in_progress")
    apologise(db, officer, code, at(7, 17), "Chờ xác minh", now=at(2, 10))

    error = refused_unchanged(
        db,
        code,
        lambda: apologise(db, officer, code, at(10, 17), "Vẫn chờ xác minh", now=at(7, 9)),
        PermissionDenied,
        "second apology by officer",
    )
    assert error.message == "Hồ sơ đã gia hạn một lần; lần tiếp theo phải do lãnh đạo thực hiện."

    before = event_count(db)
    result = apologise(db, supervisor, code, at(10, 17), "Vẫn chờ xác minh", now=at(7, 9))

    event = only_new_event(db, before, "apologise", supervisor)
    assert result.appointment_at == at(10, 17)
    view = lookup(db, reader(db), code)
    assert (view.apology_count, view.legal_due_at) == (2, DUE)
    assert event.payload["apology_no"] == 2


def test_given_new_appointment_not_later_naive_or_past_then_refused_and_nothing_written(
    db: Database, officer: Actor
) -> None:
    code, _ = dossier_in(db, officer, "in_progress")
    without_appointment = received(db, officer, procedure="1.001022")
    not_later = "Ngày hẹn mới phải sau ngày hẹn hiện tại."
    cases = [
        ("same as current", code, DUE, not_later),
        ("earlier", code, DUE - timedelta(hours=1), not_later),
        ("naive", code, datetime(2026, 12, 7, 17, 0), "Thời điểm hẹn mới phải có múi giờ."),
        ("past, no appointment", without_appointment, at(1, 9), "Ngày hẹn mới phải ở tương lai."),
    ]
    for case, target, new_appointment, message in cases:
        error = refused_unchanged(
            db,
            target,
            lambda t=target, n=new_appointment: apologise(db, officer, t, n, "Chờ xác minh", now=at(2, 10)),
            ValidationError,
            case,
        )
        assert (error.message, error.field) == (message, "new_appointment"), case


# --- Impossible transitions, unknown and malformed codes -----------------------------------------------------


def test_given_status_when_impossible_step_then_transition_error_naming_status_and_nothing_written(
    db: Database, officer: Actor
) -> None:
    cases: list[tuple[str, Step, str, str]] = [
        # (status, step, action label, status label)
        (
            "received",
            lambda db, a, c, n: return_result(db, a, c, ReturnInput(), now=n),
            "trả kết quả",
            "Đã tiếp nhận",
        ),
        ("returned", lambda db, a, c, n: resolve(db, a, c, now=n), "cập nhật kết quả", "Đã trả kết quả"),
        ("in_progress", lambda db, a, c, n: start(db, a, c, now=n), "bắt đầu giải quyết", "Đang giải quyết"),
        ("received", lambda db, a, c, n: supply_supplement(db, a, c, now=n), "nhận bổ sung", "Đã tiếp nhận"),
        (
            "supplement_requested",
            lambda db, a, c, n: request_supplement(db, a, c, "Thiếu", now=n),
            "yêu cầu bổ sung",
            "Chờ bổ sung",
        ),
        (
            "received",
            lambda db, a, c, n: request_payment(db, a, c, "Lệ phí", now=n),
            "chuyển chờ nghĩa vụ tài chính",
            "Đã tiếp nhận",
        ),
        (
            "in_progress",
            lambda db, a, c, n: confirm_payment(db, a, c, now=n),
            "xác nhận nghĩa vụ tài chính",
            "Đang giải quyết",
        ),
        (
            "awaiting_payment",
            lambda db, a, c, n: resolve(db, a, c, now=n),
            "cập nhật kết quả",
            "Chờ thực hiện nghĩa vụ tài chính",
        ),
        ("resolved", lambda db, a, c, n: withdraw(db, a, c, "Xin rút", now=n), "rút hồ sơ", "Đã có kết quả"),
        ("resolved", lambda db, a, c, n: stop(db, a, c, "Dừng", now=n), "dừng giải quyết", "Đã có kết quả"),
        ("resolved", lambda db, a, c, n: transfer(db, a, c, "SNV", now=n), "chuyển xử lý", "Đã có kết quả"),
        (
            "returned",
            lambda db, a, c, n: apologise(db, a, c, DUE + timedelta(days=9), "Chậm", now=n),
            "xin lỗi, hẹn lại",
            "Đã trả kết quả",
        ),
    ]
    dossiers: dict[str, tuple[str, datetime]] = {}
    for status, step, action_label, status_label in cases:
        if status not in dossiers:
            dossiers[status] = dossier_in(db, officer, status)
        code, last = dossiers[status]
        case = f"{action_label} from {status}"

        error = refused_unchanged(
            db,
            code,
            lambda s=step, c=code, n=last: s(db, officer, c, n + timedelta(hours=1)),
            TransitionError,
            case,
        )

        assert error.message.startswith(f"Không thể {action_label} "), case
        assert error.message.endswith(f"đang ở trạng thái «{status_label}»."), case


def test_given_unknown_or_malformed_code_then_not_found_or_validation_error(
    db: Database, officer: Actor
) -> None:
    received(db, officer)
    before = event_count(db)
    steps: list[tuple[str, Callable[[str], object]]] = [
        ("start", lambda code: start(db, officer, code, now=MONDAY_9AM)),
        ("transfer", lambda code: transfer(db, officer, code, "SNV", now=MONDAY_9AM)),
        ("resolve", lambda code: resolve(db, officer, code, now=MONDAY_9AM)),
        ("return", lambda code: return_result(db, officer, code, ReturnInput(), now=MONDAY_9AM)),
    ]
    for case, step in steps:
        with pytest.raises(NotFoundError) as missing:
            step(UNKNOWN_CODE)
        with pytest.raises(ValidationError) as malformed:
            step(" HS-0001 ")
        with pytest.raises(ValidationError) as bad_day:
            step("000.00.31.H56-261399-0001")

        assert (missing.value.message, missing.value.field) == (
            f"Không tìm thấy hồ sơ mã «{UNKNOWN_CODE}».",
            "code",
        ), case
        assert (malformed.value.message, malformed.value.field) == (
            "«HS-0001» không phải là mã hồ sơ hợp lệ.",
            "code",
        ), case
        assert (bad_day.value.message, bad_day.value.field) == (
            "Mã hồ sơ «000.00.31.H56-261399-0001» có ngày không hợp lệ.",
            "code",
        ), case
    assert event_count(db) == before


def test_given_new_appointment_on_a_day_off_when_apologising_then_refused(
    db: Database, officer: Actor
) -> None:
    code = receive(db, officer, IntakeRequest("2.001955", HONG), now=MONDAY_9AM).code
    sunday = datetime(2026, 12, 20, 10, 0, tzinfo=TZ)
    with pytest.raises(ValidationError) as info:
        apologise(db, officer, code, sunday, "Cần xác minh thêm", now=MONDAY_9AM + timedelta(days=1))
    assert info.value.message.startswith("Ngày hẹn mới 20/12/2026 là ngày nghỉ")
    assert info.value.field == "new_appointment"
    assert lookup(db, reader(db), code).apology_count == 0
