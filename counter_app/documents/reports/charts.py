"""Vector charts of the reports (reportlab.graphics), set in the slip font, every label glyph-checked.

* ``share_bars``: horizontal bars of shares 0–100 % (on-time rate by field), the value at each bar's end;
* ``count_bars``: horizontal bars of counts (satisfaction by level);
* ``day_chart``: received vs resolved per day (or week, month), as grouped columns.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.colors import Color, black
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

from counter_app.documents.fonts import REGULAR, check_glyphs
from counter_app.documents.layout import clean
from counter_app.documents.reports.page import vn_decimal, vn_int

BLUE = Color(0.16, 0.33, 0.58)
ORANGE = Color(0.93, 0.55, 0.17)
LEVEL_COLOURS = (
    Color(0.13, 0.55, 0.27),
    Color(0.45, 0.72, 0.35),
    Color(0.75, 0.75, 0.75),
    Color(0.93, 0.55, 0.17),
    Color(0.80, 0.20, 0.15),
)
SIZE = 8  # pt, every label


def _drawing(width: float, height: float) -> Drawing:
    """A drawing whose initial font is the slip font (reportlab's default state would put an
    unembedded Helvetica, without Vietnamese, into the PDF)."""
    d = Drawing(width, height)
    d.initialFontName, d.initialFontSize = REGULAR, SIZE  # type: ignore[attr-defined]
    return d


def _text(value: str) -> str:
    value = clean(value)
    check_glyphs(value, REGULAR)
    return value


def _wrap(label: str, width: float, lines: int = 2) -> str:
    """A category label on at most ``lines`` lines of ``width`` points (cut with '…' beyond)."""
    parts = simpleSplit(_text(label), REGULAR, SIZE, width)
    if len(parts) > lines:
        parts = parts[:lines]
        while parts[-1] and _width(parts[-1] + "…") > width:
            parts[-1] = parts[-1][:-1]
        parts[-1] = parts[-1].rstrip() + "…"
    return "\n".join(parts)


def _width(text: str) -> float:
    return stringWidth(text, REGULAR, SIZE)


def nice_step(top: float, ticks: int = 5) -> int:
    """A round axis step (1, 2, 5 × 10ⁿ) giving about ``ticks`` ticks up to ``top``."""
    raw = max(top, 1) / ticks
    power = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if m * power >= raw:
            return max(1, int(m * power))
    return int(10 * power)


def _style_axis(axis, labels: bool = True) -> None:  # type: ignore[no-untyped-def]
    axis.labels.fontName, axis.labels.fontSize = REGULAR, SIZE
    axis.strokeWidth = 0.5
    axis.visible = True
    if not labels:
        axis.labels.visible = False


def _hbars(
    labels: Sequence[str],
    values: Sequence[float],
    width: float,
    top: float,
    step: float,
    value_text: Sequence[str],
    colours: Sequence[Color] | None,
    axis_format,  # type: ignore[no-untyped-def]
) -> Drawing:
    label_w = min(width * 0.38, 70 * 2.835)
    bar_h = 16.0
    height = len(labels) * bar_h * 1.6 + 30
    d = _drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_w + 6, 18
    chart.width, chart.height = width - label_w - 40, height - 26
    # The first category is drawn at the bottom: reverse so the list reads top-down as in the table.
    chart.data = [list(reversed(values))]
    chart.categoryAxis.categoryNames = [_wrap(x, label_w - 4) for x in reversed(labels)]
    _style_axis(chart.categoryAxis)
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.textAnchor = "end"
    chart.categoryAxis.labels.dx = -3
    chart.categoryAxis.labels.leading = SIZE * 1.15
    _style_axis(chart.valueAxis)
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, top, step
    chart.valueAxis.labelTextFormat = axis_format
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeWidth = 0.25
    chart.valueAxis.gridStrokeColor = Color(0.8, 0.8, 0.8)
    chart.bars.strokeWidth, chart.bars.strokeColor = 0, None
    chart.bars[0].fillColor = BLUE
    if colours:
        for i, colour in enumerate(reversed(colours)):
            chart.bars[(0, i)].fillColor = colour
    chart.barSpacing, chart.groupSpacing = 0, bar_h * 0.6
    d.add(chart)
    # Values at the bars' ends (drawn as Strings: reportlab's bar labels cannot take the slip font).
    slot = chart.height / max(len(labels), 1)
    for i, text in enumerate(reversed(value_text)):
        v = chart.data[0][i]
        x = chart.x + chart.width * (v / top if top else 0) + 3
        y = chart.y + slot * (i + 0.5) - SIZE * 0.35
        d.add(String(x, y, _text(text), fontName=REGULAR, fontSize=SIZE, fillColor=black))
    return d


def share_bars(labels: Sequence[str], shares: Sequence[float], width: float) -> Drawing:
    """Shares 0–1 as 0–100 % bars, the value ('66,7%') at each bar's end."""
    values = [s * 100 for s in shares]
    texts = [vn_decimal(v, 1) + "%" for v in values]
    return _hbars(labels, values, width, 100, 20, texts, None, lambda v: f"{int(v)}%")


