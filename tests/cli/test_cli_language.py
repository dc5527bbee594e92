"""The command line speaks Vietnamese, whatever language the desktop of the same data folder uses.

The core's errors carry a translatable template (counter_app/domain/errors.py), but only the desktop
translates it; counter-cli prints the error's Vietnamese ``message`` on its one «Lỗi:» line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from counter_app.config import load_settings, save_settings
from counter_app.paths import resolve_paths

Run = Callable[..., tuple[int, str, str]]
OFFICE = "000.00.31.H56"


def test_given_english_desktop_settings_when_a_command_fails_then_the_cli_error_is_vietnamese(
    cli: Run, tmp_path: Path
) -> None:
    assert cli("init", "--office-code", OFFICE, "--office-name", "Trung tâm Phục vụ hành chính công")[0] == 0
    paths = resolve_paths(tmp_path)
    settings = load_settings(paths)
    settings.language = "en"
    save_settings(paths, settings)

    code, out, err = cli("lookup", f"{OFFICE}-261123-0099")

    assert (code, out) == (1, "")
    assert err == f"Lỗi: Không tìm thấy hồ sơ mã «{OFFICE}-261123-0099».\n"

    code, out, err = cli("user", "add", "ab", "--name", "Trần Văn Bình", "--role", "boss")  # labels inside
    assert (code, out) == (1, "")
    assert err == (
        "Lỗi: Không có vai trò «boss» (dùng: officer (cán bộ một cửa), supervisor (lãnh đạo), "
        "admin (quản trị), auditor (kiểm tra, giám sát)).\n"
    )
