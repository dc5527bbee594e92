"""Backups: online copy while others write, verification, atomic writing (kill -9), rotation, budget."""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import sqlite3
import time
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from backup_support import (
    REQUEST,
    DataDir,
    backup_files,
    corrupt_page,
    digest,
    dossier_count,
    make_data_dir,
    receive_some,
    set_revision,
)
from sqlalchemy import select, text
from testdata import MONDAY_9AM, NODE, unguard_events

from counter_app.db.database import Database
from counter_app.db.event_log import GENESIS_HASH, event_hash
from counter_app.db.migrate import alembic_config
from counter_app.db.models import Event
from counter_app.db.sqlite_copy import PARTIAL_SUFFIX, remove_stale_partials
from counter_app.domain.errors import UserError
from counter_app.services import backups
from counter_app.services.anchor import anchor_file_of, anchor_now, read_anchor_file
from counter_app.services.backups import (
    Policy,
    backup_name,
    generations_to_keep,
    list_backups,
    make_backup,
    parse_backup,
    rotate,
    verify_copy,
)
from counter_app.services.offices import find_actor
from counter_app.services.receiving import receive

NOW = datetime(2026, 11, 23, 17, 30)  # local wall-clock time (naive), as names and rotation use it


@pytest.fixture
def data(tmp_path: Path, sqlite_template: Path) -> DataDir:
    return make_data_dir(tmp_path / "data", sqlite_template)


# ----------------------------------------------------------------------------- taking and verifying


def test_given_database_when_backed_up_then_verified_copy_named_with_time_and_last_code(
    data: DataDir,
) -> None:
    codes = receive_some(data, 2, MONDAY_9AM + timedelta(hours=1))

    result = make_backup(data.db_file, [data.backups], now=NOW)

    (info,) = result.backups
    assert info.path.name == f"counter-20261123-173000-{codes[-1]}.sqlite3"
    assert (info.taken_at, info.verified, info.last_code, info.kind) == (NOW, True, codes[-1], "sqlite")
    assert info.size == info.path.stat().st_size > 0
    assert result.verification.ok and result.verification.dossiers == 5
    assert result.verification.events_checked > 5
    # No temporary file left; beside it the anchor of its history (issue 14), as the live log's now.
    assert sorted(p.name for p in data.backups.iterdir()) == [info.path.name, info.path.name + ".anchor.txt"]
    kept = read_anchor_file(info.path)
    with closing(data.open()) as db:
        assert kept == result.verification.anchor == anchor_now(db) and kept is not None
    assert kept.heads == ((NODE, result.verification.events_checked),)
    # A self-contained file: rollback journal, no -wal beside it; it opens read-only anywhere.
    assert info.path.read_bytes()[18:20] == b"\x01\x01"
    assert verify_copy(info.path).ok


def _writer(url: str, started: mp.synchronize.Event, stop: mp.synchronize.Event, out: mp.Queue) -> None:  # type: ignore[name-defined]
    db = Database.open(url, "writer-node", migrate=False)
    actor = find_actor(db, "canbo")
    written = 0
    while not stop.is_set() and written < 3000:
        receive(db, actor, REQUEST, now=MONDAY_9AM + timedelta(seconds=written))
        written += 1
        if written == 5:
            started.set()
    db.close()
    out.put(written)


def test_given_another_process_writing_when_backed_up_then_copies_verify_with_the_committed_rows(
    data: DataDir,
) -> None:
    ctx = mp.get_context("spawn")
    started, stop, out = ctx.Event(), ctx.Event(), ctx.Queue()
    writer = ctx.Process(target=_writer, args=(data.url, started, stop, out))
    writer.start()
    rounds: list[tuple[int, set[object], int]] = []
    try:
        assert started.wait(60)
        for i in range(3):  # three backups in a row while the writer keeps receiving
            before = dossier_count(data.db_file)  # committed before this backup began
            result = make_backup(data.db_file, [data.backups], now=NOW + timedelta(seconds=i))
            copy = result.backups[0].path  # (the next one replaces it: the same day keeps its newest)
            assert result.verification.ok and verify_copy(copy).ok  # integrity, foreign keys, chains
            copied = {row[0] for row in _rows(copy, "SELECT code FROM dossiers")}
            rounds.append((before, copied, dossier_count(data.db_file)))
    finally:
        stop.set()
        written = out.get(timeout=60)
        writer.join(timeout=60)
    assert writer.exitcode == 0  # the writer was never locked out by the backups
    final = {row[0] for row in _rows(data.db_file, "SELECT code FROM dossiers")}
    assert len(final) == 3 + written
    for before, copied, after in rounds:
        # A snapshot: every row committed before it began, nothing that was never committed.
        assert before <= len(copied) <= after and copied <= final
    assert rounds[-1][2] > rounds[0][0]  # the writer did write while the backups ran


