"""Code 128 and QR of the dossier code, drawn as vector rectangles.

The module pattern comes from python-barcode (its Code128 picks subset C for digit runs, which keeps
the 25-character dossier code at 288 modules); the bars are drawn by us so that they are exact
vector rectangles with no raster scaling.

Module width (X), chosen for the printers the counters use:
- ``LASER_MODULE`` = 0.3386 mm (4/300 inch): exactly 4 dots at 300 dpi and 8 at 600 dpi; rendered at
  203 dpi it still decodes at every sub-dot offset (0.254 mm did at only 4 of 10). 288 modules = 97.5 mm
  + two 10-module quiet zones = 104.3 mm: fits A4 beside its label and A5 under its label.
- ``THERMAL_MODULE`` = 0.25 mm: exactly 2 dots of a 203 dpi head. 288 modules = 72.0 mm, the whole
  printable width of an 80 mm roll; the quiet zones (10 X = 2.5 mm) fall on the 4 mm unprinted
  paper margins, which are always blank. Longer codes shrink X to the printable width.
Bar height ≥ 10 mm (ISO/IEC 15417 asks ≥ 15 % of the symbol width or 6.35 mm; hand scanners like more).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import lru_cache
from itertools import groupby

import barcode as python_barcode
from reportlab.graphics.barcode import qrencoder
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from counter_app.documents.fonts import REGULAR, check_glyphs
from counter_app.domain.errors import ValidationError

LASER_MODULE = 0.3386 * mm
THERMAL_MODULE = 0.25 * mm
QUIET_MODULES = 10  # ISO/IEC 15417 minimum quiet zone on each side
MIN_MODULE = 0.19 * mm  # below ~1.5 dots at 203 dpi a thermal print is no longer reliably readable


@lru_cache(maxsize=512)
def code128_runs(code: str) -> tuple[tuple[int, int], ...]:
    """Dark bars of ``code`` as (first module, width in modules), start/check/stop included."""
    if not code or not code.isascii() or not code.isprintable():
        raise ValidationError(
            "Mã hồ sơ không in được thành mã vạch: {code!r}", code=code, field="dossier_code"
        )
    pattern = python_barcode.get_barcode_class("code128")(code).build()[0]
    runs, pos = [], 0
    for bit, group in groupby(pattern):
        width = len(list(group))
        if bit == "1":
            runs.append((pos, width))
        pos += width
    return tuple(runs)


def code128_width(code: str) -> int:
    """Symbol width in modules, quiet zones excluded."""
    first, width = code128_runs(code)[-1]
    return first + width


class Code128Flowable(Flowable):
    """A Code 128 symbol with its human-readable text underneath.

    ``quiet_outside``: the frame is exactly the printable width (thermal roll) and the quiet zones lie
    on the unprinted paper margins; the flowable then only occupies the bars' width. ``max_width``
    lets a code longer than usual shrink its module instead of overflowing.
    """

    def __init__(
        self,
        code: str,
        *,
        module: float = LASER_MODULE,
        bar_height: float = 12 * mm,
        text_size: float = 10,
        quiet_outside: bool = False,
        max_width: float | None = None,
    ) -> None:
        super().__init__()
        self.code = code
        self.runs = code128_runs(code)
        self.modules = code128_width(code)
        self.quiet_outside = quiet_outside
        span = self.modules + (0 if quiet_outside else 2 * QUIET_MODULES)
        if max_width is not None and span * module > max_width:
            module = max_width / span
            if module < MIN_MODULE:
                raise ValidationError(
                    "Mã hồ sơ quá dài để in mã vạch: {code}", code=code, field="dossier_code"
                )
        self.module = module
        self.bar_height = bar_height
        self.text_size = text_size
        check_glyphs(code, REGULAR)
        self.hAlign = "CENTER"

    @property
    def quiet(self) -> float:
        """Width of one quiet zone, in points."""
        return QUIET_MODULES * self.module

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        pad = 0 if self.quiet_outside else 2 * self.quiet
        self.width = self.modules * self.module + pad
        self.height = self.bar_height + self.text_size * 1.35
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        x0 = 0 if self.quiet_outside else self.quiet
        y0 = self.text_size * 1.35
        bars_w = self.modules * self.module

        def paint(c: Canvas) -> None:
            path = c.beginPath()
            for first, width in self.runs:
                path.rect(first * self.module, 0, width * self.module, self.bar_height)
            c.setFillColorRGB(0, 0, 0)
            c.drawPath(path, stroke=0, fill=1)

        canv.saveState()
        canv.translate(x0, y0)
        _draw_once(canv, ("c128", self.code, self.module, self.bar_height), bars_w, self.bar_height, paint)
        canv.restoreState()
        canv.saveState()
        canv.setFont(REGULAR, self.text_size)
        canv.drawCentredString(x0 + self.modules * self.module / 2, self.text_size * 0.3, self.code)
        canv.restoreState()


def _draw_once(
    canv: Canvas, key: tuple, width: float, height: float, paint: Callable[[Canvas], None]
) -> None:
    """Paint into a Form XObject defined once per PDF and place it here.

    The A4 receipt shows the same symbols on both copies: the second copy then costs one
    reference instead of a few hundred rectangles to format (and store) again.
    """
    name = "sym" + hashlib.sha1(repr(key).encode()).hexdigest()[:16]
    if not canv.hasForm(name):
        canv.beginForm(name, 0, 0, width, height)
        paint(canv)
        canv.endForm()
    canv.doForm(name)


@lru_cache(maxsize=512)
def qr_runs(value: str) -> tuple[int, tuple[tuple[int, int, int], ...]]:
    """QR matrix of ``value`` (level M) as (size, dark runs (row, first column, length))."""
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(value)
    qr.make()
    runs = []
    for r, row in enumerate(qr.modules):
        c = 0
        for dark, group in groupby(bool(v) for v in row):
            n = len(list(group))
            if dark:
                runs.append((r, c, n))
            c += n
    return qr.getModuleCount(), tuple(runs)


class QrFlowable(Flowable):
    """A QR code of ``size`` points square, quiet zone of 4 modules included (ISO/IEC 18004)."""

    BORDER = 4

    def __init__(self, value: str, size: float = 22 * mm) -> None:
        super().__init__()
        self.value = value
        self.count, self.runs = qr_runs(value)
        self.width = self.height = size
        self.hAlign = "CENTER"

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        box = self.width / (self.count + 2 * self.BORDER)

        def paint(canv: Canvas) -> None:
            path = canv.beginPath()
            for r, c, n in self.runs:
                path.rect((c + self.BORDER) * box, self.height - (r + 1 + self.BORDER) * box, n * box, box)
            canv.setFillColorRGB(0, 0, 0)
            canv.drawPath(path, stroke=0, fill=1)

        _draw_once(self.canv, ("qr", self.value, self.width), self.width, self.height, paint)
