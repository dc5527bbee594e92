"""counter-cli office|unit|calendar, in-process on a temporary data dir: admins only; dated changes
printed line by line; a mistake is one «Lỗi:» line, exit 1, nothing written.

These commands use the real clock: the days given to «calendar» are counted from today.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest

Run = Callable[..., tuple[int, str, str]]
OFFICE = "000.00.31.H56"
GOOD = "Hoa sen nở 2026"


@pytest.fixture
def office(cli: Run) -> Run:
    """An office made by «init» (no place, province or level yet), an admin and an officer."""
    assert cli("init", "--office-code", OFFICE, "--office-name", "Trung tâm Phục vụ hành chính công")[0] == 0
    for name, full, role in (("quantri", "Phạm Quốc Toàn", "admin"), ("canbo", "Nguyễn Thị Lan", "officer")):
        assert cli("user", "add", name, "--name", full, "--role", role, "--password", GOOD)[0] == 0
    return cli


def written(data_dir: Path) -> tuple[object, ...]:
    """Everything a refused command must leave as it was."""
    with closing(sqlite3.connect(data_dir / "counter.sqlite3")) as conn:
        return tuple(
            tuple(conn.execute(query).fetchall())
            for query in (
                "SELECT * FROM offices",
                "SELECT * FROM office_profiles ORDER BY id",
                "SELECT code, name, retired_at FROM agencies ORDER BY code",
                "SELECT agency_id, name, valid_from FROM agency_names ORDER BY id",
                "SELECT day, kind, note FROM calendar_overrides ORDER BY day",
                "SELECT COUNT(*) FROM events",
            )
        )


def events(data_dir: Path) -> int:
    with closing(sqlite3.connect(data_dir / "counter.sqlite3")) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM events").fetchone()[0])


def one_error(result: tuple[int, str, str], expected: str) -> None:
    code, out, err = result
    assert (code, out) == (1, ""), err
    assert err == f"Lỗi: {expected}\n", err


def next_weekday(weekday: int, weeks: int = 2) -> date:
    """A day of the given weekday at least ``weeks`` weeks ahead (never past, whatever today is)."""
    day = date.today() + timedelta(weeks=weeks)
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def test_given_office_set_then_changed_lines_printed_and_the_same_again_changes_nothing(
    office: Run, tmp_path: Path
) -> None:
    code, out, err = office(
        "office", "set", "--place", "Thanh Hóa", "--province", "thanh hoa", "--address", "Số 1 Lê Lợi"
    )

    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Tỉnh, thành phố: (trống) → «Thanh Hóa»",
        "Địa danh: (trống) → «Thanh Hóa»",
        "Địa chỉ: (trống) → «Số 1 Lê Lợi»",
    ]
    before = events(tmp_path)
    assert office("office", "set", "--place", "Thanh Hóa", "--address", "Số 1  Lê Lợi") == (
        0,
        "Không có gì thay đổi.\n",
        "",
    )
    assert events(tmp_path) == before
    shown = office("office", "show")[1].splitlines()
    assert "Địa chỉ: Số 1 Lê Lợi" in shown and "Đường dây nóng: (trống)" in shown
    assert "Giờ làm việc: Thứ Hai–Thứ Sáu: 07:30–11:30, 13:30–17:00" in shown
    assert office("office", "set", "--hotline", "0237 3 999 888")[0] == 0
    assert office("office", "set", "--clear", "hotline")[1] == "Đường dây nóng: «0237 3 999 888» → (trống)\n"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--email", "motcua@"), "Địa chỉ thư điện tử «motcua@» không hợp lệ."),
        (("--province", "Gia Định"), "Tỉnh, thành phố «Gia Định» không có trong 34 tỉnh, thành phố."),
        (("--address", ""), "Tham số «--address» không được để trống."),
        ((), "Không có gì để sửa: hãy cho ít nhất một thông tin mới (xem «office set --help»)."),
        (("--hotline", "1", "--clear", "hotline"), "«--hotline» và «--clear hotline» không đi cùng nhau."),
        (("--address", "Số 2", "--as", "canbo"), "Chỉ quản trị mới được sửa thông tin đơn vị."),
        (("--address", "Số 2", "--as", "ai_do"), "Không có người dùng «ai_do»."),
    ],
)
def test_given_bad_office_set_then_one_error_line_and_nothing_written(
    office: Run, tmp_path: Path, args: tuple[str, ...], expected: str
) -> None:
    before = written(tmp_path)
    one_error(office("office", "set", *args), expected)
    assert written(tmp_path) == before


def test_given_change_code_then_only_with_yes_and_new_dossiers_take_the_new_code(
    office: Run, tmp_path: Path
) -> None:
    before = written(tmp_path)
    one_error(
        office("office", "change-code", "000.00.32.H56"),
        "Đổi mã định danh sang «000.00.32.H56» bắt đầu một dãy mã hồ sơ mới (000.00.32.H56-YYMMDD-0001): "
        "hồ sơ đã tiếp nhận giữ mã cũ. Thêm --yes để xác nhận.",
    )
    one_error(
        office("office", "change-code", "h56", "--yes"),
        "Mã định danh «h56» không hợp lệ: chữ in hoa và số, các phần cách nhau bởi dấu chấm (ví dụ 000.17.22.H56).",
    )
    one_error(
        office("office", "change-code", "000.00.32.H56", "--yes", "--as", "canbo"),
        "Chỉ quản trị mới được đổi mã định danh của đơn vị.",
    )
    assert written(tmp_path) == before

    code, out, err = office("office", "change-code", "000.00.32.H56", "--yes")

    assert (code, err) == (0, "")
    assert out.startswith("Đã đổi mã định danh: «000.00.31.H56» → «000.00.32.H56» (lúc ")
    assert "hồ sơ tiếp nhận từ nay mang mã «000.00.32.H56-…»" in out
    assert office("office", "show")[1].startswith("Mã định danh: 000.00.32.H56\n")
    assert office("office", "change-code", "000.00.32.H56", "--yes")[1] == (
        "Mã định danh đã là «000.00.32.H56»: không có gì thay đổi.\n"
    )


def test_given_units_then_added_renamed_retired_and_listed(office: Run, tmp_path: Path) -> None:
    assert office("unit", "add", "SNV", "--name", "Sở Nội vụ") == (
        0,
        "Đã thêm đơn vị «SNV» — Sở Nội vụ.\n",
        "",
    )
    assert office("unit", "add", "SYT", "--name", "Sở Y tế")[0] == 0
    assert office("unit", "add", "snv", "--name", "Sở Nội vụ")[1] == (
        "Đã có đơn vị «SNV» — Sở Nội vụ: không có gì thay đổi.\n"
    )
    assert office("unit", "rename", "SNV", "--name", "Sở Nội vụ tỉnh")[1].startswith(
        "Đã đổi tên đơn vị «SNV» thành «Sở Nội vụ tỉnh»"
    )
    assert office("unit", "retire", "SYT")[1].startswith("Đã ngừng đơn vị «SYT»")
    assert office("unit", "retire", "SYT")[1] == "Đơn vị «SYT» đã ngừng từ trước: không có gì thay đổi.\n"

    assert office("unit", "list")[1] == "SNV\tSở Nội vụ tỉnh\thoạt động\n"
    listed = office("unit", "list", "--all")[1].splitlines()
    assert listed[0] == "SNV\tSở Nội vụ tỉnh\thoạt động" and listed[1].startswith(
        "SYT\tSở Y tế\tđã ngừng từ "
    )
    assert office("unit", "add", "SYT", "--name", "Sở Y tế")[1].startswith(
        "Đã cho đơn vị «SYT» — Sở Y tế hoạt động lại"
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ("add", "S NV", "--name", "Sở"),
            "Mã đơn vị «S NV» không hợp lệ (chữ, số, dấu chấm, gạch; không dấu cách).",
        ),
        (
            ("add", "SNV", "--name", "Sở khác"),
            "Đã có đơn vị mã «SNV»: «Sở Nội vụ». Để đổi tên, dùng «counter-cli unit rename SNV --name …».",
        ),
        (("rename", "SXX", "--name", "Sở X"), "Không có đơn vị xử lý mã «SXX»."),
        (("retire", "SXX"), "Không có đơn vị xử lý mã «SXX»."),
        (("retire", "SNV", "--as", "canbo"), "Chỉ quản trị mới được quản lý đơn vị xử lý."),
        (("list", "--as", "canbo"), "Chỉ quản trị mới được quản lý đơn vị xử lý."),
    ],
)
def test_given_bad_unit_command_then_one_error_line_and_nothing_written(
    office: Run, tmp_path: Path, args: tuple[str, ...], expected: str
) -> None:
    assert office("unit", "add", "SNV", "--name", "Sở Nội vụ")[0] == 0
    before = written(tmp_path)
    one_error(office("unit", *args), expected)
    assert written(tmp_path) == before


def test_given_calendar_days_then_listed_previewed_and_removed(office: Run, tmp_path: Path) -> None:
    friday = next_weekday(4)
    saturday = friday + timedelta(days=1)

    code, out, err = office("calendar", "off", f"{friday:%d/%m/%Y}", "--note", "Nghỉ bù")
    assert (code, err) == (0, "")
    assert out == f"Đã đặt ngày {friday:%d/%m/%Y} (Thứ Sáu) là ngày nghỉ: Nghỉ bù.\n"
    assert office("calendar", "work", saturday.isoformat(), "--note", "Làm bù")[0] == 0
    before = events(tmp_path)
    assert office("calendar", "work", saturday.isoformat(), "--note", "Làm bù")[1].endswith(
        "không có gì thay đổi.\n"
    )
    assert events(tmp_path) == before
    assert office("calendar", "list")[1].splitlines() == [
        f"{friday:%d/%m/%Y}\tThứ Sáu\tngày nghỉ\tNghỉ bù",
        f"{saturday:%d/%m/%Y}\tThứ Bảy\tngày làm việc\tLàm bù",
    ]

    preview = office("calendar", "preview", "--days", "25")[1].splitlines()
    assert preview[0] == "25 ngày làm việc tới:"
    assert f"{saturday:%d/%m/%Y}\tThứ Bảy\t07:30–11:30, 13:30–17:00\tLàm bù" in preview
    assert not any(line.startswith(f"{friday:%d/%m/%Y}\tThứ Sáu\t07:30") for line in preview)
    assert f"{friday:%d/%m/%Y}\tThứ Sáu\tNghỉ theo lịch cơ quan: Nghỉ bù" in preview
    assert not any("\tChủ nhật\t" in line for line in preview)
    assert preview[-1].startswith("Hồ sơ thời hạn 05 ngày làm việc tiếp nhận bây giờ: hẹn trả ")

    assert office("calendar", "remove", saturday.isoformat())[1].startswith(
        f"Đã bỏ quyết định riêng của ngày {saturday:%d/%m/%Y}"
    )
    assert office("calendar", "remove", saturday.isoformat())[1].endswith("không có gì thay đổi.\n")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("off", "31/02/2027"), "Ngày «31/02/2027» không hợp lệ (dạng đúng: 2026-11-23 hoặc 23/11/2026)."),
        (
            ("off", "2001-01-01"),
            "Ngày 01/01/2001 đã qua: không sửa lịch của ngày đã qua (hồ sơ đã được hẹn và đánh giá đúng hạn theo lịch của ngày đó).",
        ),
        (
            ("remove", "2001-01-01"),
            "Ngày 01/01/2001 đã qua: không sửa lịch của ngày đã qua (hồ sơ đã được hẹn và đánh giá đúng hạn theo lịch của ngày đó).",
        ),
        (("preview", "--days", "0"), "Số ngày xem trước phải từ 1 đến 366."),
        (("list", "--as", "canbo"), "Chỉ quản trị mới được sửa lịch làm việc."),
    ],
)
def test_given_bad_calendar_command_then_one_error_line_and_nothing_written(
    office: Run, tmp_path: Path, args: tuple[str, ...], expected: str
) -> None:
    before = written(tmp_path)
    one_error(office("calendar", *args), expected)
    assert written(tmp_path) == before


def test_given_no_database_then_admin_commands_say_so(cli: Run, tmp_path: Path) -> None:
    code, out, err = cli("office", "show")
    assert (code, out) == (1, "") and err.startswith("Lỗi: Chưa có dữ liệu ở ")
    assert not (tmp_path / "counter.sqlite3").exists()
