"""Setting up an office from a spec (services/office_setup.py), on the real bundled catalogue.

The full catalogue (402 portal records) is imported once per module and backend into a template
database with no office; each test gets a copy of it (a file copy on SQLite, CREATE DATABASE …
TEMPLATE on PostgreSQL). Only one test imports the catalogue itself, from a database with nothing.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url
from testdata import FIXTURES, MONDAY_9AM, NODE, PG_URL_ENV, PORTAL_DETAILS, TEST_PROCEDURES

from counter_app.db.database import Database
from counter_app.db.models import Agency, AuditRecord, Event, Office, OfficeProcedure, Procedure, User
from counter_app.domain.errors import PermissionDenied, ValidationError
from counter_app.services.actor import SYSTEM_ACTOR
from counter_app.services.catalog import import_catalog, read_records
from counter_app.services.catalog_format import CatalogFileError, write_own_format
from counter_app.services.demo import DEFAULT_CATALOG
from counter_app.services.integrity import verify_events
from counter_app.services.login import login
from counter_app.services.office_history import printed_at
from counter_app.services.office_setup import (
    ProcedureChoice,
    SetupResult,
    apply_setup,
    choices_for_level,
    needs_setup,
    procedure_choices,
)
from counter_app.services.offices import find_actor
from counter_app.services.setup_spec import SetupSpec, UnitSpec, UserSpec, spec_from_json
from counter_app.services.units import unit_name_at

COMMUNE_FILE = FIXTURES / "office_setup" / "commune.json"
NOW = MONDAY_9AM
LATER = NOW + timedelta(days=30)
LISTED = ("1.001193", "1.000656", "1.000894", "1.004873", "1.004859", "1.001022")
BUNDLED = 402


def commune_data() -> dict[str, Any]:
    return json.loads(COMMUNE_FILE.read_text(encoding="utf-8"))


def commune() -> SetupSpec:
    return spec_from_json(commune_data())


# ---- databases -----------------------------------------------------------------------------------


def _import_bundled(db: Database) -> None:
    import_catalog(db, SYSTEM_ACTOR, read_records([DEFAULT_CATALOG]), now=NOW - timedelta(days=1))


@pytest.fixture(scope="module")
def sqlite_catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    file = tmp_path_factory.mktemp("setup_template") / "catalogue.sqlite3"
    db = Database.open(f"sqlite:///{file}", NODE)
    _import_bundled(db)
    db.close()
    return file


def _pg_admin() -> Any:
    return create_engine(os.environ[PG_URL_ENV], isolation_level="AUTOCOMMIT")


def _pg_create(template: str | None = None) -> tuple[str, str]:
    name = f"counter_setup_{uuid.uuid4().hex[:10]}"
    admin = _pg_admin()
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")))
    admin.dispose()
    return str(make_url(os.environ[PG_URL_ENV]).set(database=name)), name


def _pg_drop(name: str) -> None:
    admin = _pg_admin()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="module")
def pg_catalogue() -> Iterator[str]:
    if not os.environ.get(PG_URL_ENV):
        pytest.skip(f"{PG_URL_ENV} is not set (the test command starts PostgreSQL and sets it)")
    url, name = _pg_create()
    db = Database.open(url, NODE)
    _import_bundled(db)
    db.close()
    yield name
    _pg_drop(name)


BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def fresh(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A database with the bundled catalogue and no office: what a first start finds after the
    catalogue baseline (a copy of the module's template)."""
    name = None
    if request.param == "sqlite":
        file = tmp_path / "counter.sqlite3"
        shutil.copy(request.getfixturevalue("sqlite_catalogue"), file)
        url = f"sqlite:///{file}"
    else:
        url, name = _pg_create(request.getfixturevalue("pg_catalogue"))
    database = Database.open(url, NODE)
    yield database
    database.close()
    if name is not None:
        _pg_drop(name)


