"""The status bar's message: what the last action did, with the saved file's path never cut off.

QStatusBar.showMessage clips a long sentence at the right edge, and the sentence that matters
most ("phiếu đã được lưu tại /a/long/path/….pdf") is the longest. Here the path is shortened in
its middle only when the bar is too narrow, the whole sentence is in the tooltip, and two
buttons copy the path or open its folder. A message naming a file stays until the next one (the
officer needs time to find the file); other messages go after a few seconds.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QToolButton, QWidget

from counter_app.ui.widgets.elided_label import ElidedLabel

TIMEOUT_MS = 8000


class StatusMessage(QWidget):
    changed = Signal()  # a message shown or cleared: the window shares the bar's width again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._path: Path | None = None
        self.label = ElidedLabel()
        self.copy_button = QToolButton()
        self.copy_button.setText(self.tr("Sao chép đường dẫn"))
        self.copy_button.setAutoRaise(True)
        self.copy_button.clicked.connect(self.copy_path)
        self.open_button = QToolButton()
        self.open_button.setText(self.tr("Mở thư mục"))
        self.open_button.setAutoRaise(True)
        self.open_button.clicked.connect(self.open_folder)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.copy_button)
        layout.addWidget(self.open_button)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear)
        self._copied = QTimer(self)
        self._copied.setSingleShot(True)
        self._copied.timeout.connect(lambda: self.copy_button.setText(self.tr("Sao chép đường dẫn")))
        self.clear()

    def path(self) -> Path | None:
        return self._path

    def text(self) -> str:
        return self.label.text()

    def show_message(self, text: str, path: Path | None = None, timeout_ms: int = TIMEOUT_MS) -> None:
        """Show ``text``; when it names ``path``, keep it and offer to copy the path or open its folder."""
        where = text.find(str(path)) if path is not None else -1
        self._path = path if where >= 0 else None
        span = (where, where + len(str(path))) if where >= 0 else None
        self.label.set_text(text, span)
        self.label.setToolTip(text)
        has_path = self._path is not None
        self.copy_button.setVisible(has_path)
        self.open_button.setVisible(has_path)
        if has_path:
            self.copy_button.setToolTip(self.tr("Sao chép vào bộ nhớ tạm: {0}").format(self._path))
            self.open_button.setToolTip(str(self._path.parent))  # type: ignore[union-attr]
            self._timer.stop()
        elif text and timeout_ms > 0:
            self._timer.start(timeout_ms)
        self.changed.emit()

    def clear(self) -> None:
        self._timer.stop()
        self._path = None
        self.label.set_text("")
        self.label.setToolTip("")
        self.copy_button.hide()
        self.open_button.hide()
        self.changed.emit()

    def copy_path(self) -> None:
        if self._path is None:
            return
        QGuiApplication.clipboard().setText(str(self._path))
        self.copy_button.setText(self.tr("Đã sao chép"))  # said where the officer is looking
        self._copied.start(2000)

    def open_folder(self) -> None:
        if self._path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._path.parent)))
