"""The dossiers table is what the events established (issue 14): replaying the events finds every
row edited by hand — a status, an appointment, a code, a row added or deleted, an event deleted
with its chain head set back — and names the dossier; an untouched office verifies clean."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select, text
from testdata import MONDAY_9AM, unguard_events

from counter_app.db.database import Database
from counter_app.db.engine import sqlite_file_of
from counter_app.db.models import Event
from counter_app.services import processing
from counter_app.services.actor import Actor
from counter_app.services.applicants import ApplicantInput
from counter_app.services.dossier_replay import MAX_NAMED, verify_dossiers, verify_tables
from counter_app.services.dossiers import load_dossier
from counter_app.services.offices import find_actor
from counter_app.services.receiving import IntakeRequest, receive, refuse
from counter_app.services.slips.dossier_slips import build_receipt

LATER = MONDAY_9AM + timedelta(hours=1)


def person(i: int) -> ApplicantInput:
    return ApplicantInput(full_name=f"Lê Thị Mai {i}", id_number=f"0381900123{i:02d}")


def an_office_at_work(db: Database, officer: Actor, supervisor: Actor) -> list[str]:
    """Dossiers in many states: received, refused, moved, supplemented, paid, apologised, returned."""
    codes = [
        receive(db, officer, IntakeRequest("2.001955", person(i)), now=MONDAY_9AM).code for i in range(6)
    ]
    refuse(db, officer, IntakeRequest("2.001955", person(9)), "Không thuộc thẩm quyền", now=MONDAY_9AM)
    step = LATER
    processing.transfer(db, officer, codes[1], "SNV", now=step)
    processing.request_supplement(db, officer, codes[1], "Thiếu bản sao", now=step + timedelta(hours=1))
    processing.supply_supplement(db, officer, codes[1], now=step + timedelta(hours=2))
    processing.start(db, officer, codes[2], now=step)
    processing.request_payment(db, officer, codes[2], "Lệ phí 50.000 đồng", now=step + timedelta(hours=1))
    processing.confirm_payment(db, officer, codes[2], now=step + timedelta(hours=3))
    processing.apologise(db, officer, codes[3], MONDAY_9AM + timedelta(days=21), "Chờ ý kiến", now=step)
    processing.resolve(db, officer, codes[4], now=step)
    processing.return_result(
        db, officer, codes[4], processing.ReturnInput(satisfaction=1), now=step + timedelta(hours=1)
    )
    processing.cancel(db, supervisor, codes[5], "Nhập nhầm thủ tục", now=step)
    return codes


def edit(db: Database, *statements: str) -> None:
    with db.write() as session:
        unguard_events(lambda sql: session.execute(text(sql)), db.dialect)
        for statement in statements:
            session.execute(text(statement))


def named(db: Database) -> list[str]:
    report = verify_dossiers(db)
    return [problem.render() for problem in report.problems]


def test_given_an_office_at_work_then_every_dossier_replays_to_its_row(
    db: Database, officer: Actor, supervisor: Actor
) -> None:
    an_office_at_work(db, officer, supervisor)
    report = verify_dossiers(db)
    assert (report.ok, report.dossiers_checked, report.more) == (True, 7, 0), named(db)


@pytest.mark.parametrize(
    ("column", "value", "said"),
    [
        ("status", "'returned'", "trạng thái: bảng ghi «returned», sự kiện ghi «received»"),
        ("appointment_at", "NULL", "ngày hẹn trả: bảng ghi «không có», sự kiện ghi «2026-"),
        (
            "code",
            "'000.00.31.H56-261123-9999'",
            "mã hồ sơ: bảng ghi «000.00.31.H56-261123-9999», sự kiện ghi «",
        ),
    ],
)
def test_given_a_row_edited_by_hand_then_the_dossier_and_the_column_are_named(
    db: Database, officer: Actor, supervisor: Actor, column: str, value: str, said: str
) -> None:
    codes = an_office_at_work(db, officer, supervisor)
    edit(db, f"UPDATE dossiers SET {column} = {value} WHERE code = '{codes[0]}'")

    (problem,) = named(db)

    assert problem.startswith(f"Hồ sơ {codes[0]}: bảng hồ sơ khác với sự kiện — ") and said in problem


def test_given_an_apology_undone_in_the_row_then_the_appointment_differs(
    db: Database, officer: Actor, supervisor: Actor
) -> None:
    codes = an_office_at_work(db, officer, supervisor)
    edit(db, f"UPDATE dossiers SET appointment_at = legal_due_at WHERE code = '{codes[3]}'")
    (problem,) = named(db)
    assert problem.startswith(f"Hồ sơ {codes[3]}: ") and "ngày hẹn trả" in problem


def test_given_the_last_step_deleted_with_its_head_set_back_then_the_status_differs(
    db: Database, officer: Actor, supervisor: Actor
) -> None:
    codes = an_office_at_work(db, officer, supervisor)
    edit(
        db,
        "DELETE FROM events WHERE kind = 'cancel'",
        "UPDATE node_heads SET last_seq = last_seq - 1",
    )
    (problem,) = named(db)
    assert (
        problem.startswith(f"Hồ sơ {codes[5]}: ")
        and "bảng ghi «cancelled», sự kiện ghi «received»" in problem
    )


def test_given_every_event_deleted_then_every_dossier_is_named_or_counted(
    db: Database, officer: Actor, supervisor: Actor
) -> None:
    for i in range(MAX_NAMED + 3):
        receive(db, officer, IntakeRequest("2.001955", person(i)), now=MONDAY_9AM)
    edit(db, "DELETE FROM events")

    report = verify_dossiers(db)

    assert (len(report.problems), report.more) == (MAX_NAMED, 3)
    assert "không có sự kiện tiếp nhận" in report.problems[0].render()


def test_given_a_row_added_or_deleted_by_hand_then_named(sqlite_db: Database) -> None:
    officer = find_actor(sqlite_db, "canbo")
    codes = [
        receive(sqlite_db, officer, IntakeRequest("2.001955", person(i)), now=MONDAY_9AM).code
        for i in range(2)
    ]
    file = sqlite_file_of(sqlite_db.url)
    assert file is not None
    forged = codes[1][:-4] + "0099"
    with closing(sqlite3.connect(file)) as conn, conn:  # a database tool: foreign keys off
        conn.execute(
            f"DELETE FROM dossier_documents WHERE dossier_id = (SELECT id FROM dossiers WHERE code = '{codes[0]}')"
        )
        conn.execute(f"DELETE FROM dossiers WHERE code = '{codes[0]}'")
        columns = [r[1] for r in conn.execute("PRAGMA table_info(dossiers)")]
        copied = ", ".join(
            {"id": "'00000000000000000000000000000001'", "code": f"'{forged}'", "intake_token": "NULL"}.get(
                c, c
            )
            for c in columns
        )
        conn.execute(
            f"INSERT INTO dossiers ({', '.join(columns)}) SELECT {copied} FROM dossiers WHERE code = '{codes[1]}'"
        )

    problems = named(sqlite_db)

    assert sorted(problems) == sorted(
        [
            f"Hồ sơ {codes[0]}: có sự kiện nhưng không còn dòng trong bảng hồ sơ (đã bị xóa trực tiếp).",
            f"Hồ sơ {forged}: không có sự kiện tiếp nhận (dòng thêm trực tiếp vào bảng, hoặc sự kiện đã bị xóa).",
        ]
    )


# ----------------------------------------------------------------------------- the applicant in the events


def test_given_a_second_intake_of_the_same_person_then_the_row_is_the_newest_snapshot_and_verifies(
    db: Database, officer: Actor
) -> None:
    first = receive(db, officer, IntakeRequest("2.001955", person(1)), now=MONDAY_9AM)
    moved = replace(person(1), address="Số 9 đường Trần Phú, phường Hạc Thành", phone="0912 345 678")
    receive(db, officer, IntakeRequest("2.001955", moved), now=LATER)

    assert verify_tables(db).ok
    with db.read() as session:
        received = session.execute(
            select(Event.payload).where(Event.kind == "received").order_by(Event.seq).limit(1)
        ).scalar_one()
    assert received["applicant"]["address"] == "" and received["applicant"]["id_number"] == "038190012301"
    assert (received["return_method"], received["postal_address"]) == ("counter", None)
    # The first dossier's slips print the person as that dossier was received from, not the row now.
    with db.read() as session:
        receipt = build_receipt(session, load_dossier(session, first.code)).data
    assert (receipt.applicant.address, receipt.applicant.phone) == ("", "")


@pytest.mark.parametrize(
    ("column", "value", "said"),
    [
        ("full_name", "'Lê Thị Mây'", "họ tên: bảng ghi «Lê Thị Mây», sự kiện ghi «Lê Thị Mai 1»"),
        ("id_number", "'038190099999'", "số CCCD: bảng ghi «0381******99», sự kiện ghi «0381******01»"),
        ("phone", "'0987654321'", "điện thoại: bảng ghi «0987****21», sự kiện ghi «không có»"),
    ],
)
def test_given_an_applicant_edited_by_hand_then_named_with_numbers_masked(
    db: Database, officer: Actor, column: str, value: str, said: str
) -> None:
    code = receive(db, officer, IntakeRequest("2.001955", person(1)), now=MONDAY_9AM).code
    edit(db, f"UPDATE applicants SET {column} = {value}")

    problems = [p.render() for p in verify_tables(db).problems]

    assert (
        len(problems) == 1
        and problems[0].startswith("Người nộp Lê Thị Mai 1 (0381******01): ")
        and said in problems[0]
    )
    with db.read() as session:  # the receipt re-printed still names the person as received
        receipt = build_receipt(session, load_dossier(session, code)).data
    assert (receipt.applicant.full_name, receipt.applicant.id_number) == ("Lê Thị Mai 1", "038190012301")


def test_given_a_dossier_given_to_another_applicant_by_hand_then_named(db: Database, officer: Actor) -> None:
    codes = [receive(db, officer, IntakeRequest("2.001955", person(i)), now=MONDAY_9AM).code for i in (1, 2)]
    edit(
        db,
        f"UPDATE dossiers SET applicant_id = (SELECT applicant_id FROM dossiers WHERE code = '{codes[1]}') "
        f"WHERE code = '{codes[0]}'",
    )
    (problem,) = named(db)
    assert problem.startswith(f"Hồ sơ {codes[0]}: bảng hồ sơ khác với sự kiện — người nộp: bảng ghi «")


def test_given_the_unit_holding_a_dossier_changed_by_hand_then_named(
    db: Database, officer: Actor, supervisor: Actor
) -> None:
    codes = an_office_at_work(db, officer, supervisor)
    edit(db, f"UPDATE dossiers SET current_unit_id = NULL WHERE code = '{codes[1]}'")
    (problem,) = named(db)
    assert problem == (
        f"Hồ sơ {codes[1]}: bảng hồ sơ khác với sự kiện — đơn vị đang giữ hồ sơ: bảng ghi «không có», sự kiện ghi «SNV»."
    )
