"""The administration page's tests: an admin's session on a fresh database, questions answered."""

from __future__ import annotations

from pathlib import Path

import pytest
from admin_support import Dialogs
from PySide6.QtWidgets import QMessageBox
from testdata import MONDAY_9AM

from counter_app.db.database import Database
from counter_app.paths import resolve_paths
from counter_app.services.offices import find_actor
from counter_app.ui.session import UiSession


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    shown = Dialogs()
    monkeypatch.setattr(QMessageBox, "question", shown.question)
    monkeypatch.setattr(QMessageBox, "information", shown.information)
    return shown


@pytest.fixture
def session(db: Database, tmp_path: Path) -> UiSession:
    """The demo admin (quantri) on a fresh database, SQLite and PostgreSQL; the clock at MONDAY_9AM."""
    return UiSession(
        db, find_actor(db, "quantri"), resolve_paths(tmp_path / "data").ensure(), clock=lambda: MONDAY_9AM
    )
