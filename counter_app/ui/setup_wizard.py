"""The first-start set-up wizard: a data folder without an office is set up before anyone logs in.

Six pages (counter_app/ui/setup/): the office, its working hours, its specialist units, the
procedures it receives, the first admin, a summary. Each page checks its fields on «Tiếp» and
says why beside the field; nothing is written until «Hoàn tất», which hands one SetupSpec to
services/office_setup.apply_setup off the GUI thread. «Hủy», Esc and closing the window ask first.

On a new data folder the wizard shows before the database is open (``db=None``, app.py: the first
window must not wait for the database stack, issue 11), so this module and its pages import none of
it: the officer fills the pages meanwhile, and a «Hoàn tất» pressed before
:meth:`SetupWizard.set_database` waits for it, saying so, then runs by itself.

For the same reason only the office page is made with the wizard. Each later page is made — its
module imported, its widgets built, then added — when it is first needed: by «Tiếp» on the page
before it, or by code asking for it (``hours_page``…, ``spec``), always in page order. So the wizard
ends up as when all six were made at once: the same ids, and each page's widgets right after it in
the focus chain (built before it is added; added later they would come at the chain's end, where
QWizard, looking only 100 widgets past a page for the field to focus, may not find them).
``nextId`` answers from that fixed order, so the office page offers «Tiếp» before any later page
exists. PySide6's ``Qt`` namespace (its first use creates ~90 Python enums, ~25 ms) and
``ui/worker.py`` are imported only where they are used, after the window shows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, cast

import shiboken6
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget, QWizard, QWizardPage

from counter_app.documents.vnformat import to_local
from counter_app.domain.errors import UserError, ValidationError
from counter_app.domain.timezones import DEFAULT_TZ
from counter_app.services.actor import SYSTEM_ACTOR, Actor
from counter_app.services.setup_spec import OfficeProfile, SetupSpec, check_spec
from counter_app.ui.messages import shown
from counter_app.ui.setup.office_page import SetupOfficePage

if TYPE_CHECKING:  # the database stack loads behind the wizard (app.py, issue 11)
    from PySide6.QtCore import QThread

    from counter_app.db.database import Database
    from counter_app.services.office_setup import SetupResult
    from counter_app.services.setup_choices import ProcedureChoice
    from counter_app.ui.setup.admin_page import SetupAdminPage
    from counter_app.ui.setup.hours_page import SetupHoursPage
    from counter_app.ui.setup.procedures_page import SetupProceduresPage
    from counter_app.ui.setup.summary_page import SetupSummaryPage
    from counter_app.ui.setup.units_page import SetupUnitsPage

log = logging.getLogger(__name__)
# The pages' ids, in order (QWizard.addPage numbers them from 0).
OFFICE, HOURS, UNITS, PROCEDURES, ADMIN, SUMMARY = range(6)


def utc_now() -> datetime:
    """The wizard's clock (ui/password_dialog's, which this module does not import)."""
    return datetime.now(UTC)


def procedure_choices() -> list[ProcedureChoice]:
    """The bundled catalogue (office_setup.procedure_choices), its services imported only when the
    procedures page first opens."""
    from counter_app.services.office_setup import procedure_choices as read

    return read()


def apply_setup(db: Database, actor: Actor, spec: SetupSpec, *, now: datetime) -> SetupResult:
    """office_setup.apply_setup, imported when «Hoàn tất» runs."""
    from counter_app.services.office_setup import apply_setup as apply

    return apply(db, actor, spec, now=now)


class SetupWizard(QWizard):
    """``setup_result`` is set once «Hoàn tất» wrote everything (the wizard is then accepted)."""

    def __init__(
        self,
        db: Database | None,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = utc_now,
        catalog: Callable[[], list[ProcedureChoice]] = procedure_choices,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._waiting: SetupSpec | None = None  # «Hoàn tất» pressed before the database was open
        self._clock = clock
        self._read_catalog = catalog
        self._catalog: list[ProcedureChoice] | None = None
        self._runner: QThread | None = None  # the thread of «Hoàn tất», kept while it runs
        self.busy = False  # apply_setup is running: no second «Hoàn tất», no cancel
        self.setup_result: SetupResult | None = None
        self.setWindowTitle(self.tr("Thiết lập đơn vị — Bộ phận Một cửa"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("‹ Quay lại"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Tiếp ›"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Hoàn tất"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Hủy"))
        self.office_page = SetupOfficePage(self.today)
        self._pages: list[QWizardPage] = []  # made so far, in order; the others by _page
        self._add(self.office_page)
        self.resize(QSize(920, 720))

    # ---- the pages --------------------------------------------------------------------------------
    @property
    def hours_page(self) -> SetupHoursPage:
        return cast("SetupHoursPage", self._page(HOURS))

    @property
    def units_page(self) -> SetupUnitsPage:
        return cast("SetupUnitsPage", self._page(UNITS))

    @property
    def procedures_page(self) -> SetupProceduresPage:
        return cast("SetupProceduresPage", self._page(PROCEDURES))

    @property
    def admin_page(self) -> SetupAdminPage:
        return cast("SetupAdminPage", self._page(ADMIN))

    @property
    def summary_page(self) -> SetupSummaryPage:
        return cast("SetupSummaryPage", self._page(SUMMARY))

    def pages(self) -> list[QWizardPage]:
        """All six pages (any not made yet is made now)."""
        self._page(SUMMARY)
        return list(self._pages)

    def _page(self, page_id: int) -> QWizardPage:
        """The page ``page_id``; made and added now, after any page before it, if it was not yet."""
        while len(self._pages) <= page_id:
            self._add(self._make(len(self._pages)))
        return self._pages[page_id]

    def _add(self, page: QWizardPage) -> None:
        self._pages.append(page)
        self.addPage(page)  # its id: its place in _pages

    def _make(self, page_id: int) -> QWizardPage:
        """A later page, its module imported now (see the module's docstring)."""
        if page_id == HOURS:
            from counter_app.ui.setup.hours_page import SetupHoursPage

            return SetupHoursPage()
        if page_id == UNITS:
            from counter_app.ui.setup.units_page import SetupUnitsPage

            return SetupUnitsPage()
        if page_id == PROCEDURES:
            from counter_app.ui.setup.procedures_page import SetupProceduresPage

            return SetupProceduresPage(self.office_page.chosen_level, self.catalog)
        if page_id == ADMIN:
            from counter_app.ui.setup.admin_page import SetupAdminPage

            return SetupAdminPage()
        assert page_id == SUMMARY, page_id
        from counter_app.ui.setup.summary_page import SetupSummaryPage

        return SetupSummaryPage(self.spec, self.procedures_page.chosen, self.today)

    def nextId(self) -> int:  # noqa: N802
        """The page after the current one, whether made yet or not (QWizard's own answer only
        knows the pages added): so the office page shows «Tiếp», the summary «Hoàn tất»."""
        current = self.currentId()
        return current + 1 if OFFICE <= current < SUMMARY else -1

    def today(self) -> date:
        return to_local(self._clock(), DEFAULT_TZ).date()

    def catalog(self) -> list[ProcedureChoice]:
        """The bundled national catalogue, read the first time the procedures page opens."""
        if self._catalog is None:
            # Measured: about 0.08 s for the 402 records (0.15 s with the list filled), so it is read
            # here, under a wait cursor, rather than behind a progress dialog.
            from PySide6.QtCore import Qt  # after the window shows (see the module's docstring)
            from PySide6.QtGui import QGuiApplication

            problem = ""
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self._catalog = self._read_catalog()
            except UserError as exc:  # the bundled file damaged: said; files can still be added
                self._catalog, problem = [], shown(exc)
            finally:
                QGuiApplication.restoreOverrideCursor()
            if problem:
                QMessageBox.critical(self, self.tr("Không đọc được danh mục thủ tục"), problem)
        return self._catalog

    def spec(self) -> SetupSpec:
        """What the pages say, as the spec apply_setup writes."""
        office = OfficeProfile(
            **self.office_page.values(),
            time_policy=self.hours_page.time_policy(),
            sessions=self.hours_page.sessions(),
        )
        return SetupSpec(
            office=office,
            units=self.units_page.units(),
            procedures=self.procedures_page.chosen_codes(),
            users=(self.admin_page.user(),),
            catalog_files=tuple(self.procedures_page.files),
        )

    # ---- «Hoàn tất» -----------------------------------------------------------------------------
    def validateCurrentPage(self) -> bool:  # noqa: N802
        # «Tiếp» and «Hoàn tất» (and Enter, which presses them) both come here first.
        current = self.currentId()
        if current != SUMMARY:
            if not super().validateCurrentPage():
                return False
            self._page(current + 1)  # where «Tiếp» goes next: QWizard needs it added
            return True
        if self.setup_result is not None:
            return True  # written: the wizard may close
        if not self.busy and self._waiting is None:
            self._start_setup()
        return False

    def set_database(self, db: Database) -> None:
        """The database, opened in the background; a «Hoàn tất» pressed meanwhile runs now."""
        self._db = db
        spec, self._waiting = self._waiting, None
        if spec is not None:
            self._set_waiting(False)
            self.summary_page.error.hide()
            self._write(spec)

    def _start_setup(self) -> None:
        spec = self.spec()
        try:
            check_spec(spec)
        except ValidationError as exc:
            self._refused(exc)
            return
        if self._db is None:
            self._waiting = spec
            self._set_waiting(True)
            self.summary_page.show_message(self.tr("Đang chuẩn bị dữ liệu, xin chờ trong giây lát…"))
            return
        self._write(spec)

    def _write(self, spec: SetupSpec) -> None:
        from counter_app.ui.worker import run_with_progress  # see the module's docstring

        db = self._db
        assert db is not None
        now = self._clock()
        self._set_busy(True)
        self._runner = run_with_progress(
            self,
            self.tr("Đang thiết lập đơn vị: nhập danh mục thủ tục, lưu đơn vị và tài khoản…"),
            lambda _report: apply_setup(db, SYSTEM_ACTOR, spec, now=now),
            self._set_up,
            self._failed,
        )
        for dialog in self.findChildren(QProgressDialog):
            dialog.setCancelButton(None)  # type: ignore[arg-type]  (apply_setup cannot stop half-way)
            dialog.setValue(0)  # apply_setup reports no steps: shown, busy, after its short delay

    def _set_waiting(self, waiting: bool) -> None:
        """Waiting for the database: «Hoàn tất» pressed, nothing to go back to change (the spec is
        taken); «Hủy» still ends the wizard — nothing has been written."""
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.FinishButton):
            self.button(which).setEnabled(not waiting)
        if waiting:
            # Off the disabled «Hoàn tất», focus would land on «Hủy» and a second Enter ask to cancel.
            self.summary_page.text.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for which in (
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.CancelButton,
        ):
            self.button(which).setEnabled(not busy)

    def _join_runner(self) -> None:
        """Let the thread end (it has handed its result over) before the wizard may be deleted."""
        runner, self._runner = self._runner, None
        if runner is not None and shiboken6.isValid(runner):
            runner.wait()

    def _set_up(self, result: SetupResult) -> None:
        self._join_runner()
        self._set_busy(False)
        self.setup_result = result
        passwords = getattr(result, "one_time_passwords", None) or {}
        if passwords:  # a password the service chose itself is shown once, here
            lines = "\n".join(f"{name}: {password}" for name, password in dict(passwords).items())
            QMessageBox.information(
                self,
                self.tr("Mật khẩu dùng một lần"),
                self.tr(
                    "Ghi lại mật khẩu dùng một lần (chỉ hiện một lần), đổi ở lần đăng nhập đầu:\n{0}"
                ).format(lines),
            )
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._join_runner()
        self._set_busy(False)
        if isinstance(exc, UserError):
            self._refused(exc)
            return
        log.error("set-up failed", exc_info=exc)
        message = self.tr("Không thiết lập được, chưa ghi gì: {0}").format(exc)
        self.summary_page.show_message(message)
        QMessageBox.critical(self, self.tr("Không thiết lập được"), message)

    def _refused(self, exc: UserError) -> None:
        """A refusal of apply_setup (nothing written): shown beside its field, on its page."""
        field = getattr(exc, "field", None)
        for page in self.pages()[:-1]:
            if field and page.show_error(field, shown(exc)):  # type: ignore[attr-defined]
                while self.currentPage() is not page and self.currentId() > 0:
                    self.back()
                page.show_error(field, shown(exc))  # type: ignore[attr-defined]  (focus, now shown)
                return
        self.summary_page.show_message(shown(exc))

    # ---- «Hủy», Esc, closing the window ---------------------------------------------------------
    def reject(self) -> None:
        if self.busy:
            return  # the set-up is being written: it ends by itself, in a moment
        answer = QMessageBox.question(
            self,
            self.tr("Hủy thiết lập?"),
            self.tr(
                "Chưa có gì được lưu. Hủy thiết lập đơn vị và thoát chương trình? Lần mở sau, "
                "trình thiết lập lại hiện ra."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,  # Enter by habit keeps what was typed
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._waiting = None  # a database arriving later writes nothing
            super().reject()
