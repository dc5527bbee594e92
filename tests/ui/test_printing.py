"""Printing a slip through Qt onto a PDF printer keeps its pages, paper size and a scannable barcode."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import zxingcpp
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from testdata import MONDAY_9AM

from counter_app.documents.receipt import render_receipt
from counter_app.documents.slip_data import ApplicantInfo, DocumentLine, OfficeInfo, ReceiptData
from counter_app.ui.printing import render_to

CODE = "000.00.31.H56-261123-0007"


def receipt() -> ReceiptData:
    return ReceiptData(
        office=OfficeInfo("UBND TỈNH THANH HÓA", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "Thanh Hóa"),
        dossier_code=CODE,
        applicant=ApplicantInfo("Nguyễn Thị Ánh Hồng"),
        procedure_name="Đăng ký nội quy lao động của doanh nghiệp",
        documents=(DocumentLine("Nội quy lao động", 1, 0),),
        legal_term_text="07 ngày làm việc",
        received_at=MONDAY_9AM,
        appointment_at=MONDAY_9AM,
        return_method="Tại Bộ phận Một cửa",
        receiving_officer="Nguyễn Thị Lan",
    )


def print_to_pdf(pdf_bytes: bytes, out: Path, dpi: int) -> int:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setResolution(dpi)
    return render_to(printer, pdf_bytes)


def decoded_codes(pdf_file: Path, page: int, dpi: int) -> set[str]:
    document = pdfium.PdfDocument(str(pdf_file))
    image = document[page].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    document.close()
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.Code128)
    return {b.text for b in found}


def test_given_a4_receipt_when_printed_then_two_pages_a4_and_barcode_scans(
    qtbot: QtBot, tmp_path: Path
) -> None:
    out = tmp_path / "printed.pdf"
    pages = print_to_pdf(render_receipt(receipt(), "a4"), out, dpi=300)

    assert pages == 2
    printed = pdfium.PdfDocument(str(out))
    assert len(printed) == 2
    width, height = printed[0].get_size()
    printed.close()
    assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2  # A4 in points
    assert CODE in decoded_codes(out, 0, 300)


def test_given_thermal_receipt_when_printed_at_203_dpi_then_80mm_wide_and_barcode_scans(
    qtbot: QtBot, tmp_path: Path
) -> None:
    out = tmp_path / "thermal.pdf"
    print_to_pdf(render_receipt(receipt(), "thermal80"), out, dpi=203)

    printed = pdfium.PdfDocument(str(out))
    width, _ = printed[0].get_size()
    printed.close()
    assert abs(width - 80 / 25.4 * 72) < 2  # 80 mm roll
    assert CODE in decoded_codes(out, 0, 203)
