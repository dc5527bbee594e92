"""Page formats, paragraph styles and the text primitives every slip draws with.

Every string reaches the page through ``para``/``rich`` (or the barcode flowable), which normalise it
to NFC, escape it for reportlab's mini-markup and check that the font has a glyph for each character,
so a name typed with an emoji fails loudly instead of printing an empty box.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Table

from counter_app.documents.flowtable import FlowingTable
from counter_app.documents.fonts import BOLD, ITALIC, REGULAR, check_glyphs, register_fonts


@dataclass(frozen=True)
class PageSpec:
    """A paper format: size, margins (points) and type sizes chosen for it."""

    name: str
    width: float
    height: float | None  # None: a roll, the page grows to the content
    left: float
    right: float
    top: float
    bottom: float
    body: float  # body text size; Nghị định 30/2020 asks 13–14 pt on A4
    sign_space: float  # blank height left for a handwritten signature
    compact: bool = False  # stacked header, short wording (thermal roll)

    @property
    def frame_width(self) -> float:
        return self.width - self.left - self.right


SPECS: dict[str, PageSpec] = {
    "a4": PageSpec("a4", 210 * mm, 297 * mm, 25 * mm, 15 * mm, 15 * mm, 15 * mm, body=13, sign_space=20 * mm),
    "a5": PageSpec("a5", 148 * mm, 210 * mm, 14 * mm, 10 * mm, 9 * mm, 11 * mm, body=10, sign_space=13 * mm),
    # 80 mm roll, 72 mm printable (576 dots at 203 dpi): 4 mm unprinted on each side.
    "thermal80": PageSpec(
        "thermal80", 80 * mm, None, 4 * mm, 4 * mm, 3 * mm, 6 * mm, body=8.5, sign_space=12 * mm, compact=True
    ),
}


@dataclass(frozen=True)
class Styles:
    """Paragraph styles derived from a PageSpec's body size."""

    body: ParagraphStyle
    left: ParagraphStyle
    center: ParagraphStyle
    title: ParagraphStyle
    italic_center: ParagraphStyle
    head: ParagraphStyle  # header lines (agency block)
    head_bold: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_head: ParagraphStyle
    small: ParagraphStyle  # footnotes
    bullet: ParagraphStyle  # "- item" lines with a hanging indent


@cache
def styles_for(spec: PageSpec) -> Styles:
    """Build (once per format) the styles; leading 1.2× keeps A4 receipts on one page per copy."""
    register_fonts()
    s = spec.body

    def ps(name: str, size: float, font: str = REGULAR, align: int = TA_LEFT, **kw: float) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.2, alignment=align, **kw)

    cell = s - 1 if not spec.compact else s - 0.5
    return Styles(
        body=ps("body", s, align=TA_JUSTIFY, spaceAfter=s * 0.25),
        left=ps("left", s, spaceAfter=s * 0.12),
        center=ps("center", s, align=TA_CENTER),
        title=ps("title", s + 2, BOLD, TA_CENTER, spaceBefore=s * 0.8, spaceAfter=s * 0.2),
        italic_center=ps("italic_center", s, ITALIC, TA_CENTER),
        head=ps("head", s - 1, align=TA_CENTER),
        head_bold=ps("head_bold", s - 1, BOLD, TA_CENTER),
        cell=ps("cell", cell),
        cell_center=ps("cell_center", cell, align=TA_CENTER),
        cell_head=ps("cell_head", cell, BOLD, TA_CENTER),
        small=ps("small", s - 2 if not spec.compact else s - 1, ITALIC, spaceBefore=s * 0.3),
        bullet=ps(
            "bullet", s, align=TA_JUSTIFY, leftIndent=s * 1.5, firstLineIndent=-s * 0.6, spaceAfter=s * 0.15
        ),
    )


def clean(text: str) -> str:
    """NFC form: data typed on another system may carry decomposed tone marks reportlab cannot place."""
    return unicodedata.normalize("NFC", text)


def rich(runs: Sequence[tuple[str, str]], style: ParagraphStyle) -> Paragraph:
    """A paragraph of (text, font name) runs, each glyph-checked against its own font."""
    parts = []
    for text, font in runs:
        text = clean(text)
        check_glyphs(text, font)
        markup = escape(text).replace("\n", "<br/>")  # an explicit line break in form wording
        parts.append(f'<font name="{font}">{markup}</font>' if font != style.fontName else markup)
    text, frags = _parsed("".join(parts), style)
    return Paragraph(text, style, frags=frags)


@lru_cache(maxsize=4096)
def _parsed(markup: str, style: ParagraphStyle) -> tuple[str, list]:
    """The markup parsed once (reportlab's HTML parser was a fifth of a receipt's time, issue 11):
    the same labels and form wording recur on every slip. Paragraph reads its fragments and never
    changes them (its own split hands them to the new paragraphs the same way); the style is part
    of the key by identity, and the cache holds it, so an id is never reused for another style."""
    parsed = Paragraph(markup, style)
    return parsed.text, parsed.frags


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A plain paragraph in the style's own font."""
    return rich([(text, style.fontName)], style)


def label_value(label: str, value: str, style: ParagraphStyle, *, bold: bool = False) -> Paragraph:
    """'Label: value' with the value optionally bold (names, codes, appointment)."""
    return rich([(label + " ", style.fontName), (value, BOLD if bold else style.fontName)], style)


def fit_size(text: str, font: str, size: float, width: float, floor: float = 6) -> float:
    """Largest size ≤ ``size`` at which one line of ``text`` fits ``width`` (Quốc hiệu must not wrap)."""
    natural = stringWidth(text, font, size)
    return size if natural <= width else max(floor, size * width / natural * 0.995)


def plain_table(data: list, colWidths: Sequence[float], style: list, **kw: object) -> Table:  # noqa: N803
    """A platypus Table whose cell font is the slip font and whose rows can always be drawn.

    Our cells are all flowables, but Table still selects its default cell font (Helvetica) on
    every page, which would put an unembedded font without Vietnamese into the PDF. Every slip
    table is a ``FlowingTable``: a row taller than a page is cut across pages instead of failing.
    """
    return FlowingTable(
        data, colWidths=list(colWidths), style=[("FONT", (0, 0), (-1, -1), REGULAR), *style], **kw
    )
