"""The receipt moment (issue 9): accept → banner painted on the receive page, on the demo data set.

    .venv/bin/counter-cli demo --dossiers 1000 --data-dir /tmp/demo          # or let this script make it
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_receive_banner.py --data-dir /tmp/demo

Each run fills the real receive page (an applicant, a procedure of the demo catalogue, every
document ticked; not timed), then times Ctrl+Enter's work — the receive transaction, clearing the
form, and the banner's first paint with the code and the appointment — until the banner's
paintEvent has run. The receipt is issued as in the application (PDF rendered in a worker thread,
archived, "printed" by a printer that only counts) and each run waits for it to finish, so every
accept starts from an idle counter. Beside it, in the same run: a bare Qt baseline, a QLabel's
setText + repaint. Target: accept → banner under 300 ms. Adds N dossiers to the data set.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import table  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget  # noqa: E402

from counter_app.context import open_context  # noqa: E402
from counter_app.services import demo  # noqa: E402
from counter_app.services.applicants import ApplicantInput  # noqa: E402
from counter_app.services.catalog import list_procedures  # noqa: E402
from counter_app.services.offices import find_actor  # noqa: E402
from counter_app.ui.pages.receive_page import ReceivePage  # noqa: E402
from counter_app.ui.session import UiSession  # noqa: E402
from counter_app.ui.slip_desk import SlipDesk  # noqa: E402
from counter_app.ui.worker import wait_for_detached  # noqa: E402

APPLICANT = ApplicantInput(
    full_name="Nguyễn Thị Ánh Hồng",
    id_number="038190012345",
    address="Số 5 đường Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa",
)


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
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
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

    def accept_once(code: str) -> float:
        page.applicant.fill(APPLICANT)
        page.choose_procedure(code)
        app.processEvents()
        painted.clear()
        start = time.perf_counter()
        page.accept_dossier()
        while not painted:  # the banner paints inside accept (repaint); wait in case it did not
            app.processEvents()
        elapsed = (painted[0] - start) * 1000
        assert page.banner.code is not None, page.message.text()
        while page.banner.state in ("pending", "printing"):  # let the receipt finish: an idle counter
            app.processEvents()
            time.sleep(0.001)
        return elapsed

    bare = QWidget()
    label = QLabel()
    QVBoxLayout(bare).addWidget(label)
    label.setStyleSheet("font-size: 26px; font-weight: bold")
    bare.resize(800, 100)
    bare.show()
    app.processEvents()

    def bare_once(text: str) -> float:
        start = time.perf_counter()
        label.setText(text)
        label.repaint()
        return (time.perf_counter() - start) * 1000

    for code in codes[:3]:  # warm-up: first queries, fonts, the first PDF render
        accept_once(code)
        bare_once(code)
    page_ms, bare_ms = [], []
    for run in range(args.runs):
        code = codes[run % len(codes)]
        page_ms.append(accept_once(code))
        bare_ms.append(bare_once(f"000.00.31.H56-{run:06d}"))
    wait_for_detached()
    print(f"database: {ctx.paths.database_file}; {args.runs} accepts over {len(codes)} procedures")
    print(f"receipts printed (counted): {printer.jobs}")
    print(
        table(
            [
                (
                    "accept → banner painted (median ms)",
                    f"{statistics.median(page_ms):.1f}",
                    f"{statistics.median(bare_ms):.2f}",
                    "< 300",
                ),
                ("accept → banner painted (max ms)", f"{max(page_ms):.1f}", f"{max(bare_ms):.2f}", ""),
            ]
        )
    )
    page.close()
    bare.close()
    ctx.close()
    app.quit()


if __name__ == "__main__":
    main()
