"""The audit trail (issue 14): every read the office must account for is a chained, append-only
record written before its data is shown — a dossier's detail, a search and the codes it returned
(never what was typed), a re-print, a report — and a read whose record cannot be written is
refused; admins and auditors list it; its chain verifies, and an edit of it is named."""

from __future__ import annotations

import sqlite3
import threading
import uuid
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError
from testdata import MONDAY_9AM

from counter_app.db.database import Database
from counter_app.db.errors import DatabaseBusy
from counter_app.db.models import AuditRecord
from counter_app.domain.errors import PermissionDenied
from counter_app.services import audit_trail
from counter_app.services.actor import Actor, Role
from counter_app.services.applicants import ApplicantInput
from counter_app.services.audit_trail import list_records, verify_audit
from counter_app.services.citizen_search import find_citizen_dossiers
from counter_app.services.lookup import lookup, search
from counter_app.services.offices import find_actor
from counter_app.services.receiving import IntakeRequest, receive
from counter_app.services.reports.files import ReportRequest, build_report
from counter_app.services.slips.issue import issue_slip, reprint_slip

HONG = ApplicantInput(full_name="Nguyễn Thị Ánh Hồng", id_number="038190012345", phone="0912 345 678")
AUDITOR = Actor(uuid.uuid4(), "kiemtra", "Kiểm tra viên", Role.AUDITOR)


def received(db: Database, officer: Actor) -> str:
    return receive(db, officer, IntakeRequest("2.001955", HONG), now=MONDAY_9AM).code


def records(db: Database) -> list[AuditRecord]:
    """The trail after the seeding's own records (its users' creation)."""
    with db.read() as session:
        query = select(AuditRecord).where(AuditRecord.action != "user_created").order_by(AuditRecord.seq)
        return list(session.execute(query).scalars())


def seeded(db: Database) -> int:
    """How many records the seeded office starts with."""
    with db.read() as session:
        return session.execute(select(func.count()).select_from(AuditRecord)).scalar_one()


def test_given_a_dossier_opened_then_one_record_names_who_and_which_and_a_read_back_none(
    db: Database, officer: Actor
) -> None:
    code = received(db, officer)
    before = seeded(db)
    lookup(db, officer, code)
    lookup(db, officer, code, with_events=False, audited=False)  # the page reading back its own action

    (record,) = records(db)
    assert (record.action, record.subject, record.actor, record.actor_id) == (
        "dossier_viewed",
        code,
        officer.username,
        officer.user_id,
    )
    assert record.seq == before + 1 and verify_audit(db).first_broken is None


def test_given_searches_then_the_codes_returned_are_kept_never_what_was_typed(
    db: Database, officer: Actor
) -> None:
    code = received(db, officer)
    search(db, officer, "038190012345")
    find_citizen_dossiers(db, officer, "Nguyễn Thị Ánh Hồng")

    first, second = records(db)
    assert (first.action, first.subject, first.details) == ("search", "0381******45", {"codes": [code]})
    assert (second.action, second.subject) == ("citizen_search", "n. t. a. h.")  # of the folded name
    assert second.details == {"kind": "name", "codes": [code]}
    stored = " ".join(str((r.subject, r.details)) for r in (first, second))
    assert "038190012345" not in stored and "Hồng" not in stored


def test_given_a_reprint_and_a_report_then_each_is_recorded(
    db: Database, officer: Actor, supervisor: Actor, tmp_path: Path
) -> None:
    code = received(db, officer)
    issue_slip(db, officer, "receipt", code, layout="a4", now=MONDAY_9AM, archive_dir=tmp_path)
    reprint_slip(db, officer, "receipt", code, "a4", tmp_path)
    build_report(db, supervisor, ReportRequest("day", "pdf", day=date(2026, 11, 23)), now=MONDAY_9AM)

    reprint, report = records(db)
    assert (reprint.action, reprint.subject, reprint.details) == (
        "slip_reprinted",
        code,
        {"slip": "receipt", "layout": "a4"},
    )
    assert (report.action, report.subject, report.actor) == ("report_made", "day", supervisor.username)
    assert report.details["format"] == "pdf" and report.details["day"] == "2026-11-23"


def test_given_audit_records_then_the_database_refuses_to_change_or_delete_them(
    db: Database, officer: Actor
) -> None:
    lookup(db, officer, received(db, officer))
    for statement in ("UPDATE audit_records SET actor = 'mallory'", "DELETE FROM audit_records"):
        with pytest.raises(DBAPIError, match="append-only"), db.write() as session:
            session.execute(text(statement))
    assert [r.actor for r in records(db)] == [officer.username]


@pytest.mark.parametrize(
    ("edit", "said"),
    [
        (
            "UPDATE audit_records SET subject = 'x' WHERE seq = {first}",
            "bản ghi số {first}: nội dung hoặc liên kết đã bị sửa",
        ),
        ("DELETE FROM audit_records WHERE seq = {first}", "bản ghi số {second}: thiếu bản ghi số {first}"),
        ("DELETE FROM audit_records WHERE seq = {second}", "đầu chuỗi không khớp bản ghi cuối"),
    ],
)
def test_given_the_trail_edited_behind_its_guards_then_verify_names_it(
    db: Database, officer: Actor, edit: str, said: str
) -> None:
    code = received(db, officer)
    first = seeded(db) + 1  # the two lookups' records
    lookup(db, officer, code)
    lookup(db, officer, code)
    edit, said = (t.format(first=first, second=first + 1) for t in (edit, said))
    with db.write() as session:  # a forger drops the guards first
        if db.dialect == "sqlite":
            session.execute(text("DROP TRIGGER audit_records_no_update"))
            session.execute(text("DROP TRIGGER audit_records_no_delete"))
        else:
            session.execute(text("ALTER TABLE audit_records DISABLE TRIGGER USER"))
        session.execute(text(edit))

    broken = verify_audit(db).first_broken

    assert broken is not None and broken.render().startswith(f"Nhật ký truy cập, nút {db.node_id}")
    assert said in broken.render()


