"""The supervisor's dashboard: today's figures off the GUI thread, overdue list, officers have none."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot
from testdata import MONDAY_9AM

from counter_app.db.database import Database
from counter_app.paths import resolve_paths
from counter_app.services.applicants import ApplicantInput
from counter_app.services.offices import find_actor
from counter_app.services.processing import ReturnInput, resolve, return_result
from counter_app.services.receiving import IntakeRequest, receive
from counter_app.ui.main_window import MainWindow
from counter_app.ui.session import UiSession


class SilentPrinter:
    def print_slip(self, kind: str, pdf_bytes: bytes, saved_path: object, *, preview: bool = False) -> str:
        return ""


def window_for(qtbot: QtBot, db: Database, username: str, tmp_path: Path, now) -> MainWindow:  # type: ignore[no-untyped-def]
    session = UiSession(db, find_actor(db, username), resolve_paths(tmp_path).ensure(), clock=lambda: now)
    window = MainWindow(session, printer=SilentPrinter())
    qtbot.addWidget(window)
    return window


def test_given_a_day_at_the_counter_then_dashboard_counts_it(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path
) -> None:
    officer = find_actor(sqlite_db, "canbo")
    person = ApplicantInput(full_name="Lê Thị Mai")
    late = receive(
        sqlite_db, officer, IntakeRequest("1.115563", person), now=MONDAY_9AM - timedelta(days=7)
    ).code
    done = receive(sqlite_db, officer, IntakeRequest("2.001955", person), now=MONDAY_9AM).code
    receive(sqlite_db, officer, IntakeRequest("2.001955", person, channel="online"), now=MONDAY_9AM)
    resolve(sqlite_db, officer, done, now=MONDAY_9AM + timedelta(hours=1))
    return_result(sqlite_db, officer, done, ReturnInput(satisfaction=1), now=MONDAY_9AM + timedelta(hours=2))

    window = window_for(qtbot, sqlite_db, "lanhdao", tmp_path, MONDAY_9AM + timedelta(hours=3))
    page = window.dashboard_page
    assert page is not None
    window.show_page(page)  # F5: the page refreshes itself in the background
    qtbot.waitUntil(lambda: page.report is not None, timeout=5000)

    assert page.tiles["received"].text() == "2"
    assert page.tiles["resolved"].text() == "1"
    assert page.tiles["returned"].text() == "1"
    assert page.tiles["overdue"].text() == "1"
    assert page.overdue.item(0, 0).text() == late
    assert ("Trực tuyến", 1, "1") in page.by_channel.rows()
    assert ("Rất hài lòng", 1, "1") in page.satisfaction.rows()
    assert "Cập nhật lúc 12:00" in page.state.text()


def test_given_officer_then_no_dashboard(qtbot: QtBot, sqlite_db: Database, tmp_path: Path) -> None:
    window = window_for(qtbot, sqlite_db, "canbo", tmp_path, MONDAY_9AM)
    assert window.dashboard_page is None
    assert all("F5" not in window.tabs.tabText(i) for i in range(window.tabs.count()))
