"""An office restored from an old backup (issue 15): its chains go on in a new epoch, the province
sees the rewind instead of a fork, and sends back the events the office lost, so nothing the
province acknowledged is lost. The office's data folder is real (backup and restore by the same
services as «counter-cli backup» and «restore»); the province on SQLite and PostgreSQL."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from exchange_support import chain_of, moment, node_of, open_office, province_chain, receive_day
from sqlalchemy import func, select

from counter_app.db.database import Database
from counter_app.db.models import ChainEpoch, Event, ExchangeFork, ExchangeReturned, ExchangeRewind
from counter_app.services import integrity
from counter_app.services.actor import SYSTEM_ACTOR
from counter_app.services.backups import make_backup
from counter_app.services.epochs import EPOCH_STARTED
from counter_app.services.exchange.office import import_ack, public_key_text
from counter_app.services.exchange.province import acknowledge, enrol, import_events
from counter_app.services.exchange.returned import returned_dossiers
from counter_app.services.exchange.upward import export_events
from counter_app.services.recovery import apply_restore, prepare_restore

ADMIN = SYSTEM_ACTOR
NODE = node_of(1)


def round_trip(office: Database, province: Database, tmp_path: Path, name: str, day: int) -> Path:
    """The office's bundle imported at the province, and its acknowledgement back at the office."""
    bundle = tmp_path / "usb" / f"{name}.zip"
    assert export_events(office, ADMIN, bundle, now=moment(day)) is not None
    result = import_events(province, ADMIN, bundle, now=moment(day))
    assert not result.forks
    ack = acknowledge(
        province,
        result.fingerprint,
        tmp_path / "usb" / f"ack-{name}.zip",
        acknowledges=result.bundle_id,
        now=moment(day),
    )
    return ack


def codes_of(db: Database) -> set[str]:
    with db.read() as session:
        return set(
            session.execute(
                select(Event.payload["code"].as_string()).where(Event.kind == "received")
            ).scalars()
        )


@pytest.fixture
def restored(
    db: Database, office_templates: dict[int, Path], tmp_path: Path
) -> tuple[Database, Database, set[str], Path]:
    """(province, office restored, the codes the office lost, the office's file): the office sent
    days 0 and 1 to the province, then went back to its backup of day 0's evening."""
    province = db
    office = open_office(office_templates[1], tmp_path / "xa1", 1)
    file = Path(str(office.url).removeprefix("sqlite:///"))
    receive_day(office, 1, 0)
    first = tmp_path / "usb" / "ngay0.zip"
    export_events(office, ADMIN, first, now=moment(0))
    enrol(province, ADMIN, first, public_key_text(office, now=moment(0))[1], now=moment(0))
    province_fp = public_key_text(province, now=moment(0))[1]
    import_ack(
        office,
        ADMIN,
        round_trip(office, province, tmp_path, "ngay0-lan2", 0),
        now=moment(0),
        fingerprint=province_fp,
    )
    office.close()
    backup = make_backup(file, [tmp_path / "xa1" / "backups"], now=moment(0)).backups[0].path
    office = Database.open(f"sqlite:///{file}", NODE)
    before = codes_of(office)
    receive_day(office, 1, 1, n=3)
    import_ack(office, ADMIN, round_trip(office, province, tmp_path, "ngay1", 1), now=moment(1))
    lost = codes_of(office) - before
    office.close()

    apply_restore(prepare_restore(file, backup), now=moment(2))

    return province, Database.open(f"sqlite:///{file}", NODE), lost, file