def test_given_admins_and_auditors_then_they_list_the_trail_with_filters_and_officers_may_not(
    db: Database, officer: Actor, admin: Actor
) -> None:
    code = received(db, officer)
    lookup(db, officer, code)
    search(db, admin, code)

    assert [r.action for r in list_records(db, AUDITOR)][:2] == ["search", "dossier_viewed"]  # newest first
    assert [r.actor for r in list_records(db, admin, username=officer.username)] == [officer.username]
    assert [r.action for r in list_records(db, admin, action="search")] == ["search"]
    with pytest.raises(PermissionDenied):
        list_records(db, officer)


# ----------------------------------------------------------------------------- a read without its record


@pytest.fixture(autouse=True)
def _short_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(audit_trail, "BACKOFF_S", 0.05)


def test_given_the_database_held_a_moment_then_the_record_is_retried_and_the_read_shown(
    impatient_db: Database, tmp_path: Path
) -> None:
    officer = find_actor(impatient_db, "canbo")
    code = received(impatient_db, officer)
    other = sqlite3.connect(tmp_path / "counter.sqlite3", check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    threading.Timer(0.3, other.rollback).start()  # another counter's write, over in 0.3 s

    view = lookup(impatient_db, officer, code)

    other.close()
    assert view.code == code and [r.subject for r in records(impatient_db)] == [code]


def test_given_the_record_cannot_be_written_then_the_read_is_refused(
    impatient_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    officer = find_actor(impatient_db, "canbo")
    code = received(impatient_db, officer)
    waits: list[float] = []
    monkeypatch.setattr(audit_trail, "sleep", waits.append)
    with closing(sqlite3.connect(tmp_path / "counter.sqlite3")) as other:
        other.execute("BEGIN IMMEDIATE")  # held through every retry
        with pytest.raises(DatabaseBusy, match="Cơ sở dữ liệu đang bận"):
            lookup(impatient_db, officer, code)
        other.rollback()
    assert waits == [0.05, 0.1, 0.2, 0.4]  # it retried, waiting longer each time, then gave up
    assert records(impatient_db) == []


def test_given_the_database_held_longer_than_a_write_would_wait_then_the_retries_stop(
    impatient_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each attempt may itself wait the busy timeout: the attempts share one budget, so a counter is
    # never kept waiting five times over. The clock says 29.9 s have gone after the first attempt.
    officer = find_actor(impatient_db, "canbo")
    code = received(impatient_db, officer)
    waits: list[float] = []
    monkeypatch.setattr(audit_trail, "sleep", waits.append)
    clock = iter([0.0, 29.9, 29.99])
    monkeypatch.setattr(audit_trail, "monotonic", lambda: next(clock))
    with closing(sqlite3.connect(tmp_path / "counter.sqlite3")) as other:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(DatabaseBusy):
            lookup(impatient_db, officer, code)
        other.rollback()
    assert audit_trail.BUDGET_S == 30 and waits == [0.05]  # 29.99 + 0.1 is past the 30 s: given up
    assert records(impatient_db) == []


def test_given_a_records_day_then_listing_by_day_finds_it(db: Database, officer: Actor, admin: Actor) -> None:
    code = received(db, officer)
    audit_trail.audit(db, officer, "dossier_viewed", subject=code, now=MONDAY_9AM)
    assert [
        r.subject
        for r in list_records(
            db, admin, first=date(2026, 11, 23), last=date(2026, 11, 23), action="dossier_viewed"
        )
    ] == [code]
    assert list_records(db, admin, first=date(2026, 11, 24), last=date(2026, 11, 30)) == []
    assert list_records(db, admin, last=MONDAY_9AM.date() - timedelta(days=1)) == []


def test_given_details_then_they_read_as_words_not_as_stored_keys() -> None:
    failed = {"username": "canbo", "known": True, "reason": "password"}
    assert audit_trail.detail_parts(failed, "canbo") == ["tên có tài khoản: có", "lý do: sai mật khẩu"]
    settings = {"idle_lock_minutes": [5, 0], "receipt_layout": ["a4", "thermal80"]}
    assert audit_trail.detail_parts(settings, "canbo") == [
        "tự khóa sau (phút): 5 → 0",
        "khổ giấy tiếp nhận: a4 → thermal80",
    ]
    made = {"username": "canbo3", "role": "officer", "one_time": True}
    assert audit_trail.detail_parts(made, "canbo3", str.upper) == [
        "MẬT KHẨU MỘT LẦN: CÓ",
        "VAI TRÒ: CÁN BỘ MỘT CỬA",
    ]


def test_given_a_returning_applicant_then_the_prefill_is_recorded_masked_and_a_stranger_is_not(
    db: Database, officer: Actor
) -> None:
    from counter_app.services.receiving import returning_applicant

    assert returning_applicant(db, officer, id_number="038190099999").known is None  # nobody: nothing shown
    assert [r.action for r in records(db)] == []
    received(db, officer)

    found = returning_applicant(db, officer, id_number="038190012345")

    assert found.known is not None and found.known.full_name == HONG.full_name
    (record,) = [r for r in records(db) if r.action == "applicant_prefilled"]
    assert (record.subject, record.details) == ("0381******45", {"pending": False})
    with pytest.raises(PermissionDenied):
        returning_applicant(db, AUDITOR, id_number="038190012345")
