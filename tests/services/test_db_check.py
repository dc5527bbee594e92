"""``check``: SQLite integrity (a corrupted page), foreign keys, event chains, slips missing from the archive."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import pytest
from backup_support import DataDir, corrupt_page, make_data_dir, receive_some, set_revision
from testdata import MONDAY_9AM, NODE, unguard_events

from counter_app.db.database import Database
from counter_app.services.db_check import SLIP_EVENT, check_database
from counter_app.services.offices import find_actor
from counter_app.services.slips import issue as slips


@pytest.fixture
def data(tmp_path: Path, sqlite_template: Path) -> DataDir:
    return make_data_dir(tmp_path / "data", sqlite_template)


def _check(data: DataDir) -> list[str]:
    db = data.open()
    try:
        return check_database(db, data.root / "slips").problems
    finally:
        db.close()


def _issue_receipt(data: DataDir, code: str) -> Path:
    db = data.open()
    try:
        issued = slips.issue_slip(
            db,
            find_actor(db, "canbo"),
            "receipt",
            code,
            now=MONDAY_9AM + timedelta(hours=1),
            archive_dir=data.root / "slips",
        )
        return issued.path
    finally:
        db.close()


def test_given_sound_data_then_no_problem_and_every_check_named(data: DataDir) -> None:
    _issue_receipt(data, receive_some(data, 1)[0])
    db = data.open()
    try:
        report = check_database(db, data.root / "slips")
    finally:
        db.close()
    assert report.problems == []
    assert report.checks[:2] == ["toàn vẹn SQLite", "khóa ngoại"]
    assert report.events_checked > 0 and report.slips_checked == 1
    assert report.checks[-1] == "1 phiếu trong kho lưu"


def test_given_corrupted_page_then_integrity_problem_lines(data: DataDir) -> None:
    corrupt_page(data.db_file)
    problems = _check(data)
    assert problems and all(line.count("\n") == 0 for line in problems)
    assert problems[0].startswith("Toàn vẹn SQLite: ")
    with closing(sqlite3.connect(data.db_file)) as conn:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'dossiers'").fetchone()[0]
    # Where: the page when SQLite's check can say it, else the table (the whole check stopped short).
    assert any(f"page {root}" in line or "bảng dossiers hỏng" in line for line in problems), problems


def test_given_slip_file_missing_then_named_with_its_path(data: DataDir) -> None:
    code = receive_some(data, 1)[0]
    kept = _issue_receipt(data, receive_some(data, 1, MONDAY_9AM + timedelta(minutes=30))[0])
    lost = _issue_receipt(data, code)
    lost.unlink()

    problems = _check(data)

    assert problems == [f"Phiếu đã phát hành nhưng không có trong kho lưu: {lost} (receipt {code})."]
    assert kept.exists()


def test_given_foreign_key_broken_then_named(data: DataDir) -> None:
    with closing(sqlite3.connect(data.db_file)) as conn, conn:  # foreign keys are off by default here
        conn.execute("UPDATE dossiers SET applicant_id = 'ffffffffffffffffffffffffffffffff' WHERE rowid = 1")
    problems = _check(data)
    assert "Khóa ngoại: bảng dossiers, dòng 1 trỏ tới applicants không tồn tại." in problems


def test_given_edited_event_then_broken_chain_named(data: DataDir) -> None:
    with closing(sqlite3.connect(data.db_file)) as conn, conn:
        unguard_events(conn.execute)
        conn.execute("UPDATE events SET actor = 'x' WHERE rowid = 2")
    (problem,) = _check(data)
    assert problem.startswith(f"Chuỗi sự kiện bị phá vỡ — Nút {NODE}, sự kiện số 2")


def test_given_newer_schema_then_said_and_nothing_more_read(data: DataDir) -> None:
    set_revision(data.db_file, "9999_future")
    (problem,) = _check(data)
    assert "phiên bản counter_app mới hơn" in problem


def test_given_file_that_is_no_database_then_one_line(data: DataDir) -> None:
    data.db_file.write_bytes(b"x" * 5000)
    assert _check(data) == [f"Tệp {data.db_file} không phải là cơ sở dữ liệu SQLite hoặc đã hỏng phần đầu."]


def test_slip_event_kind_is_the_slips_services() -> None:
    assert SLIP_EVENT == slips.EVENT_KIND


@pytest.mark.postgres
def test_given_postgresql_then_chains_and_slips_checked(pg_db_url: str, tmp_path: Path) -> None:
    db = Database.open(pg_db_url, NODE)
    try:
        report = check_database(db, tmp_path / "slips")
    finally:
        db.close()
    assert report.problems == [] and report.events_checked > 0
    assert report.checks[0].startswith("máy chủ PostgreSQL")
