"""The procedure catalogue: importing the national portal's records and our own format, versions, export."""

from __future__ import annotations

import json
import shutil
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from testdata import MONDAY_9AM, PORTAL_DETAILS, TEST_PROCEDURES, reader

from counter_app.db.database import Database
from counter_app.db.models import Event, Procedure, ProcedureVersion, RequiredDocument
from counter_app.domain.errors import NotFoundError, PermissionDenied
from counter_app.services.actor import Actor
from counter_app.services.applicants import ApplicantInput
from counter_app.services.catalog import (
    export_records,
    import_paths,
    list_procedures,
    read_records,
    show_procedure,
)
from counter_app.services.catalog_format import CatalogFileError, write_own_format
from counter_app.services.lookup import lookup
from counter_app.services.offices import find_actor
from counter_app.services.receiving import IntakeRequest, receive

PORTAL_FILES = sorted(PORTAL_DETAILS.glob("*.json"))
# Three real records that are not in the seeded test catalogue.
GOOD_CODES = ("1.000094", "1.000110", "2.001955")
NEW_GOOD_CODES = tuple(c for c in GOOD_CODES if c not in TEST_PROCEDURES)
LATER = MONDAY_9AM + timedelta(hours=1)


def count(db: Database, model: type) -> int:
    with db.read() as session:
        return session.execute(select(func.count()).select_from(model)).scalar_one()


def counts(db: Database) -> tuple[int, int, int, int]:
    """Rows a refused import must not change."""
    return (count(db, Procedure), count(db, ProcedureVersion), count(db, RequiredDocument), count(db, Event))


def portal_record(code: str) -> dict[str, Any]:
    return json.loads((PORTAL_DETAILS / f"{code}.json").read_text(encoding="utf-8"))


