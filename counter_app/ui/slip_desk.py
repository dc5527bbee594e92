"""Issuing and printing the slip that goes with each counter action.

The pages announce what happened (a dossier received, a supplement requested, a result returned …);
the desk issues the matching slip through the slips service (archived, with its event) and prints
it. A failure to print never undoes the action: the slip stays archived and can be re-printed.

The receipt is issued in the background: the receive page shows the dossier's code at once while
the PDF renders in a worker thread; printing (Qt's printer objects) then runs on the GUI thread,
and ``progressed`` tells the page where the receipt went.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QWidget

from counter_app.domain.errors import UserError
from counter_app.services.slips.issue import IssuedSlip, issue_or_reprint, reprint_slip
from counter_app.ui.printing import PrintOutcome, SlipPrinter
from counter_app.ui.session import UiSession
from counter_app.ui.worker import run_detached

log = logging.getLogger(__name__)

# One slip renders at a time: reportlab keeps module-level state (fonts, caches) that two threads
# rendering at once could trip over, and the GUI thread renders the other slips itself.
_RENDER_LOCK = threading.Lock()


class Printer(Protocol):
    def print_slip(
        self, kind: str, pdf_bytes: bytes, saved_path: Path | None, *, preview: bool = False
    ) -> str: ...


@runtime_checkable
class OutcomePrinter(Protocol):
    """A printer that also says whether the slip reached paper (SlipPrinter does)."""

    def print_outcome(
        self, kind: str, pdf_bytes: bytes, saved_path: Path | None, *, preview: bool = False
    ) -> PrintOutcome: ...


class _BackgroundSlip(QObject):
    """One slip rendering in a worker thread; its result is delivered to these slots on the GUI thread
    (and dropped if the desk has gone meanwhile)."""

    def __init__(self, desk: SlipDesk, kind: str, key: str) -> None:
        super().__init__(desk)
        self._desk, self.kind, self.key = desk, kind, key

    def done(self, slip: IssuedSlip) -> None:
        self._desk._print_issued(self.kind, self.key, slip)
        self.deleteLater()

    def failed(self, exc: BaseException) -> None:
        self._desk._not_issued(self.kind, self.key, exc)
        self.deleteLater()


class SlipDesk(QObject):
    """Issues, archives and prints slips; ``said`` carries a sentence for the status bar."""

    said = Signal(str)
    # kind, key, state, message, path (Path | None) of a slip issued in the background; state is
    # "printing", then "printed", "saved" (no printer), "cancelled", "print_failed" or "not_issued"
    progressed = Signal(str, str, str, str, object)

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
            with _RENDER_LOCK:
                slip = issue_or_reprint(
                    s.db, s.actor, kind, key, layout=layout, now=s.now(), archive_dir=self.archive_dir
                )
        except UserError as exc:
            self.said.emit(self.tr("Không lập được phiếu: {0}").format(exc.message))
            return None
        self._print(kind, slip)
        return slip

    def issue_in_background(self, kind: str, key: str, layout: str | None = None) -> None:
        """Issue a slip with its PDF rendered off the GUI thread, then print it here; ``progressed``
        reports each step. The action it records is already saved, whatever happens to the slip."""
        s = self._session
        db, actor, now = s.db, s.actor, s.now()  # the issue time is the action's, not the render's
        try:
            archive = self.archive_dir
        except UserError as exc:
            self._not_issued(kind, key, exc)
            return

        def render() -> IssuedSlip:  # in the worker thread: no Qt object is touched here
            with _RENDER_LOCK:
                return issue_or_reprint(db, actor, kind, key, layout=layout, now=now, archive_dir=archive)

        job = _BackgroundSlip(self, kind, key)
        run_detached(render, job.done, job.failed)

    def _print_issued(self, kind: str, key: str, slip: IssuedSlip) -> None:
        self.progressed.emit(kind, key, "printing", "", slip.path)
        state, message = self._print(kind, slip)
        self.progressed.emit(kind, key, state, message, slip.path)

    def _not_issued(self, kind: str, key: str, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            reason = exc.message
        else:  # a renderer's bug must not pass silently: the log has the traceback
            log.error("issuing %s %s failed", kind, key, exc_info=exc)
            reason = str(exc) or type(exc).__name__
        self.said.emit(self.tr("Không lập được phiếu: {0}").format(reason))
        self.progressed.emit(kind, key, "not_issued", reason, None)

    def reprint(self, kind: str, key: str, layout: str, fresh: bool) -> IssuedSlip | None:
        """Re-print the archived copy (or, ``fresh``, a new issue) with a preview first."""
        s = self._session
        try:
            if fresh:
                with _RENDER_LOCK:
                    slip = issue_or_reprint(
                        s.db, s.actor, kind, key, layout=layout, now=s.now(), archive_dir=self.archive_dir
                    )
            else:
                with _RENDER_LOCK:
                    slip = reprint_slip(s.db, s.actor, kind, key, layout, self.archive_dir)
        except UserError as exc:
            self.said.emit(self.tr("Không in lại được: {0}").format(exc.message))
            return None
        self._print(kind, slip, preview=True)
        return slip

    def _print(self, kind: str, slip: IssuedSlip, *, preview: bool = False) -> tuple[str, str]:
        """Print an issued slip; (state, sentence) as in ``progressed``."""
        self.last = slip
        try:
            if isinstance(self.printer, OutcomePrinter):
                outcome = self.printer.print_outcome(kind, slip.pdf_bytes, slip.path, preview=preview)
            else:  # a plain printer (the tests' fakes) only says what it did
                outcome = PrintOutcome(
                    self.printer.print_slip(kind, slip.pdf_bytes, slip.path, preview=preview), "printed"
                )
        except OSError as exc:  # a printer that fails must not hide that the slip exists
            log.warning("printing %s failed: %s", kind, exc)
            self.said.emit(self.tr("Không in được ({0}); phiếu đã lưu tại {1}.").format(exc, slip.path))
            return "print_failed", str(exc)
        self.said.emit(outcome.message)
        return outcome.state, outcome.message
