"""counter-cli report …: each report written as PDF, XLSX or CSV (the format is the extension) with the
hand-computed numbers of report_fixture.py's history; each mistake gives one «Lỗi:» line, exit 1 and
no file. On SQLite and PostgreSQL: the CLI opens the ``db`` fixture's database (COUNTER_APP_DATABASE_URL).
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

TESTS = Path(__file__).resolve().parents[1]
for _folder in (TESTS / "services" / "reports", TESTS / "documents" / "reports"):
    if str(_folder) not in sys.path:  # report_fixture.py and report_samples.py, imported by name
        sys.path.insert(0, str(_folder))

from report_fixture import PEOPLE, build  # noqa: E402
from report_samples import PDF_LINES  # noqa: E402

from counter_app.cli import main  # noqa: E402
from counter_app.db.database import Database  # noqa: E402

Run = Callable[..., tuple[int, str, str]]
OFFICE = "000.00.31.H56"


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def cli(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Run:
    monkeypatch.setenv("COUNTER_APP_DATABASE_URL", db_url)
    monkeypatch.delenv("COUNTER_APP_DATA_DIR", raising=False)

    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        try:
            code = main(["report", *args, "--data-dir", str(tmp_path / "data")])
        except SystemExit as exc:  # a usage mistake, reported by argparse
            code = int(exc.code or 0)
        stdout, stderr = capsys.readouterr()
        return code, stdout, stderr

    return run


def pdf_text(path: Path) -> str:
    return " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(path.read_bytes())).pages
    )


def csv_rows(path: Path) -> list[str]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    return data.decode("utf-8-sig").splitlines()


def all_text(path: Path) -> str:
    """Every cell (XLSX), line (CSV) or word (PDF) of a report file, as one text."""
    if path.suffix == ".pdf":
        return pdf_text(path)
    if path.suffix == ".csv":
        return "\n".join(csv_rows(path))
    book = load_workbook(path)
    return "\n".join(str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row)


def test_each_report_command_writes_its_file(cli: Run, db: Database, out: Path) -> None:
    h = build(db)
    c = h.codes
    period = ["period", "--from", "2026-12-01", "--to", "11/12/2026"]
    files = {
        "period.pdf": [*period, "--as", "lanhdao"],
        "period.xlsx": period,
        "period.csv": [*period, "--office", OFFICE],
        "unit.csv": [*period, "--by", "unit"],
        "day.pdf": ["day", "--date", "2026-12-03", "--office", OFFICE],
        "day.xlsx": ["day", "--date", "2026-12-03"],
        "day.csv": ["day", "--date", "2026-12-03"],
        "counter.pdf": ["day", "--date", "2026-12-03", "--officer", "canbo2"],
        "register.pdf": ["register", "--from", "2026-12-01", "--to", "2026-12-03"],
        "register.xlsx": ["register", "--from", "2026-12-01", "--to", "2026-12-03", "--as", "lanhdao"],
        "register.csv": ["register", "--from", "2026-12-01", "--to", "2026-12-03"],
        "overdue.pdf": ["overdue", "--at", "2026-12-09T12:00", "--due-soon", "3"],
        "overdue.xlsx": ["overdue", "--at", "2026-12-09T12:00"],
        "overdue.csv": ["overdue", "--at", "2026-12-09T12:00+07:00", "--office", OFFICE],
        "satisfaction.pdf": ["satisfaction", "--from", "2026-12-01", "--to", "2026-12-11"],
        "satisfaction.xlsx": ["satisfaction", "--from", "2026-12-01", "--to", "2026-12-11"],
        "satisfaction.csv": ["satisfaction", "--from", "2026-12-01", "--to", "2026-12-11"],
    }
    for name, args in files.items():
        code, stdout, stderr = cli(*args, "--out", str(out / name))
        assert (code, stdout, stderr) == (0, f"Đã ghi báo cáo {out / name}\n", ""), name
    assert sorted(p.name for p in out.iterdir()) == sorted(files)  # no temporary file left

    text = pdf_text(out / "period.pdf")
    assert (
        all(line in text for line in PDF_LINES) and "NGƯỜI LẬP BIỂU (Ký, ghi rõ họ tên) Lê Văn Minh" in text
    )
    assert "BIỂU ĐỒ" in text and "theo ngày" in text
    wb = load_workbook(out / "period.xlsx")
    assert wb.sheetnames == ["Báo cáo", "Theo ngày"]
    total = [cell.value for cell in wb["Báo cáo"][11]]
    assert total[1:19] == ["Tổng cộng", 12, 5, 7, 1, 6, 3, 1, 1, 1, 1, 6, 4, 2, 2, 1, 1, 1]
    assert csv_rows(out / "period.csv")[3] == ",Tổng cộng,12,5,7,1,6,3,1,1,1,1,6,4,2,2,1,1,1,66.67,6.22"
    unit = csv_rows(out / "unit.csv")
    assert any(row.startswith("1,Sở Nội vụ,1,1,0,") for row in unit) and unit[-1].startswith(
        ",Tổng cộng,12,5,7,"
    )

    day = pdf_text(out / "day.pdf")
    assert "Thứ Năm, ngày 03/12/2026" in day and "Tổng số hồ sơ tiếp nhận: 1" in day
    assert f"1 {c['D6']} 03/12/2026 14:10 lanhdao Đang giải quyết Nhập nhầm thủ tục" in day
    assert load_workbook(out / "day.xlsx").sheetnames[0] == "Tổng hợp"
    assert "Tiếp nhận theo kênh,Bưu chính,1" in csv_rows(out / "day.csv")
    counter = pdf_text(out / "counter.pdf")
    assert "Quầy của cán bộ: Trần Văn Hùng (canbo2)" in counter and "Tổng số hồ sơ tiếp nhận: 1" in counter
    assert "Lượt hướng dẫn 1" in counter  # canbo2's guidance only

    register = pdf_text(out / "register.pdf")
    assert "SỔ THEO DÕI HỒ SƠ Từ ngày 01/12/2026 đến ngày 03/12/2026" in register
    # The register book, as «print register» and the receipts number it: TT runs on from November's six
    # entries (D1, D0, D13, D2, D15, D11); D8, refused, was never received, so it is not in the book.
    assert [f"{n} {c[k]}" in register for n, k in ((7, "D3"), (8, "D4"), (9, "D5"), (10, "D6"))] == [True] * 4
    assert c["D8"] not in register and "Tổng số: 4 hồ sơ." in register
    # The same book as a spreadsheet: one line per entry, the book and TT as numbers, office-local times.
    book = load_workbook(out / "register.xlsx")
    assert book.sheetnames == ["Sổ theo dõi hồ sơ"]
    sheet = book.active
    assert [sheet["A2"].value, sheet["A3"].value] == [
        "SỔ THEO DÕI HỒ SƠ",
        "Từ ngày 01/12/2026 đến ngày 03/12/2026",
    ]
    assert [cell.value for cell in sheet[5]][:3] == ["Quyển số", "TT", "Mã hồ sơ"]
    entries = [row for row in sheet.iter_rows(min_row=6, max_row=9, values_only=True)]
    assert [(e[0], e[1], e[2], e[4]) for e in entries] == [
        (2026, n, c[k], PEOPLE[k]) for n, k in ((7, "D3"), (8, "D4"), (9, "D5"), (10, "D6"))
    ]
    assert entries[1][7:11] == (
        datetime(2026, 12, 2, 9),
        datetime(2026, 12, 11, 9),
        datetime(2026, 12, 3, 16, 30),
        "Tại quầy",
    )
    assert entries[2][6] == "Sở Tư pháp" and entries[3][11] == "Đã hủy"  # D5 transferred, D6 cancelled
    assert sheet["H6"].number_format == "dd/mm/yyyy hh:mm" and sheet["A11"].value == "Tổng số: 4 hồ sơ."
    lines = csv_rows(out / "register.csv")
    assert len(lines) == 5 and lines[0].startswith("Quyển số,TT,Mã hồ sơ,Tên thủ tục hành chính,")
    assert [line.split(",")[:3] for line in lines[1:]] == [
        ["2026", str(n), c[k]] for n, k in ((7, "D3"), (8, "D4"), (9, "D5"), (10, "D6"))
    ]
    assert lines[2] == (
        f"2026,8,{c['D4']},Đăng ký nội quy lao động của doanh nghiệp,Hoàng Minh Dũng,Số 2 Lê Lợi; 0912****78,,"
        "2026-12-02 09:00,2026-12-11 09:00,2026-12-03 16:30,Tại quầy,"
    )
    assert lines[4].endswith(",2026-12-03 13:45,2026-12-14 13:45,,,Đã hủy")

    overdue = pdf_text(out / "overdue.pdf")
    assert "Tính đến 12 giờ 00 ngày 09/12/2026 Số hồ sơ quá hạn: 2." in overdue
    assert "DANH SÁCH HỒ SƠ SẮP ĐẾN HẠN (trong 3 ngày làm việc tới): 2 hồ sơ" in overdue
    late = load_workbook(out / "overdue.xlsx")
    assert late.sheetnames == ["Quá hạn", "Sắp đến hạn"] and late["Quá hạn"]["K6"].value == 4.33
    assert [row.split(",")[1] for row in csv_rows(out / "overdue.csv")[1:]] == [c["D1"], c["D15"]]

    assert "Số lượt trả kết quả: 3; có đánh giá: 2; không đánh giá: 1;" in pdf_text(out / "satisfaction.pdf")
    assert load_workbook(out / "satisfaction.xlsx")["Lý do"]["B6"].value == 1
    assert csv_rows(out / "satisfaction.csv")[-1] == ",Tổng cộng,,1,0,1,0,0,1,2,50"

    # Every applicant of the history has the phone 0912 345 678. The register book printed on form 07
    # (the office's official record) shows it whole; every list and every list export masks it.
    assert "Số 2 Lê Lợi; 0912345678" in register and "0912****78" not in register
    for name in ("register.xlsx", "register.csv", "overdue.pdf", "overdue.xlsx", "overdue.csv", "day.xlsx"):
        text = all_text(out / name)
        assert "0912****78" in text and "0912345678" not in text, name


BAD = {
    "reversed range": (
        ["period", "--from", "2026-12-11", "--to", "2026-12-01"],
        "Khoảng thời gian không hợp lệ: ngày bắt đầu 11/12/2026 sau ngày kết thúc 01/12/2026.",
    ),
    "invalid date": (["period", "--from", "2026-13-01", "--to", "2026-12-01"], "Ngày bắt đầu «2026-13-01»"),
    "invalid day": (["day", "--date", "31/02/2026"], "Ngày báo cáo «31/02/2026» không hợp lệ"),
    "reversed register": (["register", "--from", "2026-12-03", "--to", "2026-12-01"], "không hợp lệ"),
    "reversed satisfaction": (["satisfaction", "--from", "2026-12-03", "--to", "2026-12-01"], "không hợp lệ"),
    "unknown office": (["day", "--office", "000.00.99.H99"], "Không có đơn vị tiếp nhận mã «000.00.99.H99»."),
    "unknown officer": (["day", "--officer", "nobody"], "Không có người dùng «nobody»."),
    "officer as actor": (["overdue", "--as", "canbo"], "Chỉ lãnh đạo mới được xem báo cáo."),
    "invalid instant": (["overdue", "--at", "2026-12-09T25:00"], "Thời điểm «2026-12-09T25:00» không hợp lệ"),
    "due soon too far": (["overdue", "--due-soon", "99"], "Số ngày làm việc sắp đến hạn phải từ 0 đến 60."),
    "bad --by": (
        ["period", "--from", "2026-12-01", "--to", "2026-12-11", "--by", "officer"],
        "Lệnh không hợp lệ",
    ),
}


@pytest.mark.parametrize("name", list(BAD))
def test_a_mistake_gives_one_error_line_exit_1_and_no_file(name: str, cli: Run, out: Path) -> None:
    args, message = BAD[name]
    for suffix in (".pdf", ".xlsx", ".csv"):
        target = out / f"report{suffix}"
        code, stdout, stderr = cli(*args, "--out", str(target))
        assert (code, stdout) == (1, ""), (name, suffix)
        assert stderr.startswith("Lỗi: ") and stderr.count("\n") == 1 and message in stderr, stderr
        assert list(out.iterdir()) == [], (name, suffix)


def test_bad_output_files(cli: Run, out: Path) -> None:
    period = ["period", "--from", "2026-12-01", "--to", "2026-12-11"]
    cases = {
        str(out / "report.txt"): "phần mở rộng phải là .pdf, .xlsx hoặc .csv.",
        str(out / "report"): "phần mở rộng phải là .pdf, .xlsx hoặc .csv.",
        str(out / "missing" / "report.pdf"): "không tồn tại",
        str(out): "đó là một thư mục",
    }
    for target, message in cases.items():
        code, stdout, stderr = cli(*period, "--out", target)
        assert (code, stdout) == (1, "") and stderr.startswith("Lỗi: ") and stderr.count("\n") == 1, target
        assert message in stderr, stderr
    code, _, stderr = cli(
        "register", "--from", "2026-12-01", "--to", "2026-12-03", "--out", str(out / "r.txt")
    )
    assert code == 1 and stderr == (
        f"Lỗi: Không ghi được tệp {out / 'r.txt'}: phần mở rộng phải là .pdf, .xlsx hoặc .csv.\n"
    )
    code, _, stderr = cli("day", "--out")
    assert code == 1 and stderr.startswith("Lỗi: Lệnh không hợp lệ")
    assert list(out.iterdir()) == []
