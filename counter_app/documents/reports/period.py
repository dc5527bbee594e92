"""Period report "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH" (Biểu 06) on A4 landscape.

Page 1 on: the office and Quốc hiệu–Tiêu ngữ, the title and the period, the Biểu 06 table (grouped
header, column numbers, one row per field or unit, the total row; header repeated on every page),
the on-time rate and average processing time, how the columns add up, the signed-off block (never
alone on a page). Then the charts: the on-time share by field (or unit) and received vs resolved per
day (per week beyond two months, per month beyond six).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer

from counter_app.documents.fonts import BOLD, REGULAR
from counter_app.documents.layout import para, rich, styles_for
from counter_app.documents.reports.charts import day_chart, share_bars
from counter_app.documents.reports.grid import split_last
from counter_app.documents.reports.page import (
    LANDSCAPE,
    ReportHead,
    closing_parts,
    fmt,
    opening,
    section,
    signed_pdf,
    unit_note,
    vn_decimal,
    vn_int,
)
from counter_app.exports.period_tables import BY_LABEL, PERIOD_TITLE, period_line, period_table
from counter_app.services.reports.per_day import DayCount
from counter_app.services.reports.period import PeriodReport

SPEC = LANDSCAPE
BY_TEXT = {
    "field": "Theo lĩnh vực giải quyết",
    "unit": "Theo đơn vị giải quyết",
    "office": "Theo văn phòng tiếp nhận",
}
# Up to this many days the chart has a column pair per day; up to the second, per week; else per month.
DAILY_UP_TO, WEEKLY_UP_TO = 62, 183


def _summary(report: PeriodReport) -> list[Flowable]:
    st = styles_for(SPEC)
    t = report.total
    if not t.resolved:
        return [
            para(
                "Tỷ lệ giải quyết đúng hạn, thời gian giải quyết trung bình: chưa có hồ sơ nào được "
                "giải quyết trong kỳ.",
                st.left,
            )
        ]
    on_time = t.resolved_early + t.resolved_on_time
    days = "-" if t.avg_processing_days is None else vn_decimal(t.avg_processing_days)
    estimated = "" if report.processing_exact else " (ước tính)"
    return [
        rich(
            [
                ("Tỷ lệ giải quyết đúng hạn (trước hạn và đúng hạn): ", REGULAR),
                (fmt(t.on_time_rate, "percent"), BOLD),
                (f" ({vn_int(on_time)}/{vn_int(t.resolved)} hồ sơ đã giải quyết).", REGULAR),
            ],
            st.left,
        ),
        rich(
            [
                ("Thời gian giải quyết trung bình: ", REGULAR),
                (f"{days} ngày làm việc", BOLD),
                (f"{estimated}, tính từ khi tiếp nhận đến khi có kết quả.", REGULAR),
            ],
            st.left,
        ),
    ]


def buckets(days: Sequence[DayCount]) -> tuple[str, list[str], list[int], list[int]]:
    """(unit, labels, received, resolved): per day, per week (from Monday) or per month."""
    if len(days) <= DAILY_UP_TO:
        return (
            "ngày",
            [f"{d.day:%d/%m}" for d in days],
            [d.received for d in days],
            [d.resolved for d in days],
        )
    weekly = len(days) <= WEEKLY_UP_TO
    groups: dict[date, list[int]] = {}
    for d in days:
        key = date.fromordinal(d.day.toordinal() - d.day.weekday()) if weekly else d.day.replace(day=1)
        key = max(key, days[0].day)  # a first partial week starts on the period's first day
        pair = groups.setdefault(key, [0, 0])
        pair[0] += d.received
        pair[1] += d.resolved
    labels = [f"{k:%d/%m}" if weekly else f"{k:%m/%Y}" for k in groups]
    unit = "tuần (ngày đầu tuần)" if weekly else "tháng"
    return unit, labels, [p[0] for p in groups.values()], [p[1] for p in groups.values()]


def _charts(report: PeriodReport, days: Sequence[DayCount]) -> list[Flowable]:
    st = styles_for(SPEC)
    width = SPEC.frame_width
    out: list[Flowable] = [
        para("BIỂU ĐỒ", st.title),
        para(period_line(report.date_from, report.date_to), st.italic_center),
    ]
    rated = [r for r in report.rows if r.on_time_rate is not None]
    what = BY_LABEL[report.by].lower()
    block: list[Flowable] = [section(f"1. Tỷ lệ giải quyết đúng hạn theo {what}", SPEC)]
    if rated:
        shares = [r.on_time_rate or 0.0 for r in rated]
        block.append(share_bars([r.label for r in rated], shares, width * 0.8))
        if left := len(report.rows) - len(rated):
            block.append(
                para(f"({left} {what} chưa có hồ sơ đã giải quyết trong kỳ: không có tỷ lệ.)", st.small)
            )
    else:
        block.append(para("(Chưa có hồ sơ nào được giải quyết trong kỳ.)", st.small))
    out.append(KeepTogether(block))
    if days:
        unit, labels, received, resolved = buckets(days)
        title = f"2. Số hồ sơ tiếp nhận và đã giải quyết theo {unit}"
        chart = day_chart(labels, received, resolved, width)
        out.append(KeepTogether([section(title, SPEC), Spacer(1, 2 * mm), chart]))
    return out


def render_period_report(
    report: PeriodReport, head: ReportHead, days: Sequence[DayCount] = (), *, charts: bool = True
) -> bytes:
    """The period report as PDF bytes; ``days`` (``daily_counts`` of the same period and filters)
    adds the received/resolved chart."""
    st = styles_for(SPEC)
    table = period_table(report)
    first, last = f"{report.date_from:%d/%m/%Y}", f"{report.date_to:%d/%m/%Y}"
    footer = f"Tình hình, kết quả giải quyết TTHC · {first} – {last}"
    subtitle = f"{table.subtitle} · {BY_TEXT[report.by]}"

    def compose(k: int):  # type: ignore[no-untyped-def]
        story = opening(head, SPEC, PERIOD_TITLE, subtitle, footer)
        story.append(unit_note("Đơn vị tính: hồ sơ", SPEC))
        after = [Spacer(1, 2 * mm), *_summary(report), *(para(n, st.small) for n in table.notes)]
        parts, end, start = split_last(table, SPEC, k, closing_parts(head, SPEC, after), size=8.5)
        story += parts
        if charts and (report.rows or days):
            story += [PageBreak(), *_charts(report, days)]
        return story, end, start

    return signed_pdf(compose, len(table.rows), SPEC, PERIOD_TITLE, f"{first} – {last}")


__all__ = ["render_period_report"]
