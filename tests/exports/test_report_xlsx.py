"""XLSX read back with openpyxl: the report's numbers as numeric cells (the hand-computed ones of
report_fixture.py's history), merged grouped header, frozen header, widths (SQLite and PostgreSQL)."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from report_samples import CIVIL, DAYS, LABOUR, TOTAL, TZ_NAME, WEDNESDAY_NOON, build_reports, lists

from counter_app.db.database import Database
from counter_app.exports import report_formats
from counter_app.exports.period_tables import PERIOD_TITLE, period_table

OFFICE = "Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa"


def sheets(data: bytes) -> dict[str, Worksheet]:
    wb = load_workbook(io.BytesIO(data))
    return {ws.title: ws for ws in wb.worksheets}


def values(ws: Worksheet, first_row: int) -> list[list[object]]:
    """The rows from ``first_row`` down to the first empty one."""
    out = []
    for row in ws.iter_rows(min_row=first_row, values_only=True):
        if all(v is None for v in row):
            break
        out.append(list(row))
    return out


def test_period_xlsx_numbers_are_numeric_cells_with_the_hand_computed_values(db: Database) -> None:
    r = build_reports(db)
    ws = sheets(report_formats.period_xlsx(r.period, r.days, office=OFFICE))
    report, daily = ws["Báo cáo"], ws["Theo ngày"]
    assert [report["A1"].value, report["A2"].value, report["A3"].value] == [
        OFFICE,
        PERIOD_TITLE,
        "Kỳ báo cáo: từ ngày 01/12/2026 đến ngày 11/12/2026",
    ]
    assert report["A2"].font.bold
    # Header rows 5–7 (three levels) and the column numbers on row 8; data from row 9, frozen with
    # the STT and field columns.
    assert report.freeze_panes == "C9" and report.print_title_rows == "$5:$8"
    assert [report.cell(8, c).value for c in (1, 2, 21)] == ["(1)", "(2)", "(21)"]
    merged = {str(m) for m in report.merged_cells.ranges}
    table = period_table(r.period)
    expected = set()
    for h in table.header_cells():
        if h.rowspan > 1 or h.colspan > 1:
            top, left = 5 + h.row, 1 + h.col
            cell = report.cell(top, left)
            end = report.cell(top + h.rowspan - 1, left + h.colspan - 1)
            expected.add(f"{cell.coordinate}:{end.coordinate}")
            assert cell.value == h.text
    assert merged == expected  # merged as the PDF spans
    assert {"C5:G5", "E6:G6", "H5:L5", "K6:L6", "M5:O5", "A5:A7", "T5:T7"} <= merged
    assert (report["C5"].value, report["E6"].value, report["K6"].value, report["L7"].value) == (
        "Số hồ sơ nhận giải quyết",
        "Mới tiếp nhận trong kỳ",
        "Quá hạn",
        "Có văn bản xin lỗi",
    )
    rows = values(report, 9)
    assert len(rows) == 3
    for row, (label, counts, rate, days), seq in zip(rows, (LABOUR, CIVIL, TOTAL), (1, 2, None), strict=True):
        assert row[0] == seq and row[1] == label
        assert row[2:19] == list(counts)
        assert row[19] == pytest.approx(rate) and row[20] == pytest.approx(days)
    for c in range(1, 22):
        cell = report.cell(9, c)
        if c >= 3:
            assert cell.data_type == "n" and isinstance(cell.value, int | float), cell.coordinate
    assert report["T9"].number_format == "0.0%" and report["U9"].number_format == "0.00"
    assert report["C9"].number_format == "#,##0" and report["A9"].number_format == "0"
    assert report["B11"].font.bold  # the total row
    assert report.column_dimensions["B"].width >= len("Lao động, tiền lương")
    assert report.page_setup.orientation == "landscape"
    by_day = {row[0].day: (row[1], row[2]) for row in values(daily, 6)[:-1]}
    assert len(by_day) == 11 and {d: v for d, v in by_day.items() if v != (0, 0)} == DAYS
    assert values(daily, 6)[-1] == ["Tổng cộng", 7, 3]
    assert daily["A6"].is_date and daily["A6"].number_format == "dd/mm/yyyy"


def test_day_xlsx_has_one_sheet_per_section(db: Database) -> None:
    r = build_reports(db)
    c = r.history.codes
    ws = sheets(report_formats.day_xlsx(r.day, TZ_NAME, office=OFFICE))
    assert list(ws) == [
        "Tổng hợp",
        "Theo lĩnh vực",
        "Quá hạn",
        "Đến hạn",
        "Hồ sơ hủy",
        "Theo cán bộ",
        "Mức độ hài lòng",
    ]
    summary = {(g, name): n for g, name, n in values(ws["Tổng hợp"], 6)}
    assert summary[("Tiếp nhận", "Tổng số hồ sơ tiếp nhận")] == 1
    assert [summary[("Tiếp nhận theo kênh", k)] for k in ("Trực tiếp", "Trực tuyến", "Bưu chính")] == [
        0,
        0,
        1,
    ]
    assert summary[("Hoạt động trong ngày", "Lượt hướng dẫn")] == 2
    assert summary[("Phiếu đã phát hành", "Phiếu từ chối tiếp nhận hồ sơ (mẫu 03)")] == 1
    assert summary[("Theo dõi thời hạn", "Hồ sơ quá hạn (tính đến 24 giờ 00 ngày 03/12/2026)")] == 1
    assert summary[("Mức độ hài lòng", "Rất hài lòng")] == 1
    overdue = values(ws["Quá hạn"], 6)
    assert [row[:3] for row in overdue] == [[1, c["D1"], "Nguyễn Thị Ánh Hồng"]]
    assert overdue[0][8] == datetime(2026, 12, 3, 9, 0)  # office-local, as Excel shows it
    assert overdue[0][10] == pytest.approx(0.8) and ws["Quá hạn"]["K6"].number_format == "0.00"
    assert values(ws["Hồ sơ hủy"], 5)[0][5] == "Nhập nhầm thủ tục"
    assert values(ws["Theo cán bộ"], 5) == [
        [1, "Nguyễn Thị Lan", "canbo", 0, 1, 1],
        [2, "Trần Văn Hùng", "canbo2", 1, 0, 1],
        [None, "Tổng cộng", None, 1, 1, 2],
    ]
    levels = values(ws["Mức độ hài lòng"], 5)
    assert levels[0] == ["Rất hài lòng", 1, 1] and ws["Mức độ hài lòng"]["C5"].number_format == "0.0%"


def test_overdue_and_satisfaction_xlsx(db: Database) -> None:
    r = build_reports(db)
    c = r.history.codes
    late, soon = lists(db, r.history)
    ws = sheets(report_formats.overdue_xlsx(late, soon, WEDNESDAY_NOON, TZ_NAME, office=OFFICE))
    assert list(ws) == ["Quá hạn", "Sắp đến hạn"]
    assert ws["Quá hạn"]["A3"].value == "Tính đến 12 giờ 00 ngày 09/12/2026"
    assert [(row[1], row[10]) for row in values(ws["Quá hạn"], 6)] == [(c["D1"], 4.33), (c["D15"], 2.33)]
    assert [row[1] for row in values(ws["Sắp đến hạn"], 6)] == [c["D3"], c["D5"]]
    assert ws["Quá hạn"].freeze_panes == "C6"
    s = sheets(report_formats.satisfaction_xlsx(r.satisfaction, office=OFFICE))
    assert list(s) == ["Theo thủ tục", "Mức độ hài lòng", "Lý do", "Theo cán bộ"]
    assert s["Theo thủ tục"]["D5"].value == "Số lượt đánh giá theo mức độ" and "D5:H5" in {
        str(m) for m in s["Theo thủ tục"].merged_cells.ranges
    }
    procedure = values(s["Theo thủ tục"], 7)
    assert procedure[0][:3] == [1, "2.001955", "Đăng ký nội quy lao động của doanh nghiệp"]
    assert procedure[0][3:] == [1, 0, 1, 0, 0, 1, 2, 0.5]
    assert procedure[1][3:] == [1, 0, 1, 0, 0, 1, 2, 0.5] and procedure[1][1] == "Tổng cộng"
    assert values(s["Lý do"], 6) == [["Thái độ", 1], ["Thời gian", 1]]
    assert [row[1:] for row in values(s["Theo cán bộ"], 7)][:2] == [
        ["Nguyễn Thị Lan", "canbo", 1, 0, 0, 0, 0, 1, 1, 1],
        ["Trần Văn Hùng", "canbo2", 0, 0, 1, 0, 0, 0, 1, 0],
    ]
