"""The register book (mẫu 07) as a table, CSV and XLSX: entries the PDF draws in narrow cells, one
spreadsheet line each; no appointment reads "Không hẹn"; an empty range says so; the phone masked in
the spreadsheet, whole in the printed book."""

from __future__ import annotations

import io
from datetime import date, datetime

from openpyxl import load_workbook
from pypdf import PdfReader
from testdata import TZ

from counter_app.documents.register import render_register
from counter_app.documents.slip_data import OfficeInfo, RegisterData, RegisterRow
from counter_app.exports import report_formats
from counter_app.exports.register_tables import register_table

OFFICE = OfficeInfo("UBND TỈNH THANH HÓA", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "Thanh Hóa")


def _row(**changes: object) -> RegisterRow:
    values: dict[str, object] = {
        "book": 2026,
        "seq": 12,
        "dossier_code": "000.00.31.H56-261201-0001",
        "procedure_name": "Thủ tục đăng ký kết hôn",
        "applicant_name": "Lê Thị Cúc",
        "address_phone": "Số 2 Lê Lợi; 0912345678",
        "unit_name": "UBND xã",
        "received_at": datetime(2026, 12, 1, 8, 15, tzinfo=TZ),
        "appointment_at": None,
        "returned_at": datetime(2026, 12, 2, 9, 0, tzinfo=TZ),
        "return_method": "Bưu chính\nEA123456789VN",
        **changes,
    }
    return RegisterRow(**values)  # type: ignore[arg-type]


def _data(*rows: RegisterRow) -> RegisterData:
    return RegisterData(OFFICE, date(2026, 12, 1), date(2026, 12, 3), rows, datetime(2026, 12, 4, tzinfo=TZ))


def test_an_entry_is_one_line_and_no_appointment_reads_khong_hen() -> None:
    table = register_table(_data(_row()))
    assert table.subtitle == "Từ ngày 01/12/2026 đến ngày 03/12/2026"
    assert table.rows[0][:3] == (2026, 12, "000.00.31.H56-261201-0001")
    assert table.rows[0][8:] == (
        "Không hẹn",
        datetime(2026, 12, 2, 9, 0, tzinfo=TZ),
        "Bưu chính EA123456789VN",
        "",
    )
    line = report_formats.register_csv(_data(_row(note="Đã hủy"))).decode("utf-8-sig").splitlines()[1]
    assert line.endswith(",2026-12-01 08:15,Không hẹn,2026-12-02 09:00,Bưu chính EA123456789VN,Đã hủy")


def test_an_empty_range_writes_the_header_and_says_so() -> None:
    assert report_formats.register_csv(_data()).decode("utf-8-sig").count("\r\n") == 1  # the header only
    sheet = load_workbook(io.BytesIO(report_formats.register_xlsx(_data(), office="Trung tâm"))).active
    texts = [row[0] for row in sheet.iter_rows(values_only=True) if row[0]]
    assert texts == [
        "Trung tâm",
        "SỔ THEO DÕI HỒ SƠ",
        "Từ ngày 01/12/2026 đến ngày 03/12/2026",
        "Quyển số",
        "(Không có hồ sơ nào được tiếp nhận trong thời gian này)",
        "Tổng số: 0 hồ sơ.",
    ]


def test_the_phone_is_masked_in_the_csv_and_xlsx_and_whole_in_the_printed_book() -> None:
    rows = (
        _row(),  # "Số 2 Lê Lợi; 0912345678"
        _row(seq=13, address_phone="0987654321"),  # a phone and no address
        _row(seq=14, address_phone="Số 5 Lê Lợi"),  # an address and no phone
        _row(seq=15, address_phone="Thôn 3; xóm 12"),  # a "; " inside the address: no number after it
        _row(seq=16, address_phone="Số 7; Lô B; 0243 852 1234"),  # a landline as typed, after two "; "
    )
    data = _data(*rows)
    assert [row[5] for row in register_table(data).rows] == [
        "Số 2 Lê Lợi; 0912****78",
        "0987****21",
        "Số 5 Lê Lợi",
        "Thôn 3; xóm 12",
        "Số 7; Lô B; 0243*****34",
    ]
    csv_text = report_formats.register_csv(data).decode("utf-8-sig")
    sheet = load_workbook(io.BytesIO(report_formats.register_xlsx(data))).active
    cells = "\n".join(str(v) for row in sheet.iter_rows(values_only=True) for v in row if v is not None)
    for text in (csv_text, cells):
        assert "Số 2 Lê Lợi; 0912****78" in text and "0987****21" in text and "Thôn 3; xóm 12" in text
        assert not any(n in text for n in ("0912345678", "0987654321", "0243 852 1234", "02438521234"))
    # The book printed on form 07 is the office's official record: the phone whole.
    pdf = " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(render_register(data))).pages
    )
    assert "Số 2 Lê Lợi; 0912345678" in pdf and "0987654321" in pdf and "*" not in pdf
