"""Page 2, Giờ làm việc: each weekday's morning and afternoon, and how terms are counted."""

from __future__ import annotations

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from counter_app.domain.errors import ValidationError
from counter_app.services.setup_spec import (
    DEFAULT_SESSIONS,
    SATURDAY_MORNING,
    TIME_POLICIES,
    Sessions,
    Span,
    check_sessions,
)
from counter_app.ui.i18n import domain_label
from counter_app.ui.messages import shown
from counter_app.ui.setup.common import FieldErrors, error_label, hint_label, weekday_names

MORNING, AFTERNOON = DEFAULT_SESSIONS[0]  # the hours a day not worked by default shows, unticked
TIME_FORMAT = "HH:mm"


class HalfDay:
    """One session of one weekday: ticked or not, its start and end."""

    def __init__(self, label: str, span: Span, on: bool) -> None:
        self.tick = QCheckBox(label)
        self.start = QTimeEdit(QTime.fromString(span[0], TIME_FORMAT))
        self.end = QTimeEdit(QTime.fromString(span[1], TIME_FORMAT))
        for edit in (self.start, self.end):
            edit.setDisplayFormat(TIME_FORMAT)
        self.tick.toggled.connect(self._follow)
        self.tick.setChecked(on)
        self._follow(on)

    def _follow(self, on: bool) -> None:
        self.start.setEnabled(on)
        self.end.setEnabled(on)

    def span(self) -> Span | None:
        if not self.tick.isChecked():
            return None
        return (self.start.time().toString(TIME_FORMAT), self.end.time().toString(TIME_FORMAT))

    def set_times(self, span: tuple[QTime, QTime]) -> None:
        self.start.setTime(span[0])
        self.end.setTime(span[1])


class SetupHoursPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Giờ làm việc"))
        self.setSubTitle(
            self.tr(
                "Các buổi tiếp nhận trong tuần: giờ hẹn trả kết quả chỉ rơi vào những buổi này "
                "(trừ ngày nghỉ lễ, Tết)."
            )
        )
        names = weekday_names()
        self.days: list[tuple[HalfDay, HalfDay]] = []
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("<b>Buổi sáng</b>")), 0, 1, 1, 4)
        grid.addWidget(QLabel(self.tr("<b>Buổi chiều</b>")), 0, 5, 1, 4)
        for day, name in enumerate(names):
            default = dict(zip((0, 1), DEFAULT_SESSIONS.get(day, ()), strict=False))
            usual_morning = SATURDAY_MORNING[0] if day == 5 else MORNING
            morning = HalfDay(self.tr("Sáng"), default.get(0, usual_morning), 0 in default)
            afternoon = HalfDay(self.tr("Chiều"), default.get(1, AFTERNOON), 1 in default)
            self.days.append((morning, afternoon))
            row = day + 1
            grid.addWidget(QLabel(name), row, 0)
            for column, half in ((1, morning), (5, afternoon)):
                grid.addWidget(half.tick, row, column)
                grid.addWidget(half.start, row, column + 1)
                grid.addWidget(QLabel("–"), row, column + 2)
                grid.addWidget(half.end, row, column + 3)
        grid.setColumnStretch(9, 1)
        self.copy_monday = QPushButton(self.tr("Dùng giờ của Thứ Hai cho các ngày khác"))
        self.copy_monday.clicked.connect(self._copy_monday)
        self.saturday_hint = hint_label(
            self.tr("Đơn vị làm việc sáng thứ Bảy: đánh dấu «Sáng» ở dòng Thứ Bảy.")
        )
        self.sessions_error = error_label()
        hours_box = QGroupBox(self.tr("Các buổi làm việc"))
        hours_layout = QVBoxLayout(hours_box)
        hours_layout.addLayout(grid)
        copy_row = QHBoxLayout()
        copy_row.addWidget(self.copy_monday)
        copy_row.addStretch(1)
        hours_layout.addLayout(copy_row)
        hours_layout.addWidget(self.saturday_hint)
        hours_layout.addWidget(self.sessions_error)

        self.policy_buttons = QButtonGroup(self)
        self.policies: dict[str, QRadioButton] = {}
        policy_box = QGroupBox(self.tr("Cách tính thời hạn giải quyết"))
        policy_layout = QVBoxLayout(policy_box)
        for key, label in TIME_POLICIES.items():
            button = QRadioButton(domain_label(label))
            self.policies[key] = button
            self.policy_buttons.addButton(button)
            policy_layout.addWidget(button)
        self.policies["hours"].setChecked(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hours_box)
        layout.addWidget(policy_box)
        layout.addStretch(1)
        self.errors = FieldErrors()
        self.errors.add("sessions", self.days[0][0].start, self.sessions_error)
        for halves in self.days:  # any change of the hours takes the message away
            for half in halves:
                half.tick.toggled.connect(lambda _on: self.errors.clear("sessions"))
                half.start.timeChanged.connect(lambda _t: self.errors.clear("sessions"))
                half.end.timeChanged.connect(lambda _t: self.errors.clear("sessions"))
        self.policy_error = error_label()
        policy_layout.addWidget(self.policy_error)
        self.errors.add("time_policy", self.policies["hours"], self.policy_error)

    def sessions(self) -> Sessions:
        result: dict[int, tuple[Span, ...]] = {}
        for day, halves in enumerate(self.days):
            spans = tuple(span for span in (half.span() for half in halves) if span is not None)
            if spans:
                result[day] = spans
        return result

    def time_policy(self) -> str:
        return next((key for key, button in self.policies.items() if button.isChecked()), "")

    def validatePage(self) -> bool:  # noqa: N802
        return self.errors.show(self.problems())

    def problems(self) -> dict[str, str]:
        """The first refused session (its start edit takes the focus), else no session at all."""
        for day, halves in enumerate(self.days):
            ticked = [half for half in halves if half.tick.isChecked()]
            # Each session alone (start before end), then the day's two together (in order).
            for group in [[half] for half in ticked] + ([ticked] if len(ticked) > 1 else []):
                try:
                    check_sessions({day: tuple(half.span() for half in group)})  # type: ignore[misc]
                except ValidationError as exc:
                    self.errors.widgets["sessions"] = group[-1].start
                    return {"sessions": shown(exc)}
        try:
            check_sessions(self.sessions())
        except ValidationError as exc:
            self.errors.widgets["sessions"] = self.days[0][0].tick
            return {"sessions": shown(exc)}
        return {}

    def show_error(self, field: str, message: str) -> bool:
        if field not in self.errors.labels:
            return False
        self.errors.show({field: message})
        return True

    def _copy_monday(self) -> None:
        monday = self.days[0]
        for halves in self.days[1:]:
            for source, target in zip(monday, halves, strict=True):
                target.set_times((source.start.time(), source.end.time()))
