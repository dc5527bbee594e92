"""Demo dossiers look like a real office's year: every step inside office hours, in order."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta

from sqlalchemy import select
from testdata import MONDAY_9AM

from counter_app.db.database import Database
from counter_app.db.models import Dossier, Event, Office
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
