"""The Track page's filters and the loading of its list: building the filter bar, reading the
filter, reloading (on request, or because another page changed dossiers), counting what is shown.

A mixin of :class:`TrackPage` (kept apart so each module holds one concept). Its strings use the
"TrackPage" translation context explicitly: that is the context ``self.tr`` has at run time.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from counter_app.domain.lifecycle import OPEN_STATUSES, STATUS_LABELS, Status
from counter_app.services.tracking import TrackFilter, filter_choices
from counter_app.ui.i18n import domain_label

OPEN_GROUP = "open"


class TrackFilters:
    """Filter bar and list loading (needs TrackPage's session, model, message and selection)."""

    _stale = False  # another page changed dossiers while this one was hidden

    # ----------------------------------------------------------------- building
    def _build_filters(self) -> None:
        choices = filter_choices(self._session.db)
        self.status_box = QComboBox()
        self.status_box.addItem(QCoreApplication.translate("TrackPage", "Tất cả"), None)
        self.status_box.addItem(
            QCoreApplication.translate("TrackPage", "Đang giải quyết (chưa có kết quả)"), OPEN_GROUP
        )
        for status in Status:
            self.status_box.addItem(domain_label(STATUS_LABELS[status]), str(status))
        self.due_box = QComboBox()
        for text, value in (
            (QCoreApplication.translate("TrackPage", "Tất cả"), None),
            (QCoreApplication.translate("TrackPage", "Đến hạn hôm nay"), "due_today"),
            (QCoreApplication.translate("TrackPage", "Đến hạn trong 2 ngày"), "due_2_days"),
            (QCoreApplication.translate("TrackPage", "Quá hạn"), "overdue"),
        ):
            self.due_box.addItem(text, value)
        self.field_box = self._choice_box(choices["fields"])
        self.unit_box = self._choice_box(choices["units"])
        self.officer_box = self._choice_box(choices["officers"])
        today = self._session.now().astimezone(self.model._tz).date()
        self.from_check = QCheckBox(QCoreApplication.translate("TrackPage", "Nhận từ ngày"))
        self.to_check = QCheckBox(QCoreApplication.translate("TrackPage", "đến ngày"))
        self.from_date = self._date_edit(today.replace(day=1))
        self.to_date = self._date_edit(today)
        self.reload_button = QPushButton(QCoreApplication.translate("TrackPage", "Làm mới (Ctrl+Shift+R)"))
        self.clear_button = QPushButton(QCoreApplication.translate("TrackPage", "Bỏ lọc"))

        grid = QGridLayout()
        captions = (
            (QCoreApplication.translate("TrackPage", "Trạng thái:"), self.status_box, 0, 0),
            (QCoreApplication.translate("TrackPage", "Hạn trả:"), self.due_box, 0, 2),
            (QCoreApplication.translate("TrackPage", "Lĩnh vực:"), self.field_box, 0, 4),
            (QCoreApplication.translate("TrackPage", "Đơn vị:"), self.unit_box, 1, 0),
            (QCoreApplication.translate("TrackPage", "Cán bộ:"), self.officer_box, 1, 2),
        )
        for caption, box, row, column in captions:
            grid.addWidget(QLabel(caption), row, column)
            grid.addWidget(box, row, column + 1)
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
        box.addItem(QCoreApplication.translate("TrackPage", "Tất cả"), None)
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

    # ----------------------------------------------------------------- filters
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
        self._stale = False
        self.model.set_filter(self.current_filter())

    def reload(self) -> None:
        """Read the list again (Ctrl+Shift+R), keeping the selected dossier selected if it is still listed."""
        self._reselect = self.selected[0].code if self.selected else None
        self.apply_filters()

    def mark_stale(self, *_args: object) -> None:
        """Another page received, refused or returned a dossier: re-read the list now if it is on
        screen, else the next time it is shown (one query then, not one per dossier received)."""
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def _reload_if_stale(self) -> None:
        if self._stale:
            self.reload()

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
        if shown == 0:
            text = QCoreApplication.translate("TrackPage", "Không có hồ sơ nào theo bộ lọc.")
        elif self.model.canFetchMore():
            text = QCoreApplication.translate(
                "TrackPage", "Đang hiện {0} hồ sơ mới nhất; cuộn xuống để xem tiếp."
            ).format(shown)
        else:
            text = QCoreApplication.translate("TrackPage", "{0} hồ sơ.").format(shown)
        self.selection_label.setText(text)
