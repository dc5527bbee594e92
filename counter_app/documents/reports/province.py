"""The province's end-of-day summary across the offices as a PDF (A4 landscape): the table of
``exports.province_tables``, its note, the signed-off block."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from counter_app.documents.layout import para, styles_for
from counter_app.documents.reports.grid import split_last
from counter_app.documents.reports.page import LANDSCAPE, ReportHead, closing_parts, opening, signed_pdf
from counter_app.exports.province_tables import PROVINCE_DAY_TITLE, province_day_table
from counter_app.services.exchange.province_day import ProvinceDayReport

SPEC = LANDSCAPE


def render_province_day(report: ProvinceDayReport, head: ReportHead) -> bytes:
    st = styles_for(SPEC)
    table = province_day_table(report)

    def compose(k: int):  # type: ignore[no-untyped-def]
        story = opening(head, SPEC, PROVINCE_DAY_TITLE, table.subtitle, f"Các văn phòng · {table.subtitle}")
        after = [Spacer(1, 2 * mm), *(para(n, st.small) for n in table.notes)]
        parts, p1, p2 = split_last(table, SPEC, k, closing_parts(head, SPEC, after), size=8)
        return story + parts, p1, p2

    return signed_pdf(compose, len(table.rows), SPEC, PROVINCE_DAY_TITLE, table.subtitle)


__all__ = ["render_province_day"]
