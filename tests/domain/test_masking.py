"""Masking ID numbers and phone numbers for lists: CCCD 4 + 2, CMND 2 + 2, phone 4 + 2 in national form,
anything else conservatively; never raises."""

from __future__ import annotations

import pytest

from counter_app.domain.masking import mask_id_number, mask_phone, mask_search


@pytest.mark.parametrize(
    ("number", "masked"),
    [
        ("038190012345", "0381******45"),  # CCCD: the first 4 and the last 2
        ("038 190 012 345", "0381******45"),  # as typed, with spaces
        (" 038.190.012-345 ", "0381******45"),
        ("172345678", "17*****78"),  # CMND: the first 2 and the last 2, at least half hidden
        ("172 345 678", "17*****78"),
        ("0381900123", "********23"),  # 10 digits: neither a CCCD nor a CMND
        ("12345678", "******78"),  # unknown shape of 8: the last 2 only
        ("1234567", "*******"),  # shorter: nothing kept
        ("12ab", "****"),
        ("C1234567", "******67"),  # a passport-like number: the last 2 only
        ("０３８１９００１２３４５", "**********４５"),  # full-width digits are not a CCCD's ASCII digits
        ("", ""),
        ("   ", ""),
        (None, ""),
    ],
)
def test_given_an_id_number_when_masked_then_cccd_keeps_4_and_2_cmnd_2_and_2_others_at_most_2(
    number: str | None, masked: str
) -> None:
    assert mask_id_number(number) == masked


@pytest.mark.parametrize(
    ("phone", "masked"),
    [
        ("0912345678", "0912****78"),  # mobile: the first 4 and the last 2
        ("0912 345 678", "0912****78"),
        ("0912.345.678", "0912****78"),
        ("(091) 234-5678", "0912****78"),
        ("+84 912 345 678", "0912****78"),  # shown in national form
        ("+84 0912 345 678", "0912****78"),  # a redundant trunk 0 after +84
        ("0084912345678", "0912****78"),
        ("84912345678", "0912****78"),
        ("02373852123", "0237*****23"),  # landline, 11 digits
        ("912345678", "*******78"),  # without its 0: unknown shape, the last 2 only
        ("0912", "****"),
        ("+84", "***"),  # the country code alone: nothing of it shown
        ("số nhà", "*****"),  # the blank inside is a separator
        ("", ""),
        (None, ""),
    ],
)
def test_given_a_phone_when_masked_then_national_form_first_4_and_last_2(
    phone: str | None, masked: str
) -> None:
    assert mask_phone(phone) == masked


def test_given_odd_input_then_masking_never_raises_and_never_shows_the_number() -> None:
    class Broken:
        def __str__(self) -> str:
            raise RuntimeError("no text")

    for value in (38190012345, 9.5, Broken(), b"0912345678", "x" * 500):
        for mask in (mask_id_number, mask_phone):
            out = mask(value)  # type: ignore[arg-type]
            assert isinstance(out, str)
            assert "38190012345" not in out and "0912345678" not in out
    assert mask_id_number(Broken()) == "" and mask_phone(Broken()) == ""  # type: ignore[arg-type]
    assert mask_phone("x" * 500) == "*" * 498 + "xx"


def test_given_a_masked_value_then_its_hidden_digits_are_stars_and_its_length_is_kept() -> None:
    for number in ("038190012345", "001085012345", "172345678"):
        masked = mask_id_number(number)
        assert len(masked) == len(number)
        assert sum(c != "*" for c in masked) <= len(number) // 2  # at least half hidden
        assert [c for c in masked if c != "*"] == [a for a, b in zip(number, masked, strict=True) if b != "*"]


@pytest.mark.parametrize(
    ("typed", "logged"),
    [
        ("038190012345", "0381******45"),
        ("038 190 012 345", "0381******45"),
        ("172345678", "17*****78"),
        ("0912 345 678", "0912****78"),
        ("+84 912 345 678", "0912****78"),
        ("000.00.31.h56-261123-0001", "000.00.31.H56-261123-0001"),  # a code is not personal data
        ("000.00.31.H56-2611", "000.00.31.H56-2611"),
        ("Nguyễn Thị Ánh Hồng", "N. T. Á. H."),
        ("nguyen", "n."),
        ("", ""),
    ],
)
def test_given_a_search_then_the_log_keeps_no_whole_number_or_name(typed: str, logged: str) -> None:
    assert mask_search(typed) == logged
