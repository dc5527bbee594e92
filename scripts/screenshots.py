"""Screenshots of the real window under Xvfb, page by page (for looking at what a user sees).

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshots.py --data-dir /tmp/shots OUT_DIR

Uses a demo database in --data-dir (created if empty), logs in as the demo officer, and saves
one PNG per page after typing what an officer would type.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from counter_app.context import open_context
from counter_app.services import demo
from counter_app.services.offices import find_actor
from counter_app.ui.main_window import MainWindow
from counter_app.ui.session import UiSession

QR = "038190012345||Nguyễn Thị Ánh Hồng|01051990|Nữ|Số 5 đường Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa|15082021"


def type_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


class _NoPrinter:
    """Screenshots must not print: the slips are archived as usual and the jobs dropped."""

    def print_slip(self, kind: str, pdf_bytes: bytes, saved_path: object, *, preview: bool = False) -> str:
        return f"(ảnh chụp màn hình: không in {kind})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("out")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    ctx = open_context(args.data_dir)
    if demo.is_empty(ctx.db):
        now = datetime.now(UTC)
        demo.ensure_demo_setup(ctx.db, now=now)
        demo.generate_dossiers(ctx.db, 300, now=now)
    window = MainWindow(UiSession(ctx.db, find_actor(ctx.db, "canbo"), ctx.paths), printer=_NoPrinter())
    window.resize(1366, 740)
    window.show()

    def shot(name: str) -> None:
        app.processEvents()
        window.screen().grabWindow(0).save(str(out / f"{name}.png"))

    state: dict[str, object] = {}

    def steps() -> None:
        page = window.receive_page
        type_text(page.applicant.id_number, QR)
        type_text(page.applicant.phone, "0912345678")
        type_text(page.picker.search, "noi quy lao")
        page.picker.search.returnPressed.emit()
        shot("receive_filled")
        page.accept_dossier()
        shot("receive_accepted")
        window.show_page(window.guide_page)
        type_text(window.guide_page.picker.search, "khai sinh")
        window.guide_page.picker.search.returnPressed.emit()
        shot("guide")
        window.show_page(window.catalog_page)
        shot("catalog")
        window.show_page(window.track_page)
        shot("track")
        window.show_page(window.return_page)
        shot("return")
        window.close()
        # The supervisor's dashboard, once its background refresh has landed.
        boss = MainWindow(UiSession(ctx.db, find_actor(ctx.db, "lanhdao"), ctx.paths), printer=_NoPrinter())
        boss.resize(1366, 740)
        boss.show()
        boss.show_page(boss.dashboard_page)
        state["window"] = boss
        QTimer.singleShot(
            2500, lambda: (boss.screen().grabWindow(0).save(str(out / "dashboard.png")), app.quit())
        )

    QTimer.singleShot(500, steps)
    app.exec()
    ctx.close()


if __name__ == "__main__":
    main()
