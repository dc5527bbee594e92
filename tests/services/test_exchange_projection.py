"""The province's view of each office dossier holds what the office's own row holds, for every column
its reports read (issue 15): three offices a week offline, every kind of step taken on their
dossiers, bundles imported out of order — then each office's rows compared, dossier by dossier and
column by column, with the province's (SQLite and PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import pytest
from exchange_support import moment, open_office, work_the_day
from sqlalchemy import select

from counter_app.db.database import Database
from counter_app.db.models import Dossier, ExchangeDossier
from counter_app.services.actor import SYSTEM_ACTOR
from counter_app.services.exchange.office import public_key_text
from counter_app.services.exchange.province import enrol, import_events
from counter_app.services.exchange.upward import export_events

ADMIN = SYSTEM_ACTOR
# The office's row column → the province's (the unit: its code there, its id here).
COMPARED = (
    "code",
    "status",
    "channel",
    "office_id",
    "received_at",
    "received_local_date",
    "appointment_at",
    "legal_due_at",
    "waiting_since",
    "outcome",
    "resolved_at",
    "returned_at",
    "apology_count",
)


def office_rows(office: Database) -> dict[str, dict[str, object]]:
    with office.read() as session:
        rows = session.execute(select(Dossier)).scalars().all()
        return {r.code: {c: getattr(r, c) for c in COMPARED} for r in rows}


def province_rows(province: Database, office_id: object) -> dict[str, dict[str, object]]:
    with province.read() as session:
        rows = session.execute(
            select(ExchangeDossier).where(ExchangeDossier.office_id == office_id)
        ).scalars()
        return {r.code: {c: getattr(r, c) for c in COMPARED} for r in rows}


@pytest.mark.parametrize("order", ["as sent", "reversed"])
def test_given_a_week_of_every_step_then_the_province_holds_each_offices_report_columns(
    db: Database, office_templates: dict[int, Path], tmp_path: Path, order: str
) -> None:
    province = db
    bundles: list[Path] = []
    offices: dict[int, Database] = {}
    for i in (1, 2, 3):
        office = offices[i] = open_office(office_templates[i], tmp_path / f"xa{i}", i)
        for day in range(5):
            work_the_day(office, i, day)
            bundle = tmp_path / "usb" / f"xa{i}-ngay{day}.zip"
            assert export_events(office, ADMIN, bundle, now=moment(day)) is not None
            bundles.append(bundle)
        enrol(province, ADMIN, bundles[-1], public_key_text(office, now=moment(0))[1], now=moment(0))

    for bundle in bundles if order == "as sent" else reversed(bundles):
        assert not import_events(province, ADMIN, bundle, now=moment(6)).forks

    for office in offices.values():
        own = office_rows(office)
        with office.read() as session:
            office_id = session.execute(select(Dossier.office_id)).scalars().first()
        assert len(own) == 25
        assert {row["status"] for row in own.values()} >= {
            "returned",
            "supplement_requested",
            "awaiting_payment",
            "in_progress",
            "withdrawn",
            "cancelled",
        }
        assert province_rows(province, office_id) == own
