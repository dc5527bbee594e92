"""Các văn phòng (F8) at the province: the hotline's lookup and one office's dossiers by state, read
as of the office's data (issue 15); on an office's own database the page is not there."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from exchange_support import moment, open_office, work_the_day
from pytestqt.qtbot import QtBot

from counter_app.db.database import Database
from counter_app.services.actor import SYSTEM_ACTOR
from counter_app.services.exchange.office import public_key_text
from counter_app.services.exchange.province import enrol, import_events
from counter_app.services.exchange.upward import export_events
from counter_app.services.users import find_actor
from counter_app.ui.main_window import MainWindow
from counter_app.ui.pages.offices_page import OfficesPage
from counter_app.ui.session import UiSession


@pytest.fixture
def province(sqlite_db: Database, office_templates: dict[int, Path], tmp_path: Path) -> Database:
    """Two offices enrolled; office 1 sent Monday to Wednesday, office 3 nothing yet."""
    for i, days in ((1, 3), (3, 0)):
        office = open_office(office_templates[i], tmp_path / f"xa{i}", i)
        for day in range(days):
            work_the_day(office, i, day)
        if not days:
            from exchange_support import receive_day

            receive_day(office, i, 0, n=1)
        bundle = tmp_path / f"xa{i}.zip"
        assert export_events(office, SYSTEM_ACTOR, bundle, now=moment(2)) is not None
        enrol(sqlite_db, SYSTEM_ACTOR, bundle, public_key_text(office, now=moment(0))[1], now=moment(2))
        if days:
            import_events(sqlite_db, SYSTEM_ACTOR, bundle, now=moment(2))
        office.close()
    return sqlite_db


@pytest.fixture
def page(qtbot: QtBot, province: Database) -> OfficesPage:
    widget = OfficesPage(UiSession(province, find_actor(province, "canbo"), clock=lambda: moment(20)))
    qtbot.addWidget(widget)
    widget.show()
    return widget


def rows(page: OfficesPage) -> list[tuple[str, str]]:
    return [
        (page.listed.item(r, 0).text(), page.listed.item(r, 5).text()) for r in range(page.listed.rowCount())
    ]


def test_an_officer_lists_one_offices_dossiers_by_state(page: OfficesPage) -> None:
    offices = [page.office.itemText(i) for i in range(page.office.count())]
    assert offices[0].startswith(
        "Trung tâm Phục vụ hành chính công xã số 1 (000.31.23.H56) — dữ liệu đến 25/11/2026 "
    )
    assert offices[1].endswith("(000.33.23.H56) — dữ liệu đến chưa có")
    assert page.count.text() == "15 hồ sơ." and len(rows(page)) == 15
    assert rows(page)[0][0].startswith("000.31.23.H56-261125-")  # the newest first
    states = [page.state.itemData(i) for i in range(page.state.count())]
    counts = {}
    for index, state in enumerate(states):
        page.state.setCurrentIndex(index)
        counts[state] = page.listed.rowCount()
    # Each day: one returned, one waiting for a supplement (supplied on odd days), one awaiting
    # payment (paid on even days), one withdrawn, one cancelled.
    assert counts["resolved"] == 3 and counts["waiting"] == 3 and counts["open"] == 6
    # Judged as of the office's data (Wednesday), not today, after their deadlines: nothing is late.
    assert counts["overdue"] == 0
    page.office.setCurrentIndex(1)
    assert page.listed.rowCount() == 0 and page.count.text() == "0 hồ sơ."


def test_the_hotline_looks_a_dossier_up_and_a_blank_search_is_said(page: OfficesPage) -> None:
    page.search.setText("038191000000")
    page.search.returnPressed.emit()
    assert page.found.rowCount() == 1 and page.found.item(0, 1).text() == "000.31.23.H56"
    assert page.found.item(0, 8).text().startswith("25/11/2026 ")  # its office's data runs to
    assert page.found.item(0, 4).text() != "038191000000"  # the CCCD masked
    assert page.message.text() == "Tìm thấy 1 hồ sơ."
    page.search.setText("khong-co")
    page.look_up()
    assert page.found.rowCount() == 0 and page.message.text() == "Không có hồ sơ nào của các văn phòng khớp."
    page.search.setText("  ")
    page.look_up()
    assert page.message.is_error and page.message.text() == "Nhập mã hồ sơ hoặc số CCCD để tra cứu."


def test_the_page_is_there_only_where_offices_are_enrolled(
    qtbot: QtBot, province: Database, sqlite_template: Path, tmp_path: Path
) -> None:
    window = MainWindow(
        UiSession(province, find_actor(province, "canbo"), clock=lambda: moment(3)), idle_ms=0
    )
    qtbot.addWidget(window)
    assert window.offices_page is not None
    assert window.tabs.tabText(window.tabs.indexOf(window.offices_page)) == "Các văn phòng (F8)"
    office = Database.open(f"sqlite:///{shutil.copy(sqlite_template, tmp_path / 'van-phong.sqlite3')}", "vp")
    plain = MainWindow(UiSession(office, find_actor(office, "canbo"), clock=lambda: moment(3)), idle_ms=0)
    qtbot.addWidget(plain)
    assert plain.offices_page is None
    assert "Các văn phòng (F8)" not in [plain.tabs.tabText(i) for i in range(plain.tabs.count())]
    office.close()
