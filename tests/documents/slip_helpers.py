"""Helpers of the slip tests: sample data, text extraction, rasterising, font inspection."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pypdfium2 as pdfium
from fontTools.ttLib import TTFont
from PIL import Image
from pypdf import PdfReader

from counter_app.documents.fonts import BOLD, ITALIC, REGULAR, register_fonts
from counter_app.documents.slip_data import (
    ApplicantInfo,
    DocumentLine,
    FeeLine,
    GuidanceData,
    OfficeInfo,
    ProcessingTime,
    ReceiptData,
)

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
CODE = "000.17.22.H56-261123-0001"
NAME = "Nguyễn Thị Ánh Hồng"
ADDRESS = "Số 12, Đường Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa"

OFFICE = OfficeInfo(
    governing_body="UBND TỈNH THANH HÓA",
    unit_name="TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
    place="Thanh Hóa",
    address="28 Đại lộ Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa",
    hotline="0237 3 722 999",
    signatory_name="Lê Văn Ấn",
    signatory_title="GIÁM ĐỐC",
)
# 2.001955 "Đăng ký nội quy lao động của doanh nghiệp" (docs/domain-rules.md §4): four documents, 1 original each.
DOCS = (
    DocumentLine("Văn bản đề nghị đăng ký nội quy lao động", 1, 0),
    DocumentLine("Nội quy lao động", 1, 0),
    DocumentLine("Văn bản góp ý của tổ chức đại diện người lao động tại cơ sở (nếu có)", 1, 0),
    DocumentLine(
        "Các văn bản của người sử dụng lao động có quy định liên quan đến kỷ luật lao động, "
        "trách nhiệm vật chất (nếu có)",
        1,
        2,
    ),
)


def receipt_data(**changes: object) -> ReceiptData:
    """A realistic receipt; keyword arguments replace fields."""
    data = ReceiptData(
        office=OFFICE,
        dossier_code=CODE,
        applicant=ApplicantInfo(NAME, "038186001234", ADDRESS, "0912 345 678", "anhhong@example.vn"),
        procedure_name="Đăng ký nội quy lao động của doanh nghiệp",
        documents=DOCS,
        legal_term_text="07 ngày làm việc",
        received_at=datetime(2026, 11, 23, 16, 10, tzinfo=TZ),
        appointment_at=datetime(2026, 11, 27, 16, 0, tzinfo=TZ),
        return_method="Tại Bộ phận Một cửa",
        receiving_officer="Trần Văn Đức",
        fees=(FeeLine("Phí thẩm định", 150_000),),
        register_book=1,
        register_seq=125,
        slip_number="125/TNHS",
    )
    return replace(data, **changes)


def guidance_data(**changes: object) -> GuidanceData:
    """A realistic guidance slip; keyword arguments replace fields."""
    data = GuidanceData(
        office=OFFICE,
        procedure_code="2.001955",
        procedure_name="Đăng ký nội quy lao động của doanh nghiệp",
        field_name="Lao động, tiền lương",
        level="Cấp tỉnh",
        documents=DOCS,
        processing_times=(
            ProcessingTime("Trực tiếp", "07 ngày làm việc"),
            ProcessingTime("Trực tuyến", "07 ngày làm việc"),
        ),
        submit_at="Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa",
        receive_at="Tại nơi nộp hồ sơ hoặc qua dịch vụ bưu chính công ích",
        guiding_officer="Trần Văn Đức",
        printed_at=datetime(2026, 11, 23, 9, 5, tzinfo=TZ),
        legal_bases=("Bộ luật Lao động số 45/2019/QH14", "Nghị định số 145/2020/NĐ-CP"),
        results=("Thông báo về việc đăng ký nội quy lao động",),
        fees=(FeeLine("Lệ phí", 0),),
        guided_person=NAME,
    )
    return replace(data, **changes)


def squash(text: str) -> str:
    """Collapse whitespace: wrapped lines come out of the PDF with newlines between them."""
    return re.sub(r"\s+", " ", text).strip()


def page_texts(pdf: bytes) -> list[str]:
    """Whitespace-collapsed text of each page (pypdf)."""
    return [squash(p.extract_text()) for p in PdfReader(io.BytesIO(pdf)).pages]


def render_gray(pdf: bytes, page: int, dpi: float) -> Image.Image:
    """Rasterise one page with pdfium as an 8-bit grayscale image, as a scanner would see a print."""
    doc = pdfium.PdfDocument(pdf)
    try:
        bitmap = doc[page].render(scale=dpi / 72, grayscale=True)
        return bitmap.to_pil().convert("L")
    finally:
        doc.close()


def font_files() -> dict[str, Path]:
    """PostScript name → file of the fonts the slips embed."""
    chosen = register_fonts()
    out = {}
    for name in (REGULAR, BOLD, ITALIC):
        path = chosen.path_of(name)
        out[TTFont(path)["name"].getDebugName(6)] = path
    return out


def drawn_text_by_font(pdf: bytes) -> dict[str, str]:
    """All text the PDF draws, grouped by the base font (subset prefix removed) it is drawn with."""
    found: dict[str, list[str]] = {}

    for page in PdfReader(io.BytesIO(pdf)).pages:

        def visit(text: str, cm: object, tm: object, font: dict | None, size: float) -> None:
            if text.strip() and font is not None:
                base = str(font.get("/BaseFont", "?")).lstrip("/").split("+")[-1]
                found.setdefault(base, []).append(text)

        page.extract_text(visitor_text=visit)
    return {k: "".join(v) for k, v in found.items()}


def embedded_fonts(pdf: bytes) -> set[tuple[str, str, bool]]:
    """(base font, subtype, has an embedded font program) of every font the pages use."""
    out = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            desc = font.get("/FontDescriptor")
            embedded = desc is not None and any(k in desc.get_object() for k in ("/FontFile2", "/FontFile3"))
            out.add((str(font["/BaseFont"]).lstrip("/").split("+")[-1], str(font["/Subtype"]), embedded))
    return out
