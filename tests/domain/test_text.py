"""Vietnamese text normalisation and search keys."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.text import normalize, search_key

NFD = "NFD"
VIETNAMESE_LETTERS = (
    "aăâbdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ "
)


def test_given_nfd_name_with_extra_spaces_when_normalized_then_nfc_single_spaced() -> None:
    raw = unicodedata.normalize(NFD, "  Nguyễn \t Văn\n\u00a0Hòa  ")

    result = normalize(raw)

    assert result == "Nguyễn Văn Hòa"
    assert unicodedata.is_normalized("NFC", result)


def test_given_blank_text_when_normalized_then_empty() -> None:
    assert normalize(" \t\r\n ") == ""


def test_given_normalize_when_text_has_old_tone_placement_then_it_is_kept() -> None:
    # normalize() does not rewrite spelling; only search_key() folds tone placement away.
    assert normalize("Hoà") == "Hoà"


@pytest.mark.parametrize(
    "variant",
    ["Nguyễn Văn Hòa", "nguyen van hoa", "NGUYỄN VĂN HOÀ", "Nguyễn  Văn   Hoà", " nguyễn văn hòa "],
)
def test_given_spellings_of_one_name_when_keyed_then_same_key(variant: str) -> None:
    assert search_key(variant) == "nguyen van hoa"


@pytest.mark.parametrize(("a", "b"), [("Thuỷ", "Thủy"), ("hoà", "hòa"), ("Khoẻ", "Khỏe"), ("Thúy", "thuý")])
def test_given_both_tone_placements_when_keyed_then_equal(a: str, b: str) -> None:
    assert search_key(a) == search_key(b)


@pytest.mark.parametrize(("text", "key"), [("Đặng Đức", "dang duc"), ("đường", "duong"), ("ĐĐ", "dd")])
def test_given_d_with_stroke_when_keyed_then_plain_d(text: str, key: str) -> None:
    assert search_key(text) == key


def test_given_latin_eth_from_legacy_encoding_when_keyed_then_plain_d() -> None:
    # U+00D0 looks like Đ and appears in text converted from TCVN3/VNI.
    assert search_key("\u00d0ặng") == search_key("Đặng") == "dang"


def test_given_all_vietnamese_vowels_when_keyed_then_plain_ascii() -> None:
    vowels = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"

    key = search_key(vowels + vowels.upper())

    assert key.isascii()
    assert set(key) == set("aeiouy")


def test_given_pdf_ligature_and_fullwidth_when_keyed_then_plain() -> None:
    assert search_key("ﬁle ＡＢＣ") == "file abc"


@given(st.text())
def test_given_any_text_when_keyed_twice_then_key_unchanged(text: str) -> None:
    key = search_key(text)

    assert search_key(key) == key


@given(st.text())
def test_given_any_text_when_keyed_in_nfc_and_nfd_then_same_key(text: str) -> None:
    assert search_key(unicodedata.normalize("NFC", text)) == search_key(unicodedata.normalize(NFD, text))


@given(st.text(alphabet=VIETNAMESE_LETTERS))
def test_given_vietnamese_text_when_keyed_then_ascii_and_case_insensitive(text: str) -> None:
    key = search_key(text)

    assert key.isascii()
    assert search_key(text.upper()) == key
