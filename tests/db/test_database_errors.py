"""Database errors the user cannot prevent become one user-facing error with a remedy; a bug's
database error stays what it is (counter_app/db/errors.py)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError

from counter_app.db.database import Database
from counter_app.db.errors import DatabaseUnavailable, unavailable
from counter_app.domain.errors import UserError
from counter_app.services.lookup import lookup
from counter_app.services.offices import find_actor

BUSY = "Cơ sở dữ liệu đang bận (một máy hoặc chương trình khác đang ghi). Hãy thử lại sau ít phút."


def test_given_the_write_lock_held_elsewhere_then_a_write_says_busy(
    impatient_db: Database, tmp_path: Path
) -> None:
    with closing(sqlite3.connect(tmp_path / "counter.sqlite3")) as other:
        other.execute("BEGIN EXCLUSIVE")
        with pytest.raises(DatabaseUnavailable) as caught, impatient_db.write() as session:
            session.execute(text("UPDATE offices SET name = name"))
        other.rollback()

    assert isinstance(caught.value, UserError) and caught.value.message == BUSY


@pytest.mark.parametrize(
    ("driver_text", "message"),
    [
        ("attempt to write a readonly database", "Tệp cơ sở dữ liệu chỉ cho đọc"),
        ("database or disk is full", "Không ghi được vào đĩa (đầy hoặc lỗi)"),
        ("disk I/O error", "Không ghi được vào đĩa (đầy hoặc lỗi)"),
        ("database is locked", "Cơ sở dữ liệu đang bận"),
        ("unable to open database file", "Không mở được tệp cơ sở dữ liệu"),
    ],
)
def test_given_sqlites_environment_errors_then_each_its_remedy(driver_text: str, message: str) -> None:
    error = DBAPIError.instance("UPDATE x", {}, sqlite3.OperationalError(driver_text), sqlite3.Error)

    found = unavailable(error)

    assert found is not None and found.message.startswith(message) and found.__cause__ is error


def test_given_other_driver_errors_then_not_classified() -> None:
    for orig in (
        sqlite3.IntegrityError("UNIQUE constraint failed: dossiers.code"),
        sqlite3.OperationalError("no such table: x"),
    ):
        assert unavailable(DBAPIError.instance("SELECT 1", {}, orig, sqlite3.Error)) is None


def test_given_a_broken_constraint_then_it_stays_a_database_error_not_a_user_message(
    impatient_db: Database,
) -> None:
    with pytest.raises(IntegrityError), impatient_db.write() as session:  # a bug: the crash dialog's
        session.execute(text("INSERT INTO offices (id) VALUES (NULL)"))


def test_given_the_hot_lookup_path_then_environment_errors_are_classified_too(
    impatient_db: Database, tmp_path: Path
) -> None:
    actor = find_actor(impatient_db, "canbo")
    impatient_db.engine.dispose()
    (tmp_path / "counter.sqlite3").rename(tmp_path / "moved.sqlite3")
    (tmp_path / "counter.sqlite3").mkdir()  # the file replaced by a folder: cannot be opened

    with pytest.raises(DatabaseUnavailable) as caught:
        lookup(impatient_db, actor, "000.00.31.H56-261123-0001")

    assert caught.value.message.startswith("Không mở được tệp cơ sở dữ liệu")


def test_given_an_unreachable_server_at_open_then_which_database_and_what_to_do() -> None:
    with pytest.raises(UserError) as caught:
        Database.open("postgresql+psycopg://nobody@127.0.0.1:1/office", "test-node")

    assert caught.value.message == (
        "Không mở được cơ sở dữ liệu 127.0.0.1:1/office: Không kết nối được tới máy chủ cơ sở dữ liệu. "
        "Hãy kiểm tra mạng và máy chủ rồi thử lại."
    )


@pytest.mark.postgres
def test_given_the_server_connection_lost_mid_run_then_vietnamese_and_the_next_call_reconnects(
    pg_db_url: str,
) -> None:
    db = Database.open(pg_db_url, "test-node")
    name = make_url(pg_db_url).database
    admin = create_engine(make_url(pg_db_url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with pytest.raises(DatabaseUnavailable) as caught, db.read() as session:
            session.execute(text("SELECT 1"))
            with admin.connect() as conn:  # what a server restart or a dropped network does
                conn.execute(
                    text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name"),
                    {"name": name},
                )
            session.execute(text("SELECT 1"))
        assert caught.value.message == (
            "Mất kết nối tới máy chủ cơ sở dữ liệu. Hãy kiểm tra mạng và máy chủ rồi thử lại."
        )
        officer = find_actor(db, "canbo")  # the next call gets a fresh connection
        assert officer.username == "canbo"
    finally:
        admin.dispose()
        db.close()
