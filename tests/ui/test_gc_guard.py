"""Garbage is collected on the GUI thread's timer, not by the interpreter in any thread."""

from __future__ import annotations

import gc
import weakref

from pytestqt.qtbot import QtBot

from counter_app.ui.gc_guard import GuiThreadGarbageCollector


class Probe:
    other: Probe | None = None


def test_given_guard_then_automatic_collection_off_and_cycles_collected_on_timer(qtbot: QtBot) -> None:
    guard = GuiThreadGarbageCollector()
    try:
        assert not gc.isenabled()
        refs = []
        for _ in range(guard.threshold[0] + 10):  # enough allocations to ask for a collection
            a, b = Probe(), Probe()
            a.other, b.other = b, a  # a cycle: only the cyclic collector frees it
            refs.append(weakref.ref(a))
        del a, b
        assert refs[0]() is not None  # nothing collected them yet: automatic collection is off
        qtbot.waitUntil(lambda: all(ref() is None for ref in refs), timeout=3000)
    finally:
        guard.timer.stop()
        gc.enable()
