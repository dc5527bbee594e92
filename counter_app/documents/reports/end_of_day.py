"""End-of-day report of an office (or of one officer's counter) on A4 portrait.

I. receipts by channel and field · II. slips, acts and deadlines · III. overdue dossiers · IV. dossiers
due on the next working day · V. cancellations with their reasons · VI. per officer · VII. satisfaction
(table and bar chart) · the signed-off block.
"""

from __future__ import annotations

from dataclasses import replace

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from counter_app.documents.fonts import BOLD, REGULAR
from counter_app.documents.layout import plain_table, rich, styles_for
from counter_app.documents.reports.charts import count_bars
from counter_app.documents.reports.grid import grid
from counter_app.documents.reports.page import (
    PORTRAIT,
    ReportHead,
    anchor_note,
    build,
    closing,
    opening,
    section,
    vn_int,
)
from counter_app.exports.day_tables import (
    DAY_TITLE,
    acts_table,
    channel_table,
    day_line,
    field_table,
    officers_table,
)
from counter_app.exports.list_tables import at_line, cancellations_table, levels_table, lines_table
from counter_app.services.reports.end_of_day import DayReport

SPEC = PORTRAIT


def _side_by_side(left: Flowable, right: Flowable, split: float = 0.42) -> Flowable:
    width = SPEC.frame_width
    pads = [(p, (0, 0), (-1, -1), 0) for p in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")]
    return plain_table(
        [[left, right]],
        [width * split, width * (1 - split)],
        [("VALIGN", (0, 0), (-1, -1), "TOP"), *pads, ("LEFTPADDING", (1, 0), (1, 0), 4 * mm)],
        hAlign="LEFT",
    )


def _heading(text: str) -> list[Flowable]:
    """A section heading that never ends a page alone."""
    return [CondPageBreak(35 * mm), section(text, SPEC), Spacer(1, 1.5 * mm)]


def _total_line(label: str, value: int, rest: str = "") -> Flowable:
    st = styles_for(SPEC)
    return rich([(label, REGULAR), (vn_int(value), BOLD), (rest, REGULAR)], st.left)


def render_day_report(report: DayReport, head: ReportHead) -> bytes:
    """The end-of-day report as PDF bytes (dates in ``head.office``'s time zone)."""
    tz = head.office.timezone
    r = report
    width = SPEC.frame_width
    day = f"{r.day:%d/%m/%Y}"
    story = opening(head, SPEC, DAY_TITLE, day_line(r), f"Báo cáo cuối ngày · {day}")
    story += _heading("I. TIẾP NHẬN HỒ SƠ")
    story.append(
        _total_line("Tổng số hồ sơ tiếp nhận: ", r.received, " (không kể hồ sơ từ chối tiếp nhận, đã hủy).")
    )
    story.append(Spacer(1, 1.5 * mm))
    left, right = width * 0.42, width * 0.58 - 4 * mm
    story.append(
        _side_by_side(grid(channel_table(r), SPEC, width=left), grid(field_table(r), SPEC, width=right))
    )
    story += _heading("II. PHIẾU, HOẠT ĐỘNG TRONG NGÀY VÀ THỜI HẠN")
    story.append(grid(acts_table(r, tz), SPEC, fill=True))
    at = at_line(r.at, tz)
    story += _heading(f"III. HỒ SƠ QUÁ HẠN ({at.lower()}): {vn_int(len(r.overdue))} hồ sơ")
    story.append(grid(lines_table(r.overdue, tz, overdue=True, compact=True), SPEC, size=9))
    due = f"{r.due_tomorrow_date:%d/%m/%Y}"
    story += _heading(
        f"IV. HỒ SƠ ĐẾN HẠN NGÀY LÀM VIỆC TIẾP THEO ({due}): {vn_int(len(r.due_tomorrow))} hồ sơ"
    )
    due_table = replace(lines_table(r.due_tomorrow, tz, overdue=False, compact=True), empty="(Không có)")
    story.append(grid(due_table, SPEC, size=9))
    story += _heading(f"V. HỒ SƠ BỊ HỦY: {vn_int(len(r.cancellations))} hồ sơ")
    story.append(grid(cancellations_table(r.cancellations, tz), SPEC, size=9))
    story += _heading("VI. THEO CÁN BỘ")
    story.append(grid(officers_table(r), SPEC))
    # The last section goes with the signatures: a signed page never stands alone.
    levels = levels_table(r.satisfaction, r.satisfaction_unanswered)
    chart = count_bars([x.label for x in r.satisfaction], [x.count for x in r.satisfaction], width * 0.5)
    last = [
        section("VII. MỨC ĐỘ HÀI LÒNG (CÁC HỒ SƠ TRẢ KẾT QUẢ TRONG NGÀY)", SPEC),
        Spacer(1, 1.5 * mm),
        _side_by_side(grid(levels, SPEC, width=width * 0.48, size=9), chart, split=0.5),
    ]
    if r.anchor:  # the event log's anchor, signed with the report (services/anchor.py)
        last += [Spacer(1, 3 * mm), anchor_note(r.anchor, SPEC)]
    story += [CondPageBreak(35 * mm), closing(head, SPEC, last)]
    return build(story, SPEC, DAY_TITLE, day)


__all__ = ["render_day_report"]
