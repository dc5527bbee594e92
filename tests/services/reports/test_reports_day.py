"""End-of-day report on Thursday 3/12/2026 of report_fixture.py's history (SQLite and PostgreSQL)."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from report_fixture import TWIN_CODE, A, at, build, twin_fields

from counter_app.db.database import Database
from counter_app.domain.errors import NotFoundError, PermissionDenied, ValidationError
from counter_app.services.applicants import ApplicantInput
from counter_app.services.receiving import IntakeRequest, receive
from counter_app.services.reports import LabelledCount, end_of_day

THURSDAY = date(2026, 12, 3)
NO_SATISFACTION = (0, 0, 0, 0, 0)


def counts(items: tuple[LabelledCount, ...]) -> list[tuple[str, int]]:
    return [(i.key, i.count) for i in items]


def test_end_of_day_office(db: Database) -> None:
    h = build(db)
    r = end_of_day(db, h.supervisor, THURSDAY)
    assert r.day == THURSDAY and r.officer_id is None and r.at == at(4, 0)  # judged at 24:00 local
    # Received: D5 (postal, Hộ tịch). D6 was received too but cancelled the same day; D8 was refused.
    assert r.received == 1
    assert counts(r.received_by_channel) == [("direct", 0), ("online", 0), ("postal", 1)]
    assert [(f.key, f.label, f.count) for f in r.received_by_field] == [("G15-TP07", "Hộ tịch", 1)]
    # Slips: phiếu 02 at intake 09:15 (C1) and the supplement request on D13 09:00 (C1); refusal D8.
    assert (r.supplement_slips, r.supplement_at_intake, r.supplement_in_processing) == (2, 1, 1)
    assert r.refusals == 1
    assert r.guidance == 2  # C1 08:30, C2 15:00
    assert r.transferred == 1  # D5 → STP; the transfer of D6 does not count (D6 cancelled since)
    assert (r.resolved, r.returned) == (1, 1)  # D4 resolved 15:00, returned 16:30
    # Due tomorrow (Friday 4/12): D2, legal deadline 4/12 08:00 (its apology moved only the appointment).
    assert r.due_tomorrow_date == date(2026, 12, 4)
    assert [(d.code, d.legal_due_at, d.appointment_at, d.apology_count) for d in r.due_tomorrow] == [
        (h.codes["D2"], at(4, 8), at(8, 17), 1)
    ]
    # Overdue at 24:00: D1 (due 09:00; 09:00–11:30 + 13:30–17:00 = 6 h = 0.8 working day). D13 was due
    # 14:00 but waits for the citizen since 09:00.
    assert [
        (d.code, d.applicant_name, d.procedure_code, d.unit_name, d.appointment_at) for d in r.overdue
    ] == [(h.codes["D1"], "Nguyễn Thị Ánh Hồng", A, "Sở Nội vụ", at(3, 9))]
    assert r.overdue[0].overdue_working_days == 0.8 and r.overdue[0].status == "in_progress"
    assert [(c.code, c.reason, c.actor, c.previous_status, c.cancelled_at) for c in r.cancellations] == [
        (h.codes["D6"], "Nhập nhầm thủ tục", "lanhdao", "in_progress", at(3, 14, 10))
    ]
    assert [(o.username, o.received, o.returned, o.guidance) for o in r.officers] == [
        ("canbo", 0, 1, 1),  # returned D4, guidance 08:30
        ("canbo2", 1, 0, 1),  # received D5, guidance 15:00
    ]
    assert counts(r.satisfaction) == [("1", 1), ("2", 0), ("3", 0), ("4", 0), ("5", 0)]  # D4: Rất hài lòng
    assert r.satisfaction_unanswered == 0


def test_end_of_day_counter_and_instant(db: Database) -> None:
    h = build(db)
    mine = end_of_day(db, h.supervisor, THURSDAY, officer_id=h.officer2.user_id)
    assert (mine.officer_id, mine.received, mine.guidance, mine.transferred, mine.resolved) == (
        h.officer2.user_id,
        1,  # D5
        1,
        1,  # D5 → STP
        1,  # D4 resolved by canbo2
    )
    assert (mine.returned, mine.refusals, mine.supplement_slips) == (0, 0, 0)
    # D1, D2 and D6 were received by canbo: not this counter's.
    assert (mine.overdue, mine.due_tomorrow, mine.cancellations) == ((), (), ())
    assert [(o.username, o.received, o.returned, o.guidance) for o in mine.officers] == [("canbo2", 1, 0, 1)]
    assert counts(mine.satisfaction) == [("1", 0), ("2", 0), ("3", 0), ("4", 0), ("5", 0)]
    # At 12:00: D1 overdue by 2 h 30 (09:00–11:30 = 1/3 working day); D2 due tomorrow; D13 waiting.
    noon = end_of_day(db, h.supervisor, THURSDAY, at=at(3, 12))
    assert [(d.code, d.overdue_working_days) for d in noon.overdue] == [(h.codes["D1"], 0.33)]
    assert [d.code for d in noon.due_tomorrow] == [h.codes["D2"]]
    # Tuesday 1/12: D3 received at 06:30 local (Monday 23:30 UTC); D0 returned 08:00 without an answer.
    tuesday = end_of_day(db, h.supervisor, date(2026, 12, 1))
    assert (tuesday.received, tuesday.returned, tuesday.satisfaction_unanswered) == (1, 1, 1)
    assert [(f.key, f.count) for f in tuesday.received_by_field] == [("G15-TP07", 1)]
    assert end_of_day(db, h.supervisor, date(2026, 11, 30)).received == 0


def test_end_of_day_bad_inputs(db: Database, officer, supervisor) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied, match="^Chỉ lãnh đạo mới được xem báo cáo.$"):
        end_of_day(db, officer, THURSDAY)
    unknown = uuid.UUID(int=9)
    with pytest.raises(NotFoundError) as exc:
        end_of_day(db, supervisor, THURSDAY, office_id=unknown)
    assert exc.value.message == f"Không tìm thấy đơn vị tiếp nhận «{unknown}»."
    with pytest.raises(NotFoundError, match="Không tìm thấy cán bộ"):
        end_of_day(db, supervisor, THURSDAY, officer_id=unknown)
    with pytest.raises(ValidationError, match="Ngày báo cáo phải là một ngày"):
        end_of_day(db, supervisor, at(3, 12))  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="thiếu múi giờ"):
        end_of_day(db, supervisor, THURSDAY, at=at(3, 12).replace(tzinfo=None))
    empty = end_of_day(db, supervisor, THURSDAY)
    assert (empty.received, empty.overdue, empty.officers, empty.satisfaction_unanswered) == (0, (), (), 0)
    assert counts(empty.received_by_channel) == [("direct", 0), ("online", 0), ("postal", 0)]


def test_end_of_day_tells_two_fields_of_one_name_apart(db: Database) -> None:
    twin_fields(db)  # procedure A's field becomes G08-NG07 "Hộ tịch", like B's G15-TP07
    h = build(db)
    receive(db, h.officer, IntakeRequest(A, ApplicantInput(full_name="Lưu Văn Sơn")), now=at(3, 11, 30))
    r = end_of_day(db, h.supervisor, THURSDAY)
    assert [(f.key, f.label, f.count) for f in r.received_by_field] == [
        (TWIN_CODE, "Hộ tịch (G08-NG07)", 1),  # the dossier just received
        ("G15-TP07", "Hộ tịch (G15-TP07)", 1),  # D5
    ]
    # Another day with one of them only: the plain name.
    assert [f.label for f in end_of_day(db, h.supervisor, date(2026, 12, 1)).received_by_field] == ["Hộ tịch"]


def test_end_of_day_satisfaction_drops_a_dossier_cancelled_after_its_return(db: Database) -> None:
    # The ratings are read from the return events: one cancelled since (the next morning) no longer counts.
    from counter_app.services.processing import cancel

    h = build(db)
    cancel(db, h.supervisor, h.codes["D4"], "Nhập nhầm người nhận", now=at(4, 9))
    r = end_of_day(db, h.supervisor, THURSDAY)
    assert r.returned == 0
    assert counts(r.satisfaction) == [("1", 0), ("2", 0), ("3", 0), ("4", 0), ("5", 0)]
    assert r.satisfaction_unanswered == 0
