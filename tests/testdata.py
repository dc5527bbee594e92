"""Constants and builders shared by the tests (import as ``from testdata import …``).

Kept out of conftest.py because several conftest modules exist (tests/, tests/documents/) and only
one of them can be imported under the name ``conftest``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Every full record of the national portal's catalogue the project holds (402, crawled in 2026),
# copied unchanged: the sweep tests read each of them.
PORTAL_DETAILS = FIXTURES / "dvcqg"
PG_URL_ENV = "COUNTER_APP_TEST_PG_URL"
TZ = ZoneInfo("Asia/Ho_Chi_Minh")
NODE = "test-node"
# Small catalogue of real portal records used by most tests (2.001955: 7 working days, 4 documents;
# 1.001022: no computable term anywhere, so no appointment).
TEST_PROCEDURES = ("2.001955", "1.000080", "2.000513", "1.115563", "1.001695", "1.001022")
# Monday 23/11/2026 09:00 local: a working morning, the day before the 24/11 holiday.
MONDAY_9AM = datetime(2026, 11, 23, 9, 0, tzinfo=TZ)


def build_test_catalog() -> None:
    """Regenerate tests/fixtures/test_catalog.json from the portal records in tests/fixtures/dvcqg."""
    from counter_app.services.catalog import read_records
    from counter_app.services.catalog_format import write_own_format

    records = read_records([PORTAL_DETAILS / f"{code}.json" for code in TEST_PROCEDURES])
    (FIXTURES / "test_catalog.json").write_text(write_own_format(records), encoding="utf-8")


def reader(db: object) -> object:
    """The demo officer, as the actor of read services (lookups, searches, lists) in tests."""
    from counter_app.services.offices import find_actor

    return find_actor(db, "canbo")  # type: ignore[arg-type]


# The append-only triggers of the event log (migration 0013), as a forger drops them first: the
# tamper tests then show what ``events verify`` still catches.
UNGUARD_SQLITE = ("DROP TRIGGER IF EXISTS events_no_update", "DROP TRIGGER IF EXISTS events_no_delete")
UNGUARD_POSTGRES = ("ALTER TABLE events DISABLE TRIGGER USER",)


def unguard_events(execute: Callable[[str], object], dialect: str = "sqlite") -> None:
    """Drop the event log's guards through ``execute`` (a raw connection's or a session's)."""
    for statement in UNGUARD_SQLITE if dialect == "sqlite" else UNGUARD_POSTGRES:
        execute(statement)


def audit_of(db: object, *actions: str) -> list[tuple[str, str, dict[str, object]]]:
    """The audit trail's records of ``actions`` in the order written: (action, who, details)."""
    from sqlalchemy import select

    from counter_app.db.models import AuditRecord

    with db.read() as session:  # type: ignore[attr-defined]
        rows = session.execute(
            select(AuditRecord.action, AuditRecord.actor, AuditRecord.details)
            .where(AuditRecord.action.in_(actions))
            .order_by(AuditRecord.seq)
        )
        return [(action, actor, details) for action, actor, details in rows]
