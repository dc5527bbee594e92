"""A slip on the 80 mm roll, drawn in one pass on one canvas page.

The A4 and A5 slips go through platypus: page templates, frames, tables that split across pages,
blocks kept together. A roll has a single page as tall as its content, so all of that only costs
time: the platypus roll receipt measured its story once for the page height, laid it out again in
the frame, measured every table cell twice more and every kept block once more, ~2.9× a bare
canvas drawing the same text (docs/performance.md). Here each piece is measured once and drawn
straight onto the canvas, with the same geometry as platypus:

- ``text`` breaks a paragraph into lines as reportlab's ``Paragraph`` does (``breakLines``: words
  measured with the same widths, the 5 % space shrinkage, font changes, ``\\n`` as a line break) and
  draws each line at the x a ``Paragraph`` gives it. Anything else — a word wider than the line
  (reportlab then splits it), markup characters, tabs, no-break or exotic spaces — is a real
  ``Paragraph``, drawn by reportlab as before. A test compares the lines with ``Paragraph``'s.
- ``Column`` stacks blocks as a platypus ``Frame`` does: the space before a block is dropped at the
  top and overlaps the space after the previous one; the page is as tall as ``pdfbuild.build_pdf``
  makes a roll (top + every block's height and spaces + bottom + 2 mm).
- ``Grid`` is ``layout.grid_table``'s ruled table (cells centred vertically, 0.5 pt rules with round
  caps) and ``Columns`` a row of top-aligned cells (``layout.signature_block``).

Text goes into as few PDF text objects as possible (a new one only after a rule, a table's rules or
a barcode), in reading order, so that text extraction reads the slip as before.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import Protocol

from reportlab.lib.colors import black
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable, Paragraph

from counter_app.documents.fonts import REGULAR, check_glyphs
from counter_app.documents.pdfbuild import CREATOR
from counter_app.documents.styles import clean, rich

Runs = Sequence[tuple[str, str]]  # (text, font name), as styles.rich takes them
Frag = tuple[str, "str | None"]  # (font, text) of one parser fragment; text None: a line break
Word = tuple[float, list[tuple[str, "str | None"]], bool]  # width, (font, text) pieces, space follows
Line = tuple[float, list[tuple[str, str]], int, bool]  # unused width, (font, text) groups, words, broken

# Characters the line breaker below leaves to reportlab: markup ("&<>" become several parser
# fragments), whitespace other than the plain space and the line break (the parser and the
# breaker treat tabs, no-break and other Unicode spaces in ways of their own), soft hyphens.
_NOT_PLAIN = re.compile("[^\\S \\n]|[&<>\\xad\\u200b]")
_SPACES = re.compile(" +")
_FUZZ = 1e-8  # reportlab's tolerance in the line-drawing functions


class Block(Protocol):
    """Something stacked in a Column: its size, a Frame's spaces, and how to draw it."""

    width: float
    height: float
    space_before: float
    space_after: float
    centred: bool  # placed in the middle of the column (platypus hAlign CENTER)

    def draw(self, pen: Pen, x: float, y: float) -> None:
        """Draw with the bottom-left corner at (x, y)."""


class Pen:
    """The canvas plus one open text object: consecutive text lines share a BT…ET."""

    def __init__(self, canv: Canvas) -> None:
        self.canv = canv
        self._tx: PDFTextObject | None = None
        self._font: tuple[str, float] | None = None
        self._word_space = 0.0

    def line(
        self, x: float, y: float, size: float, groups: Sequence[tuple[str, str]], word_space: float
    ) -> None:
        """Text starting at (x, y): each group is (font, text), set one after the other."""
        tx = self._tx
        if tx is None:
            tx = self._tx = self.canv.beginText()
            self._font = None
        tx.setTextOrigin(x, y)
        if word_space != self._word_space:
            tx.setWordSpace(word_space)
            self._word_space = word_space
        for font, text in groups:
            if not text:
                continue
            if self._font != (font, size):
                tx.setFont(font, size)
                self._font = (font, size)
            tx.textOut(text)

    def flush(self) -> None:
        """Close the text object (before drawing graphics or a flowable of reportlab's)."""
        if self._tx is not None:
            if self._word_space:
                self._tx.setWordSpace(0)
                self._word_space = 0.0
            self.canv.drawText(self._tx)
            self._tx = None


