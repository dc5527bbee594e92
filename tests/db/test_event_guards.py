"""The event log is append-only in the database itself (migration 0013): an UPDATE or DELETE of an
event — by the application, a database tool or the table's owner — is refused on both backends,
and nothing changes; inserting (every receipt and step) still works."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError
from testdata import MONDAY_9AM, NODE

from counter_app.db.database import Database
from counter_app.db.engine import sqlite_file_of
from counter_app.db.models import Event
from counter_app.services.actor import Actor
from counter_app.services.applicants import ApplicantInput
from counter_app.services.integrity import verify_events
from counter_app.services.receiving import IntakeRequest, receive

EDITS = [
    "UPDATE events SET actor = 'mallory'",
    "UPDATE events SET payload = NULL WHERE kind = 'received'",
    "DELETE FROM events WHERE kind = 'received'",
    "DELETE FROM events",
]


def events(db: Database) -> list[tuple[object, ...]]:
    with db.read() as session:
        return [
            tuple(row)
            for row in session.execute(select(Event.seq, Event.actor, Event.hash).order_by(Event.seq))
        ]


@pytest.mark.parametrize("statement", EDITS)
def test_given_events_when_edited_or_deleted_through_the_database_then_refused_and_unchanged(
    db: Database, officer: Actor, statement: str
) -> None:
    receive(db, officer, IntakeRequest("2.001955", ApplicantInput(full_name="Lê Thị Mai")), now=MONDAY_9AM)
    before = events(db)

    with pytest.raises(DBAPIError, match="append-only"), db.write() as session:
        session.execute(text(statement))

    assert events(db) == before and verify_events(db).first_broken is None


@pytest.mark.postgres
def test_given_postgres_when_events_truncated_then_refused(pg_db_url: str) -> None:
    pg_db = Database.open(pg_db_url, NODE)
    try:
        before = events(pg_db)
        with pytest.raises(DBAPIError, match="append-only"), pg_db.write() as session:
            session.execute(text("TRUNCATE events"))
        assert events(pg_db) == before and before
    finally:
        pg_db.close()


def test_given_sqlite_file_opened_by_another_tool_then_the_guard_holds_there_too(sqlite_db: Database) -> None:
    file = sqlite_file_of(sqlite_db.url)
    assert file is not None
    with closing(sqlite3.connect(file)) as conn:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM events")
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] > 0
    with sqlite_db.read() as session:
        assert session.execute(select(func.count()).select_from(Event)).scalar_one() > 0
