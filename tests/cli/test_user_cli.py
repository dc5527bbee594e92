"""counter-cli user add|edit|disable|enable|reset-password|unlock|list, in-process on a temporary
data dir: admins only (the default actor is the system administrator, so the machine's command line
unlocks a locked admin); a one-time password printed once; a mistake is one «Lỗi:» line, exit 1,
nothing written."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest

from counter_app.db.database import Database
from counter_app.domain.errors import PermissionDenied
from counter_app.services.login import login

Run = Callable[..., tuple[int, str, str]]
OFFICE = "000.00.31.H56"
GOOD = "Hoa sen nở 2026"
OTP = re.compile(r"^Mật khẩu dùng một lần: ([a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})$", re.MULTILINE)


@pytest.fixture
def office(cli: Run) -> Run:
    """An office with an admin (quantri), an officer (canbo) and an auditor (kiemtra), all with GOOD."""
    assert cli("init", "--office-code", OFFICE, "--office-name", "Trung tâm Phục vụ hành chính công")[0] == 0
    for name, full, role in (
        ("quantri", "Phạm Quốc Toàn", "admin"),
        ("canbo", "Nguyễn Thị Lan", "officer"),
        ("kiemtra", "Đỗ Thị Hà", "auditor"),
    ):
        assert cli("user", "add", name, "--name", full, "--role", role, "--password", GOOD)[0] == 0
    return cli


@pytest.fixture
def db(tmp_path: Path, office: Run) -> Iterator[Database]:
    database = Database.open(f"sqlite:///{tmp_path / 'counter.sqlite3'}", "test-cli")
    yield database
    database.close()


def written(data_dir: Path) -> tuple[object, ...]:
    """Everything a refused command must leave as it was."""
    with closing(sqlite3.connect(data_dir / "counter.sqlite3")) as conn:
        users = conn.execute(
            "SELECT username, full_name, role, active, must_change_password, password_hash FROM users "
            "ORDER BY username"
        ).fetchall()
        events = conn.execute("SELECT COUNT(*) FROM events").fetchone()
        throttle = conn.execute("SELECT COUNT(*) FROM login_throttle").fetchone()
    return tuple(users), events, throttle


def one_error(result: tuple[int, str, str], expected: str) -> None:
    code, out, err = result
    assert (code, out) == (1, ""), err
    assert err.count("\n") == 1 and err.startswith("Lỗi: "), err
    assert err == f"Lỗi: {expected}\n", err


def test_given_add_without_password_then_one_time_password_printed_once_and_forced_change(
    office: Run, tmp_path: Path
) -> None:
    code, out, err = office("user", "add", "NguyenVanA", "--name", "Nguyễn Văn A", "--role", "supervisor")

    assert (code, err) == (0, "")
    assert out.startswith("Đã tạo người dùng «nguyenvana» — Nguyễn Văn A, supervisor (Lãnh đạo).\n")
    match = OTP.search(out)
    assert match is not None, out
    assert "Chỉ hiện lần này" in out
    listed = office("user", "list")[1].splitlines()
    assert "nguyenvana\tNguyễn Văn A\tsupervisor (Lãnh đạo)\thoạt động, phải đổi mật khẩu" in listed
    assert match.group(1) not in office("user", "list")[1]  # never shown again
    database = Database.open(f"sqlite:///{tmp_path / 'counter.sqlite3'}", "test-cli")
    try:
        assert login(database, "nguyenvana", match.group(1), now=datetime.now(UTC)).must_change_password
    finally:
        database.close()


def test_given_every_user_command_then_it_does_its_change(office: Run) -> None:
    assert office("user", "edit", "canbo", "--name", "Nguyễn Thị Lan Anh", "--role", "supervisor")[1] == (
        "Đã sửa: «canbo» — Nguyễn Thị Lan Anh, supervisor (Lãnh đạo).\n"
    )
    assert office("user", "edit", "canbo", "--role", "supervisor")[1].startswith(
        "Không có gì thay đổi: «canbo»"
    )
    assert office("user", "disable", "canbo")[1].startswith("Đã vô hiệu hóa: «canbo»")
    assert office("user", "disable", "canbo")[1].startswith("Đã bị vô hiệu hóa từ trước: «canbo»")
    assert "canbo\tNguyễn Thị Lan Anh\tsupervisor (Lãnh đạo)\tđã vô hiệu hóa" in office("user", "list")[1]
    assert office("user", "enable", "canbo")[1] == "Đã kích hoạt lại: «canbo».\n"
    code, out, _ = office("user", "reset-password", "canbo")
    assert code == 0 and out.startswith("Đã đặt lại mật khẩu của «canbo».\n") and OTP.search(out)
    assert office("user", "unlock", "canbo")[1] == "«canbo» không bị khóa.\n"
    assert office("events", "verify")[0] == 0


def test_given_bad_inputs_on_every_user_command_then_one_error_line_and_nothing_written(
    office: Run, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = written(tmp_path)
    unknown = "Không có người dùng «khongco»."
    cases: list[tuple[tuple[str, ...], str]] = [
        (("user", "add", "", "--name", "A", "--role", "officer"), "Tên đăng nhập không được để trống."),
        (("user", "add", "moi", "--name", "", "--role", "officer"), "Tham số «--name» không được để trống."),
        (("user", "add", "moi", "--name", "   ", "--role", "officer"), "Họ tên không được để trống."),
        (("user", "add", "canbo", "--name", "A", "--role", "officer"), "Tên đăng nhập «canbo» đã có."),
        (
            ("user", "add", "moi", "--name", "A", "--role", "giamdoc"),
            "Không có vai trò «giamdoc» (dùng: officer (cán bộ một cửa), supervisor (lãnh đạo), "
            "admin (quản trị), auditor (kiểm tra, giám sát)).",
        ),
        (
            ("user", "add", "moi", "--name", "A", "--role", "officer", "--password", "123456789a"),
            "Mật khẩu này quá phổ biến, dễ bị đoán ra; hãy chọn mật khẩu khác.",
        ),
        (
            ("user", "add", "moi", "--name", "A", "--role", "officer", "--password", "ngan"),
            "Mật khẩu phải có ít nhất 10 ký tự.",
        ),
        (("user", "edit", "khongco", "--name", "A"), unknown),
        (("user", "edit", "canbo"), "Không có gì để sửa: hãy cho họ tên mới hoặc vai trò mới."),
        (
            ("user", "edit", "canbo", "--role", "boss"),
            "Không có vai trò «boss» (dùng: officer (cán bộ một cửa), "
            "supervisor (lãnh đạo), admin (quản trị), auditor (kiểm tra, giám sát)).",
        ),
        (("user", "edit", "", "--name", "A"), "Tên đăng nhập không được để trống."),
        (("user", "disable", "khongco"), unknown),
        (("user", "enable", "khongco"), unknown),
        (("user", "reset-password", "khongco"), unknown),
        (("user", "unlock", "khongco"), unknown),
        (("user", "unlock", ""), "Tên đăng nhập không được để trống."),
        (
            ("user", "disable", "quantri"),
            "Không thể vô hiệu hóa «quantri»: đây là quản trị viên cuối cùng còn hoạt động. "
            "Hãy thêm (hoặc kích hoạt lại) một quản trị viên khác trước.",
        ),
        (
            ("user", "edit", "quantri", "--role", "auditor"),
            "Không thể đổi vai trò của «quantri»: đây là quản trị viên cuối cùng còn hoạt động. "
            "Hãy thêm (hoặc kích hoạt lại) một quản trị viên khác trước.",
        ),
        (("user", "list", "--as", "canbo"), "Chỉ quản trị mới được quản lý người dùng."),
        (
            ("user", "unlock", "canbo", "--as", "kiemtra"),
            "Vai trò «Kiểm tra, giám sát» chỉ được xem nhật ký và báo cáo, không được quản lý người dùng.",
        ),
        (("user", "list", "--as", "khongco"), unknown),
    ]
    for args, message in cases:
        one_error(office(*args), message)
    for args in (("add", "moi", "--role", "officer"), ("disable",)):  # argparse: a required argument missing
        with pytest.raises(SystemExit) as exited:
            office("user", *args)
        assert exited.value.code == 1
        err = capsys.readouterr().err
        assert err.startswith("Lỗi: Lệnh không hợp lệ (thiếu tham số bắt buộc: ") and err.count("\n") == 1, (
            err
        )
    assert written(tmp_path) == before


def test_given_fresh_data_dir_then_user_commands_say_there_is_no_data(cli: Run, tmp_path: Path) -> None:
    code, out, err = cli("user", "list")
    assert (code, out) == (1, "") and err.startswith(f"Lỗi: Chưa có dữ liệu ở {tmp_path}")
    assert not (tmp_path / "counter.sqlite3").exists()


def test_given_every_admin_locked_out_then_the_command_line_unlocks(db: Database, office: Run) -> None:
    for _ in range(5):
        with pytest.raises(PermissionDenied):
            login(db, "quantri", "sai mật khẩu", now=datetime.now(UTC))
    with pytest.raises(PermissionDenied) as info:
        login(db, "quantri", GOOD, now=datetime.now(UTC))
    assert "tạm khóa" in info.value.message
    assert "quantri\tPhạm Quốc Toàn\tadmin (Quản trị)\thoạt động, tạm khóa đến " in office("user", "list")[1]

    # As the locked admin itself (the command line asks no password), or as the system (default).
    assert office("user", "unlock", "quantri", "--as", "quantri") == (
        0,
        "Đã mở khóa «quantri»: có thể đăng nhập lại ngay.\n",
        "",
    )
    assert login(db, "quantri", GOOD, now=datetime.now(UTC)).actor.username == "quantri"
    for _ in range(5):
        with pytest.raises(PermissionDenied):
            login(db, "quantri", "sai mật khẩu", now=datetime.now(UTC))
    assert office("user", "unlock", "quantri")[1] == "Đã mở khóa «quantri»: có thể đăng nhập lại ngay.\n"
    assert login(db, "quantri", GOOD, now=datetime.now(UTC)).actor.username == "quantri"
    assert office("events", "verify")[0] == 0
