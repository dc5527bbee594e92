"""After a fork alarm, the province's admin keeps one branch; the other is set aside, never dropped
(issue 15). The scene: an office's data folder copied to a second PC that kept the same node, both
receiving; the province on SQLite and PostgreSQL (the ``db`` fixture)."""

from __future__ import annotations

from pathlib import Path

import pytest
from exchange_support import acked_export, chain_of, moment, node_of, open_office, province_chain, receive_day
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from counter_app.db.database import Database
from counter_app.db.models import (
    Event,
    ExchangeDossier,
    ExchangeEvent,
    ExchangeFork,
    ExchangeForkPermit,
    ExchangePending,
    ExchangeSetAside,
)
from counter_app.domain.errors import NotFoundError, PermissionDenied, UserError, ValidationError
from counter_app.services.actor import SYSTEM_ACTOR
from counter_app.services.exchange.forks import KEEP_APPLIED, KEEP_OTHER, keep_branch, list_forks
from counter_app.services.exchange.office import public_key_text
from counter_app.services.exchange.province import enrol, import_events
from counter_app.services.exchange.upward import export_events
from counter_app.services.users import find_actor

ADMIN = SYSTEM_ACTOR
NODE = node_of(1)


def export(db: Database, tmp_path: Path, name: str, day: int) -> Path:
    out = tmp_path / "usb" / f"{name}.zip"
    assert export_events(db, ADMIN, out, now=moment(day)) is not None
    return out


def events_of(db: Database) -> set[tuple[int, str]]:
    with db.read() as session:
        return set(session.execute(select(Event.seq, Event.hash).where(Event.node_id == NODE)).all())


def applied_at(province: Database) -> set[tuple[int, str]]:
    with province.read() as session:
        return set(
            session.execute(
                select(ExchangeEvent.seq, ExchangeEvent.hash).where(ExchangeEvent.node_id == NODE)
            ).all()
        )


def set_aside_at(province: Database) -> set[tuple[int, str]]:
    with province.read() as session:
        return set(session.execute(select(ExchangeSetAside.seq, ExchangeSetAside.hash)).all())


def dossier_codes(db: Database) -> set[str]:
    with db.read() as session:
        return set(session.execute(text("SELECT code FROM dossiers")).scalars())


def province_codes(province: Database) -> set[str]:
    with province.read() as session:
        return set(session.execute(select(ExchangeDossier.code)).scalars())


@pytest.fixture
def forked(
    db: Database, office_templates: dict[int, Path], tmp_path: Path
) -> tuple[Database, Database, Database]:
    """(province, original, copy): the original's first bundle applied, the copy's raising the
    alarm, then the original's next bundle (sent while the alarm was open) kept in it."""
    office = open_office(office_templates[1], tmp_path / "xa1", 1)
    receive_day(office, 1, 0)
    public_key_text(office, now=moment(0))
    copy = open_office(Path(str(office.url).removeprefix("sqlite:///")), tmp_path / "copy", 1)
    receive_day(office, 1, 1)
    receive_day(copy, 1, 1, n=3)
    original = export(office, tmp_path, "original", 1)
    enrol(db, ADMIN, original, public_key_text(office, now=moment(0))[1], now=moment(1))
    import_events(db, ADMIN, original, now=moment(2))
    assert import_events(db, ADMIN, export(copy, tmp_path, "copy", 1), now=moment(2)).forks
    receive_day(office, 1, 2)
    later = import_events(db, ADMIN, export(office, tmp_path, "later", 2), now=moment(3))
    assert later.nodes[0].applied == 0  # waits for the admin
    return db, office, copy


def test_given_an_open_alarm_then_both_branches_are_described(
    forked: tuple[Database, Database, Database],
) -> None:
    province, office, copy = forked
    (fork,) = list_forks(province, ADMIN)
    assert fork.office_code == "000.31.23.H56" and fork.node_id == NODE and fork.resolved_at is None
    # The copy issued the same numbers as the original that day (its counters were copied too):
    # the branches are told apart by their events, each listing what it received.
    assert sorted(fork.other.dossier_codes) == [f"000.31.23.H56-261124-000{k}" for k in (1, 2, 3)]
    assert sorted(fork.applied.dossier_codes) == [
        *(f"000.31.23.H56-261124-000{k}" for k in (1, 2)),
        *(f"000.31.23.H56-261125-000{k}" for k in (1, 2)),  # sent while the alarm was open
    ]
    assert fork.applied.first_at is not None and fork.other.last_at is not None
    assert fork.other.events > 0 and fork.applied.events > 0


