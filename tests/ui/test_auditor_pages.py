"""The auditor (Kiểm tra, giám sát) reads the reports and the audit, and does none of the counter's
work: no Tiếp nhận, Theo dõi or Trả kết quả (no tab, no key), and a receipt scanned at their window
opens nothing. Officers keep F1–F4 and F6, supervisors F1–F6.
"""

from __future__ import annotations

from keys import type_text
from lock_support import NOW, open_window
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counter_app.db.database import Database
from counter_app.services.applicants import ApplicantInput
from counter_app.services.receiving import IntakeRequest, receive
from counter_app.services.users import create_user, find_actor
from counter_app.ui.main_window import MainWindow

AUDITOR_TABS = ["Hướng dẫn (F1)", "Báo cáo (F5)", "Danh mục (F6)"]


def auditor_window(qtbot: QtBot, db: Database) -> MainWindow:
    create_user(
        db,
        find_actor(db, "quantri"),
        username="kiemtra",
        full_name="Đỗ Thị Kiểm",
        role="auditor",
        password="demo",
        must_change=False,
        enforce_policy=False,
        now=NOW,
    )
    return open_window(qtbot, db, "kiemtra")


def tabs(window: MainWindow) -> list[str]:
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    qtbot.keyClick(window.focusWidget() or window, key)


def a_dossier_code(db: Database) -> str:
    person = ApplicantInput("Lê Văn An")
    return receive(db, find_actor(db, "canbo"), IntakeRequest("2.001955", person), now=NOW).code


def test_given_an_auditor_then_only_guide_reports_and_catalogue_and_f2_to_f4_do_nothing(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    window = auditor_window(qtbot, sqlite_db)

    assert tabs(window) == AUDITOR_TABS
    assert window.receive_page is None and window.track_page is None and window.return_page is None
    assert window.dashboard_page is not None and window.reports_page is not None
    assert "Đỗ Thị Kiểm (Kiểm tra, giám sát)" in window.status_label.text()
    assert window.tabs.currentWidget() is window.supervisor_page  # opens on the reports
    for key in (Qt.Key.Key_F2, Qt.Key.Key_F3, Qt.Key.Key_F4):
        press(qtbot, window, key)
        assert window.tabs.currentWidget() is window.supervisor_page, key
    press(qtbot, window, Qt.Key.Key_F1)
    assert window.tabs.currentWidget() is window.guide_page
    press(qtbot, window, Qt.Key.Key_F2)
    assert window.tabs.currentWidget() is window.guide_page
    # The guide is read, not given: no "recorded as guided", no guidance slip (nor by Ctrl+P's slot).
    guide = window.guide_page
    assert guide.record_button.isHidden() and guide.print_button.isHidden()
    guide.show_procedure("2.001955")
    assert guide.print_button.isEnabled()
    with qtbot.assertNotEmitted(guide.print_requested, wait=50):
        guide.print_button.click()  # the same slot as Ctrl+P
    press(qtbot, window, Qt.Key.Key_F6)
    assert window.tabs.currentWidget() is window.catalog_page
    press(qtbot, window, Qt.Key.Key_F5)
    assert window.tabs.currentWidget() is window.supervisor_page
    page = window.dashboard_page
    qtbot.waitUntil(lambda: page.report is not None, timeout=5000)  # the auditor reads today's figures
    assert page.tiles["received"].text() == "0"


def test_given_an_auditor_when_a_receipt_is_scanned_then_nothing_opens(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    code = a_dossier_code(sqlite_db)
    window = auditor_window(qtbot, sqlite_db)
    press(qtbot, window, Qt.Key.Key_F1)
    search = window.guide_page.picker.search
    search.setFocus()
    window.scanner.clock = lambda: 0.0  # every key within a scanner's gap

    type_text(search, code, enter=True)

    assert window.tabs.currentWidget() is window.guide_page
    assert tabs(window) == AUDITOR_TABS
    assert search.text() == ""  # the scan is taken out of the field it landed in
    assert window.status_message.text() == (
        f"Mã hồ sơ {code}: vai trò «Kiểm tra, giám sát» không mở hồ sơ tại quầy."
    )
    # The dashboard's overdue list asks the same way: nothing opens either.
    assert window.dashboard_page is not None
    window.dashboard_page.open_dossier.emit(code)
    assert window.tabs.currentWidget() is window.guide_page


def test_given_an_officer_and_a_supervisor_then_their_pages(qtbot: QtBot, sqlite_db: Database) -> None:
    officer = open_window(qtbot, sqlite_db, "canbo")
    assert tabs(officer) == [
        "Hướng dẫn (F1)",
        "Tiếp nhận (F2)",
        "Theo dõi (F3)",
        "Trả kết quả (F4)",
        "Danh mục (F6)",
    ]
    press(qtbot, officer, Qt.Key.Key_F5)  # no reports page for an officer: the key does nothing
    assert officer.tabs.currentWidget() is officer.receive_page
    supervisor = open_window(qtbot, sqlite_db, "lanhdao")
    assert tabs(supervisor) == [
        "Hướng dẫn (F1)",
        "Tiếp nhận (F2)",
        "Theo dõi (F3)",
        "Trả kết quả (F4)",
        "Báo cáo (F5)",
        "Danh mục (F6)",
    ]
    assert supervisor.tabs.currentWidget() is supervisor.receive_page


def test_given_a_scanned_receipt_at_an_officer_window_then_the_dossier_opens_on_f3(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    code = a_dossier_code(sqlite_db)
    window = open_window(qtbot, sqlite_db, "canbo")
    window.open_scanned(code)
    assert window.tabs.currentWidget() is window.track_page
