"""Báo cáo (supervisor): any report for a period, previewed, printed or exported, built off the GUI thread."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QDate
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import UserError
from counter_app.output_files import write_atomic
from counter_app.services.exchange.province_files import day_file, period_file
from counter_app.services.exchange.province_view import has_offices
from counter_app.services.offices import office_choices
from counter_app.services.reports.files import FORMATS, ReportFilters, ReportRequest, build_report
from counter_app.services.tracking import Choice, filter_choices
from counter_app.ui.messages import shown
from counter_app.ui.printing import SlipPrinter
from counter_app.ui.session import UiSession
from counter_app.ui.widgets.receipt_banner import PathView
from counter_app.ui.worker import run_with_progress

PREVIEW_DPI = 80
PROVINCE_KINDS = ("province_period", "province_day")


class ReportsPage(QWidget):
    def __init__(
        self, session: UiSession, parent: QWidget | None = None, printer: object | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._printer = printer or SlipPrinter(self)
        self._runner = None
        self._pending = 0  # the request whose result is awaited; a cancelled one is ignored
        self.pdf: bytes | None = None
        self.kind = QComboBox()
        for kind, label in (
            ("period", self.tr("Tình hình, kết quả giải quyết TTHC (theo kỳ)")),
            ("day", self.tr("Báo cáo cuối ngày")),
            ("overdue", self.tr("Hồ sơ quá hạn và sắp đến hạn")),
            ("satisfaction", self.tr("Mức độ hài lòng")),
            ("register", self.tr("Sổ theo dõi hồ sơ")),
        ):
            self.kind.addItem(label, kind)
        if has_offices(session.db):  # a province's database: its reports across the offices
            self.kind.addItem(
                self.tr("Các văn phòng: tình hình, kết quả giải quyết (Biểu 06)"), "province_period"
            )
            self.kind.addItem(self.tr("Các văn phòng: tổng hợp cuối ngày"), "province_day")
        today = QDate.fromString(session.local(session.now()).date().isoformat(), "yyyy-MM-dd")
        self.date_from = QDateEdit(today.addDays(1 - today.day()))
        self.date_to = QDateEdit(today)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        choices = filter_choices(session.db)
        self.office = QComboBox()
        self.office.addItem(self.tr("Tất cả"), None)
        for office in office_choices(session.db):
            self.office.addItem(f"{office.name} ({office.identifier_code})", office.identifier_code)
        self.field = self._choice_box(choices["fields"])
        self.unit = self._choice_box(choices["units"])
        self.officer = self._choice_box(choices["officers"])
        self.procedure = QLineEdit()
        self.procedure.setPlaceholderText(self.tr("Mã thủ tục, cách nhau bởi dấu phẩy (để trống: tất cả)"))
        self.by = QComboBox()
        self._by_choices: tuple[str, ...] = ()
        self.preview_button = QPushButton(self.tr("Xem trước"))
        self.print_button = QPushButton(self.tr("In…"))
        self.xlsx_button = QPushButton(self.tr("Xuất Excel…"))
        self.csv_button = QPushButton(self.tr("Xuất CSV…"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.saved_path = PathView()
        self.saved_path.set_path(None)
        self.pages = QVBoxLayout()
        holder = QWidget()
        holder.setLayout(self.pages)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        form = QFormLayout()
        form.addRow(self.tr("Báo cáo:"), self.kind)
        form.addRow(self.tr("Từ ngày:"), self.date_from)
        form.addRow(self.tr("Đến ngày:"), self.date_to)
        form.addRow(self.tr("Nhóm theo:"), self.by)
        form.addRow(self.tr("Đơn vị tiếp nhận:"), self.office)
        form.addRow(self.tr("Lĩnh vực:"), self.field)
        form.addRow(self.tr("Đơn vị xử lý:"), self.unit)
        form.addRow(self.tr("Cán bộ:"), self.officer)
        form.addRow(self.tr("Thủ tục:"), self.procedure)
        buttons = QHBoxLayout()
        for button in (self.preview_button, self.print_button, self.xlsx_button, self.csv_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.saved_path)
        layout.addWidget(scroll, 1)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.preview_button.clicked.connect(lambda: self._build("pdf", self._show_preview))
        self.print_button.clicked.connect(lambda: self._build("pdf", self._print))
        self.xlsx_button.clicked.connect(lambda: self._export("xlsx"))
        self.csv_button.clicked.connect(lambda: self._export("csv"))
        self._kind_changed()

    def _choice_box(self, choices: list[Choice]) -> QComboBox:
        box = QComboBox()
        box.addItem(self.tr("Tất cả"), None)
        for choice in choices:
            box.addItem(choice.label, choice.id)
        return box

    def focus_start(self) -> None:
        self.kind.setFocus()

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        province = kind in PROVINCE_KINDS
        self._set_by_choices(("office", "field") if province else ("field", "unit"))
        self.by.setEnabled(kind in ("period", "province_period"))
        for widget in (self.field, self.unit, self.officer, self.procedure):
            widget.setEnabled(kind in ("period", "overdue", "satisfaction"))
        self.office.setEnabled(not province)  # the province's reports count every office
        self.date_from.setEnabled(kind != "overdue")
        self.date_to.setEnabled(kind in ("period", "satisfaction", "register", "province_period"))
        exportable = province or "xlsx" in FORMATS[kind]
        self.xlsx_button.setEnabled(exportable)
        self.csv_button.setEnabled(exportable)

    def _set_by_choices(self, choices: tuple[str, ...]) -> None:
        """The «Nhóm theo» choices of the report (kept when they stay the same)."""
        if choices == self._by_choices:
            return
        labels = {
            "field": self.tr("Theo lĩnh vực"),
            "unit": self.tr("Theo đơn vị xử lý"),
            "office": self.tr("Theo văn phòng"),
        }
        self._by_choices = choices
        self.by.clear()
        for choice in choices:
            self.by.addItem(labels[choice], choice)

    def _job(self, fmt: str):  # type: ignore[no-untyped-def]
        """What builds the chosen report's file (run off the GUI thread)."""
        s, kind = self._session, self.kind.currentData()
        first, last, by = (
            self.date_from.date().toPython(),
            self.date_to.date().toPython(),
            self.by.currentData(),
        )
        if kind == "province_period":
            return lambda: period_file(s.db, s.actor, first, last, by, fmt, now=s.now())
        if kind == "province_day":
            return lambda: day_file(s.db, s.actor, first, fmt, now=s.now())
        request = self.request(fmt)
        return lambda: build_report(s.db, s.actor, request, now=s.now())

    def request(self, fmt: str) -> ReportRequest:
        first = self.date_from.date().toPython()
        kind = self.kind.currentData()
        field, unit, officer = (box.currentData() for box in (self.field, self.unit, self.officer))
        filters = ReportFilters(
            field_ids=(field,) if field else (),
            procedure_codes=tuple(c.strip() for c in self.procedure.text().split(",") if c.strip()),
            unit_ids=(unit,) if unit else (),
            officer_ids=(officer,) if officer else (),
        )
        return ReportRequest(
            kind=kind,
            fmt=fmt,
            date_from=first,
            date_to=self.date_to.date().toPython(),
            day=first if kind == "day" else None,
            by=self.by.currentData(),
            office_code=self.office.currentData(),
            filters=filters,
        )

    def _build(self, fmt: str, then) -> None:  # type: ignore[no-untyped-def]
        """Build the report in a worker thread with a cancellable progress dialog."""
        if self._runner is not None:
            return
        job = self._job(fmt)
        self._pending += 1
        ticket = self._pending

        def done(data: bytes) -> None:
            self._runner = None
            if ticket == self._pending:
                then(data)

        def failed(exc: BaseException) -> None:
            self._runner = None
            if not isinstance(exc, UserError):
                raise exc
            self._say(shown(exc), error=True)

        self._say(self.tr("Đang lập báo cáo…"))
        self._runner = run_with_progress(
            self,
            self.tr("Đang lập báo cáo…"),
            lambda report: self._run(report, job),
            done,
            failed,
        )

    def _run(self, report, job) -> bytes | None:  # type: ignore[no-untyped-def]
        report(0, 0)
        data = job()
        if not report(1, 1):  # cancelled while it ran: the result is dropped
            self._pending += 1
        return data

    def _show_preview(self, data: bytes) -> None:
        self.pdf = data
        while self.pages.count():
            item = self.pages.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        document = pdfium.PdfDocument(data)
        for index in range(len(document)):
            image = document[index].render(scale=PREVIEW_DPI / 72).to_pil().convert("RGB")
            qimage = QImage(
                image.tobytes(), image.width, image.height, image.width * 3, QImage.Format.Format_RGB888
            )
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(qimage.copy()))
            self.pages.addWidget(label)
        pages = len(document)
        document.close()
        self._say(self.tr("Báo cáo có {0} trang.").format(pages))

    def _print(self, data: bytes) -> None:
        """Print with a preview; the PDF is kept under the data dir (opened there when no printer)."""
        self.pdf = data
        saved = None
        if self._session.paths is not None:
            stamp = self._session.local(self._session.now()).strftime("%Y%m%d-%H%M%S")
            saved = self._session.paths.data_dir / "reports" / f"{self.kind.currentData()}-{stamp}.pdf"
            saved.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(saved, data)
        self._say(self._printer.print_slip("report", data, saved, preview=True))  # type: ignore[attr-defined]

    def _export(self, fmt: str) -> None:
        kind = self.kind.currentData()
        suggested = f"bao-cao-{kind}-{self.date_from.date().toString('yyyyMMdd')}.{fmt}"
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu báo cáo"), suggested, f"*.{fmt}")
        if not name:
            return
        target = Path(name)

        def save(data: bytes) -> None:
            try:
                write_atomic(target, data)
            except UserError as exc:  # the writer says which file and why, in Vietnamese
                self._say(shown(exc), error=True)
                return
            self._say(self.tr("Đã lưu báo cáo tại:"), path=target)

        self._build(fmt, save)

    def _say(self, text: str, *, error: bool = False, path: Path | None = None) -> None:
        self.message.setStyleSheet("color: #b00020" if error else "color: #1b5e20")
        self.message.setText(text)
        self.saved_path.set_path(path)  # a path has no spaces: shown whole, wrapping anywhere
