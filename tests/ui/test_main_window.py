"""The start window opens the database and shows the office and the catalogue."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from counter_app.db.database import Database
from counter_app.ui.main_window import MainWindow


def test_given_seeded_database_when_window_opens_then_office_and_catalogue_shown(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    window = MainWindow(sqlite_db)
    qtbot.addWidget(window)
    window.show()

    assert "Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa" in window.status_label.text()
    assert window.model.rowCount() == 5
    codes = {window.model.index(r, 0).data() for r in range(window.model.rowCount())}
    assert "2.001955" in codes


def test_given_accentless_search_when_typed_then_catalogue_filtered(qtbot: QtBot, sqlite_db: Database) -> None:
    window = MainWindow(sqlite_db)
    qtbot.addWidget(window)
    qtbot.keyClicks(window.search, "noi quy lao dong")

    assert window.model.rowCount() == 1
    assert window.model.index(0, 1).data() == "Đăng ký nội quy lao động của doanh nghiệp"
    window.search.clear()
    assert window.model.rowCount() == 5
