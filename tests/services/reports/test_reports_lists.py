"""Overdue and due-soon lists, the register (form 07) and satisfaction, on report_fixture.py's history."""

from __future__ import annotations

from dataclasses import astuple
from datetime import date

import pytest
from report_fixture import A, B, at, build
from sqlalchemy import select

from counter_app.db.database import Database
from counter_app.db.models import Agency, Procedure, ProcedureVersion
from counter_app.domain.errors import PermissionDenied, ValidationError
from counter_app.services.reports import (
    ReportFilters,
    due_soon_list,
    overdue_list,
    register,
    satisfaction_report,
)

WEDNESDAY_NOON = at(9, 12)


def names(db: Database) -> dict[str, str]:
    with db.read() as session:
        rows = session.execute(
            select(Procedure.code, ProcedureVersion.name).join(
                ProcedureVersion, ProcedureVersion.id == Procedure.current_version_id
            )
        )
        return dict(rows.all())


def test_overdue_and_due_soon(db: Database) -> None:
    h = build(db)
    sup, c = h.supervisor, h.codes
    # Wednesday 9/12 12:00: D1 (due 3/12 09:00) and D15 (due 7/12 09:00, resolved only 14/12) are late;
    # D13 (due 3/12 14:00) waits for the citizen; D2, D7, D11 are closed.
    #   D1:  6 h (3/12) + 22 h 30 (4, 7, 8/12) + 4 h (9/12 morning) = 32 h 30 = 4.33 working days
    #   D15: 6 h (7/12) + 7 h 30 (8/12) + 4 h = 17 h 30 = 2.33 working days
    late = overdue_list(db, sup, WEDNESDAY_NOON)
    # Each line as it stood at that instant: D15 was resolved only on 14/12; then it was still
    # waiting at the counter, with no unit.
    assert [(d.code, d.legal_due_at, d.overdue_working_days, d.status, d.unit_name) for d in late] == [
        (c["D1"], at(3, 9), 4.33, "in_progress", "Sở Nội vụ"),
        (c["D15"], at(7, 9), 2.33, "received", None),
    ]
    assert late[1].status_label == "Đã tiếp nhận"
    assert [(d.applicant_name, d.procedure_code, d.field_name) for d in late][0] == (
        "Nguyễn Thị Ánh Hồng",
        A,
        "Lao động, tiền lương",
    )
    with db.read() as session:
        snv = session.execute(select(Agency.id).where(Agency.code == "SNV")).scalar_one()
    assert [
        d.code for d in overdue_list(db, sup, WEDNESDAY_NOON, filters=ReportFilters(unit_ids=(snv,)))
    ] == [c["D1"]]
    # Thursday 3/12 15:00: only D1 (09:00–11:30 + 13:30–15:00 = 4 h).
    assert [(d.code, d.overdue_working_days) for d in overdue_list(db, sup, at(3, 15))] == [(c["D1"], 0.53)]
    # Due by the end of the 2nd working day after Wednesday (Friday 11/12): D3 (11/12 17:00).
    soon = due_soon_list(db, sup, WEDNESDAY_NOON)
    assert [(d.code, d.legal_due_at, d.overdue_working_days) for d in soon] == [(c["D3"], at(11, 17), None)]
    assert due_soon_list(db, sup, WEDNESDAY_NOON, working_days=0) == ()  # nothing due later today
    # Three working days (to Monday 14/12): D3, then D5 (14/12 17:00). D9 (17/12), D10, D14 later.
    assert [d.code for d in due_soon_list(db, sup, WEDNESDAY_NOON, working_days=3)] == [c["D3"], c["D5"]]
    with pytest.raises(ValidationError, match="từ 0 đến 60"):
        due_soon_list(db, sup, WEDNESDAY_NOON, working_days=-1)
    with pytest.raises(ValidationError, match="thiếu múi giờ"):
        overdue_list(db, sup, WEDNESDAY_NOON.replace(tzinfo=None))


