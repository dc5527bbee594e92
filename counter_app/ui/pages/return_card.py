"""The return page's dossier card: what the officer reads back to the citizen before handing over,
and why a dossier cannot be returned (no result yet, already returned, withdrawn …).

A mixin of :class:`ReturnPage` (kept apart so each module holds one concept). Its strings use the
"ReturnPage" translation context explicitly: that is the context ``self.tr`` has at run time.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout

from counter_app.domain.lifecycle import OPEN_STATUSES, Status
from counter_app.services.lookup import DossierView
from counter_app.ui.pages.track.detail import local, outcome_label, receiver_text
from counter_app.ui.pages.track.model import status_label


class ReturnCard:
    """The card on the left of the return page (needs ReturnPage's session)."""

    def _build_card(self) -> None:
        self.card = QGroupBox(QCoreApplication.translate("ReturnPage", "Hồ sơ"))
        self.card_title = QLabel()
        self.card_title.setStyleSheet("font-size: 16px; font-weight: bold")
        self.card_fields: dict[str, QLabel] = {}
        card_form = QFormLayout()
        for key, caption in (
            ("applicant", QCoreApplication.translate("ReturnPage", "Người nộp:")),
            ("procedure", QCoreApplication.translate("ReturnPage", "Thủ tục:")),
            ("status", QCoreApplication.translate("ReturnPage", "Trạng thái:")),
            ("appointment", QCoreApplication.translate("ReturnPage", "Hẹn trả:")),
            ("outcome", QCoreApplication.translate("ReturnPage", "Kết quả giải quyết:")),
            ("unit", QCoreApplication.translate("ReturnPage", "Đơn vị xử lý:")),
            ("return", QCoreApplication.translate("ReturnPage", "Hình thức nhận:")),
        ):
            label = QLabel()
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.card_fields[key] = label
            card_form.addRow(caption, label)
        card_layout = QVBoxLayout(self.card)
        card_layout.addWidget(self.card_title)
        card_layout.addLayout(card_form)
        card_layout.addStretch(1)

    def _not_returnable(self, view: DossierView) -> str:
        label = status_label(view.status)
        if view.status == Status.RETURNED:
            event = next((e for e in reversed(view.events) if e.kind == "return_result"), None)
            who = receiver_text(event.payload.get("receiver")) if event else ""
            return QCoreApplication.translate(
                "ReturnPage", "Hồ sơ {0} đã trả kết quả lúc {1} cho {2}."
            ).format(
                view.code,
                local(view.returned_at, self._session.timezone),
                who or QCoreApplication.translate("ReturnPage", "(không rõ)"),
            )
        if Status(view.status) in OPEN_STATUSES or view.status == Status.NEW:
            due = local(view.appointment_at, self._session.timezone) or QCoreApplication.translate(
                "ReturnPage", "không hẹn"
            )
            return QCoreApplication.translate(
                "ReturnPage", "Hồ sơ {0} chưa có kết quả: đang ở trạng thái «{1}». Hẹn trả: {2}."
            ).format(view.code, label, due)
        return QCoreApplication.translate(
            "ReturnPage", "Hồ sơ {0} ở trạng thái «{1}»: không có kết quả để trả."
        ).format(view.code, label)

    def _show_card(self, view: DossierView) -> None:
        tz = self._session.timezone
        self.card_title.setText(view.code)
        # Whole, as in the dossier detail: the card is one dossier's detail, checked against the ID card
        # of the person collecting the result. The results list above it is masked (shown_query).
        id_text = f" — {view.applicant_id_number}" if view.applicant_id_number else ""
        self.card_fields["applicant"].setText(f"<b>{view.applicant_name}</b>{id_text}")
        self.card_fields["procedure"].setText(f"{view.procedure_code} — {view.procedure_name}")
        self.card_fields["status"].setText(f"<b>{status_label(view.status)}</b>")
        self.card_fields["appointment"].setText(
            local(view.appointment_at, tz) or QCoreApplication.translate("ReturnPage", "không hẹn")
        )
        outcome = ""
        if view.resolved_at:
            outcome = f"{outcome_label(view.outcome)} ({local(view.resolved_at, tz)})"
        self.card_fields["outcome"].setText(outcome or QCoreApplication.translate("ReturnPage", "chưa có"))
        self.card_fields["unit"].setText(view.current_unit or "")
        self.card_fields["return"].setText(
            QCoreApplication.translate("ReturnPage", "Qua bưu chính: {0}").format(view.postal_address or "")
            if view.return_method == "post"
            else QCoreApplication.translate("ReturnPage", "Tại Bộ phận Một cửa")
        )
