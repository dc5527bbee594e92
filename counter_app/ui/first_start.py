"""First start: a database without an office shows the set-up wizard instead of the log-in.

counter_app/app.py calls :func:`run_setup_if_needed` before the log-in dialog; False means the
wizard was cancelled (nothing was written) and the application ends.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QDialog, QWidget

from counter_app.db.database import Database
from counter_app.services.office_setup import needs_setup
from counter_app.ui.password_dialog import utc_now
from counter_app.ui.setup_wizard import SetupWizard

__all__ = ["SetupWizard", "run_setup_if_needed"]


def run_setup_if_needed(
    db: Database, parent: QWidget | None = None, *, clock: Callable[[], datetime] = utc_now
) -> bool:
    """Show the set-up wizard modally when ``db`` has no office yet; True when the office is set up
    (or already was), False when the wizard was cancelled."""
    if not needs_setup(db):
        return True
    wizard = SetupWizard(db, parent, clock=clock)
    return wizard.exec() == QDialog.DialogCode.Accepted
