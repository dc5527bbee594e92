"""Is this installation whole? ``counter-cli self-test`` and ``counter-app --self-test`` (issue 12).

Run on every frozen build, after a silent install and by IT on a counter PC that misbehaves. Each
check prints one line, «OK» or «LỖI», with what it saw; the run fails (exit 1) when any check does.
Nothing of the office is touched: the database, slips and logs go to a temporary folder.

The checks, in order:

* resources — the bundled fonts, translations, catalogue and password list are there;
* translations — every .qm file loads into Qt, and both interface languages install;
* database — a new SQLite file is created and migrated to this version's schema; the demo office
  (and so the bundled national catalogue) is set up in it; a dossier is received and looked up;
* slips — every slip kind in every layout is drawn with the embedded Vietnamese font: from the
  received dossier (receipt, guide) and from bundled sample data (every kind); each PDF must hold
  its title with its diacritics, embed only the bundled fonts, and the font must have a glyph for
  every character of the texts drawn;
* barcode — the A4 receipt is rasterised with pdfium and its barcode found on the page: dozens of
  vertical bars of one height (``barcode_band``);
* qt — Qt's platform plugin starts a GUI application, and the plugins a frozen build must carry
  (platforms, print support, image formats, styles) load.
"""

from __future__ import annotations

import io
import json
import re
import sys
import tempfile
import time
import traceback
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from counter_app.bundled import resource_path

SAMPLES_FILE = ("selftest", "slips.json")
# A Code 128 of a dossier code (~25 characters) has well over this many bars.
MIN_BARS = 20
# Bars at least this many pixel rows tall at RASTER_SCALE (the receipt's barcode is ~10 mm: ~60 rows;
# a 14 pt capital's stem is ~20).
MIN_BAR_ROWS = 30
RASTER_SCALE = 150 / 72


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str
    seconds: float

    def line(self) -> str:
        return f"{'OK ' if self.ok else 'LỖI'}  {self.name}: {self.detail} ({self.seconds:.1f} s)"


class CheckFailed(Exception):
    """A check saw something wrong; the message says what, in Vietnamese."""


@dataclass
class CheckState:
    """What one check leaves for the next (the database check's folder and receipt)."""

    folder: Path
    receipt_pdf: bytes | None = None
    qt_app: object | None = None


# ------------------------------------------------------------------------------------------- checks


def check_resources(state: CheckState) -> str:
    from counter_app.documents.fonts import BUNDLED, covers_vietnamese
    from counter_app.domain.passwords import COMMON_PASSWORDS_FILE
    from counter_app.services.demo import DEFAULT_CATALOG
    from counter_app.ui.i18n import TRANSLATIONS_DIR

    fonts = [BUNDLED.regular, BUNDLED.bold, BUNDLED.italic]
    wanted = [*fonts, DEFAULT_CATALOG, COMMON_PASSWORDS_FILE, resource_path(*SAMPLES_FILE)]
    wanted += [TRANSLATIONS_DIR / f"{name}.qm" for name in ("counter_app_en", "qtbase_vi")]
    missing = [str(path) for path in wanted if not Path(path).is_file() or Path(path).stat().st_size == 0]
    if missing:
        raise CheckFailed("thiếu tệp " + ", ".join(missing))
    lacking = [font.name for font in fonts if not covers_vietnamese(font)]
    if lacking:
        raise CheckFailed("phông chữ đi kèm thiếu chữ tiếng Việt: " + ", ".join(lacking))
    return f"{len(wanted)} tệp, trong {resource_path()}"


