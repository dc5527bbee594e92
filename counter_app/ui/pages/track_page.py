"""Theo dõi: the dossiers of the office, filtered, coloured by urgency, with the lifecycle's actions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
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
from counter_app.domain.lifecycle import OPEN_STATUSES, STATUS_LABELS, Action, Status, allowed_actions
from counter_app.services.actor import Role
from counter_app.services.lookup import DossierView, lookup
from counter_app.services.track_support import may, transfer_units, user_names
from counter_app.services.tracking import TrackFilter, filter_choices
from counter_app.ui.i18n import domain_label
from counter_app.ui.pages.action_dialogs import ActionDialog
from counter_app.ui.pages.dossier_detail import DossierDetail
from counter_app.ui.pages.track_actions import TrackActions
from counter_app.ui.pages.track_model import DUE_SOON_COLOUR, OVERDUE_COLOUR, TrackModel
from counter_app.ui.session import UiSession

OPEN_GROUP = "open"


@dataclass(frozen=True)
class Selected:
    code: str
    status: str


class TrackPage(TrackActions, QWidget):
    # (codes, unit code): a batch hand-over list can be printed for them.
    transferred = Signal(list, str)
    # (action, code) after any action succeeded (apology letter 04, stop notice 05 … can be printed).
    action_done = Signal(str, str)

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.dialog: ActionDialog | None = None
        self.selected: list[Selected] = []
        self.model = TrackModel(session)
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
        chain = [
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
    def _build_filters(self) -> None:
        choices = filter_choices(self._session.db)
        self.status_box = QComboBox()
        self.status_box.addItem(self.tr("Tất cả"), None)
        self.status_box.addItem(self.tr("Đang giải quyết (chưa có kết quả)"), OPEN_GROUP)
        for status in Status:
            self.status_box.addItem(domain_label(STATUS_LABELS[status]), str(status))
        self.due_box = QComboBox()
        for text, value in (
            (self.tr("Tất cả"), None),
            (self.tr("Đến hạn hôm nay"), "due_today"),
            (self.tr("Đến hạn trong 2 ngày"), "due_2_days"),
            (self.tr("Quá hạn"), "overdue"),
        ):
            self.due_box.addItem(text, value)
        self.field_box = self._choice_box(choices["fields"])
        self.unit_box = self._choice_box(choices["units"])
        self.officer_box = self._choice_box(choices["officers"])
        today = self._session.now().astimezone(self.model._tz).date()
        self.from_check = QCheckBox(self.tr("Nhận từ ngày"))
        self.to_check = QCheckBox(self.tr("đến ngày"))
        self.from_date = self._date_edit(today.replace(day=1))
        self.to_date = self._date_edit(today)
        self.reload_button = QPushButton(self.tr("Làm mới (Ctrl+Shift+R)"))
        self.clear_button = QPushButton(self.tr("Bỏ lọc"))

        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Trạng thái:")), 0, 0)
        grid.addWidget(self.status_box, 0, 1)
        grid.addWidget(QLabel(self.tr("Hạn trả:")), 0, 2)
        grid.addWidget(self.due_box, 0, 3)
        grid.addWidget(QLabel(self.tr("Lĩnh vực:")), 0, 4)
        grid.addWidget(self.field_box, 0, 5)
        grid.addWidget(QLabel(self.tr("Đơn vị:")), 1, 0)
        grid.addWidget(self.unit_box, 1, 1)
        grid.addWidget(QLabel(self.tr("Cán bộ:")), 1, 2)
        grid.addWidget(self.officer_box, 1, 3)
        dates = QHBoxLayout()
        for widget in (self.from_check, self.from_date, self.to_check, self.to_date):
            dates.addWidget(widget)
        dates.addStretch(1)
        grid.addLayout(dates, 1, 4, 1, 2)
        for column in (1, 3, 5):
            grid.setColumnStretch(column, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.clear_button)
        self.filter_bar = QHBoxLayout()
        self.filter_bar.addLayout(grid, 1)
        self.filter_bar.addLayout(buttons)

        for box in (self.status_box, self.due_box, self.field_box, self.unit_box, self.officer_box):
            box.currentIndexChanged.connect(self.apply_filters)
        for check, edit in ((self.from_check, self.from_date), (self.to_check, self.to_date)):
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self.apply_filters)
            edit.dateChanged.connect(self.apply_filters)
        self.reload_button.clicked.connect(self.reload)
        self.clear_button.clicked.connect(self.clear_filters)

    def _choice_box(self, choices: list) -> QComboBox:  # type: ignore[type-arg]
        box = QComboBox()
        box.addItem(self.tr("Tất cả"), None)
        for choice in choices:
            box.addItem(choice.label, choice.id)
        box.setMinimumContentsLength(12)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return box

    def _date_edit(self, day: date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setEnabled(False)
        return edit

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
            (Action.APOLOGISE, self.tr("Xin lỗi – hẹn lại"), "Ctrl+L", self.apologise),
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

    # ----------------------------------------------------------------- filters
    def focus_start(self) -> None:
        self.table.setFocus()
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.select_row(0)

    def current_filter(self) -> TrackFilter:
        status = self.status_box.currentData()
        statuses: tuple[str, ...] = ()
        if status == OPEN_GROUP:
            statuses = tuple(sorted(str(s) for s in OPEN_STATUSES))
        elif status:
            statuses = (status,)
        return TrackFilter(
            statuses=statuses,
            field_id=self.field_box.currentData(),
            unit_id=self.unit_box.currentData(),
            officer_id=self.officer_box.currentData(),
            received_from=self.from_date.date().toPython() if self.from_check.isChecked() else None,  # type: ignore[arg-type]
            received_to=self.to_date.date().toPython() if self.to_check.isChecked() else None,  # type: ignore[arg-type]
            due=self.due_box.currentData(),
        )

    def apply_filters(self) -> None:
        """Read the first page of the new filter (``_loaded`` or ``_filter_failed`` follow)."""
        self.model.set_filter(self.current_filter())

    def reload(self) -> None:
        """Read the list again (Ctrl+Shift+R), keeping the selected dossier selected if it is still listed."""
        self._reselect = self.selected[0].code if self.selected else None
        self.apply_filters()

    def _loaded(self) -> None:
        if self.message.property("filter_error"):
            self.message.clear()
            self.message.setProperty("filter_error", False)
        code, self._reselect = self._reselect, None
        if code and (row := self.model.row_of(code)) >= 0:
            self.select_row(row)
        self._update_count()

    def _filter_failed(self, message: str) -> None:
        self._say(message, error=True)
        self.message.setProperty("filter_error", True)

    def clear_filters(self) -> None:
        widgets = (self.status_box, self.due_box, self.field_box, self.unit_box, self.officer_box)
        for widget in (*widgets, self.from_check, self.to_check):
            widget.blockSignals(True)
        for box in widgets:
            box.setCurrentIndex(0)
        self.from_check.setChecked(False)
        self.to_check.setChecked(False)
        self.from_date.setEnabled(False)
        self.to_date.setEnabled(False)
        for widget in (*widgets, self.from_check, self.to_check):
            widget.blockSignals(False)
        self.apply_filters()

    def set_status_filter(self, status: str | None) -> None:
        self.status_box.setCurrentIndex(max(self.status_box.findData(status), 0))

    def set_due_filter(self, due: str | None) -> None:
        self.due_box.setCurrentIndex(max(self.due_box.findData(due), 0))

    def _update_count(self) -> None:
        shown = self.model.rowCount()
        more = self.model.canFetchMore()
        if shown == 0:
            text = self.tr("Không có hồ sơ nào theo bộ lọc.")
        elif more:
            text = self.tr("Đang hiện {0} hồ sơ mới nhất; cuộn xuống để xem tiếp.").format(shown)
        else:
            text = self.tr("{0} hồ sơ.").format(shown)
        self.selection_label.setText(text)

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
            self.detail.show_dossier(None)
        self._update_count()
        self._update_buttons()

    def _show_detail(self, code: str) -> DossierView | None:
        try:
            view = lookup(self._session.db, self._session.actor, code)
        except UserError as exc:
            self._say(exc.message, error=True)
            self.detail.show_dossier(None)
            return None
        self.detail.show_dossier(view, self.model.urgency_of(view.status, view.appointment_at))
        return view

    def show_code(self, code: str) -> None:
        """Open a dossier by its code (a scan): select its row if loaded, else show it alone."""
        try:
            view = lookup(self._session.db, self._session.actor, code)
        except UserError as exc:
            self._say(exc.message, error=True)
            return
        row = self.model.row_of(view.code)
        if row >= 0:
            self.select_row(row)
            return
        self.table.clearSelection()
        self.selected = [Selected(view.code, view.status)]
        self.detail.show_dossier(view, self.model.urgency_of(view.status, view.appointment_at))
        self._update_buttons()

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
