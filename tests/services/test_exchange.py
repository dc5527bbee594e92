"""The exchange between offline offices and the province (issue 15, first part): keys and enrolment,
upward bundles, the province's import (verified, idempotent, in any order, atomic, fork alarm) and
the acknowledgement that moves the office's cursor.

Offices are SQLite data folders set up from the setup file, each with its own node; the province is
the seeded database of the ``db`` fixture, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import json
import random
import uuid
import zipfile
from datetime import UTC
from pathlib import Path

import pytest
from exchange_support import (
    acked_export,
    chain_of,
    moment,
    node_of,
    open_office,
    province_chain,
    receive_day,
    rewrite_part,
)
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError
from testdata import audit_of

from counter_app.db.database import Database
from counter_app.db.event_log import hash_fields
from counter_app.db.models import Applicant, Dossier, Event, ExchangeEvent, ExchangeFork, ExchangePending
from counter_app.domain.errors import PermissionDenied, UserError
from counter_app.services import processing
from counter_app.services.actor import SYSTEM_ACTOR
from counter_app.services.exchange import province as province_module
from counter_app.services.exchange import province_view
from counter_app.services.exchange.bundle import EVENTS, write_bundle
from counter_app.services.exchange.event_json import event_fields, line_bytes
from counter_app.services.exchange.keys import own_key
from counter_app.services.exchange.office import import_ack, public_key_text, trust_province_key
from counter_app.services.exchange.province import acknowledge, enrol, import_events
from counter_app.services.exchange.upward import export_events
from counter_app.services.users import find_actor

ADMIN = SYSTEM_ACTOR


def offices(templates: dict[int, Path], tmp_path: Path, *which: int) -> dict[int, Database]:
    return {i: open_office(templates[i], tmp_path / f"xa{i}", i) for i in which}


def export(db: Database, tmp_path: Path, name: str, day: int = 0) -> Path:
    out = tmp_path / "usb" / f"{name}.zip"
    exported = export_events(db, ADMIN, out, now=moment(day))
    assert exported is not None
    return out


def enrolled(province: Database, office: Database, bundle: Path) -> str:
    """The province enrols the office's key, its fingerprint read out over the phone."""
    fingerprint = public_key_text(office, now=moment(0))[1]
    assert enrol(province, ADMIN, bundle, fingerprint, now=moment(0)).new
    return fingerprint


# ----------------------------------------------------------------------------- a week offline


def test_given_three_offices_a_week_offline_then_any_order_twice_converges_on_each_chain(
    db: Database, office_templates: dict[int, Path], tmp_path: Path
) -> None:
    three = offices(office_templates, tmp_path, 1, 2, 3)
    bundles: list[Path] = []
    for day in range(5):  # each evening a bundle to the USB stick; the province acknowledges none
        for i, office in three.items():
            receive_day(office, i, day)
            bundles.append(export(office, tmp_path, f"xa{i}-ngay{day}", day))
    for i, office in three.items():
        enrolled(db, office, bundles[i - 1])
    shuffled = bundles * 2  # every bundle twice, in any order: they overlap (each repeats the week so far)
    random.Random(15).shuffle(shuffled)

    results = [import_events(db, ADMIN, bundle, now=moment(6)) for bundle in shuffled]

    for i, office in three.items():
        assert province_chain(db, node_of(i)) == chain_of(office, node_of(i))
    assert sum(r.repeated for r in results) == len(bundles)  # the second time: known, nothing done
    assert not any(r.forks for r in results)
    with db.read() as session:
        assert session.execute(select(ExchangePending)).first() is None  # nothing left waiting


