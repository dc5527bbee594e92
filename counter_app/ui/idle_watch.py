"""Noticing that nobody has touched the application for a while (the idle screen lock, issue 10).

An application-wide event filter: every key press, click, mouse move, wheel turn or touch, in any
of the application's windows, starts the countdown again; ``idle`` is emitted when it runs out.
The timeout is in milliseconds so that tests can drive it; 0 switches the watch off.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
    }
)


def minutes_to_ms(minutes: int) -> int:
    return minutes * 60_000


class IdleWatch(QObject):
    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self._timeout_ms = 0
        self._paused = False
        self._installed = False
        self.set_timeout(timeout_ms)

    @property
    def timeout_ms(self) -> int:
        return self._timeout_ms

    def set_timeout(self, timeout_ms: int) -> None:
        """A new countdown (0: never idle), started afresh unless the watch is paused."""
        self._timeout_ms = max(int(timeout_ms), 0)
        app = QApplication.instance()
        if self._timeout_ms and not self._installed and app is not None:
            app.installEventFilter(self)
            self._installed = True
        self._restart()

    def pause(self) -> None:
        """No countdown (while the screen is locked)."""
        self._paused = True
        self.timer.stop()

    def resume(self) -> None:
        self._paused = False
        self._restart()

    def remove(self) -> None:
        """Stop for good (the window closes)."""
        self.pause()
        app = QApplication.instance()
        if self._installed and app is not None:
            app.removeEventFilter(self)
        self._installed = False

    def _restart(self) -> None:
        if self._timeout_ms and not self._paused:
            self.timer.start(self._timeout_ms)
        else:
            self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in _INPUT and self._timeout_ms and not self._paused:
            self.timer.start(self._timeout_ms)
        return False
