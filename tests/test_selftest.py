"""The installation self-test (issue 12): one line per check, non-zero exit on any failure, and each
check really fails when what it checks is broken."""

from __future__ import annotations

import io
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from fresh_process import run_python

from counter_app import selftest
from counter_app.documents import fonts
from counter_app.documents.guidance import render_guidance
from counter_app.documents.receipt import render_receipt
from counter_app.selftest import CHECKS, barcode_band, run_checks, self_test

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "documents"))
from slip_helpers import guidance_data, receipt_data  # noqa: E402


def test_given_this_installation_then_cli_self_test_passes_every_check_one_line_each() -> None:
    done = run_python("from counter_app.cli import main; raise SystemExit(main(['self-test']))")

    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stdout + done.stderr
    checks = [line for line in lines if line.startswith(("OK ", "LỖI"))]
    assert [line.split(":")[0][5:] for line in checks] == [name for name, _ in CHECKS]
    assert all(line.startswith("OK ") for line in checks)
    assert lines[-1] == "Kết quả: đạt."
    assert "Traceback" not in done.stderr


def test_given_app_self_test_then_lines_written_to_the_file_without_a_window(tmp_path: Path) -> None:
    out = tmp_path / "nested" / "self-test.txt"

    done = run_python(
        "import sys; from counter_app.app import main; raise SystemExit(main(sys.argv[1:]))",
        "--self-test",
        str(out),
    )

    assert done.returncode == 0, done.stdout + done.stderr
    text = out.read_text(encoding="utf-8")
    assert text.count("\nOK ") == len(CHECKS) and text.endswith("Kết quả: đạt.\n")


def test_given_a_bundled_font_missing_then_resources_check_fails_and_exit_is_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fonts, "BUNDLED", replace(fonts.BUNDLED, bold=tmp_path / "LiberationSerif-Bold.ttf"))
    out = io.StringIO()

    code = self_test(out)

    assert code == 1
    line = next(line for line in out.getvalue().splitlines() if line.startswith("LỖI"))
    assert line.startswith("LỖI  Tệp đi kèm: thiếu tệp") and "LiberationSerif-Bold.ttf" in line
    # The slips cannot be drawn either; the last line counts the failed checks.
    failed = sum(line.startswith("LỖI") for line in out.getvalue().splitlines())
    assert out.getvalue().endswith(f"Kết quả: {failed} mục LỖI.\n")


def test_given_a_font_without_vietnamese_letters_then_resources_check_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reportlab

    latin_only = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"  # no ơ, ư, ạ …
    monkeypatch.setattr(fonts, "BUNDLED", replace(fonts.BUNDLED, italic=latin_only))

    [result] = run_checks(CHECKS[:1])

    assert not result.ok and result.detail == "phông chữ đi kèm thiếu chữ tiếng Việt: Vera.ttf"


def test_given_a_damaged_translation_then_translations_check_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from counter_app.ui import i18n

    (tmp_path / "counter_app_en.qm").write_bytes(b"not a Qt translation")
    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", tmp_path)

    [result] = run_checks(CHECKS[1:2])

    assert not result.ok and result.detail == "không nạp được counter_app_en.qm"


def test_given_a_check_raising_unexpectedly_then_a_failed_line_not_a_traceback() -> None:
    def broken(state: object) -> str:
        raise RuntimeError("hỏng")

    [result] = run_checks((("Thử", broken),))

    assert not result.ok
    assert result.line().startswith("LỖI  Thử: lỗi không lường trước RuntimeError: hỏng (test_selftest.py:")


def test_given_barcode_check_then_it_finds_the_receipt_barcode_and_nothing_on_a_guide() -> None:
    import pypdfium2 as pdfium

    def band(pdf: bytes) -> tuple[int, int, int] | None:
        page = pdfium.PdfDocument(pdf)[0]
        bitmap = page.render(scale=selftest.RASTER_SCALE, grayscale=True)
        return barcode_band(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride)

    found = band(render_receipt(receipt_data(), "a4"))
    assert found is not None
    top, rows, bars = found
    assert 40 <= top * 25.4 / 150 <= 80 and rows >= selftest.MIN_BAR_ROWS and bars >= 40
    assert band(render_guidance(guidance_data(), "a4")) is None  # text, tables, no barcode


def test_given_the_shipped_slip_samples_then_they_are_what_the_script_writes_now() -> None:
    sys.path.insert(0, str(REPO / "scripts"))
    from make_selftest_slips import OUT, samples_json

    assert OUT.read_text(encoding="utf-8") == samples_json(), "run scripts/make_selftest_slips.py"


def test_given_the_self_test_first_in_a_process_then_widgets_can_still_be_made() -> None:
    # Its Qt application is a QApplication: had it been a QGuiApplication, the first widget made
    # afterwards in the same process (a test session, the desktop's own --self-test) would abort.
    done = run_python(
        "from counter_app.selftest import CHECKS, run_checks\n"
        "print([r.ok for r in run_checks(CHECKS[1:2])])\n"
        "from PySide6.QtWidgets import QLabel\n"
        "QLabel('x')\n"
        "print('widget made')\n"
    )

    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines() == ["[True]", "widget made"]