def _rows(file: Path, sql: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(file)) as conn:
        return conn.execute(sql).fetchall()


def _slow_backup(db_file: str, folder: str) -> None:
    # One page per step and a pause after each: the backup lasts long enough to be killed in the middle.
    make_backup(Path(db_file), [Path(folder)], pages=1, progress=lambda _done, _total: time.sleep(0.02))


def test_given_backup_killed_midway_then_database_and_earlier_backups_intact_and_no_partial_final_file(
    data: DataDir,
) -> None:
    earlier = make_backup(data.db_file, [data.backups], now=NOW - timedelta(days=1)).backups[0].path
    db_digest, earlier_digest = digest(data.db_file), digest(earlier)
    with closing(sqlite3.connect(data.db_file)) as conn:
        assert conn.execute("PRAGMA page_count").fetchone()[0] > 50  # dozens of steps of 20 ms

    child = mp.get_context("spawn").Process(target=_slow_backup, args=(str(data.db_file), str(data.backups)))
    child.start()
    deadline = time.monotonic() + 60
    partial: list[Path] = []
    while time.monotonic() < deadline and not partial:
        partial = [p for p in data.backups.glob(f".*{PARTIAL_SUFFIX}") if p.stat().st_size > 0]
        time.sleep(0.005)
    assert partial, "the backup never started writing"
    child.kill()  # SIGKILL on POSIX: no clean-up runs
    child.join(timeout=30)
    assert child.exitcode == (-signal.SIGKILL if os.name == "posix" else child.exitcode) != 0

    assert digest(data.db_file) == db_digest
    assert digest(earlier) == earlier_digest and verify_copy(earlier).ok
    assert [b.path for b in list_backups([data.backups])] == [earlier]  # nothing under a final name
    assert all(p.name.startswith(".") for p in backup_files(data.backups) if p != earlier)
    # The next backup works; the killed one's leftover is cleared once it is old.
    assert remove_stale_partials(data.backups, older_than_s=0)
    assert make_backup(data.db_file, [data.backups], now=NOW).verification.ok
    assert sorted(p.name.startswith(".") for p in backup_files(data.backups)) == [False, False]


def test_given_corrupted_database_when_backed_up_then_refused_and_older_backups_kept(data: DataDir) -> None:
    earlier = make_backup(data.db_file, [data.backups], now=NOW - timedelta(days=1)).backups[0].path
    corrupt_page(data.db_file)

    with pytest.raises(UserError, match="không đạt kiểm tra.*Toàn vẹn SQLite.*counter-cli check"):
        make_backup(data.db_file, [data.backups], now=NOW)

    assert backup_files(data.backups) == [earlier]


def test_given_not_a_database_when_backed_up_then_refused(data: DataDir) -> None:
    data.db_file.write_bytes(b"this is not a database" * 100)
    with pytest.raises(UserError, match="không phải là cơ sở dữ liệu SQLite"):
        make_backup(data.db_file, [data.backups], now=NOW)
    assert not data.backups.exists() or not list(data.backups.iterdir())


def test_given_newer_schema_when_verified_then_problem_named(data: DataDir) -> None:
    set_revision(data.db_file, "9999_future")
    (problem,) = verify_copy(data.db_file).problems
    assert "phiên bản counter_app mới hơn (lược đồ 9999_future)" in problem.render()


def test_given_a_backup_from_before_hash_versions_then_it_verifies_as_it_was_hashed(data: DataDir) -> None:
    """A backup made by the previous version (schema 0012: no ``hash_version``) is checked before
    its restore migrates it: its events verify as version 1, its tables replay."""
    old = Database.open(f"sqlite:///{data.db_file}", "test-node")
    try:
        with old.write() as session:  # its events as the previous version hashed them (version 1)
            unguard_events(lambda sql: session.execute(text(sql)))
            prev = GENESIS_HASH
            for event in session.execute(select(Event).order_by(Event.seq)).scalars():
                event.hash_version, event.prev_hash = 1, prev
                event.hash = prev = event_hash(event)
                session.flush()
            session.execute(text("UPDATE node_heads SET last_hash = :h"), {"h": prev})
        config = alembic_config()
        with old.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0012")
    finally:
        old.close()

    verification = verify_copy(data.db_file, tables=True)

    assert (verification.ok, verification.revision, verification.dossiers) == (True, "0012", 3)
    assert verification.events_checked > 3


