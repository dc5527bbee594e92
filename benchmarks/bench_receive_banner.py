"""The receipt moment (issue 9): accept → banner painted on the receive page, on the demo data set.

    .venv/bin/counter-cli demo --dossiers 1000 --data-dir /tmp/demo          # or let this script make it
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_receive_banner.py --data-dir /tmp/demo

Each run fills the real receive page (an applicant, a procedure of the demo catalogue, every
document ticked; not timed), then, inside a running event loop, calls what Ctrl+Enter calls (the
page's ``accept_dossier``) and measures until the receipt has been "printed":

- accept → banner painted: until the banner's paintEvent has run with the code and the appointment;
- the longest GUI stall: a 2 ms heartbeat timer on the GUI thread records the longest gap between
  two of its ticks, from the press until the receipt is printed — the longest time the event loop
  could not run (no repaint, no key, no scanner character taken).

Two ways of accepting, run in turn on the same page and data set:

- after (issue 13): the receive transaction runs on the write lane (``counter_app/ui/operations.py``),
  the GUI thread only builds the request and shows the result;
- before: the service called on the GUI thread, as the page did until issue 13 (replicated here by
  ``accept_on_gui_thread``: the same request, the same ``receive``, the same result display).

Each way runs twice: with the database free, and with another program holding the SQLite file
(``BEGIN IMMEDIATE`` on a second connection) for ``--hold-ms`` from the press — another counter's
write, a backup tool: the receive transaction waits for the lock (SQLite's busy wait), on the
write lane after issue 13, on the GUI thread before.

The receipt is issued as in the application (PDF rendered off the GUI thread, archived, "printed" by
a printer that only counts), and every run waits for it, so each accept starts from an idle counter.
Beside them, in the same loop: a bare Qt baseline, a QLabel's setText + repaint with the same
heartbeat (its gap is the timer's own jitter). Target: accept → banner under 300 ms. Adds 4 × N
dossiers to the data set.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from collections.abc import Callable  # noqa: E402

from common import table  # noqa: E402
from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget  # noqa: E402

from counter_app.context import open_context  # noqa: E402
from counter_app.services import demo  # noqa: E402
from counter_app.services.applicants import ApplicantInput  # noqa: E402
from counter_app.services.catalog import list_procedures  # noqa: E402
from counter_app.services.offices import find_actor  # noqa: E402
from counter_app.services.receiving import receive  # noqa: E402
from counter_app.ui.gc_guard import GuiThreadGarbageCollector  # noqa: E402
from counter_app.ui.operations import wait_for_writes  # noqa: E402
from counter_app.ui.pages.receive_page import ReceivePage  # noqa: E402
from counter_app.ui.session import UiSession  # noqa: E402
from counter_app.ui.slip_desk import SlipDesk  # noqa: E402
from counter_app.ui.worker import wait_for_detached  # noqa: E402

APPLICANT = ApplicantInput(
    full_name="Nguyễn Thị Ánh Hồng",
    id_number="038190012345",
    address="Số 5 đường Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa",
)


class Heartbeat:
    """A 2 ms timer on the GUI thread; the longest gap between two ticks is the longest time the
    event loop was blocked (the gap includes the 2 ms interval itself)."""

    def __init__(self, interval_ms: int = 2) -> None:
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.longest = 0.0

    def start(self) -> None:
        self.last, self.longest = time.perf_counter(), 0.0
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def stop(self) -> float:
        """The longest gap, in ms (the time since the last tick counts too)."""
        self._tick()
        self.timer.stop()
        return self.longest * 1000


def accept_on_gui_thread(page: ReceivePage) -> None:
    """Ctrl+Enter as the page did it before issue 13: the receive transaction on the GUI thread."""
    s = page._session
    request = page._request()
    if request is None:
        return
    page._set_buttons(False)
    try:
        result = receive(s.db, s.actor, request, now=s.now())
    finally:
        page._set_buttons(True)
    page._show_received(result)


def hold_database(file: Path, ms: int) -> None:
    """Another program takes the SQLite file's write lock now and lets it go after ``ms``."""
    other = sqlite3.connect(file, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")

    def release() -> None:
        other.execute("ROLLBACK")
        other.close()

    threading.Timer(ms / 1000, release).start()


class CountingPrinter:
    """Takes the receipt as a printer would, without paper."""

    def __init__(self) -> None:
        self.jobs = 0

    def print_slip(self, kind: str, pdf_bytes: bytes, saved_path: object, *, preview: bool = False) -> str:
        self.jobs += 1
        return f"{kind}: {len(pdf_bytes)} bytes"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--hold-ms", type=int, default=200, help="how long another program holds the file")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    collector = GuiThreadGarbageCollector(app)  # noqa: F841  (as the application: app.py)
    ctx = open_context(args.data_dir)
    if demo.is_empty(ctx.db):
        now = datetime.now(UTC)
        demo.ensure_demo_setup(ctx.db, now=now)
        demo.generate_dossiers(ctx.db, 1000, now=now)
    session = UiSession(ctx.db, find_actor(ctx.db, "canbo"), ctx.paths)
    page = ReceivePage(session)
    printer = CountingPrinter()
    desk = SlipDesk(session, page, printer)
    page.attach_desk(desk)
    page.resize(1366, 740)
    page.show()
    app.processEvents()
    codes = [p.code for p in list_procedures(ctx.db)][:: max(1, len(list_procedures(ctx.db)) // 20)]

    painted: list[float] = []
    page.banner.painted.connect(lambda: painted.append(time.perf_counter()))
    beat = Heartbeat()
    loop = QEventLoop()
    guard = QTimer()  # a run that never ends ends the loop after 30 s, not the benchmark
    guard.setSingleShot(True)
    guard.setInterval(30_000)
    guard.timeout.connect(loop.quit)

    def in_loop(
        action: Callable[[], None], until: Callable[[Callable[[], None]], None]
    ) -> tuple[float, float]:
        """Run ``action`` inside the event loop, the heartbeat on, until ``until`` calls back;
        (ms from the action's start to the first paint, longest stall in ms)."""
        painted.clear()
        started: list[float] = []

        def go() -> None:
            started.append(time.perf_counter())
            action()

        beat.start()
        QTimer.singleShot(0, go)
        until(loop.quit)
        guard.start()
        loop.exec()
        guard.stop()
        stall = beat.stop()
        assert painted, page.message.text()
        return (painted[0] - started[0]) * 1000, stall

    def receipt_printed(quit_loop: Callable[[], None]) -> None:
        def progressed(kind: str, _key: str, state: str, *_rest: object) -> None:
            if kind == "receipt" and state != "printing":
                desk.progressed.disconnect(progressed)
                quit_loop()

        desk.progressed.connect(progressed)

    def accept_once(code: str, accept: Callable[[], None], hold_ms: int) -> tuple[float, float]:
        page.applicant.fill(APPLICANT)
        page.choose_procedure(code)
        app.processEvents()

        def press() -> None:
            if hold_ms:
                hold_database(ctx.paths.database_file, hold_ms)
            accept()

        result = in_loop(press, receipt_printed)
        assert page.banner.code is not None and page.banner.state not in ("pending", "printing")
        wait_for_writes()
        return result

    bare = QWidget()
    label = QLabel()
    QVBoxLayout(bare).addWidget(label)
    label.setStyleSheet("font-size: 26px; font-weight: bold")
    bare.resize(800, 100)
    bare.show()
    app.processEvents()

    def bare_once(text: str) -> tuple[float, float]:
        def show() -> None:
            label.setText(text)
            label.repaint()
            painted.append(time.perf_counter())

        # Measured over 50 ms of event loop after the repaint, so that the heartbeat ticks.
        return in_loop(show, lambda quit_loop: QTimer.singleShot(50, quit_loop))

    modes: dict[str, Callable[[], None]] = {
        "after": page.accept_dossier,
        "before": lambda: accept_on_gui_thread(page),
    }
    holds = {"free": 0, "held": args.hold_ms}
    for code in codes[:3]:  # warm-up: first queries, fonts, the first PDF render
        for accept in modes.values():
            accept_once(code, accept, 0)
        bare_once(code)
    samples: dict[str, list[tuple[float, float]]] = {f"{hold} {mode}": [] for hold in holds for mode in modes}
    samples["bare"] = []
    for run in range(args.runs):  # interleaved: a noisy neighbour slows every column alike
        code = codes[run % len(codes)]
        for hold, hold_ms in holds.items():
            for mode, accept in modes.items():
                samples[f"{hold} {mode}"].append(accept_once(code, accept, hold_ms))
        samples["bare"].append(bare_once(f"000.00.31.H56-{run:06d}"))
    wait_for_detached()

    def figure(name: str, which: int, how: Callable[[list[float]], float]) -> str:
        return f"{how([sample[which] for sample in samples[name]]):.1f}"

    print(f"database: {ctx.paths.database_file}; {args.runs} accepts each way over {len(codes)} procedures")
    print(f"receipts printed (counted): {printer.jobs}")
    measures = (
        ("Ctrl+Enter → banner painted, median ms (< 300)", 0, statistics.median),
        ("Ctrl+Enter → banner painted, max ms", 0, max),
        ("longest GUI stall until printed, median ms", 1, statistics.median),
        ("longest GUI stall until printed, max ms", 1, max),
    )
    for hold, title in (
        ("free", "the database free"),
        ("held", f"another program holds the database for {args.hold_ms} ms at the press"),
    ):
        print(f"\n{title}:")
        rows = [
            (
                text,
                figure(f"{hold} after", which, how),
                figure(f"{hold} before", which, how),
                figure("bare", which, how),
            )
            for text, which, how in measures
        ]
        print(table(rows, header=("measure", "after: write lane", "before: GUI thread", "bare Qt")))
    page.close()
    bare.close()
    ctx.close()
    app.quit()


if __name__ == "__main__":
    main()
