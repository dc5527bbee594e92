"""Offices for the exchange tests: each its own SQLite data folder, set up from the setup file with
its own identifier code, users and node — made once per session, copied per test."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from contextlib import closing
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select
from testdata import FIXTURES, MONDAY_9AM, PORTAL_DETAILS

from counter_app.db.database import Database
from counter_app.db.models import Event, ExchangeChain, ExchangeEvent
from counter_app.services import processing
from counter_app.services.actor import SYSTEM_ACTOR
from counter_app.services.applicants import ApplicantInput
from counter_app.services.office_setup import apply_setup
from counter_app.services.processing import ReturnInput
from counter_app.services.receiving import IntakeRequest, receive
from counter_app.services.setup_spec import spec_from_json
from counter_app.services.users import find_actor

PROCEDURE = "2.001955"
SET_UP = MONDAY_9AM - timedelta(days=14)


def node_of(i: int) -> str:
    return f"xa-{i}-quay-1"


def build_office(folder: Path, i: int) -> Path:
    """A commune centre set up from the setup file, numbered ``i``: its file."""
    data = json.loads((FIXTURES / "office_setup" / "commune.json").read_text(encoding="utf-8"))
    data["office"]["identifier_code"] = f"000.3{i}.23.H56"
    data["office"]["name"] = f"Trung tâm Phục vụ hành chính công xã số {i}"
    data["procedures"] = [PROCEDURE]
    data["units"] = data["units"][:1]
    data["users"] = [
        {
            "username": f"quantri{i}",
            "full_name": f"Quản trị số {i}",
            "role": "admin",
            "password": "Mat-khau-2026!",
        },
        {
            "username": f"canbo{i}",
            "full_name": f"Cán bộ số {i}",
            "role": "officer",
            "password": "Mat-khau-2026!",
        },
    ]
    spec = replace(spec_from_json(data), catalog_files=(str(PORTAL_DETAILS / f"{PROCEDURE}.json"),))
    file = folder / f"office{i}.sqlite3"
    db = Database.open(f"sqlite:///{file}", node_of(i))
    apply_setup(db, SYSTEM_ACTOR, spec, now=SET_UP)
    db.close()
    return file


def open_office(template: Path, folder: Path, i: int, node: str | None = None) -> Database:
    """A copy of ``template`` opened as office ``i``; the copy is taken with SQLite's backup API, so
    a file in use (its last transactions still in the WAL) is copied whole, as a copied folder is."""
    folder.mkdir(parents=True, exist_ok=True)
    file = folder / template.name
    with closing(sqlite3.connect(template)) as source, closing(sqlite3.connect(file)) as target:
        source.backup(target)
    return Database.open(f"sqlite:///{file}", node or node_of(i))


def receive_day(db: Database, i: int, day: int, n: int = 2) -> list[str]:
    """``n`` dossiers received at office ``i`` on the ``day``-th day of the week."""
    officer = find_actor(db, f"canbo{i}")
    at = MONDAY_9AM + timedelta(days=day)
    return [
        receive(
            db,
            officer,
            IntakeRequest(
                PROCEDURE,
                ApplicantInput(full_name=f"Người nộp {i}-{day}-{k}", id_number=f"03819{i}{day:02d}{k:04d}"),
            ),
            now=at + timedelta(minutes=k),
        ).code
        for k in range(n)
    ]


def chain_of(db: Database, node: str) -> tuple[int, str]:
    """An office's own chain: (events, head hash)."""
    with db.read() as session:
        count = session.execute(
            select(func.count()).select_from(Event).where(Event.node_id == node)
        ).scalar_one()
        head = session.execute(
            select(Event.hash).where(Event.node_id == node).order_by(Event.seq.desc()).limit(1)
        ).scalar_one()
    return count, head


def province_chain(db: Database, node: str) -> tuple[int, str] | None:
    """The office's chain as the province applied it: (events, head hash), or None."""
    with db.read() as session:
        chain = session.get(ExchangeChain, node)
        if chain is None:
            return None
        count = session.execute(
            select(func.count()).select_from(ExchangeEvent).where(ExchangeEvent.node_id == node)
        ).scalar_one()
    assert count == chain.last_seq  # gapless from 1
    return count, chain.last_hash


def rewrite_part(bundle: Path, target: Path, part: str, change) -> Path:  # type: ignore[no-untyped-def]
    """A copy of ``bundle`` with ``part``'s bytes changed by ``change`` (a forger's edit)."""
    with zipfile.ZipFile(bundle) as src, zipfile.ZipFile(target, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            dst.writestr(info.filename, change(data) if info.filename == part else data)
    return target


def moment(day: int) -> datetime:
    return MONDAY_9AM + timedelta(days=day, hours=9)


def acked_export(office: Database, acker: Database, tmp_path: Path, name: str, day: int) -> Path:
    """The office's bundle of what is new since its last bundle: another province database imports
    and acknowledges each one, so the next holds only what follows."""
    from counter_app.services.exchange.office import import_ack, public_key_text
    from counter_app.services.exchange.province import acknowledge, import_events
    from counter_app.services.exchange.upward import export_events

    bundle = tmp_path / "usb" / f"{name}.zip"
    assert export_events(office, SYSTEM_ACTOR, bundle, now=moment(day)) is not None
    result = import_events(acker, SYSTEM_ACTOR, bundle, now=moment(day))
    ack = acknowledge(
        acker,
        result.fingerprint,
        tmp_path / f"ack-{name}.zip",
        acknowledges=result.bundle_id,
        now=moment(day),
    )
    import_ack(
        office, SYSTEM_ACTOR, ack, now=moment(day), fingerprint=public_key_text(acker, now=moment(0))[1]
    )
    return bundle


def work_the_day(office: Database, i: int, day: int) -> None:
    """Four dossiers received on ``day``, each taken down another path at the office."""
    officer, admin = find_actor(office, f"canbo{i}"), find_actor(office, f"quantri{i}")
    at = moment(day) - timedelta(hours=8)  # 10:00 that day
    codes = receive_day(office, i, day, n=5)
    step = 0

    def later() -> datetime:
        nonlocal step
        step += 1
        return at + timedelta(minutes=10 * step)

    resolved, waits, pays, gone, cancelled = codes
    processing.transfer(office, officer, resolved, "VHXH", now=later())
    processing.resolve(office, officer, resolved, now=later())
    processing.return_result(office, officer, resolved, ReturnInput(satisfaction=2), now=later())
    processing.request_supplement(office, officer, waits, "Thiếu bản sao giấy phép", now=later())
    if day % 2:
        processing.supply_supplement(office, officer, waits, now=later())
    processing.start(office, officer, pays, now=later())
    processing.request_payment(office, officer, pays, "Lệ phí 50.000 đồng", now=later())
    processing.apologise(office, officer, pays, at + timedelta(days=21), "Chờ nộp lệ phí", now=later())
    if day % 2 == 0:
        processing.confirm_payment(office, officer, pays, now=later())
    processing.withdraw(office, officer, gone, "Người nộp rút hồ sơ", now=later())
    processing.cancel(office, admin, cancelled, "Nhập nhầm thủ tục", now=later())
