"""Every character a slip draws has a glyph in the embedded font; missing ones fail loudly."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import reportlab
from fontTools.ttLib import TTFont
from slip_helpers import (
    drawn_text_by_font,
    embedded_fonts,
    font_files,
    guidance_data,
    page_texts,
    receipt_data,
)

from counter_app.documents import fonts
from counter_app.documents.fonts import (
    BOLD,
    BUNDLED,
    ITALIC,
    REGULAR,
    VIETNAMESE_CHARS,
    MissingGlyphError,
    check_glyphs,
    register_fonts,
)
from counter_app.documents.guidance import render_guidance
from counter_app.documents.receipt import render_receipt
from counter_app.documents.slip_data import ApplicantInfo
from counter_app.domain.errors import ValidationError

# Every Vietnamese letter at least once, in upper and lower case, in one applicant's data.
ALPHABET_LINE = "".join(sorted(c for c in VIETNAMESE_CHARS if c.isalpha() and not c.isascii()))


def all_slips() -> dict[str, bytes]:
    applicant = ApplicantInfo(
        "Nguyễn Thị Ánh Hồng", address="Đường Lê Lợi, phường Hạc Thành " + ALPHABET_LINE, phone="0912"
    )
    data = receipt_data(applicant=applicant)
    return {
        "receipt-a4": render_receipt(data, "a4"),
        "receipt-a5": render_receipt(data, "a5"),
        "receipt-thermal80": render_receipt(data, "thermal80"),
        "guidance-a4": render_guidance(guidance_data(notes=(ALPHABET_LINE,))),
        "guidance-a5": render_guidance(guidance_data(notes=(ALPHABET_LINE,)), "a5"),
    }


def test_bundled_font_covers_every_vietnamese_letter() -> None:
    for path in (BUNDLED.regular, BUNDLED.bold, BUNDLED.italic):
        cmap = TTFont(path).getBestCmap()
        missing = sorted(c for c in VIETNAMESE_CHARS if ord(c) not in cmap)
        assert not missing, f"{path.name} lacks {missing}"
    assert len([c for c in VIETNAMESE_CHARS if c.isalpha() and not c.isascii()]) == 134  # 67 × 2 cases


def test_tests_use_the_bundled_liberation_serif_2() -> None:
    chosen = register_fonts()
    assert chosen.source == "bundled"
    assert TTFont(chosen.regular)["name"].getDebugName(5).startswith("Version 2.")  # 1.07 lacks Vietnamese
    licence = chosen.regular.parent / "OFL-LiberationSerif.txt"
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence.read_text(encoding="utf-8")


def test_every_character_drawn_on_every_slip_has_a_glyph_in_its_embedded_font() -> None:
    files = font_files()
    cmaps = {name: TTFont(path).getBestCmap() for name, path in files.items()}
    for slip, pdf in all_slips().items():
        # Only our fonts, all embedded: no silent fallback to a base-14 font without Vietnamese.
        for base, subtype, embedded in embedded_fonts(pdf):
            assert base in files and subtype == "/TrueType" and embedded, (slip, base)
        by_font = drawn_text_by_font(pdf)
        assert set(by_font) >= set(files), slip  # regular, bold and italic are all used
        for base, text in by_font.items():
            missing = sorted({c for c in text if not c.isspace() and ord(c) not in cmaps[base]})
            assert not missing, f"{slip}: {base} lacks {missing}"
        assert ALPHABET_LINE in "".join(page_texts(pdf)).replace(" ", ""), slip


@pytest.mark.parametrize("bad", ["Ꙛ", "😀", "\u0007"])
@pytest.mark.parametrize("font", [REGULAR, BOLD, ITALIC])
def test_check_glyphs_names_every_missing_character(bad: str, font: str) -> None:
    with pytest.raises(MissingGlyphError) as caught:
        check_glyphs(f"Nguyễn {bad} Hồng", font)
    assert caught.value.missing == [bad]
    assert f"U+{ord(bad):04X}" in caught.value.message
    assert isinstance(caught.value, ValidationError)  # a user-correctable error, shown as is


def test_check_glyphs_accepts_vietnamese_and_line_breaks() -> None:
    check_glyphs("".join(sorted(VIETNAMESE_CHARS)) + "\n\t", REGULAR)


def test_a_slip_with_an_undrawable_character_is_refused_not_printed() -> None:
    with pytest.raises(MissingGlyphError, match="U\\+1F600"):
        render_receipt(receipt_data(applicant=ApplicantInfo("Nguyễn Văn 😀")))
    with pytest.raises(MissingGlyphError, match="U\\+A65A"):
        render_guidance(guidance_data(procedure_name="Thủ tục Ꙛ"))


def test_system_times_is_used_only_when_it_covers_vietnamese(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    old = tmp_path / "old"  # a Times without Vietnamese (stand-in: reportlab's Vera)
    good = tmp_path / "good"
    old.mkdir()
    good.mkdir()
    vera = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"
    for name in ("times.ttf", "timesbd.ttf", "timesi.ttf"):
        shutil.copy(vera, old / name)
    sources = (BUNDLED.regular, BUNDLED.bold, BUNDLED.italic)
    for name, src in zip(("times.ttf", "timesbd.ttf", "timesi.ttf"), sources, strict=True):
        shutil.copy(src, good / name)
    monkeypatch.setattr(fonts, "_system_font_dirs", lambda: [old])
    assert fonts.find_system_times() is None
    monkeypatch.setattr(fonts, "_system_font_dirs", lambda: [old, good])
    found = fonts.find_system_times()
    assert found is not None and found.source == "system" and found.regular == good / "times.ttf"