def test_given_a_restore_then_each_chain_goes_on_in_a_new_epoch_naming_the_head_it_continues(
    restored: tuple[Database, Database, set[str], Path],
) -> None:
    _province, office, lost, _file = restored
    with office.read() as session:
        (epoch,) = session.execute(select(ChainEpoch)).scalars()
        first = session.execute(select(Event).where(Event.node_id == epoch.chain_id)).scalar_one()
    assert office.node_id == epoch.chain_id != NODE  # the workstation's node id resolves to its new chain
    assert (epoch.base_node_id, epoch.epoch, epoch.continues_chain) == (NODE, 2, NODE)
    assert (epoch.continues_seq, epoch.continues_hash) == chain_of(office, NODE)
    assert first.kind == EPOCH_STARTED and first.seq == 1
    assert first.payload["continues"] == {
        "node": NODE,
        "seq": epoch.continues_seq,
        "hash": epoch.continues_hash,
    }
    assert not (codes_of(office) & lost)  # the restored file no longer has day 1
    assert integrity.verify_events(office).first_broken is None  # both chains verify


def test_given_the_restored_office_goes_on_then_no_fork_and_its_lost_events_come_back(
    restored: tuple[Database, Database, set[str], Path], tmp_path: Path
) -> None:
    province, office, lost, _file = restored
    receive_day(office, 1, 2)  # new dossiers in the new epoch
    new_codes = codes_of(office)

    ack = round_trip(office, province, tmp_path, "sau-khoi-phuc", 2)

    with province.read() as session:
        assert session.execute(select(func.count()).select_from(ExchangeFork)).scalar_one() == 0
        (rewind,) = session.execute(select(ExchangeRewind)).scalars()
    assert rewind.chain_id == office.node_id and rewind.continues_chain == NODE and rewind.closed_at is None
    assert province_chain(province, office.node_id) == chain_of(office, office.node_id)
    old_at_province = province_chain(province, NODE)
    assert old_at_province is not None and old_at_province[0] > chain_of(office, NODE)[0]

    result = import_ack(office, ADMIN, ack, now=moment(2))

    (span,) = result.returned
    assert (span.node_id, span.first_seq, span.last_seq) == (
        NODE,
        chain_of(office, NODE)[0] + 1,
        old_at_province[0],
    )
    assert set(span.dossier_codes) == lost and not result.behind
    with office.read() as session:
        kept = session.execute(select(func.count()).select_from(ExchangeReturned)).scalar_one()
    assert kept == span.last_seq - span.first_seq + 1
    assert {d.code for d in returned_dossiers(office, ADMIN)} == lost
    # A dossier received now never gets the number of a lost one (the day's counters moved past them).
    receive_day(office, 1, 1, n=1)
    assert not ((codes_of(office) - new_codes) & lost)
    # The office's «lost_events_returned» reaches the province: it stops sending them back.
    second = round_trip(office, province, tmp_path, "lan-sau", 3)
    with province.read() as session:
        assert session.execute(select(ExchangeRewind.closed_at)).scalar_one() is not None
    again = import_ack(office, ADMIN, second, now=moment(3))
    assert again.returned == () and not again.behind
    assert integrity.verify_events(office).first_broken is None


def test_given_one_backup_restored_twice_then_two_different_chains_and_no_fork(
    restored: tuple[Database, Database, set[str], Path], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR, logger="counter_app.services.recovery")  # its warning is the point
    province, office, _lost, file = restored
    first_epoch = office.node_id
    receive_day(office, 1, 2)
    office.close()
    (backup,) = (file.parent / "backups").glob("*.sqlite3")

    apply_restore(prepare_restore(file, backup), now=moment(3))

    again = Database.open(f"sqlite:///{file}", NODE)
    assert again.node_id not in (first_epoch, NODE)
    receive_day(again, 1, 3)
    round_trip(again, province, tmp_path, "lan-hai", 3)  # applied: no fork (round_trip checks)
    with province.read() as session:
        assert session.execute(select(func.count()).select_from(ExchangeFork)).scalar_one() == 0


def test_given_a_workstation_the_backup_does_not_know_then_it_begins_its_own_epoch_at_open(
    restored: tuple[Database, Database, set[str], Path],
) -> None:
    _province, office, _lost, file = restored
    other = Database.open(f"sqlite:///{file}", "xa-1-quay-2")  # a second counter, new since the backup
    assert other.node_id != "xa-1-quay-2"
    with other.read() as session:
        epoch = session.get(ChainEpoch, other.node_id)
    assert epoch is not None and (epoch.base_node_id, epoch.continues_chain, epoch.continues_seq) == (
        "xa-1-quay-2",
        "xa-1-quay-2",
        0,
    )
    again = Database.open(f"sqlite:///{file}", "xa-1-quay-2")  # and keeps it
    assert again.node_id == other.node_id
    other.close()
    again.close()


