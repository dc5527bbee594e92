"""The receipt moment: a large banner with what the officer reads out to the citizen.

Shown as soon as a dossier is received — its code, the appointment as day name, date and time —
and then where the receipt went: to the printer, or to a file whose path is shown in full
(wrapping, selectable), or why it could not be printed (the dossier stays received).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPaintEvent, QResizeEvent, QTextOption
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QTextEdit, QWidget

OK_STYLE = "QFrame#receiptBanner { background: #e6f4ea; border: 2px solid #1b5e20; border-radius: 6px; }"
WAIT_COLOUR, OK_COLOUR, ERROR_COLOUR = "#5f6368", "#1b5e20", "#b00020"


def weekday_name(day: int) -> str:
    """Monday is 0, as ``datetime.weekday()`` counts."""
    names = (
        QCoreApplication.translate("ReceiptBanner", "Thứ Hai"),
        QCoreApplication.translate("ReceiptBanner", "Thứ Ba"),
        QCoreApplication.translate("ReceiptBanner", "Thứ Tư"),
        QCoreApplication.translate("ReceiptBanner", "Thứ Năm"),
        QCoreApplication.translate("ReceiptBanner", "Thứ Sáu"),
        QCoreApplication.translate("ReceiptBanner", "Thứ Bảy"),
        QCoreApplication.translate("ReceiptBanner", "Chủ Nhật"),
    )
    return names[day]


def appointment_words(at: datetime | None, timezone: str) -> str:
    """ "Thứ Năm, 10/12/2026 lúc 16:00" in the office's time zone, or that there is no appointment."""
    if at is None:
        return QCoreApplication.translate("ReceiptBanner", "Không hẹn ngày trả kết quả")
    local = at.astimezone(ZoneInfo(timezone))
    return QCoreApplication.translate("ReceiptBanner", "{0}, {1} lúc {2}").format(
        weekday_name(local.weekday()), local.strftime("%d/%m/%Y"), local.strftime("%H:%M")
    )


class PathView(QTextEdit):
    """A file path shown in full: wraps anywhere (a path has no spaces), selectable, copies clean."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setStyleSheet("QTextEdit { background: transparent; font-size: 13px; }")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def set_path(self, path: Path | None) -> None:
        self.setPlainText(str(path) if path is not None else "")
        self.setVisible(path is not None)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        # As tall as the wrapped text: the whole path is always visible, never scrolled.
        self.document().setTextWidth(self.viewport().width())
        self.setFixedHeight(int(self.document().size().height()) + 4)


class ReceiptBanner(QFrame):
    painted = Signal()  # after each paint: the benchmark measures accept → banner painted

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receiptBanner")
        self.setStyleSheet(OK_STYLE)
        self.code: str | None = None
        self.state = ""  # "", "pending", "printed", "saved", "cancelled", "print_failed", "not_issued"
        self.heading = QLabel(self.tr("✔ Đã tiếp nhận hồ sơ"))
        self.heading.setStyleSheet(f"color: {OK_COLOUR}; font-size: 15px; font-weight: bold")
        self.code_label = QLabel()
        self.code_label.setStyleSheet("font-size: 26px; font-weight: bold; font-family: monospace")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.appointment_label = QLabel()
        self.appointment_label.setStyleSheet("font-size: 20px; font-weight: bold")
        self.appointment_label.setWordWrap(True)
        self.receipt_label = QLabel()
        self.receipt_label.setWordWrap(True)
        self.receipt_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.path_view = PathView()
        self.path_view.hide()
        grid = QGridLayout(self)
        grid.addWidget(self.heading, 0, 0)
        grid.addWidget(self.code_label, 0, 1)
        grid.addWidget(QLabel(self.tr("Hẹn trả kết quả:")), 1, 0)
        grid.addWidget(self.appointment_label, 1, 1)
        grid.addWidget(QLabel(self.tr("Giấy tiếp nhận:")), 2, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.receipt_label, 2, 1)
        grid.addWidget(self.path_view, 3, 1)
        grid.setColumnStretch(1, 1)
        self.hide()

    def show_received(self, code: str, appointment: datetime | None, timezone: str, *, receipt: bool) -> None:
        """The dossier's code and appointment; ``receipt``: a receipt is being issued for it."""
        self.code = code
        self.code_label.setText(code)
        self.appointment_label.setText(appointment_words(appointment, timezone))
        if receipt:
            self._receipt("pending", self.tr("Đang lập giấy tiếp nhận…"), WAIT_COLOUR)
        else:
            self._receipt("", "", WAIT_COLOUR)
        self.show()

    def show_receipt(self, code: str, state: str, message: str, path: Path | None) -> None:
        """Where the receipt of ``code`` went; an outcome of an earlier dossier is left to the status bar."""
        if code != self.code:
            return
        texts = {
            "printing": (self.tr("Đang in giấy tiếp nhận…"), WAIT_COLOUR),
            "printed": (message, OK_COLOUR),  # the printer's own sentence: which printer, how many pages
            "saved": (
                self.tr("Không có máy in: giấy tiếp nhận đã lưu vào tệp (đã mở để xem và in):"),
                OK_COLOUR,
            ),
            "cancelled": (self.tr("Đã hủy in; giấy tiếp nhận đã lưu vào tệp:"), ERROR_COLOUR),
            "print_failed": (
                self.tr(
                    "Không in được ({0}). Hồ sơ vẫn đã được tiếp nhận; giấy tiếp nhận đã lưu vào tệp:"
                ).format(message),
                ERROR_COLOUR,
            ),
            "not_issued": (
                self.tr(
                    "Không lập được giấy tiếp nhận ({0}). Hồ sơ vẫn đã được tiếp nhận; in lại ở trang Theo dõi (F3)."
                ).format(message),
                ERROR_COLOUR,
            ),
        }
        text, colour = texts[state]
        self._receipt(state, text, colour, path if state in ("saved", "cancelled", "print_failed") else None)

    def _receipt(self, state: str, text: str, colour: str, path: Path | None = None) -> None:
        self.state = state
        self.receipt_label.setText(text)
        self.receipt_label.setStyleSheet(f"color: {colour}; font-size: 14px; font-weight: bold")
        self.path_view.set_path(path)

    def clear_banner(self) -> None:
        self.code, self.state = None, ""
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        self.painted.emit()
