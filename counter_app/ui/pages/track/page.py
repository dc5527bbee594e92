"""Theo dõi: the dossiers of the office, filtered, coloured by urgency, with the lifecycle's actions.

Above the list, "find a citizen" (a code, CCCD/CMND, phone or name) lists one person's dossiers;
choosing one opens it in the detail below, whatever the filters. The filter bar and the loading
of the list are in filters.py, the actions in actions.py, a dossier's detail in detail.py and the action dialogs in dialogs.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import UserError
from counter_app.domain.lifecycle import Action, Status, allowed_actions
from counter_app.services.action_choices import may, transfer_units, user_names
from counter_app.services.actor import Role
from counter_app.services.lookup import DossierView, lookup
from counter_app.ui.messages import shown
from counter_app.ui.operations import ServiceOp
from counter_app.ui.pages.track.actions import TrackActions
from counter_app.ui.pages.track.detail import DossierDetail
from counter_app.ui.pages.track.dialogs import ActionDialog
from counter_app.ui.pages.track.filters import OPEN_GROUP, TrackFilters
from counter_app.ui.pages.track.model import DUE_SOON_COLOUR, OVERDUE_COLOUR, TrackModel
from counter_app.ui.session import UiSession
from counter_app.ui.widgets.citizen_search import CitizenSearch

__all__ = ["OPEN_GROUP", "Selected", "TrackPage"]


@dataclass(frozen=True)
class Selected:
    code: str
    status: str


@dataclass(frozen=True, eq=False)
class _Wish:
    """The dossier the detail is to show (compared by identity: the same code asked twice is two wishes)."""

    code: str
    by_code: bool = False  # show_code: select its row once found, or show it alone
    previous: DossierView | None = None  # show_code: the detail shown before, kept if the code is refused


class TrackPage(TrackFilters, TrackActions, QWidget):
    # (codes, unit code): a batch hand-over list can be printed for them.
    transferred = Signal(list, str)
    # (action, code) after any action succeeded (apology letter 04, stop notice 05 … can be printed).
    action_done = Signal(str, str)

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.dialog: ActionDialog | None = None
        self.selected: list[Selected] = []
        self._wish: _Wish | None = None  # the dossier the detail is waiting for (see _show_detail)
        self._looking_up = False
        self._preloaded: DossierView | None = None  # found by its code, about to be selected: not read twice
        self.model = TrackModel(session)
        self.search = CitizenSearch(session)
        self.search.chosen.connect(self.show_code)
        self._build_filters()
        self._build_table()
        self.units = transfer_units(session.db)
        self.detail = DossierDetail(
            session.timezone, user_names(session.db), {u.code: u.name for u in self.units}
        )
        self._build_actions()
        self.message = QLabel()
        self.message.setWordWrap(True)

        top = QWidget()
        upper = QVBoxLayout(top)
        upper.setContentsMargins(0, 0, 0, 0)
        upper.addWidget(self.search)
        upper.addLayout(self.filter_bar)
        upper.addWidget(self.table, 1)
        upper.addLayout(self.info_bar)
        upper.addLayout(self.action_bar)
        upper.addWidget(self.message)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        QVBoxLayout(self).addWidget(splitter)

        QShortcut(
            QKeySequence("Ctrl+Shift+R"),
            self,
            activated=self.reload,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        QShortcut(
            QKeySequence("Ctrl+F"),
            self,
            activated=self.status_box.setFocus,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self.status_box.setToolTip(self.tr("Bộ lọc (Ctrl+F)"))
        QShortcut(
            QKeySequence("Ctrl+E"),
            self,
            activated=self.search.focus_box,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self.search.edit.setToolTip(self.tr("Tìm công dân (Ctrl+E)"))
        chain = [
            self.search.edit,
            self.search.button,
            self.status_box,
            self.due_box,
            self.field_box,
            self.unit_box,
            self.officer_box,
            self.from_check,
            self.from_date,
            self.to_check,
            self.to_date,
            self.table,
            *[b for b in self.action_buttons.values() if not b.isHidden()],
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            self.setTabOrder(first, second)
        self._reselect: str | None = None
        self.model.loaded.connect(self._loaded)
        self.model.failed.connect(self._filter_failed)
        self.apply_filters()

    # ----------------------------------------------------------------- building
    def _build_table(self) -> None:
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        # Fixed row heights: the view never measures rows, so scrolling a long list stays smooth.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        widths = {
            TrackModel.CODE: 185,
            TrackModel.APPLICANT: 150,
            TrackModel.PROCEDURE: 260,
            TrackModel.FIELD: 150,
            TrackModel.UNIT: 130,
            TrackModel.OFFICER: 120,
            TrackModel.STATUS: 120,
            TrackModel.RECEIVED: 112,
            TrackModel.DUE: 112,
        }
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(TrackModel.PROCEDURE, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)

    def _build_actions(self) -> None:
        self.action_buttons: dict[Action, QPushButton] = {}
        specs: list[tuple[Action, str, str, Callable[[], None]]] = [
            (Action.TRANSFER, self.tr("Chuyển xử lý"), "Ctrl+T", self.transfer_selected),
            (Action.REQUEST_SUPPLEMENT, self.tr("Yêu cầu bổ sung"), "Ctrl+B", self.request_supplement),
            (Action.SUPPLY_SUPPLEMENT, self.tr("Nhận bổ sung"), "Ctrl+N", self.supply_supplement),
            (Action.REQUEST_PAYMENT, self.tr("Yêu cầu nộp phí, thuế"), "Ctrl+J", self.request_payment),
            (Action.CONFIRM_PAYMENT, self.tr("Xác nhận nộp phí, thuế"), "Ctrl+G", self.confirm_payment),
            (Action.RESOLVE, self.tr("Cập nhật kết quả"), "Ctrl+K", self.resolve),
            (Action.APOLOGISE, self.tr("Xin lỗi – hẹn lại"), "Ctrl+H", self.apologise),
            (Action.WITHDRAW, self.tr("Rút hồ sơ"), "Ctrl+R", self.withdraw),
            (Action.STOP, self.tr("Dừng giải quyết"), "Ctrl+D", self.stop),
            (Action.CANCEL, self.tr("Hủy hồ sơ"), "Ctrl+Shift+H", self.cancel),
        ]
        self.action_bar = QHBoxLayout()
        self.selection_label = QLabel()
        overdue, due_soon = self.tr("Quá hạn"), self.tr("Đến hạn trong 2 ngày làm việc")
        legend = QLabel(
            f"<span style='background:{OVERDUE_COLOUR.name()}'>&nbsp;{overdue}&nbsp;</span> "
            f"<span style='background:{DUE_SOON_COLOUR.name()}'>&nbsp;{due_soon}&nbsp;</span>"
        )
        self.info_bar = QHBoxLayout()
        self.info_bar.addWidget(self.selection_label, 1)
        self.info_bar.addWidget(legend)
        self.action_bar.addStretch(1)
        self.can_cancel = may(self._session.actor, Role.SUPERVISOR)
        for action, text, keys, slot in specs:
            button = QPushButton(text)
            button.setToolTip(f"{text} ({keys})")
            button.setEnabled(False)
            button.clicked.connect(slot)
            self.action_buttons[action] = button
            if action is Action.CANCEL and not self.can_cancel:
                button.hide()  # only a supervisor cancels; an officer never sees the button
                continue
            self.action_bar.addWidget(button)
            QShortcut(
                QKeySequence(keys),
                self,
                activated=button.click,
                context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
            )

    def focus_start(self) -> None:
        self.table.setFocus()
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.select_row(0)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._reload_if_stale()  # dossiers received or returned while another page was shown

    # ----------------------------------------------------------------- selection
    def select_row(self, row: int) -> None:
        """Select exactly this row (QTableView.selectRow would extend it while Shift/Ctrl is held)."""
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag
        self.table.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        self.table.scrollTo(index)

    def _selection_changed(self, *_args: object) -> None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        self.selected = [Selected(self.model.row_at(r).code, self.model.row_at(r).status) for r in rows]
        current = self.table.currentIndex()
        focus_row = (
            current.row() if current.isValid() and current.row() in rows else (rows[0] if rows else -1)
        )
        if focus_row >= 0:
            self._show_detail(self.model.row_at(focus_row).code)
        else:
            self._wish = None  # a lookup still running is for nothing on screen now
            self._preloaded = None
            self.detail.show_dossier(None)
        self._update_count()
        self._update_buttons()

    # ----------------------------------------------------------------- the detail
    # Opening a dossier writes its audit record before the data is shown (services/audit_trail.py),
    # and that write may wait while another counter holds the database: the lookup runs on the
    # write lane (operations.py), never on the GUI thread. The page wants one dossier at a time
    # (``_wish``); one lookup at most runs for it, a result for an older wish is dropped, and the
    # newest wish is looked up when the running one ends (arrow keys held down: the rows passed over
    # are never read, the last one is). Meanwhile the detail is cleared and says which dossier is
    # being opened: it never shows the previous dossier under the new selection.
    def _show_detail(self, code: str) -> None:
        preloaded, self._preloaded = self._preloaded, None
        if preloaded is not None and preloaded.code == code:
            self._wish = None
            self._show_view(preloaded)
            return
        self._want(_Wish(code))

    def show_code(self, code: str) -> None:
        """Open a dossier by its code (a scan): select its row if loaded, else show it alone."""
        self._want(_Wish(code.strip(), by_code=True, previous=self.detail.view))

    def _want(self, wish: _Wish) -> None:
        self._wish = wish
        self.detail.show_loading(wish.code.upper())
        if not self._looking_up:
            self._look_up(wish)

    def _look_up(self, wish: _Wish) -> None:
        s = self._session
        self._looking_up = True
        op = ServiceOp(self, partial(lookup, s.db, s.actor, wish.code), exclusive=False)
        op.after(partial(self._lookup_ended, wish))
        op.success(partial(self._arrived, wish)).failure(partial(self._refused, wish))
        op.run_in_background()

    def _lookup_ended(self, wish: _Wish) -> None:
        """Before the result is shown or dropped: the newest wish, if another, is looked up now."""
        self._looking_up = False
        if self._wish is not None and self._wish is not wish:
            self._look_up(self._wish)

    def _arrived(self, wish: _Wish, view: DossierView) -> None:
        if wish is not self._wish:
            return  # the selection moved on while it was read
        self._wish = None
        if not wish.by_code:
            self._show_view(view)
            return
        row = self.model.row_of(view.code)
        if row >= 0:
            self._preloaded = view
            self.select_row(row)
            if self._preloaded is not None:  # the row was already the selection: nothing changed
                self._preloaded = None
                self._show_view(view)
            return
        self.table.clearSelection()
        self.selected = [Selected(view.code, view.status)]
        self._show_view(view)
        self._update_buttons()

    def _refused(self, wish: _Wish, exc: UserError) -> None:
        if wish is not self._wish:
            return
        self._wish = None
        self._say(shown(exc), error=True)
        if not wish.by_code:
            self.detail.show_dossier(None)
        elif wish.previous is not None and wish.previous.code in {s.code for s in self.selected}:
            self._show_view(wish.previous)  # a code not found: what was open stays open
        elif self.table.selectionModel().hasSelection():
            self._selection_changed()
        else:
            self.detail.show_dossier(None)

    def _show_view(self, view: DossierView) -> None:
        self.detail.show_dossier(view, self.model.urgency_of(view.status, view.appointment_at))

    def _update_buttons(self) -> None:
        statuses = {s.status for s in self.selected}
        allowed: set[Action] = set()
        if len(statuses) == 1:
            allowed = set(allowed_actions(Status(statuses.pop())))
        batch = len(self.selected) > 1
        for action, button in self.action_buttons.items():
            enabled = action in allowed and (not batch or action is Action.TRANSFER)
            if action is Action.CANCEL:
                enabled = enabled and self.can_cancel
            button.setEnabled(enabled)
        if batch and len({s.status for s in self.selected}) > 1:
            self.selection_label.setText(
                self.tr("Đã chọn {0} hồ sơ khác trạng thái: chỉ chuyển lô hồ sơ cùng trạng thái.").format(
                    len(self.selected)
                )
            )
        elif batch:
            self.selection_label.setText(self.tr("Đã chọn {0} hồ sơ.").format(len(self.selected)))

    # ----------------------------------------------------------------- actions
    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(f"color: {'#b00020' if error else '#1b5e20'}")
        self.message.setText(text)
