"""Administration → «Trao đổi»: the office's data to the province on a USB stick, and what the
province sends back (services/exchange; docs/exchange.md): acknowledgements, and its catalogue and
calendar.

The tab says where the office stands (its key's fingerprint, the province's, how many events of
each chain the province has not acknowledged, the province's last baseline applied), writes the
upward bundle into a chosen folder and imports a bundle of the province, both on the long-job lane
with a progress dialog (a week offline is tens of thousands of events). The first bundle from the
province asks for the fingerprint the province reads out over the phone. A baseline's changes
(procedures added and changed, calendar days) are listed under the table.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import UserError
from counter_app.ui.admin.common import GREY, Feedback, plain_table
from counter_app.ui.messages import shown
from counter_app.ui.session import UiSession
from counter_app.ui.worker import Report, run_with_progress

if TYPE_CHECKING:  # the exchange's services load cryptography: only once the tab is used (issue 11)
    from counter_app.services.calendar_baseline import BaselineChange
    from counter_app.services.exchange.downward import BaselineApplied
    from counter_app.services.exchange.office import AckImported
    from counter_app.services.exchange.status import ExchangeStatus
    from counter_app.services.exchange.upward import Exported
    from counter_app.services.form_wording import WordingChange

log = logging.getLogger(__name__)


class ExchangeTab(QWidget):
    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._runner = None
        self.status: ExchangeStatus | None = None
        self.keys = QLabel()
        self.keys.setWordWrap(True)
        self.keys.setStyleSheet(f"color: {GREY}")
        self.table = plain_table(
            [self.tr("Máy (nút)"), self.tr("Sự kiện"), self.tr("Tỉnh đã xác nhận"), self.tr("Chưa gửi")]
        )
        self.export_button = QPushButton(self.tr("Ghi gói gửi tỉnh…"))
        self.import_button = QPushButton(self.tr("Nhập gói của tỉnh…"))
        self.refresh_button = QPushButton(self.tr("Làm mới"))
        self.message = Feedback()
        self.changes = QPlainTextEdit()  # what the province's last baseline changed here
        self.changes.setReadOnly(True)
        self.changes.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.keys)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.changes, 1)
        self.export_button.clicked.connect(lambda: self.export())
        self.import_button.clicked.connect(lambda: self.import_from_province())
        self.refresh_button.clicked.connect(self.refresh)

    def showEvent(self, event: QShowEvent) -> None:  # read when shown: not at the window's start
        super().showEvent(event)
        if self.status is None:
            self.refresh()

    def focus_start(self) -> None:
        self.export_button.setFocus()

    def refresh(self) -> None:
        from counter_app.services.exchange.status import exchange_status

        s = self._session
        try:
            self.status = exchange_status(s.db, s.actor)
        except UserError as exc:
            self.message.say(shown(exc), error=True)
            return
        own = self.status.own_fingerprint or self.tr("chưa có (tạo khi ghi gói đầu tiên)")
        province = self.status.province_fingerprint or self.tr("chưa có (nhận cùng gói xác nhận đầu tiên)")
        baseline = (
            self.tr("gói số {0}").format(self.status.baseline_number)
            if self.status.baseline_number
            else self.tr("chưa nhận")
        )
        self.keys.setText(
            self.tr(
                "Dấu vân tay khóa của văn phòng: {0} — đọc cho trung tâm tỉnh qua điện thoại khi đăng ký. "
                "Khóa của trung tâm tỉnh: {1}. Chưa gửi: {2} sự kiện. Danh mục và lịch của tỉnh: {3}."
            ).format(own, province, self.status.unsent, baseline)
        )
        self.table.setRowCount(len(self.status.chains))
        for row, chain in enumerate(self.status.chains):
            cells = (chain.node_id, str(chain.head), str(chain.acknowledged), str(chain.unsent))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))

    # --------------------------------------------------------------------------------- export

    def export(self, folder: Path | None = None) -> bool:
        """Write the upward bundle into ``folder`` (asked for when None); False when nothing started."""
        if self._runner is not None:
            return False
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục (USB) để ghi gói gửi tỉnh"))
            if not chosen:
                return False
            folder = Path(chosen)
        s = self._session
        now = s.now()
        target = folder / f"gui-tinh-{now.astimezone():%Y%m%d-%H%M%S}.zip"

        def job(report: Report) -> Exported | None:
            from counter_app.services.exchange.upward import export_events

            return export_events(s.db, s.actor, target, now=now, progress=report)

        self.message.say(self.tr("Đang ghi gói gửi tỉnh…"))
        self._start(self.tr("Đang ghi gói gửi tỉnh…"), job, self._exported)
        return True

    def _exported(self, exported: Exported | None) -> None:
        self._runner = None
        self.refresh()
        if exported is None:
            self.message.say(self.tr("Tỉnh đã xác nhận mọi sự kiện: không có gì để gửi, không ghi gói."))
            return
        self.message.say(
            self.tr("Đã ghi {0}: {1} sự kiện, ký bằng khóa {2}. Mang gói này đến trung tâm tỉnh.").format(
                exported.path, exported.events, exported.fingerprint
            )
        )

    # --------------------------------------------------------------------------------- from the province

    def import_from_province(self, path: Path | None = None, fingerprint: str | None = None) -> bool:
        """Import the province's bundle ``path`` (asked for when None): an acknowledgement or its
        catalogue and calendar; the province's fingerprint is asked for when its key is not kept
        yet. False when nothing started."""
        if self._runner is not None:
            return False
        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self, self.tr("Chọn gói của trung tâm tỉnh"), "", self.tr("Gói trao đổi (*.zip)")
            )
            if not chosen:
                return False
            path = Path(chosen)
        if fingerprint is None and self.status is not None and self.status.province_fingerprint is None:
            typed, ok = QInputDialog.getText(
                self,
                self.tr("Khóa của trung tâm tỉnh"),
                self.tr("Dấu vân tay khóa của trung tâm tỉnh (trung tâm đọc qua điện thoại):"),
            )
            if not ok or not typed.strip():
                self.message.say(self.tr("Chưa nhập: cần dấu vân tay của trung tâm tỉnh."), error=True)
                return False
            fingerprint = typed
        s = self._session
        now: datetime = s.now()
        chosen_path = path

        def job(report: Report) -> AckImported | BaselineApplied:
            from counter_app.services.exchange.from_province import import_from_province

            return import_from_province(
                s.db, s.actor, chosen_path, now=now, fingerprint=fingerprint, progress=report
            )

        self.message.say(self.tr("Đang nhập gói của tỉnh…"))
        self._start(self.tr("Đang nhập gói của tỉnh…"), job, self._imported)
        return True

    def _imported(self, result: AckImported | BaselineApplied) -> None:
        self._runner = None
        self.refresh()
        from counter_app.services.exchange.downward import BaselineApplied

        if isinstance(result, BaselineApplied):
            self._baseline_applied(result)
        else:
            self._acknowledged(result)

    def _baseline_applied(self, result: BaselineApplied) -> None:
        if result.repeated:
            self.message.say(self.tr("Gói số {0} của tỉnh đã được áp dụng trước đây.").format(result.number))
            return
        self.message.say(
            self.tr(
                "Đã áp dụng danh mục và lịch của tỉnh, gói số {0}: {1} thủ tục mới, {2} thủ tục thay đổi, "
                "{3} ngày thay đổi."
            ).format(result.number, len(result.added), len(result.updated), len(result.calendar))
        )
        lines = [self.tr("Thủ tục mới: {0} — {1}").format(c.code, c.name) for c in result.added]
        lines += [self.tr("Thủ tục thay đổi: {0} — {1}").format(c.code, c.name) for c in result.updated]
        lines += [self._day_text(change) for change in result.calendar]
        lines += [self._form_text(change) for change in result.forms]
        self.changes.setPlainText("\n".join(lines))
        self.changes.setVisible(bool(lines))

    def _day_text(self, change: BaselineChange) -> str:
        names = {"off": self.tr("nghỉ"), "work": self.tr("làm việc")}
        national = self.tr("theo lịch quốc gia")
        before = names[change.before.kind] if change.before else national
        after = names[change.after.kind] if change.after else national
        note = change.after.note if change.after else ""
        text = self.tr("Ngày {0}: {1} → {2}").format(f"{change.day:%d/%m/%Y}", before, after)
        return f"{text} ({note})" if note else text

    def _form_text(self, change: WordingChange) -> str:
        """«Lời văn mẫu receipt/note: …» — the province's new text, or back to the standard one."""
        if change.after is None:
            return self.tr("Lời văn mẫu {0}/{1}: trở lại lời văn chuẩn").format(change.kind, change.key)
        return self.tr("Lời văn mẫu {0}/{1}: {2}").format(change.kind, change.key, change.after)

    def _acknowledged(self, result: AckImported) -> None:
        if result.repeated:
            self.message.say(self.tr("Gói xác nhận này đã được nhập trước đây."))
            return
        done = ", ".join(f"{node} #{seq}" for node, seq in sorted(result.acknowledged.items()))
        text = self.tr("Trung tâm tỉnh đã xác nhận: {0}.").format(done or "—")
        for span in result.returned:
            text += " " + self.tr(
                "Trung tâm tỉnh gửi lại {0} sự kiện chuỗi {1} bị mất khi khôi phục từ bản sao lưu cũ ({2} hồ sơ: {3})."
            ).format(
                span.last_seq - span.first_seq + 1,
                span.node_id,
                len(span.dossier_codes),
                ", ".join(span.dossier_codes) or "—",
            )
        for node, seq in sorted(result.behind.items()):
            text += " " + self.tr(
                "Chú ý: trung tâm tỉnh có chuỗi {0} đến số {1}, nhiều hơn cơ sở dữ liệu này (đã khôi phục từ bản "
                "sao lưu cũ?): chuỗi đó chưa được đánh dấu đã gửi."
            ).format(node, seq)
        self.message.say(text, error=bool(result.behind))

    # --------------------------------------------------------------------------------- the lane

    def _start(self, label: str, job, on_done) -> None:  # type: ignore[no-untyped-def]
        self.export_button.setEnabled(False)
        self.import_button.setEnabled(False)
        self._runner = run_with_progress(self, label, job, self._finished(on_done), self._failed)

    def _finished(self, on_done):  # type: ignore[no-untyped-def]
        def done(result: object) -> None:
            self.export_button.setEnabled(True)
            self.import_button.setEnabled(True)
            on_done(result)

        return done

    def _failed(self, exc: BaseException) -> None:
        self._runner = None
        self.export_button.setEnabled(True)
        self.import_button.setEnabled(True)
        if not isinstance(exc, UserError):
            log.error("exchange failed", exc_info=exc)
            self.message.say(self.tr("Không thực hiện được: {0}").format(exc), error=True)
            return
        self.message.say(shown(exc), error=True)
