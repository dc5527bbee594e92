"""The tracking table: a keyset-paged view over ``list_dossiers``, 200 rows at a time.

The view asks ``canFetchMore``/``fetchMore`` as the officer scrolls, so a million dossiers cost
what the rows on screen cost: nothing is ever loaded in full. A page is an index range scan
(3–25 ms on a million rows for the indexed filters), read on the GUI thread: see the note in
the report about Python worker threads and Qt objects collected there.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from counter_app.domain.errors import UserError
from counter_app.domain.lifecycle import RUNNING_STATUSES, STATUS_LABELS, Status
from counter_app.services.action_choices import DueWindow, due_window
from counter_app.services.lookup import DossierView
from counter_app.services.tracking import TrackFilter, TrackRow, list_dossiers
from counter_app.ui.i18n import domain_label
from counter_app.ui.messages import shown
from counter_app.ui.session import UiSession

PAGE_SIZE = 200
OVERDUE_COLOUR = QColor("#f8d0d0")  # light red
DUE_SOON_COLOUR = QColor("#ffe3a3")  # amber
# Only a dossier on the office's clock is coloured: one waiting for the citizen is never late.
_RUNNING = frozenset(str(s) for s in RUNNING_STATUSES)

Index = QModelIndex | QPersistentModelIndex


def status_label(status: str) -> str:
    try:
        return domain_label(STATUS_LABELS[Status(status)])
    except ValueError:
        return status


class TrackModel(QAbstractTableModel):
    """Rows of the tracking list, read a page at a time."""

    CODE, APPLICANT, PROCEDURE, FIELD, UNIT, OFFICER, STATUS, RECEIVED, DUE = range(9)
    loaded = Signal()  # a page arrived
    failed = Signal(str)  # a filter the service refused (Vietnamese message)

    def __init__(self, session: UiSession, page_size: int = PAGE_SIZE) -> None:
        super().__init__()
        self._session = session
        self._tz = ZoneInfo(session.timezone)
        self._page_size = page_size
        self._filter = TrackFilter()
        self._rows: list[TrackRow] = []
        self._next: tuple[datetime, object] | None = None
        self._more = False
        self._window: DueWindow | None = None
        self._headers = [
            QCoreApplication.translate("TrackModel", "Mã hồ sơ"),
            QCoreApplication.translate("TrackModel", "Người nộp"),
            QCoreApplication.translate("TrackModel", "Thủ tục"),
            QCoreApplication.translate("TrackModel", "Lĩnh vực"),
            QCoreApplication.translate("TrackModel", "Đơn vị xử lý"),
            QCoreApplication.translate("TrackModel", "Cán bộ tiếp nhận"),
            QCoreApplication.translate("TrackModel", "Trạng thái"),
            QCoreApplication.translate("TrackModel", "Ngày nhận"),
            QCoreApplication.translate("TrackModel", "Hẹn trả"),
        ]

    # ----------------------------------------------------------------- loading
    def set_filter(self, filters: TrackFilter) -> None:
        """Start over with ``filters`` (``loaded``), or say why the service refused them (``failed``)."""
        now = self._session.now()
        try:
            first = list_dossiers(
                self._session.db, self._session.actor, filters, now=now, limit=self._page_size
            )
            window = due_window(self._session.db, now)
        except UserError as exc:
            self.failed.emit(shown(exc))
            return
        self.beginResetModel()
        self._filter, self._window = filters, window
        self._rows = list(first.rows)
        self._next = first.next_key
        self._more = first.next_key is not None
        self.endResetModel()
        self.loaded.emit()

    def reload(self) -> None:
        self.set_filter(self._filter)

    @property
    def filters(self) -> TrackFilter:
        return self._filter

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802, B008
        if parent.isValid() or not self._more:
            return
        now = self._window.now if self._window else self._session.now()
        page = list_dossiers(
            self._session.db,
            self._session.actor,
            self._filter,
            now=now,
            after=self._next,  # type: ignore[arg-type]
            limit=self._page_size,
        )
        self._next = page.next_key
        self._more = page.next_key is not None
        if page.rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()
        self.loaded.emit()

    def update_from_view(self, view: DossierView) -> None:
        """After an action: the row of this dossier shows its new status, unit and appointment."""
        for number, row in enumerate(self._rows):
            if row.id == view.id:
                self._rows[number] = dataclasses.replace(
                    row,
                    status=view.status,
                    unit_name=view.current_unit or "",
                    appointment_at=view.appointment_at,
                )
                self.dataChanged.emit(self.index(number, 0), self.index(number, self.columnCount() - 1))
                return

    # ----------------------------------------------------------------- access
    def row_at(self, number: int) -> TrackRow:
        return self._rows[number]

    def row_of(self, code: str) -> int:
        return next((n for n, row in enumerate(self._rows) if row.code == code), -1)

    def codes(self) -> list[str]:
        return [row.code for row in self._rows]

    def urgency(self, row: TrackRow) -> str | None:
        return self.urgency_of(row.status, row.appointment_at)

    def urgency_of(self, status: str, appointment_at: datetime | None) -> str | None:
        """Overdue ("overdue"), due within 2 working days ("due_soon") or None, for a dossier on the
        office's clock (open and not waiting for the citizen)."""
        if self._window is None or appointment_at is None or status not in _RUNNING:
            return None
        if appointment_at < self._window.now:
            return "overdue"
        if appointment_at < self._window.soon_until:
            return "due_soon"
        return None

    # ----------------------------------------------------------------- Qt model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def _local(self, instant: datetime | None) -> str:
        return instant.astimezone(self._tz).strftime("%d/%m/%Y %H:%M") if instant else ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            urgency = self.urgency(row)
            if urgency == "overdue":
                return QBrush(OVERDUE_COLOUR)
            if urgency == "due_soon":
                return QBrush(DUE_SOON_COLOUR)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            urgency = self.urgency(row)
            if urgency == "overdue":
                return QCoreApplication.translate("TrackModel", "Quá hạn: hẹn trả {0}").format(
                    self._local(row.appointment_at)
                )
            if urgency == "due_soon":
                return QCoreApplication.translate("TrackModel", "Sắp đến hạn: hẹn trả {0}").format(
                    self._local(row.appointment_at)
                )
            if column in (self.PROCEDURE, self.UNIT, self.APPLICANT):
                return self._text(row, column)
            return None
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def _text(self, row: TrackRow, column: int) -> str:
        match column:
            case self.CODE:
                return row.code
            case self.APPLICANT:
                return row.applicant_name
            case self.PROCEDURE:
                return row.procedure_name
            case self.FIELD:
                return row.field_name
            case self.UNIT:
                return row.unit_name
            case self.OFFICER:
                return row.officer
            case self.STATUS:
                return status_label(row.status)
            case self.RECEIVED:
                return self._local(row.received_at)
            case self.DUE:
                return (
                    self._local(row.appointment_at)
                    if row.appointment_at
                    else QCoreApplication.translate("TrackModel", "không hẹn")
                )
        return ""
