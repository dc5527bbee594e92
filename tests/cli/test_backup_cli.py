"""counter-cli backup | backup list | restore | check, called in-process on a temporary data folder."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from backup_support import (
    DataDir,
    backup_files,
    corrupt_page,
    digest,
    dossier_count,
    make_data_dir,
    receive_some,
)
from testdata import MONDAY_9AM

from counter_app.cli import main
from counter_app.services.anchor import read_anchor_file

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def data(tmp_path: Path, sqlite_template: Path) -> DataDir:
    return make_data_dir(tmp_path / "data", sqlite_template)


@pytest.fixture
def cli(data: DataDir, capsys: pytest.CaptureFixture[str]) -> Run:
    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        try:
            code = main([*args, "--data-dir", str(data.root)])
        except SystemExit as exited:  # a usage mistake (argparse)
            code = int(exited.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return run


def _one_error_line(err: str, start: str) -> None:
    assert err.startswith(f"Lỗi: {start}") and err.count("\n") == 1, err


@pytest.mark.expect_log("database restored from")
def test_backup_list_restore_with_yes_then_events_verify_and_check_pass(cli: Run, data: DataDir) -> None:
    code, out, err = cli("backup")
    assert (code, err) == (0, "")
    (backup,) = backup_files(data.backups)
    assert out.startswith(f"Đã sao lưu {backup} (") and "đã kiểm tra: toàn vẹn SQLite, khóa ngoại" in out
    assert "3 hồ sơ, hồ sơ cuối 000.00.31.H56-261123-0003." in out
    kept = read_anchor_file(backup)
    assert kept is not None and f"Dấu chuỗi sự kiện (ghi bên bản sao lưu, .anchor.txt): {kept.text}\n" in out

    code, out, _ = cli("backup", "list")
    (line,) = out.splitlines()
    assert code == 0 and line.endswith(f"\tđã kiểm tra\t000.00.31.H56-261123-0003\tsao lưu\t{backup}")

    receive_some(data, 1, MONDAY_9AM + timedelta(hours=3))
    before = digest(data.db_file)
    code, out, err = cli("restore", backup.name)  # a bare name from «backup list»
    assert code == 1 and "Sẽ mất 1 hồ sơ" in out
    _one_error_line(err, "Chưa khôi phục: thêm --yes để xác nhận")
    assert digest(data.db_file) == before and not list(data.root.glob("*set-aside*"))

    code, out, err = cli("restore", str(backup), "--yes")
    assert (code, err) == (0, "")
    (aside,) = data.root.glob("counter-set-aside-*.sqlite3")
    assert f"Đã khôi phục {data.db_file} từ {backup}." in out and f"để riêng ở {aside}." in out
    assert dossier_count(data.db_file) == 3 and dossier_count(aside) == 4

    code, out, err = cli("events", "verify")
    assert (code, err) == (0, "") and out.startswith("Chuỗi sự kiện nguyên vẹn:")
    code, out, err = cli("events", "verify", "--anchor", str(backup))  # the file beside it read back
    assert (code, err) == (0, "") and f"Khớp dấu chuỗi đã in {kept.digest}" in out
    code, out, err = cli("check")
    assert (code, err) == (0, "") and out.startswith(
        f"Không có vấn đề: {data.db_file} — toàn vẹn SQLite, khóa ngoại"
    )


def test_backup_to_a_second_folder(cli: Run, data: DataDir, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    code, out, _ = cli("backup", "--to", str(usb))
    (copy,) = backup_files(usb)
    assert code == 0 and f"Đã chép sang {copy}." in out
    assert digest(copy) == digest(data.backups / copy.name)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("restore", "nothing.sqlite3", "--yes"), "Không có tệp sao lưu «nothing.sqlite3»"),
        (("restore", "", "--yes"), "Tệp sao lưu không được để trống."),
        (("restore", "NOTADB", "--yes"), "Tệp {NOTADB} không phải là cơ sở dữ liệu SQLite"),
        (("restore", "DATADIR", "--yes"), "«{DATADIR}» là một thư mục"),
        (("restore",), "Lệnh không hợp lệ"),
        (("backup", "--to", "MISSING"), "Thư mục {MISSING} không tồn tại"),
        (("backup", "--to", ""), "Tham số «--to» không được để trống."),
    ],
)
def test_given_bad_input_then_one_error_line_exit_1_and_nothing_changed(
    cli: Run, data: DataDir, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    not_a_db = tmp_path / "notes.sqlite3"
    not_a_db.write_text("not a database " * 50, encoding="utf-8")
    names = {"NOTADB": str(not_a_db), "DATADIR": str(data.root), "MISSING": str(tmp_path / "unplugged")}
    args = tuple(names.get(a, a) for a in args)
    assert cli("backup", "list")[0] == 0  # (any command makes the data folder's config and logs folders)
    files, before = sorted(p.name for p in data.root.iterdir()), digest(data.db_file)

    code, _out, err = cli(*args)

    assert code == 1
    _one_error_line(err, message.format(**names))
    assert sorted(p.name for p in data.root.iterdir()) == files and digest(data.db_file) == before
    assert not list(data.backups.iterdir())


def test_given_corrupt_backup_then_restore_refused(cli: Run, data: DataDir) -> None:
    assert cli("backup")[0] == 0
    (backup,) = backup_files(data.backups)
    corrupt_page(backup)
    before = digest(data.db_file)
    code, _out, err = cli("restore", str(backup), "--yes")
    assert code == 1
    _one_error_line(err, f"Không khôi phục từ {backup.name}: Toàn vẹn SQLite")
    assert digest(data.db_file) == before


def test_given_no_database_then_backup_and_check_say_so_and_create_nothing(cli: Run, data: DataDir) -> None:
    data.db_file.unlink()
    for command in ("backup", "check"):
        code, _out, err = cli(command)
        assert code == 1
        _one_error_line(err, f"Chưa có dữ liệu ở {data.root}")
    assert not data.db_file.exists()
    code, out, _ = cli("backup", "list")
    assert code == 0 and out.startswith("Chưa có bản sao lưu nào trong")


def test_check_lists_a_corrupted_page_and_a_missing_slip_one_line_each(
    cli: Run, data: DataDir, tmp_path: Path
) -> None:
    assert cli("print", "receipt", "000.00.31.H56-261123-0001", "--out", str(tmp_path / "r.pdf"))[0] == 0
    (slip,) = (data.root / "slips").rglob("*.pdf")
    slip.unlink()
    corrupt_page(data.db_file)

    code, out, err = cli("check")

    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("Toàn vẹn SQLite: ")
    assert (
        lines[-1]
        == f"Phiếu đã phát hành nhưng không có trong kho lưu: {slip} (receipt 000.00.31.H56-261123-0001)."
    )
    _one_error_line(err, f"Kiểm tra {data.db_file} thấy {len(lines)} vấn đề")


def test_commands_other_than_backup_never_make_a_backup(cli: Run, data: DataDir) -> None:
    for args in (
        ("search", "Bình"),
        ("lookup", "000.00.31.H56-261123-0001"),
        ("events", "verify"),
        ("check",),
    ):
        assert cli(*args)[0] == 0
    assert not data.backups.exists() or not list(data.backups.iterdir())


def test_on_postgresql_without_pg_dump_then_said_and_restore_points_to_the_dba(
    cli: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("COUNTER_APP_DATABASE_URL", "postgresql://counter:secret@127.0.0.1:1/counter")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    code, _out, err = cli("backup")
    assert code == 1
    _one_error_line(err, "Không tìm thấy chương trình pg_dump trên máy này (PATH): chưa sao lưu.")
    code, _out, err = cli("restore", "x.dump", "--yes")
    assert code == 1
    _one_error_line(err, "Trên PostgreSQL, quản trị CSDL khôi phục bằng pg_restore")


@pytest.mark.postgres
def test_on_postgresql_backup_runs_pg_dump(
    cli: Run, data: DataDir, monkeypatch: pytest.MonkeyPatch, pg_db_url: str
) -> None:
    monkeypatch.setenv("COUNTER_APP_DATABASE_URL", pg_db_url)
    code, out, err = cli("backup")
    assert (code, err) == (0, ""), err
    (dump,) = data.backups.glob("*.dump")
    made, anchor = out.splitlines()
    assert made == f"Đã sao lưu {dump} ({out.split('(')[1].split(')')[0]}) bằng pg_dump."
    kept = read_anchor_file(dump)  # its anchor beside it, and said
    assert kept is not None and anchor == f"Dấu chuỗi sự kiện (ghi bên bản sao lưu, .anchor.txt): {kept.text}"
    assert dump.read_bytes()[:5] == b"PGDMP"
    code, out, _ = cli("backup", "list")
    assert code == 0 and "\tpg_dump\t" in out
    code, out, _ = cli("check")
    assert code == 0 and "máy chủ PostgreSQL" in out