# ---------------------------------------------------------------- text
class Text:
    """A paragraph broken into lines, drawn like a reportlab Paragraph of the same style and width."""

    centred = False

    def __init__(self, style: ParagraphStyle, width: float, lines: list[Line]) -> None:
        self.style = style
        self.width = width
        self.lines = lines
        self.height = len(lines) * style.leading
        self.space_before = style.spaceBefore
        self.space_after = style.spaceAfter

    def draw(self, pen: Pen, x: float, y: float) -> None:
        st = self.style
        size = st.fontSize
        base = y + self.height - size  # reportlab: the first baseline is one font size below the top
        align = st.alignment
        last = len(self.lines) - 1
        for i, (extra, groups, words, broken) in enumerate(self.lines):
            left = x + st.leftIndent + (st.firstLineIndent if i == 0 else 0)
            word_space = 0.0
            if align == TA_JUSTIFY:
                simple = broken or -_FUZZ < extra <= _FUZZ or (i == last and extra > -_FUZZ)
            else:
                simple = extra > -_FUZZ
            if not simple and words > 1:
                word_space = extra / (words - 1)  # spread (or, for a shrunk line, tighten) the spaces
            elif align == TA_CENTER:
                left += 0.5 * extra
            elif align == TA_RIGHT:
                left += extra
            pen.line(left, base - i * st.leading, size, groups, word_space)


class Para:
    """A reportlab Paragraph, for text the line breaker leaves to reportlab."""

    centred = False

    def __init__(self, paragraph: Paragraph, width: float) -> None:
        self.paragraph = paragraph
        self.width, self.height = paragraph.wrap(width, 1e9)
        self.space_before = paragraph.getSpaceBefore()
        self.space_after = paragraph.getSpaceAfter()

    def draw(self, pen: Pen, x: float, y: float) -> None:
        pen.flush()
        self.paragraph.drawOn(pen.canv, x, y)


def text(runs: Runs, style: ParagraphStyle, width: float) -> Text | Para:
    """``runs`` as ``styles.rich(runs, style)`` would print them in a frame ``width`` wide.

    Each run is NFC-normalised and checked against its font, as ``rich`` does.
    """
    cleaned = []
    for value, font in runs:
        value = clean(value)
        check_glyphs(value, font)
        cleaned.append((value, font))
    lines = _break(cleaned, style, width) if _plain(style) else None
    if lines is None:
        return Para(rich(runs, style), width)
    return Text(style, width, lines)


def _plain(style: ParagraphStyle) -> bool:
    """True for styles whose paragraphs the breaker below reproduces (no hyphenation, no colour …)."""
    return (
        not style.wordWrap
        and not style.hyphenationLang
        and not style.embeddedHyphenation
        and not style.uriWasteReduce
        and not style.endDots
        and not style.justifyBreaks
        and not style.justifyLastLine
        and not getattr(style, "autoLeading", "")
        and not style.shaping
        and bool(style.splitLongWords)
        and style.textColor == black
        and style.backColor is None
        and not style.borderWidth
        and style.alignment in (TA_LEFT, TA_CENTER, TA_RIGHT, TA_JUSTIFY)
    )


def _fragments(runs: Runs, style: ParagraphStyle) -> list[Frag] | None:
    """(font, text) fragments as reportlab's parser makes them from ``rich``'s markup; text None
    is a line break. None when the text is not plain (see ``_NOT_PLAIN``).

    ``rich`` writes runs in the style's font bare and others in a <font> tag each, and the
    paragraph's markup has its spaces collapsed and its ends stripped, so: runs in the style's font
    that follow one another make one fragment, every line break and every tag ends one.
    """
    own = style.fontName
    frags: list[Frag] = []
    pending: list[str] = []  # text in the style's font, not yet closed by a tag or a break
    starts_bare: bool | None = None  # the markup starts (or ends) with text outside any tag
    ends_bare = False

    def close() -> None:
        if pending:
            frags.append((own, "".join(pending)))
            pending.clear()

    for value, font in runs:
        if _NOT_PLAIN.search(value):
            return None
        if font != own:  # <font name=…>…</font>, even when empty
            close()
            starts_bare = False if starts_bare is None else starts_bare
            ends_bare = False
        for j, part in enumerate(value.split("\n")):
            if j:  # <br/>
                close()
                frags.append((font, None))
                starts_bare = False if starts_bare is None else starts_bare
                ends_bare = False
            if part:
                if font == own:
                    pending.append(part)
                    starts_bare = True if starts_bare is None else starts_bare
                    ends_bare = True
                else:
                    frags.append((font, part))
    close()
    out = [(font, part if part is None else _SPACES.sub(" ", part)) for font, part in frags]
    if starts_bare and out[0][1] is not None:
        out[0] = (own, out[0][1].lstrip(" "))
    if ends_bare and out[-1][1] is not None:
        out[-1] = (own, out[-1][1].rstrip(" "))
    return [(f, t) for f, t in out if t is None or t]


