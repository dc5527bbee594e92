"""What every report PDF shares: page formats, the opening (office | Quốc hiệu–Tiêu ngữ, title, period),
section headings, Vietnamese number formatting and the signed-off block.

Built on the slip toolkit (``documents.layout``): the same fonts, header, glyph checks and page footer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from counter_app.documents.formkit import PageProbe, keeping_rows
from counter_app.documents.layout import (
    FooterMark,
    PageSpec,
    Signer,
    build_pdf,
    page_header,
    para,
    signature_block,
    styles_for,
    title,
)
from counter_app.documents.register import LANDSCAPE
from counter_app.documents.slip_data import OfficeInfo
from counter_app.documents.vnformat import long_date, to_local

# A4 portrait for reports: the slips' margins, 11 pt text (tables of figures, not letters).
PORTRAIT = PageSpec(
    "a4-report", 210 * mm, 297 * mm, 25 * mm, 15 * mm, 15 * mm, 15 * mm, body=11, sign_space=18 * mm
)
__all__ = [
    "LANDSCAPE",
    "PORTRAIT",
    "ReportHead",
    "build",
    "closing",
    "fmt",
    "opening",
    "section",
    "signed_pdf",
]


@dataclass(frozen=True)
class ReportHead:
    """Who issues the report: the office (header, place, head of office), when, and who prepared it."""

    office: OfficeInfo
    printed_at: datetime  # aware; the date line shows its office-local day
    preparer: str = ""  # full name of who ran the report; empty: the line is signed by hand
    scope: str = ""  # what was counted, when not the whole office ("Cán bộ: …")


def vn_int(n: int) -> str:
    """1234567 → '1.234.567' (Vietnamese groups thousands with dots)."""
    return f"{n:,}".replace(",", ".")


def vn_decimal(value: float, places: int = 2) -> str:
    """4.9 → '4,90' (decimal comma)."""
    whole = f"{value:,.{places}f}"
    return whole.replace(",", " ").replace(".", ",").replace(" ", ".")


def fmt(value: object, kind: str) -> str:
    """A table value as printed: counts '1.234', shares '66,7%', working days '4,90', local dates."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int) and kind in ("int", "decimal", "percent"):
        return vn_int(value) if kind != "percent" else vn_decimal(value * 100, 1) + "%"
    if isinstance(value, float):
        return vn_decimal(value * 100, 1) + "%" if kind == "percent" else vn_decimal(value)
    if isinstance(value, datetime):
        return f"{value:%d/%m/%Y %H:%M}"
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    return str(value)


def date_line(head: ReportHead) -> str:
    day = to_local(head.printed_at, head.office.timezone).date()
    place = head.office.place.strip()
    return f"{place}, {long_date(day)}" if place else long_date(day).capitalize()


def opening(head: ReportHead, spec: PageSpec, text: str, subtitle: str, footer: str) -> list[Flowable]:
    """Footer mark, office | Quốc hiệu–Tiêu ngữ and date, the title, the period and the scope."""
    st = styles_for(spec)
    story: list[Flowable] = [FooterMark(footer)]
    story += page_header(head.office, spec, number_text=None, date_text=date_line(head))
    story += title(text, spec, subtitle=subtitle)
    if head.scope:
        story.append(para(head.scope, st.italic_center))
    story.append(Spacer(1, 2 * mm))
    return story


def section(text: str, spec: PageSpec) -> Flowable:
    """A bold section heading ("I. TIẾP NHẬN HỒ SƠ"), kept with what follows by the caller."""
    st = styles_for(spec)
    style = ParagraphStyle("section", st.left, fontName=st.head_bold.fontName, spaceBefore=4 * mm)
    return para(text, style)


def unit_note(text: str, spec: PageSpec) -> Flowable:
    """'Đơn vị tính: hồ sơ' at the right, above a table."""
    st = styles_for(spec)
    return para(text, ParagraphStyle("unit", st.small, alignment=TA_RIGHT, spaceBefore=0))


def anchor_note(anchor: str, spec: PageSpec) -> Flowable:
    """The event log's anchor in small print (services/anchor.py), with how to check it later."""
    st = styles_for(spec)
    text = f'Dấu chuỗi sự kiện: {anchor}. Đối chiếu sau này: counter-cli events verify --anchor "{anchor}"'
    return para(text, ParagraphStyle("anchor", st.small, spaceBefore=0))


def signers(head: ReportHead) -> list[Signer]:
    """NGƯỜI LẬP BIỂU (who ran the report) | the head of office (title and name from the office)."""
    office = head.office
    return [
        Signer("NGƯỜI LẬP BIỂU", head.preparer),
        Signer(
            office.signatory_title or "LÃNH ĐẠO ĐƠN VỊ",
            office.signatory_name,
            "(Ký, ghi rõ họ tên, đóng dấu)",
        ),
    ]


def closing_parts(head: ReportHead, spec: PageSpec, before: list[Flowable] | None = None) -> list[Flowable]:
    return [*(before or []), Spacer(1, 4 * mm), signature_block(signers(head), spec)]


def closing(head: ReportHead, spec: PageSpec, before: list[Flowable] | None = None) -> Flowable:
    """The last lines and the signatures, kept together on one page."""
    return KeepTogether(closing_parts(head, spec, before))


def signed_pdf(
    compose: Callable[[int], tuple[list[Flowable], PageProbe, PageProbe]],
    rows: int,
    spec: PageSpec,
    text: str,
    subject: str,
) -> bytes:
    """Build ``compose(k)``'s story (the last table with its last ``k`` rows moved into the closing
    block); when the signatures would start a page of their own — a signed page that could be put
    under another list — build it again with the last rows taken along (``formkit.keeping_rows``)."""

    def render(k: int) -> tuple[bytes, PageProbe, PageProbe]:
        story, end, start = compose(k)
        return build(story, spec, text, subject), end, start

    return keeping_rows(render, rows)


def build(story: list[Flowable], spec: PageSpec, text: str, subject: str) -> bytes:
    return build_pdf(story, spec, title=text, subject=subject)
