"""Units (the specialist units dossiers are handed to): added, renamed with a date, retired, never deleted.

The demo has SNV (Sở Nội vụ), SYT, STP, SNNMT, SGDDT, made without dated names (like a database
from before them).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select
from testdata import MONDAY_9AM

from counter_app.db.database import Database
from counter_app.db.models import Agency, AgencyName, Event
from counter_app.domain.errors import NotFoundError, PermissionDenied, ValidationError
from counter_app.services import units
from counter_app.services.action_choices import transfer_units
from counter_app.services.actor import Actor
from counter_app.services.applicants import ApplicantInput
from counter_app.services.dossiers import load_dossier
from counter_app.services.processing import transfer
from counter_app.services.receiving import IntakeRequest, receive
from counter_app.services.slips.batch import build_control

LATER = MONDAY_9AM + timedelta(hours=2)
INTAKE = IntakeRequest("2.001955", ApplicantInput(full_name="Phạm Văn Anh"))


def written(db: Database) -> tuple[object, ...]:
    with db.read() as session:
        agencies = session.execute(
            select(Agency.code, Agency.name, Agency.retired_at).order_by(Agency.code)
        ).all()
        names = session.execute(select(func.count()).select_from(AgencyName)).scalar_one()
        events = session.execute(select(func.count()).select_from(Event)).scalar_one()
    return tuple(agencies), names, events


def events(db: Database) -> int:
    with db.read() as session:
        return session.execute(select(func.count()).select_from(Event)).scalar_one()


def test_given_new_unit_then_listed_in_transfer_choices_and_adding_it_again_writes_nothing(
    db: Database, admin: Actor
) -> None:
    before = events(db)

    assert units.add_unit(db, admin, " STTTT ", "Sở  Thông tin và Truyền thông", now=LATER) == "added"

    assert events(db) == before + 1
    assert ("STTTT", "Sở Thông tin và Truyền thông") in [(u.code, u.name) for u in transfer_units(db)]
    assert ("STTTT", True, None) in [(u.code, u.active, u.retired_at) for u in units.list_units(db)]
    state = written(db)
    assert units.add_unit(db, admin, "sTTtt", "Sở Thông tin và Truyền thông", now=LATER) == "unchanged"
    assert written(db) == state


@pytest.mark.parametrize(
    ("code", "name", "field", "message"),
    [
        (
            "S N V",
            "Sở X",
            "unit_code",
            "Mã đơn vị «S N V» không hợp lệ (chữ, số, dấu chấm, gạch; không dấu cách).",
        ),
        ("SXD", "  ", "unit_name", "Tên của đơn vị «SXD» không được để trống."),
        (
            "SNV",
            "Sở Nội vụ tỉnh",
            "unit_code",
            "Đã có đơn vị mã «SNV»: «Sở Nội vụ». Để đổi tên, dùng «counter-cli unit rename SNV --name …».",
        ),
    ],
)
def test_given_bad_unit_then_refused_with_message_and_nothing_written(
    db: Database, admin: Actor, code: str, name: str, field: str, message: str
) -> None:
    before = written(db)
    with pytest.raises(ValidationError) as error:
        units.add_unit(db, admin, code, name, now=LATER)
    assert (error.value.field, error.value.message) == (field, message)
    assert written(db) == before


def test_given_unit_renamed_then_earlier_instant_and_earlier_hand_over_keep_the_old_name(
    db: Database, officer: Actor, admin: Actor
) -> None:
    code = receive(db, officer, INTAKE, now=MONDAY_9AM).code
    transfer(db, officer, code, "SNV", now=MONDAY_9AM + timedelta(hours=1))

    assert units.rename_unit(db, admin, "snv", "Sở Nội vụ tỉnh Thanh Hóa", now=LATER)

    with db.read() as session:
        unit_id = session.execute(select(Agency.id).where(Agency.code == "SNV")).scalar_one()
        assert units.unit_name_at(session, unit_id, MONDAY_9AM) == "Sở Nội vụ"
        assert units.unit_name_at(session, unit_id, LATER) == "Sở Nội vụ tỉnh Thanh Hóa"
        control = build_control(session, code, LATER + timedelta(hours=1)).data
    assert [row.to_party for row in control.rows] == ["Sở Nội vụ"]
    state = written(db)
    assert not units.rename_unit(db, admin, "SNV", " Sở Nội vụ tỉnh  Thanh Hóa", now=LATER)
    assert written(db) == state


def test_given_unit_retired_then_gone_from_transfer_choices_refused_and_dossiers_there_stay(
    db: Database, officer: Actor, admin: Actor
) -> None:
    code = receive(db, officer, INTAKE, now=MONDAY_9AM).code
    transfer(db, officer, code, "SYT", now=MONDAY_9AM + timedelta(hours=1))
    before = events(db)

    assert units.retire_unit(db, admin, "SYT", now=LATER)

    assert events(db) == before + 1
    assert "SYT" not in [u.code for u in transfer_units(db)]
    assert "SYT" not in [u.code for u in units.list_units(db)]
    (retired,) = [u for u in units.list_units(db, include_retired=True) if u.code == "SYT"]
    assert (retired.active, retired.retired_at, retired.name) == (False, LATER, "Sở Y tế")
    other = receive(db, officer, INTAKE, now=LATER).code
    with pytest.raises(ValidationError) as error:
        transfer(db, officer, other, "SYT", now=LATER + timedelta(minutes=5))
    assert error.value.message == "Đơn vị «Sở Y tế» (SYT) đã ngừng tiếp nhận hồ sơ chuyển đến."
    with db.read() as session:
        dossier = load_dossier(session, code)
        assert session.get(Agency, dossier.current_unit_id).code == "SYT"  # type: ignore[union-attr]
    state = written(db)
    assert not units.retire_unit(db, admin, "SYT", now=LATER + timedelta(hours=1))
    assert written(db) == state


def test_given_retired_unit_added_again_then_back_under_the_name_given(db: Database, admin: Actor) -> None:
    units.retire_unit(db, admin, "STP", now=LATER)

    change = units.add_unit(db, admin, "STP", "Sở Tư pháp tỉnh Thanh Hóa", now=LATER + timedelta(days=1))

    assert change == "reactivated"
    assert ("STP", "Sở Tư pháp tỉnh Thanh Hóa") in [(u.code, u.name) for u in transfer_units(db)]
    with db.read() as session:
        unit_id = session.execute(select(Agency.id).where(Agency.code == "STP")).scalar_one()
        assert units.unit_name_at(session, unit_id, LATER) == "Sở Tư pháp"
        kinds = session.execute(
            select(Event.kind).where(Event.kind.like("unit_%")).order_by(Event.seq)
        ).scalars()
        assert list(kinds) == ["unit_retired", "unit_reactivated"]


def test_given_unknown_unit_or_not_admin_then_refused_and_nothing_written(
    db: Database, officer: Actor, admin: Actor
) -> None:
    before = written(db)
    with pytest.raises(NotFoundError) as missing:
        units.rename_unit(db, admin, "SXX", "Sở X", now=LATER)
    with pytest.raises(NotFoundError):
        units.retire_unit(db, admin, "SXX", now=LATER)
    with pytest.raises(PermissionDenied):
        units.add_unit(db, officer, "SXD", "Sở Xây dựng", now=LATER)
    with pytest.raises(PermissionDenied):
        units.retire_unit(db, officer, "SNV", now=LATER)
    assert (missing.value.message, missing.value.field) == ("Không có đơn vị xử lý mã «SXX».", "unit_code")
    assert written(db) == before


def test_given_session_variants_then_several_changes_in_one_transaction(db: Database, admin: Actor) -> None:
    """What services/office_setup.py does: several units in the caller's transaction."""
    with db.write() as session:
        assert units.add_unit_in(session, db, admin, "SXD", "Sở Xây dựng", LATER) == "added"
        assert units.rename_unit_in(session, db, admin, "SXD", "Sở Xây dựng tỉnh", LATER)
        assert units.retire_unit_in(session, db, admin, "SGDDT", LATER)
    listed = {u.code: u.name for u in units.list_units(db)}
    assert listed["SXD"] == "Sở Xây dựng tỉnh" and "SGDDT" not in listed
