"""One dossier: its data and its events as the control-slip timeline (phiếu kiểm soát, mẫu 06)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.documents.registry import form_of
from counter_app.domain.appointment import OUTCOME_LABELS, Outcome
from counter_app.domain.lifecycle import CHANNEL_LABELS, Channel
from counter_app.services.lookup import DossierView, EventView
from counter_app.services.processing import SATISFACTION_LEVELS
from counter_app.ui.i18n import domain_label
from counter_app.ui.pages.track.model import status_label


def event_labels() -> dict[str, str]:
    return {
        "received": QCoreApplication.translate("DossierDetail", "Tiếp nhận"),
        "refused": QCoreApplication.translate("DossierDetail", "Từ chối tiếp nhận"),
        "intake_supplement_requested": QCoreApplication.translate(
            "DossierDetail", "Yêu cầu bổ sung khi tiếp nhận"
        ),
        "transfer": QCoreApplication.translate("DossierDetail", "Chuyển xử lý"),
        "start": QCoreApplication.translate("DossierDetail", "Bắt đầu giải quyết"),
        "request_supplement": QCoreApplication.translate("DossierDetail", "Yêu cầu bổ sung"),
        "supply_supplement": QCoreApplication.translate("DossierDetail", "Nhận bổ sung"),
        "request_payment": QCoreApplication.translate("DossierDetail", "Chờ thực hiện nghĩa vụ tài chính"),
        "confirm_payment": QCoreApplication.translate("DossierDetail", "Đã thực hiện nghĩa vụ tài chính"),
        "resolve": QCoreApplication.translate("DossierDetail", "Có kết quả"),
        "return_result": QCoreApplication.translate("DossierDetail", "Trả kết quả"),
        "withdraw": QCoreApplication.translate("DossierDetail", "Rút hồ sơ"),
        "stop": QCoreApplication.translate("DossierDetail", "Dừng giải quyết"),
        "apologise": QCoreApplication.translate("DossierDetail", "Xin lỗi, hẹn lại"),
        "cancel": QCoreApplication.translate("DossierDetail", "Hủy hồ sơ"),
    }


def outcome_label(outcome: str | None) -> str:
    if not outcome:
        return ""
    try:
        return domain_label(OUTCOME_LABELS[Outcome(outcome)])
    except ValueError:
        return outcome


def _instant(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str) and value:
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return None
    return None


def local(instant: datetime | None, timezone: str) -> str:
    return instant.astimezone(ZoneInfo(timezone)).strftime("%H:%M %d/%m/%Y") if instant else ""


def receiver_text(receiver: object) -> str:
    """ "Trần Văn B (Người được ủy quyền, CCCD 0381…), qua bưu chính, mã bưu gửi …"."""
    if not isinstance(receiver, dict) or not receiver.get("full_name"):
        return ""
    parts = [str(receiver.get("full_name") or "")]
    # The relation and the rating reasons are stored in Vietnamese (see return_page): shown translated.
    extra = [QCoreApplication.translate("ReturnPage", str(receiver.get("relation") or ""))]
    if receiver.get("id_number"):
        extra.append(
            QCoreApplication.translate("DossierDetail", "giấy tờ số {0}").format(receiver["id_number"])
        )
    text = parts[0] + (" (" + ", ".join(x for x in extra if x) + ")" if any(extra) else "")
    if receiver.get("method") == "post":
        text += QCoreApplication.translate("DossierDetail", ", qua bưu chính")
        if receiver.get("tracking_number"):
            text += QCoreApplication.translate("DossierDetail", ", mã bưu gửi {0}").format(
                receiver["tracking_number"]
            )
    return text


def describe_event(event: EventView, timezone: str, unit_names: dict[str, str] | None = None) -> str:
    """The note column of the control slip: unit, reason, outcome, new appointment, receiver."""
    p = event.payload or {}
    notes: list[str] = []
    kind = event.kind
    if kind == "received" and p.get("channel") in {str(c) for c in Channel}:
        notes.append(
            QCoreApplication.translate("DossierDetail", "Kênh: {0}").format(
                domain_label(CHANNEL_LABELS[Channel(str(p["channel"]))])
            )
        )
    if kind == "transfer":
        to_unit = str(p.get("to_unit") or "")
        notes.append(
            QCoreApplication.translate("DossierDetail", "Giao: {0}").format(
                p.get("to_unit_name") or (unit_names or {}).get(to_unit, to_unit)
            )
        )
    if kind == "request_payment" and p.get("obligation"):
        notes.append(
            QCoreApplication.translate("DossierDetail", "Khoản phải nộp: {0}").format(p["obligation"])
        )
    if kind == "confirm_payment" and p.get("appointment_at"):
        notes.append(
            QCoreApplication.translate("DossierDetail", "Hẹn trả: {0}").format(
                local(_instant(p["appointment_at"]), timezone)
            )
        )
    if kind == "supply_supplement" and p.get("appointment_at"):
        notes.append(
            QCoreApplication.translate("DossierDetail", "Hẹn trả mới: {0}").format(
                local(_instant(p["appointment_at"]), timezone)
            )
        )
    if kind == "resolve" and p.get("outcome"):
        notes.append(
            QCoreApplication.translate("DossierDetail", "Kết quả: {0}").format(
                outcome_label(str(p["outcome"]))
            )
        )
        if p.get("apology"):
            notes.append(QCoreApplication.translate("DossierDetail", "đã có văn bản xin lỗi"))
    if kind == "apologise":
        notes.append(
            QCoreApplication.translate("DossierDetail", "Hẹn cũ {0} → hẹn mới {1}").format(
                local(_instant(p.get("old_appointment_at")), timezone) or "—",
                local(_instant(p.get("new_appointment_at")), timezone),
            )
        )
    if kind == "return_result":
        if receiver := receiver_text(p.get("receiver")):
            notes.append(QCoreApplication.translate("DossierDetail", "Người nhận: {0}").format(receiver))
        level = p.get("satisfaction")
        if isinstance(level, int) and level in SATISFACTION_LEVELS:
            notes.append(
                QCoreApplication.translate("DossierDetail", "Đánh giá: {0}").format(
                    domain_label(SATISFACTION_LEVELS[level])
                )
            )
        if p.get("reasons"):
            notes.append(
                QCoreApplication.translate("DossierDetail", "Lý do: {0}").format(
                    ", ".join(QCoreApplication.translate("ReturnPage", str(r)) for r in p["reasons"])  # type: ignore[union-attr]
                )
            )
    if p.get("reason") and kind != "return_result":
        notes.append(QCoreApplication.translate("DossierDetail", "Lý do: {0}").format(p["reason"]))
    if p.get("legal_basis"):
        notes.append(QCoreApplication.translate("DossierDetail", "Căn cứ: {0}").format(p["legal_basis"]))
    if p.get("note"):
        notes.append(str(p["note"]))
    return "; ".join(n for n in notes if n)


def slip_title(kind: str) -> str:
    """The legal name of a slip, through the translator (the slip itself is always Vietnamese)."""
    return domain_label(form_of(kind).label)


class DossierDetail(QWidget):
    """Read-only: the data of one dossier on the left, its timeline on the right; re-prints its slips."""

    # slip kind, key, layout, fresh (True: issue anew, e.g. the control slip; False: the archived copy)
    reprint_requested = Signal(str, str, str, bool)

    def __init__(
        self,
        timezone: str,
        user_names: dict[str, str] | None = None,
        unit_names: dict[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tz = timezone
        self._names = user_names or {}
        self._units = unit_names or {}
        self.view: DossierView | None = None
        self._labels = event_labels()

        self.title = QLabel(self.tr("Chọn một hồ sơ trong danh sách để xem chi tiết."))
        self.title.setStyleSheet("font-size: 14px; font-weight: bold")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, caption in (
            ("applicant", self.tr("Người nộp:")),
            ("contact", self.tr("Liên hệ:")),
            ("procedure", self.tr("Thủ tục:")),
            ("received", self.tr("Tiếp nhận:")),
            ("appointment", self.tr("Hẹn trả:")),
            ("unit", self.tr("Đơn vị xử lý:")),
            ("result", self.tr("Kết quả:")),
            ("returned", self.tr("Trả kết quả:")),
        ):
            label = QLabel()
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = label
            form.addRow(caption, label)

        self.timeline = QTableWidget(0, 4)
        self.timeline.setHorizontalHeaderLabels(
            [
                self.tr("Thời gian"),
                self.tr("Bước"),
                self.tr("Người thực hiện"),
                self.tr("Đơn vị, lý do, kết quả"),
            ]
        )
        self.timeline.verticalHeader().setVisible(False)
        self.timeline.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.timeline.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.timeline.setWordWrap(True)
        self.timeline.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.timeline.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

        data = QWidget()
        left = QVBoxLayout(data)
        left.setContentsMargins(0, 0, 0, 0)
        left.addLayout(form)
        left.addStretch(1)
        timeline_box = QWidget()
        right = QVBoxLayout(timeline_box)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(QLabel(self.tr("<b>Quá trình giải quyết</b> (phiếu kiểm soát)")))
        right.addWidget(self.timeline, 1)
        self.slips = QComboBox()
        self.reprint_button = QPushButton(self.tr("In lại phiếu (Ctrl+P)"))
        self.reprint_button.setEnabled(False)
        self.reprint_button.clicked.connect(self._reprint)
        QShortcut(QKeySequence("Ctrl+P"), self, activated=self._reprint)
        slips_row = QHBoxLayout()
        slips_row.addWidget(QLabel(self.tr("Phiếu đã lập:")))
        slips_row.addWidget(self.slips, 1)
        slips_row.addWidget(self.reprint_button)
        right.addLayout(slips_row)
        body = QHBoxLayout()
        body.addWidget(data, 5)
        body.addWidget(timeline_box, 7)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(body, 1)

    def _fill_slips(self, view: DossierView | None) -> None:
        """The slips this dossier was issued (latest per kind and paper), and a fresh control slip."""
        self.slips.clear()
        if view is None:
            self.reprint_button.setEnabled(False)
            return
        issued: dict[tuple[str, str], tuple[str, datetime]] = {}
        for event in view.events:
            if event.kind == "slip_issued":
                payload = event.payload
                issued[(str(payload["slip"]), str(payload["layout"]))] = (
                    str(payload["key"]),
                    event.occurred_at,
                )
        tz = ZoneInfo(self._tz)
        for (kind, layout), (key, at) in issued.items():
            when = at.astimezone(tz).strftime("%H:%M %d/%m/%Y")
            self.slips.addItem(f"{slip_title(kind)} ({layout.upper()}) — {when}", (kind, key, layout, False))
        self.slips.addItem(self.tr("Phiếu kiểm soát quá trình (in mới)"), ("control", view.code, "a4", True))
        self.reprint_button.setEnabled(True)

    def _reprint(self) -> None:
        choice = self.slips.currentData()
        if choice is not None:
            self.reprint_requested.emit(*choice)

    def show_loading(self, code: str) -> None:
        """Empty, saying which dossier is being opened (its lookup and audit record run off the GUI
        thread): the previous dossier is never left on screen under the new one's selection."""
        self.show_dossier(None)
        self.title.setText(self.tr("Đang mở hồ sơ {0}…").format(code))

    def show_dossier(self, view: DossierView | None, urgency: str | None = None) -> None:
        """Show ``view``; ``urgency`` ("overdue" | "due_soon") marks the appointment line."""
        self.view = view
        if view is None:
            self.title.setText(self.tr("Chọn một hồ sơ trong danh sách để xem chi tiết."))
            for label in self.fields.values():
                label.clear()
            self.timeline.setRowCount(0)
            self._fill_slips(None)
            return
        self._fill_slips(view)
        tz = self._tz
        self.title.setText(f"{view.code} — {status_label(view.status)}")
        # The dossier's detail shows the ID number and phone whole; lists and list exports mask them
        # (domain.masking).
        id_text = (
            self.tr(", CCCD/CMND {0}").format(view.applicant_id_number) if view.applicant_id_number else ""
        )
        self.fields["applicant"].setText(f"{view.applicant_name}{id_text}")
        contact = [x for x in (view.applicant_phone, view.applicant_address) if x]
        self.fields["contact"].setText(" · ".join(contact))
        self.fields["procedure"].setText(
            f"{view.procedure_code} — {view.procedure_name}"
            + (
                self.tr(" (phiên bản {0})").format(view.procedure_version)
                if view.procedure_version > 1
                else ""
            )
        )
        channel = domain_label(CHANNEL_LABELS.get(view.channel, view.channel))  # type: ignore[call-overload]
        self.fields["received"].setText(f"{local(view.received_at, tz)} · {channel}")
        appointment = local(view.appointment_at, tz) or self.tr("không hẹn")
        if view.apology_count:
            appointment += self.tr(" (đã xin lỗi, hẹn lại {0} lần)").format(view.apology_count)
        if view.legal_due_at and view.appointment_at and view.legal_due_at != view.appointment_at:
            appointment += self.tr("; hạn theo quy định {0}").format(local(view.legal_due_at, tz))
        if urgency == "overdue":
            appointment = self.tr("<b style='color:#b00020'>QUÁ HẠN</b> — {0}").format(appointment)
        elif urgency == "due_soon":
            appointment = self.tr("<b style='color:#9a6700'>Sắp đến hạn</b> — {0}").format(appointment)
        self.fields["appointment"].setText(appointment)
        self.fields["unit"].setText(view.current_unit or self.tr("chưa chuyển"))
        result = ""
        if view.resolved_at:
            result = f"{outcome_label(view.outcome)} ({local(view.resolved_at, tz)})"
        self.fields["result"].setText(result or self.tr("chưa có"))
        returned = ""
        if view.returned_at:
            returned = local(view.returned_at, tz)
            event = next((e for e in reversed(view.events) if e.kind == "return_result"), None)
            receiver = receiver_text(event.payload.get("receiver")) if event is not None else ""
            if receiver:
                returned += " — " + receiver
            if view.satisfaction in SATISFACTION_LEVELS:
                returned += self.tr("; đánh giá: {0}").format(
                    domain_label(SATISFACTION_LEVELS[view.satisfaction])
                )
        else:
            method = (
                self.tr("qua bưu chính: {0}").format(view.postal_address or "")
                if view.return_method == "post"
                else ""
            )
            returned = self.tr("chưa trả") + (f" ({method})" if method else "")
        self.fields["returned"].setText(returned)

        # The steps of the control slip (mẫu 06), as services/slips/batch.py prints it: the slips issued are
        # listed under "Phiếu đã lập", not as steps of the dossier.
        steps = [event for event in view.events if event.kind != "slip_issued"]
        self.timeline.setRowCount(len(steps))
        for row, event in enumerate(steps):
            values = (
                local(event.occurred_at, tz),
                self._labels.get(event.kind, event.kind),
                self._names.get(event.actor, event.actor),
                describe_event(event, tz, self._units),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 3:
                    item.setToolTip(value)
                self.timeline.setItem(row, column, item)
        self.timeline.resizeRowsToContents()
