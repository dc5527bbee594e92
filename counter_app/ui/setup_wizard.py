"""The first-start set-up wizard: a data folder without an office is set up before anyone logs in.

Six pages (counter_app/ui/setup/): the office, its working hours, its specialist units, the
procedures it receives, the first admin, a summary. Each page checks its fields on «Tiếp» and
says why beside the field; nothing is written until «Hoàn tất», which hands one SetupSpec to
services/office_setup.apply_setup off the GUI thread. «Hủy», Esc and closing the window ask first.

On a new data folder the wizard shows before the database is open (``db=None``, app.py: the first
window must not wait for the database stack, issue 11), so this module and its pages import none of
it: the officer fills the pages meanwhile, and a «Hoàn tất» pressed before
:meth:`SetupWizard.set_database` waits for it, saying so, then runs by itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QSize, Qt, QThread
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget, QWizard, QWizardPage

from counter_app.documents.vnformat import to_local
from counter_app.domain.errors import UserError, ValidationError
from counter_app.domain.timezones import DEFAULT_TZ
from counter_app.services.actor import SYSTEM_ACTOR, Actor
from counter_app.services.setup_choices import ProcedureChoice
from counter_app.services.setup_spec import OfficeProfile, SetupSpec, check_spec
from counter_app.ui.password_dialog import utc_now
from counter_app.ui.setup.admin_page import SetupAdminPage
from counter_app.ui.setup.hours_page import SetupHoursPage
from counter_app.ui.setup.office_page import SetupOfficePage
from counter_app.ui.setup.procedures_page import SetupProceduresPage
from counter_app.ui.setup.summary_page import SetupSummaryPage
from counter_app.ui.setup.units_page import SetupUnitsPage
from counter_app.ui.worker import run_with_progress

if TYPE_CHECKING:  # the database stack loads behind the wizard (app.py, issue 11)
    from counter_app.db.database import Database
    from counter_app.services.office_setup import SetupResult

log = logging.getLogger(__name__)


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
        self.hours_page = SetupHoursPage()
        self.units_page = SetupUnitsPage()
        self.procedures_page = SetupProceduresPage(self.office_page.chosen_level, self.catalog)
        self.admin_page = SetupAdminPage()
        self.summary_page = SetupSummaryPage(self.spec, self.procedures_page.chosen, self.today)
        for page in self.pages():
            self.addPage(page)
        self.resize(QSize(920, 720))

    def pages(self) -> list[QWizardPage]:
        return [
            self.office_page,
            self.hours_page,
            self.units_page,
            self.procedures_page,
            self.admin_page,
            self.summary_page,
        ]

    def today(self) -> date:
        return to_local(self._clock(), DEFAULT_TZ).date()

    def catalog(self) -> list[ProcedureChoice]:
        """The bundled national catalogue, read the first time the procedures page opens."""
        if self._catalog is None:
            # Measured: about 0.08 s for the 402 records (0.15 s with the list filled), so it is read
            # here, under a wait cursor, rather than behind a progress dialog.
            problem = ""
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self._catalog = self._read_catalog()
            except UserError as exc:  # the bundled file damaged: said; files can still be added
                self._catalog, problem = [], exc.message
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
        if self.currentPage() is not self.summary_page:
            return super().validateCurrentPage()
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
            if field and page.show_error(field, exc.message):  # type: ignore[attr-defined]
                while self.currentPage() is not page and self.currentId() > 0:
                    self.back()
                page.show_error(field, exc.message)  # type: ignore[attr-defined]  (focus, now shown)
                return
        self.summary_page.show_message(exc.message)

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
