"""Form 07: Sổ theo dõi hồ sơ for a range of days, on A4 landscape.

One table per book ("Quyển số" = year of receipt; TT restarts in each book and runs on from the
book's earlier entries when the range starts mid-year). The header row repeats on every page and
the pages are numbered, so that a printed range can be bound into the book.

The address and phone are printed whole, unlike in lists and list exports (``domain.masking``): the
printed book is the office's official record of what it received, bound, signed for ("Ký nhận") and
kept by the office, and its rows are the ones the receipts number. Its spreadsheet export
(``exports.register_tables``) is a list and masks the phone.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from itertools import groupby

from reportlab.lib.colors import black
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from counter_app.documents.formkit import finish, wording
from counter_app.documents.layout import (
    FooterMark,
    PageSpec,
    page_header,
    para,
    plain_table,
    styles_for,
    title,
)
from counter_app.documents.slip_data import RegisterData, RegisterRow
from counter_app.documents.slip_layouts import A4Layout, check_layout
from counter_app.documents.vnformat import place_date, short_date, to_local

# A4 landscape; 10 pt body, 9 pt cells: eleven columns on 270 mm.
LANDSCAPE = PageSpec(
    "a4-landscape", 297 * mm, 210 * mm, 15 * mm, 12 * mm, 12 * mm, 14 * mm, body=10, sign_space=15 * mm
)

FORM_TEXTS: dict[str, dict[str, str]] = {
    "2025": {
        "title": "SỔ THEO DÕI HỒ SƠ",
        "range": "Từ ngày {start} đến ngày {end}",
        "book": "Quyển số: {book}",
        "columns": (
            "TT|Mã hồ sơ|Tên thủ tục hành chính|Tên cá nhân, tổ chức|Địa chỉ, số điện thoại|"
            "Cơ quan giải quyết|Ngày, giờ nhận hồ sơ|Ngày, giờ hẹn trả kết quả|Ngày, giờ trả kết quả|"
            "Hình thức trả kết quả|Ký nhận"
        ),
        "empty": "(Không có hồ sơ nào được tiếp nhận trong thời gian này)",
        "no_appointment": "Không hẹn",
        "count": "Tổng số: {count} hồ sơ.",
        "footer": "Sổ theo dõi hồ sơ · {start} – {end}",
    },
}

# mm widths of the eleven columns (sum 270 = the landscape frame).
_WIDTHS = (9, 40, 40, 27, 34, 24, 17, 17, 17, 25, 20)


def render_register(data: RegisterData, layout: A4Layout = "a4") -> bytes:
    """Render the register for ``data`` as PDF bytes (A4 landscape)."""
    check_layout("register", layout)
    texts = wording(FORM_TEXTS, data.form_version, "register", data.form_overrides)
    spec = LANDSCAPE
    st = styles_for(spec)
    start, end = short_date(data.date_from), short_date(data.date_to)
    printed = to_local(data.printed_at, data.office.timezone)
    story: list[Flowable] = [FooterMark(texts["footer"].format(start=start, end=end))]
    story += page_header(
        data.office, spec, number_text=None, date_text=place_date(data.office.place, printed)
    )
    story += title(texts["title"], spec, subtitle=texts["range"].format(start=start, end=end))
    story.append(Spacer(1, 3 * mm))
    if not data.rows:
        story.append(_table([], texts, data.office.timezone))
        story.append(para(texts["empty"], st.italic_center))
    for book, rows in groupby(data.rows, key=lambda r: r.book):
        story.append(para(texts["book"].format(book=book), st.head_bold))
        story.append(Spacer(1, 1.5 * mm))
        story.append(_table(list(rows), texts, data.office.timezone))
        story.append(Spacer(1, 3 * mm))
    story.append(para(texts["count"].format(count=len(data.rows)), st.left))
    return finish(story, spec, texts, f"{start} – {end}")


def _table(rows: Sequence[RegisterRow], texts: dict[str, str], tz: str) -> Flowable:
    st = styles_for(LANDSCAPE)
    header = [para(h, st.cell_head) for h in texts["columns"].split("|")]
    data: list[list[object]] = [header]
    data += [_cells(row, texts, tz) for row in rows]
    return plain_table(
        data,
        colWidths=[w * mm for w in _WIDTHS],
        repeatRows=1,
        style=[
            ("GRID", (0, 0), (-1, -1), 0.5, black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ],
    )


def _cells(row: RegisterRow, texts: dict[str, str], tz: str) -> list[object]:
    st = styles_for(LANDSCAPE)

    def moment(value: datetime | None, empty: str = "") -> Flowable:
        if value is None:
            return para(empty, st.cell_center)
        local = to_local(value, tz)
        return para(f"{short_date(local)}\n{local.hour:02d} giờ {local.minute:02d}", st.cell_center)

    return [
        para(str(row.seq) if row.seq else "", st.cell_center),  # 0: not entered in the book (refused)
        para(row.dossier_code, st.cell),
        para(row.procedure_name, st.cell),
        para(row.applicant_name, st.cell),
        para(row.address_phone, st.cell),  # whole: the official book (module doc)
        para(row.unit_name, st.cell),
        moment(row.received_at),
        moment(row.appointment_at, texts["no_appointment"]),
        moment(row.returned_at),
        para("\n".join(x for x in (row.return_method, row.note) if x), st.cell_center),
        "",
    ]
