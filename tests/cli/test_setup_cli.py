"""counter-cli setup --from office.json [--prune], in-process on a temporary data folder.

The data folder starts from a copy of a database holding the bundled catalogue (imported once for
the module): a first start after the catalogue baseline, so each test skips the 402-record import.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from testdata import FIXTURES, MONDAY_9AM, NODE, PORTAL_DETAILS

from counter_app.cli import main
from counter_app.db.database import Database
from counter_app.db.models import Event, Office, User
from counter_app.services.actor import SYSTEM_ACTOR
from counter_app.services.catalog import import_catalog, read_records
from counter_app.services.demo import DEFAULT_CATALOG
from counter_app.services.login import login

COMMUNE_FILE = FIXTURES / "office_setup" / "commune.json"
Run = Callable[..., tuple[int, str, str]]
CREATED = (
    "Tạo đơn vị «Trung tâm Phục vụ hành chính công phường Hạc Thành», mã định danh 000.31.23.H56.\n"
    "Thêm đơn vị xử lý «VHXH» — Phòng Văn hóa - Xã hội.\n"
    "Thêm đơn vị xử lý «KT» — Phòng Kinh tế, Hạ tầng và Đô thị.\n"
    "Đơn vị tiếp nhận 6 thủ tục; 396 thủ tục khác của danh mục không tiếp nhận.\n"
    "Thêm người dùng «quantri.hacthanh» — Lê Văn Nam, admin (quản trị).\n"
    "Thêm người dùng «canbo.lan» — Trần Thị Lan, officer (cán bộ một cửa).\n"
    "Thêm người dùng «canbo.hung» — Phạm Văn Hùng, officer (cán bộ một cửa).\n"
    "Thêm người dùng «lanhdao.hoa» — Nguyễn Thị Hoa, supervisor (lãnh đạo).\n"
)
NOTHING = "Không có gì thay đổi.\n"


@pytest.fixture(scope="module")
def catalogue_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    file = tmp_path_factory.mktemp("setup_cli") / "counter.sqlite3"
    db = Database.open(f"sqlite:///{file}", NODE)
    import_catalog(db, SYSTEM_ACTOR, read_records([DEFAULT_CATALOG]), now=MONDAY_9AM)
    db.close()
    return file


@pytest.fixture
def data(tmp_path: Path, catalogue_file: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(catalogue_file, folder / "counter.sqlite3")
    return folder


@pytest.fixture
def setup_cli(data: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    """``setup_cli(*args)``: counter-cli on the data folder ``data`` → (exit code, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main([*args, "--data-dir", str(data)])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def commune_data() -> dict[str, Any]:
    return json.loads(COMMUNE_FILE.read_text(encoding="utf-8"))


def write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def event_count(data: Path) -> int:
    db = Database.open(f"sqlite:///{data / 'counter.sqlite3'}", NODE)
    try:
        with db.read() as session:
            return session.execute(select(func.count()).select_from(Event)).scalar_one()
    finally:
        db.close()


def one_time_passwords(out: str) -> dict[str, str]:
    prefix = "Mật khẩu dùng một lần của "
    return dict(line[len(prefix) :].split(": ") for line in out.splitlines() if line.startswith(prefix))


def test_given_a_setup_file_twice_then_changes_then_nothing_and_passwords_only_once(
    setup_cli: Run, data: Path
) -> None:
    code, out, err = setup_cli("setup", "--from", str(COMMUNE_FILE))

    assert (code, err) == (0, "")
    assert out.startswith(CREATED)
    passwords = one_time_passwords(out)
    assert list(passwords) == [
        "quantri.hacthanh",
        "canbo.lan",
        "lanhdao.hoa",
    ]  # not canbo.hung's (the file's)
    assert out.endswith("(Chỉ hiện lần này. Người dùng phải đổi mật khẩu khi đăng nhập lần đầu.)\n")
    assert "Hac-Thanh-2026!" not in out
    count = event_count(data)

    assert setup_cli("setup", "--from", str(COMMUNE_FILE)) == (0, NOTHING, "")
    assert setup_cli("setup", "--from", str(COMMUNE_FILE), "--as", "quantri.hacthanh") == (0, NOTHING, "")
    assert event_count(data) == count

    db = Database.open(f"sqlite:///{data / 'counter.sqlite3'}", NODE)
    try:
        assert login(db, "canbo.lan", passwords["canbo.lan"], now=MONDAY_9AM).must_change_password
        with db.read() as session:
            assert session.execute(select(Office.province)).scalar_one() == "Thanh Hóa"
    finally:
        db.close()


def test_given_a_changed_file_with_prune_then_each_change_printed(
    setup_cli: Run, data: Path, tmp_path: Path
) -> None:
    assert setup_cli("setup", "--from", str(COMMUNE_FILE))[0] == 0
    changed = commune_data()
    changed["office"]["hotline"] = "0237 3 999 000"
    changed["procedures"].remove("1.000656")
    del changed["users"][1]  # canbo.lan
    changed["users"].append({"username": "canbo.mai", "full_name": "Đỗ Thị Mai", "role": "officer"})
    file = write(tmp_path / "office.json", changed)

    code, out, err = setup_cli("setup", "--from", str(file))

    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:2] == [
        "Đường dây nóng: «0237 3 852 123» → «0237 3 999 000»",
        "Thêm người dùng «canbo.mai» — Đỗ Thị Mai, officer (cán bộ một cửa).",
    ]
    assert list(one_time_passwords(out)) == ["canbo.mai"]

    code, out, err = setup_cli("setup", "--from", str(file), "--prune")

    assert (code, err) == (0, "")
    assert out == (
        "Không tiếp nhận thủ tục 1.000656 — Thủ tục đăng ký khai tử.\n"
        "Vô hiệu hóa người dùng «canbo.lan» (không có trong tệp thiết lập).\n"
    )
    assert setup_cli("setup", "--from", str(file), "--prune") == (0, NOTHING, "")


