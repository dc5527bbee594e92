"""A database another program holds, seen from the counter: the page's own message line says it is
busy and nothing is written — never the crash dialog — and the same form goes through once the
database is free again (issue 13: environment errors apart from bugs)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from keys import type_text
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from testdata import MONDAY_9AM
from waiting import writes_done

from counter_app.db.database import Database
from counter_app.db.models import Dossier
from counter_app.services.offices import find_actor
from counter_app.ui.pages.receive_page import ReceivePage
from counter_app.ui.session import UiSession

QR = "038190012345||Nguyễn Thị Ánh Hồng|01051990|Nữ|Số 5 đường Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa|15082021"


def test_given_another_program_holds_the_database_then_busy_message_and_retry_works(
    qtbot: QtBot, impatient_db: Database, tmp_path: Path
) -> None:
    page = ReceivePage(UiSession(impatient_db, find_actor(impatient_db, "canbo"), clock=lambda: MONDAY_9AM))
    qtbot.addWidget(page)
    page.show()
    type_text(page.applicant.id_number, QR)
    qtbot.keyClicks(page.picker.search, "noi quy")
    qtbot.keyClick(page.picker.search, Qt.Key.Key_Return)

    with closing(sqlite3.connect(tmp_path / "counter.sqlite3")) as other:
        other.execute("BEGIN EXCLUSIVE")  # a backup tool, another counter's program…
        qtbot.mouseClick(page.accept_button, Qt.MouseButton.LeftButton)
        writes_done(qtbot)  # the accept gave up on the write lane while the lock was held
        other.rollback()

    assert page.last_result is None
    assert page.message.text() == (
        "Cơ sở dữ liệu đang bận (một máy hoặc chương trình khác đang ghi). Hãy thử lại sau ít phút."
    )
    assert page.applicant.full_name.text() == "Nguyễn Thị Ánh Hồng"  # nothing typed is lost
    with impatient_db.read() as session:
        assert session.execute(select(func.count()).select_from(Dossier)).scalar_one() == 0

    qtbot.mouseClick(page.accept_button, Qt.MouseButton.LeftButton)
    writes_done(qtbot)

    assert page.last_result is not None and page.last_result.code.endswith("-261123-0001")


def test_given_a_locked_database_when_accepting_then_the_window_stays_live_while_the_accept_waits(
    qtbot: QtBot, impatient_db: Database, tmp_path: Path
) -> None:
    """The accept waits for the lock on the write lane, not on the GUI thread: the event loop keeps
    running (a timer keeps ticking) until the busy message comes, and nothing is written."""
    page = ReceivePage(UiSession(impatient_db, find_actor(impatient_db, "canbo"), clock=lambda: MONDAY_9AM))
    qtbot.addWidget(page)
    page.show()
    type_text(page.applicant.id_number, QR)
    qtbot.keyClicks(page.picker.search, "noi quy")
    qtbot.keyClick(page.picker.search, Qt.Key.Key_Return)
    ticks: list[int] = []
    timer = QTimer(page)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)

    with closing(sqlite3.connect(tmp_path / "counter.sqlite3")) as other:
        other.execute("BEGIN EXCLUSIVE")
        qtbot.mouseClick(page.accept_button, Qt.MouseButton.LeftButton)
        ticks.clear()  # from the press on
        writes_done(qtbot)
        other.rollback()
    timer.stop()

    assert len(ticks) >= 5  # 0.2 s of waiting for the lock, and the window went on ticking
    assert page.message.text().startswith("Cơ sở dữ liệu đang bận")
    assert page.accept_button.isEnabled() and page.last_result is None
    with impatient_db.read() as session:
        assert session.execute(select(func.count()).select_from(Dossier)).scalar_one() == 0
