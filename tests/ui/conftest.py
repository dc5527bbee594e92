"""UI tests: Python's garbage collector runs on the GUI thread, as in the application."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counter_app.ui import i18n
from counter_app.ui.gc_guard import GuiThreadGarbageCollector
from counter_app.ui.operations import wait_for_writes
from counter_app.ui.worker import wait_for_detached


@pytest.fixture(autouse=True)
def gui_thread_gc(qtbot: QtBot) -> Iterator[None]:
    # Pages run long queries in worker threads; a collection started there could destroy Qt objects
    # off the GUI thread. The application prevents it the same way (counter_app/app.py).
    guard = GuiThreadGarbageCollector()
    yield
    # Before qtbot closes the test's widgets: no job of theirs may still be running then — the
    # writes on the write lane (and the slips their callbacks queue) included.
    assert wait_for_writes(), "a write op still ran 30 s after the test"
    wait_for_detached()
    QApplication.processEvents()  # their results, delivered while the widgets still exist
    guard.timer.stop()
    gc.enable()
    gc.collect()


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    """The interface in English for one test (the core's messages through Qt's translators)."""
    translators = i18n.install_translators(qapp, "en")
    assert translators, "no English translation"
    yield
    i18n.remove_translators(qapp, translators)  # the other tests run in Vietnamese
