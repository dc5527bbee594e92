"""The receipt's Code 128 (and QR) decode with an independent reader at printer resolutions."""

from __future__ import annotations

import pytest
import zxingcpp
from PIL import Image
from reportlab.lib.units import mm
from slip_helpers import CODE, receipt_data, render_gray

from counter_app.documents.barcode import (
    LASER_MODULE,
    QUIET_MODULES,
    THERMAL_MODULE,
    Code128Flowable,
    code128_runs,
    code128_width,
)
from counter_app.documents.receipt import render_receipt
from counter_app.documents.styles import SPECS
from counter_app.domain.errors import ValidationError

PAGES = {"a4": (0, 1), "a5": (0,), "thermal80": (0,)}


def decode(image: Image.Image, fmt: zxingcpp.BarcodeFormat) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(image, formats=fmt)]


@pytest.mark.parametrize("dpi", [203, 300])
@pytest.mark.parametrize("layout", ["a4", "a5", "thermal80"])
def test_code128_decodes_to_the_dossier_code(layout: str, dpi: int) -> None:
    pdf = render_receipt(receipt_data(), layout)  # type: ignore[arg-type]
    for page in PAGES[layout]:  # both copies on A4
        image = render_gray(pdf, page, dpi)
        assert decode(image, zxingcpp.BarcodeFormat.Code128) == [CODE]


@pytest.mark.parametrize("layout", ["a4", "a5"])
def test_qr_beside_it_decodes_too(layout: str) -> None:
    image = render_gray(render_receipt(receipt_data(), layout), 0, 203)  # type: ignore[arg-type]
    assert decode(image, zxingcpp.BarcodeFormat.QRCode) == [CODE]


@pytest.mark.parametrize(
    "code",
    [
        "000.00.00.H30-261231-9999",
        "000.17.22.H56-210531-0001",
        "H56.27-260101-0123",
        "ABC",
        "000.17.22.H56-261123-0001-A",
    ],
)
def test_other_codes_decode_on_the_thermal_roll(code: str) -> None:
    image = render_gray(render_receipt(receipt_data(dossier_code=code), "thermal80"), 0, 203)
    assert decode(image, zxingcpp.BarcodeFormat.Code128) == [code]


def _bar_extent(image: Image.Image, module_px: float) -> tuple[int, int, int]:
    """(row, first dark column, last dark column) of the Code 128 the reader found, scanned locally."""
    (result,) = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.Code128)
    pos = result.position
    row = (pos.top_left.y + pos.bottom_left.y) // 2
    pixels = image.load()
    # Search a little outside the reader's box: its corners may sit inside the first and last bars.
    span = range(max(0, pos.top_left.x - round(3 * module_px)), pos.top_right.x + round(3 * module_px))
    dark = [x for x in span if x < image.size[0] and pixels[x, row] < 128]
    return row, dark[0], dark[-1]


@pytest.mark.parametrize("layout", ["a4", "a5", "thermal80"])
def test_quiet_zones_of_ten_modules_are_blank(layout: str) -> None:
    dpi = 203
    image = render_gray(render_receipt(receipt_data(), layout), 0, dpi)  # type: ignore[arg-type]
    module_px = (THERMAL_MODULE if layout == "thermal80" else LASER_MODULE) / 72 * dpi
    row, first, last = _bar_extent(image, module_px)
    assert (last - first + 1) == pytest.approx(code128_width(CODE) * module_px, abs=2)
    quiet = round(QUIET_MODULES * module_px)
    assert first - quiet >= 0 and last + quiet < image.size[0]  # on the paper
    pixels = image.load()
    # The pixel next to the outer bars may be anti-aliased grey: the zone proper starts after it.
    left = [pixels[x, row] for x in range(first - quiet, first - 1)]
    right = [pixels[x, row] for x in range(last + 2, last + 1 + quiet)]
    assert min(left) > 200 and min(right) > 200


def test_module_widths_suit_the_printers() -> None:
    # 0.25 mm = exactly 2 dots of a 203 dpi thermal head; 0.3386 mm = exactly 4 dots at 300 dpi.
    assert round(THERMAL_MODULE / 72 * 203, 2) == 2.0
    assert round(LASER_MODULE / 72 * 300, 2) == 4.0
    thermal = SPECS["thermal80"]
    bars = code128_width(CODE) * THERMAL_MODULE
    assert bars <= thermal.frame_width + 0.01  # within the 72 mm printable width
    assert min(thermal.left, thermal.right) >= QUIET_MODULES * THERMAL_MODULE  # quiet zones on the margins
    assert bars + 2 * QUIET_MODULES * THERMAL_MODULE <= 80 * mm


def test_bars_are_at_least_10mm_high() -> None:
    flowable = Code128Flowable(CODE, bar_height=10 * mm)
    assert flowable.bar_height >= 10 * mm
    assert flowable.wrap(0, 0)[0] == pytest.approx((code128_width(CODE) + 20) * LASER_MODULE)


def test_a_longer_code_shrinks_its_module_to_fit() -> None:
    long_code = "000.17.22.H56-261123-0001-A"  # 321 modules: X = 0.224 mm
    flowable = Code128Flowable(long_code, module=THERMAL_MODULE, quiet_outside=True, max_width=72 * mm)
    assert flowable.wrap(0, 0)[0] <= 72 * mm + 0.01
    with pytest.raises(ValidationError, match="quá dài"):
        Code128Flowable(long_code * 3, module=THERMAL_MODULE, quiet_outside=True, max_width=72 * mm)


@pytest.mark.parametrize("code", ["", "000.17.22.H56-261123-000Đ", "a\tb"])
def test_codes_that_cannot_be_encoded_are_refused(code: str) -> None:
    with pytest.raises(ValidationError):
        code128_runs(code)
