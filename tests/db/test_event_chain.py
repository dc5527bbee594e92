"""The event log detects an edited, deleted or re-linked event."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest
from sqlalchemy import delete, func, select, text, update
from testdata import MONDAY_9AM, unguard_events

from counter_app.db.database import Database
from counter_app.db.engine import sqlite_file_of
from counter_app.db.errors import DatabaseUnavailable
from counter_app.db.event_log import GENESIS_HASH, HASH_VERSION, event_hash
from counter_app.db.models import Event, NodeHead
from counter_app.services.actor import Actor
from counter_app.services.applicants import ApplicantInput
from counter_app.services.dossier_replay import verify_dossiers
from counter_app.services.integrity import verify_events
from counter_app.services.offices import find_actor
from counter_app.services.receiving import IntakeRequest, receive


def _receive_three(db: Database, officer: Actor) -> None:
    request = IntakeRequest("2.001955", ApplicantInput(full_name="Lê Thị Mai"))
    for _ in range(3):
        receive(db, officer, request, now=MONDAY_9AM)


def _received_events(db: Database) -> list[Event]:
    with db.read() as session:
        return list(
            session.execute(select(Event).where(Event.kind == "received").order_by(Event.seq)).scalars()
        )


def test_given_untouched_log_then_chain_verifies(db: Database, officer: Actor) -> None:
    _receive_three(db, officer)
    report = verify_events(db)
    assert report.first_broken is None
    with db.read() as session:
        assert report.events_checked == session.execute(select(func.count()).select_from(Event)).scalar_one()


def test_given_edited_payload_then_verify_names_that_event(db: Database, officer: Actor) -> None:
    _receive_three(db, officer)
    target = _received_events(db)[1]
    with db.write() as session:
        unguard_events(lambda sql: session.execute(text(sql)), db.dialect)
        session.execute(update(Event).where(Event.id == target.id).values(payload={"code": "forged"}))
    report = verify_events(db)
    assert report.first_broken is not None
    assert f"sự kiện số {target.seq} (received)" in report.first_broken.render()
    assert "mã băm không khớp" in report.first_broken.render()


def test_given_deleted_event_then_verify_reports_the_gap(db: Database, officer: Actor) -> None:
    _receive_three(db, officer)
    target = _received_events(db)[1]
    with db.write() as session:
        unguard_events(lambda sql: session.execute(text(sql)), db.dialect)
        session.execute(delete(Event).where(Event.id == target.id))
    report = verify_events(db)
    assert report.first_broken is not None
    assert f"thiếu sự kiện số {target.seq}" in report.first_broken.render()


def test_given_event_rewritten_with_a_valid_hash_then_next_link_breaks(db: Database, officer: Actor) -> None:
    _receive_three(db, officer)
    first, second, _ = _received_events(db)
    first.actor = "mallory"
    forged = event_hash(first)  # a forger who recomputes the hash of the edited event …
    with db.write() as session:
        unguard_events(lambda sql: session.execute(text(sql)), db.dialect)
        session.execute(update(Event).where(Event.id == first.id).values(actor="mallory", hash=forged))
    report = verify_events(db)
    # … is betrayed by the next event, which still links to the original hash.
    assert report.first_broken is not None
    assert (
        f"sự kiện số {second.seq} (received): liên kết với sự kiện trước bị sai"
        in report.first_broken.render()
    )


@pytest.mark.parametrize(
    ("column", "value"),
    [("payload", '{"code": "forged"'), ("occurred_at", "hôm qua"), ("local_date", "2026-13-45")],
)
def test_given_event_edited_into_something_unreadable_then_verify_names_it(
    sqlite_db: Database, column: str, value: str
) -> None:
    officer = find_actor(sqlite_db, "canbo")
    _receive_three(sqlite_db, officer)
    target = _received_events(sqlite_db)[1]
    file = sqlite_file_of(sqlite_db.url)
    assert file is not None
    with closing(sqlite3.connect(file)) as raw, raw:
        unguard_events(raw.execute)
        raw.execute(f"UPDATE events SET {column} = ? WHERE id = ?", (value, target.id.hex))

    report = verify_events(sqlite_db)

    assert report.first_broken is not None
    assert f"sự kiện số {target.seq} (received): nội dung không đọc được" in report.first_broken.render()


# --- what version 2 of the hash and the chain head add (issue 14) ---------------------------------------


def test_given_an_events_actor_id_changed_then_verify_names_that_event(db: Database, officer: Actor) -> None:
    _receive_three(db, officer)
    target = _received_events(db)[1]
    assert target.hash_version == HASH_VERSION == 2 and target.actor_id == officer.user_id
    with db.write() as session:
        unguard_events(lambda sql: session.execute(text(sql)), db.dialect)
        session.execute(update(Event).where(Event.id == target.id).values(actor_id=None))
    broken = verify_events(db).first_broken
    assert broken is not None and f"sự kiện số {target.seq} (received)" in broken.render()


def test_given_events_hashed_before_version_2_then_they_still_verify_as_they_were(
    db: Database, officer: Actor
) -> None:
    _receive_three(db, officer)
    with db.write() as session:  # what migration 0013 found: version 1 hashes, actor_id not covered
        unguard_events(lambda sql: session.execute(text(sql)), db.dialect)
        prev = GENESIS_HASH
        for event in session.execute(select(Event).order_by(Event.seq)).scalars():
            event.hash_version, event.prev_hash = 1, prev
            event.hash = prev = event_hash(event)
            session.flush()
        session.execute(update(NodeHead).values(last_hash=prev))
    assert verify_events(db).first_broken is None
    with db.write() as session:
        unguard_events(lambda sql: session.execute(text(sql)), db.dialect)
        session.execute(update(Event).values(actor_id=None))  # not covered by version 1
    assert verify_events(db).first_broken is None


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ("UPDATE node_heads SET last_seq = last_seq - 1", "đầu chuỗi ghi sự kiện số"),
        ("UPDATE node_heads SET last_hash = '" + "f" * 64 + "'", "mã băm ở đầu chuỗi khác"),
        ("DELETE FROM node_heads", "không có đầu chuỗi"),
    ],
)
def test_given_the_chain_head_edited_then_verify_names_it_and_a_receipt_says_so_in_vietnamese(
    db: Database, officer: Actor, change: str, said: str
) -> None:
    _receive_three(db, officer)
    with db.write() as session:
        session.execute(text(change))

    broken = verify_events(db).first_broken

    assert (
        broken is not None and broken.render().startswith(f"Nút {db.node_id}: ") and said in broken.render()
    )
    if "last_seq" in change:  # the next event would take a number already used
        request = IntakeRequest("2.001955", ApplicantInput(full_name="Lê Thị Mai"))
        with pytest.raises(DatabaseUnavailable, match="không khớp với đầu chuỗi"):
            receive(db, officer, request, now=MONDAY_9AM)


def test_given_every_event_deleted_and_heads_reset_then_the_chain_is_empty_but_the_dossiers_say_so(
    db: Database, officer: Actor
) -> None:
    _receive_three(db, officer)
    with db.write() as session:
        unguard_events(lambda sql: session.execute(text(sql)), db.dialect)
        session.execute(text("DELETE FROM events"))
        session.execute(text("DELETE FROM node_heads"))
    assert verify_events(db).first_broken is None  # an empty chain is a whole chain …
    report = verify_dossiers(db)  # … but dossiers without their events are not
    assert len(report.problems) == 3 and "không có sự kiện tiếp nhận" in report.problems[0].render()
