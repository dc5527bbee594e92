"""counter-cli exchange … between an office's data folder and the province's (issue 15): the whole
round by command line, and what each mistake gets (one «Lỗi:» line, exit 1, nothing written)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from exchange_support import moment, open_office, receive_day

from counter_app.cli import main
from counter_app.db.database import Database
from counter_app.services.actor import SYSTEM_ACTOR
from counter_app.services.exchange.office import public_key_text
from counter_app.services.exchange.province import enrol, import_events
from counter_app.services.exchange.upward import export_events

Run = Callable[..., tuple[int, str, str]]


def runner(folder: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        try:
            code = main([*args, "--data-dir", str(folder)])
        except SystemExit as exited:  # a usage mistake (argparse)
            code = int(exited.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return run


def data_folder(source: Path, folder: Path) -> Path:
    folder.mkdir(parents=True)
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(folder / "counter.sqlite3")) as dst:
        src.backup(dst)
    return folder


@pytest.fixture
def office(office_templates: dict[int, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    return runner(data_folder(office_templates[1], tmp_path / "xa1"), capsys)


@pytest.fixture
def province(sqlite_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    return runner(data_folder(sqlite_template, tmp_path / "tinh"), capsys)


def fingerprint_of(run: Run) -> str:
    code, out, err = run("exchange", "key")
    assert (code, err) == (0, "")
    return out.strip().removeprefix("Dấu vân tay khóa: ")


def test_an_office_and_the_province_by_command_line(office: Run, province: Run, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    office_fp, province_fp = fingerprint_of(office), fingerprint_of(province)

    code, out, err = office("exchange", "export", "--out", str(usb / "gui-tinh.zip"))
    assert (code, err) == (0, "") and out.startswith(f"Đã ghi {usb / 'gui-tinh.zip'} (")
    assert f"), ký bằng khóa {office_fp}.\n" in out and "xa-1-quay-1 #1–" in out  # the comma kept

    code, _out, err = province("exchange", "import", str(usb / "gui-tinh.zip"))
    assert code == 1 and err == "Lỗi: 1/1 gói không nhập được (lý do ở trên).\n"
    code, out, err = province(
        "exchange", "enrol", str(usb / "gui-tinh.zip"), "--fingerprint", office_fp.lower()
    )
    assert (code, err) == (0, "") and out == (
        f"Đã đăng ký khóa {office_fp} của Trung tâm Phục vụ hành chính công xã số 1 (000.31.23.H56).\n"
    )
    code, out, err = province("exchange", "import", str(usb / "gui-tinh.zip"), "--ack-dir", str(usb))
    assert (code, err) == (0, ""), out
    assert out.startswith("gui-tinh.zip: văn phòng 000.31.23.H56, áp dụng ")
    (ack,) = usb.glob("xacnhan-000.31.23.H56-*.zip")
    code, out, err = province("exchange", "offices")
    assert (code, err) == (0, "") and out.startswith(
        "000.31.23.H56\tTrung tâm Phục vụ hành chính công xã số 1\tdữ liệu đến "
    )
    code, out, err = province("exchange", "find", "000.31.23.H56-000000-0000")
    assert (code, err, out) == (0, "", "Không có hồ sơ nào của các văn phòng khớp.\n")
    code, out, _ = province("exchange", "import", str(usb / "gui-tinh.zip"), "--ack-dir", str(usb))
    assert code == 0 and out.startswith("gui-tinh.zip: đã nhập trước đây, không có gì mới.")

    code, out, err = office("exchange", "import", str(ack))
    assert code == 1 and "văn phòng chưa có khóa của trung tâm tỉnh" in out
    code, out, err = office("exchange", "import", str(ack), "--fingerprint", province_fp)
    assert (code, err) == (0, "") and out.startswith(
        f"{ack.name}: trung tâm tỉnh đã xác nhận xa-1-quay-1 đến số "
    )
    code, out, err = office("exchange", "export", "--out", str(usb / "lan-2.zip"))
    assert (code, err) == (0, "")
    # The office's own command-line node wrote nothing since: only chains with new events go.
    assert out == "Không có sự kiện nào trung tâm tỉnh chưa xác nhận: không ghi gói.\n"
    assert not (usb / "lan-2.zip").exists()


def test_mistakes_get_one_line_and_exit_1(office: Run, province: Run, tmp_path: Path) -> None:
    not_a_bundle = tmp_path / "ghi-chu.zip"
    not_a_bundle.write_text("không phải gói", encoding="utf-8")
    code, out, err = province("exchange", "import", str(not_a_bundle), str(tmp_path / "khong-co.zip"))
    assert code == 1 and err == "Lỗi: 2/2 gói không nhập được (lý do ở trên).\n"
    assert out.splitlines() == [
        "Lỗi: Không nhận gói ghi-chu.zip: không đọc được như một tệp zip (bị cắt hoặc hỏng).",
        f"Lỗi: Không có tệp {tmp_path / 'khong-co.zip'}.",
    ]
    code, _out, err = office("exchange", "export")
    assert code == 1 and err.startswith("Lỗi: Lệnh không hợp lệ")
    code, _out, err = office("exchange", "export", "--out", str(tmp_path / "khong-co" / "x.zip"))
    assert code == 1 and err.startswith("Lỗi: ") and err.count("\n") == 1
    code, _out, err = office("exchange", "trust", str(not_a_bundle), "--fingerprint", "1234")
    assert (code, err) == (1, f"Lỗi: Tệp {not_a_bundle} không chứa khóa công khai của counter_app.\n")
    code, _out, err = office("exchange", "export", "--out", str(tmp_path / "x.zip"), "--as", "canbo1")
    assert code == 1 and err.startswith("Lỗi: Chỉ quản trị") and not (tmp_path / "x.zip").exists()


def test_the_province_publishes_its_catalogue_and_calendar_and_the_office_applies_them(
    office: Run, province: Run, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    province_fp = fingerprint_of(province)
    code, out, err = province(
        "calendar", "off", "31/12/2030", "--province", "--note", "Nghỉ theo quyết định của UBND tỉnh"
    )
    assert (code, err) == (0, "")
    assert (
        out
        == "Đã đặt lịch chung của tỉnh: ngày 31/12/2030 (Thứ Ba) là ngày nghỉ: Nghỉ theo quyết định của UBND tỉnh.\n"
    )
    code, out, err = province(
        "calendar", "off", "31/12/2030", "--province", "--note", "Nghỉ theo quyết định của UBND tỉnh"
    )
    assert out == (
        "Lịch chung của tỉnh: ngày 31/12/2030 (Thứ Ba) đã là ngày nghỉ với ghi chú này: không có gì thay đổi.\n"
    )
    code, out, err = province("calendar", "off", "01/01/2020", "--province")
    assert (code, out) == (1, "") and err.startswith("Lỗi: Ngày 01/01/2020 đã qua")
    # The province renames one procedure of the catalogue and adds one of its own.
    renamed = "2.001955"
    catalogue = tmp_path / "danh-muc-tinh.json"
    assert province("catalog", "export", "--out", str(catalogue))[0] == 0
    content = json.loads(catalogue.read_text(encoding="utf-8"))
    record = next(p for p in content["procedures"] if p["code"] == renamed)
    record["name"] = "Đăng ký nội quy lao động (tên theo quyết định công bố của tỉnh)"
    content["procedures"] = [record, {**record, "code": "9.999001", "name": "Thủ tục thí điểm của tỉnh"}]
    catalogue.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    assert province("catalog", "import", str(catalogue))[0] == 0
    # … and words the receipt's note its own way (forms: the province's wording of the slips).
    code, out, err = province(
        "forms", "set", "receipt", "note", "Mang theo Giấy này và CCCD khi nhận kết quả."
    )
    assert (code, err) == (0, "") and out == (
        "Lời văn mẫu receipt/note: Mang theo Giấy này và CCCD khi nhận kết quả. (các văn phòng nhận ở gói tới).\n"
    )
    code, out, err = province("forms", "set", "receipt", "footer", "Hồ sơ số")
    assert (code, out) == (1, "") and err == "Lỗi: Lời văn phải giữ đúng các chỗ điền sẵn của mẫu: {code}.\n"
    code, out, err = province("forms", "list", "receipt")
    assert "* note\t'Mang theo Giấy này và CCCD khi nhận kết quả.'" in out.splitlines()
    code, out, err = province("exchange", "publish", "--out", str(usb / "danh-muc.zip"), "--as", "canbo")
    assert code == 1 and err.startswith("Lỗi: Chỉ quản trị") and not (usb / "danh-muc.zip").exists()
    code, out, err = province("exchange", "publish", "--out", str(usb / "danh-muc.zip"))
    assert (code, err) == (0, "")
    assert out.startswith(f"Đã ghi {usb / 'danh-muc.zip'} (") and "gói số 1, " in out
    assert out.endswith(" thủ tục, 1 ngày của lịch chung, 1 lời văn mẫu phiếu.\n")

    code, out, err = office("exchange", "import", str(usb / "danh-muc.zip"))
    assert code == 1 and "văn phòng chưa có khóa của trung tâm tỉnh" in out
    code, out, err = office("exchange", "import", str(usb / "danh-muc.zip"), "--fingerprint", province_fp)
    assert (code, err) == (0, ""), out
    lines = out.splitlines()
    assert (
        lines[0] == "danh-muc.zip: đã áp dụng gói số 1: 1 thủ tục mới, 1 thủ tục thay đổi, 1 ngày thay đổi, "
        "1 lời văn mẫu phiếu thay đổi."
    )
    assert lines[1:] == [
        "  + 9.999001\tThủ tục thí điểm của tỉnh",
        f"  ~ {renamed}\tĐăng ký nội quy lao động (tên theo quyết định công bố của tỉnh)",
        "  31/12/2030: theo lịch quốc gia → nghỉ (Nghỉ theo quyết định của UBND tỉnh)",
        "  lời văn mẫu receipt/note: Mang theo Giấy này và CCCD khi nhận kết quả.",
    ]
    code, out, err = office("exchange", "import", str(usb / "danh-muc.zip"))
    assert (code, out) == (0, "danh-muc.zip: gói số 1 đã áp dụng trước đây.\n")
    code, out, err = office("calendar", "list")
    assert (code, err) == (0, "")
    assert "31/12/2030\tThứ Ba\tngày nghỉ (lịch của tỉnh)\tNghỉ theo quyết định của UBND tỉnh" in out


def test_a_fork_alarm_listed_and_one_branch_kept_by_command_line(
    office_templates: dict[int, Path], province: Run, tmp_path: Path
) -> None:
    # The scene of tests/services/test_exchange_forks.py, made with the services on the province's
    # data folder: the original applied, its copy (same node) raising the alarm.
    folder = tmp_path / "tinh"
    db = Database.open(f"sqlite:///{folder / 'counter.sqlite3'}", "tinh-may-1")
    office = open_office(office_templates[1], tmp_path / "xa1", 1)
    receive_day(office, 1, 0)
    public_key_text(office, now=moment(0))
    copy = open_office(Path(str(office.url).removeprefix("sqlite:///")), tmp_path / "copy", 1)
    receive_day(office, 1, 1)
    receive_day(copy, 1, 1, n=3)
    original, branch = tmp_path / "original.zip", tmp_path / "copy.zip"
    export_events(office, SYSTEM_ACTOR, original, now=moment(1))
    export_events(copy, SYSTEM_ACTOR, branch, now=moment(1))
    enrol(db, SYSTEM_ACTOR, original, public_key_text(office, now=moment(0))[1], now=moment(1))
    import_events(db, SYSTEM_ACTOR, original, now=moment(2))
    db.close()

    code, out, err = province("exchange", "forks")
    assert (code, out) == (0, "Không có cảnh báo rẽ nhánh nào đang mở.\n")
    code, out, err = province("exchange", "import", str(branch), "--ack-dir", str(tmp_path))
    assert code == 0 and "CẢNH BÁO RẼ NHÁNH ở sự kiện số " in out and "«counter-cli exchange forks»" in out
    code, out, err = province("exchange", "forks")
    assert (code, err) == (0, "")
    first, applied, other = out.splitlines()
    fork_id = first.split("\t")[0]
    assert first.startswith(f"{fork_id}\t000.31.23.H56\t") and "\tchuỗi xa-1-quay-1 từ số " in first
    assert "\tĐANG MỞ\t" in first
    assert applied.startswith("  --applied: nhánh đã áp dụng, ") and "2 hồ sơ tiếp nhận: " in applied
    assert other.startswith("  --other: nhánh kia, ") and "3 hồ sơ tiếp nhận: " in other

    code, out, err = province("exchange", "keep", fork_id)
    assert code == 1 and err.startswith("Lỗi: Lệnh không hợp lệ")  # which branch: required
    code, out, err = province("exchange", "keep", "zzzz", "--applied")
    assert (code, out) == (1, "") and err == "Lỗi: Mã cảnh báo rẽ nhánh «zzzz» không đúng dạng.\n"
    code, out, err = province("exchange", "keep", fork_id, "--other", "--as", "canbo")
    assert code == 1 and err.startswith("Lỗi: Chỉ quản trị")
    code, out, err = province("exchange", "keep", fork_id, "--applied")
    assert (code, err) == (0, "")
    assert out.startswith("Đã giữ nhánh đã áp dụng: ") and "được để riêng (không xóa)" in out
    code, out, err = province("exchange", "forks", "--all")
    assert "đã giữ nhánh «applied»" in out
    code, out, err = province("exchange", "keep", fork_id, "--other")
    assert code == 1 and err.startswith("Lỗi: Cảnh báo rẽ nhánh này đã được xử lý")


@pytest.mark.expect_log("database restored from")
def test_an_office_restored_by_command_line_gets_its_lost_dossiers_back(
    office: Run, province: Run, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    assert office("exchange", "export", "--out", str(usb / "ngay0.zip"))[0] == 0
    assert (
        province("exchange", "enrol", str(usb / "ngay0.zip"), "--fingerprint", fingerprint_of(office))[0] == 0
    )
    code, out, err = office("backup")
    assert (code, err) == (0, ""), out
    # Day 1 is received and reaches the province (services on the office's own file) …
    folder = tmp_path / "xa1"
    db = Database.open(f"sqlite:///{folder / 'counter.sqlite3'}", "xa-1-quay-1")
    lost = set(receive_day(db, 1, 1, n=2))
    db.close()
    assert office("exchange", "export", "--out", str(usb / "ngay1.zip"))[0] == 0
    assert province("exchange", "import", str(usb / "ngay1.zip"), "--ack-dir", str(usb))[0] == 0
    # … then the office goes back to its backup of day 0.
    (backup,) = (folder / "backups").glob("counter-*.sqlite3")
    code, out, err = office("restore", str(backup), "--yes")
    assert (code, err) == (0, ""), out
    code, out, err = office("exchange", "returned")
    assert (code, out) == (0, "Không có hồ sơ nào bị mất khi khôi phục được trung tâm tỉnh gửi lại.\n")

    assert office("exchange", "export", "--out", str(usb / "sau.zip"))[0] == 0
    (usb / "ack").mkdir()
    code, out, err = province("exchange", "import", str(usb / "sau.zip"), "--ack-dir", str(usb / "ack"))
    assert code == 0 and "CẢNH BÁO" not in out, out
    (ack,) = (usb / "ack").glob("xacnhan-*.zip")
    code, out, err = office("exchange", "import", str(ack), "--fingerprint", fingerprint_of(province))
    assert (code, err) == (0, ""), out
    assert (
        "sự kiện chuỗi xa-1-quay-1 (số " in out and "bị mất khi khôi phục từ bản sao lưu cũ; 2 hồ sơ" in out
    )
    code, out, err = office("exchange", "returned")
    assert code == 0 and {line.split("\t")[0] for line in out.splitlines()} == lost


def test_after_a_restore_by_hand_the_admin_starts_the_epochs(office: Run, tmp_path: Path) -> None:
    code, out, err = office("exchange", "epoch", "--as", "canbo1")
    assert code == 1 and err.startswith("Lỗi: Chỉ quản trị")
    code, out, err = office("exchange", "epoch")
    assert (code, err) == (0, "")
    assert out.startswith("Đã bắt đầu kỷ nguyên mới cho ") and "tỉnh sẽ gửi lại các sự kiện bị mất" in out
    db = Database.open(f"sqlite:///{tmp_path / 'xa1' / 'counter.sqlite3'}", "xa-1-quay-1")
    try:
        assert db.node_id != "xa-1-quay-1"  # the template's own workstation writes a new chain now
    finally:
        db.close()