def _break(runs: Runs, style: ParagraphStyle, width: float) -> list[Line] | None:
    """Lines of ``runs`` as reportlab's ``Paragraph.breakLines`` makes them, or None for reportlab."""
    frags = _fragments(runs, style)
    if frags is None:
        return None
    lead = style.leftIndent + style.firstLineIndent
    widths = [width - lead - style.rightIndent, width - style.leftIndent - style.rightIndent]
    if not frags:
        return []
    if len(frags) == 1:
        font, value = frags[0]
        if value is None:
            return None  # a lone line break: left to reportlab
        return _break_single(font, value, style.fontSize, widths, style.spaceShrinkage)
    return _break_mixed(frags, style.fontSize, widths, style.spaceShrinkage)


def _break_single(
    font: str, value: str, size: float, widths: list[float], shrinkage: float
) -> list[Line] | None:
    """``breakLines`` for a paragraph of one fragment (reportlab's "kind 0")."""
    words = value.split()
    if not words:
        return []
    space = stringWidth(" ", font, size)
    shrink = shrinkage * space
    lines: list[Line] = []
    line: list[str] = []
    current = -space  # reportlab: so that the first word adds no space
    lineno = 0
    limit = widths[0]
    for word in words:
        word_w = stringWidth(word, font, size)
        new = current + space + word_w
        if new > limit + shrink * len(line) and word_w > widths[min(lineno, 1)]:
            return None  # reportlab splits a word wider than the line: let it do so
        if new <= limit + shrink * len(line) or not line:
            line.append(word)
            current = new
        else:
            lines.append((limit - current, [(font, " ".join(line))], len(line), False))
            line = [word]
            current = word_w
            lineno += 1
            limit = widths[min(lineno, 1)]
    if line:
        lines.append((limit - current, [(font, " ".join(line))], len(line), False))
    return lines


def _words(frags: list[Frag], size: float) -> list[Word]:
    """reportlab's ``_getFragWords``: (width, [(font, text) pieces], followed by a space) per word;
    a line break is (0, [(font, None)], False). A word may span fonts ("A<b>B</b>" is one word)."""
    out: list[Word] = []
    pieces: list[tuple[str, str | None]] = []
    width = 0.0
    strip = True  # at the start of the paragraph or of a line
    for font, value in frags:
        if value is None:
            if pieces:
                out.append((width, pieces, False))
                pieces, width = [], 0.0
            out.append((0.0, [(font, None)], False))
            strip = True
            continue
        if strip:
            value = value.lstrip(" ")
            if not value:
                continue
            strip = False
        split = value.split()
        if value[0] == " " or not split:
            if pieces:
                out.append((width, pieces, False))
                pieces, width = [], 0.0
                spaced = False
            else:
                spaced = bool(out) and out[-1][2]
            if not spaced:
                split.insert(0, "")
            elif not split:
                continue
        for word in split[:-1]:
            pieces.append((font, word))
            width += stringWidth(word, font, size)
            out.append((width, pieces, True))
            pieces, width = [], 0.0
        word = split[-1]
        pieces.append((font, word))
        width += stringWidth(word, font, size)
        if value[-1] == " ":
            out.append((width, pieces, True))
            pieces, width = [], 0.0
    if pieces:
        out.append((width, pieces, False))
    if not out:  # only spaces: reportlab keeps one empty word, a blank line
        out.append((0.0, [(frags[0][0], "")], False))
    return out


