"""Theo dõi's "find a citizen" box: a dossier code, CCCD/CMND, phone or name; their dossiers below it.

The service decides what the text is and refuses what cannot give a useful list (the message
shows under the box, in red). One dossier found opens at once; several are listed newest first
and Enter or a click opens one (``chosen``). The list stays, so the officer can look at each of
the citizen's dossiers in turn.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from counter_app.domain.errors import UserError
from counter_app.services.citizen_search import CitizenSearchResult, find_citizen_dossiers, shown_query
from counter_app.ui.messages import shown as shown_error
from counter_app.ui.operations import ServiceOp
from counter_app.ui.session import UiSession
from counter_app.ui.widgets.citizen_results import CitizenResults

ERROR_STYLE = "color: #b00020"
WAITING_STYLE = "color: #555555"
WAIT_SHOWN_MS = 300  # a search answered sooner says nothing while it runs (no flicker under the box)


class CitizenSearch(QWidget):
    chosen = Signal(str)  # a dossier code to open

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._searches = 0  # the number of the latest search: an older one's answer is dropped
        self._pending: str | None = None  # the text being searched
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(
            self.tr("Mã hồ sơ, số CCCD/CMND, số điện thoại hoặc họ tên (có dấu hay không), rồi Enter")
        )
        self.edit.setClearButtonEnabled(True)
        self.button = QPushButton(self.tr("Tìm"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        self.results = CitizenResults(session.timezone)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Tìm công dân:")))
        row.addWidget(self.edit, 1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.results)

        self.edit.returnPressed.connect(self.search)
        self.button.clicked.connect(self.search)
        self.results.chosen.connect(self.chosen)
        self.results.typed.connect(self._typed_on_list)
        self.results.closed.connect(self.edit.setFocus)
        self.edit.installEventFilter(self)

    def search(self) -> None:
        """Search for what the box holds; the list, or the reason there is none, shows below it.

        The search writes its audit record before its list is shown (services/audit_trail.py), and
        that write may wait while another counter holds the database: it runs on the write lane
        (operations.py). Only the latest search's answer is shown; the same text searched again while
        it runs (Enter twice) is not searched twice; a wait longer than ``WAIT_SHOWN_MS`` is said.
        """
        text = self.edit.text()
        if self._pending == text:
            return
        self._searches += 1
        ticket, self._pending = self._searches, text
        s = self._session
        op = ServiceOp(self, partial(find_citizen_dossiers, s.db, s.actor, text), exclusive=False)
        op.success(partial(self._found, ticket, text)).failure(partial(self._refused, ticket))
        op.run_in_background()
        QTimer.singleShot(WAIT_SHOWN_MS, self, partial(self._still_searching, ticket))

    def _still_searching(self, ticket: int) -> None:
        if ticket == self._searches and self._pending is not None:
            self.message.setStyleSheet(WAITING_STYLE)
            self.message.setText(self.tr("Đang tìm…"))
            self.message.show()

    def _found(self, ticket: int, text: str, result: CitizenSearchResult) -> None:
        if ticket != self._searches:
            return  # another search was started meanwhile: its answer is the one shown
        self._pending = None
        shown = shown_query(result.query, text)  # a CCCD/CMND or phone masked; the box keeps it whole
        if not result.dossiers:
            self._fail(self.tr("Không tìm thấy hồ sơ nào theo «{0}».").format(shown))
            return
        self.message.hide()
        caption = self.tr(
            "«{0}»: {1} hồ sơ, mới nhất trước. ↑↓ chọn, Enter hoặc nhấp để mở, Esc đóng."
        ).format(shown, len(result.dossiers))
        if result.truncated:
            caption += " " + self.tr("Chỉ hiện {0} hồ sơ đầu tiên: gõ thêm để thu hẹp.").format(
                len(result.dossiers)
            )
        self.results.show_dossiers(caption, result.dossiers)
        self.results.focus_list()
        if len(result.dossiers) == 1:
            self.chosen.emit(result.dossiers[0].code)  # nothing to choose between: open it

    def _refused(self, ticket: int, exc: UserError) -> None:
        if ticket != self._searches:
            return
        self._pending = None
        self._fail(shown_error(exc))

    def focus_box(self) -> None:
        self.edit.setFocus()
        self.edit.selectAll()

    def _fail(self, message: str) -> None:
        self.results.dismiss()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(message)
        self.message.show()
        self.focus_box()

    def _typed_on_list(self, text: str) -> None:
        self.edit.clear()
        self.edit.setFocus()
        self.edit.insert(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # ↓ in the box goes down into the list, as in any search field with suggestions.
        if (
            watched is self.edit
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and self.results.isVisible()
        ):
            self.results.focus_list()
            return True
        return False
