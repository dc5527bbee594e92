"""Run long work off the GUI thread, with a progress dialog and a cancel button.

The job receives a ``report(done, total) -> bool`` callback; it returns False once the user
pressed cancel, and the job is expected to stop (raising or returning early).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

Report = Callable[[int, int], bool]


class _Runner(QThread):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, job: Callable[[Report], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = job
        self.cancel_requested = threading.Event()

    def run(self) -> None:
        def report(done: int, total: int) -> bool:
            self.progressed.emit(done, total)
            return not self.cancel_requested.is_set()

        try:
            self.succeeded.emit(self._job(report))
        except Exception as exc:  # handed to the GUI thread, which decides how to show it
            self.failed.emit(exc)


def run_with_progress(
    parent: QWidget | None,
    label: str,
    job: Callable[[Report], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> _Runner:
    """Start ``job`` in a thread; a modal progress dialog follows it and can cancel it."""
    dialog = QProgressDialog(label, QCoreApplication.translate("worker", "Hủy"), 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    runner = _Runner(job, parent)

    def progressed(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)

    def finish() -> None:
        dialog.reset()
        dialog.deleteLater()

    runner.progressed.connect(progressed)
    runner.succeeded.connect(lambda result: (finish(), on_done(result)))
    runner.failed.connect(lambda exc: (finish(), on_error(exc)))
    dialog.canceled.connect(runner.cancel_requested.set)
    runner.finished.connect(runner.deleteLater)
    runner.start()
    return runner


def run_in_background(
    parent: QObject | None,
    job: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> _Runner:
    """Start ``job`` in a thread with no dialog (the caller shows its own busy indicator)."""
    runner = _Runner(lambda _report: job(), parent)
    runner.succeeded.connect(on_done)
    runner.failed.connect(on_error)
    runner.finished.connect(runner.deleteLater)
    runner.start()
    return runner


# Threads that belong to no widget, kept alive here until they finish (see run_detached).
_detached: set[_Runner] = set()


def run_detached(
    job: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> _Runner:
    """Start ``job`` in a thread that no widget owns, so closing a window while it runs can never
    destroy a running thread (Qt aborts the process then).

    Give bound methods of a QObject as ``on_done``/``on_error``: Qt then calls them on that object's
    thread (the GUI thread), and not at all once the object is gone.
    """
    app = QCoreApplication.instance()
    if app is not None and not _detached and not app.property("waits_for_detached"):
        # Quitting while a slip renders: let it finish (and be archived) before Python tears down.
        app.aboutToQuit.connect(wait_for_detached)
        app.setProperty("waits_for_detached", True)
    runner = _Runner(lambda _report: job())
    _detached.add(runner)
    runner.succeeded.connect(on_done)
    runner.failed.connect(on_error)
    runner.finished.connect(lambda: _detached.discard(runner))
    runner.finished.connect(runner.deleteLater)
    runner.start()
    return runner


def wait_for_detached(timeout_ms: int = 30_000) -> bool:
    """Wait for the detached threads (before the application quits, or at the end of a test)."""
    return all(runner.wait(timeout_ms) for runner in list(_detached))
