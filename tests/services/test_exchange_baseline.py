"""The province's baseline bundle (issue 15): the catalogue and the calendar pushed down to the
offices, applied in one transaction under the office's own layer, what changed said.

The province is the seeded database of the ``db`` fixture (SQLite and PostgreSQL); the offices are
SQLite data folders set up from the setup file, each receiving procedure 2.001955 (7 working days).
"""

from __future__ import annotations

import copy
import json
import zipfile
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from exchange_support import PROCEDURE, moment, open_office, rewrite_part
from sqlalchemy import func, select
from testdata import MONDAY_9AM, PORTAL_DETAILS, TZ

from counter_app.db.database import Database
from counter_app.db.models import CalendarBaseline, Event, ExchangeBundle, ProcedureVersion
from counter_app.db.schema_head import HEAD_REVISION
from counter_app.domain.errors import PermissionDenied, UserError, ValidationError
from counter_app.services import calendar_admin, calendar_baseline
from counter_app.services.actor import SYSTEM_ACTOR
from counter_app.services.applicants import ApplicantInput
from counter_app.services.catalog import import_catalog
from counter_app.services.catalog_files import read_catalog_file
from counter_app.services.catalog_format import DocumentRecord
from counter_app.services.catalog_snapshot import current_snapshot
from counter_app.services.exchange.bundle import CALENDAR, CATALOG, FORMS, write_bundle
from counter_app.services.exchange.downward import (
    BASELINE_KIND,
    import_baseline,
    last_applied,
    publish_baseline,
)
from counter_app.services.exchange.event_json import line_bytes
from counter_app.services.exchange.keys import own_key
from counter_app.services.exchange.office import public_key_text
from counter_app.services.offices import calendar_for, get_office
from counter_app.services.receiving import IntakeRequest, receive
from counter_app.services.users import find_actor

ADMIN = SYSTEM_ACTOR
NEW_DOCUMENT = "Bản sao Giấy chứng nhận đăng ký doanh nghiệp (theo quyết định của tỉnh)"
PROVINCE_DAY_OFF = date(2026, 12, 2)  # a Wednesday inside the term of a dossier received 30/11


def province_fingerprint(province: Database) -> str:
    return public_key_text(province, now=moment(0))[1]


def change_the_procedure(province: Database) -> None:
    """The province publishes 2.001955 with a shorter term (5 working days) and one more document."""
    record = read_catalog_file(PORTAL_DETAILS / f"{PROCEDURE}.json")[0]
    changed = copy.deepcopy(record)
    changed.channels = [replace(c, amount="5") for c in changed.channels]
    changed.cases[0].documents.append(DocumentRecord(NEW_DOCUMENT, 0, 1, True))
    import_catalog(province, ADMIN, [changed], now=moment(0))


def publish(province: Database, tmp_path: Path, name: str, day: int = 0) -> Path:
    out = tmp_path / "usb" / f"{name}.zip"
    publish_baseline(province, ADMIN, out, now=moment(day))
    return out


def received_appointment(office: Database, i: int, at_day: int = 7) -> tuple[object, list[str]]:
    """A dossier of 2.001955 received next Monday 9:00: its appointment and its documents' names."""
    officer = find_actor(office, f"canbo{i}")
    dossier = receive(
        office,
        officer,
        IntakeRequest(PROCEDURE, ApplicantInput(full_name="Nguyễn Văn Tỉnh", id_number=f"03819{i}000777")),
        now=MONDAY_9AM + timedelta(days=at_day),
    )
    with office.read() as session:
        snapshot = current_snapshot(session, PROCEDURE)
    return dossier.appointment_at, [d.name for d in snapshot.cases[0].documents]


def event_count(db: Database) -> int:
    with db.read() as session:
        return session.execute(select(func.count()).select_from(Event)).scalar_one()


# ------------------------------------------------------------------------- the whole route


