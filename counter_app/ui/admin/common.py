"""What the administration tabs share: the line that says what happened, questions, tables."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

ERROR_STYLE = "color: #b00020"
DONE_STYLE = "color: #1b5e20"
GREY = "#808080"


class Feedback(QLabel):
    """One line (wrapped) under a tab's actions: what was done, or why it was refused."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.is_error = False

    def say(self, text: str, *, error: bool = False) -> None:
        self.is_error = error
        self.setStyleSheet(ERROR_STYLE if error else DONE_STYLE)
        self.setText(text)


def field_error_label() -> QLabel:
    """The red line shown next to a field its service refused."""
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def with_error(widget: QWidget, label: QLabel) -> QWidget:
    """A field with its error line (field_error_label) right under it, as one form row's cell."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(widget)
    layout.addWidget(label)
    return box


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Yes/No, No by default (Enter by habit changes nothing). Tests answer QMessageBox.question."""
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    return QMessageBox.question(parent, title, text, yes | no, no) == yes


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def plain_table(headers: list[str]) -> QTableWidget:
    """A read-only table, whole rows selected one at a time, the last column stretched."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def yes_no(value: bool) -> str:
    return (
        QCoreApplication.translate("admin", "Có") if value else QCoreApplication.translate("admin", "Không")
    )


def weekday_names() -> tuple[str, ...]:
    """Monday (0) … Sunday (6), in the interface's language."""
    return (
        QCoreApplication.translate("admin", "Thứ Hai"),
        QCoreApplication.translate("admin", "Thứ Ba"),
        QCoreApplication.translate("admin", "Thứ Tư"),
        QCoreApplication.translate("admin", "Thứ Năm"),
        QCoreApplication.translate("admin", "Thứ Sáu"),
        QCoreApplication.translate("admin", "Thứ Bảy"),
        QCoreApplication.translate("admin", "Chủ nhật"),
    )
