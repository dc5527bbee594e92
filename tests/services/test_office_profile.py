"""The office's profile: dated printed identity, idempotent updates, the identifier code's own command.

The demo office (000.00.31.H56, Thanh Hóa) receives 2.001955 at MONDAY_9AM (Mon 23/11/2026).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from testdata import MONDAY_9AM

from counter_app.db.database import Database
from counter_app.db.models import Dossier, Event, Office, OfficeProfileRecord
from counter_app.domain.errors import PermissionDenied, ValidationError
from counter_app.services import office_profile
from counter_app.services.actor import Actor
from counter_app.services.applicants import ApplicantInput
from counter_app.services.dossiers import load_dossier
from counter_app.services.lookup import lookup
from counter_app.services.offices import calendar_for, get_office
from counter_app.services.receiving import IntakeRequest, receive
from counter_app.services.setup_spec import DEFAULT_SESSIONS, SATURDAY_MORNING, OfficeProfile
from counter_app.services.slips.common import GuideKey
from counter_app.services.slips.dossier_slips import build_receipt
from counter_app.services.slips.guide import build_guide

OLD_ADDRESS = "Số 28 Đại lộ Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa"
NEW_ADDRESS = "Số 2 Hạc Thành, phường Hạc Thành, tỉnh Thanh Hóa"
LATER = MONDAY_9AM + timedelta(hours=2)
INTAKE = IntakeRequest("2.001955", ApplicantInput(full_name="Phạm Văn Anh", id_number="038095001234"))


def count(db: Database, model: type) -> int:
    with db.read() as session:
        return session.execute(select(func.count()).select_from(model)).scalar_one()


def written(db: Database) -> tuple[int, int, tuple[object, ...]]:
    """What a refused call must leave as it was."""
    with db.read() as session:
        office = get_office(session)
        state = tuple(getattr(office, c.key) for c in Office.__table__.columns)
    return count(db, Event), count(db, OfficeProfileRecord), state


def complete(db: Database) -> OfficeProfile:
    """The demo office's profile with the fields the demo leaves empty filled in."""
    return replace(office_profile.current_profile(db), province="Thanh Hóa", level="province_centre")


def test_given_address_changed_then_receipt_of_earlier_dossier_still_prints_the_old_address(
    db: Database, officer: Actor, admin: Actor
) -> None:
    before = receive(db, officer, INTAKE, now=MONDAY_9AM).code

    lines = office_profile.update_profile(db, admin, replace(complete(db), address=NEW_ADDRESS), now=LATER)

    assert f"Địa chỉ: «{OLD_ADDRESS}» → «{NEW_ADDRESS}»" in lines
    after = receive(db, officer, INTAKE, now=LATER + timedelta(minutes=5)).code
    with db.read() as session:
        old_receipt = build_receipt(session, load_dossier(session, before)).data
        new_receipt = build_receipt(session, load_dossier(session, after)).data
        guide = build_guide(session, officer, GuideKey("2.001955"), LATER + timedelta(hours=1)).data
        office = get_office(session)
        at_start = office_profile.profile_at(session, office, MONDAY_9AM)
    assert (old_receipt.office.address, new_receipt.office.address) == (OLD_ADDRESS, NEW_ADDRESS)
    assert guide.office.address == NEW_ADDRESS and at_start.address == OLD_ADDRESS
    assert office_profile.current_profile(db).address == NEW_ADDRESS


def test_given_same_update_again_then_nothing_written_and_no_line(db: Database, admin: Actor) -> None:
    wanted = replace(complete(db), hotline="0237 3 111 222", signatory_name="Lê Thị Hoa")
    assert len(office_profile.update_profile(db, admin, wanted, now=LATER)) == 4
    before = written(db)

    again = office_profile.update_profile(db, admin, wanted, now=LATER + timedelta(hours=1))

    assert again == () and written(db) == before
    # Text is compared as the office prints it: extra spaces are no change either.
    spaced = replace(wanted, signatory_name="  Lê  Thị Hoa ")
    assert office_profile.update_profile(db, admin, spaced, now=LATER) == () and written(db) == before


def test_given_one_change_then_one_event_naming_old_and_new_and_one_dated_row(
    db: Database, admin: Actor
) -> None:
    events, rows = count(db, Event), count(db, OfficeProfileRecord)

    office_profile.update_profile(db, admin, replace(complete(db), email="motcua@thanhhoa.gov.vn"), now=LATER)

    assert (count(db, Event), count(db, OfficeProfileRecord)) == (events + 1, rows + 1)
    with db.read() as session:
        event = (
            session.execute(select(Event).order_by(Event.occurred_at.desc(), Event.seq.desc()))
            .scalars()
            .first()
        )
        dated = session.execute(
            select(OfficeProfileRecord.valid_from, OfficeProfileRecord.email).where(
                OfficeProfileRecord.valid_from.is_not(None)
            )
        ).all()
    assert event is not None and event.kind == "office_profile_changed"
    assert event.payload["changes"]["email"] == {"from": "", "to": "motcua@thanhhoa.gov.vn"}
    assert dated == [(LATER, "motcua@thanhhoa.gov.vn")]


