"""A small office history, built through the services with explicit instants, for the report tests.

Calendar of the demo office: sessions 07:30–11:30 and 13:30–17:00 (7 h 30 = one working day),
Monday–Friday, Tuesday 24/11/2026 a public holiday, December 2026 without holidays; policy "hours".

Procedures: A = 2.001955 (7 working days = 52 h 30 of working time; field G09-NV23 "Lao động, tiền
lương"), B = 1.001695 (10 calendar days, due at closing time, pushed off a non-working last day; field
G15-TP07 "Hộ tịch").

Report period of the tests: Tuesday 1/12/2026 – Friday 11/12/2026, i.e. the UTC interval
[30/11 17:00, 11/12 17:00). Every instant below is office-local (UTC+7). Officers: canbo (C1), canbo2
(C2); supervisor lanhdao.

    D0  A direct  C1  recv Mon 23/11 10:00, resolved Fri 27/11 10:00 (early), returned Tue 1/12 08:00
                      by C1 without a satisfaction answer           → closed before the period
    D1  A direct  C1  recv Mon 23/11 09:00 (due Thu 3/12 09:00), transferred to SNV Wed 25/11
                                                                     → carried over, overdue at end
    D2  A direct  C1  recv Wed 25/11 08:00 (due Fri 4/12 08:00), apology Thu 3/12 10:00 (new
                      appointment Tue 8/12 17:00), resolved Mon 7/12 10:00 by C1 (late), returned Tue
                      8/12 09:00 by C2, satisfaction 3 "Thời gian"    → carried over, late with apology
    D13 A direct  C1  recv Mon 23/11 14:00 (due Thu 3/12 14:00), supplement requested Thu 3/12 09:00
                      by C1, still waiting                          → carried over, within term (waiting)
    D15 A direct  C1  recv Thu 26/11 09:00 (due Mon 7/12 09:00), resolved Mon 14/12 10:00 (after)
                                                                     → carried over, overdue at end
    D11 B direct  C1  recv Fri 27/11 10:00, withdrawn Wed 2/12 10:00 → carried over, withdrawn
    D3  B direct  C1  recv Tue 1/12 06:30 (= 30/11 23:30 UTC; due Fri 11/12 17:00), resolved Fri 11/12
                      16:00 by C1                                   → received, on time (on its day)
    D4  A online  C2  recv Wed 2/12 09:00 (due Fri 11/12 09:00), resolved Thu 3/12 15:00 by C2,
                      returned Thu 3/12 16:30 by C1, satisfaction 1 "Thái độ" → received online, early
    D5  B postal  C2  recv Thu 3/12 10:00 (due Sun 13/12 → Mon 14/12 17:00), transferred to STP Thu
                      3/12 14:00 by C2                              → received postal, within term
    D8  B         C1  refused Thu 3/12 11:00                        → refused
    D6  A direct  C1  recv Thu 3/12 13:45, transferred to SYT 14:00, cancelled 14:10 by lanhdao
                                                                     → cancelled only
    D7  B direct  C1  recv Mon 7/12 08:00, withdrawn Wed 9/12 10:00  → received, withdrawn
    D9  A direct  C1  recv Tue 8/12 10:00 (due Thu 17/12 10:00), stopped Thu 10/12 10:00
                                                                     → received, stopped
    D14 B direct  C1  recv Wed 9/12 09:00 (due Sat 19/12 → Mon 21/12 17:00), withdrawn Mon 14/12
                      (after)                                       → received, within term at end
    D10 A direct  C1  recv Thu 10/12 09:00, open                    → received, within term
    D12 A online  C1  recv Sat 12/12 06:45 (= 11/12 23:45 UTC)      → after the period
    Thu 3/12 also: guidance by C1 08:30 and by C2 15:00; supplement slip at intake by C1 09:15 (A).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from testdata import TZ

from counter_app.db.database import Database
from counter_app.db.models import Field, FieldName
from counter_app.services.actor import Actor
from counter_app.services.applicants import ApplicantInput
from counter_app.services.offices import find_actor
from counter_app.services.processing import (
    ReturnInput,
    apologise,
    cancel,
    request_supplement,
    resolve,
    return_result,
    stop,
    transfer,
    withdraw,
)
from counter_app.services.receiving import (
    IntakeRequest,
    receive,
    record_guidance,
    refuse,
    request_supplement_at_intake,
)

A, B = "2.001955", "1.001695"
PEOPLE = {
    "D0": "Phạm Văn An",
    "D1": "Nguyễn Thị Ánh Hồng",
    "D2": "Trần Văn Bình",
    "D3": "Lê Thị Cúc",
    "D4": "Hoàng Minh Dũng",
    "D5": "Vũ Thị Giang",
    "D6": "Đỗ Văn Hải",
    "D7": "Bùi Thị Hạnh",
    "D8": "Ngô Văn Khánh",
    "D9": "Đặng Thị Lan",
    "D10": "Phan Văn Long",
    "D11": "Hồ Thị Mai",
    "D12": "Dương Văn Nam",
    "D13": "Lý Thị Oanh",
    "D14": "Mai Văn Phúc",
    "D15": "Tạ Thị Quỳnh",
}


def at(day: int, hour: int, minute: int = 0, month: int = 12) -> datetime:
    """An office-local instant in 2026 (December unless told)."""
    return datetime(2026, month, day, hour, minute, tzinfo=TZ)


@dataclass
class History:
    codes: dict[str, str]
    officer: Actor
    officer2: Actor
    supervisor: Actor


def _request(key: str, procedure: str, channel: str = "direct", **kw: object) -> IntakeRequest:
    applicant = ApplicantInput(full_name=PEOPLE[key], phone="0912 345 678", address=f"Số {len(key)} Lê Lợi")
    return IntakeRequest(procedure_code=procedure, applicant=applicant, channel=channel, **kw)  # type: ignore[arg-type]


def build(db: Database) -> History:
    c1, c2, boss = find_actor(db, "canbo"), find_actor(db, "canbo2"), find_actor(db, "lanhdao")
    codes: dict[str, str] = {}

    def rec(key: str, procedure: str, when: datetime, actor: Actor = c1, **kw: object) -> str:
        result = receive(db, actor, _request(key, procedure, **kw), now=when)  # type: ignore[arg-type]
        codes[key] = result.code
        return result.code

    # Before the period.
    rec("D1", A, at(23, 9, month=11))
    rec("D0", A, at(23, 10, month=11))
    rec("D13", A, at(23, 14, month=11))
    transfer(db, c1, codes["D1"], "SNV", now=at(25, 8, month=11))
    rec("D2", A, at(25, 8, month=11))
    rec("D15", A, at(26, 9, month=11))
    rec("D11", B, at(27, 10, month=11))
    resolve(db, c1, codes["D0"], now=at(27, 10, month=11))
    # Tuesday 1/12: 06:30 local is still Monday 30/11 in UTC.
    return_result(db, c1, codes["D0"], ReturnInput(), now=at(1, 8))
    rec("D3", B, at(1, 6, 30))
    # Wednesday 2/12.
    rec("D4", A, at(2, 9), actor=c2, channel="online")
    withdraw(db, c1, codes["D11"], "Công dân xin rút hồ sơ", now=at(2, 10))
    # Thursday 3/12: the end-of-day test's day.
    record_guidance(db, c1, A, 1, now=at(3, 8, 30))
    request_supplement(db, c1, codes["D13"], "Bổ sung hợp đồng lao động", now=at(3, 9))
    request_supplement_at_intake(db, c1, _request("D5", A, provided=()), "Thiếu giấy tờ", now=at(3, 9, 15))
    rec("D5", B, at(3, 10), actor=c2, channel="postal", return_method="post", postal_address="Số 5 Lê Lợi")
    apologise(db, c1, codes["D2"], at(8, 17), "Chờ ý kiến cơ quan phối hợp", now=at(3, 10))
    codes["D8"] = refuse(db, c1, _request("D8", B), "Hồ sơ không thuộc thẩm quyền", now=at(3, 11)).code
    rec("D6", A, at(3, 13, 45))
    transfer(db, c1, codes["D6"], "SYT", now=at(3, 14))
    transfer(db, c2, codes["D5"], "STP", now=at(3, 14))
    cancel(db, boss, codes["D6"], "Nhập nhầm thủ tục", now=at(3, 14, 10))
    resolve(db, c2, codes["D4"], now=at(3, 15))
    record_guidance(db, c2, B, 1, now=at(3, 15))
    return_result(db, c1, codes["D4"], ReturnInput(satisfaction=1, reasons=("Thái độ",)), now=at(3, 16, 30))
    # The following days.
    rec("D7", B, at(7, 8))
    resolve(db, c1, codes["D2"], now=at(7, 10))
    rec("D9", A, at(8, 10))
    return_result(db, c2, codes["D2"], ReturnInput(satisfaction=3, reasons=("Thời gian",)), now=at(8, 9))
    rec("D14", B, at(9, 9))
    withdraw(db, c1, codes["D7"], "Công dân xin rút hồ sơ", now=at(9, 10))
    rec("D10", A, at(10, 9))
    stop(db, c1, codes["D9"], "Không đủ điều kiện", now=at(10, 10))
    resolve(db, c1, codes["D3"], now=at(11, 16))
    # After the period.
    rec("D12", A, at(12, 6, 45), channel="online")
    resolve(db, c1, codes["D15"], now=at(14, 10))
    withdraw(db, c1, codes["D14"], "Công dân xin rút hồ sơ", now=at(14, 9))
    return History(codes, c1, c2, boss)


TWIN_CODE, TWIN_NAME = "G08-NG07", "Hộ tịch"  # a second field named like G15-TP07, as on the national portal


def twin_fields(db: Database) -> None:
    """Make procedure A's field (G09-NV23) a second "Hộ tịch", code G08-NG07 (before ``build``): two rows
    of the reports by field then share one name."""
    with db.write() as session:
        field = session.execute(select(Field).where(Field.code == "G09-NV23")).scalar_one()
        field.code, field.name = TWIN_CODE, TWIN_NAME
        session.execute(update(FieldName).where(FieldName.field_id == field.id).values(name=TWIN_NAME))