def test_given_a_catalogue_change_and_a_day_off_pushed_down_then_all_three_offices_use_them(
    db: Database, office_templates: dict[int, Path], tmp_path: Path
) -> None:
    province = db
    change_the_procedure(province)
    calendar_baseline.set_day(
        province, ADMIN, PROVINCE_DAY_OFF, "off", "Nghỉ bù theo quyết định của UBND tỉnh", now=moment(0)
    )
    bundle = publish(province, tmp_path, "danh-muc-1")
    untouched = open_office(office_templates[1], tmp_path / "doi-chung", 1)
    before_appointment, before_documents = received_appointment(untouched, 1)
    assert NEW_DOCUMENT not in before_documents

    fingerprint = province_fingerprint(province)
    for i in (1, 2, 3):
        office = open_office(office_templates[i], tmp_path / f"xa{i}", i)
        applied = import_baseline(office, ADMIN, bundle, now=moment(1), fingerprint=fingerprint)
        assert not applied.repeated and applied.number == 1
        assert [c.code for c in applied.updated] == [PROCEDURE]  # the office had the portal's version
        assert [(c.day, c.before, c.after.kind) for c in applied.calendar] == [
            (PROVINCE_DAY_OFF, None, "off")
        ]
        assert last_applied(office) == 1
        appointment, documents = received_appointment(office, i)
        assert NEW_DOCUMENT in documents
        # Received Monday 30/11 9:00, counted in working hours: 7 working days ran to Tuesday 8/12
        # 14:30; 5 run to Friday 4/12, and the province's day off on Wednesday 2/12 moves it to
        # Monday 7/12.
        assert before_appointment == datetime(2026, 12, 8, 14, 30, tzinfo=TZ)
        assert appointment == datetime(2026, 12, 7, 14, 30, tzinfo=TZ)
        with office.read() as session:
            versions = session.execute(
                select(func.count())
                .select_from(ProcedureVersion)
                .join(ProcedureVersion.procedure)
                .where(ProcedureVersion.procedure.has(code=PROCEDURE))
            ).scalar_one()
            kinds = set(session.execute(select(Event.kind).where(Event.node_id == office.node_id)).scalars())
        assert versions == 2  # a new version: dossiers received before keep theirs
        assert {"catalog_imported", "calendar_baseline_changed", "baseline_applied"} <= kinds


def test_given_the_same_bundle_twice_or_an_older_one_then_nothing_more_is_changed(
    db: Database, office_templates: dict[int, Path], tmp_path: Path
) -> None:
    province = db
    first = publish(province, tmp_path, "so-1")
    change_the_procedure(province)
    second = publish(province, tmp_path, "so-2", day=1)
    office = open_office(office_templates[1], tmp_path / "xa1", 1)
    fingerprint = province_fingerprint(province)

    applied = import_baseline(office, ADMIN, second, now=moment(2), fingerprint=fingerprint)
    assert applied.number == 2 and [c.code for c in applied.updated] == [PROCEDURE]
    events = event_count(office)
    again = import_baseline(office, ADMIN, second, now=moment(2))
    assert again.repeated and not again.changed_anything
    with pytest.raises(UserError, match="gói số 1 cũ hơn gói số 2 đã áp dụng"):
        import_baseline(office, ADMIN, first, now=moment(2))
    assert event_count(office) == events


def test_given_an_unchanged_catalogue_again_then_nothing_is_said_changed(
    db: Database, office_templates: dict[int, Path], tmp_path: Path
) -> None:
    office = open_office(office_templates[1], tmp_path / "xa1", 1)
    fingerprint = province_fingerprint(db)
    import_baseline(office, ADMIN, publish(db, tmp_path, "so-1"), now=moment(1), fingerprint=fingerprint)
    later = import_baseline(office, ADMIN, publish(db, tmp_path, "so-2", day=1), now=moment(2))
    assert not later.repeated and later.number == 2
    assert not later.changed_anything and later.unchanged > 0


# ------------------------------------------------------------------------------------ refusals


def test_given_no_trusted_key_or_a_wrong_fingerprint_or_another_signer_then_refused(
    db: Database, office_templates: dict[int, Path], tmp_path: Path
) -> None:
    bundle = publish(db, tmp_path, "so-1")
    office = open_office(office_templates[1], tmp_path / "xa1", 1)
    with pytest.raises(UserError, match="chưa có khóa của trung tâm tỉnh"):
        import_baseline(office, ADMIN, bundle, now=moment(1))
    with pytest.raises(ValidationError, match="không khớp khóa"):
        import_baseline(office, ADMIN, bundle, now=moment(1), fingerprint="0000-0000-0000-0000-0000")
    # Another office signs a "baseline" of its own: not the province's key.
    other = open_office(office_templates[2], tmp_path / "xa2", 2)
    forged = tmp_path / "usb" / "gia-mao.zip"
    with other.write() as session:
        key, _ = own_key(session, moment(0))
    manifest = {
        "kind": BASELINE_KIND,
        "bundle_id": "6f1d2c9e-8a51-4d5e-9a34-0c1b2d3e4f50",
        "number": 9,
        "schema": HEAD_REVISION,
    }
    write_bundle(forged, manifest, {CATALOG: [], CALENDAR: []}, key)
    import_baseline(office, ADMIN, bundle, now=moment(1), fingerprint=province_fingerprint(db))
    events = event_count(office)
    with pytest.raises(UserError, match="không phải khóa của trung tâm tỉnh"):
        import_baseline(office, ADMIN, forged, now=moment(1))
    assert event_count(office) == events and last_applied(office) == 1


