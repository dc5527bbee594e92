"""Báo cáo (F5) at the province: the reports across the offices appear once offices are enrolled,
with their own «Nhóm theo» choices; previewed and exported off the GUI thread, with the offices'
figures (issue 15)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from exchange_support import moment, open_office, work_the_day
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from counter_app.db.database import Database
from counter_app.paths import resolve_paths
from counter_app.services.actor import SYSTEM_ACTOR
from counter_app.services.exchange.office import public_key_text
from counter_app.services.exchange.province import enrol, import_events
from counter_app.services.exchange.upward import export_events
from counter_app.services.offices import find_actor
from counter_app.ui.pages.reports_page import ReportsPage
from counter_app.ui.session import UiSession


def page_of(qtbot: QtBot, db: Database, tmp_path: Path) -> ReportsPage:
    session = UiSession(
        db, find_actor(db, "lanhdao"), resolve_paths(tmp_path).ensure(), clock=lambda: moment(6)
    )
    widget = ReportsPage(session)
    qtbot.addWidget(widget)
    return widget


def kinds(page: ReportsPage) -> list[str]:
    return [page.kind.itemData(i) for i in range(page.kind.count())]


def choose(page: ReportsPage, kind: str) -> None:
    page.kind.setCurrentIndex(kinds(page).index(kind))


@pytest.fixture
def province(sqlite_db: Database, office_templates: dict[int, Path], tmp_path: Path) -> Database:
    office = open_office(office_templates[2], tmp_path / "xa2", 2)
    for day in range(3):
        work_the_day(office, 2, day)
    bundle = tmp_path / "xa2.zip"
    assert export_events(office, SYSTEM_ACTOR, bundle, now=moment(2)) is not None
    enrol(sqlite_db, SYSTEM_ACTOR, bundle, public_key_text(office, now=moment(0))[1], now=moment(2))
    import_events(sqlite_db, SYSTEM_ACTOR, bundle, now=moment(2))
    office.close()
    return sqlite_db


def test_an_office_database_offers_no_province_report(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path
) -> None:
    page = page_of(qtbot, sqlite_db, tmp_path)
    assert "province_period" not in kinds(page) and "province_day" not in kinds(page)


def test_given_an_office_enrolled_then_its_reports_are_made_across_the_offices(
    qtbot: QtBot, province: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = page_of(qtbot, province, tmp_path)
    page.date_from.setDate(QDate(2026, 11, 23))
    page.date_to.setDate(QDate(2026, 11, 29))
    choose(page, "province_period")
    assert [page.by.itemData(i) for i in range(page.by.count())] == ["office", "field"]
    assert page.by.isEnabled() and page.date_to.isEnabled() and not page.office.isEnabled()
    assert not page.field.isEnabled() and page.csv_button.isEnabled()

    target = tmp_path / "bieu06.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "*.csv"))
    page.csv_button.click()
    qtbot.waitUntil(target.exists, timeout=30_000)
    rows = list(csv.reader(io.StringIO(target.read_bytes().decode("utf-8-sig"))))
    assert rows[1][1].startswith("Trung tâm Phục vụ hành chính công xã số 2 (dữ liệu đến 25/11/2026 ")
    assert rows[1][4] == "12" and rows[2][1] == "Tổng cộng"  # received: four a day (one more cancelled)

    page.by.setCurrentIndex(1)  # by field
    page.preview_button.click()
    qtbot.waitUntil(lambda: page.pdf is not None, timeout=30_000)
    assert page.message.text().startswith("Báo cáo có ")

    choose(page, "province_day")
    assert not page.by.isEnabled() and not page.date_to.isEnabled()
    target = tmp_path / "ngay.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "*.csv"))
    page.csv_button.click()  # the day: «Từ ngày», 23/11
    qtbot.waitUntil(target.exists, timeout=30_000)
    rows = list(csv.reader(io.StringIO(target.read_bytes().decode("utf-8-sig"))))
    assert rows[1][3] == "4" and rows[2][1] == "Tổng cộng"

    # Back to the office's own period report: its own choices again.
    choose(page, "period")
    assert [page.by.itemData(i) for i in range(page.by.count())] == ["field", "unit"]
    assert page.office.isEnabled() and page.field.isEnabled()


def test_a_reversed_period_is_said_and_nothing_made(qtbot: QtBot, province: Database, tmp_path: Path) -> None:
    page = page_of(qtbot, province, tmp_path)
    choose(page, "province_period")
    page.date_from.setDate(QDate(2026, 12, 10))
    page.date_to.setDate(QDate(2026, 12, 1))
    page.preview_button.click()
    qtbot.waitUntil(
        lambda: page._runner is None and "Khoảng thời gian" in page.message.text(), timeout=30_000
    )
    assert page.pdf is None and "sau ngày kết thúc" in page.message.text()
