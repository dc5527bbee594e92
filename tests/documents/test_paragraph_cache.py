"""Paragraph markup is parsed once and reused (issue 11: the parser was a fifth of a receipt's time);
the PDF stays byte for byte what a fresh parse gives, whatever was drawn before."""

from __future__ import annotations

import pytest
from slip_helpers import guidance_data, receipt_data

from counter_app.documents.guidance import render_guidance
from counter_app.documents.receipt import render_receipt
from counter_app.documents.styles import _parsed


@pytest.mark.parametrize("layout", ["a4", "a5", "thermal80"])
def test_given_slips_drawn_before_then_a_receipt_is_byte_identical_to_a_fresh_parse(layout: str) -> None:
    _parsed.cache_clear()
    fresh = render_receipt(receipt_data(), layout)

    render_guidance(guidance_data(), "a4")
    render_receipt(receipt_data(dossier_code="000.00.31.H56-261204-0002"), layout)
    again = render_receipt(receipt_data(), layout)

    assert again == fresh
    assert _parsed.cache_info().hits > 0  # the labels and wording were parsed once
