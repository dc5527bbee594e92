"""The new slips: the control slip scans, every glyph is in its embedded font, archived data re-renders."""

from __future__ import annotations

import pytest
import zxingcpp
from fontTools.ttLib import TTFont
from slip_helpers import CODE, drawn_text_by_font, embedded_fonts, font_files, page_texts, render_gray
from slip_samples import (
    APPLICANT,
    apology_data,
    control_data,
    handover_data,
    refusal_data,
    register_data,
    result_data,
    stop_data,
    supplement_data,
)
from test_slip_fonts import ALPHABET_LINE

from counter_app.documents import registry
from counter_app.documents.control import render_control
from counter_app.documents.fonts import MissingGlyphError
from counter_app.documents.guidance import render_guidance
from counter_app.documents.receipt import render_receipt
from counter_app.documents.serial import from_json, to_json
from counter_app.documents.slip_data import ControlData, HandoffRow
from counter_app.documents.slip_data import RegisterRow as Row

SAMPLES = {
    "supplement": supplement_data,
    "refusal": refusal_data,
    "apology": apology_data,
    "stop": stop_data,
    "control": control_data,
    "register": register_data,
    "result": result_data,
    "handover": handover_data,
}


@pytest.mark.parametrize("dpi", [203, 300])
@pytest.mark.parametrize("code", [CODE, "000.00.00.H30-261231-9999", "H56.27-260101-0123"])
def test_control_slip_code128_and_qr_decode_to_the_dossier_code(code: str, dpi: int) -> None:
    image = render_gray(render_control(control_data(dossier_code=code)), 0, dpi)
    assert [r.text for r in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.Code128)] == [code]
    assert [r.text for r in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)] == [code]


def _with_every_letter(kind: str) -> object:
    """The sample with every Vietnamese letter in a free-text field the slip prints."""
    applicant = type(APPLICANT)(APPLICANT.full_name, APPLICANT.id_number, "Đường " + ALPHABET_LINE)
    text = "Lý do " + ALPHABET_LINE
    changes: dict[str, dict[str, object]] = {
        "supplement": {"reason": text, "applicant": applicant},
        "refusal": {"reason": text},
        "apology": {"reason": text},
        "stop": {"reason": text, "legal_basis": ALPHABET_LINE},
        "control": {
            "rows": (HandoffRow("Bộ phận Một cửa", "Sở Nội vụ", control_data().received_at, "late", text),)
        },
        "register": {"rows": tuple(_row(r) for r in register_data().rows[:1])},
        "result": {"relation": text},
        "handover": {"unit_name": text},
    }
    return SAMPLES[kind](**changes[kind])


def _row(row: Row) -> Row:
    from dataclasses import replace

    return replace(row, address_phone=ALPHABET_LINE)


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_every_character_drawn_has_a_glyph_in_its_embedded_font(kind: str) -> None:
    files = font_files()
    cmaps = {name: TTFont(path).getBestCmap() for name, path in files.items()}
    pdf = registry.render(kind, _with_every_letter(kind), "a4")
    for base, subtype, embedded in embedded_fonts(pdf):
        assert base in files and subtype == "/TrueType" and embedded, base
    for base, text in drawn_text_by_font(pdf).items():
        missing = sorted({c for c in text if not c.isspace() and ord(c) not in cmaps[base]})
        assert not missing, f"{base} lacks {missing}"
    assert ALPHABET_LINE in "".join(page_texts(pdf)).replace(" ", "")


def test_an_undrawable_character_refuses_the_slip() -> None:
    with pytest.raises(MissingGlyphError, match="U\\+1F600"):
        registry.render("refusal", refusal_data(reason="Thiếu giấy tờ 😀"), "a4")


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_archived_json_rebuilds_the_same_data_and_the_same_pdf(kind: str) -> None:
    data = SAMPLES[kind]()
    raw = registry.dump(data)
    assert registry.load(kind, raw) == data
    assert registry.render(kind, registry.load(kind, raw), "a4") == registry.render(kind, data, "a4")


def test_receipt_and_guidance_archive_too() -> None:
    from slip_helpers import guidance_data, receipt_data

    for kind, data, render in (
        ("receipt", receipt_data(), render_receipt),
        ("guide", guidance_data(), render_guidance),
    ):
        again = registry.load(kind, registry.dump(data))
        assert again == data and render(again) == render(data)  # type: ignore[operator]


def test_serial_keeps_the_office_local_day_and_refuses_what_it_cannot_store() -> None:
    data = control_data()
    raw = to_json(data)
    assert raw["received_at"] == "2026-11-23T16:10:00+07:00"
    assert from_json(ControlData, raw).received_at.utcoffset() == data.received_at.utcoffset()
    with pytest.raises(TypeError):
        to_json(data.received_at.replace(tzinfo=None))
    with pytest.raises(TypeError, match="unknown fields"):
        from_json(ControlData, {**raw, "surprise": 1})
    with pytest.raises(ValueError, match="unknown slip kind"):
        registry.form_of("letter")
    with pytest.raises(TypeError):
        registry.render("refusal", control_data(), "a4")
