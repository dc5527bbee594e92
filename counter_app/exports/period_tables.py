"""The period report "Tình hình, kết quả giải quyết TTHC" (Biểu 06) and its days as ``Table``s."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from counter_app.exports.tables import Column, Table
from counter_app.services.reports.per_day import DayCount
from counter_app.services.reports.period import PeriodReport, PeriodRow

PERIOD_TITLE = "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"
RECEIVED = "Số hồ sơ nhận giải quyết"
NEW = "Mới tiếp nhận trong kỳ"
RESOLVED = "Số hồ sơ đã giải quyết"
LATE = "Quá hạn"
PENDING = "Số hồ sơ đang giải quyết"
ENDED = "Kết thúc không có kết quả"
OUTSIDE = "Không tính vào số nhận giải quyết"
BY_LABEL = {"field": "Lĩnh vực giải quyết", "unit": "Đơn vị giải quyết", "office": "Văn phòng tiếp nhận"}
TOTAL = "Tổng số"

# (header path, PeriodRow attribute, kind); the first two columns (STT, label) come before.
PERIOD_COLUMNS: tuple[tuple[tuple[str, ...], str, str], ...] = (
    ((RECEIVED, TOTAL), "to_process", "int"),
    ((RECEIVED, "Từ kỳ trước chuyển sang"), "carried_over", "int"),
    ((RECEIVED, NEW, TOTAL), "received", "int"),
    ((RECEIVED, NEW, "Trực tuyến"), "received_online", "int"),
    ((RECEIVED, NEW, "Trực tiếp, bưu chính"), "received_direct_postal", "int"),
    ((RESOLVED, TOTAL), "resolved", "int"),
    ((RESOLVED, "Trước hạn"), "resolved_early", "int"),
    ((RESOLVED, "Đúng hạn"), "resolved_on_time", "int"),
    ((RESOLVED, LATE, TOTAL), "resolved_late", "int"),
    ((RESOLVED, LATE, "Có văn bản xin lỗi"), "resolved_late_with_apology", "int"),
    ((PENDING, TOTAL), "in_progress", "int"),
    ((PENDING, "Trong hạn"), "in_progress_within_term", "int"),
    ((PENDING, "Quá hạn"), "in_progress_overdue", "int"),
    ((ENDED, "Rút hồ sơ"), "withdrawn", "int"),
    ((ENDED, "Dừng giải quyết"), "stopped", "int"),
    ((OUTSIDE, "Từ chối tiếp nhận"), "refused", "int"),
    ((OUTSIDE, "Hủy (nhập nhầm)"), "cancelled", "int"),
    (("Tỷ lệ giải quyết đúng hạn",), "on_time_rate", "percent"),
    (("Thời gian giải quyết trung bình (ngày làm việc)",), "avg_processing_days", "decimal"),
)
# How the columns add up (numbers as in the PDF's column-number row).
FORMULAS = (
    "(3) = (4) + (5) = (8) + (13) + (16) + (17); (5) = (6) + (7); (8) = (9) + (10) + (11); "
    "(13) = (14) + (15); (20) = [(9) + (10)] / (8)."
)


def period_line(first: date, last: date) -> str:
    return f"Kỳ báo cáo: từ ngày {first:%d/%m/%Y} đến ngày {last:%d/%m/%Y}"


def period_columns(by: str) -> tuple[Column, ...]:
    out = [Column(("STT",), "seq", 8), Column((BY_LABEL[by],), "text", 42)]
    for path, attr, kind in PERIOD_COLUMNS:
        wide = attr in ("on_time_rate", "avg_processing_days")
        out.append(Column(path, kind, 14.5 if wide else 11.3))
    return tuple(out)


def _values(row: PeriodRow) -> tuple[object, ...]:
    return tuple(getattr(row, attr) for _, attr, _ in PERIOD_COLUMNS)


def period_table(report: PeriodReport) -> Table:
    """One row per field (or unit) and the total row, in the columns of Biểu 06."""
    rows = tuple((i, r.label, *_values(r)) for i, r in enumerate(report.rows, 1))
    notes = [
        "Cách tính: " + FORMULAS,
        "Quá hạn được xét theo thời hạn giải quyết theo quy định (văn bản xin lỗi không thay đổi thời hạn "
        "này); hồ sơ đang chờ công dân bổ sung không tính là quá hạn.",
    ]
    notes += report.notes
    if not report.processing_exact:
        notes.append(
            f"Thời gian giải quyết trung bình được ước tính trên {report.total.processing_sample} hồ sơ "
            "đã giải quyết, phân bố đều trong kỳ."
        )
    return Table(
        name="Báo cáo",
        title=PERIOD_TITLE,
        subtitle=period_line(report.date_from, report.date_to),
        columns=period_columns(report.by),
        rows=rows,
        total=("", report.total.label, *_values(report.total)),
        numbered=True,
        notes=tuple(notes),
        empty="(Không có hồ sơ nào trong kỳ báo cáo)",
    )


def daily_table(days: Sequence[DayCount], first: date, last: date) -> Table:
    """Received and resolved per day (the chart's numbers)."""
    return Table(
        name="Theo ngày",
        title="SỐ HỒ SƠ TIẾP NHẬN VÀ ĐÃ GIẢI QUYẾT THEO NGÀY",
        subtitle=period_line(first, last),
        columns=(
            Column(("Ngày",), "date", 30),
            Column(("Số hồ sơ tiếp nhận",), "int", 30),
            Column(("Số hồ sơ đã giải quyết",), "int", 30),
        ),
        rows=tuple((d.day, d.received, d.resolved) for d in days),
        total=("Tổng cộng", sum(d.received for d in days), sum(d.resolved for d in days)),
    )
