"""Shared layout toolkit of every slip (reportlab platypus).

The administrative header (agency block | Quốc hiệu–Tiêu ngữ, number, place and date), titles,
ruled tables that wrap and repeat their header on every page, fee and bullet lists, signature
blocks and footnotes. Page formats and text primitives live in ``styles``, the PDF builder in
``pdfbuild``; both are re-exported here so that a slip module imports its toolkit from one place.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from reportlab.lib.colors import black
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table
from reportlab.platypus.flowables import HRFlowable

from counter_app.documents.fees import fees_block
from counter_app.documents.fonts import BOLD, ITALIC, REGULAR
from counter_app.documents.pdfbuild import FooterMark, build_pdf
from counter_app.documents.slip_data import DocumentLine, OfficeInfo
from counter_app.documents.styles import (
    SPECS,
    PageSpec,
    Styles,
    clean,
    fit_size,
    label_value,
    para,
    plain_table,
    rich,
    styles_for,
)
from counter_app.documents.vnformat import qty_cell

__all__ = [
    "plain_table",
    "SPECS",
    "DocumentColumns",
    "FooterMark",
    "PageSpec",
    "Signer",
    "Styles",
    "build_pdf",
    "bullets",
    "clean",
    "document_columns",
    "documents_table",
    "fees_block",
    "fit_size",
    "number_width",
    "footnote",
    "grid_table",
    "label_value",
    "page_header",
    "para",
    "rich",
    "signature_block",
    "styles_for",
    "title",
]

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"


# ---------------------------------------------------------------- header and title
@dataclass(frozen=True)
class HeaderStyles:
    """The styles of a page header derived from the spec's: made once per spec, so that the
    paragraph cache (styles._parsed, keyed by style) serves every slip's header."""

    qh: ParagraphStyle
    tn: ParagraphStyle
    date: ParagraphStyle
    signer: ParagraphStyle  # a signature block's name


@cache
def header_styles(spec: PageSpec) -> HeaderStyles:
    st = styles_for(spec)
    size = st.head.fontSize
    right_w = spec.frame_width if spec.compact else spec.frame_width * 0.6
    qh_size = fit_size(QUOC_HIEU, BOLD, size, right_w)
    tn_size = fit_size(TIEU_NGU, BOLD, size + 1, right_w)
    return HeaderStyles(
        qh=ParagraphStyle("qh", st.head_bold, fontSize=qh_size, leading=qh_size * 1.2),
        tn=ParagraphStyle("tn", st.head_bold, fontSize=tn_size, leading=tn_size * 1.2),
        date=ParagraphStyle("date", st.italic_center, fontSize=size + (0 if spec.compact else 1)),
        signer=ParagraphStyle("sig_name", st.head_bold, fontSize=st.center.fontSize),
    )