def signed_by_province(
    province: Database,
    out: Path,
    manifest: dict,
    catalog: list[bytes],
    calendar: list[bytes],
    forms: list[bytes] | None = None,
) -> Path:
    """A baseline bundle signed with the province's key; ``forms`` None: none of the wording (as a
    province before 0022 wrote them)."""
    with province.write() as session:
        key, _ = own_key(session, moment(0))
    write_bundle(
        out,
        {
            "kind": BASELINE_KIND,
            "bundle_id": "0b0a7d9c-1e2f-4a5b-8c6d-7e8f9a0b1c2d",
            "number": 1,
            "schema": HEAD_REVISION,
            **manifest,
        },
        {CATALOG: catalog, CALENDAR: calendar, **({FORMS: forms} if forms is not None else {})},
        key,
    )
    return out


@pytest.mark.parametrize(
    ("what", "reason"),
    [
        ("newer schema", "phiên bản counter_app mới hơn"),
        ("bad procedure", "danh mục trong gói có thủ tục không hợp lệ"),
        ("bad day", "lịch trong gói có một ngày không hợp lệ"),
        ("bad wording", "lời văn mẫu phiếu trong gói không hợp lệ — Lời văn phải giữ đúng các chỗ điền sẵn"),
        ("no number", "không có mã gói hoặc số thứ tự"),
        ("tampered", "không khớp mã băm"),
        ("events bundle", "không phải gói danh mục và lịch"),
    ],
)
def test_given_a_bad_bundle_then_refused_with_the_reason_and_nothing_applied(
    db: Database, office_templates: dict[int, Path], tmp_path: Path, what: str, reason: str
) -> None:
    office = open_office(office_templates[1], tmp_path / "xa1", 1)
    good = publish(db, tmp_path, "so-1")
    with zipfile.ZipFile(good) as archive:
        catalog = [line + b"\n" for line in archive.read(CATALOG).splitlines()]
    day = line_bytes({"day": "2026-12-31", "kind": "off", "note": ""})
    out = tmp_path / "usb" / "xau.zip"
    if what == "newer schema":
        signed_by_province(db, out, {"schema": str(int(HEAD_REVISION) + 1)}, catalog, [day])
    elif what == "bad procedure":
        broken = json.loads(catalog[0])
        broken["channels"][0]["amount"] = "-3"
        signed_by_province(db, out, {}, [line_bytes(broken), *catalog[1:]], [day])
    elif what == "bad day":
        signed_by_province(
            db, out, {}, catalog, [line_bytes({"day": "2026-12-31", "kind": "holiday", "note": ""})]
        )
    elif what == "bad wording":
        text = line_bytes({"slip": "receipt", "key": "footer", "text": "Hồ sơ số"})  # its {code} lost
        signed_by_province(db, out, {}, catalog, [day], [text])
    elif what == "no number":
        signed_by_province(db, out, {"number": 0}, catalog, [day])
    elif what == "tampered":
        rewrite_part(good, out, CATALOG, lambda data: data.replace(b"working_day", b"calendar_day", 1))
    else:
        with db.write() as session:
            key, _ = own_key(session, moment(0))
        write_bundle(
            out,
            {"kind": "events", "bundle_id": "1b0a7d9c-1e2f-4a5b-8c6d-7e8f9a0b1c2d", "schema": HEAD_REVISION},
            {},
            key,
        )
    events = event_count(office)
    with pytest.raises(UserError, match=reason):
        import_baseline(office, ADMIN, out, now=moment(1), fingerprint=province_fingerprint(db))
    assert event_count(office) == events and last_applied(office) == 0
    with office.read() as session:
        assert session.execute(select(func.count()).select_from(CalendarBaseline)).scalar_one() == 0


