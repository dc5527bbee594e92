"""PostgreSQL, several counters receiving at once (issue 11): gapless numbers, valid chains, no
deadlock, and the office's hot rows taken last, so the time they are held is one statement and the
commit."""

from __future__ import annotations

import itertools
import threading

import pytest
from sqlalchemy import event, func, select
from testdata import MONDAY_9AM

from counter_app.db.database import Database
from counter_app.db.event_log import book_key
from counter_app.db.models import DailyCounter, Dossier, Event
from counter_app.services import receiving
from counter_app.services.applicants import ApplicantInput
from counter_app.services.integrity import verify_events
from counter_app.services.offices import find_actor
from counter_app.services.receiving import IntakeRequest, receive

pytestmark = pytest.mark.postgres

UNIT = "000.00.31.H56"
COUNTERS = 4
EACH = 12
# (node, officer) per counter: two counters of the same workstation share its chain head.
SEATS = [("node-a", "canbo"), ("node-b", "canbo2"), ("node-c", "canbo"), ("node-c", "canbo2")]


def _request(counter: int, n: int) -> IntakeRequest:
    applicant = ApplicantInput(full_name=f"Người nộp {counter} {n}", phone="0912345678")
    return IntakeRequest("2.001955", applicant)


def _run_counters(url: str) -> tuple[list[str], list[BaseException]]:
    """COUNTERS threads, each with its own Database (engine, connection), receiving EACH at once."""
    barrier = threading.Barrier(COUNTERS)
    codes: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def counter(index: int) -> None:
        node, officer = SEATS[index]
        db = Database.open(url, node, migrate=False)
        try:
            actor = find_actor(db, officer)
            barrier.wait(timeout=60)
            for n in range(EACH):
                try:
                    code = receive(db, actor, _request(index, n), now=MONDAY_9AM).code
                except Exception as exc:  # noqa: BLE001 — collected for the assertions
                    with lock:
                        errors.append(exc)
                else:
                    with lock:
                        codes.append(code)
        finally:
            db.close()

    threads = [threading.Thread(target=counter, args=(i,)) for i in range(COUNTERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)
        assert not thread.is_alive(), "a counter never finished (deadlock?)"
    return codes, errors


def _assert_gapless(db: Database, received: int) -> None:
    expected = [f"{UNIT}-261123-{n:04d}" for n in range(1, received + 1)]
    with db.read() as session:
        assert sorted(session.execute(select(Dossier.code)).scalars()) == expected
        counters = dict(session.execute(select(DailyCounter.unit_code, DailyCounter.last_seq)).all())
        assert counters == {UNIT: received, book_key(UNIT): received}
        lines = sorted(session.execute(select(Dossier.register_seq)).scalars())
        assert lines == list(range(1, received + 1))
        # One "received" event per dossier, each naming its own code.
        payloads = session.execute(select(Event.payload).where(Event.kind == "received")).scalars()
        assert sorted(p["code"] for p in payloads) == expected
    report = verify_events(db)
    assert report.first_broken is None


def test_given_four_counters_receiving_at_once_then_numbers_gapless_and_chains_valid(pg_db_url: str) -> None:
    codes, errors = _run_counters(pg_db_url)

    assert errors == []  # in particular no deadlock was detected
    assert len(codes) == len(set(codes)) == COUNTERS * EACH
    db = Database.open(pg_db_url, "checker", migrate=False)
    try:
        _assert_gapless(db, COUNTERS * EACH)
        with db.read() as session:
            # The two counters of node-c appended to one chain: its numbers follow without a gap.
            seqs = session.execute(
                select(Event.seq).where(Event.node_id == "node-c").order_by(Event.seq)
            ).scalars()
            assert list(seqs) == list(range(1, 2 * EACH + 1))
    finally:
        db.close()


def test_given_receipts_failing_after_taking_their_numbers_then_numbers_given_back(
    pg_db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every fifth receipt fails once it holds its numbers, before writing anything else.
    calls = itertools.count(1)
    write_together = receiving.write_together

    def failing(*args: object, **kwargs: object) -> None:
        if next(calls) % 5 == 0:
            raise RuntimeError("disk full")
        write_together(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(receiving, "write_together", failing)

    codes, errors = _run_counters(pg_db_url)

    failed = COUNTERS * EACH // 5
    assert [str(e) for e in errors] == ["disk full"] * failed
    assert len(codes) == COUNTERS * EACH - failed
    db = Database.open(pg_db_url, "checker", migrate=False)
    try:
        _assert_gapless(db, COUNTERS * EACH - failed)
    finally:
        db.close()


def test_given_a_receipt_then_after_the_numbers_one_statement_then_the_commit(pg_db_url: str) -> None:
    db = Database.open(pg_db_url, "node-a", migrate=False)
    try:
        actor = find_actor(db, "canbo")
        receive(db, actor, _request(0, 0), now=MONDAY_9AM)  # the node's head exists from now on
        trace: list[str] = []
        event.listen(db.engine, "before_cursor_execute", lambda *a: trace.append(" ".join(a[2].split())))
        event.listen(db.engine, "commit", lambda conn: trace.append("COMMIT"))

        receive(db, actor, _request(0, 1), now=MONDAY_9AM)

        taken = next(i for i, sql in enumerate(trace) if sql.startswith("INSERT INTO daily_counters"))
        # Before the numbers: every read, the applicant, and this workstation's chain head.
        assert any(sql.startswith("INSERT INTO applicants") for sql in trace[:taken])
        assert "FROM node_heads" in trace[taken - 1] and trace[taken - 1].endswith("FOR UPDATE")
        # After them: the dossier, its documents, its event and the head in one statement; the commit.
        after = trace[taken + 1 :]
        assert [sql.split()[0] for sql in after] == ["WITH", "COMMIT"]
        for table in ("dossiers", "dossier_documents", "events"):
            assert f"INSERT INTO {table} " in after[0]
        assert "UPDATE node_heads" in after[0]
        with db.read() as session:
            assert session.execute(select(func.count()).select_from(Dossier)).scalar_one() == 2
    finally:
        db.close()
