"""Vietnam's holidays loaded on their own are the library's, day for day and name for name."""

from __future__ import annotations

from datetime import date

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


# --- what the library computed, kept between runs (keep_computed_in) ---------------------------------

import json  # noqa: E402
from pathlib import Path  # noqa: E402

from counter_app.domain import vietnam_holidays as module  # noqa: E402


@pytest.fixture
def kept(tmp_path: Path):  # type: ignore[no-untyped-def]
    file = tmp_path / "cache" / "vietnam-holidays.json"
    module.keep_computed_in(file)
    yield file
    module.keep_computed_in(None)


def _library_refuses(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(year: int) -> None:
        raise AssertionError(f"the library was asked for {year}")

    monkeypatch.setattr(module, "vietnam_holidays", refused)


def test_given_kept_years_then_they_are_read_back_without_the_library(
    kept: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    computed = {year: module.public_days(year) for year in range(2000, 2041)}
    assert json.loads(kept.read_text(encoding="utf-8"))["holidays"] == module._library_version()
    module.keep_computed_in(kept)  # as the next run starts: nothing in memory
    _library_refuses(monkeypatch)
    for year, (names, swaps) in computed.items():
        theirs = holidays.country_holidays("VN", language="vi", years=year)
        assert module.public_days(year) == (names, swaps)
        assert names == {d: n for d, n in theirs.items() if d.year == year}
        assert swaps == {d for d in theirs.weekend_workdays if d.year == year}


def test_given_a_file_of_another_library_version_then_the_year_is_computed_again(
    kept: Path,
) -> None:
    wrong = {"2026-01-01": "Ngày giả"}
    kept.parent.mkdir(parents=True)
    kept.write_text(json.dumps({"holidays": "0.0-old", "years": {"2026": {"names": wrong, "swaps": []}}}))
    module.keep_computed_in(kept)
    names, _ = module.public_days(2026)
    assert names[date(2026, 1, 1)] == "Tết Dương lịch"
    assert json.loads(kept.read_text(encoding="utf-8"))["holidays"] == module._library_version()


@pytest.mark.parametrize(
    "content",
    ["{not json", '{"holidays": "@V@", "years": {"2026": {"names": {"x": 1}, "swaps": []}}}', '["a list"]'],
    ids=["not JSON", "a damaged entry", "not an object"],
)
def test_given_an_unreadable_file_then_the_holidays_are_computed_and_the_file_written_over(
    kept: Path, content: str
) -> None:
    kept.parent.mkdir(parents=True)
    kept.write_text(content.replace("@V@", str(module._library_version())))
    module.keep_computed_in(kept)
    assert date(2026, 1, 1) in module.public_days(2026)[0]
    module.keep_computed_in(kept)
    assert "2026" in json.loads(kept.read_text(encoding="utf-8"))["years"]


def test_given_a_folder_it_cannot_write_then_the_holidays_are_still_right(tmp_path: Path) -> None:
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("")
    module.keep_computed_in(blocked / "vietnam-holidays.json")
    try:
        assert module.public_days(2027)[0] == {
            d: n
            for d, n in holidays.country_holidays("VN", language="vi", years=2027).items()
            if d.year == 2027
        }
    finally:
        module.keep_computed_in(None)