def page_header(
    office: OfficeInfo, spec: PageSpec, *, number_text: str | None, date_text: str
) -> list[Flowable]:
    """Agency block (left) beside Quốc hiệu–Tiêu ngữ (right); 'Số' under the agency, date under the motto."""
    st = styles_for(spec)
    hs = header_styles(spec)
    size = st.head.fontSize
    width = spec.frame_width
    right_w = width if spec.compact else width * 0.6
    qh, tn = hs.qh, hs.tn
    tn_size = tn.fontSize
    unit_w = min(stringWidth(clean(office.unit_name), BOLD, size), width if spec.compact else width * 0.4)
    agency: list[Flowable] = [
        para(office.governing_body, st.head),
        para(office.unit_name, st.head_bold),
        # Nghị định 30/2020: a rule 1/3–1/2 as long as the unit name, under it; the motto's rule is as long as it.
        HRFlowable(width=unit_w * 0.4, thickness=0.6, color=black, spaceBefore=2, spaceAfter=2),
    ]
    motto: list[Flowable] = [
        para(QUOC_HIEU, qh),
        para(TIEU_NGU, tn),
        HRFlowable(width=stringWidth(TIEU_NGU, BOLD, tn_size), thickness=0.6, color=black, spaceBefore=1),
    ]
    number = [para(number_text, st.head)] if number_text else []
    date_line = para(date_text, hs.date)
    if spec.compact:
        return [*agency, *motto, Spacer(1, 2), *number, date_line]
    table = plain_table(
        [[agency, motto], [number, date_line]],
        colWidths=[width - right_w, right_w],
        style=[("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, -1), "CENTER")]
        + [(p, (0, 0), (-1, -1), 0) for p in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")]
        + [("TOPPADDING", (0, 1), (-1, 1), 3)],
    )
    return [table]


def title(text: str, spec: PageSpec, subtitle: str | None = None) -> list[Flowable]:
    """Centered bold title, optionally followed by an italic subtitle line."""
    st = styles_for(spec)
    out: list[Flowable] = [para(text, st.title)]
    if subtitle:
        out.append(para(subtitle, st.italic_center))
    return out


# ---------------------------------------------------------------- tables
def grid_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str | Flowable]],
    widths: Sequence[float],
    spec: PageSpec,
    *,
    centered: Sequence[bool],
    style: Sequence[tuple] = (),
) -> Table:
    """A ruled table whose cells wrap (Paragraphs) and whose header row repeats on every page.

    A cell given as a flowable is used as it is (a heading in bold …); ``style`` adds commands.
    """
    st = styles_for(spec)
    data: list[list[Flowable]] = [[para(h, st.cell_head) for h in header]]
    data += [
        [
            v if isinstance(v, Flowable) else para(v, st.cell_center if c else st.cell)
            for v, c in zip(row, centered, strict=True)
        ]
        for row in rows
    ]
    pad = 1.5 if spec.compact else 3
    return plain_table(
        data,
        colWidths=list(widths),
        repeatRows=1,
        style=[
            ("GRID", (0, 0), (-1, -1), 0.5, black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), pad),
            ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            ("TOPPADDING", (0, 0), (-1, -1), pad * 0.6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
            *style,
        ],
    )


@dataclass(frozen=True)
class DocumentColumns:
    """Header labels of a documents table (form wording is versioned data of each slip)."""

    number: str
    name: str
    original: str
    copy: str
    certified: str
    none: str  # row shown when the list is empty

    @classmethod
    def from_texts(cls, texts: Mapping[str, str]) -> DocumentColumns:
        """The labels from a form's wording (keys col_number, col_name, col_original, col_copy,
        col_certified, no_documents)."""
        return cls(
            texts["col_number"],
            texts["col_name"],
            texts["col_original"],
            texts["col_copy"],
            texts["col_certified"],
            texts["no_documents"],
        )


def number_width(labels: DocumentColumns, spec: PageSpec, last: int) -> float:
    """Width of the STT column: its header, or the widest number printed (at least two digits)."""
    st = styles_for(spec)
    size = st.cell_head.fontSize
    digits = str(max(last, 99))
    return (
        max(stringWidth(labels.number, BOLD, size), stringWidth(digits, REGULAR, size))
        + 2 * (1.5 if spec.compact else 3)
        + 2
    )


def document_columns(
    docs: Sequence[DocumentLine],
    spec: PageSpec,
    labels: DocumentColumns,
    *,
    start: int = 1,
    certified: bool | None = None,
) -> tuple[list[str], list[float]]:
    """Header labels and column widths of ``documents_table`` (also drawn by the 80 mm roll)."""
    st = styles_for(spec)
    if certified is None:
        certified = any(d.certified_copy_qty for d in docs)
    header = [labels.number, labels.name, labels.original, labels.copy] + (
        [labels.certified] if certified else []
    )
    pad = 2 * (1.5 if spec.compact else 3)
    size = st.cell_head.fontSize

    # Count columns as wide as their header on one line, else on two lines, while the names keep
    # ≥ 65 % of the width; at worst as their longest word ("Bản chính" never breaks inside a word).
    def widths_for(lines: int) -> list[float]:
        return [
            max(max(stringWidth(w, BOLD, size) for w in h.split()), stringWidth(h, BOLD, size) / lines * 1.15)
            + pad
            + 2
            for h in header[2:]
        ]

    count_w = next((w for w in (widths_for(1), widths_for(2)) if sum(w) <= spec.frame_width * 0.35), None)
    count_w = count_w or widths_for(99)  # 99 lines: only the longest word counts
    counted = [d for d in docs if d.kind not in ("heading", "note")]
    number_w = number_width(labels, spec, start + len(counted) - 1)
    return header, [number_w, spec.frame_width - number_w - sum(count_w), *count_w]


