"""Finding dossiers: by code (with events, as JSON) and by name, CCCD, phone or code prefix."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select
from testdata import MONDAY_9AM, TZ, reader

from counter_app.db.database import Database
from counter_app.db.models import Event
from counter_app.domain.errors import NotFoundError, ValidationError
from counter_app.services.actor import Actor
from counter_app.services.applicants import ApplicantInput
from counter_app.services.lookup import lookup, search
from counter_app.services.processing import resolve, transfer
from counter_app.services.receiving import IntakeRequest, receive

HONG = ApplicantInput(
    full_name="Nguyễn Thị Ánh Hồng",
    id_number="038190012345",
    birth_date=date(1990, 5, 1),
    sex="female",
    phone="0912 345 678",
    address="Số 5 đường Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa",
)
# Stored with the new tone placement ("Hòa"), the classic input with the old one ("Hoà").
HOA = ApplicantInput(
    full_name="Trần Thị Hòa",
    id_number="038185001111",
    birth_date=date(1985, 3, 2),
    sex="female",
    phone="0987654321",
)
# Stored with the old tone placement ("Thuỷ").
THUY = ApplicantInput(full_name="Đỗ Văn Thuỷ", phone="0904000111")


def receive_for(db: Database, officer: Actor, applicant: ApplicantInput, now: datetime) -> str:
    return receive(db, officer, IntakeRequest(procedure_code="2.001955", applicant=applicant), now=now).code


def test_given_dossier_with_steps_when_looked_up_then_view_events_and_json(
    db: Database, officer: Actor
) -> None:
    code = receive_for(db, officer, HONG, MONDAY_9AM)
    transfer(db, officer, code, "SNV", now=MONDAY_9AM + timedelta(hours=1))
    resolve(db, officer, code, now=datetime(2026, 12, 2, 16, 0, tzinfo=TZ))

    view = lookup(db, reader(db), f" {code.lower()} ")

    assert (view.code, view.status, view.outcome, view.current_unit) == (
        code,
        "resolved",
        "early",
        "Sở Nội vụ",
    )
    assert (view.procedure_code, view.procedure_version) == ("2.001955", 1)
    assert (view.applicant_name, view.applicant_id_number, view.applicant_phone) == (
        "Nguyễn Thị Ánh Hồng",
        "038190012345",
        "0912345678",
    )
    assert [(e.kind, e.actor) for e in view.events] == [
        ("received", "canbo"),
        ("transfer", "canbo"),
        ("resolve", "canbo"),
    ]
    data = view.to_json()
    text = json.dumps(data, ensure_ascii=False)  # plain JSON: no datetime, UUID or Decimal left
    assert json.loads(text) == data
    assert data["id"] == str(view.id)
    assert datetime.fromisoformat(data["received_at"]) == MONDAY_9AM
    assert datetime.fromisoformat(data["appointment_at"]) == datetime(2026, 12, 3, 9, 0, tzinfo=TZ)
    assert [e["kind"] for e in data["events"]] == ["received", "transfer", "resolve"]
    assert data["events"][1]["payload"]["to_unit"] == "SNV"
    assert datetime.fromisoformat(data["events"][0]["occurred_at"]) == MONDAY_9AM
    assert [d["ordinal"] for d in data["documents"]] == [1, 2, 3, 4]
    assert lookup(db, reader(db), code, with_events=False).events == []


def test_given_unknown_or_malformed_code_when_looked_up_then_error_and_nothing_written(
    db: Database, officer: Actor
) -> None:
    receive_for(db, officer, HONG, MONDAY_9AM)
    with db.read() as session:
        before = session.execute(select(func.count()).select_from(Event)).scalar_one()

    with pytest.raises(NotFoundError) as missing:
        lookup(db, reader(db), "000.00.31.H56-261123-0002")
    with pytest.raises(ValidationError) as malformed:
        lookup(db, reader(db), "261123-0001")

    assert (missing.value.message, missing.value.field) == (
        "Không tìm thấy hồ sơ mã «000.00.31.H56-261123-0002».",
        "code",
    )
    assert (malformed.value.message, malformed.value.field) == (
        "«261123-0001» không phải là mã hồ sơ hợp lệ.",
        "code",
    )
    with db.read() as session:
        assert session.execute(select(func.count()).select_from(Event)).scalar_one() == before


def test_given_applicants_when_searching_by_name_any_accents_then_found(db: Database, officer: Actor) -> None:
    hong = receive_for(db, officer, HONG, MONDAY_9AM)
    hoa = receive_for(db, officer, HOA, MONDAY_9AM + timedelta(minutes=5))
    thuy = receive_for(db, officer, THUY, MONDAY_9AM + timedelta(minutes=10))

    def codes(text: str) -> list[str]:
        return [hit.code for hit in search(db, reader(db), text)]

    assert codes("nguyen thi anh hong") == [hong]
    assert codes("  NGUYỄN   THỊ ÁNH HỒNG ") == [hong]
    assert codes("Nguyễn Thị Ánh") == [hong]  # a prefix of the name
    assert codes("Trần Thị Hoà") == [hoa]  # old tone placement finds "Hòa"
    assert codes("tran thi hoa") == [hoa]
    assert codes("Đỗ Văn Thủy") == [thuy]  # new tone placement finds "Thuỷ"
    assert codes("do van thuy") == [thuy]  # đ folded to d
    assert codes("Nguyễn Văn") == []
    hit = search(db, reader(db), "nguyen thi anh hong")[0]
    assert (hit.applicant_name, hit.status) == ("Nguyễn Thị Ánh Hồng", "received")
    assert hit.received_at == MONDAY_9AM
    assert hit.appointment_at == datetime(2026, 12, 3, 9, 0, tzinfo=TZ)


def test_given_dossiers_when_searching_by_cccd_phone_or_code_prefix_then_found(
    db: Database, officer: Actor
) -> None:
    first = receive_for(db, officer, HONG, MONDAY_9AM)
    second = receive_for(db, officer, HONG, MONDAY_9AM + timedelta(hours=1))
    other = receive_for(db, officer, HOA, MONDAY_9AM + timedelta(hours=2))
    next_day = receive_for(db, officer, HOA, MONDAY_9AM + timedelta(days=2))

    def codes(text: str) -> list[str]:
        return [hit.code for hit in search(db, reader(db), text)]

    # Newest first for people; code order for a code prefix.
    assert codes("038190012345") == [second, first]
    assert codes("038 190 012 345") == [second, first]
    assert codes("0912345678") == [second, first]
    assert codes("+84912345678") == [second, first]
    assert codes("+84 912 345 678") == [second, first]
    assert codes("0987.654.321") == [next_day, other]
    assert codes("000.00.31.H56-261123") == [first, second, other]
    assert codes("000.00.31.h56-261125-0001") == [next_day]
    assert codes("000.00.31.H56-261124") == []
    assert codes("038190099999") == []


def test_given_empty_query_when_searching_then_no_hit(db: Database, officer: Actor) -> None:
    receive_for(db, officer, HONG, MONDAY_9AM)

    assert [search(db, reader(db), text) for text in ("", "   ", "\t\n")] == [[], [], []]


def test_given_given_name_or_unit_prefix_or_nine_digits_then_found(db: Database, officer: Actor) -> None:
    hong = receive_for(db, officer, HONG, MONDAY_9AM)
    hoa = receive_for(db, officer, HOA, MONDAY_9AM + timedelta(hours=1))

    def codes(text: str) -> list[str]:
        return [hit.code for hit in search(db, reader(db), text)]

    # No full name starts with "hồng": names with a word starting with it are found instead.
    assert codes("hồng") == [hong]
    assert codes("anh hong") == [hong]
    # The unit identifier alone is a code prefix.
    assert codes("000.00.31.H56") == [hong, hoa]
    # Nine digits: a phone typed without its leading 0.
    assert codes("912345678") == [hong]
