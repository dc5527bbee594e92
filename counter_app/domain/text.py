"""Vietnamese text normalisation and search keys.

* ``normalize`` is what every text input goes through before it is stored: NFC, trimmed,
  runs of whitespace collapsed to one space.
* ``search_key`` is what names and addresses are compared by: case, tone marks and other
  diacritics are ignored and đ/Đ is folded to d, so both tone placements (hòa/hoà, thủy/thuỷ)
  and NFC/NFD input give the same key.
"""

from __future__ import annotations

import unicodedata

__all__ = ["normalize", "search_key"]

# đ/Đ have no Unicode decomposition, so dropping combining marks does not touch them.
# Ð/ð (U+00D0/U+00F0, Latin "eth") look identical to Đ/đ and turn up in text converted from
# legacy Vietnamese encodings (TCVN3/VNI), so they are folded the same way.
_D_FOLD = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})


def normalize(s: str) -> str:
    """Return ``s`` in NFC form, stripped, with every run of whitespace replaced by one space."""
    return " ".join(unicodedata.normalize("NFC", s).split())


# Control, formatting (e.g. right-to-left overrides), private-use and unpaired surrogate characters:
# never typed on purpose, invisible or misleading on a slip, and absent from the slip's font.
_NEVER_PRINTED = frozenset({"Cc", "Cf", "Co", "Cs"})


def unprintable_char(s: str, *, symbols: bool = True) -> str | None:
    """The first character of ``s`` a slip cannot show, as "U+XXXX", or None; with
    ``symbols=False`` pictographs (emoji, "So") count too — a person's name never has one."""
    for char in s:
        category = unicodedata.category(char)
        if category in _NEVER_PRINTED or (not symbols and category == "So"):
            return f"U+{ord(char):04X}"
    return None


def search_key(s: str) -> str:
    """Return the case-, tone- and diacritic-insensitive key of ``s`` for searching.

    "Nguyễn Văn Hòa", "nguyen van hoa" and "NGUYỄN VĂN HOÀ" all give "nguyen van hoa".
    Compatibility characters are folded too (NFKD), so full-width letters and the
    ligatures of text copied from PDFs ("ﬁ") match their plain forms.
    The function is idempotent and gives the same key for NFC and NFD input.
    """
    # Decompose before and after case folding: folding can produce characters that
    # decompose further (Unicode's canonical caseless matching does the same).
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", s).casefold())
    stripped = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return " ".join(stripped.translate(_D_FOLD).split())
