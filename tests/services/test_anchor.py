"""The anchor outside the file (issue 14): the printed digest of every chain head proves the history
up to it unchanged — even after a forger who rehashed every event with the program's own function
(which the hash chains alone cannot see) — and it is printed on the end-of-day report."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select, text, update
from testdata import MONDAY_9AM, unguard_events

from counter_app.db.database import Database
from counter_app.db.event_log import GENESIS_HASH, event_hash
from counter_app.db.models import Event, NodeHead
from counter_app.domain.errors import ValidationError
from counter_app.services.actor import Actor
from counter_app.services.anchor import anchor_now, check_anchor, parse_anchor
from counter_app.services.applicants import ApplicantInput
from counter_app.services.integrity import verify_events
from counter_app.services.receiving import IntakeRequest, receive
from counter_app.services.reports.end_of_day import end_of_day


def receive_some(db: Database, officer: Actor, count: int, start: int = 0) -> None:
    for i in range(start, start + count):
        person = ApplicantInput(full_name=f"Lê Thị Mai {i}", id_number=f"0381900123{i:02d}")
        receive(db, officer, IntakeRequest("2.001955", person), now=MONDAY_9AM + timedelta(minutes=i))


def rehash_everything(db: Database) -> None:
    """What a forger with the program's hash function does after an edit: every chain made whole."""
    with db.write() as session:
        unguard_events(lambda sql: session.execute(text(sql)), db.dialect)
        for node in session.execute(select(Event.node_id).distinct()).scalars().all():
            prev = GENESIS_HASH
            for event in session.execute(
                select(Event).where(Event.node_id == node).order_by(Event.seq)
            ).scalars():
                event.prev_hash = prev
                event.hash = prev = event_hash(event)
                session.flush()
            session.execute(update(NodeHead).where(NodeHead.node_id == node).values(last_hash=prev))


def test_given_an_anchor_printed_then_it_reads_back_and_still_holds_as_history_grows(
    db: Database, officer: Actor
) -> None:
    receive_some(db, officer, 3)
    printed = anchor_now(db)
    assert printed.heads == ((db.node_id, printed.heads[0][1]),) and printed.heads[0][1] > 3
    assert parse_anchor(f"Dấu chuỗi sự kiện: {printed.text}") == printed

    receive_some(db, officer, 2, start=3)

    assert check_anchor(db, parse_anchor(printed.text)) is None
    assert anchor_now(db).digest != printed.digest


def test_given_a_forger_who_rehashed_every_event_then_the_chains_pass_but_the_anchor_does_not(
    db: Database, officer: Actor
) -> None:
    receive_some(db, officer, 3)
    printed = anchor_now(db)
    with db.write() as session:
        unguard_events(lambda sql: session.execute(text(sql)), db.dialect)
        first = (
            session.execute(select(Event).where(Event.kind == "received").order_by(Event.seq))
            .scalars()
            .first()
        )
        assert first is not None
        first.payload = {**first.payload, "appointment_at": None}  # the appointment quietly removed
    rehash_everything(db)

    assert verify_events(db).first_broken is None  # the chains alone cannot tell
    problem = check_anchor(db, printed)

    assert problem is not None and problem.render().startswith("Dấu chuỗi tính lại là ")
    assert f"khác dấu đã in {printed.digest}: lịch sử đến thời điểm in đã bị sửa." in problem.render()


def test_given_events_up_to_the_anchor_deleted_then_said(db: Database, officer: Actor) -> None:
    receive_some(db, officer, 2)
    printed = anchor_now(db)
    with db.write() as session:
        unguard_events(lambda sql: session.execute(text(sql)), db.dialect)
        session.execute(text("DELETE FROM events WHERE seq = (SELECT max(seq) FROM events)"))
    problem = check_anchor(db, printed)
    assert problem is not None and "lịch sử đến thời điểm in đã bị xóa bớt" in problem.render()


@pytest.mark.parametrize("typed", ["", "3FA2-91BC", "dấu chuỗi"])
def test_given_text_that_is_no_anchor_then_refused(typed: str) -> None:
    with pytest.raises(ValidationError, match="không phải dấu chuỗi sự kiện"):
        parse_anchor(typed)


def test_given_the_end_of_day_report_then_it_carries_the_anchor_of_its_moment(
    db: Database, officer: Actor, supervisor: Actor
) -> None:
    receive_some(db, officer, 2)
    report = end_of_day(db, supervisor, date(2026, 11, 23))
    assert report.anchor == anchor_now(db).text and report.anchor.count("-") >= 4
