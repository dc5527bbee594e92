"""Opening a scanned dossier on the Return page (issue: counter desktop), on a large database.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui.py --data-dir /tmp/big

Times a keyboard-wedge scanner burst (the code's characters, then Enter) into the real Return page
until the dossier card shows the code, beside a bare Qt baseline: a QLineEdit whose Enter runs the
same indexed lookup with plain sqlite3 and puts the row in a QLabel. Target ≤ 100 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QVBoxLayout, QWidget  # noqa: E402

from counter_app.context import open_context  # noqa: E402
from counter_app.services.offices import find_actor  # noqa: E402
from counter_app.ui.pages.return_page import ReturnPage  # noqa: E402
from counter_app.ui.session import UiSession  # noqa: E402


def burst(widget: QWidget, code: str) -> None:
    for char in code:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(
            widget, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
        )


def timed(open_one, codes: list[str]) -> float:  # type: ignore[no-untyped-def]
    samples = []
    for code in codes:
        start = time.perf_counter()
        open_one(code)
        QApplication.processEvents()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--scans", type=int, default=200)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    ctx = open_context(args.data_dir)
    raw = sqlite3.connect(ctx.paths.database_file)
    count = raw.execute("SELECT count(*) FROM dossiers").fetchone()[0]
    top = raw.execute("SELECT max(rowid) FROM dossiers").fetchone()[0]
    rng = random.Random(11)
    codes = []
    while len(codes) < args.scans:
        row = raw.execute(
            "SELECT code FROM dossiers WHERE rowid = ? AND status = 'resolved'", (rng.randint(1, top),)
        ).fetchone()
        if row:
            codes.append(row[0])
    for code in codes:  # warm the page cache for both sides
        raw.execute("SELECT * FROM dossiers WHERE code = ?", (code,)).fetchone()

    page = ReturnPage(UiSession(ctx.db, find_actor(ctx.db, "canbo"), ctx.paths))
    page.resize(1300, 700)
    page.show()

    def open_in_page(code: str) -> None:
        page.focus_start()
        burst(page.scan, code)
        assert page.view is not None and page.view.code == code, code

    bare = QWidget()
    field, label = QLineEdit(), QLabel()
    layout = QVBoxLayout(bare)
    layout.addWidget(field)
    layout.addWidget(label)
    bare.show()

    def bare_lookup() -> None:
        row = raw.execute(
            "SELECT d.code, a.full_name, d.status, d.appointment_at FROM dossiers d "
            "JOIN applicants a ON a.id = d.applicant_id WHERE d.code = ?",
            (field.text().strip(),),
        ).fetchone()
        label.setText(" · ".join(str(v) for v in row))
        field.clear()

    field.returnPressed.connect(bare_lookup)

    def open_bare(code: str) -> None:
        burst(field, code)

    page_ms = timed(open_in_page, codes)
    bare_ms = timed(open_bare, codes)
    print(
        f"database: {ctx.paths.database_file} — {count:,} dossiers; {len(codes)} scans of resolved dossiers"
    )
    print(f"open a scanned dossier (Return page), median: {page_ms:.1f} ms   target ≤ 100 ms")
    print(f"bare Qt + raw sqlite3 baseline, median:      {bare_ms:.1f} ms")
    page.close()
    bare.close()
    ctx.close()
    app.quit()


if __name__ == "__main__":
    main()