def check_database(state: CheckState) -> str:
    from counter_app.db.database import Database
    from counter_app.db.migrate import stamped_revision
    from counter_app.db.schema_head import HEAD_REVISION
    from counter_app.documents.slip_layouts import LAYOUTS
    from counter_app.services.applicants import ApplicantInput
    from counter_app.services.demo import ensure_demo_setup
    from counter_app.services.lookup import lookup
    from counter_app.services.office_setup import procedure_choices
    from counter_app.services.offices import find_actor
    from counter_app.services.receiving import IntakeRequest, receive
    from counter_app.services.slips.issue import issue_or_reprint

    now = datetime.now(UTC)
    db = Database.open(f"sqlite:///{state.folder / 'counter.sqlite3'}", "self-test")
    try:
        revision = stamped_revision(db.engine)
        if revision != HEAD_REVISION:
            raise CheckFailed(f"lược đồ dữ liệu ở phiên bản {revision}, cần {HEAD_REVISION}")
        ensure_demo_setup(db, now=now)
        officer = find_actor(db, "canbo")
        applicant = ApplicantInput("Nguyễn Thị Ánh Hồng", id_number="038186001234", address="Thanh Hóa")
        received = None
        # The first procedures of the bundled catalogue in code order; one received only online
        # (no counter intake) is passed over.
        for choice in procedure_choices()[:10]:
            try:
                received = receive(db, officer, IntakeRequest(choice.code, applicant), now=now)
                break
            except Exception:  # noqa: BLE001 - the next procedure is tried; none at all fails below
                continue
        if received is None:
            raise CheckFailed("không tiếp nhận được hồ sơ nào với danh mục thủ tục kèm theo")
        view = lookup(db, officer, received.code)
        if view.applicant_name != applicant.full_name or view.status != "received":
            raise CheckFailed(f"tra cứu {received.code} trả về dữ liệu khác đã ghi")
        slips = state.folder / "slips"
        for layout in LAYOUTS["receipt"]:
            pdf = issue_or_reprint(
                db, officer, "receipt", received.code, layout=layout, now=now, archive_dir=slips
            )
            _check_pdf(pdf.pdf_bytes, f"giấy tiếp nhận {layout}", [received.code, "GIẤY TIẾP NHẬN"])
            if layout == "a4":
                state.receipt_pdf = pdf.pdf_bytes
        from counter_app.services.slips.issue import GuideKey

        guide = issue_or_reprint(
            db, officer, "guide", GuideKey(view.procedure_code, 1), layout="a4", now=now, archive_dir=slips
        )
        _check_pdf(guide.pdf_bytes, "phiếu hướng dẫn", [view.procedure_name[:20]])
    finally:
        db.close()
    sizes = len(LAYOUTS["receipt"])
    return f"tạo và nâng cấp đến {HEAD_REVISION}, tiếp nhận {received.code}, in giấy tiếp nhận {sizes} khổ và phiếu hướng dẫn"


def check_slips(state: CheckState) -> str:
    from counter_app.documents.registry import FORMS, load, render

    samples = json.loads(resource_path(*SAMPLES_FILE).read_text(encoding="utf-8"))
    missing = sorted(set(FORMS) - set(samples))
    if missing:
        raise CheckFailed("thiếu dữ liệu mẫu của " + ", ".join(missing))
    drawn = 0
    for kind, form in FORMS.items():
        data = load(kind, samples[kind])
        for layout in form.layouts:
            title = form.texts[form.current_version].get("title", "")
            _check_pdf(render(kind, data, layout), f"{form.label} ({layout})", [title] if title else [])
            drawn += 1
    return f"{len(FORMS)} loại phiếu, {drawn} khổ, phông chữ nhúng đủ dấu tiếng Việt"


def check_barcode(state: CheckState) -> str:
    import pypdfium2 as pdfium

    if state.receipt_pdf is None:
        raise CheckFailed("không có giấy tiếp nhận để kiểm tra (kiểm tra cơ sở dữ liệu đã lỗi)")
    document = pdfium.PdfDocument(state.receipt_pdf)
    try:
        bitmap = document[0].render(scale=RASTER_SCALE, grayscale=True)
        width, height, stride = bitmap.width, bitmap.height, bitmap.stride
        pixels = bytes(bitmap.buffer)
    finally:
        document.close()
    found = barcode_band(pixels, width, height, stride)
    if found is None:
        raise CheckFailed("không thấy mã vạch trên trang đầu của giấy tiếp nhận A4")
    top, rows, bars = found
    return f"mã vạch cách mép trên {top * 25.4 / 150:.0f} mm, cao {rows * 25.4 / 150:.0f} mm, {bars} vạch"


def barcode_band(pixels: bytes, width: int, height: int, stride: int) -> tuple[int, int, int] | None:
    """(top row, height in rows, bars) of the biggest set of vertical dark bars (below 128) that all
    start and end on the same rows, at least MIN_BAR_ROWS tall and MIN_BARS of them; else None.

    Code 128 bars are drawn as rectangles of one height; letters' stems are shorter, a QR code's
    modules are short and a table's vertical rules are few."""
    dark = pixels.translate(_DARK)
    spans: dict[tuple[int, int], list[int]] = defaultdict(list)  # (top, bottom) → columns
    tall = re.compile(b"\x01{%d,}" % MIN_BAR_ROWS)
    for x in range(width):
        for match in tall.finditer(dark[x::stride][:height]):
            spans[(match.start(), match.end())].append(x)
    best: tuple[int, int, int] | None = None
    for (top, bottom), columns in spans.items():
        bars = 1 + sum(1 for a, b in zip(columns, columns[1:], strict=False) if b != a + 1)
        if bars >= MIN_BARS and (best is None or bars > best[2]):
            best = (top, bottom - top, bars)
    return best


