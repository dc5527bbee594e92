"""Trả kết quả: scan the receipt, confirm who takes the result, record satisfaction, done.

The cursor waits in the scan field. A scan (a burst of keystrokes ending in Enter) opens the
dossier; the focus then sits on the confirm button where 1–5 rate and Enter confirms:
scan → 1 → Enter is the whole transaction. A code scanned or typed while the focus is elsewhere
on the page goes to the scan field and opens that dossier: it never rates or confirms the one
on screen (return_keys.py).

A citizen who lost the receipt gives a CCCD/CMND (typed, or the card's QR scanned), a phone or a
name instead: the field then lists that person's results ready to return, and choosing one opens
it as a scan would. The dossier card is in return_card.py, the receiver, method and rating side in
return_form.py. The return itself is written on the write lane (operations.py): the page is busy
until it is saved, and a second Enter meanwhile does nothing. Opening a dossier and searching for a
citizen run there too (each writes its audit record first): the card says which dossier is being
opened, and the confirm area stays disabled until its view has arrived.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from counter_app.domain.dossier_code import looks_like_code
from counter_app.domain.errors import UserError
from counter_app.domain.lifecycle import Action, Status, allowed_actions
from counter_app.services.citizen_search import CitizenSearchResult, find_citizen_dossiers, shown_query
from counter_app.services.lookup import DossierView, lookup
from counter_app.services.processing import SATISFACTION_LEVELS, ReturnInput, StepResult, return_result
from counter_app.ui.i18n import domain_label
from counter_app.ui.messages import shown
from counter_app.ui.operations import ServiceOp, is_busy
from counter_app.ui.pages.return_card import ReturnCard
from counter_app.ui.pages.return_form import PROXY_RELATION, ReturnForm
from counter_app.ui.pages.return_keys import ReturnKeys
from counter_app.ui.session import UiSession
from counter_app.ui.widgets.citizen_results import CitizenResults


class ReturnPage(ReturnCard, ReturnForm, QWidget):
    returned = Signal(str, object)  # code, StepResult: the hand-over receipt can be printed

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.view: DossierView | None = None
        self._citizen = ""  # the last citizen search (whole: it is searched again after each return)
        self._opening = 0  # the number of the latest open, search or clear (see open_code)
        self._pending: tuple[str, str] | None = None  # ("code" | "citizen", text) being looked up

        # ------------------------------------------------------------- scan and dossier
        self.scan = QLineEdit()
        self.scan.setPlaceholderText(self.tr("Quét giấy hẹn hoặc CCCD, hay gõ rồi nhấn Enter"))
        self.scan.setStyleSheet("font-size: 18px; padding: 6px")
        self.scan.setClearButtonEnabled(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(48)
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._build_card()
        confirm_area = self._build_form()
        # Ready results all have the same status, and their appointment is past interest.
        self.results = CitizenResults(
            session.timezone, hidden_columns=(CitizenResults.STATUS, CitizenResults.DUE)
        )

        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("<b>Mã hồ sơ, hoặc CCCD/CMND, số điện thoại, họ tên công dân</b>")))
        left.addWidget(self.scan)
        left.addWidget(self.message)
        left.addWidget(self.results)
        left.addWidget(self.card, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 5)
        layout.addWidget(confirm_area, 6)

        # ------------------------------------------------------------- behaviour
        self.scan.returnPressed.connect(lambda: self.submit(self.scan.text()))
        self.results.chosen.connect(lambda code: self.open_code(code, keep_results=True))
        self.results.typed.connect(self.start_code)
        self.results.closed.connect(self.focus_start)
        self.confirm_button.clicked.connect(self.confirm)
        self.clear_button.clicked.connect(lambda: self.clear())
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.clear, context=context)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.confirm, context=context)
        QShortcut(QKeySequence("Ctrl+U"), self, activated=self._choose_proxy, context=context)
        QShortcut(QKeySequence("Ctrl+B"), self, activated=self._choose_post, context=context)
        self._keys = ReturnKeys(self)
        for widget in (
            self.confirm_button,
            self.clear_button,
            self.applicant_radio,
            self.proxy_radio,
            self.counter_radio,
            self.post_radio,
            *self.reason_checks.values(),
        ):
            widget.installEventFilter(self._keys)
        self.clear()

    # ----------------------------------------------------------------- opening
    def focus_start(self) -> None:
        self.scan.setFocus()
        self.scan.selectAll()

    def submit(self, text: str) -> None:
        """Enter in the scan field: a dossier code opens; anything else looks for the citizen."""
        if looks_like_code(text):
            self.open_code(text)
        elif text.strip():  # a stray Enter on the empty field keeps the last message on screen
            self.find_citizen(text)

    # Opening a dossier and searching for a citizen write their audit record before anything is
    # shown (services/audit_trail.py), and that write may wait while another counter holds the
    # database: both run on the write lane (operations.py), never on the GUI thread. The page opens
    # one thing at a time: each open or search (and each clear) takes a new number (``_opening``),
    # a result for an older number is dropped, and the confirm area stays disabled until the
    # dossier's view has arrived. The same code or text entered again while it is being looked up
    # (Enter twice, a scanner's double read) is not looked up twice.
    def open_code(self, text: str, *, keep_results: bool = False) -> None:
        """Open the dossier of a scanned or typed code, in one step."""
        code = text.strip()
        if not code or self._pending == ("code", code.upper()):
            return
        self.clear(keep_message=True, keep_results=keep_results)
        self.scan.setText(code.upper())
        self.card_title.setText(self.tr("Đang mở hồ sơ {0}…").format(code.upper()))
        s, ticket = self._session, self._opening
        self._pending = ("code", code.upper())
        op = ServiceOp(self, partial(lookup, s.db, s.actor, code), exclusive=False)
        op.success(partial(self._opened, ticket)).failure(partial(self._not_found, ticket))
        op.run_in_background()

    def _opened(self, ticket: int, view: DossierView) -> None:
        if ticket != self._opening:
            return  # cleared, or another code scanned, while it was read
        self._pending = None
        self.view = view
        self.scan.setText(view.code)
        self._show_card(view)
        if Action.RETURN_RESULT not in allowed_actions(Status(view.status)):
            self._say(self._not_returnable(view), error=True)
            self.focus_start()
            return
        self.confirm_area.setEnabled(True)
        self.applicant_radio.setText(self.tr("Người nộp hồ sơ: {0}").format(view.applicant_name))
        if view.return_method == "post":
            self.post_radio.setChecked(True)
            self.tracking.setFocus()
            self._say(self.tr("Hồ sơ đăng ký nhận kết quả qua bưu chính: nhập mã bưu gửi rồi nhấn Enter."))
        else:
            self.confirm_button.setFocus()
            self._say(
                self.tr(
                    "Đã có kết quả. Người nhận: người nộp hồ sơ. Đánh giá (phím 1–5) rồi nhấn Enter để trả."
                )
            )

    def _not_found(self, ticket: int, exc: UserError) -> None:
        """The code or the citizen's text refused (unknown, malformed, the database busy)."""
        if ticket != self._opening:
            return
        self._pending = None
        self.card_title.setText(self.tr("Chưa mở hồ sơ nào."))
        self._say(shown(exc), error=True)
        self.focus_start()

    def find_citizen(self, text: str) -> None:
        """List the results ready to return of the person ``text`` names (CCCD/CMND, phone, name)."""
        typed = text.strip()
        if self._pending == ("citizen", typed):
            return
        self.clear(keep_message=True)
        self.scan.setText(typed)
        self._say(self.tr("Đang tìm…"))
        s, ticket = self._session, self._opening
        self._pending = ("citizen", typed)
        op = ServiceOp(
            self, partial(find_citizen_dossiers, s.db, s.actor, typed, ready_only=True), exclusive=False
        )
        op.success(partial(self._found, ticket, typed)).failure(partial(self._not_found, ticket))
        op.run_in_background()

    def _found(self, ticket: int, typed: str, result: CitizenSearchResult) -> None:
        if ticket != self._opening:
            return
        self._pending = None
        others = (
            " "
            + self.tr("{0} hồ sơ khác chưa có kết quả hoặc đã trả: xem ở Theo dõi (F3).").format(
                result.not_ready
            )
            if result.not_ready
            else ""
        )
        if not result.dossiers:
            who = shown_query(result.query, typed)  # a CCCD/CMND or phone masked; the field keeps it whole
            self._say(
                self.tr("Không có kết quả nào sẵn sàng để trả cho «{0}».").format(who) + others, error=True
            )
            self.focus_start()
            return
        self._citizen = typed
        self._list_results(result)
        if len(result.dossiers) == 1:
            self.open_code(result.dossiers[0].code, keep_results=True)  # nothing to choose between
            return
        self._say(self.tr("Chọn hồ sơ cần trả: ↑↓ rồi Enter (hoặc nhấp chuột).") + others)
        self.results.focus_list()

    def _refresh_results(self) -> None:
        """After a return: the list of the citizen's ready results, without the one just returned."""
        if not self.results.isVisible():
            return
        s, citizen, ticket = self._session, self._citizen, self._opening
        op = ServiceOp(
            self, partial(find_citizen_dossiers, s.db, s.actor, citizen, ready_only=True), exclusive=False
        )
        op.success(partial(self._refreshed, ticket, citizen))
        op.failure(lambda _exc: self._refreshed(ticket, citizen, None))
        op.run_in_background()

    def _refreshed(self, ticket: int, citizen: str, result: CitizenSearchResult | None) -> None:
        if ticket != self._opening or citizen != self._citizen or not self.results.isVisible():
            return  # the officer moved on meanwhile
        idle = self.view is None and self._pending is None  # no dossier opened since: the list has the keys
        if result is None or not result.dossiers:
            if idle:
                self.results.dismiss()
            return
        self._list_results(result)
        if idle:
            self.results.focus_list()

    def _list_results(self, result: CitizenSearchResult) -> None:
        """The citizen's ready results under a caption that repeats a CCCD/CMND or phone masked."""
        self.results.show_dossiers(
            self.tr("Kết quả sẵn sàng trả cho «{0}»: {1} hồ sơ, mới nhất trước.").format(
                shown_query(result.query, self._citizen), len(result.dossiers)
            ),
            result.dossiers,
        )

    # ----------------------------------------------------------------- choosing
    def start_code(self, text: str) -> None:
        """A code began to be typed outside the scan field: continue it there."""
        self.scan.clear()
        self.scan.setFocus()
        self.scan.insert(text)

    # ----------------------------------------------------------------- done
    def confirm(self) -> None:
        view = self.view
        if view is None or is_busy(self) or not self.confirm_area.isEnabled():
            return
        proxy = self.proxy_radio.isChecked()
        if proxy and not self.proxy_name.text().strip():
            self._say(self.tr("Nhập họ tên người được ủy quyền nhận kết quả."), error=True)
            self.proxy_name.setFocus()
            return
        data = ReturnInput(
            receiver_name=self.proxy_name.text() if proxy else "",
            receiver_id_number=self.proxy_id.text() if proxy else "",
            relation=PROXY_RELATION if proxy else "",
            method="post" if self.post_radio.isChecked() else "counter",
            tracking_number=self.tracking.text() if self.post_radio.isChecked() else "",
            satisfaction=self.rating(),
            reasons=self.reasons(),
        )
        s, now = self._session, self._session.now()
        who = self.proxy_name.text().strip() if proxy else view.applicant_name

        def returned(result: StepResult) -> None:
            level = data.satisfaction
            rated = (
                self.tr("đánh giá «{0}»").format(domain_label(SATISFACTION_LEVELS[level]))
                if level
                else self.tr("không đánh giá")
            )
            self._say(self.tr("Đã trả kết quả hồ sơ {0} cho {1}, {2}.").format(view.code, who, rated))
            self.returned.emit(view.code, result)
            if self.view is view:  # not another dossier scanned while this one was being saved
                self.clear(keep_message=True, keep_results=True)
            self._refresh_results()  # the citizen's other ready results, if they came for several

        op = ServiceOp(self, lambda: return_result(s.db, s.actor, view.code, data, now=now))
        op.success(returned).failure(self._not_returned).run_in_background()

    def _not_returned(self, exc: UserError) -> None:
        self._say(shown(exc), error=True)
        target = {
            "receiver_id_number": self.proxy_id,
            "tracking_number": self.tracking,
        }.get(exc.field or "", self.confirm_button)
        target.setFocus()

    def clear(self, keep_message: bool = False, keep_results: bool = False) -> None:
        self._opening += 1  # a lookup still running opens nothing now
        self._pending = None
        self.view = None
        self.scan.clear()
        self.card_title.setText(self.tr("Chưa mở hồ sơ nào."))
        for label in self.card_fields.values():
            label.clear()
        self._reset_form()
        if not keep_results and self.results.isVisible():
            self.results.dismiss()
        if not keep_message:
            self._say(
                self.tr(
                    "Quét mã vạch trên giấy hẹn trả kết quả để bắt đầu. Công dân mất giấy hẹn: "
                    "nhập số CCCD/CMND (hoặc quét CCCD), số điện thoại hay họ tên."
                )
            )
        self.focus_start()

    def has_unsaved_input(self) -> bool:
        """A result about to be returned with a receiver, tracking number or rating entered: closing
        the window would drop what the officer entered (MainWindow asks first)."""
        return self.view is not None and self.confirm_area.isEnabled() and self._form_touched()

    def _say(self, text: str, *, error: bool = False) -> None:
        colour = "#b00020" if error else "#1b5e20"
        self.message.setStyleSheet(f"color: {colour}; font-size: 14px; font-weight: bold")
        self.message.setText(text)