def write_json(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def versions_of(db: Database, code: str) -> list[int]:
    with db.read() as session:
        return list(
            session.execute(
                select(ProcedureVersion.version_no)
                .join(Procedure, ProcedureVersion.procedure_id == Procedure.id)
                .where(Procedure.code == code)
                .order_by(ProcedureVersion.version_no)
            ).scalars()
        )


def test_given_every_portal_record_when_imported_twice_then_all_in_catalogue_clean_and_second_changes_nothing(
    sqlite_db: Database,
) -> None:
    # SQLite only, for speed (PostgreSQL imports are covered by the smaller tests below).
    db, admin = sqlite_db, find_actor(sqlite_db, "quantri")
    assert len(PORTAL_FILES) == 402
    raw_names = [
        str(component.get("name") or "")
        for path in PORTAL_FILES
        for case in json.loads(path.read_text(encoding="utf-8"))["data"].get("executionCases") or []
        for component in case.get("profileComponents") or []
    ]
    assert any(name.lstrip().startswith(("- ", "+ ")) for name in raw_names)  # the portal does use bullets
    codes = sorted(path.stem for path in PORTAL_FILES)

    summary = import_paths(db, admin, [PORTAL_DETAILS], now=LATER)

    # The seeded procedures came from the same records: unchanged, everything else added.
    assert sorted(summary.unchanged) == sorted(TEST_PROCEDURES)
    assert sorted(summary.added) == sorted(set(codes) - set(TEST_PROCEDURES))
    assert summary.updated == []
    assert [p.code for p in list_procedures(db)] == codes
    with db.read() as session:
        documents = session.execute(
            select(RequiredDocument.name, RequiredDocument.original_qty, RequiredDocument.copy_qty)
        ).all()
        imported = session.execute(
            select(Event.actor, Event.payload).where(
                Event.kind == "catalog_imported", Event.occurred_at == LATER
            )
        ).all()
    assert len(documents) > 2000
    for name, original_qty, copy_qty in documents:
        assert name and name == name.strip(), name
        assert not name.startswith(("-", "+", "•")), name
        assert original_qty >= 0 and copy_qty >= 0, name
    assert sorted(p["code"] for _, p in imported) == sorted(summary.added)
    assert {(actor, p["change"]) for actor, p in imported} == {("quantri", "added")}
    # A procedure from the worked example of docs/domain-rules.md §4: four documents of one original each.
    example = show_procedure(db, "2.001955")
    assert [(d.name[:16], d.original_qty, d.copy_qty) for d in example.cases[0].documents] == [
        ("Nội quy lao động", 1, 0),
        ("Văn bản đề nghị ", 1, 0),
        ("Các văn bản của ", 1, 0),
        ("Văn bản góp ý củ", 1, 0),
    ]
    before = counts(db)

    again = import_paths(db, admin, [PORTAL_DETAILS], now=LATER + timedelta(hours=1))

    assert (again.added, again.updated, sorted(again.unchanged)) == ([], [], codes)
    assert counts(db) == before


def test_given_imported_portal_records_when_exported_and_read_back_then_identical_content_hashes(
    sqlite_db: Database, tmp_path: Path
) -> None:
    admin = find_actor(sqlite_db, "quantri")
    portal = read_records([PORTAL_DETAILS])
    import_paths(sqlite_db, admin, [PORTAL_DETAILS], now=LATER)
    export = tmp_path / "catalog.json"

    export.write_text(write_own_format(export_records(sqlite_db)), encoding="utf-8")

    exported = read_records([export])
    assert {r.code: r.content_hash() for r in exported} == {r.code: r.content_hash() for r in portal}
    before = counts(sqlite_db)
    summary = import_paths(sqlite_db, admin, [export], now=LATER + timedelta(hours=1))
    assert (summary.added, summary.updated, len(summary.unchanged)) == ([], [], 402)
    assert counts(sqlite_db) == before


def test_given_changed_record_when_imported_then_new_version_and_old_dossier_keeps_old_version(
    db: Database, admin: Actor, officer: Actor, tmp_path: Path
) -> None:
    applicant = ApplicantInput(full_name="Nguyễn Thị Ánh Hồng", id_number="038190012345")
    intake = IntakeRequest(procedure_code="2.001955", applicant=applicant)
    old = receive(db, officer, intake, now=MONDAY_9AM)
    changed = portal_record("2.001955")
    changed["data"]["executionCases"][0]["profileComponents"][0]["originalQty"] = 2

    summary = import_paths(db, admin, [write_json(tmp_path / "2.001955.json", changed)], now=LATER)

    assert (summary.added, summary.updated, summary.unchanged) == ([], ["2.001955"], [])
    assert versions_of(db, "2.001955") == [1, 2]
    assert [(p.code, p.version_no) for p in list_procedures(db, "noi quy lao dong")] == [("2.001955", 2)]
    assert show_procedure(db, "2.001955").cases[0].documents[0].original_qty == 2
    old_view = lookup(db, reader(db), old.code)
    assert (old_view.procedure_version, old_view.documents[0]["original_qty"]) == (1, 1)
    new = receive(db, officer, intake, now=LATER + timedelta(minutes=5))
    new_view = lookup(db, reader(db), new.code)
    assert (new_view.procedure_version, new_view.documents[0]["original_qty"]) == (2, 2)
    with db.read() as session:
        event = session.execute(
            select(Event).where(Event.kind == "catalog_imported", Event.occurred_at == LATER)
        ).scalar_one()
    assert (event.actor, event.payload) == ("quantri", {"code": "2.001955", "change": "updated"})


def _invalid_json(path: Path) -> None:
    path.write_text('{"code": "OK", "data": {', encoding="utf-8")


def _without_code(path: Path) -> None:
    record = portal_record("1.000094")
    del record["data"]["code"]
    write_json(path, record)


def _negative_original_qty(path: Path) -> None:
    record = portal_record("1.000094")
    record["data"]["executionCases"][0]["profileComponents"][0]["originalQty"] = -1
    write_json(path, record)


def _negative_processing_time(path: Path) -> None:
    record = portal_record("1.000094")
    record["data"]["executionMethods"][0]["processingTime"] = -7
    write_json(path, record)


def _own_format_negative_copy_qty(path: Path) -> None:
    records = read_records([PORTAL_DETAILS / "1.000094.json"])
    data = json.loads(write_own_format(records))
    data["procedures"][0]["cases"][0]["documents"][0]["copy_qty"] = -2
    write_json(path, data)


def _own_format_negative_amount(path: Path) -> None:
    data = json.loads(write_own_format(read_records([PORTAL_DETAILS / "1.000094.json"])))
    data["procedures"][0]["channels"][0]["amount"] = "-3"
    write_json(path, data)


def _own_format_future_version(path: Path) -> None:
    write_json(path, {"format": "counter_app.catalog", "version": 3, "procedures": []})


def _own_format_changed(change: Any) -> Any:
    """A maker of an own-format file whose first procedure ``change(procedure)`` spoiled."""

    def make(path: Path) -> None:
        data = json.loads(write_own_format(read_records([PORTAL_DETAILS / "1.000094.json"])))
        change(data["procedures"][0])
        write_json(path, data)

    return make


def _doc(p: dict[str, Any]) -> dict[str, Any]:
    return p["cases"][0]["documents"][0]


def _not_a_record(path: Path) -> None:
    write_json(path, [1, 2, 3])


BAD_FILES = [
    ("invalid JSON", _invalid_json, "JSON sai ở dòng 1, cột 25."),
    ("record without code", _without_code, "tệp không hợp lệ — thiếu mã hoặc tên thủ tục."),
    (
        "negative originalQty",
        _negative_original_qty,
        "tệp không hợp lệ — Số bản chính phải là số không âm (gặp -1).",
    ),
    (
        "negative processingTime",
        _negative_processing_time,
        "Thời hạn giải quyết phải là số không âm (gặp -7).",
    ),
    (
        "own format, negative copy_qty",
        _own_format_negative_copy_qty,
        "Số bản sao phải là số không âm (gặp -2).",
    ),
    (
        "own format, negative amount",
        _own_format_negative_amount,
        "Thời hạn giải quyết phải là số không âm (gặp '-3').",
    ),
    ("own format, version 3", _own_format_future_version, "phiên bản định dạng 3 không được hỗ trợ."),
    (
        "own format, full_online as text",
        _own_format_changed(lambda p: p.update(full_online="yes")),
        "«full_online» phải là true hoặc false.",
    ),
    (
        "own format, required as text",
        _own_format_changed(lambda p: _doc(p).update(required="no")),
        "phải là true hoặc false.",
    ),
    (
        "own format, name as a list",
        _own_format_changed(lambda p: p.update(name=["a"])),
        "«name» của thủ tục phải là chuỗi ký tự.",
    ),
    (
        "own format, blank code",
        _own_format_changed(lambda p: p.update(code="   ")),
        "thiếu mã hoặc tên thủ tục.",
    ),
    (
        "own format, huge original_qty",
        _own_format_changed(lambda p: _doc(p).update(original_qty=10**30)),
        "quá lớn (tối đa 100).",
    ),
    (
        "own format, the same channel twice",
        _own_format_changed(lambda p: p["channels"].append(dict(p["channels"][0]))),
        "ghi hai lần.",
    ),
    (
        "own format, unknown channel",
        _own_format_changed(lambda p: p["channels"][0].update(channel="pigeon")),
        "kênh nộp không rõ: 'pigeon'",
    ),
    (
        "own format, unknown supplement rule",
        _own_format_changed(lambda p: p.update(supplement_rule="zzz")),
        "«supplement_rule» phải là restart hoặc pause",
    ),
    (
        "own format, legal bases as text",
        _own_format_changed(lambda p: p.update(legal_bases="abc")),
        "«legal_bases» phải là danh sách đối tượng có giá trị chuỗi.",
    ),
    ("not a record", _not_a_record, "không phải bản ghi thủ tục của Cổng DVCQG hay định dạng counter_app."),
]


@pytest.mark.parametrize(("case", "make_bad", "reason"), BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_given_one_malformed_file_among_good_ones_when_importing_then_file_and_reason_named_and_nothing_written(
    sqlite_db: Database, tmp_path: Path, case: str, make_bad: Any, reason: str
) -> None:
    admin = find_actor(sqlite_db, "quantri")
    folder = tmp_path / "records"
    folder.mkdir()
    for code in GOOD_CODES:
        shutil.copy(PORTAL_DETAILS / f"{code}.json", folder / f"{code}.json")
    bad = folder / "1.999999.json"
    make_bad(bad)
    before = counts(sqlite_db)

    with pytest.raises(CatalogFileError) as info:
        import_paths(sqlite_db, admin, [folder], now=LATER)

    message = info.value.message
    assert message.startswith("Không nhập danh mục, chưa ghi gì: "), case
    assert f"{bad}: " in message, case
    assert reason in message, case
    assert all(f"{code}.json" not in message for code in GOOD_CODES), case
    assert counts(sqlite_db) == before, case
    assert [p.code for p in list_procedures(sqlite_db)] == sorted(TEST_PROCEDURES)


def test_given_malformed_file_on_both_backends_then_nothing_written(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    good = [PORTAL_DETAILS / f"{code}.json" for code in NEW_GOOD_CODES]
    bad = tmp_path / "broken.json"
    _negative_original_qty(bad)
    missing = tmp_path / "missing.json"
    before = counts(db)

    with pytest.raises(CatalogFileError) as broken:
        import_paths(db, admin, [*good, bad], now=LATER)
    with pytest.raises(CatalogFileError) as absent:
        import_paths(db, admin, [*good, missing], now=LATER)

    assert (
        str(bad) in broken.value.message
        and "Số bản chính phải là số không âm (gặp -1)" in broken.value.message
    )
    assert absent.value.message == f"{missing}: không có tệp hay thư mục này."
    assert counts(db) == before


def test_given_officer_or_supervisor_when_importing_then_permission_denied_and_nothing_written(
    db: Database, officer: Actor, supervisor: Actor
) -> None:
    before = counts(db)

    for actor in (officer, supervisor):
        with pytest.raises(PermissionDenied) as info:
            import_paths(db, actor, [PORTAL_DETAILS / "1.000094.json"], now=LATER)
        assert info.value.message == "Chỉ quản trị mới được nhập danh mục thủ tục.", actor.username

    assert counts(db) == before


def test_given_catalogue_when_listing_or_showing_then_accentless_search_and_unknown_code_refused(
    db: Database,
) -> None:
    assert [p.code for p in list_procedures(db, "NỘI QUY lao dong")] == ["2.001955"]
    assert [p.code for p in list_procedures(db, "2.0019")] == ["2.001955"]
    assert list_procedures(db, "không có thủ tục này") == []

    with pytest.raises(NotFoundError) as info:
        show_procedure(db, " 9.999999 ")

    assert info.value.message == "Không có thủ tục mã «9.999999» trong danh mục."
