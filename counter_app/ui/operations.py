"""Service operations: the counter's short writes off the GUI thread, one at a time, in order.

The idea is Anki's ``aqt/operations`` (``CollectionOp(parent, op).success(cb).run_in_background()``)::

    ServiceOp(page, lambda: receive(db, actor, request, now=now)) \\
        .success(page.show_received).failure(page.show_error).run_in_background()

- ``op`` is a plain callable that calls one service and returns plain data. It runs on the **write
  lane**: ONE thread shared by the whole application, taking the operations first in, first out —
  two writes never overlap, and they run in the order they were submitted (an accept, then its
  receipt's ``slip_issued``; a transfer, then its hand-over list). ``op`` must neither touch nor
  hold a widget: read the form on the GUI thread first and give the op the values
  (``functools.partial`` does). The lane itself never holds the ``ServiceOp`` (its page, its
  callbacks): only ``op``, so the last reference to a widget is never dropped off the GUI thread.
- ``success(cb)`` gets the result on the GUI thread. ``failure(cb)`` gets a ``UserError`` — a
  mistake the user can correct, and ``DatabaseUnavailable`` (a locked SQLite file, a lost server:
  "try again") — to show in the page's own message line. Any other exception is a bug: it is raised
  again on the GUI thread, inside a slot, so it reaches ``sys.excepthook`` — the crash dialog and the
  log (app.py), or pytest-qt's capture in the tests — exactly as a bug in a button's slot does.
- ``after(cb)`` runs on the GUI thread once the op ended, whatever the outcome (bugs included),
  before the other callbacks: the place to enable the buttons again.
- The page is busy while its op runs (``is_busy``; a wait cursor on it): another op of the same
  page is refused, so a second press (Ctrl+Enter twice, a double-click) does nothing. Non-exclusive
  ops (the slip desk's slips) queue instead.
- If the page is gone when the op ends (a window closed meanwhile), its callbacks are dropped: the
  write itself has been made (or rolled back) in its own transaction. A bug is still raised.
- Reads of personal data write their audit record before the data is shown, and may wait for the
  database as a write does (services/audit_trail.py): a dossier opened on Theo dõi or Trả kết quả,
  a citizen searched run here too, non-exclusive; the page numbers its requests and drops the
  answer to any but the latest (track/page.py, return_page.py, widgets/citizen_search.py).

Long background jobs — backups, restores, imports, period reports, the database's opening — do NOT
go through this lane: they run on the long-job lane of ``worker.py`` (a thread of their own each,
with a progress dialog where the wait is visible), so a backup of several minutes never holds up
the counter's next accept, and an accept never waits behind a report.
"""

from __future__ import annotations

import atexit
import queue
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QMessageBox, QWidget
from shiboken6 import isValid

from counter_app.domain.errors import UserError
from counter_app.ui.messages import shown

T = TypeVar("T")

BUSY_PROPERTY = "service_op_busy"  # a dynamic property of the page while its op runs


def is_busy(parent: QObject) -> bool:
    """True while an exclusive op of ``parent`` is queued or running (a second press does nothing)."""
    return isValid(parent) and bool(parent.property(BUSY_PROPERTY))