def test_given_sessions_and_policy_changed_then_office_calendar_follows_and_no_printed_row(
    db: Database, admin: Actor
) -> None:
    rows = count(db, OfficeProfileRecord)
    sessions = {**DEFAULT_SESSIONS, 5: SATURDAY_MORNING}

    lines = office_profile.update_profile(
        db, admin, replace(complete(db), sessions=sessions, time_policy="days"), now=LATER
    )

    assert "Giờ làm việc: «Thứ Hai–Thứ Sáu: 07:30–11:30, 13:30–17:00» → «Thứ Hai–Thứ Sáu: 07:30–11:30, " in (
        " ".join(lines)
    )
    assert "Thứ Bảy: 07:30–11:30»" in " ".join(lines)
    assert count(db, OfficeProfileRecord) == rows + 1  # province and level are printed; sessions are not
    profile = office_profile.current_profile(db)
    assert (profile.time_policy, dict(profile.sessions)[5]) == ("days", SATURDAY_MORNING)
    with db.read() as session:
        office = get_office(session)
        assert calendar_for(session, office).is_working_day(MONDAY_9AM.date() + timedelta(days=5))
        event = session.execute(select(Event).where(Event.kind == "office_profile_changed")).scalar_one()
    assert event.payload["changes"]["sessions"]["to"]["5"] == [["07:30", "11:30"]]
    assert event.payload["changes"]["time_policy"] == {"from": "hours", "to": "days"}


def test_given_default_sessions_then_stored_as_none_and_read_back_as_default(
    db: Database, admin: Actor
) -> None:
    assert office_profile.current_profile(db).sessions == DEFAULT_SESSIONS
    assert office_profile.stored_sessions(DEFAULT_SESSIONS) is None
    assert office_profile.update_profile(
        db, admin, replace(complete(db), sessions=dict(DEFAULT_SESSIONS)), now=LATER
    )
    with db.read() as session:
        assert get_office(session).sessions is None


def test_given_other_identifier_code_in_update_then_refused_and_nothing_written(
    db: Database, admin: Actor
) -> None:
    before = written(db)

    with pytest.raises(ValidationError) as error:
        office_profile.update_profile(
            db, admin, replace(complete(db), identifier_code="000.00.32.H56", address=NEW_ADDRESS), now=LATER
        )

    assert error.value.field == "identifier_code"
    assert "office change-code" in error.value.message and "dãy mã hồ sơ mới" in error.value.message
    assert written(db) == before


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": " "}, "name", "Tên đơn vị không được để trống."),
        ({"place": ""}, "place", "Địa danh (ghi trước «, ngày … tháng … năm …») không được để trống."),
        ({"email": "motcua@"}, "email", "Địa chỉ thư điện tử «motcua@» không hợp lệ."),
        ({"hotline": "gọi 113"}, "hotline", "Số điện thoại đường dây nóng «gọi 113» không hợp lệ."),
        ({"province": "Thanh Hoá cũ"}, "province", "Tỉnh, thành phố «Thanh Hoá cũ» không có trong 34 tỉnh"),
        ({"level": "ward"}, "level", "Cấp đơn vị «ward» không hợp lệ"),
        ({"time_policy": "weeks"}, "time_policy", "Cách tính thời hạn phải là «hours» hoặc «days»."),
        (
            {"sessions": {0: (("11:00", "08:00"),)}},
            "sessions",
            "Thứ Hai: buổi 11:00–08:00 phải bắt đầu trước",
        ),
    ],
)
def test_given_bad_field_then_refused_with_its_message_and_nothing_written(
    db: Database, admin: Actor, changes: dict[str, object], field: str, message: str
) -> None:
    before = written(db)

    with pytest.raises(ValidationError) as error:
        office_profile.update_profile(db, admin, replace(complete(db), **changes), now=LATER)  # type: ignore[arg-type]

    assert error.value.field == field and error.value.message.startswith(message), error.value.message
    assert written(db) == before