def count_bars(labels: Sequence[str], counts: Sequence[int], width: float, colours=LEVEL_COLOURS) -> Drawing:  # type: ignore[no-untyped-def]
    """Counts as bars (one colour per bar when ``colours`` is given)."""
    step = nice_step(max(counts, default=0))
    top = max(step * math.ceil(max(max(counts, default=0), 1) / step), step)
    return _hbars(labels, counts, width, top, step, [vn_int(c) for c in counts], colours, vn_int)


def day_chart(days: Sequence[str], received: Sequence[int], resolved: Sequence[int], width: float) -> Drawing:
    """Received vs resolved per day (or week, month): a pair of columns each, labels thinned to ~31,
    the counts above the columns up to 31 pairs."""
    height = 80 * 2.835
    d = _drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 34, 30, width - 44, height - 52
    chart.data = [list(received), list(resolved)]
    every = max(1, math.ceil(len(days) / 31))
    chart.categoryAxis.categoryNames = [_text(x) if i % every == 0 else "" for i, x in enumerate(days)]
    _style_axis(chart.categoryAxis)
    chart.categoryAxis.labels.angle = 45 if len(days) > 16 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(days) > 16 else "n"
    _style_axis(chart.valueAxis)
    top = max([*received, *resolved, 1])
    step = nice_step(top)
    chart.valueAxis.valueMin, chart.valueAxis.valueStep = 0, step
    chart.valueAxis.valueMax = step * math.ceil(top * 1.12 / step)  # room for the counts above
    chart.valueAxis.labelTextFormat = vn_int
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeWidth = 0.25
    chart.valueAxis.gridStrokeColor = Color(0.8, 0.8, 0.8)
    chart.bars.strokeWidth, chart.bars.strokeColor = 0, None
    chart.bars[0].fillColor, chart.bars[1].fillColor = BLUE, ORANGE
    chart.groupSpacing = 4 if len(days) <= 31 else 2
    if len(days) <= 31:  # the count above each column
        chart.barLabelFormat = lambda v: vn_int(int(v)) if v else ""
        chart.barLabels.fontName, chart.barLabels.fontSize = REGULAR, SIZE - 1
        chart.barLabels.nudge = 5
    d.add(chart)
    legend = Legend()
    legend.x, legend.y = chart.x, height - 6
    legend.fontName, legend.fontSize = REGULAR, SIZE
    legend.alignment = "right"
    legend.columnMaximum, legend.deltax = 1, 110
    legend.dx = legend.dy = 7
    legend.colorNamePairs = [(BLUE, _text("Số hồ sơ tiếp nhận")), (ORANGE, _text("Số hồ sơ đã giải quyết"))]
    d.add(legend)
    return d
