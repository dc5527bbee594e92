"""Fonts of the slips: Times New Roman when the system has a Vietnamese-complete one, else bundled.

Administrative documents are set in Times New Roman (Nghị định 30/2020/NĐ-CP). Windows ships it;
Linux machines rarely do, and old copies (e.g. the 1990s "core fonts") may lack Vietnamese letters,
so a system font is used only if it covers every Vietnamese letter. Otherwise the bundled
Liberation Serif 2.1.5 (SIL OFL 1.1, metric-compatible with Times New Roman, so line breaks match)
from ``resources/fonts/`` is used. Debian's older Liberation Serif 1.07 lacks 92 Vietnamese glyphs:
never substitute that one.

``COUNTER_APP_SLIP_FONT=bundled`` forces the bundled font (reproducible output on every machine).

The bundled files are found through ``counter_app.bundled`` (installed package data, or the source
tree's ``resources/fonts``).
"""

from __future__ import annotations

import os
import sys
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from counter_app.bundled import resource_path
from counter_app.domain.errors import ValidationError

BUNDLED_FONT_DIR = resource_path("fonts")

# reportlab names of the four faces; renderers only ever use these.
REGULAR = "SlipSerif"
BOLD = "SlipSerif-Bold"
ITALIC = "SlipSerif-Italic"
BOLD_ITALIC = "SlipSerif-BoldItalic"


def _vietnamese_letters() -> frozenset[str]:
    """Every Vietnamese letter (12 vowels × 6 tones, upper and lower case, đ/Đ) plus printable ASCII."""
    chars = set("đĐ")
    for vowel in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY":
        chars.add(vowel)
        for tone in "\u0300\u0301\u0303\u0309\u0323":  # huyền, sắc, ngã, hỏi, nặng
            chars.add(unicodedata.normalize("NFC", vowel + tone))
    chars.update(chr(c) for c in range(0x20, 0x7F))
    chars.update("–…“”‘’")  # punctuation the form texts use
    return frozenset(chars)


VIETNAMESE_CHARS = _vietnamese_letters()

# Characters a Paragraph turns into spaces: never drawn, so they need no glyph.
_WHITESPACE = frozenset("\t\n\r")


@dataclass(frozen=True)
class FontSet:
    """The font files in use; ``label`` is the family name shown in messages."""

    label: str
    regular: Path
    bold: Path
    italic: Path
    source: str  # "system" or "bundled"

    def path_of(self, font_name: str) -> Path:
        """File behind one of the reportlab names (bold italic falls back to the bold file)."""
        return {REGULAR: self.regular, BOLD: self.bold, ITALIC: self.italic, BOLD_ITALIC: self.bold}[
            font_name
        ]


BUNDLED = FontSet(
    label="Liberation Serif",
    regular=BUNDLED_FONT_DIR / "LiberationSerif-Regular.ttf",
    bold=BUNDLED_FONT_DIR / "LiberationSerif-Bold.ttf",
    italic=BUNDLED_FONT_DIR / "LiberationSerif-Italic.ttf",
    source="bundled",
)

# Known file names of Times New Roman: Windows/Fedora style and the Debian/Ubuntu corefonts style.
_TNR_NAMES = (
    ("times.ttf", "timesbd.ttf", "timesi.ttf"),
    ("Times_New_Roman.ttf", "Times_New_Roman_Bold.ttf", "Times_New_Roman_Italic.ttf"),
    ("Times New Roman.ttf", "Times New Roman Bold.ttf", "Times New Roman Italic.ttf"),
)


def _system_font_dirs() -> list[Path]:
    """Folders where an installed Times New Roman may live, most specific first."""
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        dirs = [windir / "Fonts"]
        if local := os.environ.get("LOCALAPPDATA"):
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")  # per-user installs
        return dirs
    if sys.platform == "darwin":
        return [
            Path("/System/Library/Fonts/Supplemental"),
            Path("/Library/Fonts"),
            Path.home() / "Library/Fonts",
        ]
    roots = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".local/share/fonts"]
    roots.append(Path.home() / ".fonts")
    # Linux installs put fonts in per-package sub-folders (truetype/msttcorefonts, msttcore …).
    return [Path(folder) for root in roots if root.is_dir() for folder, _, _ in os.walk(root)]


def covers_vietnamese(path: Path) -> bool:
    """True if the TrueType file has a glyph for every Vietnamese letter."""
    try:
        face = TTFont("_probe", str(path)).face
    except Exception:  # unreadable or restricted font: treat as unusable, fall back to the bundled one
        return False
    return all(ord(c) in face.charToGlyph for c in VIETNAMESE_CHARS)


def find_system_times() -> FontSet | None:
    """Return an installed, Vietnamese-complete Times New Roman, or None."""
    for folder in _system_font_dirs():
        for names in _TNR_NAMES:
            paths = [folder / n for n in names]
            if all(p.is_file() for p in paths) and all(covers_vietnamese(p) for p in paths):
                return FontSet("Times New Roman", paths[0], paths[1], paths[2], source="system")
    return None


def ps_name(path: Path) -> str:
    """The font's PostScript name, as a PDF names it (/BaseFont)."""
    name = TTFont("_probe", str(path)).face.name
    return name.decode("latin-1") if isinstance(name, bytes) else str(name)


@cache
def register_fonts() -> FontSet:
    """Choose the font files and register them with reportlab (once per process)."""
    chosen = None if os.environ.get("COUNTER_APP_SLIP_FONT") == "bundled" else find_system_times()
    chosen = chosen or BUNDLED
    for name in (REGULAR, BOLD, ITALIC, BOLD_ITALIC):
        pdfmetrics.registerFont(TTFont(name, str(chosen.path_of(name))))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
    return chosen


@cache
def _coverage(font_name: str) -> frozenset[int]:
    register_fonts()
    face = pdfmetrics.getFont(font_name).face
    return frozenset(face.charToGlyph)


class MissingGlyphError(ValidationError):
    """Text contains characters the slip font cannot draw (it would print as empty boxes)."""

    def __init__(self, font_label: str, font_name: str, missing: list[str]) -> None:
        listing = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in missing)
        super().__init__(
            "Phông chữ {font_label} ({font_name}) không có ký tự: {listing}. "
            "Hãy sửa nội dung (bỏ ký tự đặc biệt, biểu tượng cảm xúc) trước khi in.",
            font_label=font_label,
            font_name=font_name,
            listing=listing,
        )
        self.missing = missing


def check_glyphs(text: str, font_name: str) -> None:
    """Raise MissingGlyphError listing every character of ``text`` that ``font_name`` lacks."""
    covered = _coverage(font_name)
    missing = sorted({c for c in text if ord(c) not in covered and c not in _WHITESPACE})
    if missing:
        raise MissingGlyphError(register_fonts().label, font_name, missing)