def test_register(db: Database) -> None:
    h = build(db)
    c, title = h.codes, names(db)
    rows = register(db, h.supervisor, date(2026, 12, 1), date(2026, 12, 3))
    # TT is the dossier's line in the year's register book, as on its receipt: D3, D4, D5 and D6 were
    # received one after the other, so their lines follow each other; D8 was refused at the counter:
    # listed without a line, to explain the gap in the dossier numbers.
    book = _book_lines(db)
    assert [book[c[k]] for k in ("D4", "D5", "D6")] == [book[c["D3"]] + n for n in (1, 2, 3)]
    assert book[c["D8"]] is None
    assert [astuple(r) for r in rows] == [
        (book[c["D3"]], c["D3"], B, title[B], "Lê Thị Cúc", "Số 2 Lê Lợi", "0912345678", None,
         at(1, 6, 30), at(11, 17), at(11, 16), None, "", "resolved", "Đã có kết quả", ""),
        (book[c["D4"]], c["D4"], A, title[A], "Hoàng Minh Dũng", "Số 2 Lê Lợi", "0912345678", None,
         at(2, 9), at(11, 9), at(3, 15), at(3, 16, 30),
         "Trực tiếp tại quầy — người nhận Hoàng Minh Dũng (Người nộp hồ sơ)", "returned", "Đã trả kết quả", ""),
        (book[c["D5"]], c["D5"], B, title[B], "Vũ Thị Giang", "Số 2 Lê Lợi", "0912345678", "Sở Tư pháp",
         at(3, 10), at(14, 17), None, None, "", "in_progress", "Đang giải quyết", ""),
        (0, c["D8"], B, title[B], "Ngô Văn Khánh", "Số 2 Lê Lợi", "0912345678", None,
         at(3, 11), None, None, None, "", "refused", "Từ chối tiếp nhận",
         "Từ chối tiếp nhận: Hồ sơ không thuộc thẩm quyền"),
        (book[c["D6"]], c["D6"], A, title[A], "Đỗ Văn Hải", "Số 2 Lê Lợi", "0912345678", "Sở Y tế",
         at(3, 13, 45), at(14, 13, 45), None, None, "", "cancelled", "Đã hủy", "Đã hủy: Nhập nhầm thủ tục"),
    ]  # fmt: skip
    apology = register(db, h.supervisor, date(2026, 11, 25), date(2026, 11, 25))
    assert [(r.seq, r.code, r.note, r.how_returned) for r in apology] == [
        (
            book[c["D2"]],
            c["D2"],
            "Xin lỗi, hẹn lại 1 lần",
            "Trực tiếp tại quầy — người nhận Trần Văn Bình (Người nộp hồ sơ)",
        )
    ]
    assert [r.code for r in register(db, h.supervisor, date(2026, 12, 12), date(2026, 12, 12))] == [c["D12"]]
    with pytest.raises(ValidationError, match="^Khoảng thời gian không hợp lệ"):
        register(db, h.supervisor, date(2026, 12, 3), date(2026, 12, 1))


def _book_lines(db: Database) -> dict[str, int | None]:
    """Register-book line of every dossier, straight from the table."""
    from sqlalchemy import select

    from counter_app.db.models import Dossier

    with db.read() as session:
        return dict(session.execute(select(Dossier.code, Dossier.register_seq)).all())


def test_satisfaction(db: Database) -> None:
    h = build(db)
    r = satisfaction_report(db, h.supervisor, date(2026, 12, 1), date(2026, 12, 11))
    # Returns on 1–11/12: D0 (1/12, no answer, by canbo), D4 (3/12, level 1 "Thái độ", by canbo),
    # D2 (8/12, level 3 "Thời gian", by canbo2).
    assert (r.returned, r.answered, r.unanswered, r.satisfied_share) == (3, 2, 1, 0.5)
    assert [(x.key, x.label, x.count) for x in r.by_level] == [
        ("1", "Rất hài lòng", 1),
        ("2", "Hài lòng", 0),
        ("3", "Bình thường", 1),
        ("4", "Không hài lòng", 0),
        ("5", "Rất không hài lòng", 0),
    ]
    assert [(x.key, x.count) for x in r.by_reason] == [("Thái độ", 1), ("Thời gian", 1)]
    assert [astuple(g)[:1] + astuple(g)[2:] for g in r.by_procedure] == [(A, (1, 0, 1, 0, 0), 1, 2, 0.5)]
    assert [astuple(g) for g in r.by_officer] == [
        ("canbo", "Nguyễn Thị Lan", (1, 0, 0, 0, 0), 1, 1, 1.0),
        ("canbo2", "Trần Văn Hùng", (0, 0, 1, 0, 0), 0, 1, 0.0),
    ]
    only_c2 = satisfaction_report(
        db,
        h.supervisor,
        date(2026, 12, 1),
        date(2026, 12, 11),
        filters=ReportFilters(officer_ids=(h.officer2.user_id,)),
    )
    assert (only_c2.returned, [g.key for g in only_c2.by_officer]) == (1, ["canbo2"])
    assert satisfaction_report(db, h.supervisor, date(2026, 12, 4), date(2026, 12, 7)).returned == 0


def test_lists_need_a_supervisor(db: Database, officer, supervisor) -> None:  # type: ignore[no-untyped-def]
    for call in (
        lambda a: overdue_list(db, a, WEDNESDAY_NOON),
        lambda a: due_soon_list(db, a, WEDNESDAY_NOON),
        lambda a: register(db, a, date(2026, 12, 1), date(2026, 12, 3)),
        lambda a: satisfaction_report(db, a, date(2026, 12, 1), date(2026, 12, 3)),
    ):
        with pytest.raises(PermissionDenied, match="^Chỉ lãnh đạo mới được xem báo cáo.$"):
            call(officer)
        assert not call(supervisor) or call(supervisor).returned == 0  # empty database: nothing listed
