"""CSV files: UTF-8 with a BOM, one flattened header row, plain numbers — the hand-computed numbers of
report_fixture.py's history (SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
import io

import pytest
from report_samples import CIVIL, LABOUR, TOTAL, TZ_NAME, WEDNESDAY_NOON, build_reports, lists

from counter_app.db.database import Database
from counter_app.exports import report_formats
from counter_app.exports.csvfile import plain
from counter_app.exports.tables import Column


def read(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM: Excel then reads UTF-8
    assert b"\r\n" in data
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def number(text: str) -> float:
    return float(text)


def test_period_csv(db: Database) -> None:
    r = build_reports(db)
    header, *rows = read(report_formats.period_csv(r.period))
    assert header[:5] == [
        "STT",
        "Lĩnh vực giải quyết",
        "Số hồ sơ nhận giải quyết - Tổng số",
        "Số hồ sơ nhận giải quyết - Từ kỳ trước chuyển sang",
        "Số hồ sơ nhận giải quyết - Mới tiếp nhận trong kỳ - Tổng số",
    ]
    assert header[11] == "Số hồ sơ đã giải quyết - Quá hạn - Có văn bản xin lỗi"
    assert header[-2:] == ["Tỷ lệ giải quyết đúng hạn (%)", "Thời gian giải quyết trung bình (ngày làm việc)"]
    assert len(rows) == 3
    for row, (label, counts, rate, days), seq in zip(
        rows, (LABOUR, CIVIL, TOTAL), ("1", "2", ""), strict=True
    ):
        assert row[:2] == [seq, label]
        assert [int(v) for v in row[2:19]] == list(counts)
        assert number(row[19]) == pytest.approx(rate * 100, abs=0.005)  # a percentage, 2 decimals
        assert number(row[20]) == pytest.approx(days, abs=0.005)
    assert rows[2][19:] == ["66.67", "6.22"] and rows[0][19:] == ["50", "4.9"]
    # From the dataclass, cell by cell.
    for row, data in zip(rows, (*r.period.rows, r.period.total), strict=True):
        assert [int(v) for v in row[2:19]] == [
            data.to_process,
            data.carried_over,
            data.received,
            data.received_online,
            data.received_direct_postal,
            data.resolved,
            data.resolved_early,
            data.resolved_on_time,
            data.resolved_late,
            data.resolved_late_with_apology,
            data.in_progress,
            data.in_progress_within_term,
            data.in_progress_overdue,
            data.withdrawn,
            data.stopped,
            data.refused,
            data.cancelled,
        ]


def test_day_overdue_and_satisfaction_csv(db: Database) -> None:
    r = build_reports(db)
    c = r.history.codes
    header, *rows = read(report_formats.day_csv(r.day, TZ_NAME))
    assert header == ["Nhóm", "Chỉ tiêu", "Số lượng"]
    counts = {(g, name): int(n) for g, name, n in rows}
    assert counts[("Tiếp nhận", "Tổng số hồ sơ tiếp nhận")] == r.day.received == 1
    assert counts[("Tiếp nhận theo kênh", "Bưu chính")] == 1
    assert counts[("Tiếp nhận theo lĩnh vực", "Hộ tịch")] == 1
    assert counts[("Phiếu đã phát hành", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (mẫu 02)")] == 2
    assert counts[("Hoạt động trong ngày", "Lượt chuyển hồ sơ đến đơn vị giải quyết")] == 1
    assert counts[("Hoạt động trong ngày", "Hồ sơ bị hủy")] == 1
    assert counts[("Theo dõi thời hạn", "Hồ sơ đến hạn ngày làm việc tiếp theo (04/12/2026)")] == 1
    assert counts[("Mức độ hài lòng", "Không đánh giá")] == 0
    late, _ = lists(db, r.history)
    header, *rows = read(report_formats.overdue_csv(late, WEDNESDAY_NOON, TZ_NAME))
    assert header[:3] == ["STT", "Mã hồ sơ", "Người nộp hồ sơ"] and header[10] == "Quá hạn (ngày làm việc)"
    assert [row[:2] + row[7:11] for row in rows] == [
        ["1", c["D1"], "2026-11-23 09:00", "2026-12-03 09:00", "2026-12-03 09:00", "4.33"],
        ["2", c["D15"], "2026-11-26 09:00", "2026-12-07 09:00", "2026-12-07 09:00", "2.33"],
    ]
    header, *rows = read(report_formats.satisfaction_csv(r.satisfaction))
    assert header[3] == "Số lượt đánh giá theo mức độ - Rất hài lòng" and header[-1] == "Tỷ lệ hài lòng (%)"
    assert rows == [
        [
            "1",
            "2.001955",
            "Đăng ký nội quy lao động của doanh nghiệp",
            "1",
            "0",
            "1",
            "0",
            "0",
            "1",
            "2",
            "50",
        ],
        ["", "Tổng cộng", "", "1", "0", "1", "0", "0", "1", "2", "50"],
    ]


def test_plain_values() -> None:
    count, share, days, text = (Column(("x",), k) for k in ("int", "percent", "decimal", "text"))
    assert [plain(1234, count), plain(None, count), plain(2 / 3, share), plain(1.0, share)] == [
        "1234",
        "",
        "66.67",
        "100",
    ]
    assert [plain(4.9, days), plain(0.0, days), plain(-0.001, days)] == ["4.9", "0", "0"]
    # Text a spreadsheet would run as a formula is defused; a phone number is not.
    assert [plain(t, text) for t in ("=SUM(A1)", "@x", "-abc", "+84 912", "-5", "Hộ tịch")] == [
        "'=SUM(A1)",
        "'@x",
        "'-abc",
        "+84 912",
        "-5",
        "Hộ tịch",
    ]