def test_given_bundles_out_of_order_then_the_later_events_wait_for_the_gap(
    db: Database, office_templates: dict[int, Path], tmp_path: Path
) -> None:
    # Another province database acknowledges each day, so each bundle holds that day alone; the
    # province under test (``db``) gets them last day first.
    (office,) = offices(office_templates, tmp_path, 1).values()
    acker = Database.open(f"sqlite:///{tmp_path / 'acker.sqlite3'}", "acker")
    receive_day(office, 1, 0)
    for province in (acker, db):
        enrolled(province, office, export(office, tmp_path, "dang-ky"))
    days = []
    for day in range(3):
        if day:
            receive_day(office, 1, day)
        days.append(acked_export(office, acker, tmp_path, f"ngay{day}", day))
    acker.close()

    last = import_events(db, ADMIN, days[2], now=moment(4))
    middle = import_events(db, ADMIN, days[1], now=moment(4))

    assert (last.applied, middle.applied) == (0, 0) and province_chain(db, node_of(1)) is None
    assert last.nodes[0].waiting > 0 and middle.nodes[0].waiting > 0
    first = import_events(db, ADMIN, days[0], now=moment(4))
    assert first.applied == chain_of(office, node_of(1))[0]  # its own and the two waiting
    assert province_chain(db, node_of(1)) == chain_of(office, node_of(1))
    with db.read() as session:
        assert session.execute(select(ExchangePending)).first() is None