def test_given_office_made_by_init_then_completed_one_field_at_a_time(db: Database, admin: Actor) -> None:
    """The demo office has no province or level (made like «counter-cli init»): changing only the
    address is checked on the address alone."""
    assert office_profile.current_profile(db).province == ""
    lines = office_profile.edit_profile(db, admin, {"address": NEW_ADDRESS}, now=LATER)
    assert lines == (f"Địa chỉ: «{OLD_ADDRESS}» → «{NEW_ADDRESS}»",)
    with pytest.raises(ValidationError) as error:
        office_profile.edit_profile(db, admin, {"code": "x"}, now=LATER)
    assert error.value.message == "Không có thông tin đơn vị «code»."


def test_given_not_admin_then_refused(db: Database, officer: Actor) -> None:
    before = written(db)
    with pytest.raises(PermissionDenied):
        office_profile.update_profile(db, officer, replace(complete(db), address=NEW_ADDRESS), now=LATER)
    with pytest.raises(PermissionDenied):
        office_profile.change_identifier_code(db, officer, "000.00.32.H56", now=LATER)
    assert written(db) == before


def test_given_identifier_code_changed_then_old_codes_kept_new_series_and_register_book_goes_on(
    db: Database, officer: Actor, admin: Actor
) -> None:
    first = receive(db, officer, INTAKE, now=MONDAY_9AM).code
    events = count(db, Event)

    old = office_profile.change_identifier_code(db, admin, "000.00.32.H56", now=LATER)

    assert old == "000.00.31.H56" and count(db, Event) == events + 1
    second = receive(db, officer, INTAKE, now=LATER + timedelta(minutes=1)).code
    assert first.startswith("000.00.31.H56-261123-") and second == "000.00.32.H56-261123-0001"
    assert lookup(db, officer, first).code == first  # issued codes are never rewritten
    with db.read() as session:
        books = dict(session.execute(select(Dossier.code, Dossier.register_seq)).all())
        event = session.execute(select(Event).where(Event.kind == "identifier_code_changed")).scalar_one()
    assert books[second] == books[first] + 1  # one book per office and year: TT never repeats
    assert event.payload == {"old": "000.00.31.H56", "new": "000.00.32.H56", "at": LATER.isoformat()}


def test_given_identifier_code_same_taken_or_bad_then_nothing_written(db: Database, admin: Actor) -> None:
    from counter_app.services.offices import OfficeInput, create_office

    create_office(db, admin, OfficeInput("Xã B", "000.00.99.H56"), now=MONDAY_9AM)
    before = written(db)
    assert office_profile.change_identifier_code(db, admin, "000.00.31.H56", now=LATER) is None
    with pytest.raises(ValidationError) as taken:
        office_profile.change_identifier_code(db, admin, "000.00.99.H56", now=LATER)
    with pytest.raises(ValidationError) as bad:
        office_profile.change_identifier_code(db, admin, "h56 mới", now=LATER)
    assert taken.value.message == "Đã có đơn vị mã định danh «000.00.99.H56»."
    assert (
        bad.value.message.startswith("Mã định danh «h56 mới» không hợp lệ")
        and bad.value.field == "identifier_code"
    )
    assert written(db) == before


def test_given_new_office_profile_then_created_with_its_identity_from_the_start(
    db: Database, admin: Actor
) -> None:
    profile = OfficeProfile(
        name="Trung tâm Phục vụ hành chính công phường Hạc Thành",
        identifier_code="000.01.31.H56",
        province="Thanh Hóa",
        level="commune_centre",
        place="Hạc Thành",
        email="hacthanh@thanhhoa.gov.vn",
        sessions={**DEFAULT_SESSIONS, 5: SATURDAY_MORNING},
    )
    with db.write() as session:
        office = office_profile.create_office_in(session, db, admin, profile, MONDAY_9AM)
        office_id = office.id
    created = office_profile.current_profile(db, office_id)
    assert (created.email, created.level, dict(created.sessions)[5]) == (
        profile.email,
        "commune_centre",
        SATURDAY_MORNING,
    )
    with db.read() as session:
        rows = session.execute(
            select(OfficeProfileRecord.valid_from, OfficeProfileRecord.place).where(
                OfficeProfileRecord.office_id == office_id
            )
        ).all()
        event = session.execute(
            select(Event).where(Event.kind == "office_created", Event.office_id == office_id)
        ).scalar_one()
    assert rows == [(None, "Hạc Thành")] and event.payload["sessions"]["5"] == [["07:30", "11:30"]]
    before = written(db)
    with pytest.raises(ValidationError) as again:
        office_profile.create_office(db, admin, profile, now=MONDAY_9AM)
    assert again.value.message == "Đã có đơn vị mã định danh «000.01.31.H56»." and written(db) == before