def test_given_a_dossier_edited_in_a_backup_then_verified_before_its_restore_names_it(data: DataDir) -> None:
    with closing(sqlite3.connect(data.db_file)) as conn, conn:
        code = conn.execute("SELECT code FROM dossiers LIMIT 1").fetchone()[0]
        conn.execute("UPDATE dossiers SET status = 'returned' WHERE code = ?", (code,))
    assert verify_copy(data.db_file).ok  # the daily backup's check: the chains only
    (problem,) = verify_copy(data.db_file, tables=True).problems
    assert problem.render().startswith(f"Hồ sơ {code}: bảng hồ sơ khác với sự kiện — trạng thái")


def test_given_edited_event_when_verified_then_broken_chain_named(data: DataDir) -> None:
    with closing(sqlite3.connect(data.db_file)) as conn, conn:
        unguard_events(conn.execute)
        conn.execute("UPDATE events SET actor = 'someone else' WHERE rowid = (SELECT max(rowid) FROM events)")
    (problem,) = verify_copy(data.db_file).problems
    assert problem.render().startswith("Chuỗi sự kiện bị phá vỡ — Nút test-node")


# ----------------------------------------------------------------------------- second folder, budget


def test_given_second_folder_when_backed_up_then_same_verified_file_there(
    data: DataDir, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    first, second = make_backup(data.db_file, [data.backups, usb], now=NOW).backups
    assert second.path == usb / first.path.name
    assert digest(second.path) == digest(first.path)
    assert anchor_file_of(second.path).read_text(encoding="utf-8") == anchor_file_of(first.path).read_text(
        encoding="utf-8"
    )


def test_given_second_folder_missing_then_refused_before_writing(data: DataDir, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="không tồn tại .*USB chưa cắm.*Chưa ghi gì"):
        make_backup(data.db_file, [data.backups, tmp_path / "unplugged"], now=NOW)
    assert not list(data.backups.iterdir())


def test_given_little_free_space_then_refused_with_figures_and_older_backups_kept(data: DataDir) -> None:
    older = [
        make_backup(data.db_file, [data.backups], now=NOW - timedelta(days=d)).backups[0].path for d in (3, 2)
    ]
    size = data.db_file.stat().st_size
    free = backups.DEFAULT_POLICY.reserve_bytes + size // 2  # the copy would eat into the reserve

    with pytest.raises(UserError) as caught:
        make_backup(data.db_file, [data.backups], now=NOW, free_space=lambda _folder: free)

    message = caught.value.message
    assert message.startswith(
        f"Không đủ chỗ trống để sao lưu vào {data.backups}: còn trống {backups.size_text(free)}"
    )
    assert f"cần khoảng {backups.size_text(size)}" in message and "chừa lại 256,0 MB" in message
    assert "các bản sao lưu cũ vẫn được giữ nguyên" in message
    assert backup_files(data.backups) == sorted(older)


# ------------------------------------------------------------------------------ listing and rotation


def test_list_backups_reads_names_and_skips_temporary_and_foreign_files(tmp_path: Path) -> None:
    folder = tmp_path / "b"
    folder.mkdir()
    regular = folder / "counter-20261120-080000-000.00.31.H56-261120-0042.sqlite3.gz"
    dump = folder / "counter_db-20261121-080000.dump"
    migration = folder / "counter-before-migration-0007-20261122T010203Z.sqlite3"
    for path in (regular, dump, migration, folder / ".counter-x.sqlite3.abc.partial", folder / "notes.txt"):
        path.write_bytes(b"12345")

    newest_first = list_backups([folder, tmp_path / "absent"])

    assert [b.path for b in newest_first] == [migration, dump, regular]
    assert (regular.name, newest_first[2].last_code, newest_first[2].compressed) == (
        regular.name,
        "000.00.31.H56-261120-0042",
        True,
    )
    assert [(b.kind, b.verified, b.size) for b in newest_first] == [
        ("migration", False, 5),
        ("dump", True, 5),
        ("sqlite", True, 5),
    ]
    assert parse_backup(folder / "notes.txt") is None


def _fake(folder: Path, when: datetime) -> Path:
    path = folder / backup_name("counter", when, "000.00.31.H56-261123-0001")
    path.write_bytes(b"x")
    return path


def test_given_two_backups_a_weekday_for_400_days_then_7_daily_4_weekly_12_monthly_kept(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "b"
    folder.mkdir()
    keep_others = [folder / "counter-before-migration-0006-20250102T010203Z.sqlite3", folder / "readme.txt"]
    for path in keep_others:
        path.write_bytes(b"keep")
    no_compression = Policy(compress_after=timedelta(days=100_000))
    day = datetime(2025, 1, 1)
    last = day + timedelta(days=399)  # Wednesday 4 February 2026
    while day <= last:
        if day.weekday() < 5:  # the office is closed at weekends: no backup
            for hour in (12, 17):  # a daily one at noon, one when the desktop closes
                _fake(folder, day.replace(hour=hour))
                rotate(folder, now=day.replace(hour=hour), policy=no_compression)
        day += timedelta(days=1)

    kept = sorted(b.taken_at for b in list_backups([folder]) if b.kind == "sqlite")

    daily = ["2026-02-04", "2026-02-03", "2026-02-02", "2026-01-30", "2026-01-29", "2026-01-28", "2026-01-27"]
    weekly = ["2026-02-04", "2026-01-30", "2026-01-23", "2026-01-16"]  # each ISO week's newest (its Friday)
    monthly = [  # each month's last backup day (the last weekday)
        "2026-02-04", "2026-01-30", "2025-12-31", "2025-11-28", "2025-10-31", "2025-09-30",
        "2025-08-29", "2025-07-31", "2025-06-30", "2025-05-30", "2025-04-30", "2025-03-31",
    ]  # fmt: skip
    expected = sorted({datetime.fromisoformat(d).replace(hour=17) for d in daily + weekly + monthly})
    assert kept == expected and len(kept) == 19
    assert all(path.exists() for path in keep_others)  # migration backups and other files never deleted


def test_generations_to_keep_counts_days_that_have_a_backup_not_calendar_days(tmp_path: Path) -> None:
    # A PC left off for two months: the seven daily generations are still the last seven backup days.
    times = [datetime(2026, 1, d, 17) for d in range(1, 11)] + [datetime(2026, 3, 20, 17)]
    infos = [parse_backup(_fake(tmp_path, t)) for t in times]
    keep = generations_to_keep([i for i in infos if i], Policy(daily=7, weekly=0, monthly=0))
    assert sorted(parse_backup(p).taken_at.day for p in keep) == [5, 6, 7, 8, 9, 10, 20]  # type: ignore[union-attr]


def test_given_generation_older_than_a_week_then_gzipped_checked_and_still_restorable(data: DataDir) -> None:
    old = make_backup(data.db_file, [data.backups], now=NOW - timedelta(days=8)).backups[0].path
    old_digest, old_size = digest(old), old.stat().st_size

    result = make_backup(data.db_file, [data.backups], now=NOW)

    (gz,) = result.compressed
    assert gz == old.with_name(old.name + ".gz") and not old.exists()
    assert read_anchor_file(gz) is not None  # its anchor stays with it
    assert backups.sha256_of(gz, gzipped=True) == old_digest
    info = parse_backup(gz)
    assert info is not None and info.verified and info.compressed and info.size < old_size / 2
    assert [b.path for b in list_backups([data.backups])] == [result.backups[0].path, gz]


@pytest.mark.expect_log("not enough room to compress")
def test_given_no_room_to_compress_then_left_as_is(data: DataDir) -> None:
    old = make_backup(data.db_file, [data.backups], now=NOW - timedelta(days=8)).backups[0].path
    need = data.db_file.stat().st_size
    roomy_for_one = Policy(reserve_bytes=0)
    deleted, compressed = rotate(
        data.backups, now=NOW, policy=Policy(reserve_bytes=need * 10), free_space=lambda _f: need * 5
    )
    assert (deleted, compressed, old.exists()) == ([], [], True)
    assert rotate(data.backups, now=NOW, policy=roomy_for_one)[1] == [old.with_name(old.name + ".gz")]


def test_backup_due_after_a_day(data: DataDir) -> None:
    assert backups.backup_due(data.backups, NOW)
    make_backup(data.db_file, [data.backups], now=NOW)
    assert not backups.backup_due(data.backups, NOW + timedelta(hours=23))
    assert backups.backup_due(data.backups, NOW + timedelta(hours=24))


@pytest.mark.expect_log("second backup folder")
def test_automatic_backup_skips_an_unplugged_second_folder(data: DataDir, tmp_path: Path) -> None:
    result = backups.automatic_backup(data.db_file, data.backups, tmp_path / "unplugged", now=NOW)
    assert [b.path.parent for b in result.backups] == [data.backups]
    usb = tmp_path / "usb"
    usb.mkdir()
    result = backups.automatic_backup(data.db_file, data.backups, usb, now=NOW + timedelta(hours=1))
    assert [b.path.parent for b in result.backups] == [data.backups, usb]


def test_given_a_backup_rotated_out_then_its_anchor_goes_with_it(data: DataDir) -> None:
    policy = Policy(daily=1, weekly=0, monthly=0, compress_after=timedelta(days=100_000))
    first = make_backup(data.db_file, [data.backups], now=NOW - timedelta(days=1), policy=policy).backups[0]
    assert anchor_file_of(first.path).is_file()

    newer = make_backup(data.db_file, [data.backups], now=NOW, policy=policy)

    assert newer.deleted == [first.path]
    assert sorted(p.name for p in data.backups.iterdir()) == [
        newer.backups[0].path.name,
        newer.backups[0].path.name + ".anchor.txt",
    ]