def test_given_catalogue_files_then_taken_relative_to_the_setup_file(
    setup_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "trien-khai"
    folder.mkdir()
    shutil.copy(PORTAL_DETAILS / "1.001193.json", folder / "khai-sinh.json")
    spec = commune_data()
    spec["catalog_files"] = ["khai-sinh.json"]
    file = write(folder / "office.json", spec)
    monkeypatch.chdir(tmp_path)  # not the file's folder

    code, out, err = setup_cli("setup", "--from", str(file))

    assert (code, err) == (0, "") and out.startswith(CREATED)  # the record is the bundled one: unchanged


def assert_one_error(result: tuple[int, str, str], expected: str) -> None:
    code, out, err = result
    assert (code, out) == (1, "")
    assert err.startswith("Lỗi: ") and err.count("\n") == 1, err
    assert expected in err, err


def _bad_files(folder: Path) -> list[tuple[Path, str]]:
    syntax = folder / "cu-phap.json"
    syntax.write_text('{\n  "office": {\n    "name": "A",,\n  }\n}\n', encoding="utf-8")
    shape = write(folder / "hinh-dang.json", [commune_data()])
    field = commune_data()
    field["office"]["province"] = "Hà Tây"
    bad_field = write(folder / "truong.json", field)
    units = commune_data()
    units["units"] = {"VHXH": "Phòng Văn hóa - Xã hội"}
    bad_units = write(folder / "don-vi.json", units)
    missing_catalogue = commune_data()
    missing_catalogue["catalog_files"] = ["khong-co-danh-muc.json"]
    no_catalogue = write(folder / "danh-muc.json", missing_catalogue)
    latin1 = folder / "latin1.json"
    latin1.write_bytes('{"office": {"name": "Trung tâm"}}'.encode("latin-1"))
    return [
        (syntax, f"Lỗi: {syntax}: JSON sai ở dòng 3, cột 17.\n"),
        (shape, f"Lỗi: {shape}: «tệp thiết lập» phải là một đối tượng JSON {{ … }}.\n"),
        (bad_field, f"Lỗi: {bad_field}: Tỉnh, thành phố «Hà Tây» không có trong 34 tỉnh, thành phố.\n"),
        (bad_units, f"Lỗi: {bad_units}: «units» phải là một danh sách [ … ].\n"),
        (latin1, f"{latin1}: không phải văn bản UTF-8"),
        (no_catalogue, "khong-co-danh-muc.json"),  # a catalogue file it names, read before the folder
        (
            folder / "khong-co.json",
            f"{folder / 'khong-co.json'}: không đọc được tệp (không có tệp hay thư mục này)",
        ),
        (folder, "đây là một thư mục, không phải tệp"),
    ]


def test_given_bad_files_then_one_error_line_and_not_even_a_data_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fresh = tmp_path / "moi"
    for file, expected in _bad_files(tmp_path):
        code = main(["setup", "--from", str(file), "--data-dir", str(fresh)])
        out, err = capsys.readouterr()
        assert_one_error((code, out, err), expected)
        assert not fresh.exists()


def test_given_bad_files_on_a_set_up_office_then_one_error_line_and_nothing_written(
    setup_cli: Run, data: Path, tmp_path: Path
) -> None:
    assert setup_cli("setup", "--from", str(COMMUNE_FILE))[0] == 0
    count = event_count(data)
    other_code = commune_data()
    other_code["office"]["identifier_code"] = "000.31.23.H99"
    unknown = commune_data()
    unknown["procedures"].append("9.999999")
    demoted = commune_data()
    demoted["users"][0]["role"] = "officer"

    cases = [
        *_bad_files(tmp_path),
        (write(tmp_path / "ma.json", other_code), "«counter-cli office change-code MÃ_MỚI --yes»"),
        (write(tmp_path / "thu-tuc.json", unknown), "Không có trong danh mục 1 mã thủ tục: 9.999999."),
        (write(tmp_path / "vai-tro.json", demoted), "ít nhất một người dùng vai trò quản trị"),
    ]
    for file, expected in cases:
        assert_one_error(setup_cli("setup", "--from", str(file)), expected)
    assert_one_error(setup_cli("setup", "--from", str(COMMUNE_FILE), "--as", "canbo.lan"), "Chỉ quản trị")
    assert_one_error(setup_cli("setup", "--from", ""), "Tham số «--from» không được để trống.")
    assert event_count(data) == count


def test_given_no_from_then_argparse_says_so(setup_cli: Run) -> None:
    with pytest.raises(SystemExit) as exited:
        setup_cli("setup")
    assert exited.value.code == 1


def test_given_the_help_then_setup_is_listed(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["setup", "--help"])
    out = capsys.readouterr().out
    assert "--from" in out and "--prune" in out


def test_given_users_set_up_then_their_office_is_the_new_one(setup_cli: Run, data: Path) -> None:
    setup_cli("setup", "--from", str(COMMUNE_FILE))
    db = Database.open(f"sqlite:///{data / 'counter.sqlite3'}", NODE)
    try:
        with db.read() as session:
            office_id = session.execute(select(Office.id)).scalar_one()
            assert set(session.execute(select(User.office_id)).scalars()) == {office_id}
    finally:
        db.close()