def test_given_the_applied_branch_kept_then_the_copys_events_set_aside_and_the_original_goes_on(
    forked: tuple[Database, Database, Database], tmp_path: Path
) -> None:
    province, office, copy = forked
    (fork,) = list_forks(province, ADMIN)

    done = keep_branch(province, ADMIN, fork.id.hex[:8], KEEP_APPLIED, now=moment(4))

    assert done.kept == KEEP_APPLIED and done.new_alarm_at is None
    # The original's bundle sent while the alarm was open is applied now: the chain is the original's.
    assert province_chain(province, NODE) == chain_of(office, NODE)
    assert done.applied > 0 and done.head == chain_of(office, NODE)[0]
    assert set_aside_at(province) == events_of(copy) - events_of(office)
    assert (
        list_forks(province, ADMIN) == []
        and list_forks(province, ADMIN, open_only=False)[0].resolution == "applied"
    )
    assert province_codes(province) == dossier_codes(office)
    # The copy is still running: its next bundle descends from the set-aside branch — set aside too,
    # with no new alarm; the original's next is applied.
    receive_day(copy, 1, 3)
    again = import_events(province, ADMIN, export(copy, tmp_path, "copy-2", 3), now=moment(5))
    assert again.nodes[0].set_aside > 0 and again.nodes[0].fork_at is None and again.nodes[0].applied == 0
    assert events_of(copy) <= applied_at(province) | set_aside_at(province)  # nothing of the copy lost
    receive_day(office, 1, 3)
    import_events(province, ADMIN, export(office, tmp_path, "original-3", 3), now=moment(5))
    assert province_chain(province, NODE) == chain_of(office, NODE)


def test_given_the_other_branch_kept_then_the_applied_events_set_aside_and_the_copy_is_the_chain(
    forked: tuple[Database, Database, Database], tmp_path: Path
) -> None:
    province, office, copy = forked
    (fork,) = list_forks(province, ADMIN)
    applied_before = applied_at(province)

    done = keep_branch(province, ADMIN, str(fork.id), KEEP_OTHER, now=moment(4))

    assert province_chain(province, NODE) == chain_of(copy, NODE)
    # Every event of the original beyond the fork — applied before, or sent during the alarm — is aside.
    assert set_aside_at(province) == events_of(office) - events_of(copy)
    assert applied_before - applied_at(province) <= set_aside_at(province)
    assert done.set_aside == len(events_of(office) - events_of(copy))
    # The province's view follows: the original's own dossiers beyond the fork leave it.
    assert province_codes(province) == dossier_codes(copy)
    with province.read() as session:
        assert session.execute(select(func.count()).select_from(ExchangeForkPermit)).scalar_one() == 0
    # The guard is back: no exchanged event can be deleted outside a resolution.
    with pytest.raises(DBAPIError, match="append-only"), province.write() as session:
        session.execute(text("DELETE FROM exchange_events WHERE seq = 1"))
    receive_day(office, 1, 3)
    later = import_events(province, ADMIN, export(office, tmp_path, "original-3", 3), now=moment(5))
    assert later.nodes[0].set_aside > 0 and later.nodes[0].fork_at is None
    assert province_chain(province, NODE) == chain_of(copy, NODE)


def test_given_a_wrong_choice_then_said_and_nothing_changes(
    forked: tuple[Database, Database, Database], office_templates: dict[int, Path]
) -> None:
    province, _office, _copy = forked
    (fork,) = list_forks(province, ADMIN)
    before = applied_at(province)
    with pytest.raises(NotFoundError, match="Không có cảnh báo rẽ nhánh nào có mã ffffffff"):
        keep_branch(province, ADMIN, "ffffffff", KEEP_APPLIED, now=moment(4))
    with pytest.raises(ValidationError, match="không đúng dạng"):
        keep_branch(province, ADMIN, "xyz", KEEP_APPLIED, now=moment(4))
    with pytest.raises(ValidationError, match="«applied»"):
        keep_branch(province, ADMIN, fork.id.hex, "both", now=moment(4))
    with pytest.raises(PermissionDenied):
        keep_branch(province, find_actor(province, "canbo"), fork.id.hex, KEEP_APPLIED, now=moment(4))
    assert applied_at(province) == before and set_aside_at(province) == set()
    keep_branch(province, ADMIN, fork.id.hex, KEEP_APPLIED, now=moment(4))
    with pytest.raises(UserError, match="đã được xử lý"):
        keep_branch(province, ADMIN, fork.id.hex, KEEP_OTHER, now=moment(5))
    with province.read() as session:
        assert session.execute(select(ExchangeFork.resolution)).scalar_one() == "applied"