def test_given_the_import_cancelled_or_by_an_officer_then_nothing_is_applied(
    db: Database, office_templates: dict[int, Path], tmp_path: Path
) -> None:
    change_the_procedure(db)
    bundle = publish(db, tmp_path, "so-1")
    office = open_office(office_templates[1], tmp_path / "xa1", 1)
    events = event_count(office)
    with pytest.raises(PermissionDenied):
        import_baseline(
            office, find_actor(office, "canbo1"), bundle, now=moment(1), fingerprint=province_fingerprint(db)
        )
    with pytest.raises(UserError, match="Đã hủy nhập danh mục"):
        import_baseline(
            office,
            ADMIN,
            bundle,
            now=moment(1),
            fingerprint=province_fingerprint(db),
            progress=lambda done, total: done < 3,
        )
    assert event_count(office) == events and last_applied(office) == 0
    with office.read() as session:
        assert session.execute(select(ExchangeBundle)).first() is None  # the province's key not kept either


# ------------------------------------------------------------------------------------ calendar


def test_given_the_baseline_calendar_then_past_days_kept_future_days_replaced_and_the_office_wins(
    db: Database, office_templates: dict[int, Path], tmp_path: Path
) -> None:
    province, fingerprint = db, province_fingerprint(db)
    office = open_office(office_templates[1], tmp_path / "xa1", 1)
    soon, later = date(2026, 11, 25), date(2026, 12, 16)
    calendar_baseline.set_day(province, ADMIN, soon, "off", "Lễ hội của tỉnh", now=moment(0))
    calendar_baseline.set_day(province, ADMIN, later, "off", "", now=moment(0))
    import_baseline(
        office, ADMIN, publish(province, tmp_path, "so-1"), now=moment(0), fingerprint=fingerprint
    )
    # The office works on the province's day off of 16/12 (its own decision wins).
    calendar_admin.set_override(office, ADMIN, later, "work", "Trực tiếp nhận hồ sơ đất đai", now=moment(0))

    # A week later the province no longer lists either day: 25/11 is past at the office and stays.
    calendar_baseline.clear_day(province, ADMIN, later, now=moment(0))
    second = import_baseline(office, ADMIN, publish(province, tmp_path, "so-2", day=7), now=moment(7))
    assert [(c.day, c.before.kind, c.after) for c in second.calendar] == [(later, "off", None)]
    with office.read() as session:
        kept = [(r.day, r.kind, r.note) for r in session.execute(select(CalendarBaseline)).scalars()]
        calendar = calendar_for(session, get_office(session))
    assert kept == [(soon, "off", "Lễ hội của tỉnh")]
    assert not calendar.is_working_day(soon) and calendar.is_working_day(later)
    preview = calendar_admin.preview(office, now=MONDAY_9AM, days=5)
    assert any(d.day == soon and "Theo lịch của tỉnh: Lễ hội của tỉnh" in d.reason for d in preview.days_off)


def test_given_the_province_edits_its_calendar_then_checked_and_each_change_an_event(db: Database) -> None:
    with pytest.raises(ValidationError, match="đã qua"):
        calendar_baseline.set_day(db, ADMIN, date(2026, 11, 20), "off", "", now=moment(0))
    with pytest.raises(ValidationError, match="«off»"):
        calendar_baseline.set_day(db, ADMIN, date(2026, 12, 20), "holiday", "", now=moment(0))
    with pytest.raises(ValidationError, match="Ghi chú dài quá"):
        calendar_baseline.set_day(db, ADMIN, date(2026, 12, 20), "off", "x" * 301, now=moment(0))
    with pytest.raises(PermissionDenied):
        calendar_baseline.set_day(db, find_actor(db, "canbo"), date(2026, 12, 20), "off", "", now=moment(0))
    before = event_count(db)
    assert calendar_baseline.set_day(db, ADMIN, date(2026, 12, 19), "work", "Làm bù", now=moment(0))
    assert not calendar_baseline.set_day(db, ADMIN, date(2026, 12, 19), "work", "Làm bù", now=moment(0))
    assert calendar_baseline.clear_day(db, ADMIN, date(2026, 12, 19), now=moment(0))
    assert not calendar_baseline.clear_day(db, ADMIN, date(2026, 12, 19), now=moment(0))
    assert event_count(db) == before + 2
    assert calendar_baseline.list_days(db) == []


def test_given_an_empty_catalogue_at_the_province_then_nothing_is_published(tmp_path: Path) -> None:
    empty = Database.open(f"sqlite:///{tmp_path / 'tinh.sqlite3'}", "tinh-1")
    try:
        with pytest.raises(UserError, match="chưa có thủ tục nào"):
            publish_baseline(empty, ADMIN, tmp_path / "so-1.zip", now=moment(0))
        assert not (tmp_path / "so-1.zip").exists()
    finally:
        empty.close()