def _break_mixed(frags: list[Frag], size: float, widths: list[float], shrinkage: float) -> list[Line] | None:
    """``breakLines`` for several fragments (reportlab's "kind 1": font changes, line breaks)."""
    lines = []
    groups: list[list] = []  # [font, text, is a line break], drawn one after the other
    count = 0  # words with text on the line
    space = current = 0.0
    lineno = 0
    limit = widths[0]
    for word_w, pieces, spaced in _words(frags, size):
        font, first = pieces[0]
        if not groups:
            count, space, current = 0, 0.0, 0.0
        new = current + space + word_w if word_w > 0 else current
        brk = first is None
        lim = limit
        if shrinkage:
            shrink = space
            for g in groups:
                if not g[2]:
                    spaces = g[1].count(" ")
                    if spaces:
                        shrink += spaces * stringWidth(" ", g[0], size)
            lim += shrink * shrinkage
        if not brk and new > lim and word_w > widths[min(lineno, 1)]:
            return None  # reportlab splits a word wider than the line: let it do so
        if not ((new > lim and count > 0) or brk):
            if first:
                count += 1
            if not groups:
                groups = [[font, first, False]]
            elif groups[-1][0] != font or groups[-1][2]:
                if space:
                    for g in reversed(groups):
                        if not g[2]:
                            if not g[1].endswith(" "):
                                g[1] += " "
                            break
                groups.append([font, first, False])
            elif space:
                g = groups[-1]
                g[1] += first if g[1].endswith(" ") else " " + first
            else:
                groups[-1][1] += first
            space = stringWidth(" ", pieces[-1][0], size) if spaced else 0.0
            more = False
            for piece_font, piece in pieces[1:]:
                groups.append([piece_font, piece, False])
                more = more or bool(piece)
            if not first and more:
                count += 1
            current = new
            continue
        if brk:
            groups.append([font, "", True])
        lines.append((limit - current, groups, count, brk))
        lineno += 1
        limit = widths[min(lineno, 1)]
        if brk:
            groups = []
            continue
        space = stringWidth(" ", pieces[-1][0], size) if spaced else 0.0
        current = word_w
        count = 1
        groups = [[font, first, False]] + [[f, p, False] for f, p in pieces[1:]]
    if groups:
        lines.append((limit - current, groups, count, False))
    return [(extra, [(g[0], g[1]) for g in gs if not g[2]], n, brk) for extra, gs, n, brk in lines]


# ---------------------------------------------------------------- other blocks
class Gap:
    """Blank space (platypus Spacer)."""

    width = 0.0
    space_before = space_after = 0.0
    centred = False

    def __init__(self, height: float) -> None:
        self.height = height

    def draw(self, pen: Pen, x: float, y: float) -> None:
        pass


class Rule:
    """A centred horizontal rule with round caps (platypus HRFlowable), at the bottom of its box."""

    centred = True

    def __init__(self, width: float, thickness: float, space_before: float = 1, space_after: float = 1):
        self.width = width
        self.height = self.thickness = thickness
        self.space_before = space_before
        self.space_after = space_after

    def draw(self, pen: Pen, x: float, y: float) -> None:
        pen.flush()
        canv = pen.canv
        canv.saveState()
        canv.setLineWidth(self.thickness)
        canv.setLineCap(1)
        canv.setStrokeColor(black)
        canv.line(x, y, x + self.width, y)
        canv.restoreState()


class Drawn:
    """A fixed-size flowable drawn by itself (the barcode)."""

    space_before = space_after = 0.0

    def __init__(self, flowable: Flowable, width: float) -> None:
        self.flowable = flowable
        self.width, self.height = flowable.wrap(width, 1e9)
        self.centred = getattr(flowable, "hAlign", "LEFT") in ("CENTER", "CENTRE")

    def draw(self, pen: Pen, x: float, y: float) -> None:
        pen.flush()
        self.flowable.drawOn(pen.canv, x, y)


def _stack_height(cells: Sequence[Block]) -> float:
    """Height of blocks stacked in a table cell (reportlab's ``_listCellGeom``)."""
    if not cells:
        return 0.0
    total = sum(c.height + c.space_after + c.space_before for c in cells)
    return total - cells[0].space_before - cells[-1].space_after


def _row_positions(heights: Sequence[float]) -> list[float]:
    """Top of each row and bottom of the last, from the table's top, summed as reportlab does."""
    positions = []
    height = carry = 0.0
    for h in reversed(heights):
        positions.append(height)
        y = h - carry
        t = height + y
        carry = (t - height) - y
        height = t
    positions.append(height)
    positions.reverse()
    return positions  # positions[0] is the table's height, the last 0


