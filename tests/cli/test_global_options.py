"""--data-dir and --as are accepted before the subcommand as well as after it (``counter-cli --data-dir D
demo``); given in both places, the one after the subcommand wins; a bad value is still one «Lỗi:» line."""

from __future__ import annotations

from pathlib import Path

import pytest
from testdata import FIXTURES

from counter_app.cli import main

OFFICE = "000.00.31.H56"
TEST_CATALOG = FIXTURES / "test_catalog.json"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    try:
        code = main(list(args))
    except SystemExit as exc:  # a usage mistake, reported by argparse
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_data_dir_before_between_or_after_the_subcommand(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before, after, elsewhere = tmp_path / "before", tmp_path / "after", tmp_path / "elsewhere"
    assert run(capsys, "--data-dir", str(before), "init", "--office-code", OFFICE)[0] == 0
    assert run(capsys, "init", "--office-code", OFFICE, "--data-dir", str(after))[0] == 0
    assert (before / "counter.sqlite3").is_file() and (after / "counter.sqlite3").is_file()
    # A command group: before it, between the group and its command, after the command.
    assert run(capsys, "--data-dir", str(before), "catalog", "import", str(TEST_CATALOG))[0] == 0
    assert run(capsys, "catalog", "--data-dir", str(after), "import", str(TEST_CATALOG))[0] == 0
    for args in (
        ("--data-dir", str(before), "catalog", "list"),
        ("catalog", "--data-dir", str(after), "list"),
        ("catalog", "list", "--data-dir", str(after)),
        # Given twice: the value after the subcommand wins (this folder has no data: it would fail).
        ("--data-dir", str(elsewhere), "catalog", "list", "--data-dir", str(before)),
    ):
        code, out, err = run(capsys, *args)
        assert (code, err) == (0, "") and "2.001955\t" in out, args
    assert not elsewhere.exists()


def test_demo_with_the_data_dir_first_then_as_in_either_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, out = str(tmp_path / "demo"), tmp_path / "overdue.csv"
    code, stdout, _ = run(capsys, "--data-dir", data, "demo", "--dossiers", "3")
    assert code == 0 and "3 hồ sơ mới" in stdout
    report = ("report", "overdue", "--out", str(out))
    # An officer may not read reports: «--as canbo» before the subcommand is applied, not dropped.
    code, stdout, err = run(capsys, "--as", "canbo", "--data-dir", data, *report)
    assert (code, stdout, err) == (1, "", "Lỗi: Chỉ lãnh đạo mới được xem báo cáo.\n") and not out.exists()
    assert run(capsys, "--as", "lanhdao", "--data-dir", data, *report)[0] == 0 and out.is_file()
    out.unlink()
    # Given twice: the one after the subcommand wins, either way round.
    assert run(capsys, "--as", "canbo", "--data-dir", data, *report, "--as", "lanhdao")[0] == 0
    code, _, err = run(capsys, "--as", "lanhdao", "--data-dir", data, *report, "--as", "canbo")
    assert code == 1 and err == "Lỗi: Chỉ lãnh đạo mới được xem báo cáo.\n"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--as", "nobody", "search", "nguyen"], "Lỗi: Không có người dùng «nobody»."),
        (["--as", "", "search", "nguyen"], "Lỗi: Tham số «--as» không được để trống."),
        (["--data-dir", "", "init"], "Lỗi: Tham số «--data-dir» không được để trống."),
        (["--data-dir"], "Lỗi: Lệnh không hợp lệ (tham số --data-dir: cần một giá trị)."),
        (["--data-dir", "{tmp}", "--office-code", OFFICE, "init"], "Lỗi: Lệnh không hợp lệ"),
    ],
)
def test_a_bad_global_option_before_the_subcommand_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], expected: str
) -> None:
    data = tmp_path / "data"
    assert run(capsys, "init", "--office-code", OFFICE, "--data-dir", str(data))[0] == 0
    if "--data-dir" not in args:
        args = ["--data-dir", str(data), *args]
    code, out, err = run(capsys, *[a.replace("{tmp}", str(data)) for a in args])
    assert (code, out) == (1, "") and err.startswith(expected) and err.count("\n") == 1, err