class ServiceOp(Generic[T]):
    """One service call for ``parent`` (a page, a dialog, the slip desk), run on the write lane."""

    def __init__(self, parent: QObject, op: Callable[[], T], *, exclusive: bool = True) -> None:
        """``exclusive``: ``parent`` runs one op at a time, and is busy meanwhile (see the module);
        False queues this op behind any other of the same parent (slips)."""
        self.parent = parent
        self._op = op
        self._exclusive = exclusive
        self._on_success: list[Callable[[T], object]] = []
        self._on_failure: list[Callable[[UserError], object]] = []
        self._on_after: list[Callable[[], object]] = []

    def success(self, callback: Callable[[T], object]) -> ServiceOp[T]:
        self._on_success.append(callback)
        return self

    def failure(self, callback: Callable[[UserError], object]) -> ServiceOp[T]:
        self._on_failure.append(callback)
        return self

    def after(self, callback: Callable[[], object]) -> ServiceOp[T]:
        self._on_after.append(callback)
        return self

    def run_in_background(self) -> bool:
        """Queue the op on the write lane; False (nothing queued) when ``parent`` is busy."""
        if self._exclusive:
            if is_busy(self.parent):
                return False
            self._mark_busy(True)
        _lane().submit(self)
        return True

    # ------------------------------------------------------------- back on the GUI thread
    def _deliver(self, result: T, error: BaseException | None) -> None:
        if self._exclusive:
            self._mark_busy(False)
        if isValid(self.parent):
            for callback in self._on_after:
                callback()
            if error is None:
                for done in self._on_success:
                    done(result)
            elif isinstance(error, UserError):
                self._failed(error)
        if error is not None and not isinstance(error, UserError):
            raise error  # a bug: to sys.excepthook (the crash dialog), page or no page

    def _failed(self, error: UserError) -> None:
        if not self._on_failure:  # nobody said where: the message still reaches the officer
            widget = self.parent if isinstance(self.parent, QWidget) else None
            QMessageBox.warning(
                widget, QCoreApplication.translate("operations", "Không thực hiện được"), shown(error)
            )
        for failed in self._on_failure:
            failed(error)

    def _mark_busy(self, busy: bool) -> None:
        parent = self.parent
        if not isValid(parent):
            return
        parent.setProperty(BUSY_PROPERTY, busy)
        if isinstance(parent, QWidget):
            if busy:  # the page is still live (it is not frozen): the busy arrow, not the hourglass
                parent.setCursor(Qt.CursorShape.BusyCursor)
            else:
                parent.unsetCursor()


class _WriteLane(QThread):
    """The one thread that runs the ops, first in, first out.

    The queue carries (ticket, op callable) only; the ``ServiceOp`` (its page, its callbacks) waits
    on the GUI thread in ``_waiting`` under its ticket. Were the lane to hold it, the lane could drop
    the last reference to a page's Python object, and so destroy a widget off the GUI thread."""

    ran = Signal(int, object, object)  # ticket, result, error: emitted on the lane, delivered here

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("counter-writes")
        self._queue: queue.SimpleQueue[tuple[int, Callable[[], object]] | None] = queue.SimpleQueue()
        self._waiting: dict[int, ServiceOp[object]] = {}  # queued, running, or not yet delivered
        self._tickets = 0
        # This QThread object lives on the GUI thread: a signal emitted by run() is queued to it.
        self.ran.connect(self._deliver)

    @property
    def pending(self) -> int:
        return len(self._waiting)

    def submit(self, op: ServiceOp[T]) -> None:
        self._tickets += 1
        self._waiting[self._tickets] = op  # type: ignore[assignment]
        self._queue.put((self._tickets, op._op))
        if not self.isRunning():
            self.start()

    def run(self) -> None:
        while (item := self._queue.get()) is not None:
            ticket, call = item
            del item
            result, error = _call(call)
            del call  # nothing of the op stays on the lane while it waits for the next one
            self.ran.emit(ticket, result, error)
            del result, error

    def _deliver(self, ticket: int, result: object, error: BaseException | None) -> None:
        self._waiting.pop(ticket)._deliver(result, error)

    def stop(self) -> None:
        """Run what is queued, then end the thread (the application quits: every write lands)."""
        if self.isRunning():
            self._queue.put(None)
            self.wait()


def _call(call: Callable[[], object]) -> tuple[object, BaseException | None]:
    try:
        return call(), None
    except BaseException as exc:  # noqa: BLE001  (handed to the GUI thread, which decides)
        return None, exc


_the_lane: _WriteLane | None = None


def _lane() -> _WriteLane:
    global _the_lane
    if _the_lane is None:
        _the_lane = _WriteLane()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(_the_lane.stop)
        # Also when the interpreter ends without quitting the application (the tests, a script):
        # a QThread destroyed while it runs aborts the process.
        atexit.register(_the_lane.stop)
    return _the_lane


def writes_idle() -> bool:
    """True when no op is queued, running, or waiting for its callbacks."""
    return _the_lane is None or _the_lane.pending == 0


def wait_for_writes(timeout_ms: int = 30_000) -> bool:
    """Run the event loop until every op submitted so far (and any op their callbacks submit) has
    run and been delivered; False on timeout. For the tests' teardown and the benchmarks."""
    clock = QElapsedTimer()
    clock.start()
    while not writes_idle():
        if clock.elapsed() > timeout_ms:
            return False
        QCoreApplication.processEvents()
        QThread.msleep(1)
    return True