def test_given_a_crash_mid_import_then_nothing_is_applied_and_the_next_import_completes(
    db: Database, office_templates: dict[int, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    two = offices(office_templates, tmp_path, 1, 2)
    for i, office in two.items():
        receive_day(office, i, 0)
    merged = {i: export(office, tmp_path, f"xa{i}") for i, office in two.items()}
    for i, office in two.items():
        enrolled(db, office, merged[i])
    real = province_module.apply_node
    calls: list[str] = []

    def crash_after_the_events(*args, **kwargs):  # type: ignore[no-untyped-def]
        outcome = real(*args, **kwargs)  # its events are written in the transaction …
        calls.append(outcome.node_id)
        raise OSError("the power went out")  # … and the process dies before the commit

    monkeypatch.setattr(province_module, "apply_node", crash_after_the_events)
    with pytest.raises(OSError):
        import_events(db, ADMIN, merged[1], now=moment(1))
    monkeypatch.setattr(province_module, "apply_node", real)

    assert calls == [node_of(1)] and province_chain(db, node_of(1)) is None
    result = import_events(db, ADMIN, merged[1], now=moment(1))
    assert not result.repeated and province_chain(db, node_of(1)) == chain_of(two[1], node_of(1))


# ----------------------------------------------------------------------------- refused bundles


@pytest.fixture
def one_bundle(db: Database, office_templates: dict[int, Path], tmp_path: Path) -> tuple[Database, Path]:
    (office,) = offices(office_templates, tmp_path, 1).values()
    receive_day(office, 1, 0)
    bundle = export(office, tmp_path, "xa1")
    enrolled(db, office, bundle)
    return office, bundle


def _rehashed(data: bytes) -> bytes:
    """The chain made whole again with the program's own hash function (the signature cannot be)."""
    lines, prev = [], None
    for raw in data.splitlines():
        line = json.loads(raw)
        if prev is not None:
            line["prev_hash"] = prev
        line["hash"] = prev = hash_fields(**event_fields(line))
        lines.append(line_bytes(line))
    return b"".join(lines)


def _swap_a_name(data: bytes) -> bytes:
    return data.replace("Người nộp 1-0-0".encode(), "Người nộp 1-0-9".encode(), 1)


@pytest.mark.parametrize(
    ("forge", "said"),
    [
        ("an event changed", "phần events.jsonl không khớp mã băm trong bản kê"),
        (
            "an event changed, every hash after it recomputed",
            "phần events.jsonl không khớp mã băm trong bản kê",
        ),
        ("the events left out", "các phần trong gói khác bản kê (thiếu hoặc thừa)"),
        ("a second events part before the signed one", "có hai tệp cùng tên trong gói"),
        ("bytes flipped on the stick", "phần events.jsonl hỏng, không giải nén được"),
        ("the manifest changed", "chữ ký không hợp lệ: bản kê đã bị sửa sau khi ký"),
        ("the file cut short", "không đọc được như một tệp zip (bị cắt hoặc hỏng)"),
        ("a text file", "không đọc được như một tệp zip"),
        ("an extra file", "có tệp lạ (virus.exe)"),
    ],
)
def test_given_a_tampered_bundle_then_it_is_refused_with_the_reason_and_nothing_applied(
    db: Database, one_bundle: tuple[Database, Path], tmp_path: Path, forge: str, said: str
) -> None:
    _office, bundle = one_bundle
    forged = tmp_path / "forged.zip"
    if forge == "an event changed":
        rewrite_part(bundle, forged, EVENTS, _swap_a_name)
    elif forge == "an event changed, every hash after it recomputed":
        rewrite_part(bundle, forged, EVENTS, lambda d: _rehashed(_swap_a_name(d)))
    elif forge == "the manifest changed":
        rewrite_part(bundle, forged, "manifest.json", lambda d: d.replace(b'"last_seq":', b'"last_seq": ', 1))
    elif forge == "the events left out":
        with zipfile.ZipFile(bundle) as src, zipfile.ZipFile(forged, "w") as dst:
            for info in src.infolist():
                if info.filename != EVENTS:
                    dst.writestr(info.filename, src.read(info.filename))
    elif forge == "a second events part before the signed one":
        with (
            zipfile.ZipFile(bundle) as src,
            zipfile.ZipFile(forged, "w") as dst,
            pytest.warns(UserWarning, match="Duplicate name"),
        ):
            dst.writestr(EVENTS, b"{}\n")
            for info in src.infolist():
                dst.writestr(info.filename, src.read(info.filename))
    elif forge == "bytes flipped on the stick":
        data = bytearray(bundle.read_bytes())
        with zipfile.ZipFile(bundle) as archive:
            info = archive.getinfo(EVENTS)
        start = info.header_offset + 30 + len(info.filename) + len(info.extra)
        for offset in range(start + 100, start + info.compress_size - 100, 997):
            data[offset] ^= 0xFF  # a damaged sector in the middle of the compressed events
        forged.write_bytes(bytes(data))
    elif forge == "the file cut short":
        forged.write_bytes(bundle.read_bytes()[: bundle.stat().st_size // 2])
    elif forge == "a text file":
        forged.write_text("not a bundle", encoding="utf-8")
    else:
        rewrite_part(bundle, forged, EVENTS, lambda d: d)

        with zipfile.ZipFile(forged, "a") as archive:
            archive.writestr("virus.exe", b"MZ")

    with pytest.raises(UserError) as refused:
        import_events(db, ADMIN, forged, now=moment(1))

    assert str(refused.value).startswith("Không nhận gói forged.zip: ") and said in str(refused.value)
    assert province_chain(db, node_of(1)) is None


def test_given_a_bundle_from_an_unenrolled_key_or_a_newer_schema_then_refused(
    db: Database, office_templates: dict[int, Path], tmp_path: Path
) -> None:
    (office,) = offices(office_templates, tmp_path, 2).values()
    bundle = export(office, tmp_path, "xa2")
    fingerprint = public_key_text(office, now=moment(0))[1]

    with pytest.raises(
        UserError, match=f"khóa đã ký gói \\({fingerprint}\\) chưa được đăng ký ở trung tâm tỉnh"
    ):
        import_events(db, ADMIN, bundle, now=moment(1))
    with pytest.raises(UserError, match="không khớp khóa đã ký gói"):
        enrol(db, ADMIN, bundle, "0000-0000-0000-0000-0000", now=moment(0))
    enrol(db, ADMIN, bundle, fingerprint, now=moment(0))

    from counter_app.services.exchange.bundle import read_bundle

    old = read_bundle(bundle)
    manifest = {k: v for k, v in old.manifest.items() if k not in ("format", "signer", "parts")}
    manifest.update(schema="9999", bundle_id=str(uuid.uuid4()))
    with office.write() as session:
        key, _ = own_key(session, moment(0))
    newer = tmp_path / "newer.zip"
    write_bundle(newer, manifest, {EVENTS: [b"".join(_raw_lines(old))]}, key)
    with pytest.raises(UserError, match="phiên bản counter_app mới hơn \\(lược đồ 9999"):
        import_events(db, ADMIN, newer, now=moment(1))
    assert province_chain(db, node_of(2)) is None
    with pytest.raises(PermissionDenied):
        import_events(db, find_actor(db, "canbo"), bundle, now=moment(1))


def _raw_lines(bundle) -> list[bytes]:  # type: ignore[no-untyped-def]
    return [
        (json.dumps(line, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n").encode()
        for line in bundle.lines(EVENTS)
    ]


# ----------------------------------------------------------------------------- forks


def test_given_a_copied_folder_that_kept_running_then_a_fork_alarm_and_nothing_lost(
    db: Database, office_templates: dict[int, Path], tmp_path: Path
) -> None:
    (office,) = offices(office_templates, tmp_path, 1).values()
    receive_day(office, 1, 0)
    public_key_text(office, now=moment(0))  # it has exchanged before: its key is in the folder
    # The data folder copied to a second PC whose account kept the same node id (the copy that
    # should have started a node of its own): both go on receiving.
    copy = open_office(Path(str(office.url).removeprefix("sqlite:///")), tmp_path / "copy", 1)
    receive_day(office, 1, 1)
    receive_day(copy, 1, 1, n=3)
    original = export(office, tmp_path, "original", 1)
    branch = export(copy, tmp_path, "copy", 1)
    enrolled(db, office, original)
    assert public_key_text(copy, now=moment(0))[1] == public_key_text(office, now=moment(0))[1]  # one office

    import_events(db, ADMIN, original, now=moment(2))
    forked = import_events(db, ADMIN, branch, now=moment(2))

    (node,) = forked.forks
    assert node.applied == 0 and node.fork_at is not None
    assert province_chain(db, node_of(1)) == chain_of(office, node_of(1))  # what was applied stands
    with db.read() as session:
        (alarm,) = session.execute(select(ExchangeFork)).scalars()
    copy_count, copy_head = chain_of(copy, node_of(1))
    assert alarm.seq == node.fork_at and alarm.resolved_at is None
    assert alarm.branch[-1]["hash"] == copy_head and alarm.branch[-1]["seq"] == copy_count  # kept whole
    # Until the admin chooses, nothing more of that node is applied — the original's next bundle waits.
    applied = province_chain(db, node_of(1))
    receive_day(office, 1, 2)
    later = import_events(db, ADMIN, export(office, tmp_path, "later", 2), now=moment(3))
    assert later.nodes[0].fork_at == alarm.seq and later.nodes[0].applied == 0
    assert province_chain(db, node_of(1)) == applied


# ----------------------------------------------------------------------------- acknowledgements


def test_given_the_acknowledgement_imported_then_the_next_export_leaves_those_events_out(
    db: Database, one_bundle: tuple[Database, Path], tmp_path: Path
) -> None:
    office, bundle = one_bundle
    result = import_events(db, ADMIN, bundle, now=moment(1))
    ack = acknowledge(
        db, result.fingerprint, tmp_path / "ack.zip", acknowledges=result.bundle_id, now=moment(1)
    )
    province_fp = public_key_text(db, now=moment(0))[1]

    with pytest.raises(UserError, match="chưa có khóa của trung tâm tỉnh"):
        import_ack(office, ADMIN, ack, now=moment(1))
    done = import_ack(office, ADMIN, ack, now=moment(1), fingerprint=province_fp)

    assert done.acknowledged == {node_of(1): chain_of(office, node_of(1))[0]}
    assert export_events(office, ADMIN, tmp_path / "nothing.zip", now=moment(1)) is None
    assert not (tmp_path / "nothing.zip").exists()
    assert import_ack(office, ADMIN, ack, now=moment(1)).repeated
    receive_day(office, 1, 1)
    nxt = export_events(office, ADMIN, tmp_path / "next.zip", now=moment(2))
    assert nxt is not None and nxt.chains[0].first_seq == done.acknowledged[node_of(1)] + 1


def test_given_an_acknowledgement_from_another_key_or_for_another_office_then_refused(
    db: Database, one_bundle: tuple[Database, Path], office_templates: dict[int, Path], tmp_path: Path
) -> None:
    office, bundle = one_bundle
    result = import_events(db, ADMIN, bundle, now=moment(1))
    ack = acknowledge(
        db, result.fingerprint, tmp_path / "ack.zip", acknowledges=result.bundle_id, now=moment(1)
    )
    key_file = tmp_path / "tinh.pub"
    content, province_fp = public_key_text(db, now=moment(0))
    key_file.write_text(content, encoding="utf-8")
    with pytest.raises(UserError, match="không khớp khóa trong tệp"):
        trust_province_key(office, ADMIN, key_file, "1234-5678-9ABC-DEF0-1234", now=moment(0))
    trust_province_key(office, ADMIN, key_file, province_fp, now=moment(0))
    # An acknowledgement signed by someone else (here: another office's key) …
    (other,) = offices(office_templates, tmp_path, 3).values()
    from counter_app.services.exchange.bundle import read_bundle

    manifest = {k: v for k, v in read_bundle(ack).manifest.items() if k not in ("format", "signer", "parts")}
    with other.write() as session:
        stranger, _ = own_key(session, moment(0))
    fake = tmp_path / "fake.zip"
    write_bundle(fake, {**manifest, "bundle_id": str(uuid.uuid4())}, {}, stranger)
    with pytest.raises(UserError, match="không phải khóa của trung tâm tỉnh"):
        import_ack(office, ADMIN, fake, now=moment(1))
    # … and a real one meant for another office.
    with pytest.raises(UserError, match="dành cho văn phòng có khóa"):
        import_ack(other, ADMIN, ack, now=moment(1), fingerprint=province_fp)
    assert export_events(office, ADMIN, tmp_path / "again.zip", now=moment(1)) is not None  # cursor unmoved


def test_given_the_office_restored_from_an_older_backup_then_the_acknowledgement_beyond_it_is_said_and_its_cursor_kept(
    db: Database, one_bundle: tuple[Database, Path], tmp_path: Path
) -> None:
    office, bundle = one_bundle
    before = Path(str(office.url).removeprefix("sqlite:///"))
    older = open_office(before, tmp_path / "older", 1)  # the backup, before the day's last receipts
    receive_day(office, 1, 1)
    later = export(office, tmp_path, "later", 1)
    result = import_events(db, ADMIN, later, now=moment(2))
    ack = acknowledge(
        db, result.fingerprint, tmp_path / "ack.zip", acknowledges=result.bundle_id, now=moment(2)
    )
    province_fp = public_key_text(db, now=moment(0))[1]

    done = import_ack(older, ADMIN, ack, now=moment(2), fingerprint=province_fp)

    assert done.acknowledged == {} and done.behind == {node_of(1): chain_of(office, node_of(1))[0]}
    again = export_events(older, ADMIN, tmp_path / "older.zip", now=moment(2))
    assert again is not None and again.chains[0].first_seq == 1  # its cursor did not move


def test_given_an_acknowledgement_naming_a_different_event_then_refused(
    db: Database, one_bundle: tuple[Database, Path], tmp_path: Path
) -> None:
    office, bundle = one_bundle
    older = open_office(Path(str(office.url).removeprefix("sqlite:///")), tmp_path / "older", 1)
    receive_day(office, 1, 1)
    result = import_events(db, ADMIN, export(office, tmp_path, "later", 1), now=moment(2))
    ack = acknowledge(
        db, result.fingerprint, tmp_path / "ack.zip", acknowledges=result.bundle_id, now=moment(2)
    )
    receive_day(older, 1, 1, n=4)  # restored, then went on receiving: other events at those numbers

    with pytest.raises(UserError, match="mà cơ sở dữ liệu này không có như vậy"):
        import_ack(older, ADMIN, ack, now=moment(2), fingerprint=public_key_text(db, now=moment(0))[1])


# ----------------------------------------------------------------------------- guards


def test_given_exchanged_events_then_the_database_refuses_to_change_or_delete_them(
    db: Database, one_bundle: tuple[Database, Path]
) -> None:
    _office, bundle = one_bundle
    import_events(db, ADMIN, bundle, now=moment(1))
    for statement in ("UPDATE exchange_events SET actor = 'mallory'", "DELETE FROM exchange_events"):
        with pytest.raises(DBAPIError, match="append-only"), db.write() as session:
            session.execute(text(statement))
    assert province_chain(db, node_of(1)) is not None


def test_given_a_week_of_events_waiting_then_they_are_kept_whatever_their_number(db: Database) -> None:
    """More waiting events than one statement may carry parameters for (SQLite 32,766; PostgreSQL
    65,535): 14,000 rows of 5 values each."""
    base = {
        "id": uuid.uuid4(),
        "node_id": "xa-9-quay-1",
        "kind": "received",
        "office_id": None,
        "dossier_id": None,
        "actor_id": None,
        "actor": "canbo9",
        "occurred_at": moment(0),
        "local_date": moment(0).date(),
        "payload": {},
        "prev_hash": "0" * 64,
        "hash_version": 2,
    }
    lines = [{**base, "id": uuid.uuid4(), "seq": seq, "hash": f"{seq:064d}"} for seq in range(2, 14_002)]
    with db.write() as session:
        kept = province_module._keep_pending(session, "xa-9-quay-1", lines, uuid.uuid4(), "ABCD")
    with db.read() as session:
        stored = session.execute(select(ExchangePending.seq).order_by(ExchangePending.seq)).scalars().all()
    assert kept == 14_000 and stored == list(range(2, 14_002))


def test_given_the_export_cancelled_then_no_file_is_left_and_nothing_is_recorded(
    office_templates: dict[int, Path], tmp_path: Path
) -> None:
    (office,) = offices(office_templates, tmp_path, 1).values()
    seen: list[tuple[int, int]] = []

    def cancel(done: int, total: int) -> bool:
        seen.append((done, total))
        return False  # the Hủy button

    with pytest.raises(UserError, match="Đã hủy: không ghi gói nào."):
        export_events(office, ADMIN, tmp_path / "usb" / "x.zip", now=moment(0), progress=cancel)

    assert seen and seen[-1][0] <= seen[-1][1]
    assert list((tmp_path / "usb").iterdir()) == []  # not even the temporary file
    assert export_events(office, ADMIN, tmp_path / "usb" / "x.zip", now=moment(0)) is not None


# ----------------------------------------------------------------------------- the province's view


def test_given_the_offices_bundles_then_the_province_finds_each_dossier_as_its_office_has_it(
    db: Database, office_templates: dict[int, Path], tmp_path: Path
) -> None:
    two = offices(office_templates, tmp_path, 1, 2)
    first_codes = receive_day(two[1], 1, 0, n=3)
    processing.transfer(two[1], find_actor(two[1], "canbo1"), first_codes[0], "VHXH", now=moment(0))
    receive_day(two[2], 2, 1)
    for i, office in two.items():
        bundle = export(office, tmp_path, f"xa{i}")
        enrolled(db, office, bundle)
        assert import_events(db, ADMIN, bundle, now=moment(2)).dossiers == len(office_rows(office))
    hotline = find_actor(db, "lanhdao")

    for i, office in two.items():
        for code, status, appointment, id_number in office_rows(office):
            (hit,) = province_view.find(db, hotline, code)
            assert (hit.code, hit.office_code, hit.status, hit.appointment_at) == (
                code,
                f"000.3{i}.23.H56",
                status,
                appointment,
            )
            assert [d.code for d in province_view.find(db, hotline, id_number)] == [code]
    assert province_view.find(db, hotline, first_codes[0])[0].status == "in_progress"  # the hand-over came
    states = {o.office_code: o for o in province_view.offices(db, hotline)}
    for i, office in two.items():
        state = states[f"000.3{i}.23.H56"]
        assert (state.dossiers, state.waiting, state.open_forks) == (len(office_rows(office)), 0, 0)
        assert state.data_until == last_event_at(office) and state.events == chain_of(office, node_of(i))[0]
    assert audit_of(db, "search")[-1][2]["province"] is True  # the hotline's look-ups are audited


def office_rows(office: Database) -> list[tuple[str, str, object, str]]:
    with office.read() as session:
        return [
            (code, status, appointment.astimezone(UTC) if appointment else None, id_number)
            for code, status, appointment, id_number in session.execute(
                select(Dossier.code, Dossier.status, Dossier.appointment_at, Applicant.id_number).join(
                    Applicant, Applicant.id == Dossier.applicant_id
                )
            )
        ]


def last_event_at(office: Database) -> object:
    with office.read() as session:
        return session.execute(select(func.max(Event.occurred_at))).scalar_one()


# ----------------------------------------------------------------------------- two branches, any order


def everything_at(province: Database, node: str) -> set[tuple[int, str]]:
    """(number, hash) of every event the province holds of ``node``: applied, waiting, in an alarm."""
    with province.read() as session:
        held = set(
            session.execute(
                select(ExchangeEvent.seq, ExchangeEvent.hash).where(ExchangeEvent.node_id == node)
            ).all()
        )
        held |= set(
            session.execute(
                select(ExchangePending.seq, ExchangePending.hash).where(ExchangePending.node_id == node)
            ).all()
        )
        for branch in session.execute(
            select(ExchangeFork.branch).where(ExchangeFork.node_id == node)
        ).scalars():
            held |= {(int(e["seq"]), str(e["hash"])) for e in branch}
    return held


def events_of(office: Database, node: str) -> set[tuple[int, str]]:
    with office.read() as session:
        return set(session.execute(select(Event.seq, Event.hash).where(Event.node_id == node)).all())


@pytest.mark.parametrize("order", ["original, then the copy", "the copy, then the original", "waiting first"])
def test_given_two_branches_of_one_chain_in_any_order_then_one_alarm_and_every_event_kept(
    db: Database, office_templates: dict[int, Path], tmp_path: Path, order: str
) -> None:
    (office,) = offices(office_templates, tmp_path, 1).values()
    acker = Database.open(f"sqlite:///{tmp_path / 'acker.sqlite3'}", "acker")
    receive_day(office, 1, 0)
    first = export(office, tmp_path, "ngay0")
    enrolled(acker, office, first)
    enrolled(db, office, first)
    acked_export(office, acker, tmp_path, "ngay0-ack", 0)
    copy = open_office(Path(str(office.url).removeprefix("sqlite:///")), tmp_path / "copy", 1)  # same node
    receive_day(office, 1, 1)
    day1 = acked_export(office, acker, tmp_path, "ngay1", 1)
    receive_day(copy, 1, 1, n=4)
    branch = export(copy, tmp_path, "copy", 1)
    receive_day(office, 1, 2)
    day2 = export(office, tmp_path, "ngay2", 2)  # follows day 1: waits until day 1 is applied
    acker.close()
    import_events(db, ADMIN, first, now=moment(3))
    sequence = {
        "original, then the copy": [day1, day2, branch],
        "the copy, then the original": [branch, day1, day2],
        "waiting first": [day2, branch, day1],
    }[order]

    results = [import_events(db, ADMIN, bundle, now=moment(3)) for bundle in sequence]

    with db.read() as session:
        alarms = (
            session.execute(select(ExchangeFork).where(ExchangeFork.resolved_at.is_(None))).scalars().all()
        )
    assert len(alarms) == 1 and alarms[0].stored_hash != alarms[0].incoming_hash
    assert any(r.forks for r in results)
    held = everything_at(db, node_of(1))
    assert events_of(office, node_of(1)) <= held  # nothing of the original lost …
    assert events_of(copy, node_of(1)) <= held  # … nor of the copy
    applied = province_chain(db, node_of(1))
    assert applied is not None  # what is applied is one branch, gapless (province_chain checks)


def test_given_another_offices_key_on_a_chain_then_refused(
    db: Database, office_templates: dict[int, Path], tmp_path: Path
) -> None:
    two = offices(office_templates, tmp_path, 1, 2)
    bundle = export(two[1], tmp_path, "xa1")
    enrolled(db, two[1], bundle)
    enrolled(db, two[2], export(two[2], tmp_path, "xa2"))
    import_events(db, ADMIN, bundle, now=moment(1))
    from counter_app.services.exchange.bundle import read_bundle

    taken = read_bundle(bundle)  # office 2 signs office 1's chain as its own
    manifest = {k: v for k, v in taken.manifest.items() if k not in ("format", "signer", "parts")}
    manifest.update(bundle_id=str(uuid.uuid4()))
    with two[2].write() as session:
        key, _ = own_key(session, moment(0))
    forged = tmp_path / "forged.zip"
    write_bundle(forged, manifest, {EVENTS: _raw_lines(taken)}, key)

    with pytest.raises(UserError, match=f"chuỗi {node_of(1)} thuộc một văn phòng khác"):
        import_events(db, ADMIN, forged, now=moment(2))
    reused = tmp_path / "reused.zip"  # and a bundle id of office 1's, claimed by office 2
    write_bundle(
        reused, {**manifest, "bundle_id": taken.manifest["bundle_id"]}, {EVENTS: _raw_lines(taken)}, key
    )
    with pytest.raises(UserError, match="đã được một văn phòng khác dùng"):
        import_events(db, ADMIN, reused, now=moment(2))


def test_given_a_copied_folder_on_a_new_node_then_each_database_takes_the_acknowledgement_of_its_own(
    db: Database, office_templates: dict[int, Path], tmp_path: Path
) -> None:
    (office,) = offices(office_templates, tmp_path, 1).values()
    public_key_text(office, now=moment(0))
    copy = open_office(Path(str(office.url).removeprefix("sqlite:///")), tmp_path / "copy", 1, node="may-moi")
    receive_day(office, 1, 0)
    receive_day(copy, 1, 0)  # the copy writes its own chain under its new node
    enrolled(db, office, export(office, tmp_path, "office"))
    for name, database in (("office", office), ("copy", copy)):
        result = import_events(db, ADMIN, export(database, tmp_path, f"{name}-all"), now=moment(1))
        assert not result.forks
    ack = acknowledge(
        db,
        public_key_text(office, now=moment(0))[1],
        tmp_path / "ack.zip",
        acknowledges=uuid.uuid4(),
        now=moment(1),
    )
    province_fp = public_key_text(db, now=moment(0))[1]

    mine = import_ack(office, ADMIN, ack, now=moment(1), fingerprint=province_fp)
    theirs = import_ack(copy, ADMIN, ack, now=moment(1), fingerprint=province_fp)

    assert set(mine.acknowledged) == {node_of(1)} and mine.behind == {}  # the copy's node skipped
    # The copy moves its own chain; the original's, which it holds only up to the copy, is behind.
    assert set(theirs.acknowledged) == {"may-moi"} and set(theirs.behind) == {node_of(1)}