@pytest.fixture
def waiting_first(
    db: Database, office_templates: dict[int, Path], tmp_path: Path
) -> tuple[Database, Database, Database]:
    """(province, original, copy), bundles out of order: the original's day 2 waits for its day 1;
    the copy's branch is applied up to where day 2 waits and differs there (the alarm); the
    original's day 1 then comes, differing from the copy's applied events (kept in the alarm)."""
    office = open_office(office_templates[1], tmp_path / "xa1", 1)
    acker = Database.open(f"sqlite:///{tmp_path / 'acker.sqlite3'}", "acker")
    receive_day(office, 1, 0)
    first = export(office, tmp_path, "ngay0", 0)
    for province in (acker, db):
        enrol(province, ADMIN, first, public_key_text(office, now=moment(0))[1], now=moment(0))
    acked_export(office, acker, tmp_path, "ngay0-ack", 0)
    copy = open_office(Path(str(office.url).removeprefix("sqlite:///")), tmp_path / "copy", 1)
    receive_day(office, 1, 1)
    day1 = acked_export(office, acker, tmp_path, "ngay1", 1)
    receive_day(copy, 1, 1, n=4)
    branch = export(copy, tmp_path, "copy", 1)
    receive_day(office, 1, 2)
    day2 = export(office, tmp_path, "ngay2", 2)  # follows day 1 only
    acker.close()
    import_events(db, ADMIN, first, now=moment(3))
    assert import_events(db, ADMIN, day2, now=moment(3)).nodes[0].waiting > 0
    assert import_events(db, ADMIN, branch, now=moment(3)).forks
    import_events(db, ADMIN, day1, now=moment(3))
    return db, office, copy


def test_given_bundles_out_of_order_then_keeping_the_original_takes_two_choices_and_loses_nothing(
    waiting_first: tuple[Database, Database, Database], tmp_path: Path
) -> None:
    province, office, copy = waiting_first
    (fork,) = list_forks(province, ADMIN)
    # Where the copy met the waiting day 2: the applied side is the waiting original, the other the copy.
    assert set(fork.other.dossier_codes) <= dossier_codes(copy)

    first = keep_branch(province, ADMIN, fork.id.hex, KEEP_APPLIED, now=moment(4))

    # The original's day 1 differs from the copy's events applied before that place: a new alarm
    # there, the true place of the fork; keeping the original's side applies day 1 and day 2.
    assert first.new_alarm_at is not None and first.new_alarm_at < fork.seq
    (second,) = list_forks(province, ADMIN)
    keep_branch(province, ADMIN, second.id.hex, KEEP_OTHER, now=moment(4))
    assert province_chain(province, NODE) == chain_of(office, NODE)
    assert set_aside_at(province) == events_of(copy) - events_of(office)
    with province.read() as session:
        assert session.execute(select(func.count()).select_from(ExchangePending)).scalar_one() == 0
    receive_day(office, 1, 3)
    later = import_events(province, ADMIN, export(office, tmp_path, "ngay3", 3), now=moment(5))
    assert later.nodes[0].fork_at is None and later.nodes[0].set_aside == 0
    assert province_chain(province, NODE) == chain_of(office, NODE)


def test_given_bundles_out_of_order_then_keeping_the_copy_sets_the_original_aside_waiting_events_too(
    waiting_first: tuple[Database, Database, Database], tmp_path: Path
) -> None:
    province, office, copy = waiting_first
    (fork,) = list_forks(province, ADMIN)

    done = keep_branch(province, ADMIN, fork.id.hex, KEEP_OTHER, now=moment(4))

    assert done.new_alarm_at is None
    assert province_chain(province, NODE) == chain_of(copy, NODE)
    assert set_aside_at(province) == events_of(office) - events_of(copy)  # day 1 and the waiting day 2
    with province.read() as session:
        assert session.execute(select(func.count()).select_from(ExchangePending)).scalar_one() == 0
    receive_day(copy, 1, 3)
    later = import_events(province, ADMIN, export(copy, tmp_path, "copy-3", 3), now=moment(5))
    assert later.nodes[0].fork_at is None and later.nodes[0].applied > 0
    assert province_chain(province, NODE) == chain_of(copy, NODE)
