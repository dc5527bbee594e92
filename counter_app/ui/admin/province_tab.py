"""Administration → «Các văn phòng (tỉnh)»: the provincial centre's side of the exchange
(services/exchange; docs/exchange.md).

The offices enrolled with this database and how far each one's data runs («dữ liệu đến …»); the
offices' bundles imported from a USB stick (on the long-job lane, each one's acknowledgement
written beside it for the office to take back); an office enrolled from its first bundle and the
fingerprint it reads out over the phone; and the fork alarms, each with the choice of the branch to
keep. The offices' dossiers themselves (the hotline's lookup, the list by office) are on the page
Các văn phòng (F8), open to officers (ui/pages/offices_page.py). On an office's own database
the tables stay empty and the note says what the tab is for.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import UserError
from counter_app.ui.admin.common import GREY, Feedback, confirm, plain_table
from counter_app.ui.messages import shown
from counter_app.ui.session import UiSession
from counter_app.ui.worker import Report, run_with_progress

if TYPE_CHECKING:  # the exchange's services load cryptography: only once the tab is used (issue 11)
    from datetime import datetime

    from counter_app.services.exchange.forks import Branch, ForkInfo

log = logging.getLogger(__name__)


class ProvinceTab(QWidget):
    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._runner = None
        self._read = False
        self.forks: list[ForkInfo] = []
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"color: {GREY}")
        self.offices = plain_table(
            [
                self.tr("Mã định danh"),
                self.tr("Văn phòng"),
                self.tr("Dữ liệu đến"),
                self.tr("Sự kiện"),
                self.tr("Hồ sơ"),
                self.tr("Chờ"),
                self.tr("Rẽ nhánh"),
            ]
        )
        self.import_button = QPushButton(self.tr("Nhập gói của văn phòng…"))
        self.enrol_button = QPushButton(self.tr("Đăng ký văn phòng…"))
        self.refresh_button = QPushButton(self.tr("Làm mới"))
        self.fork_table = plain_table(
            [
                self.tr("Mã"),
                self.tr("Văn phòng"),
                self.tr("Chuỗi"),
                self.tr("Nhánh đã áp dụng"),
                self.tr("Nhánh kia"),
            ]
        )
        self.keep_applied_button = QPushButton(self.tr("Giữ nhánh đã áp dụng"))
        self.keep_other_button = QPushButton(self.tr("Giữ nhánh kia"))
        self.message = Feedback()

        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.enrol_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        fork_buttons = QHBoxLayout()
        fork_buttons.addWidget(self.keep_applied_button)
        fork_buttons.addWidget(self.keep_other_button)
        fork_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.offices, 2)
        layout.addLayout(buttons)
        self.fork_label = QLabel(
            self.tr("Cảnh báo rẽ nhánh đang mở — chọn nhánh giữ lại, nhánh kia được để riêng:")
        )
        layout.addWidget(self.fork_label)
        layout.addWidget(self.fork_table, 1)
        layout.addLayout(fork_buttons)
        layout.addWidget(self.message)

        self.import_button.clicked.connect(lambda: self.import_bundles())
        self.enrol_button.clicked.connect(lambda: self.enrol())
        self.refresh_button.clicked.connect(self.refresh)
        self.keep_applied_button.clicked.connect(lambda: self.keep("applied"))
        self.keep_other_button.clicked.connect(lambda: self.keep("other"))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - read when shown, not at start
        super().showEvent(event)
        if not self._read:
            self.refresh()

    def focus_start(self) -> None:
        self.import_button.setFocus()

    def _zone(self) -> ZoneInfo:
        from counter_app.services.offices import office_timezone

        return ZoneInfo(office_timezone(self._session.db))

    def _when(self, moment: datetime | None) -> str:
        return f"{moment.astimezone(self._zone()):%d/%m/%Y %H:%M}" if moment else "—"

    # ------------------------------------------------------------------------------------ reading

    def refresh(self) -> None:
        from counter_app.services.exchange.forks import list_forks
        from counter_app.services.exchange.province_view import offices

        s = self._session
        self._read = True
        try:
            listed = offices(s.db, s.actor)
            self.forks = list_forks(s.db, s.actor)
        except UserError as exc:
            self.message.say(shown(exc), error=True)
            return
        self.note.setText(
            self.tr(
                "Các văn phòng đã đăng ký với trung tâm tỉnh và dữ liệu của mỗi văn phòng đến lúc nào. "
                "Một văn phòng nhiều ngày không gửi được xem theo ngày dữ liệu của nó."
            )
            if listed
            else self.tr(
                "Chưa có văn phòng nào đăng ký với cơ sở dữ liệu này. Màn hình này dùng ở trung tâm tỉnh: đăng "
                "ký một văn phòng từ gói đầu tiên của nó và dấu vân tay văn phòng đọc qua điện thoại."
            )
        )
        self.offices.setRowCount(len(listed))
        for row, o in enumerate(listed):
            cells = (
                o.office_code,
                o.office_name,
                self._when(o.data_until),
                str(o.events),
                str(o.dossiers),
                str(o.waiting),
                str(o.open_forks) if o.open_forks else "",
            )
            for column, text in enumerate(cells):
                self.offices.setItem(row, column, QTableWidgetItem(text))
        self.fork_table.setRowCount(len(self.forks))
        for row, fork in enumerate(self.forks):
            cells = (
                fork.id.hex[:8],
                fork.office_code,
                self.tr("{0} từ số {1}").format(fork.node_id, fork.seq),
                self._branch_text(fork.applied),
                self._branch_text(fork.other),
            )
            for column, text in enumerate(cells):
                self.fork_table.setItem(row, column, QTableWidgetItem(text))
        has_forks = bool(self.forks)
        for widget in (self.fork_label, self.fork_table, self.keep_applied_button, self.keep_other_button):
            widget.setVisible(has_forks)

    def _branch_text(self, branch: Branch) -> str:
        return self.tr("{0} sự kiện, {1}–{2}; {3} hồ sơ: {4}").format(
            branch.events,
            self._when(branch.first_at),
            self._when(branch.last_at),
            len(branch.dossier_codes),
            ", ".join(branch.dossier_codes[:5]) + (" …" if len(branch.dossier_codes) > 5 else ""),
        )

    # ------------------------------------------------------------------------------------ acting

    def enrol(self, path: Path | None = None, fingerprint: str | None = None) -> bool:
        """Enrol the office whose bundle ``path`` is, once the fingerprint it read out matches."""
        from counter_app.services.exchange.province import enrol

        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self, self.tr("Chọn một gói của văn phòng cần đăng ký"), "", self.tr("Gói trao đổi (*.zip)")
            )
            if not chosen:
                return False
            path = Path(chosen)
        if fingerprint is None:
            typed, ok = QInputDialog.getText(
                self,
                self.tr("Đăng ký văn phòng"),
                self.tr("Dấu vân tay khóa của văn phòng (văn phòng đọc qua điện thoại):"),
            )
            if not ok or not typed.strip():
                self.message.say(self.tr("Chưa đăng ký: cần dấu vân tay của văn phòng."), error=True)
                return False
            fingerprint = typed
        s = self._session
        try:
            done = enrol(s.db, s.actor, path, fingerprint, now=s.now())
        except UserError as exc:
            self.message.say(shown(exc), error=True)
            return False
        self.refresh()
        text = (
            self.tr("Đã đăng ký khóa {0} của {1} ({2}).")
            if done.new
            else self.tr("Đã đăng ký từ trước: khóa {0} của {1} ({2}).")
        )
        self.message.say(text.format(done.fingerprint, done.office_name, done.office_code))
        return True

    def import_bundles(self, paths: list[Path] | None = None) -> bool:
        """Import the offices' bundles ``paths`` (asked for when None), each acknowledgement written
        beside its bundle; False when nothing started."""
        if self._runner is not None:
            return False
        if paths is None:
            chosen, _filter = QFileDialog.getOpenFileNames(
                self, self.tr("Chọn các gói của văn phòng"), "", self.tr("Gói trao đổi (*.zip)")
            )
            if not chosen:
                return False
            paths = [Path(p) for p in chosen]
        s = self._session
        now = s.now()
        files = list(paths)

        def job(report: Report) -> list[tuple[Path, object]]:
            from counter_app.services.exchange.province import import_and_acknowledge

            outcomes: list[tuple[Path, object]] = []
            for done, path in enumerate(files):
                if not report(done, len(files)):
                    break
                try:
                    outcomes.append((path, import_and_acknowledge(s.db, s.actor, path, None, now=now)))
                except UserError as exc:  # said for this file; the others are still imported
                    outcomes.append((path, exc))
            return outcomes

        self.import_button.setEnabled(False)
        self.message.say(self.tr("Đang nhập gói của văn phòng…"))
        self._runner = run_with_progress(
            self, self.tr("Đang nhập gói của văn phòng…"), job, self._imported, self._failed
        )
        return True

    def _imported(self, outcomes: list[tuple[Path, object]]) -> None:
        self._runner = None
        self.import_button.setEnabled(True)
        self.refresh()
        lines: list[str] = []
        failed = False
        for path, outcome in outcomes:
            if isinstance(outcome, UserError):
                failed = True
                lines.append(shown(outcome))
                continue
            result, ack = outcome  # type: ignore[misc]
            if result.repeated:
                lines.append(self.tr("{0}: đã nhập trước đây, không có gì mới.").format(path.name))
                continue
            text = self.tr("{0}: văn phòng {1}, áp dụng {2} sự kiện; gói xác nhận: {3}.").format(
                path.name, result.office_code, result.applied, ack.name
            )
            if result.forks:
                failed = True
                text += " " + self.tr(
                    "CẢNH BÁO RẼ NHÁNH: chưa áp dụng gì thêm của chuỗi đó; hãy chọn nhánh bên dưới."
                )
            lines.append(text)
        self.message.say("\n".join(lines), error=failed)

    def _failed(self, exc: BaseException) -> None:
        self._runner = None
        self.import_button.setEnabled(True)
        if not isinstance(exc, UserError):
            log.error("province import failed", exc_info=exc)
            self.message.say(self.tr("Không thực hiện được: {0}").format(exc), error=True)
            return
        self.message.say(shown(exc), error=True)

    def keep(self, which: str, *, confirmed: bool = False) -> bool:
        """Keep the ``which`` branch ("applied" | "other") of the selected fork alarm."""
        from counter_app.services.exchange.forks import keep_branch

        row = self.fork_table.currentRow()
        if not 0 <= row < len(self.forks):
            self.message.say(self.tr("Chọn một cảnh báo rẽ nhánh trong bảng."), error=True)
            return False
        fork = self.forks[row]
        kept = self.tr("nhánh đã áp dụng") if which == "applied" else self.tr("nhánh kia")
        question = self.tr(
            "Giữ {0} của chuỗi {1} (văn phòng {2})? Nhánh còn lại được để riêng, không bị xóa."
        ).format(kept, fork.node_id, fork.office_code)
        if not confirmed and not confirm(self, self.tr("Chọn nhánh"), question):
            return False
        s = self._session
        try:
            done = keep_branch(s.db, s.actor, fork.id.hex, which, now=s.now())
        except UserError as exc:
            self.message.say(shown(exc), error=True)
            return False
        self.refresh()
        self.message.say(
            self.tr("Đã giữ {0}: {1} sự kiện của nhánh còn lại được để riêng; chuỗi đến số {2}.").format(
                kept, done.set_aside, done.head
            ),
            error=done.new_alarm_at is not None,
        )
        return True
