"""Garbage is collected on the GUI thread's timer, not by the interpreter in any thread."""

from __future__ import annotations

import gc

from pytestqt.qtbot import QtBot

from counter_app.ui.gc_guard import GuiThreadGarbageCollector


def test_given_guard_then_automatic_collection_off_and_cycles_collected_on_timer(qtbot: QtBot) -> None:
    guard = GuiThreadGarbageCollector()
    try:
        assert not gc.isenabled()

        class Node:
            pass

        for _ in range(guard.threshold[0] + 10):  # enough allocations to ask for a collection
            a, b = Node(), Node()
            a.other, b.other = b, a  # type: ignore[attr-defined]
        del a, b
        assert any(type(o).__name__ == "Node" for o in gc.get_objects())
        qtbot.waitUntil(lambda: not any(type(o).__name__ == "Node" for o in gc.get_objects()), timeout=3000)
    finally:
        guard.timer.stop()
        gc.enable()
