"""Issuing and printing the slip that goes with each counter action.

The pages announce what happened (a dossier received, a supplement requested, a result returned …);
the desk issues the matching slip through the slips service (archived, with its event) and prints
it. A failure to print never undoes the action: the slip stays archived and can be re-printed.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QWidget

from counter_app.domain.errors import UserError
from counter_app.services.slips import IssuedSlip, print_slip, reprint_slip
from counter_app.ui.printing import SlipPrinter
from counter_app.ui.session import UiSession

log = logging.getLogger(__name__)


class Printer(Protocol):
    def print_slip(
        self, kind: str, pdf_bytes: bytes, saved_path: Path | None, *, preview: bool = False
    ) -> str: ...


class SlipDesk(QObject):
    """Issues, archives and prints slips; ``said`` carries a sentence for the status bar."""

    said = Signal(str)

    def __init__(
        self, session: UiSession, parent: QWidget | None = None, printer: Printer | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self.printer: Printer = printer or SlipPrinter(parent)
        self.last: IssuedSlip | None = None

    @property
    def archive_dir(self) -> Path:
        paths = self._session.paths
        if paths is None:
            raise UserError(self.tr("Chưa có thư mục dữ liệu để lưu phiếu."))
        return paths.slips_dir

    @staticmethod
    def receipt_layout() -> str:
        return str(QSettings().value("slips/receipt_layout", "a4") or "a4")

    def issue(self, kind: str, key: object, layout: str | None = None) -> IssuedSlip | None:
        """Issue (or re-use the archived copy of) a slip and print it; None if it could not be made."""
        s = self._session
        try:
            slip = print_slip(
                s.db, s.actor, kind, key, layout=layout, now=s.now(), archive_dir=self.archive_dir
            )
        except UserError as exc:
            self.said.emit(self.tr("Không lập được phiếu: {0}").format(exc.message))
            return None
        self._print(kind, slip)
        return slip

    def reprint(self, kind: str, key: str, layout: str, fresh: bool) -> IssuedSlip | None:
        """Re-print the archived copy (or, ``fresh``, a new issue) with a preview first."""
        s = self._session
        try:
            if fresh:
                slip = print_slip(
                    s.db, s.actor, kind, key, layout=layout, now=s.now(), archive_dir=self.archive_dir
                )
            else:
                slip = reprint_slip(s.db, s.actor, kind, key, layout, self.archive_dir)
        except UserError as exc:
            self.said.emit(self.tr("Không in lại được: {0}").format(exc.message))
            return None
        self._print(kind, slip, preview=True)
        return slip

    def _print(self, kind: str, slip: IssuedSlip, *, preview: bool = False) -> None:
        self.last = slip
        try:
            self.said.emit(self.printer.print_slip(kind, slip.pdf_bytes, slip.path, preview=preview))
        except OSError as exc:  # a printer that fails must not hide that the slip exists
            log.warning("printing %s failed: %s", kind, exc)
            self.said.emit(self.tr("Không in được ({0}); phiếu đã lưu tại {1}.").format(exc, slip.path))
