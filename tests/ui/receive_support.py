"""Shared by the receive and guide page tests: the bundled catalogue, a shown page, a scanner.

A test module wanting the bundled catalogue declares its fixture in one line::

    @pytest.fixture
    def bundled_db(tmp_path, sqlite_template, tmp_path_factory):
        yield from bundled_database(tmp_path, sqlite_template, tmp_path_factory)
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from testdata import MONDAY_9AM, NODE, REPO

from counter_app.db.database import Database
from counter_app.services.catalog import import_paths
from counter_app.services.offices import find_actor
from counter_app.ui.pages.receive_page import ReceivePage
from counter_app.ui.session import UiSession

BUNDLED_CATALOG = REPO / "resources" / "catalog" / "default_catalog.json"
QR = "038190012345||Nguyễn Thị Ánh Hồng|01051990|Nữ|Số 5 đường Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa|15082021"

_bundled: dict[str, Path] = {}  # the imported template, made once per test run


def bundled_database(
    tmp_path: Path, sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Database]:
    """The seeded test database with the bundled catalogue of 402 real procedures imported."""
    if "file" not in _bundled:
        file = tmp_path_factory.mktemp("bundled") / "bundled.sqlite3"
        shutil.copy(sqlite_template, file)
        db = Database.open(f"sqlite:///{file}", NODE)
        import_paths(db, find_actor(db, "quantri"), [BUNDLED_CATALOG], now=MONDAY_9AM)
        db.close()
        _bundled["file"] = file
    copy = tmp_path / "bundled.sqlite3"
    shutil.copy(_bundled["file"], copy)
    database = Database.open(f"sqlite:///{copy}", NODE)
    yield database
    database.close()


def shown_page(qtbot: QtBot, db: Database, width: int = 1366, height: int = 740) -> ReceivePage:
    """A receive page in its own active window, as big as the counter's screen."""
    page = ReceivePage(UiSession(db, find_actor(db, "canbo"), clock=lambda: MONDAY_9AM))
    qtbot.addWidget(page)
    page.resize(width, height)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.focus_start()
    return page


def key(
    widget: QWidget, code: Qt.Key, text: str = "", mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, code, mods, text))


def wedge(text: str, *, enter: bool = False, lf: bool = False) -> None:
    """What a keyboard-wedge scanner does: each character, then Enter (and LF), into whichever
    widget has the focus at that moment — the focus may move while it types."""
    for char in text:
        code = ord(char.upper()) if char.isascii() and char.isalnum() else Qt.Key.Key_unknown
        key(QApplication.focusWidget(), code, char)  # type: ignore[arg-type]
    if enter:
        key(QApplication.focusWidget(), Qt.Key.Key_Return, "\r")  # type: ignore[arg-type]
    if lf:
        key(QApplication.focusWidget(), Qt.Key.Key_Enter, "\n")  # type: ignore[arg-type]


def typed(text: str, *, enter: bool = False) -> None:
    """An officer typing into the focused widget (same events, the scanner guard cannot tell)."""
    wedge(text, enter=enter)
