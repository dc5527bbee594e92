"""Quản trị → Đơn vị: the office's profile (services/office_profile.py).

Every field of OfficeProfile; "Lưu" hands the whole profile to update_profile, which writes only
what changed and says it line by line. A refused field gets the service's message beside it and
nothing is written. Changes are dated: a slip issued earlier, printed again later, still shows what
it showed when it was issued. The identifier code is not edited here: "Đổi mã định danh…" explains
that a new series of dossier codes starts, asks, and calls change_identifier_code.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.dossier_code import format_code
from counter_app.domain.errors import UserError
from counter_app.domain.provinces import PROVINCES_2025
from counter_app.services import office_profile
from counter_app.services.setup_spec import OFFICE_LEVELS, TIME_POLICIES, OfficeProfile, Sessions, Span
from counter_app.ui.admin.common import GREY, Feedback, confirm, field_error_label, weekday_names
from counter_app.ui.i18n import domain_label
from counter_app.ui.messages import shown
from counter_app.ui.session import UiSession

TIME_FORMAT = "HH:mm"
MORNING: Span = ("07:30", "11:30")
AFTERNOON: Span = ("13:30", "17:00")
TEXT_FIELDS = (
    "name",
    "governing_body",
    "place",
    "address",
    "hotline",
    "email",
    "signatory_name",
    "signatory_title",
)


class HalfDay:
    """One session of one weekday: ticked or not, its start and end."""

    def __init__(self, label: str) -> None:
        self.tick = QCheckBox(label)
        self.start = QTimeEdit()
        self.end = QTimeEdit()
        for edit in (self.start, self.end):
            edit.setDisplayFormat(TIME_FORMAT)
        self.tick.toggled.connect(self._follow)

    def _follow(self, on: bool) -> None:
        self.start.setEnabled(on)
        self.end.setEnabled(on)

    def set_span(self, span: Span | None, default: Span) -> None:
        start, end = span or default
        self.start.setTime(QTime.fromString(start, TIME_FORMAT))
        self.end.setTime(QTime.fromString(end, TIME_FORMAT))
        self.tick.setChecked(span is not None)
        self._follow(span is not None)

    def span(self) -> Span | None:
        if not self.tick.isChecked():
            return None
        return (self.start.time().toString(TIME_FORMAT), self.end.time().toString(TIME_FORMAT))


class OfficeTab(QWidget):
    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._loaded: OfficeProfile | None = None
        self._extra: dict[int, tuple[Span, ...]] = {}  # sessions beyond the second of a day, kept
        self.errors: dict[str, QLabel] = {}
        self.widgets: dict[str, QWidget] = {}

        self.province = QComboBox()
        self.province.addItems(PROVINCES_2025)  # place names: the same in every language
        self.province.setPlaceholderText(self.tr("— Chọn tỉnh, thành phố —"))
        self.province.setMaxVisibleItems(20)
        self.level = QComboBox()
        for key, label in OFFICE_LEVELS.items():
            self.level.addItem(domain_label(label), key)
        self.level.setPlaceholderText(self.tr("— Chọn cấp đơn vị —"))
        self.fields: dict[str, QLineEdit] = {name: QLineEdit() for name in TEXT_FIELDS}
        self.time_policy = QComboBox()
        for key, label in TIME_POLICIES.items():
            self.time_policy.addItem(domain_label(label), key)
        self.code = QLineEdit()
        self.code.setReadOnly(True)
        self.code_button = QPushButton(self.tr("Đổi mã định danh…"))
        self.code_hint = QLabel()
        self.code_hint.setWordWrap(True)
        self.code_hint.setStyleSheet(f"color: {GREY}")

        f = self.fields
        identity = QFormLayout()
        identity.addRow(self.tr("Tỉnh, thành phố:"), self._field("province", self.province))
        identity.addRow(self.tr("Cấp đơn vị:"), self._field("level", self.level))
        identity.addRow(self.tr("Tên đơn vị:"), self._field("name", f["name"]))
        identity.addRow(self.tr("Cơ quan chủ quản:"), self._field("governing_body", f["governing_body"]))
        code_row = QHBoxLayout()
        code_row.addWidget(self.code, 1)
        code_row.addWidget(self.code_button)
        code_box = QWidget()
        code_layout = QVBoxLayout(code_box)
        code_layout.setContentsMargins(0, 0, 0, 0)
        code_layout.addLayout(code_row)
        code_layout.addWidget(self.code_hint)
        identity.addRow(self.tr("Mã định danh:"), self._field("identifier_code", code_box, self.code))
        identity_box = QGroupBox(self.tr("Đơn vị"))
        identity_box.setLayout(identity)

        slip = QFormLayout()
        slip.addRow(self.tr("Địa danh:"), self._field("place", f["place"]))
        slip.addRow(self.tr("Địa chỉ:"), self._field("address", f["address"]))
        slip.addRow(self.tr("Đường dây nóng:"), self._field("hotline", f["hotline"]))
        slip.addRow(self.tr("Thư điện tử:"), self._field("email", f["email"]))
        slip.addRow(self.tr("Người ký (họ tên):"), self._field("signatory_name", f["signatory_name"]))
        slip.addRow(self.tr("Chức danh người ký:"), self._field("signatory_title", f["signatory_title"]))
        slip_box = QGroupBox(self.tr("Thông tin in trên phiếu"))
        slip_box.setLayout(slip)

        self.days: list[tuple[HalfDay, HalfDay]] = []
        grid = QGridLayout()
        for day, name in enumerate(weekday_names()):
            morning, afternoon = HalfDay(self.tr("Sáng")), HalfDay(self.tr("Chiều"))
            self.days.append((morning, afternoon))
            grid.addWidget(QLabel(name), day, 0)
            for column, half in ((1, morning), (5, afternoon)):
                grid.addWidget(half.tick, day, column)
                grid.addWidget(half.start, day, column + 1)
                grid.addWidget(QLabel("–"), day, column + 2)
                grid.addWidget(half.end, day, column + 3)
        grid.setColumnStretch(9, 1)
        self.extra_note = QLabel()
        self.extra_note.setWordWrap(True)
        self.extra_note.setStyleSheet(f"color: {GREY}")
        hours = QWidget()
        hours_layout = QVBoxLayout(hours)
        hours_layout.setContentsMargins(0, 0, 0, 0)
        hours_layout.addLayout(grid)
        hours_layout.addWidget(self.extra_note)
        work = QFormLayout()
        work.addRow(self.tr("Buổi làm việc:"), self._field("sessions", hours, self.days[0][0].tick))
        work.addRow(self.tr("Cách tính thời hạn:"), self._field("time_policy", self.time_policy))
        work_box = QGroupBox(self.tr("Giờ làm việc"))
        work_box.setLayout(work)

        dated = QLabel(
            self.tr(
                "Các thay đổi có ngày hiệu lực: từ lúc lưu, phiếu mới in thông tin mới; một phiếu đã cấp "
                "trước đó, khi in lại, vẫn ghi đúng những gì nó ghi lúc cấp. Giờ làm việc và cách tính thời "
                "hạn chỉ áp dụng cho hồ sơ nhận từ lúc lưu: hồ sơ đã nhận giữ ngày hẹn đã ghi."
            )
        )
        dated.setWordWrap(True)
        dated.setStyleSheet(f"color: {GREY}")
        self.save_button = QPushButton(self.tr("Lưu"))
        self.revert_button = QPushButton(self.tr("Bỏ thay đổi"))
        self.message = Feedback()
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(identity_box)
        body_layout.addWidget(slip_box)
        body_layout.addWidget(work_box)
        body_layout.addStretch(1)
        scroll = QScrollArea()  # a small screen still reaches every field
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(dated)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.refresh)
        self.code_button.clicked.connect(self.change_code)

    def _field(self, name: str, widget: QWidget, focus: QWidget | None = None) -> QWidget:
        """``widget`` above the red line that says why its value was refused."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        label = field_error_label()
        layout.addWidget(label)
        self.errors[name] = label
        self.widgets[name] = focus or widget
        return box

    # ------------------------------------------------------------------------------------ reading

    def focus_start(self) -> None:
        self.fields["name"].setFocus()

    def refresh(self) -> None:
        try:
            profile = office_profile.current_profile(self._session.db, self._session.actor.office_id)
        except UserError as exc:
            self.message.say(shown(exc), error=True)
            return
        self._show(profile)

    def _show(self, profile: OfficeProfile) -> None:
        self._clear_errors()
        if profile.province and self.province.findText(profile.province) < 0:
            self.province.addItem(profile.province)  # a name from before the 2025 list: kept as it is
        self.province.setCurrentIndex(self.province.findText(profile.province))
        if profile.level and self.level.findData(profile.level) < 0:
            self.level.addItem(profile.level, profile.level)
        self.level.setCurrentIndex(self.level.findData(profile.level))
        for name, edit in self.fields.items():
            edit.setText(getattr(profile, name))
        self.time_policy.setCurrentIndex(max(0, self.time_policy.findData(profile.time_policy)))
        self.code.setText(profile.identifier_code)
        try:
            first = format_code(profile.identifier_code, self._session.local(self._session.now()).date(), 1)
            self.code_hint.setText(self.tr("Mã hồ sơ đầu tiên của một ngày theo mã này: {0}").format(first))
        except UserError:
            self.code_hint.clear()
        self._extra = {}
        for day, (morning, afternoon) in enumerate(self.days):
            spans = tuple(profile.sessions.get(day, ()))
            morning.set_span(spans[0] if spans else None, MORNING)
            afternoon.set_span(spans[1] if len(spans) > 1 else None, AFTERNOON)
            if len(spans) > 2:
                self._extra[day] = spans[2:]
        names = weekday_names()
        self.extra_note.setVisible(bool(self._extra))
        self.extra_note.setText(
            self.tr("Các buổi khác được giữ nguyên: {0}").format(
                "; ".join(
                    f"{names[day]} {', '.join(f'{a}–{b}' for a, b in spans)}"
                    for day, spans in self._extra.items()
                )
            )
        )
        self._loaded = self.profile()

    def sessions(self) -> Sessions:
        result: dict[int, tuple[Span, ...]] = {}
        for day, halves in enumerate(self.days):
            spans = tuple(span for span in (half.span() for half in halves) if span is not None)
            spans += self._extra.get(day, ()) if spans else ()
            if spans:
                result[day] = spans
        return result

    def profile(self) -> OfficeProfile:
        """The form as an OfficeProfile (the identifier code as it is: changed by its own button)."""
        return OfficeProfile(
            name=self.fields["name"].text(),
            identifier_code=self.code.text(),
            province=self.province.currentText() if self.province.currentIndex() >= 0 else "",
            level=self.level.currentData() or "",
            **{name: self.fields[name].text() for name in TEXT_FIELDS if name != "name"},
            time_policy=self.time_policy.currentData() or "",
            sessions=self.sessions(),
        )

    def has_unsaved_input(self) -> bool:
        """Something typed and not saved (the main window asks before closing)."""
        return self._loaded is not None and _comparable(self.profile()) != _comparable(self._loaded)

    def forget_input(self) -> None:
        """What was typed no longer counts as unsaved (the database it was meant for was replaced)."""
        self._loaded = None

    # ------------------------------------------------------------------------------------ actions

    def save(self) -> None:
        self._clear_errors()
        s = self._session
        # Only what this admin changed since the tab was read: a field another admin (or the
        # command line) changed in between is not put back.
        loaded, mine = self._loaded, self.profile()
        changes = {
            name: getattr(mine, name)
            for name in (*TEXT_FIELDS, "province", "level", "time_policy", "sessions")
            if loaded is None or _comparable_field(mine, name) != _comparable_field(loaded, name)
        }
        try:
            lines = office_profile.edit_profile(
                s.db, s.actor, changes, now=s.now(), office_id=s.actor.office_id
            )
        except UserError as exc:
            self._refused(exc)
            return
        if not lines:
            self.message.say(self.tr("Không có gì thay đổi."))
            return
        self.refresh()
        self.message.say(self.tr("Đã lưu thông tin đơn vị:") + "\n" + "\n".join(lines))

    def change_code(self) -> None:
        """Ask the new code, explain that a new series of dossier codes starts, change it."""
        self._clear_errors()
        s = self._session
        old = self.code.text()
        new, ok = QInputDialog.getText(
            self,
            self.tr("Đổi mã định danh"),
            self.tr("Mã định danh mới của đơn vị (ví dụ 000.17.22.H56):"),
            QLineEdit.EchoMode.Normal,
            old,
        )
        if not ok or not new.strip() or new.strip() == old:
            return
        try:
            new = office_profile.check_identifier_code(new)
        except UserError as exc:
            self._refused(exc)
            return
        today = s.local(s.now()).date()
        if not confirm(
            self,
            self.tr("Đổi mã định danh"),
            self.tr(
                "Đổi mã định danh từ {0} sang {1}?\n\nMã định danh đứng đầu mọi mã hồ sơ. Từ bây giờ hồ sơ "
                "mới được đánh số theo một dãy mới, bắt đầu từ {2}; hồ sơ đã nhận giữ nguyên mã cũ (đã in "
                "trên giấy tiếp nhận và vẫn tra cứu được). Sổ theo dõi hồ sơ tiếp tục số thứ tự.\n\n"
                "Chỉ đổi khi đơn vị được cấp mã mới."
            ).format(old, new, format_code(new, today, 1)),
        ):
            return
        try:
            office_profile.change_identifier_code(
                s.db, s.actor, new, now=s.now(), office_id=s.actor.office_id
            )
        except UserError as exc:
            self._refused(exc)
            return
        unsaved = self.has_unsaved_input()
        if unsaved:  # keep what was typed elsewhere in the form; only the code is new
            self.code.setText(new)
            self._loaded = replace(self._loaded, identifier_code=new) if self._loaded else None
        else:
            self.refresh()
        self.message.say(self.tr("Đã đổi mã định danh từ {0} sang {1}.").format(old, new))

    def _refused(self, exc: UserError) -> None:
        label = self.errors.get(exc.field or "")
        if label is not None:
            label.setText(shown(exc))
            label.show()
            self.widgets[exc.field or ""].setFocus()
        self.message.say(shown(exc), error=True)

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()


def _comparable_field(profile: OfficeProfile, name: str) -> object:
    """One field as compared for a change: text without extra spaces, sessions as plain data."""
    if name == "sessions":
        return tuple(sorted((d, tuple(s)) for d, s in profile.sessions.items()))
    return " ".join(str(getattr(profile, name)).split())


def _comparable(profile: OfficeProfile) -> tuple[object, ...]:
    """A profile as compared for unsaved input: texts without outer spaces, sessions as plain data."""
    texts = tuple(" ".join(str(getattr(profile, n)).split()) for n in (*TEXT_FIELDS, "province", "level"))
    sessions = tuple(sorted((d, tuple(s)) for d, s in profile.sessions.items()))
    return (*texts, profile.time_policy, sessions)
