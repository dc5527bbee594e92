"""Quản trị → Lịch làm việc: the office's own days off and working days (services/calendar_admin.py),
and what the calendar makes of them: the next 30 working days, and the appointment a procedure of
5 working days received now would get — shown again after every change."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import UserError
from counter_app.services import calendar_admin
from counter_app.services.calendar_admin import CalendarPreview, OverrideInfo
from counter_app.ui.admin.common import (
    GREY,
    Feedback,
    field_error_label,
    plain_table,
    weekday_names,
    with_error,
)
from counter_app.ui.messages import shown
from counter_app.ui.session import UiSession

PREVIEW_DAYS = 30
SAMPLE_TERM_DAYS = 5


class CalendarTab(QWidget):
    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._overrides: list[OverrideInfo] = []
        self.preview_data: CalendarPreview | None = None
        self.kinds = {"off": self.tr("Nghỉ"), "work": self.tr("Làm việc")}

        self.table = plain_table([self.tr("Ngày"), self.tr("Thứ"), self.tr("Loại"), self.tr("Ghi chú")])
        self.show_past = QCheckBox(self.tr("Hiện cả ngày đã qua"))
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.kind = QComboBox()
        for key, label in self.kinds.items():
            self.kind.addItem(label, key)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("ví dụ: Nghỉ bù ngày thành lập tỉnh"))
        self.day_error = field_error_label()
        self.note_error = field_error_label()
        self.set_button = QPushButton(self.tr("Lưu ngày này"))
        self.remove_button = QPushButton(self.tr("Bỏ ngày đang chọn"))
        self.message = Feedback()

        form = QFormLayout()
        form.addRow(self.tr("Ngày:"), with_error(self.day, self.day_error))
        form.addRow(self.tr("Loại:"), self.kind)
        form.addRow(self.tr("Ghi chú:"), with_error(self.note, self.note_error))
        buttons = QHBoxLayout()
        buttons.addWidget(self.set_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        note = QLabel(
            self.tr(
                "Ngày nghỉ, ngày làm việc riêng của đơn vị, ngoài lịch nghỉ lễ, Tết của Nhà nước và lịch "
                "làm việc hằng tuần. Ngày đã qua không sửa được: hồ sơ đã được hẹn theo lịch của ngày đó."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {GREY}")
        left = QGroupBox(self.tr("Ngày riêng của đơn vị"))
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(note)
        left_layout.addWidget(self.show_past)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(form)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.message)

        self.appointment = QLabel()
        self.appointment.setWordWrap(True)
        self.appointment.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.working_days = plain_table(
            [self.tr("Ngày"), self.tr("Thứ"), self.tr("Buổi làm việc"), self.tr("Ghi chú")]
        )
        self.days_off = plain_table([self.tr("Ngày"), self.tr("Thứ"), self.tr("Lý do nghỉ")])
        right = QGroupBox(self.tr("Xem trước: {0} ngày làm việc tới").format(PREVIEW_DAYS))
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.appointment)
        right_layout.addWidget(self.working_days, 3)
        right_layout.addWidget(QLabel(self.tr("Ngày nghỉ trong khoảng này:")))
        right_layout.addWidget(self.days_off, 1)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.show_past.toggled.connect(lambda _on: self.refresh())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.set_button.clicked.connect(self.set_day)
        self.note.returnPressed.connect(self.set_day)
        self.remove_button.clicked.connect(self.remove_day)
        self.day.dateChanged.connect(lambda _d: self.day_error.hide())
        self.note.textEdited.connect(lambda _t: self.note_error.hide())
        self._selection_changed()

    def today(self) -> date:
        return self._session.local(self._session.now()).date()

    # ------------------------------------------------------------------------------------ reading

    def focus_start(self) -> None:
        self.day.setFocus()

    def refresh(self) -> None:
        s = self._session
        keep = self.selected_day()
        if self.preview_data is None:  # first showing: tomorrow, the first day one usually sets
            self.day.setDate(_qdate(self.today() + timedelta(days=1)))
        try:
            self._overrides = calendar_admin.list_overrides(
                s.db,
                office_id=s.actor.office_id,
                from_day=None if self.show_past.isChecked() else self.today(),
            )
            preview = calendar_admin.preview(
                s.db, now=s.now(), days=PREVIEW_DAYS, term_days=SAMPLE_TERM_DAYS, office_id=s.actor.office_id
            )
        except UserError as exc:
            self.message.say(shown(exc), error=True)
            return
        names = weekday_names()
        self.table.setRowCount(len(self._overrides))
        for row, item in enumerate(self._overrides):
            past = item.day < self.today()
            cells = (
                item.day.strftime("%d/%m/%Y"),
                names[item.day.weekday()],
                self.kinds[item.kind],
                item.note,
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if past:
                    cell.setForeground(QBrush(QColor(GREY)))
                self.table.setItem(row, column, cell)
        if keep is not None:
            self.select(keep)
        self._show_preview(preview)
        self._selection_changed()

    def _show_preview(self, preview: CalendarPreview) -> None:
        self.preview_data = preview
        names = weekday_names()
        if preview.appointment_at is None:
            due = self.tr("không hẹn")
        else:
            local = self._session.local(preview.appointment_at)
            due = f"{names[local.weekday()]}, {self._session.local_text(preview.appointment_at)}"
        self.appointment.setText(
            self.tr("Hồ sơ {0} ngày làm việc nhận bây giờ hẹn trả: {1}").format(preview.term_days, due)
        )
        self.working_days.setRowCount(len(preview.days))
        for row, day in enumerate(preview.days):
            cells = (day.day.strftime("%d/%m/%Y"), names[day.day.weekday()], day.sessions, day.note)
            for column, text in enumerate(cells):
                self.working_days.setItem(row, column, QTableWidgetItem(text))
        self.days_off.setRowCount(len(preview.days_off))
        for row, off in enumerate(preview.days_off):
            cells = (off.day.strftime("%d/%m/%Y"), names[off.day.weekday()], off.reason)
            for column, text in enumerate(cells):
                self.days_off.setItem(row, column, QTableWidgetItem(text))

    def selected(self) -> OverrideInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self._overrides[rows[0].row()] if rows else None

    def selected_day(self) -> date | None:
        item = self.selected()
        return item.day if item else None

    def select(self, day: date) -> bool:
        for row, item in enumerate(self._overrides):
            if item.day == day:
                self.table.selectRow(row)
                return True
        self.table.clearSelection()
        return False

    def _selection_changed(self) -> None:
        item = self.selected()
        self.remove_button.setEnabled(item is not None)
        if item is not None:
            self.day.setDate(_qdate(item.day))
            self.kind.setCurrentIndex(self.kind.findData(item.kind))
            self.note.setText(item.note)

    # ------------------------------------------------------------------------------------ actions

    def set_day(self) -> None:
        s = self._session
        day, kind = self.day.date().toPython(), self.kind.currentData()
        self.day_error.hide()
        self.note_error.hide()
        try:
            changed = calendar_admin.set_override(
                s.db, s.actor, day, kind, self.note.text(), now=s.now(), office_id=s.actor.office_id
            )
        except UserError as exc:
            label = {"day": self.day_error, "note": self.note_error}.get(exc.field or "")
            if label is not None:
                label.setText(shown(exc))
                label.show()
            self.message.say(shown(exc), error=True)
            return
        self.refresh()
        self.select(day)
        text = (
            self.tr("Đã lưu: {0} là ngày {1}.").format(day.strftime("%d/%m/%Y"), self.kinds[kind].lower())
            if changed
            else self.tr("Ngày {0} đã như vậy: không có gì thay đổi.").format(day.strftime("%d/%m/%Y"))
        )
        self.message.say(text)

    def remove_day(self) -> None:
        item = self.selected()
        if item is None:
            return
        s = self._session
        try:
            calendar_admin.remove_override(s.db, s.actor, item.day, now=s.now(), office_id=s.actor.office_id)
        except UserError as exc:
            self.message.say(shown(exc), error=True)
            return
        self.refresh()
        self.message.say(
            self.tr("Đã bỏ ngày {0}: ngày này theo lịch chung của Nhà nước và lịch hằng tuần.").format(
                item.day.strftime("%d/%m/%Y")
            )
        )


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
