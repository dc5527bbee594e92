"""Vietnam's holidays loaded on their own are the library's, day for day and name for name."""

from __future__ import annotations

import holidays
import pytest

from counter_app.domain.vietnam_holidays import vietnam_holidays


@pytest.mark.parametrize("year", range(2000, 2041))
def test_given_a_year_then_same_holidays_names_and_swapped_days_as_the_package(year: int) -> None:
    ours = vietnam_holidays(year)
    theirs = holidays.country_holidays("VN", language="vi", years=year)
    assert dict(ours) == dict(theirs)
    assert set(ours.weekend_workdays) == set(theirs.weekend_workdays)
    assert any("Tết" in name for name in ours.values())  # Vietnamese names, not English ones
