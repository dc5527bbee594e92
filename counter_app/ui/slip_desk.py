"""Issuing and printing the slip that goes with each counter action.

The pages announce what happened (a dossier received, a supplement requested, a result returned …);
the desk issues the matching slip through the slips service (archived, with its event) and prints
it. A failure to print never undoes the action: the slip stays archived and can be re-printed.

Issuing a slip writes (its ``slip_issued`` event, in the transaction that renders and archives it),
so every slip is issued on the write lane (operations.py), queued behind the action it goes with:
the page shows its outcome first (the receive page's banner with the dossier's code), the PDF
renders off the GUI thread, and printing (Qt's printer objects) then runs on the GUI thread.
``progressed`` tells the receive page where the receipt went.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QWidget

from counter_app.domain.errors import UserError
from counter_app.services.slips.issue import IssuedSlip, issue_or_reprint, reprint_slip
from counter_app.ui.messages import shown
from counter_app.ui.operations import ServiceOp
from counter_app.ui.printing import PrintOutcome, SlipPrinter
from counter_app.ui.session import UiSession

log = logging.getLogger(__name__)

# One slip renders at a time: reportlab keeps module-level state (fonts, caches) that two threads
# rendering at once could trip over (the write lane renders the slips; a script may render too).
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


@dataclass(frozen=True)
class _RenderBug:
    """A receipt that could not be made because of a bug: the dossier is received all the same, so
    the banner says so and the log gets the traceback (no crash dialog over the receipt moment)."""

    error: Exception


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

    def issue(self, kind: str, key: object, layout: str | None = None) -> None:
        """Issue (or re-use the archived copy of) a slip on the write lane, then print it here; the
        status bar says where it went (``said``), or why it could not be made."""
        s = self._session
        db, actor, now = s.db, s.actor, s.now()  # the issue time is the action's, not the render's
        try:
            archive = self.archive_dir
        except UserError as exc:
            self.said.emit(self.tr("Không lập được phiếu: {0}").format(shown(exc)))
            return

        def render() -> IssuedSlip:  # on the write lane: no Qt object is touched here
            with _RENDER_LOCK:
                return issue_or_reprint(db, actor, kind, key, layout=layout, now=now, archive_dir=archive)

        op = ServiceOp(self, render, exclusive=False)  # slips queue: one per action, none dropped
        op.success(lambda slip: self._print(kind, slip)).failure(
            lambda exc: self.said.emit(self.tr("Không lập được phiếu: {0}").format(shown(exc)))
        )
        op.run_in_background()

    def issue_in_background(self, kind: str, key: str, layout: str | None = None) -> None:
        """Issue a slip with its PDF rendered on the write lane, then print it here; ``progressed``
        reports each step. The action it records is already saved, whatever happens to the slip."""
        s = self._session
        db, actor, now = s.db, s.actor, s.now()  # the issue time is the action's, not the render's
        try:
            archive = self.archive_dir
        except UserError as exc:
            self._not_issued(kind, key, exc)
            return

        def render() -> IssuedSlip | _RenderBug:  # on the write lane: no Qt object is touched here
            with _RENDER_LOCK:
                try:
                    return issue_or_reprint(db, actor, kind, key, layout=layout, now=now, archive_dir=archive)
                except UserError:
                    raise
                except Exception as exc:  # a bug: said in the banner and logged (_not_issued)
                    return _RenderBug(exc)

        def issued(result: IssuedSlip | _RenderBug) -> None:
            if isinstance(result, _RenderBug):
                self._not_issued(kind, key, result.error)
            else:
                self._print_issued(kind, key, result)

        op = ServiceOp(self, render, exclusive=False)
        op.success(issued).failure(lambda exc: self._not_issued(kind, key, exc)).run_in_background()

    def _print_issued(self, kind: str, key: str, slip: IssuedSlip) -> None:
        self.progressed.emit(kind, key, "printing", "", slip.path)
        state, message = self._print(kind, slip)
        self.progressed.emit(kind, key, state, message, slip.path)

    def _not_issued(self, kind: str, key: str, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            reason = shown(exc)
        else:  # a renderer's bug must not pass silently: the log has the traceback
            log.error("issuing %s %s failed", kind, key, exc_info=exc)
            reason = str(exc) or type(exc).__name__
        self.said.emit(self.tr("Không lập được phiếu: {0}").format(reason))
        self.progressed.emit(kind, key, "not_issued", reason, None)

    def reprint(self, kind: str, key: str, layout: str, fresh: bool) -> None:
        """Re-print the archived copy (or, ``fresh``, a new issue) with a preview first; the copy is
        read (or issued) on the write lane, behind the slips still being issued."""
        s = self._session
        db, actor, now = s.db, s.actor, s.now()
        try:
            archive = self.archive_dir
        except UserError as exc:
            self.said.emit(self.tr("Không in lại được: {0}").format(shown(exc)))
            return

        def render() -> IssuedSlip:  # on the write lane: no Qt object is touched here
            with _RENDER_LOCK:
                if fresh:
                    return issue_or_reprint(db, actor, kind, key, layout=layout, now=now, archive_dir=archive)
                return reprint_slip(db, actor, kind, key, layout, archive)

        op = ServiceOp(self, render, exclusive=False)
        op.success(lambda slip: self._print(kind, slip, preview=True)).failure(
            lambda exc: self.said.emit(self.tr("Không in lại được: {0}").format(shown(exc)))
        )
        op.run_in_background()

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