def document_row(number: int, d: DocumentLine, certified: bool) -> list[str]:
    """The cells of a counted document: STT, name, originals, copies [, certified copies].

    One row for both drawings of the table: ``documents_table`` and the roll's (``receipt``)."""
    row = [str(number), d.name, qty_cell(d.original_qty), qty_cell(d.copy_qty)]
    if certified:
        row.append(qty_cell(d.certified_copy_qty))
    return row


def documents_table(
    docs: Sequence[DocumentLine],
    spec: PageSpec,
    labels: DocumentColumns,
    *,
    start: int = 1,
    certified: bool | None = None,
) -> Table:
    """STT | Tên giấy tờ | Bản chính | Bản sao [| Bản sao chứng thực]; the last column only when used.

    ``start`` and ``certified`` let a list be drawn as two tables with the same columns and numbering.
    Heading lines (bold, spanning the name and count columns) and note lines (italic, no counts)
    are unnumbered: they introduce or explain the documents, the citizen brings nothing for them.
    """
    st = styles_for(spec)
    header, widths = document_columns(docs, spec, labels, start=start, certified=certified)
    certified = len(header) > 4  # the certified-copy column is shown
    count_w = widths[2:]
    heading = ParagraphStyle("cell_heading", st.cell, fontName=BOLD)
    note = ParagraphStyle("cell_note", st.cell, fontName=ITALIC)
    blanks = [""] * len(count_w)
    rows: list[list[str | Flowable]] = []
    spans: list[tuple] = []
    number = start
    for d in docs:
        if d.kind == "heading":
            spans.append(("SPAN", (1, len(rows) + 1), (-1, len(rows) + 1)))
            rows.append(["", para(d.name, heading), *blanks])
            continue
        if d.kind == "note":
            # Not spanned: a note may be long, and reportlab measures a spanned cell it has to cut
            # across pages at its first column's width (a tall empty band after the text).
            rows.append(["", para(d.name, note), *blanks])
            continue
        rows.append(document_row(number, d, certified))
        number += 1
    if not rows:
        rows = [["", labels.none, *blanks]]
    return grid_table(header, rows, widths, spec, centered=[True, False] + [True] * len(count_w), style=spans)


def bullets(items: Sequence[str], spec: PageSpec) -> list[Flowable]:
    """'- item' lines with a hanging indent (legal bases, results, channels)."""
    return [para("- " + item, styles_for(spec).bullet) for item in items]


# ---------------------------------------------------------------- signatures and notes
@dataclass(frozen=True)
class Signer:
    """One signature column: title (bold), how to sign (italic), blank space, name (bold)."""

    title: str
    name: str = ""
    note: str = "(Ký, ghi rõ họ tên)"


def signature_block(signers: Sequence[Signer], spec: PageSpec) -> Table:
    """Two or three equal columns of signatures, kept on one page by the Table itself."""
    st = styles_for(spec)
    cells: list[list[Flowable]] = []
    for s in signers:
        if not s.title:  # an empty column pushes a lone signature to the right, as on official letters
            cells.append([])
            continue
        cell: list[Flowable] = [
            para(s.title, st.head_bold),
            para(s.note, st.italic_center),
            Spacer(1, spec.sign_space),
        ]
        if s.name:
            cell.append(para(s.name, header_styles(spec).signer))
        cells.append(cell)
    width = spec.frame_width / len(signers)
    pads = [(p, (0, 0), (-1, -1), 2) for p in ("LEFTPADDING", "RIGHTPADDING")]
    return plain_table(
        [cells], colWidths=[width] * len(signers), style=[("VALIGN", (0, 0), (-1, -1), "TOP"), *pads]
    )


def footnote(text: str, spec: PageSpec) -> Paragraph:
    """Small italic note (what to bring back, hotline …)."""
    return para(text, styles_for(spec).small)
