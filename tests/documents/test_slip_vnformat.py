"""Vietnamese dates, times, amounts and counts as printed on the slips."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from counter_app.documents.vnformat import (
    count2,
    long_date,
    money,
    place_date,
    qty_cell,
    short_date,
    time_and_date,
    time_and_weekday_date,
    to_local,
    weekday_date,
)

HCM = "Asia/Ho_Chi_Minh"


def test_long_date_pads_days_below_10_and_months_1_and_2_only() -> None:
    assert long_date(date(2026, 11, 23)) == "ngày 23 tháng 11 năm 2026"
    assert long_date(date(2026, 2, 5)) == "ngày 05 tháng 02 năm 2026"
    assert long_date(date(2026, 1, 31)) == "ngày 31 tháng 01 năm 2026"
    assert long_date(date(2026, 3, 9)) == "ngày 09 tháng 3 năm 2026"
    assert place_date("Thanh Hóa", date(2026, 11, 23)) == "Thanh Hóa, ngày 23 tháng 11 năm 2026"


def test_weekdays_and_times() -> None:
    friday = datetime(2026, 11, 27, 16, 0)
    assert short_date(friday) == "27/11/2026"
    assert weekday_date(friday) == "Thứ Sáu, ngày 27/11/2026"
    assert weekday_date(date(2026, 11, 29)) == "Chủ nhật, ngày 29/11/2026"
    assert weekday_date(date(2026, 11, 23)) == "Thứ Hai, ngày 23/11/2026"
    assert time_and_date(datetime(2026, 11, 23, 16, 10)) == "16 giờ 10 phút, ngày 23/11/2026"
    assert time_and_date(datetime(2026, 1, 2, 7, 5)) == "07 giờ 05 phút, ngày 02/01/2026"
    assert time_and_weekday_date(friday) == "16 giờ 00 phút, Thứ Sáu, ngày 27/11/2026"


def test_to_local_uses_the_office_day() -> None:
    local = to_local(datetime(2026, 11, 22, 17, 30, tzinfo=UTC), HCM)
    assert (local.day, local.hour, local.minute) == (23, 0, 30)
    with pytest.raises(ValueError, match="timezone-aware"):
        to_local(datetime(2026, 11, 23, 9, 0), HCM)


def test_amounts_and_counts() -> None:
    assert money(150_000) == "150.000 đồng"
    assert money(1_250_000) == "1.250.000 đồng"
    assert money(500) == "500 đồng"
    assert count2(1) == "01" and count2(12) == "12"
    assert qty_cell(0) == "-" and qty_cell(2) == "02"