_DARK = bytes(1 if value < 128 else 0 for value in range(256))


def check_translations(state: CheckState) -> str:
    # The checks that need Qt live in ui/, the only package that imports it.
    from counter_app.ui.selftest_checks import check_translations

    return check_translations(state)


def check_qt(state: CheckState) -> str:
    from counter_app.ui.selftest_checks import check_qt

    return check_qt(state)


CHECKS: tuple[tuple[str, Callable[[CheckState], str]], ...] = (
    ("Tệp đi kèm", check_resources),
    ("Bản dịch giao diện", check_translations),
    ("Cơ sở dữ liệu, tiếp nhận, in", check_database),
    ("Các loại phiếu", check_slips),
    ("Mã vạch trên giấy tiếp nhận", check_barcode),
    ("Thư viện Qt", check_qt),
)


# --------------------------------------------------------------------------------------------- run


def run_checks(checks: tuple[tuple[str, Callable[[CheckState], str]], ...] = CHECKS) -> Iterator[CheckResult]:
    """Each check's result as it finishes; a check that raises fails with its message (the
    traceback of an unexpected error goes to the detail's end, for IT)."""
    with _scratch() as folder:
        state = CheckState(folder)
        for name, check in checks:
            started = time.perf_counter()
            try:
                detail, ok = check(state), True
            except CheckFailed as exc:
                detail, ok = str(exc), False
            except Exception as exc:  # noqa: BLE001 - reported as a failed check, never a crash
                last = traceback.extract_tb(exc.__traceback__)[-1]
                detail = f"lỗi không lường trước {type(exc).__name__}: {exc} ({Path(last.filename).name}:{last.lineno})"
                ok = False
            yield CheckResult(name, ok, detail, time.perf_counter() - started)


def self_test(out: TextIO) -> int:
    """Run every check, one line each to ``out``; 0 when all pass, else 1."""
    failed = 0
    out.write(
        f"Tự kiểm tra counter_app — Python {sys.version.split()[0]}{' (bản đóng gói)' if _frozen() else ''}\n"
    )
    out.flush()
    for result in run_checks():
        out.write(result.line() + "\n")
        out.flush()
        failed += not result.ok
    out.write("Kết quả: đạt.\n" if not failed else f"Kết quả: {failed} mục LỖI.\n")
    return 1 if failed else 0


# ------------------------------------------------------------------------------------------ helpers


def _frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


@contextmanager
def _scratch() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="counter_app_selftest_") as folder:
        yield Path(folder)


def _check_pdf(pdf: bytes, what: str, expected: list[str]) -> None:
    """The PDF's text holds ``expected`` (diacritics and all), its fonts are the bundled ones, and
    those have a glyph for every character drawn."""
    import pypdfium2 as pdfium

    from counter_app.documents.fonts import REGULAR, MissingGlyphError, check_glyphs, ps_name, register_fonts

    if not pdf.startswith(b"%PDF"):
        raise CheckFailed(f"{what}: không phải tệp PDF")
    document = pdfium.PdfDocument(pdf)
    try:
        text = "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()
    flat = " ".join(text.split())
    for wanted in expected:
        if " ".join(wanted.split()) not in flat:
            raise CheckFailed(f"{what}: không thấy chữ «{wanted}» trong tệp PDF")
    fonts = _embedded_fonts(pdf)
    chosen = register_fonts()
    allowed = {ps_name(path) for path in (chosen.regular, chosen.bold, chosen.italic)}
    foreign = sorted(fonts - allowed)
    if not fonts or foreign:
        raise CheckFailed(
            f"{what}: phông chữ lạ trong tệp PDF: {', '.join(foreign) or 'không nhúng phông nào'}"
        )
    try:
        check_glyphs(flat, REGULAR)
    except MissingGlyphError as exc:
        raise CheckFailed(f"{what}: {exc}") from None


def _embedded_fonts(pdf: bytes) -> set[str]:
    """The base font names of the PDF's fonts (reportlab writes them as /BaseFont /SUBSET+Name)."""
    import re

    return {
        name.decode("latin-1").split("+")[-1] for name in re.findall(rb"/BaseFont\s*/([^\s/<>\[\]]+)", pdf)
    }


def main_lines(path: Path | None) -> int:
    """``counter-app --self-test [FILE]``: a windowed program has no console, so the lines go to
    FILE (default: self-test.txt in the logs folder) as well as to stdout when there is one."""
    buffer = io.StringIO()
    code = self_test(buffer)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(buffer.getvalue(), encoding="utf-8")
    if sys.stdout is not None:
        sys.stdout.write(buffer.getvalue())
    return code
