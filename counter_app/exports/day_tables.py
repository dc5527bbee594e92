"""The end-of-day report as ``Table``s: the counts (the CSV's table), then one table per section."""

from __future__ import annotations

from dataclasses import replace

from counter_app.exports.list_tables import (
    UNANSWERED,
    at_line,
    cancellations_table,
    levels_table,
    lines_table,
)
from counter_app.exports.tables import Column, Table
from counter_app.services.reports.end_of_day import DayReport

DAY_TITLE = "BÁO CÁO TÌNH HÌNH TIẾP NHẬN, TRẢ KẾT QUẢ TRONG NGÀY"
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")

RECEIVED = "Tiếp nhận"
SLIPS = "Phiếu đã phát hành"
ACTS = "Hoạt động trong ngày"
TERMS = "Theo dõi thời hạn"
SATISFACTION = "Mức độ hài lòng"


def day_line(report: DayReport) -> str:
    d = report.day
    return f"{WEEKDAYS[d.weekday()]}, ngày {d:%d/%m/%Y}"


def counts(report: DayReport, tz: str) -> list[tuple[str, str, int]]:
    """(group, indicator, count): every count of the report, in the order of the PDF."""
    r = report
    due = f"Hồ sơ đến hạn ngày làm việc tiếp theo ({r.due_tomorrow_date:%d/%m/%Y})"
    out = [(RECEIVED, "Tổng số hồ sơ tiếp nhận", r.received)]
    out += [(f"{RECEIVED} theo kênh", c.label, c.count) for c in r.received_by_channel]
    out += [(f"{RECEIVED} theo lĩnh vực", f.label, f.count) for f in r.received_by_field]
    out += [
        (SLIPS, "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (mẫu 02)", r.supplement_slips),
        (SLIPS, "Trong đó: yêu cầu khi tiếp nhận", r.supplement_at_intake),
        (SLIPS, "Trong đó: yêu cầu trong quá trình giải quyết", r.supplement_in_processing),
        (SLIPS, "Phiếu từ chối tiếp nhận hồ sơ (mẫu 03)", r.refusals),
        (ACTS, "Lượt hướng dẫn", r.guidance),
        (ACTS, "Lượt chuyển hồ sơ đến đơn vị giải quyết", r.transferred),
        (ACTS, "Hồ sơ đã có kết quả giải quyết", r.resolved),
        (ACTS, "Hồ sơ đã trả kết quả", r.returned),
        (ACTS, "Hồ sơ bị hủy", len(r.cancellations)),
        (TERMS, due, len(r.due_tomorrow)),
        (TERMS, f"Hồ sơ quá hạn ({at_line(r.at, tz).lower()})", len(r.overdue)),
    ]
    out += [(SATISFACTION, s.label, s.count) for s in r.satisfaction]
    out.append((SATISFACTION, UNANSWERED, r.satisfaction_unanswered))
    return out


def summary_table(report: DayReport, tz: str) -> Table:
    return Table(
        name="Tổng hợp",
        title=DAY_TITLE,
        subtitle=day_line(report),
        columns=(
            Column(("Nhóm",), "text", 45),
            Column(("Chỉ tiêu",), "text", 95),
            Column(("Số lượng",), "int", 20),
        ),
        rows=tuple(counts(report, tz)),
    )


def channel_table(report: DayReport) -> Table:
    return Table(
        name="Theo kênh",
        title="Tiếp nhận theo kênh",
        columns=(Column(("Kênh tiếp nhận",), "text", 60), Column(("Số hồ sơ",), "int", 25)),
        rows=tuple((c.label, c.count) for c in report.received_by_channel),
        total=("Tổng số", report.received),
    )


def field_table(report: DayReport) -> Table:
    return Table(
        name="Theo lĩnh vực",
        title="Tiếp nhận theo lĩnh vực",
        columns=(Column(("Lĩnh vực",), "text", 120), Column(("Số hồ sơ",), "int", 25)),
        rows=tuple((f.label, f.count) for f in report.received_by_field),
        total=("Tổng số", report.received),
        empty="(Không tiếp nhận hồ sơ nào)",
    )


def acts_table(report: DayReport, tz: str) -> Table:
    """Slips, acts and deadlines (the counts after the receipts, before satisfaction)."""
    skip = {RECEIVED, f"{RECEIVED} theo kênh", f"{RECEIVED} theo lĩnh vực", SATISFACTION}
    return Table(
        name="Hoạt động",
        title="Phiếu, hoạt động và thời hạn",
        columns=(Column(("Chỉ tiêu",), "text", 135), Column(("Số lượng",), "int", 25)),
        rows=tuple((name, n) for group, name, n in counts(report, tz) if group not in skip),
    )


def officers_table(report: DayReport) -> Table:
    officers = report.officers
    return Table(
        name="Theo cán bộ",
        title="Theo cán bộ",
        columns=(
            Column(("STT",), "seq", 10),
            Column(("Cán bộ",), "text", 55),
            Column(("Tên đăng nhập",), "text", 30),
            Column(("Tiếp nhận",), "int", 22),
            Column(("Trả kết quả",), "int", 22),
            Column(("Hướng dẫn",), "int", 22),
        ),
        rows=tuple(
            (i, o.full_name, o.username, o.received, o.returned, o.guidance)
            for i, o in enumerate(officers, 1)
        ),
        total=(
            "",
            "Tổng cộng",
            "",
            sum(o.received for o in officers),
            sum(o.returned for o in officers),
            sum(o.guidance for o in officers),
        ),
        empty="(Không có hoạt động của cán bộ nào)",
    )


def day_tables(report: DayReport, tz: str) -> list[Table]:
    """Every section: the counts (first: the CSV's table), the lists, officers, satisfaction."""
    at = at_line(report.at, tz)
    due = lines_table(
        report.due_tomorrow,
        tz,
        overdue=False,
        title="HỒ SƠ ĐẾN HẠN NGÀY LÀM VIỆC TIẾP THEO",
        subtitle=f"Hạn giải quyết trong ngày {report.due_tomorrow_date:%d/%m/%Y}",
    )
    return [
        summary_table(report, tz),
        field_table(report),
        lines_table(report.overdue, tz, overdue=True, subtitle=at),
        replace(due, name="Đến hạn", empty="(Không có hồ sơ đến hạn)"),
        cancellations_table(report.cancellations, tz),
        officers_table(report),
        levels_table(report.satisfaction, report.satisfaction_unanswered),
    ]
