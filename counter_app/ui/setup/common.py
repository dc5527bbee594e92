"""What every page of the set-up wizard shares: a red message under each field, the field focused.

The office page is built before the wizard, the first window of a new office, shows: nothing here
touches PySide6's ``Qt`` namespace, whose first use creates its ~90 Python enums (~25 ms, issue 11).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

ERROR_STYLE = "color: #b00020"
HINT_STYLE = "color: #555"


def weekday_names() -> tuple[str, ...]:
    """Monday (0) … Sunday (6), in the interface's language."""
    return (
        QCoreApplication.translate("setup", "Thứ Hai"),
        QCoreApplication.translate("setup", "Thứ Ba"),
        QCoreApplication.translate("setup", "Thứ Tư"),
        QCoreApplication.translate("setup", "Thứ Năm"),
        QCoreApplication.translate("setup", "Thứ Sáu"),
        QCoreApplication.translate("setup", "Thứ Bảy"),
        QCoreApplication.translate("setup", "Chủ nhật"),
    )


def error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    # Qt.TextInteractionFlag.TextSelectableByMouse, set by its name: see the module's docstring.
    label.setProperty("textInteractionFlags", "TextSelectableByMouse")
    label.hide()
    return label


def hint_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(HINT_STYLE)
    label.setWordWrap(True)
    return label


class FieldErrors:
    """The fields of one page by the names setup_spec's ValidationError.field uses, each with the
    label under it that shows why its value is refused (hidden while there is nothing to say)."""

    def __init__(self) -> None:
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}

    def field(self, name: str, widget: QWidget, *extra: QWidget) -> QWidget:
        """``widget`` (and any ``extra`` lines under it: hints, previews) above its error label."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        for item in extra:
            layout.addWidget(item)
        label = error_label()
        layout.addWidget(label)
        self.add(name, widget, label)
        return box

    def add(self, name: str, widget: QWidget, label: QLabel) -> None:
        """Register a field whose error label the page placed itself."""
        self.widgets[name], self.labels[name] = widget, label
        # Correcting a field takes its message away.
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(lambda _text: self.clear(name))
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(lambda _index: self.clear(name))
        elif isinstance(widget, QTimeEdit):
            widget.timeChanged.connect(lambda _time: self.clear(name))
        elif isinstance(widget, QAbstractButton):
            widget.toggled.connect(lambda _on: self.clear(name))

    def text(self, name: str) -> str:
        return self.labels[name].text()

    def clear(self, name: str | None = None) -> None:
        for key in [name] if name is not None else list(self.labels):
            self.labels[key].clear()
            self.labels[key].hide()

    def show(self, errors: Mapping[str, str]) -> bool:
        """Show ``errors`` (field → message, in the page's order), focus the first field refused;
        True when there is none."""
        self.clear()
        for name, message in errors.items():
            self.labels[name].setText(message)
            self.labels[name].show()
        first = next(iter(errors), None)
        if first is not None:
            widget = self.widgets[first]
            widget.setFocus()  # its reason: Qt.FocusReason.OtherFocusReason
            if isinstance(widget, QLineEdit):
                widget.selectAll()
        return first is None
