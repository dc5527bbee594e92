"""Hướng dẫn: the complete requirements of a procedure, given once.

Every line of the chosen case is shown as what it is (docs/catalog-rules.md): documents handed in,
numbered with their counts; documents shown and handed back in their own "Giấy tờ phải xuất trình"
section; headings bold; notes italic and never numbered. Terms and fees are given for every channel.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import UserError
from counter_app.services.actor import Role
from counter_app.services.catalog import show_procedure
from counter_app.services.catalog_format import ProcedureRecord
from counter_app.services.receiving import record_guidance
from counter_app.ui.messages import shown
from counter_app.ui.operations import ServiceOp
from counter_app.ui.pages.guide_text import fees_html, terms_html
from counter_app.ui.session import UiSession
from counter_app.ui.widgets.document_lines import Line, lines_of, split_notes, split_shown
from counter_app.ui.widgets.procedure_picker import ProcedurePicker

KIND_ROLE = Qt.ItemDataRole.UserRole  # on the name cell: submit, show, heading, note or "section"
NOTE_COLOUR = QColor("#5f6368")
SECTION_BACKGROUND = QColor("#e8eef7")


class GuidePage(QWidget):
    # procedure code, case number: the window prints the guidance slip
    print_requested = Signal(str, int)

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.record: ProcedureRecord | None = None
        self.guidance_count = 0
        self.picker = ProcedurePicker(session.db)
        self.title = QLabel(self.tr("Chọn một thủ tục để xem hướng dẫn."))
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 15px; font-weight: bold")
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.case_box = QComboBox()
        self.case_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.case_box.setMinimumContentsLength(30)
        self.documents = QTableWidget(0, 4)
        self.documents.setHorizontalHeaderLabels(
            [self.tr("STT"), self.tr("Tên giấy tờ"), self.tr("Bản chính"), self.tr("Bản sao")]
        )
        self.documents.verticalHeader().setVisible(False)
        header = self.documents.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.documents.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.documents.setWordWrap(True)
        self.documents.setVerticalScrollMode(QTableWidget.ScrollMode.ScrollPerPixel)
        # Terms and fees: the portal's wording can be long (a whole fee regulation), so it scrolls.
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.record_button = QPushButton(self.tr("Ghi nhận đã hướng dẫn"))
        self.record_button.setEnabled(False)
        self.print_button = QPushButton(self.tr("In phiếu hướng dẫn (Ctrl+P)"))
        self.print_button.setEnabled(False)

        details = QWidget()
        form = QFormLayout()
        form.addRow(self.tr("Trường hợp:"), self.case_box)
        right = QVBoxLayout(details)
        right.addWidget(self.title)
        right.addWidget(self.info)
        right.addLayout(form)
        right.addWidget(self.documents, 3)
        right.addWidget(self.details, 2)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.print_button)
        right.addLayout(buttons)

        splitter = QSplitter()
        splitter.addWidget(self.picker)
        splitter.addWidget(details)
        splitter.setSizes([420, 680])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.picker.chosen.connect(self.show_procedure)
        # currentIndexChanged passes the index: the slot takes nothing and reads the box itself.
        self.case_box.currentIndexChanged.connect(lambda _index: self._show_case())
        self.record_button.clicked.connect(self._record)
        self.print_button.clicked.connect(self._print)
        QShortcut(QKeySequence("Ctrl+P"), self, activated=self._print)
        # An auditor reads the guide; guiding a citizen (recorded, printed) is the counter's work.
        self.counter_work = session.actor.role != Role.AUDITOR
        self.record_button.setVisible(self.counter_work)
        self.print_button.setVisible(self.counter_work)

    def focus_start(self) -> None:
        self.picker.search.setFocus()
        self.picker.search.selectAll()

    def show_procedure(self, code: str) -> None:
        try:
            self.record = show_procedure(self._session.db, code)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Không xem được thủ tục"), shown(exc))
            return
        rec = self.record
        self.title.setText(f"{rec.code} — {rec.name}")
        level = {"province": self.tr("tỉnh"), "ward": self.tr("xã")}
        levels = ", ".join(level.get(x, x) for x in rec.level.split(",") if x)
        online = self.tr("toàn trình") if rec.full_online else self.tr("một phần")
        self.info.setText(
            self.tr("Lĩnh vực: {0} · Cấp thực hiện: {1} · Dịch vụ công trực tuyến: {2}").format(
                rec.field_name or "—", levels or "—", online
            )
        )
        self.case_box.blockSignals(True)
        self.case_box.clear()
        general = self.tr("Trường hợp chung")
        for index, case in enumerate(rec.cases, start=1):
            self.case_box.addItem(f"{index}. {case.name or general}", index)
            self.case_box.setItemData(index - 1, case.name or general, Qt.ItemDataRole.ToolTipRole)
        self.case_box.blockSignals(False)
        self.case_box.setEnabled(len(rec.cases) > 1)
        self._show_case()
        self.record_button.setEnabled(True)
        self.print_button.setEnabled(True)

    def case_name(self) -> str:
        if self.record is None or not self.record.cases:
            return ""
        return self.record.cases[max(self.case_box.currentIndex(), 0)].name

    def _show_case(self) -> None:
        if self.record is None:
            return
        case = self.record.cases[max(self.case_box.currentIndex(), 0)] if self.record.cases else None
        lines, notes = split_notes(lines_of(case.documents if case else []))
        main, shown = split_shown(lines)
        self.documents.clearSpans()
        self.documents.setRowCount(0)
        if shown or notes:
            self._add_section(self.tr("Giấy tờ phải nộp"))
        self._add_lines(main)
        if shown:
            self._add_section(self.tr("Giấy tờ phải xuất trình (kiểm tra rồi trả lại, không nộp)"))
            self._add_lines(shown)
        if notes:
            self._add_section(self.tr("Lưu ý"))
            self._add_lines(notes)
        if not main and not shown:
            self._add_section(self.tr("(Không yêu cầu giấy tờ)"))
        self.documents.resizeRowsToContents()
        terms_title, fees_title = self.tr("Thời hạn giải quyết"), self.tr("Phí, lệ phí")
        self.details.setHtml(
            f"<p><b>{terms_title}</b></p><p>{terms_html(self.record, self.case_name())}</p>"
            f"<p><b>{fees_title}</b></p><p>{fees_html(self.record)}</p>"
        )

    def _add_section(self, text: str) -> None:
        row = self._new_row(text, "section", bold=True)
        self.documents.item(row, 0).setBackground(QBrush(SECTION_BACKGROUND))
        self.documents.setSpan(row, 0, 1, 4)

    def _add_lines(self, lines: list[Line]) -> None:
        number = 0
        for line in lines:
            if line.kind in ("heading", "note"):
                # Read, not brought: unnumbered, no counts, across the name and count columns.
                row = self._new_row(line.name, line.kind, bold=line.kind == "heading", column=1)
                self.documents.setSpan(row, 1, 1, 3)
                if line.kind == "note":
                    self.documents.item(row, 1).setForeground(QBrush(NOTE_COLOUR))
                continue
            number += 1
            name = line.name
            if not line.required and "nếu có" not in name.lower():
                name += self.tr(" (nếu có)")
            row = self._new_row(name, line.kind, column=1)
            self.documents.setItem(row, 0, QTableWidgetItem(str(number)))
            if line.kind == "submit":  # a shown document is brought, checked and taken back: no count
                self.documents.setItem(row, 2, QTableWidgetItem(str(line.original_qty)))
                self.documents.setItem(row, 3, QTableWidgetItem(str(line.copy_qty)))

    def _new_row(self, text: str, kind: str, *, bold: bool = False, column: int = 0) -> int:
        row = self.documents.rowCount()
        self.documents.insertRow(row)
        item = QTableWidgetItem(text)
        item.setData(KIND_ROLE, kind)
        font = QFont(self.documents.font())
        font.setBold(bold)
        font.setItalic(kind == "note")
        item.setFont(font)
        self.documents.setItem(row, column, item)
        return row

    def rows(self) -> list[tuple[str, str, str]]:
        """(number, kind, text) of each row on screen, sections included (what the tests read)."""
        out = []
        for row in range(self.documents.rowCount()):
            first, name = self.documents.item(row, 0), self.documents.item(row, 1)
            item = name if name is not None else first
            number = first.text() if first is not None and name is not None else ""
            out.append((number, item.data(KIND_ROLE), item.text()))
        return out

    def _print(self) -> None:
        """Print the guidance slip: printing it is giving the guidance, so it is counted too."""
        if self.record is None or not self.counter_work:
            return
        self._record()
        self.print_requested.emit(self.record.code, max(self.case_box.currentIndex(), 0) + 1)

    def _record(self) -> None:
        """Count the guidance, written on the write lane (operations.py) — before the slip that
        ``_print`` asks for next, which queues behind it. Every press counts (not exclusive)."""
        if self.record is None or not self.counter_work:
            return
        s, code = self._session, self.record.code
        call = partial(
            record_guidance, s.db, s.actor, code, max(self.case_box.currentIndex(), 0) + 1, now=s.now()
        )

        def recorded(_result: object) -> None:
            self.guidance_count += 1
            window = self.window()
            if isinstance(window, QMainWindow):  # the page alone (tests) has no status bar
                window.statusBar().showMessage(
                    self.tr("Đã ghi nhận hướng dẫn thủ tục {0}.").format(code), 5000
                )

        op = ServiceOp(self, call, exclusive=False).success(recorded)
        op.failure(lambda exc: QMessageBox.warning(self, self.tr("Không ghi nhận được"), shown(exc)))
        op.run_in_background()
