"""UI tests: Python's garbage collector runs on the GUI thread, as in the application."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from counter_app.ui.gc_guard import GuiThreadGarbageCollector


@pytest.fixture(autouse=True)
def gui_thread_gc(qtbot: QtBot) -> Iterator[None]:
    # Pages run long queries in worker threads; a collection started there could destroy Qt objects
    # off the GUI thread. The application prevents it the same way (counter_app/app.py).
    guard = GuiThreadGarbageCollector()
    yield
    guard.timer.stop()
    gc.enable()
    gc.collect()
