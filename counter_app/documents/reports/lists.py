"""Overdue and due-soon lists (A4 landscape), satisfaction (A4 landscape) and the register (form 07).

* ``render_overdue_list``: the dossiers overdue at an instant, then (optionally) those due soon; long
  lists run over pages with the header row repeated; the signed-off block at the end;
* ``render_satisfaction_report``: the levels (table and bar chart), the reasons, the table by
  procedure and the table by officer;
* ``render_register_report``: the rows of ``services.reports.register`` (any filters) drawn by the form
  07 slip, numbered as that service numbers them: from 1 in the range, refused dossiers included with
  their reason. The register *book* (TT running through the year, as printed on the receipts; refused
  dossiers are not in it) is the slip itself: ``services/slips/batch.build_register`` + ``render_register``,
  which ``counter-cli report register`` prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from counter_app.documents.fonts import BOLD, REGULAR
from counter_app.documents.layout import para, plain_table, rich, styles_for
from counter_app.documents.register import render_register
from counter_app.documents.reports.charts import count_bars
from counter_app.documents.reports.grid import grid, split_last
from counter_app.documents.reports.page import (
    LANDSCAPE,
    ReportHead,
    closing_parts,
    fmt,
    opening,
    section,
    signed_pdf,
    vn_int,
)
from counter_app.documents.slip_data import RegisterData
from counter_app.documents.slip_data import RegisterRow as SlipRow
from counter_app.documents.vnformat import to_local
from counter_app.exports.list_tables import (
    DUE_SOON_TITLE,
    OVERDUE_TITLE,
    SATISFACTION_TITLE,
    at_line,
    lines_table,
    range_line,
    satisfaction_tables,
)
from counter_app.services.reports.dossier_lines import DossierLine
from counter_app.services.reports.lists import RegisterRow
from counter_app.services.reports.satisfaction import SatisfactionReport

SPEC = LANDSCAPE


def _heading(text: str) -> list[Flowable]:
    return [CondPageBreak(30 * mm), section(text, SPEC), Spacer(1, 1.5 * mm)]


def render_overdue_list(
    overdue: Sequence[DossierLine],
    head: ReportHead,
    at: datetime,
    due_soon: Sequence[DossierLine] | None = None,
    due_soon_text: str = "",
) -> bytes:
    """Overdue dossiers at ``at`` (and the ``due_soon`` ones: ``due_soon_text`` says until when)."""
    tz = head.office.timezone
    st = styles_for(SPEC)
    when = at_line(at, tz)
    late = lines_table(overdue, tz, overdue=True)
    soon = None if due_soon is None else lines_table(due_soon, tz, overdue=False)
    note = (
        "Quá hạn: đã qua thời hạn giải quyết theo quy định mà chưa có kết quả (không tính hồ sơ đang chờ "
        "công dân bổ sung); số ngày quá hạn tính theo ngày làm việc của đơn vị."
    )

    def compose(k: int):  # type: ignore[no-untyped-def]
        story = opening(head, SPEC, OVERDUE_TITLE, when, f"Danh sách hồ sơ quá hạn · {when.lower()}")
        count = [("Số hồ sơ quá hạn: ", REGULAR), (vn_int(len(overdue)), BOLD), (".", REGULAR)]
        story.append(rich(count, st.left))
        end = closing_parts(head, SPEC, [Spacer(1, 1 * mm), para(note, st.small)])
        if soon is None:
            parts, p1, p2 = split_last(late, SPEC, k, end, size=9)
            return story + parts, p1, p2
        story.append(grid(late, SPEC, size=9))
        title = DUE_SOON_TITLE + (f" ({due_soon_text})" if due_soon_text else "")
        story += _heading(f"{title}: {vn_int(len(soon.rows))} hồ sơ")
        parts, p1, p2 = split_last(soon, SPEC, k, end, size=9)
        return story + parts, p1, p2

    last = late if soon is None else soon
    return signed_pdf(compose, len(last.rows), SPEC, OVERDUE_TITLE, when)


def render_satisfaction_report(report: SatisfactionReport, head: ReportHead) -> bytes:
    st = styles_for(SPEC)
    width = SPEC.frame_width
    by_procedure, levels, reasons, by_officer = satisfaction_tables(report)
    period = range_line(report.date_from, report.date_to)
    summary = [
        ("Số lượt trả kết quả: ", REGULAR),
        (vn_int(report.returned), BOLD),
        ("; có đánh giá: ", REGULAR),
        (vn_int(report.answered), BOLD),
        ("; không đánh giá: ", REGULAR),
        (vn_int(report.unanswered), BOLD),
        ("; tỷ lệ hài lòng (Rất hài lòng và Hài lòng trên số lượt có đánh giá): ", REGULAR),
        (fmt(report.satisfied_share, "percent"), BOLD),
        (".", REGULAR),
    ]
    pads = [(p, (0, 0), (-1, -1), 0) for p in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")]

    def compose(k: int):  # type: ignore[no-untyped-def]
        story = opening(head, SPEC, SATISFACTION_TITLE, period, f"Mức độ hài lòng · {period.lower()}")
        story.append(rich(summary, st.left))
        story += _heading("I. THEO MỨC ĐỘ HÀI LÒNG")
        chart = count_bars(
            [x.label for x in report.by_level], [x.count for x in report.by_level], width * 0.5
        )
        side = [[grid(levels, SPEC, width=width * 0.45, size=9), chart]]
        story.append(
            plain_table(side, [width * 0.48, width * 0.52], [("VALIGN", (0, 0), (-1, -1), "TOP"), *pads])
        )
        story += _heading("II. LÝ DO ĐÁNH GIÁ")
        story.append(grid(reasons, SPEC, fill=False, size=9))
        story += _heading("III. THEO THỦ TỤC HÀNH CHÍNH")
        story.append(grid(by_procedure, SPEC, size=9))
        story += _heading("IV. THEO CÁN BỘ TRẢ KẾT QUẢ")
        parts, p1, p2 = split_last(by_officer, SPEC, k, closing_parts(head, SPEC), size=9)
        return story + parts, p1, p2

    return signed_pdf(compose, len(by_officer.rows), SPEC, SATISFACTION_TITLE, period)


def register_data(
    rows: Sequence[RegisterRow], head: ReportHead, date_from: date, date_to: date
) -> RegisterData:
    """The report's register rows as the form 07 slip's data (TT as the report numbers them)."""
    tz = head.office.timezone
    ended = {"withdrawn", "stopped"}
    lines = tuple(
        SlipRow(
            book=to_local(r.received_at, tz).year,
            seq=r.seq,
            dossier_code=r.code,
            procedure_name=r.procedure_name,
            applicant_name=r.applicant_name,
            # Whole, as in the book: drawn on form 07 (documents.register; lists and exports mask it).
            address_phone="; ".join(x for x in (r.applicant_address, r.applicant_phone or "") if x),
            unit_name=r.unit_name or "",
            received_at=r.received_at,
            appointment_at=r.appointment_at,
            returned_at=r.returned_at,
            return_method=r.how_returned.replace(" — ", "\n"),
            note=r.note or (r.status_label if r.status in ended else ""),
        )
        for r in rows
    )
    return RegisterData(head.office, date_from, date_to, lines, head.printed_at)


def render_register_report(
    rows: Sequence[RegisterRow], head: ReportHead, date_from: date, date_to: date
) -> bytes:
    """``services.reports.register`` rows on the form 07 slip (A4 landscape, paginated; module doc)."""
    return render_register(register_data(rows, head, date_from, date_to))
