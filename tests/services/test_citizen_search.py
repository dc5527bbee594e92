"""Finding a citizen's dossiers from one box: code, CCCD/CMND (typed or the card's QR), phone, name."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from testdata import MONDAY_9AM, reader

from counter_app.db.database import Database
from counter_app.domain.errors import ValidationError
from counter_app.services.actor import Actor
from counter_app.services.applicants import ApplicantInput
from counter_app.services.citizen_search import QueryKind, find_citizen_dossiers, parse_query, shown_query
from counter_app.services.lookup import search as lookup_search
from counter_app.services.processing import ReturnInput, resolve, return_result, transfer
from counter_app.services.receiving import IntakeRequest, receive

HONG = ApplicantInput(
    full_name="Nguyễn Thị Ánh Hồng",
    id_number="038190012345",
    old_id_number="172345678",
    birth_date=date(1990, 5, 1),
    sex="female",
    phone="0912 345 678",
)
HOA = ApplicantInput(full_name="Trần Thị Hòa", id_number="038185001111", phone="0987654321")
QR = "038190012345||Nguyễn Thị Ánh Hồng|01051990|Nữ|Số 5 đường Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa|15082021"


def receive_for(
    db: Database, officer: Actor, applicant: ApplicantInput, now: datetime, proc: str = "2.001955"
) -> str:
    return receive(db, officer, IntakeRequest(procedure_code=proc, applicant=applicant), now=now).code


def codes(db: Database, text: str, **options: object) -> list[str]:
    return [d.code for d in find_citizen_dossiers(db, reader(db), text, **options).dossiers]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("000.00.31.h56-261123-0001", QueryKind.CODE, "000.00.31.H56-261123-0001"),
        (" 000.00.31.H56-261123 ", QueryKind.CODE_PREFIX, "000.00.31.H56-261123"),
        ("038 190 012 345", QueryKind.ID_NUMBER, "038190012345"),
        ("172345678", QueryKind.ID_NUMBER, "172345678"),
        (QR, QueryKind.ID_NUMBER, "038190012345"),
        ("+84 912.345.678", QueryKind.PHONE, "0912345678"),
        ("NGUYỄN thị  ánh", QueryKind.NAME, "nguyen thi anh"),
        ("hoa", QueryKind.NAME, "hoa"),
    ],
)
def test_given_what_the_citizen_brings_then_the_query_kind_is_recognised(
    text: str, kind: QueryKind, value: str
) -> None:
    query = parse_query(text)
    assert (query.kind, query.value) == (kind, value)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("038 190 012 345", "0381******45"),
        ("172345678", "17*****78"),  # a CMND (or a phone without its 0): masked as a CMND
        (QR, "0381******45"),  # the card's QR: the masked CCCD only, none of the card's other fields
        ("+84 912.345.678", "0912****78"),
        (" 000.00.31.H56-261123 ", "000.00.31.H56-261123"),  # a code is no personal number: as typed
        (" NGUYỄN thị ánh ", "NGUYỄN thị ánh"),  # a name: as typed
    ],
)
def test_given_a_search_then_what_a_screen_repeats_of_it_masks_an_id_number_or_phone(
    text: str, shown: str
) -> None:
    assert shown_query(parse_query(text), text) == shown


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("   ", "Nhập mã hồ sơ, số CCCD/CMND, số điện thoại hoặc họ tên của công dân để tìm."),
        ("Lê", "Nhập ít nhất 3 chữ cái của họ tên (ví dụ: «nguyen van») để tìm theo tên."),
        ("HS-12345", "«HS-12345» không phải là mã hồ sơ hợp lệ (ví dụ đúng: 000.00.31.H56-261123-0001)."),
        ("000.00.31.H56-261399-0001", "Mã hồ sơ «000.00.31.H56-261399-0001» có ngày không hợp lệ."),
        (
            "12345",
            "«12345» có 5 chữ số: số CCCD gồm 12 chữ số, số CMND 9 chữ số, số điện thoại bắt đầu bằng 0 hoặc +84.",
        ),
        ("091234567", None),  # nine digits: a CMND, not an error
        ("09123456", "Số di động phải gồm 10 chữ số (kể cả số 0 đầu); số đã nhập thiếu 2 chữ số."),
        ("Nguyễn Văn 2", "«Nguyễn Văn 2» không phải mã hồ sơ, số giấy tờ, số điện thoại hay họ tên."),
        ("???", "«???» không phải mã hồ sơ, số giấy tờ, số điện thoại hay họ tên."),
    ],
)
def test_given_input_that_can_only_give_a_useless_list_then_a_vietnamese_message(
    text: str, message: str | None
) -> None:
    if message is None:
        parse_query(text)
        return
    with pytest.raises(ValidationError) as refused:
        parse_query(text)
    assert (refused.value.message, refused.value.field) == (message, "query")


def test_given_two_people_when_searching_by_each_key_then_their_dossiers_newest_first(
    db: Database, officer: Actor
) -> None:
    first = receive_for(db, officer, HONG, MONDAY_9AM)
    other = receive_for(db, officer, HOA, MONDAY_9AM + timedelta(minutes=30), proc="1.115563")
    second = receive_for(db, officer, HONG, MONDAY_9AM + timedelta(hours=1), proc="1.115563")

    assert codes(db, "038190012345") == [second, first]
    assert codes(db, QR) == [second, first]
    assert codes(db, "172345678") == [second, first]  # the old CMND, kept beside the CCCD
    assert codes(db, "0912 345 678") == [second, first]
    assert codes(db, "nguyen thi anh hong") == [second, first]
    assert codes(db, "hồng") == [second, first]  # a word of the name
    assert codes(db, "tran thi hoa") == [other]
    assert codes(db, first.lower()) == [first]
    assert codes(db, "000.00.31.H56-261123") == [second, other, first]
    assert codes(db, "nguyen van an") == []
    hit = find_citizen_dossiers(db, reader(db), "tran thi hoa").dossiers[0]  # type: ignore[arg-type]
    assert (hit.applicant_name, hit.applicant_id_number, hit.procedure_code) == (
        "Trần Thị Hòa",
        "038185001111",
        "1.115563",
    )
    assert hit.procedure_name and hit.status == "received"
    assert hit.received_at == MONDAY_9AM + timedelta(minutes=30)


def test_given_ready_only_then_only_resolved_results_and_the_others_counted(
    db: Database, officer: Actor
) -> None:
    received = receive_for(db, officer, HONG, MONDAY_9AM)
    ready = receive_for(db, officer, HONG, MONDAY_9AM + timedelta(minutes=1))
    returned = receive_for(db, officer, HONG, MONDAY_9AM + timedelta(minutes=2))
    newest_ready = receive_for(db, officer, HONG, MONDAY_9AM + timedelta(minutes=3))
    for code in (ready, returned, newest_ready):
        transfer(db, officer, code, "SNV", now=MONDAY_9AM + timedelta(hours=1))
        resolve(db, officer, code, now=MONDAY_9AM + timedelta(days=2))
    return_result(db, officer, returned, ReturnInput(), now=MONDAY_9AM + timedelta(days=3))

    result = find_citizen_dossiers(db, reader(db), "038190012345", ready_only=True)  # type: ignore[arg-type]
    assert [d.code for d in result.dossiers] == [newest_ready, ready]
    assert {d.status for d in result.dossiers} == {"resolved"}
    assert result.not_ready == 2  # the one in progress and the one already returned
    assert codes(db, "038190012345") == [newest_ready, returned, ready, received]
    assert codes(db, received, ready_only=True) == []


def test_given_more_than_the_limit_then_truncated(db: Database, officer: Actor) -> None:
    for minute in range(3):
        receive_for(db, officer, HONG, MONDAY_9AM + timedelta(minutes=minute))
    result = find_citizen_dossiers(db, reader(db), "hong", limit=2)  # type: ignore[arg-type]
    assert len(result.dossiers) == 2 and result.truncated
    assert not find_citizen_dossiers(db, reader(db), "hong", limit=3).truncated  # type: ignore[arg-type]


def test_given_searches_then_the_audit_log_names_who_searched_but_no_whole_number_or_name(
    db: Database, officer: Actor, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("INFO", logger="counter_app.audit")
    for text in ("038190012345", "0912 345 678", "Nguyễn Thị Ánh Hồng"):
        find_citizen_dossiers(db, officer, text)
        lookup_search(db, officer, text)

    logged = "\n".join(r.getMessage() for r in caplog.records if r.name == "counter_app.audit")
    assert logged.count(f"{officer.username} searched") == 6
    assert "0381******45" in logged and "0912****78" in logged and "N. T. Á. H." in logged
    for whole in ("038190012345", "0912345678", "0912 345 678", "Nguyễn", "Hồng"):
        assert whole not in logged
