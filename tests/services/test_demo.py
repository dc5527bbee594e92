"""Demo dossiers look like a real office's year: every step inside office hours, in order."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select, text
from testdata import MONDAY_9AM

from counter_app.db.database import Database
from counter_app.db.event_log import book_key
from counter_app.db.models import DailyCounter, Dossier, Event, Office
from counter_app.domain.dossier_code import parse_code
from counter_app.domain.errors import ValidationError
from counter_app.services.demo import _life, generate_dossiers
from counter_app.services.integrity import verify_events
from counter_app.services.offices import calendar_for


def test_given_demo_dossiers_then_every_step_in_office_hours_in_order_and_chain_valid(
    sqlite_db: Database,
) -> None:
    assert generate_dossiers(sqlite_db, 1500, now=MONDAY_9AM) == 1500

    with sqlite_db.read() as session:
        office = session.execute(select(Office).limit(1)).scalar_one()
        calendar = calendar_for(session, office)
        steps = session.execute(
            select(Event.dossier_id, Event.kind, Event.occurred_at)
            .where(Event.dossier_id.is_not(None))
            .order_by(Event.dossier_id, Event.seq)
        ).all()
        statuses = set(session.execute(select(Dossier.status)).scalars())
    outside = [(kind, at) for _, kind, at in steps if not calendar.is_working_instant(at)]
    assert outside == []
    by_dossier: dict[object, list[datetime]] = defaultdict(list)
    for dossier_id, _, at in steps:
        by_dossier[dossier_id].append(at)
    assert len(by_dossier) == 1500
    assert all(times == sorted(times) for times in by_dossier.values())
    assert all(at <= MONDAY_9AM for _, _, at in steps)
    assert {
        "in_progress",
        "supplement_requested",
        "awaiting_payment",
        "resolved",
        "returned",
        "cancelled",
    } <= statuses
    assert verify_events(sqlite_db).first_broken is None


class _Always:
    """A random source that always draws its lowest value (every rare branch taken)."""

    def random(self) -> float:
        return 0.0

    def uniform(self, low: float, high: float) -> float:
        return low

    def choice(self, items: list[object]) -> object:
        return items[0]


def test_given_receipt_minutes_before_now_then_no_step_after_now(sqlite_db: Database) -> None:
    with sqlite_db.read() as session:
        calendar = calendar_for(session, session.execute(select(Office).limit(1)).scalar_one())
    received = MONDAY_9AM - timedelta(minutes=5)
    row = {"channel": "direct"}

    steps = _life(
        _Always(), row, received, MONDAY_9AM + timedelta(days=7), MONDAY_9AM, calendar, [("u", "SNV", "")]
    )

    # The cancel drawn 20 minutes after receipt would fall after now: nothing happened yet.
    assert [(kind, at) for kind, at, _ in steps] == [("received", received)]


def test_given_three_years_then_each_holds_its_share_with_books_and_numbers_gapless(
    sqlite_db: Database,
) -> None:
    assert generate_dossiers(sqlite_db, 1501, now=MONDAY_9AM, years=3, chunk=400) == 1501

    with sqlite_db.read() as session:
        office = session.execute(select(Office).limit(1)).scalar_one()
        rows = session.execute(
            select(Dossier.code, Dossier.received_at, Dossier.received_local_date, Dossier.register_seq)
        ).all()
        books = dict(
            session.execute(
                select(DailyCounter.day, DailyCounter.last_seq).where(
                    DailyCounter.unit_code == book_key(office.identifier_code)
                )
            ).all()
        )
        events = session.execute(select(func.count()).select_from(Event)).scalar_one()
    today = MONDAY_9AM.date()
    # Years of 365 days back from now (the oldest also takes the day before): a third each.
    ages = [(today - day).days for _, _, day, _ in rows]
    assert max(ages) <= 3 * 365 and all(at < MONDAY_9AM for _, at, _, _ in rows)
    assert Counter(min(age // 365, 2) for age in ages) == {0: 501, 1: 500, 2: 500}
    # Register books: one per calendar year, lines from 1 in order of receipt (then code).
    by_year: dict[int, list[tuple[datetime, str, int]]] = defaultdict(list)
    for code, at, day, line in rows:
        by_year[day.year].append((at, code, line))
    assert sorted(by_year) == [2023, 2024, 2025, 2026]
    for year, lines in by_year.items():
        assert [line for _, _, line in sorted(lines)] == list(range(1, len(lines) + 1)), year
        assert books[date(year, 1, 1)] == len(lines)
    # Daily numbers: 1, 2, … each day, in order of receipt.
    by_day: dict[date, list[tuple[datetime, int]]] = defaultdict(list)
    for code, at, day, _ in rows:
        parsed = parse_code(code)
        assert parsed.day == day
        by_day[day].append((at, parsed.seq))
    for day, numbers in by_day.items():
        assert [n for _, n in sorted(numbers)] == list(range(1, len(numbers) + 1)), day
    report = verify_events(sqlite_db)
    assert report.first_broken is None and report.events_checked == events > 1501


def test_given_zero_years_then_refused(sqlite_db: Database) -> None:
    with pytest.raises(ValidationError):
        generate_dossiers(sqlite_db, 10, now=MONDAY_9AM, years=0)


def test_given_several_chunks_then_events_written_in_time_order_as_a_real_office_writes_them(
    sqlite_db: Database,
) -> None:
    with sqlite_db.read() as session:  # the seeded office's own events came before the history
        seeded = session.execute(select(func.max(Event.seq))).scalar_one()
    # Small chunks: many dossiers' later steps (transfer, resolve, return) fall in later chunks.
    assert generate_dossiers(sqlite_db, 900, now=MONDAY_9AM, years=2, chunk=100) == 900

    with sqlite_db.read() as session:
        made_up = select(Event.occurred_at, Event.dossier_id).where(Event.seq > seeded)
        chain = session.execute(made_up.order_by(Event.seq)).all()
        in_file = session.execute(made_up.order_by(text("rowid"))).all()
    times = [at for at, _ in chain]
    assert times == sorted(times)
    assert in_file == chain  # one day's events lie together in the file
    assert len({d for _, d in chain}) == 900
    assert verify_events(sqlite_db).first_broken is None


def test_given_stop_asked_then_the_written_dossiers_keep_all_their_events(sqlite_db: Database) -> None:
    calls: list[int] = []

    def stop_after_first(done: int, total: int) -> bool:
        calls.append(done)
        return False

    written = generate_dossiers(sqlite_db, 600, now=MONDAY_9AM, chunk=200, progress=stop_after_first)

    assert written == 200 and calls == [200]
    with sqlite_db.read() as session:
        dossiers = dict(session.execute(select(Dossier.id, Dossier.status)).all())
        last_kind = dict(
            session.execute(
                select(Event.dossier_id, Event.kind)
                .where(Event.dossier_id.is_not(None))
                .order_by(Event.seq)  # the last row per dossier wins
            ).all()
        )
    assert len(dossiers) == 200 and set(last_kind) == set(dossiers)
    ends = {
        "resolved": "resolve",
        "returned": "return_result",
        "cancelled": "cancel",
        "withdrawn": "withdraw",
    }
    assert all(last_kind[d] == ends[s] for d, s in dossiers.items() if s in ends)
    assert verify_events(sqlite_db).first_broken is None