class Grid:
    """A ruled table of text cells (``layout.grid_table``), each centred vertically in its row."""

    space_before = space_after = 0.0
    centred = True

    def __init__(
        self,
        rows: Sequence[Sequence[Block]],
        widths: Sequence[float],
        pad: tuple[float, float, float, float],  # left, right, top, bottom
        rule: float = 0.5,
    ) -> None:
        self.rows = rows
        self.widths = list(widths)
        self.pad = pad
        self.rule = rule
        _, _, top, bottom = pad
        self.row_heights = [max(c.height for c in row) + (bottom + top) for row in rows]
        self.positions = _row_positions(self.row_heights)
        self.height = self.positions[0]
        self.cols = [0.0]
        for w in self.widths:
            self.cols.append(self.cols[-1] + w)
        self.width = self.cols[-1]

    def draw(self, pen: Pen, x: float, y: float) -> None:
        left, _, top, bottom = self.pad
        for row, row_h, row_y in zip(self.rows, self.row_heights, self.positions[1:], strict=True):
            for cell, col_x in zip(row, self.cols, strict=False):
                h = cell.height
                cell.draw(pen, x + col_x + left, y + row_y + (row_h + bottom - top + h) / 2.0 - h)
        pen.flush()
        canv = pen.canv
        canv.saveState()
        canv.setLineCap(1)
        canv.setLineJoin(1)
        canv.setStrokeColor(black)
        canv.setLineWidth(self.rule)
        bottom_y, top_y = y, y + self.height
        for row_y in self.positions:
            canv.line(x, y + row_y, x + self.width, y + row_y)
        for col_x in self.cols:
            canv.line(x + col_x, bottom_y, x + col_x, top_y)
        canv.restoreState()


class Columns:
    """One row of equal columns, each a stack of blocks from its top (``layout.signature_block``)."""

    space_before = space_after = 0.0
    centred = True

    def __init__(
        self, cells: Sequence[Sequence[Block]], width: float, pad: tuple[float, float, float, float]
    ):
        self.cells = cells
        self.col = width
        self.pad = pad
        self.width = width * len(cells)
        _, _, top, bottom = pad
        self.height = max(_stack_height(c) + (bottom + top) for c in cells)

    def draw(self, pen: Pen, x: float, y: float) -> None:
        left, _, top, _ = self.pad
        for i, cell in enumerate(self.cells):
            cy = y + self.height - top + (cell[0].space_before if cell else 0)
            for block in cell:
                cy -= block.space_before
                cy -= block.height
                block.draw(pen, x + i * self.col + left, cy)
                cy -= block.space_after


# ---------------------------------------------------------------- the page
class Column:
    """Blocks stacked down the roll's printable width, drawn on a page as tall as they need."""

    def __init__(self, width: float) -> None:
        self.width = width
        self.blocks: list[Block] = []

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    def text(self, runs: Runs, style: ParagraphStyle) -> None:
        self.blocks.append(text(runs, style, self.width))

    def content_height(self) -> float:
        """As ``pdfbuild._content_height``: every block's height and both its spaces."""
        total = 0.0
        for b in self.blocks:
            total += b.height + b.space_before + b.space_after
        return total

    def render(
        self,
        page: tuple[float, float],
        margins: tuple[float, float, float],  # left, top, bottom
        *,
        title: str,
        subject: str,
    ) -> bytes:
        """The PDF: one page of size ``page``, the column in the frame the margins leave.

        Same canvas settings and document information as ``pdfbuild.build_pdf``'s.
        """
        buf = io.BytesIO()
        canv = Canvas(buf, pagesize=page, invariant=1, initialFontName=REGULAR)
        canv.setAuthor(None)
        canv.setTitle(clean(title))
        canv.setSubject(clean(subject))
        canv.setCreator(CREATOR)
        canv.setProducer(None)
        canv.setKeywords([])
        pen = Pen(canv)
        left, top, bottom = margins
        y = bottom + (page[1] - top - bottom)  # the frame's top, computed as a Frame does
        at_top = True
        after = 0.0
        for b in self.blocks:
            space = 0.0
            if not at_top:  # a Frame: no space before the first block, spaces overlap
                space = max(b.space_before - after, 0.0)
            y0 = y
            y -= b.height + space
            x = left + (0.5 * (self.width - b.width) if b.centred else 0.0)
            b.draw(pen, x, y)
            y -= b.space_after
            after = b.space_after
            if y != y0:
                at_top = False
        pen.flush()
        canv.showPage()
        canv.save()
        return buf.getvalue()
