"""counter-cli exchange report period|day at the province (issue 15): files whose figures are the
offices' own, and what each mistake gets (one «Lỗi:» line, exit 1, no file)."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from exchange_support import work_the_day
from openpyxl import load_workbook
from pypdf import PdfReader
from test_exchange_cli import Run, data_folder, fingerprint_of, runner

from counter_app.db.database import Database
from counter_app.services.actor import SYSTEM_ACTOR
from counter_app.services.exchange.province_view import as_of_data
from counter_app.services.exchange.province_view import offices as office_states
from counter_app.services.reports.period import period_report

MONDAY = date(2026, 11, 23)


@pytest.fixture
def office_folder(office_templates: dict[int, Path], tmp_path: Path) -> Path:
    return data_folder(office_templates[1], tmp_path / "xa1")


@pytest.fixture
def province_folder(sqlite_template: Path, tmp_path: Path) -> Path:
    return data_folder(sqlite_template, tmp_path / "tinh")


def csv_lines(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))


def pdf_text(path: Path) -> str:
    return " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(path.read_bytes())).pages
    )


def test_the_provinces_reports_by_command_line(
    office_folder: Path, province_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    office, province = runner(office_folder, capsys), runner(province_folder, capsys)
    db = Database.open(f"sqlite:///{office_folder / 'counter.sqlite3'}", "xa-1-quay-1")
    for day in range(3):
        work_the_day(db, 1, day)
    db.close()
    usb = tmp_path / "usb"
    usb.mkdir()
    assert office("exchange", "export", "--out", str(usb / "xa1.zip"))[0] == 0
    assert (
        province("exchange", "enrol", str(usb / "xa1.zip"), "--fingerprint", fingerprint_of(office))[0] == 0
    )

    # A folder for the acknowledgement that does not exist: said first, nothing imported.
    code, out, err = province("exchange", "import", str(usb / "xa1.zip"), "--ack-dir", str(usb / "khong-co"))
    assert (
        code == 1
        and out
        == f"Lỗi: Thư mục ghi gói xác nhận {usb / 'khong-co'} không tồn tại hoặc không phải thư mục: chưa nhập gì.\n"
    )
    code, out, _ = province("exchange", "offices")
    assert "dữ liệu đến chưa có\t0 sự kiện\t0 hồ sơ" in out
    assert province("exchange", "import", str(usb / "xa1.zip"), "--ack-dir", str(usb))[0] == 0

    reports = tmp_path / "baocao"
    reports.mkdir()
    for ext in ("pdf", "xlsx", "csv"):
        code, out, err = province(
            "exchange", "report", "period", "--from", "23/11/2026", "--to", "2026-12-06",
            "--out", str(reports / f"bieu06.{ext}"),
        )  # fmt: skip
        assert (code, err, out) == (0, "", f"Đã ghi báo cáo {reports / f'bieu06.{ext}'}\n")
    # The office's line is the office's own report as of its data.
    db = Database.open(f"sqlite:///{office_folder / 'counter.sqlite3'}", "xa-1-quay-1")
    province_db = Database.open(f"sqlite:///{province_folder / 'counter.sqlite3'}", "tinh")
    (state,) = office_states(province_db, SYSTEM_ACTOR)
    own = period_report(db, SYSTEM_ACTOR, MONDAY, date(2026, 12, 6), as_of=as_of_data(state.data_until)).total
    db.close()
    province_db.close()
    header, line, total = csv_lines(reports / "bieu06.csv")
    assert line[1].startswith("Trung tâm Phục vụ hành chính công xã số 1 (dữ liệu đến 25/11/2026 ")
    figures = dict(zip(header, line, strict=True))
    assert int(figures["Số hồ sơ nhận giải quyết - Mới tiếp nhận trong kỳ - Tổng số"]) == own.received == 12
    assert int(figures["Số hồ sơ đang giải quyết - Quá hạn"]) == own.in_progress_overdue
    assert int(figures["Số hồ sơ đã giải quyết - Tổng số"]) == own.resolved == 3
    assert total[1] == "Tổng cộng" and total[2:] == line[2:]
    text = pdf_text(reports / "bieu06.pdf")
    assert "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH" in text and "Theo văn phòng tiếp nhận" in text
    assert "Số liệu của 1 văn phòng" in text and "xét tại cuối kỳ hoặc tại thời điểm dữ liệu" in text
    sheet = load_workbook(reports / "bieu06.xlsx").active
    assert any("xã số 1 (dữ liệu đến 25/11/2026" in str(c.value) for row in sheet.iter_rows() for c in row)

    code, out, err = province(
        "exchange", "report", "period", "--from", "2026-11-23", "--to", "2026-11-29", "--by", "field",
        "--out", str(reports / "linhvuc.csv"),
    )  # fmt: skip
    assert code == 0, err
    rows = csv_lines(reports / "linhvuc.csv")
    assert len(rows) == 3 and rows[1][1] != "Chưa xác định lĩnh vực"  # its one field, and the total
    assert rows[1][2:] == rows[2][2:]

    for ext in ("pdf", "csv"):
        code, out, err = province(
            "exchange", "report", "day", "--date", "2026-11-24", "--out", str(reports / f"ngay.{ext}")
        )
        assert (code, err) == (0, "")
    header, line, total = csv_lines(reports / "ngay.csv")
    figures = dict(zip(header, line, strict=True))
    assert figures["Dữ liệu đến"].startswith("25/11/2026 ")
    assert (
        int(figures["Tiếp nhận - Tổng số"]) == 4
        and int(figures["Hoạt động trong ngày - Đã trả kết quả"]) == 1
    )
    assert "TỔNG HỢP TÌNH HÌNH TIẾP NHẬN, TRẢ KẾT QUẢ TRONG NGÀY CỦA CÁC VĂN PHÒNG" in pdf_text(
        reports / "ngay.pdf"
    )


@pytest.mark.parametrize(
    "args,message",
    [
        (["period", "--from", "2026-12-10", "--to", "2026-12-01", "--out", "x.pdf"],
         "Lỗi: Khoảng thời gian không hợp lệ: ngày bắt đầu 10/12/2026 sau ngày kết thúc 01/12/2026.\n"),
        (["period", "--from", "2026-13-01", "--to", "2026-12-01", "--out", "x.pdf"],
         "Lỗi: Ngày bắt đầu «2026-13-01» không hợp lệ (dạng đúng: 2026-11-23 hoặc 23/11/2026).\n"),
        (["day", "--date", "hôm qua", "--out", "x.csv"],
         "Lỗi: Ngày báo cáo «hôm qua» không hợp lệ (dạng đúng: 2026-11-23 hoặc 23/11/2026).\n"),
        (["day", "--out", "x.txt"], "Lỗi: Không ghi được tệp x.txt: phần mở rộng phải là .pdf, .xlsx hoặc .csv.\n"),
        (["day", "--out", "."], "Lỗi: Không ghi được tệp .: đó là một thư mục.\n"),
        (["day", "--out", "x.pdf", "--as", "canbo"], "Lỗi: Chỉ lãnh đạo mới được xem báo cáo.\n"),
        (["period", "--from", "2026-12-01", "--to", "2026-12-31", "--out", "x.pdf"],
         "Lỗi: Chưa có văn phòng nào đăng ký với cơ sở dữ liệu này: báo cáo của các văn phòng lập ở trung tâm tỉnh"),
    ],
)  # fmt: skip
def test_each_mistake_gets_its_reason_and_no_file(
    province_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    province: Run = runner(province_folder, capsys)
    monkeypatch.chdir(tmp_path)
    before = set(tmp_path.iterdir())
    code, out, err = province("exchange", "report", *args)
    assert code == 1 and err.startswith(message), err
    assert set(tmp_path.iterdir()) == before