@pytest.fixture(scope="module")
def sqlite_set_up(sqlite_catalogue: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    file = tmp_path_factory.mktemp("setup_template") / "set_up.sqlite3"
    shutil.copy(sqlite_catalogue, file)
    db = Database.open(f"sqlite:///{file}", NODE)
    apply_setup(db, SYSTEM_ACTOR, commune(), now=NOW)
    db.close()
    return file


@pytest.fixture(scope="module")
def pg_set_up(pg_catalogue: str) -> Iterator[str]:
    url, name = _pg_create(pg_catalogue)
    db = Database.open(url, NODE)
    apply_setup(db, SYSTEM_ACTOR, commune(), now=NOW)
    db.close()
    yield name
    _pg_drop(name)


@pytest.fixture(params=BACKENDS)
def set_up(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """The commune office set up from tests/fixtures/office_setup/commune.json at NOW (a copy)."""
    name = None
    if request.param == "sqlite":
        file = tmp_path / "counter.sqlite3"
        shutil.copy(request.getfixturevalue("sqlite_set_up"), file)
        url = f"sqlite:///{file}"
    else:
        url, name = _pg_create(request.getfixturevalue("pg_set_up"))
    database = Database.open(url, NODE)
    yield database
    database.close()
    if name is not None:
        _pg_drop(name)


@pytest.fixture(params=BACKENDS)
def empty(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A migrated database with nothing in it (a first start)."""
    name = None
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'counter.sqlite3'}"
    else:
        if not os.environ.get(PG_URL_ENV):
            pytest.skip(f"{PG_URL_ENV} is not set")
        url, name = _pg_create()
    database = Database.open(url, NODE)
    yield database
    database.close()
    if name is not None:
        _pg_drop(name)


# ---- helpers ---------------------------------------------------------------------------------------


def events(db: Database) -> dict[str, int]:
    """What was written, by kind: the events and the audit trail's records (users' changes)."""
    with db.read() as session:
        kinds = session.execute(select(Event.kind, func.count()).group_by(Event.kind)).all()
        actions = session.execute(select(AuditRecord.action, func.count()).group_by(AuditRecord.action)).all()
    return dict([*kinds, *actions])  # type: ignore[arg-type]


def new_events(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    return {kind: after[kind] - before.get(kind, 0) for kind in after if after[kind] != before.get(kind, 0)}


def disabled_codes(db: Database) -> set[str]:
    with db.read() as session:
        return set(
            session.execute(
                select(Procedure.code)
                .join(OfficeProcedure, OfficeProcedure.procedure_id == Procedure.id)
                .where(OfficeProcedure.enabled.is_(False))
            ).scalars()
        )


def user_rows(db: Database) -> dict[str, User]:
    with db.read() as session:
        return {u.username: u for u in session.execute(select(User)).scalars()}


def unit_rows(db: Database) -> dict[str, Agency]:
    with db.read() as session:
        return {u.code: u for u in session.execute(select(Agency)).scalars()}


def office_row(db: Database) -> Office:
    with db.read() as session:
        return session.execute(select(Office)).scalar_one()


# ---- what the wizard lists (files only) --------------------------------------------------------------


def test_given_the_bundled_catalogue_then_the_wizard_lists_every_procedure_with_its_level() -> None:
    choices = procedure_choices()

    assert len(choices) == BUNDLED
    assert [c.code for c in choices] == sorted(c.code for c in choices)
    birth = next(c for c in choices if c.code == "1.001193")
    assert birth == ProcedureChoice("1.001193", "Thủ tục đăng ký khai sinh", "G15-TP07", "Hộ tịch", "ward")
    assert {c.level for c in choices} == {"province", "ward", "province,ward", ""}


def test_given_an_office_level_then_its_procedures_and_those_of_no_or_several_levels() -> None:
    choices = procedure_choices()

    commune = choices_for_level(choices, "commune_centre")
    province = choices_for_level(choices, "province_centre")

    assert len(commune) == 168 + 12 + 17  # "ward", "province,ward", "" (unmarked: offered everywhere)
    assert len(province) == 205 + 12 + 17
    assert choices_for_level(choices, "department_unit") == province
    assert all(c.level in ("ward", "province,ward", "") for c in commune)
    assert {c.level for c in commune} == {"ward", "province,ward", ""}
    with pytest.raises(ValidationError, match="Cấp đơn vị «xa» không hợp lệ"):
        choices_for_level(choices, "xa")


def test_given_files_picked_then_listed_with_the_bundled_ones_and_a_bad_one_named(tmp_path: Path) -> None:
    own = tmp_path / "tinh.json"
    records = read_records([PORTAL_DETAILS / "1.001193.json"])
    records[0].name = "Đăng ký khai sinh (quy trình của tỉnh)"
    own.write_text(write_own_format(records), encoding="utf-8")
    choices = procedure_choices([DEFAULT_CATALOG, own])

    assert len(choices) == BUNDLED  # the same code: the later file's record replaces the bundled one
    assert next(c for c in choices if c.code == "1.001193").name == "Đăng ký khai sinh (quy trình của tỉnh)"
    assert [c.code for c in procedure_choices([PORTAL_DETAILS])] == [c.code for c in choices]  # a folder

    bad = tmp_path / "hong.json"
    bad.write_text('{"format": ', encoding="utf-8")
    with pytest.raises(ValidationError, match=r"hong\.json: JSON sai ở dòng 1, cột 12"):
        procedure_choices([DEFAULT_CATALOG, bad])
    with pytest.raises(CatalogFileError, match=r"khongco\.json: không có tệp"):
        procedure_choices([tmp_path / "khongco.json"])


# ---- apply_setup ---------------------------------------------------------------------------------------


def test_given_an_empty_database_then_catalogue_office_units_procedures_and_users_are_set_up(
    empty: Database,
) -> None:
    assert needs_setup(empty)

    result = apply_setup(empty, SYSTEM_ACTOR, commune(), now=NOW)

    assert result.created_office and not needs_setup(empty)
    assert result.changes[:2] == (
        f"Danh mục thủ tục: thêm mới {BUNDLED}, cập nhật 0 (không đổi 0).",
        "Tạo đơn vị «Trung tâm Phục vụ hành chính công phường Hạc Thành», mã định danh 000.31.23.H56.",
    )
    office = office_row(empty)
    assert (office.name, office.identifier_code, office.province, office.level) == (
        "Trung tâm Phục vụ hành chính công phường Hạc Thành",
        "000.31.23.H56",
        "Thanh Hóa",
        "commune_centre",
    )
    assert (office.governing_body, office.place, office.hotline, office.email) == (
        "UBND PHƯỜNG HẠC THÀNH",
        "Hạc Thành",
        "0237 3 852 123",
        "motcua.hacthanh@thanhhoa.gov.vn",
    )
    assert office.address == "Số 10 Phan Chu Trinh, phường Hạc Thành, tỉnh Thanh Hóa"
    assert (office.signatory_name, office.signatory_title, office.time_policy) == (
        "Nguyễn Thị Hoa",
        "GIÁM ĐỐC",
        "hours",
    )
    assert office.sessions is not None and office.sessions["5"] == [["07:30", "11:30"]]
    assert {code: u.name for code, u in unit_rows(empty).items()} == {
        "VHXH": "Phòng Văn hóa - Xã hội",
        "KT": "Phòng Kinh tế, Hạ tầng và Đô thị",
    }
    disabled = disabled_codes(empty)
    assert len(disabled) == BUNDLED - len(LISTED) and not disabled & set(LISTED)
    assert "Đơn vị tiếp nhận 6 thủ tục; 396 thủ tục khác của danh mục không tiếp nhận." in result.changes

    users = user_rows(empty)
    assert {name: (u.role, u.active, u.must_change_password, u.office_id) for name, u in users.items()} == {
        "quantri.hacthanh": ("admin", True, True, office.id),
        "canbo.lan": ("officer", True, True, office.id),
        "canbo.hung": ("officer", True, True, office.id),
        "lanhdao.hoa": ("supervisor", True, True, office.id),
    }
    assert events(empty) == {
        "catalog_imported": BUNDLED,
        "office_created": 1,
        "unit_added": 2,
        "office_procedure_changed": BUNDLED - len(LISTED),
        "user_created": 4,
    }
    assert verify_events(empty).first_broken is None
    # A one-time password for each user the file gives none; the file's password is one too.
    assert set(result.one_time_passwords) == {"quantri.hacthanh", "canbo.lan", "lanhdao.hoa"}
    assert login(empty, "canbo.hung", "Hac-Thanh-2026!", now=NOW).must_change_password
    admin_login = login(empty, "quantri.hacthanh", result.one_time_passwords["quantri.hacthanh"], now=NOW)
    assert admin_login.must_change_password and admin_login.actor.office_id == office.id


def test_given_the_same_spec_again_then_nothing_changes_and_no_event_is_written(fresh: Database) -> None:
    # With a catalogue file too: re-imported each time, its unchanged records write nothing.
    spec = replace(commune(), catalog_files=(str(PORTAL_DETAILS / "1.001193.json"),))
    first = apply_setup(fresh, SYSTEM_ACTOR, spec, now=NOW)
    assert first.created_office and first.changes
    before = events(fresh)

    again = apply_setup(fresh, SYSTEM_ACTOR, spec, now=LATER)

    assert again == SetupResult(created_office=False, changes=(), one_time_passwords={})
    assert events(fresh) == before
    actor = find_actor(fresh, "quantri.hacthanh")  # and as the office's own admin
    assert apply_setup(fresh, actor, spec, now=LATER).changes == ()
    assert events(fresh) == before


def test_given_a_changed_spec_then_exactly_those_changes_each_dated(set_up: Database) -> None:
    before = events(set_up)
    data = commune_data()
    data["office"]["address"] = "Số 2 Lê Hoàn, phường Hạc Thành, tỉnh Thanh Hóa"
    data["units"].append({"code": "TP", "name": "Bộ phận Tư pháp - Hộ tịch"})
    data["units"][1]["name"] = "Phòng Kinh tế"
    data["procedures"].append("1.000080")
    data["users"][1]["role"] = "supervisor"
    data["users"][3]["full_name"] = "Nguyễn Thị Hoà Bình"

    result = apply_setup(set_up, SYSTEM_ACTOR, spec_from_json(data), now=LATER)

    assert not result.created_office and result.one_time_passwords == {}
    assert result.changes == (
        "Địa chỉ: «Số 10 Phan Chu Trinh, phường Hạc Thành, tỉnh Thanh Hóa» → "
        "«Số 2 Lê Hoàn, phường Hạc Thành, tỉnh Thanh Hóa»",
        "Đổi tên đơn vị xử lý «KT»: «Phòng Kinh tế, Hạ tầng và Đô thị» → «Phòng Kinh tế».",
        "Thêm đơn vị xử lý «TP» — Bộ phận Tư pháp - Hộ tịch.",
        "Tiếp nhận thủ tục 1.000080 — Thủ tục đăng ký nhận cha, mẹ, con có yếu tố nước ngoài tại khu vực "
        "biên giới.",
        "Người dùng «canbo.lan»: vai trò officer (cán bộ một cửa) → supervisor (lãnh đạo).",
        "Người dùng «lanhdao.hoa»: họ tên «Nguyễn Thị Hoa» → «Nguyễn Thị Hoà Bình».",
    )
    assert new_events(before, events(set_up)) == {
        "office_profile_changed": 1,
        "unit_renamed": 1,
        "unit_added": 1,
        "office_procedure_changed": 1,
        "user_changed": 2,
    }
    with set_up.read() as session:
        latest = session.execute(select(Event).order_by(Event.seq.desc()).limit(4)).scalars().all()
        assert {e.occurred_at for e in latest} == {LATER}
        office = session.execute(select(Office)).scalar_one()
        # Dated: a slip of an act before the change still prints the old address; the unit's old name.
        assert printed_at(session, office, NOW + timedelta(hours=1))["address"].startswith("Số 10 Phan")
        assert printed_at(session, office, LATER)["address"].startswith("Số 2 Lê Hoàn")
        kt = session.execute(select(Agency).where(Agency.code == "KT")).scalar_one()
        assert unit_name_at(session, kt.id, NOW + timedelta(hours=1)) == "Phòng Kinh tế, Hạ tầng và Đô thị"
        assert unit_name_at(session, kt.id, LATER) == "Phòng Kinh tế"
    assert "1.000080" not in disabled_codes(set_up)
    assert user_rows(set_up)["canbo.lan"].role == "supervisor"


def test_given_prune_then_what_the_spec_no_longer_lists_is_taken_away_and_listing_it_brings_it_back(
    set_up: Database,
) -> None:
    data = commune_data()
    data["procedures"].remove("1.000656")
    del data["units"][1]  # KT
    del data["users"][1]  # canbo.lan
    smaller = spec_from_json(data)
    before = events(set_up)

    assert apply_setup(set_up, SYSTEM_ACTOR, smaller, now=LATER).changes == ()  # without --prune: left alone
    assert events(set_up) == before

    pruned = apply_setup(set_up, SYSTEM_ACTOR, smaller, now=LATER, prune=True)

    assert pruned.changes == (
        "Thôi dùng đơn vị xử lý «KT» — Phòng Kinh tế, Hạ tầng và Đô thị.",
        "Không tiếp nhận thủ tục 1.000656 — Thủ tục đăng ký khai tử.",
        "Vô hiệu hóa người dùng «canbo.lan» (không có trong tệp thiết lập).",
    )
    assert new_events(before, events(set_up)) == {
        "unit_retired": 1,
        "office_procedure_changed": 1,
        "user_disabled": 1,
    }
    assert "1.000656" in disabled_codes(set_up) and not user_rows(set_up)["canbo.lan"].active
    assert unit_rows(set_up)["KT"].retired_at is not None
    assert apply_setup(set_up, SYSTEM_ACTOR, smaller, now=LATER, prune=True).changes == ()

    back = apply_setup(set_up, SYSTEM_ACTOR, commune(), now=LATER + timedelta(days=1))

    assert back.changes == (
        "Dùng lại đơn vị xử lý «KT» — Phòng Kinh tế, Hạ tầng và Đô thị.",
        "Tiếp nhận thủ tục 1.000656 — Thủ tục đăng ký khai tử.",
        "Kích hoạt lại người dùng «canbo.lan».",
    )
    assert back.one_time_passwords == {}  # an existing user keeps the password they have


def test_given_prune_and_a_spec_without_users_or_units_then_those_are_left_alone(set_up: Database) -> None:
    office_only = SetupSpec(commune().office, procedures=None)

    assert apply_setup(set_up, SYSTEM_ACTOR, office_only, now=LATER, prune=True).changes == ()
    assert all(u.active for u in user_rows(set_up).values())
    assert all(u.retired_at is None for u in unit_rows(set_up).values())
    assert len(disabled_codes(set_up)) == BUNDLED - len(LISTED)


def test_given_a_new_admin_and_prune_then_the_old_admin_goes_after_the_new_one_is_there(
    set_up: Database,
) -> None:
    spec = commune()
    swapped = replace(
        spec,
        users=(
            UserSpec("canbo.lan", "Trần Thị Lan", "admin"),  # promoted
            UserSpec("quantri.hacthanh", "Lê Văn Nam", "officer"),  # demoted
        ),
    )

    result = apply_setup(set_up, find_actor(set_up, "quantri.hacthanh"), swapped, now=LATER, prune=True)

    assert result.changes == (
        "Người dùng «canbo.lan»: vai trò officer (cán bộ một cửa) → admin (quản trị).",
        "Người dùng «quantri.hacthanh»: vai trò admin (quản trị) → officer (cán bộ một cửa).",
        "Vô hiệu hóa người dùng «canbo.hung» (không có trong tệp thiết lập).",
        "Vô hiệu hóa người dùng «lanhdao.hoa» (không có trong tệp thiết lập).",
    )
    assert {n: (u.role, u.active) for n, u in user_rows(set_up).items()} == {
        "canbo.lan": ("admin", True),
        "quantri.hacthanh": ("officer", True),
        "canbo.hung": ("officer", False),
        "lanhdao.hoa": ("supervisor", False),
    }


def test_given_another_identifier_code_then_refused_and_nothing_written(set_up: Database) -> None:
    before = events(set_up)
    data = commune_data()
    data["office"]["identifier_code"] = "000.31.23.H99"
    data["office"]["address"] = "Địa chỉ mới"
    data["catalog_files"] = [str(PORTAL_DETAILS / "1.001193.json")]

    with pytest.raises(ValidationError) as error:
        apply_setup(set_up, SYSTEM_ACTOR, spec_from_json(data), now=LATER)

    assert "«000.31.23.H56»" in error.value.message and "«000.31.23.H99»" in error.value.message
    assert "counter-cli office change-code" in error.value.message
    assert error.value.field == "identifier_code"
    assert events(set_up) == before
    assert office_row(set_up).address.startswith("Số 10 Phan")


def _refuse_unknown_codes(db: Database) -> None:
    data = commune_data()
    data["procedures"] += ["9.999999", "1.000000"]
    before = events(db)

    with pytest.raises(ValidationError) as error:
        apply_setup(db, SYSTEM_ACTOR, spec_from_json(data), now=NOW)

    assert "Không có trong danh mục 2 mã thủ tục: 9.999999, 1.000000" in error.value.message
    assert "Chưa ghi gì" in error.value.message and error.value.field == "procedures"
    assert events(db) == before and needs_setup(db) and user_rows(db) == {} and unit_rows(db) == {}


def test_given_unknown_procedure_codes_then_all_named_and_nothing_written(fresh: Database) -> None:
    _refuse_unknown_codes(fresh)


def test_given_unknown_procedure_codes_on_an_empty_database_then_not_even_the_catalogue_imported(
    empty: Database,
) -> None:
    _refuse_unknown_codes(empty)  # checked before the catalogue baseline
    with empty.read() as session:
        assert session.execute(select(func.count()).select_from(Procedure)).scalar_one() == 0


def test_given_many_unknown_codes_then_the_first_twenty_named(set_up: Database) -> None:
    codes = tuple(f"9.{n:06d}" for n in range(25))

    with pytest.raises(ValidationError, match="danh mục 25 mã thủ tục: 9.000000, .*, 9.000019 và 5 mã khác"):
        apply_setup(set_up, SYSTEM_ACTOR, replace(commune(), procedures=codes), now=LATER)


def test_given_a_code_from_the_spec_catalogue_file_then_it_is_known(fresh: Database, tmp_path: Path) -> None:
    records = read_records([PORTAL_DETAILS / "1.001193.json"])
    records[0].code = "9.000001"
    records[0].name = "Thủ tục riêng của tỉnh"
    own = tmp_path / "tinh.json"
    own.write_text(write_own_format(records), encoding="utf-8")
    spec = replace(commune(), procedures=("9.000001", "1.001193"), catalog_files=(str(own),))

    result = apply_setup(fresh, SYSTEM_ACTOR, spec, now=NOW)

    assert result.changes[0] == "Danh mục thủ tục: thêm mới 1, cập nhật 0 (không đổi 0)."
    assert len(disabled_codes(fresh)) == BUNDLED - 1  # 403 in all, 2 received
    assert apply_setup(fresh, SYSTEM_ACTOR, spec, now=LATER).changes == ()


def test_given_a_bad_catalogue_file_then_named_and_nothing_written(fresh: Database, tmp_path: Path) -> None:
    bad = tmp_path / "hong.json"
    bad.write_text("[1, 2", encoding="utf-8")
    spec = replace(commune(), catalog_files=(str(bad),))

    with pytest.raises(ValidationError, match="hong.json"):
        apply_setup(fresh, SYSTEM_ACTOR, spec, now=NOW)

    assert events(fresh) == {"catalog_imported": BUNDLED} and needs_setup(fresh)


def test_given_someone_not_an_admin_then_refused(set_up: Database) -> None:
    before = events(set_up)

    for username in ("canbo.lan", "lanhdao.hoa"):
        with pytest.raises(PermissionDenied):
            apply_setup(set_up, find_actor(set_up, username), commune(), now=LATER)

    assert events(set_up) == before


def test_given_the_demo_office_then_setup_completes_its_profile_and_decides_its_procedures(
    db: Database,
) -> None:
    """An office made before the wizard (``init``, the demo): the same code, its profile completed."""
    spec = SetupSpec(
        office=replace(
            commune().office,
            name="Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa",
            identifier_code="000.00.31.H56",
            level="province_centre",
            governing_body="UBND TỈNH THANH HÓA",
            place="Thanh Hóa",
            address="Số 28 Đại lộ Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa",
            hotline="0237 3 999 888",
            email="",
            signatory_name="Lê Văn Minh",
            signatory_title="GIÁM ĐỐC",
        ),
        units=(UnitSpec("SNV", "Sở Nội vụ"),),
        procedures=TEST_PROCEDURES[:2],
    )
    before = events(db)

    result = apply_setup(db, SYSTEM_ACTOR, spec, now=NOW)

    assert not result.created_office
    assert result.changes == (
        "Tỉnh, thành phố: (trống) → «Thanh Hóa»",
        "Cấp đơn vị: (trống) → «Trung tâm Phục vụ hành chính công tỉnh»",
        "Giờ làm việc: «Thứ Hai–Thứ Sáu: 07:30–11:30, 13:30–17:00» → «Thứ Hai–Thứ Sáu: 07:30–11:30, "
        "13:30–17:00; Thứ Bảy: 07:30–11:30»",
    )
    assert new_events(before, events(db)) == {"office_profile_changed": 1}
    assert office_row(db).province == "Thanh Hóa" and disabled_codes(db) == set()

    pruned = apply_setup(db, SYSTEM_ACTOR, spec, now=LATER, prune=True)

    assert disabled_codes(db) == set(TEST_PROCEDURES[2:])
    assert pruned.changes == (
        "Thôi dùng đơn vị xử lý «SGDDT» — Sở Giáo dục và Đào tạo.",
        "Thôi dùng đơn vị xử lý «SNNMT» — Sở Nông nghiệp và Môi trường.",
        "Thôi dùng đơn vị xử lý «STP» — Sở Tư pháp.",
        "Thôi dùng đơn vị xử lý «SYT» — Sở Y tế.",
        "Không tiếp nhận thủ tục 1.001022 — Thủ tục đăng ký nhận cha, mẹ, con.",
        "Không tiếp nhận thủ tục 1.001695 — Thủ tục đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con có "
        "yếu tố nước ngoài.",
        "Không tiếp nhận thủ tục 1.115563 — Xóa ghi nợ tiền sử dụng đất, lệ phí trước bạ trên Giấy chứng "
        "nhận đã cấp.",
        "Không tiếp nhận thủ tục 2.000513 — Thủ tục đăng ký lại kết hôn có yếu tố nước ngoài.",
    )
    assert all(u.active for u in user_rows(db).values())  # no users listed: left alone


def test_given_a_password_its_owner_typed_then_no_change_is_forced_at_the_first_log_in(
    fresh: Database,
) -> None:
    # The wizard's first administrator typed the password twice: it is theirs, not a one-time one.
    own = UserSpec("quantri.rieng", "Lê Văn Riêng", "admin", "Rieng-Mat-Khau-2026", own_password=True)
    spec = replace(commune(), users=(own,))
    result = apply_setup(fresh, SYSTEM_ACTOR, spec, now=NOW)
    assert result.one_time_passwords == {}
    assert not login(fresh, "quantri.rieng", "Rieng-Mat-Khau-2026", now=NOW).must_change_password
