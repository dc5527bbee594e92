"""Printing slips (PDF bytes) through Qt, at the printer's resolution, with the slip's paper size.

Pages are rasterised with pdfium (pypdfium2) at the printer's dpi and drawn 1:1, so a barcode's
bars land on whole printer dots. The printer chosen once per slip kind is remembered and used
silently afterwards; with no printer at all the slip is saved and opened instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QCoreApplication, QMarginsF, QSettings, QSizeF, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

POINTS_PER_INCH = 72


def page_size_of(pdf: pdfium.PdfDocument) -> QPageSize:
    width, height = pdf[0].get_size()  # points
    return QPageSize(QSizeF(width, height), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)


def render_to(printer: QPrinter, pdf_bytes: bytes) -> int:
    """Draw every page of the PDF on ``printer``; returns the number of pages printed."""
    pdf = pdfium.PdfDocument(pdf_bytes)
    try:
        printer.setPageLayout(
            QPageLayout(page_size_of(pdf), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
        )
        printer.setFullPage(True)
        dpi = printer.resolution()
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError(QCoreApplication.translate("SlipPrinter", "máy in không nhận lệnh in"))
        try:
            for index in range(len(pdf)):
                if index:
                    printer.newPage()
                page = pdf[index]
                bitmap = page.render(scale=dpi / POINTS_PER_INCH, grayscale=True)
                image = bitmap.to_pil().convert("L")
                qimage = QImage(
                    image.tobytes(), image.width, image.height, image.width, QImage.Format.Format_Grayscale8
                )
                painter.drawImage(0, 0, qimage)
            return len(pdf)
        finally:
            painter.end()
    finally:
        pdf.close()


@dataclass(frozen=True)
class PrintOutcome:
    """What became of a slip sent to print: a sentence for the officer, and where it went."""

    message: str
    state: str  # "printed" (on a printer), "saved" (no printer: saved and opened), "cancelled"


class SlipPrinter:
    """Prints a slip on the printer remembered for its kind (asking once), or saves and opens it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._parent = parent

    @staticmethod
    def remembered(kind: str) -> str:
        return str(QSettings().value(f"printers/{kind}", "") or "")

    def print_slip(
        self, kind: str, pdf_bytes: bytes, saved_path: Path | None, *, preview: bool = False
    ) -> str:
        """Print; returns a Vietnamese sentence saying what happened (for the status bar)."""
        return self.print_outcome(kind, pdf_bytes, saved_path, preview=preview).message

    def print_outcome(
        self, kind: str, pdf_bytes: bytes, saved_path: Path | None, *, preview: bool = False
    ) -> PrintOutcome:
        """Print, and say whether the slip reached a printer (the receipt banner tells the officer)."""
        if not QPrinterInfo.availablePrinters():
            if saved_path is not None:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(saved_path)))
            return PrintOutcome(
                QCoreApplication.translate(
                    "SlipPrinter", "Không có máy in: phiếu đã được lưu tại {0} và mở để xem."
                ).format(saved_path),
                "saved",
            )
        cancelled = PrintOutcome(QCoreApplication.translate("SlipPrinter", "Đã hủy in."), "cancelled")
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        name = self.remembered(kind)
        if name and any(p.printerName() == name for p in QPrinterInfo.availablePrinters()):
            printer.setPrinterName(name)
        else:
            dialog = QPrintDialog(printer, self._parent)
            if dialog.exec() != QPrintDialog.DialogCode.Accepted:
                return cancelled
            QSettings().setValue(f"printers/{kind}", printer.printerName())
        if preview:
            view = QPrintPreviewDialog(printer, self._parent)
            view.paintRequested.connect(lambda p: render_to(p, pdf_bytes))
            if view.exec() != QPrintPreviewDialog.DialogCode.Accepted:
                return cancelled
            return PrintOutcome(
                QCoreApplication.translate("SlipPrinter", "Đã in trên {0}.").format(printer.printerName()),
                "printed",
            )
        pages = render_to(printer, pdf_bytes)
        return PrintOutcome(
            QCoreApplication.translate("SlipPrinter", "Đã in {0} trang trên {1}.").format(
                pages, printer.printerName()
            ),
            "printed",
        )
