"""The long-job lane: long work off the GUI thread, with a progress dialog and a cancel button.

Backups and restores, catalogue imports, period reports, demo data, the wizard's set-up and the
database's opening run here, each on a thread of its own (``_Runner``, named ``counter-long-job``).
They never go through the write lane of ``operations.py`` — the ONE thread that runs the counter's
short writes (accept, refuse, return, the tracking actions, slips) in order — so a backup of several
minutes never holds up the next accept, and an accept never queues behind a report.

The job receives a ``report(done, total) -> bool`` callback; it returns False once the user
pressed cancel, and the job is expected to stop (raising or returning early).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

Report = Callable[[int, int], bool]


class _Runner(QThread):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, job: Callable[[Report], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counter-long-job")  # not the write lane (operations.py): see the docstring
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
    """Start ``job`` in a thread; a modal progress dialog follows it and can cancel it.

    The thread belongs to no widget (see ``_start``): if ``parent`` goes while it runs, the job
    finishes on its own and its result is dropped.
    """
    # Imported here: the first use of PySide6's Qt namespace creates its ~90 Python enums (~25 ms), and
    # app.py imports this module before the first window shows (issue 11).
    from PySide6.QtCore import Qt

    dialog = QProgressDialog(label, QCoreApplication.translate("worker", "Hủy"), 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    runner = _Runner(job)

    def progressed(done: int, total: int) -> None:
        if isValid(dialog):
            dialog.setMaximum(total)
            dialog.setValue(done)

    def finish() -> bool:
        """Close the dialog; False when the parent has gone (nothing left to tell)."""
        if isValid(dialog):
            dialog.reset()
            dialog.deleteLater()
        return parent is None or isValid(parent)

    runner.progressed.connect(progressed)
    runner.succeeded.connect(lambda result: finish() and on_done(result))
    runner.failed.connect(lambda exc: finish() and on_error(exc))
    dialog.canceled.connect(runner.cancel_requested.set)
    return _start(runner)


def _start(runner: _Runner) -> _Runner:
    """Keep ``runner`` alive here until it has finished, whatever happens to the widgets.

    A running QThread owned by a widget is destroyed with it, and Qt aborts the process then (a
    page closed, or a test torn down, while a backup or a report still runs).
    """
    app = QCoreApplication.instance()
    if app is not None and not app.property("waits_for_detached"):
        # Quitting while a job runs (a slip renders): let it finish before Python tears down.
        app.aboutToQuit.connect(wait_for_detached)
        app.setProperty("waits_for_detached", True)
    _detached.add(runner)
    runner.finished.connect(lambda: _detached.discard(runner))
    runner.finished.connect(runner.deleteLater)
    runner.start()
    return runner


def run_in_background(
    parent: QObject | None,
    job: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> _Runner:
    """Start ``job`` in a thread with no dialog (the caller shows its own busy indicator); the
    results go to ``parent``'s callbacks while it exists (the thread itself belongs to no widget)."""
    runner = _Runner(lambda _report: job())
    runner.succeeded.connect(lambda result: (parent is None or isValid(parent)) and on_done(result))
    runner.failed.connect(lambda exc: (parent is None or isValid(parent)) and on_error(exc))
    return _start(runner)


# Every running thread, kept alive here until it finishes (see _start).
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
    runner = _Runner(lambda _report: job())
    runner.succeeded.connect(on_done)
    runner.failed.connect(on_error)
    return _start(runner)


def wait_for_detached(timeout_ms: int = 30_000) -> bool:
    """Wait for the detached threads (before the application quits, or at the end of a test)."""
    return all(runner.wait(timeout_ms) for runner in list(_detached))
