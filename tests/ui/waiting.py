"""Waiting for the write lane (counter_app/ui/operations.py) in the UI tests.

The counter's writes run off the GUI thread, one after another: after a press, the test waits until
the op ran and its callbacks (the banner, the message line, the slip it queues) ran too — what the
officer would see a moment later. Only the waiting is here; what the tests assert is theirs.
"""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from counter_app.ui.operations import writes_idle


def writes_done(qtbot: QtBot, timeout: int = 20_000) -> None:
    """Every op submitted so far has run and been delivered (slips queued by their callbacks too)."""
    qtbot.waitUntil(writes_idle, timeout=timeout)
