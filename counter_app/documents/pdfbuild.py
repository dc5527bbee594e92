"""Turn a story of flowables into PDF bytes: page templates, per-copy footers, growing roll pages."""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepTogether, PageTemplate

from counter_app.documents.fonts import ITALIC, REGULAR, check_glyphs, register_fonts
from counter_app.documents.styles import PageSpec, clean

# Plain binary zlib streams instead of ASCII85-wrapped ones (+25 % size on the page streams): the
# pure-Python ASCII85 encoder costs ~2 ms per A4 pair when reportlab's C accelerator is absent.
# Process-wide, but only the slips use reportlab; nothing needs 7-bit-safe PDFs any more.
rl_config.useA85 = 0

# Largest page PDF readers accept (200 in, PDF 1.7 Annex C): a roll needing more (hundreds of
# documents) goes on as further roll pages of this height rather than as an unreadable page.
MAX_ROLL_HEIGHT = 14_400.0
CREATOR = "counter_app"  # the PDF's Creator entry


class FooterMark(Flowable):
    """Zero-size marker: from here on the page footer reads ``text`` and page numbers restart at 1.

    Used to number each copy (liên) of a slip separately.
    """

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = clean(text)
        check_glyphs(self.text, ITALIC)

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._slip_footer = (self.text, self.canv.getPageNumber())  # type: ignore[attr-defined]


def _draw_footer(canv, doc) -> None:  # noqa: ANN001 (reportlab callback signature)
    text, first_page = getattr(canv, "_slip_footer", ("", 1))
    page = canv.getPageNumber() - first_page + 1
    canv.saveState()
    canv.setFont(ITALIC, 7.5)
    y = doc.bottomMargin / 2
    if text:
        canv.drawString(doc.leftMargin, y, text)
    canv.drawRightString(doc.pagesize[0] - doc.rightMargin, y, f"Trang {page}")
    canv.restoreState()


def _content_height(story: Sequence[Flowable], width: float) -> float:
    """Height a story needs in one frame of ``width`` (for rolls, whose page grows to the content)."""
    canv = Canvas(io.BytesIO())  # some flowables need a canvas to measure
    total = 0.0
    for f in story:
        if isinstance(f, KeepTogether):
            # It reports a huge height to force the frame to split it: measure its parts instead.
            total += _content_height(f._content, width)
            continue
        total += f.wrapOn(canv, width, 10_000 * mm)[1] + f.getSpaceBefore() + f.getSpaceAfter()
    return total


def build_pdf(story: list[Flowable], spec: PageSpec, *, title: str, subject: str = "") -> bytes:
    """Lay out ``story`` on ``spec``'s pages and return the PDF bytes (deterministic: invariant mode)."""
    register_fonts()
    height = spec.height
    if height is None:
        # 2 mm of slack absorbs rounding so the roll never spills onto a second page.
        height = spec.top + _content_height(story, spec.frame_width) + spec.bottom + 2 * mm
        height = min(height, MAX_ROLL_HEIGHT)
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=(spec.width, height),
        leftMargin=spec.left,
        rightMargin=spec.right,
        topMargin=spec.top,
        bottomMargin=spec.bottom,
        title=clean(title),
        subject=clean(subject),
        creator=CREATOR,
        invariant=1,
        initialFontName=REGULAR,  # else every page declares an unembedded Helvetica it never uses
    )
    # Zero paddings: the margins are the spec's, not the spec plus the frame's default 6 pt.
    frame = Frame(
        spec.left,
        spec.bottom,
        spec.frame_width,
        height - spec.top - spec.bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    template = PageTemplate(id="page", frames=[frame])
    if spec.height is not None:  # a roll has a single page: no page number footer
        template.onPageEnd = _draw_footer
    doc.addPageTemplates([template])
    doc.build(story)
    return buf.getvalue()
