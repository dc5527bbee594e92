"""settings.json's ``idle_lock_minutes``: minutes without input before the desktop locks (issue 10).
5 by default, a whole number from 0 (never) to 120; anything else in the file is refused in words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from counter_app.config import load_settings, save_settings, valid_idle_lock_minutes
from counter_app.domain.errors import UserError
from counter_app.paths import resolve_paths


def test_given_no_value_then_5_minutes_and_a_saved_value_is_read_back(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path).ensure()
    paths.settings_file.write_text(json.dumps({"language": "vi"}), encoding="utf-8")  # an older file
    settings = load_settings(paths)
    assert settings.idle_lock_minutes == 5
    for minutes in (0, 1, 120):
        settings.idle_lock_minutes = minutes
        save_settings(paths, settings)
        assert load_settings(paths).idle_lock_minutes == minutes


@pytest.mark.parametrize("value", [-1, 121, 2.5, "5", True, None, [5]])
def test_given_a_value_out_of_range_or_not_whole_then_the_file_is_refused_in_words(
    tmp_path: Path, value: object
) -> None:
    paths = resolve_paths(tmp_path).ensure()
    paths.settings_file.write_text(json.dumps({"idle_lock_minutes": value}), encoding="utf-8")
    with pytest.raises(UserError) as info:
        load_settings(paths)
    assert info.value.message == (
        f"Tệp cấu hình {paths.settings_file}: «idle_lock_minutes» phải là số phút nguyên từ 0 đến 120 "
        "(0: không tự khóa máy)."
    )
    assert not valid_idle_lock_minutes(value)