def test_given_a_restore_then_the_numbers_issued_since_the_backup_are_not_issued_again(
    restored: tuple[Database, Database, set[str], Path],
) -> None:
    _province, office, lost, _file = restored
    # Before any word from the province: the replaced file's day counters were kept.
    (again,) = receive_day(office, 1, 1, n=1)
    assert again not in lost
    assert int(again.rsplit("-", 1)[1]) == max(int(code.rsplit("-", 1)[1]) for code in lost) + 1


def test_given_an_office_naming_another_offices_chain_in_an_epoch_then_nothing_of_it_is_sent_to_it(
    db: Database, office_templates: dict[int, Path], tmp_path: Path
) -> None:
    from counter_app.db.epochs import SYSTEM
    from counter_app.db.event_log import append_event

    province = db
    one = open_office(office_templates[1], tmp_path / "xa1", 1)
    two = open_office(office_templates[2], tmp_path / "xa2", 2)
    receive_day(one, 1, 0)
    bundles = {}
    for office, name in ((one, "mot"), (two, "hai")):
        bundles[name] = first = tmp_path / "usb" / f"{name}.zip"
        export_events(office, ADMIN, first, now=moment(0))
        enrol(province, ADMIN, first, public_key_text(office, now=moment(0))[1], now=moment(0))
    import_events(province, ADMIN, bundles["hai"], now=moment(0))
    # Office 2 writes a chain whose first event claims to continue office 1's chain from its start.
    with two.write() as session:
        append_event(
            session,
            node_id="xa-2-gia-mao",
            kind=EPOCH_STARTED,
            actor=SYSTEM,
            occurred_at=moment(1),
            local_date=moment(1).date(),
            payload={"epoch": 2, "continues": {"node": NODE, "seq": 0, "hash": "0" * 64}},
        )

    import_ack(
        two,
        ADMIN,
        round_trip(two, province, tmp_path, "gia-mao", 1),
        now=moment(1),
        fingerprint=public_key_text(province, now=moment(0))[1],
    )
    import_events(province, ADMIN, bundles["mot"], now=moment(1))  # office 1's chain comes after
    receive_day(two, 2, 1)
    ack = round_trip(two, province, tmp_path, "sau", 1)

    with province.read() as session:
        assert session.execute(select(func.count()).select_from(ExchangeRewind)).scalar_one() == 0
    result = import_ack(
        two, ADMIN, ack, now=moment(1), fingerprint=public_key_text(province, now=moment(0))[1]
    )
    assert result.returned == ()
    with two.read() as session:
        assert session.execute(select(func.count()).select_from(ExchangeReturned)).scalar_one() == 0


def test_given_a_backup_taken_after_a_restore_restored_then_only_workstations_get_epochs(
    restored: tuple[Database, Database, set[str], Path], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR, logger="counter_app.services.recovery")  # its warning is the point
    _province, office, _lost, file = restored
    receive_day(office, 1, 2)
    office.close()
    second = (
        make_backup(file, [tmp_path / "sao-luu-2"], now=moment(2)).backups[0].path
    )  # holds a restore mark
    office = Database.open(f"sqlite:///{file}", NODE)
    receive_day(office, 1, 3)
    office.close()

    apply_restore(prepare_restore(file, second), now=moment(4))

    again = Database.open(f"sqlite:///{file}", NODE)
    with again.read() as session:
        bases = set(session.execute(select(ChainEpoch.base_node_id)).scalars())
        epochs = session.execute(
            select(ChainEpoch.epoch).where(ChainEpoch.chain_id == again.node_id)
        ).scalar_one()
    assert bases == {NODE} and epochs == 3  # the restore's own program began no chain of its own
    again.close()
